package openapi

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/mdtext"
)

// The SCIM envelope (RFC 7644 §3.12) has two codes: scimType when the body
// has one, else status. Its schema and examples differ from other
// envelopes' in three ways: status is the HTTP status, a string of digits
// as the RFC writes it or a number as some providers send it, never one of
// the codes the responses narrow; an entry's example is the documented
// example body when the catalog has one; and the envelope's extensions,
// objects under a schema URN, are properties of the body.

// scimSchema adapts the tree of a SCIM envelope: status becomes the
// status, and each extension and its fields become properties.
func scimSchema(root *node, env catalog.Envelope, add func(where, ptr, role, typ, desc string) error) error {
	if !env.Is("scim") {
		return nil
	}
	if sl := root.props["status"]; sl != nil && sl.n.kind == "value" {
		sl.n.role = roleStatus
	}
	if root.props["schemas"] == nil {
		// Every SCIM error lists its schemas; examples show them.
		if err := add("/envelope", "/schemas", roleField, "array", "The schema URIs of the body: urn:ietf:params:scim:api:messages:2.0:Error, and those of its extensions."); err != nil {
			return err
		}
	}
	esc := strings.NewReplacer("~", "~0", "/", "~1")
	for i, x := range env.Extensions {
		at := "/envelope/extensions/" + strconv.Itoa(i)
		desc := x.Description
		if len(x.Aliases) > 0 {
			desc = strings.TrimSpace(desc + "\nAlso documented as " + strings.Join(x.Aliases, ", ") + ".")
		}
		base := "/" + esc.Replace(x.URN)
		if err := add(at, base, roleField, "object", desc); err != nil {
			return err
		}
		for j, f := range x.Fields {
			if err := add(at+"/fields/"+strconv.Itoa(j), base+f.Pointer, roleField, f.Type, f.Description); err != nil {
				return err
			}
		}
	}
	return nil
}

// statusSchema is SCIM's status.
func statusSchema(desc string) *yNode {
	s := mapping()
	if desc == "" {
		desc = "The HTTP status code: a JSON string of digits, as RFC 7644 §3.12 requires, or a number, as some providers send it."
	}
	s.add("description", str(mdtext.Description(desc)))
	any := seq()
	digits := mapping()
	digits.add("type", str("string"))
	digits.add("pattern", str("^[1-5][0-9][0-9]$"))
	number := mapping()
	number.add("type", str("integer"))
	any.Content = append(any.Content, digits.yNode, number.yNode)
	s.add("anyOf", any)
	return s.yNode
}

// scimExample is the example body of a SCIM error: the first documented
// example of the entry whose detail is the entry's message (a real body
// the vendor shows), or else the error schema, the scimType (a code that
// is not the status), the detail (the message template) and the status as
// a string, plus the zero value of each other required field.
func scimExample(env catalog.Envelope, e catalog.Entry) any {
	for _, x := range e.Examples {
		var v any
		dec := json.NewDecoder(strings.NewReader(x.Body))
		dec.UseNumber()
		if dec.Decode(&v) != nil {
			continue
		}
		if o, ok := ordered(v).(*obj); ok && o.vals["detail"] != nil && *o.vals["detail"] == any(e.Message) {
			return o
		}
	}
	var v any
	set(&v, "/schemas", []any{catalog.SCIMErrorSchema})
	status := strconv.Itoa(e.Status)
	if e.Code != status {
		set(&v, "/scimType", e.Code)
	}
	if e.Message != "" {
		set(&v, "/detail", e.Message)
	}
	if e.Status != 0 {
		set(&v, "/status", status)
	}
	for _, f := range env.Fields {
		if f.Required && !has(v, f.Pointer) {
			set(&v, f.Pointer, zero(f.Type))
		}
	}
	return v
}

// ordered turns decoded JSON into the values toNode and writeJSON take,
// object keys sorted.
func ordered(v any) any {
	switch v := v.(type) {
	case map[string]any:
		o := &obj{vals: map[string]*any{}}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			x := ordered(v[k])
			o.keys = append(o.keys, k)
			o.vals[k] = &x
		}
		return o
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = ordered(x)
		}
		return out
	}
	return v
}
