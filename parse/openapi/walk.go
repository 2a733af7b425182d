package openapi

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/errgen/errgen/catalog"
)

// parser holds one parse: the loaded document and what the walk found.
type parser struct {
	opts  Options
	file  string
	docs  *docs
	doc   *openapi3.T
	v2    bool
	v2pos map[string]int
	// places orders the maps of an OpenAPI 3 document.
	places keyPlaces

	report catalog.Report

	codes  []*code
	byCode map[string]*code
	// enumSeq numbers codes in the order enums declare them.
	enumSeq int

	shapes   map[*openapi3.Schema]*shape
	shapeAt  map[loc]*shape
	enums    map[*openapi3.Schema][]decl
	envelope []catalog.Shape
	fields   []catalog.Field
	fieldAt  map[string]bool

	// Error responses, and those whose bodies have no code field.
	errorResponses []*response
	codeless       int
	firstCodeless  string
	anyCode        bool
	// declared holds, for each enum and status, the operations whose
	// responses declare the enum under that status: one list shared by
	// all the enum's codes rather than a copy each.
	declared map[declaredKey]*[]catalog.Operation
	bodies   map[loc]string
	// exGroups holds the examples of each media type, read once.
	exGroups map[mediaKey][]exGroup
	// bodies in order of first use by an error response, with or
	// without a code field, for Result.Explain.
	shapeOrder []*shape
	// enumInfos says, per enum (its first declaration), what its values
	// name.
	enumInfos map[*decl]*enumInfo
	// opSeq numbers the operations in document order.
	opSeq map[catalog.Operation]int
	// statusAt warns once per pointer about example codes that are
	// HTTP statuses.
	statusAt map[string]bool
}

// enumInfo is what the values of one enum name: keyed is true when some
// name an HTTP status (bad_request, not_found, created), which makes the
// enum a list of the codes of all statuses rather than of each.
type enumInfo struct {
	keyed   bool
	success []string
}

// response is one error response of one operation, for status-only
// entries.
type response struct {
	st          status
	op          catalog.Operation
	description string
	at          loc
}

// status is a response key: a number, or a range ("4XX") or "default"
// with number 0.
type status struct {
	n   int
	rng string
}

// rank orders statuses: numbers ascending, then ranges, then default.
func (s status) rank() (int, int, string) {
	switch {
	case s.rng == "default":
		return 2, 0, ""
	case s.rng != "":
		return 1, 0, s.rng
	}
	return 0, s.n, ""
}

func compareStatus(a, b status) int {
	ga, na, ra := a.rank()
	gb, nb, rb := b.rank()
	return cmp.Or(cmp.Compare(ga, gb), cmp.Compare(na, nb), strings.Compare(ra, rb))
}

// parseStatus reads a response key; ok is false for keys that are no
// error status (1xx–3xx, 1XX–3XX, anything else).
func parseStatus(key string) (status, bool) {
	if key == "default" {
		return status{rng: "default"}, true
	}
	if len(key) == 3 && (key[1] == 'X' || key[1] == 'x') && (key[2] == 'X' || key[2] == 'x') {
		if key[0] == '4' || key[0] == '5' {
			return status{rng: key[:1] + "XX"}, true
		}
		return status{}, false
	}
	n, err := strconv.Atoi(key)
	if err != nil || len(key) != 3 || n < 400 || n > 599 {
		return status{}, false
	}
	return status{n: n}, true
}

// code is everything found about one code.
type code struct {
	value             string
	enumSeq           int // 0 for codes seen only in examples
	seq               int // order of first sight
	name, title, desc string
	at                string // where an enum declares it, else first example
	// keyed is true when an enum whose values name statuses declares
	// it; documented when an enum or a body example (not a sample)
	// shows it.
	keyed, documented bool
	// statuses are few, so a slice searched in order beats a map.
	statuses []statusInfo
}

type statusInfo struct {
	st status
	// declared are the operation lists of the enums that declare the
	// code under this status; almost always one.
	declared *[]catalog.Operation
	// rest holds the lists of any further enums.
	rest []*[]catalog.Operation
	obs  []*observation
	// media is true when an example of a response under st (not of
	// the schema) shows the code.
	media bool
	// byMessage indexes obs: a schema's examples are observed once per
	// response that uses it, so a scan of obs would cost responses ×
	// examples² for a schema with many messages.
	byMessage map[string]*observation
}

// observation is one documented (status, code, message).
type observation struct {
	message  string
	ops      []catalog.Operation
	examples []catalog.Example
	// has indexes examples, for the same reason as byMessage.
	has map[catalog.Example]bool
	at  string
	// sample is true while only samples (the code property's own
	// example) show it.
	sample bool
}

