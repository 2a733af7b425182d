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
	"MatchEntry": true,
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

// TrimPrefix returns the longest of prefixes that code starts with and
// that leaves something of it, or "".
func TrimPrefix(code string, prefixes []string) string {
	best := ""
	for _, p := range prefixes {
		if len(p) > len(best) && len(p) < len(code) && strings.HasPrefix(code, p) {
			best = p
		}
	}
	return best
}

// SourceName turns a name the source suggests for a code (an OpenAPI
// x-enum-varnames entry, such as "USER_LOGIN_FAILED", "userLoginFailed"
// or "UserLoginFailed") into an exported identifier: split like a code,
// each part capitalised, and an all-upper-case name's parts lower-cased
// after their first letter (UserLoginFailed), with the prefix "Code" when
// the result does not start with a letter. "" when nothing is left.
func SourceName(name string) string {
	if strings.ToUpper(name) == name {
		var b strings.Builder
		start := true
		for _, r := range name {
			switch {
			case !unicode.IsLetter(r) && !unicode.IsDigit(r):
				start = true
				b.WriteRune('_')
				continue
			case !start:
				r = unicode.ToLower(r)
			}
			start = false
			b.WriteRune(r)
		}
		name = b.String()
	}
	return GoName(name, "")
}

// names returns the Go name of each code of c, in the order of
// c.Codes(): an override from opts.Names, else the name the source
// suggests (Entry.Name, see SourceName), else GoName after the longest
// of opts.TrimPrefixes or, without those, the codes' common prefix; a
// derived name that is reserved gets the prefix "Code". array adds the
// names a package for a body that lists errors declares.
func names(c *catalog.Catalog, codes []string, opts Options, array bool) ([]string, error) {
	overrides := opts.Names
	prefix := CommonPrefix(codes)
	origins := make(map[string]catalog.Entry, len(codes))
	suggested := map[string]string{}
	for _, e := range c.Entries {
		if _, ok := origins[e.Code]; !ok {
			origins[e.Code] = e
		}
		if _, ok := suggested[e.Code]; !ok && e.Name != "" {
			suggested[e.Code] = e.Name
		}
	}
	where := func(code string) string {
		if w := where(origins[code]); w != "" {
			return fmt.Sprintf("code %q (%s)", code, w)
		}
		return fmt.Sprintf("code %q", code)
	}
	scimOwn, err := scimNames(c)
	if err != nil {
		return nil, err
	}
	isReserved := func(name string) bool { return reserved[name] || array && name == "Errors" || scimOwn[name] }
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
		case isReserved(name):
			return nil, &catalog.Diagnostic{File: c.Source.File, Where: where(code),
				Message: fmt.Sprintf("names: override %q clashes with the generated package's own %s; choose another name in errgen.yaml", name, name)}
		}
	}

	out := make([]string, len(codes))
	owner := make(map[string]string, len(codes))
	for i, code := range codes {
		name, ok := overrides[code]
		if !ok {
			p := prefix
			if len(opts.TrimPrefixes) > 0 {
				p = TrimPrefix(code, opts.TrimPrefixes)
			}
			if s := suggested[code]; s != "" {
				name = SourceName(s)
			}
			if name == "" {
				name = GoName(code, p)
			}
			if name == "" {
				return nil, &catalog.Diagnostic{File: c.Source.File, Where: where(code),
					Message: "cannot derive a Go name: the code has no letter or digit after the prefix " + fmt.Sprintf("%q", p) + fix}
			}
			if isReserved(name) {
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
