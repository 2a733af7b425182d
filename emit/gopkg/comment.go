package gopkg

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errgen/errgen/internal/textsafe"
)

// Vendor text reaches generated source in two ways only: as string
// literals (jen.Lit, which quotes everything, so values stay exact) and in
// comments, built here. A comment line is always "//" or "// " followed by
// text that has passed through clean, so it cannot end early, become a
// directive ("//go:" needs the slash right before "go"), or open "/*".

// clean makes s safe and readable on one comment line: it breaks nothing
// since comments here are line comments, but a carriage return, a line or
// paragraph separator, a byte-order mark or a bidirectional control could
// make an editor or reviewer see something other than what the compiler
// sees. Those, zero-width characters, other control characters but tab,
// and invalid UTF-8 become U+FFFD; newlines become spaces.
func clean(s string) string {
	// Most documented text is printable ASCII, which stays as it is.
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c >= 0x7f {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\t':
			b.WriteByte('\t')
		case r == '\n':
			b.WriteByte(' ')
		case r == utf8.RuneError && size == 1, unsafeRune(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unsafeRune is textsafe's classifier, so that zero-width characters are
// caught as well as bidi controls, plus every Unicode control.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || textsafe.Hidden(r)
}

// lines splits vendor text into cleaned comment lines: one per line of
// the text, white space (Unicode's, as gofmt sees it) trimmed at both
// ends: at the start an indented line would become a code block in the
// doc, at the end gofmt would remove it from a file written without gofmt.
// Empty lines are dropped, and a CRLF line break is a line break.
func lines(s string) []string {
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		if l = strings.TrimFunc(clean(strings.TrimSuffix(l, "\r")), unicode.IsSpace); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// oneLine is vendor text cleaned onto a single line.
func oneLine(s string) string {
	return strings.Join(lines(s), " ")
}

// doc is a comment being assembled, one line at a time.
type doc []string

// add appends one line of text that callers built from cleaned parts.
func (d *doc) add(line string) { *d = append(*d, line) }

// text appends prose, word-wrapped to keep comment lines short.
func (d *doc) text(s string) {
	const width = 76
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			d.add(line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		d.add(line)
	}
}

// para appends a blank comment line, ending a paragraph.
func (d *doc) para() { *d = append(*d, "") }

// commentLine renders one line; jennifer writes text starting with "//"
// as is, which keeps it from ever choosing a /* */ comment.
func commentLine(l string) string {
	if l == "" {
		return "//"
	}
	return "// " + clean(l)
}
