package openapi

import (
	"bytes"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// yNode is a YAML node as Emit builds it: what it needs of yaml.Node,
// in half the memory, and a mapping or sequence may produce its content
// on the fly (each) rather than hold it, so that the examples of 50,000
// codes are never all in memory at once.
type yNode struct {
	Kind  yaml.Kind
	Style yaml.Style
	Tag   string
	Value string
	// Content is a mapping's keys and values, alternating, or a
	// sequence's items.
	Content []*yNode
	// each, when set, yields the content after Content: a mapping's
	// key and value, a sequence's item (and nil). What it yields is
	// written, or made a yaml.Node, before yield returns, and not kept:
	// each may reuse the nodes for what it yields next.
	each func(yield func(k, v *yNode))
	// chunks, when set, are mappings whose pairs follow the others, at
	// the same indent: each chunk is written on a goroutine of its own
	// (up to GOMAXPROCS at once) and the results are joined in order,
	// so a chunk's each must be safe to run beside the others'.
	chunks []*yNode
	// hint is about how many bytes a chunk writes.
	hint int
}

// forEach calls f with each key and value of a mapping, or each item
// (and nil) of a sequence.
func (n *yNode) forEach(f func(a, b *yNode)) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			f(n.Content[i], n.Content[i+1])
		}
	} else {
		for _, c := range n.Content {
			f(c, nil)
		}
	}
	if n.each != nil {
		n.each(f)
	}
	for _, c := range n.chunks {
		c.forEach(f)
	}
}

// yamlNode is n as a yaml.Node, for yaml.v3 to write.
func (n *yNode) yamlNode() *yaml.Node {
	y := &yaml.Node{Kind: n.Kind, Style: n.Style, Tag: n.Tag, Value: n.Value}
	n.forEach(func(a, b *yNode) {
		y.Content = append(y.Content, a.yamlNode())
		if b != nil {
			y.Content = append(y.Content, b.yamlNode())
		}
	})
	return y
}

// yamlWriter writes a document of yNodes as yaml.v3 writes the same
// yaml.Node tree with an indent of 2, byte for byte, at a fraction of its
// time and memory: yaml.v3 keeps every event of a document until it ends
// (some 150 bytes each, for some 50 events per code) and looks at every
// scalar twice. It writes the block structure itself, and each scalar
// whose presentation it knows for sure (ASCII text without special
// characters: plain, single- or double-quoted, or a literal block; see
// fastScalar); any other key and value, or sequence item, it has yaml.v3
// write on its own, as a one-pair mapping or one-item sequence, and
// indents the result to where it stands. yaml.v3 writes with no line width,
// so what it writes of a node does not depend on the node's column.
// TestYAMLWriter compares the two on generated trees.
type yamlWriter struct {
	b   []byte
	err error
}

// document writes the mapping root at the top level.
func (w *yamlWriter) document(root *yNode) {
	if root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 || isEmpty(root) {
		w.fallback(root, 0, false)
		return
	}
	w.mapping(root, 0, -1)
}

func isEmpty(n *yNode) bool {
	// Only for the root, flow collections and sequence items: Emit
	// never makes those lazily, so this makes nothing twice.
	empty := true
	n.forEach(func(a, b *yNode) { empty = false })
	return empty
}

func (w *yamlWriter) indent(d int) {
	for range d {
		w.b = append(w.b, ' ')
	}
}

// mapping writes the pairs of a block mapping at indent d; with dash >= 0
// it is a sequence item, and its first line carries the item's "- " at
// column dash (d = dash+2).
func (w *yamlWriter) mapping(n *yNode, d, dash int) {
	if len(n.chunks) > 0 && dash < 0 && n.Kind == yaml.MappingNode {
		w.chunked(n, d)
		return
	}
	first := true
	n.forEach(func(k, v *yNode) {
		start := len(w.b)
		w.pair(k, v, d)
		if first && dash >= 0 {
			w.b[start+dash] = '-'
		}
		first = false
	})
}

// chunked writes the pairs of mapping n, whose chunks are written
// concurrently, at indent d. At most GOMAXPROCS chunks are in memory at
// once: a chunk's slot frees once it is copied into w, in order.
func (w *yamlWriter) chunked(n *yNode, d int) {
	head := *n
	head.chunks = nil
	w.mapping(&head, d, -1)
	parts := make([]yamlWriter, len(n.chunks))
	done := make([]chan struct{}, len(n.chunks))
	for i := range done {
		done[i] = make(chan struct{})
	}
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	go func() {
		for i, c := range n.chunks {
			slots <- struct{}{}
			go func() {
				defer close(done[i])
				parts[i].b = make([]byte, 0, c.hint)
				parts[i].mapping(c, d, -1)
			}()
		}
	}()
	for i := range parts {
		<-done[i]
		if parts[i].err != nil && w.err == nil {
			w.err = parts[i].err
		}
		w.b = append(w.b, parts[i].b...)
		parts[i].b = nil
		<-slots
	}
}

