package markdown

import (
	"errors"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/golden"
	"github.com/errgen/errgen/parse/internal/table"
)

// readOne parses src and returns its only table.
func readOne(t *testing.T, src string) table.Table {
	t.Helper()
	d, err := parse([]byte(src), "t.md", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.tables) != 1 {
		t.Fatalf("%d tables, want 1", len(d.tables))
	}
	return d.tables[0]
}

func TestCellText(t *testing.T) {
	for _, tc := range []struct {
		name, cell, want string
		list             bool
	}{
		{"plain", "Plain text.", "Plain text.", false},
		{"underscore escape", `Invalid\_Name`, "Invalid_Name", false},
		{"paren escape", `periods \(.\)`, "periods (.)", false},
		{"brace escape", `\{The error details\}`, "{The error details}", false},
		{"pipe escape", `a \| b`, "a | b", false},
		{"star escape", `\*\*\*\*`, "****", false},
		{"bracket escape", `\[x\]`, "[x]", false},
		{"backslash before letter kept", `C:\path\q`, `C:\path\q`, false},
		{"double backslash", `a\\b`, `a\b`, false},
		{"entity", "A &amp; B &lt;x&gt; &#40;&#x29;", "A & B <x> ()", false},
		{"not an entity", "AT&T &bogus; &", "AT&T &bogus; &", false},
		{"bold", "**Bold** words", "Bold words", false},
		{"emphasis", "_emph_ and *more*", "emph and more", false},
		{"strikethrough", "~~gone~~ here", "gone here", false},
		{"code span", "`x_y` and `a\\_b`", `x_y and a\_b`, false},
		{"pipe in code span", "`a \\| b`", "a | b", false},
		{"link", "[words](https://example.com/a)", "words", false},
		{"link with spaces", "see [the FAQ](/FAQ/FAQ about roles (RAM).md).", "see the FAQ.", false},
		{"reference-like text", "[0] and (1)", "[0] and (1)", false},
		{"autolink", "<https://example.com/s>", "https://example.com/s", false},
		{"br", "one<br>two<br/>three<BR />four", "one\ntwo\nthree\nfour", false},
		{"list", "<ul><li>Either.</li><li>Or.</li></ul>", "Either.\nOr.", true},
		{"text then list", "Either:<ul><li>a</li><li>b</li></ul>", "Either:\na\nb", false},
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\nTwo.", false},
		{"comment", "before <!-- hidden --> after", "before after", false},
		{"other tags", `<span class="x">in</span><b>side</b>`, "inside", false},
		{"whitespace", "a &nbsp; b\t c", "a b c", false},
		{"placeholders", "{0} %s {} %(key)s", "{0} %s {} %(key)s", false},
		{"empty", " ", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := readOne(t, "| H |\n|---|\n| "+tc.cell+" |\n")
			if len(tb.Rows) != 1 || len(tb.Rows[0].Cells) != 1 {
				t.Fatalf("rows %+v", tb.Rows)
			}
			c := tb.Rows[0].Cells[0]
			if c.Text != tc.want || c.List != tc.list || !c.Own {
				t.Errorf("cell %q: got %q list=%v own=%v, want %q list=%v", tc.cell, c.Text, c.List, c.Own, tc.want, tc.list)
			}
		})
	}
}

func TestTableLayout(t *testing.T) {
	src := "# Top\n\nIntro.\n\n## Error codes {#errors}\n\n" +
		"Code | Message\n--- | ---\nA | a\nB | b |\n| C\n\n" + // rows without leading or trailing pipes; a short row
		"<table><tr><th>Code</th></tr>\n\n<tr><td>D</td></tr>\n</table>\n"
	d, err := parse([]byte(src), "t.md", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.tables) != 2 {
		t.Fatalf("%d tables, want 2", len(d.tables))
	}
	pipe, h := d.tables[0], d.tables[1]
	if pipe.Index != 1 || pipe.Caption != "Error codes" || pipe.Line != 7 || strings.Join(pipe.Header, "|") != "Code|Message" {
		t.Errorf("pipe table %+v", pipe)
	}
	wantRows := []struct {
		line  int
		cells string
	}{{9, "A|a"}, {10, "B|b"}, {11, "C|"}}
	if len(pipe.Rows) != len(wantRows) {
		t.Fatalf("rows %+v", pipe.Rows)
	}
	for i, w := range wantRows {
		r := pipe.Rows[i]
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, c.Text)
		}
		if r.N != i+1 || r.Line != w.line || strings.Join(cells, "|") != w.cells {
			t.Errorf("row %d: N %d line %d cells %q, want line %d cells %q", i+1, r.N, r.Line, cells, w.line, w.cells)
		}
	}
	// The HTML table spans a blank line; it is one table, numbered after
	// the pipe table, captioned by the heading above it.
	if h.Index != 2 || h.Caption != "Error codes" || h.Line != 13 || len(h.Rows) != 1 || h.Rows[0].Cells[0].Text != "D" {
		t.Errorf("HTML table %+v", h)
	}
}

