package openapi

import (
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
)

// loc is a place in the document set: a JSON pointer into the main
// document (file "") or into another file, named by its slash path
// relative to the main document's directory.
type loc struct {
	file, ptr string
}

// String is the pointer, prefixed with "file#" for other files.
func (l loc) String() string {
	if l.file == "" {
		return l.ptr
	}
	return l.file + "#" + l.ptr
}

// child appends reference tokens, escaped.
func (l loc) child(tokens ...string) loc {
	var b strings.Builder
	b.WriteString(l.ptr)
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escape(t))
	}
	return loc{l.file, b.String()}
}

// ref resolves a $ref written at l.
func (l loc) ref(ref string) loc {
	file, frag, _ := strings.Cut(ref, "#")
	if file == "" {
		return loc{l.file, frag}
	}
	if strings.Contains(file, "://") {
		return loc{file, frag}
	}
	return loc{path.Clean(path.Join(path.Dir(l.file), file)), frag}
}

var escaper = strings.NewReplacer("~", "~0", "/", "~1")

func escape(token string) string {
	if !strings.ContainsAny(token, "~/") {
		return token
	}
	return escaper.Replace(token)
}

// splitPointer returns the unescaped tokens of a JSON pointer that the
// parser wrote or checked, so it is valid.
func splitPointer(ptr string) []string {
	toks, _ := catalog.SplitPointer(ptr)
	return toks
}

// toV2 maps a pointer into the OpenAPI 3 form that kin-openapi converts a
// Swagger 2.0 document to back into the Swagger document: schemas live
// under /definitions and shared responses under /responses, a response's
// schema sits on the response, and its example for a media type is
// examples/<media type>.
func toV2(ptr string) string {
	switch {
	case strings.HasPrefix(ptr, "/components/schemas/"):
		ptr = "/definitions/" + strings.TrimPrefix(ptr, "/components/schemas/")
	case strings.HasPrefix(ptr, "/components/responses/"):
		ptr = "/responses/" + strings.TrimPrefix(ptr, "/components/responses/")
	}
	toks := strings.Split(ptr, "/")
	for i := 0; i+2 < len(toks); i++ {
		if toks[i] != "content" {
			continue
		}
		switch toks[i+2] {
		case "schema":
			return strings.Join(append(toks[:i:i], toks[i+2:]...), "/")
		case "example":
			rest := append([]string{"examples", toks[i+1]}, toks[i+3:]...)
			return strings.Join(append(toks[:i:i], rest...), "/")
		}
	}
	return ptr
}

// positions indexes the mapping keys of a YAML or JSON document by JSON
// pointer: their order in the document. kin-openapi has no origins for a
// converted Swagger 2.0 document, so its order comes from here.
func positions(data []byte) map[string]int {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return nil
	}
	pos := map[string]int{}
	var walk func(n *yaml.Node, ptr string, depth int)
	walk = func(n *yaml.Node, ptr string, depth int) {
		if depth > 64 {
			return
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				p := ptr + "/" + escape(k.Value)
				pos[p] = k.Line<<16 + k.Column
				walk(n.Content[i+1], p, depth+1)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, ptr+"/"+strconv.Itoa(i), depth+1)
			}
		}
	}
	walk(root.Content[0], "", 0)
	return pos
}

// findRef returns the JSON pointer and line of the first $ref whose value
// is ref, to say where a ref that does not resolve is written.
func findRef(data []byte, ref string) (string, int, bool) {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return "", 0, false
	}
	var found func(n *yaml.Node, ptr string, depth int) (string, int, bool)
	found = func(n *yaml.Node, ptr string, depth int) (string, int, bool) {
		if depth > 256 {
			return "", 0, false
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Value == "$ref" && v.Kind == yaml.ScalarNode && v.Value == ref {
					return ptr + "/$ref", k.Line, true
				}
				if p, l, ok := found(v, ptr+"/"+escape(k.Value), depth+1); ok {
					return p, l, ok
				}
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				if p, l, ok := found(c, ptr+"/"+strconv.Itoa(i), depth+1); ok {
					return p, l, ok
				}
			}
		}
		return "", 0, false
	}
	return found(root.Content[0], "", 0)
}

