package scimdoc

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/textenc"
	"github.com/errgen/errgen/parse/internal/htmlsafe"
)

// Keywords are the scimType values RFC 7644 §3.12 defines, in its order.
var Keywords = []string{"invalidFilter", "tooMany", "uniqueness", "mutability", "invalidSyntax",
	"invalidPath", "noTarget", "invalidValue", "invalidVers", "sensitive"}

// Options are the choices of one parse.
type Options struct {
	// File names the input in messages.
	File string
	// Charset is the charset the page's Content-Type declared, such as
	// "Shift_JIS" ("" when none); see "Charset" in the package doc.
	Charset string
}

// Result is what a page gives.
type Result struct {
	Entries []catalog.Entry
	// Envelope is the SCIM envelope with the fields and extensions the
	// page documents.
	Envelope catalog.Envelope
	Report   catalog.Report
}

// Block kinds.
const (
	kText = iota
	kBlank
	kExample
	kTable
)

// block is a run of the page: a line of text, a run of empty lines, an
// example or a field table.
type block struct {
	kind   int
	line   int
	text   string
	blanks int
	ex     *example
	table  *table
	// heading is the case title a heading line gives; isHeading marks it.
	heading   string
	isHeading bool
	// intro marks text that introduces the table after it.
	intro bool
}

type example struct {
	v    *value
	text string
}

type table struct {
	header []string
	rows   [][]string
	lines  []int
}

type parser struct {
	file   string
	report catalog.Report
	// warnLines are the lines of report.Warnings, to sort them by.
	warnLines []int
	// budget is the bytes balanced may still scan on this page (see
	// scanBudget); scanned is what it has scanned.
	budget, scanned int
}

// Limits of the search for examples. An example spans at most 2000 lines
// and maxExample bytes, far above any real one (a few hundred bytes); a
// JSON value nests at most maxDepth levels deep (real ones: three or
// four). balanced starts on every line that may begin an example, so it
// scans the lines after one again and again when braces never balance; a
// page may make it scan scanBudget bytes in all (8 × the page, plus room
// for a few unbalanced starts on a small page), which keeps the search
// linear in the page's size: a page that needs more is refused.
const (
	maxExampleLines = 2000
	maxExample      = 64 << 10
	maxDepth        = 64
)

func scanBudget(lines []line) int {
	n := 0
	for _, l := range lines {
		n += len(l.text) + 1
	}
	return 8*n + 1<<20
}

// errBudget is the error of a page that exhausts its scan budget, at the
// line where the scan that exhausted it started.
type errBudget struct{ line, budget int }

func (e *errBudget) Error() string {
	return fmt.Sprintf("finding where the JSON examples end would take more than %d bytes of scanning (8 times the page's size, plus 1 MiB): from here on, too many lines start a JSON value (\"{\") whose braces do not balance; is this a documentation page?", e.budget)
}

func (p *parser) warn(line int, format string, args ...any) {
	where := ""
	if line > 0 {
		where = fmt.Sprintf("line %d", line)
	}
	p.report.Warn(p.file, where, format, args...)
	p.warnLines = append(p.warnLines, line)
}

// sortWarnings puts the warnings in page order.
func (p *parser) sortWarnings() {
	idx := make([]int, len(p.warnLines))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return p.warnLines[a] - p.warnLines[b] })
	sorted := make([]catalog.Diagnostic, len(idx))
	for i, j := range idx {
		sorted[i] = p.report.Warnings[j]
	}
	p.report.Warnings = sorted
}

