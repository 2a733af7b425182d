package data

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/golden"
)

// goldenFile is the content of a want.json: what Parse says about a file, the
// catalog in its stable JSON form.
type goldenFile struct {
	Error   string          `json:"error,omitempty"`
	Report  *catalog.Report `json:"report,omitempty"`
	Catalog json.RawMessage `json:"catalog,omitempty"`
}

func TestGolden(t *testing.T) {
	golden.Cases(t, "testdata/*/input.*", 10,
		func(name, input string) Options { return Options{File: name + filepath.Ext(input)} },
		func(t *testing.T, src []byte, opts Options, name string) []byte {
			return render(t, src, opts, "test/"+name)
		})
}

func render(t *testing.T, src []byte, opts Options, id string) []byte {
	t.Helper()
	var g goldenFile
	entries, report, err := Parse(src, opts)
	if err != nil {
		g.Error = err.Error()
	} else {
		g.Report = report
		c := &catalog.Catalog{ID: id, Source: catalog.Source{Kind: "data"}, Entries: entries}
		if g.Catalog, err = catalog.Marshal(c); err != nil {
			t.Fatal(err)
		}
	}
	return golden.JSON(t, &g)
}
