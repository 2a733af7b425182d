package gopkg

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// entraCatalog documents two Microsoft Entra ID (Azure AD) sign-in errors
// as Microsoft's error-code reference writes them, AADSTS before the
// number, with the envelope Entra's token endpoint answers in: the
// numbers listed in error_codes, one error_description for them all, and,
// when error_codes is missing, the OAuth 2.0 error keyword.
func entraCatalog() *catalog.Catalog {
	return &catalog.Catalog{
		Format: catalog.FormatVersion,
		ID:     "microsoft/entra",
		Title:  "Microsoft Entra authentication and authorization error codes",
		Vendor: "Microsoft",
		Source: catalog.Source{Kind: "html-table", URL: "https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes", File: "microsoft/entra/reference-error-codes.html"},
		Envelope: catalog.Envelope{Shapes: []catalog.Shape{
			{Code: "/error_codes/*", CodePrefix: "AADSTS", Message: "/error_description", RequestID: "/trace_id"},
			{Code: "/error", Message: "/error_description", RequestID: "/trace_id"},
		}},
		Entries: []catalog.Entry{
			{Code: "AADSTS70011", Status: 400, Message: "InvalidScope - The scope requested by the app is invalid.", Origin: catalog.Origin{Table: 1, Row: 1}},
			{Code: "AADSTS50126", Status: 400, Message: "InvalidUserNameOrPassword - Error validating credentials due to invalid username or password.", Origin: catalog.Origin{Table: 1, Row: 2}},
		},
	}
}

