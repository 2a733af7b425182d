package openapi

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/errgen/errgen/catalog"
)

// maxDepth bounds how deep below the body the code field is looked for,
// and how deeply composed schemas are followed; schemas may be recursive.
const maxDepth = 4

// shape is what one error body schema says: body pointers of code,
// message and request ID, the codes it declares and its examples.
type shape struct {
	code, message, requestID string
	decls                    []decl
	examples                 []schemaExample
	// at is where the schema is (or the media type, for a shape found
	// in examples); score is the chosen code field's (0 when given).
	at    loc
	score float64
	// explain says why the fields were chosen, and what else was
	// weighed (Result.Explain).
	explain []string
	// statuses are the response keys the schema is used under, in
	// order of first use; uses counts the responses.
	statuses []status
	uses     int
}

// decl is a code a schema declares (enum or const), with what the schema
// says about it.
type decl struct {
	value, at         string
	name, title, desc string
}

// schemaExample is an example written on a schema rather than on the
// response, as the body it stands for.
type schemaExample struct {
	value any
	at    loc
	// sample is true for the example of the code property alone: a
	// sample of the field's format rather than a documented error.
	sample bool
}

// prop is one property of an object schema, with all of allOf, oneOf
// and anyOf merged in.
type prop struct {
	name     string
	schema   *openapi3.Schema
	at       loc
	required bool
}

func deref(r *openapi3.SchemaRef, at loc) loc {
	if r.Ref != "" {
		return at.ref(r.Ref)
	}
	return at
}

// props lists the properties of s in document order: its own, then those
// of its allOf, oneOf and anyOf members that it does not have itself.
//
// The first schema to give a name wins, in a depth-first walk of the
// members down to maxDepth. Members repeat ($refs to one schema, allOf
// of allOf), so that walk, followed path by path, enters the last
// schema of a chain k⁴ times for k $refs per level: a 14 KB document
// took minutes. A schema already walked to completion at the same or a
// smaller depth gave every name its subtree holds (within the smaller
// depth's larger budget) before, so entering it again adds nothing and
// is skipped; each schema is entered at most once per depth, and the
// order and origin of the properties are those of the full walk. A
// schema still being walked (a cycle back to an ancestor) is entered
// again, deeper, as the full walk does, since its later members have
// not given their names yet.
func (p *parser) props(s *openapi3.Schema, at loc) []prop {
	var out []prop
	seen := map[string]bool{}
	done := map[schemaAt]int{} // smallest depth at which a walk completed
	var add func(s *openapi3.Schema, at loc, depth int)
	add = func(s *openapi3.Schema, at loc, depth int) {
		if s == nil || depth > maxDepth {
			return
		}
		key := schemaAt{s, at}
		if d, ok := done[key]; ok && d <= depth {
			return
		}
		if testVisit != nil {
			testVisit()
		}
		for _, name := range ordered(s.Properties, func(k string, v *openapi3.SchemaRef) int {
			return p.pos(v.Origin, at.child("properties", k))
		}) {
			r := s.Properties[name]
			if seen[name] || r == nil || r.Value == nil {
				continue
			}
			seen[name] = true
			out = append(out, prop{name, r.Value, deref(r, at.child("properties", name)), slices.Contains(s.Required, name)})
		}
		for _, kw := range []struct {
			name    string
			members openapi3.SchemaRefs
		}{{"allOf", s.AllOf}, {"oneOf", s.OneOf}, {"anyOf", s.AnyOf}} {
			for i, m := range kw.members {
				if m != nil && m.Value != nil {
					add(m.Value, deref(m, at.child(kw.name, strconv.Itoa(i))), depth+1)
				}
			}
		}
		if d, ok := done[key]; !ok || depth < d {
			done[key] = depth
		}
	}
	add(s, at, 0)
	return out
}

// schemaAt is a schema where the walk found it: the same schema at
// another place gives its properties other origins.
type schemaAt struct {
	s  *openapi3.Schema
	at loc
}

// testVisit, when set by a test, is called each time props or decls
// enters a schema, to count the work a document costs.
var testVisit func()

