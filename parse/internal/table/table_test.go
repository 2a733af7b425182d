package table

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// mk builds a table from "|"-separated texts: the header, then one data
// row per string, every cell its row's own. "\n" in a cell separates its
// lines.
func mk(index int, header string, rows ...string) Table {
	t := Table{Index: index, Header: split(header)}
	for i, r := range rows {
		row := Row{N: i + 1}
		for _, c := range split(r) {
			row.Cells = append(row.Cells, Cell{Text: c, Own: true})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func split(s string) []string {
	parts := strings.Split(s, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

func warnings(r *catalog.Report) []string {
	var ws []string
	for _, w := range r.Warnings {
		ws = append(ws, w.Error())
	}
	return ws
}

func summary(entries []catalog.Entry) string {
	var s []string
	for _, e := range entries {
		s = append(s, fmt.Sprintf("%d %s@%d.%d", e.Status, e.Code, e.Origin.Table, e.Origin.Row))
	}
	return strings.Join(s, ", ")
}

func TestVocabulary(t *testing.T) {
	for in, want := range map[string]role{
		"Error Code":            code,
		"  error\u00a0 CODE : ": code,
		"Error Code:":           code,
		"Error Code：":           code,
		"Response Status Code":  code,
		"Error":                 code,
		"Error name":            code,
		"ErrorCode":             code,
		"错误码":                   code,
		"错误代码":                  code,
		"エラーコード":                code,
		"HTTP Status Code":      status,
		"status":                status,
		"HttpCode":              status,
		"HTTP Code":             status,
		"HTTP状态码":               status,
		"状态码":                   status,
		"ステータスコード":              status,
		"HTTPステータスコード":          status,
		"Error message":         message,
		"Status message":        message,
		"Message Displayed on the Management Console": message,
		"错误信息":                       message,
		"エラーメッセージ":                   message,
		"メッセージ":                      message,
		"message":                    message,
		"Title":                      title,
		"Description":                description,
		"Error description":          description,
		"描述":                         description,
		"説明":                         description,
		"Possible Cause":             description,
		"Solution":                   solution,
		"Solution Suggestion":        solution,
		"Handling Suggestion":        solution,
		"Client Action":              solution,
		"Action":                     solution,
		"Resolution":                 solution,
		"解决方案":                       solution,
		"处理建议":                       solution,
		"対処方法":                       solution,
		"Handling Measure":           solution,
		"Summary":                    description,
		"说明":                         description,
		"Explanation":                description,
		"Details":                    description,
		"原因":                         description,
		"Error code name":            code,
		"返回码":                        code,
		"返回代码":                       code,
		"HTTP status code(s)":        status,
		"HTTP Status Codes":          status,
		"Status code(s)":             status,
		"Status codes":               status,
		"Summary of errors":          extra,
		"Error code names":           extra,
		"Error Code Description":     extra,
		"Code Example":               extra,
		"Error Message (English)":    extra,
		"Message Displayed":          extra,
		"Status Message Description": extra,
	} {
		if got := synonyms[headerKey(in)]; got != want {
			t.Errorf("%q: role %q, want %q", in, got, want)
		}
	}
}

// TestDescribe pins the column roles, by header and by content.
func TestDescribe(t *testing.T) {
	for _, tc := range []struct {
		name   string
		table  Table
		fields string
		error  bool
		note   string
	}{
		{
			name:   "alibaba header",
			table:  mk(1, "HttpCode | Error code | Error message | Description", "400 | InvalidParameter | The parameter is invalid. | d"),
			fields: "status code message description", error: true,
		},
		{
			name:   "chinese",
			table:  mk(1, "HTTP状态码 | 错误码 | 错误信息 | 描述 | 处理建议", "400 | APIGW.0101 | 无效请求 | d | s"),
			fields: "status code message description solution", error: true,
		},
		{
			name:   "japanese",
			table:  mk(1, "HTTPステータスコード | エラーコード | エラーメッセージ | 説明 | 対処方法", "400 | E.1 | m | d | s"),
			fields: "status code message description solution", error: true,
		},
		{
			name:   "code column of statuses is the status; no code",
			table:  mk(3, "Error Code | Description", "400 | Bad request.", "404 Not Found | Missing.", "| blank is fine"),
			fields: "status description",
			note:   `column 1 "Error Code" holds HTTP statuses, and no column names the error code`,
		},
		{
			name:   "code column of statuses is the status; Error is the code",
			table:  mk(1, "Error Code | Error | Message", "400 | invalid_request | m", "401 | invalid_token | m"),
			fields: "status code message", error: true,
		},
		{
			name:   "statuses beside a status column stay the code",
			table:  mk(1, "HTTP Status Code | Response Status Code | Error Message", "400 | 400 | m"),
			fields: "status code message", error: true,
		},
		{
			name:   "not every value a status",
			table:  mk(1, "Error Code | Description", "400 | a", "E.2 | b"),
			fields: "code description", error: true,
		},
		{
			name:   "600 is no HTTP status",
			table:  mk(1, "Code | Description", "400 | a", "600 | b"),
			fields: "code description", error: true,
		},
		{
			name:   "no values at all",
			table:  mk(1, "Code | Description"),
			fields: "code description", error: true,
		},
		{
			name:   "field table",
			table:  mk(2, "Parameter | Error Code | Description", "error_code | String | The code.", "error_msg | String | The message.", "request_id | String | The request."),
			fields: "  description",
			note:   `column 1 "Parameter" lists the fields of an error body (error_code, error_msg, request_id), not error codes`,
		},
		{
			name:   "field table by paths",
			table:  mk(2, "Name | Code", "error.code | x", "error.message | y", "errors[0].traceId | z"),
			fields: " ",
			note:   `column 1 "Name" lists the fields of an error body (error.code, error.message, errors[0].traceId), not error codes`,
		},
		{
			name:   "names that are codes",
			table:  mk(1, "Name | Code | Message", "InvalidParameter | 1001 | m", "NotFound | 1002 | m"),
			fields: " code message", error: true,
		},
		{
			name:   "one body field name among codes",
			table:  mk(1, "Name | Code", "message | 1", "InvalidToken | 2"),
			fields: " code", error: true,
		},
		{
			name:   "words are not identifiers",
			table:  mk(1, "Field | Code", "error code | 1", "message | 2"),
			fields: " code", error: true,
		},
		{
			name:   "unnamed column of statuses beside a code column is the status",
			table:  mk(1, "Code | HTTP | Message", "invalid_grant | 401 | m", "invalid_request | 400 Bad Request | m", "slow_down | | m"),
			fields: "code status message", error: true,
		},
		{
			name:   "any header, statuses in Azure's and list forms",
			table:  mk(1, "Error | Foo | Notes", "Conflict | Conflict (409) | n", "Denied | 401, 403 | n", "Gone | 410/404 | n"),
			fields: "code status ", error: true,
		},
		{
			name:   "a second code column of statuses is the status",
			table:  mk(1, "Code | Error Code | Message", "invalid_grant | 401 | m"),
			fields: "code status message", error: true,
		},
		{
			name:   "numeric codes are not statuses",
			table:  mk(1, "Code | Error Code | Message", "invalid_grant | 1001 | m", "invalid_scope | 1002 | m"),
			fields: "code  message", error: true,
		},
		{
			name:   "a column of numbers not all statuses is left alone",
			table:  mk(1, "Code | Limit | Message", "quota | 400 | m", "rate | 1000 | m"),
			fields: "code  message", error: true,
		},
		{
			name:   "no error status among the numbers",
			table:  mk(1, "Code | Limit | Message", "quota | 100 | m", "rate | 200 | m"),
			fields: "code  message", error: true,
		},
		{
			name:   "statuses without a code column are not the status",
			table:  mk(1, "HTTP | Message", "401 | m"),
			fields: " message",
		},
		{
			name:   "a status column by header wins",
			table:  mk(1, "Code | HTTP | Status", "a | 401 | 400"),
			fields: "code  status", error: true,
		},
		{
			name:   "a code column of numeric codes keeps the code, 1xx–3xx only",
			table:  mk(1, "Code | Message", "100 | m", "200 | m"),
			fields: "code message", error: true,
		},
		{
			name:   "first column of a role wins",
			table:  mk(1, "Code | Error Code | Message | Error Message", "A | B | m | n"),
			fields: "code  message ", error: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := Describe(tc.table)
			if got := strings.Join(in.Fields, " "); got != tc.fields {
				t.Errorf("fields %q, want %q", got, tc.fields)
			}
			if in.ErrorTable != tc.error || in.Note != tc.note {
				t.Errorf("error table %v, note %q; want %v, %q", in.ErrorTable, in.Note, tc.error, tc.note)
			}
			if in.Index != tc.table.Index || in.Rows != len(tc.table.Rows) || len(in.Headers) != len(in.Fields) {
				t.Errorf("info %+v", in)
			}
		})
	}
}

// TestRows pins entries and warnings for the row rules.
func TestRows(t *testing.T) {
	for _, tc := range []struct {
		name     string
		tables   []Table
		opts     Options
		entries  string
		warnings []string
		nonError int
		skipped  int
	}{
		{
			name:    "reason phrases",
			tables:  []Table{mk(1, "Status | Code", "400 Bad Request | A", "404 (Not Found) | B", "500 | C")},
			entries: "400 A@1.1, 404 B@1.2, 500 C@1.3",
		},
		{
			name: "placeholders and catch-alls",
			tables: []Table{mk(1, "Status | Code",
				"400 | -", "400 | N/A", "400 | None", "400 | —", "400 | ", "500 | Other error codes", "500 | Others",
				"500 | Any other error", "500 | All other error codes.", "500 | OtherError", "500 | Other.Error", "500 | 其他错误", "500 | その他", "500 | n/a")},
			entries: "500 OtherError@1.10, 500 Other.Error@1.11",
			skipped: 12,
			warnings: []string{
				`f: table 1, row 1: code "-" is a placeholder, not an error code; row skipped`,
				`f: table 1, row 2: code "N/A" is a placeholder, not an error code; row skipped`,
				`f: table 1, row 3: code "None" is a placeholder, not an error code; row skipped`,
				`f: table 1, row 4: code "—" is a placeholder, not an error code; row skipped`,
				`f: table 1, row 5: code is empty; expected an error code in column 2 "Code"; row skipped`,
				`f: table 1, row 6: code "Other error codes" names the other errors, not one error code; row skipped`,
				`f: table 1, row 7: code "Others" names the other errors, not one error code; row skipped`,
				`f: table 1, row 8: code "Any other error" names the other errors, not one error code; row skipped`,
				`f: table 1, row 9: code "All other error codes." names the other errors, not one error code; row skipped`,
				`f: table 1, row 12: code "其他错误" names the other errors, not one error code; row skipped`,
				`f: table 1, row 13: code "その他" names the other errors, not one error code; row skipped`,
				`f: table 1, row 14: code "n/a" is a placeholder, not an error code; row skipped`,
			},
		},
		{
			name:     "non-error rows",
			tables:   []Table{mk(1, "Status | Code", "200 | OK", "302 | ", "400 | E")},
			entries:  "400 E@1.3",
			nonError: 2,
			warnings: []string{
				`f: table 1, row 1: status 200 of OK is not an error status (1xx–3xx); row left out`,
				`f: table 1, row 2: status 302 is not an error status (1xx–3xx); row left out`,
			},
		},
		{
			name:    "content status column",
			tables:  []Table{mk(1, "Error Code | Error name | Description", "400 Bad Request | InvalidArgument | d", "404 | NotFound | d")},
			entries: "400 InvalidArgument@1.1, 404 NotFound@1.2",
			warnings: []string{
				`f: table 1: column 1 "Error Code" holds HTTP statuses; read as the status`,
			},
		},
		{
			name:    "status beside status column",
			tables:  []Table{{Index: 2, Caption: "SCIM", Header: []string{"HTTP Status Code", "Response Status Code"}, Rows: []Row{{N: 1, Cells: []Cell{{Text: "400", Own: true}, {Text: "400", Own: true}}}}}},
			entries: "400 400@2.1",
			warnings: []string{
				`f: table 2 "SCIM": column 2 "Response Status Code" holds only HTTP statuses; read as the code, as its header says, since column 1 "HTTP Status Code" is the status`,
			},
		},
		{
			name:    "statuses in a code column before the status column",
			tables:  []Table{mk(1, "Code | HTTP Status", "404 | 404")},
			entries: "404 404@1.1",
			warnings: []string{
				`f: table 1: column 1 "Code" holds only HTTP statuses; read as the code, as its header says, since column 2 "HTTP Status" is the status`,
			},
		},
		{
			name:    "line numbers",
			tables:  []Table{{Index: 1, Line: 10, Header: []string{"Status", "Code"}, Rows: []Row{{N: 1, Line: 12, Cells: []Cell{{Text: "", Own: true}, {Text: "A", Own: true}}}}}},
			entries: "0 A@1.1",
			warnings: []string{
				`f: table 1, row 1 (line 12): status of A is empty (column 1 "Status"); recorded as 0 (unknown)`,
			},
		},
		{
			name:    "blank and rowspan-tail rows",
			tables:  []Table{{Index: 1, Header: []string{"Status", "Code"}, Rows: []Row{{N: 1, Cells: []Cell{{Text: "400", Own: true}, {Text: "A", Own: true}}}, {N: 2, Cells: []Cell{{Text: "400"}, {}}}, {N: 3}}}},
			entries: "400 A@1.1",
		},
		{
			name:    "no status column, out of range, duplicates",
			tables:  []Table{mk(1, "Code | Message", "A | m", "A | m"), mk(2, "Status | Code", "4000 | B")},
			entries: "0 A@1.1, 0 A@1.2, 4000 B@2.1",
			warnings: []string{
				`f: table 1: no status column (expected "Status Code", "HTTP Status Code", "HTTP Status" or "Status"); every entry has status 0 (unknown)`,
				`f: table 1, row 2: duplicates table 1, row 1 (status 0, code A, every column equal); both kept`,
				`f: table 2, row 1: status 4000 of B is not an HTTP status (100–599); kept as documented`,
			},
		},
		{
			name:    "status in an unnamed column",
			tables:  []Table{mk(1, "Code | HTTP | Message", "invalid_grant | 401 | m", "invalid_request | 400 | m")},
			entries: "401 invalid_grant@1.1, 400 invalid_request@1.2",
			warnings: []string{
				`f: table 1: column 2 "HTTP" holds only HTTP statuses; read as the status`,
			},
		},
		{
			name:    "Azure's reason phrase then status",
			tables:  []Table{mk(1, "Status | Code", "Conflict (409) | A", "Not Found (404) | B", "Too Many Requests(429) | C")},
			entries: "409 A@1.1, 404 B@1.2, 429 C@1.3",
		},
		{
			name: "several statuses in a cell",
			tables: []Table{mk(1, "Status | Code | Message", "400, 403 | A | m", "400/403 | B | m", "401 or 404 | C | m",
				"400 Bad Request, 403 Forbidden | D | m", "409、409 | E | m", "200, 400 | F | m")},
			entries:  "400 A@1.1, 403 A@1.1, 400 B@1.2, 403 B@1.2, 401 C@1.3, 404 C@1.3, 400 D@1.4, 403 D@1.4, 409 E@1.5, 400 F@1.6",
			nonError: 1,
			warnings: []string{
				`f: table 1, row 6: status 200 of F is not an error status (1xx–3xx); row left out`,
			},
		},
		{
			name:    "a list of statuses only of HTTP statuses",
			tables:  []Table{mk(1, "Status | Code", "400, 4000 | A", "400 / x | B", "400,, | C", "(409) | D", "Conflict (4099) | E", "400 | F")},
			opts:    Options{SkipBadRows: true},
			entries: "400 F@1.6",
			skipped: 5,
			warnings: []string{
				`f: table 1, row 1: status "400, 4000" is not a number; expected an HTTP status code such as 400 in column 1 "Status"; row skipped`,
				`f: table 1, row 2: status "400 / x" is not a number; expected an HTTP status code such as 400 in column 1 "Status"; row skipped`,
				`f: table 1, row 3: status "400,," is not a number; expected an HTTP status code such as 400 in column 1 "Status"; row skipped`,
				`f: table 1, row 4: status "(409)" is not a number; expected an HTTP status code such as 400 in column 1 "Status"; row skipped`,
				`f: table 1, row 5: status "Conflict (4099)" is not a number; expected an HTTP status code such as 400 in column 1 "Status"; row skipped`,
			},
		},
		{
			name:    "every status bad, skipped",
			tables:  []Table{mk(1, "Status | Code", "Active | A", "- | B", "Deprecated | C")},
			opts:    Options{SkipBadRows: true},
			entries: "0 B@1.2",
			skipped: 2,
			warnings: []string{
				`f: table 1, row 1: status "Active" is not a number; expected an HTTP status such as 400, "400 Bad Request", "Conflict (409)" or "400, 403" in column 1 "Status", but no row of it holds one; if another column holds the status, give --column status=HEADER (or an index); row skipped`,
				`f: table 1, row 2: status of B is empty (column 1 "Status"); recorded as 0 (unknown)`,
				`f: table 1, row 3: status "Deprecated" is not a number; expected an HTTP status such as 400, "400 Bad Request", "Conflict (409)" or "400, 403" in column 1 "Status", but no row of it holds one; if another column holds the status, give --column status=HEADER (or an index); row skipped`,
			},
		},
		{
			name:    "bad status skipped",
			tables:  []Table{mk(1, "Status | Code", "40O | A", "4000 Bad | B", "400 | C")},
			opts:    Options{SkipBadRows: true},
			entries: "400 C@1.3",
			skipped: 2,
			warnings: []string{
				`f: table 1, row 1: status "40O" is not a number; expected an HTTP status code such as 400 in column 1 "Status"; row skipped`,
				`f: table 1, row 2: status "4000 Bad" is not a number; expected an HTTP status code such as 400 in column 1 "Status"; row skipped`,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			opts.File = "f"
			entries, report, err := Read(tc.tables, opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(entries); got != tc.entries {
				t.Errorf("entries %s\nwant    %s", got, tc.entries)
			}
			if got := warnings(report); strings.Join(got, "\n") != strings.Join(tc.warnings, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.warnings, "\n"))
			}
			if report.NonErrorRows != tc.nonError || report.SkippedRows != tc.skipped {
				t.Errorf("non-error %d, skipped %d; want %d, %d", report.NonErrorRows, report.SkippedRows, tc.nonError, tc.skipped)
			}
		})
	}
}

// TestText: message paragraphs are one template, list items alternatives;
// other fields keep their lines.
func TestText(t *testing.T) {
	row := func(msg Cell) Table {
		return Table{Index: 1, Header: []string{"Code", "Message", "Description", "Title", "Notes"}, Rows: []Row{{N: 1, Cells: []Cell{
			{Text: "A", Own: true}, msg, {Text: "d1\nd2", Own: true}, {Text: "t1\nt2", Own: true}, {Text: "n1\nn2", Own: true},
		}}}}
	}
	for _, tc := range []struct {
		name    string
		msg     Cell
		want    string
		warning bool
	}{
		{"one line", Cell{Text: "Bad {0}.", Own: true}, "Bad {0}.", false},
		{"broken sentence", Cell{Text: "The value of\n{0} is invalid.", Own: true}, "The value of {0} is invalid.", false},
		{"two sentences", Cell{Text: "Bad request.\nCheck {0}.", Own: true}, "Bad request. Check {0}.", true},
		{"list", Cell{Text: "Bad request.\nCheck {0}.", Own: true, List: true}, "Bad request.\nCheck {0}.", false},
		{"chinese sentences", Cell{Text: "请求无效。\n请检查。", Own: true}, "请求无效。 请检查。", true},
		{"lead-in", Cell{Text: "One of:\nMissing {0}\nEmpty {0}", Own: true}, "One of: Missing {0} Empty {0}", true},
		{"colon at the end", Cell{Text: "Invalid value\nfor field:", Own: true}, "Invalid value for field:", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			entries, report, err := Read([]Table{row(tc.msg)}, Options{File: "f"})
			if err != nil {
				t.Fatal(err)
			}
			e := entries[0]
			if e.Message != tc.want || e.Description != "d1\nd2" || e.Title != "t1 t2" || e.Extra["Notes"] != "n1\nn2" {
				t.Errorf("got message %q description %q title %q extra %q", e.Message, e.Description, e.Title, e.Extra)
			}
			var got bool
			for _, w := range report.Warnings {
				if strings.Contains(w.Message, "may be alternative messages; joined into one template") {
					got = true
				}
			}
			if got != tc.warning {
				t.Errorf("paragraph warning %v, want %v: %q", got, tc.warning, warnings(report))
			}
		})
	}
}

// TestExtraNames: unknown headers, repeated roles, empty headers and
// cells past the header all keep their text under a unique name.
func TestExtraNames(t *testing.T) {
	tb := mk(1, "Code | Notes | Notes | | Code", "A | n1 | n2 | n3 | B | n5 | ")
	entries, _, err := Read([]Table{tb}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(entries[0].Extra)
	if want := "map[Code:B Notes:n1 Notes (2):n2 column 4:n3 column 6:n5]"; got != want {
		t.Errorf("extra %s, want %s", got, want)
	}
}

func TestOverrides(t *testing.T) {
	page := []Table{
		mk(1, "Parameter | Type | Description", "code | String | The code.", "message | String | The message."),
		mk(2, "Error Code | Error Info | Remark", "400 | InvalidX | r", "404 | Missing | r"),
	}
	for _, tc := range []struct {
		name    string
		tables  []Table
		opts    Options
		entries string
		extra   string // Extra of the first entry
	}{
		{"by header", page, Options{Columns: map[string]string{"code": "error info"}}, "400 InvalidX@2.1, 404 Missing@2.2", "map[Remark:r]"},
		{"by index", page, Options{Tables: []string{"2"}, Columns: map[string]string{"code": "2", "message": "3"}}, "400 InvalidX@2.1, 404 Missing@2.2", "map[]"},
		{"beats content", page, Options{Tables: []string{"2"}, Columns: map[string]string{"code": "1"}}, "0 400@2.1, 0 404@2.2", "map[Error Info:InvalidX Remark:r]"},
		{"beats the field table", page, Options{Tables: []string{"1"}, Columns: map[string]string{"code": "Parameter"}}, "0 code@1.1, 0 message@1.2", "map[Type:String]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			entries, _, err := Read(tc.tables, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(entries); got != tc.entries {
				t.Errorf("entries %s, want %s", got, tc.entries)
			}
			if got := fmt.Sprint(entries[0].Extra); got != tc.extra {
				t.Errorf("extra %s, want %s", got, tc.extra)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	page := []Table{
		mk(1, "Parameter | Type | Description", "error_code | String | The code.", "error_msg | String | The message."),
		mk(2, "Error Code | Description", "400 | Bad.", "404 | Missing."),
	}
	for _, tc := range []struct {
		name   string
		tables []Table
		opts   Options
		want   string
	}{
		{
			name:   "no code table",
			tables: page,
			want: `p.md: no error-code table found; tables seen: ` +
				`table 1 [Parameter | Type | Description] (column 1 "Parameter" lists the fields of an error body (error_code, error_msg), not error codes), ` +
				`table 2 [Error Code | Description] (column 1 "Error Code" holds HTTP statuses, and no column names the error code); ` +
				`expected a table whose header names the code column: "Error Code", "Code", "Error Codes" or "Response Status Code"; give --column code=HEADER (or an index), or --table N`,
		},
		{
			name: "no tables",
			want: `p.md: no error-code table found: the page has no tables; expected a table whose header names the code column: "Error Code", "Code", "Error Codes" or "Response Status Code"`,
		},
		{
			name:   "selected table of statuses",
			tables: page,
			opts:   Options{Tables: []string{"2"}},
			want:   `p.md: table 2: selected table has no error-code column: its headers are [Error Code | Description], and column 1 "Error Code" holds HTTP statuses, and no column names the error code; give --column code=HEADER (or an index)`,
		},
		{
			name:   "unknown role",
			tables: page,
			opts:   Options{Columns: map[string]string{"cause": "Description"}},
			want:   `p.md: unknown column role "cause"; expected code, status, message, title, description, solution or body`,
		},
		{
			name:   "column zero",
			tables: page,
			opts:   Options{Columns: map[string]string{"code": "0"}},
			want:   `p.md: column code="0" is not a column number from 1 to 65536`,
		},
		{
			name:   "empty selector",
			tables: page,
			opts:   Options{Columns: map[string]string{"code": " "}},
			want:   `p.md: column code=" " names no column; expected a header text or a column number from 1`,
		},
		{
			name:   "header matches no table",
			tables: page,
			opts:   Options{Columns: map[string]string{"code": "Err"}},
			want:   `p.md: column code="Err" matches no column of any table; tables seen: table 1 [Parameter | Type | Description] (column 1 "Parameter" lists the fields of an error body (error_code, error_msg), not error codes), table 2 [Error Code | Description] (column 1 "Error Code" holds HTTP statuses, and no column names the error code); expected a header text or a column number`,
		},
		{
			name:   "index past a selected table",
			tables: page,
			opts:   Options{Tables: []string{"2"}, Columns: map[string]string{"code": "3"}},
			want:   `p.md: table 2: column code="3" matches no column: its headers are [Error Code | Description]; expected a header text or a column number from 1 to 2`,
		},
		{
			name:   "two roles on one column",
			tables: page,
			opts:   Options{Tables: []string{"2"}, Columns: map[string]string{"code": "2", "message": "Description"}},
			want:   `p.md: table 2: columns code="2" and message="Description" select the same column 2 "Description"`,
		},
		{
			name:   "non-numeric status",
			tables: []Table{{Index: 4, Caption: "Errors", Header: []string{"HTTP Status", "Code"}, Rows: []Row{{N: 3, Line: 9, Cells: []Cell{{Text: "4xx", Own: true}, {Text: "A", Own: true}}}}}},
			want:   `p.md: table 4 "Errors", row 3 (line 9): status "4xx" is not a number; expected an HTTP status code such as 400 in column 1 "HTTP Status"`,
		},
		{
			name:   "selector matches no table",
			tables: page,
			opts:   Options{Tables: []string{"Errors"}},
			want:   `p.md: table selector "Errors" matches no table; tables seen: table 1 [Parameter | Type | Description] (column 1 "Parameter" lists the fields of an error body (error_code, error_msg), not error codes), table 2 [Error Code | Description] (column 1 "Error Code" holds HTTP statuses, and no column names the error code); expected a table number from 1 or a caption`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			opts.File = "p.md"
			entries, report, err := Read(tc.tables, opts)
			var d *catalog.Diagnostic
			if !errors.As(err, &d) || d.File != "p.md" {
				t.Fatalf("got %v (%d entries, report %v), want a Diagnostic naming p.md", err, len(entries), report)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("error:\n got %s\nwant %s", got, tc.want)
			}
			if entries != nil || report != nil {
				t.Errorf("entries %v and report %v beside an error", entries, report)
			}
		})
	}
}

// TestPlaceholderStatus: "-" in a status cell says there is none; with
// a placeholder code too, the row is no error at all.
func TestPlaceholderStatus(t *testing.T) {
	tb := Table{Index: 1, Header: []string{"HTTP status", "Error code", "Error message"}, Rows: []Row{
		{N: 1, Cells: []Cell{{Text: "-", Own: true}, {Text: "-", Own: true}, {Text: "Placeholder row", Own: true}}},
		{N: 2, Cells: []Cell{{Text: "N/A", Own: true}, {Text: "A.1", Own: true}, {Text: "No status.", Own: true}}},
	}}
	entries, report, err := Read([]Table{tb}, Options{File: "p.md"})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Code != "A.1" || entries[0].Status != 0 || report.SkippedRows != 1 {
		t.Fatalf("entries %+v, report %+v", entries, report)
	}
	var msgs []string
	for _, w := range report.Warnings {
		msgs = append(msgs, w.Error())
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{`row 1: code "-" is a placeholder`, "row 2: status of A.1 is empty"} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %q:\n%s", want, got)
		}
	}
}

func TestParseStatuses(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // statuses and items, or "bad"
	}{
		{"", "[0] []"},
		{"400", "[400] [400]"},
		{"400 Bad Request", "[400] [400 Bad Request]"},
		{"404 (Not Found)", "[404] [404 (Not Found)]"},
		{"Conflict (409)", "[409] [Conflict (409)]"},
		{"Conflict(409)", "[409] [Conflict(409)]"},
		{"4000", "[4000] [4000]"},
		{"400, 403", "[400 403] [400 403]"},
		{"400/403", "[400 403] [400 403]"},
		{"400，403、404", "[400 403 404] [400 403 404]"},
		{"401 or 403", "[401 403] [401 403]"},
		{"Conflict (409), 412 Precondition Failed", "[409 412] [Conflict (409) 412 Precondition Failed]"},
		{"400, 400", "[400] [400]"},
		{"400, 4000", "bad"},
		{"400, 40", "bad"},
		{"400,", "bad"},
		{"4xx", "bad"},
		{"Conflict (40x)", "bad"},
		{"(409)", "bad"},
		{"Conflict (409) (410)", "bad"},
		{"Error 2 (409)", "bad"},
		{"4000 Bad", "bad"},
		{strings.Repeat("400,", 17) + "400", "bad"},
	} {
		ns, items, bad := parseStatuses(tc.in)
		got := fmt.Sprintf("%v %v", ns, items)
		if tc.in == "" {
			got = fmt.Sprintf("%v []", ns)
		}
		if bad != "" {
			got = "bad"
			if ns != nil {
				t.Errorf("%q: statuses %v beside %q", tc.in, ns, bad)
			}
		}
		if got != tc.want {
			t.Errorf("parseStatuses(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// TestPlaceholderText: a text cell holding only a placeholder is empty.
func TestPlaceholderText(t *testing.T) {
	tb := mk(1, "Code | Message | Title | Description | Solution | Notes | Example Response",
		"A | - | N/A | — | None | n/a | -",
		"B | m- | t | None of these. | -1 | / | ")
	entries, _, err := Read([]Table{tb}, Options{File: "f"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, fmt.Sprintf("%s %q %q %q %q %v", e.Code, e.Message, e.Title, e.Description, e.Solution, e.Extra))
	}
	want := []string{
		`A "" "" "" "" map[]`,
		`B "m-" "t" "None of these." "-1" map[]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSpacedCode: a code with blanks is kept, with one warning per table.
func TestSpacedCode(t *testing.T) {
	tb := Table{Index: 1, Header: []string{"Status", "Code"}, Rows: []Row{
		{N: 1, Cells: []Cell{{Text: "400", Own: true}, {Text: "Invalid Parameter", Own: true}}},
		{N: 2, Cells: []Cell{{Text: "404", Own: true}, {Text: "Not Found", Own: true}}},
	}}
	entries, report, err := Read([]Table{tb}, Options{File: "p.md"})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || len(report.Warnings) != 1 || !strings.Contains(report.Warnings[0].Error(), `row 1: code "Invalid Parameter" has blanks`) {
		t.Fatalf("entries %d, warnings %v", len(entries), report.Warnings)
	}
}
