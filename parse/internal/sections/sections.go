package sections

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errgen/errgen/catalog"
)

// Kind is what a [Block] is.
type Kind uint8

const (
	// Paragraph is a paragraph, or text between block elements.
	Paragraph Kind = iota + 1
	// Item is a paragraph of a list item (Markdown list item, <li>, <dd>).
	Item
	// Heading is a heading (#…######, <h1>…<h6>).
	Heading
	// Term is a definition term (<dt>): like a bold line, it may name a
	// code.
	Term
)

var kindNames = [...]string{Paragraph: "paragraph", Item: "item", Heading: "heading", Term: "term"}

func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Block is one block of text of a page, as the front ends produce it.
type Block struct {
	Kind Kind
	// Level is a heading's level, 1–6, or a list item's nesting depth,
	// 1 for a top-level list; 0 otherwise.
	Level int
	// Text is the block's text: escapes resolved, markup dropped, white
	// space collapsed, lines trimmed and joined by "\n" (a heading's are
	// joined by a space).
	Text string
	// Strong holds the texts of the strong (bold) and code spans when the
	// block consists of nothing else, in order; nil otherwise.
	Strong []string
	// Line is the 1-based source line where the block starts, 0 when
	// unknown (HTML trees carry no lines).
	Line int
}

// entry is an entry being read: a code and what its lines say so far.
type entry struct {
	code      string
	title     string // the text after the code in "E0000001: API validation failed"
	line      int
	fromLabel bool     // started by an "Error code:" line
	heading   bool     // started by a heading
	glued     []string // bold spans glued before the code: group headings
	labelled  bool     // at least one labelled line
	status    int      // own status, when hasStatus
	hasStatus bool
	statusRaw string
	statusAt  int // the status line's line
	texts     [solution + 1]string
	names     [solution + 1]string // the label that set each field
	extra     map[string]string
	pre       []string // unlabelled text before the first label
	last      field    // where unlabelled text goes; none: to pre
	lastExtra string   // ...or this Extra key
	lastBlock int      // the block index of the last text added
	// warns are the warnings about the entry's lines, told only if it
	// turns out to be an entry rather than a group heading.
	warns []catalog.Diagnostic
}

func (e *entry) warn(file string, line int, format string, args ...any) {
	e.warns = append(e.warns, catalog.Diagnostic{File: file, Where: where(line, e.code), Message: fmt.Sprintf(format, args...)})
}

// group is a bold line or heading read as a group heading.
type group struct {
	code string
	line int
}

// defaultStatus is a status heading's status, for the codes under it.
type defaultStatus struct {
	status, level, line int
	text                string
}

type reader struct {
	file    string
	report  *catalog.Report
	entries []catalog.Entry
	def     *defaultStatus
	cur     *entry
	group   *group
	seen    map[dupID]int // an entry's fields → its line
	found   bool
	// unknown lists the entries whose status is undocumented, for one
	// warning or one each at the end.
	unknown []int
}

// Read returns the entries of a section layout: each error a heading, a
// bold line or an "Error code:" line holding the code, followed by
// labelled lines. found is false when blocks hold no such layout; the
// entries and report are then empty. file names the page in warnings.
func Read(blocks []Block, file string) (entries []catalog.Entry, report *catalog.Report, found bool) {
	r := newReader(file)
	for i := range blocks {
		r.block(i, &blocks[i])
	}
	return r.done()
}

func newReader(file string) *reader {
	return &reader{file: file, report: &catalog.Report{}, seen: map[dupID]int{}}
}

// done ends the page: Read's results.
func (r *reader) done() (entries []catalog.Entry, report *catalog.Report, found bool) {
	r.flush()
	r.finish()
	if !r.found {
		return nil, &catalog.Report{}, false
	}
	return r.entries, r.report, true
}

