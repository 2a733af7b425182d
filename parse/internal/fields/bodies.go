package fields

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/errgen/errgen/catalog"
)

// Body is one error body found in a text.
type Body struct {
	// Code and Message are read from the body by [Detect]; Code is ""
	// when no field of the body is code-like.
	Code, Message string
	// CodeAt and MessageAt are the JSON pointers into the body they were
	// read at.
	CodeAt, MessageAt string
	// Status is the body's own status field when it has one, else the
	// status of the nearest line before the body that names one; 0 when
	// neither does.
	Status int
	// StatusFrom says where Status came from: "/status" (a pointer into
	// the body), "line 3" (a line of the text), or "".
	StatusFrom string
	// Line is the 1-based line of the text where the body starts.
	Line int
	// Example is the body as catalog.Example.Body keeps it: compact JSON,
	// keys sorted, after the repairs; "" when ExampleLeftOut.
	Example string
	// ExampleLeftOut says the example was left out: the bodies of a text
	// keep examples of at most eight times its size in all, since an
	// object gives one body, each with the whole object as its example,
	// per element of its array of codes.
	ExampleLeftOut bool
	// Repairs say what was forgiven, "line 2: an unescaped quote inside
	// a string"; a caller should warn when there are any.
	Repairs []string
}

// ErrTangled is returned (wrapped) when a text holds so many braces that
// never close that reading it would cost more than its budget; the bodies
// found before are returned with it.
var ErrTangled = errors.New("too many unbalanced braces")

// Bodies finds the error bodies in text, a table cell or a page's text,
// in order; see the package doc for the rules. It returns an error only
// with ErrTangled.
func Bodies(text string) ([]Body, error) {
	budget := 8*len(text) + 1<<20
	examples := 8 * len(text)
	var out []Body
	status, statusLine := 0, 0
	line := 1
	// last is where the text not yet scanned for status lines starts.
	last := 0
	scanStatus := func(upto int) {
		seg := text[last:upto]
		l := line
		for seg != "" {
			ln, rest, found := strings.Cut(seg, "\n")
			if st := StatusLine(ln); st != 0 {
				status, statusLine = st, l
			}
			if !found {
				break
			}
			seg = rest
			l++
		}
		line += strings.Count(text[last:upto], "\n")
		last = upto
	}
	for i := 0; i < len(text); i++ {
		if text[i] != '{' || !startsBody(text, i) {
			continue
		}
		scanStatus(i)
		p := &lenient{s: text, i: i, budget: &budget}
		n, err := p.value(0)
		if errors.Is(err, errBudget) {
			return out, fmt.Errorf("%w: reading the text would take more than %d steps (line %d)", ErrTangled, 8*len(text)+1<<20, line)
		}
		if err != nil || n.kind != Object || len(n.keys) == 0 {
			continue
		}
		bodies := readBody(n)
		if len(bodies) == 0 {
			continue
		}
		var repairs []string
		for _, r := range p.repairs {
			s := fmt.Sprintf("line %d: %s", line+strings.Count(text[i:r.at], "\n"), r.what)
			if !slices.Contains(repairs, s) {
				repairs = append(repairs, s)
			}
		}
		example, _ := catalog.ExampleBody(n.plain())
		for _, b := range bodies {
			b.Line = line
			if b.Status == 0 && status != 0 {
				b.Status, b.StatusFrom = status, "line "+strconv.Itoa(statusLine)
			}
			if len(example) <= examples {
				b.Example = example
				examples -= len(example)
			} else {
				b.ExampleLeftOut = true
			}
			b.Repairs = repairs
			out = append(out, b)
		}
		// Lines inside the body name no status of a later body.
		line += strings.Count(text[i:p.i], "\n")
		last = p.i
		i = p.i - 1
	}
	return out, nil
}

// startsBody: a '{' starts a body at the start of the text or after a
// blank or punctuation that introduces one (">", ":", "(", "=", "`"), not
// inside a word such as a {placeholder}'s neighbour.
func startsBody(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	switch r {
	case ' ', '\t', '\n', '\r', '>', ':', '(', '=', '`', '\u00a0':
		return true
	}
	return false
}

// readBody finds code, message and status in an object. A code inside
// an array's elements ({"errors": [{…}, {…}]}) gives one body per element.
func readBody(n *node) []Body {
	var cols []Column
	var leaves int
	flatten(n, "", &cols, map[string]int{}, &leaves)
	res := Detect(cols, Options{})
	code, msg, st := res.Get(Code), res.Get(Message), res.Get(Status)
	// A code found by content alone ("grant_type": "client_credentials"
	// of a request) makes no error body without a message beside it.
	if code.Pointer != "" && !code.Named && msg.Pointer == "" || code.Pointer == "" && msg.Pointer == "" {
		return nil
	}
	// A code in an array element: every element's.
	if arr, idx, ok := elementOf(n, code.Pointer); ok {
		var out []Body
		for j := range arr.kids {
			b := Body{
				CodeAt:    replaceIndex(code.Pointer, idx, j),
				MessageAt: replaceIndex(msg.Pointer, idx, j),
			}
			b.Code = scalarAt(n, b.CodeAt)
			b.Message = scalarAt(n, b.MessageAt)
			if b.Code == "" && b.Message == "" {
				continue
			}
			if msg.Pointer == "" {
				b.MessageAt = ""
			}
			setStatus(&b, n, st.Pointer)
			out = append(out, b)
		}
		return out
	}
	b := Body{CodeAt: code.Pointer, MessageAt: msg.Pointer, Code: scalarAt(n, code.Pointer), Message: scalarAt(n, msg.Pointer)}
	setStatus(&b, n, st.Pointer)
	return []Body{b}
}

