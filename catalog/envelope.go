package catalog

import "slices"

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
	// RFC 7644 §3.12: the status (a number, or a string on some servers)
	// is the code and detail the message.
	"scim": {
		Shapes: []Shape{{Code: "/status", Message: "/detail"}},
	},
}

// NamedEnvelope returns the envelope a config calls name.
func NamedEnvelope(name string) (Envelope, bool) {
	e, ok := namedEnvelopes[name]
	e.Shapes = slices.Clone(e.Shapes)
	return e, ok
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
