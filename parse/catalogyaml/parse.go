package catalogyaml

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
)

// Options are the choices of one parse.
type Options struct {
	// File names the input in messages.
	File string
}

// Result is what a hand-written catalog gives.
type Result struct {
	Title, Vendor string
	// Envelope is nil when the document names none.
	Envelope *catalog.Envelope
	Entries  []catalog.Entry
	Report   catalog.Report
}

// Kinds of JSON value a field may document.
var fieldTypes = []string{"object", "array", "string", "number", "integer", "boolean"}

// failure is a problem at a line of the document.
type failure struct {
	line int
	msg  string
}

func (f *failure) Error() string { return f.msg }

type parser struct {
	file   string
	report catalog.Report
}

func (p *parser) fail(n *yaml.Node, at, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if at != "" {
		msg = at + ": " + msg
	}
	line := 0
	if n != nil {
		line = n.Line
	}
	return &failure{line, msg}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// MaxSize bounds a hand-written catalog Parse reads: yaml.v3 builds a
// node per two-byte flow item ("[1,1,…]"), some 300 bytes of memory per
// input byte, so this cap, not the size of a file, is what bounds parsing
// one. errgen's own hand-written catalogs are a few KiB.
const MaxSize = 4 << 20

// Parse reads data as a hand-written catalog; data longer than [MaxSize]
// is an error.
func Parse(data []byte, opts Options) (*Result, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: %d bytes, larger than %d, the most errgen parses of a hand-written catalog (kind catalog) (hint: is it the file you meant? split a catalog so large into several)", opts.File, len(data), MaxSize)
	}
	p := &parser{file: opts.File}
	diag := func(line int, msg string) error {
		d := &catalog.Diagnostic{File: opts.File, Message: msg}
		if line > 0 {
			d.Where = fmt.Sprintf("line %d", line)
		}
		return d
	}
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, diag(0, "empty catalog: want a mapping with entries (see go doc github.com/errgen/errgen/parse/catalogyaml)")
		}
		msg := err.Error()
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ := strconv.Atoi(m[1])
			return nil, diag(line, "not YAML: "+msg[len(m[0]):])
		}
		return nil, diag(0, "not YAML: "+strings.TrimPrefix(msg, "yaml: "))
	}
	res, err := p.document(root.Content[0])
	if err != nil {
		var f *failure
		if errors.As(err, &f) {
			return nil, diag(f.line, f.msg)
		}
		return nil, err
	}
	res.Report = p.report
	return res, nil
}

// fields checks that n is a mapping with only the given keys, no key
// twice, and returns the values by key.
func (p *parser) fields(n *yaml.Node, at string, keys ...string) (map[string]*yaml.Node, error) {
	what := at
	if what == "" {
		what = "the document"
	}
	if n.Kind != yaml.MappingNode {
		return nil, p.fail(n, at, "want a mapping with keys %s, got %s", strings.Join(keys, ", "), kind(n))
	}
	out := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(keys, k.Value) {
			return nil, p.fail(k, at, "unknown key %q in %s (want one of: %s)", k.Value, what, strings.Join(keys, ", "))
		}
		if _, dup := out[k.Value]; dup {
			return nil, p.fail(k, at, "key %q is repeated", k.Value)
		}
		out[k.Value] = v
	}
	return out, nil
}

// kind names what a node is, for messages.
func kind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return fmt.Sprintf("%q", n.Value)
}

func join(at, key string) string {
	if at == "" {
		return key
	}
	return at + "." + key
}

// text is a scalar as text: YAML's own, without the trailing blanks and
// line breaks a block scalar adds; "" for null or absent.
func (p *parser) text(n *yaml.Node, at string) (string, error) {
	if n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return "", nil
	}
	if n.Kind != yaml.ScalarNode {
		return "", p.fail(n, at, "want text, got %s", kind(n))
	}
	return strings.TrimRight(n.Value, " \t\r\n"), nil
}

func (p *parser) list(n *yaml.Node, at string) ([]*yaml.Node, error) {
	if n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.fail(n, at, "want a list, got %s", kind(n))
	}
	return n.Content, nil
}

