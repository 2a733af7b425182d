package table

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/parse/internal/fields"
)

// grid builds a table like a Markdown page's: cells are given whole
// (they may hold "|"), "\n" separating a cell's lines, rows numbered from
// 1 and placed on lines from 3.
func grid(index int, header []string, rows ...[]string) Table {
	t := Table{Index: index, Line: 1, Header: header}
	for i, r := range rows {
		row := Row{N: i + 1, Line: i + 3}
		for _, c := range r {
			row.Cells = append(row.Cells, Cell{Text: c, Own: true})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

const (
	oauthQuotes = "*HTTP 400*\n{\"error\":\"invalid_request\",\"error_description\":\"missing \"username\" parameter\"}"
	oauthEscape = "*HTTP 401*\n{\"error\":\"invalid\\_client\",\"error\\_description\":\"Client authentication failed.\"}"
	twoBodies   = "400 Bad Request\n{\"error\": \"invalid_grant\", \"error_description\": \"The code has expired.\"}\n401 Unauthorized\n{\"error\": \"invalid_client\", \"error_description\": \"Unknown client.\"}"
	plainBody   = `{"code": "Quota.Exceeded", "message": "Quota exceeded."}`
)

func TestStartsObject(t *testing.T) {
	for line, want := range map[string]bool{
		`{"error": "x"}`:       true,
		`  {'code': 1}`:        true,
		"`{\"a\": 1}`":         true,
		`{code: "E"}`:          true,
		`{ error_code : "E" }`: true,
		`{0} is invalid`:       false,
		`{roleId}`:             false,
		`{}`:                   false,
		`{`:                    false,
		`HTTP 400 {"a": 1}`:    false,
		`{a b: 1}`:             false,
	} {
		if got := startsObject(line); got != want {
			t.Errorf("startsObject(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestDescribeBodies pins when a column is the body column, by header
// and by content, and that it makes a table an error table.
func TestDescribeBodies(t *testing.T) {
	for _, tc := range []struct {
		name   string
		table  Table
		fields string
		error  bool
		note   string
	}{
		{
			name:   "Response column alone is an error table",
			table:  grid(1, []string{"Case", "Response"}, []string{"a", oauthQuotes}, []string{"b", oauthEscape}),
			fields: " body", error: true,
		},
		{
			name:   "code and JSON columns",
			table:  grid(1, []string{"Code", "JSON"}, []string{"E1", plainBody}),
			fields: "code body", error: true,
		},
		{
			name:   "header names the body, one cell of three holds one, beside a code column",
			table:  grid(1, []string{"Error Code", "Message", "Example Response"}, []string{"A", "m", plainBody}, []string{"B", "m", "See above."}, []string{"C", "m", ""}),
			fields: "code message body", error: true,
		},
		{
			name:   "header names the body, one cell of three holds one, no code column",
			table:  grid(1, []string{"Message", "Example"}, []string{"m", plainBody}, []string{"m", "x"}, []string{"m", "y"}),
			fields: "message ",
		},
		{
			name:   "parameter table with an Example column",
			table:  grid(2, []string{"Parameter", "Type", "Example"}, []string{"RoleArn", "String", "acs:ram::1:role/x"}, []string{"Policy", "String", `{"Statement": []}`}),
			fields: "  ",
		},
		{
			name:   "field table with an example body",
			table:  grid(2, []string{"Parameter", "Example"}, []string{"code", plainBody}, []string{"message", "Quota exceeded."}),
			fields: " ",
			note:   `column 1 "Parameter" lists the fields of an error body (code, message), not error codes`,
		},
		{
			name:   "description column of bodies",
			table:  grid(1, []string{"Scenario", "Details"}, []string{"a", plainBody}, []string{"b", oauthQuotes}, []string{"c", "none"}),
			fields: " body", error: true,
		},
		{
			name:   "description column, bodies in half the cells only",
			table:  grid(1, []string{"Scenario", "Details"}, []string{"a", plainBody}, []string{"b", "none"}),
			fields: " description",
		},
		{
			name:   "unnamed column of bodies",
			table:  grid(1, []string{"Scenario", "Payload"}, []string{"a", plainBody}, []string{"b", oauthQuotes}),
			fields: " body", error: true,
		},
		{
			name:   "a code column of bodies",
			table:  grid(1, []string{"Error", "Notes"}, []string{plainBody, "n"}, []string{oauthEscape, "n"}),
			fields: "body ", error: true,
		},
		{
			name:   "placeholders are not bodies",
			table:  grid(1, []string{"Template"}, []string{"{0} is invalid."}, []string{"{roleId} not found."}),
			fields: "",
		},
		{
			name:   "request bodies are not error bodies",
			table:  grid(1, []string{"Operation", "Request"}, []string{"token", `{"grant_type": "client_credentials", "scope": "read"}`}),
			fields: " ",
		},
		{
			name:   "a code column of statuses beside a body column",
			table:  grid(1, []string{"Error Code", "Sample"}, []string{"400", plainBody}, []string{"429", plainBody}),
			fields: "status body", error: true,
		},
		{
			name:   "header-named body column wins over a content one",
			table:  grid(1, []string{"Request", "Response"}, []string{plainBody, oauthQuotes}),
			fields: " body", error: true,
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
		})
	}
}

// entryLine renders what a body entry carries.
func entryLine(e catalog.Entry) string {
	ex := ""
	if len(e.Examples) > 0 {
		ex = " " + e.Examples[0].Body
	}
	return fmt.Sprintf("%d %s %q @%d.%d%s", e.Status, e.Code, e.Message, e.Origin.Table, e.Origin.Row, ex)
}

// TestReadBodies pins entries and warnings of tables with a body column.
func TestReadBodies(t *testing.T) {
	for _, tc := range []struct {
		name     string
		tables   []Table
		opts     Options
		entries  []string
		warnings []string
		nonError int
		skipped  int
	}{
		{
			name: "OAuth bodies under status lines",
			tables: []Table{grid(1, []string{"Case", "Response"},
				[]string{"No user", oauthQuotes}, []string{"Bad client", oauthEscape}, []string{"Grant", twoBodies})},
			entries: []string{
				`400 invalid_request "missing \"username\" parameter" @1.1 {"error":"invalid_request","error_description":"missing \"username\" parameter"}`,
				`401 invalid_client "Client authentication failed." @1.2 {"error":"invalid_client","error_description":"Client authentication failed."}`,
				`400 invalid_grant "The code has expired." @1.3 {"error":"invalid_grant","error_description":"The code has expired."}`,
				`401 invalid_client "Unknown client." @1.3 {"error":"invalid_client","error_description":"Unknown client."}`,
			},
			warnings: []string{
				`f: table 1, row 1 (line 3): status 400 of invalid_request from line 1 of the cell in column 2 "Response", the nearest line above the body that names a status`,
				`f: table 1, row 1 (line 3): the body at line 2 of column 2 "Response" was read leniently: line 2: an unescaped quote inside a string`,
				`f: table 1, row 2 (line 4): status 401 of invalid_client from line 1 of the cell in column 2 "Response", the nearest line above the body that names a status`,
				`f: table 1, row 2 (line 4): the body at line 2 of column 2 "Response" was read leniently: line 2: an escape \_ (read as _)`,
				`f: table 1, row 3 (line 5), body 1: status 400 of invalid_grant from line 1 of the cell in column 2 "Response", the nearest line above the body that names a status`,
				`f: table 1, row 3 (line 5), body 2: status 401 of invalid_client from line 3 of the cell in column 2 "Response", the nearest line above the body that names a status`,
			},
		},
		{
			name: "code and status columns win over the body",
			tables: []Table{grid(1, []string{"Status", "Code", "Message", "JSON"},
				[]string{"400", "invalid_request", "Missing {0}.", oauthQuotes},
				[]string{"403", "access_denied", "", `{"error": "forbidden", "error_description": "No."}`},
				[]string{"", "", "", plainBody})},
			entries: []string{
				`400 invalid_request "Missing {0}." @1.1 {"error":"invalid_request","error_description":"missing \"username\" parameter"}`,
				`403 access_denied "No." @1.2 {"error":"forbidden","error_description":"No."}`,
				`0 Quota.Exceeded "Quota exceeded." @1.3 {"code":"Quota.Exceeded","message":"Quota exceeded."}`,
			},
			warnings: []string{
				`f: table 1, row 1 (line 3): the body at line 2 of column 4 "JSON" was read leniently: line 2: an unescaped quote inside a string`,
				`f: table 1, row 2 (line 4): column 2 "Code" says code access_denied, the body at line 1 of column 4 "JSON" says forbidden; kept access_denied`,
				`f: table 1, row 3 (line 5): status of Quota.Exceeded is empty (column 1 "Status"), and neither the body at line 1 of column 4 "JSON" nor a line above it names one; recorded as 0 (unknown)`,
			},
		},
		{
			name: "status column disagrees with the body",
			tables: []Table{grid(1, []string{"HTTP Status", "Error Code", "Response"},
				[]string{"400", "invalid_grant", twoBodies})},
			entries: []string{
				`400 invalid_grant "The code has expired." @1.1 {"error":"invalid_grant","error_description":"The code has expired."}`,
				`400 invalid_grant "Unknown client." @1.1 {"error":"invalid_client","error_description":"Unknown client."}`,
			},
			warnings: []string{
				`f: table 1, row 1 (line 3), body 2: column 2 "Error Code" says code invalid_grant, the body at line 4 of column 3 "Response" says invalid_client; kept invalid_grant`,
				`f: table 1, row 1 (line 3), body 2: column 1 "HTTP Status" says status 400, the body at line 4 of column 3 "Response" says 401 (from line 3 of the cell); kept 400`,
			},
		},
		{
			name: "a placeholder code column gives way to the body",
			tables: []Table{grid(1, []string{"Code", "Example"},
				[]string{"-", plainBody}, []string{"-", "No body here."}, []string{"E2", "Plain text."})},
			entries: []string{
				`0 Quota.Exceeded "Quota exceeded." @1.1 {"code":"Quota.Exceeded","message":"Quota exceeded."}`,
				`0 E2 "" @1.3`,
			},
			skipped: 1,
			warnings: []string{
				`f: table 1, row 1 (line 3): column 1 "Code" holds "-", not a code; code Quota.Exceeded read from the body at line 1 of column 2 "Example"`,
				`f: table 1, row 1 (line 3): status of Quota.Exceeded is unknown: no status column, and neither the body at line 1 of column 2 "Example" nor a line above it names one; recorded as 0`,
				`f: table 1, row 2 (line 4): code "-" is a placeholder, not an error code; row skipped`,
				`f: table 1, row 3 (line 5): status of E2 is unknown: no status column, and no error body in column 2 "Example"; recorded as 0`,
			},
		},
		{
			name: "bodies without codes, success bodies, cells without bodies",
			tables: []Table{grid(1, []string{"Response"},
				[]string{"404 Not Found\n{\"message\": \"Not Found\"}"},
				[]string{"HTTP 200\n{\"code\": \"OK\", \"message\": \"Fine.\"}"},
				[]string{"Returns nothing."},
				[]string{plainBody},
				[]string{"{\"status\": 503, \"code\": \"Down\", \"message\": \"Later.\"}"})},
			entries: []string{
				`0 Quota.Exceeded "Quota exceeded." @1.4 {"code":"Quota.Exceeded","message":"Quota exceeded."}`,
				`503 Down "Later." @1.5 {"code":"Down","message":"Later.","status":503}`,
			},
			nonError: 1,
			skipped:  2,
			warnings: []string{
				`f: table 1, row 1 (line 3): the body at line 2 of column 1 "Response" has no code field; row skipped`,
				`f: table 1, row 2 (line 4): status 200 of OK is not an error status (1xx–3xx); row left out`,
				`f: table 1, row 3 (line 5): column 1 "Response" holds no error body (a JSON object with a code or a message); row skipped`,
				`f: table 1, row 4 (line 6): status of Quota.Exceeded is unknown: no status column, and neither the body at line 1 of column 1 "Response" nor a line above it names one; recorded as 0`,
			},
		},
		{
			name:   "duplicate bodies",
			tables: []Table{grid(1, []string{"Status", "Response"}, []string{"429", plainBody}, []string{"429", plainBody})},
			entries: []string{
				`429 Quota.Exceeded "Quota exceeded." @1.1 {"code":"Quota.Exceeded","message":"Quota exceeded."}`,
				`429 Quota.Exceeded "Quota exceeded." @1.2 {"code":"Quota.Exceeded","message":"Quota exceeded."}`,
			},
			warnings: []string{
				`f: table 1, row 2 (line 4): duplicates table 1, row 1 (line 3) (status 429, code Quota.Exceeded, every column equal); both kept`,
			},
		},
		{
			name:   "override names the body column",
			tables: []Table{grid(1, []string{"Status", "Payload"}, []string{"409", "{\"code\": \"Conflict\", \"message\": \"Taken.\"}"})},
			opts:   Options{Columns: map[string]string{"body": "payload"}},
			entries: []string{
				`409 Conflict "Taken." @1.1 {"code":"Conflict","message":"Taken."}`,
			},
		},
		{
			name:    "several statuses beside a body",
			tables:  []Table{grid(1, []string{"Status", "Response"}, []string{"400, 409", plainBody})},
			entries: []string{`400 Quota.Exceeded "Quota exceeded." @1.1 {"code":"Quota.Exceeded","message":"Quota exceeded."}`, `409 Quota.Exceeded "Quota exceeded." @1.1 {"code":"Quota.Exceeded","message":"Quota exceeded."}`},
		},
		{
			name: "body column found by content",
			tables: []Table{grid(3, []string{"Status", "Details"},
				[]string{"400", `{"code": "A", "message": "One."}`}, []string{"400", `{"code": "B", "message": "Two."}`})},
			entries: []string{`400 A "One." @3.1 {"code":"A","message":"One."}`, `400 B "Two." @3.2 {"code":"B","message":"Two."}`},
			warnings: []string{
				`f: table 3: column 2 "Details" holds JSON error bodies; code, message and status read from each body`,
			},
		},
		{
			name: "tangled cell keeps the bodies before it",
			tables: []Table{grid(1, []string{"Status", "Response"},
				[]string{"400", plainBody + "\n" + strings.Repeat(` {"a`, 300000)})},
			entries: []string{`400 Quota.Exceeded "Quota exceeded." @1.1 {"code":"Quota.Exceeded","message":"Quota exceeded."}`},
			warnings: []string{
				`f: table 1, row 1 (line 3): column 2 "Response": too many unbalanced braces: …; kept the 1 bodies before it`,
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
			var got []string
			for _, e := range entries {
				got = append(got, entryLine(e))
			}
			if strings.Join(got, "\n") != strings.Join(tc.entries, "\n") {
				t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.entries, "\n"))
			}
			if got := warnings(report); !sameWarnings(got, tc.warnings) {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.warnings, "\n"))
			}
			if report.NonErrorRows != tc.nonError || report.SkippedRows != tc.skipped {
				t.Errorf("non-error %d, skipped %d; want %d, %d", report.NonErrorRows, report.SkippedRows, tc.nonError, tc.skipped)
			}
		})
	}
}

// sameWarnings: a wanted warning's "…" stands for any text, such as
// another package's wording.
func sameWarnings(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i, w := range want {
		before, after, ok := strings.Cut(w, "…")
		if !ok && got[i] != w || ok && !(strings.HasPrefix(got[i], before) && strings.HasSuffix(got[i], after) && len(got[i]) >= len(before)+len(after)) {
			return false
		}
	}
	return true
}

// TestBodyExtra: other columns feed every entry of the row, and a body
// cell without a body keeps its text in Extra.
func TestBodyExtra(t *testing.T) {
	tb := grid(1, []string{"Code", "Solution", "Response"},
		[]string{"", "Retry.", twoBodies}, []string{"E9", "Call us.", "No body documented."})
	entries, _, err := Read([]Table{tb}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 {
		t.Fatalf("%d entries: %v", len(entries), entries)
	}
	for _, e := range entries[:2] {
		if e.Solution != "Retry." || e.Extra != nil {
			t.Errorf("entry %s: solution %q, extra %v", e.Code, e.Solution, e.Extra)
		}
	}
	if e := entries[2]; e.Code != "E9" || e.Extra["Response"] != "No body documented." || e.Examples != nil {
		t.Errorf("entry without a body: %+v", e)
	}
}

// TestBodyExample: an example that is not valid JSON is not kept.
func TestBodyExample(t *testing.T) {
	r := &reader{opts: Options{File: "f"}, report: &catalog.Report{}, seen: map[string]string{}}
	cols := []column{{header: "Response", role: body}}
	bs := []fields.Body{
		{Code: "A", Message: "m", Line: 1, Example: `{"code":"A"`},
		{Code: "B\nC", Message: "two\nlines", Line: 2, Example: `{"code":"B\nC"}`},
	}
	r.rowBodies("table 1, row 1", catalog.Entry{}, bs, rowFacts{}, cols, -1, -1, 0)
	if len(r.entries) != 2 || r.entries[0].Examples != nil || len(r.entries[1].Examples) != 1 {
		t.Fatalf("entries %+v", r.entries)
	}
	if e := r.entries[1]; e.Code != "B C" || e.Message != "two lines" {
		t.Errorf("code %q, message %q: want one line each", e.Code, e.Message)
	}
	if w := warnings(r.report); len(w) < 1 || w[0] != `f: table 1, row 1, body 1: the body at line 1 of column 1 "Response" is not valid JSON even after repairs; no example kept` {
		t.Errorf("warnings %q", w)
	}
}

// TestBodyBudget: a page of cells of unclosed braces is read in bounded
// time, with a warning naming where reading stopped.
func TestBodyBudget(t *testing.T) {
	cell := strings.Repeat(` {"a`, 500) // 2 KB, each brace read to the end
	var rows [][]string
	for range 2000 {
		rows = append(rows, []string{"E", cell})
	}
	tb := grid(1, []string{"Code", "Response"}, rows...)
	start := time.Now()
	entries, report, err := Read([]Table{tb}, Options{File: "f"})
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Read took %v", d)
	}
	if err != nil || len(entries) != 2000 {
		t.Fatalf("%d entries, %v", len(entries), err)
	}
	found := false
	for _, w := range report.Warnings {
		if strings.Contains(w.Message, `column 2 "Response" not read for error bodies from row`) {
			found = true
		}
	}
	if !found {
		t.Errorf("no budget warning in %q", warnings(report))
	}
	start = time.Now()
	if in := Describe(tb); !in.ErrorTable || in.Fields[1] != "" {
		t.Errorf("describe %+v", in)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Describe took %v", d)
	}
}
