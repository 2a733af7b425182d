package gopkg

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/errgen/errgen/catalog"
)

// DefaultSCIMBase is the import path of errgen's own SCIM base package,
// generated from RFC 7644 §3.12 (catalog ietf/scim).
const DefaultSCIMBase = "github.com/errgen/errgen/generated/go/ietf/scim"

// scimReserved are the package-level names a package for a SCIM catalog
// declares besides the usual ones.
var scimReserved = []string{"Decode", "ErrorSchema"}

// scimPkg is what a package for a catalog with the SCIM envelope adds.
type scimPkg struct {
	// base is set for the base package, which reads the envelope itself;
	// the others import it from baseImport as alias.
	base       bool
	baseImport string
	alias      string
	exts       []scimExt
}

// scimExt is an extension of the envelope as Go types: the extension's
// own and one per array of objects among its fields.
type scimExt struct {
	ext   catalog.Extension
	types []scimType // types[0] is the extension's
}

type scimType struct {
	name   string
	of     string // what it is one element of, for its doc; "" for the extension itself
	fields []scimField
}

type scimField struct {
	f      catalog.Field
	goName string
	goType string // Go source of the type
	// kind is the JSON type the Go type stands for, for the doc.
	kind string
}

// isSCIM reports whether c's envelope is SCIM's.
func isSCIM(c *catalog.Catalog) bool { return c.Envelope.Is("scim") }

// errorMembers are the fields and methods of a SCIM package's Error, which
// an extension accessor must not take.
var errorMembers = map[string]bool{
	"Code": true, "Status": true, "Message": true, "ReqID": true, "Response": true, "Raw": true, "SCIM": true,
	"Schemas": true, "ScimType": true, "Detail": true, "Extensions": true,
	"Error": true, "Is": true, "Unwrap": true, "ErrorCode": true, "ErrorMessage": true, "HTTPStatusCode": true,
	"RequestID": true, "Fault": true, "Retryable": true, "Header": true, "RetryAfter": true, "LogValue": true,
	"Info": true, "Entry": true, "Extension": true,
}

