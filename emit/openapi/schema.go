package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/mdtext"
)

// Roles of a value in the error body.
const (
	roleCode      = "code"
	roleMessage   = "message"
	roleRequestID = "request_id"
	roleField     = "field"
	// roleStatus is SCIM's status: a code of the envelope, but the HTTP
	// status rather than one of ErrorCode.
	roleStatus = "status"
)

// node is one place in the error body: an object, an array ("*") or a
// value.
type node struct {
	kind     string // "object", "array" or "value"
	role     string // of a value
	typ      string // JSON type of a documented field, "" when undocumented
	desc     string // of a documented field
	keys     []string
	props    map[string]*slot
	items    *node
	required []string // keys every layout has (documented required fields)
	// codeSet is, for a code value, the index of its shape's CodePrefix
	// in codePrefixes: which ErrorCode schema it is.
	codeSet int
	// where names the pointer that created the node, for messages.
	where string
}

// slot holds an object's property, nil until a pointer reaches it.
type slot struct{ n *node }

// bodySchema builds the tree of c's envelope.
func bodySchema(c *catalog.Catalog) (*node, error) {
	env := c.Envelope
	if len(env.Shapes) == 0 {
		return nil, &catalog.Diagnostic{File: c.Source.File, Where: "/envelope/shapes",
			Message: "the envelope has no shape: want at least one, with a code pointer such as \"/error_code\""}
	}
	var root *node
	fail := func(where, format string, args ...any) error {
		return &catalog.Diagnostic{File: c.Source.File, Where: where, Message: fmt.Sprintf(format, args...)}
	}
	if err := checkPrefixes(c, fail); err != nil {
		return nil, err
	}
	var reached *node // the value add reached last
	add := func(where, ptr, role, typ, desc string) error {
		reached = nil
		toks, ok := catalog.SplitPointer(ptr)
		if !ok {
			return fail(where, "%q is not a JSON pointer: want \"\" or \"/\"-separated tokens such as \"/error/code\", with ~ written ~0 and / written ~1", ptr)
		}
		at := &root
		for i, t := range toks {
			kind := "object"
			if t == "*" {
				kind = "array"
			}
			n := *at
			if n == nil {
				n = &node{kind: kind, where: where}
				*at = n
			}
			if n.kind == "value" && n.role == roleField && (n.typ == kind || n.typ == "") {
				// A documented field that the shapes look into.
				n.kind, n.role = kind, ""
			}
			if n.kind != kind {
				return fail(where, "%q needs %s to be %s, but %s makes it %s", ptr, prefix(toks[:i]), article(kind), n.where, article(n.kind))
			}
			if kind == "array" {
				at = &n.items
				continue
			}
			if n.props == nil {
				n.props = map[string]*slot{}
			}
			sl, ok := n.props[t]
			if !ok {
				sl = &slot{}
				n.keys = append(n.keys, t)
				n.props[t] = sl
			}
			at = &sl.n
		}
		leaf := *at
		switch {
		case leaf == nil:
			*at = &node{kind: "value", role: role, typ: typ, desc: desc, where: where}
		case leaf.kind != "value" && role == roleField && (typ == leaf.kind || typ == ""):
			// A documented object or array the shapes look into.
			leaf.desc = desc
		case leaf.kind != "value":
			return fail(where, "%q is %s's value, but %s makes it %s", ptr, role, leaf.where, article(leaf.kind))
		case role == roleField && leaf.role != roleField:
			// A documented field that is a shape's code or message:
			// its description documents that.
			leaf.desc = desc
		case leaf.role != role:
			return fail(where, "%q is the %s here, but %s makes it the %s: one property cannot be both", ptr, role, leaf.where, leaf.role)
		}
		reached = *at
		return nil
	}
	prefixes := codePrefixes(env.Shapes)
	for i, s := range env.Shapes {
		at := fmt.Sprintf("/envelope/shapes/%d", i)
		if s.Code == "" {
			return nil, fail(at+"/code", "the shape has no code pointer: want a JSON pointer such as \"/error_code\"")
		}
		for _, p := range []struct{ role, ptr string }{{roleCode, s.Code}, {roleMessage, s.Message}, {roleRequestID, s.RequestID}} {
			if p.ptr == "" {
				continue
			}
			if err := add(at+"/"+p.role, p.ptr, p.role, "", ""); err != nil {
				return nil, err
			}
			if p.role != roleCode {
				continue
			}
			set := slices.Index(prefixes, s.CodePrefix)
			if reached.where != at+"/code" && reached.codeSet != set {
				return nil, fail(at+"/code_prefix", "code pointer %q has the code prefix %q here, but %s gives it %q: a property's codes are sent one way", s.Code, s.CodePrefix, reached.where, prefixes[reached.codeSet])
			}
			reached.codeSet = set
		}
	}
	for i, f := range env.Fields {
		at := fmt.Sprintf("/envelope/fields/%d", i)
		if err := add(at+"/pointer", f.Pointer, roleField, f.Type, f.Description); err != nil {
			return nil, err
		}
		if f.Required {
			toks, _ := catalog.SplitPointer(f.Pointer)
			root.require(toks)
		}
	}
	if err := scimSchema(root, env, add); err != nil {
		return nil, err
	}
	return root, nil
}

