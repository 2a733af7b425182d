package fields

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// node is a JSON value read leniently, object keys in document order.
type node struct {
	kind Kind
	text string // string value; number or literal as written
	keys []string
	kids []*node
}

// maxNest bounds how deep a body nests; real bodies use three or four.
const maxNest = 64

// errBudget stops a scan that would cost more than its budget.
var errBudget = errors.New("budget spent")

// lenient reads one JSON value at s[i:], forgiving what documentation
// pages do to JSON (see the package doc). It never reads past len(s),
// recurses at most maxNest deep and charges every byte it looks at to
// *budget.
type lenient struct {
	s       string
	i       int
	budget  *int
	repairs []repair
}

type repair struct {
	at   int // offset in s
	what string
}

type syntaxError struct{ at int }

func (e *syntaxError) Error() string { return "syntax error at offset " + strconv.Itoa(e.at) }

func (p *lenient) fail() error { return &syntaxError{p.i} }

func (p *lenient) note(at int, what string) {
	if len(p.repairs) < 16 {
		p.repairs = append(p.repairs, repair{at, what})
	}
}

// step charges n bytes to the budget.
func (p *lenient) step(n int) error {
	*p.budget -= n
	if *p.budget < 0 {
		return errBudget
	}
	return nil
}

func (p *lenient) ws() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *lenient) value(depth int) (*node, error) {
	p.ws()
	if err := p.step(1); err != nil {
		return nil, err
	}
	if p.i >= len(p.s) {
		return nil, p.fail()
	}
	switch c := p.s[p.i]; {
	case c == '{':
		if depth >= maxNest {
			return nil, p.fail()
		}
		return p.object(depth)
	case c == '[':
		if depth >= maxNest {
			return nil, p.fail()
		}
		return p.array(depth)
	case c == '"' || c == '\'':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return &node{kind: String, text: s}, nil
	case c == '-' || c >= '0' && c <= '9':
		start := p.i
		for p.i < len(p.s) && strings.IndexByte("+-.0123456789eE", p.s[p.i]) >= 0 {
			p.i++
		}
		t := p.s[start:p.i]
		if !json.Valid([]byte(t)) {
			p.i = start
			return p.bare()
		}
		return &node{kind: Number, text: t}, nil
	}
	for _, lit := range [...]struct {
		w string
		k Kind
	}{{"true", Bool}, {"false", Bool}, {"null", Null}} {
		if strings.HasPrefix(p.s[p.i:], lit.w) && !isWordByte(p.s, p.i+len(lit.w)) {
			p.i += len(lit.w)
			return &node{kind: lit.k, text: lit.w}, nil
		}
	}
	return p.bare()
}

func isWordByte(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// bare reads an unquoted value, such as "..." or <string>, up to the
// next ',', '}', ']' or line end, as a string.
func (p *lenient) bare() (*node, error) {
	start := p.i
	for p.i < len(p.s) && strings.IndexByte(",}]\n", p.s[p.i]) < 0 {
		if p.s[p.i] == '{' || p.s[p.i] == '[' || p.s[p.i] == ':' {
			return nil, p.fail()
		}
		p.i++
	}
	if err := p.step(p.i - start); err != nil {
		return nil, err
	}
	t := strings.TrimSpace(p.s[start:p.i])
	if t == "" {
		return nil, p.fail()
	}
	p.note(start, "an unquoted value")
	return &node{kind: String, text: t}, nil
}

func (p *lenient) object(depth int) (*node, error) {
	p.i++ // {
	n := &node{kind: Object}
	for {
		p.ws()
		if p.i >= len(p.s) {
			return nil, p.fail()
		}
		if p.s[p.i] == '}' {
			p.i++
			return n, nil
		}
		var key string
		switch c := p.s[p.i]; {
		case c == '"' || c == '\'':
			k, err := p.str()
			if err != nil {
				return nil, err
			}
			key = k
		case isWordByte(p.s, p.i) || c == '$':
			start := p.i
			for p.i < len(p.s) && (isWordByte(p.s, p.i) || p.s[p.i] == '$' || p.s[p.i] == '-') {
				p.i++
			}
			key = p.s[start:p.i]
			p.note(start, "an unquoted key")
		default:
			return nil, p.fail()
		}
		p.ws()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return nil, p.fail()
		}
		p.i++
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		if len(n.keys) >= 4096 {
			return nil, p.fail()
		}
		n.keys = append(n.keys, key)
		n.kids = append(n.kids, v)
		p.ws()
		if p.i >= len(p.s) {
			return nil, p.fail()
		}
		switch p.s[p.i] {
		case ',':
			p.i++
			p.ws()
			if p.i < len(p.s) && p.s[p.i] == '}' {
				p.note(p.i, "a trailing comma")
			}
		case '}':
		case '"':
			p.note(p.i, "a missing comma")
		default:
			return nil, p.fail()
		}
	}
}

