package table

import (
	"fmt"
	"strings"
	"testing"
)

// Review finding: a 66 KB cell {"errors": [4000 codes]} made 4000
// entries each carrying the whole cell as its example (333 MB of JSON).
// Past fields.Bodies' bound the entries keep no example, with a warning
// that says why.
func TestBodyExamplesBounded(t *testing.T) {
	codes := make([]string, 4000)
	for i := range codes {
		codes[i] = fmt.Sprintf(`{"code":"A%d","message":"m"}`, i)
	}
	cell := `{"errors":[` + strings.Join(codes, ",") + `]}`
	entries, report, err := Read([]Table{grid(1, []string{"Response"}, []string{cell})}, Options{File: "f.md"})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 4000 {
		t.Fatalf("%d entries, want 4000", len(entries))
	}
	total := 0
	for _, e := range entries {
		for _, x := range e.Examples {
			total += len(x.Body)
		}
	}
	if total > 8*len(cell) {
		t.Errorf("examples of %d bytes for a cell of %d", total, len(cell))
	}
	warned := false
	for _, w := range report.Warnings {
		if strings.Contains(w.Message, "the cell's 4000 bodies repeat their objects as examples past eight times the cell's size") {
			warned = true
			break
		}
	}
	if !warned {
		t.Error("no warning says why examples were left out")
	}
}
