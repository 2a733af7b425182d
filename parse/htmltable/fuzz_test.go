package htmltable

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/golden"
)

// FuzzParse feeds arbitrary bytes to Parse and Tables. Neither may panic,
// every error must be a Diagnostic naming the file, and every entry must
// satisfy the invariants the package doc promises.
func FuzzParse(f *testing.F) {
	pages, err := filepath.Glob("testdata/*/input.html")
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range pages {
		// The corpus pages (150 KB) make the fuzzer spend its time
		// minimising; their markup is covered by the small pages.
		if src := golden.ReadFile(f, p); len(src) < 16<<10 {
			f.Add(src, false)
		}
	}
	f.Add([]byte(errorPage), true)
	f.Add([]byte(`<table><tr><td colspan=3>t</td></tr><tr><th rowspan=0>Status</th><th colspan=2>Code</th></tr><tr><td>400</td><td>X</td></tr></table>`), false)
	f.Add([]byte(`<table><thead><tr><th>Code<table><tr><td>Code</td></tr><tr><td>N</td></tr></table></th></tr></thead><tr><td rowspan=-1 colspan=+7>C</td></tr></table>`), true)
	f.Add([]byte("\x00<table>\xff<tr><td>Code\u00a0</td><tr><td>&#0;"), false)

	f.Fuzz(func(t *testing.T, src []byte, skip bool) {
		infos, err := Tables(src)
		if err != nil {
			t.Fatalf("Tables: %v", err)
		}
		for i, info := range infos {
			if info.Index != i+1 || len(info.Headers) != len(info.Fields) || len(info.Headers) > maxColumns || info.Rows < 0 {
				t.Fatalf("bad TableInfo %+v", info)
			}
		}
		entries, report, err := Parse(src, Options{File: "f.html", SkipBadRows: skip})
		if err != nil {
			var d *catalog.Diagnostic
			if !errors.As(err, &d) || d.File != "f.html" || d.Message == "" {
				t.Fatalf("error %#v, want a Diagnostic naming f.html", err)
			}
			return
		}
		if report == nil {
			t.Fatal("nil report")
		}
		for _, e := range entries {
			if e.Code == "" || strings.Contains(e.Code, "\n") {
				t.Errorf("bad code %q", e.Code)
			}
			if e.Origin.Table == 0 {
				// A section layout's entry: its line when the code's
				// text is in the page as is.
				if e.Origin.Row != 0 || e.Origin.Line < 0 || e.Origin.Line > bytes.Count(src, []byte("\n"))+1 {
					t.Errorf("bad section origin %+v", e.Origin)
				}
			} else if e.Origin.Row < 1 || e.Origin.Table > len(infos) || e.Origin.Row > infos[e.Origin.Table-1].Rows {
				t.Errorf("bad origin %+v", e.Origin)
			} else if e.Origin.Caption != infos[e.Origin.Table-1].Caption {
				t.Errorf("caption %q, table says %q", e.Origin.Caption, infos[e.Origin.Table-1].Caption)
			}
			if e.Status >= 100 && e.Status < 400 {
				t.Errorf("non-error status %d kept", e.Status)
			}
			texts := []string{e.Code, e.Message, e.Description, e.Solution}
			for k, v := range e.Extra {
				if v == "" {
					t.Errorf("empty extra %q", k)
				}
				texts = append(texts, k, v)
			}
			for _, s := range texts {
				if s != strings.TrimSpace(s) || strings.Contains(s, "\n\n") || strings.Contains(s, "  ") ||
					strings.Contains(s, " \n") || strings.Contains(s, "\n ") || strings.ContainsRune(s, '\u00a0') {
					t.Errorf("text not normalised: %q", s)
				}
			}
		}
		// Rows without a code are skipped either way (issue 13 §6); a bad
		// status only with SkipBadRows.
		if !skip {
			for _, w := range report.Warnings {
				if strings.Contains(w.Message, "is not a number") || strings.Contains(w.Message, "is too large") {
					t.Errorf("bad status skipped without SkipBadRows: %s", w.Message)
				}
			}
		}
	})
}

// FuzzReadTables feeds arbitrary fragments to ReadTables, as
// parse/markdown does with raw HTML blocks, several sharing one budget:
// no panic, errors are Diagnostics naming the file, tables are numbered
// from firstIndex, rows from 1, and no row is wider than maxColumns.
func FuzzReadTables(f *testing.F) {
	f.Add([]byte(`<table><tr><th>Code</th><th>Message</th></tr><tr><td>A</td><td><ul><li>x</li><li>y</li></ul></td></tr></table>`), uint8(3))
	f.Add([]byte(`<table><tr><td colspan=3>t</td></tr><tr><th rowspan=0>Status</th><th colspan=2>Code</th></tr><tr><td>400</td><td>X</td></tr></table>`), uint8(1))
	f.Add([]byte("<td>orphan cell<table><caption>c</caption><tr><td>n"), uint8(0))
	f.Fuzz(func(t *testing.T, src []byte, first uint8) {
		b := NewBudget(2 * len(src))
		for range 2 {
			tables, err := ReadTables(src, "f.md", int(first), b)
			if err != nil {
				var d *catalog.Diagnostic
				if !errors.As(err, &d) || d.File != "f.md" || d.Message == "" {
					t.Fatalf("error %#v, want a Diagnostic naming f.md", err)
				}
				return
			}
			for i, tb := range tables {
				if tb.Index != int(first)+i || len(tb.Header) > maxColumns {
					t.Fatalf("table %d: index %d, %d columns", i, tb.Index, len(tb.Header))
				}
				for j, r := range tb.Rows {
					if r.N != j+1 || len(r.Cells) > maxColumns {
						t.Fatalf("table %d row %d: N %d, %d cells", tb.Index, j, r.N, len(r.Cells))
					}
					for _, c := range r.Cells {
						if c.Text != strings.TrimSpace(c.Text) || strings.Contains(c.Text, "\n\n") || c.List && c.Text == "" {
							t.Fatalf("cell %+v", c)
						}
					}
				}
			}
		}
	})
}
