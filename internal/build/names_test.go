package build_test

import (
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
)

// prefixed writes a config with one hand-written catalog whose codes all
// start with prefix, and go: holding goSection.
func prefixed(t *testing.T, prefix, goSection string) string {
	t.Helper()
	dir := t.TempDir()
	put(t, filepath.Join(dir, "errgen.yaml"), "version: 1\ncatalogs:\n  - id: acme/api\n    source: {kind: catalog, file: acme.yaml, url: https://acme.example/errors}\n    go:\n      package: api\n"+goSection)
	var b strings.Builder
	b.WriteString("title: Acme\nenvelope: huaweicloud\nentries:\n")
	for _, code := range []string{"400", "1000", "userId"} {
		q, _ := yaml.Marshal(prefix + code)
		b.WriteString("  - code: " + strings.TrimSpace(string(q)) + "\n    status: 400\n    message: m\n")
	}
	put(t, filepath.Join(dir, "acme.yaml"), b.String())
	return dir
}

func namingWarnings(l *build.Loaded) []string {
	var out []string
	for _, w := range l.Report.Warnings {
		if strings.Contains(w.Message, "trim_prefixes") {
			out = append(out, w.Error())
		}
	}
	return out
}

// A catalog whose codes share a prefix, without trim_prefixes, gets one
// warning: names keep the prefix, and the line that drops it.
func TestPrefixWarning(t *testing.T) {
	dir := prefixed(t, "Acme.", "")
	l := loadOne(t, dir)
	got := namingWarnings(l)
	want := filepath.Join(dir, "errgen.yaml") + `: line 3: catalog acme/api: every code starts with "Acme.", and Go names keep it (Acme.400 is Acme400) so that a code added without it never renames the others; for shorter names (Code400), add to the catalog's go: section: trim_prefixes: [Acme.]`
	if len(got) != 1 || got[0] != want {
		t.Fatalf("warnings %q,\nwant one: %s", got, want)
	}
	// The names are as the warning says.
	names, err := catalog.GoNames(l.Catalog, catalog.Naming{})
	if err != nil || names["Acme.userId"] != "AcmeUserID" {
		t.Errorf("names %v, %v", names, err)
	}

	// Following the advice silences it.
	if got := namingWarnings(loadOne(t, prefixed(t, "Acme.", "      trim_prefixes: [Acme.]\n"))); len(got) != 0 {
		t.Errorf("with trim_prefixes: %q", got)
	}
	// An override does not need the prefix dropped; the example is a
	// code whose name comes from it.
	got = namingWarnings(loadOne(t, prefixed(t, "Acme.", "      names: {Acme.400: BadRequest}\n")))
	if len(got) != 1 || !strings.Contains(got[0], "(Acme.1000 is Acme1000)") || !strings.Contains(got[0], "(Code1000)") {
		t.Errorf("with an override: %q", got)
	}
	// No shared prefix, no warning.
	if got := namingWarnings(loadOne(t, prefixed(t, "", ""))); len(got) != 0 {
		t.Errorf("without a prefix: %q", got)
	}
}

// The suggested line is YAML that gives back the prefix, whatever it
// holds.
func TestPrefixWarningQuoting(t *testing.T) {
	for _, prefix := range []string{"a: b.", "#x/", "- y.", "[z]_", "'q\".", "ü:"} {
		got := namingWarnings(loadOne(t, prefixed(t, prefix, "")))
		if len(got) != 1 {
			t.Fatalf("prefix %q: warnings %q", prefix, got)
		}
		_, line, _ := strings.Cut(got[0], "go: section: ")
		var v struct {
			TrimPrefixes []string `yaml:"trim_prefixes"`
		}
		if err := yaml.Unmarshal([]byte(line), &v); err != nil || len(v.TrimPrefixes) != 1 || v.TrimPrefixes[0] != prefix {
			t.Errorf("prefix %q: line %q reads as %q, %v", prefix, line, v.TrimPrefixes, err)
		}
	}
}

// The bundled config asks for nothing: Identity Center, the one catalog
// whose codes share a prefix, drops it with trim_prefixes.
func TestBundledPrefixWarnings(t *testing.T) {
	cfg, err := config.Load(filepath.Join("..", "..", "sources", "errgen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := build.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for i := range loaded {
		if got := namingWarnings(&loaded[i]); len(got) != 0 {
			t.Errorf("%s: %q", loaded[i].Config.ID, got)
		}
	}
}
