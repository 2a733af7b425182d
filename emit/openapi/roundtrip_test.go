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
	parse := func(shape catalog.Shape) []catalog.Entry {
		res, err := parseopenapi.Parse(components, parseopenapi.Options{
			File:           "errors.yaml",
			CodePointer:    shape.Code,
			MessagePointer: shape.Message,
		})
		if err != nil {
			t.Fatalf("parse/openapi cannot read the components: %v", err)
		}
		if shape.CodePrefix != "" {
			// The parser reads codes as the body sends them, without
			// the prefix the catalog's codes have.
			for i := range res.Entries {
				res.Entries[i].Code = shape.CodePrefix + res.Entries[i].Code
			}
		}
		return res.Entries
	}
	entries := parse(c.Envelope.Shapes[0])
	if c.Envelope.Is("scim") {
		entries = scimEntries(entries, parse(c.Envelope.Shapes[1]))
	}
	got := tripleSet(entries)
	want := tripleSet(c.Entries)

	// Same codes, in the same order of first appearance.
	back := &catalog.Catalog{Entries: entries}
	if !slices.Equal(sortedCodes(back), sortedCodes(c)) {
		t.Errorf("codes: parsed back %d, the catalog has %d", len(back.Codes()), len(c.Codes()))
	}
	// Same statuses.
	if !slices.Equal(statuses(entries), statuses(c.Entries)) {
		t.Errorf("statuses: parsed back %v, the catalog has %v", statuses(entries), statuses(c.Entries))
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

// scimEntries combines what the parser reads with each of the SCIM
// envelope's code pointers, which it takes one at a time: a SCIM error's
// code is its scimType (byType) or else its status (byStatus). A message
// comes with the scimType when an example shows both; a code whose
// examples have no scimType is read with its messages by status.
func scimEntries(byType, byStatus []catalog.Entry) []catalog.Entry {
	typed := map[[2]string]bool{} // status and message with a scimType
	withMessage := map[string]bool{}
	for _, e := range byType {
		if e.Message != "" {
			typed[[2]string{fmt.Sprint(e.Status), e.Message}] = true
		}
	}
	var out []catalog.Entry
	for _, e := range byStatus {
		if e.Code == fmt.Sprint(e.Status) && !typed[[2]string{e.Code, e.Message}] {
			out = append(out, e)
			if e.Message != "" {
				withMessage[e.Code] = true
			}
		}
	}
	for _, e := range byType {
		if e.Message == "" && withMessage[e.Code] {
			continue // the enum's code, whose messages come by status
		}
		out = append(out, e)
	}
	return out
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