// codePrefixes lists the distinct CodePrefix of shapes ("" for none) in
// order of first appearance: the code sets Emit writes an ErrorCode
// schema for (see codeSetName).
func codePrefixes(shapes []catalog.Shape) []string {
	var out []string
	for _, s := range shapes {
		if !slices.Contains(out, s.CodePrefix) {
			out = append(out, s.CodePrefix)
		}
	}
	return out
}

// codeSetName is the suffix of the schemas of code set i: "" for the
// first, then "2", "3", ….
func codeSetName(i int) string {
	if i == 0 {
		return ""
	}
	return strconv.Itoa(i + 1)
}

// carries reports whether a shape with CodePrefix prefix can carry the
// documented code: any code without a prefix, one that starts with it
// and goes beyond with one.
func carries(prefix, code string) bool {
	return prefix == "" || len(code) > len(prefix) && strings.HasPrefix(code, prefix)
}

// jsonInteger is what a code without its prefix is when a body sends it
// as a JSON number.
var jsonInteger = regexp.MustCompile(`^(0|[1-9][0-9]{0,17})$`)

// sent is the value a body whose shape has CodePrefix prefix sends for
// the documented code: without the prefix, a JSON number when what is
// left is an integer (Entra's 70011 for AADSTS70011), else a string.
// Without a prefix it is the code, a string.
func sent(prefix, code string) any {
	if prefix == "" {
		return code
	}
	v := strings.TrimPrefix(code, prefix)
	if jsonInteger.MatchString(v) {
		return json.Number(v)
	}
	return v
}

// checkPrefixes reports a shape's CodePrefix that is not printable text
// or that no documented code has, and a code that no shape can carry.
func checkPrefixes(c *catalog.Catalog, fail func(where, format string, args ...any) error) error {
	shapes := c.Envelope.Shapes
	for i, s := range shapes {
		if s.CodePrefix == "" {
			continue
		}
		at := fmt.Sprintf("/envelope/shapes/%d/code_prefix", i)
		if msg := catalog.CheckCodePrefix(s.CodePrefix); msg != "" {
			return fail(at, "code prefix %q: %s", s.CodePrefix, msg)
		}
		if !slices.ContainsFunc(c.Entries, func(e catalog.Entry) bool { return carries(s.CodePrefix, e.Code) }) {
			return fail(at, "code prefix %q: no documented code starts with it, so this shape can never give a documented code; want the text the documentation writes before the codes the body sends, such as \"AADSTS\" for AADSTS70011", s.CodePrefix)
		}
	}
	for _, e := range c.Entries {
		if !slices.ContainsFunc(shapes, func(s catalog.Shape) bool { return carries(s.CodePrefix, e.Code) }) {
			return fail("/envelope/shapes", "code %q: every shape has a code prefix it does not start with, so no body can carry it; want a shape without code_prefix for it", e.Code)
		}
	}
	return nil
}

