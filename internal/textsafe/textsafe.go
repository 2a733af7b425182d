// Package textsafe classifies and escapes the characters of untrusted
// vendor text that must never reach a reader raw: control characters
// (a terminal acts on ESC, BEL and OSC sequences; a CI log on a line it
// reads as a command), bidirectional controls (text that displays in an
// order other than its bytes, "Trojan Source"), the byte order mark and
// other invisible format characters, and invalid UTF-8.
//
// Every human-readable output of errgen (terminal text, reports, Markdown
// and OpenAPI files) passes vendor text through this package or through
// an escaper built on [Hidden], so that what a reader sees is what the
// bytes say. Escapes are Go-style and visible: ESC becomes \x1b, U+202E
// becomes \u202e, a byte that is not UTF-8 becomes \xff. A backslash is
// not escaped: an escape in the output cannot be told from the same
// characters in the input, but both are harmless text.
package textsafe

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Control reports whether r is a C0 control other than tab and newline,
// DEL, or a C1 control: the characters a terminal may act on.
func Control(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r < 0xa0
}

// Bidi reports whether r is a bidirectional formatting character: the
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and
// the implicit marks (U+200E, U+200F, U+061C).
func Bidi(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// Hidden reports whether r must be made visible in human-readable output:
// a [Control], a [Bidi] character, the byte order mark or zero-width
// no-break space U+FEFF, the zero-width space, joiners and word joiner
// (U+200B–U+200D, U+2060), the line and paragraph separators U+2028 and
// U+2029 (line breaks to some readers, not to others), or U+FFFD as
// decoding gives it for invalid UTF-8.
func Hidden(r rune) bool {
	switch {
	case Control(r), Bidi(r):
		return true
	case r == 0xfeff, r >= 0x200b && r <= 0x200d, r == 0x2060, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// Clean reports whether s has no [Hidden] character, no NUL and is valid
// UTF-8 (tab and newline are allowed).
func Clean(s string) bool {
	for i := 0; i < len(s); {
		// ASCII, most of any text, eight bytes at a time, else a byte
		// at a time: emitters ask this of every string they write, and
		// of whole documents.
		if i+8 <= len(s) && plain8(s[i:i+8]) {
			i += 8
			continue
		}
		if c := s[i]; c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if Hidden(r) || r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// plain8 reports whether the 8 bytes of s are printable ASCII, ' ' to
// '~' (so neither hidden nor tab or newline, which the caller looks at).
func plain8(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	_ = s[7] // one bounds check, one load
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	if x&highs != 0 {
		return false // not ASCII
	}
	// With no high bit set, a byte below 0x20 borrows into its high bit,
	// and so does 0x7f (DEL) once every byte is flipped.
	below := (x - 0x20*ones) & highs
	del := x ^ 0x7f*ones
	return below == 0 && (del-ones)&^del&highs == 0
}

// Escape returns s with every [Hidden] character and every byte that is
// not UTF-8 written as a visible Go-style escape. Tab and newline are
// kept; callers that need one line use [Line].
func Escape(s string) string {
	if Clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i, r := range s {
		switch {
		case r == utf8.RuneError && invalidAt(s, i):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case Hidden(r) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case Hidden(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Line returns s escaped like [Escape] and on one line: newline becomes
// \n and tab \t, so that vendor text can never start an output line of
// its own (a CI runner reads "::warning::" at a line's start as a
// command).
func Line(s string) string {
	s = Escape(s)
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return strings.NewReplacer("\n", `\n`, "\t", `\t`).Replace(s)
}

// invalidAt reports whether the U+FFFD that ranging over s gave at i
// stands for an invalid byte rather than an encoded U+FFFD.
func invalidAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 1
}

// Excerpt returns s quoted, as strconv.Quote does, and cut to at most max
// runes (an ellipsis marks the cut): for a message that must say which
// key or value it means without repeating a document it may not own,
// such as a secret a symbolic link pointed at.
func Excerpt(s string, max int) string {
	if utf8.RuneCountInString(s) > max {
		n := 0
		for i := range s {
			if n == max {
				s = s[:i] + "…"
				break
			}
			n++
		}
	}
	return strconv.Quote(s)
}
