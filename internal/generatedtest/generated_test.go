// Package generatedtest compiles and exercises the committed packages in
// generated/go against the catalogs they were generated from: every
// documented entry must be reachable through Lookup, and the error API
// must work on real-shaped responses.
package generatedtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/generated/go/huaweicloud/identitycenter"
	"github.com/errgen/errgen/generated/go/huaweicloud/identitycenter/scim"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
)

func bundled(t *testing.T, id string) *catalog.Catalog {
	t.Helper()
	cfg, err := config.Load(filepath.Join("..", "..", "sources", "errgen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := build.Load(cfg, id)
	if err != nil {
		t.Fatal(err)
	}
	return loaded[0].Catalog
}

// entry is the part of a catalog entry a generated package carries.
type entry struct {
	Status                         int
	Message, Description, Solution string
}

// TestIdentityCenterTables checks that the generated tables hold exactly
// the catalog: every code, every entry, in documented order.
func TestIdentityCenterTables(t *testing.T) {
	c := bundled(t, "huaweicloud/identitycenter")
	want := map[string][]entry{}
	for _, e := range c.Entries {
		want[e.Code] = append(want[e.Code], entry{e.Status, e.Message, e.Description, e.Solution})
	}
	var codes []string
	for info := range identitycenter.All() {
		codes = append(codes, string(info.Code))
	}
	if d := cmp.Diff(c.Codes(), codes); d != "" {
		t.Fatalf("All() codes differ from the catalog (-catalog +All):\n%s", d)
	}
	if len(codes) != 238 {
		t.Errorf("All() yields %d codes, want 238", len(codes))
	}
	for code, entries := range want {
		info, ok := identitycenter.Lookup(code)
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
		if !identitycenter.Code(code).Known() {
			t.Errorf("Code(%q).Known() = false", code)
		}
	}
	// IdentityCenter.400 is documented under 400 and 404.
	if got := identitycenter.BadRequest.Info().Statuses; !slices.Equal(got, []int{400, 404}) {
		t.Errorf("BadRequest statuses = %v, want [400 404]", got)
	}
	if _, ok := identitycenter.Lookup("IdentityCenter.9999"); ok {
		t.Error("Lookup of an undocumented code succeeded")
	}
}

const body1000 = `{"error_code":"IdentityCenter.1000","error_msg":"No permission for action sso:instances:list.","request_id":"0f7e6b5c9a2d4e1f8b3c7d6e5f4a3b2c"}`

func TestIdentityCenterErrors(t *testing.T) {
	e, ok := identitycenter.Parse(403, []byte(body1000))
	if !ok {
		t.Fatal("Parse failed")
	}
	err := fmt.Errorf("list instances: %w", e)
	if !errors.Is(err, identitycenter.Code1000) {
		t.Error("errors.Is(err, Code1000) = false through wrapping")
	}
	if errors.Is(err, identitycenter.Code1001) {
		t.Error("errors.Is matched another code")
	}
	var ie *identitycenter.Error
	if !errors.As(err, &ie) || ie.RequestID() != "0f7e6b5c9a2d4e1f8b3c7d6e5f4a3b2c" || ie.HTTPStatusCode() != 403 || ie.ErrorCode() != "IdentityCenter.1000" {
		t.Errorf("errors.As gave %+v", ie)
	}
	want := "identitycenter: IdentityCenter.1000 (HTTP 403): No permission for action sso:instances:list. [request_id 0f7e6b5c9a2d4e1f8b3c7d6e5f4a3b2c]"
	if got := e.Error(); got != want {
		t.Errorf("Error() = %q\nwant %q", got, want)
	}

	info, args, ok := identitycenter.Match(e.Message)
	if !ok || info.Code != identitycenter.Code1000 || !slices.Equal(args, []string{"sso:instances:list"}) {
		t.Errorf("Match(%q) = %s, %q, %v", e.Message, info.Code, args, ok)
	}
	if got := info.Format("sso:instances:list"); got != e.Message {
		t.Errorf("Format = %q, want %q", got, e.Message)
	}
	// The other Huawei shape, {"error": {"code", "message"}}.
	e2, ok := identitycenter.Parse(404, []byte(`{"error":{"code":"IdentityCenter.404","message":"Not Found: instance."}}`))
	if !ok || e2.Code != identitycenter.NotFound || e2.Message != "Not Found: instance." {
		t.Errorf("Parse of the nested shape = %+v, %v", e2, ok)
	}
}

func TestIdentityCenterFromResponse(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ok":
			io.WriteString(w, `{}`)
		case "/html":
			w.Header().Set("X-Request-Id", "hdr-1")
			w.WriteHeader(http.StatusBadGateway)
			io.WriteString(w, "<html>Bad Gateway</html>")
		default:
			w.WriteHeader(http.StatusForbidden)
			io.WriteString(w, body1000)
		}
	}))
	defer srv.Close()
	get := func(path string) (*http.Response, error) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { resp.Body.Close() })
		return resp, identitycenter.FromResponse(resp)
	}
	if _, err := get("/ok"); err != nil {
		t.Errorf("FromResponse(200) = %v, want nil", err)
	}
	resp, err := get("/denied")
	if !errors.Is(err, identitycenter.Code1000) {
		t.Errorf("FromResponse(403) = %v, want IdentityCenter.1000", err)
	}
	if rest, _ := io.ReadAll(resp.Body); string(rest) != body1000 {
		t.Errorf("body after FromResponse = %q, want it restored", rest)
	}
	_, err = get("/html")
	var ie *identitycenter.Error
	if !errors.As(err, &ie) || ie.Code != "" || ie.Status != 502 || ie.RequestID() != "hdr-1" || !strings.Contains(string(ie.Raw), "Bad Gateway") {
		t.Errorf("FromResponse(502 HTML) = %#v", err)
	}
}

