package catalog

import (
	"fmt"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is the one place Go names of codes are decided. The Go
// emitter declares its constants with these names, diff's module bump
// compares them, and the OpenAPI and Markdown outputs show them, so all of
// them read GoNames and none derives a name of its own.
//
// A name depends on its code alone, the config's naming and the few names
// the generated package declares itself: never on the other codes, so that
// a documentation change that only adds a code renames nothing.

// Naming is what a config says about the Go names of a catalog's codes:
// the go: names: and go: trim_prefixes: keys of errgen.yaml.
type Naming struct {
	// Names overrides the Go names of codes: code → exported identifier.
	// Every key must be a code of the catalog.
	Names map[string]string
	// TrimPrefixes are dropped from a code before its name is derived:
	// the longest of them the code starts with (see [TrimPrefix]).
	TrimPrefixes []string
}

// packageNames are the exported package-level names every generated Go
// package declares itself, so no constant may take them.
var packageNames = []string{"Code", "Entry", "Info", "Error", "Lookup", "All", "Parse", "FromResponse", "Match", "MatchEntry"}

// listName is the type a package for a body that lists errors (see
// [Envelope.ListsErrors]) declares besides packageNames.
const listName = "Errors"

// scimNames are the package-level names a package for a SCIM catalog
// declares besides packageNames; its extension types come on top.
var scimNames = []string{"Decode", "ErrorSchema"}

// scimErrorMembers are the fields and methods of a SCIM package's Error:
// an extension's accessor method is named after its type, so the type may
// not take them.
var scimErrorMembers = map[string]bool{
	"Code": true, "Status": true, "Message": true, "ReqID": true, "Response": true, "Raw": true, "SCIM": true,
	"Schemas": true, "ScimType": true, "Detail": true, "Extensions": true,
	"Error": true, "Is": true, "Unwrap": true, "ErrorCode": true, "ErrorMessage": true, "HTTPStatusCode": true,
	"RequestID": true, "Fault": true, "Retryable": true, "Header": true, "RetryAfter": true, "LogValue": true,
	"Info": true, "Entry": true, "Extension": true,
}

// initialisms are the words Go writes in one case throughout (golint's
// list, as Go's own style uses them): userId is UserID, noSmtpConnection
// NoSMTPConnection.
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "DNS": true,
	"EOF": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true,
	"IP": true, "JSON": true, "LHS": true, "QPS": true, "RAM": true, "RHS": true,
	"RPC": true, "SLA": true, "SMTP": true, "SQL": true, "SSH": true, "TCP": true,
	"TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true, "UUID": true,
	"URI": true, "URL": true, "UTF8": true, "VM": true, "XML": true, "XMPP": true,
	"XSRF": true, "XSS": true,
}

// ListsErrors reports whether a code pointer of e has a "*": the body
// lists errors, and the generated package declares an Errors type for it.
func (e Envelope) ListsErrors() bool {
	for _, s := range e.Shapes {
		if strings.Contains(s.Code+"/", "/*/") {
			return true
		}
	}
	return false
}

// ReservedGoNames returns the exported package-level names the generated
// Go package of c declares itself, which no constant may take: Code,
// Entry, Info, Error, Lookup, All, Parse, FromResponse, Match and
// MatchEntry; Errors after Error when the body lists errors; and for a
// catalog with the SCIM envelope Decode, ErrorSchema and its extension
// types (see [SCIMTypes]), whose naming problems are the error. They
// depend on c alone, so that every reader of [GoNames] agrees.
func ReservedGoNames(c *Catalog) ([]string, error) {
	out := slices.Clone(packageNames)
	if c.Envelope.ListsErrors() {
		out = slices.Insert(out, slices.Index(out, "Error")+1, listName)
	}
	if !c.Envelope.Is("scim") {
		return out, nil
	}
	out = append(out, scimNames...)
	exts, err := SCIMTypes(c)
	for _, x := range exts {
		for _, t := range x.Types {
			out = append(out, t.Name)
		}
	}
	return out, err
}

