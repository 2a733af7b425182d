package htmltable

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/textenc"
)

// Options controls Parse.
type Options struct {
	// File is the input's name, used in every message.
	File string
	// Tables selects tables: a number such as "2" is the 2nd <table> of
	// the page (1-based, all tables in document order, nested ones
	// included); anything else is a caption, compared case-sensitively
	// after white space normalisation. Empty: every error-code table.
	Tables []string
	// SkipBadRows turns bad rows (non-numeric status, empty code) into
	// warnings: the row is left out and counted in Report.SkippedRows
	// instead of failing the parse.
	SkipBadRows bool
	// Charset is the charset the page's Content-Type declared, such as
	// "Shift_JIS" ("" when none): it wins over a <meta charset>, a byte
	// order mark wins over it (see "Charset" in the package doc).
	Charset string
}

// Parse returns the entries of every selected error-code table of the
// page, tables in document order, rows in source order. Input errors are
// *catalog.Diagnostic values.
func Parse(src []byte, opts Options) ([]catalog.Entry, *catalog.Report, error) {
	dec := textenc.HTML(src, opts.Charset)
	tables, err := readTables(dec.Text, opts.File)
	if err != nil {
		return nil, nil, err
	}
	selected, err := selectTables(tables, opts)
	if err != nil {
		return nil, nil, err
	}
	p := &parser{opts: opts, report: &catalog.Report{}, seen: map[string]string{}}
	for _, w := range dec.Warnings {
		p.report.Warn(opts.File, lineWhere(w.Line), "%s", w.Message)
	}
	for _, t := range selected {
		if err := p.table(t); err != nil {
			return nil, nil, err
		}
	}
	return p.entries, p.report, nil
}

// selectTables returns the tables Parse reads, in document order.
func selectTables(tables []*table, opts Options) ([]*table, error) {
	if len(opts.Tables) == 0 {
		var sel []*table
		for _, t := range tables {
			if t.info.ErrorTable {
				sel = append(sel, t)
			}
		}
		if len(sel) == 0 {
			return nil, diag(opts.File, "", "no error-code table found%s; expected a table whose header names the code column: %s",
				seen(tables), expected[code])
		}
		return sel, nil
	}
	picked := make([]bool, len(tables))
	for _, s := range opts.Tables {
		matched := false
		if s != "" && strings.Trim(s, "0123456789") == "" {
			i, err := strconv.Atoi(s)
			if err == nil && i >= 1 && i <= len(tables) {
				picked[i-1], matched = true, true
			}
		} else if caption := strings.Join(strings.Fields(s), " "); caption != "" {
			for i, t := range tables {
				if t.info.Caption == caption {
					picked[i], matched = true, true
				}
			}
		}
		if !matched {
			return nil, diag(opts.File, "", "table selector %q matches no table%s; expected a table number from 1 or a caption",
				s, seen(tables))
		}
	}
	var sel []*table
	for i, t := range tables {
		if !picked[i] {
			continue
		}
		if !t.info.ErrorTable {
			return nil, diag(opts.File, t.info.where(), "selected table has no error-code column: its headers are %s; expected one of %s",
				formatHeaders(t.info.Headers), expected[code])
		}
		sel = append(sel, t)
	}
	return sel, nil
}

// seen lists the tables of a page for messages, "; tables seen: table 1
// [A | B], …", or says there are none.
func seen(tables []*table) string {
	if len(tables) == 0 {
		return ": the page has no tables"
	}
	list := make([]string, len(tables))
	for i, t := range tables {
		list[i] = t.info.String()
	}
	return "; tables seen: " + strings.Join(list, ", ")
}

// parser collects the entries and the report of one Parse.
type parser struct {
	opts    Options
	report  *catalog.Report
	entries []catalog.Entry
	seen    map[string]string // duplicate key → where the row was first seen
}

