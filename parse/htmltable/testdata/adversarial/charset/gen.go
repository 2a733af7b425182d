//go:build ignore

// gen writes the encoded pages of this directory from the UTF-8 originals
// (*.utf8.html, whose <!--META--> is where each page's declaration goes):
//
//	cd parse/htmltable/testdata/adversarial/charset && go run gen.go
package main

import (
	"log"
	"os"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// page is one encoded page: its name, original, declaration and encoding.
type page struct {
	name, original, meta string
	enc                  encoding.Encoding
	bom                  string
}

var pages = []page{
	{"sjis-meta.html", "ja.utf8.html", `<meta charset="Shift_JIS">`, japanese.ShiftJIS, ""},
	{"sjis-bare.html", "ja.utf8.html", ``, japanese.ShiftJIS, ""},
	{"sjis-meta-wrong.html", "ja.utf8.html", `<meta charset="ISO-8859-1">`, japanese.ShiftJIS, ""},
	{"gbk-http-equiv.html", "zh.utf8.html", `<meta http-equiv="Content-Type" content="text/html; charset=GBK">`, simplifiedchinese.GBK, ""},
	{"latin1-meta.html", "latin1.utf8.html", `<meta charset="iso-8859-1">`, charmap.ISO8859_1, ""},
	{"utf8-bom.html", "ja.utf8.html", `<meta charset="Shift_JIS">`, unicode.UTF8, "\ufeff"},
	{"utf16le-bom.html", "ja.utf8.html", `<meta charset="Shift_JIS">`, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "\ufeff"},
	{"unknown-charset.html", "ja.utf8.html", `<meta charset="x-klingon">`, unicode.UTF8, ""},
}

func main() {
	for _, p := range pages {
		orig, err := os.ReadFile(p.original)
		if err != nil {
			log.Fatal(err)
		}
		text := p.bom + strings.Replace(string(orig), "<!--META-->", p.meta, 1)
		out, err := p.enc.NewEncoder().String(text)
		if err != nil {
			log.Fatalf("%s: %v", p.name, err)
		}
		if err := os.WriteFile(p.name, []byte(out), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
