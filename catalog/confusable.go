package catalog

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/errgen/errgen/internal/textsafe"
)

// Confusables warns about codes a reader cannot tell apart: distinct
// codes of entries whose skeletons are equal, such as "AUTH.1000" and
// "АUTH.1000" with a Cyrillic А. A program matches the bytes, so a
// vendor page (or a pull request editing it) that documents the look-alike
// makes generated constants, docs and reviews show one code for two.
// file names the source in the warnings; each look-alike is reported
// once, at its first entry, against the first code with its skeleton.
func Confusables(file string, entries []Entry) []Diagnostic {
	first := map[string]string{} // skeleton → first code
	reported := map[string]bool{}
	var out []Diagnostic
	for _, e := range entries {
		sk := skeleton(e.Code)
		prev, ok := first[sk]
		switch {
		case !ok:
			first[sk] = e.Code
		case prev != e.Code && !reported[e.Code]:
			reported[e.Code] = true
			out = append(out, Diagnostic{File: file, Where: originWhere(e.Origin),
				Message: fmt.Sprintf("code %s looks the same as code %s but differs in %s: a reader cannot tell them apart; check the source, or keep both if the vendor really documents both",
					strconv.QuoteToASCII(e.Code), strconv.QuoteToASCII(prev), differences(prev, e.Code))})
		}
	}
	return out
}

// skeleton is what a code looks like: its NFKD form (fullwidth "Ａ１"
// becomes "A1", ligatures and compatibility forms their letters, accented
// letters a base letter and a combining mark, so that a homoglyph with an
// accent is caught too), with
// hidden characters (zero-width spaces and joiners, bidi controls, see
// textsafe.Hidden) dropped and each homoglyph replaced by the ASCII letter
// it looks like. This is a small, documented subset of Unicode's
// confusables (UTS #39): the Cyrillic and Greek capitals and small
// letters that are drawn like Latin ones in common fonts, which is what
// error codes (ASCII letters, digits and punctuation) can be confused
// with.
func skeleton(code string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(code) {
		switch {
		case textsafe.Hidden(r):
		case homoglyphs[r] != 0:
			b.WriteRune(homoglyphs[r])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// homoglyphs maps Cyrillic and Greek letters to the Latin letter they are
// drawn like.
var homoglyphs = map[rune]rune{
	// Cyrillic capitals.
	'А': 'A', 'В': 'B', 'Е': 'E', 'Ѕ': 'S', 'І': 'I', 'Ј': 'J', 'К': 'K', 'М': 'M',
	'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'Ү': 'Y', 'Ԛ': 'Q', 'Ԝ': 'W',
	// Cyrillic small letters.
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'ѕ': 's',
	'і': 'i', 'ј': 'j', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w',
	// Greek capitals.
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M',
	'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
	// Greek small letters.
	'ο': 'o', 'ν': 'v', 'ι': 'i', 'κ': 'k', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x',
}

// differences lists the characters one code has and the other has not,
// as U+XXXX, so the warning says where to look.
func differences(a, b string) string {
	diff := onlyIn(b, a)
	if len(diff) == 0 {
		diff = onlyIn(a, b)
	}
	if len(diff) == 0 {
		return "the order of the same characters"
	}
	return strings.Join(diff, ", ")
}

// onlyIn returns the characters of s that other lacks.
func onlyIn(s, other string) []string {
	var out []string
	for _, r := range s {
		if d := fmt.Sprintf("%U", r); !strings.ContainsRune(other, r) && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// originWhere names the place an entry comes from, as Diagnostic.Where.
func originWhere(o Origin) string {
	switch {
	case o.Pointer != "":
		return o.Pointer
	case o.Line > 0:
		return "line " + strconv.Itoa(o.Line)
	case o.Table > 0 && o.Caption != "":
		return fmt.Sprintf("table %d %q, row %d", o.Table, o.Caption, o.Row)
	case o.Table > 0:
		return fmt.Sprintf("table %d, row %d", o.Table, o.Row)
	}
	return ""
}