// schemaType is the JSON type a schema documents, "" when none.
func schemaType(s *openapi3.Schema) string {
	for depth := 0; s != nil && depth <= maxDepth; depth++ {
		if s.Type != nil {
			for _, t := range s.Type.Slice() {
				if t != "null" {
					return t
				}
			}
		}
		switch {
		case len(s.Properties) > 0:
			return "object"
		case s.Items != nil:
			return "array"
		case len(s.AllOf) > 0 && s.AllOf[0] != nil:
			s = s.AllOf[0].Value
		default:
			return ""
		}
	}
	return ""
}

// items is the element schema of an array schema, looking through allOf.
func items(s *openapi3.Schema, at loc) (*openapi3.Schema, loc, bool) {
	for depth := 0; s != nil && depth <= maxDepth; depth++ {
		if s.Items != nil && s.Items.Value != nil {
			return s.Items.Value, deref(s.Items, at.child("items")), true
		}
		if len(s.AllOf) == 0 || s.AllOf[0] == nil {
			break
		}
		at = deref(s.AllOf[0], at.child("allOf", "0"))
		s = s.AllOf[0].Value
	}
	return nil, loc{}, false
}

// scalarField reports whether a property can hold a code or message: a
// string or number, or of no documented type.
func scalarField(s *openapi3.Schema) bool {
	switch schemaType(s) {
	case "", "string", "integer", "number":
		return true
	}
	return false
}

func pick(ps []prop, names []string, ok func(prop) bool) (prop, bool) {
	for _, n := range names {
		for _, pr := range ps {
			if pr.name == n && ok(pr) {
				return pr, true
			}
		}
	}
	return prop{}, false
}

func scalarProp(pr prop) bool { return scalarField(pr.schema) }

// level is one object of the body schema being searched for a code.
type level struct {
	s     *openapi3.Schema
	at    loc
	body  string // its pointer into the body
	depth int
}

// shape analyses the body schema s of an error response at at, once per
// schema. With an explicit code pointer it follows that; otherwise it
// scores every scalar field of the body as the code (see score) and
// takes the best.
func (p *parser) shape(s *openapi3.Schema, at loc) *shape {
	if sh, ok := p.shapes[s]; ok {
		return sh
	}
	if p.shapes == nil {
		p.shapes = map[*openapi3.Schema]*shape{}
		p.shapeAt = map[loc]*shape{}
	}
	// kin-openapi loads a file once per document that $refs it: the
	// same schema may come as several values, one place.
	if sh, ok := p.shapeAt[at]; ok {
		p.shapes[s] = sh
		return sh
	}
	sh := &shape{at: at}
	p.shapes[s] = sh
	p.shapeAt[at] = sh

	var container *level
	var codeSchema *openapi3.Schema
	var codeAt loc
	if p.opts.CodePointer != "" {
		sh.code, sh.message = p.opts.CodePointer, p.opts.MessagePointer
		container, codeSchema, codeAt = p.follow(s, at, sh.code)
		if codeSchema == nil {
			p.warn(at, "the error schema has no property at %s, the code pointer, so it declares no codes; examples are still read", sh.code)
		}
		if sh.message == "" && container != nil {
			if m, ok := pickMessage(p.props(container.s, container.at), ""); ok {
				sh.message = container.body + "/" + escape(m.name)
			}
		}
		sh.explain = append(sh.explain, "code "+sh.code+" (as given)")
	} else {
		best, lv, pr := p.chooseCode(s, at, sh)
		if best != nil {
			container = lv
			sh.code = best.ptr
			sh.score = best.score
			codeSchema, codeAt = pr.schema, pr.at
			sh.message = p.opts.MessagePointer
			if sh.message == "" {
				if m, ok := pickMessage(p.props(lv.s, lv.at), pr.name); ok {
					sh.message = lv.body + "/" + escape(m.name)
				}
			}
		}
	}
	if sh.code == "" {
		return sh
	}

	// The request ID: at the top of the body, or beside a code that is
	// not in an array.
	root := p.props(s, at)
	if r, ok := pick(root, requestIDNames, scalarProp); ok {
		sh.requestID = "/" + escape(r.name)
	} else if container != nil && container.body != "" && !strings.Contains(container.body, "*") {
		if r, ok := pick(p.props(container.s, container.at), requestIDNames, scalarProp); ok {
			sh.requestID = container.body + "/" + escape(r.name)
		}
	}
	p.addShape(catalog.Shape{Code: sh.code, Message: sh.message, RequestID: sh.requestID})
	p.addFields(root, container, sh)

	if codeSchema != nil {
		sh.decls = p.decls(codeSchema, codeAt)
	}
	sh.examples = schemaExamples(s, at)
	if container != nil && container.body != "" {
		// An example on the object that holds the code, or on the code
		// property itself, documents one element of the body.
		for _, ex := range schemaExamples(container.s, container.at) {
			sh.examples = append(sh.examples, schemaExample{value: wrap(container.body, ex.value), at: ex.at})
		}
	}
	if codeSchema != nil && codeSchema.Example != nil {
		frag := map[string]any{lastToken(sh.code): codeSchema.Example}
		if sh.message != "" && container != nil {
			for _, pr := range p.props(container.s, container.at) {
				if "/"+escape(pr.name) == strings.TrimPrefix(sh.message, container.body) && pr.schema.Example != nil {
					frag[pr.name] = pr.schema.Example
				}
			}
		}
		body := parentPointer(sh.code)
		if container != nil {
			body = container.body
		}
		// A value on the code property alone is a sample of the field's
		// format (see result).
		sh.examples = append(sh.examples, schemaExample{wrap(body, frag), codeAt.child("example"), true})
	}
	return sh
}

