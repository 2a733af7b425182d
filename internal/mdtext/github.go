package mdtext

import "strings"

// GitHubCell returns s as the content of one GFM table cell, like [Cell],
// for a page GitHub renders with its references: a pull request body or
// a comment. GitHub turns "@name" into a mention (which notifies that
// user or team), "#123" and "GH-123" into links to an issue, and a word
// of 7 to 40 hexadecimal digits into a link to the commit it abbreviates;
// "owner/repo#123" and "owner/repo@sha" are these with a prefix. It finds
// them in the rendered text, after Markdown's backslash escapes are gone,
// and looks for none inside code, so each '@', each '#' before a digit,
// each "GH-" before a digit and each such hexadecimal word is written as
// a code span: the text reads the same, but no reference can start
// there.
func GitHubCell(s string) string {
	var b strings.Builder
	start := 0 // the first byte not yet written
	for {
		i, n := nextRef(s, start)
		if i < 0 {
			b.WriteString(inner(s[start:], start == 0, true))
			return b.String()
		}
		b.WriteString(inner(s[start:i], start == 0, false))
		// Adjacent spans would merge into one fence ("`@``#`"): one span
		// takes the whole run.
		for {
			m := refAt(s, i+n)
			if m == 0 {
				break
			}
			n += m
		}
		b.WriteString("`" + s[i:i+n] + "`")
		start = i + n
	}
}

// inner writes one piece of a cell like [Cell]; only the cell's own ends
// need their spaces written as references, so spaces next to a code span
// stay spaces.
func inner(s string, start, end bool) string {
	if start && end {
		return Cell(s)
	}
	lead, body, trail := splitSpace(s)
	if start || body == "" && end {
		lead, body = "", lead+body
	}
	if end {
		trail, body = "", body+trail
	}
	return spaces(lead) + Cell(body) + spaces(trail)
}

// spaces writes blanks between a cell's ends: spaces as they are, a tab
// as a reference (linters reject hard tabs).
func spaces(blanks string) string {
	return strings.ReplaceAll(blanks, "\t", "&#9;")
}

// nextRef returns the index and length of the first reference at or
// after from in s, or -1.
func nextRef(s string, from int) (int, int) {
	for i := from; i < len(s); i++ {
		if n := refAt(s, i); n > 0 {
			return i, n
		}
	}
	return -1, 0
}

// refAt returns the length of the reference GitHub could find at s[i:],
// 0 if none: an '@'; a '#' before a digit; "GH-" (in any case, to be safe)
// before a digit, which needs only its 3 letters in code to be inert; a
// whole word of 7 to 40 hexadecimal digits, which is all code. A word is
// a run of ASCII letters and digits, so a longer or mixed word
// ("0001234x", 41 digits) is no SHA, while '_' and any other character
// end a word, which errs towards code where GitHub's own notion of a word
// is unknown. The whole of s is looked at, so a word is never cut where
// a previous reference ended.
func refAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch {
	case s[i] == '@':
		return 1
	case s[i] == '#' && i+1 < len(s) && isDigit(s[i+1]):
		return 1
	case i+3 < len(s) && strings.EqualFold(s[i:i+3], "GH-") && isDigit(s[i+3]):
		return 3
	}
	if i > 0 && isWord(s[i-1]) {
		return 0
	}
	j := i
	for j < len(s) && isWord(s[j]) {
		if !isHex(s[j]) {
			return 0
		}
		j++
	}
	if n := j - i; n >= 7 && n <= 40 {
		return n
	}
	return 0
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHex(c byte) bool { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'f' }

// isWord tells the bytes that continue a word for GitHub's autolinks.
func isWord(c byte) bool {
	return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'z'
}