func (p *lenient) array(depth int) (*node, error) {
	p.i++ // [
	n := &node{kind: Array}
	for {
		p.ws()
		if p.i >= len(p.s) {
			return nil, p.fail()
		}
		if p.s[p.i] == ']' {
			p.i++
			return n, nil
		}
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		if len(n.kids) >= 4096 {
			return nil, p.fail()
		}
		n.kids = append(n.kids, v)
		p.ws()
		if p.i >= len(p.s) {
			return nil, p.fail()
		}
		switch p.s[p.i] {
		case ',':
			p.i++
			p.ws()
			if p.i < len(p.s) && p.s[p.i] == ']' {
				p.note(p.i, "a trailing comma")
			}
		case ']':
		default:
			return nil, p.fail()
		}
	}
}

// str reads a string quoted with " (or '). A quote closes it only when
// what follows could follow a string in JSON (see closes); any other
// quote is part of the text, as a page that forgot to escape it means.
// Unknown escapes such as \_ (Markdown's) stand for the character; a line
// break inside the string reads as a space.
func (p *lenient) str() (string, error) {
	q := p.s[p.i]
	if q == '\'' {
		p.note(p.i, "a single-quoted string")
	}
	p.i++
	var b strings.Builder
	start := p.i
	for {
		if err := p.step(1); err != nil {
			return "", err
		}
		if p.i >= len(p.s) {
			return "", p.fail()
		}
		c := p.s[p.i]
		switch {
		case c == q:
			if p.closes(p.i + 1) {
				p.i++
				return b.String(), nil
			}
			p.note(p.i, "an unescaped quote inside a string")
			b.WriteByte(c)
			p.i++
		case c == '\\':
			if p.i+1 >= len(p.s) {
				return "", p.fail()
			}
			e := p.s[p.i+1]
			p.i += 2
			switch e {
			case '"', '\\', '/', '\'':
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
				r, ok := p.hex4()
				if !ok {
					b.WriteString(`\u`)
					p.note(p.i-2, `a bad \u escape`)
					continue
				}
				if utf16.IsSurrogate(r) {
					if strings.HasPrefix(p.s[p.i:], `\u`) {
						p.i += 2
						if r2, ok := p.hex4(); ok {
							r = utf16.DecodeRune(r, r2)
						}
					}
					if utf16.IsSurrogate(r) {
						r = utf8.RuneError
					}
				}
				b.WriteRune(r)
			default:
				// \_ \* \[ …: a Markdown escape, meaning the character.
				p.note(p.i-2, `an escape \`+string(rune(e))+` (read as `+string(rune(e))+`)`)
				p.i--
				r, size := utf8.DecodeRuneInString(p.s[p.i:])
				b.WriteRune(r)
				p.i += size
			}
		case c == '\n' || c == '\r':
			// A wrapped line of a rendered page.
			if b.Len() > 0 || p.i > start {
				b.WriteByte(' ')
			}
			p.i++
			for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
				p.i++
			}
		default:
			b.WriteByte(c)
			p.i++
		}
	}
}

// closes reports whether a quote before s[i:] ends a string: what follows
// (after blanks) is ':', '}', ']', the end, or a ',' followed by the start
// of another member or element or by a line break.
func (p *lenient) closes(i int) bool {
	i = skipBlanks(p.s, i)
	if i >= len(p.s) {
		return true
	}
	switch p.s[i] {
	case ':', '}', ']', '\n', '\r':
		return true
	case ',':
		j := i + 1
		for j < len(p.s) && (p.s[j] == ' ' || p.s[j] == '\t') {
			j++
		}
		if j >= len(p.s) {
			return true
		}
		switch c := p.s[j]; {
		case c == '"' || c == '\'' || c == '{' || c == '[' || c == '}' || c == ']' || c == '\n' || c == '\r':
			return true
		case c == '-' || c >= '0' && c <= '9':
			return true
		}
		// An unquoted key: word then ':'.
		k := j
		for k < len(p.s) && isWordByte(p.s, k) {
			k++
		}
		return k > j && skipBlanks(p.s, k) < len(p.s) && p.s[skipBlanks(p.s, k)] == ':'
	}
	return false
}

func skipBlanks(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func (p *lenient) hex4() (rune, bool) {
	if p.i+4 > len(p.s) {
		return 0, false
	}
	n, err := strconv.ParseUint(p.s[p.i:p.i+4], 16, 32)
	if err != nil {
		return 0, false
	}
	p.i += 4
	return rune(n), true
}

// plain is n as encoding/json's generic values, numbers as json.Number.
func (n *node) plain() any {
	switch n.kind {
	case Object:
		m := make(map[string]any, len(n.keys))
		for i, k := range n.keys {
			m[k] = n.kids[i].plain()
		}
		return m
	case Array:
		a := make([]any, len(n.kids))
		for i, k := range n.kids {
			a[i] = k.plain()
		}
		return a
	case Number:
		return json.Number(n.text)
	case Bool:
		return n.text == "true"
	case Null:
		return nil
	}
	return n.text
}
