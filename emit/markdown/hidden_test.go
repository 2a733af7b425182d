package markdown_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html/atom"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/emit/markdown"
	"github.com/errgen/errgen/internal/mdcheck"
	"github.com/errgen/errgen/internal/textsafe"
)

// TestNoHiddenCharacter: no page carries a hidden character raw, and
// none is shown raw once rendered, whatever the catalog holds
// (testdata/adversarial/hidden holds bidi controls, a BOM, NUL,
// zero-width characters, separators and a terminal escape in codes,
// texts, title and vendor; TestLiteral checks each cell reads as its
// escape). Invalid UTF-8, which JSON cannot carry, is added here.
func TestNoHiddenCharacter(t *testing.T) {
	for _, tc := range loadCases(t) {
		c := *tc.page.Catalog
		c.Entries = append(c.Entries[:len(c.Entries):len(c.Entries)], catalog.Entry{Status: 418, Code: "BAD.\xff", Message: "bad \xfe\xff bytes"})
		p := tc.page
		p.Catalog = &c
		p.GoNames = map[string]string{"BAD.\xff": "BadBytes"}
		for k, v := range tc.page.GoNames {
			p.GoNames[k] = v
		}
		for name, md := range emit(t, []markdown.Page{p}, markdown.Options{}) {
			for i, r := range string(md) {
				if textsafe.Hidden(r) || !textsafe.Clean(string(r)) {
					t.Errorf("%s %s: raw %U at byte %d", tc.name, name, r, i)
					break
				}
			}
			doc, err := mdcheck.Render(md)
			if err != nil {
				t.Fatal(err)
			}
			if text := mdcheck.Text(doc); !textsafe.Clean(text) {
				t.Errorf("%s %s: the rendered page shows a hidden character", tc.name, name)
			}
			if name != c.ID+".md" {
				continue // the index and an operations page show no row
			}
			if text := mdcheck.Text(doc); !strings.Contains(text, `BAD.\xff`) || !strings.Contains(text, `bad \xfe\xff bytes`) {
				t.Errorf("%s: the invalid UTF-8 row is not shown as escapes", tc.name)
			}
		}
	}
}

// TestSourceURLNotLinked: a source.url that is not http or https (a
// catalog arriving as JSON may say javascript:) is shown as text by the
// default template, never as a link, and the url function refuses it in
// a user's template.
func TestSourceURLNotLinked(t *testing.T) {
	tc := caseNamed(t, "adversarial/hidden")
	for _, u := range []string{"javascript:alert(document.domain)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "vbscript:msgbox(1)"} {
		c := *tc.page.Catalog
		c.Source.URL = u
		p := tc.page
		p.Catalog = &c
		files := emit(t, []markdown.Page{p}, markdown.Options{})
		doc, err := mdcheck.Render(files[c.ID+".md"])
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range mdcheck.Find(doc, atom.A) {
			if href := attr(a, "href"); strings.Contains(strings.ToLower(href), strings.ToLower(u[:5])) {
				t.Errorf("source %q is a link: <a href=%q>", u, href)
			}
		}
		if !strings.Contains(mdcheck.Text(doc), "Source: "+textsafe.Escape(u)) {
			t.Errorf("source %q is not shown as text", u)
		}

		_, err = markdown.Emit([]markdown.Page{p}, markdown.Options{Dir: "docs", TemplatesDir: "mytemplates",
			Templates: fstest.MapFS{"catalog.md.tmpl": {Data: []byte("# x\n\n[source]({{url .SourceURL}})\n")}}})
		var d *catalog.Diagnostic
		if !errors.As(err, &d) || d.File != "mytemplates/catalog.md.tmpl" || !strings.Contains(d.Message, "only http and https") {
			t.Errorf("url %q in a user's template: got %v, want a diagnostic refusing it", u, err)
		}
	}
}

// TestLinksEncoded: links between outputs come from the catalog ID, which
// a JSON catalog may set to anything: it cannot make a javascript: link or
// end the link early.
func TestLinksEncoded(t *testing.T) {
	tc := caseNamed(t, "adversarial/hidden")
	c := *tc.page.Catalog
	c.ID = "javascript:alert(1)//x) [y](z"
	p := tc.page
	p.Catalog = &c
	p.GoDir, p.OpenAPIFile = "go/"+c.ID, "openapi/"+c.ID+".yaml"
	files := emit(t, []markdown.Page{p}, markdown.Options{})
	for name, md := range files {
		doc, err := mdcheck.Render(md)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range mdcheck.Find(doc, atom.A) {
			href := attr(a, "href")
			if strings.Contains(strings.ToLower(href), "javascript:") || strings.ContainsAny(href, " ()[]") {
				t.Errorf("%s: link %q is not percent-encoded", name, href)
			}
		}
	}
	if !strings.Contains(string(files["README.md"]), "(javascript%3Aalert%281%29//x%29%20%5By%5D%28z.md)") {
		t.Errorf("index link not percent-encoded:\n%s", files["README.md"])
	}
}