// follow walks an explicit body pointer through the schema: the level
// that holds the last token, and the schema there; nils where the schema
// does not document the path.
func (p *parser) follow(s *openapi3.Schema, at loc, ptr string) (*level, *openapi3.Schema, loc) {
	toks := splitPointer(ptr)
	lv := level{s, at, "", 0}
	for i, t := range toks {
		if t == "*" {
			is, iat, ok := items(lv.s, lv.at)
			if !ok {
				return nil, nil, loc{}
			}
			lv = level{is, iat, lv.body + "/*", i + 1}
			continue
		}
		var next *prop
		for _, pr := range p.props(lv.s, lv.at) {
			if pr.name == t {
				next = &pr
				break
			}
		}
		if next == nil {
			return nil, nil, loc{}
		}
		if i == len(toks)-1 {
			return &lv, next.schema, next.at
		}
		lv = level{next.schema, next.at, lv.body + "/" + escape(t), i + 1}
	}
	return nil, nil, loc{}
}

func lastToken(ptr string) string {
	toks := splitPointer(ptr)
	if len(toks) == 0 {
		return ""
	}
	return toks[len(toks)-1]
}

func parentPointer(ptr string) string {
	if i := strings.LastIndexByte(ptr, '/'); i >= 0 {
		return ptr[:i]
	}
	return ""
}

// wrap nests a fragment at a body pointer, so that the body pointers read
// it: {"code": …} at /errors/* becomes {"errors": [{"code": …}]}.
func wrap(body string, v any) any {
	toks := splitPointer(body)
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i] == "*" {
			v = []any{v}
		} else {
			v = map[string]any{toks[i]: v}
		}
	}
	return v
}

func schemaExamples(s *openapi3.Schema, at loc) []schemaExample {
	var out []schemaExample
	if s.Example != nil {
		out = append(out, schemaExample{value: s.Example, at: at.child("example")})
	}
	for i, ex := range s.Examples {
		if ex != nil {
			out = append(out, schemaExample{value: ex, at: at.child("examples", strconv.Itoa(i))})
		}
	}
	return out
}

func (p *parser) addShape(s catalog.Shape) {
	if !slices.Contains(p.envelope, s) {
		p.envelope = append(p.envelope, s)
	}
}

