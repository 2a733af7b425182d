package gopkg

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"github.com/errgen/errgen/catalog"
)

// sharedCorpus holds real vendor pages outside the repository; tests that
// use it skip when it is absent.
const sharedCorpus = "../../../shared/corpus/huaweicloud-dita"

// TestGeneratedPackagesBuild writes generated packages into a scratch
// module and runs go vet and go test there: the adversarial catalog (plus
// invalid UTF-8, which the JSON form cannot carry) and, when the shared
// corpus is present, the real ECS and ELB error pages. Each package gets a
// test, written here, that every documented text comes back from Lookup
// byte for byte and that Parse finds every code through the envelope.
// scratchModule writes the go.mod of a module that uses generated
// packages: they import the runtime, github.com/errgen/errgen/apierr,
// which comes from this checkout, offline.
func scratchModule(t *testing.T, dir, module string) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "go.mod"), "module "+module+"\n\ngo 1.26\n\nrequire github.com/errgen/errgen v0.0.0\n\nreplace github.com/errgen/errgen => "+root+"\n")
}

func TestGeneratedPackagesBuild(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	if testing.Short() {
		t.Skip("builds a module with go vet and go test")
	}
	dir := t.TempDir()
	scratchModule(t, dir, "example.com/generated")

	c, opts := testCase(t, "adversarial")
	c.Entries = append(c.Entries, catalog.Entry{
		Status: 418, Code: "ADV.bad\xffutf8", Message: "in\xffvalid {0}", Description: "\xc3(", Solution: "\xed\xa0\x80",
		Origin: catalog.Origin{Table: 1, Row: 99},
	})
	writePackage(t, dir, c, opts)
	pkgs := []string{opts.Package}

	// No envelope at all: Parse can never succeed, but must still build.
	c, _ = testCase(t, "huawei")
	c.Envelope = catalog.Envelope{}
	writePackage(t, dir, c, Options{Package: "noenvelope"})
	pkgs = append(pkgs, "noenvelope")

	// A package named like a package the generated files import: a
	// package's own name is in no scope, so this must just work.
	c, _ = testCase(t, "huawei")
	writePackage(t, dir, c, Options{Package: "http"})
	pkgs = append(pkgs, "http")

	for _, page := range []struct{ file, pkg string }{
		{"ecs-error-codes.html", "ecs"},
		{"elb-classic-error-codes.html", "elb"},
	} {
		path := filepath.Join(sharedCorpus, page.file)
		if _, err := os.Stat(path); err != nil {
			t.Logf("skipping %s: %v", page.file, err)
			continue
		}
		writePackage(t, dir, pageCatalog(t, path), Options{Package: page.pkg})
		pkgs = append(pkgs, page.pkg)
	}

	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := exec.Command(goTool, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		if args[0] == "test" {
			for _, p := range pkgs {
				if !strings.Contains(string(out), "ok  \texample.com/generated/"+p+"\t") {
					t.Errorf("go test did not pass package %s:\n%s", p, out)
				}
			}
			t.Logf("%s", out)
		}
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writePackage(t *testing.T, module string, c *catalog.Catalog, opts Options) {
	t.Helper()
	files, err := Emit(c, opts)
	if err != nil {
		t.Fatalf("Emit(%s): %v", c.ID, err)
	}
	dir := filepath.Join(module, opts.Package)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		writeFile(t, filepath.Join(dir, name), string(data))
	}
	writeFile(t, filepath.Join(dir, "exact_test.go"), exactTest(c, opts.Package))
}

// exactTest is a test for the generated package of c that compares its
// tables with c's entries, written as Go literals by strconv.Quote.
func exactTest(c *catalog.Catalog, pkg string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport \"testing\"\n\n", pkg)
	b.WriteString("var want = []struct {\n\tcode    string\n\tentries []Entry\n}{\n")
	for _, group := range c.ByCode() {
		fmt.Fprintf(&b, "\t{%s, []Entry{\n", strconv.Quote(group[0].Code))
		for _, e := range group {
			fmt.Fprintf(&b, "\t\t{Code: %s, Status: %d, Message: %s, Title: %s, Description: %s, Solution: %s},\n",
				strconv.Quote(e.Code), e.Status, strconv.Quote(e.Message), strconv.Quote(e.Title), strconv.Quote(e.Description), strconv.Quote(e.Solution))
		}
		b.WriteString("\t}},\n")
	}
	b.WriteString("}\n\n")

	// A body per code, in the first envelope shape, for Parse.
	b.WriteString("var bodies = map[string]string{\n")
	for _, code := range c.Codes() {
		if !utf8.ValidString(code) || len(c.Envelope.Shapes) == 0 {
			continue // JSON cannot carry it, or Parse cannot read it
		}
		toks := strings.Split(strings.TrimPrefix(c.Envelope.Shapes[0].Code, "/"), "/")
		var v any = code
		for i := len(toks) - 1; i >= 0; i-- {
			tok := strings.ReplaceAll(strings.ReplaceAll(toks[i], "~1", "/"), "~0", "~")
			v = map[string]any{tok: v}
		}
		body, _ := json.Marshal(v)
		fmt.Fprintf(&b, "\t%s: %s,\n", strconv.Quote(code), strconv.Quote(string(body)))
	}
	b.WriteString("}\n\n")

	b.WriteString(`func TestExact(t *testing.T) {
	n := 0
	for range All() {
		n++
	}
	if n != len(want) {
		t.Errorf("All yields %d codes, want %d", n, len(want))
	}
	for _, w := range want {
		info, ok := Lookup(w.code)
		if !ok || string(info.Code) != w.code {
			t.Errorf("Lookup(%q) = %q, %v", w.code, info.Code, ok)
			continue
		}
		if len(info.Entries) != len(w.entries) {
			t.Errorf("%q: %d entries, want %d", w.code, len(info.Entries), len(w.entries))
			continue
		}
		for i, e := range w.entries {
			if info.Entries[i] != e {
				t.Errorf("%q entry %d = %+v, want %+v", w.code, i, info.Entries[i], e)
			}
		}
	}
	for code, body := range bodies {
		e, ok := Parse(400, []byte(body))
		if !ok || string(e.Code) != code || !e.Code.Known() {
			t.Errorf("Parse(%s) = %+v, %v", body, e, ok)
		}
	}
}
`)
	return b.String()
}

