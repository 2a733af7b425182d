package table

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/parse/internal/fields"
)

// hint is what a user can do when no table is read as an error table.
const hint = "give --column code=HEADER (or an index), or --table N"

// Read returns the entries of every selected error-code table, tables in
// the order given (document order), rows in source order. Input errors
// are *catalog.Diagnostic values.
func Read(tables []Table, opts Options) ([]catalog.Entry, *catalog.Report, error) {
	ovs, err := parseColumns(opts.Columns)
	if err != nil {
		return nil, nil, diag(opts.File, "", "%v", err)
	}
	layouts := make([]*layout, len(tables))
	infos := make([]Info, len(tables))
	budget := readBudget(tables)
	for i := range tables {
		layouts[i] = analyse(&tables[i], ovs, &budget)
		infos[i] = info(&tables[i], layouts[i])
		if layouts[i].err != "" {
			return nil, nil, diag(opts.File, infos[i].Where(), "%s", layouts[i].err)
		}
	}
	selected, err := selectTables(tables, infos, ovs, opts)
	if err != nil {
		return nil, nil, err
	}
	r := &reader{opts: opts, report: &catalog.Report{}, seen: map[string]string{}}
	for _, i := range selected {
		r.table(&tables[i], layouts[i], infos[i])
		if r.err != nil {
			return nil, nil, r.err
		}
	}
	return r.entries, r.report, nil
}

// Describe says what Read makes of t's columns without Options.Columns.
// Reading a body column costs time; for the tables of one page,
// DescribeAll bounds it by the page, as Read does.
func Describe(t Table) Info {
	budget := describeBudget(&t)
	return info(&t, analyse(&t, nil, &budget))
}

// DescribeAll describes every table of a page, as Read sees them without
// Options.Columns.
func DescribeAll(tables []Table) []Info {
	budget := readBudget(tables)
	infos := make([]Info, len(tables))
	for i := range tables {
		infos[i] = info(&tables[i], analyse(&tables[i], nil, &budget))
	}
	return infos
}

func info(t *Table, l *layout) Info {
	in := Info{Index: t.Index, Caption: t.Caption, Line: t.Line, Headers: t.Header, Rows: len(t.Rows), Note: l.note}
	if in.Headers == nil {
		in.Headers = []string{}
	}
	in.Fields = make([]string, len(l.cols))
	for x, c := range l.cols {
		in.Fields[x] = c.role.String()
		if c.role == code || c.role == body {
			in.ErrorTable = true
		}
	}
	if in.ErrorTable {
		in.Note = ""
	}
	return in
}

// selectTables returns the indexes of the tables Read reads, in order,
// and checks that every override selects a column of them.
func selectTables(tables []Table, infos []Info, ovs []override, opts Options) ([]int, error) {
	var sel []int
	if len(opts.Tables) == 0 {
		for i, in := range infos {
			if in.ErrorTable {
				sel = append(sel, i)
			}
		}
		for _, o := range ovs {
			if !slices.ContainsFunc(tables, func(t Table) bool { return o.match(t.Header) >= 0 }) {
				return nil, diag(opts.File, "", "column %s matches no column of any table%s; expected a header text or a column number",
					o, seen(infos))
			}
		}
		if len(sel) == 0 {
			if len(infos) == 0 {
				return nil, diag(opts.File, "", "no error-code table found: the page has no tables; expected a table whose header names the code column: %s", expectedCode)
			}
			return nil, diag(opts.File, "", "no error-code table found%s; expected a table whose header names the code column: %s; %s",
				seen(infos), expectedCode, hint)
		}
		return sel, nil
	}
	picked := make([]bool, len(tables))
	for _, s := range opts.Tables {
		matched := false
		if s != "" && strings.Trim(s, "0123456789") == "" {
			for i, t := range tables {
				if n, err := strconv.Atoi(s); err == nil && t.Index == n {
					picked[i], matched = true, true
				}
			}
		} else if caption := strings.Join(strings.Fields(s), " "); caption != "" {
			for i, t := range tables {
				if t.Caption == caption {
					picked[i], matched = true, true
				}
			}
		}
		if !matched {
			return nil, diag(opts.File, "", "table selector %q matches no table%s; expected a table number from 1 or a caption",
				s, seen(infos))
		}
	}
	for i, in := range infos {
		if !picked[i] {
			continue
		}
		for _, o := range ovs {
			if o.match(tables[i].Header) < 0 {
				return nil, diag(opts.File, in.Where(), "column %s matches no column: its headers are %s; expected a header text or a column number from 1 to %d",
					o, formatHeaders(in.Headers), len(in.Headers))
			}
		}
		if !in.ErrorTable {
			msg := fmt.Sprintf("selected table has no error-code column: its headers are %s; expected one of %s", formatHeaders(in.Headers), expectedCode)
			if in.Note != "" {
				msg = fmt.Sprintf("selected table has no error-code column: its headers are %s, and %s; give --column code=HEADER (or an index)",
					formatHeaders(in.Headers), in.Note)
			}
			return nil, diag(opts.File, in.Where(), "%s", msg)
		}
		sel = append(sel, i)
	}
	return sel, nil
}