func (r *reader) block(i int, b *Block) {
	switch b.Kind {
	case Heading:
		r.flush()
		if st, ok := statusHeading(b.Text); ok {
			r.group = nil
			r.def = &defaultStatus{status: st, level: b.Level, line: b.Line, text: b.Text}
			return
		}
		// A heading holding a code is one of the codes of the section
		// above, which keeps its default status; any other heading at
		// the status heading's level or above ends that section.
		code, title := b.Text, ""
		if len(b.Strong) > 0 && allCodes(b.Strong) {
			code = b.Strong[len(b.Strong)-1]
		} else if c, t, ok := codeTitle(b.Text); ok {
			code, title = c, t
		}
		if !isCode(code) {
			r.group = nil
			if r.def != nil && b.Level <= r.def.level {
				r.def = nil
			}
			return
		}
		if r.def != nil && b.Level < r.def.level {
			r.def = nil
		}
		r.start(code, b.Line, nil)
		r.cur.heading, r.cur.title = true, title
		return
	case Paragraph, Item, Term:
		spans := b.Strong
		if b.Kind == Term && spans == nil {
			spans = []string{b.Text}
		}
		if len(spans) > 0 && allCodes(spans) {
			r.flush()
			r.start(spans[len(spans)-1], b.Line, spans[:len(spans)-1])
			return
		}
		if len(spans) == 1 && !strings.Contains(b.Text, "\n") {
			if c, t, ok := codeTitle(spans[0]); ok {
				r.flush()
				r.start(c, b.Line, nil)
				r.cur.title = t
				return
			}
		}
	default:
		return
	}
	for k, line := range strings.Split(b.Text, "\n") {
		r.line(i, b.Line+k, k == 0, line)
	}
}

func allCodes(spans []string) bool {
	for _, s := range spans {
		if !isCode(s) {
			return false
		}
	}
	return true
}

// labels counts the fields the entry's labelled lines set.
func (e *entry) labels() int {
	n := len(e.extra)
	for _, name := range e.names {
		if name != "" {
			n++
		}
	}
	return n
}

// start begins a new entry for code.
func (r *reader) start(code string, line int, glued []string) {
	r.cur = &entry{code: code, line: line, glued: glued, lastBlock: -1}
}

// line reads one line of a block; first says it is the block's first.
func (r *reader) line(block, lineNo int, first bool, text string) {
	f, name, value, ok := label(text)
	e := r.cur
	if !ok {
		if e == nil {
			return
		}
		sep := "\n"
		if !first || block == e.lastBlock {
			sep = " " // a wrapped line of the same paragraph
		}
		e.lastBlock = block
		switch {
		case e.lastExtra != "":
			e.extra[e.lastExtra] = join(e.extra[e.lastExtra], sep, text)
		case e.last != none:
			e.texts[e.last] = join(e.texts[e.last], sep, text)
		case len(e.pre) > 0 && sep == " ":
			e.pre[len(e.pre)-1] = join(e.pre[len(e.pre)-1], " ", text)
		default:
			e.pre = append(e.pre, text)
		}
		return
	}
	if f == code {
		switch {
		case e == nil || e.fromLabel || e.texts[code] != "":
			if !isCode(value) {
				return
			}
			r.flush()
			r.start(value, lineNo, nil)
			r.cur.fromLabel, r.cur.labelled = true, true
			r.cur.texts[code], r.cur.names[code] = value, name
			r.cur.lastBlock = block
			return
		case value != e.code && !e.labelled && isCode(value):
			// The bold line or heading above was a group heading.
			r.flush()
			r.start(value, lineNo, nil)
			r.cur.fromLabel, r.cur.labelled = true, true
			r.cur.texts[code], r.cur.names[code] = value, name
			r.cur.lastBlock = block
			return
		}
	}
	if e == nil {
		return // a labelled line outside any entry
	}
	wasLabelled := e.labelled
	e.labelled = true
	e.lastBlock = block
	e.lastExtra, e.last = "", none
	if e.names[f] != "" {
		// A second line for the same field: a different label keeps its
		// own text in Extra, as a second table column would.
		key := name
		if labelKey(name) == labelKey(e.names[f]) && f != status && f != code {
			e.texts[f] = join(e.texts[f], "\n", value)
			e.last = f
			return
		}
		if e.extra == nil {
			e.extra = map[string]string{}
		}
		for n := 2; e.extra[key] != ""; n++ {
			key = fmt.Sprintf("%s (%d)", name, n)
		}
		e.extra[key] = value
		e.lastExtra = key
		if f == status || f == code {
			e.warn(r.file, lineNo, "%s %q of %s repeats the %s %q; the first is kept and this one is in extra[%q]",
				name, value, e.code, e.names[f], e.texts[f], key)
		}
		return
	}
	e.names[f], e.texts[f], e.last = name, value, f
	switch f {
	case status:
		e.statusRaw = value
		st, rest, ok := leadingStatus(value)
		if !ok {
			e.warn(r.file, lineNo, "%s %q of %s is not an HTTP status; expected a number such as 400; the text is kept in extra[%q]",
				name, value, e.code, name)
			e.extra = setExtra(e.extra, name, value)
			e.texts[f], e.names[f] = "", ""
			e.lastExtra = name
			// A sentence such as "Status: the request is returned…" is
			// no evidence that a code is documented here.
			e.labelled = wasLabelled
			return
		}
		e.status, e.hasStatus, e.statusAt = st, true, lineNo
		if more := strings.TrimLeft(rest, " ,;/"); more != "" {
			if _, _, ok := leadingStatus(strings.TrimPrefix(strings.TrimPrefix(more, "or "), "and ")); ok {
				e.warn(r.file, lineNo, "%s %q of %s names several statuses; the first, %d, is kept", name, value, e.code, st)
			}
		}
	case code:
		if value != e.code {
			e.warn(r.file, lineNo, "%s %q differs from the code %s the entry starts with (line %d); the %s line is kept",
				name, value, e.code, e.line, name)
			if isCode(value) {
				e.code = value
			}
		}
	}
}

