package openapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
)

// Limits on the files one parse reads through $refs, besides the size
// limit of Options.ReadFile (errgen's own is safefile.MaxSourceSize a
// file): a document must not make errgen read without end.
const (
	maxFiles     = 10000
	maxFileBytes = 256 << 20 // all the other files together
	// maxHops bounds a chain of $refs errgen follows itself.
	maxHops = 32
)

// docs is the set of files one parse reads: the main document and the
// files its $refs name, each read once through Options.ReadFile, and
// rewritten before kin-openapi sees it where it uses $refs that
// kin-openapi does not resolve (see bundle).
type docs struct {
	// mainName is the main document's cleaned slash path ("" when the
	// parse names none), dir its directory: other files are named
	// relative to dir.
	mainName, dir string
	main          *srcFile
	byName        map[string]*srcFile
	// order lists the other files, relative to dir, in read order.
	order []string
	total int64
	// failed is the first file kin-openapi asked for that could not be
	// read.
	failed string
	// pos indexes the main document's keys, once needed.
	pos map[string]int
	// err is the first diagnostic a rewrite found in a file that
	// kin-openapi asked for, which kin-openapi's error then stands
	// for.
	err *catalog.Diagnostic
}

// srcFile is one file of the set.
type srcFile struct {
	// name is the slash path Options.ReadFile gets, rel the one
	// relative to the main document's directory ("" for the main
	// document itself).
	name, rel string
	// data is what kin-openapi reads: the file, or its rewrite.
	data []byte
	root *yaml.Node // of data, parsed when needed
	bad  bool       // data does not parse
	busy bool       // being rewritten
}

