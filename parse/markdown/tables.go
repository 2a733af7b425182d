package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/parse/htmltable"
	"github.com/errgen/errgen/parse/internal/sections"
	"github.com/errgen/errgen/parse/internal/table"
)

// collector gathers the tables of a document in document order.
type collector struct {
	src     []byte
	file    string
	starts  []int // byte offset of every line's start
	tables  []table.Table
	heading string // text of the nearest heading above
	skipTo  int    // nodes starting before this offset were read as HTML
	budget  *htmltable.Budget
	scanned int // bytes tableEnd has scanned
}

func collectTables(doc ast.Node, src []byte, file string) ([]table.Table, error) {
	if bytes.IndexByte(src, '|') < 0 && !containsFold(src, "<table") {
		return nil, nil // a page of sections: no walk needed
	}
	c := &collector{src: src, file: file, starts: lineStarts(src)}
	// Visit block nodes only, iteratively: inline content holds no table.
	n := doc.FirstChild()
	for n != nil {
		descend, err := c.enter(n)
		if err != nil {
			return nil, err
		}
		if descend && n.FirstChild() != nil {
			n = n.FirstChild()
			continue
		}
		for n != nil && n != doc && n.NextSibling() == nil {
			n = n.Parent()
		}
		if n == nil || n == doc {
			break
		}
		n = n.NextSibling()
	}
	return c.tables, nil
}

// enter reads node n and reports whether its children may hold tables.
func (c *collector) enter(n ast.Node) (bool, error) {
	// nodeStart costs an allocation on nodes without lines (goldmark
	// makes their segment list on demand): ask only while skipping.
	if c.skipTo > 0 {
		if start := nodeStart(n); start >= 0 && start < c.skipTo {
			return false, nil
		}
	}
	switch n.Kind() {
	case ast.KindHeading:
		c.heading = strings.Join(lineTexts(sections.MarkdownInline(n, c.src)), " ")
		return false, nil
	case extast.KindTable:
		c.pipeTable(n)
		return false, nil
	case ast.KindHTMLBlock:
		return false, c.htmlBlock(n.(*ast.HTMLBlock))
	case ast.KindParagraph, ast.KindTextBlock, ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindThematicBreak:
		return false, nil
	}
	return true, nil
}

// nodeStart returns the byte offset where block n starts, -1 if unknown.
func nodeStart(n ast.Node) int {
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return l.At(0).Start
	}
	if n.Type() == ast.TypeBlock && n.Kind() != ast.KindDocument {
		return n.Pos()
	}
	return -1
}

func (c *collector) line(off int) int {
	if off < 0 {
		return 0
	}
	return sort.Search(len(c.starts), func(i int) bool { return c.starts[i] > off })
}

// pipeTable reads a GFM pipe table. Its caption is the nearest heading
// above it: Markdown has no caption syntax, and that heading is what a
// reader names the table by.
func (c *collector) pipeTable(n ast.Node) {
	t := table.Table{Index: len(c.tables) + 1, Caption: c.heading, Line: c.line(n.Pos())}
	rowN := 0
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		switch r.Kind() {
		case extast.KindTableHeader:
			for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
				t.Header = append(t.Header, strings.Join(lineTexts(sections.MarkdownInline(cell, c.src)), " "))
			}
			if t.Line == 0 {
				t.Line = c.line(r.Pos())
			}
		case extast.KindTableRow:
			rowN++
			row := table.Row{N: rowN, Line: c.line(r.Pos())}
			for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
				row.Cells = append(row.Cells, cellOf(sections.MarkdownInline(cell, c.src)))
			}
			t.Rows = append(t.Rows, row)
		}
	}
	c.tables = append(c.tables, t)
}

// cellOf makes a cell of a cell's lines: a list when every line is an
// item of a raw HTML list.
func cellOf(lines []sections.Line) table.Cell {
	cell := table.Cell{Own: true, List: len(lines) > 0}
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.Text
		if !l.Item {
			cell.List = false
		}
	}
	cell.Text = strings.Join(texts, "\n")
	return cell
}

func lineTexts(lines []sections.Line) []string {
	s := make([]string, len(lines))
	for i, l := range lines {
		s[i] = l.Text
	}
	return s
}

