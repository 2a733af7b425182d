package diff

import (
	"strings"
	"unicode"
)

// The placeholder scanner below recognises exactly what the placeholder
// engine of generated packages recognises (errgenPlaceholder and errgenNext
// in emit/gopkg/internal/support/support.go): a template whose placeholders
// change is one whose generated Format and Match change behaviour, so the
// two must agree. support.go is copied verbatim into generated packages and
// cannot be imported from here; TestPlaceholdersAgreeWithGeneratedFormat
// holds the two together through a generated package's Info.Format.

// Placeholders returns the placeholders of a message template in order of
// appearance, verbatim: "{0}", "{name}", "{}", "%(key)s", "%s" or "%d".
// "%%" is literal text. Every line of a template is scanned.
func Placeholders(template string) []string {
	var out []string
	for i := 0; ; {
		start, end := nextPlaceholder(template, i)
		if start == len(template) {
			return out
		}
		out = append(out, template[start:end])
		i = end
	}
}

// nextPlaceholder finds the first placeholder of t at or after i; start is
// len(t) when there is none.
func nextPlaceholder(t string, i int) (start, end int) {
	for ; i < len(t); i++ {
		switch t[i] {
		case '%':
			if i+1 < len(t) && t[i+1] == '%' {
				i++
				continue
			}
			fallthrough
		case '{':
			if n := placeholderLen(t[i:]); n > 0 {
				return i, i + n
			}
		}
	}
	return len(t), len(t)
}

// placeholderLen returns the length of the placeholder at the start of s,
// or 0.
func placeholderLen(s string) int {
	if len(s) < 2 {
		return 0
	}
	switch {
	case s[0] == '{':
		end := strings.IndexByte(s, '}')
		if end < 0 || !placeholderName(s[1:end]) {
			return 0
		}
		return end + 1
	case s[0] == '%' && (s[1] == 's' || s[1] == 'd'):
		return 2
	case s[0] == '%' && s[1] == '(':
		end := strings.IndexByte(s, ')')
		if end < 0 || end+1 >= len(s) || s[end+1] != 's' && s[end+1] != 'd' || !placeholderName(s[2:end]) || end == 2 {
			return 0
		}
		return end + 2
	}
	return 0
}

func placeholderName(s string) bool {
	for _, r := range s {
		if r != '_' && r != '-' && r != '.' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
