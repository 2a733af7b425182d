package markdown_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/emit/gopkg"
	"github.com/errgen/errgen/emit/markdown"
	"github.com/errgen/errgen/internal/mdcheck"
	"github.com/errgen/errgen/internal/textsafe"
)

var update = flag.Bool("update", false, "rewrite the want/ files")

type testCase struct {
	name string
	page markdown.Page
}

func loadCases(t *testing.T) []testCase {
	t.Helper()
	files, err := filepath.Glob("testdata/*/catalog.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	// Further adversarial catalogs, one directory each (see the README).
	more, _ := filepath.Glob("testdata/adversarial/*/catalog.json")
	files = append(files, more...)
	var cases []testCase
	for _, f := range files {
		dir := filepath.Dir(f)
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c, err := catalog.Unmarshal(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var opts struct {
			Names map[string]string `json:"names"`
		}
		if data, err := os.ReadFile(filepath.Join(dir, "options.json")); err == nil {
			if err := json.Unmarshal(data, &opts); err != nil {
				t.Fatalf("%s/options.json: %v", dir, err)
			}
		}
		names, err := gopkg.Names(c, gopkg.Options{Names: opts.Names})
		if err != nil {
			t.Fatalf("%s: gopkg.Names: %v", dir, err)
		}
		name, _ := filepath.Rel("testdata", dir)
		cases = append(cases, testCase{filepath.ToSlash(name), page(c, names)})
	}
	return cases
}

func caseNamed(t *testing.T, name string) testCase {
	t.Helper()
	for _, tc := range loadCases(t) {
		if tc.name == name {
			return tc
		}
	}
	t.Fatalf("no test case %s", name)
	return testCase{}
}

// page is how internal/build describes a catalog whose outputs sit in
// the default places of a module example.com/m.
func page(c *catalog.Catalog, names map[string]string) markdown.Page {
	return markdown.Page{
		Catalog:     c,
		GoPackage:   path.Base(c.ID),
		ImportPath:  "example.com/m/go/" + c.ID,
		GoNames:     names,
		GoDir:       "go/" + c.ID,
		OpenAPIFile: "openapi/" + c.ID + ".yaml",
	}
}

func emit(t *testing.T, pages []markdown.Page, opts markdown.Options) map[string][]byte {
	t.Helper()
	if opts.Dir == "" {
		opts.Dir = "docs"
	}
	files, err := markdown.Emit(pages, opts)
	if err != nil {
		t.Fatalf("Emit: %v", err)
	}
	return files
}

// TestGolden compares each case's page and index with testdata/*/want.
func TestGolden(t *testing.T) {
	for _, tc := range loadCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			files := emit(t, []markdown.Page{tc.page}, markdown.Options{})
			want := filepath.Join("testdata", tc.name, "want")
			if *update {
				if err := os.RemoveAll(want); err != nil {
					t.Fatal(err)
				}
				for name, data := range files {
					p := filepath.Join(want, filepath.FromSlash(name))
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			var onDisk []string
			err := filepath.WalkDir(want, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					rel, _ := filepath.Rel(want, p)
					onDisk = append(onDisk, filepath.ToSlash(rel))
				}
				return err
			})
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			var names []string
			for name, data := range files {
				names = append(names, name)
				disk, err := os.ReadFile(filepath.Join(want, filepath.FromSlash(name)))
				if err != nil || !bytes.Equal(disk, data) {
					t.Errorf("%s/%s differs from Emit's output; run go test ./emit/markdown -update and review the diff", want, name)
				}
			}
			slices.Sort(names)
			slices.Sort(onDisk)
			if !slices.Equal(names, onDisk) {
				t.Errorf("Emit writes %v, %s has %v", names, want, onDisk)
			}
		})
	}
}

// TestLiteral renders every test page with goldmark and checks that each
// cell of its reference table shows the catalog's text exactly.
func TestLiteral(t *testing.T) {
	for _, tc := range loadCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			files := emit(t, []markdown.Page{tc.page}, markdown.Options{})
			CheckPage(t, files[tc.page.Catalog.ID+".md"], tc.page.Catalog, tc.page.GoNames)
			checkIndex(t, files["README.md"], []*catalog.Catalog{tc.page.Catalog})
			checkOperations(t, files, tc.page.Catalog)
		})
	}
}

// shown is what a page shows of vendor text: hidden characters and
// invalid UTF-8 as visible escapes (see internal/mdtext).
func shown(s string) string {
	return textsafe.Escape(s)
}

