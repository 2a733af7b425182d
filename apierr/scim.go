package apierr

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

// SCIMErrorSchema is the schema URI of a SCIM error response (RFC 7644
// §3.12).
const SCIMErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error"

// SCIM is a SCIM error response (RFC 7644 §3.12) as [DecodeSCIM] reads it.
type SCIM struct {
	// Schemas are the body's schema URIs; nil when the body has none.
	Schemas []string
	// Status is the body's status, or the HTTP status given to DecodeSCIM
	// when the body has none.
	Status int
	// ScimType and Detail are the body's, decoded; "" when absent or null.
	ScimType, Detail string
	// Code is ScimType, or else Status in decimal; "" for neither.
	Code string
	// Extensions are the members named by a URN other than the error
	// schema ("urn:" in any case), raw, aliasing the body; nil when there
	// are none.
	Extensions map[string]json.RawMessage
}

// DecodeSCIM reads body as a SCIM error response. status, the HTTP
// status, stands in for a body without "status". The body must be a JSON
// object; "status", when present, a JSON number or a string of decimal
// digits, an HTTP status (100–599); "scimType" and "detail" strings and
// "schemas" an array of strings, each null or absent if not; and it must
// say it is an error with a status, a scimType or the error schema. Any
// other body is an error whose text starts with pkg and says what was
// expected, such as
//
//	scim: "status" is true: want the HTTP status as a JSON number or a string of digits, such as 404 or "404"
//
// It accepts exactly what decoding the body into a
// map[string]json.RawMessage with encoding/json and then each member
// would, with the same texts, but in one pass of the strict scanner that
// decodes only the strings it keeps, which makes it about three times as
// fast.
func DecodeSCIM(pkg string, status int, body []byte) (SCIM, error) {
	fail := func(format string, args ...any) (SCIM, error) {
		return SCIM{}, errors.New(pkg + ": " + fmt.Sprintf(format, args...))
	}
	// One pass validates the whole body, as encoding/json does before it
	// decodes anything, and keeps the last occurrence of every member
	// (encoding/json's map keeps the last too).
	var m scimMembers
	s := scanner{doc: body}
	s.skipSpace()
	top := byte(0)
	if s.pos < len(body) {
		top = body[s.pos]
	}
	ok := false
	if top == '{' {
		ok = m.scan(&s)
	} else {
		ok = s.value(0, 0)
	}
	if ok {
		s.skipSpace()
		ok = s.pos == len(body)
	}
	if !ok {
		// The scanner agrees with encoding/json on what is valid (the
		// tests hold it to that), so encoding/json only words the
		// complaint, as it always has: this path is not the fast one.
		err := json.Unmarshal(body, &struct{}{})
		if err == nil {
			err = errors.New("invalid JSON")
		}
		return fail("the body is not JSON (%v): want a SCIM error object", err)
	}
	switch top {
	case '{':
	case 'n':
		return fail("the body is JSON null, not an object: want a SCIM error such as {\"schemas\": [%q], \"status\": \"404\"}", SCIMErrorSchema)
	default:
		return fail("the body is a JSON %s, not an object: want a SCIM error such as {\"schemas\": [%q], \"status\": \"404\", \"detail\": \"...\"}", jsonKind(top), SCIMErrorSchema)
	}

	var out SCIM
	isError := false
	if v := m.schemas; v.kind != 0 && v.kind != 'n' {
		if !out.decodeSchemas(body, v) {
			return fail("\"schemas\" is %s: want an array of schema URIs such as [%q]", show(rawValue(body, v)), SCIMErrorSchema)
		}
		for _, u := range out.Schemas {
			isError = isError || u == SCIMErrorSchema
		}
	}
	if v := m.status; v.kind != 0 {
		n, ok := scimStatus(body, v)
		if !ok {
			return fail("\"status\" is %s: want the HTTP status as a JSON number or a string of digits, such as 404 or \"404\"", show(rawValue(body, v)))
		}
		out.Status, isError = n, true
	} else {
		out.Status = status
	}
	// Taking the fields' addresses, as a loop over them would, moves out
	// to the heap: one allocation more than the strings.
	var bad bool
	if out.ScimType, bad = scimString(body, m.scimType); bad {
		return fail("%q is %s: want a string", "scimType", show(rawValue(body, m.scimType)))
	}
	if out.Detail, bad = scimString(body, m.detail); bad {
		return fail("%q is %s: want a string", "detail", show(rawValue(body, m.detail)))
	}
	if out.ScimType != "" {
		isError = true
	}
	if !isError {
		return fail("not a SCIM error: the body has no \"status\", no \"scimType\" and no %q in \"schemas\"", SCIMErrorSchema)
	}
	out.Extensions = m.extensions
	switch {
	case out.ScimType != "":
		out.Code = out.ScimType
	case out.Status != 0:
		out.Code = strconv.Itoa(out.Status)
	}
	return out, nil
}