func (p *parser) code(value, at string) *code {
	if c, ok := p.byCode[value]; ok {
		return c
	}
	if p.byCode == nil {
		p.byCode = map[string]*code{}
	}
	c := &code{value: value, seq: len(p.codes), at: at}
	p.byCode[value] = c
	p.codes = append(p.codes, c)
	return c
}

// status returns the record of st, valid until the next call.
func (c *code) status(st status) *statusInfo {
	for i := range c.statuses {
		if c.statuses[i].st == st {
			return &c.statuses[i]
		}
	}
	if c.statuses == nil {
		c.statuses = make([]statusInfo, 0, 4)
	}
	c.statuses = append(c.statuses, statusInfo{st: st})
	return &c.statuses[len(c.statuses)-1]
}

// declaredKey names the operations list of one enum (by its first
// declaration) under one status.
type declaredKey struct {
	enum *decl
	st   status
}

// declaredOps is the operations list of an enum-only entry: the shared
// list, clipped so that appending to it copies, or the lists of several
// enums joined.
func declaredOps(first *[]catalog.Operation, rest []*[]catalog.Operation) []catalog.Operation {
	if len(rest) == 0 {
		return slices.Clip(*first)
	}
	var out []catalog.Operation
	for _, l := range append([]*[]catalog.Operation{first}, rest...) {
		for _, op := range *l {
			if !slices.Contains(out, op) {
				out = append(out, op)
			}
		}
	}
	return out
}

// addOp adds op to ops once. The walk visits one operation at a time, so
// an operation already in ops is its last element.
func addOp(ops []catalog.Operation, op catalog.Operation) []catalog.Operation {
	// A response read from components alone belongs to no operation.
	if op == (catalog.Operation{}) || len(ops) > 0 && ops[len(ops)-1] == op {
		return ops
	}
	return append(ops, op)
}

// pos is where the key of an element sits, for spec order; -1 when
// unknown. An OpenAPI 3 document is loaded without origins, and the
// places of its keys are read from its files (see keyPos); a Swagger 2.0
// one has origins only where the conversion loaded other files, and
// otherwise the places of the keys in the Swagger document.
func (p *parser) pos(o *openapi3.Origin, at loc) int {
	if !p.v2 {
		return p.keyPos(at)
	}
	if o != nil && o.Key != nil && o.Key.Line > 0 {
		return o.Key.Line<<16 + o.Key.Column
	}
	if p.v2pos != nil && at.file == "" {
		if n, ok := p.v2pos[toV2(at.ptr)]; ok {
			return n
		}
	}
	return -1
}

// ordered returns the keys of m in document order; keys without a known
// position follow, by name.
func ordered[V any](m map[string]V, pos func(k string, v V) int) []string {
	keys := slices.Sorted(maps.Keys(m))
	at := make(map[string]int, len(keys))
	for _, k := range keys {
		n := pos(k, m[k])
		if n < 0 {
			n = int(^uint(0) >> 1)
		}
		at[k] = n
	}
	slices.SortStableFunc(keys, func(a, b string) int { return cmp.Compare(at[a], at[b]) })
	return keys
}

func (p *parser) walk() {
	if p.doc.Paths == nil || p.doc.Paths.Len() == 0 {
		p.walkComponents()
		return
	}
	paths := p.doc.Paths.Map()
	for _, path := range ordered(paths, func(k string, v *openapi3.PathItem) int {
		at := loc{ptr: "/paths"}.child(k)
		if v != nil && v.Ref != "" {
			// Its origin is in the file it is written in.
			return p.mainPos(at.ptr)
		}
		return p.pos(v.Origin, at)
	}) {
		item := paths[path]
		if item == nil {
			continue
		}
		itemAt := loc{ptr: "/paths"}.child(path)
		if item.Ref != "" {
			// A path item in another file: the $refs of its operations
			// are resolved from there.
			itemAt = p.deref(itemAt, item.Ref)
		}
		ops := item.Operations()
		if item.Ref != "" && len(ops) == 0 {
			p.warn(loc{ptr: "/paths"}.child(path), "path item $ref %q leads to no operation (a cycle of $refs, or a file without operations); the path is left out", item.Ref)
		}
		for _, method := range ordered(ops, func(k string, v *openapi3.Operation) int {
			return p.pos(v.Origin, itemAt.child(strings.ToLower(k)))
		}) {
			op := ops[method]
			if op == nil || op.Responses == nil {
				continue
			}
			o := catalog.Operation{Method: strings.ToUpper(method), Path: path, OperationID: op.OperationID}
			opAt := itemAt.child(strings.ToLower(method))
			resps := op.Responses.Map()
			for _, key := range ordered(resps, func(k string, v *openapi3.ResponseRef) int {
				return p.pos(v.Origin, opAt.child("responses", k))
			}) {
				st, ok := parseStatus(key)
				ref := resps[key]
				at := opAt.child("responses", key)
				if ok {
					p.unresolved(ref, at)
				}
				if !ok || ref == nil || ref.Value == nil {
					continue
				}
				if ref.Ref != "" {
					at = p.deref(at, ref.Ref)
				}
				p.response(o, st, ref.Value, at)
			}
		}
	}
}

