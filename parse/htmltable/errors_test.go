package htmltable

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

const errorPage = `<table><caption>Table 1 Request parameters</caption>
<tr><th>Parameter</th><th>Type</th><th>Description</th></tr>
<tr><td>name</td><td>String</td><td>The name.</td></tr>
</table>
<table>
<tr><th>Status Code</th><th>Error Code</th><th>Error Message</th></tr>
<tr><td>400</td><td>E.1</td><td>Bad.</td></tr>
<tr><td>40O</td><td>E.2</td><td>Letter O.</td></tr>
<tr><td>404</td><td> </td><td>No code.</td></tr>
<tr><td>500</td><td>E.4</td><td>Fine.</td></tr>
</table>`

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		opts Options
		want string
	}{
		{
			name: "no tables",
			src:  `<p>Nothing here.</p>`,
			want: `p.html: no error-code table found: the page has no tables; expected a table whose header names the code column: "Error Code", "Code", "Error Codes" or "Response Status Code"`,
		},
		{
			name: "no error table",
			src: `<table><tr><th>Parameter</th><th>Type</th><th>Description</th></tr><tr><td>a</td><td>b</td><td>c</td></tr></table>
<table><caption>Status codes</caption><tr><th>Status Code</th><th>Error Code Meaning</th><th></th></tr></table>`,
			want: `p.html: no error-code table found; tables seen: table 1 [Parameter | Type | Description], table 2 "Status codes" [Status Code | Error Code Meaning | (empty)]; expected a table whose header names the code column: "Error Code", "Code", "Error Codes" or "Response Status Code"; give --column code=HEADER (or an index), or --table N`,
		},
		{
			name: "long headers cut",
			src:  `<table><tr><td>A layout table whose first row is a long paragraph of running text</td></tr></table>`,
			want: `p.html: no error-code table found; tables seen: table 1 [A layout table whose first row is a lon…]; expected a table whose header names the code column: "Error Code", "Code", "Error Codes" or "Response Status Code"; give --column code=HEADER (or an index), or --table N`,
		},
		{
			name: "non-numeric status",
			src:  errorPage,
			want: `p.html: table 2, row 2: status "40O" is not a number; expected an HTTP status code such as 400 in column 1 "Status Code"`,
		},
		{
			name: "too large status",
			src:  `<table><tr><th>Status</th><th>Code</th></tr><tr><td>4000000000000000000000</td><td>X</td></tr></table>`,
			want: `p.html: table 1, row 1: status 4000000000000000000000 is too large; expected an HTTP status code such as 400 in column 1 "Status"`,
		},
		{
			name: "selector index out of range",
			src:  errorPage,
			opts: Options{Tables: []string{"2", "3"}},
			want: `p.html: table selector "3" matches no table; tables seen: table 1 "Table 1 Request parameters" [Parameter | Type | Description], table 2 [Status Code | Error Code | Error Message]; expected a table number from 1 or a caption`,
		},
		{
			name: "selector zero",
			src:  errorPage,
			opts: Options{Tables: []string{"0"}},
			want: `p.html: table selector "0" matches no table; tables seen: table 1 "Table 1 Request parameters" [Parameter | Type | Description], table 2 [Status Code | Error Code | Error Message]; expected a table number from 1 or a caption`,
		},
		{
			name: "selector caption",
			src:  errorPage,
			opts: Options{Tables: []string{"Table 1 request parameters"}},
			want: `p.html: table selector "Table 1 request parameters" matches no table; tables seen: table 1 "Table 1 Request parameters" [Parameter | Type | Description], table 2 [Status Code | Error Code | Error Message]; expected a table number from 1 or a caption`,
		},
		{
			name: "empty selector",
			src:  errorPage,
			opts: Options{Tables: []string{" "}},
			want: `p.html: table selector " " matches no table; tables seen: table 1 "Table 1 Request parameters" [Parameter | Type | Description], table 2 [Status Code | Error Code | Error Message]; expected a table number from 1 or a caption`,
		},
		{
			name: "selector on a page without tables",
			src:  `<p>none</p>`,
			opts: Options{Tables: []string{"1"}},
			want: `p.html: table selector "1" matches no table: the page has no tables; expected a table number from 1 or a caption`,
		},
		{
			name: "selected table without code column",
			src:  errorPage,
			opts: Options{Tables: []string{"Table  1\nRequest parameters"}},
			want: `p.html: table 1 "Table 1 Request parameters": selected table has no error-code column: its headers are [Parameter | Type | Description]; expected one of "Error Code", "Code", "Error Codes" or "Response Status Code"`,
		},
		{
			name: "selected by number without code column",
			src:  errorPage,
			opts: Options{Tables: []string{"1"}},
			want: `p.html: table 1 "Table 1 Request parameters": selected table has no error-code column: its headers are [Parameter | Type | Description]; expected one of "Error Code", "Code", "Error Codes" or "Response Status Code"`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			opts.File = "p.html"
			entries, report, err := Parse([]byte(tc.src), opts)
			if err == nil {
				t.Fatalf("no error; %d entries, report %+v", len(entries), report)
			}
			var d *catalog.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("error %T, want *catalog.Diagnostic", err)
			}
			if d.File != "p.html" {
				t.Errorf("File = %q", d.File)
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

func TestSkipBadRows(t *testing.T) {
	entries, report := mustParse(t, []byte(errorPage), Options{File: "p.html", SkipBadRows: true})
	var codes []string
	for _, e := range entries {
		codes = append(codes, fmt.Sprintf("%s@%d", e.Code, e.Origin.Row))
	}
	if got, want := strings.Join(codes, " "), "E.1@1 E.4@4"; got != want {
		t.Errorf("entries %s, want %s", got, want)
	}
	if report.SkippedRows != 2 {
		t.Errorf("SkippedRows = %d, want 2", report.SkippedRows)
	}
	var warnings []string
	for _, w := range report.Warnings {
		warnings = append(warnings, w.Error())
	}
	want := []string{
		`p.html: table 2, row 2: status "40O" is not a number; expected an HTTP status code such as 400 in column 1 "Status Code"; row skipped`,
		`p.html: table 2, row 3: code is empty; expected an error code in column 2 "Error Code"; row skipped`,
	}
	if strings.Join(warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warnings, "\n"), strings.Join(want, "\n"))
	}
}