// Spec order.
//
// kin-openapi's maps lose the order of their keys, and its origins, which
// keep it, cost about half a load more. The walk orders maps instead by
// the places of their keys, read from a key tree of each file: one pass
// over its bytes that keeps mapping keys, their lines and columns, and the
// values of $refs, and skips every scalar. The pass reads block and flow
// YAML and JSON; a file that uses what it does not read (anchors, aliases,
// tags, merge keys, directives, several documents, tabs in indentation,
// line breaks other than \n and \r\n) is read with yaml.v3 instead, as is
// one in which the pass finds something it does not expect.

// ynode is a mapping or sequence of a key tree; scalars are nil.
type ynode struct {
	keys  []ykey
	items []*ynode
	// ref is the value of the mapping's $ref, if it has one.
	ref    string
	hasRef bool
	// index finds the keys of a large mapping.
	index map[string]int
}

// ykey is a mapping key: its name, where it sits (line<<16 + column, as
// kin-openapi's origins and positions have it), and its value.
type ykey struct {
	name string
	pos  int
	val  *ynode
}

func (n *ynode) key(name string) (*ykey, bool) {
	if len(n.keys) > 16 {
		if n.index == nil {
			n.index = make(map[string]int, len(n.keys))
			for i := len(n.keys) - 1; i >= 0; i-- {
				n.index[n.keys[i].name] = i
			}
		}
		i, ok := n.index[name]
		if !ok {
			return nil, false
		}
		return &n.keys[i], true
	}
	for i := range n.keys {
		if n.keys[i].name == name {
			return &n.keys[i], true
		}
	}
	return nil, false
}

// keyTree reads the key tree of a file; nil when the file has no key
// places kin-openapi would give origins for.
func keyTree(data []byte) *ynode {
	s := string(data)
	// kin-openapi decodes a JSON document holding U+0085 as JSON, and
	// one that YAML refuses (duplicate keys) too, without origins.
	jsonish := mayBeJSON(s)
	if jsonish && strings.Contains(s, "\u0085") {
		return nil
	}
	sc := &keyScan{s: s, line: 1}
	root := sc.run()
	if sc.bad {
		root = yamlKeyTree(data)
	}
	if jsonish && root != nil && hasDuplicateKeys(root, 0) {
		return nil
	}
	return root
}

func mayBeJSON(s string) bool {
	s = strings.TrimLeft(s, " \t\r\n")
	return s != "" && strings.IndexByte(`{["-0123456789tfn`, s[0]) >= 0
}

func hasDuplicateKeys(n *ynode, depth int) bool {
	if n == nil || depth > 10000 {
		return false
	}
	if len(n.keys) > 1 {
		if len(n.keys) <= 16 {
			for i := range n.keys {
				for j := i + 1; j < len(n.keys); j++ {
					if n.keys[i].name == n.keys[j].name {
						return true
					}
				}
			}
		} else {
			seen := make(map[string]bool, len(n.keys))
			for _, k := range n.keys {
				if seen[k.name] {
					return true
				}
				seen[k.name] = true
			}
		}
	}
	for _, k := range n.keys {
		if hasDuplicateKeys(k.val, depth+1) {
			return true
		}
	}
	for _, it := range n.items {
		if hasDuplicateKeys(it, depth+1) {
			return true
		}
	}
	return false
}

