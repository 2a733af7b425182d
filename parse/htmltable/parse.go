package htmltable

import (
	"fmt"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/textenc"
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
	tables, err := readTables(dec.Text, opts.File)
	if err != nil {
		return nil, nil, err
	}
	grids := make([]table.Table, len(tables))
	for i, t := range tables {
		if grids[i], err = t.grid(opts.File); err != nil {
			return nil, nil, err
		}
	}
	entries, report, err := table.Read(grids, table.Options{
		File: opts.File, Tables: opts.Tables, SkipBadRows: opts.SkipBadRows, Columns: opts.Columns,
	})
	if err != nil {
		return nil, nil, err
	}
	if len(dec.Warnings) > 0 {
		// The charset warnings come first, as the page is decoded first.
		ws := make([]catalog.Diagnostic, 0, len(dec.Warnings)+len(report.Warnings))
		for _, w := range dec.Warnings {
			ws = append(ws, catalog.Diagnostic{File: opts.File, Where: lineWhere(w.Line), Message: w.Message})
		}
		report.Warnings = append(ws, report.Warnings...)
	}
	return entries, report, nil
}

// lineWhere names a line of the page for Diagnostic.Where, "" for none.
func lineWhere(line int) string {
	if line <= 0 {
		return ""
	}
	return fmt.Sprintf("line %d", line)
}