// CheckPage checks a rendered catalog page against its catalog: the
// reference table row by row and cell by cell, the anchors, the summary
// by status and the title. Exported to the bundled-catalog test.
func CheckPage(t *testing.T, md []byte, c *catalog.Catalog, names map[string]string) {
	t.Helper()
	doc, err := mdcheck.Render(md)
	if err != nil {
		t.Fatal(err)
	}
	h1 := mdcheck.Find(doc, atom.H1)
	title := c.Title
	if title == "" {
		title = c.ID
	}
	if len(h1) != 1 || mdcheck.Text(h1[0]) != strings.ReplaceAll(shown(wantHeading(title)), "\n", " ") {
		t.Errorf("title: got %d h1, want one reading %q", len(h1), wantHeading(title))
	}
	tables := mdcheck.Tables(doc)
	var ref, summary *mdcheck.Table
	for i := range tables {
		switch tables[i].Header[0] {
		case "Code":
			ref = &tables[i]
		case "HTTP status":
			summary = &tables[i]
		}
	}
	if ref == nil || summary == nil {
		t.Fatalf("the page has no reference or no summary table; tables: %v", tables)
	}

	hasTitles, hasOps := false, false
	for _, e := range c.Entries {
		hasTitles = hasTitles || e.Title != ""
		hasOps = hasOps || len(e.Operations) > 0
	}
	header := []string{"Code", "HTTP status", "Message", "Description", "Solution", "Go name"}
	if hasTitles {
		header = append(header, "Title")
	}
	if hasOps {
		header = append(header, "Operations")
	}
	if !slices.Equal(ref.Header, header) {
		t.Errorf("reference header %q, want %q", ref.Header, header)
	}
	var want [][]string
	for _, group := range c.ByCode() {
		for _, e := range group {
			status := ""
			if e.Status != 0 {
				status = strconv.Itoa(e.Status)
			}
			row := []string{e.Code, status, e.Message, e.Description, e.Solution, names[e.Code]}
			if hasTitles {
				row = append(row, e.Title)
			}
			if hasOps {
				row = append(row, strings.Join(cellOperations(e), "\n"))
			}
			for i := range row {
				row[i] = shown(row[i])
			}
			want = append(want, row)
		}
	}
	if len(ref.Rows) != len(want) {
		t.Fatalf("reference table has %d rows, the catalog %d entries", len(ref.Rows), len(want))
	}
	bad := 0
	for i, row := range ref.Rows {
		if !slices.Equal(row, want[i]) && bad < 10 {
			bad++
			for j := range row {
				if j < len(want[i]) && row[j] != want[i][j] {
					t.Errorf("row %d, column %s: renders as %q, the catalog has %q", i+1, header[j], row[j], want[i][j])
				}
			}
			if len(row) != len(want[i]) {
				t.Errorf("row %d has %d cells, want %d", i+1, len(row), len(want[i]))
			}
		}
	}
	// Only the anchors and line breaks are markup inside the table body.
	for _, td := range mdcheck.Find(doc, atom.Td) {
		for _, tag := range mdcheck.Elements(td) {
			if tag != "br" && tag != "a" && tag != "code" {
				t.Errorf("cell %q renders a <%s>", mdcheck.Text(td), tag)
			}
		}
	}

	// One anchor per code, unique, on its first row, and every link to a
	// fragment lands on one.
	ids := map[string]bool{}
	var anchors []string
	for _, a := range mdcheck.Find(doc, atom.A) {
		if id := attr(a, "id"); id != "" {
			if ids[id] {
				t.Errorf("anchor %q is used twice", id)
			}
			ids[id] = true
			anchors = append(anchors, id)
		}
	}
	if len(anchors) != len(c.Codes()) {
		t.Errorf("%d anchors, want one per code (%d)", len(anchors), len(c.Codes()))
	}
	for _, a := range mdcheck.Find(doc, atom.A) {
		if href := attr(a, "href"); strings.HasPrefix(href, "#") && !ids[href[1:]] {
			t.Errorf("link %q points to no anchor", href)
		}
	}

	// The summary counts every entry and code under its status.
	entries, codes := map[string]int{}, map[string]map[string]bool{}
	for _, e := range c.Entries {
		label := "not documented"
		if e.Status != 0 {
			label = strconv.Itoa(e.Status)
		}
		entries[label]++
		if codes[label] == nil {
			codes[label] = map[string]bool{}
		}
		codes[label][e.Code] = true
	}
	if len(summary.Rows) != len(entries)+1 {
		t.Errorf("summary has %d rows, want %d statuses and a total", len(summary.Rows), len(entries))
	}
	for _, row := range summary.Rows {
		label, _, _ := strings.Cut(row[0], " ")
		if row[0] == "not documented" {
			label = row[0]
		}
		n, _ := strconv.Atoi(row[1])
		k, _ := strconv.Atoi(row[2])
		switch {
		case row[0] == "All":
			if n != len(c.Entries) || k != len(c.Codes()) {
				t.Errorf("summary total %v, want %d entries, %d codes", row, len(c.Entries), len(c.Codes()))
			}
		case n != entries[label] || k != len(codes[label]):
			t.Errorf("summary row %v, want %d entries, %d codes", row, entries[label], len(codes[label]))
		}
	}
}

