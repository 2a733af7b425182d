package sections

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/golden"
	"github.com/errgen/errgen/parse/internal/htmlsafe"
)

// md parses as parse/markdown does.
var md = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithParserOptions(parser.WithHeadingAttribute()),
)

func mdBlocks(src []byte) []Block {
	return FromMarkdown(md.Parser().Parse(text.NewReader(src)), src)
}

func htmlBlocks(t testing.TB, src []byte) []Block {
	t.Helper()
	root, err := htmlsafe.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	return FromHTML(root)
}

// goldenFile is a want.json: the blocks, then what Read made of them.
type goldenFile struct {
	Blocks  []Block         `json:"blocks"`
	Found   bool            `json:"found"`
	Report  *catalog.Report `json:"report,omitempty"`
	Catalog json.RawMessage `json:"catalog,omitempty"`
}

func TestGolden(t *testing.T) {
	ins, _ := filepath.Glob("testdata/*/input.*")
	if len(ins) == 0 {
		t.Fatal("no testdata/*/input.*")
	}
	for _, in := range ins {
		dir := filepath.Dir(in)
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var g goldenFile
			if filepath.Ext(in) == ".md" {
				g.Blocks = mdBlocks(src)
			} else {
				g.Blocks = htmlBlocks(t, src)
			}
			entries, report, found := Read(g.Blocks, name+filepath.Ext(in))
			g.Found = found
			if found {
				g.Report = report
				if g.Catalog, err = catalog.Marshal(&catalog.Catalog{ID: "test/" + name, Source: catalog.Source{Kind: "sections"}, Entries: entries}); err != nil {
					t.Fatal(err)
				}
			} else if len(entries) != 0 || len(report.Warnings) != 0 {
				t.Errorf("not found, yet %d entries and %d warnings", len(entries), len(report.Warnings))
			}
			golden.Check(t, filepath.Join(dir, "want.json"), golden.JSON(t, g))
		})
	}
}

// read parses a Markdown page and reads its sections.
func read(t *testing.T, src string) ([]catalog.Entry, *catalog.Report, bool) {
	t.Helper()
	return Read(mdBlocks([]byte(src)), "p.md")
}

