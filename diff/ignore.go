package diff

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/textsafe"
	"github.com/errgen/errgen/internal/yamlerr"
)

// IgnoreFileName is the ignore file errgen looks for by default.
const IgnoreFileName = "errgen-ignore.yaml"

// IgnoreRule is one entry of an ignore file.
type IgnoreRule struct {
	// File and Line locate the rule.
	File string `json:"file"`
	Line int    `json:"line"`
	// Fingerprint matches one change; or Rule and Code match every change
	// of that rule and code ("*" for any code).
	Fingerprint string `json:"fingerprint,omitempty"`
	Rule        string `json:"rule,omitempty"`
	Code        string `json:"code,omitempty"`
	Reason      string `json:"reason"`
	// Expires is the last day (YYYY-MM-DD, UTC) the rule is in force; ""
	// when it never expires.
	Expires string `json:"expires,omitempty"`
}

// Matches reports whether the rule covers c.
func (r IgnoreRule) Matches(c Change) bool {
	if r.Fingerprint != "" {
		return r.Fingerprint == c.Fingerprint
	}
	return r.Rule == c.Rule && (r.Code == "*" || r.Code == c.Code)
}

// Expired reports whether the rule's last day is before today's date.
func (r IgnoreRule) Expired(today time.Time) bool {
	if r.Expires == "" {
		return false
	}
	return r.Expires < today.UTC().Format(time.DateOnly)
}

// Ignored is a change an ignore rule covers.
type Ignored struct {
	Change
	By IgnoreRule `json:"ignored_by"`
}

// IgnoreFile is a parsed ignore file:
//
//	ignore:
//	  - fingerprint: 3f0c9a1e5b7d2c44     # one change, as reports print it
//	    reason: the vendor fixed a typo; no client matches this text
//	    expires: 2027-06-30               # optional: in force through this day
//	  - rule: error-solution-changed      # every change of a rule…
//	    code: IdentityCenter.1000         # …for one code, or "*" for all
//	    reason: solutions are shown to people only
type IgnoreFile struct {
	Rules []IgnoreRule
}

// ParseIgnore reads an ignore file. Unknown keys, a rule without a reason,
// an unknown rule id, a malformed fingerprint or date are errors naming
// the file and line.
func ParseIgnore(file string, data []byte) (*IgnoreFile, error) {
	fail := func(line int, format string, args ...any) error {
		where := ""
		if line > 0 {
			where = fmt.Sprintf("line %d", line)
		}
		return &catalog.Diagnostic{File: file, Where: where, Message: fmt.Sprintf(format, args...)}
	}
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return &IgnoreFile{}, nil
		}
		where, msg := yamlerr.Shapes{}.Message(err)
		return nil, &catalog.Diagnostic{File: file, Where: where, Message: msg}
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return nil, fail(doc.Line, "want a mapping with the key ignore: a list of rules")
	}
	f := &IgnoreFile{}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if k.Value != "ignore" {
			return nil, fail(k.Line, "unknown key %s (want ignore)", short(k.Value))
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue
		}
		if v.Kind != yaml.SequenceNode {
			return nil, fail(v.Line, "ignore: want a list of rules")
		}
		for j, item := range v.Content {
			r, err := parseIgnoreRule(file, item)
			if err != nil {
				return nil, fail(err.line, "ignore[%d]: %s", j, err.msg)
			}
			f.Rules = append(f.Rules, r)
		}
	}
	return f, nil
}

// short quotes a key or value of an ignore file in a message: an excerpt,
// escaped, since the file comes from a pull request and may be a copy of
// something that must not be printed whole.
func short(s string) string { return textsafe.Excerpt(s, 40) }

type lineError struct {
	line int
	msg  string
}

func parseIgnoreRule(file string, n *yaml.Node) (IgnoreRule, *lineError) {
	r := IgnoreRule{File: file, Line: n.Line}
	if n.Kind != yaml.MappingNode {
		return r, &lineError{n.Line, "want a mapping with fingerprint or rule and code, and reason"}
	}
	keys := []string{"fingerprint", "rule", "code", "reason", "expires"}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(keys, k.Value) {
			return r, &lineError{k.Line, fmt.Sprintf("unknown key %s (want one of: %s)", short(k.Value), strings.Join(keys, ", "))}
		}
		if v.Kind != yaml.ScalarNode {
			return r, &lineError{v.Line, fmt.Sprintf("%s: want a single value", k.Value)}
		}
		val := strings.TrimSpace(v.Value)
		switch k.Value {
		case "fingerprint":
			if len(val) != 16 || strings.Trim(val, "0123456789abcdef") != "" {
				return r, &lineError{v.Line, fmt.Sprintf("fingerprint %s: want the 16 lower-case hex digits a report prints", short(val))}
			}
			r.Fingerprint = val
		case "rule":
			if _, ok := LookupRule(val); !ok {
				return r, &lineError{v.Line, fmt.Sprintf("unknown rule %s (want one of: %s)", short(val), strings.Join(RuleIDs(), ", "))}
			}
			r.Rule = val
		case "code":
			r.Code = val
		case "reason":
			r.Reason = val
		case "expires":
			if _, err := time.Parse(time.DateOnly, val); err != nil {
				return r, &lineError{v.Line, fmt.Sprintf("expires %s: want a date such as 2027-06-30", short(val))}
			}
			r.Expires = val
		}
	}
	switch {
	case r.Fingerprint != "" && (r.Rule != "" || r.Code != ""):
		return r, &lineError{n.Line, "want fingerprint, or rule and code, not both"}
	case r.Fingerprint == "" && (r.Rule == "" || r.Code == ""):
		return r, &lineError{n.Line, "want fingerprint, or rule and code (code may be \"*\")"}
	case r.Reason == "":
		return r, &lineError{n.Line, "missing reason: say why this change may be ignored"}
	}
	return r, nil
}

// Apply moves the changes of r that a rule in force covers to r.Ignored,
// lists the expired rules in r.Expired and the rules in force that
// covered nothing in r.Unused. today decides expiry.
func (f *IgnoreFile) Apply(r *Result, today time.Time) {
	used := make([]bool, len(f.Rules))
	var keep []Change
	for _, c := range r.Changes {
		i := slices.IndexFunc(f.Rules, func(rule IgnoreRule) bool { return !rule.Expired(today) && rule.Matches(c) })
		if i < 0 {
			keep = append(keep, c)
			continue
		}
		used[i] = true
		r.Ignored = append(r.Ignored, Ignored{c, f.Rules[i]})
	}
	r.Changes = keep
	for i, rule := range f.Rules {
		switch {
		case rule.Expired(today):
			r.Expired = append(r.Expired, rule)
		case !used[i]:
			r.Unused = append(r.Unused, rule)
		}
	}
}