// walkComponents reads a document without paths: a library of error
// responses that API descriptions $ref, such as errgen's own OpenAPI
// output. Each response of components/responses named after an HTTP
// status ("BadRequest", "Status499", "Default") counts as documented under
// that status, with no operation; others are left out.
func (p *parser) walkComponents() {
	if p.doc.Components == nil {
		return
	}
	resps := p.doc.Components.Responses
	base := loc{ptr: "/components/responses"}
	for _, name := range ordered(resps, func(k string, v *openapi3.ResponseRef) int {
		return p.pos(v.Origin, base.child(k))
	}) {
		ref := resps[name]
		st, ok := statusNamed(name)
		at := base.child(name)
		if ok {
			p.unresolved(ref, at)
		}
		if !ok || ref == nil || ref.Value == nil {
			continue
		}
		if ref.Ref != "" {
			at = p.deref(at, ref.Ref)
		}
		p.response(catalog.Operation{}, st, ref.Value, at)
	}
}

// unresolved warns about a response $ref, written at at, that leads to no
// response: kin-openapi leaves the value of a cyclic chain of $refs empty
// without an error, which used to drop the status silently.
func (p *parser) unresolved(ref *openapi3.ResponseRef, at loc) {
	if ref == nil || ref.Value != nil || ref.Ref == "" {
		return
	}
	p.warn(at, "response $ref %q never reaches a response: its chain of $refs is cyclic; "+
		"this status is left out (expected a $ref chain that ends in a response object)", ref.Ref)
}

// statusNamed reads a response name as a status: its status text without
// blanks and punctuation ("BadRequest", "ImATeapot"), "Status" and a
// number, or "Default".
func statusNamed(name string) (status, bool) {
	if name == "Default" {
		return status{rng: "default"}, true
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(name, "Status")); err == nil && strings.HasPrefix(name, "Status") && n >= 100 && n <= 599 {
		return status{n: n}, true
	}
	for n := 100; n <= 599; n++ {
		if text := http.StatusText(n); text != "" && strings.EqualFold(alnum(text), name) {
			return status{n: n}, true
		}
	}
	return status{}, false
}