// yamlKeyTree reads the key tree of a file with yaml.v3. A value that is
// an alias takes the place of the key its anchor was written under, as
// kin-openapi's origins do; merge keys give no places.
func yamlKeyTree(data []byte) *ynode {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return nil
	}
	anchorKey := map[*yaml.Node]*yaml.Node{}
	var anchors func(n *yaml.Node, depth int)
	anchors = func(n *yaml.Node, depth int) {
		if depth > 10000 {
			return
		}
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if v := n.Content[i+1]; v.Anchor != "" {
					anchorKey[v] = n.Content[i]
				}
			}
		}
		for _, c := range n.Content {
			anchors(c, depth+1)
		}
	}
	anchors(root.Content[0], 0)
	done := map[*yaml.Node]*ynode{}
	var conv func(n *yaml.Node, depth int) *ynode
	conv = func(n *yaml.Node, depth int) *ynode {
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		if t, ok := done[n]; ok || depth > 10000 {
			return t
		}
		switch n.Kind {
		case yaml.MappingNode:
			t := &ynode{}
			done[n] = t
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Tag == "!!merge" || k.Value == "<<" && k.Style == 0 {
					continue
				}
				at := k
				if v.Kind == yaml.AliasNode && v.Alias != nil {
					if ak, ok := anchorKey[v.Alias]; ok {
						at = ak
					}
				}
				if k.Value == "$ref" && v.Kind == yaml.ScalarNode {
					t.ref, t.hasRef = v.Value, true
				}
				t.keys = append(t.keys, ykey{name: k.Value, pos: at.Line<<16 + at.Column, val: conv(v, depth+1)})
			}
			return t
		case yaml.SequenceNode:
			t := &ynode{}
			done[n] = t
			for _, c := range n.Content {
				t.items = append(t.items, conv(c, depth+1))
			}
			return t
		}
		return nil
	}
	return conv(root.Content[0], 0)
}

// keyScan is the one pass over a file's bytes that reads its key tree.
type keyScan struct {
	s   string
	i   int
	ls  int // where the line of s[i] starts
	bad bool
	// line and column of s[off], for positions of keys, which come in
	// order.
	off, line, lineStart, runes int
}

// place is the position of the key at offset off: line<<16 + column,
// the column counted in characters from 1, as YAML parsers count.
func (sc *keyScan) place(off int) int {
	seg := sc.s[sc.off:off]
	if n := strings.Count(seg, "\n"); n > 0 {
		sc.line += n
		sc.lineStart = sc.off + strings.LastIndexByte(seg, '\n') + 1
		sc.runes = utf8.RuneCountInString(sc.s[sc.lineStart:off])
	} else {
		sc.runes += utf8.RuneCountInString(seg)
	}
	sc.off = off
	return sc.line<<16 + sc.runes + 1
}

func (sc *keyScan) fail() { sc.bad = true }

func (sc *keyScan) eof() bool { return sc.i >= len(sc.s) }

// sep tells whether s[j] separates: a blank, a line break or the end.
func (sc *keyScan) sep(j int) bool {
	return j >= len(sc.s) || sc.s[j] == ' ' || sc.s[j] == '\t' || sc.s[j] == '\n' || sc.s[j] == '\r'
}

func (sc *keyScan) run() *ynode {
	s := sc.s
	if strings.HasPrefix(s, "\ufeff") || strings.Contains(s, "\u2028") || strings.Contains(s, "\u2029") || strings.Contains(s, "\u0085") {
		sc.fail()
		return nil
	}
	for j := 0; ; {
		k := strings.IndexByte(s[j:], '\r')
		if k < 0 {
			break
		}
		j += k + 1
		if j >= len(s) || s[j] != '\n' {
			sc.fail()
			return nil
		}
	}
	if !sc.next() {
		return nil
	}
	if strings.HasPrefix(s[sc.i:], "---") && sc.sep(sc.i+3) {
		sc.i += 3
		sc.rest()
		if !sc.next() {
			return nil
		}
	}
	if s[sc.i] == '%' {
		sc.fail()
		return nil
	}
	root := sc.node(-1)
	if !sc.bad && sc.next() {
		// A second document, or something the pass misread.
		sc.fail()
	}
	return root
}