func TestLayouts(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []catalog.Entry // Origin.Line checked too
	}{
		{"bold code and bullets", "**A.B**\n\n- HTTP status: 400\n- Error message: Bad.\n- Solution: Fix.\n",
			[]catalog.Entry{{Status: 400, Code: "A.B", Message: "Bad.", Solution: "Fix.", Origin: catalog.Origin{Line: 1}}}},
		{"heading code", "### A_B\n\nStatus: 404\n", []catalog.Entry{{Status: 404, Code: "A_B", Origin: catalog.Origin{Line: 1}}}},
		{"heading attributes", "## A-B {#x .section}\n\n- Status: 404\n", []catalog.Entry{{Status: 404, Code: "A-B", Origin: catalog.Origin{Line: 1}}}},
		{"code span heading", "## `invalid_grant`\n\n- Status: 400\n", []catalog.Entry{{Status: 400, Code: "invalid_grant", Origin: catalog.Origin{Line: 1}}}},
		{"labels spaced and glued", "**X**\n\n- ErrorMessage: one\n- Error message: two\n- HTTP Status: 400\n",
			[]catalog.Entry{{Status: 400, Code: "X", Message: "one\ntwo", Origin: catalog.Origin{Line: 1}}}},
		{"different labels of one field", "**X**\n\n- Description: one\n- Cause: two\n- Status: 400\n",
			[]catalog.Entry{{Status: 400, Code: "X", Description: "one", Extra: map[string]string{"Cause": "two"}, Origin: catalog.Origin{Line: 1}}}},
		{"code and title in a heading", "### E0000001: API validation failed\n\nHTTP Status: 400 Bad Request\n\n### Note: prose\n\nText.\n",
			[]catalog.Entry{{Status: 400, Code: "E0000001", Title: "API validation failed", Origin: catalog.Origin{Line: 1}}}},
		{"code and title in bold", "**QuotaExceeded — Quota exceeded**\n\n- Status: 429\n",
			[]catalog.Entry{{Status: 429, Code: "QuotaExceeded", Title: "Quota exceeded", Origin: catalog.Origin{Line: 1}}}},
		{"word heading with labels", "### Throttling\n\n- Status: 429\n",
			[]catalog.Entry{{Status: 429, Code: "Throttling", Origin: catalog.Origin{Line: 1}}}},
		{"case and full-width colon", "**X**\n\n- http STATUS：400\n- SOLUTION : Retry.\n",
			[]catalog.Entry{{Status: 400, Code: "X", Solution: "Retry.", Origin: catalog.Origin{Line: 1}}}},
		{"bold labels", "**X**\n\n**HTTP status:** 400\n\n**Message:** Bad *thing*.\n",
			[]catalog.Entry{{Status: 400, Code: "X", Message: "Bad thing.", Origin: catalog.Origin{Line: 1}}}},
		{"labelled lines in one paragraph", "**X**\n\nHTTP status: 400\nMessage: Bad\nthing.\nSolution: Retry.\n",
			[]catalog.Entry{{Status: 400, Code: "X", Message: "Bad thing.", Solution: "Retry.", Origin: catalog.Origin{Line: 1}}}},
		{"text before labels is the description", "### X\n\nThe request is bad.\n\n- Status: 400\n",
			[]catalog.Entry{{Status: 400, Code: "X", Description: "The request is bad.", Origin: catalog.Origin{Line: 1}}}},
		{"later paragraphs continue a field", "**X**\n\n- Status: 400\n- Solution: First.\n\n  Second.\n\n    - Third.\n",
			[]catalog.Entry{{Status: 400, Code: "X", Solution: "First.\nSecond.\nThird.", Origin: catalog.Origin{Line: 1}}}},
		{"escapes", "**X**\n\n- Status: 400\n- Message: \\{The error details\\} \\(a\\_b\\) &amp; `c\\_d`\n",
			[]catalog.Entry{{Status: 400, Code: "X", Message: `{The error details} (a_b) & c\_d`, Origin: catalog.Origin{Line: 1}}}},
		{"status heading default", "## HTTP Status 409\n\n**X**\n\n- Message: m\n\n## Y\n\n- Message: n\n",
			[]catalog.Entry{{Status: 409, Code: "X", Message: "m", Origin: catalog.Origin{Line: 3}}, {Status: 409, Code: "Y", Message: "n", Origin: catalog.Origin{Line: 7}}}},
		{"status heading words", "## 404 Not Found\n\n**X**\n\n- Message: m\n",
			[]catalog.Entry{{Status: 404, Code: "X", Message: "m", Origin: catalog.Origin{Line: 3}}}},
		{"prose heading ends the default", "## Status code: 400\n\n## Other errors\n\n**X**\n\n- Message: m\n- Status: 500\n",
			[]catalog.Entry{{Status: 500, Code: "X", Message: "m", Origin: catalog.Origin{Line: 5}}}},
		{"bare number heading is a code", "## 40001\n\n- Status: 400\n- Message: m\n",
			[]catalog.Entry{{Status: 400, Code: "40001", Message: "m", Origin: catalog.Origin{Line: 1}}}},
		{"group heading", "**A**\n\n**A.B**\n\n- Status: 400\n",
			[]catalog.Entry{{Status: 400, Code: "A.B", Origin: catalog.Origin{Line: 3}}}},
		{"glued group heading", "**A****A.B**\n\n- Status: 400\n",
			[]catalog.Entry{{Status: 400, Code: "A.B", Origin: catalog.Origin{Line: 1}}}},
		{"error code lines", "## Errors\n\n- Error code: a\n- Status: 400\n\n- Error code: b\n- Status: 401\n",
			[]catalog.Entry{{Status: 400, Code: "a", Origin: catalog.Origin{Line: 3}}, {Status: 401, Code: "b", Origin: catalog.Origin{Line: 6}}}},
		{"non-error status left out", "**A**\n\n- Status: 302\n\n**B**\n\n- Status: 400\n",
			[]catalog.Entry{{Status: 400, Code: "B", Origin: catalog.Origin{Line: 5}}}},
		{"code blocks and tables are no text", "**A**\n\n- Status: 400\n\n```\nMessage: no\n```\n\n| Message: no |\n|---|\n| x |\n",
			[]catalog.Entry{{Status: 400, Code: "A", Origin: catalog.Origin{Line: 1}}}},
		{"raw HTML block", "<h3>A</h3>\n<ul><li>Status: 400</li><li>Message: m</li></ul>\n",
			[]catalog.Entry{{Status: 400, Code: "A", Message: "m", Origin: catalog.Origin{Line: 1}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, report, found := read(t, tc.src)
			if !found {
				t.Fatalf("not found; blocks %+v", mdBlocks([]byte(tc.src)))
			}
			if !equalEntries(got, tc.want) {
				t.Errorf("entries\n got %+v\nwant %+v\nwarnings %v", got, tc.want, report.Warnings)
			}
		})
	}
}

