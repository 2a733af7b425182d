package data

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/parse/internal/fields"
)

// Options are the choices of one parse.
type Options struct {
	// File names the input in messages.
	File string
	// Items is the JSON pointer to the array or object whose elements or
	// members are the errors; "*" stands for every element or member.
	// "" detects it; "#" is the whole document ("#/errors" is "/errors").
	Items string
	// Fields maps a role (code, status, message, title, description,
	// solution) to the JSON pointer of its field inside an item. Roles
	// not given are detected.
	Fields map[string]string
}

// hint is what a user can say when detection fails or guesses wrong.
const hint = "--items POINTER --field code=POINTER (items: and fields: in errgen.yaml)"

// sampleSize is how many items detection looks at, spread over all.
const sampleSize = 256

// container is an array or object whose elements or members are items.
type container struct {
	ptr string
	n   *node
}

// item is one error object and where it is.
type item struct {
	ptr string
	key string // a map member's name; "" for array elements
	n   *node
}

type parser struct {
	file   string
	report catalog.Report
	ptrs   pointerCache
}

func (p *parser) diag(where, format string, args ...any) error {
	return &catalog.Diagnostic{File: p.file, Where: where, Message: fmt.Sprintf(format, args...)}
}

func (p *parser) warn(where, format string, args ...any) {
	p.report.Warn(p.file, where, format, args...)
}

// Parse reads src, a JSON or YAML document, as an error registry: one
// entry per item, in document order. See the package doc.
func Parse(src []byte, opts Options) ([]catalog.Entry, *catalog.Report, error) {
	p := &parser{file: opts.File, ptrs: pointerCache{}}
	fixed, err := p.options(opts)
	if err != nil {
		return nil, nil, err
	}
	root, err := p.read(src)
	if err != nil {
		return nil, nil, err
	}
	var (
		conts   []container
		pattern string
		res     *fields.Result
	)
	items := strings.TrimPrefix(opts.Items, "#")
	if opts.Items == "" {
		g, err := p.detect(root, fixed)
		if err != nil {
			return nil, nil, err
		}
		conts, pattern, res = g.conts, g.pattern, g.res
	} else {
		if conts, err = p.resolve(root, items); err != nil {
			return nil, nil, err
		}
		pattern = items
	}
	all, err := p.items(conts)
	if err != nil {
		return nil, nil, err
	}
	keyed := len(all) > 0 && all[0].key != ""
	if res == nil {
		res = fields.Detect(columns(all), fields.Options{Fixed: fixed})
		if res.Pointer(fields.Code) == "" && !keyed && !scalars(all) {
			return nil, nil, p.diag(where(pattern), "no field of the items looks like an error code (fields seen: %s) (hint: name it with --field code=POINTER, field code in errgen.yaml)", fields.Describe(columns(all), 12))
		}
		for _, c := range res.Unsure() {
			if keyed && c.Role == fields.Code {
				continue
			}
			p.warn(where(pattern), "%s", c)
		}
	}
	entries := p.entries(all, res, keyed)
	return entries, &p.report, nil
}

// options checks the roles and pointers the caller gave.
func (p *parser) options(opts Options) (map[fields.Role]string, error) {
	if opts.Items != "" {
		if _, ok := catalog.SplitPointer(strings.TrimPrefix(opts.Items, "#")); !ok {
			return nil, p.diag("", "items %q is not a JSON pointer; want /errors, /services/*/errors or # for the whole document", opts.Items)
		}
	}
	fixed := map[fields.Role]string{}
	names := make([]string, 0, len(opts.Fields))
	for k := range opts.Fields {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		v := opts.Fields[k]
		role, ok := fields.ParseRole(k)
		if !ok {
			return nil, p.diag("", "unknown field role %q; want one of %s", k, fields.RoleNames())
		}
		if _, ok := catalog.SplitPointer(v); !ok || v == "" || strings.Contains(v+"/", "/*/") {
			return nil, p.diag("", "field %s=%q is not a JSON pointer into an item; want one like /code or /http/status (no *)", k, v)
		}
		fixed[role] = v
	}
	return fixed, nil
}

