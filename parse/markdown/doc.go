// Package markdown reads the error codes of a vendor's Markdown page:
// its error-code tables, or, when it has none, its section layout.
//
// # Reading the page
//
// The page is decoded to UTF-8 as a text document (a byte order mark,
// else Options.Charset, else UTF-8; bytes that are not UTF-8 are a
// warning naming the line) and parsed once with goldmark as CommonMark
// with the GFM table and strikethrough extensions. Front matter, a block
// opened by "---" (YAML) or "+++" (TOML) on the very first line and
// closed by the same line ("..." also closes YAML), is skipped: it is
// neither a table nor a heading, and line numbers still count its lines.
// An unclosed block is not front matter. Heading attribute blocks
// ("## Title {#section_x .section}") are attributes, not text. Pages over
// [MaxSize] are refused.
//
// # Tables
//
// Every GFM pipe table and every HTML <table> of a raw HTML block is a
// table, numbered together from 1 in document order (nested HTML tables
// included), as Options.Tables selects them. A raw HTML block ends at a
// blank line, so an HTML table with blank lines in it is read from its
// <table> to its matching </table> (comments skipped, nested tables
// counted), whatever Markdown lies between; an unclosed one is read up
// to the end of its block. HTML tables are read by parse/htmltable's
// ReadTables (spans, <thead>, title rows, its text rules), sharing one
// cell budget for the page.
//
// Markdown has no caption syntax, so a table's caption is the text of
// the nearest heading above it ("Error codes"), which is what a reader
// names it by; an HTML table keeps its own <caption> or title row when
// it has one. Table.Line is the line of the table's first row (of the
// HTML block for HTML tables), Row.Line that of each pipe-table row.
//
// A pipe table's header is its first row; its data rows are numbered
// from 1. A row with fewer cells than the header gets empty ones, and a
// row may omit the leading or trailing pipe; cells beyond the header's
// width are dropped, as GFM renders them. Cell text is what a reader
// sees: backslash escapes resolved everywhere outside code spans ("\_"
// reads "_", "\|" reads "|", "\(" reads "("), and "\|" inside code spans
// too, as GFM requires; character references decoded ("&amp;" reads
// "&"); bold, emphasis, strikethrough, code spans and links reduced to
// their words, an autolink to its URL, and a "[text](destination with
// spaces)" that CommonMark leaves as text to its text; raw HTML tags and
// comments dropped, except that <br>, <p>, <div>, <ul>, <ol> and <li>
// start a line, kept as "\n". A cell whose every line is an <li> of a raw
// HTML list is a list (Cell.List): alternatives, not one text. White
// space runs become one space and lines are trimmed.
//
// Which tables are error-code tables, how columns get their roles
// (Options.Columns beats every guess), and what is a warning or an error
// is parse/internal/table's: the same for every kind of page.
//
// # Section layouts
//
// A page without an error-code table, read without Options.Tables or
// Options.Columns, is read as a section layout by
// parse/internal/sections: each error a heading or bold line holding the
// code, followed by labelled lines such as "HTTP status: 400", "Error
// message: …", "Solution: …" (English, Chinese and Japanese labels),
// possibly under "## HTTP Status 400" headings. Entries then carry
// Origin.Line, the line of the code. That package's doc has the rules.
//
// # Errors
//
// A page with neither is an error listing every table seen with its
// headers and the page's headings, and naming what to try:
// --column code=HEADER, --table N, or --kind data --items POINTER. Errors
// are *catalog.Diagnostic values naming the file and, where there is
// one, the place. Parse never panics, whatever the bytes, and its time
// and memory are linear in the page's size (parse/htmltable's budget for
// HTML tables). goldmark's are not, so before it runs a page is refused,
// naming the line, when it would exceed one of these bounds: block
// quotes and list items nesting over [MaxNesting]; links, link titles
// and link reference definitions whose text goldmark would scan again
// for every one of them more than 16 times a byte of the page plus 64 Mi
// ("[a](" repeated on one line, a paragraph of unclosed titles or of
// definitions); pipe tables of over [MaxCells] cells, short rows padded
// to the delimiter row's width; over [MaxNodes] blocks and inline
// elements (8 MB of "[" or of "a" paragraphs would take gigabytes); and
// HTML blocks whose unclosed <table> tags would make finding their
// </table> scan the page more than four times.
package markdown
