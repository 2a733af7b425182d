package htmltable

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/golden"
)

const charsetDir = "testdata/adversarial/charset"

// TestCharset: a page in Shift_JIS, GBK, ISO-8859-1 or UTF-16 reads as
// exactly the same entries as its UTF-8 original, whichever of a BOM, the
// Content-Type (Options.Charset) or a <meta> declares the charset, with
// the precedence BOM > Content-Type > <meta>.
func TestCharset(t *testing.T) {
	tests := []struct {
		file, original, hint string
		warn                 string // a warning that must be reported, "" for none
	}{
		{"sjis-meta.html", "ja", "", ""},
		{"sjis-bare.html", "ja", "Shift_JIS", ""},
		{"sjis-bare.html", "ja", "text/html; charset=shift_jis", ""},
		{"sjis-meta-wrong.html", "ja", "Shift_JIS", ""},
		{"gbk-http-equiv.html", "zh", "", ""},
		{"latin1-meta.html", "latin1", "", ""},
		{"utf8-bom.html", "ja", "", ""},
		{"utf16le-bom.html", "ja", "GBK", ""},
		{"unknown-charset.html", "ja", "", `line 2: charset "x-klingon" of a <meta> is not a charset errgen knows`},
		{"ja.utf8.html", "ja", "x-bogus", `charset "x-bogus" of the Content-Type`},
	}
	for _, tt := range tests {
		t.Run(tt.file+"+"+tt.hint, func(t *testing.T) {
			want := parseCharsetPage(t, tt.original+".utf8.html", "")
			src := golden.ReadFile(t, filepath.Join(charsetDir, tt.file))
			got, report, err := Parse(src, Options{File: tt.file, Charset: tt.hint})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("entries differ from the UTF-8 original (-want +got):\n%s", d)
			}
			var warnings []string
			for _, w := range report.Warnings {
				warnings = append(warnings, w.Error())
			}
			switch {
			case tt.warn == "" && len(warnings) > 0:
				t.Errorf("unexpected warnings %q", warnings)
			case tt.warn != "" && (len(warnings) != 1 || !strings.Contains(warnings[0], tt.file+": "+tt.warn)):
				t.Errorf("warnings %q, want one containing %q", warnings, tt.warn)
			}
		})
	}
}

// TestCharsetUndeclared: Shift_JIS bytes that declare no charset are read
// as UTF-8, as before, but with a warning naming the file and the line of
// the first byte that is not UTF-8; the text holds no invalid UTF-8.
func TestCharsetUndeclared(t *testing.T) {
	src := golden.ReadFile(t, filepath.Join(charsetDir, "sjis-bare.html"))
	if utf8.Valid(src) {
		t.Fatal("fixture is valid UTF-8; regenerate it with gen.go")
	}
	entries, report, err := Parse(src, Options{File: "sjis-bare.html"})
	if err != nil {
		t.Fatal(err)
	}
	if len(report.Warnings) != 1 {
		t.Fatalf("warnings %v, want one", report.Warnings)
	}
	w := report.Warnings[0]
	if w.File != "sjis-bare.html" || w.Where != "line 2" || !strings.Contains(w.Message, "not valid UTF-8 (byte 0x83 at column 20") {
		t.Errorf("warning %q, want the file, line 2 and the first bad byte", w.Error())
	}
	for _, e := range entries {
		for _, s := range []string{e.Message, e.Solution, e.Origin.Caption} {
			if !utf8.ValidString(s) {
				t.Errorf("invalid UTF-8 in %q", s)
			}
		}
	}
}

// TestTablesCharset: Tables decodes the page as Parse does, so captions
// and headers a user picks a selector from are readable.
func TestTablesCharset(t *testing.T) {
	infos, err := Tables(golden.ReadFile(t, filepath.Join(charsetDir, "sjis-meta.html")))
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 1 || infos[0].Caption != "表1 エラーコード" {
		t.Errorf("tables %+v, want one captioned 表1 エラーコード", infos)
	}
}

func parseCharsetPage(t *testing.T, name, hint string) []catalog.Entry {
	t.Helper()
	entries, _, err := Parse(golden.ReadFile(t, filepath.Join(charsetDir, name)), Options{File: name, Charset: hint})
	if err != nil {
		t.Fatal(err)
	}
	first := map[string]string{"ja.utf8.html": "リクエストが不正です。", "zh.utf8.html": "请求参数不合法。",
		"latin1.utf8.html": "Requête invalide : paramètre « {0} » inconnu."}
	if len(entries) < 2 || entries[0].Message != first[name] {
		t.Fatalf("%s: entries %+v, want the whole table, first message %q", name, entries, first[name])
	}
	return entries
}
