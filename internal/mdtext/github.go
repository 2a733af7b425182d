package mdtext

import "strings"

// GitHubCell returns s as the content of one GFM table cell, like [Cell],
// for a page GitHub renders with its references: a pull request body or
// a comment. GitHub turns "@name" into a mention (which notifies that
// user or team) and "#123" into a link to an issue, and it finds them in
// the rendered text, after Markdown's backslash escapes are gone. It
// looks for neither inside code, so each '@', and each '#' before a
// digit, is written as a one-character code span: the text reads the
// same, but no reference can start there.
func GitHubCell(s string) string {
	var b strings.Builder
	first := true
	for {
		i := refStart(s)
		if i < 0 {
			b.WriteString(inner(s, first, true))
			return b.String()
		}
		b.WriteString(inner(s[:i], first, false))
		// Adjacent spans would merge into one fence ("`@``#`"): one span
		// takes the whole run.
		n := 1
		for refStart(s[i+n:]) == 0 {
			n++
		}
		b.WriteString("`" + s[i:i+n] + "`")
		s, first = s[i+n:], false
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

// refStart returns the index of the first '@', or '#' before an ASCII
// digit, in s, or -1.
func refStart(s string) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '@':
			return i
		case s[i] == '#' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			return i
		}
	}
	return -1
}