// Parse reads a SCIM provider's error documentation page, HTML or text.
func Parse(data []byte, opts Options) (*Result, error) {
	p := &parser{file: opts.File}
	lines, err := p.decode(data, opts.Charset)
	if err != nil {
		return nil, &catalog.Diagnostic{File: opts.File, Message: err.Error()}
	}
	p.budget = scanBudget(lines)
	blocks, err := p.blocks(lines)
	if err != nil {
		var eb *errBudget
		if errors.As(err, &eb) {
			return nil, &catalog.Diagnostic{File: opts.File, Where: fmt.Sprintf("line %d", eb.line), Message: err.Error()}
		}
		return nil, &catalog.Diagnostic{File: opts.File, Message: err.Error()}
	}
	markHeadings(blocks)
	tables := p.tables(blocks)
	res := &Result{}
	observed := map[string][]*value{} // extension URN → the values examples show
	var urnOrder []string
	for i, b := range blocks {
		if b.kind != kExample {
			continue
		}
		e, ok := p.entry(b)
		if !ok {
			continue
		}
		e.Title = title(blocks, i)
		e.Description, e.Solution = trailing(blocks, i)
		res.Entries = append(res.Entries, e)
		for _, k := range b.ex.v.keys {
			if isExtensionKey(k) {
				if _, seen := observed[k]; !seen {
					urnOrder = append(urnOrder, k)
				}
				observed[k] = append(observed[k], b.ex.v.vals[k])
			}
		}
	}
	if len(res.Entries) == 0 && len(tables) == 0 {
		return nil, &catalog.Diagnostic{File: opts.File,
			Message: fmt.Sprintf(`no SCIM error example (a JSON body such as {"schemas": [%q], "status": "404", "detail": "…"}) and no field table (Field | Type | Provided? | Description) found: is this the vendor's error documentation?`, catalog.SCIMErrorSchema)}
	}
	env, _ := catalog.NamedEnvelope("scim")
	for _, t := range tables {
		if t.urn == "" {
			env.Fields = append(env.Fields, t.fields...)
		}
	}
	env.Extensions = extensions(tables, urnOrder, observed)
	res.Envelope = env
	if len(p.report.Warnings) > 0 {
		p.sortWarnings()
	}
	res.Report = p.report
	return res, nil
}

// decode turns the page into lines of UTF-8 text, by its declared
// charset, warning about what decoding noticed. An HTML page with more
// markup per byte than htmlsafe allows is an error: this package only
// tokenizes, which clones nothing, but a line per `x<p>` costs as much as
// a node does.
func (p *parser) decode(data []byte, charset string) ([]line, error) {
	isHTML := looksLikeHTML(data)
	var dec textenc.Decoded
	if isHTML {
		dec = textenc.HTML(data, charset)
	} else {
		dec = textenc.Text(data, charset)
		// A UTF-16 page shows its tags only once decoded; its BOM or
		// Content-Type already decided the charset a <meta> could.
		isHTML = looksLikeHTML(dec.Text)
	}
	for _, w := range dec.Warnings {
		p.warn(w.Line, "%s", w.Message)
	}
	if isHTML {
		if err := htmlsafe.Check(dec.Text); err != nil {
			return nil, err
		}
		return htmlLines(dec.Text), nil
	}
	return textLines(dec.Text), nil
}