// pair writes one key and value of a block mapping at indent d.
func (w *yamlWriter) pair(k, v *yNode, d int) {
	key, ok := fastScalar(k, true, 0)
	if !ok {
		w.fallbackPair(k, v, d)
		return
	}
	switch v.Kind {
	case yaml.ScalarNode:
		val, ok := fastScalar(v, false, d)
		if !ok {
			w.fallbackPair(k, v, d)
			return
		}
		w.indent(d)
		w.b = append(w.b, key...)
		w.b = append(w.b, ':', ' ')
		w.b = append(w.b, val...)
		w.b = append(w.b, '\n')
	case yaml.MappingNode, yaml.SequenceNode:
		if v.Style&yaml.FlowStyle != 0 && !isEmpty(v) {
			w.fallbackPair(k, v, d)
			return
		}
		w.indent(d)
		w.b = append(w.b, key...)
		w.b = append(w.b, ':')
		at := len(w.b)
		w.b = append(w.b, '\n')
		end := len(w.b)
		if v.Kind == yaml.MappingNode {
			w.mapping(v, d+2, -1)
		} else {
			w.sequence(v, d+2)
		}
		if len(w.b) == end {
			// Empty: yaml.v3 writes it in flow style.
			w.b = w.b[:at]
			if v.Kind == yaml.MappingNode {
				w.b = append(w.b, " {}\n"...)
			} else {
				w.b = append(w.b, " []\n"...)
			}
		}
	default:
		w.fallbackPair(k, v, d)
	}
}

// sequence writes the items of a block sequence, each "- " at column d.
func (w *yamlWriter) sequence(n *yNode, d int) {
	n.forEach(func(item, _ *yNode) { w.item(item, d) })
}

func (w *yamlWriter) item(v *yNode, d int) {
	switch v.Kind {
	case yaml.ScalarNode:
		val, ok := fastScalar(v, false, d)
		if !ok {
			w.fallback(v, d, true)
			return
		}
		w.indent(d)
		w.b = append(w.b, '-', ' ')
		w.b = append(w.b, val...)
		w.b = append(w.b, '\n')
	case yaml.MappingNode:
		if v.Style&yaml.FlowStyle != 0 || isEmpty(v) {
			w.fallback(v, d, true)
			return
		}
		w.mapping(v, d+2, d)
	default:
		w.fallback(v, d, true)
	}
}

// fallbackPair has yaml.v3 write the one-pair mapping {k: v}, indented by d.
func (w *yamlWriter) fallbackPair(k, v *yNode, d int) {
	m := &yNode{Kind: yaml.MappingNode, Content: []*yNode{k, v}}
	w.fallback(m, d, false)
}

// fallback has yaml.v3 write n, or the one-item sequence [n] when item
// is set, where it stands: d is even, and n is written as the value of
// d/2 nested one-key mappings, whose lines are then left out, so that
// yaml.v3 indents every line of it (those of multi-line keys too) as it
// would in the whole document.
func (w *yamlWriter) fallback(n *yNode, d int, item bool) {
	y := n.yamlNode()
	if item {
		y = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{y}}
	}
	for range d / 2 {
		y = &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: "_"}, y}}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(y); err != nil {
		w.err = err
		return
	}
	if err := enc.Close(); err != nil {
		w.err = err
		return
	}
	out := buf.Bytes()
	for range d / 2 {
		out = out[bytes.IndexByte(out, '\n')+1:]
	}
	w.b = append(w.b, out...)
}

// fastScalar returns how yaml.v3 writes the scalar n as a mapping key
// (key) or as a value or sequence item whose line is indented by d, and
// whether it knows that for sure: for ASCII text (and line breaks, in a
// value) without hidden characters, tabs or quotes in double-quoted
// strings, and the few non-string scalars Emit makes.
func fastScalar(n *yNode, key bool, d int) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.each != nil || len(n.Content) > 0 {
		return "", false
	}
	v := n.Value
	switch n.Tag {
	case "!!str":
	case "!!int", "!!bool", "!!null", "!!float":
		// Written plain when the value reads back as the tag, which
		// is all Emit makes; anything else keeps its tag.
		if n.Style != 0 || resolveTag(v) != n.Tag || !plain(v) {
			return "", false
		}
		return v, true
	default:
		return "", false
	}
	if key && len(v) > 128 {
		// Not a simple key: yaml.v3 writes "? key".
		return "", false
	}
	breaks := strings.IndexByte(v, '\n') >= 0
	if !printable(v, !key) {
		return "", false
	}
	switch {
	case n.Style == yaml.DoubleQuotedStyle:
		return doubleQuoted(v)
	case n.Style != 0:
		return "", false
	case breaks:
		return literal(v, d)
	case resolveTag(v) != "!!str":
		// yaml.v3 quotes a string that would read back as another type.
		return doubleQuoted(v)
	case plain(v):
		return v, true
	}
	return "'" + strings.ReplaceAll(v, "'", "''") + "'", true
}

