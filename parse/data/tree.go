package data

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/parse/internal/fields"
)

// node is one value of the document, object members in document order.
type node struct {
	kind fields.Kind
	line int32
	// text is a string's value, a number as written, "true", "false" or
	// "null".
	text string
	keys []string // an object's member names
	kids []*node  // an object's member values, an array's elements
}

// member returns the value of the object member named k: the last one,
// as encoding/json keeps the last of repeated names.
func (n *node) member(k string) *node {
	for i := len(n.keys) - 1; i >= 0; i-- {
		if n.keys[i] == k {
			return n.kids[i]
		}
	}
	return nil
}

func (n *node) scalar() bool {
	return n.kind != fields.Object && n.kind != fields.Array
}

// Limits of a document; see the package doc.
const (
	// MaxSize is the largest JSON document Parse reads.
	MaxSize = 64 << 20
	// MaxYAMLSize is the largest YAML document: yaml.v3 spends some 300
	// bytes of memory per input byte of flow items.
	MaxYAMLSize = 4 << 20
	// MaxDepth is how deep arrays and objects may nest.
	MaxDepth = 128
	// MaxItems is the most items Parse makes entries of.
	MaxItems = 1 << 20
)

// syntaxError is a JSON document that does not parse.
type syntaxError struct {
	line, col int
	msg       string
}

func (e *syntaxError) Error() string { return e.msg }

// jsonReader parses a JSON document into nodes. Strings without escapes
// share the memory of src, converted once; nodes come from slabs.
type jsonReader struct {
	src  string
	i    int
	line int32
	slab []node
}

func (r *jsonReader) alloc() *node {
	if len(r.slab) == 0 {
		r.slab = make([]node, 256)
	}
	n := &r.slab[0]
	r.slab = r.slab[1:]
	return n
}

func (r *jsonReader) fail(format string, args ...any) error {
	i := min(r.i, len(r.src))
	lineStart := strings.LastIndexByte(r.src[:i], '\n') + 1
	col := utf8.RuneCountInString(r.src[lineStart:i]) + 1
	return &syntaxError{int(r.line), col, fmt.Sprintf(format, args...)}
}

func (r *jsonReader) ws() {
	for r.i < len(r.src) {
		switch r.src[r.i] {
		case '\n':
			r.line++
			r.i++
		case ' ', '\t', '\r':
			r.i++
		default:
			return
		}
	}
}

// what names the byte at the reader, for messages.
func (r *jsonReader) what() string {
	if r.i >= len(r.src) {
		return "the end of the file"
	}
	c, _ := utf8.DecodeRuneInString(r.src[r.i:])
	return strconv.QuoteRune(c)
}

func parseJSON(src string) (*node, error) {
	r := &jsonReader{src: src, line: 1}
	n, err := r.value(0)
	if err != nil {
		return nil, err
	}
	r.ws()
	if r.i < len(r.src) {
		return nil, r.fail("%s after the document's value; want the end of the file", r.what())
	}
	return n, nil
}

