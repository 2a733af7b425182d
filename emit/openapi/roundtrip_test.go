package openapi_test

import (
	"fmt"
	"path"
	"slices"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/build"
	parseopenapi "github.com/errgen/errgen/parse/openapi"
)

// TestRoundTrip parses the generated components of every bundled catalog
// with errgen's own OpenAPI parser (parse/openapi) and checks that it gives
// back the catalog's codes, statuses and messages.
//
// The parser reads the errors of operations, so it reads the components
// file the way a user's spec uses it: through a spec whose one operation
// $refs every response of the file (the file itself has no operations).
func TestRoundTrip(t *testing.T) {
	loaded, files := bundled(t)
	for _, l := range loaded {
		c := l.Catalog
		t.Run(c.ID, func(t *testing.T) {
			roundTrip(t, c, files[path.Join(build.OpenAPIDir, c.ID+".yaml")])
		})
	}
	for _, tc := range loadCases(t) {
		if tc.name == "adversarial" {
			continue // its pointers are not ones an API description could name
		}
		for _, v := range []string{"3.0", "3.1"} {
			t.Run(tc.name+"/"+v, func(t *testing.T) {
				roundTrip(t, tc.catalog, emit(t, tc.catalog, v, tc.names))
			})
		}
	}
}

type triple struct {
	status        int
	code, message string
}

func (tr triple) String() string { return fmt.Sprintf("%d %q %q", tr.status, tr.code, tr.message) }

func roundTrip(t *testing.T, c *catalog.Catalog, components []byte) {
	t.Helper()
	// The components file alone, as a user would hand it to errgen: the
	// parser reads a document without paths by its components/responses.
	shape := c.Envelope.Shapes[0]
	res, err := parseopenapi.Parse(components, parseopenapi.Options{
		File:           "errors.yaml",
		CodePointer:    shape.Code,
		MessagePointer: shape.Message,
	})
	if err != nil {
		t.Fatalf("parse/openapi cannot read the components: %v", err)
	}
	got := tripleSet(res.Entries)
	want := tripleSet(c.Entries)

	// Same codes, in the same order of first appearance.
	back := &catalog.Catalog{Entries: res.Entries}
	if !slices.Equal(sortedCodes(back), sortedCodes(c)) {
		t.Errorf("codes: parsed back %d, the catalog has %d", len(back.Codes()), len(c.Codes()))
	}
	// Same statuses.
	if !slices.Equal(statuses(res.Entries), statuses(c.Entries)) {
		t.Errorf("statuses: parsed back %v, the catalog has %v", statuses(res.Entries), statuses(c.Entries))
	}
	// Exactly the documented (status, code, message) triples come back:
	// each response's schema narrows the code to that status's codes, so
	// the parser pairs no code with a status it was not documented with.
	for tr := range want {
		if !got[tr] {
			t.Errorf("not parsed back: %v", tr)
		}
	}
	for tr := range got {
		if !want[tr] {
			t.Errorf("parsed back but not in the catalog: %v", tr)
		}
	}
}

func tripleSet(entries []catalog.Entry) map[triple]bool {
	m := map[triple]bool{}
	for _, e := range entries {
		m[triple{e.Status, e.Code, e.Message}] = true
	}
	return m
}

func sortedCodes(c *catalog.Catalog) []string {
	return slices.Sorted(slices.Values(c.Codes()))
}

func statuses(entries []catalog.Entry) []int {
	var out []int
	for _, e := range entries {
		if !slices.Contains(out, e.Status) {
			out = append(out, e.Status)
		}
	}
	slices.Sort(out)
	return out
}
