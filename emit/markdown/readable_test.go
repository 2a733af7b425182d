package markdown_test

import (
	"strings"
	"testing"

	"golang.org/x/net/html/atom"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/emit/gopkg"
	"github.com/errgen/errgen/emit/markdown"
	"github.com/errgen/errgen/internal/mdcheck"
)

// readableTexts are vendor texts in which nothing can start markup where
// it stands (issue 13 found "R\&D", "snake\_case" in pages): the page's
// Markdown source carries each as it is.
var readableTexts = []string{
	"Contact R&D.",
	"Parameter snake_case is invalid.",
	"Use a_b_c instead.",
	"5 * 3 exceeds the quota.",
	"Only C# is supported.",
	"Bad Request:{0}.",
	"Value must be > 0 and < 100.",
}

func readableCatalog() *catalog.Catalog {
	c := &catalog.Catalog{
		ID: "example/readable", Title: "R&D API", Vendor: "AT&T_Labs",
		Source:   catalog.Source{Kind: "html-table", URL: "https://docs.example.com/errors"},
		Envelope: catalog.Envelope{Shapes: []catalog.Shape{{Code: "/code", Message: "/message"}}},
	}
	for i, s := range readableTexts {
		c.Entries = append(c.Entries, catalog.Entry{Status: 400, Code: "E." + string(rune('a'+i)), Message: s, Description: s, Solution: s})
	}
	// A URL the vendor wrote in a sentence: GitHub would link it, so
	// here, unlike in OpenAPI, it takes a backslash.
	c.Entries = append(c.Entries, catalog.Entry{Status: 400, Code: "E.url", Message: "See http://x for details."})
	return c
}

func TestReadable(t *testing.T) {
	c := readableCatalog()
	names, err := gopkg.Names(c, gopkg.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := emit(t, []markdown.Page{page(c, names)}, markdown.Options{})
	md := string(files[c.ID+".md"])
	for _, s := range readableTexts {
		if want := "| " + s + " | " + s + " | " + s + " |"; !strings.Contains(md, want) {
			t.Errorf("the page lacks the row %q:\n%s", want, md)
		}
	}
	for _, want := range []string{"# R&D API error codes", "Every error AT&T_Labs documents for R&D API:", "See http\\://x for details."} {
		if !strings.Contains(md, want) {
			t.Errorf("the page lacks %q:\n%s", want, md)
		}
	}
	if index := string(files["README.md"]); !strings.Contains(index, "[R&D API]") || !strings.Contains(index, "| AT&T_Labs |") {
		t.Errorf("the index escapes the title or vendor:\n%s", index)
	}
	// And the page still renders as the catalog's text, with no link
	// made of the URL.
	CheckPage(t, files[c.ID+".md"], c, names)
	doc, err := mdcheck.Render(files[c.ID+".md"])
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range mdcheck.Find(doc, atom.A) {
		if h := attr(a, "href"); h == "http://x" {
			t.Errorf("the page links %q", h)
		}
	}
}