// newline consumes the line break at s[i].
func (sc *keyScan) newline() {
	sc.i++
	sc.ls = sc.i
}

// rest consumes the rest of the line: blanks, a comment, the line
// break; anything else is unexpected.
func (sc *keyScan) rest() {
	s := sc.s
	for sc.i < len(s) && (s[sc.i] == ' ' || s[sc.i] == '\t' || s[sc.i] == '\r') {
		sc.i++
	}
	if sc.i < len(s) && s[sc.i] == '#' {
		if k := strings.IndexByte(s[sc.i:], '\n'); k >= 0 {
			sc.i += k
		} else {
			sc.i = len(s)
		}
	}
	if sc.i < len(s) {
		if s[sc.i] != '\n' {
			sc.fail()
			return
		}
		sc.newline()
	}
}

// skipLine consumes everything to the next line.
func (sc *keyScan) skipLine() {
	if k := strings.IndexByte(sc.s[sc.i:], '\n'); k >= 0 {
		sc.i += k
		sc.newline()
	} else {
		sc.i = len(sc.s)
	}
}

// next moves to the next content of a line, past blank and comment
// lines; false at the end. Called at content, it stays there.
func (sc *keyScan) next() bool {
	s := sc.s
	for {
		for sc.i < len(s) && (s[sc.i] == ' ' || s[sc.i] == '\t' || s[sc.i] == '\r') {
			sc.i++
		}
		if sc.i >= len(s) {
			return false
		}
		switch s[sc.i] {
		case '\n':
			sc.newline()
			continue
		case '#':
			sc.skipLine()
			continue
		}
		if strings.IndexByte(s[sc.ls:sc.i], '\t') >= 0 {
			sc.fail()
			return false
		}
		return true
	}
}

// indent is the column of s[i] in bytes, for the block structure.
func (sc *keyScan) indent() int { return sc.i - sc.ls }

func (sc *keyScan) dash() bool { return sc.s[sc.i] == '-' && sc.sep(sc.i+1) }

// node reads the node at s[i], inside a collection indented by parent;
// it ends at the start of a line, or at the content of one.
func (sc *keyScan) node(parent int) *ynode {
	c := sc.s[sc.i]
	switch {
	case sc.dash():
		return sc.seq(sc.indent())
	case c == '{' || c == '[':
		n := sc.flow(0)
		if !sc.bad {
			sc.rest()
		}
		return n
	case c == '|' || c == '>':
		sc.blockScalar(parent)
		return nil
	case strings.IndexByte("&*!%@`?", c) >= 0:
		sc.fail()
		return nil
	}
	if sc.isKey() {
		return sc.mapping(sc.indent())
	}
	sc.scalar(parent)
	return nil
}

// isKey looks ahead on the line for a mapping key: a quoted or plain
// scalar followed by ':' and a blank.
func (sc *keyScan) isKey() bool {
	s := sc.s
	j := sc.i
	if s[j] == '"' || s[j] == '\'' {
		q := s[j]
		for j++; j < len(s) && s[j] != q; j++ {
			if s[j] == '\n' {
				return false
			}
			if q == '"' && s[j] == '\\' {
				j++
			} else if q == '\'' && s[j] == '\'' && j+1 < len(s) && s[j+1] == '\'' {
				j++
			}
		}
		for j++; j < len(s) && (s[j] == ' ' || s[j] == '\t'); j++ {
		}
		return j < len(s) && s[j] == ':' && sc.sep(j+1)
	}
	for ; j < len(s) && s[j] != '\n'; j++ {
		switch s[j] {
		case ':':
			if sc.sep(j + 1) {
				return true
			}
		case '#':
			if s[j-1] == ' ' || s[j-1] == '\t' {
				return false
			}
		}
	}
	return false
}