func (p *parser) document(n *yaml.Node) (*Result, error) {
	f, err := p.fields(n, "", "title", "vendor", "envelope", "entries")
	if err != nil {
		return nil, err
	}
	res := &Result{}
	if res.Title, err = p.text(f["title"], "title"); err != nil {
		return nil, err
	}
	if res.Vendor, err = p.text(f["vendor"], "vendor"); err != nil {
		return nil, err
	}
	if e := f["envelope"]; e != nil && !(e.Kind == yaml.ScalarNode && e.Tag == "!!null") {
		env, err := p.envelope(e)
		if err != nil {
			return nil, err
		}
		res.Envelope = env
	}
	items, err := p.list(f["entries"], "entries")
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, p.fail(n, "entries", "the catalog has no entries: want a list of them, each with at least a code")
	}
	type key struct {
		status        int
		code, message string
	}
	seen := map[key]int{}
	var lines []int // of res.Entries
	for i, item := range items {
		at := fmt.Sprintf("entries[%d]", i)
		e, err := p.entry(item, at)
		if err != nil {
			return nil, err
		}
		if e.Status != 0 && e.Status < 400 {
			p.report.NonErrorRows++
			continue
		}
		e.Origin = catalog.Origin{Pointer: fmt.Sprintf("/entries/%d", i), Line: item.Line}
		k := key{e.Status, e.Code, e.Message}
		if first, dup := seen[k]; dup {
			p.report.Warn(p.file, fmt.Sprintf("line %d", item.Line), "%s repeats entries[%d] (status %d, code %q, same message); both are kept", at, first, e.Status, e.Code)
		} else {
			seen[k] = i
		}
		res.Entries = append(res.Entries, e)
		lines = append(lines, item.Line)
	}
	p.retryable(res.Entries, lines)
	return res, nil
}

// retryable makes every entry of a code retryable when one of them is
// (it is the code's property, see catalog.Entry.Retryable), warning for
// each entry that did not say so; lines are the entries' lines.
func (p *parser) retryable(entries []catalog.Entry, lines []int) {
	first := map[string]int{} // code → index of its first retryable entry
	for i, e := range entries {
		if _, ok := first[e.Code]; e.Retryable && !ok {
			first[e.Code] = i
		}
	}
	if len(first) == 0 {
		return
	}
	for i := range entries {
		e := &entries[i]
		j, ok := first[e.Code]
		if !ok || e.Retryable {
			continue
		}
		e.Retryable = true
		p.report.Warn(p.file, fmt.Sprintf("line %d", lines[i]), "code %q is retryable (line %d says retryable: true) but this entry does not say so; a code is retryable or not, so it is taken as retryable (hint: write retryable: true on every entry of the code)", e.Code, lines[j])
	}
}

func (p *parser) entry(n *yaml.Node, at string) (catalog.Entry, error) {
	var e catalog.Entry
	f, err := p.fields(n, at, "code", "status", "status_range", "message", "title", "name", "description", "solution", "note", "retryable", "extra", "operations", "examples")
	if err != nil {
		return e, err
	}
	if e.Code, err = p.text(f["code"], join(at, "code")); err != nil {
		return e, err
	}
	if e.Code == "" {
		return e, p.fail(n, at, "missing code: every entry needs one, such as code: invalidFilter")
	}
	if s := f["status"]; s != nil && s.Tag != "!!null" {
		v, err := strconv.Atoi(s.Value)
		if s.Kind != yaml.ScalarNode || err != nil || v != 0 && (v < 100 || v > 599) {
			return e, p.fail(s, join(at, "status"), "status %s: want an HTTP status from 100 to 599, or 0 when not documented", kind(s))
		}
		e.Status = v
	}
	for _, t := range []struct {
		key string
		to  *string
	}{{"status_range", &e.StatusRange}, {"message", &e.Message}, {"title", &e.Title}, {"name", &e.Name}, {"description", &e.Description}, {"solution", &e.Solution}, {"note", &e.Note}} {
		if *t.to, err = p.text(f[t.key], join(at, t.key)); err != nil {
			return e, err
		}
	}
	if r := f["retryable"]; r != nil && r.Tag != "!!null" {
		if r.Kind != yaml.ScalarNode || r.Tag != "!!bool" {
			return e, p.fail(r, join(at, "retryable"), "want true or false, got %s: true says a client may retry a request failing with the code unchanged, later", kind(r))
		}
		e.Retryable = strings.EqualFold(r.Value, "true")
	}
	if r := e.StatusRange; r != "" && (e.Status != 0 || r != "4XX" && r != "5XX" && r != "default") {
		return e, p.fail(f["status_range"], join(at, "status_range"), "status_range %q: want 4XX, 5XX or default, with no status (or status 0)", r)
	}
	if x := f["extra"]; x != nil && x.Tag != "!!null" {
		if x.Kind != yaml.MappingNode {
			return e, p.fail(x, join(at, "extra"), "want a mapping of names to text, got %s", kind(x))
		}
		for i := 0; i+1 < len(x.Content); i += 2 {
			k := x.Content[i]
			v, err := p.text(x.Content[i+1], join(at, "extra."+k.Value))
			if err != nil {
				return e, err
			}
			if e.Extra == nil {
				e.Extra = map[string]string{}
			}
			if _, dup := e.Extra[k.Value]; dup {
				return e, p.fail(k, join(at, "extra"), "key %q is repeated", k.Value)
			}
			if k.Value == "note" {
				// Catalogs written before note was a field of its own.
				if e.Note != "" {
					return e, p.fail(k, join(at, "extra"), "note is given twice: as note and as extra.note; keep note")
				}
				e.Note = v
				continue
			}
			e.Extra[k.Value] = v
		}
	}
	ops, err := p.list(f["operations"], join(at, "operations"))
	if err != nil {
		return e, err
	}
	for i, o := range ops {
		oat := fmt.Sprintf("%s.operations[%d]", at, i)
		of, err := p.fields(o, oat, "method", "path", "operation_id")
		if err != nil {
			return e, err
		}
		var op catalog.Operation
		if op.Method, err = p.text(of["method"], oat+".method"); err != nil {
			return e, err
		}
		op.Method = strings.ToUpper(op.Method)
		if op.Method == "" || strings.Trim(op.Method, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			return e, p.fail(o, oat+".method", "method %q: want an HTTP method such as GET or PATCH", op.Method)
		}
		if op.Path, err = p.text(of["path"], oat+".path"); err != nil {
			return e, err
		}
		if !strings.HasPrefix(op.Path, "/") {
			return e, p.fail(o, oat+".path", "path %q: want the path template, starting with /, such as /Users/{id}", op.Path)
		}
		if op.OperationID, err = p.text(of["operation_id"], oat+".operation_id"); err != nil {
			return e, err
		}
		e.Operations = append(e.Operations, op)
	}
	exs, err := p.list(f["examples"], join(at, "examples"))
	if err != nil {
		return e, err
	}
	for i, x := range exs {
		xat := fmt.Sprintf("%s.examples[%d]", at, i)
		xf, err := p.fields(x, xat, "name", "summary", "description", "body")
		if err != nil {
			return e, err
		}
		var ex catalog.Example
		for _, t := range []struct {
			key string
			to  *string
		}{{"name", &ex.Name}, {"summary", &ex.Summary}, {"description", &ex.Description}, {"body", &ex.Body}} {
			if *t.to, err = p.text(xf[t.key], xat+"."+t.key); err != nil {
				return e, err
			}
		}
		body, err := compact(ex.Body)
		if err != nil {
			at := x
			if b := xf["body"]; b != nil {
				at = b
			}
			return e, p.fail(at, xat+".body", "not JSON (%v): want the example error body as JSON text, such as '{\"status\": \"400\"}'", err)
		}
		ex.Body = body
		e.Examples = append(e.Examples, ex)
	}
	return e, nil
}

