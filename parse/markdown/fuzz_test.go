package markdown

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/golden"
)

// FuzzMarkdown feeds arbitrary bytes to Parse and Tables. Neither may
// panic, every error must be a Diagnostic naming the file, and every
// entry must satisfy the invariants the package doc promises.
func FuzzMarkdown(f *testing.F) {
	pages, err := filepath.Glob("testdata/*/input.md")
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range pages {
		f.Add(golden.ReadFile(f, p), false)
	}
	f.Add([]byte("---\na: b\n---\n|Code|Status|\n|-|-|\n|x\\||4O0|\n<table><tr><td>Code</td></tr>\n\n<tr><td>A</td></tr>"), true)
	f.Add([]byte("**A****B**\n- HTTP status: 400\n- Message: \\{x\\}\n## HTTP Status 404\n### C\nStatus：403"), false)
	f.Add([]byte("<!-- <table> -->\n<table><table></table>\n> > - **X**\n>   Status: 1\n"), false)

	f.Fuzz(func(t *testing.T, src []byte, skip bool) {
		infos, err := Tables(src)
		if err != nil {
			var d *catalog.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("Tables: %#v, want a Diagnostic", err)
			}
		}
		for i, in := range infos {
			if in.Index != i+1 || len(in.Headers) != len(in.Fields) {
				t.Fatalf("bad Info %+v", in)
			}
		}
		entries, report, err := Parse(src, Options{File: "f.md", SkipBadRows: skip})
		if err != nil {
			var d *catalog.Diagnostic
			if !errors.As(err, &d) || d.File != "f.md" || d.Message == "" {
				t.Fatalf("error %#v, want a Diagnostic naming f.md", err)
			}
			return
		}
		if report == nil {
			t.Fatal("nil report")
		}
		for _, e := range entries {
			if e.Code == "" || strings.ContainsAny(e.Code, "\n ") {
				t.Errorf("bad code %q", e.Code)
			}
			if e.Origin.Table == 0 && e.Origin.Line == 0 {
				t.Errorf("entry %s has no origin", e.Code)
			}
			if e.Status >= 100 && e.Status < 400 {
				t.Errorf("non-error status %d kept", e.Status)
			}
			for _, s := range []string{e.Code, e.Message, e.Description, e.Solution} {
				if s != strings.TrimSpace(s) || strings.Contains(s, "\n\n") || strings.Contains(s, "  ") {
					t.Errorf("text not normalised: %q", s)
				}
			}
		}
	})
}
