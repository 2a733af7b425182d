package htmltable

import (
	"errors"
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/textenc"
	"github.com/errgen/errgen/parse/internal/htmlsafe"
	"github.com/errgen/errgen/parse/internal/table"
)

// TableInfo describes one table of a page; parse/internal/table's
// Describe makes it, the same for every kind of page.
type TableInfo = table.Info

// Tables describes every table of the page, in document order. The page
// is decoded as Parse decodes it without a Content-Type charset. A table
// whose cells the page's budget cannot lay out is described by its
// header alone (Parse fails on it, naming the row).
func Tables(src []byte) ([]TableInfo, error) {
	tables, err := readTables(textenc.HTML(src, "").Text, "")
	if err != nil {
		return nil, err
	}
	grids := make([]table.Table, len(tables))
	for i, t := range tables {
		grid, err := t.grid("")
		if err != nil {
			grid = table.Table{Index: t.index, Caption: t.caption, Header: t.headers}
		}
		grids[i] = grid
	}
	infos := table.DescribeAll(grids)
	for i, t := range tables {
		infos[i].Rows = t.dataRows()
	}
	return infos, nil
}

// Budget bounds the cells the tables of one document may lay out (see
// "Table layout" in the package doc). A Markdown document that embeds
// several HTML tables shares one Budget among them, made for the whole
// document's size, so that many small fragments cannot each claim the
// slack a page gets.
type Budget struct{ b *budget }

// NewBudget returns the budget of a document of size bytes.
func NewBudget(size int) *Budget { return &Budget{newBudget(size)} }

// ReadTables reads the <table> elements of an HTML fragment, such as a
// raw HTML block of a Markdown document, into the shared table model:
// header combined from <thead> rows or the first row, title rows as
// captions, spans expanded, cell text normalised, all as for Parse. The
// fragment must be UTF-8. Tables are numbered from firstIndex in
// document order (nested ones included), rows as Parse numbers them;
// Table.Line and Row.Line are 0, for the caller to set. file names the
// document in errors, which are *catalog.Diagnostic values: markup too
// dense to parse, or spans past the budget. A nil b is a budget for src
// alone.
func ReadTables(src []byte, file string, firstIndex int, b *Budget) ([]table.Table, error) {
	if b == nil {
		b = NewBudget(len(src))
	}
	tables, err := parseTables(src, file, firstIndex, b.b)
	if err != nil {
		return nil, err
	}
	out := make([]table.Table, len(tables))
	for i, t := range tables {
		if out[i], err = t.grid(file); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// htmlTable is one <table> element, its rows sorted into title, header
// and data rows.
type htmlTable struct {
	index   int
	caption string
	headers []string
	rows    []row // the table's own rows, in document order
	title   bool  // rows[0] is a title row
	header  []int // indexes into rows of the header rows
	isHead  []bool
	budget  *budget // shared by every table of the page
}

// where names the table as messages do.
func (t *htmlTable) where() string {
	return table.Info{Index: t.index, Caption: t.caption}.Where()
}

// dataRows counts the rows after the title and header rows.
func (t *htmlTable) dataRows() int {
	n := len(t.rows) - len(t.header)
	if t.title {
		n--
	}
	return n
}

// readTables parses a page and analyses the header of every table.
func readTables(src []byte, file string) ([]*htmlTable, error) {
	_, tables, err := parsePage(src, file, 1, newBudget(len(src)))
	return tables, err
}

func parseTables(src []byte, file string, first int, b *budget) ([]*htmlTable, error) {
	_, tables, err := parsePage(src, file, first, b)
	return tables, err
}

// parsePage parses a page (or a fragment) and analyses the header of
// every table; root is the page, for readers of its other layouts.
func parsePage(src []byte, file string, first int, b *budget) (root *html.Node, tables []*htmlTable, err error) {
	// htmlsafe, not html.Parse: a page of unclosed <b> tags with distinct
	// attributes makes html.Parse clone them all at every paragraph.
	root, err = htmlsafe.Parse(src)
	var dense *htmlsafe.ErrTooDense
	if errors.As(err, &dense) {
		return nil, nil, diag(file, "", "%v", err)
	}
	if err != nil {
		return nil, nil, diag(file, "", "cannot parse HTML: %v", err)
	}
	for i, n := range goquery.NewDocumentFromNode(root).Find("table").Nodes {
		t, err := newTable(n, first+i, b)
		if err != nil {
			return nil, nil, diag(file, t.where()+", header", "%v", err)
		}
		tables = append(tables, t)
	}
	return root, tables, nil
}

// grid lays out t's data rows under the page's budget: Own tells a
// cell's first row from the rows its rowspan reaches, a hole is an empty
// cell.
func (t *htmlTable) grid(file string) (table.Table, error) {
	out := table.Table{Index: t.index, Caption: t.caption, Header: t.headers}
	g := newGrid(t.rows, t.budget)
	n := 0 // data row number
	for r := range t.rows {
		if r == 0 && t.title {
			g.skip()
			continue
		}
		slots, err := g.next()
		if err != nil {
			return out, diag(file, fmt.Sprintf("%s, row %d", t.where(), n+1), "%v", err)
		}
		if t.isHead[r] {
			continue
		}
		n++
		cells := make([]table.Cell, len(slots))
		for x, c := range slots {
			if c != nil {
				cells[x] = table.Cell{Text: c.Text(), Own: c.own == r, List: c.list}
			}
		}
		out.Rows = append(out.Rows, table.Row{N: n, Cells: cells})
	}
	return out, nil
}

// newTable sorts the rows of n and reads its header. On error it still
// returns the table, to name it.
func newTable(n *html.Node, index int, b *budget) (*htmlTable, error) {
	t := &htmlTable{index: index, budget: b}
	var thead []int
	group := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Caption:
			if t.caption == "" {
				t.caption = singleLine(c)
			}
		case atom.Tr:
			// The HTML parser wraps bare rows in a <tbody>, but a tree
			// built by other means may not.
			t.rows = append(t.rows, row{node: c, group: group})
		case atom.Thead, atom.Tbody, atom.Tfoot:
			group++
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.DataAtom == atom.Tr {
					if c.DataAtom == atom.Thead {
						thead = append(thead, len(t.rows))
					}
					t.rows = append(t.rows, row{node: r, group: group})
				}
			}
			group++
		}
	}
	t.isHead = make([]bool, len(t.rows))

	if len(t.rows) > 1 && isTitleRow(t.rows[0].node, t.rows[1].node) {
		t.title = true
		if t.caption == "" {
			t.caption = singleLine(firstCell(t.rows[0].node))
		}
	}
	// The header is the <thead> rows, combined; without a <thead>, the
	// first row. The title row is never part of it.
	for _, i := range thead {
		if i > 0 || !t.title {
			t.header = append(t.header, i)
		}
	}
	if len(t.header) == 0 {
		first := 0
		if t.title {
			first = 1
		}
		if first < len(t.rows) {
			t.header = []int{first}
		}
	}
	for _, i := range t.header {
		t.isHead[i] = true
	}
	var err error
	if t.headers, err = t.headerTexts(); err != nil {
		return t, err
	}
	if t.headers == nil {
		t.headers = []string{}
	}
	return t, nil
}

