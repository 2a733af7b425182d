package sections

import (
	"bytes"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/parse/internal/htmlsafe"
)

// FromMarkdown returns the blocks of a goldmark document parsed from
// src: headings, paragraphs and the paragraphs of list items, in document
// order. Tables, code blocks and thematic breaks give none; raw HTML
// blocks give the blocks [FromHTML] finds in them, at the HTML block's
// line.
func FromMarkdown(doc ast.Node, src []byte) []Block {
	var blocks []Block
	scanMarkdown(doc, src, func(b Block) { blocks = append(blocks, b) })
	return blocks
}

// ReadMarkdown is Read(FromMarkdown(doc, src), file) with Describe's
// summary, without holding every block (see ReadHTML).
func ReadMarkdown(doc ast.Node, src []byte, file string) (entries []catalog.Entry, report *catalog.Report, found bool, described string) {
	r := newReader(file)
	var d describer
	i := 0
	scanMarkdown(doc, src, func(b Block) {
		r.block(i, &b)
		d.add(&b)
		i++
	})
	entries, report, found = r.done()
	return entries, report, found, d.String()
}

func scanMarkdown(doc ast.Node, src []byte, emit func(Block)) {
	f := mdFront{src: src, lines: lineStarts(src), emit: emit}
	f.walk(doc)
}

type mdFront struct {
	src   []byte
	lines []int // byte offset of the start of every line
	emit  func(Block)
	depth int // list nesting
}

// lineStarts returns the offset of the start of every line of src.
func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// LineOf returns the 1-based line of byte offset off, given the line
// starts of [lineStarts].
func lineOf(starts []int, off int) int {
	return sort.Search(len(starts), func(i int) bool { return starts[i] > off })
}

// line returns the line where block node n starts, 0 when unknown.
func (f *mdFront) line(n ast.Node) int {
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return lineOf(f.lines, l.At(0).Start)
	}
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return lineOf(f.lines, t.Segment.Start)
		}
	}
	return 0
}

// walk visits the block nodes under root. It is iterative so that deeply
// nested block quotes or lists cannot exhaust the stack.
func (f *mdFront) walk(root ast.Node) {
	n := root.FirstChild()
	for n != nil {
		if f.enter(n) && n.FirstChild() != nil {
			n = n.FirstChild()
			continue
		}
		for {
			if n.Kind() == ast.KindList {
				f.depth--
			}
			if n.NextSibling() != nil {
				n = n.NextSibling()
				break
			}
			n = n.Parent()
			if n == root || n == nil {
				return
			}
		}
	}
}

// enter emits the block of n, if any, and reports whether to visit its
// children.
func (f *mdFront) enter(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindList:
		f.depth++
		return true
	case ast.KindHeading:
		text := strings.Join(lineTexts(MarkdownInline(n, f.src)), " ")
		f.emit(Block{
			Kind: Heading, Level: n.(*ast.Heading).Level, Text: stripAttributes(text),
			Strong: strongSpans(n, f.src), Line: f.line(n),
		})
		return false
	case ast.KindParagraph, ast.KindTextBlock:
		b := Block{Kind: Paragraph, Text: joinLines(MarkdownInline(n, f.src)), Line: f.line(n)}
		if p := n.Parent(); p != nil && p.Kind() == ast.KindListItem {
			b.Kind, b.Level = Item, f.depth
		}
		if b.Text != "" {
			b.Strong = strongSpans(n, f.src)
			f.emit(b)
		}
		return false
	case ast.KindHTMLBlock:
		f.html(n.(*ast.HTMLBlock))
		return false
	case extast.KindTable, ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindThematicBreak:
		return false
	}
	return true
}

// html appends the blocks of a raw HTML block. A block that is only a
// comment holds none, and is not parsed.
func (f *mdFront) html(n *ast.HTMLBlock) {
	var b bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(f.src))
	}
	if n.HasClosure() {
		closure := n.ClosureLine
		b.Write(closure.Value(f.src))
	}
	raw := bytes.TrimSpace(b.Bytes())
	if len(raw) == 0 || bytes.HasPrefix(raw, []byte("<!--")) && bytes.HasSuffix(raw, []byte("-->")) {
		return
	}
	root, err := htmlsafe.Parse(raw)
	if err != nil {
		return // too dense to parse: it reads as nothing, as a comment would
	}
	line := f.line(n)
	scanHTML(root, func(blk Block) {
		blk.Line = line
		f.emit(blk)
	})
}

func lineTexts(lines []Line) []string {
	s := make([]string, len(lines))
	for i, l := range lines {
		s[i] = l.Text
	}
	return s
}

// stripAttributes drops a trailing attribute block "{#id .class}" from a
// heading's text, for documents parsed without goldmark's heading
// attribute option.
func stripAttributes(s string) string {
	if !strings.HasSuffix(s, "}") {
		return s
	}
	i := strings.LastIndex(s, "{")
	if i < 0 || i+1 >= len(s) || (s[i+1] != '#' && s[i+1] != '.') || strings.ContainsAny(s[i+1:len(s)-1], "{}") {
		return s
	}
	return strings.TrimSpace(s[:i])
}

