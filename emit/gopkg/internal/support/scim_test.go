package support

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestSCIMDecode(t *testing.T) {
	const ping = `{"detail":"The provided new password cannot be the same","schemas":["urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError"],"scimType":"invalidValue","status":400,"urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError":{"passwordRequirements":[{"requirementSatisfied":false}]}}`
	for _, tc := range []struct {
		name, body string
		status     int
		want       errgenSCIM
		ext        []string
	}{
		{"string status (RFC, IIJ)", `{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"organization is not found.","status":"404"}`, 404,
			errgenSCIM{schemas: []string{errgenSCIMSchema}, status: 404, detail: "organization is not found.", code: "404"}, nil},
		{"number status (Ping)", `{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"scimType":"invalid_token","status":401,"detail":"Access token is expired or otherwise invalid."}`, 401,
			errgenSCIM{schemas: []string{errgenSCIMSchema}, status: 401, scimType: "invalid_token", detail: "Access token is expired or otherwise invalid.", code: "invalid_token"}, nil},
		{"extension kept by URN", ping, 400,
			errgenSCIM{schemas: []string{"urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError"}, status: 400, scimType: "invalidValue", detail: "The provided new password cannot be the same", code: "invalidValue"},
			[]string{"urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError"}},
		{"no status: the HTTP one", `{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"x"}`, 503,
			errgenSCIM{schemas: []string{errgenSCIMSchema}, status: 503, detail: "x", code: "503"}, nil},
		{"only scimType", `{"scimType":"tooMany"}`, 0, errgenSCIM{scimType: "tooMany", code: "tooMany"}, nil},
		{"nulls are absent", `{"status":"409","scimType":null,"detail":null,"schemas":null}`, 409, errgenSCIM{status: 409, code: "409"}, nil},
		{"detail verbatim", `{"status":"400","detail":"  two\nlines \u003cb\u003e "}`, 400, errgenSCIM{status: 400, detail: "  two\nlines <b> ", code: "400"}, nil},
		{"URN keys, any case, not the error schema", `{"status":"400","URN:x:y":1,"urn:ietf:params:scim:api:messages:2.0:Error":{},"urn:":2,"other":3}`, 400,
			errgenSCIM{status: 400, code: "400"}, []string{"URN:x:y"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := errgenSCIMDecode("scim", tc.status, []byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			var ext []string
			for k := range got.extensions {
				ext = append(ext, k)
			}
			slices.Sort(ext)
			if !slices.Equal(ext, tc.ext) {
				t.Errorf("extensions = %q, want %q", ext, tc.ext)
			}
			got.extensions = nil
			if got.status != tc.want.status || got.scimType != tc.want.scimType || got.detail != tc.want.detail || got.code != tc.want.code || !slices.Equal(got.schemas, tc.want.schemas) {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
	s, _ := errgenSCIMDecode("scim", 400, []byte(ping))
	var ext struct {
		Reqs []struct {
			OK *bool `json:"requirementSatisfied"`
		} `json:"passwordRequirements"`
	}
	if err := json.Unmarshal(s.extensions["urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError"], &ext); err != nil || len(ext.Reqs) != 1 || ext.Reqs[0].OK == nil || *ext.Reqs[0].OK {
		t.Errorf("extension raw JSON = %s (%v)", s.extensions["urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError"], err)
	}
}

func TestSCIMDecodeErrors(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{`{"status":true}`, `scim: "status" is true: want the HTTP status as a JSON number or a string of digits, such as 404 or "404"`},
		{`{"status":"four hundred"}`, `"status" is "four hundred": want`},
		{`{"status":"40"}`, `"status" is "40"`},
		{`{"status":404.0}`, `"status" is 404.0`},
		{`{"status":-404}`, `"status" is -404`},
		{`{"status":4e2}`, `"status" is 4e2`},
		{`{"status":"4040"}`, `"status" is "4040"`},
		{`{"status":"099"}`, `"status" is "099"`},
		{`{"status":600}`, `"status" is 600`},
		{`{"status":" 404"}`, `"status" is " 404"`},
		{`{"status":null}`, `"status" is null`},
		{`{"status":[404]}`, `"status" is [404]`},
		{`{"status":"404","scimType":7}`, `"scimType" is 7: want a string`},
		{`{"status":"404","detail":{"a":1}}`, `"detail" is {"a":1}: want a string`},
		{`{"status":"404","schemas":"urn:x"}`, `"schemas" is "urn:x": want an array of schema URIs`},
		{`{"detail":"no status"}`, `not a SCIM error: the body has no "status", no "scimType"`},
		{`[1]`, `the body is a JSON array, not an object`},
		{`"x"`, `the body is a JSON string, not an object`},
		{`null`, `the body is JSON null, not an object`},
		{`{"status":`, `the body is not JSON`},
		{``, `the body is not JSON`},
		{`{"status":"` + strings.Repeat("9", 100) + `"}`, `999…: want the HTTP status`},
	} {
		_, err := errgenSCIMDecode("scim", 400, []byte(tc.body))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "scim: ") {
			t.Errorf("decode %s: %v, want an error containing %q", tc.body, err, tc.want)
		}
	}
}

// FuzzSCIMDecode: no panic on any body, and a body it accepts has a code
// exactly when it has a scimType or a status.
func FuzzSCIMDecode(f *testing.F) {
	for _, s := range []string{
		`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"organization is not found.","status":"404"}`,
		`{"scimType":"invalid_token","status":401,"detail":"x","urn:a:b":{"c":[1]}}`,
		`{"status":"4` + "\xff" + `"}`, `{"status":1e999}`, `[]`, `{}`, `{"schemas":[null]}`,
	} {
		f.Add(s, 400)
	}
	f.Fuzz(func(t *testing.T, body string, status int) {
		s, err := errgenSCIMDecode("scim", status, []byte(body))
		if err != nil {
			if s.code != "" || s.extensions != nil {
				t.Errorf("error %v with a result %+v", err, s)
			}
			return
		}
		if (s.code != "") != (s.scimType != "" || s.status != 0) {
			t.Errorf("code %q for scimType %q, status %d", s.code, s.scimType, s.status)
		}
		if !json.Valid([]byte(body)) {
			t.Errorf("accepted invalid JSON %q", body)
		}
	})
}

func TestStatusIs(t *testing.T) {
	if !errgenStatusIs("409", 409) || errgenStatusIs("409", 400) || errgenStatusIs("0", 0) || errgenStatusIs("", 0) {
		t.Error("errgenStatusIs")
	}
}

func TestPickEntry(t *testing.T) {
	type e struct {
		status  int
		message string
	}
	entries := []e{
		{409, "externalId has already been taken"},
		{409, "{0} has already been taken"},
		{400, "Bad {0}"},
		{0, ""},
		{404, "Group [{0}] not found.\nUser [{0}] not found."},
	}
	at := func(j int) (int, string) { return entries[j].status, entries[j].message }
	for _, tc := range []struct {
		status   int
		message  string
		want     int
		wantArgs []string
	}{
		{409, "externalId has already been taken", 0, nil}, // most specific
		{409, "userName has already been taken", 1, []string{"userName"}},
		{0, "userName has already been taken", 1, []string{"userName"}},
		{400, "Bad thing", 2, []string{"thing"}},
		{409, "Bad thing", 3, nil},                         // the entry without message or status fits first
		{404, "User [u-1] not found.", 4, []string{"u-1"}}, // a line of a template
		{500, "anything", 3, nil},
	} {
		got, args := errgenPickEntry(len(entries), at, tc.status, tc.message)
		if got != tc.want || !slices.Equal(args, tc.wantArgs) {
			t.Errorf("pick(%d, %q) = %d %q, want %d %q", tc.status, tc.message, got, args, tc.want, tc.wantArgs)
		}
	}
	// Without the catch-all entry: a preferred status first, then any.
	entries = entries[:3]
	if got, _ := errgenPickEntry(len(entries), at, 500, "Bad thing"); got != 2 {
		t.Errorf("fallback to another status = %d, want 2", got)
	}
	if got, _ := errgenPickEntry(len(entries), at, 409, "nothing documented"); got != -1 {
		t.Errorf("no fit = %d, want -1", got)
	}
}

func TestSCIMCode(t *testing.T) {
	sorted := []string{"404", "409", "uniqueness"}
	for _, tc := range []struct {
		scimType string
		status   int
		want     string
	}{
		{"uniqueness", 409, "uniqueness"},
		{"mutability", 409, "409"}, // undocumented scimType, documented status
		{"mutability", 400, "mutability"},
		{"", 404, "404"},
		{"", 500, "500"},
		{"", 0, ""},
	} {
		if got := errgenSCIMCode(sorted, tc.scimType, tc.status); got != tc.want {
			t.Errorf("code(%q, %d) = %q, want %q", tc.scimType, tc.status, got, tc.want)
		}
	}
}