// TestSCIM: the Identity Center SCIM endpoint answers with the SCIM
// envelope, whose status may be a JSON number or a string.
func TestSCIM(t *testing.T) {
	c := bundled(t, "huaweicloud/identitycenter/scim")
	for _, body := range []string{
		`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"404","detail":"User [u-1] not found."}`,
		`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":404,"detail":"User [u-1] not found."}`,
	} {
		e, ok := scim.Parse(404, []byte(body))
		if !ok || !errors.Is(fmt.Errorf("wrapped: %w", e), scim.Code404) || e.Message != "User [u-1] not found." {
			t.Errorf("Parse(%s) = %+v, %v", body, e, ok)
			continue
		}
		info, args, ok := scim.Match(e.Message)
		if !ok || info.Code != scim.Code404 || !slices.Equal(args, []string{"u-1"}) {
			t.Errorf("Match(%q) = %s %q %v", e.Message, info.Code, args, ok)
		}
	}
	n := 0
	for info := range scim.All() {
		n += len(info.Entries)
	}
	if n != len(c.Entries) || n != 7 {
		t.Errorf("scim tables hold %d entries, catalog %d, want 7", n, len(c.Entries))
	}
}

func TestLookupAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { identitycenter.Lookup("IdentityCenter.1219") }); n != 0 {
		t.Errorf("Lookup allocates %v times, want 0", n)
	}
	body := []byte(body1000)
	if n := testing.AllocsPerRun(100, func() { identitycenter.Parse(403, body) }); n > 3 {
		t.Errorf("Parse allocates %v times, want at most 3", n)
	}
}

func BenchmarkLookup(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		identitycenter.Lookup("IdentityCenter.1219")
	}
}

func BenchmarkParse(b *testing.B) {
	body := []byte(body1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := identitycenter.Parse(403, body); !ok {
			b.Fatal("not ok")
		}
	}
}

// BenchmarkParseBaselineUnmarshal is BenchmarkParse's baseline: the
// hand-written decoding of the same body.
func BenchmarkParseBaselineUnmarshal(b *testing.B) {
	body := []byte(body1000)
	b.ReportAllocs()
	for b.Loop() {
		var v struct {
			Code string `json:"error_code"`
			Msg  string `json:"error_msg"`
			Req  string `json:"request_id"`
		}
		if err := json.Unmarshal(body, &v); err != nil {
			b.Fatal(err)
		}
	}
}