// mapping reads a block mapping whose keys are at column col.
func (sc *keyScan) mapping(col int) *ynode {
	n := &ynode{}
	for !sc.bad {
		off := sc.i
		name, ok := sc.key(false)
		if !ok {
			sc.fail()
			return n
		}
		n.keys = append(n.keys, ykey{name: name, pos: sc.place(off)})
		k := len(n.keys) - 1
		for sc.i < len(sc.s) && (sc.s[sc.i] == ' ' || sc.s[sc.i] == '\t') {
			sc.i++
		}
		if sc.eof() || sc.s[sc.i] == '\n' || sc.s[sc.i] == '\r' || sc.s[sc.i] == '#' {
			sc.rest()
			if !sc.next() {
				return n
			}
			if c := sc.indent(); c > col || c == col && sc.dash() {
				sc.value(n, k, col)
			}
		} else {
			sc.value(n, k, col)
		}
		if sc.bad || !sc.next() {
			return n
		}
		if c := sc.indent(); c < col {
			return n
		} else if c > col {
			sc.fail()
		}
	}
	return n
}

// value reads the value of the k-th key of n, keeping it as the $ref of
// n when that key is $ref and the value a scalar.
func (sc *keyScan) value(n *ynode, k, col int) {
	ref := ""
	if n.keys[k].name == "$ref" {
		ref = sc.refValue()
	}
	v := sc.node(col)
	n.keys[k].val = v
	if n.keys[k].name == "$ref" && v == nil {
		n.ref, n.hasRef = ref, true
	}
}

// seq reads a block sequence whose dashes are at column col.
func (sc *keyScan) seq(col int) *ynode {
	n := &ynode{}
	for !sc.bad {
		sc.i++ // the dash
		for sc.i < len(sc.s) && (sc.s[sc.i] == ' ' || sc.s[sc.i] == '\t') {
			sc.i++
		}
		var v *ynode
		if sc.eof() || sc.s[sc.i] == '\n' || sc.s[sc.i] == '\r' || sc.s[sc.i] == '#' {
			sc.rest()
			if sc.next() && sc.indent() > col {
				v = sc.node(col)
			}
		} else {
			v = sc.node(col)
		}
		n.items = append(n.items, v)
		if sc.bad || !sc.next() {
			return n
		}
		c := sc.indent()
		if c < col || c == col && !sc.dash() {
			return n
		}
		if c > col {
			sc.fail()
		}
	}
	return n
}

// key reads a mapping key and the ':' after it; in flow, plain keys end
// at flow indicators too.
func (sc *keyScan) key(flow bool) (string, bool) {
	s := sc.s
	var name string
	switch c := s[sc.i]; {
	case c == '"' || c == '\'':
		v, ok := sc.quoted(false)
		if !ok {
			return "", false
		}
		name = v
	case strings.IndexByte("&*!?|>%@`{}[],-#", c) >= 0 && !(c == '-' && !sc.sep(sc.i+1)):
		return "", false
	default:
		start := sc.i
		for ; sc.i < len(s); sc.i++ {
			c := s[sc.i]
			if c == '\n' {
				return "", false
			}
			if c == ':' && sc.sep(sc.i+1) {
				break
			}
			if c == ':' && flow && sc.i+1 < len(s) && strings.IndexByte(",[]{}", s[sc.i+1]) >= 0 {
				// "{a:}": YAML reads the plain key "a:"; leave such
				// rare forms to yaml.v3.
				return "", false
			}
			if flow && strings.IndexByte(",[]{}", c) >= 0 {
				break
			}
			if c == '#' && (s[sc.i-1] == ' ' || s[sc.i-1] == '\t') {
				return "", false
			}
		}
		name = strings.TrimRight(s[start:sc.i], " \t")
		if name == "<<" || name == "" {
			return "", false
		}
	}
	for sc.i < len(s) && (s[sc.i] == ' ' || s[sc.i] == '\t') {
		sc.i++
	}
	if sc.i < len(s) && s[sc.i] == ':' {
		sc.i++
		return name, true
	}
	if flow && sc.i < len(s) && (s[sc.i] == ',' || s[sc.i] == '}') {
		// A key without value.
		return name, true
	}
	return "", false
}

