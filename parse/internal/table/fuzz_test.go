package table

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// fuzzTables decodes fuzz input into tables: tables separated by "\x00",
// the first line of each its header, rows by "\n", cells by "|"; a cell
// starting with "~" is a rowspan tail (not own), one starting with "*" a
// list.
func fuzzTables(src string) []Table {
	var tables []Table
	for i, part := range strings.Split(src, "\x00") {
		lines := strings.Split(part, "\n")
		t := Table{Index: i + 1, Header: strings.Split(lines[0], "|")}
		for n, l := range lines[1:] {
			row := Row{N: n + 1, Line: n + 2}
			for _, c := range strings.Split(l, "|") {
				cell := Cell{Own: true}
				if rest, ok := strings.CutPrefix(c, "~"); ok {
					c, cell.Own = rest, false
				}
				if rest, ok := strings.CutPrefix(c, "*"); ok {
					c, cell.List = rest, true
				}
				cell.Text = strings.Join(strings.Fields(strings.ReplaceAll(c, "\\n", "\x01")), " ")
				cell.Text = strings.ReplaceAll(cell.Text, "\x01", "\n")
				row.Cells = append(row.Cells, cell)
			}
			t.Rows = append(t.Rows, row)
		}
		tables = append(tables, t)
	}
	return tables
}

// FuzzRead: Read never panics, fails only with a Diagnostic naming the
// file, and every entry keeps the promises of the package doc.
func FuzzRead(f *testing.F) {
	f.Add("Status|Code|Message\n400|A|m\n200|B|ok\n|-|x\n404 Not Found|C|*a\\nb", "", "", false)
	f.Add("Error Code|Error|Message\n400|invalid|m\x00Parameter|Type\nerror_code|String\nmessage|String", "", "code=2", true)
	f.Add("Code|Code|Notes\nA|B|~n\n||\nOther errors|x|y", "1", "message=3;status=Notes", false)
	f.Add("HttpCode|错误码|错误信息\n400 Bad Request|E.1|第一行\\n第二行。", "", "code=错误码;title=1", false)
	f.Add("Case|Response\na|*HTTP 400*\\n{\"error\":\"invalid_request\",\"error_description\":\"missing \"u\" p\"}\nb|400 Bad Request\\n{\"error\": \"x\"}\\n401\\n{\"code\": \"y\", \"message\": \"z\"}\nc|HTTP 200\\n{\"code\":\"OK\",\"message\":\"fine\"}", "", "", false)
	f.Add("Code|JSON|Status\nA|{\"code\": \"B\", \"message\": \"m\"}|400\n-|{code: 'E', message: 'x', \"status\": 503}|\nC|no body|", "", "", false)
	f.Add("Status|Details\n400|{\"code\":\"A\",\"message\":\"m\"}\n|{\"errors\":[{\"code\":\"a\",\"message\":\"b\"},{\"code\":\"c\"}]}\x00Parameter|Example\ncode|{\"code\":\"A\",\"message\":\"m\"}", "", "body=2", false)
	f.Add("Error|Notes\n{\"error\":\"invalid\\_scope\",\"error_description\":\"no\"}|n\n { {\"a {\"a|x", "1", "", true)
	f.Fuzz(func(t *testing.T, src, sel, cols string, skip bool) {
		tables := fuzzTables(src)
		opts := Options{File: "f", SkipBadRows: skip}
		if sel != "" {
			opts.Tables = strings.Split(sel, ",")
		}
		if cols != "" {
			opts.Columns = map[string]string{}
			for _, kv := range strings.Split(cols, ";") {
				k, v, _ := strings.Cut(kv, "=")
				opts.Columns[k] = v
			}
		}
		for _, tb := range tables {
			in := Describe(tb)
			if len(in.Fields) != len(in.Headers) || in.ErrorTable && in.Note != "" {
				t.Fatalf("bad info %+v", in)
			}
		}
		infos := DescribeAll(tables)
		entries, report, err := Read(tables, opts)
		if err != nil {
			var d *catalog.Diagnostic
			if !errors.As(err, &d) || d.File != "f" || d.Message == "" {
				t.Fatalf("error %#v, want a Diagnostic naming f", err)
			}
			return
		}
		for _, e := range entries {
			if e.Code == "" || strings.Contains(e.Code, "\n") || notACode(e.Code) != "" {
				t.Errorf("bad code %q", e.Code)
			}
			if e.Status >= 100 && e.Status < 400 {
				t.Errorf("non-error status %d kept", e.Status)
			}
			if e.Origin.Table < 1 || e.Origin.Table > len(tables) || e.Origin.Row < 1 {
				t.Errorf("bad origin %+v", e.Origin)
			}
			if strings.Contains(e.Title, "\n") {
				t.Errorf("title %q", e.Title)
			}
			if len(e.Examples) > 1 || len(e.Examples) == 1 && !json.Valid([]byte(e.Examples[0].Body)) {
				t.Errorf("examples %q", e.Examples)
			}
			// Without overrides, Read reads the tables DescribeAll calls
			// error tables.
			if opts.Columns == nil && e.Origin.Table >= 1 && e.Origin.Table <= len(infos) && !infos[e.Origin.Table-1].ErrorTable {
				t.Errorf("entry %s of table %d, which DescribeAll calls no error table", e.Code, e.Origin.Table)
			}
		}
		if !skip && report.SkippedRows > 0 {
			for _, w := range report.Warnings {
				if strings.Contains(w.Message, "is not a number") {
					t.Errorf("bad status skipped without SkipBadRows: %s", w.Message)
				}
			}
		}
	})
}
