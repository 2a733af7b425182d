// Package mdtext writes untrusted text into Markdown (CommonMark with
// GitHub's extensions) so that it renders as exactly that text: no
// emphasis, links, HTML, headings, lists, tables, math or entity
// references can come out of it.
//
// A character is backslash-escaped (CommonMark allows it for any ASCII
// punctuation) only where it could start or end markup, so the Markdown
// source stays readable: "R&D", "snake_case", "5 * 3", "C#", "a:b" and
// "x > 0" are written as they are. What is escaped, and why:
//
//   - always: '\', '`', '[', ']', '|' (a table cell's end, and a table
//     in a paragraph) and '@' (GFM links e-mail addresses);
//   - '*', '~' and, for GitHub, '$' (emphasis, strikethrough, math):
//     unless the run of them has a space on both sides, where it can
//     neither open nor close anything;
//   - '_': likewise, and also not inside a word ("snake_case"), where
//     CommonMark never makes '_' emphasis;
//   - '&': where an entity reference could start, '&' then letters or
//     digits (after an optional '#') then ';';
//   - '<': before an ASCII letter, '/', '!' or '?' (HTML, autolinks);
//   - '!': at the end, where a '[' after it would make an image;
//   - ':' before "//" and '.' after "www" (GFM's bare URL links; see
//     OpenAPI below). Not ":smile:": GitHub finds emoji shortcodes in the
//     rendered text, after the escapes are gone, and an emoji is no
//     markup;
//   - at the start of a line, what would start a block: '#', '+', '-',
//     '=', '>', ':', "1." and "1)"; and a run of '#' at the end after a
//     space, which would close a heading.
//
// Where the rule looks at a neighbour, a neighbour outside the text is
// assumed to be the worst one, so a result may be placed next to any
// template text, with two exceptions that templates must respect: what
// comes right before a result must not end in '\', '&' or '<', and what comes
// right after it must not start with ';' or "//" (which could complete an
// entity reference or a URL the text ends with).
//
// What a reader must not be shown raw is made visible instead: every
// character internal/textsafe calls Hidden (control characters other than
// tab and newline, NUL, bidirectional controls that would make a code
// cell read differently from its bytes, the byte order mark, zero-width
// characters, line and paragraph separators) and every byte that is not
// UTF-8 is written as its textsafe escape, such as \u202e or \xff, which
// renders as those characters; text without them is not affected.
//
// Links are made only to http and https URLs (see [Link]); anything else,
// javascript: above all, stays text.
//
// # OpenAPI
//
// [Description], [DescriptionLine] and [DescriptionLink] are [Lines],
// [Inline] and [Link] for the CommonMark fields of an OpenAPI document.
// No OpenAPI tool renders math, so '$' is left alone; a bare http or
// https URL, or a "www." one, is left as written too ("see
// http://x.example"): CommonMark does not link it, and the tools that
// render GFM link it to the address it reads as. That holds only while
// nothing in it up to the next space is escaped or written as a reference
// (a tab, trailing blanks), which the link would show as written; then
// it is made text like the others. Everything else is escaped as above,
// since those tools render tables, strikethrough and e-mail links.
package mdtext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errgen/errgen/internal/textsafe"
)

// dialect is the Markdown a result is read as.
type dialect struct {
	// github: GitHub's rendering, which links bare URLs ("http://x",
	// "www.x") and renders $…$ as math. Otherwise the CommonMark fields
	// of OpenAPI documents, whose tools do neither harm: see the package
	// doc.
	github bool
}

var (
	gfm     = dialect{github: true}
	openAPI = dialect{}
)

// Cell returns s as the content of one GFM table cell. A newline becomes
// <br> (a table row is one line); whitespace at either end, which GFM
// trims from cells, is written as a character reference.
func Cell(s string) string {
	s = clean(s)
	lead, body, trail := splitSpace(s)
	if lead == "" && trail == "" && strings.IndexAny(body, "\n\t") < 0 && gfm.escapes(body, false) == nil {
		// Most cells: nothing to escape, nothing to copy.
		return body
	}
	var b strings.Builder
	ref(&b, lead)
	for i, line := range strings.Split(body, "\n") {
		if i > 0 {
			b.WriteString("<br>")
		}
		gfm.inline(&b, line, false)
	}
	ref(&b, trail)
	return b.String()
}

// Inline returns s as text inside a paragraph or heading, on one line:
// newlines become spaces, and what could start a block (a heading's '#', a
// list marker, a quote's '>', a fence, a thematic break) is escaped, so s
// may also start the line.
func Inline(s string) string { return gfm.line(s) }

// Lines returns s as one or more paragraph lines: each line of s is kept,
// ending in a backslash hard break, and escaped like [Inline].
func Lines(s string) string { return gfm.lines(s) }

// DescriptionLine is [Inline] for a CommonMark field of an OpenAPI
// document (see the package doc).
func DescriptionLine(s string) string { return openAPI.line(s) }

// Description is [Lines] for a CommonMark field of an OpenAPI document,
// a description above all (see the package doc).
func Description(s string) string { return openAPI.lines(s) }