// entraTest exercises the generated package on bodies shaped like Entra's
// real ones.
const entraTest = `package entra_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unsafe"

	"example.com/generated/entra"
)

// entraBody is what Entra's token endpoint answers for a bad scope.
const entraBody = ` + "`" + `{"error":"invalid_client","error_description":"AADSTS70011: The provided value for the input parameter 'scope' is not valid. The scope https://graph.microsoft.com/.default openid is not valid.\r\nTrace ID: 0e4d5a8c-3bd4-4f7e-9b0e-6a1d2c4b5f00\r\nCorrelation ID: 7c6f0a7e-5d1b-4c2a-8e3f-1b2c3d4e5f60\r\nTimestamp: 2024-05-02 10:11:12Z","error_codes":[70011],"timestamp":"2024-05-02 10:11:12Z","trace_id":"0e4d5a8c-3bd4-4f7e-9b0e-6a1d2c4b5f00","correlation_id":"7c6f0a7e-5d1b-4c2a-8e3f-1b2c3d4e5f60"}` + "`" + `

func TestEntra(t *testing.T) {
	es, ok := entra.Parse(400, []byte(entraBody))
	if !ok || len(es.Errors) != 1 {
		t.Fatalf("Parse = %+v, %v", es, ok)
	}
	e := es.Errors[0]
	if e.Code != entra.AADSTS70011 || !e.Code.Known() || !strings.HasPrefix(e.Message, "AADSTS70011: The provided value for the input parameter 'scope'") ||
		e.ReqID != "0e4d5a8c-3bd4-4f7e-9b0e-6a1d2c4b5f00" || es.ReqID != e.ReqID || es.RequestID() != e.ReqID || e.Status != 400 {
		t.Errorf("error = %+v", e)
	}
	// A documented code is the constant's own string, not a copy.
	if k, _ := entra.Lookup("AADSTS70011"); unsafe.StringData(string(e.Code)) != unsafe.StringData(string(k.Code)) {
		t.Error("documented code was copied")
	}
	err := fmt.Errorf("token: %w", es)
	if !errors.Is(err, entra.AADSTS70011) || errors.Is(err, entra.AADSTS50126) {
		t.Errorf("errors.Is: AADSTS70011 %v, AADSTS50126 %v", errors.Is(err, entra.AADSTS70011), errors.Is(err, entra.AADSTS50126))
	}
	var one *entra.Error
	if !errors.As(err, &one) || one.Code != entra.AADSTS70011 {
		t.Errorf("errors.As = %+v", one)
	}
	if info, ok := one.Info(); !ok || len(info.Statuses) != 1 || info.Statuses[0] != 400 {
		t.Errorf("Info = %+v, %v", info, ok)
	}
	if got, want := es.Error(), "entra: AADSTS70011 (HTTP 400): AADSTS70011: The provided value"; !strings.HasPrefix(got, want) || strings.ContainsAny(got, "\r\n") {
		t.Errorf("Error() = %q, want it to start with %q on one line", got, want)
	}

	// Several numbers, as numbers or strings: each pairs with the one
	// description.
	es, ok = entra.Parse(400, []byte(` + "`" + `{"error":"invalid_grant","error_description":"AADSTS50126: Error validating credentials due to invalid username or password.","error_codes":[50126,"70011"]}` + "`" + `))
	if !ok || len(es.Errors) != 2 || es.Errors[0].Code != entra.AADSTS50126 || es.Errors[1].Code != entra.AADSTS70011 ||
		es.Errors[0].Message != es.Errors[1].Message || !strings.HasPrefix(es.Errors[1].Message, "AADSTS50126: ") {
		t.Errorf("two codes: %+v, %v", es, ok)
	}
	if !errors.Is(es, entra.AADSTS50126) || !errors.Is(es, entra.AADSTS70011) {
		t.Error("errors.Is misses a listed code")
	}

	// A number no documented code ends in gets the prefix all the same,
	// and matches nothing documented, as any unknown code.
	es, ok = entra.Parse(400, []byte(` + "`" + `{"error":"invalid_request","error_description":"AADSTS99999: Something new.","error_codes":[99999]}` + "`" + `))
	if !ok || len(es.Errors) != 1 || es.Errors[0].Code != "AADSTS99999" || es.Errors[0].Code.Known() {
		t.Fatalf("unknown code: %+v, %v", es, ok)
	}
	for info := range entra.All() {
		if errors.Is(es, info.Code) {
			t.Errorf("an undocumented code matches %s", info.Code)
		}
	}
	if errors.Is(es, entra.Code("99999")) || !errors.Is(es, entra.Code("AADSTS99999")) {
		t.Error("errors.Is of the undocumented code")
	}

	// Without error_codes, the OAuth 2.0 keyword is the code, unprefixed.
	es, ok = entra.Parse(401, []byte(` + "`" + `{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}` + "`" + `))
	if !ok || len(es.Errors) != 1 || es.Errors[0].Code != "invalid_client" || es.Errors[0].Message != "AADSTS7000215: Invalid client secret provided." {
		t.Errorf("OAuth 2.0 body: %+v, %v", es, ok)
	}

	// FromResponse, through a real HTTP response.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte(entraBody))
	}))
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/common/oauth2/v2.0/token", "application/x-www-form-urlencoded", strings.NewReader("scope=bad"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := entra.FromResponse(resp); !errors.Is(err, entra.AADSTS70011) {
		t.Errorf("FromResponse = %v, want AADSTS70011", err)
	}

	body := []byte(entraBody)
	// The code costs nothing: the allocations are the *Errors, its two
	// slices, the request ID and the message (its escapes decoded, then
	// the string).
	if allocs := testing.AllocsPerRun(1000, func() { entra.Parse(400, body) }); allocs > 6 {
		t.Errorf("Parse allocates %v times, want at most 6", allocs)
	}
}
`

// TestEntraPackageBuilds generates the package of a catalog documented as
// AADSTS… codes whose bodies send bare numbers, builds it with go vet and
// runs entraTest on it: errors.Is(err, entra.AADSTS70011) holds for the
// body Entra really sends.
func TestEntraPackageBuilds(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	if testing.Short() {
		t.Skip("builds a module with go vet and go test")
	}
	dir := t.TempDir()
	scratchModule(t, dir, "example.com/generated")
	files, err := Emit(entraCatalog(), Options{Package: "entra", ImportPath: "example.com/generated/entra"})
	if err != nil {
		t.Fatal(err)
	}
	pkgDir := filepath.Join(dir, "entra")
	if err := os.MkdirAll(pkgDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		writeFile(t, filepath.Join(pkgDir, name), string(data))
	}
	writeFile(t, filepath.Join(pkgDir, "entra_test.go"), entraTest)
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := exec.Command(goTool, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		if args[0] == "test" && !strings.Contains(string(out), "ok  \texample.com/generated/entra\t") {
			t.Errorf("go test did not pass package entra:\n%s", out)
		}
	}
}

