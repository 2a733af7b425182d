package apierr

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Placeholders in documented message templates, in the styles vendors use:
//
//	{0} {1}        indexed: takes args[N]
//	{name} {}      positional: takes the next unused argument
//	${name}        positional (shell and JavaScript style)
//	%(key)s %(n)d  positional (Python style)
//	%s %d          positional (printf style)
//
// "%%" is literal text, so "%%s" is not a placeholder. A name in braces is
// letters, digits, '_', '-' and '.'; anything else in braces, such as JSON
// or a space, is literal text. A '$' right before a placeholder in braces
// is part of it, whatever the braces hold ("${0}" is {0}, "${}" is {}):
// the vendor's real messages carry the value, not the '$', so leaving it
// literal would make Match fail. Any other '$' is literal text: "$", "$$",
// "${", "${a b}"; "$${x}" is a literal '$' and the placeholder "${x}".

// Placeholder is one placeholder of a message template, as [Format] and
// [Match] see it.
type Placeholder struct {
	Text       string // verbatim: "{0}", "{name}", "{}", "${name}", "%(key)s", "%s" or "%d"
	Start, End int    // byte offsets of Text in the template
	Index      int    // N of {N}; -1 for positional placeholders
}

// Placeholders returns the placeholders of template in order of
// appearance, found by the scanner Format and Match run, so that what the
// emitter sees of a template cannot drift from what generated code does
// with it.
func Placeholders(template string) []Placeholder {
	var out []Placeholder
	for i := 0; ; {
		start, end, index := next(template, i)
		if start == len(template) {
			return out
		}
		out = append(out, Placeholder{Text: template[start:end], Start: start, End: end, Index: index})
		i = end
	}
}

// placeholder returns the length of the placeholder at the start of s, or
// 0, and for {N} the index N (-1 for positional ones).
func placeholder(s string) (n, index int) {
	if len(s) < 2 {
		return 0, -1
	}
	switch {
	case s[0] == '$':
		if s[1] != '{' {
			return 0, -1
		}
		n, index = placeholder(s[1:])
		if n == 0 {
			return 0, -1
		}
		return n + 1, index
	case s[0] == '{':
		end := nameEnd(s, 1, '}')
		if end < 0 {
			return 0, -1
		}
		name := s[1:end]
		index = -1
		if name != "" && strings.Trim(name, "0123456789") == "" {
			index = parseIndex(name)
		}
		return end + 1, index
	case s[0] == '%' && (s[1] == 's' || s[1] == 'd'):
		return 2, -1
	case s[0] == '%' && s[1] == '(':
		end := nameEnd(s, 2, ')')
		if end < 0 || end == 2 || end+1 >= len(s) || s[end+1] != 's' && s[end+1] != 'd' {
			return 0, -1
		}
		return end + 2, -1
	}
	return 0, -1
}

