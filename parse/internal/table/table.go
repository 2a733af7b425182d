package table

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Table is one table of a document as a grid of text: what a reader sees
// in the rendered table, with spans already expanded.
type Table struct {
	// Index is the table's 1-based position among all tables of the
	// document, in document order: what a selector "2" means.
	Index int
	// Caption is the table's caption or title, single-line; "" for none.
	Caption string
	// Line is the 1-based source line where the table starts, 0 when
	// unknown (HTML pages).
	Line int
	// Header is one single-line text per column, left to right; "" for a
	// column without header text.
	Header []string
	// Rows are the data rows in source order, blank ones included, so
	// that Row.N counts as a reader counts.
	Rows []Row
}

// Row is one data row of a table.
type Row struct {
	// N is the 1-based number of the row among the table's data rows
	// (title and header rows not counted, blank rows counted).
	N int
	// Line is the 1-based source line of the row, 0 when unknown.
	Line int
	// Cells are the row's slots, left to right; a row may be narrower or
	// wider than the header.
	Cells []Cell
}

// Cell is one slot of a row.
type Cell struct {
	// Text is the cell's normalised text: white space runs collapsed to
	// one space, lines (paragraphs, <br>, list items) joined by "\n",
	// every line trimmed and no line empty.
	Text string
	// Own is false when the slot only holds the tail of a cell starting
	// in an earlier row (rowspan), or no cell at all: a row whose own
	// cells are all empty documents nothing.
	Own bool
	// List is true when the cell's lines are the items of a list (<ul>,
	// <ol>, Markdown "- "): alternatives, not paragraphs of one text.
	List bool
}

// Options controls Read.
type Options struct {
	// File is the input's name, used in every message.
	File string
	// Tables selects tables: a number such as "2" is Table.Index 2;
	// anything else is a caption, compared case-sensitively after white
	// space normalisation. Empty: every error-code table.
	Tables []string
	// SkipBadRows turns bad rows (a status that is not a number) into
	// warnings: the row is left out and counted in Report.SkippedRows
	// instead of failing the read.
	SkipBadRows bool
	// Columns gives columns their roles, beating every guess: a role
	// ("code", "status", "message", "title", "description", "solution",
	// "body")
	// maps to a header text (compared as header synonyms are: case, white
	// space and a trailing colon do not matter) or to a 1-based column
	// index written in decimal.
	Columns map[string]string
}

// Info describes one table: what a user looks at to choose a selector
// or a column override.
type Info struct {
	// Index is Table.Index.
	Index int `json:"index"`
	// Caption is Table.Caption.
	Caption string `json:"caption,omitempty"`
	// Line is Table.Line.
	Line int `json:"line,omitempty"`
	// Headers are the header texts, one per column, left to right.
	Headers []string `json:"headers"`
	// Fields says what each column feeds: "status", "code", "message",
	// "title", "description", "solution", "body" (error bodies the code,
	// message and status are read from), or "" for an Extra column.
	Fields []string `json:"fields"`
	// ErrorTable reports whether a column is the error code or holds
	// error bodies, which is what makes Read read the table.
	ErrorTable bool `json:"error_table"`
	// Rows is the number of data rows, blank ones included.
	Rows int `json:"rows"`
	// Note says why a table is not an error-code table when its content,
	// not its header, decided it; "" otherwise.
	Note string `json:"note,omitempty"`
}

// String renders i as in messages: `table 2 "Table 1 Error codes" [A | B]`,
// followed by the note in parentheses when there is one.
func (i Info) String() string {
	s := i.Where() + " " + formatHeaders(i.Headers)
	if i.Note != "" {
		s += " (" + i.Note + ")"
	}
	return s
}

// Where names the table as in Diagnostic.Where: `table 2 "Caption"`, or
// `table 2` without a caption.
func (i Info) Where() string {
	return where(i.Index, i.Caption)
}

func where(index int, caption string) string {
	if caption == "" {
		return fmt.Sprintf("table %d", index)
	}
	return fmt.Sprintf("table %d %q", index, caption)
}

// maxShown is the length at which formatHeaders cuts a header text.
const maxShown = 40

// formatHeaders renders headers as "[A | B | C]" for messages; an empty
// header shows as "(empty)" so the column count stays visible, and a long
// one is cut to maxShown characters.
func formatHeaders(headers []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, h := range headers {
		if i > 0 {
			b.WriteString(" | ")
		}
		switch {
		case h == "":
			h = "(empty)"
		case utf8.RuneCountInString(h) > maxShown:
			// A layout table's "header" is its whole content.
			h = string([]rune(h)[:maxShown-1]) + "…"
		}
		b.WriteString(h)
	}
	b.WriteByte(']')
	return b.String()
}
