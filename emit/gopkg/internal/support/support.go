// The catalog-independent runtime of this package: a strict JSON scanner,
// the placeholder engine and body reading. errgen copies it, package
// clause aside, from github.com/errgen/errgen/emit/gopkg/internal/support,
// where it is tested. It stays standard-library-only, keeps every
// identifier unexported and prefixed "errgen", and refers to nothing
// generated: the generated files call in, never the other way.

package support

import (
	"bytes"
	"io"
	"math/bits"
	"net/http"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// errgenMaxBody bounds how much of a response body FromResponse reads:
// error bodies are small, and a misbehaving server must not make us buffer
// an arbitrary download.
const errgenMaxBody = 1 << 20

// errgenMaxDepth is encoding/json's nesting limit, so that exactly the
// documents encoding/json accepts are valid here.
const errgenMaxDepth = 10000

// errgenSpan is where a JSON pointer resolved: doc[start:end] is the raw
// value (strings with their quotes). kind is 0 when the pointer did not
// resolve, else the value's first byte, with every number as '0'. ascii
// marks a string of ASCII without escapes, which needs no decoding.
type errgenSpan struct {
	start, end int
	kind       byte
	ascii      bool
}

// errgenShape is one envelope shape as indexes into the pointer list its
// parser was given; -1 means the shape has no such pointer. prefix is
// what the documentation writes before the codes the body sends (such as
// "AADSTS" for a body's 70011), "" for none.
type errgenShape struct {
	code, message, requestID int
	prefix                   string
}

// errgenParse resolves every pointer of body at once and returns the code,
// the prefix of its shape, the message and request ID of the first shape
// whose code is a JSON string or number. found must have one element per
// pointer; it is scratch space the caller provides so it can live on the
// caller's stack. The code aliases body when it needed no decoding, so
// that a known code costs nothing (see errgenCode).
func errgenParse(body []byte, ptrs [][]string, shapes []errgenShape, found []errgenSpan) (code []byte, prefix, message, requestID string, ok bool) {
	if !errgenLookup(body, ptrs, found) {
		return nil, "", "", "", false
	}
	for _, sh := range shapes {
		c := found[sh.code]
		if c.kind != '"' && c.kind != '0' {
			continue
		}
		code = errgenBytes(body, c)
		if sh.message >= 0 {
			message = errgenText(body, found[sh.message])
		}
		if sh.requestID >= 0 {
			requestID = errgenText(body, found[sh.requestID])
		}
		return code, sh.prefix, message, requestID, true
	}
	return nil, "", "", "", false
}

// errgenLookup reports whether doc is one valid JSON value (RFC 8259, as
// strict as encoding/json) and resolves each pointer, given as its
// unescaped reference tokens, into out. When an object repeats a key the
// last occurrence wins, as it does for encoding/json. On invalid JSON every
// element of out is cleared.
func errgenLookup(doc []byte, ptrs [][]string, out []errgenSpan) bool {
	clear(out)
	// One pass handles 64 pointers (a bit each); more pointers take more
	// passes rather than a slower representation for the common case.
	for base := 0; ; base += 64 {
		n := min(len(ptrs)-base, 64)
		s := errgenScanner{doc: doc, ptrs: ptrs[base : base+n], out: out[base : base+n]}
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

type errgenScanner struct {
	doc  []byte
	pos  int
	ptrs [][]string
	out  []errgenSpan
	// ascii tells whether the last string scanned was ASCII without
	// escapes: then its bytes are its value, and comparing or converting
	// it needs no second look.
	ascii bool
}

func (s *errgenScanner) skipSpace() {
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
func (s *errgenScanner) value(active uint64, depth int) bool {
	if s.pos >= len(s.doc) {
		return false
	}
	start := s.pos
	kind := s.doc[s.pos]
	var ok bool
	switch kind {
	case '{':
		ok = depth < errgenMaxDepth && s.object(active, depth)
	case '[':
		ok = depth < errgenMaxDepth && s.array(active, depth)
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
			s.out[p] = errgenSpan{start: start, end: s.pos, kind: kind, ascii: kind == '"' && s.ascii}
		}
	}
	return true
}

func (s *errgenScanner) object(active uint64, depth int) bool {
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
			if t := s.ptrs[p]; len(t) > depth && (ascii && string(key) == t[depth] || !ascii && errgenKeyIs(key, t[depth])) {
				child |= 1 << uint(p)
				// A repeated key replaces what an earlier one resolved.
				s.out[p] = errgenSpan{}
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

func (s *errgenScanner) array(active uint64, depth int) bool {
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
			if t := s.ptrs[p]; len(t) > depth && errgenIndexIs(t[depth], i) {
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

// string scans a string literal, checking its escapes but not decoding it:
// most strings are never looked at.
func (s *errgenScanner) string() bool {
	doc := s.doc
	s.ascii = true
	for i := s.pos + 1; i < len(doc); {
		switch c := doc[i]; {
		case c == '"':
			s.pos = i + 1
			return true
		case c >= utf8.RuneSelf:
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
				if errgenHex4(doc[i+2:]) < 0 {
					return false
				}
				i += 6
			default:
				return false
			}
		case c < 0x20:
			return false
		default:
			i++
		}
	}
	return false
}

func (s *errgenScanner) literal(word string) bool {
	if !bytes.HasPrefix(s.doc[s.pos:], []byte(word)) {
		return false
	}
	s.pos += len(word)
	return true
}

func (s *errgenScanner) number() bool {
	doc, i := s.doc, s.pos
	if i < len(doc) && doc[i] == '-' {
		i++
	}
	switch {
	case i < len(doc) && doc[i] == '0':
		i++
	case i < len(doc) && '1' <= doc[i] && doc[i] <= '9':
		i = errgenDigits(doc, i+1)
	default:
		return false
	}
	if i < len(doc) && doc[i] == '.' {
		j := errgenDigits(doc, i+1)
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
		j := errgenDigits(doc, i)
		if j == i {
			return false
		}
		i = j
	}
	s.pos = i
	return true
}

func errgenDigits(doc []byte, i int) int {
	for i < len(doc) && '0' <= doc[i] && doc[i] <= '9' {
		i++
	}
	return i
}

// errgenHex4 decodes the four hex digits at the start of b, or returns -1.
func errgenHex4(b []byte) rune {
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

// errgenKeyIs reports whether the raw (still escaped) object key equals
// the pointer token tok once decoded.
func errgenKeyIs(raw []byte, tok string) bool {
	if errgenPlain(raw) {
		return string(raw) == tok
	}
	return string(errgenUnquote(raw)) == tok
}

// errgenIndexIs reports whether tok is the RFC 6901 array index i: decimal
// without leading zeros.
func errgenIndexIs(tok string, i int) bool {
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

// errgenPlain reports whether the raw string contents need no decoding:
// no escapes and valid UTF-8 (encoding/json replaces invalid bytes).
func errgenPlain(raw []byte) bool {
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

// errgenUnquote decodes the contents of a string literal that the scanner
// accepted, exactly as encoding/json does: invalid UTF-8 and unpaired
// surrogates become U+FFFD.
func errgenUnquote(raw []byte) []byte {
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
				rr := errgenHex4(raw[r+2:])
				r += 6
				if utf16.IsSurrogate(rr) {
					if r+1 < len(raw) && raw[r] == '\\' && raw[r+1] == 'u' {
						if dec := utf16.DecodeRune(rr, errgenHex4(raw[r+2:])); dec != utf8.RuneError {
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

// errgenBytes returns a resolved string decoded or a number as written,
// aliasing doc when no decoding is needed; nil for other values.
func errgenBytes(doc []byte, v errgenSpan) []byte {
	switch v.kind {
	case '"':
		raw := doc[v.start+1 : v.end-1]
		if v.ascii || errgenPlain(raw) {
			return raw
		}
		return errgenUnquote(raw)
	case '0':
		return doc[v.start:v.end]
	}
	return nil
}

// errgenText is errgenBytes as a string: "" for values that are neither
// strings nor numbers.
func errgenText(doc []byte, v errgenSpan) string {
	return string(errgenBytes(doc, v))
}

// errgenRaw is a resolved value as it is written in doc, aliasing it; nil
// when the pointer did not resolve.
func errgenRaw(doc []byte, v errgenSpan) []byte {
	if v.kind == 0 {
		return nil
	}
	return doc[v.start:v.end:v.end]
}

// errgenListShape is one layout of a body that lists its errors: list
// indexes the pointer of the array in the body's pointer list, and code
// and message index the pointers into one element. A shape with list -1
// carries one error, and its code and message index the body's pointers,
// as those of errgenShape do. So does message when messageInBody is set:
// the body's one message, which every listed code pairs with. requestID
// always indexes the body's pointers. prefix is as in errgenShape.
type errgenListShape struct {
	list, code, message, requestID int
	messageInBody                  bool
	prefix                         string
}

// errgenElem is one error of a body that lists several: its code,
// aliasing the body when it needed no decoding, the prefix of its shape,
// and its message.
type errgenElem struct {
	code    []byte
	prefix  string
	message string
}

// errgenParseAll is errgenParse for a body that lists errors. It returns,
// appended to elems, every error of the first shape that gives a code (a
// JSON string or number) at least once, in body order, and the request
// ID. ptrs are pointers into the body, elemPtrs pointers into one element
// of a list; found and elemFound are scratch space with one element per
// pointer of each. An element without a code is left out.
func errgenParseAll(body []byte, ptrs, elemPtrs [][]string, shapes []errgenListShape, found, elemFound []errgenSpan, elems []errgenElem) ([]errgenElem, string, bool) {
	if !errgenLookup(body, ptrs, found) {
		return elems, "", false
	}
	for _, sh := range shapes {
		start := len(elems)
		switch {
		case sh.list < 0:
			if c := found[sh.code]; c.kind == '"' || c.kind == '0' {
				var message string
				if sh.message >= 0 {
					message = errgenText(body, found[sh.message])
				}
				elems = append(elems, errgenElem{errgenBytes(body, c), sh.prefix, message})
			}
		case found[sh.list].kind == '[':
			// The body is valid JSON, so the elements need no checks;
			// each is resolved on its own, which pairs code and message.
			// A message in the body is decoded once, for all of them.
			var shared string
			if sh.messageInBody && sh.message >= 0 {
				shared = errgenText(body, found[sh.message])
			}
			list := found[sh.list]
			s := errgenScanner{doc: body[:list.end], pos: list.start + 1}
			s.skipSpace()
			for s.doc[s.pos] != ']' {
				from := s.pos
				s.value(0, 1)
				elem := body[from:s.pos]
				if errgenLookup(elem, elemPtrs, elemFound) {
					if c := elemFound[sh.code]; c.kind == '"' || c.kind == '0' {
						message := shared
						if !sh.messageInBody && sh.message >= 0 {
							message = errgenText(elem, elemFound[sh.message])
						}
						elems = append(elems, errgenElem{errgenBytes(elem, c), sh.prefix, message})
					}
				}
				s.skipSpace()
				if s.doc[s.pos] == ',' {
					s.pos++
					s.skipSpace()
				}
			}
		}
		if len(elems) > start {
			var requestID string
			if sh.requestID >= 0 {
				requestID = errgenText(body, found[sh.requestID])
			}
			return elems, requestID, true
		}
	}
	return elems, "", false
}

// errgenSearch finds key in sorted, a table generated in byte order.
func errgenSearch(sorted []string, key string) (int, bool) {
	lo, hi := 0, len(sorted)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if sorted[m] < key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(sorted) && sorted[lo] == key
}

// errgenSearchBytes is errgenSearch for the key prefix followed by key,
// a code still in the body; it does not allocate: the string conversions
// in comparisons do not.
func errgenSearchBytes(sorted []string, prefix string, key []byte) (int, bool) {
	lo, hi := 0, len(sorted)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if errgenLess(sorted[m], prefix, key) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(sorted) {
		return lo, false
	}
	s := sorted[lo]
	return lo, len(s) == len(prefix)+len(key) && s[:len(prefix)] == prefix && s[len(prefix):] == string(key)
}

// errgenLess reports whether s sorts before prefix followed by key, in
// byte order.
func errgenLess(s, prefix string, key []byte) bool {
	if n := min(len(s), len(prefix)); s[:n] != prefix[:n] {
		return s[:n] < prefix[:n]
	}
	if len(s) < len(prefix) {
		// s is a proper prefix of prefix, so of prefix+key too.
		return true
	}
	return s[len(prefix):] < string(key)
}

// errgenCode is the code a body sends, prefix before it, as the Code of
// an error: sorted's own string when the package documents it, which
// costs no allocation, else a new string.
func errgenCode(sorted []string, prefix string, code []byte) string {
	if i, ok := errgenSearchBytes(sorted, prefix, code); ok {
		return sorted[i]
	}
	return prefix + string(code)
}

// errgenReadBody reads at most errgenMaxBody bytes of resp.Body and puts
// back a body that yields those bytes followed by the unread rest, so the
// caller can still read the whole body; closing it closes the original.
func errgenReadBody(resp *http.Response) ([]byte, error) {
	if resp.Body == nil || resp.Body == http.NoBody {
		return nil, nil
	}
	orig := resp.Body
	b, err := io.ReadAll(io.LimitReader(orig, errgenMaxBody))
	resp.Body = errgenBody{Reader: io.MultiReader(bytes.NewReader(b), orig), Closer: orig}
	return b, err
}

type errgenBody struct {
	io.Reader
	io.Closer
}

// errgenErrorText is the text of a generated Error: one line whatever the
// server or the vendor put in the parts.
func errgenErrorText(pkg, code string, status int, message, requestID string) string {
	var b strings.Builder
	b.WriteString(pkg)
	b.WriteString(": ")
	switch {
	case code != "":
		b.WriteString(code)
		if status != 0 {
			b.WriteString(" (HTTP ")
			b.WriteString(strconv.Itoa(status))
			b.WriteString(")")
		}
	case status != 0:
		b.WriteString("HTTP ")
		b.WriteString(strconv.Itoa(status))
	default:
		b.WriteString("error")
	}
	if message != "" {
		b.WriteString(": ")
		b.WriteString(message)
	}
	if requestID != "" {
		b.WriteString(" [request_id ")
		b.WriteString(requestID)
		b.WriteString("]")
	}
	return errgenOneLine(b.String())
}

// errgenErrorsText is the text of a generated Errors: that of its first
// error, with how many more there are.
func errgenErrorsText(pkg, code string, status int, message, requestID string, n int) string {
	if n > 1 {
		message = strings.TrimSpace(message + " (+" + strconv.Itoa(n-1) + " more)")
	}
	return errgenErrorText(pkg, code, status, message, requestID)
}

// errgenOneLine replaces control characters and line or paragraph
// separators by spaces and invalid UTF-8 by U+FFFD, so that a message
// cannot break a log line or move a terminal's cursor.
func errgenOneLine(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 || 0x7f <= r && r < 0xa0 || r == '\u2028' || r == '\u2029' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < 0x20 || 0x7f <= r && r < 0xa0 || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		default:
			// An invalid byte decodes as RuneError, written as U+FFFD.
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// Placeholders in documented message templates, in the styles vendors use:
//
//	{0} {1}        indexed: takes args[N]
//	{name} {}      positional: takes the next unused argument
//	${name}        positional (shell and JavaScript style)
//	%(key)s %(n)d  positional (Python style)
//	%s %d          positional (printf style)
//
// "%%" is literal text, so "%%s" is not a placeholder. A name in braces is
// letters, digits, '_', '-' and '.'; anything else in braces, such as JSON
// or a space, is literal text. A '$' right before a placeholder in braces
// is part of it, whatever the braces hold ("${0}" is {0}, "${}" is {}):
// the vendor's real messages carry the value, not the '$', so leaving it
// literal would make Match fail. Any other '$' is literal text: "$", "$$",
// "${", "${a b}"; "$${x}" is a literal '$' and the placeholder "${x}".

// errgenPlaceholder returns the length of the placeholder at the start of
// s, or 0, and for {N} the index N (-1 for positional ones).
func errgenPlaceholder(s string) (n, index int) {
	if len(s) < 2 {
		return 0, -1
	}
	switch {
	case s[0] == '$':
		if s[1] != '{' {
			return 0, -1
		}
		n, index = errgenPlaceholder(s[1:])
		if n == 0 {
			return 0, -1
		}
		return n + 1, index
	case s[0] == '{':
		end := strings.IndexByte(s, '}')
		if end < 0 {
			return 0, -1
		}
		name := s[1:end]
		if !errgenName(name) {
			return 0, -1
		}
		index = -1
		if name != "" && strings.Trim(name, "0123456789") == "" {
			index = errgenIndex(name)
		}
		return end + 1, index
	case s[0] == '%' && (s[1] == 's' || s[1] == 'd'):
		return 2, -1
	case s[0] == '%' && s[1] == '(':
		end := strings.IndexByte(s, ')')
		if end < 0 || end+1 >= len(s) || s[end+1] != 's' && s[end+1] != 'd' || !errgenName(s[2:end]) || end == 2 {
			return 0, -1
		}
		return end + 2, -1
	}
	return 0, -1
}

func errgenName(s string) bool {
	for _, r := range s {
		if r != '_' && r != '-' && r != '.' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// errgenIndex parses the digits of {N}; an index too large for any call
// saturates, so that the placeholder stays verbatim.
func errgenIndex(digits string) int {
	n := 0
	for i := 0; i < len(digits); i++ {
		if n > 1<<20 {
			return 1 << 30
		}
		n = n*10 + int(digits[i]-'0')
	}
	return n
}

// errgenNext finds the first placeholder of t at or after i; start is
// len(t) when there is none.
func errgenNext(t string, i int) (start, end, index int) {
	for ; i < len(t); i++ {
		switch t[i] {
		case '%':
			if i+1 < len(t) && t[i+1] == '%' {
				i++
				continue
			}
			fallthrough
		case '{', '$':
			if n, idx := errgenPlaceholder(t[i:]); n > 0 {
				return i, i + n, idx
			}
		}
	}
	return len(t), len(t), -1
}

// errgenFormat fills the placeholders of t from args; see the placeholder
// styles above. A placeholder without an argument stays verbatim.
func errgenFormat(t string, args []string) string {
	var b strings.Builder
	used := make([]bool, len(args))
	next := 0
	for i := 0; ; {
		start, end, index := errgenNext(t, i)
		b.WriteString(t[i:start])
		if start == len(t) {
			return b.String()
		}
		if index < 0 {
			for next < len(args) && used[next] {
				next++
			}
			index = next
		}
		if index < len(args) {
			used[index] = true
			b.WriteString(args[index])
		} else {
			b.WriteString(t[start:end])
		}
		i = end
	}
}

// errgenLiterals counts the literal characters (runes) of the template
// line t: how specific it is.
func errgenLiterals(t string) int {
	n := 0
	for i := 0; ; {
		start, end, _ := errgenNext(t, i)
		n += utf8.RuneCountInString(t[i:start])
		if start == len(t) {
			return n
		}
		i = end
	}
}

// errgenMaxScan bounds the text between a template's prefix and suffix
// that errgenMatch searches for the literals between placeholders. That
// search is what costs: Match tries every template, so 25,000 templates
// against a 1.2 MB message took 27 s. Real messages are far shorter; a
// longer one still fits templates with at most one placeholder, whose
// check costs only the template's length.
const errgenMaxScan = 4096

// errgenMatch reports whether message is an instance of the template line
// t and returns the placeholder values in order of appearance. Each
// placeholder takes the shortest text that lets the rest match, possibly
// none; for templates built only of literals and such wildcards, matching
// each inner literal at its leftmost place finds a match whenever one
// exists. A template with several placeholders fits no message whose text
// between prefix and suffix is longer than errgenMaxScan bytes.
func errgenMatch(t, message string) ([]string, bool) {
	start, end, _ := errgenNext(t, 0)
	if start == len(t) {
		return nil, t == message
	}
	prefix := t[:start]
	var spans [8][2]int
	ph := append(spans[:0], [2]int{start, end})
	for end < len(t) {
		start, end, _ = errgenNext(t, end)
		if start == len(t) {
			break
		}
		ph = append(ph, [2]int{start, end})
	}
	suffix := t[ph[len(ph)-1][1]:]
	if len(message) < len(prefix)+len(suffix) || !strings.HasPrefix(message, prefix) || !strings.HasSuffix(message, suffix) {
		return nil, false
	}
	mid := message[len(prefix) : len(message)-len(suffix)]
	if len(ph) > 1 && len(mid) > errgenMaxScan {
		return nil, false
	}
	args := make([]string, len(ph))
	pos := 0
	for k := 1; k < len(ph); k++ {
		lit := t[ph[k-1][1]:ph[k][0]]
		j := strings.Index(mid[pos:], lit)
		if j < 0 {
			return nil, false
		}
		args[k-1] = mid[pos : pos+j]
		pos += j + len(lit)
	}
	args[len(ph)-1] = mid[pos:]
	return args, true
}

// errgenMatchBest matches message against every line of every template
// and keeps the most specific match; the first wins a tie. A template has
// several lines only where the document lists alternative messages for
// one entry (a cell's paragraphs are one line), so each line is a
// template of its own.
func errgenMatchBest(templates []string, message string) ([]string, bool) {
	var best []string
	bestLit, found := -1, false
	for _, t := range templates {
		for line := range strings.SplitSeq(t, "\n") {
			if line == "" {
				continue
			}
			if args, ok := errgenMatch(line, message); ok {
				if n := errgenLiterals(line); n > bestLit {
					best, bestLit, found = args, n, true
				}
			}
		}
	}
	return best, found
}

// errgenFits reports whether message is an instance of the message
// template t of one documented entry: of one of its lines, or of any
// message when t is empty (the entry documents none). lit says how
// specific the fit is: the literal characters of the best line, -1 for an
// empty template.
func errgenFits(t, message string) (args []string, lit int, ok bool) {
	if t == "" {
		return nil, -1, true
	}
	lit = -1
	for line := range strings.SplitSeq(t, "\n") {
		if line == "" {
			continue
		}
		if a, fit := errgenMatch(line, message); fit {
			if n := errgenLiterals(line); !ok || n > lit {
				args, lit, ok = a, n, true
			}
		}
	}
	return args, lit, ok
}

// errgenPickEntry returns the index of the entry, among n that entry
// describes (status and message template), that message fits best (see
// errgenFits; the first wins a tie), and the placeholder values. When
// status is not 0, the entries documented with it or without a status
// are tried first, then the others. It returns -1 when none fits.
func errgenPickEntry(n int, entry func(int) (int, string), status int, message string) (int, []string) {
	best, bestLit := -1, -2
	var bestArgs []string
	for pass := 0; pass < 2 && best < 0; pass++ {
		for j := 0; j < n; j++ {
			s, t := entry(j)
			if preferred := status == 0 || s == status || s == 0; preferred != (pass == 0) {
				continue
			}
			if args, lit, ok := errgenFits(t, message); ok && lit > bestLit {
				best, bestLit, bestArgs = j, lit, args
			}
		}
	}
	return best, bestArgs
}

// errgenSCIMCode is the code of a SCIM error (RFC 7644 §3.12) among a
// package's sorted codes: its scimType when the package documents it,
// else its status when documented (a vendor whose table lists statuses),
// else the scimType, else the status; "" for neither.
func errgenSCIMCode(sorted []string, scimType string, status int) string {
	if i, ok := errgenSearch(sorted, scimType); ok {
		return sorted[i]
	}
	if status != 0 {
		if i, ok := errgenSearch(sorted, strconv.Itoa(status)); ok {
			return sorted[i]
		}
	}
	if scimType != "" {
		return scimType
	}
	if status != 0 {
		return strconv.Itoa(status)
	}
	return ""
}
