package textenc

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const ja = "表示できません\nソフトウェア「{0}」"

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDecode: the precedence BOM > hint > <meta> > UTF-8, and what each
// case reports.
func TestDecode(t *testing.T) {
	sjis := func(s string) []byte { return encode(t, japanese.ShiftJIS, s) }
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	tests := []struct {
		name     string
		src      []byte
		hint     string
		html     bool
		want     string
		charset  string
		by       string
		warnings []string // "line: message substring"
	}{
		{"plain UTF-8", []byte(ja), "", true, ja, "utf-8", ByDefault, nil},
		{"UTF-8 BOM beats hint and meta", append([]byte("\ufeff<meta charset=gbk>"), ja...), "Shift_JIS", true, "<meta charset=gbk>" + ja, "utf-8", ByBOM, nil},
		{"UTF-16LE BOM", encode(t, utf16le, "\ufeff"+ja), "GBK", false, ja, "utf-16le", ByBOM, nil},
		{"UTF-16BE BOM", encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "\ufeff"+ja), "", true, ja, "utf-16be", ByBOM, nil},
		{"hint", sjis(ja), "Shift_JIS", false, ja, "shift_jis", ByContentType, nil},
		{"hint as Content-Type", sjis(ja), `text/html; charset="sjis"`, false, ja, "shift_jis", ByContentType, nil},
		{"hint beats meta", sjis(`<meta charset="latin1">` + ja), "shift_jis", true, `<meta charset="latin1">` + ja, "shift_jis", ByContentType, nil},
		{"meta charset", sjis(`<meta charset="Shift_JIS">` + ja), "", true, `<meta charset="Shift_JIS">` + ja, "shift_jis", ByMeta, nil},
		{"meta http-equiv", encode(t, simplifiedchinese.GBK, `<META HTTP-EQUIV="content-type" CONTENT="text/html;charset=GBK">用户名“{0}”`), "", true,
			`<META HTTP-EQUIV="content-type" CONTENT="text/html;charset=GBK">用户名“{0}”`, "gbk", ByMeta, nil},
		{"meta content without http-equiv is no declaration", []byte(`<meta content="text/html; charset=gbk">` + ja), "", true,
			`<meta content="text/html; charset=gbk">` + ja, "utf-8", ByDefault, nil},
		{"ISO-8859-1 is windows-1252", encode(t, charmap.Windows1252, `<meta charset=iso-8859-1>Größe – «x»`), "", true,
			`<meta charset=iso-8859-1>Größe – «x»`, "windows-1252", ByMeta, nil},
		{"meta in text is not a declaration", sjis(`<meta charset="Shift_JIS">` + ja), "", false, "", "utf-8", ByDefault,
			[]string{"1:not valid UTF-8 (byte 0x95 at column 27"}},
		{"meta after 1024 bytes does not count", append([]byte(strings.Repeat(" ", 1024)), sjis(`<meta charset="Shift_JIS">`+ja)...), "", true, "", "utf-8", ByDefault,
			[]string{"1:not valid UTF-8"}},
		{"meta naming UTF-16 means UTF-8", []byte(`<meta charset="utf-16le">` + ja), "", true, `<meta charset="utf-16le">` + ja, "utf-8", ByMeta, nil},
		{"unknown meta, then a known one", sjis("<meta charset=\"x-klingon\">\n<meta charset=\"shift_jis\">" + ja), "", true,
			"<meta charset=\"x-klingon\">\n<meta charset=\"shift_jis\">" + ja, "shift_jis", ByMeta, []string{`1:charset "x-klingon" of a <meta>`}},
		{"unknown hint", []byte(ja), "x-\x1b[31m", false, ja, "utf-8", ByDefault, []string{`0:charset "x-\x1b[31m" of the Content-Type`}},
		{"undeclared Shift_JIS", sjis("ok\n" + ja), "", true, "", "utf-8", ByDefault, []string{"2:not valid UTF-8 (byte 0x95 at column 1"}},
		{"declared UTF-8, is not", append([]byte("<meta charset=utf-8>\nok "), 0xff), "", true, "<meta charset=utf-8>\nok \ufffd", "utf-8", ByMeta,
			[]string{"2:declared UTF-8 by the <meta charset> but not valid UTF-8 (byte 0xff at column 4"}},
		{"replacement charset", []byte("<meta charset=iso-2022-kr>" + ja), "", true, "\ufffd", "replacement", ByMeta,
			[]string{`1:charset "iso-2022-kr" is one browsers refuse to decode`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d Decoded
			if tt.html {
				d = HTML(tt.src, tt.hint)
			} else {
				d = Text(tt.src, tt.hint)
			}
			if tt.want != "" && string(d.Text) != tt.want {
				t.Errorf("text %q, want %q", d.Text, tt.want)
			}
			if !utf8.Valid(d.Text) {
				t.Errorf("text %q is not UTF-8", d.Text)
			}
			if d.Charset != tt.charset || d.By != tt.by {
				t.Errorf("charset %q by %q, want %q by %q", d.Charset, d.By, tt.charset, tt.by)
			}
			if len(d.Warnings) != len(tt.warnings) {
				t.Fatalf("warnings %+v, want %q", d.Warnings, tt.warnings)
			}
			for i, w := range tt.warnings {
				line, msg, _ := strings.Cut(w, ":")
				if got := d.Warnings[i]; itoa(got.Line) != line || !strings.Contains(got.Message, msg) {
					t.Errorf("warning %d: %+v, want line %s and %q", i, got, line, msg)
				}
			}
		})
	}
}

// TestLinesKept: decoding a multi-byte charset keeps every line where it
// was, so later messages' line numbers match the file.
func TestLinesKept(t *testing.T) {
	text := strings.Repeat("表示\\ソ\n", 50)
	for _, e := range []encoding.Encoding{japanese.ShiftJIS, japanese.EUCJP, simplifiedchinese.GBK, simplifiedchinese.GB18030} {
		src := encode(t, e, text)
		d := Text(src, map[encoding.Encoding]string{japanese.ShiftJIS: "sjis", japanese.EUCJP: "euc-jp",
			simplifiedchinese.GBK: "gbk", simplifiedchinese.GB18030: "gb18030"}[e])
		if string(d.Text) != text || bytes.Count(src, []byte("\n")) != 50 {
			t.Errorf("%s: %q", d.Charset, d.Text[:min(40, len(d.Text))])
		}
	}
}

func itoa(n int) string { return string(rune('0' + n)) }