// read parses src as JSON when it starts with '{' or '[', else as YAML.
func (p *parser) read(src []byte) (*node, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(src, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, p.diag("", "empty file; want a JSON or YAML document listing errors")
	}
	if trimmed[0] == '{' || trimmed[0] == '[' {
		if len(src) > MaxSize {
			return nil, p.diag("", "%d bytes, larger than %d, the most errgen reads of a data file (hint: is it the file you meant?)", len(src), MaxSize)
		}
		root, err := parseJSON(string(src))
		if err == nil {
			return root, nil
		}
		var se *syntaxError
		if !errors.As(err, &se) {
			return nil, p.diag("", "not JSON: %v", err)
		}
		jerr := p.diag(fmt.Sprintf("line %d, column %d", se.line, se.col), "not JSON: %s", se.msg)
		// A YAML flow document may start like JSON; only a file named
		// .yaml or .yml is taken for one.
		if ext := strings.ToLower(path.Ext(p.file)); ext != ".yaml" && ext != ".yml" || len(src) > MaxYAMLSize {
			return nil, jerr
		}
		if root, yerr := parseYAML(src); yerr == nil {
			return root, nil
		}
		return nil, jerr
	}
	if len(src) > MaxYAMLSize {
		return nil, p.diag("", "%d bytes of YAML, larger than %d, the most errgen reads of a YAML data file (hint: convert it to JSON, which may be %d bytes)", len(src), MaxYAMLSize, MaxSize)
	}
	root, err := parseYAML(src)
	if err != nil {
		return nil, p.yamlError(err)
	}
	return root, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

func (p *parser) yamlError(err error) error {
	if errors.Is(err, errBudget) {
		return p.diag("", "YAML aliases expand to more nodes than the file has bytes (plus 1 Mi); errgen does not expand them that far")
	}
	var se *syntaxError
	if errors.As(err, &se) {
		w := ""
		if se.line > 0 {
			w = fmt.Sprintf("line %d", se.line)
		}
		return p.diag(w, "%s", se.msg)
	}
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		return p.diag("line "+m[1], "not YAML: %s", msg[len(m[0]):])
	}
	return p.diag("", "not YAML: %s", strings.TrimPrefix(msg, "yaml: "))
}

// where names a pointer for messages: the whole document's is "".
func where(ptr string) string {
	if ptr == "" {
		return "the whole document"
	}
	return ptr
}

func escape(k string) string {
	if strings.ContainsAny(k, "~/") {
		k = strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
	}
	return k
}

// resolve finds the containers the items pointer names.
func (p *parser) resolve(root *node, ptr string) ([]container, error) {
	toks, _ := catalog.SplitPointer(ptr)
	cur := []container{{"", root}}
	for i, t := range toks {
		var next []container
		for _, c := range cur {
			switch {
			case t == "*" && c.n.kind == fields.Object:
				for j, k := range c.n.keys {
					next = append(next, container{c.ptr + "/" + escape(k), c.n.kids[j]})
				}
			case t == "*" && c.n.kind == fields.Array:
				for j, k := range c.n.kids {
					next = append(next, container{c.ptr + "/" + strconv.Itoa(j), k})
				}
			case c.n.kind == fields.Object:
				if m := c.n.member(t); m != nil {
					next = append(next, container{c.ptr + "/" + escape(t), m})
				}
			case c.n.kind == fields.Array:
				if j, err := strconv.Atoi(t); err == nil && j >= 0 && j < len(c.n.kids) && strconv.Itoa(j) == t {
					next = append(next, container{c.ptr + "/" + t, c.n.kids[j]})
				}
			}
		}
		if len(next) == 0 {
			at := "/" + strings.Join(escapeAll(toks[:i]), "/")
			if i == 0 {
				at = ""
			}
			return nil, p.diag("", "items %s: %s has no %s (it holds %s) (hint: %s)", ptr, where(at), describeStep(t), describe(cur[0].n), hint)
		}
		cur = next
	}
	var out []container
	for _, c := range cur {
		if c.n.kind == fields.Object || c.n.kind == fields.Array {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil, p.diag(where(cur[0].ptr), "items %s is %s, not an array or object of errors (hint: %s)", ptr, describe(cur[0].n), hint)
	}
	return out, nil
}

func escapeAll(toks []string) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = escape(t)
	}
	return out
}

