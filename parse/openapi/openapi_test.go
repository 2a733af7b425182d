package openapi

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/errgen/errgen/catalog"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden lists the specs under testdata, each written for a shape real
// APIs use and the Nevis document does not (see testdata/README.md).
var golden = map[string]string{
	"shared-ref": "openapi.yaml",
	"problem":    "openapi.json",
	"swagger2":   "swagger.yaml",
	"keyed":      "openapi.yaml",
	"multifile":  "openapi.yaml",
}

// parseFile parses a spec the way build does: named by its path, with
// $refs to other files read from beside it.
func parseFile(t testing.TB, path string, opts Options) (*Result, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	opts.File = filepath.ToSlash(path)
	opts.ReadFile = func(name string) ([]byte, error) { return os.ReadFile(filepath.FromSlash(name)) }
	return Parse(data, opts)
}

// TestGolden parses each spec of testdata into want.json (the catalog's
// JSON form) and want.warnings (one warning a line); -update rewrites
// them.
func TestGolden(t *testing.T) {
	for dir, file := range golden {
		t.Run(dir, func(t *testing.T) {
			r, err := parseFile(t, filepath.Join("testdata", dir, file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			c := &catalog.Catalog{ID: "test/" + dir, Source: catalog.Source{Kind: "openapi", File: file}, Envelope: r.Envelope, Entries: r.Entries}
			data, err := catalog.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			var warnings strings.Builder
			for _, w := range r.Report.Warnings {
				warnings.WriteString(w.Error() + "\n")
			}
			compare(t, filepath.Join("testdata", dir, "want.json"), string(data))
			compare(t, filepath.Join("testdata", dir, "want.warnings"), warnings.String())
		})
	}
}

func compare(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (run go test -update after checking):\n%s", path, udiff.Unified("want", "got", string(want), got))
	}
}

// entriesOf returns the entries of code.
func entriesOf(r *Result, code string) []catalog.Entry {
	var out []catalog.Entry
	for _, e := range r.Entries {
		if e.Code == code {
			out = append(out, e)
		}
	}
	return out
}

// TestSharedRef spot-checks what the golden file holds: a code enum in
// another file, shared by $ref through components/responses, under
// default, 404, 409 and 5XX. NOT_FOUND names its status, so the enum is
// a list of the codes of all statuses: each code goes under the status it
// names or its examples show, and INVALID_ARGUMENT, which neither gives a
// status, is one entry with status 0.
func TestSharedRef(t *testing.T) {
	r, err := parseFile(t, "testdata/shared-ref/openapi.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	codes := (&catalog.Catalog{Entries: r.Entries}).Codes()
	if !slices.Equal(codes, []string{"INVALID_ARGUMENT", "NOT_FOUND", "WIDGET_EXISTS", "INTERNAL"}) {
		t.Errorf("codes = %q, want the enum's order, deduplicated", codes)
	}
	if len(r.Entries) != 4 {
		t.Errorf("%d entries, want one per code", len(r.Entries))
	}
	inv := entriesOf(r, "INVALID_ARGUMENT")
	if len(inv) != 1 {
		t.Fatalf("INVALID_ARGUMENT = %+v, want one entry", inv)
	}
	if e := inv[0]; e.Status != 0 || e.StatusRange != "" || e.Name != "InvalidArgument" || e.Description != "A parameter is invalid." ||
		e.Origin.Pointer != "codes.yaml#/ErrorCode/enum/0" || !strings.Contains(e.Note, "under 404, 409, 5XX and default") {
		t.Errorf("INVALID_ARGUMENT = %+v", e)
	}
	// Its operations are those of every response of the schema, in
	// document order.
	var ids []string
	for _, op := range inv[0].Operations {
		ids = append(ids, op.OperationID)
	}
	if !slices.Equal(ids, []string{"listWidgets", "createWidget", "getWidget"}) {
		t.Errorf("INVALID_ARGUMENT operations = %q", ids)
	}
	nf := entriesOf(r, "NOT_FOUND")
	if len(nf) != 1 {
		t.Fatalf("NOT_FOUND = %+v, want its 404 alone", nf)
	}
	if e := nf[0]; e.Status != 404 || e.Message != "Widget w-9 not found." || e.Title != "Unknown widget" || len(e.Examples) != 1 || e.Examples[0].Name != "missing" ||
		e.Origin.Pointer != "/components/responses/NotFound/content/application~1json/examples/missing/value" {
		t.Errorf("NOT_FOUND 404 = %+v", e)
	}
	if e := entriesOf(r, "WIDGET_EXISTS"); len(e) != 1 || e[0].Status != 409 || e[0].Message != "Widget w-1 already exists." {
		t.Errorf("WIDGET_EXISTS = %+v, want its 409 example alone", e)
	}
	// INTERNAL names 500, which only the 5XX range covers.
	if e := entriesOf(r, "INTERNAL"); len(e) != 1 || e[0].Status != 500 || e[0].StatusRange != "" || !strings.Contains(e[0].Note, "under 5XX") {
		t.Errorf("INTERNAL = %+v, want 500 with a note", e)
	}
	if got := r.Envelope.Shapes; len(got) != 1 || got[0] != (catalog.Shape{Code: "/code", Message: "/message", RequestID: "/request_id"}) {
		t.Errorf("shapes = %+v", got)
	}
	if got := r.Envelope.Fields; len(got) != 1 || got[0].Name != "details" || got[0].Type != "array" || got[0].Description != "Field-level problems." {
		t.Errorf("fields = %+v", got)
	}
	if len(r.Report.Warnings) != 2 || !strings.Contains(r.Report.Warnings[0].Error(), `code "NOT_FOUND" is declared 2 times`) ||
		r.Report.Warnings[1].Where != "codes.yaml#/ErrorCode/enum" || !strings.Contains(r.Report.Warnings[1].Message, `"INVALID_ARGUMENT" only through a schema`) {
		t.Errorf("warnings = %v", r.Report.Warnings)
	}
}

// TestProblem: RFC 9457 problem details, whose type URIs are the codes,
// from oneOf const variants with titles and descriptions.
func TestProblem(t *testing.T) {
	r, err := parseFile(t, "testdata/problem/openapi.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Envelope.Shapes; len(got) != 1 || got[0].Code != "/type" || got[0].Message != "/detail" {
		t.Errorf("shapes = %+v", got)
	}
	e := entriesOf(r, "https://example.com/probs/out-of-credit")
	// Every response with the Problem schema declares every type: 403
	// (with the example's message), 404 and 4XX.
	if len(e) != 3 || e[0].Status != 403 || e[0].Message != "Your current balance is 30, but that costs 50." || e[0].Title != "Out of credit" ||
		e[0].Description != "The account balance is too low." || e[1].Status != 404 || e[2].StatusRange != "4XX" || e[2].Message != "" {
		t.Errorf("out-of-credit = %+v", e)
	}
	if e := entriesOf(r, "about:blank"); len(e) != 3 {
		t.Errorf("about:blank entries = %+v, want 403, 404 and 4XX", e)
	}
}

// TestSwagger2: codes only in examples, from a converted Swagger 2.0
// document, with pointers into the Swagger document itself.
func TestSwagger2(t *testing.T) {
	r, err := parseFile(t, "testdata/swagger2/swagger.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	codes := (&catalog.Catalog{Entries: r.Entries}).Codes()
	if !slices.Equal(codes, []string{"ORDER_EMPTY", "ITEM_UNAVAILABLE", "ORDER_SHIPPED"}) {
		t.Errorf("codes = %q, want them in order of appearance", codes)
	}
	e := entriesOf(r, "ITEM_UNAVAILABLE")
	if len(e) != 1 || e[0].Status != 422 || len(e[0].Operations) != 2 || e[0].Message != "Item {sku} is not available." ||
		e[0].Origin.Pointer != "/responses/Unprocessable/examples/application~1json" {
		t.Errorf("ITEM_UNAVAILABLE = %+v", e)
	}
	if e := entriesOf(r, "ORDER_EMPTY"); len(e) != 1 || e[0].Origin.Pointer != "/paths/~1orders/post/responses/400/examples/application~1json" {
		t.Errorf("ORDER_EMPTY = %+v", e)
	}
	if got := r.Envelope.Shapes; len(got) != 1 || got[0].Code != "/error/code" || got[0].Message != "/error/message" {
		t.Errorf("shapes = %+v", got)
	}
	if got := r.Envelope.Fields; len(got) != 1 || got[0].Pointer != "/error/target" {
		t.Errorf("fields = %+v", got)
	}
}

// TestNoCodeField: error responses without a field that reads as a
// code are an error that says what was weighed and how to set the
// pointer; with the pointers, the example's codes come through.
func TestNoCodeField(t *testing.T) {
	_, err := parseFile(t, "testdata/nocode/openapi.yaml", Options{})
	var d *catalog.Diagnostic
	if !errors.As(err, &d) {
		t.Fatalf("error %T %v, want a *catalog.Diagnostic", err, err)
	}
	for _, want := range []string{"no error code found in the 2 error responses", "(2 responses under 400 and default)",
		"no field scores as the code", "code_pointer: /errors/*/code", "--code-pointer"} {
		if !strings.Contains(d.Message, want) {
			t.Errorf("error %q does not say %q", d.Message, want)
		}
	}
	if d.File != "testdata/nocode/openapi.yaml" || d.Where != "/components/schemas/Problems" {
		t.Errorf("error at %q %q, want the file and the body schema", d.File, d.Where)
	}
	r, err := parseFile(t, "testdata/nocode/openapi.yaml", Options{CodePointer: "/problems/*/ref", MessagePointer: "/problems/*/note"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Entries) != 2 || r.Entries[0].Code != "E1" || r.Entries[0].Message != "First." || r.Entries[1].Code != "E2" || r.Entries[0].Status != 400 {
		t.Errorf("entries with pointers = %+v", r.Entries)
	}
	if len(r.Explain) == 0 || !strings.Contains(r.Explain[0], "code /problems/*/ref (as given)") {
		t.Errorf("explain = %q", r.Explain)
	}
}

// TestLoadErrors: a document that does not load gives kin-openapi's
// message with the file and the JSON pointer of the culprit.
func TestLoadErrors(t *testing.T) {
	const head = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n"
	for _, tc := range []struct {
		name, doc string
		opts      Options
		want      []string
	}{
		{"missing ref", head + "        '400':\n          $ref: '#/components/responses/Nope'\n", Options{},
			[]string{"spec.yaml: /paths/~1a/get/responses/400/$ref (line 8): cannot load the OpenAPI document:", "#/components/responses/Nope"}},
		{"wrong type", head + "        '400':\n          description: [1]\n", Options{},
			[]string{"spec.yaml: /paths/~1a/get/responses/400/description (line 8): cannot load the OpenAPI document:", "cannot construct !!seq into string"}},
		{"bad yaml", "openapi: 3.0.3\n  bad: : x\n", Options{}, []string{"spec.yaml: line 2: cannot load the OpenAPI document:"}},
		{"other file", head + "        '400':\n          description: x\n          content:\n            application/json:\n              schema: {$ref: 'other.yaml#/E'}\n", Options{},
			[]string{"spec.yaml: /paths/~1a/get/responses/400/content/application~1json/schema/$ref (line 11)", "other.yaml", "reads no other files"}},
		{"not openapi", "title: hello\n", Options{}, []string{"spec.yaml: /openapi: not an OpenAPI document"}},
		{"openapi 2", "openapi: '2.0'\n", Options{}, []string{`spec.yaml: /openapi: openapi "2.0": want an OpenAPI 3.x document`}},
		{"bad pointer", head, Options{CodePointer: "errors/code"}, []string{"spec.yaml: code pointer: \"errors/code\" is not a JSON pointer"}},
		{"two stars", head, Options{CodePointer: "/a/*/b/*"}, []string{"at most one array"}},
		{"no error responses", head + "        '200':\n          description: OK\n", Options{}, []string{"spec.yaml: no error responses"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.File = "spec.yaml"
			_, err := Parse([]byte(tc.doc), tc.opts)
			var d *catalog.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("error %T %v is not a *catalog.Diagnostic", err, err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

// FuzzParse checks that no document makes Parse panic, and that failures
// are diagnostics.
func FuzzParse(f *testing.F) {
	for dir, file := range golden {
		data, err := os.ReadFile(filepath.Join("testdata", dir, file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "")
	}
	f.Add([]byte("openapi: 3.1.0\npaths: {/a: {get: {responses: {'4XX': {content: {'*/*': {example: [{code: 1}]}}}}}}}\n"), "/*/code")
	f.Add([]byte(`{"swagger":"2.0","paths":{"/":{"get":{"responses":{"500":{"examples":{"application/json":{"code":true}}}}}}}}`), "")
	// $ref fan-outs (fanout_test.go), small: each schema is walked once.
	f.Add(fanOut(3), "")
	f.Add(enumFanOut(3), "/code")
	f.Add(propFanOut(3), "")
	f.Fuzz(func(t *testing.T, data []byte, ptr string) {
		if checkBodyPointer(ptr) != nil {
			ptr = ""
		}
		_, err := Parse(data, Options{File: "fuzz.yaml", CodePointer: ptr})
		if err != nil {
			var d *catalog.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("error %T %v is not a *catalog.Diagnostic", err, err)
			}
		}
	})
}
