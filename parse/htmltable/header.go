package htmltable

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// field is the catalog field a column feeds.
type field int

const (
	extra field = iota
	status
	code
	message
	description
	solution
)

var fieldNames = [...]string{extra: "", status: "status", code: "code", message: "message", description: "description", solution: "solution"}

func (f field) String() string { return fieldNames[f] }

// synonyms maps a normalised header text (see headerKey) to its field. The
// match is exact, not by substring: "Error Code Description" is an extra
// column, not a second code column.
var synonyms = map[string]field{
	"status code":          status,
	"http status code":     status,
	"http status":          status,
	"status":               status,
	"error code":           code,
	"code":                 code,
	"error codes":          code,
	"response status code": code, // Huawei's SCIM tables: the HTTP status is a separate column
	"error message":        message,
	"message":              message,
	"description":          description,
	"possible cause":       description,
	"solution":             solution,
	"measure":              solution,
	"handling measure":     solution,
}

// expected lists a field's synonyms as they read in messages, e.g.
// `"Error Code", "Code", "Error Codes" or "Response Status Code"`.
var expected = map[field]string{
	status: `"Status Code", "HTTP Status Code", "HTTP Status" or "Status"`,
	code:   `"Error Code", "Code", "Error Codes" or "Response Status Code"`,
}

// headerKey normalises a header text for synonym lookup: case and
// whitespace do not matter, nor does a trailing colon ("Error Code:").
func headerKey(h string) string {
	h = strings.ToLower(strings.Join(strings.Fields(h), " "))
	for {
		t := strings.TrimSpace(strings.TrimRight(h, ":："))
		if t == h {
			return h
		}
		h = t
	}
}

// column is what one grid column of a table feeds.
type column struct {
	header string // the header text, single-line
	field  field
	name   string // the Extra key, for field == extra
}

// columns maps header texts to fields. The first column naming a field
// wins; later ones, and unknown headers, become Extra columns named by
// their text, made unique with " (2)", " (3)"… so no column is lost.
func columns(headers []string) []column {
	cols := make([]column, 0, len(headers))
	taken := map[field]bool{}
	used := map[string]int{}
	for i, h := range headers {
		f := synonyms[headerKey(h)]
		if f != extra && !taken[f] {
			taken[f] = true
			cols = append(cols, column{header: h, field: f})
			continue
		}
		cols = append(cols, column{header: h, field: extra, name: uniqueName(used, h, i)})
	}
	return cols
}

// uniqueName returns the Extra key of column i (0-based) with header h.
// A column without header text is called "column N" after its 1-based
// position, so it still has a key a reader can find.
//
// used maps every name taken to the last n tried for it as a base, so
// that a thousand columns named alike cost a thousand tries, not half a
// million.
func uniqueName(used map[string]int, h string, i int) string {
	if h == "" {
		h = fmt.Sprintf("column %d", i+1)
	}
	name := h
	if n, taken := used[h]; taken {
		n = max(n, 1)
		for {
			n++
			name = fmt.Sprintf("%s (%d)", h, n)
			if _, taken := used[name]; !taken {
				break
			}
		}
		used[h] = n
	}
	used[name] = 0
	return name
}

// maxShown is the length at which formatHeaders cuts a header text.
const maxShown = 40

// formatHeaders renders headers as "[A | B | C]" for messages; an empty
// header shows as "(empty)" so the column count stays visible, and a long
// one is cut to maxShown characters.
func formatHeaders(headers []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, h := range headers {
		if i > 0 {
			b.WriteString(" | ")
		}
		switch {
		case h == "":
			h = "(empty)"
		case utf8.RuneCountInString(h) > maxShown:
			// A layout table's "header" is its whole content.
			h = string([]rune(h)[:maxShown-1]) + "…"
		}
		b.WriteString(h)
	}
	b.WriteByte(']')
	return b.String()
}