// GoNames returns the Go name of every code of c, code → name:
//
//   - its override in n.Names (errgen.yaml's go: names:), which must be
//     an exported identifier that the package does not declare itself;
//   - else the name the source suggests for it (Entry.Name, such as an
//     OpenAPI x-enum-varnames entry) made an identifier by [SourceName];
//   - else [GoName] of the code after the longest of n.TrimPrefixes it
//     starts with ([TrimPrefix]).
//
// A suggested or derived name that the package declares itself
// ([ReservedGoNames]) gets the prefix "Code". Nothing depends on the
// other codes: adding a code never renames one.
//
// Problems are *Diagnostic errors naming the code and the fix: an
// override of a code c does not document, one that is not an exported
// identifier or is reserved, a code with no letter or digit to name it
// by, two codes with one name. On error the map still holds a name for
// every code that has one (an override as given, a duplicate name on
// both codes), for readers such as diff that only report names; the Go
// emitter refuses the catalog.
func GoNames(c *Catalog, n Naming) (map[string]string, error) {
	codes := c.Codes()
	out := make(map[string]string, len(codes))
	var first error
	fail := func(where, format string, args ...any) {
		if first == nil {
			first = &Diagnostic{File: c.Source.File, Where: where, Message: fmt.Sprintf(format, args...)}
		}
	}

	origins := make(map[string]Origin, len(codes))
	suggested := map[string]string{}
	for _, e := range c.Entries {
		if _, ok := origins[e.Code]; !ok {
			origins[e.Code] = e.Origin
		}
		if _, ok := suggested[e.Code]; !ok && e.Name != "" {
			suggested[e.Code] = e.Name
		}
	}
	where := func(code string) string {
		if w := originWhere(origins[code]); w != "" {
			return fmt.Sprintf("code %q (%s)", code, w)
		}
		return fmt.Sprintf("code %q", code)
	}

	own, err := ReservedGoNames(c)
	if err != nil && first == nil {
		first = err
	}
	reserved := make(map[string]bool, len(own))
	for _, name := range own {
		reserved[name] = true
	}

	overrides := make([]string, 0, len(n.Names))
	for code := range n.Names {
		overrides = append(overrides, code)
	}
	slices.Sort(overrides) // the first problem reported must not depend on map order
	for _, code := range overrides {
		name := n.Names[code]
		switch _, ok := origins[code]; {
		case !ok:
			fail(fmt.Sprintf("names: %q", code), "override %q names a code catalog %s does not document; remove it or fix the code", name, c.ID)
		case !token.IsIdentifier(name) || !token.IsExported(name):
			fail(where(code), "names: override %q is not an exported Go identifier (letters and digits, starting with an upper-case letter, not a keyword); fix it in errgen.yaml", name)
		case reserved[name]:
			fail(where(code), "names: override %q clashes with the generated package's own %s; choose another name in errgen.yaml", name, name)
		}
	}

	const fix = "; add a names: override (code → exported Go identifier) for it in errgen.yaml"
	owner := make(map[string]string, len(codes))
	for _, code := range codes {
		name, ok := n.Names[code]
		if !ok {
			p := TrimPrefix(code, n.TrimPrefixes)
			if s := suggested[code]; s != "" {
				name = SourceName(s)
			}
			if name == "" {
				name = GoName(code, p)
			}
			if name == "" {
				after := ""
				if p != "" {
					after = fmt.Sprintf(" after the prefix %q", p)
				}
				fail(where(code), "cannot derive a Go name: the code has no letter or digit%s%s", after, fix)
				continue
			}
			if reserved[name] {
				name = "Code" + name
			}
		}
		if reserved[name] {
			// "Code" before a reserved name can be reserved too, such as
			// a SCIM extension type CodeLookup beside a code "lookup".
			fail(where(code), "the code's Go name %s clashes with the generated package's own %s%s", name, name, fix)
			continue
		}
		out[code] = name
		if other, dup := owner[name]; dup {
			fail(where(code), "codes %q and %q both get the Go name %s; add a names: override (code → exported Go identifier) for one of them in errgen.yaml", other, code, name)
			continue
		}
		owner[name] = code
	}
	return out, first
}

