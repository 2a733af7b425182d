// Package yamlerr turns gopkg.in/yaml.v3's errors into messages that
// name the line and the expected shape but quote at most a short excerpt
// of the document: errgen.lock and errgen-ignore.yaml come from pull
// requests, and yaml.v3 quotes keys whole ("field GITHUB_TOKEN not
// found"), anchors and duplicate keys whole, and the start of scalars.
package yamlerr

import (
	"errors"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/textsafe"
)

// MaxExcerpt is how many characters of a key or value a message quotes.
const MaxExcerpt = 24

var (
	lineRE     = regexp.MustCompile(`^line (\d+): (.*)$`)
	notFoundRE = regexp.MustCompile(`^field (.*) not found in type (\S+)$`)
	typeRE     = regexp.MustCompile("^cannot unmarshal (!!\\w+)(?: `.*`)? into (\\S+)$")
	quotedRE   = regexp.MustCompile("`[^`]*`|'[^']*'|\"(?:[^\"\\\\]|\\\\.)*\"")
)

// Shapes says, for a Go type as yaml.v3 names it ("lock.Entry",
// "[]string"), what the document should hold there ("a mapping, one
// source"); Keys, for a struct type, its keys.
type Shapes struct {
	Types map[string]string
	Keys  map[string][]string
}

// Message returns where (such as "line 3", or "") and what is wrong with
// the document that gave err, the first error only.
func (s Shapes) Message(err error) (where, msg string) {
	msg = strings.TrimPrefix(err.Error(), "yaml: ")
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		where, msg = "line "+m[1], m[2]
	}
	if m := notFoundRE.FindStringSubmatch(msg); m != nil {
		msg = "unknown key " + textsafe.Excerpt(m[1], MaxExcerpt)
		if keys := s.Keys[m[2]]; len(keys) > 0 {
			msg += " (want one of: " + strings.Join(keys, ", ") + ")"
		}
		return where, msg
	}
	if m := typeRE.FindStringSubmatch(msg); m != nil {
		want := s.Types[m[2]]
		if want == "" {
			want = "a value of another type"
		}
		return where, "found " + kind(m[1]) + ", want " + want
	}
	// Syntax errors quote anchors and keys whole; cut every quoted span.
	return where, quotedRE.ReplaceAllStringFunc(msg, func(q string) string {
		return textsafe.Excerpt(q[1:len(q)-1], MaxExcerpt)
	})
}

func kind(tag string) string {
	switch tag {
	case "!!map":
		return "a mapping"
	case "!!seq":
		return "a list"
	case "!!str":
		return "a string"
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "a boolean"
	case "!!null":
		return "nothing"
	}
	return "a " + strings.TrimPrefix(tag, "!!")
}
