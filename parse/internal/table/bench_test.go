package table

import (
	"fmt"
	"testing"
)

// BenchmarkRead reads a table of 10,000 five-column rows: the column and
// row logic must stay linear in the cells.
func BenchmarkRead(b *testing.B) {
	t := Table{Index: 1, Header: []string{"Status", "Code", "Message", "Description", "Solution"}}
	for i := range 10000 {
		t.Rows = append(t.Rows, Row{N: i + 1, Cells: []Cell{
			{Text: "400", Own: true}, {Text: fmt.Sprintf("E.%d", i), Own: true},
			{Text: "The value of\n{0} is invalid.", Own: true}, {Text: "d", Own: true}, {Text: "s", Own: true},
		}})
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Read([]Table{t}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
