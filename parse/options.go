package parse

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/errgen/errgen/catalog"
)

// Roles are what a column of a table, or a field of a data item, may
// feed: the keys of Options.Columns and Options.Fields. A body column
// holds whole error bodies (JSON) that give the code and message.
var Roles = []string{"code", "status", "message", "title", "description", "solution", "body"}

// FieldRoles are the roles of a data item's fields: Roles but body.
var FieldRoles = Roles[:len(Roles)-1]

// OptionError is a bad setting: Key names it as errgen.yaml does, and
// Message says what is wrong with its value.
type OptionError struct {
	Key     string
	Message string
}

func (e *OptionError) Error() string { return e.Message }

// Check validates the settings that do not depend on the document, so a
// config or a command line is refused before any source is read.
func (o *Options) Check() *OptionError {
	for _, p := range []struct{ key, ptr string }{{KeyCodePointer, o.CodePointer}, {KeyMessagePointer, o.MessagePointer}} {
		if p.ptr == "" {
			continue
		}
		if msg := bodyPointer(p.ptr); msg != "" {
			return &OptionError{p.key, msg}
		}
	}
	for _, role := range sortedKeys(o.Columns) {
		switch col := o.Columns[role]; {
		case !slices.Contains(Roles, role):
			return &OptionError{KeyColumns, fmt.Sprintf("unknown role %q (one of: %s)", role, strings.Join(Roles, ", "))}
		case strings.TrimSpace(col) == "":
			return &OptionError{KeyColumns, fmt.Sprintf("%s: want a column's header text or its 1-based index", role)}
		case isIndex(col) && col[0] == '0':
			return &OptionError{KeyColumns, fmt.Sprintf("%s: %s: column indexes start at 1", role, col)}
		}
	}
	if o.Items != "" {
		if msg := dataPointer(o.Items, true); msg != "" {
			return &OptionError{KeyItems, msg}
		}
	}
	for _, role := range sortedKeys(o.Fields) {
		if role == "body" {
			return &OptionError{KeyFields, "body is a role of a table column that holds whole error bodies; a data item's fields are code, status, message, title, description and solution"}
		}
		if !slices.Contains(Roles, role) {
			return &OptionError{KeyFields, fmt.Sprintf("unknown role %q (one of: %s)", role, strings.Join(Roles, ", "))}
		}
		if msg := dataPointer(o.Fields[role], false); msg != "" {
			return &OptionError{KeyFields, fmt.Sprintf("%s: %s", role, msg)}
		}
	}
	return nil
}

func isIndex(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// bodyPointer checks a JSON pointer into an error body that may use "*"
// once; it returns what is wrong, or "".
func bodyPointer(p string) string {
	if !strings.HasPrefix(p, "/") {
		return fmt.Sprintf("%q: want a JSON pointer into the error body such as /errors/*/code", p)
	}
	toks, ok := catalog.SplitPointer(p)
	if !ok {
		return fmt.Sprintf("%q: write ~ as ~0 and / as ~1 in a JSON pointer", p)
	}
	stars := 0
	for _, t := range toks {
		if t == "*" {
			stars++
		}
	}
	if stars > 1 {
		return fmt.Sprintf("%q: at most one \"*\" (one array of errors)", p)
	}
	return ""
}

// dataPointer checks a JSON pointer into a data file (items, where "*"
// stands for every member and "#" for the whole document) or into one
// item (fields, no "*").
func dataPointer(p string, stars bool) string {
	example := "/code"
	if stars {
		example = "/errors or /services/*/errors"
	}
	if stars {
		// "#" is the whole document, "#/errors" the same as "/errors".
		if p == "#" {
			return ""
		}
		p = strings.TrimPrefix(p, "#")
	}
	if !strings.HasPrefix(p, "/") {
		return fmt.Sprintf("%q: want a JSON pointer such as %s", p, example)
	}
	toks, ok := catalog.SplitPointer(p)
	if !ok {
		return fmt.Sprintf("%q: write ~ as ~0 and / as ~1 in a JSON pointer", p)
	}
	if !stars && slices.Contains(toks, "*") {
		return fmt.Sprintf("%q: a field is one member of an item, without \"*\"", p)
	}
	return ""
}

// MaxExclude bounds the exclude list, and MaxExcludePattern one of its
// regular expressions: Go's regular expressions run in linear time, but
// a config from a pull request must not compile a megabyte of them.
const (
	MaxExclude        = 1000
	MaxExcludePattern = 1000
)

// Excluder leaves out entries by code (errgen.yaml's exclude:): what the
// readers' rules cannot see, such as a documented test code.
type Excluder struct {
	codes    map[string]int // code → index of its item
	patterns []pattern
	text     []string // every item as written
}

type pattern struct {
	re   *regexp.Regexp
	item int
}

// CompileExclude reads an exclude list: each item is a code, matched
// exactly, or a regular expression between slashes (/^Test\./, Go's
// syntax), matched against the whole code.
func CompileExclude(items []string) (*Excluder, error) {
	if len(items) > MaxExclude {
		return nil, fmt.Errorf("%d items: at most %d", len(items), MaxExclude)
	}
	x := &Excluder{codes: map[string]int{}, text: items}
	for i, item := range items {
		if len(item) >= 2 && strings.HasPrefix(item, "/") && strings.HasSuffix(item, "/") {
			expr := item[1 : len(item)-1]
			if len(expr) > MaxExcludePattern {
				return nil, fmt.Errorf("regular expression of %d bytes: at most %d", len(expr), MaxExcludePattern)
			}
			// Compiled alone first, so an error quotes the user's
			// expression, not errgen's anchors around it.
			if _, err := regexp.Compile(expr); err != nil {
				return nil, fmt.Errorf("%q: %v", item, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
			}
			re, err := regexp.Compile(`^(?:` + expr + `)$`)
			if err != nil {
				return nil, fmt.Errorf("%q: %v", item, err)
			}
			x.patterns = append(x.patterns, pattern{re, i})
			continue
		}
		if strings.TrimSpace(item) == "" {
			return nil, fmt.Errorf("empty item: want a code, or a regular expression between slashes such as /^Test\\./")
		}
		x.codes[item] = i
	}
	return x, nil
}

// Apply removes the excluded entries, in place, and reports each item of
// the list that matched nothing: a stale exclude hides nothing, but says
// the document changed.
func (x *Excluder) Apply(entries []catalog.Entry, file string, report *catalog.Report) []catalog.Entry {
	if x == nil || len(x.text) == 0 {
		return entries
	}
	used := make([]bool, len(x.text))
	kept := entries[:0]
	for _, e := range entries {
		if i, ok := x.match(e.Code); ok {
			used[i] = true
			report.Excluded++
			continue
		}
		kept = append(kept, e)
	}
	for i, u := range used {
		if !u {
			report.Warn(file, "", "exclude: %q matches no code of the document", x.text[i])
		}
	}
	return kept
}

func (x *Excluder) match(code string) (int, bool) {
	if i, ok := x.codes[code]; ok {
		return i, true
	}
	for _, p := range x.patterns {
		if p.re.MatchString(code) {
			return p.item, true
		}
	}
	return 0, false
}
