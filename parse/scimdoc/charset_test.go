package scimdoc_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"

	"github.com/errgen/errgen/parse/scimdoc"
)

// TestCharset: a Japanese page in Shift_JIS, UTF-8 with a BOM or UTF-16
// gives exactly the entries of its UTF-8 original, whether a BOM, the
// Content-Type (Options.Charset) or, in HTML, a <meta> declares it.
func TestCharset(t *testing.T) {
	dir := filepath.Join("testdata", "adversarial", "charset")
	utf16 := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	tests := []struct {
		name, original, meta string
		enc                  encoding.Encoding
		bom, hint            string
	}{
		{"text, Content-Type", "ja.utf8.txt", "", japanese.ShiftJIS, "", "Shift_JIS"},
		{"text, UTF-8 BOM", "ja.utf8.txt", "", unicode.UTF8, "\ufeff", "Shift_JIS"},
		{"text, UTF-16 BOM", "ja.utf8.txt", "", utf16, "\ufeff", ""},
		{"html, meta", "ja.utf8.html", `<meta charset="Shift_JIS">`, japanese.ShiftJIS, "", ""},
		{"html, Content-Type", "ja.utf8.html", "", japanese.ShiftJIS, "", "text/html; charset=Shift_JIS"},
		{"html, UTF-16 BOM", "ja.utf8.html", `<meta charset="Shift_JIS">`, utf16, "\ufeff", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig, err := os.ReadFile(filepath.Join(dir, tt.original))
			if err != nil {
				t.Fatal(err)
			}
			want, err := scimdoc.Parse(orig, scimdoc.Options{File: tt.original})
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Entries) != 1 || !strings.Contains(want.Entries[0].Message, "。") {
				t.Fatalf("original: %+v", want.Entries)
			}
			src, err := tt.enc.NewEncoder().String(tt.bom + strings.Replace(string(orig), "<!--META-->", tt.meta, 1))
			if err != nil {
				t.Fatal(err)
			}
			got, err := scimdoc.Parse([]byte(src), scimdoc.Options{File: tt.original, Charset: tt.hint})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("differs from the UTF-8 original (-want +got):\n%s", d)
			}
		})
	}
}

// TestCharsetUndeclared: a Shift_JIS text page with no BOM and no
// Content-Type charset is read as UTF-8, as before, with a warning naming
// the file and the line of the first byte that is not UTF-8.
func TestCharsetUndeclared(t *testing.T) {
	orig, err := os.ReadFile(filepath.Join("testdata", "adversarial", "charset", "ja.utf8.txt"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := japanese.ShiftJIS.NewEncoder().Bytes(orig)
	if err != nil {
		t.Fatal(err)
	}
	res, err := scimdoc.Parse(src, scimdoc.Options{File: "event.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Report.Warnings) == 0 {
		t.Fatal("no warning")
	}
	w := res.Report.Warnings[0]
	if w.File != "event.txt" || w.Where != "line 1" || !strings.Contains(w.Message, "not valid UTF-8 (byte 0x83 at column 1") {
		t.Errorf("warning %q, want event.txt, line 1 and the first bad byte", w.Error())
	}
}