func equalEntries(a, b []catalog.Entry) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func TestNotSections(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"empty", ""},
		{"prose", "# Errors\n\nWhen a call fails, it returns an error.\n\n## Examples\n\nSee below.\n"},
		{"bold words", "**Note**\n\nRead this.\n\n**Important**\n\nAnd this.\n"},
		{"labels without a code", "# Error list\n\n- HTTP status: 400\n- Message: Bad.\n"},
		{"prose heading with labels", "## Bad request\n\n- HTTP status: 400\n"},
		{"label in a sentence", "**X**\n\nThe status: it is fine.\n"},
		{"status label before prose", "**X**\n\nStatus: the request status is returned in every response.\n"},
		{"labels in code", "**X**\n\n```\nStatus: 400\n```\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			entries, report, found := read(t, tc.src)
			if found || len(entries) != 0 || len(report.Warnings) != 0 {
				t.Errorf("found=%v entries %+v warnings %v; want nothing", found, entries, report.Warnings)
			}
		})
	}
}

func TestWarnings(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		where     string
		want      string
	}{
		{"status disagrees with heading", "## HTTP Status 400\n\n**X**\n\n- Status: 403\n", "line 5",
			`Status "403" of X disagrees with the heading "HTTP Status 400" (line 1); the code's own 403 is kept`},
		{"status not a number", "**X**\n\n- Status: soon\n- Message: m\n", "line 3",
			`Status "soon" of X is not an HTTP status; expected a number such as 400; the text is kept in extra["Status"]`},
		{"several statuses", "**X**\n\n- Status: 400 or 503\n", "line 3",
			`Status "400 or 503" of X names several statuses; the first, 400, is kept`},
		{"second status", "**X**\n\n- Status: 400\n- HTTP status: 401\n", "line 4",
			`HTTP status "401" of X repeats the Status "400"; the first is kept and this one is in extra["HTTP status"]`},
		{"code line differs", "**X**\n\n- Status: 400\n- Error code: Y\n", "line 4",
			`Error code "Y" differs from the code X the entry starts with (line 1); the Error code line is kept`},
		{"no status anywhere", "**X**\n\n- Message: m\n", "",
			`no code has an HTTP status (expected a line such as "HTTP status: 400" or a heading such as "HTTP Status 400"); every entry has status 0 (unknown)`},
		{"one without status", "**X**\n\n- Message: m\n\n**Y**\n\n- Status: 400\n", "line 1",
			"X documents no HTTP status; recorded as 0 (unknown)"},
		{"status out of range", "**X**\n\n- Status: 999\n", "line 1",
			"status 999 of X is not an HTTP status (100–599); kept as documented"},
		{"non-error status", "**X**\n\n- Status: 204\n", "line 1",
			"status 204 of X is not an error status (1xx–3xx); entry left out"},
		{"group not extended", "**Lonely**\n\n**Other.Code**\n\n- Status: 400\n", "line 1",
			`"Lonely" has no labelled lines of its own and is read as a group heading, not a code (the next code, Other.Code, does not start with it)`},
		{"glued not extended", "**A****B.C**\n\n- Status: 400\n", "line 1",
			`bold "A" is glued to the code B.C and read as a group heading, not a code`},
		{"word heading", "# Errors\n\n- Status: 400\n", "line 1",
			`heading "Errors" is a plain word, read as the code Errors because labelled lines follow it`},
		{"duplicate", "**X**\n\n- Status: 400\n\n**X**\n\n- Status: 400\n", "line 5",
			"duplicates line 1 (status 400, code X, every field equal); both kept"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, report, found := read(t, tc.src)
			if !found {
				t.Fatal("not found")
			}
			for _, w := range report.Warnings {
				if w.File == "p.md" && w.Where == tc.where && w.Message == tc.want {
					return
				}
			}
			t.Errorf("warnings %v lack %s: %q", report.Warnings, tc.where, tc.want)
		})
	}
}

func TestHTMLWhere(t *testing.T) {
	_, report, found := Read(htmlBlocks(t, []byte("<h3>X</h3><ul><li>Status: soon</li><li>Message: m</li></ul>")), "p.html")
	if !found || len(report.Warnings) == 0 || report.Warnings[0].Where != `section "X"` {
		t.Errorf("found=%v warnings %v; want one at section \"X\"", found, report.Warnings)
	}
}

