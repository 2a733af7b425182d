package gopkg

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
)

// errorsData is what tmpl/errors.go.tmpl reads. Every string in it is an
// identifier, a Go literal quoted here (fields ending in Q, Pointers,
// Shapes, URNs) or comment text cleaned here (Doc, ShapeDoc, PrefixDoc,
// the examples and the *Doc phrases).
type errorsData struct {
	Header, Pkg, PkgQ string
	NilQ              string // the text of a nil error, quoted
	Kind              string // single, list, scimbase or scimvendor
	Imports           []string
	First             string // the first constant's name
	Msg               string // the field of Error that holds the message
	ErrorExample      string
	ErrorsExample     string
	RetryDoc          string
	IsDoc, FromDoc    []string // comment lines of Error.Is and FromResponse
	Type, Var         string   // FromResponse's error type and its variable
	Fallback          string   // Go: the fields FromResponse sets for a body that is no error body

	RequestIDHeaderQ string

	Pointers, Element string
	Shapes            []string
	RawIndexes        string
	RawCount          int
	ShapeDoc          []string
	PrefixDoc         []string
	Fields            []fieldData

	SCIMBase, SCIMAlias string
	Exts                []extData
}

type fieldData struct {
	Name string
	Doc  []string
}

// extData is a SCIM extension: its types, and the Error method that
// decodes it (Name, Doc, URNs).
type extData struct {
	Name  string
	Doc   []string
	URNs  string
	Types []typeData
}

type typeData struct {
	Name   string
	Doc    []string
	Fields []extField
}

type extField struct {
	Name, Type, TagQ string
	Doc              []string
}

// comments renders d as comment lines.
func comments(d doc) []string {
	out := make([]string, len(d))
	for i, l := range d {
		out[i] = commentLine(l)
	}
	return out
}

// errorsFile is errors.go: the error types, Parse and FromResponse.
func (g *gen) errorsFile() ([]byte, error) {
	pkg := g.opts.Package
	d := &errorsData{
		Header: fileHeader(),
		Pkg:    pkg,
		PkgQ:   strconv.Quote(pkg),
		NilQ:   strconv.Quote(pkg + ": <nil>"),
		First:  g.names[0],
		Msg:    "Message",
	}
	example := oneLine(g.codes[0])
	if s := g.groups[0][0].Status; s != 0 {
		example += fmt.Sprintf(" (HTTP %d)", s)
	}
	d.ErrorExample = clean(pkg + ": " + example + ": message [request_id 0f7e6b5c]")
	d.ErrorsExample = clean(pkg + ": " + example + ": message (+1 more) [request_id 0f7e6b5c]")
	d.RetryDoc = g.retryDoc()
	headerDoc := "the catalog names no request ID header"
	if h := g.env.header; h != "" {
		d.RequestIDHeaderQ = strconv.Quote(h)
		headerDoc = fmt.Sprintf("the request ID comes from the %s header when the body carries none", oneLine(h))
		if g.env.array {
			headerDoc = fmt.Sprintf("the request ID, of Errors and of each error, comes from the %s header when the body carries none", oneLine(h))
		}
	}
	d.Type, d.Var = "Error", "e"
	which := `also when the body carries no code or one this package does not know
		(Code is then "" or that code) or is not JSON at all (Raw then holds it)`
	var is doc
	is.text(fmt.Sprintf("Is reports whether target is the [Code] of e, so that errors.Is(err, %s) works on any error wrapping e.", g.names[0]))
	imports := []string{`"fmt"`, `"log/slog"`, `"net/http"`, `"time"`, "", `"github.com/errgen/errgen/apierr"`}
	withJSON := func() { imports = append([]string{`"encoding/json"`}, imports...) }
	switch {
	case g.scim != nil && g.scim.base:
		d.Kind, d.Msg = "scimbase", "Detail"
		is = nil
		is.text(fmt.Sprintf(`Is reports whether target is the [Code] of e or of its status, so
			that errors.Is(err, %s.Uniqueness) and errors.Is(err, %s.Code409) both hold for a
			uniqueness error sent with status 409, through any wrapping.`, pkg, pkg))
		d.ErrorExample = clean(pkg + ": uniqueness (HTTP 409): detail")
		withJSON()
	case g.scim != nil:
		d.Kind = "scimvendor"
		d.SCIMBase, d.SCIMAlias = g.scim.baseImport, g.scim.alias
		is.text(fmt.Sprintf("The SCIM constants of package %s match through Unwrap.", g.scim.alias))
		d.ErrorExample = clean(pkg + ": " + example + ": detail")
		imports = append(imports, g.scim.alias+" "+strconv.Quote(g.scim.baseImport))
		if len(g.scim.exts) > 0 {
			withJSON()
		}
	case g.env.array:
		d.Kind = "list"
		d.Type, d.Var = "Errors", "es"
		which = `also when the body lists no code or is not JSON at all (Errors is then
			empty and Raw holds the body)`
		withJSON()
	default:
		d.Kind = "single"
	}
	if g.scim != nil {
		which = `also when the body is not a SCIM error (Code is then the status, Raw
			holds the body, and nothing else is set)`
		d.Fallback = `Code: table.SCIMCode("", resp.StatusCode), `
	}
	var from doc
	from.text(fmt.Sprintf("FromResponse returns the error resp reports: nil for a nil resp or a status below 400, else an [*%s], %s; %s.", d.Type, which, headerDoc))
	d.IsDoc, d.FromDoc = comments(is), comments(from)
	d.Imports = imports
	if g.scim != nil {
		d.Exts = g.scimExtData()
	} else {
		g.envelopeData(d)
	}
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, "errors.go", d); err != nil {
		return nil, fmt.Errorf("gopkg: template errors.go: %v", err)
	}
	src := buf.Bytes()
	return gofmt("errors.go", src)
}

