package gopkg

import (
	"fmt"
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errgen/errgen/catalog"
)

// reserved are the package-level names every generated package declares
// itself; a constant may not take them.
var reserved = map[string]bool{
	"Code": true, "Entry": true, "Info": true, "Error": true,
	"Lookup": true, "All": true, "Parse": true, "FromResponse": true, "Match": true,
}

// isSeparator reports whether r may end a common prefix.
func isSeparator(r byte) bool {
	return r == '.' || r == '_' || r == '-' || r == ':' || r == '/'
}

// CommonPrefix returns the longest prefix shared by all codes that ends at
// a separator ('.', '_', '-', ':' or '/') and leaves every code something
// after it: "IdentityCenter." for Identity Center's codes, "" for
// "errors.x" and "error.y" or for a single code without separator.
func CommonPrefix(codes []string) string {
	if len(codes) == 0 {
		return ""
	}
	lcp := codes[0]
	for _, c := range codes[1:] {
		n := 0
		for n < len(lcp) && n < len(c) && lcp[n] == c[n] {
			n++
		}
		lcp = lcp[:n]
	}
	// Separators are ASCII, so cutting after one never splits a rune.
	for i := len(lcp) - 1; i >= 0; i-- {
		if !isSeparator(lcp[i]) {
			continue
		}
		p := lcp[:i+1]
		leavesRest := true
		for _, c := range codes {
			if len(c) == len(p) {
				leavesRest = false
				break
			}
		}
		if leavesRest {
			return p
		}
	}
	return ""
}

// GoName derives a constant's name from code once prefix (see
// [CommonPrefix]) is removed: the code is split on everything but letters
// and digits, each part's first letter is upper-cased and the parts are
// joined; a result that is not an exported identifier, such as one
// starting with a digit, gets the prefix "Code". "IdentityCenter.1000"
// with prefix "IdentityCenter." is Code1000, "errors.userLoginFailed" with
// no prefix is ErrorsUserLoginFailed. GoName returns "" when the code has
// no letter or digit after the prefix.
func GoName(code, prefix string) string {
	code = strings.TrimPrefix(code, prefix)
	var b strings.Builder
	start := true
	for _, r := range code {
		if r == utf8.RuneError || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			start = true
			continue
		}
		if start {
			r = unicode.ToUpper(r)
			start = false
		}
		b.WriteRune(r)
	}
	name := b.String()
	if name != "" && !token.IsExported(name) {
		name = "Code" + name
	}
	return name
}

// names returns the Go name of each code of c, in the order of
// c.Codes(): an override from names, else GoName, moved off a reserved
// name by the prefix "Code".
func names(c *catalog.Catalog, codes []string, overrides map[string]string) ([]string, error) {
	prefix := CommonPrefix(codes)
	origins := make(map[string]catalog.Origin, len(codes))
	for _, e := range c.Entries {
		if _, ok := origins[e.Code]; !ok {
			origins[e.Code] = e.Origin
		}
	}
	where := func(code string) string {
		o := origins[code]
		return fmt.Sprintf("code %q (table %d, row %d)", code, o.Table, o.Row)
	}
	fix := "; add a names: override (code → exported Go identifier) for it in errgen.yaml"

	for code, name := range sortedMap(overrides) {
		if _, ok := origins[code]; !ok {
			return nil, &catalog.Diagnostic{File: c.Source.File, Where: fmt.Sprintf("names: %q", code),
				Message: fmt.Sprintf("override %q names a code catalog %s does not document; remove it or fix the code", name, c.ID)}
		}
		switch {
		case !token.IsIdentifier(name) || !token.IsExported(name):
			return nil, &catalog.Diagnostic{File: c.Source.File, Where: where(code),
				Message: fmt.Sprintf("names: override %q is not an exported Go identifier (letters and digits, starting with an upper-case letter, not a keyword); fix it in errgen.yaml", name)}
		case reserved[name]:
			return nil, &catalog.Diagnostic{File: c.Source.File, Where: where(code),
				Message: fmt.Sprintf("names: override %q clashes with the generated package's own %s; choose another name in errgen.yaml", name, name)}
		}
	}

	out := make([]string, len(codes))
	owner := make(map[string]string, len(codes))
	for i, code := range codes {
		name, ok := overrides[code]
		if !ok {
			name = GoName(code, prefix)
			if name == "" {
				return nil, &catalog.Diagnostic{File: c.Source.File, Where: where(code),
					Message: "cannot derive a Go name: the code has no letter or digit after the common prefix " + fmt.Sprintf("%q", prefix) + fix}
			}
			if reserved[name] {
				name = "Code" + name
			}
		}
		if other, dup := owner[name]; dup {
			return nil, &catalog.Diagnostic{File: c.Source.File, Where: where(code),
				Message: fmt.Sprintf("codes %q and %q both get the Go name %s; add a names: override (code → exported Go identifier) for one of them in errgen.yaml", other, code, name)}
		}
		owner[name] = code
		out[i] = name
	}
	return out, nil
}
