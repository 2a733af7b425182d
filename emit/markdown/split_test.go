package markdown_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/emit/markdown"
	"github.com/errgen/errgen/internal/synth"
)

// TestSplitPages: a catalog with more than MaxPageRows rows is written as
// numbered pages, "<id>.md", "<id>.2.md", …, each of at most
// MaxPageRows rows, every row on exactly one page, a code's rows
// together; each page links the others, the index links them all, and
// one row fewer than the limit is one page as before.
func TestSplitPages(t *testing.T) {
	c := synth.Catalog("synth/big", 1, 1)
	c.Entries = nil
	// 2.5 pages of rows: codes of one or two rows each.
	for i := 0; len(c.Entries) < markdown.MaxPageRows*5/2; i++ {
		code := fmt.Sprintf("Big.%05d", i)
		c.Entries = append(c.Entries, catalog.Entry{Status: 400, Code: code, Message: "Bad " + code + "."})
		if i%3 == 0 {
			c.Entries = append(c.Entries, catalog.Entry{Status: 404, Code: code, Message: "No " + code + "."})
		}
	}
	// The last row is documented under many operations: the operations
	// page links it on the last page.
	last := &c.Entries[len(c.Entries)-1]
	for i := range markdown.CellOperations + 1 {
		last.Operations = append(last.Operations, catalog.Operation{Method: "GET", Path: fmt.Sprintf("/things/%d", i)})
	}
	names, err := catalog.GoNames(c, catalog.Naming{})
	if err != nil {
		t.Fatal(err)
	}
	files := emit(t, []markdown.Page{page(c, names)}, markdown.Options{})
	ops := string(files["synth/big"+markdown.OperationsSuffix])
	if want := "](big.3.md#" + strings.ToLower(strings.ReplaceAll(last.Code, ".", "")) + ")"; !strings.Contains(ops, want) {
		t.Errorf("the operations page does not link %s on page 3 (%s):\n%s", last.Code, want, ops)
	}
	pages := []string{"synth/big.md", "synth/big.2.md", "synth/big.3.md"}
	if _, ok := files["synth/big.4.md"]; ok {
		t.Errorf("a fourth page for %d rows", len(c.Entries))
	}
	seen := map[string]int{} // code → page
	rows := 0
	row := regexp.MustCompile(`(?m)^\| (?:<a id="[^"]*"></a>)?(Big\.\d{5}) \| (\d+) \|`)
	for i, name := range pages {
		data, ok := files[name]
		if !ok {
			t.Fatalf("no page %s; pages: %v", name, keys(files))
		}
		n := 0
		for _, m := range row.FindAllSubmatch(data, -1) {
			code := string(m[1])
			if p, ok := seen[code]; ok && p != i {
				t.Errorf("code %s has rows on pages %d and %d", code, p+1, i+1)
			}
			seen[code] = i
			n++
		}
		if n == 0 || n > markdown.MaxPageRows {
			t.Errorf("%s has %d rows, want 1 to %d", name, n, markdown.MaxPageRows)
		}
		rows += n
		for j, other := range pages {
			link := "[page " + fmt.Sprint(j+1) + "](" + strings.TrimPrefix(other, "synth/") + ")"
			if has := bytes.Contains(data, []byte(link)); has == (i == j) {
				t.Errorf("%s links page %d (%s): %v", name, j+1, link, has)
			}
		}
		if i > 0 && !bytes.Contains(data, []byte(fmt.Sprintf(" error codes (page %d)\n", i+1))) {
			t.Errorf("%s does not say which page it is in its title", name)
		}
	}
	if rows != len(c.Entries) {
		t.Errorf("%d rows on the pages, want %d", rows, len(c.Entries))
	}
	index := string(files["README.md"])
	if !strings.Contains(index, "(pages [1](synth/big.md) [2](synth/big.2.md) [3](synth/big.3.md))") {
		t.Errorf("the index does not link every page:\n%s", index)
	}
	again := emit(t, []markdown.Page{page(c, names)}, markdown.Options{})
	for _, name := range pages {
		if !bytes.Equal(files[name], again[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}

	// At the limit: one page, and no word of parts.
	c.Entries = c.Entries[:markdown.MaxPageRows]
	if names, err = catalog.GoNames(c, catalog.Naming{}); err != nil {
		t.Fatal(err)
	}
	files = emit(t, []markdown.Page{page(c, names)}, markdown.Options{})
	if _, ok := files["synth/big.2.md"]; ok || bytes.Contains(files["synth/big.md"], []byte("split over")) {
		t.Errorf("a catalog of %d rows is split", len(c.Entries))
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
