package catalog

import (
	"bytes"
	"encoding/json"
	"strings"
)

// SplitPointer returns the reference tokens of the JSON pointer p (RFC
// 6901), unescaped: none for "", the whole document. ok is false when p
// is not "" and does not start with "/", or writes "~" other than as "~0"
// or "~1". The "*" token of a Shape pointer is returned as it is.
func SplitPointer(p string) (tokens []string, ok bool) {
	if p == "" {
		return []string{}, true
	}
	if p[0] != '/' {
		return nil, false
	}
	tokens = strings.Split(p[1:], "/")
	for i, t := range tokens {
		if !strings.Contains(t, "~") {
			continue
		}
		for j := 0; j < len(t); j++ {
			if t[j] == '~' && (j+1 == len(t) || t[j+1] != '0' && t[j+1] != '1') {
				return nil, false
			}
		}
		// ~1 before ~0, else "~01" would become "/" instead of "~1" (RFC 6901 §4).
		tokens[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
	}
	return tokens, true
}

// ExampleBody renders an example value (as encoding/json decodes it) in
// the form of Example.Body: compact JSON, object keys sorted, no HTML
// escaping.
func ExampleBody(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}