// require marks the path toks as present in every body.
func (n *node) require(toks []string) {
	for _, t := range toks {
		if n == nil {
			return
		}
		if t == "*" {
			n = n.items
			continue
		}
		if !contains(n.required, t) {
			n.required = append(n.required, t)
		}
		if sl := n.props[t]; sl != nil {
			n = sl.n
		} else {
			n = nil
		}
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func prefix(toks []string) string {
	if len(toks) == 0 {
		return "the body"
	}
	return fmt.Sprintf("%q", "/"+strings.Join(escapeAll(toks), "/"))
}

func article(kind string) string {
	switch kind {
	case "object":
		return "an object"
	case "array":
		return "an array"
	}
	return "a value"
}

func escapeAll(toks []string) []string {
	out := make([]string, len(toks))
	r := strings.NewReplacer("~", "~0", "/", "~1")
	for i, t := range toks {
		out[i] = r.Replace(t)
	}
	return out
}

// schema returns the JSON schema of n. At the root, shapes are the
// envelope's layouts: with several, the body must have one layout's code
// (an anyOf); with one, its code is required outright.
func (n *node) schema(shapes []catalog.Shape) *yNode {
	if len(shapes) == 1 {
		toks, _ := catalog.SplitPointer(shapes[0].Code)
		n.require(toks)
	}
	s := mapping()
	switch n.kind {
	case "object":
		s.add("type", str("object"))
		if n.desc != "" {
			s.add("description", str(mdtext.Description(n.desc)))
		}
		props := mapping()
		for _, k := range n.keys {
			props.add(k, n.props[k].n.schema(nil))
		}
		s.add("properties", props.yNode)
		if len(n.required) > 0 {
			s.add("required", strs(n.required))
		}
	case "array":
		s.add("type", str("array"))
		if n.desc != "" {
			s.add("description", str(mdtext.Description(n.desc)))
		}
		s.add("items", n.items.schema(nil))
		if len(n.required) > 0 {
			s.add("minItems", &yNode{Kind: yaml.ScalarNode, Tag: "!!int", Value: "1"})
		}
	}
	switch n.kind {
	case "object", "array":
		if any := layouts(shapes); any != nil {
			s.add("anyOf", any)
		}
	default:
		switch n.role {
		case roleCode:
			return ref("#/components/schemas/ErrorCode" + codeSetName(n.codeSet))
		case roleMessage:
			s.add("type", str("string"))
			desc := "The error message: one of the documented templates, with its placeholders filled in."
			if n.desc != "" {
				desc = mdtext.Description(n.desc)
			}
			s.add("description", str(desc))
		case roleRequestID:
			s.add("type", str("string"))
			s.add("description", str("The ID of the request."))
		case roleStatus:
			return statusSchema(n.desc)
		default:
			if n.typ != "" {
				s.add("type", str(n.typ))
			}
			if n.desc != "" {
				s.add("description", str(mdtext.Description(n.desc)))
			}
			if n.typ == "array" {
				// The catalog records no element type; OpenAPI wants items.
				s.add("items", mapping().yNode)
			}
		}
	}
	return s.yNode
}

// restricted is n's schema with each code value the schema at codeRef
// and its code set's suffix (codeSetName): what narrows the codes of a
// body to one status's.
func (n *node) restricted(codeRef string) *yNode {
	s := mapping()
	switch n.kind {
	case "object":
		s.add("type", str("object"))
		props := mapping()
		for _, k := range n.keys {
			// Every property is listed: linters that validate examples
			// strictly look at each allOf member on its own.
			if c := n.props[k].n; c.hasCode() {
				props.add(k, c.restricted(codeRef))
			} else {
				props.add(k, c.schema(nil))
			}
		}
		s.add("properties", props.yNode)
	case "array":
		s.add("type", str("array"))
		s.add("items", n.items.restricted(codeRef))
	default:
		return ref(codeRef + codeSetName(n.codeSet))
	}
	return s.yNode
}

// hasCode reports whether a code value lies at or under n.
func (n *node) hasCode() bool {
	switch n.kind {
	case "object":
		for _, k := range n.keys {
			if n.props[k].n.hasCode() {
				return true
			}
		}
		return false
	case "array":
		return n.items.hasCode()
	}
	return n.role == roleCode
}

// layouts returns, for a body with several shapes, the anyOf that
// requires one shape's code; nil when there is one shape.
func layouts(shapes []catalog.Shape) *yNode {
	if len(shapes) < 2 {
		return nil
	}
	any := seq()
	for _, s := range shapes {
		toks, _ := catalog.SplitPointer(s.Code)
		any.Content = append(any.Content, requirement(toks))
	}
	return any
}

// requirement is the schema that requires the path toks. Each required
// property is also listed under properties, as linters expect.
func requirement(toks []string) *yNode {
	s := mapping()
	if len(toks) == 0 {
		return s.yNode
	}
	if toks[0] == "*" {
		s.add("type", str("array"))
		s.add("minItems", &yNode{Kind: yaml.ScalarNode, Tag: "!!int", Value: "1"})
		s.add("items", requirement(toks[1:]))
		return s.yNode
	}
	s.add("required", strs([]string{toks[0]}))
	props := mapping()
	props.add(toks[0], requirement(toks[1:]))
	s.add("properties", props.yNode)
	return s.yNode
}

func strs(v []string) *yNode {
	n := seq()
	for _, s := range v {
		n.Content = append(n.Content, str(s))
	}
	return n
}

func (g *gen) exampleValue(e catalog.Entry) *yNode {
	return toNode(exampleValue(g.c.Envelope, e))
}

// exampleValue returns an example body for e: the code and message at the
// pointers of the first shape that can carry the code (see carries), the
// code as that shape sends it (see sent), and the zero value of each
// required field. A
// SCIM error's is its documented example, or one built the SCIM way (see
// scimExample).
func exampleValue(env catalog.Envelope, e catalog.Entry) any {
	if env.Is("scim") {
		return scimExample(env, e)
	}
	var v any
	s := env.Shapes[0]
	if i := slices.IndexFunc(env.Shapes, func(s catalog.Shape) bool { return carries(s.CodePrefix, e.Code) }); i >= 0 {
		s = env.Shapes[i]
	}
	set(&v, s.Code, sent(s.CodePrefix, e.Code))
	if s.Message != "" && e.Message != "" {
		set(&v, s.Message, e.Message)
	}
	for _, f := range env.Fields {
		if f.Required && !has(v, f.Pointer) {
			set(&v, f.Pointer, zero(f.Type))
		}
	}
	return v
}

func zero(typ string) any {
	switch typ {
	case "object":
		return map[string]any{}
	case "array":
		return []any{}
	case "number", "integer":
		return 0
	case "boolean":
		return false
	}
	return ""
}

// obj is an object that keeps its key order.
type obj struct {
	keys []string
	vals map[string]*any
}

// set puts val at pointer p in *v, creating objects and one-element arrays.
func set(v *any, p string, val any) {
	toks, _ := catalog.SplitPointer(p)
	at := v
	for _, t := range toks {
		if t == "*" {
			arr, _ := (*at).([]any)
			if len(arr) == 0 {
				arr = []any{nil}
				*at = arr
			}
			at = &arr[0]
			continue
		}
		o, ok := (*at).(*obj)
		if !ok {
			o = &obj{vals: map[string]*any{}}
			*at = o
		}
		if _, ok := o.vals[t]; !ok {
			o.keys = append(o.keys, t)
			o.vals[t] = new(any)
		}
		at = o.vals[t]
	}
	*at = val
}

func has(v any, p string) bool {
	toks, _ := catalog.SplitPointer(p)
	for _, t := range toks {
		if t == "*" {
			arr, _ := v.([]any)
			if len(arr) == 0 {
				return false
			}
			v = arr[0]
			continue
		}
		o, ok := v.(*obj)
		if !ok || o.vals[t] == nil {
			return false
		}
		v = *o.vals[t]
	}
	return true
}

func toNode(v any) *yNode {
	switch v := v.(type) {
	case *obj:
		m := mapping()
		for _, k := range v.keys {
			m.add(k, toNode(*v.vals[k]))
		}
		return m.yNode
	case []any:
		s := seq()
		for _, x := range v {
			s.Content = append(s.Content, toNode(x))
		}
		if len(v) == 0 {
			s.Style = yaml.FlowStyle
		}
		return s
	case map[string]any:
		return &yNode{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	case int:
		return &yNode{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)}
	case bool:
		return &yNode{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(string(v), ".eE") {
			tag = "!!float"
		}
		return &yNode{Kind: yaml.ScalarNode, Tag: tag, Value: string(v)}
	case string:
		return str(v)
	}
	return &yNode{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
}

// ExampleBody returns the example error body of e, as compact JSON with
// keys in the envelope's order: the code and message at the first shape's
// pointers and the zero value of each required documented field, the
// value of e's example component.
func ExampleBody(c *catalog.Catalog, e catalog.Entry) ([]byte, error) {
	if _, err := bodySchema(c); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	writeJSON(&b, exampleValue(c.Envelope, e))
	return b.Bytes(), nil
}

func writeJSON(b *bytes.Buffer, v any) {
	switch v := v.(type) {
	case *obj:
		b.WriteByte('{')
		for i, k := range v.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, k)
			b.WriteByte(':')
			writeJSON(b, *v.vals[k])
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, x)
		}
		b.WriteByte(']')
	case map[string]any:
		b.WriteString("{}")
	case int:
		b.WriteString(strconv.Itoa(v))
	case json.Number:
		b.WriteString(string(v))
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case string:
		s, _ := json.Marshal(strings.ToValidUTF8(v, "\uFFFD"))
		// json.Marshal escapes <, > and & for HTML; a body need not.
		s = bytes.ReplaceAll(s, []byte(`\u003c`), []byte("<"))
		s = bytes.ReplaceAll(s, []byte(`\u003e`), []byte(">"))
		s = bytes.ReplaceAll(s, []byte(`\u0026`), []byte("&"))
		b.Write(s)
	default:
		b.WriteString("null")
	}
}
