package generatedtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/errgen/errgen/catalog"
	huaweiscim "github.com/errgen/errgen/generated/go/huaweicloud/identitycenter/scim"
	scim "github.com/errgen/errgen/generated/go/ietf/scim"
	"github.com/errgen/errgen/generated/go/iij/directorysync"
	ping "github.com/errgen/errgen/generated/go/pingidentity/scim"
)

// iijBodies are real-looking bodies of IIJ's eight cases, in page order:
// the seed's examples, status as a string as IIJ sends it.
var iijBodies = []string{
	`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"organization is not found.","status":"404"}`,
	`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"Issuer is required when externalUserName or subject is specified.","scimType":"invalidValue","status":"400"}`,
	`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"externalId has already been taken","scimType":"uniqueness","status":"409"}`,
	`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"userName has already been taken","scimType":"uniqueness","status":"409"}`,
	`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"Emails Value is not an iid email format.","scimType":"invalidValue","status":"400"}`,
	`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"The user has not been hard-deleted yet.","scimType":"uniqueness","status":"409"}`,
	`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"Access token is not available","status":"401"}`,
	`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"Phone numbers Value is invalid format","scimType":"invalidValue","status":"400"}`,
}

const pingPasswordBody = `{
  "detail": "The provided new password cannot be the same as the current password or any password in the user's password history",
  "schemas": ["urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError"],
  "scimType": "invalidValue",
  "status": 400,
  "urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError": {
    "passwordRequirements": [{
      "additionalInfo": "The provided new password cannot be the same as the current password or any password in the user's password history.",
      "description": "The new password must not be the same as the current password.",
      "requirementSatisfied": false,
      "type": "notCurrentPassword"
    }]
  }
}`

// TestSCIMTables: each SCIM package holds exactly its catalog, titles
// included.
func TestSCIMTables(t *testing.T) {
	type row struct {
		Status                                int
		Message, Title, Description, Solution string
	}
	for _, tc := range []struct {
		id     string
		all    func() []row
		codes  func() []string
		nCodes int
	}{
		{"ietf/scim", func() (out []row) {
			for i := range scim.All() {
				for _, e := range i.Entries {
					out = append(out, row{e.Status, e.Message, e.Title, e.Description, e.Solution})
				}
			}
			return out
		}, func() (out []string) {
			for i := range scim.All() {
				out = append(out, string(i.Code))
			}
			return out
		}, 19},
		{"pingidentity/scim", func() (out []row) {
			for i := range ping.All() {
				for _, e := range i.Entries {
					out = append(out, row{e.Status, e.Message, e.Title, e.Description, e.Solution})
				}
			}
			return out
		}, func() (out []string) {
			for i := range ping.All() {
				out = append(out, string(i.Code))
			}
			return out
		}, 2},
		{"iij/directorysync", func() (out []row) {
			for i := range directorysync.All() {
				for _, e := range i.Entries {
					out = append(out, row{e.Status, e.Message, e.Title, e.Description, e.Solution})
				}
			}
			return out
		}, func() (out []string) {
			for i := range directorysync.All() {
				out = append(out, string(i.Code))
			}
			return out
		}, 4},
	} {
		c := bundled(t, tc.id)
		if d := cmp.Diff(c.Codes(), tc.codes()); d != "" || len(c.Codes()) != tc.nCodes {
			t.Errorf("%s: codes (-catalog +generated), want %d:\n%s", tc.id, tc.nCodes, d)
		}
		var want []row
		for _, group := range c.ByCode() {
			for _, e := range group {
				want = append(want, row{e.Status, e.Message, e.Title, e.Description, e.Solution})
			}
		}
		if d := cmp.Diff(want, tc.all()); d != "" {
			t.Errorf("%s: entries (-catalog +generated):\n%s", tc.id, d)
		}
	}
}

