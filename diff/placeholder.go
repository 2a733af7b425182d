package diff

import (
	"html"

	"github.com/errgen/errgen/apierr"
)

// placeholders returns the placeholders of a message template, verbatim and in
// order: the sequence error-message-params-changed compares. The grammar is
// apierr.Placeholders, the one generated Format and Match use, because a
// change only matters to clients when the generated code sees it.
// Templates are compared decoded, as Normalize compares texts, so that an
// entity-encoded brace is still a brace.
func placeholders(template string) []string {
	var out []string
	for _, p := range apierr.Placeholders(html.UnescapeString(template)) {
		out = append(out, p.Text)
	}
	return out
}