func describeStep(t string) string {
	if t == "*" {
		return "elements or members"
	}
	return fmt.Sprintf("member or element %q", t)
}

// describe says what a node is, for messages: "an object with members
// a, b, c", "an array of 12".
func describe(n *node) string {
	switch n.kind {
	case fields.Object:
		return "an object with members " + listKeys(n.keys, 8)
	case fields.Array:
		return fmt.Sprintf("an array of %d", len(n.kids))
	case fields.String:
		return "a string"
	case fields.Number:
		return "a number"
	case fields.Bool:
		return "a boolean"
	}
	return "null"
}

func listKeys(keys []string, limit int) string {
	if len(keys) == 0 {
		return "(none)"
	}
	var b strings.Builder
	for i, k := range keys {
		if i == limit {
			fmt.Fprintf(&b, ", … (%d in all)", len(keys))
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(k))
	}
	return b.String()
}

// items lists the elements and members of the containers, in order.
func (p *parser) items(conts []container) ([]item, error) {
	var out []item
	for _, c := range conts {
		if len(out)+len(c.n.kids) > MaxItems {
			return nil, p.diag(where(c.ptr), "more than %d items; errgen makes at most that many entries of one file", MaxItems)
		}
		for j, k := range c.n.kids {
			if c.n.kind == fields.Object {
				out = append(out, item{c.ptr + "/" + escape(c.n.keys[j]), c.n.keys[j], k})
			} else {
				out = append(out, item{c.ptr + "/" + strconv.Itoa(j), "", k})
			}
		}
	}
	return out, nil
}

// scalars: every item is a scalar (a list of codes).
func scalars(all []item) bool {
	for _, it := range all {
		if !it.n.scalar() {
			return false
		}
	}
	return len(all) > 0
}

// sample picks at most sampleSize items, spread evenly.
func sample(all []item) []item {
	if len(all) <= sampleSize {
		return all
	}
	out := make([]item, 0, sampleSize)
	for i := range sampleSize {
		out = append(out, all[i*len(all)/sampleSize])
	}
	return out
}

// columns lists the fields of the sampled object items: members, and the
// members of member objects (one level down), in order of first
// appearance; at most 256.
func columns(all []item) []fields.Column {
	var cols []fields.Column
	index := map[string]int{}
	add := func(ptr string, n *node) {
		j, ok := index[ptr]
		if !ok {
			if len(cols) >= 256 {
				return
			}
			j = len(cols)
			index[ptr] = j
			cols = append(cols, fields.Column{Pointer: ptr})
		}
		cols[j].Values = append(cols[j].Values, fields.Value{Kind: n.kind, Text: n.text})
	}
	for _, it := range sample(all) {
		if it.n.kind != fields.Object {
			continue
		}
		for i, k := range it.n.keys {
			if i == 64 {
				break
			}
			v := it.n.kids[i]
			ptr := "/" + escape(k)
			add(ptr, v)
			if v.kind == fields.Object {
				for j, k2 := range v.keys {
					if j == 32 {
						break
					}
					add(ptr+"/"+escape(k2), v.kids[j])
				}
			}
		}
	}
	return cols
}

// at resolves a pointer relative to n; nil when it does not.
func at(n *node, ptr string) *node {
	toks, _ := catalog.SplitPointer(ptr)
	return atTokens(n, toks)
}

// pointerCache splits each pointer once: entries resolves the same few
// pointers in every item.
type pointerCache map[string][]string

func (c pointerCache) at(n *node, ptr string) *node {
	toks, ok := c[ptr]
	if !ok {
		toks, _ = catalog.SplitPointer(ptr)
		c[ptr] = toks
	}
	return atTokens(n, toks)
}

func atTokens(n *node, toks []string) *node {
	for _, t := range toks {
		switch n.kind {
		case fields.Object:
			n = n.member(t)
		case fields.Array:
			j, err := strconv.Atoi(t)
			if err != nil || j < 0 || j >= len(n.kids) {
				return nil
			}
			n = n.kids[j]
		default:
			return nil
		}
		if n == nil {
			return nil
		}
	}
	return n
}

// noCode are code texts that say "no code".
var noCode = map[string]bool{"": true, "-": true, "–": true, "—": true, "n/a": true, "na": true, "none": true, "null": true}