// strongSpans returns the texts of the strong spans and code spans that
// make up all of block n's content, or nil when it has other text. A
// literal run of four '*' or '_' inside a span separates two spans:
// "**A****A.B**" is two bold spans written without space between them,
// which CommonMark reads as one span with "****" in it.
func strongSpans(n ast.Node, src []byte) []string {
	var spans []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindText:
			t := c.(*ast.Text)
			if len(bytes.TrimSpace(t.Segment.Value(src))) > 0 {
				return nil
			}
		case ast.KindEmphasis:
			if c.(*ast.Emphasis).Level < 2 {
				return nil
			}
			fallthrough
		case ast.KindCodeSpan:
			text := strings.Join(lineTexts(MarkdownInline(c, src)), " ")
			for _, part := range splitGlued(text) {
				spans = append(spans, part)
			}
		default:
			return nil
		}
	}
	return spans
}

// splitGlued splits s at every run of four or more '*' or '_', trimming
// the parts and dropping empty ones.
func splitGlued(s string) []string {
	if !strings.Contains(s, "****") && !strings.Contains(s, "____") {
		if s == "" {
			return nil
		}
		return []string{s}
	}
	var parts []string
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c != '*' && c != '_' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		if j-i >= 4 {
			if p := strings.TrimSpace(s[start:i]); p != "" {
				parts = append(parts, p)
			}
			start = j
		}
		i = j
	}
	if p := strings.TrimSpace(s[start:]); p != "" {
		parts = append(parts, p)
	}
	return parts
}

// MarkdownInline returns the text of the inline content of n (a block,
// or an inline node) as lines: backslash escapes and character
// references resolved except in code spans, emphasis, links and other
// markup reduced to their text, an autolink to its label. Soft and hard
// line breaks end a line, and so do the raw HTML tags <br>, <p>, <div>,
// <ul>, <ol> and <li>, which also marks the line it opens as a list item;
// other raw HTML tags and comments add nothing.
func MarkdownInline(n ast.Node, src []byte) []Line {
	var b builder
	if n.Type() == ast.TypeBlock {
		// The block's source lines bound its text: one allocation for
		// the usual one-line paragraph instead of a doubling per piece.
		size := 0
		for i, lines := 0, n.Lines(); i < lines.Len(); i++ {
			seg := lines.At(i)
			size += seg.Len()
		}
		b.cur.Grow(min(size, 1<<16))
	}
	inline(&b, n, src)
	lines := b.finish()
	for i := range lines {
		if strings.Contains(lines[i].Text, "](") {
			lines[i].Text = unlink(lines[i].Text)
		}
	}
	return lines
}

// maxDest is the longest link destination unlink looks for, in bytes.
const maxDest = 1024

// unlink replaces every "[text](destination)" left in s by its text.
// CommonMark leaves a link whose destination has spaces as literal text,
// but vendors' own renderers accept them ("[FAQ](/FAQ/FAQ about
// roles.md)") and a reader sees a link. Parentheses in the destination
// must balance.
func unlink(s string) string {
	var b strings.Builder
	done := 0
	for i := 0; i < len(s); {
		open := strings.IndexByte(s[i:], '[')
		if open < 0 {
			break
		}
		open += i
		// The text runs to the first ']' before any other '['.
		j := open + 1
		for j < len(s) && s[j] != ']' && s[j] != '[' {
			j++
		}
		if j >= len(s) || s[j] != ']' || j+1 >= len(s) || s[j+1] != '(' {
			i = j
			if i == open {
				i++
			}
			continue
		}
		depth, k := 1, j+2
		for ; k < len(s) && k-j < maxDest && depth > 0; k++ {
			switch s[k] {
			case '(':
				depth++
			case ')':
				depth--
			}
		}
		if depth != 0 {
			i = j + 1
			continue
		}
		b.WriteString(s[done:open])
		b.WriteString(strings.TrimSpace(s[open+1 : j]))
		done, i = k, k
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// inline visits the inline descendants of root; iterative, as walk.
func inline(b *builder, root ast.Node, src []byte) {
	if root.Kind() == ast.KindText {
		inlineEnter(b, root, src)
		return
	}
	n := root.FirstChild()
	for n != nil {
		if inlineEnter(b, n, src) && n.FirstChild() != nil {
			n = n.FirstChild()
			continue
		}
		for {
			if n.NextSibling() != nil {
				n = n.NextSibling()
				break
			}
			n = n.Parent()
			if n == root || n == nil {
				return
			}
		}
	}
}

func inlineEnter(b *builder, n ast.Node, src []byte) bool {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(src)
		if !n.IsRaw() && bytes.ContainsAny(v, `\&`) {
			b.text(Unescape(string(v)))
		} else {
			b.textBytes(v)
		}
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.breakLine(false)
		}
		return false
	case *ast.String:
		b.text(string(n.Value))
		return false
	case *ast.AutoLink:
		b.text(string(n.Label(src)))
		return false
	case *ast.RawHTML:
		segs := n.Segments
		if segs.Len() > 0 {
			first := segs.At(0)
			tag(b, first.Value(src))
		}
		return false
	}
	return true
}

// tag handles one raw HTML tag of inline content.
func tag(b *builder, raw []byte) {
	if len(raw) < 3 || raw[0] != '<' || raw[1] == '!' || raw[1] == '?' {
		return
	}
	i := 1
	if raw[i] == '/' {
		i++
	}
	j := i
	for j < len(raw) && j-i < 8 && (isLetter(raw[j]) || isDigit(raw[j])) {
		j++
	}
	switch strings.ToLower(string(raw[i:j])) {
	case "li":
		b.breakLine(i == 1)
	case "br", "p", "div", "ul", "ol", "tr", "table", "dd", "dt", "dl", "blockquote", "pre",
		"h1", "h2", "h3", "h4", "h5", "h6", "hr":
		b.breakLine(false)
	case "td", "th":
		b.space = true
	}
}
