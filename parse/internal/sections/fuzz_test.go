package sections

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/golden"
	"github.com/errgen/errgen/parse/internal/htmlsafe"
)

// FuzzSections feeds arbitrary bytes to both front ends and Read. None
// may panic, and every entry must satisfy the invariants the package doc
// promises.
func FuzzSections(f *testing.F) {
	ins, _ := filepath.Glob("testdata/*/input.*")
	for _, in := range ins {
		f.Add(golden.ReadFile(f, in))
	}
	f.Add([]byte("**A****A.B**\n- HTTP status: 400 or 503\n- 错误信息：\\{x\\}\n## HTTP Status 404\n### C\nStatus：soon\n- Error code: D"))
	f.Add([]byte("<h3>X</h3><dl><dt>Y</dt><dd>Status: 400<br>Message: <b>m</b></dd></dl><p><strong>Z<p>Status: 500"))

	f.Fuzz(func(t *testing.T, src []byte) {
		// Bounded as parse/markdown bounds it: goldmark is slow on deep
		// nesting, which Parse refuses first.
		if len(src) > 64<<10 || strings.Count(string(src), ">") > 200 || strings.Count(string(src), "- ") > 200 {
			return
		}
		check := func(blocks []Block, file string) {
			for _, b := range blocks {
				if b.Kind < Paragraph || b.Kind > Term || strings.Contains(b.Text, "\n\n") {
					t.Fatalf("bad block %+v", b)
				}
			}
			entries, report, found := Read(blocks, file)
			if report == nil {
				t.Fatal("nil report")
			}
			if !found && (len(entries) > 0 || len(report.Warnings) > 0) {
				t.Fatalf("not found, yet %d entries", len(entries))
			}
			for _, e := range entries {
				if !isCode(e.Code) {
					t.Errorf("bad code %q", e.Code)
				}
				if e.Status >= 100 && e.Status < 400 {
					t.Errorf("non-error status %d kept", e.Status)
				}
				for _, s := range []string{e.Message, e.Description, e.Solution} {
					if s != strings.TrimSpace(s) || strings.Contains(s, "\n\n") || strings.Contains(s, "  ") {
						t.Errorf("text not normalised: %q", s)
					}
				}
			}
		}
		check(mdBlocks(src), "f.md")
		if root, err := htmlsafe.Parse(src); err == nil {
			check(FromHTML(root), "f.html")
		}
	})
}
