package htmltable

import (
	"errors"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/parse/internal/table"
)

// TestReadTables: a fragment's tables in the shared model, numbered from
// firstIndex, with Own and List set as the package doc says.
func TestReadTables(t *testing.T) {
	src := []byte(`<table><caption>Errors</caption>
<tr><th>Code</th><th>Message</th><th>Notes</th></tr>
<tr><td rowspan="2">A</td><td><ul><li>One.</li><li><b>Two</b>.</li></ul></td><td><p>p1</p><p>p2</p></td></tr>
<tr><td>Lead:<ul><li>x</li></ul></td></tr>
</table>`)
	tables, err := ReadTables(src, "doc.md", 5, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables", len(tables))
	}
	got := tables[0]
	want := table.Table{Index: 5, Caption: "Errors", Header: []string{"Code", "Message", "Notes"}, Rows: []table.Row{
		{N: 1, Cells: []table.Cell{{Text: "A", Own: true}, {Text: "One.\nTwo.", Own: true, List: true}, {Text: "p1\np2", Own: true}}},
		{N: 2, Cells: []table.Cell{{Text: "A"}, {Text: "Lead:\nx", Own: true}, {}}},
	}}
	if !equalTables(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func equalTables(a, b table.Table) bool {
	if a.Index != b.Index || a.Caption != b.Caption || strings.Join(a.Header, "|") != strings.Join(b.Header, "|") || len(a.Rows) != len(b.Rows) {
		return false
	}
	for i := range a.Rows {
		ra, rb := a.Rows[i], b.Rows[i]
		if ra.N != rb.N || len(ra.Cells) != len(rb.Cells) {
			return false
		}
		for j := range ra.Cells {
			if ra.Cells[j] != rb.Cells[j] {
				return false
			}
		}
	}
	return true
}

// TestSharedBudget: fragments of one document share its budget, so many
// small fragments cannot each claim a page's slack.
func TestSharedBudget(t *testing.T) {
	frag := []byte("<table><tr><th>Code</th></tr>" + strings.Repeat("<tr><td colspan=1000>x</td></tr>", 30) + "</table>")
	b := NewBudget(64 << 10) // a 64 KB document: 2.1 MiB of cells
	var err error
	n := 0
	for ; n < 100 && err == nil; n++ {
		_, err = ReadTables(frag, "doc.md", n+1, b)
	}
	var d *catalog.Diagnostic
	if !errors.As(err, &d) || d.File != "doc.md" || !strings.Contains(d.Message, "limit of") || !strings.Contains(d.Where, ", row ") {
		t.Fatalf("after %d fragments: %v, want the budget's Diagnostic", n, err)
	}
	// Each fragment alone fits its own budget.
	if _, err := ReadTables(frag, "doc.md", 1, nil); err != nil {
		t.Errorf("one fragment: %v", err)
	}
}
