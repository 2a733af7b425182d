// Package mdtext writes untrusted text into Markdown (CommonMark with
// GitHub's extensions) so that it renders as exactly that text: no
// emphasis, links, HTML, headings, lists, tables, math or entity
// references can come out of it.
//
// Every ASCII punctuation character that can start or end markup is
// backslash-escaped, which CommonMark allows for any ASCII punctuation;
// the rest is left alone so the Markdown source stays readable.
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
package mdtext

import (
	"strings"
	"unicode/utf8"

	"github.com/errgen/errgen/internal/textsafe"
)

// special are the characters escaped wherever they appear. '#', '+', '-',
// '=', '.', ')' and digits only matter at the start of a line and are
// handled there.
const special = "\\`*_[]<>|&~!$"

// Cell returns s as the content of one GFM table cell. A newline becomes
// <br> (a table row is one line); whitespace at either end, which GFM
// trims from cells, is written as a character reference.
func Cell(s string) string {
	s = clean(s)
	var b strings.Builder
	lead, body, trail := splitSpace(s)
	ref(&b, lead)
	for i, line := range strings.Split(body, "\n") {
		if i > 0 {
			b.WriteString("<br>")
		}
		inline(&b, line)
	}
	ref(&b, trail)
	return b.String()
}

// Inline returns s as text inside a paragraph or heading, on one line:
// newlines become spaces, and what could start a block (a heading's '#', a
// list marker, a quote's '>', a fence, a thematic break) is escaped, so s
// may also start the line.
func Inline(s string) string {
	s = strings.ReplaceAll(clean(s), "\n", " ")
	lead, body, trail := splitSpace(s)
	var b strings.Builder
	ref(&b, lead)
	lineStart(&b, body)
	ref(&b, trail)
	return b.String()
}

// Lines returns s as one or more paragraph lines: each line of s is kept,
// ending in a backslash hard break, and escaped like [Inline].
func Lines(s string) string {
	lines := strings.Split(clean(s), "\n")
	for i, l := range lines {
		lines[i] = Inline(l)
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
func Link(text, u string) string {
	if !textsafe.WebURL(u) {
		return Inline(text)
	}
	return "[" + Inline(text) + "](" + URL(u) + ")"
}

func hex(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

// lineStart writes s, escaping what would make a line that starts with it
// something other than a paragraph.
func lineStart(b *strings.Builder, s string) {
	if s == "" {
		return
	}
	switch s[0] {
	case '#', '+', '-', '=', '>':
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
	inline(b, s)
}

// inline writes s with every markup character escaped. ':' is escaped
// before a non-space so "http://…", "www."-less addresses and
// ":emoji:" shortcodes stay text; '@' so e-mail addresses do not become
// links.
func inline(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte(special, c) >= 0 || c == '@':
			b.WriteByte('\\')
		case c == ':' && i+1 < len(s) && s[i+1] != ' ':
			b.WriteByte('\\')
		case c == '.' && strings.HasSuffix(s[:i], "www"):
			// GFM links "www.example.com" without a scheme.
			b.WriteByte('\\')
		case c == '\t':
			// Linters reject hard tabs; a reference is the same text.
			b.WriteString("&#9;")
			continue
		}
		b.WriteByte(c)
	}
}

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