// CommonPrefix returns the longest prefix shared by all codes that ends at
// a separator ('.', '_', '-', ':' or '/') and leaves every code something
// after it: "IdentityCenter." for Identity Center's codes, "" for
// "errors.x" and "error.y" or for a single code without separator.
//
// Names do not drop it: it depends on every code, so one added code
// without it would rename all the others. The build only suggests it as
// go: trim_prefixes:, which the config then fixes.
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
		if !strings.ContainsRune(PrefixSeparators, rune(lcp[i])) {
			continue
		}
		p := lcp[:i+1]
		if !slices.ContainsFunc(codes, func(c string) bool { return len(c) == len(p) }) {
			return p
		}
	}
	return ""
}

// PrefixSeparators are the characters that may end a code's prefix (see
// [CommonPrefix]).
const PrefixSeparators = "._-:/"

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

// GoName derives a constant's name from code once prefix is removed (it
// is removed only where it is a prefix), in Go's own style:
//
//   - the code is split into parts on everything but letters and digits,
//     and each part into words at case changes and between letters and
//     digits: "invalidUserId" is invalid, User, Id; "HTTPServer" HTTP,
//     Server; "utf8" utf, 8;
//   - a word that is one of Go's common initialisms (golint's list: ID,
//     URL, HTTP, JSON, SMTP, …) is written upper-case, a letter and a
//     digit word together too (UTF8); an initialism inside a longer word
//     is none (Identity, Idle);
//   - a segment written SCREAMING_SNAKE_CASE (two or more words joined by
//     '_', no lower-case letter) has each word written with only its
//     first letter upper-case (NOT_FOUND is NotFound); any other
//     upper-case word is an acronym and stays (IIC.1000 is IIC1000);
//   - otherwise each part's first letter is upper-cased and the rest
//     kept as written (a lower-case word after digits stays lower-case);
//   - a result that is not an exported identifier, such as one starting
//     with a digit or a letter without case, gets the prefix "Code".
//
// So "IdentityCenter.1000" with prefix "IdentityCenter." is Code1000,
// "errors.userLoginFailed" with no prefix ErrorsUserLoginFailed, and
// "errors.invalidUrl" with prefix "errors." InvalidURL. GoName returns ""
// when the code has no letter or digit after the prefix.
func GoName(code, prefix string) string {
	return joinWords(strings.TrimPrefix(code, prefix), false)
}

// SourceName turns a name the source suggests for a code (an OpenAPI
// x-enum-varnames entry, such as "USER_LOGIN_FAILED", "userLoginFailed"
// or "UserLoginFailed") into an exported identifier as [GoName] does,
// except that a name without lower-case letters is SCREAMING_CASE as a
// whole, one word included (ERROR is Error): x-enum-varnames are
// identifiers of another language, where that case means a constant, not
// an acronym. "" when nothing is left.
func SourceName(name string) string {
	return joinWords(name, strings.IndexFunc(name, unicode.IsLower) < 0)
}

// joinWords is GoName without the prefix; screaming treats all of s as
// SCREAMING_CASE.
func joinWords(s string, screaming bool) string {
	// Parts are the runs of letters and digits; a segment is the parts
	// joined by '_', which may be SCREAMING_SNAKE_CASE.
	type part struct {
		text    string
		segment int
	}
	var parts []part
	segment, start := 0, -1
	for i, r := range s + "." { // the sentinel ends the last part
		if r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			parts = append(parts, part{s[start:i], segment})
			start = -1
		}
		if r != '_' {
			segment++
		}
	}
	if len(parts) == 0 {
		return ""
	}
	snake := map[int]bool{} // segments in SCREAMING_SNAKE_CASE
	if !screaming {
		lettered := map[int]int{}
		lower := map[int]bool{}
		for _, p := range parts {
			if strings.IndexFunc(p.text, unicode.IsLetter) >= 0 {
				lettered[p.segment]++
			}
			if strings.IndexFunc(p.text, unicode.IsLower) >= 0 {
				lower[p.segment] = true
			}
		}
		for seg, n := range lettered {
			snake[seg] = n >= 2 && !lower[seg]
		}
	}
	var b strings.Builder
	for _, p := range parts {
		for i, w := range words(p.text) {
			switch {
			case isInitialism(w):
				b.WriteString(strings.ToUpper(w))
			case screaming || snake[p.segment]:
				r, n := utf8.DecodeRuneInString(w)
				b.WriteRune(unicode.ToUpper(r))
				b.WriteString(strings.ToLower(w[n:]))
			case i == 0:
				r, n := utf8.DecodeRuneInString(w)
				b.WriteRune(unicode.ToUpper(r))
				b.WriteString(w[n:])
			default:
				b.WriteString(w)
			}
		}
	}
	name := b.String()
	if !token.IsExported(name) {
		name = "Code" + name
	}
	return name
}