// TestSCIMBaseConstants: the ten keywords of RFC 7644 §3.12 and one
// constant per error status the RFC lists.
func TestSCIMBaseConstants(t *testing.T) {
	for c, want := range map[scim.Code]string{
		scim.InvalidFilter: "invalidFilter", scim.TooMany: "tooMany", scim.Uniqueness: "uniqueness",
		scim.Mutability: "mutability", scim.InvalidSyntax: "invalidSyntax", scim.InvalidPath: "invalidPath",
		scim.NoTarget: "noTarget", scim.InvalidValue: "invalidValue", scim.InvalidVers: "invalidVers",
		scim.Sensitive: "sensitive",
		scim.Code400:   "400", scim.Code401: "401", scim.Code403: "403", scim.Code404: "404", scim.Code409: "409",
		scim.Code412: "412", scim.Code413: "413", scim.Code500: "500", scim.Code501: "501",
	} {
		if string(c) != want || !c.Known() {
			t.Errorf("constant %q: want %q, documented", c, want)
		}
	}
	if got := scim.Uniqueness.Info().Statuses; !slices.Equal(got, []int{400, 409}) {
		t.Errorf("Uniqueness statuses = %v, want [400 409] (Table 9, and §3.3 for duplicates)", got)
	}
	info := scim.InvalidFilter.Info()
	if len(info.Entries) != 1 || !strings.HasPrefix(info.Description, "The specified filter syntax was invalid") {
		t.Errorf("InvalidFilter = %+v", info)
	}
	if scim.ErrorSchema != catalog.SCIMErrorSchema {
		t.Errorf("ErrorSchema = %q", scim.ErrorSchema)
	}
}

// TestSCIMDecode: the envelope as the base reads it, status as a number
// or a string, extensions kept by URN, detail verbatim; anything else is a
// clear error.
func TestSCIMDecode(t *testing.T) {
	e, err := scim.Decode(400, []byte(pingPasswordBody))
	if err != nil {
		t.Fatal(err)
	}
	if e.Code != scim.InvalidValue || e.Status != 400 || e.ScimType != "invalidValue" ||
		!strings.HasSuffix(e.Detail, "user's password history") || !slices.Equal(e.Schemas, []string{"urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError"}) ||
		len(e.Extensions) != 1 || string(e.Raw) != pingPasswordBody {
		t.Errorf("Decode = %+v", e)
	}
	raw, ok := e.Extension("urn:unboundid:scim:api:messages:2.0:PasswordUpdateError", "urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError")
	if !ok || !json.Valid(raw) || !strings.Contains(string(raw), `"notCurrentPassword"`) {
		t.Errorf("Extension = %s, %v", raw, ok)
	}
	for _, body := range []string{`{"status":"409","scimType":"uniqueness","detail":" x  y\n"}`, `{"status":409,"scimType":"uniqueness","detail":" x  y\n"}`} {
		e, err := scim.Decode(409, []byte(body))
		if err != nil || e.Code != scim.Uniqueness || e.Status != 409 || e.Detail != " x  y\n" || e.Extensions != nil {
			t.Errorf("Decode(%s) = %+v, %v", body, e, err)
		}
		wrapped := fmt.Errorf("create user: %w", e)
		if !errors.Is(wrapped, scim.Uniqueness) || !errors.Is(wrapped, scim.Code409) || errors.Is(wrapped, scim.Code400) || errors.Is(wrapped, scim.Mutability) {
			t.Errorf("errors.Is on %s", body)
		}
	}
	for body, want := range map[string]string{
		`{"status":true}`:               `scim: "status" is true: want the HTTP status as a JSON number or a string of digits, such as 404 or "404"`,
		`{"status":"Not Found"}`:        `scim: "status" is "Not Found": want the HTTP status`,
		`{"status":"404","scimType":1}`: `scim: "scimType" is 1: want a string`,
		`<html>Bad Gateway</html>`:      `scim: the body is not JSON`,
		`["x"]`:                         `scim: the body is a JSON array, not an object`,
	} {
		if e, err := scim.Decode(502, []byte(body)); err == nil || !strings.HasPrefix(err.Error(), want) || e != nil {
			t.Errorf("Decode(%s) = %v, %v; want an error starting %q", body, e, err, want)
		}
		if _, ok := scim.Parse(502, []byte(body)); ok {
			t.Errorf("Parse(%s) ok", body)
		}
	}
	// Entry: the RFC documents one case per keyword, with no message.
	e, _ = scim.Decode(400, []byte(`{"scimType":"mutability","detail":"Attribute 'id' is readOnly","status":"400"}`))
	if entry, ok := e.Entry(); !ok || entry.Code != scim.Mutability || !strings.Contains(entry.Description, "mutability") {
		t.Errorf("Entry = %+v, %v", entry, ok)
	}
	if want := "scim: mutability (HTTP 400): Attribute 'id' is readOnly"; e.Error() != want {
		t.Errorf("Error() = %q, want %q", e.Error(), want)
	}
}