// blocks splits the lines into text, empty runs, examples and field
// tables. Its error is an *errBudget.
func (p *parser) blocks(lines []line) ([]block, error) {
	var out []block
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		trimmed := strings.TrimSpace(l.text)
		switch {
		case trimmed == "":
			if n := len(out); n > 0 && out[n-1].kind == kBlank {
				out[n-1].blanks++
			} else {
				out = append(out, block{kind: kBlank, line: l.num, blanks: 1})
			}
			continue
		case strings.HasPrefix(trimmed, "```"):
			continue // a Markdown code fence: its content is read as it is
		case strings.HasPrefix(trimmed, "{"):
			end, text, st := p.balanced(lines, i, strings.Index(l.text, "{"))
			switch st {
			case balancedOK:
				if b, ok := p.example(lines, i, text, true); ok {
					out = append(out, b)
				}
				i = end
				continue
			case balancedOver:
				return nil, &errBudget{line: l.num, budget: scanBudget(lines)}
			case balancedLong:
				if looksLikeError(trimmed) {
					p.warn(l.num, "a JSON example starts here but its braces do not balance within %d KiB; it is left out", maxExample>>10)
				}
			default:
				if looksLikeError(trimmed) {
					p.warn(l.num, "a JSON example starts here but its braces never balance; it is left out")
				}
			}
		case jsonInLine.MatchString(l.text):
			// An example inside a line, such as a table cell's
			// "[Detail] {…}": taken only when it is an error body.
			col := jsonInLine.FindStringIndex(l.text)[0]
			end, text, st := p.balanced(lines, i, col)
			if st == balancedOver {
				return nil, &errBudget{line: l.num, budget: scanBudget(lines)}
			}
			if st == balancedOK {
				if b, ok := p.example(lines, i, text, false); ok {
					out = append(out, b)
					i = end
					continue
				}
			}
		case i+1 < len(lines) && strings.Contains(l.text, "|") && separatorRow.MatchString(lines[i+1].text):
			// The header decides, before the rows are read: the rows of
			// a table that is not a field table are read as text, each
			// of them perhaps a header again (a page of "---|---").
			t := &table{header: cells(l.text)}
			if fieldColumns(t.header).name < 0 {
				break
			}
			j := i + 2
			for ; j < len(lines) && strings.Contains(lines[j].text, "|") && strings.TrimSpace(lines[j].text) != ""; j++ {
				t.rows = append(t.rows, cells(lines[j].text))
				t.lines = append(t.lines, lines[j].num)
			}
			out = append(out, block{kind: kTable, line: l.num, table: t})
			i = j - 1
			continue
		}
		out = append(out, block{kind: kText, line: l.num, text: l.text})
	}
	return out, nil
}

// example decodes the JSON that starts at lines[i]; ok is false for JSON
// that is not an error example.
func (p *parser) example(lines []line, i int, text string, warn bool) (block, bool) {
	v, err := decode(text)
	if err != nil {
		at := lines[i].num
		if n := errorLine(text, err); n > 0 && i+n-1 < len(lines) {
			at = lines[i+n-1].num
		}
		if warn && looksLikeError(text) {
			p.warn(at, "malformed JSON in the example starting on line %d: %v; it is left out", lines[i].num, err)
		}
		return block{}, false
	}
	if !isError(v) {
		return block{}, false
	}
	return block{kind: kExample, line: lines[i].num, ex: &example{v: v, text: text}}, true
}

// Results of balanced.
const (
	balancedOK    = iota
	balancedNever // the page, or maxExampleLines lines, end first
	balancedLong  // maxExample bytes end first
	balancedOver  // the page's scan budget ends first
)

// balanced returns the JSON text that starts on lines[i] at byte col and
// ends where its braces balance, the index of its last line, and
// balancedOK, or why they do not balance. A line break inside a string is
// read as a space, as a page wrapped there.
func (p *parser) balanced(lines []line, i, col int) (end int, text string, status int) {
	var b strings.Builder
	depth := 0
	inString, escaped := false, false
	left := maxExample // bytes this example may still span
	for j := i; j < len(lines) && j < i+maxExampleLines; j++ {
		s := lines[j].text
		if j == i {
			s = s[col:]
		} else if inString {
			b.WriteByte(' ')
			s = strings.TrimLeft(s, " \t")
		} else {
			b.WriteByte('\n')
		}
		// Charge the whole line up front (and one for its break, so
		// that empty lines cost too); a line is scanned at most to
		// where the example's room ends.
		cost := min(len(s), left) + 1
		if cost > p.budget {
			return 0, "", balancedOver
		}
		p.budget -= cost
		p.scanned += cost
		for k := 0; k < len(s); k++ {
			if left == 0 {
				return 0, "", balancedLong
			}
			left--
			c := s[k]
			b.WriteByte(c)
			switch {
			case escaped:
				escaped = false
			case inString && c == '\\':
				escaped = true
			case c == '"':
				inString = !inString
			case inString:
			case c == '{' || c == '[':
				depth++
			case c == '}' || c == ']':
				depth--
				if depth == 0 {
					return j, b.String(), balancedOK
				}
			}
		}
	}
	return 0, "", balancedNever
}