// isInitialism reports whether w, in any case, is one of Go's common
// initialisms. Only ASCII words are: strings.ToUpper would make the
// Turkish dotless "ıd" an ID.
func isInitialism(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return initialisms[strings.ToUpper(w)]
}

// words splits a run of letters and digits into words: before an
// upper-case letter that follows a lower-case one (user|Id), before the
// last of several upper-case letters when a lower-case one follows
// (HTTP|Server), and between letters and digits (Code|1000). A letter
// word and the digit word after it stay one word when together they are
// an initialism (UTF8).
func words(s string) []string {
	rs := []rune(s)
	var out []string
	start := 0
	for i := 1; i < len(rs); i++ {
		prev, r := rs[i-1], rs[i]
		switch {
		case unicode.IsLower(prev) && unicode.IsUpper(r),
			unicode.IsUpper(prev) && unicode.IsUpper(r) && i+1 < len(rs) && unicode.IsLower(rs[i+1]),
			unicode.IsLetter(prev) && unicode.IsDigit(r),
			unicode.IsDigit(prev) && unicode.IsLetter(r):
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	out = append(out, string(rs[start:]))
	for i := 0; i+1 < len(out); i++ {
		if r, _ := utf8.DecodeRuneInString(out[i+1]); unicode.IsDigit(r) && isInitialism(out[i]+out[i+1]) {
			out[i] += out[i+1]
			out = slices.Delete(out, i+1, i+2)
		}
	}
	return out
}

// SCIMExtension is an extension of a SCIM envelope as the Go types its
// generated package declares: the extension's own and one per object
// among its fields whose members are documented.
type SCIMExtension struct {
	Extension Extension
	// Types[0] is the extension's own type.
	Types []SCIMType
}

// SCIMType is one Go type of a SCIM extension.
type SCIMType struct {
	Name string
	// Of is the field the type is one element of (an array of objects) or
	// the object of, as "Type.Field"; "" for the extension's own type.
	Of     string
	Fields []SCIMField
}

// SCIMField is one field of a [SCIMType].
type SCIMField struct {
	Field Field
	// GoName is the field's Go name: GoName of its JSON name, else
	// "Field" and its index among the extension's fields.
	GoName string
	// Type is the Go type of the field's members: the element type of an
	// array of objects, the type of an object, when the extension
	// documents their fields; "" for other fields (their JSON type says
	// what they are).
	Type string
}

// SCIMTypes derives the Go types of c's envelope extensions, as a SCIM
// catalog's generated package declares them: each extension's name
// (Extension.Name, else its URN's last segment) as an exported identifier,
// with the suffix "Extension" when that is one of the package's or its
// Error's own names; each array of objects gets a type named after its
// field, made singular ("passwordRequirements" → PasswordRequirement) or
// with the suffix "Item", and each object whose members are documented a
// type named after its field. Two types with one name, two fields of a
// type with one name and an extension without URN are *Diagnostic
// errors; the types derived before the problem are returned with it.
func SCIMTypes(c *Catalog) ([]SCIMExtension, error) {
	owner := map[string]string{}
	var exts []SCIMExtension
	fail := func(where, format string, args ...any) error {
		return &Diagnostic{File: c.Source.File, Where: where, Message: fmt.Sprintf(format, args...)}
	}
	own := func(name string) bool {
		return slices.Contains(packageNames, name) || slices.Contains(scimNames, name) || scimErrorMembers[name]
	}
	claim := func(where, name, what string) error {
		if own(name) {
			return fail(where, "%s gets the Go name %s, which the generated package uses itself; give the extension another name in the catalog", what, name)
		}
		if other, dup := owner[name]; dup {
			return fail(where, "%s and %s both get the Go type name %s; rename one in the catalog's envelope", other, what, name)
		}
		owner[name] = what
		return nil
	}
	// fields are the members of the object at prefix (relative to the
	// extension) among fs: those whose pointer is prefix and one more
	// token. Arrays of objects and objects whose members are documented
	// get types of their own, added to out.
	var fields func(where, typeName, prefix string, fs []Field, out *[]SCIMType) ([]SCIMField, error)
	fields = func(where, typeName, prefix string, fs []Field, out *[]SCIMType) ([]SCIMField, error) {
		var sf []SCIMField
		seen := map[string]string{}
		has := func(p string) bool {
			return slices.ContainsFunc(fs, func(f Field) bool { return strings.HasPrefix(f.Pointer, p) })
		}
		for i, f := range fs {
			rest, ok := strings.CutPrefix(f.Pointer, prefix+"/")
			if !ok || strings.Contains(rest, "/") || rest == "*" {
				continue
			}
			at := fmt.Sprintf("%s/fields/%d", where, i)
			name := GoName(f.Name, "")
			if name == "" {
				name = "Field" + strconv.Itoa(i)
			}
			if other, dup := seen[name]; dup {
				return sf, fail(at, "fields %q and %q both get the Go name %s in %s; rename one in the catalog's envelope", other, f.Name, name, typeName)
			}
			seen[name] = f.Name
			x := SCIMField{Field: f, GoName: name}
			nested := func(typ, of, inner string) error {
				if err := claim(at, typ, of); err != nil {
					return err
				}
				k := len(*out)
				*out = append(*out, SCIMType{Name: typ, Of: typeName + "." + name})
				members, err := fields(where, typ, inner, fs, out)
				(*out)[k].Fields = members
				return err
			}
			switch {
			case f.Type == "array" && has(f.Pointer+"/*/"):
				x.Type = singular(name)
				if err := nested(x.Type, fmt.Sprintf("the elements of %s.%s", typeName, name), f.Pointer+"/*"); err != nil {
					return append(sf, x), err
				}
			case f.Type == "object" && has(f.Pointer+"/"):
				x.Type = name
				if err := nested(x.Type, fmt.Sprintf("the object %s.%s", typeName, name), f.Pointer); err != nil {
					return append(sf, x), err
				}
			}
			sf = append(sf, x)
		}
		return sf, nil
	}
	for i, ext := range c.Envelope.Extensions {
		where := fmt.Sprintf("/envelope/extensions/%d", i)
		base := ext.Name
		if base == "" {
			base = ext.URN[strings.LastIndexByte(ext.URN, ':')+1:]
		}
		name := GoName(base, "")
		if name == "" {
			name = "Extension" + strconv.Itoa(i)
		}
		if own(name) {
			name += "Extension"
		}
		if ext.URN == "" {
			return exts, fail(where, "extension %d has no URN: want the member name the body carries it under, such as \"urn:example:scim:Ext\"", i)
		}
		if err := claim(where, name, fmt.Sprintf("extension %q", ext.URN)); err != nil {
			return exts, err
		}
		types := []SCIMType{{Name: name}}
		fs, err := fields(where, name, "", ext.Fields, &types)
		types[0].Fields = fs
		exts = append(exts, SCIMExtension{Extension: ext, Types: types})
		if err != nil {
			return exts, err
		}
	}
	return exts, nil
}

// singular names the element type of an array field: "PasswordRequirements"
// is PasswordRequirement, a name not ending in a single "s" gets "Item".
func singular(name string) string {
	if len(name) > 1 && strings.HasSuffix(name, "s") && !strings.HasSuffix(name, "ss") {
		return name[:len(name)-1]
	}
	return name + "Item"
}
