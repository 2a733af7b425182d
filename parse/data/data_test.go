package data

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/errgen/errgen/catalog"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden is the content of a want.json: what Parse says about a file, the
// catalog in its stable JSON form.
type golden struct {
	Error   string          `json:"error,omitempty"`
	Report  *catalog.Report `json:"report,omitempty"`
	Catalog json.RawMessage `json:"catalog,omitempty"`
}

func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*/input.*")
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) < 10 {
		t.Fatalf("only %d testdata/*/input.* files", len(inputs))
	}
	for _, in := range inputs {
		dir := filepath.Dir(in)
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			src := readFile(t, in)
			opts := Options{File: name + filepath.Ext(in)}
			if b, err := os.ReadFile(filepath.Join(dir, "options.json")); err == nil {
				if err := json.Unmarshal(b, &opts); err != nil {
					t.Fatal(err)
				}
			}
			got := render(t, src, opts, "test/"+name)
			wantFile := filepath.Join(dir, "want.json")
			if *update {
				if err := os.WriteFile(wantFile, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := readFile(t, wantFile)
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs (rerun with -update to accept):\n%s", wantFile,
					udiff.Unified(wantFile, "got", string(want), string(got)))
			}
		})
	}
}

func render(t *testing.T, src []byte, opts Options, id string) []byte {
	t.Helper()
	var g golden
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
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