// scimTypes derives the Go types of c's envelope extensions: each
// extension's name (Extension.Name, else its URN's last segment) as an
// exported identifier, with the suffix "Extension" when that is one of
// the package's or Error's own names; each array of objects gets a type
// named after its field, made singular ("passwordRequirements" →
// PasswordRequirement) or with the suffix "Item". Two types with one name
// are reported.
func scimTypes(c *catalog.Catalog) ([]scimExt, error) {
	owner := map[string]string{}
	var exts []scimExt
	fail := func(where, format string, args ...any) error {
		return &catalog.Diagnostic{File: c.Source.File, Where: where, Message: fmt.Sprintf(format, args...)}
	}
	claim := func(where, name, what string) error {
		if reserved[name] || errorMembers[name] || name == "Decode" || name == "ErrorSchema" {
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
	var fields func(where, typeName, prefix string, fs []catalog.Field, out *[]scimType) ([]scimField, error)
	fields = func(where, typeName, prefix string, fs []catalog.Field, out *[]scimType) ([]scimField, error) {
		var sf []scimField
		seen := map[string]string{}
		has := func(p string) bool {
			return slices.ContainsFunc(fs, func(f catalog.Field) bool { return strings.HasPrefix(f.Pointer, p) })
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
				return nil, fail(at, "fields %q and %q both get the Go name %s in %s; rename one in the catalog's envelope", other, f.Name, name, typeName)
			}
			seen[name] = f.Name
			x := scimField{f: f, goName: name, kind: f.Type}
			nested := func(typ, of, at, inner string) (string, error) {
				if err := claim(at, typ, of); err != nil {
					return "", err
				}
				k := len(*out)
				*out = append(*out, scimType{name: typ, of: typeName + "." + name})
				members, err := fields(where, typ, inner, fs, out)
				if err != nil {
					return "", err
				}
				(*out)[k].fields = members
				return typ, nil
			}
			switch f.Type {
			case "string":
				x.goType = "string"
			case "number":
				x.goType = "float64"
			case "integer":
				x.goType = "int64"
			case "boolean":
				x.goType = "bool"
			case "array":
				if !has(f.Pointer + "/*/") {
					x.goType = "[]json.RawMessage"
					break
				}
				item, err := nested(singular(name), fmt.Sprintf("the elements of %s.%s", typeName, name), at, f.Pointer+"/*")
				if err != nil {
					return nil, err
				}
				x.goType = "[]" + item
			case "object":
				if !has(f.Pointer + "/") {
					x.goType = "json.RawMessage"
					break
				}
				obj, err := nested(name, fmt.Sprintf("the object %s.%s", typeName, name), at, f.Pointer)
				if err != nil {
					return nil, err
				}
				x.goType = "*" + obj
			default:
				x.goType = "json.RawMessage"
				if x.kind == "" {
					x.kind = "value"
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
		if reserved[name] || errorMembers[name] || name == "Decode" || name == "ErrorSchema" {
			name += "Extension"
		}
		if ext.URN == "" {
			return nil, fail(where, "extension %d has no URN: want the member name the body carries it under, such as \"urn:example:scim:Ext\"", i)
		}
		if err := claim(where, name, fmt.Sprintf("extension %q", ext.URN)); err != nil {
			return nil, err
		}
		types := []scimType{{name: name}}
		fs, err := fields(where, name, "", ext.Fields, &types)
		if err != nil {
			return nil, err
		}
		types[0].fields = fs
		exts = append(exts, scimExt{ext: ext, types: types})
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

// scimNames are the names a SCIM catalog's package declares that no
// constant may take; nil for other catalogs.
func scimNames(c *catalog.Catalog) (map[string]bool, error) {
	if !isSCIM(c) {
		return nil, nil
	}
	exts, err := scimTypes(c)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, n := range scimReserved {
		out[n] = true
	}
	for _, x := range exts {
		for _, t := range x.types {
			out[t.name] = true
		}
	}
	return out, nil
}

// newSCIM resolves what a SCIM catalog's package needs; nil for others.
func newSCIM(c *catalog.Catalog, opts Options) (*scimPkg, error) {
	if !isSCIM(c) {
		return nil, nil
	}
	exts, err := scimTypes(c)
	if err != nil {
		return nil, err
	}
	s := &scimPkg{exts: exts}
	if opts.SCIMBase == "" || opts.SCIMBase == opts.ImportPath {
		s.base = true
		return s, nil
	}
	s.baseImport = opts.SCIMBase
	basePkg := opts.SCIMBasePackage
	if basePkg == "" {
		basePkg = path.Base(opts.SCIMBase)
	}
	if err := checkPackage(basePkg); err != nil {
		return nil, &catalog.Diagnostic{Where: "SCIM base package", Message: fmt.Sprintf("the SCIM base package %s is named %q, which is not a usable package name", opts.SCIMBase, basePkg)}
	}
	s.alias = basePkg
	if basePkg == opts.Package {
		// Both are "scim" in errgen's own tree.
		s.alias = "rfc7644"
	}
	return s, nil
}

// scimDoc is the package doc's SCIM section.
func (g *gen) scimDoc(d *doc) {
	s, pkg := g.scim, g.opts.Package
	d.para()
	d.add("# SCIM")
	d.para()
	if s.base {
		d.text(`This is the base of errgen's SCIM packages. It reads the error
			response of RFC 7644 §3.12, such as`)
		d.para()
		d.add("\t{")
		d.add("\t  \"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:Error\"],")
		d.add("\t  \"scimType\": \"uniqueness\",")
		d.add("\t  \"detail\": \"userName has already been taken\",")
		d.add("\t  \"status\": \"409\"")
		d.add("\t}")
		d.para()
		d.text(`[Decode] returns the whole envelope as an [*Error]: Schemas; Status,
			from a JSON string as the RFC writes it or a number as some servers
			send it; ScimType; Detail, verbatim; and every member named by a URN
			(an extension schema) as raw JSON in Extensions, never dropped. A body
			that is not a JSON object, or whose status is neither a number nor a
			string of digits, is an error that says what was expected; [Parse] is
			Decode without the reason, and [FromResponse] reads an *http.Response.`)
		d.para()
		d.text(fmt.Sprintf(`An error's Code is its scimType, else its status ("404").
			errors.Is matches an *Error with the constant of either: for the body
			above both errors.Is(err, %s.Uniqueness) and errors.Is(err, %s.Code409)
			hold. The packages errgen generates for a vendor's SCIM API wrap this
			package's *Error in their own, so the same check works on their errors.`, pkg, pkg))
	} else {
		d.text(fmt.Sprintf(`The vendor answers with the SCIM error response of RFC 7644
			§3.12. [Parse] reads it with the SCIM base package %s (imported here
			as %s), whose *Error the [*Error] of this package wraps: Unwrap returns
			it, so errors.Is(err, %s.Uniqueness) holds for a uniqueness error from
			this vendor as from any other SCIM API, and errors.As(err, &scimErr),
			with scimErr a *%s.Error, gives the whole envelope (schemas, scimType,
			status, detail verbatim, extensions). A status is read from a JSON
			number or a string of digits.`, s.baseImport, s.alias, s.alias, s.alias))
		d.para()
		d.text(`Code is the scimType when this package documents it, else the
			status ("404") when documented, else the scimType or status as sent.
			Several documented cases may share a code and status; [Error.Entry]
			tells them apart by the error's detail and returns the case's title,
			description and solution.`)
	}
	for _, x := range s.exts {
		d.para()
		also := ""
		if len(x.ext.Aliases) > 0 {
			also = " (also read under " + strings.Join(cleanAll(x.ext.Aliases), ", ") + ")"
		}
		d.text(fmt.Sprintf(`[Error.%s] decodes the %s extension%s into a [%s].`, x.types[0].name, oneLine(x.ext.URN), also, x.types[0].name))
	}
}

func cleanAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = oneLine(s)
	}
	return out
}

// scimExtData prepares the extension types and accessors of a SCIM
// package for the template.
func (g *gen) scimExtData() []extData {
	var out []extData
	for _, x := range g.scim.exts {
		var xd extData
		for k, t := range x.types {
			var d doc
			if k == 0 {
				d.text(fmt.Sprintf("%s is the %s extension of an error body.", t.name, oneLine(x.ext.URN)))
				if len(x.ext.Aliases) > 0 {
					d.text("The vendor also documents it as " + strings.Join(cleanAll(x.ext.Aliases), ", ") + ".")
				}
				if x.ext.Description != "" {
					d.para()
					labelled(&d, "Documented: ", x.ext.Description, "")
				}
			} else if strings.HasSuffix(t.of, "."+t.name) {
				d.text(fmt.Sprintf("%s is the object of %s.", t.name, t.of))
			} else {
				d.text(fmt.Sprintf("%s is one element of %s.", t.name, t.of))
			}
			td := typeData{Name: t.name, Doc: comments(d)}
			for _, sf := range t.fields {
				var fd doc
				fd.text(fmt.Sprintf("%s is %s (JSON %s).", sf.goName, strconv.Quote(oneLine(sf.f.Name)), sf.kind))
				labelled(&fd, "Documented: ", sf.f.Description, "")
				tag := sf.f.Name
				if !tagName(tag) {
					fd.add("(Not decoded: its JSON name cannot be a struct tag.)")
					tag = "-"
				}
				td.Fields = append(td.Fields, extField{Name: sf.goName, Type: sf.goType, TagQ: strconv.Quote(tag), Doc: comments(fd)})
			}
			xd.Types = append(xd.Types, td)
		}
		name := x.types[0].name
		urns := []string{strconv.Quote(x.ext.URN)}
		for _, a := range x.ext.Aliases {
			urns = append(urns, strconv.Quote(a))
		}
		also := ""
		if len(x.ext.Aliases) > 0 {
			also = " (or under " + strings.Join(cleanAll(x.ext.Aliases), ", ") + ")"
		}
		var d doc
		d.text(fmt.Sprintf("%s decodes the %s extension%s that the body carries; ok is false when it has none or it does not decode as documented.", name, oneLine(x.ext.URN), also))
		xd.Name, xd.Doc, xd.URNs = name, comments(d), strings.Join(urns, ", ")
		out = append(out, xd)
	}
	return out
}

func tagName(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", r):
		case unicode.IsLetter(r), unicode.IsDigit(r):
		default:
			return false
		}
	}
	return true
}