// TestEntraSource: the generated source says what the shape does.
func TestEntraSource(t *testing.T) {
	files, err := Emit(entraCatalog(), Options{Package: "entra"})
	if err != nil {
		t.Fatal(err)
	}
	src := string(files["errors.go"])
	for _, want := range []string{
		`//   - code "/error_codes/*", with "AADSTS" before it, message "/error_description" (one for all the listed codes), request ID "/trace_id"`,
		`the body's "70011" is Code "AADSTS70011".`,
		`{List: 0, Code: 0, Message: 1, RequestID: 2, MessageInBody: true, Prefix: "AADSTS"}`,
		`{List: -1, Code: 3, Message: 1, RequestID: 2}`,
	} {
		if !strings.Contains(src, want) {
			t.Errorf("errors.go lacks %q", want)
		}
	}
}

// TestShapeErrors: where a message may be, and what a code prefix may be.
func TestShapeErrors(t *testing.T) {
	for _, tt := range []struct {
		name  string
		shape catalog.Shape
		want  []string // substrings of the message; none: accepted
	}{
		{"message beside the array", catalog.Shape{Code: "/error_codes/*", Message: "/error_description"}, nil},
		{"message in the element", catalog.Shape{Code: "/errors/*/code", Message: "/errors/*/message"}, nil},
		{"message in another array", catalog.Shape{Code: "/errors/*/code", Message: "/details/*/message"},
			[]string{"/envelope/shapes/0/message", `"/details/*/message"`, "same array", `no "*"`}},
		{"message under the code", catalog.Shape{Code: "/error_codes/*", Message: "/error_codes/*/text"}, nil},
		{"two stars", catalog.Shape{Code: "/errors/*/code", Message: "/errors/*/m/*"}, []string{"two"}},
		{"prefix of no code", catalog.Shape{Code: "/error_codes/*", CodePrefix: "AADSTT"}, []string{"/envelope/shapes/0/code_prefix", `"AADSTT"`, "no documented code starts with it"}},
		{"control prefix", catalog.Shape{Code: "/error_codes/*", CodePrefix: "AADSTS\n"}, []string{"/envelope/shapes/0/code_prefix", "control"}},
		{"spaced prefix", catalog.Shape{Code: "/code", CodePrefix: " AADSTS"}, []string{"/envelope/shapes/0/code_prefix", "spaces"}},
		{"bad UTF-8 prefix", catalog.Shape{Code: "/code", CodePrefix: "\xff"}, []string{"UTF-8"}},
		{"prefix without array", catalog.Shape{Code: "/code", CodePrefix: "AAD"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := entraCatalog()
			c.Envelope.Shapes = []catalog.Shape{tt.shape}
			_, err := Emit(c, Options{Package: "entra"})
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("Emit: %v", err)
				}
				return
			}
			var d *catalog.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("Emit = %v, want a *catalog.Diagnostic", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// Two pointers whose tokens would read alike once joined stay two: a NUL
// inside a token is no separator.
func TestPointersStayApart(t *testing.T) {
	c := &catalog.Catalog{ID: "x", Envelope: catalog.Envelope{Shapes: []catalog.Shape{
		{Code: "/a\x00/b", Message: "/a/\x00b"},
	}}, Entries: []catalog.Entry{{Code: "A", Status: 400}}}
	e, err := envelope(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.pointers) != 2 || e.shapes[0].code == e.shapes[0].message {
		t.Errorf("pointers %q, shape %+v: want two pointers", e.pointers, e.shapes[0])
	}
}
