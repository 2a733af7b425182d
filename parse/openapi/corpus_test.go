package openapi

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// The real vendor specs of the shared corpus (../shared/corpus/vendors
// beside the project; its README says what a reader finds in each). They
// are not copied into the repository (Box's is 1.8 MB): the tests skip
// when the corpus is absent. Origins:
//
//   - box-openapi.json: box/box-openapi openapi.json @c9a878a9, Apache-2.0.
//   - ory-kratos-api.json: ory/kratos spec/api.json @b86338da, Apache-2.0.
const corpusDir = "../../../shared/corpus/vendors"

// corpusFile returns the path of a corpus spec, skipping the test when
// the corpus is not beside the project.
func corpusFile(t testing.TB, name string) string {
	t.Helper()
	path := filepath.Join(corpusDir, name)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s absent: the shared corpus is not beside the project", path)
	}
	return path
}

// TestCorpusBox: Box's ClientError.code enum of 17 values, shared by
// every 4xx/5xx response, gives the 12 error codes the corpus README
// lists: the 5 success values are left out, bad_request…unavailable go
// under the status each names, item_name_invalid and insufficient_scope
// are one entry each with status 0; no type value (metadata_template,
// error) and no sample (invalid_client) is a code. The whole catalog is
// in testdata/corpus/box (go test -update rewrites it).
func TestCorpusBox(t *testing.T) {
	path := corpusFile(t, "box-openapi.json")
	r, err := parseFile(t, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{
		"bad_request": 400, "unauthorized": 401, "forbidden": 403, "not_found": 404, "method_not_allowed": 405,
		"conflict": 409, "precondition_failed": 412, "too_many_requests": 429, "internal_server_error": 500,
		"unavailable": 503, "item_name_invalid": 0, "insufficient_scope": 0,
	}
	codes := (&catalog.Catalog{Entries: r.Entries}).Codes()
	if len(codes) != 12 || len(r.Entries) != 12 {
		t.Errorf("%d entries for %d codes %q, want 12 codes, one entry each", len(r.Entries), len(codes), codes)
	}
	for _, e := range r.Entries {
		st, ok := want[e.Code]
		if !ok {
			t.Errorf("code %q is not one of Box's error codes", e.Code)
			continue
		}
		if e.Status != st || e.StatusRange != "" {
			t.Errorf("%s under %d %q, want %d", e.Code, e.Status, e.StatusRange, st)
		}
		if st == 0 && !strings.Contains(e.Note, "400, 401, 403, 404, 405, 409, 412, 415, 416, 429, 500, 503 and default") {
			t.Errorf("%s note = %q, want the statuses it is documented under", e.Code, e.Note)
		}
	}
	if got := r.Envelope.Shapes; !slices.Contains(got, catalog.Shape{Code: "/code", Message: "/message", RequestID: "/request_id"}) || len(got) != 2 {
		t.Errorf("shapes = %+v, want ClientError's and OAuth2Error's", got)
	}
	var success bool
	for _, w := range r.Report.Warnings {
		if w.Where == "/components/schemas/ClientError/properties/code/enum" && strings.Contains(w.Message, `("created", "accepted", "no_content", "redirect", "not_modified") name success statuses`) {
			success = true
		}
	}
	if !success {
		t.Errorf("warnings = %v, want one listing the success values", r.Report.Warnings)
	}
	c := &catalog.Catalog{ID: "corpus/box", Source: catalog.Source{Kind: "openapi", File: "box-openapi.json"}, Envelope: r.Envelope, Entries: r.Entries}
	data, err := catalog.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var warnings strings.Builder
	for _, w := range r.Report.Warnings {
		w.File = "box-openapi.json"
		warnings.WriteString(w.Error() + "\n")
	}
	compare(t, "testdata/corpus/box/want.json", string(data))
	compare(t, "testdata/corpus/box/want.warnings", warnings.String())
	compare(t, "testdata/corpus/box/want.explain", strings.Join(r.Explain, "\n")+"\n")
}

// TestCorpusKratos: Ory Kratos's error body has code, the HTTP status as
// an integer (example 404), and id, a string with no documented values:
// the document documents no error code, so Parse fails, saying what it
// weighed and how to set the pointer; nothing comes out as "404".
func TestCorpusKratos(t *testing.T) {
	path := corpusFile(t, "ory-kratos-api.json")
	r, err := parseFile(t, path, Options{})
	if err == nil {
		t.Fatalf("Parse gave %d entries (first %+v), want the no-code error", len(r.Entries), r.Entries[0])
	}
	var d *catalog.Diagnostic
	if !errors.As(err, &d) {
		t.Fatalf("error %T %v, want a *catalog.Diagnostic", err, err)
	}
	d.File = "ory-kratos-api.json"
	compare(t, "testdata/corpus/kratos/want.error", d.Error()+"\n")
	for _, want := range []string{
		"no error code found in the 160 error responses",
		`/error/code (the status, not the code: integer, described as "The status code", values are HTTP statuses (404))`,
		`/error/id (not a code: named weakly like a code, string, documents no values, described as "The error ID"`,
		"code_pointer:", "--code-pointer",
	} {
		if !strings.Contains(d.Message, want) {
			t.Errorf("error does not say %q:\n%s", want, d.Message)
		}
	}
	if d.Where != "/components/schemas/errorGeneric" {
		t.Errorf("error at %q, want the body most responses use", d.Where)
	}
}