// seen lists the tables for messages, "; tables seen: table 1 [A | B],
// …", or says there are none.
func seen(infos []Info) string {
	if len(infos) == 0 {
		return ": the page has no tables"
	}
	list := make([]string, len(infos))
	for i, in := range infos {
		list[i] = in.String()
	}
	return "; tables seen: " + strings.Join(list, ", ")
}

// reader collects the entries and the report of one Read.
type reader struct {
	opts    Options
	report  *catalog.Report
	entries []catalog.Entry
	seen    map[string]string // duplicate key → where the row was first seen
	err     error
	// spaced is the last table whose code with white space was warned
	// about: one warning per table says enough.
	spaced int
}

func (r *reader) warn(where, format string, args ...any) {
	r.report.Warn(r.opts.File, where, format, args...)
}

// table appends the entries of t's data rows.
func (r *reader) table(t *Table, l *layout, in Info) {
	tw := in.Where()
	for _, w := range l.warnings {
		r.warn(tw, "%s", w)
	}
	cols := slices.Clone(l.cols)
	used := map[string]int{}
	for _, c := range cols {
		if c.role == extra || c.role == body {
			used[c.name] = 0
		}
	}
	statusCol, codeCol, bodyCol := l.col(status), l.col(code), l.col(body)
	if statusCol < 0 && bodyCol < 0 {
		r.warn(tw, "no status column (expected %s); every entry has status 0 (unknown)", expectedStatus)
	}
	// With SkipBadRows, a status column of which no row holds a status
	// would leave the table empty with nothing but "row skipped": its
	// warnings say what a status looks like and how to name another
	// column.
	readable := statusCol < 0 || !r.opts.SkipBadRows || anyStatus(t, statusCol)
	for i, row := range t.Rows {
		if emptyRow(row.Cells) {
			continue
		}
		// Cells beyond the header are kept too, as Extra columns.
		for len(cols) < len(row.Cells) {
			cols = append(cols, column{role: extra, name: uniqueName(used, "", len(cols))})
		}
		where := fmt.Sprintf("%s, row %d", tw, row.N)
		if row.Line > 0 {
			where += fmt.Sprintf(" (line %d)", row.Line)
		}
		e := catalog.Entry{Origin: catalog.Origin{Table: t.Index, Caption: t.Caption, Row: row.N}}
		f := rowFacts{paragraphs: fill(&e, row.Cells, cols)}
		f.code = cellLine(row.Cells, codeCol)
		f.statusText = cellLine(row.Cells, statusCol)
		if placeholders[strings.ToLower(f.statusText)] {
			// "-" or "N/A" in a status cell says there is none, as an
			// empty cell does.
			f.statusText = ""
		}
		statuses, items, bad := parseStatuses(f.statusText)
		if bad != "" {
			if readable {
				bad += fmt.Sprintf("; expected an HTTP status code such as 400 in column %d %q", statusCol+1, cols[statusCol].header)
			} else {
				bad += fmt.Sprintf("; %s in column %d %q, but no row of it holds one; if another column holds the status, give --column status=HEADER (or an index)",
					expectedStatusForms, statusCol+1, cols[statusCol].header)
			}
			if !r.opts.SkipBadRows {
				r.err = diag(r.opts.File, where, "%s", bad)
				return
			}
			r.warn(where, "%s; row skipped", bad)
			r.report.SkippedRows++
			continue
		}
		var bodies []fields.Body
		if bodyCol >= 0 && bodyCol < len(row.Cells) && row.Cells[bodyCol].Text != "" {
			text := row.Cells[bodyCol].Text
			cb := l.bodies[i]
			if cb.err != nil {
				r.warn(where, "column %d %q: %v; kept the %d bodies before it", bodyCol+1, cols[bodyCol].header, cb.err, len(cb.bodies))
			}
			bodies = cb.bodies
			if len(bodies) == 0 && !placeholders[strings.ToLower(text)] {
				// No body: the text is kept as any column errgen has no
				// field for.
				if e.Extra == nil {
					e.Extra = map[string]string{}
				}
				e.Extra[cols[bodyCol].name] = text
			}
		}
		// A cell of several statuses gives one entry per status.
		for k, st := range statuses {
			e, f := e, f
			if k > 0 {
				e.Extra = maps.Clone(e.Extra)
			}
			f.status, f.statusText = st, items[k]
			if len(bodies) > 0 {
				r.rowBodies(where, e, bodies, f, cols, statusCol, codeCol, bodyCol)
				continue
			}
			r.rowEntry(where, e, f, row.Cells, cols, statusCol, codeCol, bodyCol)
		}
	}
}