func TestFrontMatter(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		headings  int // tables' captions tell whether the fence became a heading
		caption   string
	}{
		{"yaml", "---\ntitle: x\n---\n| Code |\n|---|\n| A |\n", 0, ""},
		{"yaml dots", "---\ntitle: x\n...\n| Code |\n|---|\n| A |\n", 0, ""},
		{"toml", "+++\ntitle = 'x'\n+++\n| Code |\n|---|\n| A |\n", 0, ""},
		{"crlf and blanks", "--- \r\ntitle: x\r\n---\r\n| Code |\r\n|---|\r\n| A |\r\n", 0, ""},
		// Not front matter: not closed, so "title: x" above "---" is a
		// setext heading, as CommonMark says.
		{"unclosed", "---\n\n## H\n\n| Code |\n|---|\n| A |\n", 0, "H"},
		{"not first line", "\n---\ntitle: x\n---\n| Code |\n|---|\n| A |\n", 0, "title: x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := readOne(t, tc.src)
			if tb.Caption != tc.caption {
				t.Errorf("caption %q, want %q", tb.Caption, tc.caption)
			}
			if tc.caption == "" && tb.Line != 4 {
				t.Errorf("table at line %d, want 4 (front matter lines still count)", tb.Line)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		opts Options
		want []string // substrings of the message
	}{
		{"nothing", "# Hello\n\nJust prose.\n", Options{}, []string{
			"no error-code table or section layout found", "the document has no tables",
			`headings line 1 "Hello"`, "--column code=HEADER", "--table N", "--kind data --items POINTER"}},
		{"parameter table only", "## Params\n\n| Name | Type |\n|---|---|\n| Id | String |\n", Options{}, []string{
			`tables seen: table 1 "Params" [Name | Type]`, `line 1 "Params"`}},
		{"bold codes without labels", "**Foo.Bar**\n\n**Baz**\n", Options{}, []string{
			"2 headings or bold lines hold a code-like token, none followed by labelled lines"}},
		{"selector matches nothing", "| Code |\n|---|\n| A |\n", Options{Tables: []string{"7"}}, []string{
			`table selector "7" matches no table`}},
		{"selected table has no code", "| Name |\n|---|\n| A |\n", Options{Tables: []string{"1"}}, []string{
			"selected table has no error-code column"}},
		{"column matches nothing", "| Name |\n|---|\n| A |\n", Options{Columns: map[string]string{"code": "Nope"}}, []string{
			"matches no column"}},
		{"bad status", "| Status | Code |\n|---|---|\n| 4O0 | A |\n", Options{}, []string{
			"row 1 (line 3)", `status "4O0" is not a number`}},
		{"too large", strings.Repeat("x", MaxSize+1), Options{}, []string{"expected at most 16777216 bytes"}},
		{"nested lists", "# x\n\n" + strings.Repeat("- ", 68) + "x\n", Options{}, []string{
			"e.md: line 3: block quotes and list items nest 102 deep (markers, plus one per two columns of indentation); expected at most 100"}},
		{"nested quotes", strings.Repeat(">", 101) + "\n", Options{}, []string{"line 1: block quotes and list items nest 101 deep"}},
		{"nested ordered lists", strings.Repeat("1. ", 34) + strings.Repeat("2) ", 34) + "x\n", Options{}, []string{"nest 102 deep"}},
		{"indented lists", "- a\n" + strings.Repeat(" ", 198) + "- b\n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t- c\n", Options{}, []string{"line 3: block quotes and list items nest 101 deep"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.File = "e.md"
			_, _, err := Parse([]byte(tc.src), tc.opts)
			var d *catalog.Diagnostic
			if !errors.As(err, &d) || d.File != "e.md" {
				t.Fatalf("error %#v, want a Diagnostic naming e.md", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestNestingAllowed(t *testing.T) {
	// A depth of 99 and 100, thematic breaks and table delimiter rows are fine.
	src := strings.Repeat("- ", 66) + "x\n\n" + strings.Repeat(" ", 198) + "- y\n\n-----\n\n| Code |\n|---|\n| A |\n\n*emphasis* 12 apples\n"
	if _, _, err := Parse([]byte(src), Options{File: "n.md"}); err != nil {
		t.Error(err)
	}
}

func TestHTMLBlockErrorNamesLine(t *testing.T) {
	src := "# x\n\n<table><tr><td colspan=1000>a</td></tr>" + strings.Repeat("<tr><td colspan=1000 rowspan=65534>b</td></tr>", 2000) + "</table>\n"
	_, _, err := Parse([]byte(src), Options{File: "b.md"})
	if err == nil {
		t.Fatal("no error: the page should exceed the cell budget")
	}
	var d *catalog.Diagnostic
	if !errors.As(err, &d) || !strings.HasPrefix(d.Where, "HTML block at line 3") {
		t.Errorf("error %#v, want a Diagnostic at the HTML block's line", err)
	}
}

func TestCharsetWarning(t *testing.T) {
	src := "## Errors\n\n| Code | Message |\n|---|---|\n| A | bad \xff byte |\n"
	entries, report, err := Parse([]byte(src), Options{File: "c.md"})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || len(report.Warnings) == 0 || report.Warnings[0].Where != "line 5" {
		t.Errorf("entries %+v, warnings %+v: want one entry and a warning at line 5 first", entries, report.Warnings)
	}
}

func TestSectionsNotUsedWithSelectors(t *testing.T) {
	// A section page read with --column is read as tables, and fails
	// there, instead of silently reading sections.
	src := golden.ReadFile(t, "testdata/alibaba-sts-error-messages/input.md")
	_, _, err := Parse(src, Options{File: "s.md", Columns: map[string]string{"code": "Code"}})
	if err == nil || !strings.Contains(err.Error(), "matches no column") {
		t.Errorf("error %v, want the table reader's", err)
	}
}