// looksLikeError tells JSON that was meant as an error example from
// other braces: it mentions a member of the error body.
func looksLikeError(text string) bool {
	for _, k := range []string{`"status"`, `"scimType"`, `"detail"`, catalog.SCIMErrorSchema} {
		if strings.Contains(text, k) {
			return true
		}
	}
	return false
}

// isError reports whether v is an error body: an object with a status, a
// scimType, a detail, or the error schema among its schemas.
func isError(v *value) bool {
	if v.kind != 'o' {
		return false
	}
	if v.get("status") != nil || v.get("scimType") != nil || v.get("detail") != nil {
		return true
	}
	if s := v.get("schemas"); s != nil && s.kind == 'a' {
		for _, e := range s.elems {
			if e.kind == 's' && e.str == catalog.SCIMErrorSchema {
				return true
			}
		}
	}
	return false
}

func isExtensionKey(k string) bool {
	return len(k) > 4 && strings.EqualFold(k[:4], "urn:") && k != catalog.SCIMErrorSchema
}

// entry makes the catalog entry of an example; ok is false, with a
// warning, when its status or scimType cannot be read.
func (p *parser) entry(b block) (catalog.Entry, bool) {
	v := b.ex.v
	e := catalog.Entry{Origin: catalog.Origin{Line: b.line}, Examples: []catalog.Example{{Body: v.compact()}}}
	if s := v.get("status"); s != nil {
		st, ok := status(s)
		if !ok {
			p.warn(b.line, "the example's status %s is not an HTTP status as a JSON number or a string of digits, such as 404 or \"404\"; it is left out", show(s))
			return e, false
		}
		e.Status = st
	}
	if t := v.get("scimType"); t != nil && t.kind != 'z' {
		if t.kind != 's' {
			p.warn(b.line, "the example's scimType %s is not a string; it is left out", show(t))
			return e, false
		}
		e.Code = t.str
	}
	if d := v.get("detail"); d != nil && d.kind == 's' {
		e.Message = d.str
	}
	if e.Code == "" {
		if e.Status == 0 {
			p.warn(b.line, "the example has neither a scimType nor a status, so it has no code; it is left out")
			return e, false
		}
		e.Code = strconv.Itoa(e.Status)
	} else if !slices.Contains(Keywords, e.Code) {
		e.Note = fmt.Sprintf("Vendor-specific scimType: %q is not one of the keywords RFC 7644 §3.12 defines.", e.Code)
	}
	return e, true
}

// status reads a status: a JSON integer or a string of digits, 100–599.
func status(v *value) (int, bool) {
	var s string
	switch v.kind {
	case 's':
		s = v.str
	case 'n':
		s = v.num.String()
	default:
		return 0, false
	}
	if len(s) != 3 || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, _ := strconv.Atoi(s)
	return n, n >= 100 && n <= 599
}

func show(v *value) string {
	s := v.compact()
	if len(s) > 40 {
		s = s[:37] + "…"
	}
	return s
}

var (
	jsonInLine   = regexp.MustCompile(`\{\s*"`)
	separatorRow = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)
	// numbered is a case heading: "3.The external ID …", "## 3. …".
	numbered = regexp.MustCompile(`^\s*(?:#{1,6}\s*)?(\d{1,3})\s*[.)]\s*(\S.*)$`)
	heading  = regexp.MustCompile(`^\s*(#{1,6})\s+(\S.*)$`)
)