// TestSCIMOneCheck: one errors.Is(err, scim.Uniqueness) works on errors
// parsed by the Ping, IIJ and Identity Center packages alike, and
// errors.As reaches the whole envelope.
func TestSCIMOneCheck(t *testing.T) {
	body := `{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"scimType":"uniqueness","detail":"User [u-1] or email address already exists.","status":409}`
	var errs []error
	if e, ok := ping.Parse(409, []byte(body)); ok {
		errs = append(errs, e)
	}
	if e, ok := directorysync.Parse(409, []byte(iijBodies[3])); ok {
		errs = append(errs, e)
	}
	if e, ok := huaweiscim.Parse(409, []byte(body)); ok {
		errs = append(errs, e)
	}
	if len(errs) != 3 {
		t.Fatalf("parsed %d of 3", len(errs))
	}
	for i, e := range errs {
		err := fmt.Errorf("sync user: %w", e)
		if !errors.Is(err, scim.Uniqueness) || !errors.Is(err, scim.Code409) || errors.Is(err, scim.InvalidValue) {
			t.Errorf("error %d (%T): errors.Is with the base constants fails: %v", i, e, err)
		}
		var env *scim.Error
		if !errors.As(err, &env) || env.ScimType != "uniqueness" || env.Status != 409 || !slices.Equal(env.Schemas, []string{scim.ErrorSchema}) {
			t.Errorf("error %d: errors.As(*scim.Error) = %+v", i, env)
		}
	}
	// Each vendor's own constant too: Ping and IIJ document the scimType,
	// Identity Center the status.
	if !errors.Is(errs[1], directorysync.Uniqueness) || !errors.Is(errs[2], huaweiscim.Code409) {
		t.Error("vendor constants do not match")
	}
	if c := errs[0].(*ping.Error).Code; c != "uniqueness" || c.Known() {
		t.Errorf("Ping code = %q (undocumented by Ping)", c)
	}
	// Huawei's table matches the detail, by status code.
	hw := errs[2].(*huaweiscim.Error)
	if entry, ok := hw.Entry(); !ok || entry.Description != "User already exists." {
		t.Errorf("Huawei Entry = %+v, %v", entry, ok)
	}
}

