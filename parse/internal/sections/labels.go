package sections

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// field is what a labelled line documents.
type field int

const (
	none field = iota
	status
	code
	message
	description
	solution
)

// labels maps a label key (see labelKey) to its field.
var labels = map[string]field{
	// English.
	"httpstatus": status, "httpstatuscode": status, "status": status, "statuscode": status,
	"httpcode": status, "httpresponsecode": status, "responsestatus": status, "httpresponsestatus": status,
	"errorcode": code, "code": code, "errcode": code,
	"errormessage": message, "message": message, "errormsg": message, "errmsg": message,
	"description": description, "errordescription": description, "cause": description,
	"reason": description, "possiblecause": description, "details": description,
	"solution": solution, "resolution": solution, "suggestion": solution, "howtofix": solution,
	"fix": solution, "handlingmeasure": solution, "measure": solution,
	"recommendedaction": solution, "remedy": solution,
	// Chinese.
	"http状态码": status, "状态码": status, "http状态": status, "http返回码": status, "返回码": status,
	"错误码": code, "错误代码": code, "错误编码": code,
	"错误信息": message, "错误消息": message, "错误提示": message, "报错信息": message,
	"描述": description, "错误描述": description, "说明": description, "原因": description, "错误原因": description,
	"解决方案": solution, "处理建议": solution, "解决方法": solution, "处理方法": solution, "建议": solution, "处理措施": solution,
	// Japanese.
	"httpステータス": status, "httpステータスコード": status, "ステータスコード": status, "ステータス": status,
	"エラーコード": code,
	"メッセージ":  message, "エラーメッセージ": message,
	"説明": description, "詳細": description, // 原因 is the same as Chinese
	"対処方法": solution, "対処法": solution, "解決方法": solution, "対応方法": solution,
}

// statusLabels says which label keys name a status, for status headings.
func isStatusLabel(key string) bool { return labels[key] == status }

// labelKey normalises a label: lower case, without white space, '_' or
// '-', so "Error message", "ErrorMessage" and "error_message" are one.
func labelKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r == '_', r == '-':
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// maxLabel is the longest label, in runes, looked for before a colon.
const maxLabel = 32

// label splits a line "Label: value" at its first colon, ASCII ':' or
// full-width '：'. ok is false when the line has no colon within maxLabel
// runes of its start or the text before it is no known label.
func label(line string) (f field, name, value string, ok bool) {
	n := 0
	for i, r := range line {
		if n++; n > maxLabel+1 {
			return none, "", "", false
		}
		if r == ':' || r == '：' {
			name = strings.TrimSpace(line[:i])
			f = labels[labelKey(name)]
			if f == none {
				return none, "", "", false
			}
			return f, name, strings.TrimSpace(line[i+utf8.RuneLen(r):]), true
		}
	}
	return none, "", "", false
}

// maxCode is the longest code, in bytes.
const maxCode = 128

// isCode reports whether s reads as an error code: one token of ASCII
// letters, digits, '.', '_', '-' and ':', starting with a letter or digit
// and ending with one (a trailing colon makes "Note:" a label, not a
// code).
func isCode(s string) bool {
	if s == "" || len(s) > maxCode {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(isLetter(c) || isDigit(c) || c == '.' || c == '_' || c == '-' || c == ':') {
			return false
		}
	}
	first, last := s[0], s[len(s)-1]
	return (isLetter(first) || isDigit(first)) && (isLetter(last) || isDigit(last))
}

// titleSeparators part a code from its title in a heading or bold line
// such as "E0000001: API validation failed" or "QuotaExceeded — Quota
// exceeded".
var titleSeparators = []string{": ", "：", " - ", " – ", " — "}

// codeTitle splits a heading or bold line written "CODE: Title" into the
// code and the title. The code must be shaped like one (codeShaped), so
// "Note: read this" is no code.
func codeTitle(s string) (code, title string, ok bool) {
	for _, sep := range titleSeparators {
		c, t, found := strings.Cut(s, sep)
		if !found {
			continue
		}
		c, t = strings.TrimSpace(c), strings.TrimSpace(t)
		if t != "" && isCode(c) && codeShaped(c) {
			return c, t, true
		}
		return "", "", false
	}
	return "", "", false
}

// codeShaped reports whether code looks like a code rather than a word:
// it has a digit or a separator, or a capital letter after its first
// character ("NotFound", "EOF"). "Errors" and "Throttling" do not.
func codeShaped(code string) bool {
	for i := 0; i < len(code); i++ {
		c := code[i]
		if isDigit(c) || c == '.' || c == '_' || c == '-' || c == ':' || i > 0 && 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// statusHeading reads a heading that gives the status of the codes under
// it: an optional status label ("HTTP Status", "Status code", "HTTP状态码"),
// then a number 100–599, then nothing or words ("400 Bad Request"). A
// heading of a bare number is not one: it may be a numeric code.
func statusHeading(text string) (int, bool) {
	text = strings.TrimSpace(text)
	i := strings.IndexFunc(text, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 {
		return 0, false
	}
	prefix := strings.TrimRight(strings.TrimSpace(text[:i]), ":：")
	if prefix != "" && !isStatusLabel(labelKey(prefix)) {
		return 0, false
	}
	st, rest, ok := leadingStatus(text[i:])
	if !ok || st < 100 || st > 599 {
		return 0, false
	}
	if prefix == "" && strings.TrimSpace(rest) == "" {
		return 0, false
	}
	if rest != "" && rest[0] != ' ' && rest[0] != '(' && rest[0] != '-' && rest[0] != ':' {
		return 0, false // "400Foo": a code, not a status
	}
	return st, true
}

// leadingStatus reads the three digits s starts with, followed by the end
// or a non-digit; rest is what follows.
func leadingStatus(s string) (st int, rest string, ok bool) {
	if len(s) < 3 || !isDigit(s[0]) || !isDigit(s[1]) || !isDigit(s[2]) || len(s) > 3 && isDigit(s[3]) {
		return 0, s, false
	}
	return int(s[0]-'0')*100 + int(s[1]-'0')*10 + int(s[2]-'0'), s[3:], true
}
