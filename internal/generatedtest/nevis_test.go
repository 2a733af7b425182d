package generatedtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/errgen/errgen/generated/go/nevis/idm"
)

// TestNevisTables checks that the generated tables hold exactly the
// catalog parsed from the OpenAPI document: 162 codes in enum order, each
// with all its entries.
func TestNevisTables(t *testing.T) {
	c := bundled(t, "nevis/idm")
	want := map[string][]entry{}
	for _, e := range c.Entries {
		want[e.Code] = append(want[e.Code], entry{e.Status, e.Message, e.Description, e.Solution})
	}
	var codes []string
	for info := range idm.All() {
		codes = append(codes, string(info.Code))
	}
	if d := cmp.Diff(c.Codes(), codes); d != "" {
		t.Fatalf("All() codes differ from the catalog (-catalog +All):\n%s", d)
	}
	if len(codes) != 162 || codes[0] != "errors.fatalError" || codes[161] != "errors.policyInconsistency" {
		t.Errorf("All() yields %d codes from %q to %q, want 162 from errors.fatalError to errors.policyInconsistency", len(codes), codes[0], codes[len(codes)-1])
	}
	for code, entries := range want {
		info, ok := idm.Lookup(code)
		if !ok {
			t.Errorf("Lookup(%q) not found", code)
			continue
		}
		var got []entry
		for _, e := range info.Entries {
			got = append(got, entry{e.Status, e.Message, e.Description, e.Solution})
		}
		if d := cmp.Diff(entries, got); d != "" {
			t.Errorf("Lookup(%q).Entries (-catalog +generated):\n%s", code, d)
		}
	}
	// errors.noRecord: three messages under 404, none under the others.
	info := idm.NoRecord.Info()
	if !slices.Equal(info.Statuses, []int{403, 404, 409, 422}) || len(info.Messages) != 3 || info.Messages[0] != "Client doesn't exist with extId 'client-123'" {
		t.Errorf("NoRecord info = %+v", info)
	}
	if m, args, ok := idm.Match("Client doesn't exist with extId 'client-123'"); !ok || m.Code != idm.NoRecord || len(args) != 0 {
		t.Errorf("Match of a documented message = %v, %q, %v", m.Code, args, ok)
	}
}

// TestNevisNames checks the Go names trim_prefixes gives the dotted codes.
func TestNevisNames(t *testing.T) {
	for name, code := range map[string]idm.Code{
		"errors.userLoginFailed":                       idm.UserLoginFailed,
		"errors.property.stringmaxlen":                 idm.PropertyStringmaxlen,
		"error.login.userState":                        idm.LoginUserState,
		"error.job.execution.failure":                  idm.JobExecutionFailure,
		"errors.credentialFidoUaf.notUnique":           idm.CredentialFidoUafNotUnique,
		"errors.urlTicket.invalidFormat":               idm.URLTicketInvalidFormat,
		"errors.URLTicketExists":                       idm.URLTicketExists,
		"errors.userImport.fileupload.invalidTemplate": idm.UserImportFileuploadInvalidTemplate,
	} {
		if string(code) != name || !code.Known() {
			t.Errorf("constant for %q is %q (known %v)", name, code, code.Known())
		}
	}
}

// nevisBody lists two errors with policy violations beside them.
const nevisBody = `{"errors":[{"code":"errors.pwdPolicyViolated","message":"Password too short"},` +
	`{"code":"errors.userLoginFailed","message":"Login failed","identifier":{"clientExtId":"c1"}}],` +
	`"policyViolations":[{"displayName":"Minimum length","suppliedValue":"4","limitValue":8,"actualValue":"4"}]}`

