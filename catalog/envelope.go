package catalog

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// namedEnvelopes are the envelopes a config can name instead of spelling
// out their shapes.
var namedEnvelopes = map[string]Envelope{
	// Huawei Cloud services answer {"error_code","error_msg","request_id"};
	// some (ECS, ELB, IAM) answer {"error": {"code","message"}} instead.
	"huaweicloud": {
		Shapes: []Shape{
			{Code: "/error_code", Message: "/error_msg", RequestID: "/request_id"},
			{Code: "/error/code", Message: "/error/message", RequestID: "/error/request_id"},
		},
		RequestIDHeader: "X-Request-Id",
	},
	// OAuth 2.0 (RFC 6749 §5.2) and the servers built on it answer
	// {"error": "invalid_client", "error_description": "…"}: the code is
	// the error keyword. Vendors that also send a numeric code, such as
	// Microsoft Entra's "error_codes": [70011] for the documented
	// AADSTS70011, need an envelope of their own that reads it, with
	// code_prefix (see Shape).
	"oauth2": {
		Shapes: []Shape{
			{Code: "/error", Message: "/error_description"},
		},
	},
	// RFC 7644 §3.12: the code is the scimType keyword when the body has
	// one ("uniqueness"), else the status ("404", a JSON string per the
	// RFC, a number on some servers); detail is the message.
	"scim": {
		Shapes: []Shape{
			{Code: "/scimType", Message: "/detail"},
			{Code: "/status", Message: "/detail"},
		},
	},
}

// SCIMErrorSchema is the schema URI of a SCIM error response (RFC 7644
// §3.12), listed in its "schemas".
const SCIMErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error"

// NamedEnvelope returns the envelope a config calls name.
func NamedEnvelope(name string) (Envelope, bool) {
	e, ok := namedEnvelopes[name]
	e.Shapes = slices.Clone(e.Shapes)
	return e, ok
}

// Is reports whether e has the shapes and request ID header of the
// envelope a config calls name, whatever fields and extensions it
// documents besides. Emitters use it to recognise the SCIM envelope.
func (e Envelope) Is(name string) bool {
	n, ok := namedEnvelopes[name]
	return ok && e.RequestIDHeader == n.RequestIDHeader && slices.Equal(e.Shapes, n.Shapes)
}

// EnvelopeNames lists the names [NamedEnvelope] knows, sorted.
func EnvelopeNames() []string {
	names := make([]string, 0, len(namedEnvelopes))
	for n := range namedEnvelopes {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// CheckCodePrefix says why p cannot be a [Shape]'s CodePrefix, or returns
// "" when it can: a prefix is prepended to codes that constants, tables
// and messages show, so it is printable text (spaces inside only), valid
// UTF-8.
func CheckCodePrefix(p string) string {
	switch {
	case !utf8.ValidString(p):
		return "not valid UTF-8"
	case strings.IndexFunc(p, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0:
		return "control or invisible characters: want the text the documentation writes before the code, such as AADSTS"
	case strings.TrimSpace(p) != p:
		return "spaces at either end: want the text the documentation writes before the code, such as AADSTS"
	}
	return ""
}