// retryDoc names the codes the config lists as retryable, for the doc of
// Retryable: "the codes errgen.yaml lists as retryable: [A], [B]".
func (g *gen) retryDoc() string {
	var names []string
	for i, entries := range g.groups {
		for _, e := range entries {
			if e.Retryable {
				names = append(names, "["+g.names[i]+"]")
				break
			}
		}
	}
	const show = 8
	switch {
	case len(names) == 0:
		return "the codes errgen.yaml lists as retryable, none for this package"
	case len(names) > show:
		return fmt.Sprintf("the codes errgen.yaml lists as retryable: %s and %d more", strings.Join(names[:show], ", "), len(names)-show)
	}
	return "the codes errgen.yaml lists as retryable: " + strings.Join(names, ", ")
}

// goStrings is toks as a Go [][]string literal.
func goStrings(ptrs [][]string) string {
	if len(ptrs) == 0 {
		return "nil"
	}
	var b strings.Builder
	b.WriteString("[][]string{")
	for i, p := range ptrs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("{")
		for j, t := range p {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Quote(t))
		}
		b.WriteString("}")
	}
	b.WriteString("}")
	return b.String()
}

// envelopeData fills in the body layouts of a single or list envelope.
func (g *gen) envelopeData(d *errorsData) {
	d.Pointers = goStrings(g.env.pointers)
	d.Element = goStrings(g.env.elemPointers)
	for i, s := range g.c.Envelope.Shapes {
		sh := g.env.shapes[i]
		lit := fmt.Sprintf("{Code: %d, Message: %d, RequestID: %d", sh.code, sh.message, sh.requestID)
		if g.env.array {
			lit = fmt.Sprintf("{List: %d, Code: %d, Message: %d, RequestID: %d", g.env.lists[i], sh.code, sh.message, sh.requestID)
			if sh.messageInBody {
				lit += ", MessageInBody: true"
			}
		}
		if sh.prefix != "" {
			lit += ", Prefix: " + strconv.Quote(sh.prefix)
		}
		d.Shapes = append(d.Shapes, lit+"}")

		line := "  - code " + strconv.Quote(s.Code)
		if sh.prefix != "" {
			line += ", with " + strconv.Quote(s.CodePrefix) + " before it"
		}
		if s.Message != "" {
			line += ", message " + strconv.Quote(s.Message)
			if sh.messageInBody {
				line += " (one for all the listed codes)"
			}
		}
		if s.RequestID != "" {
			line += ", request ID " + strconv.Quote(s.RequestID)
		}
		d.ShapeDoc = append(d.ShapeDoc, commentLine(line))
	}
	if len(d.ShapeDoc) == 0 {
		d.ShapeDoc = []string{commentLine("  - none: the catalog documents no body layout, so Parse always fails")}
	}
	d.PrefixDoc = comments(g.prefixDoc())
	if !g.env.array {
		return
	}
	raw := make([]string, len(g.env.fields))
	for i, j := range g.env.fields {
		raw[i] = strconv.Itoa(j)
	}
	d.RawIndexes, d.RawCount = "nil", len(raw)
	if len(raw) > 0 {
		d.RawIndexes = "[]int{" + strings.Join(raw, ", ") + "}"
	}
	for i, fd := range g.c.Envelope.Fields {
		var doc doc
		kind := "JSON value"
		if fd.Type != "" {
			kind = "JSON " + fd.Type
		}
		doc.text(fmt.Sprintf("%s is the body's %s (%s at %s), kept as raw JSON; nil when the body has none.", g.fields[i], strconv.Quote(oneLine(fd.Name)), kind, strconv.Quote(oneLine(fd.Pointer))))
		labelled(&doc, "Documented: ", fd.Description, "")
		d.Fields = append(d.Fields, fieldData{Name: g.fields[i], Doc: comments(doc)})
	}
}

