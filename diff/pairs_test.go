package diff_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diff"
	"github.com/errgen/errgen/diff/report"
	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/parse/htmltable"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// page is the bundled Identity Center page; the pairs below are that page
// and an edited copy of it, made by the edits the vendor makes.
const page = "../sources/huaweicloud/identitycenter/ErrorCode.html"

func readPage(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// parse reads the page's main table, as errgen.yaml selects it.
func parse(t testing.TB, name, html string) *catalog.Catalog {
	t.Helper()
	entries, _, err := htmltable.Parse([]byte(html), htmltable.Options{File: name, Tables: []string{"1"}})
	if err != nil {
		t.Fatal(err)
	}
	return &catalog.Catalog{Format: catalog.FormatVersion, ID: "huaweicloud/identitycenter", Source: catalog.Source{Kind: "html-table", File: name}, Entries: entries}
}

// setCell replaces the text of one cell of the page's main table; the
// page's cell ids are ErrorCode__table1_p<row>_<column>.
func setCell(t testing.TB, html string, row, col int, text string) string {
	t.Helper()
	re := regexp.MustCompile(fmt.Sprintf(`(<p id="ErrorCode__table1_p%d_%d">)[^<]*(</p>)`, row, col))
	if !re.MatchString(html) {
		t.Fatalf("no cell %d,%d", row, col)
	}
	return re.ReplaceAllString(html, "${1}"+text+"${2}")
}

func removeRow(t testing.TB, html string, row int) string {
	t.Helper()
	re := regexp.MustCompile(fmt.Sprintf(`(?s)<tr id="ErrorCode__table1_row%d">.*?</tr>\n`, row))
	if !re.MatchString(html) {
		t.Fatalf("no row %d", row)
	}
	return re.ReplaceAllString(html, "")
}

// The edits, on rows of the main table as `errgen show` numbers them.
var edits = map[string]func(t testing.TB, html string) string{
	// The EU site's variant of the page: IIC.* instead of IdentityCenter.*.
	"prefix": func(t testing.TB, html string) string {
		return regexp.MustCompile(`(<p id="ErrorCode__table1_p\d+_2">)IdentityCenter\.`).ReplaceAllString(html, "${1}IIC.")
	},
	// Row 39, IdentityCenter.1236 "Invalid {0}": a second placeholder.
	"placeholder": func(t testing.TB, html string) string {
		return setCell(t, html, 39, 3, "Invalid {0}: {1}")
	},
	// Row 4, IdentityCenter.1000: the solution reworded.
	"solution": func(t testing.TB, html string) string {
		return setCell(t, html, 4, 5, "Ask the administrator to grant you the permission for the action.")
	},
	// Row 9, IdentityCenter.1006, the only row of its code.
	"removed": func(t testing.TB, html string) string {
		return removeRow(t, html, 9)
	},
	// Row 10, IdentityCenter.1007: 409 becomes 400.
	"status": func(t testing.TB, html string) string {
		return setCell(t, html, 10, 1, "400")
	},
}

// pair returns the old and new catalogs of an edit.
func pair(t testing.TB, name string) (old, new *catalog.Catalog) {
	html := readPage(t)
	edited := html
	for _, e := range strings.Split(name, "+") {
		edited = edits[e](t, edited)
	}
	if edited == html {
		t.Fatalf("edit %s changed nothing", name)
	}
	return parse(t, "old/ErrorCode.html", html), parse(t, "new/ErrorCode.html", edited)
}

func compare(t testing.TB, name string) *diff.Result {
	old, new := pair(t, name)
	g := bundledConfig(t, "huaweicloud/identitycenter").Go
	return diff.Compare(old, new, diff.Options{File: "sources/huaweicloud/identitycenter/ErrorCode.html", Names: g.Names, TrimPrefixes: g.TrimPrefixes})
}

// bundledConfig is catalog id of sources/errgen.yaml: the pairs are named
// as errgen diff names them, with the catalog's go: names: and
// trim_prefixes:.
func bundledConfig(t testing.TB, id string) *config.Catalog {
	t.Helper()
	cfg, err := config.Load("../sources/errgen.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, ok := cfg.Catalog(id)
	if !ok {
		t.Fatalf("no catalog %s in sources/errgen.yaml", id)
	}
	return c
}

// TestPairs checks the one change each real-shaped edit must give.
func TestPairs(t *testing.T) {
	tests := []struct {
		edit           string
		rule           string
		code           string
		status         int
		field, old, nw string
		bump           diff.BumpLevel
	}{
		{"prefix", diff.CodePrefixRenamed, "IdentityCenter.*", 0, "code", "IdentityCenter.", "IIC.", diff.BumpMajor},
		{"placeholder", diff.MessageParamsChanged, "IdentityCenter.1236", 400, "message", "Invalid {0}", "Invalid {0}: {1}", diff.BumpPatch},
		{"solution", diff.SolutionChanged, "IdentityCenter.1000", 403, "solution", "Check whether you have required permissions.", "Ask the administrator to grant you the permission for the action.", diff.BumpPatch},
		{"removed", diff.CodeRemoved, "IdentityCenter.1006", 409, "code", "IdentityCenter.1006", "", diff.BumpMajor},
		{"status", diff.StatusChanged, "IdentityCenter.1007", 409, "status", "409", "400", diff.BumpPatch},
	}
	for _, tt := range tests {
		t.Run(tt.edit, func(t *testing.T) {
			r := compare(t, tt.edit)
			if len(r.Changes) != 1 {
				t.Fatalf("got %d changes, want 1: %+v", len(r.Changes), r.Changes)
			}
			c := r.Changes[0]
			want := diff.Change{Rule: tt.rule, Level: c.Level, Catalog: "huaweicloud/identitycenter", Code: tt.code, Status: tt.status, Field: tt.field, Old: tt.old, New: tt.nw, Fingerprint: c.Fingerprint}
			if c != want {
				t.Errorf("got  %+v\nwant %+v", c, want)
			}
			if rule, _ := diff.LookupRule(tt.rule); c.Level != rule.Level {
				t.Errorf("level %s, want %s", c.Level, rule.Level)
			}
			if got := r.Bump().Level; got != tt.bump {
				t.Errorf("bump %s (%s), want %s", got, r.Bump().Reason, tt.bump)
			}
		})
	}
}

// TestReportGolden renders each pair, and all edits at once with an
// ignore file, in every format.
func TestReportGolden(t *testing.T) {
	ignore := []byte(`ignore:
  - rule: error-solution-changed
    code: IdentityCenter.1000
    reason: solutions are shown to people, not matched
    expires: 2999-12-31
  - fingerprint: 0123456789abcdef
    reason: a change that no longer happens
  - rule: error-description-changed
    code: "*"
    reason: a rule whose time is up
    expires: 2020-01-31
`)
	cases := []string{"prefix", "placeholder", "solution", "removed", "status", "placeholder+solution+removed+status"}
	ext := map[string]string{"text": "txt", "json": "json", "markdown": "md", "githubactions": "gha.txt", "junit": "xml"}
	for _, name := range cases {
		t.Run(name, func(t *testing.T) {
			r := compare(t, name)
			dir := filepath.Join("testdata", "report", strings.ReplaceAll(name, "+", "_"))
			if strings.Contains(name, "+") {
				f, err := diff.ParseIgnore("errgen-ignore.yaml", ignore)
				if err != nil {
					t.Fatal(err)
				}
				f.Apply(r, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
			}
			for _, format := range report.Formats {
				var buf bytes.Buffer
				if err := report.Write(&buf, format, r, report.Options{}); err != nil {
					t.Fatal(err)
				}
				golden(t, filepath.Join(dir, "want."+ext[format]), buf.Bytes())
			}
		})
	}
}

func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test ./diff -update rewrites it):\n--- got\n%s", file, got)
	}
}