func (d dialect) line(s string) string {
	s = strings.ReplaceAll(clean(s), "\n", " ")
	lead, body, trail := splitSpace(s)
	if lead == "" && trail == "" && !blockStart(body) && strings.IndexByte(body, '\t') < 0 && d.escapes(body, false) == nil {
		// Most lines: nothing to escape, nothing to copy.
		return body
	}
	var b strings.Builder
	ref(&b, lead)
	d.lineStart(&b, body, trail != "")
	ref(&b, trail)
	return b.String()
}

func (d dialect) lines(s string) string {
	if strings.IndexByte(s, '\n') < 0 {
		return d.line(s)
	}
	lines := strings.Split(clean(s), "\n")
	for i, l := range lines {
		lines[i] = d.line(l)
	}
	return strings.Join(lines, "\\\n")
}

// Code returns s, which must not contain a newline, as a code span: it is
// fenced with one more backtick than its longest backtick run, and padded
// with spaces when it starts or ends with a backtick. A '|' is escaped so
// the span may sit in a table cell; GFM removes that backslash first.
func Code(s string) string {
	s = strings.ReplaceAll(clean(s), "\n", " ")
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	// A backtick next to the fence needs a blank between them, and
	// CommonMark strips one blank from each end of a span that has one at
	// both ends and is not all blanks: the padding is what it strips.
	pad := ""
	edge := strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") && strings.Trim(s, " \t") != ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || edge {
		pad = " "
	}
	return fence + pad + strings.ReplaceAll(s, "|", `\|`) + pad + fence
}

// URL returns u as a link destination: written between < and >, with the
// characters that could end it or break the line percent-encoded, and so
// are the bytes of hidden characters and invalid UTF-8, so the address a
// reader sees is the one followed. It does not judge the scheme: callers
// link only what textsafe.WebURL accepts, as [Link] does.
func URL(u string) string {
	var b strings.Builder
	b.WriteByte('<')
	for i := 0; i < len(u); {
		r, size := utf8.DecodeRuneInString(u[i:])
		hidden := textsafe.Hidden(r) || r == utf8.RuneError && size == 1
		for _, c := range []byte(u[i : i+size]) {
			switch {
			case hidden, c == '<' || c == '>' || c == '\\' || c == '|' || c <= ' ' || c == 0x7f:
				b.WriteString("%" + strings.ToUpper(hex(c)))
			default:
				b.WriteByte(c)
			}
		}
		i += size
	}
	b.WriteByte('>')
	return b.String()
}

// Link returns a link with text to u when u is an http or https URL (see
// textsafe.WebURL), and else text alone, escaped like [Inline]: a
// "javascript:" or "data:" URL from a vendor catalog must not become
// something a reader can click.
func Link(text, u string) string { return gfm.link(text, u) }

// DescriptionLink is [Link] for a CommonMark field of an OpenAPI
// document, its text escaped like [DescriptionLine].
func DescriptionLink(text, u string) string { return openAPI.link(text, u) }

func (d dialect) link(text, u string) string {
	if !textsafe.WebURL(u) {
		return d.line(text)
	}
	return "[" + d.line(text) + "](" + URL(u) + ")"
}