// compact is JSON text as compact JSON with object keys sorted and no HTML
// escaping, the catalog's form of an example body.
func compact(text string) (string, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return "", err
	}
	if _, err := dec.Token(); err != io.EOF {
		return "", errors.New("more than one JSON value")
	}
	return catalog.ExampleBody(v)
}

func (p *parser) envelope(n *yaml.Node) (*catalog.Envelope, error) {
	if n.Kind == yaml.ScalarNode {
		env, ok := catalog.NamedEnvelope(n.Value)
		if !ok {
			return nil, p.fail(n, "envelope", "unknown name %q (one of: %s, or a mapping with shapes)", n.Value, strings.Join(catalog.EnvelopeNames(), ", "))
		}
		return &env, nil
	}
	f, err := p.fields(n, "envelope", "shapes", "request_id_header", "fields", "extensions")
	if err != nil {
		return nil, err
	}
	env := &catalog.Envelope{}
	shapes, err := p.list(f["shapes"], "envelope.shapes")
	if err != nil {
		return nil, err
	}
	if len(shapes) == 0 {
		return nil, p.fail(n, "envelope", "want shapes: at least one, with the JSON pointer to the code, such as {code: /error/code, message: /error/message}")
	}
	for i, s := range shapes {
		at := fmt.Sprintf("envelope.shapes[%d]", i)
		sf, err := p.fields(s, at, "code", "code_prefix", "message", "request_id")
		if err != nil {
			return nil, err
		}
		var sh catalog.Shape
		for _, t := range []struct {
			key string
			to  *string
		}{{"code", &sh.Code}, {"message", &sh.Message}, {"request_id", &sh.RequestID}} {
			if *t.to, err = p.text(sf[t.key], at+"."+t.key); err != nil {
				return nil, err
			}
			if *t.to == "" && t.key == "code" {
				return nil, p.fail(s, at, "missing code: want the JSON pointer to the code, such as /error/code")
			}
			if *t.to != "" && !pointer(*t.to) {
				return nil, p.fail(sf[t.key], at+"."+t.key, "%q is not a JSON pointer: want \"/\"-separated keys such as /error/%s, with ~ written ~0 and / written ~1", *t.to, t.key)
			}
		}
		if n := sf["code_prefix"]; n != nil && !(n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
			if n.Kind != yaml.ScalarNode {
				return nil, p.fail(n, at+".code_prefix", "want text, got %s", kind(n))
			}
			// As written: blanks at either end are an error, not trimmed.
			sh.CodePrefix = n.Value
			if msg := catalog.CheckCodePrefix(sh.CodePrefix); msg != "" {
				return nil, p.fail(n, at+".code_prefix", "code prefix %q: %s", sh.CodePrefix, msg)
			}
		}
		env.Shapes = append(env.Shapes, sh)
	}
	if env.RequestIDHeader, err = p.text(f["request_id_header"], "envelope.request_id_header"); err != nil {
		return nil, err
	}
	if env.Fields, err = p.fieldList(f["fields"], "envelope.fields", false); err != nil {
		return nil, err
	}
	exts, err := p.list(f["extensions"], "envelope.extensions")
	if err != nil {
		return nil, err
	}
	for i, x := range exts {
		at := fmt.Sprintf("envelope.extensions[%d]", i)
		xf, err := p.fields(x, at, "urn", "aliases", "name", "description", "fields")
		if err != nil {
			return nil, err
		}
		var ext catalog.Extension
		if ext.URN, err = p.text(xf["urn"], at+".urn"); err != nil {
			return nil, err
		}
		if !strings.HasPrefix(strings.ToLower(ext.URN), "urn:") {
			return nil, p.fail(x, at+".urn", "urn %q: want the schema URN the body carries the extension under, such as urn:example:scim:Ext", ext.URN)
		}
		aliases, err := p.list(xf["aliases"], at+".aliases")
		if err != nil {
			return nil, err
		}
		for j, a := range aliases {
			s, err := p.text(a, fmt.Sprintf("%s.aliases[%d]", at, j))
			if err != nil {
				return nil, err
			}
			ext.Aliases = append(ext.Aliases, s)
		}
		if ext.Name, err = p.text(xf["name"], at+".name"); err != nil {
			return nil, err
		}
		if ext.Description, err = p.text(xf["description"], at+".description"); err != nil {
			return nil, err
		}
		if ext.Fields, err = p.fieldList(xf["fields"], at+".fields", true); err != nil {
			return nil, err
		}
		env.Extensions = append(env.Extensions, ext)
	}
	return env, nil
}