func (p *parser) initDocs(data []byte) {
	d := &docs{dir: ".", byName: map[string]*srcFile{}}
	if p.file != "" {
		d.mainName = path.Clean(filepath.ToSlash(strings.ReplaceAll(p.file, `\`, "/")))
		d.dir = path.Dir(d.mainName)
	}
	d.main = &srcFile{name: d.mainName, data: data}
	if d.mainName != "" {
		d.byName[d.mainName] = d.main
	}
	p.docs = d
}

// rel names a file, given as Options.ReadFile gets it, relative to the
// main document's directory.
func (d *docs) rel(name string) string {
	if d.dir == "." && !path.IsAbs(name) {
		return name
	}
	if strings.HasPrefix(name, d.dir+"/") {
		return strings.TrimPrefix(name, d.dir+"/")
	}
	if r, err := filepath.Rel(filepath.FromSlash(d.dir), filepath.FromSlash(name)); err == nil {
		return filepath.ToSlash(r)
	}
	return name
}

// open returns the file name (a cleaned slash path), reading and
// rewriting it the first time.
func (p *parser) open(name string) (*srcFile, error) {
	d := p.docs
	if f, ok := d.byName[name]; ok {
		if f.busy {
			return nil, fmt.Errorf("$ref to %s: the operations of these files $ref one another in a cycle", d.rel(name))
		}
		return f, nil
	}
	if p.opts.ReadFile == nil {
		return nil, fmt.Errorf("$ref to file %s: this parse reads no other files", name)
	}
	if len(d.order) >= maxFiles {
		return nil, fmt.Errorf("$ref to %s: the document $refs more than %d files, the most errgen reads", name, maxFiles)
	}
	data, err := p.opts.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if d.total += int64(len(data)); d.total > maxFileBytes {
		return nil, fmt.Errorf("$ref to %s: the files the document $refs hold more than %d bytes together, the most errgen reads", name, maxFileBytes)
	}
	f := &srcFile{name: name, rel: d.rel(name), data: data}
	d.byName[name] = f
	d.order = append(d.order, f.rel)
	if err := p.bundle(f); err != nil {
		return nil, err
	}
	return f, nil
}

// tree is the YAML node tree of f's data, nil when it does not parse.
func (f *srcFile) tree() *yaml.Node {
	if f.root == nil && !f.bad {
		var root yaml.Node
		if yaml.Unmarshal(f.data, &root) != nil || len(root.Content) == 0 {
			f.bad = true
			return nil
		}
		f.root = root.Content[0]
	}
	return f.root
}

// nonStandardRef finds, cheaply, what bundle rewrites: a $ref as the
// value of a description or summary, of an operation or of responses.
// It looks back from each "$ref" over quotes, blanks, one '{' and the
// ':' to the key before it: linear, where a regular expression over a
// whole spec of $refs cost as much as loading it.
func nonStandardRef(data []byte) bool {
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("$ref"))
		if j < 0 {
			return false
		}
		at := i + j
		i = at + len("$ref")
		k := skipBack(data, at, " \t\r\n\"'")
		if k > 0 && data[k-1] == '{' {
			k = skipBack(data, k-1, " \t\r\n")
		}
		if k == 0 || data[k-1] != ':' {
			continue
		}
		k = skipBack(data, k-1, " \t\"'")
		end := k
		for k > 0 && ('a' <= data[k-1] && data[k-1] <= 'z') {
			k--
		}
		if k > 0 && isWordByte(data[k-1]) {
			continue
		}
		if key := string(data[k:end]); key == "description" || key == "summary" || key == "responses" || slices.Contains(methods, key) {
			return true
		}
	}
}

// skipBack returns the index before which data[:i] ends in bytes of set.
func skipBack(data []byte, i int, set string) int {
	for i > 0 && strings.IndexByte(set, data[i-1]) >= 0 {
		i--
	}
	return i
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z'
}

var methods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace", "query"}

// edit replaces the value node v of a file with text.
type edit struct {
	v    *yaml.Node
	text string
}

// bundle rewrites the $refs of f that kin-openapi does not resolve:
//
//   - a description or summary that is a $ref to a string
//     (DigitalOcean's description: {$ref: 'description.yml#/introduction'})
//     becomes that string; one that does not resolve becomes "", with a
//     warning;
//   - an operation that is a $ref (paths: {/a: {get: {$ref: op.yaml}}}),
//     in the main document's paths or at the top of a path item's file,
//     and an operation's responses that are a $ref, become the object
//     they name, with its $refs rewritten to resolve from f; one that
//     does not resolve is an error.
//
// The value is replaced in the text, on its lines, as JSON, so that the
// rest of the file keeps its lines; when that cannot be done the file is
// written anew from its node tree.
func (p *parser) bundle(f *srcFile) error {
	if !nonStandardRef(f.data) {
		return nil
	}
	root := f.tree()
	if root == nil {
		return nil // kin-openapi says what is wrong
	}
	f.busy = true
	defer func() { f.busy = false }()
	var edits []edit
	var err error
	var visit func(n *yaml.Node, ptr []string, depth int)
	visit = func(n *yaml.Node, ptr []string, depth int) {
		if err != nil || depth > 256 || n.Kind != yaml.MappingNode {
			if n.Kind == yaml.SequenceNode && depth <= 256 {
				for i, c := range n.Content {
					visit(c, append(ptr, strconv.Itoa(i)), depth+1)
				}
			}
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			at := append(slices.Clip(ptr), k.Value)
			ref, ok := soleRef(v)
			if !ok {
				visit(v, at, depth+1)
				continue
			}
			switch {
			case k.Value == "description" || k.Value == "summary":
				if text, ok := p.refString(f, at, ref); ok {
					edits = append(edits, edit{v, text})
				}
			case slices.Contains(methods, k.Value) && p.isPathItem(f, ptr),
				k.Value == "responses" && p.isOperation(f, ptr):
				var text string
				if text, err = p.inline(f, at, ref); err == nil {
					edits = append(edits, edit{v, text})
				}
			}
		}
	}
	visit(root, nil, 0)
	if err != nil {
		return err
	}
	if len(edits) == 0 {
		return nil
	}
	f.data = splice(f.data, root, edits)
	f.root, f.bad = nil, false
	return nil
}

// soleRef returns the $ref of a mapping that holds a $ref only.
func soleRef(v *yaml.Node) (string, bool) {
	if v.Kind != yaml.MappingNode || len(v.Content) != 2 || v.Content[0].Value != "$ref" || v.Content[1].Kind != yaml.ScalarNode {
		return "", false
	}
	return v.Content[1].Value, true
}

// isPathItem reports whether the mapping at ptr of f is a path item: one
// of the main document's paths, or the top of another file (a file
// whose top level holds operations is a path item's).
func (p *parser) isPathItem(f *srcFile, ptr []string) bool {
	if f == p.docs.main {
		return len(ptr) == 2 && ptr[0] == "paths"
	}
	return len(ptr) == 0
}

// isOperation reports whether the mapping at ptr of f is an operation:
// in a path item, or the top of a file other than the main document.
func (p *parser) isOperation(f *srcFile, ptr []string) bool {
	if len(ptr) > 0 && slices.Contains(methods, ptr[len(ptr)-1]) && p.isPathItem(f, ptr[:len(ptr)-1]) {
		return true
	}
	return f != p.docs.main && len(ptr) == 0
}

func locOf(f *srcFile, ptr []string) loc {
	l := loc{file: f.rel}
	return l.child(ptr...)
}

// refString resolves a $ref that stands for a description: the JSON
// string of the text it names, or false when it names no string (a
// property named description whose schema is a $ref, say).
func (p *parser) refString(f *srcFile, at []string, ref string) (string, bool) {
	_, n, err := p.target(f, ref)
	if err != nil {
		p.warn(locOf(f, at), "%s $ref %q: %v; read as \"\"", at[len(at)-1], ref, err)
		return `""`, true
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		return "", false
	}
	return jsonString(n.Value), true
}

// inline resolves the $ref of an operation or responses: the JSON of
// the object it names, its $refs rewritten to resolve from f.
func (p *parser) inline(f *srcFile, at []string, ref string) (string, error) {
	what := "operation"
	if at[len(at)-1] == "responses" {
		what = "responses"
	}
	fail := func(format string, args ...any) error {
		return p.refError(locOf(f, at), fmt.Sprintf("%s $ref %q: ", what, ref)+format, args...)
	}
	t, n, err := p.target(f, ref)
	if err != nil {
		return "", fail("%v", err)
	}
	if n.Kind != yaml.MappingNode {
		return "", fail("it names no object, so the %s cannot be read", what)
	}
	var b bytes.Buffer
	if err := writeJSON(&b, n, func(r string) string { return p.rebase(r, t, f) }, 0); err != nil {
		return "", fail("%v", err)
	}
	return b.String(), nil
}

// refError is a diagnostic at l; inside a file kin-openapi asked for, it
// is kept to stand for kin-openapi's error.
func (p *parser) refError(l loc, format string, args ...any) error {
	d := &catalog.Diagnostic{File: p.file, Where: p.where(l.String()), Message: "cannot load the OpenAPI document: " + fmt.Sprintf(format, args...)}
	if p.docs.err == nil {
		p.docs.err = d
	}
	return d
}

// target resolves ref, written in f, to its file and node, following
// $refs that lead on.
func (p *parser) target(f *srcFile, ref string) (*srcFile, *yaml.Node, error) {
	for hop := 0; hop < maxHops; hop++ {
		file, frag, _ := strings.Cut(ref, "#")
		if u, err := url.Parse(file); err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(file, "//") {
			return nil, nil, fmt.Errorf("errgen follows $refs to local files only")
		}
		t := f
		if file != "" {
			name := path.Clean(path.Join(path.Dir(f.name), file))
			if f.name == "" {
				name = path.Clean(file)
			}
			var err error
			if t, err = p.open(name); err != nil {
				return nil, nil, err
			}
		}
		root := t.tree()
		if root == nil {
			return nil, nil, fmt.Errorf("%s is no YAML or JSON document", cmpOr(t.rel, p.file))
		}
		n, err := lookup(root, frag)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", cmpOr(t.rel, p.file), err)
		}
		next, ok := soleRef(n)
		if !ok {
			return t, n, nil
		}
		f, ref = t, next
	}
	return nil, nil, fmt.Errorf("more than %d $refs in a row (a cycle?)", maxHops)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// lookup follows a JSON pointer, from a URI fragment, in a node tree.
func lookup(n *yaml.Node, frag string) (*yaml.Node, error) {
	if u, err := url.PathUnescape(frag); err == nil {
		frag = u
	}
	if frag == "" {
		return n, nil
	}
	toks, ok := catalog.SplitPointer(frag)
	if !ok {
		return nil, fmt.Errorf("#%s is no JSON pointer", frag)
	}
	for _, tok := range toks {
		for n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		var next *yaml.Node
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == tok {
					next = n.Content[i+1]
					break
				}
			}
		case yaml.SequenceNode:
			if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(n.Content) {
				next = n.Content[i]
			}
		}
		if next == nil {
			return nil, fmt.Errorf("#%s names nothing", frag)
		}
		n = next
	}
	return n, nil
}

// rebase rewrites a $ref written in file from so that it names the same
// place from file to.
func (p *parser) rebase(ref string, from, to *srcFile) string {
	if from == to {
		return ref
	}
	file, frag, hasFrag := strings.Cut(ref, "#")
	if strings.Contains(file, ":") {
		return ref // a URL, refused when it is read
	}
	target := from.name
	if file != "" {
		target = path.Clean(path.Join(path.Dir(from.name), file))
	}
	out := ""
	if target != to.name {
		out = target
		if r, err := filepath.Rel(filepath.FromSlash(path.Dir(to.name)), filepath.FromSlash(target)); err == nil {
			out = filepath.ToSlash(r)
		}
	}
	if hasFrag {
		out += "#" + frag
	}
	return out
}

func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// writeJSON writes a node tree as JSON on one line, keeping the order of
// mappings, with every $ref passed through rebase.
func writeJSON(b *bytes.Buffer, n *yaml.Node, rebase func(string) string, depth int) error {
	if depth > 256 {
		return errors.New("nested too deeply")
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return errors.New("an alias names nothing")
		}
		return writeJSON(b, n.Alias, rebase, depth+1)
	case yaml.MappingNode:
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			k, v := n.Content[i], n.Content[i+1]
			b.WriteString(jsonString(k.Value))
			b.WriteByte(':')
			if k.Value == "$ref" && v.Kind == yaml.ScalarNode {
				b.WriteString(jsonString(rebase(v.Value)))
				continue
			}
			if err := writeJSON(b, v, rebase, depth+1); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeJSON(b, c, rebase, depth+1); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case yaml.ScalarNode:
		var v any
		if err := n.Decode(&v); err != nil {
			return err
		}
		data, err := json.Marshal(v)
		if err != nil {
			// A value JSON cannot hold (.inf, a binary): its text.
			data = []byte(jsonString(n.Value))
		}
		b.Write(data)
	default:
		b.WriteString("null")
	}
	return nil
}

// splice replaces the values the edits name in data, each in place:
// what spanned lines keeps its newlines after the new text, so every
// other line of the file keeps its number. When a value's extent cannot
// be found, the file is written anew from the edited node tree instead.
func splice(data []byte, root *yaml.Node, edits []edit) []byte {
	lines := lineStarts(data)
	type span struct {
		start, end int
		text       string
	}
	spans := make([]span, 0, len(edits))
	ok := true
	for _, e := range edits {
		start, end, found := refExtent(data, lines, e.v)
		if !found {
			ok = false
			break
		}
		spans = append(spans, span{start, end, e.text})
	}
	if ok {
		slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
		for i := 1; i < len(spans); i++ {
			if spans[i].start < spans[i-1].end {
				ok = false
			}
		}
	}
	if !ok {
		for _, e := range edits {
			var n yaml.Node
			if yaml.Unmarshal([]byte(e.text), &n) == nil && len(n.Content) == 1 {
				*e.v = *n.Content[0]
			}
		}
		out, err := yaml.Marshal(root)
		if err != nil {
			return data
		}
		return out
	}
	var b bytes.Buffer
	b.Grow(len(data))
	last := 0
	for _, s := range spans {
		b.Write(data[last:s.start])
		b.WriteString(s.text)
		b.WriteString(strings.Repeat("\n", bytes.Count(data[s.start:s.end], []byte("\n"))))
		last = s.end
	}
	b.Write(data[last:])
	return b.Bytes()
}

func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offset is the byte offset of a node's line and column (1-based, the
// column in characters).
func offset(data []byte, lines []int, line, col int) (int, bool) {
	if line < 1 || line > len(lines) || col < 1 {
		return 0, false
	}
	i := lines[line-1]
	for c := 1; c < col; c++ {
		if i >= len(data) || data[i] == '\n' {
			return 0, false
		}
		_, size := utf8.DecodeRune(data[i:])
		i += size
	}
	return i, true
}

// refExtent finds the bytes of a mapping that holds a $ref only: from its
// first key (block style) or its brace (flow style, JSON) to the end of
// the $ref's value or the closing brace. It checks what it found reads
// back as that mapping.
func refExtent(data []byte, lines []int, m *yaml.Node) (int, int, bool) {
	v := m.Content[1]
	start, ok1 := offset(data, lines, m.Line, m.Column)
	i, ok2 := offset(data, lines, v.Line, v.Column)
	if !ok1 || !ok2 || i < start {
		return 0, 0, false
	}
	flow := m.Style&yaml.FlowStyle != 0 || start < len(data) && data[start] == '{'
	switch {
	case i < len(data) && data[i] == '"':
		for i++; i < len(data) && data[i] != '"'; i++ {
			if data[i] == '\\' {
				i++
			}
		}
		i++
	case i < len(data) && data[i] == '\'':
		for i++; i < len(data); i++ {
			if data[i] == '\'' {
				if i+1 < len(data) && data[i+1] == '\'' {
					i++
					continue
				}
				break
			}
		}
		i++
	default:
		j := i
		for j < len(data) && data[j] != '\n' && !(flow && (data[j] == ',' || data[j] == '}')) &&
			!(data[j] == '#' && j > 0 && (data[j-1] == ' ' || data[j-1] == '\t')) {
			j++
		}
		for j > i && (data[j-1] == ' ' || data[j-1] == '\t' || data[j-1] == '\r') {
			j--
		}
		i = j
	}
	if i > len(data) {
		return 0, 0, false
	}
	if flow {
		for i < len(data) && strings.IndexByte(" \t\r\n", data[i]) >= 0 {
			i++
		}
		if i >= len(data) || data[i] != '}' {
			return 0, 0, false
		}
		i++
	}
	var back map[string]any
	if yaml.Unmarshal(data[start:i], &back) != nil || len(back) != 1 || back["$ref"] != v.Value {
		return 0, 0, false
	}
	return start, i, true
}

// readURI lets kin-openapi read the local files $refs name, through
// Options.ReadFile, each once, rewritten by bundle; the main document is
// the data Parse got.
func (p *parser) readURI(u *url.URL) ([]byte, error) {
	if u.Scheme != "" || u.Host != "" {
		return nil, fmt.Errorf("$ref to %s: errgen follows refs to local files only; save the file beside the document", u)
	}
	f, err := p.open(path.Clean(u.Path))
	if err != nil {
		if p.docs.failed == "" {
			p.docs.failed = path.Clean(u.Path)
		}
		return nil, err
	}
	return f.data, nil
}

// refTo says where the first $ref to the file name is written, for
// messages: "file#pointer (line n)", the file left out for the main
// document; "" when none is found.
func (p *parser) refTo(name string) string {
	files := []*srcFile{p.docs.main}
	for _, rel := range p.docs.order {
		files = append(files, p.docs.byName[path.Clean(path.Join(p.docs.dir, rel))])
	}
	for _, f := range files {
		root := f.tree()
		if root == nil {
			continue
		}
		var found string
		var visit func(n *yaml.Node, ptr string, depth int)
		visit = func(n *yaml.Node, ptr string, depth int) {
			if found != "" || depth > 256 {
				return
			}
			switch n.Kind {
			case yaml.MappingNode:
				for i := 0; i+1 < len(n.Content); i += 2 {
					k, v := n.Content[i], n.Content[i+1]
					if k.Value == "$ref" && v.Kind == yaml.ScalarNode {
						file, _, _ := strings.Cut(v.Value, "#")
						if file != "" && path.Clean(path.Join(path.Dir(f.name), file)) == name {
							found = fmt.Sprintf("%s (line %d)", (loc{file: f.rel, ptr: ptr + "/$ref"}).String(), k.Line)
							return
						}
					}
					visit(v, ptr+"/"+escape(k.Value), depth+1)
				}
			case yaml.SequenceNode:
				for i, c := range n.Content {
					visit(c, ptr+"/"+strconv.Itoa(i), depth+1)
				}
			}
		}
		visit(root, "", 0)
		if found != "" {
			return found
		}
	}
	return ""
}

// node returns the node at l and whether it is there, for files already
// read.
func (p *parser) node(l loc) (*yaml.Node, bool) {
	f := p.docs.main
	if l.file != "" {
		name := path.Clean(path.Join(p.docs.dir, l.file))
		var ok bool
		if f, ok = p.docs.byName[name]; !ok {
			return nil, false
		}
	}
	root := f.tree()
	if root == nil {
		return nil, false
	}
	n, err := lookup(root, l.ptr)
	return n, err == nil
}

// deref is where a $ref written at at leads: through any further $refs
// the place it names holds (a response that is a $ref to another file),
// so that the $refs inside are resolved from the file they are written
// in.
func (p *parser) deref(at loc, ref string) loc {
	if len(p.docs.order) == 0 {
		// One file: the chain changes no file $refs resolve from.
		return at.ref(ref)
	}
	l := p.norm(at.ref(ref))
	for range maxHops {
		n, ok := p.node(l)
		if !ok {
			break
		}
		next, ok := soleRef(n)
		if !ok {
			break
		}
		l = p.norm(l.ref(next))
	}
	return l
}

// norm names the main document "", whichever path a $ref took to it.
func (p *parser) norm(l loc) loc {
	if l.file != "" && p.docs.mainName != "" && path.Clean(path.Join(p.docs.dir, l.file)) == p.docs.mainName {
		l.file = ""
	}
	return l
}

// mainPos is where the key at ptr sits in the main document, for spec
// order; -1 when unknown.
func (p *parser) mainPos(ptr string) int {
	if p.docs.pos == nil {
		p.docs.pos = positions(p.docs.main.data)
		if p.docs.pos == nil {
			p.docs.pos = map[string]int{}
		}
	}
	if n, ok := p.docs.pos[ptr]; ok {
		return n
	}
	return -1
}