// wantHeading is the page title for a catalog titled title: with
// " error codes" unless its last words (before a remark in parentheses)
// already say so.
func wantHeading(title string) string {
	main := strings.TrimSpace(title)
	if i := strings.LastIndex(main, "("); i > 0 && strings.HasSuffix(main, ")") {
		main = main[:i]
	}
	words := strings.FieldsFunc(strings.ToLower(main), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	last := strings.Join(words[max(0, len(words)-2):], " ")
	if len(words) > 0 && (words[len(words)-1] == "errors" || words[len(words)-1] == "error" || words[len(words)-1] == "codes" || last == "error code") {
		return title
	}
	return title + " error codes"
}

// cellOperations is what the Operations cell of e's row shows: every
// operation, or with more than markdown.CellOperations the first five and
// a link to all of them.
func cellOperations(e catalog.Entry) []string {
	var ops []string
	for _, op := range e.Operations {
		ops = append(ops, op.Method+" "+op.Path)
	}
	if len(ops) > markdown.CellOperations {
		ops = append(ops[:5:5], "all "+strconv.Itoa(len(ops))+" operations")
	}
	return ops
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func checkIndex(t *testing.T, md []byte, cats []*catalog.Catalog) {
	t.Helper()
	doc, err := mdcheck.Render(md)
	if err != nil {
		t.Fatal(err)
	}
	tables := mdcheck.Tables(doc)
	if len(tables) != 1 || len(tables[0].Rows) != len(cats) {
		t.Fatalf("index: want one table with a row per catalog (%d), got %v", len(cats), tables)
	}
	for i, c := range cats {
		row := tables[0].Rows[i]
		title := c.Title
		if title == "" {
			title = c.ID
		}
		if row[0] != shown(title) || row[2] != strconv.Itoa(len(c.Codes())) || row[3] != strconv.Itoa(len(c.Entries)) {
			t.Errorf("index row %q, want title %q, %d codes, %d entries", row, title, len(c.Codes()), len(c.Entries))
		}
	}
	links := mdcheck.Find(doc, atom.A)
	for i, c := range cats {
		if i >= len(links) || attr(links[i], "href") != c.ID+".md" {
			t.Errorf("index: link %d should be %s.md", i, c.ID)
		}
	}
}

// TestAnchorsStable: a code's anchor depends on the code alone, so adding
// rows and codes leaves the anchors of the others as they were.
func TestAnchorsStable(t *testing.T) {
	tc := caseNamed(t, "huawei")
	c := tc.page.Catalog
	before := anchorsOf(t, emit(t, []markdown.Page{tc.page}, markdown.Options{})[c.ID+".md"])
	more := *c
	more.Entries = append([]catalog.Entry{
		{Status: 400, Code: "Zz.New", Message: "new first row"},
		{Status: 404, Code: c.Entries[0].Code, Message: "another message"},
	}, c.Entries...)
	names := map[string]string{"Zz.New": "ZzNew"}
	for k, v := range tc.page.GoNames {
		names[k] = v
	}
	p := tc.page
	p.Catalog, p.GoNames = &more, names
	after := anchorsOf(t, emit(t, []markdown.Page{p}, markdown.Options{})[c.ID+".md"])
	for code, a := range before {
		if after[code] != a {
			t.Errorf("anchor of %q changed from %q to %q when rows were added", code, a, after[code])
		}
	}
	if before["IdentityCenter.1000"] != "identitycenter1000" {
		t.Errorf("anchor of IdentityCenter.1000 is %q, want identitycenter1000", before["IdentityCenter.1000"])
	}
}

// anchorsOf maps each code of a rendered page to its anchor.
func anchorsOf(t *testing.T, md []byte) map[string]string {
	t.Helper()
	doc, err := mdcheck.Render(md)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, td := range mdcheck.Find(doc, atom.Td) {
		if a := td.FirstChild; a != nil && a.DataAtom == atom.A && attr(a, "id") != "" {
			out[mdcheck.Text(td)] = attr(a, "id")
		}
	}
	return out
}

// TestAnchorCollisions: codes that would share an anchor, or take a
// heading's, get the code's hash appended.
func TestAnchorCollisions(t *testing.T) {
	tc := caseNamed(t, "adversarial")
	a := anchorsOf(t, emit(t, []markdown.Page{tc.page}, markdown.Options{})[tc.page.Catalog.ID+".md"])
	for _, code := range []string{"MD.a-1", "MD.a_1", "Reference"} {
		base := strings.ToLower(strings.NewReplacer(".", "", "-", "", "_", "").Replace(code))
		if got := a[code]; !strings.HasPrefix(got, base+"-") || len(got) != len(base)+9 {
			t.Errorf("anchor of %q is %q, want %s-<8 hex digits>", code, got, base)
		}
	}
	if a["MD.a-1"] == a["MD.a_1"] {
		t.Errorf("MD.a-1 and MD.a_1 share anchor %q", a["MD.a-1"])
	}
}

// TestTemplates: a templates directory replaces the defaults it has, the
// others stay, and bad templates are reported with file and line.
func TestTemplates(t *testing.T) {
	tc := caseNamed(t, "huawei")
	pages := []markdown.Page{tc.page}
	custom := fstest.MapFS{"catalog.md.tmpl": {Data: []byte("# {{text .Title}}\n\n{{range .Rows}}- {{text .Code}}\n{{end}}")}}
	files := emit(t, pages, markdown.Options{Templates: custom, TemplatesDir: "mytemplates"})
	page := string(files[tc.page.Catalog.ID+".md"])
	if !strings.HasPrefix(page, "# Huawei Cloud IAM Identity Center\n\n- IdentityCenter.400\n") {
		t.Errorf("the override was not used:\n%.200s", page)
	}
	def := emit(t, pages, markdown.Options{})
	if !bytes.Equal(files["README.md"], def["README.md"]) {
		t.Errorf("index.md.tmpl is not overridden, yet README.md differs from the default")
	}

	for _, bad := range []struct {
		name, file, src, where, msg string
	}{
		{"parse", "catalog.md.tmpl", "# title\n\n{{range .Rows}}\n", "line 4", "unexpected EOF"},
		{"field", "index.md.tmpl", "# index\n{{.Nope}}\n", "line 2, column 2", "can't evaluate field Nope"},
		{"func", "catalog.md.tmpl", "{{nope .Title}}", "line 1", `function "nope" not defined`},
	} {
		t.Run(bad.name, func(t *testing.T) {
			_, err := markdown.Emit(pages, markdown.Options{Dir: "docs", TemplatesDir: "mytemplates",
				Templates: fstest.MapFS{bad.file: {Data: []byte(bad.src)}}})
			var d *catalog.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("got %v, want a *catalog.Diagnostic", err)
			}
			if d.File != "mytemplates/"+bad.file || d.Where != bad.where || !strings.Contains(d.Message, bad.msg) {
				t.Errorf("got %q; want file mytemplates/%s, where %q, message with %q", d.Error(), bad.file, bad.where, bad.msg)
			}
		})
	}
	_, err := markdown.Emit(pages, markdown.Options{Dir: "docs", TemplatesDir: "mytemplates",
		Templates: fstest.MapFS{"catalog.tmpl": {Data: []byte("x")}}})
	if err == nil || !strings.Contains(err.Error(), "mytemplates/catalog.tmpl: unknown template") {
		t.Errorf("a misspelt template file: got %v, want an unknown template error", err)
	}
}

// TestEmitErrors: a catalog without entries is a Diagnostic.
func TestEmitErrors(t *testing.T) {
	c := &catalog.Catalog{ID: "x/y", Source: catalog.Source{File: "x.html"}}
	_, err := markdown.Emit([]markdown.Page{{Catalog: c}}, markdown.Options{})
	var d *catalog.Diagnostic
	if !errors.As(err, &d) || d.Where != "catalog x/y" || !strings.Contains(d.Message, "no entries") {
		t.Errorf("got %v, want a diagnostic about catalog x/y having no entries", err)
	}
}
