package htmltable

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/textenc"
	"github.com/errgen/errgen/parse/internal/sections"
	"github.com/errgen/errgen/parse/internal/table"
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
	// SkipBadRows turns bad rows (a status that is not a number) into
	// warnings: the row is left out and counted in Report.SkippedRows
	// instead of failing the parse.
	SkipBadRows bool
	// Charset is the charset the page's Content-Type declared, such as
	// "Shift_JIS" ("" when none): it wins over a <meta charset>, a byte
	// order mark wins over it (see "Charset" in the package doc).
	Charset string
	// Columns gives columns their roles, beating every guess: a role
	// ("code", "status", "message", "title", "description", "solution")
	// maps to a header text or a 1-based column number in decimal.
	Columns map[string]string
}

// Parse returns the entries of every selected error-code table of the
// page, tables in document order, rows in source order. Input errors are
// *catalog.Diagnostic values.
func Parse(src []byte, opts Options) ([]catalog.Entry, *catalog.Report, error) {
	dec := textenc.HTML(src, opts.Charset)
	root, tables, err := parsePage(dec.Text, opts.File, 1, newBudget(len(dec.Text)))
	if err != nil {
		return nil, nil, err
	}
	grids := make([]table.Table, len(tables))
	for i, t := range tables {
		if grids[i], err = t.grid(opts.File); err != nil {
			return nil, nil, err
		}
	}
	errorTable := slices.ContainsFunc(table.DescribeAll(grids), func(i table.Info) bool { return i.ErrorTable })
	described := ""
	if !errorTable && len(opts.Tables) == 0 && len(opts.Columns) == 0 {
		// A page of sections: each code a heading or a bold line, with
		// labelled lines below it.
		entries, report, found, d := sections.ReadHTML(root, opts.File)
		if found {
			sectionLines(dec.Text, entries)
			return entries, withCharset(dec, opts.File, report), nil
		}
		described = d
	}
	entries, report, err := table.Read(grids, table.Options{
		File: opts.File, Tables: opts.Tables, SkipBadRows: opts.SkipBadRows, Columns: opts.Columns,
	})
	var d *catalog.Diagnostic
	if errors.As(err, &d) && described != "" {
		d.Message += "; sections seen: " + described
	}
	if err != nil {
		return nil, nil, err
	}
	return entries, withCharset(dec, opts.File, report), nil
}

// sectionLines gives the entries of a section layout the lines their
// codes are on, which an HTML tree does not keep: each code is looked for
// in the page after the previous one's place, so a code the page also
// mentions earlier in prose is still found at its own section as long as
// the sections come in order. A code written with character references
// is not found and keeps line 0; after maxMisses such codes the rest keep
// 0 too, as each miss reads the rest of the page.
func sectionLines(page []byte, entries []catalog.Entry) {
	at, line, misses := 0, 1, 0
	for i := range entries {
		if misses == maxMisses {
			return
		}
		misses++
		code := []byte(entries[i].Code)
		// A code is a token: it must not continue a longer word.
		for from := at; ; {
			k := bytes.Index(page[from:], code)
			if k < 0 {
				break
			}
			k += from
			end := k + len(code)
			if (k == 0 || !tokenByte(page[k-1])) && (end == len(page) || !tokenByte(page[end])) {
				line += bytes.Count(page[at:k], []byte("\n"))
				entries[i].Origin.Line = line
				at = end
				misses--
				break
			}
			from = k + 1
		}
	}
}

const maxMisses = 16

func tokenByte(b byte) bool {
	return b == '.' || b == '_' || b == '-' || b == ':' || '0' <= b && b <= '9' || 'a' <= b|0x20 && b|0x20 <= 'z' || b >= 0x80
}

// withCharset puts the charset warnings first in report, as the page is
// decoded first.
func withCharset(dec textenc.Decoded, file string, report *catalog.Report) *catalog.Report {
	if len(dec.Warnings) > 0 {
		ws := make([]catalog.Diagnostic, 0, len(dec.Warnings)+len(report.Warnings))
		for _, w := range dec.Warnings {
			ws = append(ws, catalog.Diagnostic{File: file, Where: lineWhere(w.Line), Message: w.Message})
		}
		report.Warnings = append(ws, report.Warnings...)
	}
	return report
}

// lineWhere names a line of the page for Diagnostic.Where, "" for none.
func lineWhere(line int) string {
	if line <= 0 {
		return ""
	}
	return fmt.Sprintf("line %d", line)
}