// addFields records the documented fields of a body besides code,
// message and request ID: those at the top, and those beside the code
// when it sits in an object that is no array element.
func (p *parser) addFields(root []prop, container *level, sh *shape) {
	skip := map[string]bool{}
	for _, ptr := range []string{sh.code, sh.message, sh.requestID} {
		if toks := splitPointer(ptr); len(toks) > 0 {
			skip["/"+escape(toks[0])] = true
			skip[ptr] = true
		}
	}
	add := func(ps []prop, prefix string) {
		for _, pr := range ps {
			ptr := prefix + "/" + escape(pr.name)
			if skip[ptr] || p.fieldAt[ptr] {
				continue
			}
			if p.fieldAt == nil {
				p.fieldAt = map[string]bool{}
			}
			p.fieldAt[ptr] = true
			p.fields = append(p.fields, catalog.Field{Name: pr.name, Pointer: ptr, Type: schemaType(pr.schema), Required: pr.required, Description: pr.schema.Description})
		}
	}
	add(root, "")
	if container != nil && container.body != "" && !strings.Contains(container.body, "*") {
		add(p.props(container.s, container.at), container.body)
	}
}

// Extensions that name and describe enum values, as code generators
// write them.
var (
	varnameExts     = []string{"x-enum-varnames", "x-enumNames", "x-enum-names"}
	descriptionExts = []string{"x-enum-descriptions", "x-enumDescriptions"}
)