func TestNevisErrors(t *testing.T) {
	es, ok := idm.Parse(422, []byte(nevisBody))
	if !ok || len(es.Errors) != 2 {
		t.Fatalf("Parse = %+v, %v", es, ok)
	}
	err := fmt.Errorf("update credential: %w", es)
	// errors.Is finds either listed error through the wrapping.
	for _, code := range []idm.Code{idm.PwdPolicyViolated, idm.UserLoginFailed} {
		if !errors.Is(err, code) {
			t.Errorf("errors.Is(err, %s) = false", code)
		}
	}
	if errors.Is(err, idm.NoRecord) {
		t.Error("errors.Is matched a code the body does not list")
	}
	var e *idm.Error
	if !errors.As(err, &e) || e.Code != idm.PwdPolicyViolated || e.Message != "Password too short" || e.HTTPStatusCode() != 422 {
		t.Errorf("errors.As(*Error) = %+v", e)
	}
	var all *idm.Errors
	if !errors.As(err, &all) || all.Errors[1].Message != "Login failed" || all.HTTPStatusCode() != 422 {
		t.Errorf("errors.As(*Errors) = %+v", all)
	}
	// Policy violations are kept, as the raw JSON the body holds.
	var pv []struct {
		DisplayName string `json:"displayName"`
		LimitValue  int    `json:"limitValue"`
	}
	if err := json.Unmarshal(es.PolicyViolations, &pv); err != nil || len(pv) != 1 || pv[0].LimitValue != 8 {
		t.Errorf("PolicyViolations = %s (%v)", es.PolicyViolations, err)
	}
	if es.PolicyViolation != nil {
		t.Errorf("PolicyViolation = %s, want nil for a body without one", es.PolicyViolation)
	}
	if got, want := es.Error(), "idm: errors.pwdPolicyViolated (HTTP 422): Password too short (+1 more)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}

	// An unknown code is kept as sent; a body that is not JSON is no parse.
	es, ok = idm.Parse(409, []byte(`{"errors":[{"code":"errors.brandNew","message":"m"}]}`))
	if !ok || es.Errors[0].Code != "errors.brandNew" || es.Errors[0].Code.Known() {
		t.Errorf("unknown code: %+v, %v", es, ok)
	}
	if _, ok := idm.Parse(502, []byte("<html>Bad Gateway</html>")); ok {
		t.Error("Parse accepted HTML")
	}
	if _, ok := idm.Parse(404, []byte(`{"errors":[]}`)); ok {
		t.Error("Parse accepted a body that lists no error")
	}
}

func TestNevisFromResponse(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ok":
			io.WriteString(w, `{}`)
		case "/html":
			w.WriteHeader(http.StatusBadGateway)
			io.WriteString(w, "<html>Bad Gateway</html>")
		default:
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"errors":[{"code":"errors.noRecord","message":"Client doesn't exist with extId 'client-123'"}]}`)
		}
	}))
	defer srv.Close()
	get := func(path string) error {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { resp.Body.Close() })
		return idm.FromResponse(resp)
	}
	if err := get("/ok"); err != nil {
		t.Errorf("FromResponse(200) = %v", err)
	}
	err := get("/missing")
	if !errors.Is(err, idm.NoRecord) {
		t.Errorf("FromResponse(404) = %v, want errors.noRecord", err)
	}
	var es *idm.Errors
	if err := get("/html"); !errors.As(err, &es) || es.Status != 502 || len(es.Errors) != 0 || string(es.Raw) != "<html>Bad Gateway</html>" {
		t.Errorf("FromResponse(502 HTML) = %v", err)
	}
}

// nevisOne is the common case the benchmark measures: one listed error.
const nevisOne = `{"errors":[{"code":"errors.noRecord","message":"Client doesn't exist with extId 'client-123'"}]}`

func BenchmarkNevisParse(b *testing.B) {
	body := []byte(nevisOne)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := idm.Parse(404, body); !ok {
			b.Fatal("not ok")
		}
	}
}

// BenchmarkNevisParseBaselineUnmarshal is BenchmarkNevisParse's baseline:
// the hand-written decoding of the same body.
func BenchmarkNevisParseBaselineUnmarshal(b *testing.B) {
	body := []byte(nevisOne)
	b.ReportAllocs()
	for b.Loop() {
		var v struct {
			Errors []struct {
				Code    string `json:"code"`
				Message string `json:"message"`
			} `json:"errors"`
		}
		if err := json.Unmarshal(body, &v); err != nil || len(v.Errors) != 1 {
			b.Fatal(err)
		}
	}
}