func TestSelectors(t *testing.T) {
	src := []byte(`
<table><caption>A</caption><tr><th>Code</th></tr><tr><td>A.1</td></tr></table>
<table><caption> B
  codes </caption><tr><th>Code</th></tr><tr><td>B.1</td></tr></table>
<table><tr><th>Code</th></tr><tr><td>C.1</td></tr></table>
<table><caption>A</caption><tr><th>Code</th></tr><tr><td>D.1</td></tr></table>`)
	for _, tc := range []struct {
		tables []string
		want   string
	}{
		{nil, "A.1 B.1 C.1 D.1"},
		{[]string{"3"}, "C.1"},
		{[]string{"3", "B  codes"}, "B.1 C.1"}, // document order, not selector order
		{[]string{"A"}, "A.1 D.1"},             // every table with the caption
		{[]string{"1", "A", "01"}, "A.1 D.1"},  // no table twice
	} {
		entries, _ := mustParse(t, src, Options{Tables: tc.tables})
		var codes []string
		for _, e := range entries {
			codes = append(codes, e.Code)
		}
		if got := strings.Join(codes, " "); got != tc.want {
			t.Errorf("Tables %q: got %s, want %s", tc.tables, got, tc.want)
		}
	}
}

// TestSpanClamp feeds spans that would explode a naive grid: the width is
// clamped to 1000 columns, rowspans to the rows that exist. 30 rows of
// 1000 slots stay within the page's budget (TestSpanBudget goes past it).
func TestSpanClamp(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<table><tr><th>Status</th><th>Code</th><th colspan="4294967296">Notes</th><th colspan="99999">Lost</th></tr>`)
	b.WriteString(`<tr><td rowspan="2147483647">400</td><td>A</td><td rowspan="0" colspan="1000000">n</td></tr>`)
	for range 30 {
		b.WriteString(`<tr><td>B</td></tr>`)
	}
	b.WriteString(`</table>`)
	src := []byte(b.String())

	infos, err := Tables(src)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(infos[0].Headers); n != maxColumns {
		t.Errorf("%d columns, want %d", n, maxColumns)
	}
	entries, _ := mustParse(t, src, Options{})
	if len(entries) != 31 {
		t.Fatalf("%d entries, want 31", len(entries))
	}
	last := entries[30]
	if last.Status != 400 || last.Code != "B" || last.Extra["Notes"] != "n" || last.Extra["Notes (998)"] != "n" || len(last.Extra) != 998 {
		t.Errorf("last entry: status %d, code %s, %d extra", last.Status, last.Code, len(last.Extra))
	}
}

// TestRowsOnlyOwn checks that a nested table's rows do not become rows of
// the table around it, even when the nested table is an error table too.
func TestRowsOnlyOwn(t *testing.T) {
	src := []byte(`<table><thead><tr><th>Code</th><th>Message</th></tr></thead>
<tbody><tr><td>OUTER.1</td><td><table><tr><th>Code</th></tr><tr><td>INNER.1</td></tr><tr><td>INNER.2</td></tr></table></td></tr>
<tr><td>OUTER.2</td><td>m</td></tr></tbody></table>`)
	entries, _ := mustParse(t, src, Options{})
	var got []string
	for _, e := range entries {
		got = append(got, fmt.Sprintf("%s@%d.%d", e.Code, e.Origin.Table, e.Origin.Row))
	}
	if want := "OUTER.1@1.1 OUTER.2@1.2 INNER.1@2.1 INNER.2@2.2"; strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
	// The nested table's rows are lines of the outer cell, and lines of a
	// message that are not list items are one template.
	if entries[0].Message != "Code INNER.1 INNER.2" {
		t.Errorf("outer message %q", entries[0].Message)
	}
}

// TestEmptyCode: a row without a code is a warning naming the row and the
// column, not an error, with or without SkipBadRows (issue 13 §6).
func TestEmptyCode(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{
			name: "empty code",
			src:  strings.Replace(errorPage, "40O", "400", 1),
			want: []string{`p.html: table 2, row 3: code is empty; expected an error code in column 2 "Error Code"; row skipped`},
		},
		{
			name: "empty code with caption",
			src:  `<table><caption><b>Table 1 </b>SCIM error codes</caption><tr><th>HTTP Status Code</th><th>Response Status Code</th></tr><tr><td>400</td><td>400</td></tr><tr><td>404</td><td></td></tr></table>`,
			want: []string{
				`p.html: table 1 "Table 1 SCIM error codes": column 2 "Response Status Code" holds only HTTP statuses; read as the code, as its header says, since column 1 "HTTP Status Code" is the status`,
				`p.html: table 1 "Table 1 SCIM error codes", row 2: code is empty; expected an error code in column 2 "Response Status Code"; row skipped`,
			},
		},
	} {
		for _, skip := range []bool{false, true} {
			t.Run(fmt.Sprint(tc.name, skip), func(t *testing.T) {
				_, report := mustParse(t, []byte(tc.src), Options{File: "p.html", SkipBadRows: skip})
				var got []string
				for _, w := range report.Warnings {
					got = append(got, w.Error())
				}
				if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
					t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
				}
				if report.SkippedRows != 1 {
					t.Errorf("SkippedRows = %d, want 1", report.SkippedRows)
				}
			})
		}
	}
}