// rowEntry appends the entry of a row without error bodies.
func (r *reader) rowEntry(where string, e catalog.Entry, f rowFacts, cells []Cell, cols []column, statusCol, codeCol, bodyCol int) {
	e.Code, e.Status = f.code, f.status
	switch {
	case codeCol >= 0:
		f.noCode = fmt.Sprintf("code is empty; expected an error code in column %d %q", codeCol+1, cols[codeCol].header)
	case bodyCol >= 0 && bodyCol < len(cells) && cells[bodyCol].Text != "":
		f.noCode = fmt.Sprintf("column %d %q holds no error body (a JSON object with a code or a message)", bodyCol+1, cols[bodyCol].header)
	case bodyCol >= 0:
		f.noCode = fmt.Sprintf("column %d %q is empty; expected an error body", bodyCol+1, cols[bodyCol].header)
	default:
		f.noCode = "code is empty"
	}
	switch {
	case statusCol >= 0 && f.statusText == "":
		f.noStatus = fmt.Sprintf("status of %s is empty (column %d %q); recorded as 0 (unknown)", e.Code, statusCol+1, cols[statusCol].header)
	case statusCol < 0 && bodyCol >= 0:
		f.noStatus = fmt.Sprintf("status of %s is unknown: no status column, and no error body in column %d %q; recorded as 0", e.Code, bodyCol+1, cols[bodyCol].header)
	}
	r.add(where, e, f)
}

// anyStatus reports whether a row of t has a status in column x: a
// cell that is neither empty, a placeholder nor a bad status.
func anyStatus(t *Table, x int) bool {
	for _, r := range t.Rows {
		if emptyRow(r.Cells) {
			continue
		}
		s := cellLine(r.Cells, x)
		if s == "" || placeholders[strings.ToLower(s)] {
			continue
		}
		if _, _, bad := parseStatuses(s); bad == "" {
			return true
		}
	}
	return false
}

// rowFacts is what the checks of add need besides the entry.
type rowFacts struct {
	code       string   // the code column's text
	status     int      // the status column's status
	statusText string   // the status column's text, "" when it is not the entry's
	noStatus   string   // the warning for status 0, "" for none
	noCode     string   // the warning for an empty code
	paragraphs int      // joined message lines that may be alternatives
	notes      []string // warnings about a kept entry (how a body was read)
}

