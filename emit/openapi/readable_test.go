package openapi_test

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/mdcheck"
)

// readableTexts are vendor texts in which nothing can start markup where
// it stands in a CommonMark description (issue 13 found "R\&D",
// "http\://" and "snake\_case" in OpenAPI documents): each is written as
// it is. OpenAPI tools render no math, and link a bare http URL only to
// the address it reads as, so "$" and "http://" need nothing either.
var readableTexts = []string{
	"Contact R&D.",
	"See http://x for details.",
	"Parameter snake_case is invalid.",
	"Use a_b_c instead.",
	"5 * 3 exceeds the quota.",
	"Only C# is supported.",
	"Resource ${resourceId} costs $5.",
	"Value must be > 0 and < 100.",
}

func TestReadable(t *testing.T) {
	c := &catalog.Catalog{
		ID: "example/readable", Title: "R&D API", Vendor: "AT&T_Labs",
		Source:   catalog.Source{Kind: "html-table", URL: "https://docs.example.com/errors"},
		Envelope: catalog.Envelope{Shapes: []catalog.Shape{{Code: "/code", Message: "/message"}}},
	}
	for i, s := range readableTexts {
		c.Entries = append(c.Entries, catalog.Entry{Status: 400, Code: "E." + string(rune('a'+i)), Message: s, Title: s, Description: s, Solution: s})
	}
	out := emit(t, c, "3.1", nil)
	var doc struct {
		Info struct {
			Title, Description string
		}
		Components struct {
			Schemas struct {
				ErrorCode struct {
					Description string
					Descs       []string `yaml:"x-enum-descriptions"`
				} `yaml:"ErrorCode"`
			}
			Examples map[string]struct {
				Summary, Description string
				Value                map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Info.Title != "R&D API errors" {
		t.Errorf("info.title = %q", doc.Info.Title)
	}
	if want := "The errors AT&T_Labs documents for R&D API,"; !strings.HasPrefix(doc.Info.Description, want) {
		t.Errorf("info.description = %q, want it to start %q", doc.Info.Description, want)
	}
	if want := "An error code AT&T_Labs documents."; !strings.HasPrefix(doc.Components.Schemas.ErrorCode.Description, want) {
		t.Errorf("ErrorCode description = %q, want it to start %q", doc.Components.Schemas.ErrorCode.Description, want)
	}
	if got := doc.Components.Schemas.ErrorCode.Descs; strings.Join(got, "\n") != strings.Join(readableTexts, "\n") {
		t.Errorf("x-enum-descriptions = %q, want %q", got, readableTexts)
	}
	for i, s := range readableTexts {
		key := "E." + string(rune('a'+i)) + "-400"
		ex, ok := doc.Components.Examples[key]
		if !ok {
			t.Fatalf("no example %s", key)
		}
		if ex.Summary != s || ex.Description != s+"\n\nSolution: "+s || ex.Value["message"] != s {
			t.Errorf("example %s: summary %q, description %q, message %q; want each to carry %q as it is", key, ex.Summary, ex.Description, ex.Value["message"], s)
		}
		// The description renders as the text.
		rendered, err := mdcheck.Render([]byte(ex.Description))
		if err != nil {
			t.Fatal(err)
		}
		if got := mdcheck.Text(rendered); got != s+"\nSolution: "+s+"\n" {
			t.Errorf("example %s: description renders as %q", key, got)
		}
	}
}
