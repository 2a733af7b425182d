package gopkg

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"unicode"

	"github.com/errgen/errgen/catalog"
)

// DefaultSCIMBase is the import path of errgen's own SCIM base package,
// generated from RFC 7644 §3.12 (catalog ietf/scim).
const DefaultSCIMBase = "github.com/errgen/errgen/generated/go/ietf/scim"

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

// scimTypes is catalog.SCIMTypes, the one derivation of the extension
// types that naming reads too, with the Go type of each field: string,
// float64, int64 or bool for a documented JSON type, a slice of the
// element type or a pointer to the object type the catalog derived, and
// json.RawMessage (or a slice of it) for everything else.
func scimTypes(c *catalog.Catalog) ([]scimExt, error) {
	xs, err := catalog.SCIMTypes(c)
	if err != nil {
		return nil, err
	}
	exts := make([]scimExt, len(xs))
	for i, x := range xs {
		exts[i].ext = x.Extension
		for _, t := range x.Types {
			st := scimType{name: t.Name, of: t.Of}
			for _, f := range t.Fields {
				sf := scimField{f: f.Field, goName: f.GoName, kind: f.Field.Type}
				switch f.Field.Type {
				case "string":
					sf.goType = "string"
				case "number":
					sf.goType = "float64"
				case "integer":
					sf.goType = "int64"
				case "boolean":
					sf.goType = "bool"
				case "array":
					sf.goType = "[]json.RawMessage"
					if f.Type != "" {
						sf.goType = "[]" + f.Type
					}
				case "object":
					sf.goType = "json.RawMessage"
					if f.Type != "" {
						sf.goType = "*" + f.Type
					}
				default:
					sf.goType = "json.RawMessage"
					if sf.kind == "" {
						sf.kind = "value"
					}
				}
				st.fields = append(st.fields, sf)
			}
			exts[i].types = append(exts[i].types, st)
		}
	}
	return exts, nil
}

// fileNames are the names errors.go of a SCIM vendor package declares or
// imports, which the import of its base may not take: the imports of
// the file and the package's unexported names (its exported ones are
// catalog.ReservedGoNames, and an import name is never exported).
var fileNames = map[string]bool{
	"apierr": true, "fmt": true, "http": true, "json": true, "slog": true, "time": true, "iter": true,
	"table": true, "envelope": true, "codes": true, "codeEnd": true, "sorted": true, "text": true,
	"textEnd": true, "entries": true, "retryable": true, "documented": true,
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
	if basePkg == opts.Package || fileNames[basePkg] {
		// Both are "scim" in errgen's own tree; or the base's name is one
		// errors.go uses itself.
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