// headerTexts lays out the rows up to the last header row and joins, per
// column, the texts of the distinct header cells covering it: a "Status"
// cell with rowspan="2" over a two-row <thead> gives "Status", not
// "Status Status".
func (t *htmlTable) headerTexts() ([]string, error) {
	if len(t.header) == 0 {
		return nil, nil
	}
	last := t.header[len(t.header)-1]
	g := newGrid(t.rows, t.budget)
	var texts [][]string
	var prev []*cell
	for r := 0; r <= last; r++ {
		if r == 0 && t.title {
			g.skip()
			continue
		}
		slots, err := g.next()
		if err != nil {
			return nil, err
		}
		if !t.isHead[r] {
			continue
		}
		for x, c := range slots {
			for len(texts) <= x {
				texts = append(texts, nil)
				prev = append(prev, nil)
			}
			if c == nil || c == prev[x] {
				continue
			}
			prev[x] = c
			if s := strings.ReplaceAll(c.Text(), "\n", " "); s != "" {
				texts[x] = append(texts[x], s)
			}
		}
	}
	headers := make([]string, len(texts))
	for x, parts := range texts {
		headers[x] = strings.Join(parts, " ")
	}
	return headers, nil
}

// isTitleRow reports whether tr is a title row: a single cell spanning at
// least as many columns as the row after it, and more than one.
func isTitleRow(tr, next *html.Node) bool {
	c := firstCell(tr)
	if c == nil {
		return false
	}
	for s := c.NextSibling; s != nil; s = s.NextSibling {
		if isCell(s) {
			return false
		}
	}
	span := spanAttr(c, "colspan", maxColspan)
	if span < 2 {
		return false
	}
	width := 0
	for s := next.FirstChild; s != nil; s = s.NextSibling {
		if isCell(s) {
			width += spanAttr(s, "colspan", maxColspan)
		}
	}
	return span >= width
}

func firstCell(tr *html.Node) *html.Node {
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if isCell(c) {
			return c
		}
	}
	return nil
}

func isCell(n *html.Node) bool {
	return n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th)
}

func diag(file, where, format string, args ...any) *catalog.Diagnostic {
	return &catalog.Diagnostic{File: file, Where: where, Message: fmt.Sprintf(format, args...)}
}
