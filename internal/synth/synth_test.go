package synth_test

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"reflect"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/internal/synth"
)

// TestCatalog: a synthetic catalog has the codes asked for, each with one
// to three entries of error statuses and no repeated (status, message),
// the mix of codes and texts the package doc promises, names the Go
// emitter accepts, and the same content for the same arguments.
func TestCatalog(t *testing.T) {
	const n = 20000
	c := synth.Catalog("synth/test", n, 42)
	if again := synth.Catalog("synth/test", n, 42); !reflect.DeepEqual(c, again) {
		t.Fatal("two catalogs of the same arguments differ")
	}
	if other := synth.Catalog("synth/test", n, 43); reflect.DeepEqual(c.Entries[:100], other.Entries[:100]) {
		t.Error("another seed gives the same entries")
	}
	if other := synth.Catalog("synth/other", n, 42); reflect.DeepEqual(c.Entries[:100], other.Entries[:100]) {
		t.Error("another ID gives the same entries")
	}
	if got := len(c.Codes()); got != n {
		t.Fatalf("%d codes, want %d", got, n)
	}
	var dotted, camel, multi, placeholders, titled int
	texts := map[string]int{}
	for _, group := range c.ByCode() {
		if len(group) < 1 || len(group) > 3 {
			t.Fatalf("code %s has %d entries, want 1 to 3", group[0].Code, len(group))
		}
		code := group[0].Code
		switch {
		case strings.Contains(code, "."):
			dotted++
		case code[0] >= 'a' && code[0] <= 'z' && strings.ToLower(code) != code:
			camel++
		default:
			t.Errorf("code %q is neither dotted nor camelCase", code)
		}
		seen := map[string]bool{}
		for _, e := range group {
			if e.Status < 400 || e.Status > 503 {
				t.Errorf("%s: status %d", code, e.Status)
			}
			k := e.Message + "\x00" + string(rune(e.Status))
			if seen[k] {
				t.Errorf("%s: status %d and message %q twice", code, e.Status, e.Message)
			}
			seen[k] = true
			if strings.Contains(e.Message, "\n") {
				multi++
			}
			if strings.Contains(e.Message, "{0}") || strings.Contains(e.Message, "{name}") {
				placeholders++
			}
			if e.Title != "" {
				titled++
			}
			if e.Description == "" {
				t.Errorf("%s: no description", code)
			}
			texts[e.Description]++
		}
	}
	entries := len(c.Entries)
	t.Logf("%d codes: %d dotted, %d camelCase; %d entries: %d multi-line messages, %d with {0} or {name}, %d titled",
		n, dotted, camel, entries, multi, placeholders, titled)
	for _, check := range []struct {
		what     string
		got, min int
	}{
		{"dotted codes", dotted, n * 7 / 10},
		{"camelCase codes", camel, n / 10},
		{"entries", entries, n * 13 / 10},
		{"multi-line messages", multi, entries / 50},
		{"placeholders", placeholders, entries / 3},
		{"titles", titled, entries / 3},
	} {
		if check.got < check.min {
			t.Errorf("%d %s, want at least %d", check.got, check.what, check.min)
		}
	}
	shared := 0
	for _, count := range texts {
		if count > 100 {
			shared++
		}
	}
	if shared < 5 {
		t.Errorf("%d descriptions are shared by more than 100 entries, want some", shared)
	}
	if _, err := catalog.GoNames(c, catalog.Naming{}); err != nil {
		t.Errorf("the Go names clash: %v", err)
	}
}

// TestFloor: the floor file is gofmt-clean Go with one constant per code,
// named as catalog.GoNames names it, and the texts of every entry.
func TestFloor(t *testing.T) {
	c := synth.Catalog("synth/floor", 2000, 1)
	src := synth.Floor("floor", c)
	if formatted, err := format.Source(src); err != nil || !bytes.Equal(formatted, src) {
		t.Fatalf("not gofmt-clean Go (%v)", err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "floor.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	names, err := catalog.GoNames(c, catalog.Naming{})
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]bool{}
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
			for _, s := range g.Specs {
				for _, id := range s.(*ast.ValueSpec).Names {
					consts[id.Name] = true
				}
			}
		}
	}
	for code, name := range names {
		if !consts[name] {
			t.Errorf("no constant %s for %s", name, code)
		}
	}
	if len(consts) != len(names)+1 { // and texts
		t.Errorf("%d constants, want %d codes and texts", len(consts), len(names))
	}
	for _, e := range c.Entries[:50] {
		if !bytes.Contains(src, []byte(e.Description)) {
			t.Errorf("the texts lack %q", e.Description)
		}
	}
	if !bytes.Contains(src, []byte("func TextAt(i int) string")) {
		t.Error("no TextAt")
	}
}

// TestWriteTree: errgen reads back the catalogs WriteTree writes, in
// both formats, with the entries Catalog made.
func TestWriteTree(t *testing.T) {
	for _, format := range []string{synth.JSON, synth.YAML} {
		dir := t.TempDir()
		file, cats, err := synth.WriteTree(dir, synth.Tree{Catalogs: 3, Codes: 300, Seed: 5, Format: format})
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := config.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		loaded, err := build.Load(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if len(loaded) != len(cats) {
			t.Fatalf("%s: %d catalogs read, want %d", format, len(loaded), len(cats))
		}
		for i, l := range loaded {
			for _, w := range l.Report.Warnings {
				if !strings.Contains(w.Message, "trim_prefixes") && !strings.Contains(w.Message, "retry") {
					t.Errorf("%s: %s", format, w.Error())
				}
			}
			want := cats[i]
			if l.Catalog.ID != want.ID || l.Catalog.Title != want.Title || !l.Catalog.Envelope.Is(synth.Envelope) {
				t.Errorf("%s: catalog %s (%q) read as %s (%q)", format, want.ID, want.Title, l.Catalog.ID, l.Catalog.Title)
			}
			got := l.Catalog.Entries
			if len(got) != len(want.Entries) {
				t.Fatalf("%s: %s: %d entries read, want %d", format, want.ID, len(got), len(want.Entries))
			}
			for j := range got {
				g, w := got[j], want.Entries[j]
				g.Origin, w.Origin = catalog.Origin{}, catalog.Origin{}
				g.Extra = nil
				if !reflect.DeepEqual(g, w) {
					t.Fatalf("%s: %s: entry %d read as\n%+v\nwant\n%+v", format, want.ID, j, g, w)
				}
			}
		}
	}
}
