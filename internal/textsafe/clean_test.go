package textsafe

import (
	"testing"
	"unicode/utf8"
)

// cleanRunes is Clean as defined, a rune at a time.
func cleanRunes(s string) bool {
	for i, r := range s {
		if Hidden(r) || r == utf8.RuneError && invalidAt(s, i) {
			return false
		}
	}
	return true
}

// TestCleanFastPath: Clean, which reads ASCII a byte at a time, agrees
// with its definition on every byte value alone, before and after
// other text, and on invalid and multi-byte sequences.
func TestCleanFastPath(t *testing.T) {
	var cases []string
	for b := 0; b < 256; b++ {
		c := string([]byte{byte(b)})
		cases = append(cases, c, "ab"+c, c+"é", "\u202e"+c, "\xe2\x80"+c)
		// Eight bytes at a time: at every place of a word, beside
		// the bytes that borrow or carry.
		for at := range 17 {
			for _, fill := range []string{"abcdefghijklmnopqrstuvwxyz", "                          ", "~~~~~~~~~~~~~~~~~~~~~~~~~~", "!!!!!!!!!!!!!!!!!!!!!!!!!!"} {
				cases = append(cases, fill[:at]+c+fill[at:])
			}
		}
	}
	cases = append(cases, "", "plain text\tand\nlines", "\ufffd", "\ufeff", "\u200b", "x\u2028y", "\xed\xa0\x80", "R&D 错误")
	for _, s := range cases {
		if got, want := Clean(s), cleanRunes(s); got != want {
			t.Errorf("Clean(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzClean(f *testing.F) {
	f.Add("a\u202eb")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Clean(s), cleanRunes(s); got != want {
			t.Errorf("Clean(%q) = %v, want %v", s, got, want)
		}
	})
}