func TestLabel(t *testing.T) {
	for _, tc := range []struct {
		line  string
		f     field
		value string
	}{
		{"HTTP status: 400", status, "400"},
		{"HttpCode:400", status, "400"},
		{"HTTP状态码：400", status, "400"},
		{"HTTP ステータスコード：429", status, "429"},
		{"Error_Code: X", code, "X"},
		{"错误码：X", code, "X"},
		{"エラーコード： X", code, "X"},
		{"ErrorMessage: m: n", message, "m: n"},
		{"错误信息：m", message, "m"},
		{"メッセージ：m", message, "m"},
		{"Cause: c", description, "c"},
		{"处理建议：s", solution, "s"},
		{"対処方法：s", solution, "s"},
		{"Note: n", none, ""},
		{"no colon here", none, ""},
		{strings.Repeat("x", 40) + " Status: 1", none, ""},
	} {
		f, _, value, ok := label(tc.line)
		if f != tc.f || ok != (tc.f != none) || value != tc.value {
			t.Errorf("label(%q) = %v %q %v, want %v %q", tc.line, f, value, ok, tc.f, tc.value)
		}
	}
}

func TestIsCode(t *testing.T) {
	for s, want := range map[string]bool{
		"InvalidParameter.RoleArn": true, "invalid_request": true, "ERR-42": true, "a:b": true, "40001": true,
		"Note:": false, "Error messages": false, "": false, ".x": false, "x.": false, "错误": false,
		strings.Repeat("a", 129): false, strings.Repeat("a", 128): true,
	} {
		if isCode(s) != want {
			t.Errorf("isCode(%q) = %v, want %v", s, !want, want)
		}
	}
}

func TestStatusHeading(t *testing.T) {
	for s, want := range map[string]int{
		"HTTP Status 400": 400, "HTTP status 409": 409, "Status code: 404": 404, "HTTP状态码 500": 500,
		"409 Conflict": 409, "HTTPステータスコード 429": 429, "Status 400 (Bad Request)": 400,
		"400": 0, "Errors 400": 0, "HTTP Status 4000": 0, "HTTP Status 700": 0, "400Foo": 0, "Examples": 0,
	} {
		got, ok := statusHeading(s)
		if ok != (want != 0) || got != want {
			t.Errorf("statusHeading(%q) = %d %v, want %d", s, got, ok, want)
		}
	}
}

func TestUnescape(t *testing.T) {
	for in, want := range map[string]string{
		`\(a\)`: "(a)", `\_`: "_", `\{x\}`: "{x}", `\\`: `\`, `\q`: `\q`, `a\`: `a\`,
		"&amp;&lt;&#65;&#x42;": "&<AB", "&nope;": "&nope;", "&#;": "&#;", "&#12345678;": "&#12345678;", "&": "&",
	} {
		if got := Unescape(in); got != want {
			t.Errorf("Unescape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStrongSpans(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []string
	}{
		{"**A**", []string{"A"}},
		{"**A****A.B**", []string{"A", "A.B"}},
		{"**A** **B**", []string{"A", "B"}},
		{"`code`", []string{"code"}},
		{"**A** text", nil},
		{"*A*", nil},
		{"**A**\n**B**", []string{"A", "B"}},
	} {
		doc := md.Parser().Parse(text.NewReader([]byte(tc.src)))
		got := strongSpans(doc.FirstChild(), []byte(tc.src))
		if strings.Join(got, "|") != strings.Join(tc.want, "|") || (got == nil) != (tc.want == nil) {
			t.Errorf("strongSpans(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}

func TestDeepNesting(t *testing.T) {
	// Block quotes and lists nested thousands deep: the walks are
	// iterative, so this neither overflows the stack nor takes long.
	src := strings.Repeat(">", 5000) + " **X**\n\n" + strings.Repeat(">", 5000) + " Status: 400\n"
	blocks := mdBlocks([]byte(src))
	if len(blocks) != 2 {
		t.Fatalf("%d blocks, want 2", len(blocks))
	}
	var _ ast.Node
}

// TestPlainWordBold: a bold plain word with one labelled line is read
// as a code with a warning; with several, as codes in a list are, it is
// read silently.
func TestPlainWordBold(t *testing.T) {
	for _, tc := range []struct {
		src  string
		warn bool
	}{
		{"**Important**\n\n- Status: 404 Not Found is returned when the user is gone.\n", true},
		{"**Inactive**\n\n- HTTP status: 403\n- Error message: Inactive.\n- Solution: Activate it.\n", false},
		{"**A.B**\n\n- Status: 404\n", false},
	} {
		_, report, found := Read(FromMarkdown(goldmark.New().Parser().Parse(text.NewReader([]byte(tc.src))), []byte(tc.src)), "p.md")
		got := false
		for _, w := range report.Warnings {
			got = got || strings.Contains(w.Message, "is a plain word")
		}
		if !found || got != tc.warn {
			t.Errorf("%q: found %v, plain-word warning %v, want %v (%v)", tc.src, found, got, tc.warn, report.Warnings)
		}
	}
}
