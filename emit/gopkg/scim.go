package gopkg

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/emit/gopkg/internal/support"
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
	goType *jen.Statement
	// kind is the JSON type the Go type stands for, for the doc.
	kind string
}

// isSCIM reports whether c's envelope is SCIM's.
func isSCIM(c *catalog.Catalog) bool { return c.Envelope.Is("scim") }

// errorMembers are the fields and methods of a SCIM package's Error, which
// an extension accessor must not take.
var errorMembers = map[string]bool{
	"Code": true, "Status": true, "Message": true, "RequestID": true, "Raw": true, "SCIM": true,
	"Schemas": true, "ScimType": true, "Detail": true, "Extensions": true,
	"Error": true, "Is": true, "Unwrap": true, "ErrorCode": true, "HTTPStatusCode": true,
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
			nested := func(typ, of, at, inner string) (*jen.Statement, error) {
				if err := claim(at, typ, of); err != nil {
					return nil, err
				}
				k := len(*out)
				*out = append(*out, scimType{name: typ, of: typeName + "." + name})
				members, err := fields(where, typ, inner, fs, out)
				if err != nil {
					return nil, err
				}
				(*out)[k].fields = members
				return jen.Id(typ), nil
			}
			switch f.Type {
			case "string":
				x.goType = jen.String()
			case "number":
				x.goType = jen.Float64()
			case "integer":
				x.goType = jen.Int64()
			case "boolean":
				x.goType = jen.Bool()
			case "array":
				if !has(f.Pointer + "/*/") {
					x.goType = jen.Index().Qual("encoding/json", "RawMessage")
					break
				}
				item, err := nested(singular(name), fmt.Sprintf("the elements of %s.%s", typeName, name), at, f.Pointer+"/*")
				if err != nil {
					return nil, err
				}
				x.goType = jen.Index().Add(item)
			case "object":
				if !has(f.Pointer + "/") {
					x.goType = jen.Qual("encoding/json", "RawMessage")
					break
				}
				obj, err := nested(name, fmt.Sprintf("the object %s.%s", typeName, name), at, f.Pointer)
				if err != nil {
					return nil, err
				}
				x.goType = jen.Op("*").Add(obj)
			default:
				x.goType = jen.Qual("encoding/json", "RawMessage")
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

// scimSupportFile is scim.go of package support as the base package's
// scim_support.go.
func scimSupportFile(pkg string) ([]byte, error) {
	return copySupport(support.SCIMSource, "scim.go", pkg)
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

// scimErrorsFile is errors.go of a SCIM package.
func (g *gen) scimErrorsFile() *jen.File {
	f := g.newFile()
	if g.scim.base {
		g.scimBaseAPI(f)
	} else {
		f.ImportAlias(g.scim.baseImport, g.scim.alias)
		g.scimVendorAPI(f)
	}
	g.scimExtensions(f)
	return f
}

func (g *gen) scimBaseAPI(f *jen.File) {
	pkg := g.opts.Package
	e := jen.Id("e")
	comment(f, "// ErrorSchema is the schema URI of a SCIM error response (RFC 7644 §3.12).")
	f.Const().Id("ErrorSchema").Op("=").Lit(catalog.SCIMErrorSchema)
	comment(f, `
// Error is a SCIM error response (RFC 7644 §3.12), as [Decode], [Parse]
// and [FromResponse] read it: the whole envelope.
`)
	f.Type().Id("Error").Struct(
		jen.Comment("// Code is ScimType when the body has one, else Status in decimal"),
		jen.Comment("// (\"404\"): a constant of this package when documented, \"\" for neither."),
		jen.Id("Code").Id("Code"),
		jen.Comment("// Schemas are the body's schema URIs; a conforming body lists ErrorSchema."),
		jen.Id("Schemas").Index().String(),
		jen.Comment("// Status is the body's status, read from a JSON number or a string of"),
		jen.Comment("// digits; the HTTP status given to Decode when the body has none."),
		jen.Id("Status").Int(),
		jen.Comment("// ScimType is the body's scimType keyword, \"\" when it has none."),
		jen.Id("ScimType").String(),
		jen.Comment("// Detail is the body's detail, verbatim."),
		jen.Id("Detail").String(),
		jen.Comment("// Extensions are the body's members named by a URN other than"),
		jen.Comment("// ErrorSchema (extension schemas), as raw JSON by member name; nil when"),
		jen.Comment("// there are none."),
		jen.Id("Extensions").Map(jen.String()).Qual("encoding/json", "RawMessage"),
		jen.Comment("// Raw is the response body as read, not copied: it shares memory with"),
		jen.Comment("// the body given to Decode or put back by FromResponse."),
		jen.Id("Raw").Index().Byte(),
	)
	g.errorMethod(f, "ScimType", "Detail", "")
	comment(f, fmt.Sprintf(`
// Is reports whether target is the [Code] of e or of its status, so that
// errors.Is(err, %s.Uniqueness) and errors.Is(err, %s.Code409) both hold
// for a uniqueness error sent with status 409, through any wrapping.
`, pkg, pkg))
	f.Func().Params(e.Clone().Op("*").Id("Error")).Id("Is").Params(jen.Id("target").Error()).Bool().Block(
		jen.List(jen.Id("c"), jen.Id("ok")).Op(":=").Id("target").Assert(jen.Id("Code")),
		jen.Return(jen.Id("ok").Op("&&").Add(e.Clone()).Op("!=").Nil().Op("&&").Parens(
			jen.Id("c").Op("==").Add(e.Clone()).Dot("Code").Op("||").Id("errgenStatusIs").Call(jen.String().Call(jen.Id("c")), e.Clone().Dot("Status")))),
	)
	g.commonMethods(f)
	entryMethod(f, "Detail")
	comment(f, `
// Extension returns the raw JSON of the first of urns the body has a
// member for.
`)
	f.Func().Params(e.Clone().Op("*").Id("Error")).Id("Extension").Params(jen.Id("urns").Op("...").String()).Params(jen.Qual("encoding/json", "RawMessage"), jen.Bool()).Block(
		jen.If(e.Clone().Op("==").Nil()).Block(jen.Return(jen.Nil(), jen.False())),
		jen.For(jen.List(jen.Id("_"), jen.Id("u")).Op(":=").Range().Id("urns")).Block(
			jen.If(jen.List(jen.Id("raw"), jen.Id("ok")).Op(":=").Add(e.Clone()).Dot("Extensions").Index(jen.Id("u")), jen.Id("ok")).Block(
				jen.Return(jen.Id("raw"), jen.True()),
			),
		),
		jen.Return(jen.Nil(), jen.False()),
	)

	comment(f, fmt.Sprintf(`
// Decode reads a SCIM error response body; status is the response's HTTP
// status, which stands in for a body without "status". The body must be a
// JSON object whose "status", when present, is a JSON number or a string
// of digits (an HTTP status, 100–599), whose "scimType" and "detail" are
// strings and "schemas" an array of strings (each may be null or absent),
// and that has a status, a scimType or ErrorSchema in its schemas. For
// any other body the error says what was expected, such as
//
//	%s: "status" is true: want the HTTP status as a JSON number or a string of digits, such as 404 or "404"
`, pkg))
	f.Func().Id("Decode").Params(jen.Id("status").Int(), jen.Id("body").Index().Byte()).Params(jen.Op("*").Id("Error"), jen.Error()).Block(
		jen.List(jen.Id("s"), jen.Id("err")).Op(":=").Id("errgenSCIMDecode").Call(jen.Lit(pkg), jen.Id("status"), jen.Id("body")),
		jen.If(jen.Id("err").Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Id("err"))),
		e.Clone().Op(":=").Op("&").Id("Error").Values(
			jen.Id("Schemas").Op(":").Id("s").Dot("schemas"),
			jen.Id("Status").Op(":").Id("s").Dot("status"),
			jen.Id("ScimType").Op(":").Id("s").Dot("scimType"),
			jen.Id("Detail").Op(":").Id("s").Dot("detail"),
			jen.Id("Extensions").Op(":").Id("s").Dot("extensions"),
			jen.Id("Raw").Op(":").Id("body"),
		),
		jen.If(jen.List(jen.Id("i"), jen.Id("known")).Op(":=").Id("errgenSearch").Call(jen.Id("sortedCodes").Index(jen.Empty(), jen.Empty()), jen.Id("s").Dot("code")), jen.Id("known")).Block(
			e.Clone().Dot("Code").Op("=").Id("Code").Call(jen.Id("sortedCodes").Index(jen.Id("i"))),
		).Else().Block(
			e.Clone().Dot("Code").Op("=").Id("Code").Call(jen.Id("s").Dot("code")),
		),
		jen.Return(e.Clone(), jen.Nil()),
	)
	comment(f, `
// Parse is [Decode] for callers that need no reason: ok is false when
// Decode fails.
`)
	f.Func().Id("Parse").Params(jen.Id("status").Int(), jen.Id("body").Index().Byte()).Params(jen.Op("*").Id("Error"), jen.Bool()).Block(
		jen.List(e.Clone(), jen.Id("err")).Op(":=").Id("Decode").Call(jen.Id("status"), jen.Id("body")),
		jen.Return(e.Clone(), jen.Id("err").Op("==").Nil()),
	)
	g.scimFromResponse(f)
}

func (g *gen) scimVendorAPI(f *jen.File) {
	pkg, alias, base := g.opts.Package, g.scim.alias, g.scim.baseImport
	e := jen.Id("e")
	comment(f, fmt.Sprintf(`
// Error is an error response of the vendor's SCIM API, as [FromResponse]
// and [Parse] read it. It wraps the whole SCIM envelope, as package
// %s reads it, which Unwrap returns.
`, base))
	f.Type().Id("Error").Struct(
		jen.Comment("// Code is the body's scimType when this package documents it, else its"),
		jen.Comment("// status (\"404\") when documented, else the scimType or status as sent:"),
		jen.Comment("// a constant of this package when the code is documented."),
		jen.Id("Code").Id("Code"),
		jen.Comment("// Status is the body's status; the HTTP status when the body has none."),
		jen.Id("Status").Int(),
		jen.Comment("// Message is the body's detail, verbatim."),
		jen.Id("Message").String(),
		jen.Comment("// RequestID is always \"\": SCIM error bodies carry none. It is kept for"),
		jen.Comment("// the API every errgen package shares."),
		jen.Id("RequestID").String(),
		jen.Comment("// Raw is the response body as read, not copied: it shares memory with"),
		jen.Comment("// the body given to Parse or put back by FromResponse."),
		jen.Id("Raw").Index().Byte(),
		jen.Comment(fmt.Sprintf("// SCIM is the whole envelope (schemas, scimType, status, detail and")),
		jen.Comment(fmt.Sprintf("// extensions) as package %s reads it; nil when the body", alias)),
		jen.Comment("// is not a SCIM error. Unwrap returns it."),
		jen.Id("SCIM").Op("*").Qual(base, "Error"),
	)
	g.errorMethod(f, "Code", "Message", "RequestID")
	comment(f, fmt.Sprintf(`
// Is reports whether target is the [Code] of e, so that
// errors.Is(err, %s) works on any error wrapping e. The SCIM
// constants of package %s match through Unwrap.
`, g.names[0], alias))
	f.Func().Params(e.Clone().Op("*").Id("Error")).Id("Is").Params(jen.Id("target").Error()).Bool().Block(
		jen.List(jen.Id("c"), jen.Id("ok")).Op(":=").Id("target").Assert(jen.Id("Code")),
		jen.Return(jen.Id("ok").Op("&&").Add(e.Clone()).Op("!=").Nil().Op("&&").Id("c").Op("==").Add(e.Clone()).Dot("Code")),
	)
	comment(f, fmt.Sprintf(`
// Unwrap returns the SCIM envelope, so that errors.Is(err, %s.Uniqueness)
// holds for a uniqueness error and errors.As finds the *%s.Error.
`, alias, alias))
	f.Func().Params(e.Clone().Op("*").Id("Error")).Id("Unwrap").Params().Error().Block(
		jen.If(e.Clone().Op("==").Nil().Op("||").Add(e.Clone()).Dot("SCIM").Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Return(e.Clone().Dot("SCIM")),
	)
	g.commonMethods(f)
	entryMethod(f, "Message")
	comment(f, fmt.Sprintf(`
// Parse reads a SCIM error response body with %s.Decode (see there for
// what it accepts: status may be a JSON number or a string of digits);
// status is the response's HTTP status. ok is false when Decode fails.
// Raw is body itself, not a copy.
`, alias))
	f.Func().Id("Parse").Params(jen.Id("status").Int(), jen.Id("body").Index().Byte()).Params(jen.Op("*").Id("Error"), jen.Bool()).Block(
		jen.List(jen.Id("s"), jen.Id("err")).Op(":=").Qual(base, "Decode").Call(jen.Id("status"), jen.Id("body")),
		jen.If(jen.Id("err").Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.False())),
		jen.Return(jen.Op("&").Id("Error").Values(
			jen.Id("Code").Op(":").Id("Code").Call(jen.Id("errgenSCIMCode").Call(jen.Id("sortedCodes").Index(jen.Empty(), jen.Empty()), jen.Id("s").Dot("ScimType"), jen.Id("s").Dot("Status"))),
			jen.Id("Status").Op(":").Id("s").Dot("Status"),
			jen.Id("Message").Op(":").Id("s").Dot("Detail"),
			jen.Id("Raw").Op(":").Id("body"),
			jen.Id("SCIM").Op(":").Id("s"),
		), jen.True()),
	)
	_ = pkg
	g.scimFromResponse(f)
}

// errorMethod adds Error.Error, built from the fields named code, msg and
// requestID ("" for none).
func (g *gen) errorMethod(f *jen.File, code, msg, requestID string) {
	pkg := g.opts.Package
	e := jen.Id("e")
	example := "uniqueness (HTTP 409): detail"
	if !g.scim.base {
		example = oneLine(g.codes[0])
		if s := g.groups[0][0].Status; s != 0 {
			example += fmt.Sprintf(" (HTTP %d)", s)
		}
		example += ": detail"
	}
	comment(f, fmt.Sprintf(`
// Error returns one line, such as
//
//	%s: %s
//
// with control characters in the parts replaced by spaces.
`, pkg, example))
	var rid jen.Code = jen.Lit("")
	if requestID != "" {
		rid = e.Clone().Dot(requestID)
	}
	f.Func().Params(e.Clone().Op("*").Id("Error")).Id("Error").Params().String().Block(
		jen.If(e.Clone().Op("==").Nil()).Block(jen.Return(jen.Lit(pkg+": <nil>"))),
		jen.Return(jen.Id("errgenErrorText").Call(jen.Lit(pkg), jen.String().Call(e.Clone().Dot("Code")), e.Clone().Dot("Status"), e.Clone().Dot(msg), rid)),
	)
}

// commonMethods adds ErrorCode, HTTPStatusCode and Info.
func (g *gen) commonMethods(f *jen.File) {
	e := jen.Id("e")
	comment(f, "// ErrorCode returns the code as a string, for callers that test errors for this method.")
	f.Func().Params(e.Clone().Op("*").Id("Error")).Id("ErrorCode").Params().String().Block(
		jen.If(e.Clone().Op("==").Nil()).Block(jen.Return(jen.Lit(""))),
		jen.Return(jen.String().Call(e.Clone().Dot("Code"))),
	)
	comment(f, "// HTTPStatusCode returns the HTTP status, for callers that test errors for this method.")
	f.Func().Params(e.Clone().Op("*").Id("Error")).Id("HTTPStatusCode").Params().Int().Block(
		jen.If(e.Clone().Op("==").Nil()).Block(jen.Return(jen.Lit(0))),
		jen.Return(e.Clone().Dot("Status")),
	)
	comment(f, "// Info returns what the vendor documents about e's code.")
	f.Func().Params(e.Clone().Op("*").Id("Error")).Id("Info").Params().Params(jen.Id("Info"), jen.Bool()).Block(
		jen.If(e.Clone().Op("==").Nil()).Block(jen.Return(jen.Id("Info").Values(), jen.False())),
		jen.Return(jen.Id("Lookup").Call(jen.String().Call(e.Clone().Dot("Code")))),
	)
}

func (g *gen) scimFromResponse(f *jen.File) {
	e, resp := jen.Id("e"), jen.Id("resp")
	var fr doc
	fr.text(`FromResponse returns the error resp reports: nil for a nil resp or a
		status below 400, else an [*Error], also when the body is not a SCIM
		error (Code is then the status, Raw holds the body, and nothing else is
		set).`)
	fr.para()
	fr.text(`It reads at most 1 MiB of the body and puts back a body that yields
		everything again, read or not; closing it closes the original. When
		reading fails, the error wraps both the *Error and the read error, so
		errors.As and errors.Is find either.`)
	for _, l := range fr {
		f.Comment(commentLine(l))
	}
	fallback := []jen.Code{
		jen.Id("Status").Op(":").Add(resp.Clone()).Dot("StatusCode"),
		jen.Id("Raw").Op(":").Id("body"),
	}
	var code jen.Code
	if g.scim.base {
		code = jen.Id("Code").Call(jen.Qual("strconv", "Itoa").Call(resp.Clone().Dot("StatusCode")))
	} else {
		code = jen.Id("Code").Call(jen.Id("errgenSCIMCode").Call(jen.Id("sortedCodes").Index(jen.Empty(), jen.Empty()), jen.Lit(""), resp.Clone().Dot("StatusCode")))
	}
	fallback = append([]jen.Code{jen.Id("Code").Op(":").Add(code)}, fallback...)
	f.Func().Id("FromResponse").Params(resp.Clone().Op("*").Qual("net/http", "Response")).Error().Block(
		jen.If(resp.Clone().Op("==").Nil().Op("||").Add(resp.Clone()).Dot("StatusCode").Op("<").Lit(400)).Block(jen.Return(jen.Nil())),
		jen.List(jen.Id("body"), jen.Id("readErr")).Op(":=").Id("errgenReadBody").Call(resp.Clone()),
		jen.List(e.Clone(), jen.Id("ok")).Op(":=").Id("Parse").Call(resp.Clone().Dot("StatusCode"), jen.Id("body")),
		jen.If(jen.Op("!").Id("ok")).Block(
			e.Clone().Op("=").Op("&").Id("Error").Values(fallback...),
		),
		jen.If(jen.Id("readErr").Op("!=").Nil()).Block(
			jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("%w: reading body: %w"), e.Clone(), jen.Id("readErr"))),
		),
		jen.Return(e.Clone()),
	)
}