// printable reports whether s is ASCII text from ' ' to '~', and line
// breaks when breaks is set.
func printable(s string, breaks bool) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < ' ' || c > '~') && !(breaks && c == '\n') {
			return false
		}
	}
	return true
}

func doubleQuoted(v string) (string, bool) {
	if strings.ContainsAny(v, "\"\\\n") {
		return "", false
	}
	return `"` + v + `"`, true
}

// literal is v, printable ASCII with line breaks, as the literal block
// yaml.v3 writes for it, for a line indented by d: only for text that
// needs no indentation indicator or keep chomping, and that a literal
// block can hold (no blank before a line break).
func literal(v string, d int) (string, bool) {
	if v == "" || v[0] == ' ' || v[0] == '\n' || v[len(v)-1] == '\n' || v[len(v)-1] == ' ' || strings.Contains(v, " \n") {
		return "", false
	}
	var b strings.Builder
	b.Grow(len(v) + 8 + 4*(d+2))
	b.WriteString("|-")
	for line := range strings.SplitSeq(v, "\n") {
		b.WriteByte('\n')
		if line == "" {
			continue
		}
		for range d + 2 {
			b.WriteByte(' ')
		}
		b.WriteString(line)
	}
	return b.String(), true
}

// plain reports whether yaml.v3 writes s, printable ASCII without line
// breaks, as a plain scalar in a block collection (its
// yaml_emitter_analyze_scalar): not empty, no blank at either end, no
// indicator at its start, no ": " or " #" inside and no ':' at its end.
func plain(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	if strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") {
		return false
	}
	switch s[0] {
	case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	case '?', ':', '-':
		if len(s) == 1 || s[1] == ' ' {
			return false
		}
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case ':':
			if i+1 == len(s) || s[i+1] == ' ' {
				return false
			}
		case '#':
			if s[i-1] == ' ' {
				return false
			}
		}
	}
	return true
}

// resolveTag is the tag yaml.v3 resolves the plain scalar s to (its
// resolve("", s)), for printable ASCII: what decides whether a string
// must be quoted to stay one.
func resolveTag(s string) string {
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "", "~", "null", "Null", "NULL":
		return "!!null"
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	}
	// "<<" is in yaml.v3's map too, but its first byte sends resolve
	// past the map: it stays a string.
	switch c := s[0]; {
	case c == '.':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "!!float"
		}
	case c == '+' || c == '-' || c >= '0' && c <= '9':
		if timestamp(s) {
			return "!!timestamp"
		}
		p := strings.ReplaceAll(s, "_", "")
		if _, err := strconv.ParseInt(p, 0, 64); err == nil {
			return "!!int"
		}
		if _, err := strconv.ParseUint(p, 0, 64); err == nil {
			return "!!int"
		}
		if yamlFloat.MatchString(p) {
			if _, err := strconv.ParseFloat(p, 64); err == nil {
				return "!!float"
			}
		}
		switch {
		case strings.HasPrefix(p, "0b"):
			if _, err := strconv.ParseInt(p[2:], 2, 64); err == nil {
				return "!!int"
			}
			if _, err := strconv.ParseUint(p[2:], 2, 64); err == nil {
				return "!!int"
			}
		case strings.HasPrefix(p, "-0b"):
			if _, err := strconv.ParseInt("-"+p[3:], 2, 64); err == nil {
				return "!!int"
			}
		case strings.HasPrefix(p, "0o"):
			if _, err := strconv.ParseInt(p[2:], 8, 64); err == nil {
				return "!!int"
			}
			if _, err := strconv.ParseUint(p[2:], 8, 64); err == nil {
				return "!!int"
			}
		case strings.HasPrefix(p, "-0o"):
			if _, err := strconv.ParseInt("-"+p[3:], 8, 64); err == nil {
				return "!!int"
			}
		}
	}
	return "!!str"
}

var yamlFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// timestamp is yaml.v3's parseTimestamp.
func timestamp(s string) bool {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			break
		}
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, format := range []string{"2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00", "2006-1-2 15:4:5.999999999", "2006-1-2"} {
		if _, err := time.Parse(format, s); err == nil {
			return true
		}
	}
	return false
}
