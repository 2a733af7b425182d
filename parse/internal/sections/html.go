package sections

import (
	"golang.org/x/net/html"

	"github.com/errgen/errgen/catalog"
	"golang.org/x/net/html/atom"
)

// FromHTML returns the blocks of an HTML tree: every heading, paragraph,
// list item, definition term and description, and every other run of text
// between block elements, in document order. <dt> is a [Term]; <li> and
// <dd>, and the paragraphs in them, are [Item]s. Tables, <pre>, scripts,
// styles and the document head give none. <br> ends a line of a block.
// HTML trees carry no line numbers, so every Block.Line is 0.
func FromHTML(root *html.Node) []Block {
	var blocks []Block
	scanHTML(root, func(b Block) { blocks = append(blocks, b) })
	return blocks
}

// ReadHTML is Read(FromHTML(root), file), with Describe's summary for
// when nothing is found ("" when the page has no heading and no bold
// line holding a code-like token), but without holding every block: a page of a
// million paragraphs and no code costs its entries, not its blocks.
func ReadHTML(root *html.Node, file string) (entries []catalog.Entry, report *catalog.Report, found bool, described string) {
	r := newReader(file)
	var d describer
	i := 0
	scanHTML(root, func(b Block) {
		r.block(i, &b)
		d.add(&b)
		i++
	})
	entries, report, found = r.done()
	if len(d.heads) > 0 || d.codes > 0 {
		described = d.String()
	}
	return entries, report, found, described
}

func scanHTML(root *html.Node, emit func(Block)) {
	f := htmlFront{emit: emit}
	f.walk(root)
	f.flush()
}

type htmlFront struct {
	emit func(Block)
	text builder
	// kinds is the stack of the open block elements' kinds: a run of text
	// takes the innermost one.
	kinds  []frame
	depth  int // list nesting
	spans  []string
	strong int  // depth of open strong/b/code elements
	mixed  bool // the block has text outside strong spans
	span   builder
}

type frame struct {
	kind  Kind
	level int
}

func (f *htmlFront) walk(root *html.Node) {
	n := root.FirstChild
	for n != nil {
		if f.enter(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for {
			f.leave(n)
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

func (f *htmlFront) enter(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		f.text.text(n.Data)
		if f.strong > 0 {
			f.span.text(n.Data)
		} else if Collapse(n.Data) != "" {
			f.mixed = true
		}
		return false
	case html.ElementNode:
	default:
		return n.Type == html.DocumentNode
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Template, atom.Head, atom.Title, atom.Table, atom.Pre,
		atom.Svg, atom.Math, atom.Noscript, atom.Iframe, atom.Object, atom.Select, atom.Textarea:
		f.flush()
		return false
	case atom.Br:
		f.text.breakLine(false)
		if f.strong > 0 {
			f.span.text(" ")
		}
		return false
	case atom.Strong, atom.B, atom.Code:
		if f.strong == 0 {
			f.span = builder{}
		}
		f.strong++
		return true
	}
	if k, ok := blockKind(n.DataAtom); ok {
		f.flush()
		fr := frame{kind: k}
		switch {
		case n.DataAtom == atom.Ul || n.DataAtom == atom.Ol:
			f.depth++
		case k == Heading:
			fr.level = int(n.Data[1] - '0')
		case k == Item:
			fr.level = f.depth
		case k == Paragraph && len(f.kinds) > 0 && f.kinds[len(f.kinds)-1].kind == Item:
			fr = f.kinds[len(f.kinds)-1] // a paragraph in a list item is the item's
		}
		f.kinds = append(f.kinds, fr)
	}
	return true
}

func (f *htmlFront) leave(n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	switch n.DataAtom {
	case atom.Strong, atom.B, atom.Code:
		if f.strong == 0 {
			return
		}
		f.strong--
		if f.strong == 0 {
			lines := f.span.finish()
			if len(lines) > 0 {
				f.spans = append(f.spans, splitGlued(lines[0].Text)...)
			}
		}
		return
	}
	if _, ok := blockKind(n.DataAtom); ok {
		f.flush()
		if n.DataAtom == atom.Ul || n.DataAtom == atom.Ol {
			f.depth--
		}
		if len(f.kinds) > 0 {
			f.kinds = f.kinds[:len(f.kinds)-1]
		}
	}
}

// flush emits the text gathered since the last block boundary.
func (f *htmlFront) flush() {
	if f.strong > 0 { // a block element inside <b>: the span ends here
		if lines := f.span.finish(); len(lines) > 0 {
			f.spans = append(f.spans, splitGlued(lines[0].Text)...)
		}
	}
	lines := f.text.finish()
	if len(lines) > 0 {
		b := Block{Kind: Paragraph, Text: joinLines(lines)}
		if len(f.kinds) > 0 {
			fr := f.kinds[len(f.kinds)-1]
			b.Kind, b.Level = fr.kind, fr.level
		}
		if b.Kind == Heading {
			b.Text = joinWords(lines)
		}
		if !f.mixed && len(f.spans) > 0 {
			b.Strong = f.spans
		}
		f.emit(b)
	}
	f.spans, f.mixed = nil, false
}

func joinWords(lines []Line) string {
	s := joinLines(lines)
	b := []byte(s)
	for i, c := range b {
		if c == '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

// blockKind returns the kind of the blocks of a block element, and
// whether a is one. Containers such as <ul> and <div> count as
// paragraphs: text directly in them is a block of its own.
func blockKind(a atom.Atom) (Kind, bool) {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return Heading, true
	case atom.Li, atom.Dd:
		return Item, true
	case atom.Dt:
		return Term, true
	case atom.P, atom.Div, atom.Ul, atom.Ol, atom.Dl, atom.Blockquote, atom.Section, atom.Article,
		atom.Header, atom.Footer, atom.Main, atom.Nav, atom.Aside, atom.Figure, atom.Figcaption,
		atom.Details, atom.Summary, atom.Hr, atom.Form, atom.Fieldset, atom.Address, atom.Body, atom.Html:
		return Paragraph, true
	}
	return 0, false
}