// entries makes one entry per item.
func (p *parser) entries(all []item, res *fields.Result, keyed bool) []catalog.Entry {
	roles := map[fields.Role]string{}
	for _, r := range fields.Roles {
		if ptr := res.Pointer(r); ptr != "" {
			roles[r] = ptr
		}
	}
	codeGiven := res.Get(fields.Code).Fixed
	// A map keyed by code takes the key, unless the caller named a code
	// field; a detected code field that disagrees is worth a warning.
	detectedCode := ""
	if keyed && !codeGiven {
		detectedCode = roles[fields.Code]
		delete(roles, fields.Code)
	}
	used := make([]string, 0, len(roles))
	for _, ptr := range roles {
		used = append(used, ptr)
	}
	if _, ok := roles[fields.Status]; !ok && len(all) > 0 {
		p.warn("", "no field of the items is an HTTP status; every entry has status 0 (unknown) (hint: --field status=POINTER)")
	}
	type dupKey struct {
		status                      int
		code, msg, title, desc, sol string
	}
	// The first entry of each key; equal Extra maps make a repeat.
	seen := make(map[dupKey]int, len(all))
	disagreed := false
	out := make([]catalog.Entry, 0, len(all))
	for _, it := range all {
		e := catalog.Entry{Origin: catalog.Origin{Pointer: it.ptr, Line: int(it.n.line)}}
		switch {
		case it.n.kind == fields.Object:
			if code, ok := roles[fields.Code]; ok {
				e.Code = p.text(it, code, "code")
			} else if keyed {
				e.Code = it.key
			}
			e.Message = p.text(it, roles[fields.Message], "message")
			e.Title = p.text(it, roles[fields.Title], "title")
			e.Description = p.text(it, roles[fields.Description], "description")
			e.Solution = p.text(it, roles[fields.Solution], "solution")
			if detectedCode != "" && !disagreed {
				if c := at(it.n, detectedCode); c != nil && c.scalar() && c.kind != fields.Null && c.text != it.key {
					disagreed = true
					p.warn(it.ptr, "the member name %q is the code, but %s inside the item reads %q (hint: --field code=%s to take that instead)", it.key, detectedCode, c.text, detectedCode)
				}
			}
			if sp, ok := roles[fields.Status]; ok {
				st, keep := p.status(it, sp)
				if !keep {
					continue
				}
				e.Status = st
			}
			e.Extra = extra(it.n, used)
		case it.n.scalar() && keyed:
			// A map of code → message.
			e.Code, e.Message = it.key, it.n.text
			if it.n.kind == fields.Null {
				e.Message = ""
			}
		case it.n.scalar():
			// A list of codes.
			e.Code = it.n.text
		default:
			p.warn(it.ptr, "%s, not an error object; left out", describe(it.n))
			continue
		}
		if noCode[strings.ToLower(strings.TrimSpace(e.Code))] {
			p.warn(it.ptr, "no code (%q); left out", e.Code)
			continue
		}
		k := dupKey{e.Status, e.Code, e.Message, e.Title, e.Description, e.Solution}
		if first, dup := seen[k]; dup && maps.Equal(out[first].Extra, e.Extra) {
			p.warn(it.ptr, "repeats %s (status %d, code %q, same message and fields); both are kept", out[first].Origin.Pointer, e.Status, e.Code)
		} else if !dup {
			seen[k] = len(out)
		}
		out = append(out, e)
	}
	return out
}

// text is the text of the field at ptr of an item: a scalar as written,
// an array of scalars one per line; anything else is a warning.
func (p *parser) text(it item, ptr, role string) string {
	if ptr == "" {
		return ""
	}
	n := p.ptrs.at(it.n, ptr)
	switch {
	case n == nil || n.kind == fields.Null:
		return ""
	case n.scalar():
		return trimEnd(n.text)
	case n.kind == fields.Array:
		lines := make([]string, 0, len(n.kids))
		for _, k := range n.kids {
			if !k.scalar() {
				p.warn(it.ptr+ptr, "the %s is an array holding %s; written as JSON", role, describe(k))
				return compact(n, nil, "")
			}
			if k.kind != fields.Null {
				lines = append(lines, trimEnd(k.text))
			}
		}
		return strings.Join(lines, "\n")
	}
	p.warn(it.ptr+ptr, "the %s is an object; written as JSON", role)
	return compact(n, nil, "")
}

