// Package textenc turns a vendor document's bytes into UTF-8 text, by the
// charset the document or its download declares: the one place errgen
// decodes input, so a Japanese page in Shift_JIS or a Chinese one in GBK
// reads as the same text as its UTF-8 copy, rather than as mojibake that
// then shows up as "reworded" drift on every row.
//
// The charset is the first of these that says one, the precedence of the
// HTML standard's encoding sniffing (golang.org/x/net/html/charset):
//
//  1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE), which is dropped;
//  2. the charset of the Content-Type the document was downloaded with,
//     which the caller passes as a hint (errgen fetch records it in
//     errgen.lock, since the snapshot keeps the vendor's exact bytes);
//  3. for HTML only, a <meta charset="…"> or
//     <meta http-equiv="Content-Type" content="…; charset=…"> in the
//     first 1024 bytes (a meta naming UTF-16 means UTF-8, as in browsers);
//  4. otherwise UTF-8.
//
// Charset names are the WHATWG encoding labels ("Shift_JIS", "sjis",
// "GBK", "gb2312", "ISO-8859-1", "latin1", …), compared case-insensitively;
// as in browsers, ISO-8859-1 and US-ASCII are read as windows-1252.
//
// Unlike a browser, errgen never guesses windows-1252 for a document that
// declares nothing: vendor pages are UTF-8 far more often than Latin-1,
// and guessing would silently turn a mislabelled Shift_JIS page into
// different mojibake. Instead, a document that declares nothing and is
// not valid UTF-8 gets a [Warning] naming the line of its first bad byte,
// and each bad byte reads as U+FFFD. So does a document declared UTF-8
// that is not.
//
// A declared charset errgen does not know (a typo, or a name outside the
// WHATWG list) is a warning naming it, not an error: the declaration is
// ignored, as a browser ignores it, and the next rule applies. Markup,
// codes and statuses are ASCII in every charset vendors use, so the page
// still reads, and an error would turn a vendor's typo into a failed
// fetch or a failed generate; if the text really is in another charset,
// the not-valid-UTF-8 warning follows and says where.
//
// A charset the WHATWG maps to its "replacement" encoding (ISO-2022-KR,
// HZ-GB-2312 and the like, whose escape sequences can hide markup) reads
// as a single U+FFFD, with a warning, as in browsers.
//
// The output is always valid UTF-8, whatever the bytes and the hint. In
// every ASCII-compatible charset (all but UTF-16, ISO-2022-JP and the
// replacement encoding) line feeds stay where they were, so the line
// numbers of later messages still match the file; FuzzDecode checks it.
package textenc

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// What declared a document's charset, as Decoded.By says.
const (
	ByBOM         = "byte order mark"
	ByContentType = "Content-Type"
	ByMeta        = "<meta charset>"
	// ByDefault is the empty string: nothing declared a charset, and
	// the document was read as UTF-8.
	ByDefault = ""
)

// prescanLimit is how far into an HTML document a <meta> declaration
// counts, as in the HTML standard.
const prescanLimit = 1024

// Decoded is a document as UTF-8 text and how it was read.
type Decoded struct {
	// Text is the document in UTF-8, without a byte order mark.
	Text []byte
	// Charset is the WHATWG name of the encoding read: "utf-8",
	// "shift_jis", "gbk", "windows-1252", "utf-16le"…
	Charset string
	// By says what declared Charset: ByBOM, ByContentType, ByMeta, or
	// ByDefault when nothing did.
	By string
	// Warnings are what a reader of the result should know, in order.
	Warnings []Warning
}

// Warning is one thing worth telling about a document's charset.
type Warning struct {
	// Line is the 1-based line of the input the warning is about, 0
	// when it is about no line (a Content-Type).
	Line    int
	Message string
}

// HTML decodes an HTML document. hint is the charset its Content-Type
// declared ("" when none); a full Content-Type value such as
// "text/html; charset=GBK" is accepted too.
func HTML(src []byte, hint string) Decoded { return decode(src, hint, true) }

