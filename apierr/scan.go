package apierr

import (
	"bytes"
	"math/bits"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth is encoding/json's nesting limit, so that exactly the
// documents encoding/json accepts are valid here, and so that a hostile
// body of nested brackets cannot recurse without bound.
const maxDepth = 10000

// span is where a JSON pointer resolved: doc[start:end] is the raw value
// (strings with their quotes). kind is 0 when the pointer did not
// resolve, else the value's first byte, with every number as '0'. ascii
// marks a string of ASCII without escapes, which needs no decoding.
type span struct {
	start, end int
	kind       byte
	ascii      bool
}

// scratchSpans is how many pointers Envelope.Parse and ListEnvelope.Parse
// resolve into an array on their own stack; beyond it they allocate.
// Every envelope errgen knows has fewer than 16 pointers.
const scratchSpans = 16

// lookup reports whether doc is one valid JSON value (RFC 8259, as strict
// as encoding/json) and resolves each pointer, given as its unescaped
// reference tokens, into out. When an object repeats a key the last
// occurrence wins, as it does for encoding/json. On invalid JSON every
// element of out is cleared.
func lookup(doc []byte, ptrs [][]string, out []span) bool {
	clear(out)
	// One pass handles 64 pointers (a bit each); more pointers take more
	// passes rather than a slower representation for the common case.
	for base := 0; ; base += 64 {
		n := min(len(ptrs)-base, 64)
		s := scanner{doc: doc, ptrs: ptrs[base : base+n], out: out[base : base+n]}
		s.skipSpace()
		if !s.value(uint64(1)<<uint(n)-1, 0) {
			clear(out)
			return false
		}
		s.skipSpace()
		if s.pos != len(doc) {
			clear(out)
			return false
		}
		if base+n >= len(ptrs) {
			return true
		}
	}
}

// scanner is a strict JSON validator that records, on the way, where the
// pointers it was given resolve. It never decodes: most of a body is
// never looked at, so only what a caller asks for is decoded, afterwards.
type scanner struct {
	doc  []byte
	pos  int
	ptrs [][]string
	out  []span
	// ascii tells whether the last string scanned was ASCII without
	// escapes: then its bytes are its value, and comparing or converting
	// it needs no second look.
	ascii bool
}

func (s *scanner) skipSpace() {
	for s.pos < len(s.doc) {
		switch s.doc[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// value scans the value at s.pos, which depth containers enclose. active
// has a bit for each pointer whose first depth tokens name this value's
// path.
func (s *scanner) value(active uint64, depth int) bool {
	if s.pos >= len(s.doc) {
		return false
	}
	start := s.pos
	kind := s.doc[s.pos]
	var ok bool
	switch kind {
	case '{':
		ok = depth < maxDepth && s.object(active, depth)
	case '[':
		ok = depth < maxDepth && s.array(active, depth)
	case '"':
		ok = s.string()
	case 't':
		ok = s.literal("true")
	case 'f':
		ok = s.literal("false")
	case 'n':
		ok = s.literal("null")
	default:
		kind = '0'
		ok = s.number()
	}
	if !ok {
		return false
	}
	for m := active; m != 0; m &= m - 1 {
		p := bits.TrailingZeros64(m)
		if len(s.ptrs[p]) == depth {
			s.out[p] = span{start: start, end: s.pos, kind: kind, ascii: kind == '"' && s.ascii}
		}
	}
	return true
}

func (s *scanner) object(active uint64, depth int) bool {
	s.pos++ // {
	s.skipSpace()
	if s.pos < len(s.doc) && s.doc[s.pos] == '}' {
		s.pos++
		return true
	}
	for {
		if s.pos >= len(s.doc) || s.doc[s.pos] != '"' {
			return false
		}
		keyStart := s.pos
		if !s.string() {
			return false
		}
		key, ascii := s.doc[keyStart+1:s.pos-1], s.ascii
		s.skipSpace()
		if s.pos >= len(s.doc) || s.doc[s.pos] != ':' {
			return false
		}
		s.pos++
		s.skipSpace()
		var child uint64
		for m := active; m != 0; m &= m - 1 {
			p := bits.TrailingZeros64(m)
			if t := s.ptrs[p]; len(t) > depth && (ascii && string(key) == t[depth] || !ascii && keyIs(key, t[depth])) {
				child |= 1 << uint(p)
				// A repeated key replaces what an earlier one resolved.
				s.out[p] = span{}
			}
		}
		if !s.value(child, depth+1) {
			return false
		}
		s.skipSpace()
		if s.pos >= len(s.doc) {
			return false
		}
		switch s.doc[s.pos] {
		case ',':
			s.pos++
			s.skipSpace()
		case '}':
			s.pos++
			return true
		default:
			return false
		}
	}
}

func (s *scanner) array(active uint64, depth int) bool {
	s.pos++ // [
	s.skipSpace()
	if s.pos < len(s.doc) && s.doc[s.pos] == ']' {
		s.pos++
		return true
	}
	for i := 0; ; i++ {
		var child uint64
		for m := active; m != 0; m &= m - 1 {
			p := bits.TrailingZeros64(m)
			if t := s.ptrs[p]; len(t) > depth && indexIs(t[depth], i) {
				child |= 1 << uint(p)
			}
		}
		if !s.value(child, depth+1) {
			return false
		}
		s.skipSpace()
		if s.pos >= len(s.doc) {
			return false
		}
		switch s.doc[s.pos] {
		case ',':
			s.pos++
			s.skipSpace()
		case ']':
			s.pos++
			return true
		default:
			return false
		}
	}
}

// plainByte marks the bytes a string literal holds as themselves: not the
// quote, the backslash, a control character or the start of a multi-byte
// sequence. The string scanner skips runs of them with one table load a
// byte instead of a chain of comparisons.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// string scans a string literal, checking its escapes but not decoding it:
// most strings are never looked at.
func (s *scanner) string() bool {
	doc := s.doc
	s.ascii = true
	i := s.pos + 1
	for {
		for i < len(doc) && plainByte[doc[i]] {
			i++
		}
		if i >= len(doc) {
			return false
		}
		switch c := doc[i]; {
		case c == '"':
			s.pos = i + 1
			return true
		case c >= utf8.RuneSelf:
			// Invalid UTF-8 is accepted, as encoding/json accepts it (and
			// decodes it as U+FFFD); only decoding looks closer.
			s.ascii = false
			i++
		case c == '\\':
			s.ascii = false
			if i+1 >= len(doc) {
				return false
			}
			switch doc[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if hex4(doc[i+2:]) < 0 {
					return false
				}
				i += 6
			default:
				return false
			}
		default: // a control character
			return false
		}
	}
}

func (s *scanner) literal(word string) bool {
	if !bytes.HasPrefix(s.doc[s.pos:], []byte(word)) {
		return false
	}
	s.pos += len(word)
	return true
}

func (s *scanner) number() bool {
	doc, i := s.doc, s.pos
	if i < len(doc) && doc[i] == '-' {
		i++
	}
	switch {
	case i < len(doc) && doc[i] == '0':
		i++
	case i < len(doc) && '1' <= doc[i] && doc[i] <= '9':
		i = digits(doc, i+1)
	default:
		return false
	}
	if i < len(doc) && doc[i] == '.' {
		j := digits(doc, i+1)
		if j == i+1 {
			return false
		}
		i = j
	}
	if i < len(doc) && (doc[i] == 'e' || doc[i] == 'E') {
		i++
		if i < len(doc) && (doc[i] == '+' || doc[i] == '-') {
			i++
		}
		j := digits(doc, i)
		if j == i {
			return false
		}
		i = j
	}
	s.pos = i
	return true
}

func digits(doc []byte, i int) int {
	for i < len(doc) && '0' <= doc[i] && doc[i] <= '9' {
		i++
	}
	return i
}

// hex4 decodes the four hex digits at the start of b, or returns -1.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// keyIs reports whether the raw (still escaped) object key equals the
// pointer token tok once decoded.
func keyIs(raw []byte, tok string) bool {
	if plain(raw) {
		return string(raw) == tok
	}
	return string(unquote(raw)) == tok
}

// indexIs reports whether tok is the RFC 6901 array index i: decimal
// without leading zeros.
func indexIs(tok string, i int) bool {
	if tok == "" || len(tok) > 1 && tok[0] == '0' {
		return false
	}
	n := 0
	for j := 0; j < len(tok); j++ {
		c := tok[j]
		if c < '0' || c > '9' || n > (i-int(c-'0'))/10 {
			return false
		}
		n = n*10 + int(c-'0')
	}
	return n == i
}

// plain reports whether the raw string contents need no decoding: no
// escapes and valid UTF-8 (encoding/json replaces invalid bytes).
func plain(raw []byte) bool {
	for i := 0; i < len(raw); {
		c := raw[i]
		if c == '\\' {
			return false
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// unquote decodes the contents of a string literal that the scanner
// accepted, exactly as encoding/json does: invalid UTF-8 and unpaired
// surrogates become U+FFFD.
func unquote(raw []byte) []byte {
	b := make([]byte, 0, len(raw)+utf8.UTFMax)
	for r := 0; r < len(raw); {
		c := raw[r]
		switch {
		case c == '\\':
			switch e := raw[r+1]; e {
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				rr := hex4(raw[r+2:])
				r += 6
				if utf16.IsSurrogate(rr) {
					if r+1 < len(raw) && raw[r] == '\\' && raw[r+1] == 'u' {
						if dec := utf16.DecodeRune(rr, hex4(raw[r+2:])); dec != utf8.RuneError {
							b = utf8.AppendRune(b, dec)
							r += 6
							continue
						}
					}
					rr = utf8.RuneError
				}
				b = utf8.AppendRune(b, rr)
				continue
			default: // " \ /
				b = append(b, e)
			}
			r += 2
		case c < utf8.RuneSelf:
			b = append(b, c)
			r++
		default:
			rr, size := utf8.DecodeRune(raw[r:])
			b = utf8.AppendRune(b, rr)
			r += size
		}
	}
	return b
}

// valueBytes returns a resolved string decoded or a number as written,
// aliasing doc when no decoding is needed; nil for other values.
func valueBytes(doc []byte, v span) []byte {
	switch v.kind {
	case '"':
		raw := doc[v.start+1 : v.end-1]
		if v.ascii || plain(raw) {
			return raw
		}
		return unquote(raw)
	case '0':
		return doc[v.start:v.end]
	}
	return nil
}

// valueText is valueBytes as a string: "" for values that are neither
// strings nor numbers.
func valueText(doc []byte, v span) string {
	return string(valueBytes(doc, v))
}

// rawValue is a resolved value as it is written in doc, aliasing it; nil
// when the pointer did not resolve. Its capacity ends with the value, so
// that appending to it cannot overwrite the rest of doc.
func rawValue(doc []byte, v span) []byte {
	if v.kind == 0 {
		return nil
	}
	return doc[v.start:v.end:v.end]
}