// scimExtensions adds a type per extension (and per array of objects in
// it) and an Error method that decodes it.
func (g *gen) scimExtensions(f *jen.File) {
	e := jen.Id("e")
	for _, x := range g.scim.exts {
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
			for _, l := range d {
				f.Comment(commentLine(l))
			}
			var fields []jen.Code
			for _, sf := range t.fields {
				var fd doc
				fd.text(fmt.Sprintf("%s is %s (JSON %s).", sf.goName, strconv.Quote(oneLine(sf.f.Name)), sf.kind))
				labelled(&fd, "Documented: ", sf.f.Description, "")
				for _, l := range fd {
					fields = append(fields, jen.Comment(commentLine(l)))
				}
				if !tagName(sf.f.Name) {
					fields = append(fields, jen.Comment(commentLine("(Not decoded: its JSON name cannot be a struct tag.)")))
					fields = append(fields, jen.Id(sf.goName).Add(sf.goType).Tag(map[string]string{"json": "-"}))
					continue
				}
				fields = append(fields, jen.Id(sf.goName).Add(sf.goType).Tag(map[string]string{"json": sf.f.Name}))
			}
			f.Type().Id(t.name).Struct(fields...)
		}
		name := x.types[0].name
		urns := []jen.Code{jen.Lit(x.ext.URN)}
		for _, a := range x.ext.Aliases {
			urns = append(urns, jen.Lit(a))
		}
		also := ""
		if len(x.ext.Aliases) > 0 {
			also = " (or under " + strings.Join(cleanAll(x.ext.Aliases), ", ") + ")"
		}
		comment(f, fmt.Sprintf(`
// %s decodes the %s extension%s that the body carries; ok is false when
// it has none or it does not decode as documented.
`, name, oneLine(x.ext.URN), also))
		var get []jen.Code
		if g.scim.base {
			get = []jen.Code{
				jen.List(jen.Id("raw"), jen.Id("ok")).Op(":=").Add(e.Clone()).Dot("Extension").Call(urns...),
			}
		} else {
			get = []jen.Code{
				jen.If(e.Clone().Op("==").Nil().Op("||").Add(e.Clone()).Dot("SCIM").Op("==").Nil()).Block(jen.Return(jen.Nil(), jen.False())),
				jen.List(jen.Id("raw"), jen.Id("ok")).Op(":=").Add(e.Clone()).Dot("SCIM").Dot("Extension").Call(urns...),
			}
		}
		body := append(get,
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Nil(), jen.False())),
			jen.Var().Id("x").Id(name),
			jen.If(jen.Qual("encoding/json", "Unmarshal").Call(jen.Id("raw"), jen.Op("&").Id("x")).Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.False())),
			jen.Return(jen.Op("&").Id("x"), jen.True()),
		)
		f.Func().Params(e.Clone().Op("*").Id("Error")).Id(name).Params().Params(jen.Op("*").Id(name), jen.Bool()).Block(body...)
	}
}

// tagName reports whether encoding/json takes name from a struct tag as
// written: it must not be empty and may hold only letters, digits and
// some punctuation.
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
