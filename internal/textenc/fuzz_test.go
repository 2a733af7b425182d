package textenc

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzDecode: whatever the bytes and the hint, decoding never panics,
// gives valid UTF-8, names a known charset, and puts warnings on lines the
// input has; in the ASCII-compatible charsets every line stays a line.
func FuzzDecode(f *testing.F) {
	for _, pattern := range []string{"testdata/adversarial/*", "../../parse/htmltable/testdata/adversarial/charset/*.html"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			if filepath.Ext(file) == ".md" {
				continue
			}
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data, "", true)
			f.Add(data, "Shift_JIS", false)
		}
	}
	f.Add([]byte("\xef\xbb\xbf\xff"), "gbk", true)
	f.Add([]byte("\x1b$B$\"\n"), "iso-2022-jp", false)
	f.Add([]byte("a\xfe\xff"), "text/html; charset=utf-16be", true)
	f.Add([]byte("x"), `text/html; charset="`, true)

	f.Fuzz(func(t *testing.T, src []byte, hint string, html bool) {
		var d Decoded
		if html {
			d = HTML(src, hint)
		} else {
			d = Text(src, hint)
		}
		if !utf8.Valid(d.Text) {
			t.Fatalf("text %q is not UTF-8", d.Text)
		}
		if d.Charset == "" {
			t.Fatal("no charset named")
		}
		lines := 1 + bytes.Count(src, []byte("\n"))
		for _, w := range d.Warnings {
			if w.Line < 0 || w.Line > lines || w.Message == "" || !utf8.ValidString(w.Message) {
				t.Fatalf("bad warning %+v (input has %d lines)", w, lines)
			}
		}
		switch d.Charset {
		case "utf-16le", "utf-16be", "replacement", "iso-2022-jp":
		default:
			if got := bytes.Count(d.Text, []byte("\n")); got != lines-1 {
				t.Fatalf("%s: %d line feeds, input has %d", d.Charset, got, lines-1)
			}
		}
	})
}