// htmlBlock reads the tables of a raw HTML block. A blank line ends an
// HTML block, so a table written with blank lines in it spans several
// blocks, with Markdown between them: the table's source runs from the
// block to its matching </table>, whatever lies between, and the nodes
// inside are skipped.
func (c *collector) htmlBlock(n *ast.HTMLBlock) error {
	lines := n.Lines()
	if lines.Len() == 0 {
		return nil
	}
	start := lines.At(0).Start
	end := lines.At(lines.Len() - 1).Stop
	if n.HasClosure() {
		end = n.ClosureLine.Stop
	}
	if !hasTableTag(c.src[start:end]) {
		return nil
	}
	e := tableEnd(c.src, start)
	if e > end {
		end = e
	}
	// Every <table> left open makes tableEnd scan to the page's end.
	if e < 0 {
		c.scanned += len(c.src) - start
	} else {
		c.scanned += e - start
	}
	if c.scanned > 4*len(c.src)+1<<20 {
		return &catalog.Diagnostic{File: c.file, Where: fmt.Sprintf("HTML block at line %d", c.line(start)),
			Message: "too many <table> tags are never closed: finding their </table> would scan the page more than 4 times; expected tables closed by </table>"}
	}
	c.skipTo = end
	if c.budget == nil {
		c.budget = htmltable.NewBudget(len(c.src))
	}
	line := c.line(start)
	tables, err := htmltable.ReadTables(c.src[start:end], c.file, len(c.tables)+1, c.budget)
	if err != nil {
		var d *catalog.Diagnostic
		if errors.As(err, &d) {
			where := fmt.Sprintf("HTML block at line %d", line)
			if d.Where != "" {
				where += ", " + d.Where
			}
			return &catalog.Diagnostic{File: d.File, Where: where, Message: d.Message}
		}
		return err
	}
	for i := range tables {
		t := &tables[i]
		t.Line = line
		if t.Caption == "" {
			t.Caption = c.heading
		}
	}
	c.tables = append(c.tables, tables...)
	return nil
}

// hasTableTag reports whether b holds a <table start tag outside
// comments.
func hasTableTag(b []byte) bool {
	_, open := scanTables(b, 0, false)
	return open > 0
}

// tableEnd returns the offset just past the </table> that closes the
// first <table> at or after start, or -1 when it is never closed. It
// skips comments and counts nested tables; one linear scan.
func tableEnd(src []byte, start int) int {
	end, _ := scanTables(src, start, true)
	return end
}

// scanTables scans b from i for <table> and </table> tags outside
// comments. With stop it returns the offset past the end tag that brings
// the depth back to 0 (-1 if none); opened counts start tags seen.
func scanTables(b []byte, i int, stop bool) (end, opened int) {
	depth := 0
	for i < len(b) {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := b[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			k := bytes.Index(rest[4:], []byte("-->"))
			if k < 0 {
				return -1, opened
			}
			i += 4 + k + 3
			continue
		case tagIs(rest[1:], "table"):
			depth++
			opened++
			if !stop {
				return -1, opened
			}
		case len(rest) > 1 && rest[1] == '/' && tagIs(rest[2:], "table"):
			if depth > 0 {
				depth--
				if depth == 0 && stop {
					k := bytes.IndexByte(rest, '>')
					if k < 0 {
						return len(b), opened
					}
					return i + k + 1, opened
				}
			}
		}
		i++
	}
	return -1, opened
}

// tagIs reports whether b starts with the tag name name, any case,
// followed by the end of the name.
func tagIs(b []byte, name string) bool {
	if len(b) < len(name) || !bytes.EqualFold(b[:len(name)], []byte(name)) {
		return false
	}
	if len(b) == len(name) {
		return true
	}
	switch b[len(name)] {
	case ' ', '\t', '\n', '\r', '\f', '/', '>':
		return true
	}
	return false
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

// containsFold reports whether src contains the ASCII word w (lower
// case) in any case.
func containsFold(src []byte, w string) bool {
	for i := bytes.IndexByte(src, '<'); i >= 0; {
		if len(src)-i >= len(w) && bytes.EqualFold(src[i:i+len(w)], []byte(w)) {
			return true
		}
		j := bytes.IndexByte(src[i+1:], '<')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}