// prefixDoc says, when a shape has a code prefix, what Code then holds.
func (g *gen) prefixDoc() doc {
	var d doc
	for i, sh := range g.env.shapes {
		if sh.prefix == "" {
			continue
		}
		// envelope made sure that a documented code starts with it.
		var code string
		for _, c := range g.codes {
			if strings.HasPrefix(c, sh.prefix) {
				code = c
				break
			}
		}
		d.para()
		d.text(fmt.Sprintf(`Where a layout has a prefix, Code is the code the body sends with the
			prefix before it, as the vendor documents it: for the layout of code
			pointer %s, the body's %s is Code %s.`, strconv.Quote(oneLine(g.c.Envelope.Shapes[i].Code)),
			strconv.Quote(oneLine(strings.TrimPrefix(code, sh.prefix))), strconv.Quote(oneLine(code))))
		return d
	}
	return d
}

// fieldNames are the Go names of the envelope's documented fields as
// fields of Errors: the JSON name made an exported identifier, with the
// suffix "Field" when it would clash with Errors' own names.
func fieldNames(c *catalog.Catalog) ([]string, error) {
	own := map[string]bool{
		"Status": true, "Errors": true, "ReqID": true, "Response": true, "Raw": true,
		"Error": true, "Unwrap": true, "ErrorCode": true, "ErrorMessage": true, "HTTPStatusCode": true,
		"RequestID": true, "Fault": true, "Retryable": true, "Header": true, "RetryAfter": true, "LogValue": true,
	}
	owner := map[string]string{}
	var out []string
	for i, f := range c.Envelope.Fields {
		name := GoName(f.Name, "")
		if name == "" {
			name = "Field" + strconv.Itoa(i)
		}
		if own[name] {
			name += "Field"
		}
		if other, dup := owner[name]; dup {
			return nil, &catalog.Diagnostic{File: c.Source.File, Where: fmt.Sprintf("/envelope/fields/%d", i),
				Message: fmt.Sprintf("fields %q and %q both get the Go name %s; rename one in the catalog's envelope", other, f.Name, name)}
		}
		owner[name] = f.Name
		out = append(out, name)
	}
	return out, nil
}