// cells splits a pipe-table row; "\|" is a pipe inside a cell.
func cells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var out []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row) && row[i+1] == '|':
			cur.WriteByte('|')
			i++
		case row[i] == '|':
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	return append(out, strings.TrimSpace(cur.String()))
}

// Section labels, lower case without a trailing colon.
var (
	causeLabels  = []string{"description", "cause", "causes", "possible cause", "possible causes", "reason", "explanation"}
	actionLabels = []string{"support", "action", "actions", "solution", "solutions", "resolution", "remedy", "workaround", "countermeasure", "countermeasures", "what to do", "corrective action", "handling"}
	otherLabels  = []string{"phenomenon", "symptom", "symptoms", "overview", "detail", "details", "example", "examples"}
	navLabels    = []string{"related pages", "related links", "related topics", "related information", "related articles", "see also"}
)

// label returns the label a line is, lower-cased, or "".
func label(text string) string {
	if len(text) > 40 {
		return "" // longer than any label, with room for markup
	}
	t := strings.TrimSpace(text)
	t = strings.TrimSpace(strings.TrimLeft(t, "#"))
	t = strings.TrimSuffix(strings.TrimSpace(strings.Trim(t, "[]")), ":")
	t = strings.ToLower(strings.TrimSpace(t))
	for _, set := range [][]string{causeLabels, actionLabels, otherLabels, navLabels} {
		if slices.Contains(set, t) {
			return t
		}
	}
	return ""
}

// markHeadings finds the case headings: numbered lines in sequence (1, 2,
// 3 …: another number is a list item) and Markdown or HTML headings of
// level 2 and more that are not section labels.
func markHeadings(blocks []block) {
	next := 1
	for i := range blocks {
		b := &blocks[i]
		if b.kind != kText {
			continue
		}
		if t := strings.TrimLeft(b.text, " \t"); t == "" || t[0] != '#' && (t[0] < '0' || t[0] > '9') || label(b.text) != "" {
			continue // the regular expressions below are the slow part
		}
		if m := numbered.FindStringSubmatch(b.text); m != nil {
			if n, _ := strconv.Atoi(m[1]); n == next {
				b.isHeading, b.heading = true, strings.TrimSpace(m[2])
				next++
				continue
			}
		}
		if m := heading.FindStringSubmatch(b.text); m != nil && len(m[1]) > 1 {
			b.isHeading, b.heading = true, strings.TrimSpace(m[2])
		}
	}
}

// title is the heading of example i: the last heading between the
// previous example and it.
func title(blocks []block, i int) string {
	for j := i - 1; j >= 0; j-- {
		switch {
		case blocks[j].kind == kExample:
			return ""
		case blocks[j].isHeading:
			return blocks[j].heading
		}
	}
	return ""
}

// trailing is the description and solution that follow example i.
func trailing(blocks []block, i int) (description, solution string) {
	end := i + 1
	labelled := false
	for ; end < len(blocks); end++ {
		b := blocks[end]
		if b.kind == kExample || b.kind == kTable || b.isHeading || b.intro {
			break
		}
		if b.kind == kText {
			if l := label(b.text); slices.Contains(navLabels, l) {
				break
			} else if l != "" {
				labelled = true
			}
		}
	}
	var sections [2][]string
	sec := 0
	for _, b := range blocks[i+1 : end] {
		switch b.kind {
		case kBlank:
			if !labelled && b.blanks >= 2 && len(sections[0]) > 0 {
				sec = 1
			}
		case kText:
			switch l := label(b.text); {
			case slices.Contains(causeLabels, l):
				sec = 0
			case slices.Contains(actionLabels, l):
				sec = 1
			case l != "":
			default:
				sections[sec] = append(sections[sec], b.text)
			}
		}
	}
	return strings.Join(sections[0], "\n"), strings.Join(sections[1], "\n")
}

// columns are the positions of a field table's columns, -1 for absent.
type columns struct{ name, typ, required, description int }