var space = regexp.MustCompile(`\s+`)

// pageCatalog reads the error table of a Huawei DITA page roughly as the
// HTML parser does: one entry per row, paragraphs of a cell joined by
// "\n", whitespace collapsed. It is enough to give the emitter real codes
// and texts; the parser's own tests check the details.
func pageCatalog(t *testing.T, path string) *catalog.Catalog {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := goquery.NewDocumentFromReader(f)
	if err != nil {
		t.Fatal(err)
	}
	env, _ := catalog.NamedEnvelope("huaweicloud")
	c := &catalog.Catalog{Format: catalog.FormatVersion, ID: "huaweicloud/" + filepath.Base(path), Envelope: env,
		Source: catalog.Source{Kind: "html-table", File: path}}
	cell := func(s *goquery.Selection) string {
		var paras []string
		ps := s.Find("p")
		if ps.Length() == 0 {
			ps = s
		}
		ps.Each(func(_ int, p *goquery.Selection) {
			if text := strings.TrimSpace(space.ReplaceAllString(p.Text(), " ")); text != "" {
				paras = append(paras, text)
			}
		})
		return strings.Join(paras, "\n")
	}
	d.Find("tbody tr").Each(func(i int, tr *goquery.Selection) {
		tds := tr.Find("td")
		if tds.Length() < 5 {
			return
		}
		status, _ := strconv.Atoi(cell(tds.Eq(0)))
		c.Entries = append(c.Entries, catalog.Entry{
			Status: status, Code: cell(tds.Eq(1)), Message: cell(tds.Eq(2)),
			Description: cell(tds.Eq(3)), Solution: cell(tds.Eq(4)),
			Origin: catalog.Origin{Table: 1, Row: i + 1},
		})
	})
	if len(c.Entries) < 100 {
		t.Fatalf("%s: only %d rows read", path, len(c.Entries))
	}
	return c
}