// table appends the entries of t's data rows.
func (p *parser) table(t *table) error {
	cols := slices.Clone(t.cols)
	used := map[string]int{}
	statusCol, codeCol := -1, -1
	for i, c := range cols {
		switch c.field {
		case extra:
			used[c.name] = 0
		case status:
			statusCol = i
		case code:
			codeCol = i
		}
	}
	if statusCol < 0 {
		p.report.Warn(p.opts.File, t.info.where(), "no status column (expected %s); every entry has status 0 (unknown)", expected[status])
	}

	g := newGrid(t.rows, t.budget)
	n := 0 // data row number
	for r := range t.rows {
		if r == 0 && t.title {
			g.skip()
			continue
		}
		slots, err := g.next()
		if err != nil {
			return diag(p.opts.File, fmt.Sprintf("%s, row %d", t.info.where(), n+1), "%v", err)
		}
		if t.isHead[r] {
			continue
		}
		n++
		if emptyRow(slots, r) {
			continue
		}
		// Cells beyond the header are kept too, as Extra columns.
		for len(cols) < len(slots) {
			cols = append(cols, column{field: extra, name: uniqueName(used, "", len(cols))})
		}
		where := fmt.Sprintf("%s, row %d", t.info.where(), n)
		e := catalog.Entry{Origin: catalog.Origin{Table: t.info.Index, Caption: t.info.Caption, Row: n}}
		fill(&e, slots, cols)
		e.Code = slotLine(slots, codeCol)
		statusText := slotLine(slots, statusCol)
		var bad string
		e.Status, bad = parseStatus(statusText)
		if bad != "" {
			bad += fmt.Sprintf("; expected an HTTP status code such as 400 in column %d %q", statusCol+1, cols[statusCol].header)
		}
		if bad == "" && e.Status >= 100 && e.Status < 400 {
			p.report.NonErrorRows++
			continue
		}
		if bad == "" && e.Code == "" {
			bad = fmt.Sprintf("code is empty; expected an error code in column %d %q", codeCol+1, cols[codeCol].header)
		}
		if bad != "" {
			if !p.opts.SkipBadRows {
				return diag(p.opts.File, where, "%s", bad)
			}
			p.report.Warn(p.opts.File, where, "%s; row skipped", bad)
			p.report.SkippedRows++
			continue
		}
		switch {
		case statusCol >= 0 && statusText == "":
			p.report.Warn(p.opts.File, where, "status of %s is empty (column %d %q); recorded as 0 (unknown)", e.Code, statusCol+1, cols[statusCol].header)
		case statusText != "" && (e.Status < 100 || e.Status > 599):
			p.report.Warn(p.opts.File, where, "status %s of %s is not an HTTP status (100–599); kept as documented", statusText, e.Code)
		}
		key := dupKey(&e)
		if first, ok := p.seen[key]; ok {
			p.report.Warn(p.opts.File, where, "duplicates %s (status %d, code %s, every column equal); both kept", first, e.Status, e.Code)
		} else {
			p.seen[key] = where
		}
		p.entries = append(p.entries, e)
	}
	return nil
}

// fill sets the text fields and Extra of e from a row's slots; status and
// code are single-line and read by the caller.
func fill(e *catalog.Entry, slots []*cell, cols []column) {
	for x, c := range slots {
		if c == nil {
			continue
		}
		switch cols[x].field {
		case message:
			e.Message = c.Text()
		case description:
			e.Description = c.Text()
		case solution:
			e.Solution = c.Text()
		case extra:
			if s := c.Text(); s != "" {
				if e.Extra == nil {
					e.Extra = map[string]string{}
				}
				e.Extra[cols[x].name] = s
			}
		}
	}
}

// parseStatus reads a status cell: "" is 0 (unknown), otherwise it must
// be ASCII digits. bad says what is wrong when it is not a status.
func parseStatus(s string) (status int, bad string) {
	switch {
	case s == "":
		return 0, ""
	case strings.Trim(s, "0123456789") != "":
		return 0, fmt.Sprintf("status %q is not a number", s)
	case len(s) > 9: // not an HTTP status anyway, and Atoi could overflow
		return 0, fmt.Sprintf("status %s is too large", s)
	}
	n, _ := strconv.Atoi(s)
	return n, ""
}

// emptyRow reports whether row r has no text of its own: only cells
// starting in the row count, so a row holding nothing but the tail of a
// rowspan documents nothing.
func emptyRow(slots []*cell, r int) bool {
	for _, c := range slots {
		if c != nil && c.own == r && c.Text() != "" {
			return false
		}
	}
	return true
}

// slotLine returns the single-line text of column x, or "" when the row
// has no such column.
func slotLine(slots []*cell, x int) string {
	if x < 0 || x >= len(slots) || slots[x] == nil {
		return ""
	}
	return strings.ReplaceAll(slots[x].Text(), "\n", " ")
}

// dupKey is equal for two entries exactly when every documented column
// is: the origin does not count.
func dupKey(e *catalog.Entry) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(e.Status))
	for _, s := range []string{e.Code, e.Message, e.Description, e.Solution} {
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
	return b.String()
}

func diag(file, where, format string, args ...any) *catalog.Diagnostic {
	return &catalog.Diagnostic{File: file, Where: where, Message: fmt.Sprintf(format, args...)}
}

// lineWhere names a line of the page for Diagnostic.Where, "" for none.
func lineWhere(line int) string {
	if line <= 0 {
		return ""
	}
	return fmt.Sprintf("line %d", line)
}