// fieldList reads fields; star allows "*" in their pointers (an
// extension's fields reach into its arrays).
func (p *parser) fieldList(n *yaml.Node, at string, star bool) ([]catalog.Field, error) {
	items, err := p.list(n, at)
	if err != nil {
		return nil, err
	}
	var out []catalog.Field
	for i, item := range items {
		fat := fmt.Sprintf("%s[%d]", at, i)
		f, err := p.fields(item, fat, "name", "pointer", "type", "required", "description")
		if err != nil {
			return nil, err
		}
		var fd catalog.Field
		for _, t := range []struct {
			key string
			to  *string
		}{{"name", &fd.Name}, {"pointer", &fd.Pointer}, {"type", &fd.Type}, {"description", &fd.Description}} {
			if *t.to, err = p.text(f[t.key], fat+"."+t.key); err != nil {
				return nil, err
			}
		}
		if fd.Name == "" {
			return nil, p.fail(item, fat, "missing name: want the field's JSON name")
		}
		if fd.Pointer == "" {
			fd.Pointer = "/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(fd.Name)
		} else if !pointer(fd.Pointer) || !star && strings.Contains(fd.Pointer+"/", "/*/") {
			return nil, p.fail(f["pointer"], fat+".pointer", "%q is not a JSON pointer to one value: want \"/\"-separated keys such as /details, with ~ written ~0 and / written ~1", fd.Pointer)
		}
		if fd.Type != "" && !slices.Contains(fieldTypes, fd.Type) {
			return nil, p.fail(f["type"], fat+".type", "type %q: want one of %s", fd.Type, strings.Join(fieldTypes, ", "))
		}
		if r := f["required"]; r != nil && r.Tag != "!!null" {
			if r.Kind != yaml.ScalarNode || r.Tag != "!!bool" {
				return nil, p.fail(r, fat+".required", "want true or false, got %s", kind(r))
			}
			fd.Required = r.Value == "true"
		}
		out = append(out, fd)
	}
	return out, nil
}

// pointer reports whether p is an RFC 6901 JSON pointer into a body.
func pointer(p string) bool {
	if !strings.HasPrefix(p, "/") {
		return false
	}
	for i := 0; i < len(p); i++ {
		if p[i] == '~' && (i+1 == len(p) || p[i+1] != '0' && p[i+1] != '1') {
			return false
		}
	}
	return true
}