// quoted reads a quoted scalar at s[i]; multi says whether it may span
// lines (a value may, a key may not).
func (sc *keyScan) quoted(multi bool) (string, bool) {
	s := sc.s
	q := s[sc.i]
	start := sc.i + 1
	escaped := false
	for sc.i++; sc.i < len(s); sc.i++ {
		switch c := s[sc.i]; {
		case c == '\n':
			if !multi {
				return "", false
			}
			sc.ls = sc.i + 1
			escaped = true
		case q == '"' && c == '\\':
			escaped = true
			sc.i++
			if sc.i < len(s) && s[sc.i] == '\n' {
				sc.ls = sc.i + 1
			}
		case c == q:
			if q == '\'' && sc.i+1 < len(s) && s[sc.i+1] == '\'' {
				escaped = true
				sc.i++
				continue
			}
			raw := s[start:sc.i]
			sc.i++
			if !escaped || multi {
				// Values (multi) are skipped, not read.
				return raw, true
			}
			if q == '\'' && !strings.Contains(raw, "\n") {
				return strings.ReplaceAll(raw, "''", "'"), true
			}
			return unescapeYAML(raw)
		}
	}
	return "", false
}

// unescapeYAML decodes a double-quoted scalar on one line; false for
// what it does not decode.
func unescapeYAML(raw string) (string, bool) {
	if strings.Contains(raw, "\n") {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(raw) {
			return "", false
		}
		n := 0
		switch raw[i] {
		case '0':
			b.WriteByte(0)
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 't', '\t':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'v':
			b.WriteByte('\v')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case 'e':
			b.WriteByte(0x1b)
		case ' ', '"', '/', '\\':
			b.WriteByte(raw[i])
		case 'N':
			b.WriteRune('\u0085')
		case '_':
			b.WriteRune('\u00a0')
		case 'L':
			b.WriteRune('\u2028')
		case 'P':
			b.WriteRune('\u2029')
		case 'x':
			n = 2
		case 'u':
			n = 4
		case 'U':
			n = 8
		default:
			return "", false
		}
		if n > 0 {
			if i+n >= len(raw) {
				return "", false
			}
			v, err := strconv.ParseUint(raw[i+1:i+1+n], 16, 32)
			if err != nil || !utf8.ValidRune(rune(v)) {
				return "", false
			}
			b.WriteRune(rune(v))
			i += n
		}
	}
	return b.String(), true
}

// refValue reads the scalar value of a $ref without consuming it.
func (sc *keyScan) refValue() string {
	save, ls := sc.i, sc.ls
	defer func() { sc.i, sc.ls = save, ls }()
	s := sc.s
	if s[sc.i] == '"' || s[sc.i] == '\'' {
		v, _ := sc.quoted(false)
		return v
	}
	end := strings.IndexByte(s[sc.i:], '\n')
	if end < 0 {
		end = len(s) - sc.i
	}
	line := s[sc.i : sc.i+end]
	for j := 1; j < len(line); j++ {
		if line[j] == '#' && (line[j-1] == ' ' || line[j-1] == '\t') {
			line = line[:j]
			break
		}
	}
	return strings.TrimRight(line, " \t\r")
}

// scalar skips a quoted or plain scalar, with the lines that continue it
// (indented past parent).
func (sc *keyScan) scalar(parent int) {
	if c := sc.s[sc.i]; c == '"' || c == '\'' {
		if _, ok := sc.quoted(true); !ok {
			sc.fail()
			return
		}
		sc.rest()
		return
	}
	sc.skipLine()
	for sc.next() && sc.indent() > parent {
		sc.skipLine()
	}
}