func setExtra(m map[string]string, k, v string) map[string]string {
	if m == nil {
		m = map[string]string{}
	}
	m[k] = v
	return m
}

// join joins a and b with sep, leaving out an empty side. A space that
// would fall between two East Asian characters is left out too: a
// wrapped Chinese or Japanese line continues without one.
func join(a, sep, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	if sep == " " {
		last, _ := utf8.DecodeLastRuneInString(a)
		first, _ := utf8.DecodeRuneInString(b)
		if wide(last) && wide(first) {
			sep = ""
		}
	}
	return a + sep + b
}

// wide reports whether r is a Han, kana or Hangul character or CJK
// punctuation, which wrap without spaces.
func wide(r rune) bool {
	return r >= 0x3000 && r <= 0x30FF || r >= 0xFF00 && r <= 0xFFEF ||
		unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// where names a place for a Diagnostic: "line 12", or the code when the
// page has no lines.
func where(line int, code string) string {
	if line > 0 {
		return "line " + strconv.Itoa(line)
	}
	return "section " + strconv.Quote(code)
}

// flush ends the current entry: an entry without labelled lines is a
// group heading, any other one becomes a catalog entry.
func (r *reader) flush() {
	e := r.cur
	r.cur = nil
	if e == nil {
		return
	}
	if !e.labelled {
		// A plain word ("Examples") is a heading of prose, not a group
		// of codes: no guess to warn about.
		if !e.heading || codeShaped(e.code) {
			r.group = &group{code: e.code, line: e.line}
		}
		return
	}
	r.found = true
	w := where(e.line, e.code)
	if g := r.group; g != nil {
		if !extends(e.code, g.code) {
			r.report.Warn(r.file, where(g.line, g.code), "%q has no labelled lines of its own and is read as a group heading, not a code (the next code, %s, does not start with it)", g.code, e.code)
		}
		r.group = nil
	}
	r.report.Warnings = append(r.report.Warnings, e.warns...)
	// A plain word ("Throttling", "Inactive") is a code when labelled
	// lines follow it; with one labelled line only, as under a bold
	// "Important" above "Status: 404 is returned when…", that is a guess.
	if !e.fromLabel && !codeShaped(e.code) && (e.heading || e.labels() < 2) {
		kind := "bold line"
		if e.heading {
			kind = "heading"
		}
		r.report.Warn(r.file, w, "%s %q is a plain word, read as the code %s because labelled lines follow it", kind, e.code, e.code)
	}
	for _, gl := range e.glued {
		if !extends(e.code, gl) {
			r.report.Warn(r.file, w, "bold %q is glued to the code %s and read as a group heading, not a code", gl, e.code)
		}
	}
	out := catalog.Entry{
		Code: e.code, Status: e.status, Title: e.title,
		Message: e.texts[message], Description: e.texts[description], Solution: e.texts[solution],
		Origin: catalog.Origin{Line: e.line},
	}
	if len(e.pre) > 0 {
		out.Description = join(strings.Join(e.pre, "\n"), "\n", out.Description)
	}
	if len(e.extra) > 0 {
		out.Extra = e.extra
	}
	switch d := r.def; {
	case !e.hasStatus && d != nil:
		out.Status = d.status
	case e.hasStatus && d != nil && d.status != e.status:
		at := ""
		if d.line > 0 {
			at = fmt.Sprintf(" (line %d)", d.line)
		}
		r.report.Warn(r.file, where(e.statusAt, e.code), "%s %q of %s disagrees with the heading %q%s; the code's own %d is kept",
			e.names[status], e.statusRaw, e.code, d.text, at, e.status)
	}
	if out.Status >= 100 && out.Status < 400 {
		r.report.NonErrorRows++
		r.report.Warn(r.file, w, "status %d of %s is not an error status (1xx–3xx); entry left out", out.Status, out.Code)
		return
	}
	if out.Status == 0 {
		r.unknown = append(r.unknown, len(r.entries))
	} else if out.Status > 599 {
		r.report.Warn(r.file, w, "status %d of %s is not an HTTP status (100–599); kept as documented", out.Status, out.Code)
	}
	key := dupKey(&out)
	if line, ok := r.seen[key]; ok {
		first := where(line, out.Code)
		r.report.Warn(r.file, w, "duplicates %s (status %d, code %s, every field equal); both kept", first, out.Status, out.Code)
	} else {
		r.seen[key] = e.line
	}
	r.entries = append(r.entries, out)
}

// finish warns about undocumented statuses: once when no entry has one,
// else once per entry.
func (r *reader) finish() {
	if len(r.unknown) == 0 {
		return
	}
	if len(r.unknown) == len(r.entries) {
		r.report.Warn(r.file, "", "no code has an HTTP status (expected a line such as \"HTTP status: 400\" or a heading such as \"HTTP Status 400\"); every entry has status 0 (unknown)")
		return
	}
	for _, i := range r.unknown {
		e := &r.entries[i]
		r.report.Warn(r.file, where(e.Origin.Line, e.Code), "%s documents no HTTP status; recorded as 0 (unknown)", e.Code)
	}
}

// extends reports whether code is prefix itself or starts with it and a
// separator: "InvalidParameter.RoleArn" extends "InvalidParameter".
func extends(code, prefix string) bool {
	if !strings.HasPrefix(code, prefix) {
		return false
	}
	if len(code) == len(prefix) {
		return true
	}
	switch code[len(prefix)] {
	case '.', '_', '-', ':':
		return true
	}
	return false
}

// dupID is equal for two entries exactly when every field is; the
// origin does not count.
type dupID struct {
	status                             int
	code, title, msg, desc, sol, extra string
}

func dupKey(e *catalog.Entry) dupID {
	id := dupID{e.Status, e.Code, e.Title, e.Message, e.Description, e.Solution, ""}
	if len(e.Extra) == 0 {
		return id // most entries: no allocation
	}
	var b strings.Builder
	keys := make([]string, 0, len(e.Extra))
	for k := range e.Extra {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		b.WriteByte(1)
		b.WriteString(k)
		b.WriteByte(0)
		b.WriteString(e.Extra[k])
	}
	id.extra = b.String()
	return id
}

// maxShown is how many headings Describe lists.
const maxShown = 12

// Describe summarises blocks for an error message when Read found no
// section layout: the headings seen, and how many headings or bold lines
// hold a code-like token.
func Describe(blocks []Block) string {
	var d describer
	for i := range blocks {
		d.add(&blocks[i])
	}
	return d.String()
}

// describer gathers Describe's summary one block at a time.
type describer struct {
	heads       []string
	codes, more int
}

func (d *describer) add(b *Block) {
	if b.Kind == Heading {
		if len(d.heads) < maxShown {
			h := strconv.Quote(cut(b.Text))
			if b.Line > 0 {
				h = fmt.Sprintf("line %d %s", b.Line, h)
			}
			d.heads = append(d.heads, h)
		} else {
			d.more++
		}
	}
	if b.Kind == Heading && isCode(b.Text) || b.Kind != Heading && len(b.Strong) > 0 && allCodes(b.Strong) {
		d.codes++
	}
}

func (d *describer) String() string {
	var s strings.Builder
	if len(d.heads) == 0 {
		s.WriteString("no headings")
	} else {
		s.WriteString("headings ")
		s.WriteString(strings.Join(d.heads, ", "))
		if d.more > 0 {
			fmt.Fprintf(&s, " and %d more", d.more)
		}
	}
	fmt.Fprintf(&s, "; %d headings or bold lines hold a code-like token, none followed by labelled lines such as \"HTTP status: 400\", \"Error message: …\" or \"Solution: …\"", d.codes)
	return s.String()
}

// cut shortens a heading for messages.
func cut(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}
