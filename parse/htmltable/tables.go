package htmltable

import (
	"errors"
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/errgen/errgen/internal/textenc"
	"github.com/errgen/errgen/parse/internal/htmlsafe"
)

// TableInfo describes one table of a page.
type TableInfo struct {
	// Index is the table's 1-based position among all tables of the page,
	// nested ones included, in document order: what a selector "2" means.
	Index int `json:"index"`
	// Caption is the <caption> text, or the title row's text.
	Caption string `json:"caption,omitempty"`
	// Headers are the header texts, one per column, left to right.
	Headers []string `json:"headers"`
	// Fields says what each column feeds: "status", "code", "message",
	// "description", "solution", or "" for an Extra column.
	Fields []string `json:"fields"`
	// ErrorTable reports whether a column names the error code, which is
	// what makes Parse read the table.
	ErrorTable bool `json:"error_table"`
	// Rows is the number of data rows: rows after the title and header
	// rows, empty ones included.
	Rows int `json:"rows"`
}

// String renders t as in messages: `table 2 "Table 1 Error codes" [A | B]`.
func (t TableInfo) String() string {
	return t.where() + " " + formatHeaders(t.Headers)
}

// where names the table as in Diagnostic.Where: `table 2 "Caption"`, or
// `table 2` without a caption.
func (t TableInfo) where() string {
	if t.Caption == "" {
		return fmt.Sprintf("table %d", t.Index)
	}
	return fmt.Sprintf("table %d %q", t.Index, t.Caption)
}

// Tables describes every table of the page, in document order. The page
// is decoded as Parse decodes it without a Content-Type charset.
func Tables(src []byte) ([]TableInfo, error) {
	tables, err := readTables(textenc.HTML(src, "").Text, "")
	if err != nil {
		return nil, err
	}
	infos := make([]TableInfo, len(tables))
	for i, t := range tables {
		infos[i] = t.info
	}
	return infos, nil
}

// table is one <table> element, its rows sorted into title, header and
// data rows.
type table struct {
	info   TableInfo
	rows   []row // the table's own rows, in document order
	title  bool  // rows[0] is a title row
	header []int // indexes into rows of the header rows
	isHead []bool
	cols   []column
	budget *budget // shared by every table of the page
}

// readTables parses src and analyses the header of every table.
func readTables(src []byte, file string) ([]*table, error) {
	// htmlsafe, not html.Parse: a page of unclosed <b> tags with distinct
	// attributes makes html.Parse clone them all at every paragraph.
	root, err := htmlsafe.Parse(src)
	var dense *htmlsafe.ErrTooDense
	if errors.As(err, &dense) {
		return nil, diag(file, "", "%v", err)
	}
	if err != nil {
		return nil, diag(file, "", "cannot parse HTML: %v", err)
	}
	var tables []*table
	b := newBudget(len(src))
	for i, n := range goquery.NewDocumentFromNode(root).Find("table").Nodes {
		t, err := newTable(n, i+1, b)
		if err != nil {
			return nil, diag(file, t.info.where()+", header", "%v", err)
		}
		tables = append(tables, t)
	}
	return tables, nil
}

// newTable sorts the rows of n and reads its header. On error it still
// returns the table, to name it.
func newTable(n *html.Node, index int, b *budget) (*table, error) {
	t := &table{info: TableInfo{Index: index}, budget: b}
	var thead []int
	group := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Caption:
			if t.info.Caption == "" {
				t.info.Caption = singleLine(c)
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
		if t.info.Caption == "" {
			t.info.Caption = singleLine(firstCell(t.rows[0].node))
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
	if t.info.Headers, err = t.headerTexts(); err != nil {
		return t, err
	}
	t.cols = columns(t.info.Headers)
	t.info.Fields = make([]string, len(t.cols))
	for i, c := range t.cols {
		t.info.Fields[i] = c.field.String()
		if c.field == code {
			t.info.ErrorTable = true
		}
	}
	t.info.Rows = len(t.rows) - len(t.header)
	if t.title {
		t.info.Rows--
	}
	return t, nil
}

// headerTexts lays out the rows up to the last header row and joins, per
// column, the texts of the distinct header cells covering it: a "Status"
// cell with rowspan="2" over a two-row <thead> gives "Status", not
// "Status Status".
func (t *table) headerTexts() ([]string, error) {
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
