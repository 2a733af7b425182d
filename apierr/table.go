package apierr

import (
	"cmp"
	"iter"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Table is what a generated package documents: its codes and every
// documented entry of each. Its exported fields are packed the way
// stringer packs names, a few strings and integer arrays instead of a
// composite literal per entry, so that a package of tens of thousands of
// entries compiles fast and nothing runs at init; the methods build the
// [Info] values lazily, once, on first use. A Table must not be copied or
// modified after first use.
type Table[C ~string] struct {
	// Codes is every documented code, in documented order, concatenated.
	Codes string
	// CodeEnd.At(i) is where code i ends in Codes; it starts at
	// CodeEnd.At(i-1), or 0.
	CodeEnd Words
	// Sorted are the code indexes in byte order of their codes.
	Sorted Words
	// Text is every distinct text, concatenated: text t is
	// Text[TextEnd.At(t-1):TextEnd.At(t)]; text 0 is "" (TextEnd.At(0)
	// == 0).
	Text    string
	TextEnd Words
	// Entries has 6 words per documented entry: code index, HTTP status
	// (0 for none), and the text indexes of message, title, description
	// and solution. Entries are grouped by code in code order and, within
	// a code, in documented order.
	Entries Words
	// RetryableCodes are the ascending indexes of the codes the
	// configuration declares retryable. (It cannot be named Retryable,
	// the name of the method that reads it: Go forbids a field and a
	// method of the same name.)
	RetryableCodes Words
	// Documented are the indexes of Entries in the order the source
	// documents them, which tells which of two codes documented a
	// message template first (see [Table.Match]); empty means that order
	// is that of Entries.
	Documented Words

	checkOnce sync.Once
	// checked and ready are set once the fields are checked and the Info
	// values built: one atomic load on the paths every lookup takes.
	checked, ready atomic.Bool
	// sortedCodes and sortedIndex are Sorted unpacked when the fields are
	// checked: the codes in byte order, as substrings of Codes, and their
	// indexes, so that a search compares strings and nothing else.
	sortedCodes []string
	sortedIndex []uint32
	once        sync.Once
	infos       []Info[C] // by code index
	invalid     string    // why the packed fields are inconsistent, "" if they are not

	matchOnce sync.Once
	lines     []templateLine // most literals first
}

// Words are unsigned 32-bit integers packed into a string, 4 bytes each,
// little-endian. Generated tables are Words constants rather than
// []uint32 literals because the compiler reads a string constant of any
// size in no time, and an array literal of 300,000 numbers in seconds.
type Words string

// PackWords packs ns as Words, as errgen writes them.
func PackWords(ns []uint32) Words {
	b := make([]byte, 0, 4*len(ns))
	for _, n := range ns {
		b = append(b, byte(n), byte(n>>8), byte(n>>16), byte(n>>24))
	}
	return Words(b)
}

// Len is the number of words in w; a trailing partial word is ignored.
func (w Words) Len() int { return len(w) / 4 }

// At returns word i.
func (w Words) At(i int) uint32 {
	s := w[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// templateLine is one line of a documented message, as the table-wide
// Match tries it: the code that first documented it and that entry,
// among all entries.
type templateLine struct {
	text        string
	code, entry uint32
}

// Entry is one documented row of a code's table.
type Entry[C ~string] struct {
	// Code is the code the entry documents.
	Code C
	// Status is the HTTP status; 0 when the vendor documents none.
	Status int
	// Message is the message template, verbatim; see [Format].
	Message string
	// Title is a short name of the case, when the source gives one.
	Title string
	// Description says what the error means (its cause); Solution what to
	// do about it (the action to show an operator).
	Description string
	Solution    string
}

// Info is what a vendor documents about one code. Its slices are shared
// with the [Table] and must not be modified.
type Info[C ~string] struct {
	Code C
	// Statuses are the distinct documented HTTP statuses, in documented
	// order; entries without a status add none. nil when there are none.
	Statuses []int
	// Messages are the distinct non-empty message templates, in
	// documented order; nil when there are none.
	Messages []string
	// Description and Solution are those of the first entry.
	Description string
	Solution    string
	// Entries are every documented row of this code, nothing merged.
	Entries []Entry[C]
}

// Format fills the placeholders of i.Messages[0] from args (see
// [Format]); it returns "" when no message is documented.
func (i Info[C]) Format(args ...string) string {
	if len(i.Messages) == 0 {
		return ""
	}
	return Format(i.Messages[0], args)
}

// Match matches message against every line of i.Messages and returns the
// placeholder values of the most specific line that fits (most literal
// characters; the first wins a tie).
func (i Info[C]) Match(message string) ([]string, bool) {
	return matchBest(i.Messages, message)
}

// MatchEntry finds the entry of i that a real error with this status and
// message is an instance of, so that cases sharing a code (and status)
// are told apart by their message, and returns it with the placeholder
// values. When status is not 0, the entries documented with it or
// without a status are tried first, then the others. The most specific
// template wins (each line of a template counts on its own; the first
// entry wins a tie); an entry without a documented message fits any
// message, least specifically.
func (i Info[C]) MatchEntry(status int, message string) (Entry[C], []string, bool) {
	k, args := pickEntry(len(i.Entries), func(j int) (int, string) {
		return i.Entries[j].Status, i.Entries[j].Message
	}, status, message)
	if k < 0 {
		return Entry[C]{}, nil, false
	}
	return i.Entries[k], args, true
}

// Len returns the number of documented codes.
func (t *Table[C]) Len() int { return t.CodeEnd.Len() }

// code returns code i, a substring of t.Codes.
func (t *Table[C]) code(i uint32) string {
	start := uint32(0)
	if i > 0 {
		start = t.CodeEnd.At(int(i) - 1)
	}
	return t.Codes[start:t.CodeEnd.At(int(i))]
}

// text returns text i, a substring of t.Text.
func (t *Table[C]) text(i uint32) string {
	if i == 0 {
		return ""
	}
	return t.Text[t.TextEnd.At(int(i)-1):t.TextEnd.At(int(i))]
}

// search finds the index of code by binary search on the packed codes.
func (t *Table[C]) search(code string) (uint32, bool) {
	t.valid()
	sorted := t.sortedCodes
	lo, hi := 0, len(sorted)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if sorted[m] < code {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(sorted) && sorted[lo] == code {
		return t.sortedIndex[lo], true
	}
	return 0, false
}

// searchBytes is search for prefix followed by code, a code still in a
// body; it does not allocate: the string conversions in comparisons do
// not.
func (t *Table[C]) searchBytes(prefix string, code []byte) (uint32, bool) {
	t.valid()
	sorted := t.sortedCodes
	lo, hi := 0, len(sorted)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if less(sorted[m], prefix, code) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(sorted) {
		return 0, false
	}
	s := sorted[lo]
	if len(s) == len(prefix)+len(code) && s[:len(prefix)] == prefix && s[len(prefix):] == string(code) {
		return t.sortedIndex[lo], true
	}
	return 0, false
}

// less reports whether s sorts before prefix followed by key, in byte
// order.
func less(s, prefix string, key []byte) bool {
	if n := min(len(s), len(prefix)); s[:n] != prefix[:n] {
		return s[:n] < prefix[:n]
	}
	if len(s) < len(prefix) {
		// s is a proper prefix of prefix, so of prefix+key too.
		return true
	}
	return s[len(prefix):] < string(key)
}

// Known reports whether code is documented. It is a binary search on the
// codes, unpacked once on first use with the check of the fields: after
// that it does not allocate, and it never builds the Info values.
func (t *Table[C]) Known(code string) bool {
	_, ok := t.search(code)
	return ok
}

// Code returns prefix followed by code, a code as a body sends it (see
// [Envelope.Parse]), as a C. A documented code is a substring of t.Codes,
// which costs no allocation; any other is a new string.
func (t *Table[C]) Code(prefix string, code []byte) C {
	if i, ok := t.searchBytes(prefix, code); ok {
		return C(t.code(i))
	}
	return C(prefix + string(code))
}

// Intern returns code as a C: for a documented code the substring of
// t.Codes, so that errors built from it share the table's memory, else
// code itself. It does not allocate.
func (t *Table[C]) Intern(code string) C {
	if i, ok := t.search(code); ok {
		return C(t.code(i))
	}
	return C(code)
}

// SCIMCode is the code of a SCIM error (RFC 7644 §3.12): its scimType
// when documented, else its status in decimal when documented (for a
// vendor whose table lists statuses), else the scimType, else the
// status; "" for neither.
func (t *Table[C]) SCIMCode(scimType string, status int) C {
	if i, ok := t.search(scimType); ok {
		return C(t.code(i))
	}
	var buf [20]byte
	digits := strconv.AppendInt(buf[:0], int64(status), 10)
	if status != 0 {
		if i, ok := t.searchBytes("", digits); ok {
			return C(t.code(i))
		}
	}
	if scimType != "" {
		return C(scimType)
	}
	if status != 0 {
		return C(digits)
	}
	return ""
}

// Retryable reports whether the configuration declares code retryable.
func (t *Table[C]) Retryable(code string) bool {
	i, ok := t.search(code)
	if !ok {
		return false
	}
	lo, hi := 0, t.RetryableCodes.Len()
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.RetryableCodes.At(m) < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < t.RetryableCodes.Len() && t.RetryableCodes.At(lo) == i
}

// Lookup returns what the vendor documents about code. After the first
// call of any method that needs the Info values, it does not allocate.
func (t *Table[C]) Lookup(code string) (Info[C], bool) {
	infos := t.built()
	i, ok := t.search(code)
	if !ok {
		return Info[C]{}, false
	}
	return infos[i], true
}

// Info returns what the vendor documents about code: for an unknown code,
// an Info with only Code set.
func (t *Table[C]) Info(code C) Info[C] {
	if info, ok := t.Lookup(string(code)); ok {
		return info
	}
	return Info[C]{Code: code}
}

// All yields the Info of every documented code, in documented order.
func (t *Table[C]) All() iter.Seq[Info[C]] {
	return func(yield func(Info[C]) bool) {
		for _, info := range t.built() {
			if !yield(info) {
				return
			}
		}
	}
}

// Match finds the documented template line that message is an instance
// of and returns the Info of the code that first documented it and the
// placeholder values, in the order the placeholders appear. Every line of
// every entry's message is a template of its own. When several lines fit,
// the most specific one (with the most literal characters, see
// [Literals]) wins, and of those the first documented; each placeholder
// takes the shortest text that lets the rest fit, and a line with several
// placeholders fits no message with more than 4096 bytes between its
// first and last literal (see [Match]).
func (t *Table[C]) Match(message string) (Info[C], []string, bool) {
	for _, l := range t.templates() {
		if args, ok := Match(l.text, message); ok {
			return t.built()[l.code], args, true
		}
	}
	return Info[C]{}, nil, false
}

// MatchEntry is Match that returns the documented entry itself, with its
// title, description and solution: of the entries that share the line,
// the first documented.
func (t *Table[C]) MatchEntry(message string) (Entry[C], []string, bool) {
	for _, l := range t.templates() {
		if args, ok := Match(l.text, message); ok {
			info := t.built()[l.code]
			return info.Entries[l.entry], args, true
		}
	}
	return Entry[C]{}, nil, false
}

// built returns the Info of every code, by code index, building them on
// first use. sync.Once's fast path is one atomic load, and the method
// value does not escape, so a built table costs no allocation here.
func (t *Table[C]) built() []Info[C] {
	if !t.ready.Load() {
		t.valid()
		t.once.Do(t.build)
		t.ready.Store(true)
	}
	return t.infos
}

// valid checks the packed fields once, before anything reads them, and
// panics with what is wrong when they are inconsistent: generated tables
// are consistent, and one that is not should fail saying why rather than
// with an index out of range, or worse, answer wrong.
func (t *Table[C]) valid() {
	if t.checked.Load() {
		return
	}
	t.checkOnce.Do(t.checkFields)
	if t.invalid != "" {
		panic(t.invalid)
	}
	t.checked.Store(true)
}

func (t *Table[C]) checkFields() {
	if msg := t.check(); msg != "" {
		t.invalid = "apierr: invalid Table: " + msg
		return
	}
	n := t.Sorted.Len()
	t.sortedCodes, t.sortedIndex = make([]string, n), make([]uint32, n)
	for i := range n {
		t.sortedIndex[i] = t.Sorted.At(i)
		t.sortedCodes[i] = t.code(t.sortedIndex[i])
	}
}

// build unpacks the table. Every string is a substring of t.Codes or
// t.Text, and the slices of all Infos share three backing arrays, so that
// the build allocates a few times, whatever the size of the table.
func (t *Table[C]) build() {
	n := t.CodeEnd.Len()
	entries := make([]Entry[C], t.Entries.Len()/6)
	for k := range entries {
		w := 6 * k
		entries[k] = Entry[C]{
			Code:        C(t.code(t.Entries.At(w))),
			Status:      int(t.Entries.At(w + 1)),
			Message:     t.text(t.Entries.At(w + 2)),
			Title:       t.text(t.Entries.At(w + 3)),
			Description: t.text(t.Entries.At(w + 4)),
			Solution:    t.text(t.Entries.At(w + 5)),
		}
	}
	infos := make([]Info[C], n)
	for i := range infos {
		infos[i].Code = C(t.code(uint32(i)))
	}
	// Statuses and Messages cannot outnumber the entries.
	statuses := make([]int, 0, len(entries))
	messages := make([]string, 0, len(entries))
	for k := 0; k < len(entries); {
		ci := t.Entries.At(6 * k)
		end := k + 1
		for end < len(entries) && t.Entries.At(6*end) == ci {
			end++
		}
		group := entries[k:end:end]
		info := &infos[ci]
		info.Entries = group
		info.Description, info.Solution = group[0].Description, group[0].Solution

		s0, m0 := len(statuses), len(messages)
		for _, e := range group {
			if e.Status != 0 && !slices.Contains(statuses[s0:], e.Status) {
				statuses = append(statuses, e.Status)
			}
		}
		messages = appendDistinct(messages, m0, group)
		if len(statuses) > s0 {
			info.Statuses = statuses[s0:len(statuses):len(statuses)]
		}
		if len(messages) > m0 {
			info.Messages = messages[m0:len(messages):len(messages)]
		}
		k = end
	}
	t.infos = infos
}

// appendDistinct appends the distinct non-empty messages of group that
// messages[from:] does not hold yet. A code documents a few messages; a
// map takes over for one that documents many, so that the build stays
// linear.
func appendDistinct[C ~string](messages []string, from int, group []Entry[C]) []string {
	if len(group) <= 32 {
		for _, e := range group {
			if e.Message != "" && !slices.Contains(messages[from:], e.Message) {
				messages = append(messages, e.Message)
			}
		}
		return messages
	}
	seen := make(map[string]bool, len(group))
	for _, e := range group {
		if e.Message != "" && !seen[e.Message] {
			seen[e.Message] = true
			messages = append(messages, e.Message)
		}
	}
	return messages
}

// check returns what is inconsistent in the packed fields, "" if nothing:
// generated tables are consistent, and a table that is not should fail
// with a message that says why rather than an index out of range.
func (t *Table[C]) check() string {
	for name, w := range map[string]Words{"CodeEnd": t.CodeEnd, "Sorted": t.Sorted, "TextEnd": t.TextEnd, "Entries": t.Entries, "RetryableCodes": t.RetryableCodes, "Documented": t.Documented} {
		if len(w)%4 != 0 {
			return name + " is not a whole number of words"
		}
	}
	n := t.CodeEnd.Len()
	if t.Sorted.Len() != n {
		return "len(Sorted) != len(CodeEnd)"
	}
	prev := uint32(0)
	for i := range n {
		end := t.CodeEnd.At(i)
		if end < prev || int(end) > len(t.Codes) {
			return "CodeEnd[" + strconv.Itoa(i) + "] out of order or range"
		}
		prev = end
	}
	for i := range n {
		c := t.Sorted.At(i)
		if int(c) >= n {
			return "Sorted[" + strconv.Itoa(i) + "] out of range"
		}
		if i > 0 && t.code(t.Sorted.At(i-1)) >= t.code(c) {
			return "Sorted is not in strictly ascending byte order at " + strconv.Itoa(i)
		}
	}
	if t.TextEnd.Len() > 0 && t.TextEnd.At(0) != 0 {
		return "TextEnd[0] != 0"
	}
	prev = 0
	for i := range t.TextEnd.Len() {
		end := t.TextEnd.At(i)
		if end < prev || int(end) > len(t.Text) {
			return "TextEnd[" + strconv.Itoa(i) + "] out of order or range"
		}
		prev = end
	}
	if t.Entries.Len()%6 != 0 {
		return "len(Entries) is not a multiple of 6"
	}
	prev = 0
	for k := 0; k < t.Entries.Len(); k += 6 {
		c := t.Entries.At(k)
		if int(c) >= n || c < prev {
			return "entry " + strconv.Itoa(k/6) + ": code index out of range or order"
		}
		prev = c
		for j := k + 2; j < k+6; j++ {
			if x := t.Entries.At(j); x != 0 && int(x) >= t.TextEnd.Len() {
				return "entry " + strconv.Itoa(k/6) + ": text index out of range"
			}
		}
	}
	if n := t.Documented.Len(); n > 0 {
		if n != t.Entries.Len()/6 {
			return "len(Documented) != the number of entries"
		}
		seen := make([]bool, n)
		for i := range n {
			k := t.Documented.At(i)
			if int(k) >= n || seen[k] {
				return "Documented is not a permutation of the entries"
			}
			seen[k] = true
		}
	}
	for i := range t.RetryableCodes.Len() {
		c := t.RetryableCodes.At(i)
		if int(c) >= n || i > 0 && t.RetryableCodes.At(i-1) >= c {
			return "RetryableCodes are not ascending code indexes"
		}
	}
	return ""
}

// templates returns the template lines of the table-wide Match, building
// them on first use: every line of every entry's message, each once, in
// the order the entries are packed, stably sorted most literals first,
// so that the first line that fits is the best.
func (t *Table[C]) templates() []templateLine {
	t.built() // panics on an invalid table here, not inside matchOnce
	t.matchOnce.Do(t.buildTemplates)
	return t.lines
}

func (t *Table[C]) buildTemplates() {
	infos := t.built()
	// Each entry as code index and index among its code's entries, in
	// documented order.
	type at struct{ code, entry uint32 }
	var entries []at
	for ci := range infos {
		for k := range infos[ci].Entries {
			entries = append(entries, at{uint32(ci), uint32(k)})
		}
	}
	if n := t.Documented.Len(); n == len(entries) {
		packed := entries
		entries = make([]at, n)
		for i := range n {
			entries[i] = packed[t.Documented.At(i)]
		}
	}
	var lines []templateLine
	var lits []int
	seen := map[string]bool{"": true}
	for _, a := range entries {
		e := infos[a.code].Entries[a.entry]
		for line := range strings.SplitSeq(e.Message, "\n") {
			// A line seen before always wins the tie with this one.
			if !seen[line] {
				seen[line] = true
				lines = append(lines, templateLine{line, a.code, a.entry})
				lits = append(lits, Literals(line))
			}
		}
	}
	order := make([]int, len(lines))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(lits[b], lits[a]) })
	sorted := make([]templateLine, len(lines))
	for i, k := range order {
		sorted[i] = lines[k]
	}
	t.lines = sorted
}
