package htmltable

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textBuilder accumulates the normalised text of a node: whitespace runs
// become one space, block boundaries one "\n", and nothing is written at
// the start, at the end or around a line break. Separators are only
// remembered and written before the next visible character, which makes
// trimming every line and dropping empty lines automatic.
type textBuilder struct {
	b       strings.Builder
	space   bool
	newline bool
	li      int // depth of <li> elements around the current node
	lines   int // lines written
	inList  int // lines that start inside an <li>
}

// nodeText returns the normalised text of n's content.
func nodeText(n *html.Node) string {
	var t textBuilder
	t.walk(n)
	return t.b.String()
}

// cellText returns the normalised text of a cell and whether its every
// line is (part of) a list item: a list of alternatives rather than
// paragraphs of one text.
func cellText(n *html.Node) (text string, list bool) {
	var t textBuilder
	t.walk(n)
	return t.b.String(), t.lines > 0 && t.inList == t.lines
}

// singleLine is nodeText with line breaks turned into spaces, for texts
// that must be one line: statuses, codes, headers, captions.
func singleLine(n *html.Node) string {
	return strings.ReplaceAll(nodeText(n), "\n", " ")
}

// walk visits root's descendants in document order. It is iterative so
// that a pathologically deep tree cannot exhaust the stack.
func (t *textBuilder) walk(root *html.Node) {
	n := root.FirstChild
	for n != nil {
		if t.enter(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for {
			t.leave(n)
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
			if n == root || n == nil {
				return
			}
		}
	}
}

// enter handles the start of n and reports whether to visit its children.
func (t *textBuilder) enter(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		t.text(n.Data)
		return false
	case html.ElementNode:
		switch {
		case hidden[n.DataAtom]:
			return false
		case n.DataAtom == atom.Br:
			t.newline = true
			return false
		case block[n.DataAtom]:
			t.newline = true
			if n.DataAtom == atom.Li {
				t.li++
			}
		case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
			// Cells of a table nested in a cell are side by side.
			t.space = true
		}
		return true
	}
	return false
}

// leave handles the end of n.
func (t *textBuilder) leave(n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	switch {
	case block[n.DataAtom]:
		t.newline = true
		if n.DataAtom == atom.Li {
			t.li--
		}
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		t.space = true
	}
}

// text appends s, collapsing every run of white space (ASCII or Unicode,
// &nbsp; included) into one pending separator.
func (t *textBuilder) text(s string) {
	start := -1 // start of the current run of visible characters
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		var sp bool
		if c < utf8.RuneSelf {
			sp = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			sp = unicode.IsSpace(r)
		}
		if sp {
			if start >= 0 {
				t.b.WriteString(s[start:i])
				start = -1
			}
			t.space = true
		} else if start < 0 {
			t.separate()
			start = i
		}
		i += size
	}
	if start >= 0 {
		t.b.WriteString(s[start:])
	}
}

// separate writes the pending separator before visible text.
func (t *textBuilder) separate() {
	if t.b.Len() == 0 || t.newline {
		t.lines++
		if t.li > 0 {
			t.inList++
		}
	}
	if t.b.Len() > 0 {
		if t.newline {
			t.b.WriteByte('\n')
		} else if t.space {
			t.b.WriteByte(' ')
		}
	}
	t.space, t.newline = false, false
}

// hidden elements contribute no text.
var hidden = map[atom.Atom]bool{
	atom.Script:   true,
	atom.Style:    true,
	atom.Template: true,
	atom.Head:     true,
	atom.Title:    true,
}

// block elements start and end a line.
var block = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dd: true, atom.Dt: true, atom.Tr: true, atom.Table: true,
	atom.Caption: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Pre: true, atom.Blockquote: true, atom.Hr: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Figure: true,
	atom.Figcaption: true, atom.Address: true, atom.Nav: true, atom.Aside: true,
	atom.Main: true, atom.Details: true, atom.Summary: true, atom.Fieldset: true,
	atom.Legend: true, atom.Form: true,
}
