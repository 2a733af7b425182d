// Package htmltable reads the error-code tables of a vendor's HTML
// documentation page into catalog entries.
//
// [Parse] turns every row of every error-code table into one
// [catalog.Entry], tables in document order and rows in source order;
// [Tables] describes every table of the page, which is what a user looks
// at to choose a selector for [Options].Tables.
//
// # Which tables are read, and columns
//
// The page's tables become grids of the shared table model, and
// parse/internal/table's Read turns them into entries with the column
// and row rules its package doc describes, the same for HTML and
// Markdown pages. In short: a table is an error-code table when a column
// is the code, by its header text (matched exactly, after lower-casing,
// collapsing white space and dropping a trailing colon: "Error Code",
// "Code", "Error Codes", "Response Status Code", "Error", "ErrorCode",
// 错误码, エラーコード…) or by Options.Columns; a code column of HTTP
// statuses is the status when no other column is; a table listing the
// fields of an error body is not an error table; a column of whole error
// bodies (JSON, under "Response", "Example"…) gives each row's code and
// message from the body. Columns of no role go
// to Entry.Extra under their header text. Tables without a code column
// are skipped; with Options.Tables set, only the selected tables are
// read, and selecting one without a code column is an error.
//
// A page with no error-code table (and no Options.Tables or
// Options.Columns) may be a section layout: each code a heading or a bold
// line followed by labelled lines ("HTTP status: 400", "Error message:
// …", 错误信息：…). It is read by parse/internal/sections, whose package
// doc has the rules; an HTML tree keeps no line numbers, so an entry's
// Origin.Line is the line of the first occurrence of its code, as a
// whole token, after the previous entry's. A page with neither is an
// error listing the tables and the headings seen, with hints.
//
// [ReadTables] reads the tables of an HTML fragment, such as a raw HTML
// block of a Markdown document, into the same model, under a [Budget]
// the caller shares among the fragments of one document.
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
// one wins. Spans copy a cell into every slot it covers, so every table
// of a page is laid out (the column logic reads content, so unselected
// tables too) under one budget: at most twice the page's size plus 2 MiB
// (64 MiB at most) of slots, each counted as 48 bytes plus its cell's
// text, header rows counted twice. Real pages use under half their size,
// and a hostile page of colspan="1000" or rowspan="65534" cells is an
// error naming the table and the row, charged before the row is kept,
// instead of gigabytes of memory; [Tables] describes such a table by its
// header alone. A row is skipped when no cell starting in it has any
// text: blank rows, and rows that only hold the tails of rowspans above
// them.
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
// <dt>, <blockquote> and the like) start a new line: a cell's lines are
// kept as single "\n" in descriptions, solutions and Extra columns, and
// joined by spaces in messages (one template), unless every line of the
// cell is inside an <li>, which makes the message's lines alternatives;
// statuses, codes, headers and captions are one line, newlines turned
// into spaces. Every line is trimmed, empty lines are dropped, and inline
// markup (<span>, <b>, <strong>, <em>, <code>, <a>…) adds its text and
// nothing else, so "The number of <span>ECS</span>s" reads "The number
// of ECSs". Placeholders such as {0}, {roleId}, %(key)s, {} and %s are
// kept verbatim. <script>, <style> and <template> contribute nothing. A
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
// The row rules are parse/internal/table's. A status is ASCII digits,
// optionally with a reason phrase ("400 Bad Request"). These are
// warnings in the [catalog.Report]: a 1xx–3xx row (left out, counted in
// Report.NonErrorRows); a row whose code is empty, a placeholder ("-",
// "N/A", "None") or a catch-all ("Other error codes"), left out and
// counted in Report.SkippedRows; an empty status (kept as 0); a table
// without a status column; a status outside 100–599 (kept as
// documented); a row equal to an earlier one (both kept); a column role
// decided by content. A non-numeric status is an error, a
// *[catalog.Diagnostic] naming the file, the table, the row and the
// column; with Options.SkipBadRows a warning, and the row is left out
// and counted in Report.SkippedRows.
//
// A page without an error-code table is an error that lists every table
// seen with its headers and gives the hint "give --column code=HEADER
// (or an index), or --table N", as is a selector matching no table.
// Parse never panics, whatever the bytes.
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