// fieldColumns finds the columns of a field table; name is -1 when the
// header is not one, or when it has neither a type nor a description.
func fieldColumns(header []string) columns {
	c := columns{-1, -1, -1, -1}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(h), "?:")))
		switch {
		case c.name < 0 && slices.Contains([]string{"field", "name", "attribute", "property", "member", "parameter", "field name", "attribute name"}, h):
			c.name = i
		case c.typ < 0 && slices.Contains([]string{"type", "data type", "json type"}, h):
			c.typ = i
		case c.required < 0 && slices.Contains([]string{"provided", "required", "presence", "mandatory"}, h):
			c.required = i
		case c.description < 0 && slices.Contains([]string{"description", "meaning", "explanation"}, h):
			c.description = i
		}
	}
	if c.typ < 0 && c.description < 0 {
		c.name = -1
	}
	return c
}

// fieldTable is what one field table documents.
type fieldTable struct {
	// urn is the extension the table documents, "" for the envelope.
	urn, description string
	fields           []catalog.Field
}

var urnRE = regexp.MustCompile(`(?i)\burn:[a-z0-9][a-z0-9-]{0,31}:[^\s,;()"'<>]+`)

// Words of a "Provided?" or "Required" cell.
var (
	requiredWords = []string{"always", "yes", "required", "true", "mandatory", "y"}
	optionalWords = []string{"sometimes", "optional", "no", "false", "never", "conditional", "conditionally", "if applicable", "when applicable", "n", "-", ""}
)

// tables reads the field tables and marks the paragraphs that introduce
// them.
func (p *parser) tables(blocks []block) []fieldTable {
	var out []fieldTable
	for i := range blocks {
		b := blocks[i]
		if b.kind != kTable {
			continue
		}
		// The introduction: the text lines right before the table, at
		// most one empty line away.
		var intro []string
		for j := i - 1; j >= 0; j-- {
			c := &blocks[j]
			if c.kind == kBlank && c.blanks == 1 && len(intro) == 0 && j == i-1 {
				continue
			}
			if c.kind != kText || c.isHeading || label(c.text) != "" {
				break
			}
			c.intro = true
			intro = append([]string{strings.TrimSpace(c.text)}, intro...)
		}
		ft := fieldTable{}
		text := strings.Join(intro, " ")
		for _, u := range urnRE.FindAllString(text, -1) {
			u = strings.TrimRight(u, ".:")
			if u != catalog.SCIMErrorSchema {
				ft.urn, ft.description = u, text
				break
			}
		}
		ft.fields = p.rows(b)
		out = append(out, ft)
	}
	return out
}

// rows reads the fields of a table.
func (p *parser) rows(b block) []catalog.Field {
	t := b.table
	col := fieldColumns(t.header)
	cell := func(row []string, i int) string {
		if i < 0 || i >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[i])
	}
	var out []catalog.Field
	for r, row := range t.rows {
		name := strings.Trim(cell(row, col.name), "`*_ ")
		if name == "" {
			continue
		}
		f := catalog.Field{Name: name, Pointer: "/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(name)}
		if typ := cell(row, col.typ); typ != "" {
			if f.Type = jsonType(typ); f.Type == "" {
				p.warn(t.lines[r], "field %q: type %q is not a JSON type (object, array, string, number, integer, boolean); it is left undocumented", name, typ)
			}
		}
		provided, desc := cell(row, col.required), cell(row, col.description)
		word := strings.ToLower(strings.TrimRight(provided, "."))
		switch {
		case slices.Contains(requiredWords, word):
			f.Required = true
		case slices.Contains(optionalWords, word):
		case desc == "":
			// The page lost a cell: its "Provided?" column holds the
			// description (Ping's scimType, detail and
			// passwordRequirements rows read "string | An error code
			// defined by RFC 7644, section 3.12. | |"). Presence is then
			// unknown.
			desc = provided
		default:
			// A sentence about when the field is there, such as "When
			// the error comes from the data store": not always.
			desc = strings.TrimSpace(provided + " " + desc)
		}
		f.Description = desc
		out = append(out, f)
	}
	return out
}