// trimEnd drops the line breaks and blanks that end a text, which YAML
// block scalars add.
func trimEnd(s string) string { return strings.TrimRight(s, " \t\r\n") }

// status reads the status at ptr of an item; keep is false for a 1xx–3xx
// status, which leaves the item out.
func (p *parser) status(it item, ptr string) (status int, keep bool) {
	n := p.ptrs.at(it.n, ptr)
	if n == nil || n.kind == fields.Null || n.scalar() && strings.TrimSpace(n.text) == "" {
		return 0, true
	}
	if !n.scalar() {
		p.warn(it.ptr+ptr, "the status is %s, not a number; status 0 (unknown)", describe(n))
		return 0, true
	}
	st, _ := fields.StatusOf(n.text)
	if st == 0 {
		if f, err := strconv.ParseFloat(n.text, 64); n.kind == fields.Number && err == nil && f == float64(int(f)) && f > 0 && f < 1e6 {
			st = int(f) // 400.0
		}
	}
	switch {
	case st == 0:
		p.warn(it.ptr+ptr, "status %q is not an HTTP status; status 0 (unknown)", n.text)
	case st < 100 || st > 599:
		p.warn(it.ptr+ptr, "status %d is not an HTTP status (100–599); kept as documented", st)
	case st < 400:
		p.report.NonErrorRows++
		p.warn(it.ptr, "status %d is not an error status; left out", st)
		return 0, false
	}
	return st, true
}

// extra lists the members of an item no role took, by name: scalars as
// written, other values as compact JSON without the fields roles took.
func extra(n *node, used []string) map[string]string {
	var m map[string]string
	for i, k := range n.keys {
		ptr := "/" + escape(k)
		v := n.kids[i]
		var s string
		if v.scalar() {
			if contains(used, ptr) || v.kind == fields.Null {
				continue
			}
			s = trimEnd(v.text)
		} else {
			if contains(used, ptr) {
				continue
			}
			s = compact(v, used, ptr)
			if s == "{}" && hasPrefixIn(used, ptr+"/") {
				continue
			}
		}
		if s == "" {
			continue
		}
		if m == nil {
			m = make(map[string]string, len(n.keys)-i)
		}
		m[k] = s
	}
	return m
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func hasPrefixIn(list []string, prefix string) bool {
	for _, x := range list {
		if strings.HasPrefix(x, prefix) {
			return true
		}
	}
	return false
}

// compact writes n as compact JSON, members in document order, leaving
// out the members at the pointers in skip (n being at ptr).
func compact(n *node, skip []string, ptr string) string {
	var b strings.Builder
	writeJSON(&b, n, skip, ptr)
	return b.String()
}

func writeJSON(b *strings.Builder, n *node, skip []string, ptr string) {
	switch n.kind {
	case fields.Object:
		b.WriteByte('{')
		first := true
		for i, k := range n.keys {
			p := ptr + "/" + escape(k)
			if contains(skip, p) {
				continue
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			writeString(b, k)
			b.WriteByte(':')
			writeJSON(b, n.kids[i], skip, p)
		}
		b.WriteByte('}')
	case fields.Array:
		b.WriteByte('[')
		for i, k := range n.kids {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, k, skip, ptr+"/"+strconv.Itoa(i))
		}
		b.WriteByte(']')
	case fields.String:
		writeString(b, n.text)
	case fields.Number:
		if isJSONNumber(n.text) {
			b.WriteString(n.text)
		} else {
			writeString(b, n.text) // a YAML number such as 0x1F or .inf
		}
	default:
		b.WriteString(n.text)
	}
}

func isJSONNumber(s string) bool {
	r := jsonReader{src: s}
	return s != "" && (s[0] == '-' || s[0] >= '0' && s[0] <= '9') && r.number() && r.i == len(s)
}

func writeString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < 0x20:
			fmt.Fprintf(b, `\u%04x`, c)
		case c < utf8.RuneSelf:
			b.WriteByte(c)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b.WriteString(`\ufffd`)
			} else {
				b.WriteString(s[i : i+size])
			}
			i += size
			continue
		}
		i++
	}
	b.WriteByte('"')
}
