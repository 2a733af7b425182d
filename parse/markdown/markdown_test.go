package markdown

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/golden"
	"github.com/errgen/errgen/parse/internal/table"
)

// goldenFile is the content of a want.json: everything Parse and Tables say
// about a page, the catalog in its stable JSON form.
type goldenFile struct {
	Tables  []table.Info    `json:"tables"`
	Error   string          `json:"error,omitempty"`
	Report  *catalog.Report `json:"report,omitempty"`
	Catalog json.RawMessage `json:"catalog,omitempty"`
}

func TestGolden(t *testing.T) {
	golden.Cases(t, "testdata/*/input.md", 1,
		func(name, input string) Options { return Options{File: name + ".md"} },
		func(t *testing.T, src []byte, opts Options, name string) []byte {
			return render(t, src, opts, "test/"+name)
		})
}

func render(t *testing.T, src []byte, opts Options, id string) []byte {
	t.Helper()
	var g goldenFile
	var err error
	if g.Tables, err = Tables(src); err != nil {
		t.Fatalf("Tables: %v", err)
	}
	entries, report, err := Parse(src, opts)
	if err != nil {
		var d *catalog.Diagnostic
		if !errors.As(err, &d) || d.File != opts.File {
			t.Errorf("error %#v is not a Diagnostic naming %s", err, opts.File)
		}
		g.Error = err.Error()
	} else {
		g.Report = report
		c := &catalog.Catalog{ID: id, Source: catalog.Source{Kind: "markdown"}, Entries: entries}
		if g.Catalog, err = catalog.Marshal(c); err != nil {
			t.Fatal(err)
		}
	}
	return golden.JSON(t, g)
}

func parseFile(t *testing.T, name string, opts Options) ([]catalog.Entry, *catalog.Report) {
	t.Helper()
	entries, report, err := Parse(golden.ReadFile(t, filepath.Join("testdata", name, "input.md")), opts)
	if err != nil {
		t.Fatal(err)
	}
	return entries, report
}