// Text decodes a plain-text document, which has no <meta>: a byte order
// mark, else the hint, else UTF-8.
func Text(src []byte, hint string) Decoded { return decode(src, hint, false) }

func decode(src []byte, hint string, isHTML bool) Decoded {
	var d Decoded
	// With no Content-Type, DetermineEncoding is certain only of a BOM.
	if _, name, certain := charset.DetermineEncoding(src, ""); certain {
		e, _ := charset.Lookup(name)
		return d.finish(src[bomLength(src):], e, name, ByBOM)
	}
	if label := hintLabel(hint); label != "" {
		if e, name := charset.Lookup(label); e != nil {
			d.warnReplacement(0, label, name)
			return d.finish(src, e, name, ByContentType)
		}
		d.warn(0, "charset %q of the Content-Type (errgen.lock's charset) is not a charset errgen knows%s; ignored", label, knownHint)
	}
	if isHTML {
		if m, ok := d.prescan(src); ok {
			d.warnReplacement(m.line, m.label, m.name)
			return d.finish(src, m.enc, m.name, ByMeta)
		}
	}
	return d.finish(src, unicode.UTF8, "utf-8", ByDefault)
}

const knownHint = " (expected a WHATWG encoding label such as utf-8, shift_jis, euc-jp, gbk, gb18030, big5, euc-kr or iso-8859-1)"

// warnReplacement says why a page reads as nothing when its charset is
// one the WHATWG maps to the "replacement" encoding (ISO-2022-KR, HZ…):
// their escape sequences can hide markup from a reader that does not
// know them, so browsers, and errgen, refuse to decode them.
func (d *Decoded) warnReplacement(line int, label, name string) {
	if name == "replacement" {
		d.warn(line, "charset %q is one browsers refuse to decode (the WHATWG \"replacement\" encoding): the page reads as a single U+FFFD", label)
	}
}

func (d *Decoded) warn(line int, format string, args ...any) {
	d.Warnings = append(d.Warnings, Warning{Line: line, Message: fmt.Sprintf(format, args...)})
}

// finish decodes body with e, whose WHATWG name is name, as declared by by.
func (d *Decoded) finish(body []byte, e encoding.Encoding, name, by string) Decoded {
	d.Charset, d.By = name, by
	if name == "utf-8" {
		if utf8.Valid(body) {
			d.Text = body
			return *d
		}
		d.warnInvalid(body, by)
		e = unicode.UTF8 // replaces each bad byte with U+FFFD
	}
	out, err := e.NewDecoder().Bytes(body)
	if err != nil {
		// x/text decoders replace what they cannot decode; this is a
		// safety net, not a path real input takes.
		out = bytes.ToValidUTF8(body, []byte("\uFFFD"))
	}
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	d.Text = out
	return *d
}

// warnInvalid reports the first byte of body that is not UTF-8.
func (d *Decoded) warnInvalid(body []byte, by string) {
	off := firstInvalid(body)
	line := 1 + bytes.Count(body[:off], []byte("\n"))
	col := 1 + off - (bytes.LastIndexByte(body[:off], '\n') + 1)
	if by == ByDefault {
		d.warn(line, "not valid UTF-8 (byte 0x%02x at column %d is the first bad one) and no charset is declared by a byte order mark, the Content-Type or a <meta charset>; read as UTF-8, each bad byte as U+FFFD. Hint: a Shift_JIS, GBK or Latin-1 page needs one of those declarations; errgen fetch records the Content-Type's charset in errgen.lock", body[off], col)
		return
	}
	d.warn(line, "declared UTF-8 by the %s but not valid UTF-8 (byte 0x%02x at column %d is the first bad one); each bad byte reads as U+FFFD", by, body[off], col)
}

// firstInvalid returns the offset of the first byte of b that does not
// start a valid UTF-8 sequence; b must not be valid UTF-8.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b) - 1
}