// TestIIJEntries: the eight cases share codes and statuses; the detail
// tells them apart, with the action to show an operator.
func TestIIJEntries(t *testing.T) {
	c := bundled(t, "iij/directorysync")
	if len(c.Entries) != 8 {
		t.Fatalf("%d entries, want 8", len(c.Entries))
	}
	for i, body := range iijBodies {
		want := c.Entries[i]
		e, ok := directorysync.Parse(want.Status, []byte(body))
		if !ok {
			t.Fatalf("case %d: Parse failed", i+1)
		}
		entry, ok := e.Entry()
		if !ok || string(entry.Code) != want.Code || entry.Status != want.Status || entry.Title != want.Title ||
			entry.Message != want.Message || entry.Description != want.Description || entry.Solution != want.Solution {
			t.Errorf("case %d: Entry() = %+v, %v\nwant %+v", i+1, entry, ok, want)
		}
		m, _, ok := directorysync.MatchEntry(e.Message)
		if !ok || m != entry {
			t.Errorf("case %d: MatchEntry(%q) = %+v, %v", i+1, e.Message, m, ok)
		}
	}
	// The three 409 uniqueness cases and the 400 invalidValue ones, apart.
	seen := map[string]bool{}
	for _, i := range []int{2, 3, 5, 1, 4, 7} {
		e, _ := directorysync.Parse(0, []byte(iijBodies[i]))
		entry, _ := e.Entry()
		if seen[entry.Solution+entry.Title] {
			t.Errorf("case %d: the same entry as another case", i+1)
		}
		seen[entry.Solution+entry.Title] = true
	}
	// An undocumented detail is a documented code without a case.
	e, _ := directorysync.Parse(409, []byte(`{"scimType":"uniqueness","status":"409","detail":"mail has already been taken"}`))
	if _, ok := e.Entry(); ok || e.Code != directorysync.Uniqueness {
		t.Errorf("undocumented detail: %+v", e)
	}
}

// TestPingExtension: the PasswordUpdateError extension, typed, under the
// URN the example uses and under the one the prose names.
func TestPingExtension(t *testing.T) {
	e, ok := ping.Parse(400, []byte(pingPasswordBody))
	if !ok || e.Code != ping.InvalidValue || e.Status != 400 {
		t.Fatalf("Parse = %+v, %v", e, ok)
	}
	x, ok := e.PasswordUpdateError()
	want := []ping.PasswordRequirement{{
		AdditionalInfo:       "The provided new password cannot be the same as the current password or any password in the user's password history.",
		Description:          "The new password must not be the same as the current password.",
		RequirementSatisfied: false,
		Type:                 "notCurrentPassword",
	}}
	if !ok || !slices.Equal(x.PasswordRequirements, want) {
		t.Errorf("PasswordUpdateError() = %+v, %v", x, ok)
	}
	alias := strings.ReplaceAll(pingPasswordBody, "urn:pingidentity:", "urn:unboundid:")
	alias = strings.Replace(alias, `"requirementSatisfied": false`, `"requirementSatisfied": true`, 1)
	e, _ = ping.Parse(400, []byte(alias))
	if x, ok := e.PasswordUpdateError(); !ok || len(x.PasswordRequirements) != 1 || !x.PasswordRequirements[0].RequirementSatisfied {
		t.Errorf("under the prose's URN: %+v, %v", x, ok)
	}
	e, _ = ping.Parse(401, []byte(`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"scimType":"invalid_token","status":401,"detail":"Access token is expired or otherwise invalid."}`))
	if _, ok := e.PasswordUpdateError(); ok {
		t.Error("an extension from a body without one")
	}
	if !errors.Is(e, ping.InvalidToken) || errors.Is(e, scim.InvalidValue) || !errors.Is(e, scim.Code401) {
		t.Error("invalid_token: errors.Is")
	}
	if info := ping.InvalidToken.Info(); !strings.Contains(info.Entries[0].Message, "expired") {
		t.Errorf("InvalidToken = %+v", info)
	}
	// A body whose extension does not decode as documented.
	bad := strings.Replace(pingPasswordBody, `"requirementSatisfied": false`, `"requirementSatisfied": "no"`, 1)
	e, _ = ping.Parse(400, []byte(bad))
	if _, ok := e.PasswordUpdateError(); ok {
		t.Error("a badly typed extension decoded")
	}
}