// jsonType reads a type cell: a JSON type name, in any case, or a common
// synonym.
func jsonType(s string) string {
	s = strings.ToLower(strings.Trim(s, "` "))
	switch {
	case slices.Contains([]string{"object", "array", "string", "number", "integer", "boolean"}, s):
		return s
	case s == "int" || s == "long":
		return "integer"
	case s == "bool":
		return "boolean"
	case s == "float" || s == "double" || s == "decimal":
		return "number"
	case strings.HasSuffix(s, "[]") || strings.HasPrefix(s, "array"), strings.HasPrefix(s, "list"):
		return "array"
	case s == "complex", s == "map":
		return "object"
	}
	return ""
}

// extensions combines the extensions tables document with those examples
// show, in order of first mention.
func extensions(tables []fieldTable, urns []string, observed map[string][]*value) []catalog.Extension {
	var out []catalog.Extension
	index := map[string]int{}
	for _, t := range tables {
		if t.urn == "" {
			continue
		}
		if k, ok := index[t.urn]; ok {
			out[k].Fields = append(out[k].Fields, t.fields...)
			continue
		}
		index[t.urn] = len(out)
		out = append(out, catalog.Extension{URN: t.urn, Description: t.description, Fields: t.fields})
	}
	for _, u := range urns {
		k, ok := index[u]
		if !ok {
			// The text may spell the URN with another namespace: the
			// example's is what the server sends.
			for j := range out {
				if sameSchema(out[j].URN, u) {
					k, ok = j, true
					out[j].Aliases = append(out[j].Aliases, out[j].URN)
					out[j].URN = u
					index[u] = j
					break
				}
			}
		}
		if !ok {
			k = len(out)
			index[u] = k
			out = append(out, catalog.Extension{URN: u})
		}
		at := map[string]int{} // pointer → index in out[k].Fields
		for i, f := range out[k].Fields {
			if _, dup := at[f.Pointer]; !dup {
				at[f.Pointer] = i
			}
		}
		for _, v := range observed[u] {
			out[k].Fields = complete(out[k].Fields, at, v, "")
		}
	}
	for i := range out {
		out[i].Name = out[i].URN[strings.LastIndexByte(out[i].URN, ':')+1:]
	}
	return out
}

// sameSchema reports whether two URNs name the same schema in two
// namespaces: urn:unboundid:scim:… and urn:pingidentity:scim:….
func sameSchema(a, b string) bool {
	rest := func(u string) string {
		parts := strings.SplitN(u, ":", 3)
		if len(parts) < 3 {
			return ""
		}
		return parts[2]
	}
	ra, rb := rest(a), rest(b)
	return ra != "" && ra == rb && !strings.EqualFold(a, b)
}

// complete adds to fields what an example object v, at pointer prefix
// of the extension, shows: members not documented, with their types, and
// the members of the objects its arrays hold, at prefix/name/*/member.
// at indexes fields by pointer (the first of a pointer), and is kept up to
// date.
func complete(fields []catalog.Field, at map[string]int, v *value, prefix string) []catalog.Field {
	if v == nil || v.kind != 'o' {
		return fields
	}
	for _, k := range v.keys {
		x := v.vals[k]
		ptr := prefix + "/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(k)
		i, ok := at[ptr]
		if !ok {
			fields = append(fields, catalog.Field{Name: k, Pointer: ptr, Type: x.jsonType()})
			i = len(fields) - 1
			at[ptr] = i
		}
		if fields[i].Type == "" {
			fields[i].Type = x.jsonType()
		}
		if fields[i].Type == "array" && x.kind == 'a' {
			for _, el := range x.elems {
				fields = complete(fields, at, el, ptr+"/*")
			}
		}
	}
	return fields
}
