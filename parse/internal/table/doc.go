// Package table is the table model and the column logic the page
// parsers share. parse/htmltable and parse/markdown differ only in how
// they produce the grid ([Table]: a header, data rows, cells of
// normalised text, spans already expanded); [Read] turns grids into
// catalog entries with the rules below, and [Describe] says what it makes
// of a table's columns, so "tables seen" reads the same for every kind.
//
// # The model
//
// A [Table] has one single-line header text per column and its data rows
// in source order, blank ones included, numbered from 1 (Row.N) as a
// reader counts them. A [Cell]'s text keeps its lines (paragraphs, line
// breaks, list items) joined by "\n"; Cell.List says the lines are items
// of a list, Cell.Own that the cell starts in this row rather than
// reaching it by a rowspan. A row with no own text is blank and skipped.
//
// # Column roles by header
//
// Header texts are matched exactly (not by substring) after lower-casing,
// collapsing white space and dropping a trailing colon; columns may come
// in any order. "Error Code Description" is not a code column.
//
//	status       "Status Code", "HTTP Status Code", "HTTP Status", "Status",
//	             "HttpCode", "HTTP Code", "Response Status", "HTTP Status Codes",
//	             "HTTP Status Code(s)", "Status Codes", "Status Code(s)",
//	             HTTP状态码, 状态码, ステータスコード, HTTPステータスコード
//	code         "Error Code", "Code", "Error Codes", "Response Status Code",
//	             "Error", "Error Name", "ErrorCode", "Error Code Name",
//	             错误码, 错误代码, 返回码, 返回代码, エラーコード
//	message      "Error Message", "Message", "Status Message",
//	             "Message Displayed on the Management Console",
//	             错误信息, エラーメッセージ, メッセージ
//	title        "Title"
//	description  "Description", "Possible Cause", "Error Description",
//	             "Summary", "Explanation", "Details", 描述, 错误描述, 说明,
//	             原因, 説明
//	solution     "Solution", "Measure", "Handling Measure", "Solution Suggestion",
//	             "Handling Suggestion", "Client Action", "Action", "Resolution",
//	             解决方案, 处理建议, 处理措施, 対処方法
//	body         "JSON", "Response", "Response Body", "Example", "Sample",
//	             "Response Example", "Example Response", "Sample Response",
//	             "Response Sample", "Error Response", "Error Response Body",
//	             "Example Error Response", 响应示例, 返回示例, 响应体,
//	             レスポンス例, レスポンスボディ (only when its cells hold error
//	             bodies; see "Error bodies in cells")
//
// "Response Status Code" is the code because Huawei's SCIM tables read
// "HTTP Status Code | Response Status Code | Error Message | …";
// "Status Message" is a message, not a status. The first column of a
// role wins; any other column goes to Entry.Extra under its header text
// (white space collapsed, case kept), and so does a second column of a
// role already taken. Repeated Extra names get " (2)", " (3)"… appended;
// a column with no header text is "column N", N its 1-based position,
// and so is a cell of a row wider than the header. Empty Extra cells are
// left out of the map.
//
// # Column roles by content
//
// The header is corrected by what the column holds, as a reader would.
// A column "holds HTTP statuses" when every non-empty value is one or
// more HTTP statuses, 100–599, in a form a status cell may take (see
// "Rows": "400", "400 Bad Request", "Conflict (409)", "400, 403"), and
// at least one of them is an error status, 400–599: a column of 100, 200
// and 300 is a column of numbers.
//
//   - A code column (by header) that holds HTTP statuses is the status
//     when no column is the status by header. The code
//     then comes from the next column whose header names the code
//     ("Error", "Error Name"); with none, the table has no code column
//     and is not read, and Info.Note says why. Either way a warning
//     names the table and the column.
//   - A code column of HTTP statuses beside a status column stays the
//     code, as its header says (Huawei's SCIM tables document the body's
//     status this way), with a warning naming both columns.
//   - When still no column is the status, an Extra column (no role by
//     header, or a second column of a role already taken) that holds HTTP
//     statuses is the status, in a table that has a code column
//     elsewhere: "| Code | HTTP | Message |" with rows "| invalid_grant |
//     401 | … |". A warning names it (`column 2 "HTTP" holds only HTTP
//     statuses; read as the status`). Numeric codes (1001…) are no
//     statuses, and a column of which some value is not one is left
//     alone; without a code column, the rule does not apply.
//   - A table whose first column is headed "Property", "Parameter",
//     "Field", "Name", "Attribute" (or 参数, 字段, 名称, 属性, パラメータ,
//     フィールド, 名前, 項目 and the like) and lists identifiers (errorCode,
//     error_description, error.details[0].code), at least two of them
//     (or all of them) field names that error bodies use (code, message,
//     error, request_id, trace_id, details…), documents the error body,
//     not codes: it has no code column, and Info.Note says so.
//
// # Error bodies in cells
//
// A body column holds error bodies, such as
//
//	*HTTP 400*
//	{"error":"invalid_request","error_description":"missing "username" parameter"}
//
// and the code, message and status come from them, by
// parse/internal/fields' Bodies: lenient JSON (unescaped quotes inside
// strings, Markdown's \_, trailing commas…), code and message by the
// field detection the OpenAPI and data readers use, the status from the
// body's own status field or else the nearest line above the body that
// names one ("HTTP 400", "*HTTP 400*", "400 Bad Request", "Status: 400").
// A table whose only code-bearing column is a body column is an
// error-code table, and Info.Fields calls the column "body".
//
// Which column: cells are read with Bodies, and a column is the body
// column when more than half of its non-empty cells hold an error body
// (an object in which a code or a message is found; a request's
// {"grant_type": …} is none). A column headed like a body column (see the
// list above) is tried first, and in a table that has a code column one
// such cell is enough: the rest go to Extra. Then a column of no role or
// the code role by header whose cells mostly have a line starting like a
// JSON object ('{' then a quote, or a name and a colon; not "{0} is
// invalid") is tried, and then one of the description role by header
// ("Details"), with a warning when it is taken. The first column
// that qualifies wins; a table that lists an error body's fields has
// none, and a column headed like a body column that does not qualify is
// an Extra column.
//
// Each row gives one entry per body of its body cell (a cell may hold
// several, each under its own status line), the other columns feeding
// every one of them:
//
//   - the row's status and code columns win over the body, with a
//     warning naming the row and both values when they disagree; a code
//     column holding a placeholder ("-") gives way to the body's code,
//     with a warning. A message column wins when it is not empty (a
//     template beside an example's instance), silently.
//   - Entry.Examples[0].Body is the body as compact JSON, keys sorted,
//     after the repairs; a body that is not valid JSON even so keeps no
//     example, with a warning, and so do the entries past Bodies' bound
//     on a cell's examples (eight times its size: a body whose array
//     holds many codes repeats itself as the example of each).
//   - warnings name the row (", body N" when the cell holds several) and
//     the column for: a body read leniently (each repair, with its line
//     in the cell); a status taken from a line of the cell ("status 400
//     of invalid_request from line 1 of the cell…"); a status neither the
//     row nor the body names. They are given only for entries kept.
//   - a body without a code, with no code in the row, is skipped with a
//     warning and counted in Report.SkippedRows, as is a row whose body
//     cell holds no body and that has no code column (the cell's text,
//     when it has no body, goes to Extra under the column's header); a
//     body of a 1xx–3xx status is left out and counted in
//     Report.NonErrorRows. Every body counts as a row.
//   - code and message read from a body are one line each.
//
// The status of a page's text before the table (a heading "HTTP 400") is
// not in the table model and is not read.
//
// Reading bodies is bounded: every cell read is charged its cost
// (its length times the '{' where an object may start, at most Bodies'
// own budget of eight times the length plus 1 MiB) to a budget of 1 MiB
// plus 16 per byte of the page's cell text, shared by the tables of a
// Read or DescribeAll (Describe, for one table, allows 64 KiB plus 16 a
// byte). Past it, a warning names the column and the row from which its
// cells were not read. A cell whose braces tangle past Bodies' budget
// keeps the bodies found before, with a warning.
//
// # Overrides
//
// Options.Columns beats every guess: a role (code, status, message,
// title, description, solution, body) maps to a header text
// (matched like a synonym) or a 1-based column number. The overridden
// role is taken from every other column, and the content rules do not
// touch an overridden column. A role name Read does not know, a column
// number that is not one, two roles on one column, and a selector that
// matches no column are errors: with Options.Tables, a selector must
// match a column of every selected table (the error lists its headers);
// without, of some table (the error lists every table). Overrides apply
// to every table they match, so a column number on a page of several
// tables belongs with Options.Tables.
//
// # Which tables are read
//
// Without Options.Tables, every table with a code or body column. With it, the
// selected ones: a number is Table.Index, anything else a caption,
// compared after white space normalisation; selecting a table without a
// code column is an error listing its headers (and the note). A
// document without a code table is an error listing every table with
// its headers and notes, with the hint
// "give --column code=HEADER (or an index), or --table N".
//
// # Rows
//
// A status is ASCII digits, optionally followed by a space and a reason
// phrase (letters first, no digits): "400 Bad Request" is 400; or a
// reason phrase followed by three digits in parentheses, Azure's
// "Conflict (409)". A status cell may list several HTTP statuses (each
// 100–599, in either form) separated by ",", "/", "，", "、" or " or ":
// "400, 403", "400/403". Status and code are one line, the cell's lines
// joined by spaces. For each non-blank row, in this order:
//
//   - a placeholder status ("-", "N/A", the words below) is an empty one;
//   - a status that is not a number is an error naming the file, the
//     table, the row and the column; with Options.SkipBadRows a warning,
//     the row left out and counted in Report.SkippedRows. When no row of
//     the column holds a status, such a warning (which is then all the
//     table gives) also lists the forms read (`expected an HTTP status
//     such as 400, "400 Bad Request", "Conflict (409)" or "400, 403" in
//     column 1 "Status", but no row of it holds one`) and says to give
//     --column status=HEADER if another column holds the status;
//   - a cell of several statuses gives one entry per status, in the
//     cell's order (a status listed twice once), each with the row's code
//     and texts (and its bodies) and the row as its origin; the rules
//     below apply to each entry, which counts as a row;
//   - a 1xx–3xx status is not an error: the row is left out, counted in
//     Report.NonErrorRows, and a warning names the row, status and code;
//   - an empty code, a placeholder ("-", "—", "–", "N/A", "None", "null",
//     "/", 无, なし) or a catch-all ("Other error codes", "Others", "Any
//     other error": words only, one of them "other(s)"; 其他…, その他…)
//     is not a code: the row is left out with a warning naming it and
//     counted in Report.SkippedRows;
//   - an empty status is kept as 0 (unknown), and a status outside
//     100–599 (a documented 4000) as documented, each with a warning; a
//     table without a status column gets one warning;
//   - a row whose every column equals an earlier row's is kept with a
//     warning naming both.
//
// # Text
//
// A message cell is one template: its paragraphs and line breaks are
// joined by single spaces. Only a cell whose lines are list items
// (Cell.List) keeps "\n" between them, since emitters read each line of
// a message as an alternative template. Joined lines that each end a
// sentence, or that include a lead-in ending in a colon ("One of:"), may
// be alternatives a page did not mark up as a list, so they get a
// warning naming the row. Titles are one line; descriptions,
// solutions and Extra columns keep their lines.
//
// A text cell (message, title, description, solution, Extra, or a body
// column's cell without a body) that holds only a placeholder, one of
// those that say "no code" ("-", "—", "N/A", "None"…), is empty: it
// documents nothing, and "-" is no solution.
//
// # Places
//
// Messages name a table as `table 2 "Caption"` (`table 2` without one)
// and a row as `table 2 "Caption", row 5`, followed by " (line 40)" when
// Row.Line is known. Entry.Origin carries Table.Index, the caption and
// Row.N.
package table