func TestSCIMFromResponse(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/scim+json")
		switch r.URL.Path {
		case "/html":
			w.WriteHeader(http.StatusBadGateway)
			io.WriteString(w, "<html>Bad Gateway</html>")
		default:
			w.WriteHeader(http.StatusConflict)
			io.WriteString(w, iijBodies[2])
		}
	}))
	defer srv.Close()
	get := func(path string) (*http.Response, error) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { resp.Body.Close() })
		return resp, directorysync.FromResponse(resp)
	}
	resp, err := get("/users")
	if !errors.Is(err, scim.Uniqueness) || !errors.Is(err, directorysync.Uniqueness) {
		t.Errorf("FromResponse(409) = %v", err)
	}
	if rest, _ := io.ReadAll(resp.Body); string(rest) != iijBodies[2] {
		t.Errorf("body after FromResponse = %q", rest)
	}
	_, err = get("/html")
	var de *directorysync.Error
	if !errors.As(err, &de) || de.Status != 502 || de.SCIM != nil || de.Code != "502" || !strings.Contains(string(de.Raw), "Bad Gateway") || errors.Unwrap(de) != nil {
		t.Errorf("FromResponse(502 HTML) = %#v", err)
	}
	base := scim.FromResponse(&http.Response{StatusCode: 404, Body: io.NopCloser(strings.NewReader(iijBodies[0]))})
	if !errors.Is(base, scim.Code404) {
		t.Errorf("base FromResponse = %v", base)
	}
}

// FuzzSCIMParse: the base package's Parse never panics; what it accepts
// is valid JSON with a code, and Decode agrees with it.
func FuzzSCIMParse(f *testing.F) {
	for _, b := range iijBodies {
		f.Add(b)
	}
	f.Add(pingPasswordBody)
	f.Add(`{"status":404.0}`)
	f.Add(`{"status":"4` + "\x00" + `04"}`)
	f.Fuzz(func(t *testing.T, body string) {
		e, ok := scim.Parse(400, []byte(body))
		_, err := scim.Decode(400, []byte(body))
		if ok != (err == nil) {
			t.Fatalf("Parse ok %v, Decode error %v", ok, err)
		}
		if !ok {
			if e != nil {
				t.Errorf("Parse returned %+v with ok false", e)
			}
			return
		}
		if !json.Valid([]byte(body)) || e.Code == "" || e.Status < 100 || e.Status > 599 {
			t.Errorf("accepted %q as %+v", body, e)
		}
		_ = e.Error()
		e.Entry()
		if v, ok := ping.Parse(400, []byte(body)); !ok || !errors.Is(v, scim.Code(e.Code)) {
			t.Errorf("Ping's Parse disagrees on %q", body)
		}
	})
}

// TestSnapshotsAreSeeds: the vendor snapshots are the seeds byte for byte.
func TestSnapshotsAreSeeds(t *testing.T) {
	for snap, seed := range map[string]string{
		"pingidentity/scim/errors.txt":      "002_3e1d0980d101bf5d.txt",
		"iij/directorysync/event-12808.txt": "003_af762667a72264d4.txt",
	} {
		want, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seeds", seed))
		if errors.Is(err, os.ErrNotExist) {
			t.Skip("the shared seeds are not beside the project")
		}
		got, err2 := os.ReadFile(filepath.Join("..", "..", "sources", snap))
		if err != nil || err2 != nil || string(got) != string(want) {
			t.Errorf("%s is not %s byte for byte (%v, %v)", snap, seed, err, err2)
		}
	}
}

func BenchmarkSCIMParse(b *testing.B) {
	body := []byte(iijBodies[3])
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := directorysync.Parse(409, body); !ok {
			b.Fatal("not ok")
		}
	}
}

// BenchmarkSCIMParseBaselineUnmarshal is BenchmarkSCIMParse's baseline:
// a hand-written struct for the same body, status as a string.
func BenchmarkSCIMParseBaselineUnmarshal(b *testing.B) {
	body := []byte(iijBodies[3])
	b.ReportAllocs()
	for b.Loop() {
		var v struct {
			Schemas  []string `json:"schemas"`
			ScimType string   `json:"scimType"`
			Detail   string   `json:"detail"`
			Status   string   `json:"status"`
		}
		if err := json.Unmarshal(body, &v); err != nil {
			b.Fatal(err)
		}
	}
}
