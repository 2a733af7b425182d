package scimdoc

import (
	"bytes"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// line is one line of the page as the parser reads it, with the line of
// the source it comes from (1-based).
type line struct {
	text string
	num  int
}

// textLines splits a text page into lines; "\r\n" and "\r" end lines too.
func textLines(data []byte) []line {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var out []line
	for i, l := range strings.Split(s, "\n") {
		out = append(out, line{strings.TrimRightFunc(l, unicode.IsSpace), i + 1})
	}
	return out
}

// looksLikeHTML tells an HTML page from a text rendering: it starts with a
// tag or holds one of the elements pages are made of.
func looksLikeHTML(data []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 64)]))
	if bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) {
		return true
	}
	for i := bytes.IndexByte(data, '<'); i >= 0; {
		rest := data[i+1:]
		for _, tag := range []string{"body", "pre", "table", "p>", "div", "h1", "h2", "h3", "ul", "code"} {
			if len(rest) >= len(tag) && bytes.EqualFold(rest[:len(tag)], []byte(tag)) {
				return true
			}
		}
		j := bytes.IndexByte(rest, '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// blockTags end a line of text before and after them.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Br: true,
	atom.Caption: true, atom.Dd: true, atom.Details: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Nav: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true, atom.Ul: true,
}

// paragraphTags leave an empty line after them.
var paragraphTags = map[atom.Atom]bool{
	atom.P: true, atom.Pre: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Section: true, atom.Article: true, atom.Dl: true,
}

var headingLevel = map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6}

// renderer turns HTML into the lines a text rendering of the page would
// have: headings as "## Title", list items as "  • item" (two spaces per
// level), <pre> verbatim, tables as Markdown pipe tables, paragraphs
// separated by an empty line. Each line keeps the source line it starts
// on.
type renderer struct {
	out     []line
	buf     strings.Builder
	bufLine int
	line    int // current source line
	pre     int
	skip    int
	lists   int
	// table state: the row being read, the cell being read, rows so far.
	tables  int
	row     []string
	cell    *strings.Builder
	rows    int
	rowLine int
}

func htmlLines(data []byte) []line {
	r := &renderer{line: 1}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		startLine := r.line
		r.line += bytes.Count(raw, []byte("\n"))
		switch tt {
		case html.TextToken:
			if r.skip > 0 {
				continue
			}
			r.text(string(z.Text()), startLine)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			r.start(atom.Lookup(name), startLine, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			r.end(atom.Lookup(name))
		}
	}
	r.flush()
	return r.out
}

func (r *renderer) text(s string, at int) {
	if r.cell != nil {
		r.cell.WriteString(s)
		return
	}
	if r.pre > 0 {
		// Verbatim: every line of the block is a line of its own.
		parts := strings.Split(s, "\n")
		for i, p := range parts {
			if i > 0 {
				r.flushRaw()
				at++
			}
			if r.buf.Len() == 0 {
				r.bufLine = at
			}
			r.buf.WriteString(p)
		}
		return
	}
	s = collapse(s)
	if strings.TrimSpace(s) == "" && r.buf.Len() == 0 {
		return
	}
	if r.buf.Len() == 0 {
		r.bufLine = at
	}
	if b := r.buf.String(); b == "" || strings.HasSuffix(b, " ") {
		s = strings.TrimLeft(s, " ")
	}
	r.buf.WriteString(s)
}

func (r *renderer) start(a atom.Atom, at int, selfClosing bool) {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
		if !selfClosing {
			r.skip++
		}
		return
	}
	if r.skip > 0 {
		return
	}
	if r.cell != nil {
		switch a {
		case atom.Td, atom.Th, atom.Tr:
			r.endCell()
		default:
			if blockTags[a] {
				r.cell.WriteString(" ")
			}
			return
		}
	}
	switch a {
	case atom.Tr:
		r.endRow()
		r.row, r.rowLine = []string{}, at
		return
	case atom.Td, atom.Th:
		if r.tables > 0 {
			if r.row == nil {
				r.row, r.rowLine = []string{}, at
			}
			r.cell = &strings.Builder{}
		}
		return
	}
	if blockTags[a] {
		r.flush()
	}
	switch a {
	case atom.Pre:
		r.pre++
	case atom.Ul, atom.Ol:
		r.lists++
	case atom.Table:
		r.tables++
		r.rows = 0
	case atom.Li:
		r.bufLine = at
		r.buf.WriteString(strings.Repeat("  ", max(r.lists, 1)) + "• ")
	}
	if lvl, ok := headingLevel[a]; ok {
		r.bufLine = at
		r.buf.WriteString(strings.Repeat("#", lvl) + " ")
	}
}

func (r *renderer) end(a atom.Atom) {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
		if r.skip > 0 {
			r.skip--
		}
		return
	}
	if r.skip > 0 {
		return
	}
	switch a {
	case atom.Td, atom.Th:
		r.endCell()
		return
	case atom.Tr:
		r.endRow()
		return
	case atom.Table:
		r.endRow()
		if r.tables > 0 {
			r.tables--
		}
	}
	if r.cell != nil {
		if blockTags[a] {
			r.cell.WriteString(" ")
		}
		return
	}
	if blockTags[a] {
		r.flush()
	}
	switch a {
	case atom.Pre:
		if r.pre > 0 {
			r.pre--
		}
	case atom.Ul, atom.Ol:
		if r.lists > 0 {
			r.lists--
		}
	}
	// One empty line between paragraphs, however many elements close:
	// in HTML, labels rather than empty-line runs separate sections.
	if paragraphTags[a] && len(r.out) > 0 && r.out[len(r.out)-1].text != "" {
		r.out = append(r.out, line{"", r.line})
	}
}

func (r *renderer) endCell() {
	if r.cell == nil {
		return
	}
	c := strings.TrimSpace(collapse(r.cell.String()))
	r.row = append(r.row, strings.ReplaceAll(c, "|", `\|`))
	r.cell = nil
}

// endRow writes the row being read as "a | b |", and after a table's
// first row the separator that makes it a header.
func (r *renderer) endRow() {
	r.endCell()
	if r.row == nil {
		return
	}
	if len(r.row) > 0 {
		r.flush()
		r.out = append(r.out, line{strings.Join(r.row, " | ") + " |", r.rowLine})
		if r.rows == 0 {
			r.out = append(r.out, line{strings.Repeat("---|", len(r.row)), r.rowLine})
		}
		r.rows++
	}
	r.row = nil
}

func (r *renderer) flush() {
	if r.pre > 0 {
		r.flushRaw()
		return
	}
	t := strings.TrimRight(r.buf.String(), " ")
	r.buf.Reset()
	if strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(t), "#•")) == "" {
		return
	}
	r.out = append(r.out, line{t, r.bufLine})
}

func (r *renderer) flushRaw() {
	t := strings.TrimRightFunc(r.buf.String(), unicode.IsSpace)
	r.buf.Reset()
	r.out = append(r.out, line{t, r.bufLine})
}

// collapse turns every run of white space (any Unicode space, &nbsp;
// included) into one space.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, c := range s {
		if unicode.IsSpace(c) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(c)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