// decls lists the codes the code property's schema declares, once per
// schema: enum values (named and described by x-enum-varnames and
// x-enum-descriptions), const, and the same in its oneOf, anyOf and allOf
// members, where a member with one value lends it its title and
// description. A value listed twice is reported and kept once.
func (p *parser) decls(s *openapi3.Schema, at loc) []decl {
	if ds, ok := p.enums[s]; ok {
		return ds
	}
	if p.enums == nil {
		p.enums = map[*openapi3.Schema][]decl{}
	}
	// As in props, a member schema walked to completion at the same or
	// a smaller depth is not walked again: it would only repeat the
	// declarations it gave, at the same places, and a fan-out of $refs
	// would repeat them k⁴ times. A declaration reached twice at the same
	// place is one declaration (see below).
	var all []decl
	done := map[schemaAt]int{}
	var collect func(s *openapi3.Schema, at loc, depth int)
	collect = func(s *openapi3.Schema, at loc, depth int) {
		if s == nil || depth > maxDepth {
			return
		}
		key := schemaAt{s, at}
		if d, ok := done[key]; ok && d <= depth {
			return
		}
		defer func() {
			if d, ok := done[key]; !ok || depth < d {
				done[key] = depth
			}
		}()
		if testVisit != nil {
			testVisit()
		}
		single := len(s.Enum)+btoi(s.Const != nil) == 1
		if len(s.Enum) > 0 {
			names := stringList(s.Extensions, varnameExts)
			descs, descMap := descriptions(s.Extensions)
			for i, v := range s.Enum {
				val, ok := scalar(v)
				if !ok {
					if v != nil {
						p.warn(at.child("enum", strconv.Itoa(i)), "enum value is a %s; want a string or number code", jsonType(v))
					}
					continue
				}
				d := decl{value: val, at: at.child("enum", strconv.Itoa(i)).String()}
				if i < len(names) {
					d.name = names[i]
				}
				if i < len(descs) {
					d.desc = descs[i]
				} else if t, ok := descMap[val]; ok {
					d.desc = t
				}
				if single {
					d.title = s.Title
					d.desc = cmp.Or(d.desc, s.Description)
				}
				all = append(all, d)
			}
		}
		if s.Const != nil {
			if val, ok := scalar(s.Const); ok {
				d := decl{value: val, at: at.child("const").String()}
				if single {
					d.title, d.desc = s.Title, s.Description
				}
				all = append(all, d)
			}
		}
		for _, kw := range []struct {
			name    string
			members openapi3.SchemaRefs
		}{{"oneOf", s.OneOf}, {"anyOf", s.AnyOf}, {"allOf", s.AllOf}} {
			for i, m := range kw.members {
				if m != nil && m.Value != nil {
					collect(m.Value, deref(m, at.child(kw.name, strconv.Itoa(i))), depth+1)
				}
			}
		}
	}
	collect(s, at, 0)

	first := make(map[string]int, len(all))
	out := make([]decl, 0, len(all))
	var again map[int][]string // index in out → where it is repeated
	// The same enum reached through two members (oneOf and allOf of one
	// $ref, or a cycle walked again deeper) declares its values once:
	// a repeat is a value written at another place.
	type valueAt struct{ value, at string }
	placed := make(map[valueAt]bool, len(all))
	for _, d := range all {
		if placed[valueAt{d.value, d.at}] {
			continue
		}
		placed[valueAt{d.value, d.at}] = true
		i, seen := first[d.value]
		if !seen {
			first[d.value] = len(out)
			out = append(out, d)
			continue
		}
		if again == nil {
			again = map[int][]string{}
		}
		again[i] = append(again[i], p.where(d.at))
	}
	for i, d := range out {
		rest := again[i]
		if len(rest) == 0 {
			continue
		}
		// Repeats in the same enum are named by their index.
		parent := parentPointer(p.where(d.at)) + "/"
		short := make([]string, len(rest))
		for j, r := range rest {
			if idx, ok := strings.CutPrefix(r, parent); ok && !strings.Contains(idx, "/") {
				short[j] = idx
			} else {
				short = nil
				break
			}
		}
		again := "again at " + strings.Join(rest, ", ")
		if short != nil {
			again = "again at index " + strings.Join(short, ", ")
		}
		p.report.Warn(p.file, p.where(d.at), "code %q is declared %d times (%s); errgen keeps the first", d.value, len(rest)+1, again)
	}
	p.enums[s] = out
	return out
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func stringList(ext map[string]any, names []string) []string {
	for _, n := range names {
		if list, ok := ext[n].([]any); ok {
			out := make([]string, len(list))
			for i, v := range list {
				out[i], _ = scalar(v)
			}
			return out
		}
	}
	return nil
}

// descriptions reads x-enum-descriptions: a list parallel to the enum, or
// a map from value to text.
func descriptions(ext map[string]any) ([]string, map[string]string) {
	if list := stringList(ext, descriptionExts); list != nil {
		return list, nil
	}
	for _, n := range descriptionExts {
		if m, ok := ext[n].(map[string]any); ok {
			out := make(map[string]string, len(m))
			for _, k := range slices.Sorted(maps.Keys(m)) {
				out[k], _ = scalar(m[k])
			}
			return nil, out
		}
	}
	return nil, nil
}

// shapeFromExamples finds the code field in the example bodies of a media
// type whose schema has none, or that has no schema.
func (p *parser) shapeFromExamples(media *openapi3.MediaType, sh *shape, at loc) *shape {
	if p.opts.CodePointer != "" {
		if sh == nil {
			sh = &shape{code: p.opts.CodePointer, message: p.opts.MessagePointer, at: at}
			sh.explain = []string{"code " + sh.code + " (as given)"}
			p.addShape(catalog.Shape{Code: sh.code, Message: sh.message})
		}
		return sh
	}
	var values []any
	if media.Example != nil {
		values = append(values, media.Example)
	}
	for _, name := range slices.Sorted(maps.Keys(media.Examples)) {
		if ref := media.Examples[name]; ref != nil && ref.Value != nil && ref.Value.Value != nil {
			values = append(values, ref.Value.Value)
		}
	}
	if sh != nil {
		for _, ex := range sh.examples {
			values = append(values, ex.value)
		}
	}
	var explain []string
	for _, v := range values {
		best, message, requestID, why := detect(v)
		if best == nil {
			if explain == nil {
				explain = why
			}
			continue
		}
		if p.opts.MessagePointer != "" {
			message = p.opts.MessagePointer
		}
		out := &shape{code: best.ptr, message: message, requestID: requestID, at: at, score: best.score}
		out.explain = append([]string{"in the examples: " + why[0]}, why[1:]...)
		if sh != nil {
			out.examples = sh.examples
		}
		p.addShape(catalog.Shape{Code: out.code, Message: out.message, RequestID: out.requestID})
		return out
	}
	if sh == nil && len(values) > 0 {
		sh = &shape{at: at, explain: append([]string{"in the examples: " + explain[0]}, explain[1:]...)}
	}
	return sh
}
