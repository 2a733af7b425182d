package apierr

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestSCIMDecode(t *testing.T) {
	const ping = `{"detail":"The provided new password cannot be the same","schemas":["urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError"],"scimType":"invalidValue","status":400,"urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError":{"passwordRequirements":[{"requirementSatisfied":false}]}}`
	for _, tc := range []struct {
		name, body string
		status     int
		want       SCIM
		ext        []string
	}{
		{"string status (RFC, IIJ)", `{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"organization is not found.","status":"404"}`, 404,
			SCIM{Schemas: []string{SCIMErrorSchema}, Status: 404, Detail: "organization is not found.", Code: "404"}, nil},
		{"number status (Ping)", `{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"scimType":"invalid_token","status":401,"detail":"Access token is expired or otherwise invalid."}`, 401,
			SCIM{Schemas: []string{SCIMErrorSchema}, Status: 401, ScimType: "invalid_token", Detail: "Access token is expired or otherwise invalid.", Code: "invalid_token"}, nil},
		{"extension kept by URN", ping, 400,
			SCIM{Schemas: []string{"urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError"}, Status: 400, ScimType: "invalidValue", Detail: "The provided new password cannot be the same", Code: "invalidValue"},
			[]string{"urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError"}},
		{"no status: the HTTP one", `{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"x"}`, 503,
			SCIM{Schemas: []string{SCIMErrorSchema}, Status: 503, Detail: "x", Code: "503"}, nil},
		{"only scimType", `{"scimType":"tooMany"}`, 0, SCIM{ScimType: "tooMany", Code: "tooMany"}, nil},
		{"nulls are absent", `{"status":"409","scimType":null,"detail":null,"schemas":null}`, 409, SCIM{Status: 409, Code: "409"}, nil},
		{"detail verbatim", `{"status":"400","detail":"  two\nlines \u003cb\u003e "}`, 400, SCIM{Status: 400, Detail: "  two\nlines <b> ", Code: "400"}, nil},
		{"URN keys, any case, not the error schema", `{"status":"400","URN:x:y":1,"urn:ietf:params:scim:api:messages:2.0:Error":{},"urn:":2,"other":3}`, 400,
			SCIM{Status: 400, Code: "400"}, []string{"URN:x:y"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DecodeSCIM("scim", tc.status, []byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			var ext []string
			for k := range got.Extensions {
				ext = append(ext, k)
			}
			slices.Sort(ext)
			if !slices.Equal(ext, tc.ext) {
				t.Errorf("extensions = %q, want %q", ext, tc.ext)
			}
			got.Extensions = nil
			if got.Status != tc.want.Status || got.ScimType != tc.want.ScimType || got.Detail != tc.want.Detail || got.Code != tc.want.Code || !slices.Equal(got.Schemas, tc.want.Schemas) {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
	s, _ := DecodeSCIM("scim", 400, []byte(ping))
	var ext struct {
		Reqs []struct {
			OK *bool `json:"requirementSatisfied"`
		} `json:"passwordRequirements"`
	}
	if err := json.Unmarshal(s.Extensions["urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError"], &ext); err != nil || len(ext.Reqs) != 1 || ext.Reqs[0].OK == nil || *ext.Reqs[0].OK {
		t.Errorf("extension raw JSON = %s (%v)", s.Extensions["urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError"], err)
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
		_, err := DecodeSCIM("scim", 400, []byte(tc.body))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "scim: ") {
			t.Errorf("decode %s: %v, want an error containing %q", tc.body, err, tc.want)
		}
	}
}

// FuzzSCIMDecode: no panic on any body; a body it accepts has a code
// exactly when it has a scimType or a status; and DecodeSCIM gives what
// the encoding/json implementation it replaced gives, error texts
// included.
func FuzzSCIMDecode(f *testing.F) {
	for _, s := range append([]string{
		`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"organization is not found.","status":"404"}`,
		`{"scimType":"invalid_token","status":401,"detail":"x","urn:a:b":{"c":[1]}}`,
		`{"status":"4` + "\xff" + `"}`, `{"status":1e999}`, `[]`, `{}`, `{"schemas":[null]}`,
	}, scimReferenceBodies...) {
		f.Add(s, 400)
	}
	f.Fuzz(func(t *testing.T, body string, status int) {
		s, err := DecodeSCIM("scim", status, []byte(body))
		checkSCIMAgainstReference(t, body, status, s, err)
		if err != nil {
			if s.Code != "" || s.Extensions != nil {
				t.Errorf("error %v with a result %+v", err, s)
			}
			return
		}
		if (s.Code != "") != (s.ScimType != "" || s.Status != 0) {
			t.Errorf("code %q for scimType %q, status %d", s.Code, s.ScimType, s.Status)
		}
		if !json.Valid([]byte(body)) {
			t.Errorf("accepted invalid JSON %q", body)
		}
	})
}

// scimReferenceBodies are bodies on which DecodeSCIM and refDecodeSCIM
// must agree: the edges of every rule.
var scimReferenceBodies = []string{
	`{"status":"4\u00304"}`, `{"status":"\u0034\u0030\u0034","detail":"\ud83d\ude00\ud800"}`,
	`{"status":404,"status":"bad"}`, `{"status":"bad","status":404}`, `{"scimType":"a","scimType":null}`,
	`{"schemas":[],"status":400}`, `{"schemas":["x",null,"urn:ietf:params:scim:api:messages:2.0:Error"]}`,
	`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error",1]}`, `{"schemas":[["x"]]}`, `{"schemas":{}}`,
	`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"]}`, `{"schemas":["urn:ietf:params:scim:api:messages:2.0:error"]}`,
	`{"scimType":""}`, `{"scimType":"","status":"500"}`, `{"detail":"d","scimType":"x","status":true}`,
	`{"status":"404","detail":true,"scimType":5}`, `{"status":"404","scimType":{"a":1}}`,
	`{"status":"404","urn:a":1,"ur\u006e:a":2,"URN:b":[1, 2 ],"urn:":{},"urn:ietf:params:scim:api:messages:2.0:Error":1}`,
	"{\"status\":\"404\",\"urn:\xff\":1,\"u\xffrn:x\":2}", `{"\u0073tatus":"404"}`, `{"Status":"404"}`,
	`{"status":"` + strings.Repeat("é", 30) + `"}`, `{"status":"` + strings.Repeat("\n", 30) + `"}`,
	` { "status" : 404 } `, `{"status":404} x`, `{"status":404`, `{"status":404,}`, `{"status" 404}`,
	`true`, `false`, `0`, `-1.5`, `"s"`, `null`, ` null `, `[{"status":404}]`, "", " ", "<html>", "\xff",
	strings.Repeat("[", 10001) + strings.Repeat("]", 10001), `{"a":` + strings.Repeat("[", 9999) + strings.Repeat("]", 9999) + `,"status":400}`,
}

func TestSCIMDecodeAgainstReference(t *testing.T) {
	for _, body := range scimReferenceBodies {
		for _, status := range []int{0, 400, 503} {
			s, err := DecodeSCIM("scim", status, []byte(body))
			checkSCIMAgainstReference(t, body, status, s, err)
		}
	}
}

// checkSCIMAgainstReference fails t unless s and err are what
// refDecodeSCIM gives for body and status.
func checkSCIMAgainstReference(t *testing.T, body string, status int, s SCIM, err error) {
	t.Helper()
	want, wantErr := refDecodeSCIM("scim", status, []byte(body))
	if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
		t.Fatalf("DecodeSCIM(%q) error %v, reference %v", body, err, wantErr)
	}
	if err != nil {
		return
	}
	if (s.Schemas == nil) != (want.Schemas == nil) || !slices.Equal(s.Schemas, want.Schemas) ||
		s.Status != want.Status || s.ScimType != want.ScimType || s.Detail != want.Detail || s.Code != want.Code ||
		len(s.Extensions) != len(want.Extensions) || (s.Extensions == nil) != (want.Extensions == nil) {
		t.Fatalf("DecodeSCIM(%q) = %+v, reference %+v", body, s, want)
	}
	for k, v := range want.Extensions {
		if got, ok := s.Extensions[k]; !ok || !bytes.Equal(got, v) {
			t.Fatalf("DecodeSCIM(%q) extension %q = %q, reference %q", body, k, got, v)
		}
	}
}

// refDecodeSCIM is the encoding/json implementation DecodeSCIM replaced,
// verbatim but for names: the definition of what DecodeSCIM accepts and
// says.
func refDecodeSCIM(pkg string, status int, body []byte) (SCIM, error) {
	var s SCIM
	fail := func(format string, args ...any) (SCIM, error) {
		return SCIM{}, errors.New(pkg + ": " + fmt.Sprintf(format, args...))
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(body, &members); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return fail("the body is a JSON %s, not an object: want a SCIM error such as {\"schemas\": [%q], \"status\": \"404\", \"detail\": \"...\"}", typeErr.Value, SCIMErrorSchema)
		}
		return fail("the body is not JSON (%v): want a SCIM error object", err)
	}
	if members == nil {
		return fail("the body is JSON null, not an object: want a SCIM error such as {\"schemas\": [%q], \"status\": \"404\"}", SCIMErrorSchema)
	}
	isError := false
	if raw, ok := members["schemas"]; ok && !refIsNull(raw) {
		if err := json.Unmarshal(raw, &s.Schemas); err != nil {
			return fail("\"schemas\" is %s: want an array of schema URIs such as [%q]", show(raw), SCIMErrorSchema)
		}
		for _, u := range s.Schemas {
			isError = isError || u == SCIMErrorSchema
		}
	}
	if raw, ok := members["status"]; ok {
		n, ok := refSCIMStatus(raw)
		if !ok {
			return fail("\"status\" is %s: want the HTTP status as a JSON number or a string of digits, such as 404 or \"404\"", show(raw))
		}
		s.Status, isError = n, true
	} else {
		s.Status = status
	}
	for _, f := range []struct {
		name string
		to   *string
	}{{"scimType", &s.ScimType}, {"detail", &s.Detail}} {
		raw, ok := members[f.name]
		if !ok || refIsNull(raw) {
			continue
		}
		if err := json.Unmarshal(raw, f.to); err != nil {
			return fail("%q is %s: want a string", f.name, show(raw))
		}
	}
	if s.ScimType != "" {
		isError = true
	}
	if !isError {
		return fail("not a SCIM error: the body has no \"status\", no \"scimType\" and no %q in \"schemas\"", SCIMErrorSchema)
	}
	for name, raw := range members {
		if len(name) > 4 && strings.EqualFold(name[:4], "urn:") && name != SCIMErrorSchema {
			if s.Extensions == nil {
				s.Extensions = map[string]json.RawMessage{}
			}
			s.Extensions[name] = raw
		}
	}
	switch {
	case s.ScimType != "":
		s.Code = s.ScimType
	case s.Status != 0:
		s.Code = strconv.Itoa(s.Status)
	}
	return s, nil
}

func refSCIMStatus(raw json.RawMessage) (int, bool) {
	raw = bytes.TrimSpace(raw)
	digits := string(raw)
	if len(raw) > 0 && raw[0] == '"' {
		if json.Unmarshal(raw, &digits) != nil {
			return 0, false
		}
	}
	if len(digits) != 3 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, 100 <= n && n <= 599
}

func refIsNull(raw json.RawMessage) bool {
	return string(bytes.TrimSpace(raw)) == "null"
}

// TestSCIMDecodeAllocs: a typical body costs its strings, the schemas
// slice and nothing else.
func TestSCIMDecodeAllocs(t *testing.T) {
	body := []byte(scimBenchBody)
	a := testing.AllocsPerRun(100, func() {
		if _, err := DecodeSCIM("scim", 409, body); err != nil {
			t.Fatal(err)
		}
	})
	// schemas slice, its one string, scimType, detail
	if a > 4 {
		t.Errorf("DecodeSCIM allocates %v times, want at most 4", a)
	}
}

func TestStatusIs(t *testing.T) {
	if !SCIMStatusIs("409", 409) || SCIMStatusIs("409", 400) || SCIMStatusIs("0", 0) || SCIMStatusIs("", 0) {
		t.Error("SCIMStatusIs")
	}
	if !SCIMStatusIs("-1", -1) || SCIMStatusIs("0409", 409) || SCIMStatusIs("409 ", 409) {
		t.Error("SCIMStatusIs edge")
	}
	if a := testing.AllocsPerRun(100, func() { SCIMStatusIs("409", 409) }); a != 0 {
		t.Errorf("SCIMStatusIs allocates %v times", a)
	}
}