func setStatus(b *Body, n *node, p string) {
	if p == "" {
		return
	}
	if s, _ := StatusOf(scalarAt(n, p)); s != 0 {
		b.Status, b.StatusFrom = s, p
	}
}

// flatten lists the scalar leaves of n as columns of one value each; at
// most 256 leaves.
func flatten(n *node, at string, cols *[]Column, seen map[string]int, leaves *int) {
	switch n.kind {
	case Object:
		for i, k := range n.keys {
			flatten(n.kids[i], at+"/"+escape(k), cols, seen, leaves)
		}
	case Array:
		for i, k := range n.kids {
			flatten(k, at+"/"+strconv.Itoa(i), cols, seen, leaves)
		}
	default:
		if *leaves >= 256 || at == "" {
			return
		}
		*leaves++
		if j, dup := seen[at]; dup {
			(*cols)[j].Values = append((*cols)[j].Values, Value{n.kind, n.text})
			return
		}
		seen[at] = len(*cols)
		*cols = append(*cols, Column{Pointer: at, Values: []Value{{n.kind, n.text}}})
	}
}

func escape(k string) string {
	return strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
}

// elementOf: when pointer p passes through an array of n, that array and
// the index of the token that is the element's.
func elementOf(n *node, p string) (*node, int, bool) {
	toks, ok := catalog.SplitPointer(p)
	if !ok || p == "" {
		return nil, 0, false
	}
	cur := n
	for i, t := range toks {
		switch cur.kind {
		case Array:
			return cur, i, true
		case Object:
			next := (*node)(nil)
			for j, k := range cur.keys {
				if k == t {
					next = cur.kids[j]
				}
			}
			if next == nil {
				return nil, 0, false
			}
			cur = next
		default:
			return nil, 0, false
		}
	}
	return nil, 0, false
}

// replaceIndex puts j as the token at index idx of pointer p, when p has
// a number there (a pointer into the same array).
func replaceIndex(p string, idx, j int) string {
	if p == "" {
		return ""
	}
	toks := strings.Split(p[1:], "/")
	if idx >= len(toks) {
		return p
	}
	if _, err := strconv.Atoi(toks[idx]); err != nil {
		return p
	}
	toks[idx] = strconv.Itoa(j)
	return "/" + strings.Join(toks, "/")
}

// scalarAt is the text of the scalar at pointer p of n, "" when none.
func scalarAt(n *node, p string) string {
	if p == "" {
		return ""
	}
	toks, ok := catalog.SplitPointer(p)
	if !ok {
		return ""
	}
	cur := n
	for _, t := range toks {
		var next *node
		switch cur.kind {
		case Object:
			for j, k := range cur.keys {
				if k == t {
					next = cur.kids[j] // the last of repeated keys, as JSON
				}
			}
		case Array:
			if j, err := strconv.Atoi(t); err == nil && j >= 0 && j < len(cur.kids) {
				next = cur.kids[j]
			}
		}
		if next == nil {
			return ""
		}
		cur = next
	}
	if cur.kind == Object || cur.kind == Array || cur.kind == Null {
		return ""
	}
	return cur.text
}

var (
	httpStatus   = regexp.MustCompile(`(?i)\bHTTP(?:/\d(?:\.\d)?)?\s*[:#]?\s*([1-5]\d\d)\b`)
	statusLabel  = regexp.MustCompile(`(?i)\b(?:status|status code|response code|response)\s*[:=]?\s*([1-5]\d\d)\b`)
	statusPhrase = regexp.MustCompile(`^([1-5]\d\d)\b\s*[-–—:]?\s*([A-Za-z][A-Za-z' -]*)?$`)
)

// StatusLine returns the HTTP status a line of text names, 0 when none:
// "HTTP 400", "*HTTP 400*", "HTTP/1.1 400 Bad Request", "Status: 400",
// "400 Bad Request", "400" alone (Markdown decoration around it is
// ignored). A number followed by other prose ("400 requests a day") names
// none.
func StatusLine(line string) int {
	if len(line) > 200 {
		return 0
	}
	t := strings.Trim(strings.TrimSpace(line), "*_#`>-|: \t")
	if m := httpStatus.FindStringSubmatch(t); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	if m := statusLabel.FindStringSubmatch(t); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	if m := statusPhrase.FindStringSubmatch(t); m != nil {
		n, _ := strconv.Atoi(m[1])
		phrase := strings.TrimSpace(m[2])
		if phrase == "" || len(strings.Fields(phrase)) <= 4 && KnownStatus(n) && Normalize(phrase) == Normalize(statusText[n]) {
			return n
		}
	}
	return 0
}