func (r *jsonReader) value(depth int) (*node, error) {
	r.ws()
	if r.i >= len(r.src) {
		return nil, r.fail("the file ends where a value should be")
	}
	n := r.alloc()
	n.line = r.line
	switch c := r.src[r.i]; {
	case c == '{':
		if depth >= MaxDepth {
			return nil, r.fail("objects and arrays nest more than %d deep", MaxDepth)
		}
		n.kind = fields.Object
		r.i++
		r.ws()
		if r.i < len(r.src) && r.src[r.i] == '}' {
			r.i++
			return n, nil
		}
		for {
			r.ws()
			if r.i >= len(r.src) || r.src[r.i] != '"' {
				return nil, r.fail("%s where a member name should be; want a string in double quotes", r.what())
			}
			k, err := r.str()
			if err != nil {
				return nil, err
			}
			r.ws()
			if r.i >= len(r.src) || r.src[r.i] != ':' {
				return nil, r.fail("%s after member name %q; want ':'", r.what(), k)
			}
			r.i++
			v, err := r.value(depth + 1)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, k)
			n.kids = append(n.kids, v)
			r.ws()
			if r.i < len(r.src) && r.src[r.i] == ',' {
				r.i++
				continue
			}
			if r.i < len(r.src) && r.src[r.i] == '}' {
				r.i++
				return n, nil
			}
			return nil, r.fail("%s after member %q; want ',' or '}'", r.what(), k)
		}
	case c == '[':
		if depth >= MaxDepth {
			return nil, r.fail("objects and arrays nest more than %d deep", MaxDepth)
		}
		n.kind = fields.Array
		r.i++
		r.ws()
		if r.i < len(r.src) && r.src[r.i] == ']' {
			r.i++
			return n, nil
		}
		for {
			v, err := r.value(depth + 1)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, v)
			r.ws()
			if r.i < len(r.src) && r.src[r.i] == ',' {
				r.i++
				continue
			}
			if r.i < len(r.src) && r.src[r.i] == ']' {
				r.i++
				return n, nil
			}
			return nil, r.fail("%s after element %d of an array; want ',' or ']'", r.what(), len(n.kids)-1)
		}
	case c == '"':
		s, err := r.str()
		if err != nil {
			return nil, err
		}
		n.kind, n.text = fields.String, s
		return n, nil
	case c == '-' || c >= '0' && c <= '9':
		start := r.i
		if !r.number() {
			return nil, r.fail("malformed number %q", r.src[start:r.i])
		}
		n.kind, n.text = fields.Number, r.src[start:r.i]
		return n, nil
	}
	for _, lit := range [...]struct {
		w string
		k fields.Kind
	}{{"true", fields.Bool}, {"false", fields.Bool}, {"null", fields.Null}} {
		if strings.HasPrefix(r.src[r.i:], lit.w) {
			r.i += len(lit.w)
			n.kind, n.text = lit.k, lit.w
			return n, nil
		}
	}
	return nil, r.fail("%s where a value should be; want an object, array, string, number, true, false or null", r.what())
}

// number scans a JSON number (RFC 8259 §6) and reports whether it is one.
func (r *jsonReader) number() bool {
	s, i := r.src, r.i
	digits := func() int {
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - j
	}
	defer func() { r.i = i }()
	if s[i] == '-' {
		i++
	}
	if i < len(s) && s[i] == '0' {
		i++
	} else if digits() == 0 {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return true
}

// str reads a string; r.i is at its opening quote.
func (r *jsonReader) str() (string, error) {
	r.i++
	start := r.i
	for r.i < len(r.src) {
		c := r.src[r.i]
		if c == '"' {
			s := r.src[start:r.i]
			r.i++
			return s, nil
		}
		if c == '\\' {
			return r.escaped(start)
		}
		if c < 0x20 {
			return "", r.fail("control character %q in a string", rune(c))
		}
		r.i++
	}
	return "", r.fail("the file ends inside a string")
}

// escaped reads the rest of a string that has escapes.
func (r *jsonReader) escaped(start int) (string, error) {
	var b strings.Builder
	b.WriteString(r.src[start:r.i])
	for r.i < len(r.src) {
		c := r.src[r.i]
		switch {
		case c == '"':
			r.i++
			return b.String(), nil
		case c < 0x20:
			return "", r.fail("control character %q in a string", rune(c))
		case c != '\\':
			b.WriteByte(c)
			r.i++
			continue
		}
		if r.i+1 >= len(r.src) {
			break
		}
		e := r.src[r.i+1]
		r.i += 2
		switch e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			x, ok := hex4(r.src, r.i)
			if !ok {
				r.i -= 2
				return "", r.fail(`malformed \u escape; want four hex digits`)
			}
			r.i += 4
			ru := rune(x)
			if utf16.IsSurrogate(ru) {
				ru = utf8.RuneError
				if y, ok := hex4(r.src, r.i+2); ok && strings.HasPrefix(r.src[r.i:], `\u`) {
					if d := utf16.DecodeRune(rune(x), rune(y)); d != utf8.RuneError {
						ru = d
						r.i += 6
					}
				}
			}
			b.WriteRune(ru)
		default:
			r.i -= 2
			return "", r.fail("unknown escape \\%c in a string", e)
		}
	}
	return "", r.fail("the file ends inside a string")
}

