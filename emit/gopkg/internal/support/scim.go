// The SCIM half of the runtime: reading RFC 7644 §3.12 error responses.
// errgen copies it, package clause aside, from
// github.com/errgen/errgen/emit/gopkg/internal/support into the SCIM base
// package only (as scim_support.go), next to support.go, whose helpers it
// may use. Like support.go it stays standard-library-only, keeps every
// identifier unexported and prefixed "errgen", and refers to nothing
// generated.

package support

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// errgenSCIMSchema is the schema URI of a SCIM error response.
const errgenSCIMSchema = "urn:ietf:params:scim:api:messages:2.0:Error"

// errgenSCIM is a SCIM error response as errgenSCIMDecode reads it.
type errgenSCIM struct {
	schemas  []string
	status   int
	scimType string
	detail   string
	// code is scimType, or else status in decimal; "" for neither.
	code string
	// extensions are the members named by a URN other than the error
	// schema, raw; nil when there are none.
	extensions map[string]json.RawMessage
}

// errgenSCIMDecode reads body as a SCIM error response. status, the HTTP
// status, stands in for a body without "status". The body must be a JSON
// object; "status", when present, a JSON number or a string of decimal
// digits, an HTTP status (100–599); "scimType" and "detail" strings and
// "schemas" an array of strings, each null or absent if not; and it must
// say it is an error with a status, a scimType or the error schema. Any
// other body is an error whose text starts with pkg and says what was
// expected.
func errgenSCIMDecode(pkg string, status int, body []byte) (errgenSCIM, error) {
	var s errgenSCIM
	fail := func(format string, args ...any) (errgenSCIM, error) {
		return errgenSCIM{}, errors.New(pkg + ": " + fmt.Sprintf(format, args...))
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(body, &members); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return fail("the body is a JSON %s, not an object: want a SCIM error such as {\"schemas\": [%q], \"status\": \"404\", \"detail\": \"...\"}", typeErr.Value, errgenSCIMSchema)
		}
		return fail("the body is not JSON (%v): want a SCIM error object", err)
	}
	if members == nil {
		return fail("the body is JSON null, not an object: want a SCIM error such as {\"schemas\": [%q], \"status\": \"404\"}", errgenSCIMSchema)
	}
	isError := false
	if raw, ok := members["schemas"]; ok && !errgenIsNull(raw) {
		if err := json.Unmarshal(raw, &s.schemas); err != nil {
			return fail("\"schemas\" is %s: want an array of schema URIs such as [%q]", errgenShow(raw), errgenSCIMSchema)
		}
		for _, u := range s.schemas {
			isError = isError || u == errgenSCIMSchema
		}
	}
	if raw, ok := members["status"]; ok {
		n, ok := errgenSCIMStatus(raw)
		if !ok {
			return fail("\"status\" is %s: want the HTTP status as a JSON number or a string of digits, such as 404 or \"404\"", errgenShow(raw))
		}
		s.status, isError = n, true
	} else {
		s.status = status
	}
	for _, f := range []struct {
		name string
		to   *string
	}{{"scimType", &s.scimType}, {"detail", &s.detail}} {
		raw, ok := members[f.name]
		if !ok || errgenIsNull(raw) {
			continue
		}
		if err := json.Unmarshal(raw, f.to); err != nil {
			return fail("%q is %s: want a string", f.name, errgenShow(raw))
		}
	}
	if s.scimType != "" {
		isError = true
	}
	if !isError {
		return fail("not a SCIM error: the body has no \"status\", no \"scimType\" and no %q in \"schemas\"", errgenSCIMSchema)
	}
	for name, raw := range members {
		if len(name) > 4 && strings.EqualFold(name[:4], "urn:") && name != errgenSCIMSchema {
			if s.extensions == nil {
				s.extensions = map[string]json.RawMessage{}
			}
			s.extensions[name] = raw
		}
	}
	switch {
	case s.scimType != "":
		s.code = s.scimType
	case s.status != 0:
		s.code = strconv.Itoa(s.status)
	}
	return s, nil
}

// errgenSCIMStatus reads "status": a JSON number that is an integer, or a
// string of decimal digits, between 100 and 599.
func errgenSCIMStatus(raw json.RawMessage) (int, bool) {
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

func errgenIsNull(raw json.RawMessage) bool {
	return string(bytes.TrimSpace(raw)) == "null"
}

// errgenShow is a raw JSON value for an error message: on one line and
// at most 40 bytes.
func errgenShow(raw json.RawMessage) string {
	s := errgenOneLine(string(bytes.TrimSpace(raw)))
	if len(s) > 40 {
		cut := 40
		for cut > 0 && s[cut]&0xc0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// errgenStatusIs reports whether code is status written in decimal, as
// the code of a SCIM error without scimType is.
func errgenStatusIs(code string, status int) bool {
	return status != 0 && code == strconv.Itoa(status)
}