// alnum keeps the letters and digits of s.
func alnum(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// isJSON tells the media types whose bodies are JSON: */json, */*+json,
// and */* (which code generators write for "whatever the server sends").
func isJSON(mediaType string) bool {
	mt, _, _ := strings.Cut(mediaType, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	_, sub, ok := strings.Cut(mt, "/")
	return ok && (sub == "json" || strings.HasSuffix(sub, "+json") || mt == "*/*")
}

func (p *parser) response(op catalog.Operation, st status, resp *openapi3.Response, at loc) {
	desc := ""
	if resp.Description != nil {
		desc = *resp.Description
	}
	p.errorResponses = append(p.errorResponses, &response{st, op, desc, at})
	if _, ok := p.opSeq[op]; !ok {
		if p.opSeq == nil {
			p.opSeq = map[catalog.Operation]int{}
		}
		p.opSeq[op] = len(p.opSeq)
	}
	codeless := false
	for _, mt := range ordered(resp.Content, func(k string, v *openapi3.MediaType) int {
		return p.pos(v.Origin, at.child("content", k))
	}) {
		media := resp.Content[mt]
		if media == nil || !isJSON(mt) {
			continue
		}
		mAt := at.child("content", mt)
		var sh *shape
		if media.Schema != nil && media.Schema.Value != nil {
			sAt := mAt.child("schema")
			if media.Schema.Ref != "" {
				sAt = p.deref(sAt, media.Schema.Ref)
			}
			sh = p.shape(media.Schema.Value, sAt)
		}
		if sh == nil || sh.code == "" {
			// No schema, or none with a code field: the examples may
			// still show one.
			sh = p.shapeFromExamples(media, sh, mAt)
		}
		if sh != nil {
			p.use(sh, st)
		}
		if sh == nil || sh.code == "" {
			codeless = true
			continue
		}
		p.anyCode = true
		if len(sh.decls) > 0 {
			info := p.enumInfo(sh.decls)
			key := declaredKey{&sh.decls[0], st}
			ops, seen := p.declared[key]
			if !seen {
				if p.declared == nil {
					p.declared = map[declaredKey]*[]catalog.Operation{}
				}
				ops = new([]catalog.Operation)
				p.declared[key] = ops
			}
			*ops = addOp(*ops, op)
			if !seen {
				for _, d := range sh.decls {
					if successCode(d.value) {
						continue
					}
					c := p.code(d.value, d.at)
					c.keyed = c.keyed || info.keyed
					c.documented = true
					if c.enumSeq == 0 {
						p.enumSeq++
						c.enumSeq, c.at = p.enumSeq, d.at
						c.name, c.title, c.desc = d.name, d.title, d.desc
					}
					ci := c.status(st)
					if ci.declared == nil {
						ci.declared = ops
					} else {
						ci.rest = append(ci.rest, ops)
					}
				}
			}
		}
		p.examples(op, st, media, mAt, sh)
	}
	if codeless {
		p.codeless++
		if p.firstCodeless == "" {
			p.firstCodeless = at.String()
		}
	}
}

// examples reads every example of a media type, and those of its schema,
// as observations.
//
// A response that many operations $ref, or a schema that many responses
// use, brings the same examples each time: they are read once per media
// type and body pointers into groups of one code and message, and each
// response then only adds its operation and status to each group. Read
// example by example for every response, a document of n responses
// sharing n examples cost n² reads (n³ with the scans they made).
func (p *parser) examples(op catalog.Operation, st status, media *openapi3.MediaType, at loc, sh *shape) {
	key := mediaKey{media, sh.code, sh.message}
	groups, ok := p.exGroups[key]
	if !ok {
		groups = p.groupExamples(media, at, sh)
		if p.exGroups == nil {
			p.exGroups = map[mediaKey][]exGroup{}
		}
		p.exGroups[key] = groups
	}
	for _, g := range groups {
		c := p.code(g.value, g.at)
		c.documented = c.documented || !g.sample
		si := c.status(st)
		si.media = si.media || !g.schema
		o := si.byMessage[g.message]
		if o == nil {
			o = &observation{message: g.message, at: g.at, has: map[catalog.Example]bool{}, sample: true}
			si.obs = append(si.obs, o)
			if si.byMessage == nil {
				si.byMessage = map[string]*observation{}
			}
			si.byMessage[g.message] = o
		}
		o.sample = o.sample && g.sample
		o.ops = addOp(o.ops, op)
		for _, meta := range g.examples {
			if !o.has[meta] {
				o.has[meta] = true
				o.examples = append(o.examples, meta)
			}
		}
	}
}

// mediaKey names the examples of one media type read with one code and
// message pointer (a shape found from examples is a new one each time).
type mediaKey struct {
	media         *openapi3.MediaType
	code, message string
}

// exGroup is one code and message the examples of a media type show,
// where the first of them is, and the examples that show it, in order.
type exGroup struct {
	value, message, at string
	examples           []catalog.Example
	// schema is true for the examples of the schema rather than of the
	// response; sample for the code property's own.
	schema, sample bool
}

// groupExamples reads the examples of a media type and of its schema
// into groups, in the order their code and message are first seen;
// problems with an example are reported here, once.
func (p *parser) groupExamples(media *openapi3.MediaType, at loc, sh *shape) []exGroup {
	var groups []exGroup
	type groupKey struct {
		value, message string
		schema, sample bool
	}
	index := map[groupKey]int{}
	add := func(meta catalog.Example, value any, at loc, schema, sample bool) {
		for _, h := range p.observe(sh, value, at) {
			k := groupKey{h.value, h.message, schema, sample}
			i, ok := index[k]
			if !ok {
				i = len(groups)
				index[k] = i
				groups = append(groups, exGroup{value: h.value, message: h.message, at: at.String(), schema: schema, sample: sample})
			}
			meta.Body = h.body
			groups[i].examples = append(groups[i].examples, meta)
		}
	}
	if media.Example != nil {
		add(catalog.Example{}, media.Example, at.child("example"), false, false)
	}
	for _, name := range ordered(media.Examples, func(k string, v *openapi3.ExampleRef) int {
		return p.pos(v.Origin, at.child("examples", k))
	}) {
		ref := media.Examples[name]
		if ref == nil || ref.Value == nil {
			continue
		}
		ex := ref.Value
		eAt := at.child("examples", name)
		if ref.Ref != "" {
			eAt = p.deref(eAt, ref.Ref)
		}
		meta := catalog.Example{Name: name, Summary: ex.Summary, Description: ex.Description}
		if ex.Value == nil {
			if ex.ExternalValue != "" {
				p.warn(eAt, "example %q is an externalValue (%s), which errgen does not fetch; its code is not read", name, ex.ExternalValue)
			}
			continue
		}
		add(meta, ex.Value, eAt.child("value"), false, false)
	}
	for _, ex := range sh.examples {
		add(catalog.Example{}, ex.value, ex.at, true, ex.sample)
	}
	return groups
}

// observed is one code an example body shows, with its message.
type observed struct {
	value, message, body string
}

// observe reads the codes and messages of one example body.
func (p *parser) observe(sh *shape, value any, at loc) []observed {
	body, ok := p.bodies[at]
	var err error
	if !ok {
		// A schema's example is seen once per media type that uses it.
		if body, err = catalog.ExampleBody(value); err == nil {
			if p.bodies == nil {
				p.bodies = map[loc]string{}
			}
			p.bodies[at] = body
		}
	}
	if err != nil {
		p.warn(at, "example cannot be written as JSON (%v); its code is not read", err)
		return nil
	}
	codes := resolve(value, splitPointer(sh.code))
	if len(codes) == 0 {
		p.warn(at, "example has no code at %s (the code pointer); want a string or number there", sh.code)
		return nil
	}
	var messages []hit
	if sh.message != "" {
		messages = resolve(value, splitPointer(sh.message))
	}
	var out []observed
	for _, c := range codes {
		value, ok := scalar(c.v)
		if !ok {
			p.warn(at, "example has a %s at %s, the code pointer; want a string or number", jsonType(c.v), sh.code)
			continue
		}
		if _, isString := c.v.(string); !isString && p.opts.CodePointer == "" && namedStatus(value) >= 400 {
			// {"code": 404}: the field holds the status.
			if !p.statusAt[sh.code] {
				if p.statusAt == nil {
					p.statusAt = map[string]bool{}
				}
				p.statusAt[sh.code] = true
				p.warn(at, "example has %s at %s, an HTTP status: that field holds the status, not a code, so the value is left out (set code_pointer if it is the code)", value, sh.code)
			}
			continue
		}
		msg := ""
		for _, m := range messages {
			if m.elem == c.elem || m.elem < 0 {
				msg, _ = scalar(m.v)
				break
			}
		}
		out = append(out, observed{value, msg, body})
	}
	return out
}

// hit is a value a pointer resolved to; elem is the index of the
// element "*" matched, -1 for pointers without "*".
type hit struct {
	elem int
	v    any
}

// resolve follows the tokens of a body pointer through a decoded JSON
// value.
func resolve(v any, toks []string) []hit {
	var out []hit
	var walk func(v any, toks []string, elem int)
	walk = func(v any, toks []string, elem int) {
		if len(toks) == 0 {
			out = append(out, hit{elem, v})
			return
		}
		switch x := v.(type) {
		case map[string]any:
			if c, ok := x[toks[0]]; ok {
				walk(c, toks[1:], elem)
			}
		case []any:
			if toks[0] == "*" {
				for i, c := range x {
					walk(c, toks[1:], i)
				}
				return
			}
			if i, err := strconv.Atoi(toks[0]); err == nil && i >= 0 && i < len(x) && strconv.Itoa(i) == toks[0] {
				walk(x[i], toks[1:], elem)
			}
		}
	}
	walk(v, toks, -1)
	return out
}

// scalar is a code or message as text: a string, or a number as JSON
// writes it.
func scalar(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case int:
		return strconv.Itoa(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case uint64:
		return strconv.FormatUint(x, 10), true
	case json.Number:
		return x.String(), true
	}
	return "", false
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	}
	return fmt.Sprintf("%T", v)
}

func (p *parser) warn(at loc, format string, args ...any) {
	p.report.Warn(p.file, p.where(at.String()), format, args...)
}

// where is a pointer as messages show it: into the Swagger 2.0 document
// itself for converted ones.
func (p *parser) where(ptr string) string {
	if p.v2 {
		return toV2(ptr)
	}
	return ptr
}

// onlySummary is the summary of the examples when they have exactly one.
func onlySummary(exs []catalog.Example) string {
	s := ""
	for _, e := range exs {
		if e.Summary == "" || e.Summary == s {
			continue
		}
		if s != "" {
			return ""
		}
		s = e.Summary
	}
	return s
}

func onlyDescription(exs []catalog.Example) string {
	s := ""
	for _, e := range exs {
		if e.Description == "" || e.Description == s {
			continue
		}
		if s != "" {
			return ""
		}
		s = e.Description
	}
	return s
}
