package sections

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Line is one line of inline text, as [MarkdownInline] reads it.
type Line struct {
	// Text is the line: escapes resolved, markup dropped, white space
	// collapsed and trimmed; never empty.
	Text string
	// Item reports that the line starts a list item (an <li> of raw HTML).
	Item bool
}

// builder accumulates normalised text: white space runs become one
// space, line breaks end a line, and separators are only remembered and
// written before the next visible character, so lines come out trimmed
// and empty lines never come out at all.
type builder struct {
	lines    []Line
	cur      strings.Builder
	item     bool // the current line starts a list item
	space    bool
	newline  bool
	nextItem bool // the line a pending newline opens is a list item
}

// text appends s, collapsing every run of white space (ASCII or Unicode,
// no-break space included) into one pending separator.
func (b *builder) text(s string) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		var sp bool
		if c < utf8.RuneSelf {
			sp = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			sp = unicode.IsSpace(r)
		}
		if sp {
			if start >= 0 {
				b.cur.WriteString(s[start:i])
				start = -1
			}
			b.space = true
		} else if start < 0 {
			b.separate()
			start = i
		}
		i += size
	}
	if start >= 0 {
		b.cur.WriteString(s[start:])
	}
}

// textBytes is text for bytes of the source, which it copies only once,
// into the line.
func (b *builder) textBytes(s []byte) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		var sp bool
		if c < utf8.RuneSelf {
			sp = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
		} else {
			var r rune
			r, size = utf8.DecodeRune(s[i:])
			sp = unicode.IsSpace(r)
		}
		if sp {
			if start >= 0 {
				b.cur.Write(s[start:i])
				start = -1
			}
			b.space = true
		} else if start < 0 {
			b.separate()
			start = i
		}
		i += size
	}
	if start >= 0 {
		b.cur.Write(s[start:])
	}
}

// separate writes the pending separator before visible text.
func (b *builder) separate() {
	if b.newline && b.cur.Len() > 0 {
		b.endLine()
	}
	if b.cur.Len() == 0 {
		b.item = b.nextItem
	} else if b.space {
		b.cur.WriteByte(' ')
	}
	b.space, b.newline, b.nextItem = false, false, false
}

// breakLine ends the current line; item says the next line starts a
// list item.
func (b *builder) breakLine(item bool) {
	b.newline = true
	if item {
		b.nextItem = true
	}
}

func (b *builder) endLine() {
	if b.cur.Len() > 0 {
		b.lines = append(b.lines, Line{Text: b.cur.String(), Item: b.item})
		b.cur.Reset()
	}
	b.item = false
}

// finish returns the lines and resets b.
func (b *builder) finish() []Line {
	b.endLine()
	lines := b.lines
	*b = builder{}
	return lines
}

// joinLines joins the texts of lines with "\n".
func joinLines(lines []Line) string {
	switch len(lines) {
	case 0:
		return ""
	case 1:
		return lines[0].Text
	}
	n := len(lines) - 1
	for _, l := range lines {
		n += len(l.Text)
	}
	var s strings.Builder
	s.Grow(n)
	for i, l := range lines {
		if i > 0 {
			s.WriteByte('\n')
		}
		s.WriteString(l.Text)
	}
	return s.String()
}

// Collapse returns s with every run of white space turned into one space
// and the ends trimmed: the single-line form of a text.
func Collapse(s string) string {
	var b builder
	b.text(s)
	b.endLine()
	if len(b.lines) == 0 {
		return ""
	}
	return b.lines[0].Text
}

// Unescape resolves what CommonMark resolves in text outside code: a
// backslash before ASCII punctuation stands for the character itself
// ("\(" reads "(", "\_" reads "_", "\{" reads "{"), and entity and numeric
// character references ("&amp;", "&#40;", "&#x28;") for their character.
// A backslash before anything else, and an '&' that starts no reference,
// are literal. It returns s itself when there is nothing to resolve.
func Unescape(s string) string {
	i := strings.IndexAny(s, `\&`)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i += 2
		case c == '&':
			if n := entityLen(s[i:]); n > 0 {
				if r := html.UnescapeString(s[i : i+n]); r != s[i:i+n] {
					b.WriteString(r)
					i += n
					continue
				}
			}
			b.WriteByte(c)
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// isASCIIPunct reports whether c is ASCII punctuation, the characters a
// backslash escapes in CommonMark.
func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// entityLen returns the length of the character reference s starts with
// ("&name;", "&#123;", "&#x1F;"), or 0 when it starts none. Names are at
// most 32 characters, numbers 7 digits, as CommonMark allows.
func entityLen(s string) int {
	if len(s) < 3 || s[0] != '&' {
		return 0
	}
	i := 1
	if s[1] == '#' {
		i = 2
		hex := i < len(s) && (s[i] == 'x' || s[i] == 'X')
		if hex {
			i++
		}
		start := i
		for i < len(s) && i-start < 8 && (isDigit(s[i]) || hex && isHexLetter(s[i])) {
			i++
		}
		if i == start || i-start > 7 && !hex || i-start > 6 && hex {
			return 0
		}
	} else {
		for i < len(s) && i < 33 && (isDigit(s[i]) || isLetter(s[i])) {
			i++
		}
		if i == 1 || !isLetter(s[1]) {
			return 0
		}
	}
	if i < len(s) && s[i] == ';' {
		return i + 1
	}
	return 0
}

func isDigit(c byte) bool     { return '0' <= c && c <= '9' }
func isLetter(c byte) bool    { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isHexLetter(c byte) bool { return 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