func hex(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

// lineStart writes s, escaping what would make a line that starts with it
// something other than a paragraph. What else could start a block ('*',
// '_', '~', '`', '<', '|') is escaped by inline at the start of a text.
func (d dialect) lineStart(b *strings.Builder, s string, refAfter bool) {
	if s == "" {
		return
	}
	switch s[0] {
	case '#', '+', '-', '=', '>', ':':
		// ':' may start a table's delimiter row (":-:"), which GFM
		// accepts without a '|'.
		b.WriteByte('\\')
		b.WriteByte(s[0])
		s = s[1:]
	default:
		// "1." and "1)" start an ordered list.
		n := 0
		for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n > 0 && n < len(s) && (s[n] == '.' || s[n] == ')') {
			b.WriteString(s[:n])
			b.WriteByte('\\')
			b.WriteByte(s[n])
			s = s[n+1:]
		}
	}
	d.inline(b, s, refAfter)
}

// blockStart reports whether lineStart escapes the start of s: what could
// start a block other than a paragraph.
func blockStart(s string) bool {
	if s == "" {
		return false
	}
	if strings.IndexByte("#+-=>:", s[0]) >= 0 {
		return true
	}
	n := 0
	for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n > 0 && n < len(s) && (s[n] == '.' || s[n] == ')')
}

// inline writes s, one line, escaping each character that could start or
// end markup where it is (see the package doc). The start and the end of
// s count as the worst neighbours, so the rules hold wherever s is put;
// refAfter says that character references follow s (Cell's and Inline's
// trailing blanks), which matters to a bare URL only.
func (d dialect) inline(b *strings.Builder, s string, refAfter bool) {
	esc := d.escapes(s, refAfter)
	if esc == nil && strings.IndexByte(s, '\t') < 0 {
		b.WriteString(s)
		return
	}
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\t':
			// Linters reject hard tabs; a reference is the same text.
			b.WriteString("&#9;")
			continue
		case esc != nil && esc[i]:
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
}

// escapes returns which bytes of s inline escapes (esc[i]: s[i] takes a
// backslash), nil when none does, as in most text.
func (d dialect) escapes(s string, refAfter bool) []bool {
	var esc []bool
	set := func(i int, v bool) {
		if v && esc == nil {
			esc = make([]bool, len(s))
		}
		if esc != nil {
			esc[i] = v
		}
	}
	var urls []int // OpenAPI: where a bare URL may stay
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '`', '[', ']', '|', '@':
			set(i, true)
		case '*', '_', '~', '$':
			j := i + 1
			for j < len(s) && s[j] == c {
				j++
			}
			if !(c == '$' && !d.github || inert(s, i, j)) {
				for k := i; k < j; k++ {
					set(k, true)
				}
			}
			i = j - 1
		case '&':
			set(i, entity(s[i+1:]))
		case '<':
			// HTML and autolinks start with a letter, '/', '!' or '?'.
			set(i, i+1 == len(s) || isLetter(s[i+1]) || strings.IndexByte("/!?", s[i+1]) >= 0)
		case '!':
			// "![" is an image; a '[' of s is escaped.
			set(i, i+1 == len(s))
		case ':':
			if strings.HasPrefix(s[i+1:], "//") {
				set(i, d.github || !webScheme(s[:i]))
				if esc == nil || !esc[i] {
					urls = append(urls, i)
				}
			}
		case '.':
			// GFM links "www.example.com" without a scheme.
			if strings.HasSuffix(s[:i], "www") {
				set(i, d.github)
				if esc == nil || !esc[i] {
					urls = append(urls, i)
				}
			}
		case '#':
			// A heading ends at a run of '#' after a space: "# a #".
			set(i, i > 0 && s[i-1] == ' ' && strings.Trim(s[i:], "#") == "")
		}
	}
	// A bare URL a tool links runs to the next blank and takes in what it
	// can: an escape's backslash, or the "&#9;" of a tab or a trailing
	// blank, would show in the link's text. Such a URL is made text.
	for _, i := range urls {
		end := strings.IndexByte(s[i:], ' ')
		if end < 0 {
			end = len(s)
		} else {
			end += i
		}
		clean := end < len(s) || !refAfter
		for k := i + 1; k < end && clean; k++ {
			clean = (esc == nil || !esc[k]) && s[k] != '\t'
		}
		set(i, !clean)
	}
	return esc
}

// inert reports whether the run s[i:j] of '*', '_', '~' or '$' can neither
// open nor close emphasis, strikethrough or math: it has a space on both
// sides (it is neither left- nor right-flanking), or, for '_', a letter
// or digit on both sides (CommonMark's intraword rule). Outside s there
// is no telling, so a run at either end is not inert.
func inert(s string, i, j int) bool {
	if i == 0 || j == len(s) {
		return false
	}
	if s[i-1] == ' ' && s[j] == ' ' {
		return true
	}
	if s[i] != '_' {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[j:])
	return word(before) && word(after)
}

func word(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// entity reports whether an '&' before s could start an entity reference:
// "&name;", "&#123;", "&#x1F;". Any letters and digits count, which is
// more than HTML's list of names; at the end of s there is no ';', which
// the text after a result must not bring (see the package doc).
func entity(s string) bool {
	s = strings.TrimPrefix(s, "#")
	n := 0
	for n < len(s) && (isLetter(s[n]) || isDigit(s[n])) {
		n++
	}
	return n > 0 && n < len(s) && s[n] == ';'
}

// webScheme reports whether the letters before a "://" are http or
// https, in any case: the scheme a tool that links bare URLs reads there,
// taking the run of letters before the ':' whatever precedes it (GitHub
// does; goldmark needs a blank before). GitHub also links ftp, which
// OpenAPI tools may, but what they link must be http or https.
func webScheme(before string) bool {
	n := len(before)
	for n > 0 && isLetter(before[n-1]) {
		n--
	}
	scheme := before[n:]
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https")
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// splitSpace splits s into its leading spaces and tabs, the rest, and its
// trailing spaces and tabs.
func splitSpace(s string) (lead, body, trail string) {
	body = strings.TrimLeft(s, " \t")
	lead = s[:len(s)-len(body)]
	trimmed := strings.TrimRight(body, " \t")
	trail = body[len(trimmed):]
	return lead, trimmed, trail
}

// ref writes blanks as numeric character references, which Markdown does
// not trim.
func ref(b *strings.Builder, blanks string) {
	for _, r := range blanks {
		if r == '\t' {
			b.WriteString("&#9;")
		} else {
			b.WriteString("&#32;")
		}
	}
}

// clean writes what Markdown cannot carry literally, or a reader must see,
// as a visible escape: a carriage return would end a line, NUL is dropped
// by renderers, a bidi control reorders what is displayed. Tab and newline
// are left to the callers, which know their context.
func clean(s string) string {
	return textsafe.Escape(s)
}
