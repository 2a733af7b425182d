// Package htmltable reads the error-code tables of a vendor's HTML
// documentation page into catalog entries.
//
// [Parse] turns every row of every error-code table into one
// [catalog.Entry], tables in document order and rows in source order;
// [Tables] describes every table of the page, which is what a user looks
// at to choose a selector for [Options].Tables.
//
// # Which tables are read
//
// A table is an error-code table when its header names a code column.
// Header texts are matched exactly (not by substring) after lower-casing,
// collapsing white space and dropping a trailing colon; the columns may
// come in any order:
//
//	status       "Status Code", "HTTP Status Code", "HTTP Status", "Status"
//	code         "Error Code", "Code", "Error Codes", "Response Status Code"
//	message      "Error Message", "Message"
//	description  "Description", "Possible Cause"
//	solution     "Solution", "Measure", "Handling Measure"
//
// "Response Status Code" is the code because Huawei's SCIM tables read
// "HTTP Status Code | Response Status Code | Error Message | …". Any other
// column goes to Entry.Extra under its header text (white space collapsed,
// case kept); so does a second column naming a field already taken, since
// the first one wins. Repeated Extra names get " (2)", " (3)"… appended; a
// column with no header text is called "column N", N its 1-based
// position. Empty Extra cells are left out of the map.
//
// Tables without a code column (parameter tables, status-only tables) are
// skipped. With Options.Tables set, only the selected tables are read,
// and selecting one without a code column is an error.
//
// # Table layout
//
// The header is the rows of the <thead>, combined column by column (the
// texts of the distinct cells covering a column, joined by a space), or,
// without a <thead>, the first row. Header cells may be <th> or <td>. A
// first row that is a single cell spanning the whole table (at least as
// many columns as the next row, and more than one) is a title row: it is
// neither header nor data, and its text becomes the caption when the
// table has no <caption>.
//
// A table's rows are its own: table>tr and table>thead/tbody/tfoot>tr, in
// document order. Rows of a table nested in a cell belong to that nested
// table, whose text becomes part of the cell's text.
//
// Spans are expanded with the HTML table model: a cell with rowspan="12"
// fills its column in 12 rows, one with colspan="2" is copied into both
// columns. rowspan="0" and rowspans past the end of the row group stop at
// the end of the group (<thead>, <tbody>, <tfoot>); colspan is clamped to
// 1000, and so is the width of the table. Where cells overlap, the later
// one wins. Spans copy a cell into every slot it covers, so a page's
// tables together may lay out at most twice the page's size plus 2 MiB
// (64 MiB at most) of slots, each counted as 48 bytes plus its cell's
// text: real pages use under half their size, and a hostile page of
// colspan="1000" or rowspan="65534" cells is an error naming the table
// and the row instead of gigabytes of memory. A row is skipped when no cell starting in it has any text:
// blank rows, and rows that only hold the tails of rowspans above them.
//
// # Charset
//
// The page is decoded to UTF-8 before it is read, by the first charset
// declared by a byte order mark, Options.Charset (the charset of the
// Content-Type the page was fetched with, which errgen.lock records) or a
// <meta charset> / <meta http-equiv="Content-Type"> in its first 1024
// bytes; a page that declares none is read as UTF-8 (internal/textenc
// has the rules). These are warnings: a page that declares no charset
// and is not valid UTF-8 (naming the line of the first bad byte, which
// reads as U+FFFD), a page declared UTF-8 that is not, and a declared
// charset errgen does not know (ignored, naming it).
//
// # Cell text
//
// Entities are decoded, &nbsp; and every other Unicode space count as a
// space, and runs of white space become one space. Block elements (<p>,
// <div>, <br>, <li>, <ul>, <ol>, <tr>, <table>, <h1>…<h6>, <pre>, <dd>,
// <dt>, <blockquote> and the like) start a new line, kept as a single
// "\n" in messages, descriptions, solutions and Extra columns; statuses,
// codes, headers and captions are one line, newlines turned into spaces.
// Every line is trimmed, empty lines are dropped, and inline markup
// (<span>, <b>, <strong>, <em>, <code>, <a>…) adds its text and nothing
// else, so "The number of <span>ECS</span>s" reads "The number of ECSs".
// Placeholders such as {0}, {roleId}, %(key)s, {} and %s are kept
// verbatim. <script>, <style> and <template> contribute nothing. A
// <caption> like `<caption><b>Table 1 </b>SCIM error codes</caption>`
// reads "Table 1 SCIM error codes".
//
// # Numbering
//
// Tables are numbered from 1 among all <table> elements of the page,
// nested ones included, in document order. Rows are numbered from 1 among
// a table's data rows, that is every <tr> after the title and header rows,
// so the numbers match what a reader counts in the rendered table: a
// blank row, a 3xx row or a skipped bad row still takes its number.
// Entry.Origin carries both numbers and the caption, and messages name
// them the same way: `table 2 "Table 1 SCIM error codes", row 5`.
//
// # Statuses, warnings and errors
//
// A status is one line of ASCII digits. Rows with a 1xx–3xx status are
// not errors: they are left out and counted in Report.NonErrorRows.
//
// These are warnings in the [catalog.Report]; the row is kept:
//   - an empty status cell: Status is 0 (unknown);
//   - a table with no status column: every entry has Status 0;
//   - a status outside 100–599, such as a documented 4000: kept as is;
//   - a row whose every column equals an earlier row's: both are kept,
//     the warning names both.
//
// These are errors, *[catalog.Diagnostic] values naming the file, the
// table and the row and saying what was expected: a non-numeric status,
// an empty code. With Options.SkipBadRows they become warnings instead,
// the row is left out and counted in Report.SkippedRows.
//
// A page without an error-code table is an error that lists every table
// seen with its headers, as is a selector matching no table. Parse never
// panics, whatever the bytes.
//
// # Untrusted pages
//
// The page is parsed by parse/internal/htmlsafe: as the HTML standard
// says, except that formatting elements (<b>, <a>, <code>, <font>…) left
// open are not re-opened in every later paragraph, which let a 20 KB page
// build two million nodes; text is the same either way. A page with more
// markup per byte than a documentation page (every '<' and run of white
// space counted as a tag and an attribute: over 16 times the page's size
// plus 32 MiB of nodes) is an error naming the file, what was counted and
// the limit, as is one nesting elements deeper than 512.
package htmltable
