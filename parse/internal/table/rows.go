package table

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseStatus reads a status cell holding one status: "" is 0
// (unknown); "400", "400 Bad Request" and "Conflict (409)" are 400 and
// 409. bad says what is wrong when it is not a status.
func parseStatus(s string) (status int, bad string) {
	digits := s
	if i := strings.IndexByte(s, ' '); i > 0 && reasonPhrase(s[i+1:]) {
		digits = s[:i]
		if len(digits) != 3 {
			return 0, fmt.Sprintf("status %q is not a number", s)
		}
	} else if n, ok := phraseThenStatus(s); ok {
		return n, ""
	}
	switch {
	case s == "":
		return 0, ""
	case strings.Trim(digits, "0123456789") != "":
		return 0, fmt.Sprintf("status %q is not a number", s)
	case len(digits) > 9: // not an HTTP status anyway, and Atoi could overflow
		return 0, fmt.Sprintf("status %s is too large", s)
	}
	n, _ := strconv.Atoi(digits)
	return n, ""
}

// phraseThenStatus reads Azure's form, a reason phrase and then the
// status in parentheses: "Conflict (409)" is 409.
func phraseThenStatus(s string) (int, bool) {
	rest, ok := strings.CutSuffix(s, ")")
	i := strings.LastIndexByte(rest, '(')
	if !ok || i < 0 {
		return 0, false
	}
	phrase, digits := strings.TrimSpace(rest[:i]), rest[i+1:]
	if len(digits) != 3 || strings.Trim(digits, "0123456789") != "" || !reasonPhrase(phrase) || strings.ContainsAny(phrase, "()") {
		return 0, false
	}
	n, _ := strconv.Atoi(digits)
	return n, true
}

// maxStatuses bounds the statuses one cell may list.
const maxStatuses = 16

// parseStatuses reads a status cell: one status as parseStatus reads it,
// or a list of HTTP statuses (100–599, each in any form parseStatus
// reads) separated by ",", "/", "，", "、" or " or ": "400, 403" and
// "400/403" are 400 and 403. items are the texts of the statuses, one
// per status, a status listed twice counted once. "" is the one status
// 0, item "". bad says what is wrong when the cell is no status.
func parseStatuses(s string) (statuses []int, items []string, bad string) {
	n, bad := parseStatus(s)
	if bad == "" {
		return []int{n}, []string{s}, ""
	}
	parts := strings.FieldsFunc(strings.ReplaceAll(s, " or ", ","), func(r rune) bool {
		return r == ',' || r == '/' || r == '，' || r == '、'
	})
	if len(parts) < 2 || len(parts) > maxStatuses {
		return nil, nil, bad
	}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		n, b := parseStatus(p)
		if b != "" || n < 100 || n > 599 {
			return nil, nil, bad
		}
		if !slices.Contains(statuses, n) {
			statuses, items = append(statuses, n), append(items, p)
		}
	}
	return statuses, items, ""
}

// reasonPhrase reports whether s reads as the reason phrase after a
// status, "Bad Request" or "(Not Found)": it starts with a letter or a
// parenthesis and has no digits.
func reasonPhrase(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) && r != '(' {
		return false
	}
	return !strings.ContainsAny(s, "0123456789")
}

// placeholders are code cells that say "no code": lower case.
var placeholders = map[string]bool{
	"-": true, "--": true, "—": true, "–": true, "－": true, "/": true,
	"n/a": true, "na": true, "none": true, "null": true, "无": true, "なし": true,
}

// notACode says why a code cell is not an error code, or "" when it is
// one: a placeholder ("-", "N/A", "None") or a catch-all row ("Other
// error codes", "Any other error") that names the rest of the errors.
func notACode(c string) string {
	lc := strings.ToLower(c)
	if placeholders[lc] {
		return fmt.Sprintf("code %q is a placeholder, not an error code", c)
	}
	if catchAll(lc) {
		return fmt.Sprintf("code %q names the other errors, not one error code", c)
	}
	return ""
}

// catchAll reports whether lc (lower case) is a catch-all row's code:
// words only, one of them "other" or "others", or a CJK "other".
func catchAll(lc string) bool {
	for _, p := range []string{"其他", "其它", "その他"} {
		if strings.HasPrefix(lc, p) && !strings.ContainsAny(lc, "0123456789_.abcdefghijklmnopqrstuvwxyz") {
			return true
		}
	}
	other := false
	for _, w := range strings.Fields(lc) {
		w = strings.TrimRight(w, ".,:;)")
		w = strings.TrimLeft(w, "(")
		if !isLetters(w) {
			return false
		}
		if w == "other" || w == "others" {
			other = true
		}
	}
	return other
}

// mayBeAlternatives reports whether the lines of a message cell may be
// alternative messages rather than one text broken across lines: every
// line ends a sentence, or a line before the last introduces a list
// ("One of:").
func mayBeAlternatives(lines []string) bool {
	all := true
	for i, l := range lines {
		r, _ := utf8.DecodeLastRuneInString(l)
		if i < len(lines)-1 && (r == ':' || r == '：') {
			return true
		}
		if !strings.ContainsRune(".!?。！？", r) {
			all = false
		}
	}
	return all
}
