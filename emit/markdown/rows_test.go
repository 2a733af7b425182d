package markdown

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/template"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/templates"
)

// TestRowsFunction: the template function rows writes what the range
// over .Rows that the default catalog.md.tmpl quotes would write, for
// every golden catalog (titles, operations, shortened lists, hostile
// text) and for a split page.
func TestRowsFunction(t *testing.T) {
	src, err := templates.FS.ReadFile("catalog.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	const start, end = "{{- range .Rows}}", "{{- end}} */}}"
	i := strings.Index(string(src), start)
	j := strings.Index(string(src), end)
	if i < 0 || j < i || !strings.Contains(string(src[j:]), "{{- rows .}}") {
		t.Fatal("catalog.md.tmpl quotes no range over .Rows before {{- rows .}}")
	}
	ranged := template.Must(template.New("rows").Funcs(funcs).Parse(string(src[i:j]) + "{{- end}}"))

	files, _ := filepath.Glob(filepath.Join("testdata", "*", "catalog.json"))
	if len(files) < 4 {
		t.Fatalf("%d golden catalogs", len(files))
	}
	var datas []*PageData
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c, err := catalog.Unmarshal(data)
		if err != nil {
			t.Fatal(err)
		}
		names, _ := catalog.GoNames(c, catalog.Naming{})
		d, err := pageData(Page{Catalog: c, GoPackage: "p", ImportPath: "example.com/p", GoNames: names, GoDir: "go/p"}, "docs")
		if err != nil {
			t.Fatal(err)
		}
		datas = append(datas, d)
		if len(d.Rows) > 2 {
			// A part of a split page: its own rows.
			part := *d
			part.Rows = d.Rows[1:]
			datas = append(datas, &part)
		}
	}
	for _, d := range datas {
		var want strings.Builder
		if err := ranged.Execute(&want, d); err != nil {
			t.Fatal(err)
		}
		if got := rows(d); got != want.String() {
			t.Errorf("catalog %s: rows writes\n%s\nthe range writes\n%s", d.ID, got, want.String())
		}
	}
}
