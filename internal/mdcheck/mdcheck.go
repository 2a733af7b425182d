// Package mdcheck renders Markdown the way GitHub does (CommonMark with
// GFM tables, strikethrough and autolinks, via goldmark) and reads back
// what a reader would see, so tests can prove that vendor text comes out
// of a generated page literally. Only tests import it.
package mdcheck

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Render converts md to HTML with GitHub's extensions (raw HTML allowed,
// as GitHub allows the harmless part of it) and parses the result.
func Render(md []byte) (*html.Node, error) {
	var buf bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := gm.Convert(md, &buf); err != nil {
		return nil, err
	}
	return html.Parse(&buf)
}

// Table is one rendered table: the text of each cell, header row first.
type Table struct {
	Header []string
	Rows   [][]string
}

// Tables returns every table of doc in document order.
func Tables(doc *html.Node) []Table {
	var out []Table
	for t := range doc.Descendants() {
		if t.DataAtom != atom.Table {
			continue
		}
		var tab Table
		for tr := range t.Descendants() {
			if tr.DataAtom != atom.Tr {
				continue
			}
			var row []string
			header := false
			for c := tr.FirstChild; c != nil; c = c.NextSibling {
				if c.DataAtom == atom.Th || c.DataAtom == atom.Td {
					header = header || c.DataAtom == atom.Th
					row = append(row, Text(c))
				}
			}
			if header {
				tab.Header = row
			} else {
				tab.Rows = append(tab.Rows, row)
			}
		}
		out = append(out, tab)
	}
	return out
}

// Text returns what a reader sees of n: its text, with <br> as a newline
// (and the source line end a renderer writes after a <br> dropped).
func Text(n *html.Node) string {
	var b strings.Builder
	afterBr := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			d := n.Data
			if afterBr {
				d = strings.TrimPrefix(d, "\n")
			}
			b.WriteString(d)
			afterBr = false
		case n.DataAtom == atom.Br:
			b.WriteByte('\n')
			afterBr = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// Elements returns the tags used inside n (not n itself), such as "em" or
// "a", so a test can tell text from markup that merely has the same text.
func Elements(n *html.Node) []string {
	var tags []string
	for d := range n.Descendants() {
		if d.Type == html.ElementNode {
			tags = append(tags, d.Data)
		}
	}
	return tags
}

// Find returns the elements of doc with the given tag.
func Find(doc *html.Node, tag atom.Atom) []*html.Node {
	var out []*html.Node
	for d := range doc.Descendants() {
		if d.DataAtom == tag {
			out = append(out, d)
		}
	}
	return out
}