// nameEnd returns the index of closer after the name that starts at
// s[from:], or -1 when a character that cannot be in a name comes first.
// It stops there rather than search the rest of s for closer, so that
// scanning a template stays linear even when it is full of '{'.
func nameEnd(s string, from int, closer byte) int {
	for i := from; i < len(s); {
		if s[i] == closer {
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isNameRune(r) {
			return -1
		}
		i += size
	}
	return -1
}

func isNameRune(r rune) bool {
	return r == '_' || r == '-' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// parseIndex parses the digits of {N}; an index too large for any call
// saturates, so that the placeholder stays verbatim.
func parseIndex(digits string) int {
	n := 0
	for i := 0; i < len(digits); i++ {
		if n > 1<<20 {
			return 1 << 30
		}
		n = n*10 + int(digits[i]-'0')
	}
	return n
}

// next finds the first placeholder of t at or after i; start is len(t)
// when there is none.
func next(t string, i int) (start, end, index int) {
	for ; i < len(t); i++ {
		switch t[i] {
		case '%':
			if i+1 < len(t) && t[i+1] == '%' {
				i++
				continue
			}
			fallthrough
		case '{', '$':
			if n, idx := placeholder(t[i:]); n > 0 {
				return i, i + n, idx
			}
		}
	}
	return len(t), len(t), -1
}

// Format fills the placeholders of template from args: {N} and ${N} take
// args[N]; {name}, ${name}, {}, %(key)s, %s and %d take the next argument
// no placeholder has taken yet. A placeholder without an argument stays
// verbatim.
func Format(template string, args []string) string {
	var b strings.Builder
	used := make([]bool, len(args))
	n := 0
	for i := 0; ; {
		start, end, index := next(template, i)
		b.WriteString(template[i:start])
		if start == len(template) {
			return b.String()
		}
		if index < 0 {
			for n < len(args) && used[n] {
				n++
			}
			index = n
		}
		if index < len(args) {
			used[index] = true
			b.WriteString(args[index])
		} else {
			b.WriteString(template[start:end])
		}
		i = end
	}
}

// Literals counts the literal characters (runes) of the template line:
// how specific it is. Match of a [Table] tries the most specific lines
// first.
func Literals(line string) int {
	n := 0
	for i := 0; ; {
		start, end, _ := next(line, i)
		n += utf8.RuneCountInString(line[i:start])
		if start == len(line) {
			return n
		}
		i = end
	}
}

// maxScan bounds the text between a template's prefix and suffix that
// Match searches for the literals between placeholders. That search is
// what costs: a table's Match tries every template, so 25,000 templates
// against a 1.2 MB message took 27 s. Real messages are far shorter; a
// longer one still fits templates with at most one placeholder, whose
// check costs only the template's length.
const maxScan = 4096

// Match reports whether message is an instance of the template line and
// returns the placeholder values in order of appearance. Each placeholder
// takes the shortest text that lets the rest match, possibly none; for
// templates built only of literals and such wildcards, matching each
// inner literal at its leftmost place finds a match whenever one exists.
// A template with several placeholders fits no message whose text
// between prefix and suffix is longer than 4096 bytes, so that a huge
// message costs little.
func Match(template, message string) ([]string, bool) {
	t := template
	start, end, _ := next(t, 0)
	if start == len(t) {
		return nil, t == message
	}
	prefix := t[:start]
	var spans [8][2]int
	ph := append(spans[:0], [2]int{start, end})
	for end < len(t) {
		start, end, _ = next(t, end)
		if start == len(t) {
			break
		}
		ph = append(ph, [2]int{start, end})
	}
	suffix := t[ph[len(ph)-1][1]:]
	if len(message) < len(prefix)+len(suffix) || !strings.HasPrefix(message, prefix) || !strings.HasSuffix(message, suffix) {
		return nil, false
	}
	mid := message[len(prefix) : len(message)-len(suffix)]
	if len(ph) > 1 && len(mid) > maxScan {
		return nil, false
	}
	args := make([]string, len(ph))
	pos := 0
	for k := 1; k < len(ph); k++ {
		lit := t[ph[k-1][1]:ph[k][0]]
		j := strings.Index(mid[pos:], lit)
		if j < 0 {
			return nil, false
		}
		args[k-1] = mid[pos : pos+j]
		pos += j + len(lit)
	}
	args[len(ph)-1] = mid[pos:]
	return args, true
}

// matchBest matches message against every line of every template and
// keeps the most specific match; the first wins a tie. A template has
// several lines only where the document lists alternative messages for
// one entry (a cell's paragraphs are one line), so each line is a
// template of its own.
func matchBest(templates []string, message string) ([]string, bool) {
	var best []string
	bestLit, found := -1, false
	for _, t := range templates {
		for line := range strings.SplitSeq(t, "\n") {
			if line == "" {
				continue
			}
			if args, ok := Match(line, message); ok {
				if n := Literals(line); n > bestLit {
					best, bestLit, found = args, n, true
				}
			}
		}
	}
	return best, found
}

// fits reports whether message is an instance of the message template t
// of one documented entry: of one of its lines, or of any message when t
// is empty (the entry documents none). lit says how specific the fit is:
// the literal characters of the best line, -1 for an empty template.
func fits(t, message string) (args []string, lit int, ok bool) {
	if t == "" {
		return nil, -1, true
	}
	lit = -1
	for line := range strings.SplitSeq(t, "\n") {
		if line == "" {
			continue
		}
		if a, fit := Match(line, message); fit {
			if n := Literals(line); !ok || n > lit {
				args, lit, ok = a, n, true
			}
		}
	}
	return args, lit, ok
}

// pickEntry returns the index of the entry, among n that entry describes
// (status and message template), that message fits best (see fits; the
// first wins a tie), and the placeholder values. When status is not 0,
// the entries documented with it or without a status are tried first,
// then the others. It returns -1 when none fits.
func pickEntry(n int, entry func(int) (int, string), status int, message string) (int, []string) {
	best, bestLit := -1, -2
	var bestArgs []string
	for pass := 0; pass < 2 && best < 0; pass++ {
		for j := 0; j < n; j++ {
			s, t := entry(j)
			if preferred := status == 0 || s == status || s == 0; preferred != (pass == 0) {
				continue
			}
			if args, lit, ok := fits(t, message); ok && lit > bestLit {
				best, bestLit, bestArgs = j, lit, args
			}
		}
	}
	return best, bestArgs
}