// scimString decodes a member that must be a string, null or absent; bad
// reports a member of another type.
func scimString(body []byte, v span) (s string, bad bool) {
	switch v.kind {
	case 0, 'n':
		return "", false
	case '"':
		return valueText(body, v), false
	}
	return "", true
}

// jsonKind names a JSON value by its first byte as encoding/json's
// UnmarshalTypeError does.
func jsonKind(first byte) string {
	switch first {
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	}
	return "number"
}

// scimMembers are where the members of a SCIM body that DecodeSCIM reads
// are, the last occurrence of each, and its extensions.
type scimMembers struct {
	schemas, status, scimType, detail span
	extensions                        map[string]json.RawMessage
}

// scan scans the object at s.pos, which it validates as scanner.object
// does, and records its members.
func (m *scimMembers) scan(s *scanner) bool {
	s.pos++ // {
	s.skipSpace()
	if s.pos < len(s.doc) && s.doc[s.pos] == '}' {
		s.pos++
		return true
	}
	for {
		if s.pos >= len(s.doc) || s.doc[s.pos] != '"' {
			return false
		}
		keyStart := s.pos
		if !s.string() {
			return false
		}
		key := s.doc[keyStart+1 : s.pos-1]
		if !s.ascii && !plain(key) {
			key = unquote(key)
		}
		s.skipSpace()
		if s.pos >= len(s.doc) || s.doc[s.pos] != ':' {
			return false
		}
		s.pos++
		s.skipSpace()
		start := s.pos
		if start >= len(s.doc) {
			return false
		}
		kind := s.doc[start]
		if !s.value(0, 1) {
			return false
		}
		if kind != '{' && kind != '[' && kind != '"' && kind != 't' && kind != 'f' && kind != 'n' {
			kind = '0'
		}
		v := span{start: start, end: s.pos, kind: kind, ascii: kind == '"' && s.ascii}
		switch string(key) {
		case "schemas":
			m.schemas = v
		case "status":
			m.status = v
		case "scimType":
			m.scimType = v
		case "detail":
			m.detail = v
		default:
			if len(key) > 4 && bytes.EqualFold(key[:4], []byte("urn:")) && string(key) != SCIMErrorSchema {
				if m.extensions == nil {
					m.extensions = map[string]json.RawMessage{}
				}
				m.extensions[string(key)] = rawValue(s.doc, v)
			}
		}
		s.skipSpace()
		if s.pos >= len(s.doc) {
			return false
		}
		switch s.doc[s.pos] {
		case ',':
			s.pos++
			s.skipSpace()
		case '}':
			s.pos++
			return true
		default:
			return false
		}
	}
}

// decodeSchemas decodes "schemas" as encoding/json decodes it into a
// []string: an array whose elements are strings or null (""). The body
// is valid JSON, so the elements need no checks.
func (out *SCIM) decodeSchemas(body []byte, v span) bool {
	if v.kind != '[' {
		return false
	}
	s := scanner{doc: body[:v.end], pos: v.start + 1}
	schemas := make([]string, 0, 1)
	s.skipSpace()
	for s.doc[s.pos] != ']' {
		start := s.pos
		kind := s.doc[start]
		s.value(0, 1)
		switch kind {
		case '"':
			schemas = append(schemas, valueText(body, span{start: start, end: s.pos, kind: '"', ascii: s.ascii}))
		case 'n':
			schemas = append(schemas, "")
		default:
			return false
		}
		s.skipSpace()
		if s.doc[s.pos] == ',' {
			s.pos++
			s.skipSpace()
		}
	}
	out.Schemas = schemas
	return true
}

// scimStatus reads "status": a JSON number that is an integer, or a
// string of decimal digits, between 100 and 599.
func scimStatus(body []byte, v span) (int, bool) {
	digits := body[v.start:v.end]
	if v.kind == '"' {
		digits = valueBytes(body, v)
	}
	if len(digits) != 3 {
		return 0, false
	}
	n := 0
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, 100 <= n && n <= 599
}

// show is a raw JSON value for an error message: on one line and at most
// 40 bytes.
func show(raw []byte) string {
	s := OneLine(string(bytes.TrimSpace(raw)))
	if len(s) > 40 {
		cut := 40
		for cut > 0 && s[cut]&0xc0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// SCIMStatusIs reports whether code is status written in decimal, as the
// code of a SCIM error without scimType is. It does not allocate.
func SCIMStatusIs(code string, status int) bool {
	if status == 0 {
		return false
	}
	var buf [20]byte
	return code == string(strconv.AppendInt(buf[:0], int64(status), 10))
}
