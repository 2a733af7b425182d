package openapi

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
)

// nevisFile is the bundled Nevis IDM source (see its ORIGIN.md).
const nevisFile = "../../sources/nevis/idm/openapi.yaml"

func nevis(t testing.TB) *Result {
	t.Helper()
	r, err := parseFile(t, nevisFile, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// publishedEnum reads the code enum as the document spells it, repeats
// included, without the parser.
func publishedEnum(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(nevisFile)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Properties map[string]struct {
					Enum []string `yaml:"enum"`
				} `yaml:"properties"`
			} `yaml:"schemas"`
		} `yaml:"components"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Components.Schemas["ErrorMessageDTO"].Properties["code"].Enum
}

// TestNevisCodes: 162 distinct codes from the 168 published values, in
// enum order, and one warning for errors.userLoginFailed's 7 listings.
func TestNevisCodes(t *testing.T) {
	enum := publishedEnum(t)
	if len(enum) != 168 {
		t.Fatalf("the document's enum has %d values, want the 168 published", len(enum))
	}
	var distinct []string
	for _, c := range enum {
		if !slices.Contains(distinct, c) {
			distinct = append(distinct, c)
		}
	}
	r := nevis(t)
	codes := (&catalog.Catalog{Entries: r.Entries}).Codes()
	if len(codes) != 162 || !slices.Equal(codes, distinct) {
		t.Errorf("%d codes; want the 162 distinct enum values in enum order", len(codes))
	}
	var dotted []string
	for _, c := range codes {
		if strings.HasPrefix(c, "error.") {
			dotted = append(dotted, c)
		}
	}
	if !slices.Equal(dotted, []string{"error.login.userState", "error.job.execution.failure"}) {
		t.Errorf(`codes starting "error." = %q`, dotted)
	}
	if n := strings.Count(strings.Join(enum, ","), "errors.userLoginFailed,"); n != 7 {
		t.Errorf("errors.userLoginFailed is listed %d times, want 7", n)
	}
	if len(r.Report.Warnings) != 2 {
		t.Fatalf("warnings = %v, want two", r.Report.Warnings)
	}
	w := r.Report.Warnings[0]
	if w.Where != "/components/schemas/ErrorMessageDTO/properties/code/enum/69" || !strings.Contains(w.Message, `"errors.userLoginFailed" is declared 7 times`) {
		t.Errorf("warning = %v", w)
	}
	// The enum is shared by several statuses and only examples pin a
	// code to one: the codes stay under each (the document's pairing),
	// and the warning says so once.
	if w := r.Report.Warnings[1]; !strings.Contains(w.Message, "155 codes are documented only by an enum that the responses of up to 4 statuses share") {
		t.Errorf("warning = %v", w)
	}
}

// TestNevisExamples: the 11 named examples (403: 2, 404: 3, 409: 1,
// 422: 5) and the schema's example under every error response give 12
// distinct (code, message) pairs over 7 codes, each under the statuses of
// the responses that document it.
func TestNevisExamples(t *testing.T) {
	r := nevis(t)
	named := map[int][]string{}
	type pair struct{ code, message string }
	statuses := map[pair][]int{}
	var order []pair
	for _, e := range r.Entries {
		for _, ex := range e.Examples {
			if ex.Name != "" && !slices.Contains(named[e.Status], ex.Name) {
				named[e.Status] = append(named[e.Status], ex.Name)
			}
		}
		if e.Message == "" {
			continue
		}
		p := pair{e.Code, e.Message}
		if _, ok := statuses[p]; !ok {
			order = append(order, p)
		}
		statuses[p] = append(statuses[p], e.Status)
	}
	wantNamed := map[int][]string{
		403: {"Permission denied", "Dataroom permission denied"},
		404: {"Client not found", "User not found", "SAML Federation credential not found"},
		409: {"Optimistic locking conflict"},
		422: {"Invalid credential state", "Policy configuration not found", "Policy configuration type mismatch",
			"Default policy configuration does not exist", "Credential external ID modification not allowed"},
	}
	for st, want := range wantNamed {
		if !slices.Equal(named[st], want) {
			t.Errorf("named examples under %d = %q, want %q", st, named[st], want)
		}
	}
	if len(named) != 4 {
		t.Errorf("named examples under %d statuses, want 4", len(named))
	}

	want := []struct {
		pair
		statuses []int
	}{
		{pair{"errors.fatalError", "The user with the given external ID was not found."}, []int{403, 404, 409, 422}},
		{pair{"errors.noRecord", "Client doesn't exist with extId 'client-123'"}, []int{404}},
		{pair{"errors.noRecord", "A user with extId 'user-123' doesn't exist on client with name Default"}, []int{404}},
		{pair{"errors.noRecord", "SAML credential with the extId 'saml-123' does not exist under the user 'user-123'"}, []int{404}},
		{pair{"errors.invalidParameter", "Invalid CredentialState name 'invalid_state'"}, []int{422}},
		{pair{"errors.invalidParameter", "PolicyConfiguration doesn't exist with extId 'policy-123'"}, []int{422}},
		{pair{"errors.invalidParameter", "Policy Configuration policy-123 is not of type GenericCredentialPolicy"}, []int{422}},
		{pair{"errors.invalidParameter", "Default Policy Configuration does not exist for type GenericCredentialPolicy!"}, []int{422}},
		{pair{"errors.insufficientRightsFunction", "Permission denied: Caller does not have the required right 'AccessControl.CredentialView' to perform this action"}, []int{403}},
		{pair{"errors.combinedDataroomDenied", "Permission denied: AccessControl.CredentialView"}, []int{403}},
		{pair{"errors.modifyExtId", "attempt to change the extId of credential 'cred-123'"}, []int{422}},
		{pair{"errors.optimisticLockingFailure", "Row was already updated or deleted by another transaction"}, []int{409}},
	}
	if len(order) != 12 {
		t.Errorf("%d distinct (code, message) pairs, want 12: %q", len(order), order)
	}
	codes := map[string]bool{}
	for _, w := range want {
		codes[w.code] = true
		if got := statuses[w.pair]; !slices.Equal(got, w.statuses) {
			t.Errorf("%q / %q under %v, want %v", w.code, w.message, got, w.statuses)
		}
	}
	if len(codes) != 7 {
		t.Errorf("the pairs have %d codes, want 7", len(codes))
	}
}

// TestNevisEntries checks the granularity: every code under each of the
// four error statuses, one entry per documented message, with the
// operation, the examples and the pointer.
func TestNevisEntries(t *testing.T) {
	r := nevis(t)
	// 162 codes × 4 statuses, plus 2 more messages of errors.noRecord
	// under 404 and 3 more of errors.invalidParameter under 422.
	if len(r.Entries) != 162*4+5 {
		t.Errorf("%d entries, want %d", len(r.Entries), 162*4+5)
	}
	op := catalog.Operation{Method: "PATCH", Path: "/nevisidm/api/core/v1/{clientExtId}/users/{userExtId}/saml-credentials/{extId}"}
	for _, e := range r.Entries {
		if !slices.Equal(e.Operations, []catalog.Operation{op}) {
			t.Fatalf("%s %d: operations %+v", e.Code, e.Status, e.Operations)
		}
	}
	login := entriesOf(r, "errors.userLoginFailed")
	if len(login) != 4 || login[0].Message != "" || login[0].Origin.Pointer != "/components/schemas/ErrorMessageDTO/properties/code/enum/69" || len(login[0].Examples) != 0 {
		t.Errorf("errors.userLoginFailed = %+v", login)
	}
	nr := entriesOf(r, "errors.noRecord")
	if len(nr) != 6 || nr[1].Status != 404 || nr[1].Title != "Client not found" || nr[3].Title != "SAML Federation credential not found" ||
		nr[1].Origin.Pointer != "/paths/~1nevisidm~1api~1core~1v1~1{clientExtId}~1users~1{userExtId}~1saml-credentials~1{extId}/patch/responses/404/content/application~1json/examples/Client not found/value" ||
		nr[1].Examples[0].Body != `{"errors":[{"code":"errors.noRecord","message":"Client doesn't exist with extId 'client-123'"}]}` {
		t.Errorf("errors.noRecord = %+v", nr)
	}
	fatal := entriesOf(r, "errors.fatalError")[0]
	if fatal.Origin.Pointer != "/components/schemas/ErrorDTO/example" || len(fatal.Examples) != 1 || fatal.Examples[0].Name != "" ||
		!strings.HasPrefix(fatal.Examples[0].Body, `{"errors":[{"code":"errors.fatalError",`) {
		t.Errorf("errors.fatalError = %+v", fatal)
	}
}

// TestNevisEnvelope: the errors come as a list beside the policy
// violations, which are fields of the body.
func TestNevisEnvelope(t *testing.T) {
	env := nevis(t).Envelope
	if len(env.Shapes) != 1 || env.Shapes[0] != (catalog.Shape{Code: "/errors/*/code", Message: "/errors/*/message"}) {
		t.Errorf("shapes = %+v", env.Shapes)
	}
	want := []catalog.Field{
		{Name: "policyViolations", Pointer: "/policyViolations", Type: "array", Description: "A list of policy violations that caused the error."},
		{Name: "policyViolation", Pointer: "/policyViolation", Type: "object"},
	}
	if !slices.Equal(env.Fields, want) {
		t.Errorf("fields = %+v", env.Fields)
	}
}

// TestNevisValidates: the rebuilt document is valid OpenAPI 3.0 by
// kin-openapi's own rules, examples included.
func TestNevisValidates(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromFile(nevisFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Errorf("doc.Validate: %v", err)
	}
}

// TestNevisRebuild runs the rebuild script on the shared seed and checks
// that it reproduces the committed document byte for byte.
func TestNevisRebuild(t *testing.T) {
	seed, err := filepath.Abs("../../../shared/seeds/001_26bc19c59d5f899e.txt")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(seed); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s absent: the shared fixtures are not beside the project", seed)
	}
	goTool, err := exec.LookPath("go")
	if err != nil || testing.Short() {
		t.Skip("needs the go command; skipped in -short")
	}
	out := filepath.Join(t.TempDir(), "openapi.yaml")
	cmd := exec.Command(goTool, "run", "rebuild.go", "-seed", seed, "-out", out)
	cmd.Dir = filepath.Dir(nevisFile)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("rebuild: %v\n%s", err, msg)
	}
	got, _ := os.ReadFile(out)
	want, _ := os.ReadFile(nevisFile)
	if !bytes.Equal(got, want) {
		t.Error("rebuild.go does not reproduce openapi.yaml from the seed")
	}
}