// add checks e against the row rules and appends it, or says why not.
func (r *reader) add(where string, e catalog.Entry, f rowFacts) {
	if e.Status >= 100 && e.Status < 400 {
		r.report.NonErrorRows++
		if e.Code == "" {
			r.warn(where, "status %d is not an error status (1xx–3xx); row left out", e.Status)
		} else {
			r.warn(where, "status %d of %s is not an error status (1xx–3xx); row left out", e.Status, e.Code)
		}
		return
	}
	if e.Code == "" {
		r.warn(where, "%s; row skipped", f.noCode)
		r.report.SkippedRows++
		return
	}
	if why := notACode(e.Code); why != "" {
		r.warn(where, "%s; row skipped", why)
		r.report.SkippedRows++
		return
	}
	for _, n := range f.notes {
		r.warn(where, "%s", n)
	}
	if strings.ContainsAny(e.Code, " \t") && r.spaced != e.Origin.Table {
		r.spaced = e.Origin.Table
		r.warn(where, "code %q has blanks; error codes are usually one token, so the code may be in another column (this table's other such codes are not named again; hint: --column code=HEADER)", e.Code)
	}
	switch {
	case e.Status == 0 && f.noStatus != "":
		r.warn(where, "%s", f.noStatus)
	case e.Status != 0 && (e.Status < 100 || e.Status > 599):
		text := f.statusText
		if text == "" {
			text = strconv.Itoa(e.Status)
		}
		r.warn(where, "status %s of %s is not an HTTP status (100–599); kept as documented", text, e.Code)
	}
	if f.paragraphs > 1 {
		r.warn(where, "message of %s has %d lines that may be alternative messages; joined into one template (only list items are read as alternatives)", e.Code, f.paragraphs)
	}
	key := dupKey(&e)
	if first, ok := r.seen[key]; ok {
		r.warn(where, "duplicates %s (status %d, code %s, every column equal); both kept", first, e.Status, e.Code)
	} else {
		r.seen[key] = where
	}
	r.entries = append(r.entries, e)
}

// fill sets the text fields and Extra of e from a row's cells; status and
// code are single-line and read by the caller. It returns the number of
// lines of a message cell that were joined although they may be
// alternatives, 0 when there is nothing to warn about.
func fill(e *catalog.Entry, cells []Cell, cols []column) (paragraphs int) {
	for x, c := range cells {
		if placeholders[strings.ToLower(c.Text)] {
			// "-" or "N/A" says the cell is empty.
			c.Text = ""
		}
		switch cols[x].role {
		case message:
			e.Message = c.Text
			if !c.List && strings.Contains(c.Text, "\n") {
				// Paragraphs and line breaks of one cell are one template;
				// only list items are alternatives.
				lines := strings.Split(c.Text, "\n")
				e.Message = strings.Join(lines, " ")
				if mayBeAlternatives(lines) {
					paragraphs = len(lines)
				}
			}
		case title:
			e.Title = oneLine(c.Text)
		case description:
			e.Description = c.Text
		case solution:
			e.Solution = c.Text
		case extra:
			if c.Text != "" && !placeholders[strings.ToLower(c.Text)] {
				if e.Extra == nil {
					e.Extra = map[string]string{}
				}
				e.Extra[cols[x].name] = c.Text
			}
		}
	}
	return paragraphs
}

// emptyRow reports whether a row has no text of its own: a row holding
// nothing but the tail of a rowspan documents nothing.
func emptyRow(cells []Cell) bool {
	for _, c := range cells {
		if c.Own && c.Text != "" {
			return false
		}
	}
	return true
}

// cellLine returns the single-line text of column x, or "" when the row
// has no such column.
func cellLine(cells []Cell, x int) string {
	if x < 0 || x >= len(cells) {
		return ""
	}
	return oneLine(cells[x].Text)
}

// dupKey is equal for two entries exactly when every documented column
// is: the origin does not count.
func dupKey(e *catalog.Entry) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(e.Status))
	for _, s := range []string{e.Code, e.Message, e.Title, e.Description, e.Solution} {
		b.WriteByte(0)
		b.WriteString(s)
	}
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
	for _, x := range e.Examples {
		b.WriteByte(2)
		b.WriteString(x.Body)
	}
	return b.String()
}

func diag(file, where, format string, args ...any) *catalog.Diagnostic {
	return &catalog.Diagnostic{File: file, Where: where, Message: fmt.Sprintf(format, args...)}
}