func bomLength(src []byte) int {
	if bytes.HasPrefix(src, []byte{0xef, 0xbb, 0xbf}) {
		return 3
	}
	return 2 // UTF-16, either order
}

// hintLabel returns the charset a hint names: the hint itself, or the
// charset parameter when it is a whole Content-Type.
func hintLabel(hint string) string {
	hint = strings.TrimSpace(hint)
	if !strings.ContainsAny(hint, "/;=") {
		return hint
	}
	return ContentTypeCharset(hint)
}

// ContentTypeCharset returns the charset parameter of a Content-Type
// header value, or "" when it has none.
func ContentTypeCharset(contentType string) string {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(params["charset"])
}

// meta is a charset a <meta> declared: its encoding and WHATWG name, the
// label as written, and its line.
type meta struct {
	enc         encoding.Encoding
	name, label string
	line        int
}

// prescan finds the first <meta> in the first 1024 bytes that declares a
// charset errgen knows, warning about every one it does not know on the
// way, as the HTML standard's prescan does (golang.org/x/net/html/charset
// has the same algorithm but does not say what it skipped).
func (d *Decoded) prescan(src []byte) (meta, bool) {
	z := html.NewTokenizer(bytes.NewReader(src[:min(len(src), prescanLimit)]))
	line := 1
	for {
		tt := z.Next()
		start := line
		line += bytes.Count(z.Raw(), []byte("\n"))
		switch tt {
		case html.ErrorToken:
			return meta{}, false
		case html.StartTagToken, html.SelfClosingTagToken:
			label, ok := metaCharset(z)
			if !ok {
				continue
			}
			e, name := charset.Lookup(label)
			if e == nil {
				d.warn(start, "charset %q of a <meta> is not a charset errgen knows%s; ignored", label, knownHint)
				continue
			}
			if strings.HasPrefix(name, "utf-16") {
				// A page whose bytes carry an ASCII <meta> cannot be
				// UTF-16: the standard reads it as UTF-8.
				e, name = unicode.UTF8, "utf-8"
			}
			return meta{e, name, label, start}, true
		}
	}
}

// metaCharset returns the charset label the current tag declares when it
// is a <meta charset> or a <meta http-equiv="Content-Type"> with one.
func metaCharset(z *html.Tokenizer) (string, bool) {
	name, hasAttr := z.TagName()
	if string(name) != "meta" {
		return "", false
	}
	var cs, content string
	var hasCS, pragma bool
	seen := map[string]bool{}
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		key := string(k)
		if seen[key] {
			continue // the first of repeated attributes counts
		}
		seen[key] = true
		switch key {
		case "charset":
			cs, hasCS = strings.TrimSpace(string(v)), true
		case "http-equiv":
			pragma = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
		case "content":
			content = string(v)
		}
	}
	switch {
	case hasCS:
		return cs, cs != ""
	case pragma:
		cs = fromMetaContent(content)
		return cs, cs != ""
	}
	return "", false
}

// fromMetaContent extracts the charset from a <meta> content attribute,
// "text/html; charset=GBK", by the HTML standard's lenient algorithm.
func fromMetaContent(s string) string {
	for {
		i := strings.Index(strings.ToLower(s), "charset")
		if i < 0 {
			return ""
		}
		s = strings.TrimLeft(s[i+len("charset"):], " \t\n\f\r")
		if !strings.HasPrefix(s, "=") {
			continue
		}
		s = strings.TrimLeft(s[1:], " \t\n\f\r")
		if s == "" {
			return ""
		}
		if q := s[0]; q == '"' || q == '\'' {
			end := strings.IndexByte(s[1:], q)
			if end < 0 {
				return ""
			}
			return s[1 : 1+end]
		}
		if end := strings.IndexAny(s, "; \t\n\f\r"); end >= 0 {
			return s[:end]
		}
		return s
	}
}