func hex4(s string, i int) (uint64, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	x, err := strconv.ParseUint(s[i:i+4], 16, 32)
	return x, err == nil
}

// errBudget is a YAML document whose aliases expand past the node budget.
var errBudget = errors.New("budget")

// parseYAML reads a YAML document with yaml.v3 and converts its nodes.
// Aliases are expanded, every node they produce charged to a budget of
// one per input byte plus 1 Mi, so a "billion laughs" document is an
// error instead of a billion nodes.
func parseYAML(src []byte) (root *node, err error) {
	defer func() {
		// yaml.v3 is third-party code reading untrusted bytes.
		if p := recover(); p != nil {
			root, err = nil, &syntaxError{msg: fmt.Sprintf("YAML the reader cannot handle (%v)", p)}
		}
	}()
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(src)).Decode(&doc); err != nil {
		return nil, err
	}
	budget := len(src) + 1<<20
	return convert(&doc, 0, &budget)
}

func isMerge(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Value == "<<" && (k.Tag == "!!merge" || k.Tag == "" || k.ShortTag() == "!!merge")
}

func convert(y *yaml.Node, depth int, budget *int) (*node, error) {
	*budget--
	if *budget < 0 {
		return nil, errBudget
	}
	if depth > MaxDepth {
		return nil, &syntaxError{line: y.Line, msg: fmt.Sprintf("mappings and sequences nest more than %d deep", MaxDepth)}
	}
	switch y.Kind {
	case yaml.DocumentNode:
		if len(y.Content) == 0 {
			return &node{kind: fields.Null, text: "null", line: int32(y.Line)}, nil
		}
		return convert(y.Content[0], depth, budget)
	case yaml.AliasNode:
		if y.Alias == nil {
			return &node{kind: fields.Null, text: "null", line: int32(y.Line)}, nil
		}
		return convert(y.Alias, depth+1, budget)
	}
	n := &node{line: int32(y.Line)}
	switch y.Kind {
	case yaml.MappingNode:
		n.kind = fields.Object
		explicit := map[string]bool{}
		for i := 0; i+1 < len(y.Content); i += 2 {
			if k := y.Content[i]; !isMerge(k) {
				explicit[k.Value] = true
			}
		}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			for k.Kind == yaml.AliasNode && k.Alias != nil {
				k = k.Alias
			}
			kid, err := convert(v, depth+1, budget)
			if err != nil {
				return nil, err
			}
			if isMerge(k) {
				// A merge key (<<: *base, or a list of them) lends the
				// members the mapping does not set itself.
				srcs := []*node{kid}
				if kid.kind == fields.Array {
					srcs = kid.kids
				}
				for _, m := range srcs {
					for j, mk := range m.keys {
						if !explicit[mk] {
							explicit[mk] = true
							n.keys = append(n.keys, mk)
							n.kids = append(n.kids, m.kids[j])
						}
					}
				}
				continue
			}
			// A key that is not a scalar (a YAML oddity) is named by
			// its first line.
			key := k.Value
			if k.Kind != yaml.ScalarNode {
				key = fmt.Sprintf("(key at line %d)", k.Line)
			}
			n.keys = append(n.keys, key)
			n.kids = append(n.kids, kid)
		}
	case yaml.SequenceNode:
		n.kind = fields.Array
		for _, e := range y.Content {
			kid, err := convert(e, depth+1, budget)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, kid)
		}
	default:
		n.text = y.Value
		switch y.ShortTag() {
		case "!!int", "!!float":
			n.kind = fields.Number
		case "!!bool":
			n.kind = fields.Bool
		case "!!null":
			n.kind, n.text = fields.Null, "null"
		default:
			n.kind = fields.String
		}
	}
	return n, nil
}