// blockScalar skips a literal or folded scalar: its header line and the
// blank lines and those indented past parent that follow.
func (sc *keyScan) blockScalar(parent int) {
	sc.skipLine()
	s := sc.s
	for sc.i < len(s) {
		j := sc.i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j < len(s) && s[j] != '\n' && s[j] != '\r' && j-sc.ls <= parent {
			return
		}
		sc.i = j
		blank := true
		for k := j; k < len(s) && s[k] != '\n'; k++ {
			if s[k] != ' ' && s[k] != '\t' && s[k] != '\r' {
				blank = false
				break
			}
		}
		if !blank && j-sc.ls <= parent {
			return
		}
		sc.skipLine()
	}
}

// flowSpace skips blanks, line breaks and comments in a flow collection.
func (sc *keyScan) flowSpace() {
	s := sc.s
	for sc.i < len(s) {
		switch s[sc.i] {
		case ' ', '\t', '\r':
			sc.i++
		case '\n':
			sc.newline()
		case '#':
			if sc.i > 0 && s[sc.i-1] != ' ' && s[sc.i-1] != '\t' && s[sc.i-1] != '\n' {
				return
			}
			sc.skipLine()
		default:
			return
		}
	}
}

// flow reads a flow mapping or sequence at s[i].
func (sc *keyScan) flow(depth int) *ynode {
	if depth > 10000 {
		sc.fail()
		return nil
	}
	s := sc.s
	mapping := s[sc.i] == '{'
	end := byte(']')
	if mapping {
		end = '}'
	}
	sc.i++
	n := &ynode{}
	for !sc.bad {
		sc.flowSpace()
		if sc.eof() {
			sc.fail()
			return n
		}
		if s[sc.i] == end {
			sc.i++
			return n
		}
		if mapping {
			off := sc.i
			name, ok := sc.key(true)
			if !ok {
				sc.fail()
				return n
			}
			k := ykey{name: name, pos: sc.place(off)}
			if s[sc.i-1] == ':' {
				sc.flowSpace()
				ref := ""
				if name == "$ref" && !sc.eof() {
					ref = sc.flowRefValue()
				}
				k.val = sc.flowValue(depth)
				if name == "$ref" && k.val == nil {
					n.ref, n.hasRef = ref, true
				}
			}
			n.keys = append(n.keys, k)
		} else {
			n.items = append(n.items, sc.flowValue(depth))
			sc.flowSpace()
			if !sc.eof() && s[sc.i] == ':' {
				sc.fail()
			}
		}
		sc.flowSpace()
		switch {
		case sc.eof():
			sc.fail()
		case s[sc.i] == ',':
			sc.i++
		case s[sc.i] != end:
			sc.fail()
		}
	}
	return n
}

func (sc *keyScan) flowRefValue() string {
	save, ls := sc.i, sc.ls
	defer func() { sc.i, sc.ls = save, ls }()
	if c := sc.s[sc.i]; c == '"' || c == '\'' {
		v, _ := sc.quoted(false)
		return v
	}
	start := sc.i
	sc.flowPlain()
	return strings.TrimRight(sc.s[start:sc.i], " \t\r\n")
}

// flowValue reads a value in a flow collection.
func (sc *keyScan) flowValue(depth int) *ynode {
	if sc.eof() {
		sc.fail()
		return nil
	}
	switch c := sc.s[sc.i]; {
	case c == '{' || c == '[':
		return sc.flow(depth + 1)
	case c == '"' || c == '\'':
		if _, ok := sc.quoted(true); !ok {
			sc.fail()
		}
	case c == ',' || c == '}' || c == ']':
		// An empty value.
	case strings.IndexByte("&*!|>%@`?#", c) >= 0:
		sc.fail()
	default:
		sc.flowPlain()
	}
	return nil
}

