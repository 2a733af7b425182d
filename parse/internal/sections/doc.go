// Package sections reads "section layouts": pages, in Markdown or HTML,
// that document each error as a heading or a bold line holding the code,
// followed by labelled lines:
//
//	## HTTP Status 400
//
//	**InvalidParameter.RoleArn**
//
//	-   HTTP Status: 400
//	-   ErrorMessage: The parameter RoleArn is wrongly formed.
//	-   Solution: Use the correct role Arn.
//
// Two front ends turn a page into a stream of [Block]s, [FromMarkdown]
// (a goldmark AST, so parse/markdown parses once) and [FromHTML] (an
// x/net/html tree); [Read] turns the blocks into catalog entries. Both
// are linear in the page and iterative, whatever its nesting.
//
// # Blocks
//
// A block is a heading, a paragraph, a paragraph of a list item, or a
// definition term, with its text and source line. Text is what a reader
// sees: backslash escapes and character references resolved ("\(" reads
// "(", "\_" reads "_", "\{The error details\}" reads "{The error
// details}"), emphasis, code spans, links and raw inline HTML reduced to
// their words (a "[text](destination with spaces)" that CommonMark leaves
// as text included), white space runs collapsed to one space, lines
// trimmed and empty ones dropped. Line breaks of a paragraph (soft or
// hard, <br>) are kept as "\n" so that each labelled line can be read; a
// heading is one line. A heading attribute block "{#id .class}" is not
// text. Tables, code blocks and thematic breaks give no block. A raw HTML
// block of a Markdown page gives the blocks [FromHTML] finds in it, at
// the HTML block's line; HTML blocks carry no line numbers of their own,
// so Block.Line is 0 for a page read with FromHTML.
//
// Block.Strong lists the bold (strong) and code spans of a block made of
// nothing else. "**A****A.B**", two bold spans written without a space,
// which CommonMark reads as one span holding "****", is two spans: a run
// of four or more '*' or '_' inside a span separates spans.
//
// # Codes
//
// A code is one token of ASCII letters, digits, '.', '_', '-' and ':',
// at most 128 bytes, starting and ending with a letter or digit
// ("InvalidParameter.RoleArn", "invalid_request", "ERR-42"); "Note:" is
// not one. An entry starts at
//   - a heading whose text is a code ("## EntityNotExist.Group");
//   - a heading, or a block of one bold span, written "CODE: Title"
//     (also with "：", " - ", " – " or " — "), when CODE is shaped like a
//     code (a digit, a separator or an inner capital: "E0000001",
//     "QuotaExceeded", not "Note"): the rest is Entry.Title
//     ("### E0000001: API validation failed");
//   - a block made only of bold or code spans, each a code: the last span
//     is the code and the ones before it are group headings glued to it
//     ("**EntityNotExist****EntityNotExist.User**" is the code
//     EntityNotExist.User); a definition term (<dt>) whose text is a code
//     counts as bold;
//   - a labelled code line ("Error code: X", "错误码：X") outside any
//     entry, after another labelled code line, or after a heading or
//     bold code with no labelled lines yet that names another code.
//
// Headings of prose ("Error messages", "Examples") are not codes, and
// they end the entry above them. An entry that has no labelled line of
// its own before the next code, heading or the end is a group heading,
// not a code ("**InvalidParameter**" above the InvalidParameter.* codes)
// and gives no entry.
//
// # Labelled lines
//
// A line "Label: value" (ASCII ':' or full-width '：') whose label,
// compared without case, white space, '_' and '-', is one of these:
//
//	status       HTTP status, HTTP status code, Status, Status code, HttpCode,
//	             HTTP code, HTTP response code, Response status,
//	             HTTP状态码, 状态码, HTTP状态, HTTP返回码, 返回码,
//	             HTTPステータス, HTTPステータスコード, ステータスコード, ステータス
//	code         Error code, Code, ErrCode, 错误码, 错误代码, 错误编码, エラーコード
//	message      Error message, ErrorMessage, Message, ErrorMsg, ErrMsg,
//	             错误信息, 错误消息, 错误提示, 报错信息, メッセージ, エラーメッセージ
//	description  Description, Error description, Cause, Reason, Possible cause,
//	             Details, 描述, 错误描述, 说明, 原因, 错误原因, 説明, 詳細
//	solution     Solution, Resolution, Suggestion, How to fix, Fix,
//	             Handling measure, Measure, Recommended action, Remedy,
//	             解决方案, 处理建议, 解决方法, 处理方法, 建议, 处理措施,
//	             対処方法, 対処法, 解決方法, 対応方法
//
// Markup is gone by then, so "**HTTP status:** 400" is labelled too. The
// label must end within 32 characters of the line's start. Lines with
// another label, or none, continue the field of the last labelled line:
// a line of the same paragraph or list item with a space (none between
// two Chinese or Japanese characters: wrapped CJK text has no spaces),
// a later paragraph or list item with "\n"; before any labelled line
// they are the description. A second line for a field with the same label adds a
// line to it; one with a different label ("Cause" after "Description")
// goes to Extra under its label, as a second table column would.
//
// # Statuses
//
// The status is the leading three digits of the status line ("400",
// "400 Bad Request"). A heading "HTTP Status 400", "Status code: 404",
// "HTTP状态码 500" or "409 Conflict" (an optional status label, then
// 100–599, then nothing or words; a bare "400" may be a code and is not
// one) gives the default status of the codes under it, until a heading
// of prose at its level or above; headings holding codes do not end it.
// A code's own status line wins over the heading's.
//
// These are warnings in the report; the entry is kept:
//   - a status line that disagrees with its heading's default;
//   - a status line that is not a number (the text goes to Extra under
//     its label, the heading's default or 0 is used), or that names
//     several statuses (the first is kept); such a line alone ("Status:
//     the request status is returned…") is prose, not a labelled line;
//   - a second status or code line with another value (it goes to Extra);
//   - a code line that differs from the heading or bold code above it
//     (the code line wins);
//   - an entry with no status: once for the page when no entry has one,
//     else once per entry; the status is 0 (unknown);
//   - a status outside 100–599, kept as documented;
//   - a group heading the next code does not extend (the next code does
//     not start with it and '.', '_', '-' or ':'), and a glued bold span
//     the code does not extend: both are guesses;
//   - an entry whose every field equals an earlier one's: both are kept.
//
// Entries with a 1xx–3xx status are not errors: they are left out,
// counted in Report.NonErrorRows, and warned about.
//
// # Entries
//
// Entries come in page order. Origin.Line is the line of the code (0 for
// HTML pages); warnings name "line N", or `section "CODE"` on HTML pages.
// [Read] reports found = false when no code has a labelled line: a page
// of prose is not a section layout. [Describe] summarises the headings
// of such a page for an error message.
package sections