// flowPlain skips a plain scalar in a flow collection.
func (sc *keyScan) flowPlain() {
	s := sc.s
	for ; sc.i < len(s); sc.i++ {
		switch c := s[sc.i]; c {
		case ',', '}', ']', '[', '{':
			return
		case ':':
			if sc.sep(sc.i+1) || sc.i+1 < len(s) && strings.IndexByte(",[]{}", s[sc.i+1]) >= 0 {
				return
			}
		case '#':
			if s[sc.i-1] == ' ' || s[sc.i-1] == '\t' {
				return
			}
		case '\n':
			sc.ls = sc.i + 1
		}
	}
}

// keyPlaces are the key trees of the files of one parse, read when the
// walk first orders a map of each, and the nodes found at pointers.
type keyPlaces struct {
	trees map[string]*ynode
	at    map[loc]placed
}

// placed is a node and the file it is written in, which $refs may have
// led to.
type placed struct {
	n    *ynode
	file string
}

// keyPos is where the key at at is written, for spec order: what
// kin-openapi's origin of the element would say; -1 when unknown. A
// mapping that is a $ref stands for the one it names, as it does for
// kin-openapi.
func (p *parser) keyPos(at loc) int {
	i := strings.LastIndexByte(at.ptr, '/')
	if i < 0 {
		return -1
	}
	parent := p.nodeAt(loc{at.file, at.ptr[:i]})
	if parent.n == nil {
		return -1
	}
	k, _ := p.childKey(parent, unescape(at.ptr[i+1:]))
	if k == nil {
		return -1
	}
	return k.pos
}

func unescape(token string) string {
	if !strings.Contains(token, "~") {
		return token
	}
	return strings.ReplaceAll(strings.ReplaceAll(token, "~1", "/"), "~0", "~")
}

// nodeAt is the mapping or sequence at l.
func (p *parser) nodeAt(l loc) placed {
	if n, ok := p.places.at[l]; ok {
		return n
	}
	if p.places.at == nil {
		p.places.at = map[loc]placed{}
	}
	// Nil while it is being found: a $ref back to it leads nowhere.
	p.places.at[l] = placed{}
	var out placed
	if l.ptr == "" {
		out = placed{p.keyTreeOf(l.file), l.file}
	} else if i := strings.LastIndexByte(l.ptr, '/'); i >= 0 {
		parent := p.nodeAt(loc{l.file, l.ptr[:i]})
		if parent.n != nil {
			tok := unescape(l.ptr[i+1:])
			if k, file := p.childKey(parent, tok); k != nil {
				out = placed{k.val, file}
			} else if len(parent.n.items) > 0 {
				if j, err := strconv.Atoi(tok); err == nil && j >= 0 && j < len(parent.n.items) {
					out = placed{parent.n.items[j], parent.file}
				}
			}
		}
	}
	p.places.at[l] = out
	return out
}

// childKey finds the key name in a mapping, or in the one its $ref
// names, through at most maxHops $refs; it returns the file the key is
// written in.
func (p *parser) childKey(n placed, name string) (*ykey, string) {
	for range maxHops {
		if k, ok := n.n.key(name); ok {
			return k, n.file
		}
		if !n.n.hasRef {
			return nil, ""
		}
		to := loc{n.file, ""}.ref(n.n.ref)
		if strings.Contains(to.file, "://") {
			return nil, ""
		}
		n = p.nodeAt(p.norm(to))
		if n.n == nil {
			return nil, ""
		}
	}
	return nil, ""
}

// keyTreeOf reads the key tree of a file of the parse once; "" is the
// main document.
func (p *parser) keyTreeOf(file string) *ynode {
	if t, ok := p.places.trees[file]; ok {
		return t
	}
	var t *ynode
	if file == "" {
		t = keyTree(p.docs.main.data)
	} else if f := p.docs.byName[path.Clean(path.Join(p.docs.dir, file))]; f != nil {
		t = keyTree(f.data)
	}
	if p.places.trees == nil {
		p.places.trees = map[string]*ynode{}
	}
	p.places.trees[file] = t
	return t
}
