package markdown

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/emit/openapi"
	"github.com/errgen/errgen/internal/textsafe"
)

// example is the error body a page's program parses: a documented entry
// as its envelope sends it.
type example struct {
	entry catalog.Entry
	// shape is the envelope's shape the body has.
	shape catalog.Shape
	// status is the status the program passes to Parse, and says the
	// comment that introduces the body: "HTTP status 404", "a 4XX
	// status, such as 400" or "any error status, such as 400".
	status int
	says   string
	body   []byte
}

// exampleOf picks the entry a page's program shows, the first with a
// code and a documented status, else the first with a code, and builds
// the body its envelope sends for it.
func exampleOf(c *catalog.Catalog) (example, error) {
	x, found := example{entry: c.Entries[0]}, false
	if len(c.Envelope.Shapes) > 0 {
		x.shape = c.Envelope.Shapes[0]
	}
	for _, documented := range []bool{true, false} {
		for _, e := range c.Entries {
			if e.Code == "" || documented && e.Status == 0 {
				continue
			}
			if s, ok := shapeFor(c.Envelope, e.Code); ok {
				x.entry, x.shape, found = e, s, true
				break
			}
		}
		if found {
			break
		}
	}
	e := x.entry
	switch {
	case e.Status != 0:
		x.status, x.says = e.Status, fmt.Sprintf("HTTP status %d", e.Status)
	case e.StatusRange == "5XX":
		x.status, x.says = 500, "a 5XX status, such as 500"
	case e.StatusRange == "4XX":
		x.status, x.says = 400, "a 4XX status, such as 400"
	default:
		// Unknown, or an OpenAPI default response: the code may come
		// with any status, and Parse does not depend on it.
		x.status, x.says = 400, "any error status, such as 400"
	}
	var err error
	x.body, err = wireBody(c, x.shape, e)
	return x, err
}

// shapeFor returns the first shape of env that can carry code: one whose
// CodePrefix, if any, code starts with and goes beyond.
func shapeFor(env catalog.Envelope, code string) (catalog.Shape, bool) {
	for _, s := range env.Shapes {
		if s.CodePrefix == "" || len(code) > len(s.CodePrefix) && strings.HasPrefix(code, s.CodePrefix) {
			return s, true
		}
	}
	return catalog.Shape{}, false
}

// jsonInteger is a code a body sends as a JSON number.
var jsonInteger = regexp.MustCompile(`^(0|[1-9][0-9]{0,17})$`)

// wireCode is the JSON value a body of shape s sends for the documented
// code: without the shape's CodePrefix, and a number when what is left is
// an integer that the body sends as one (with a prefix, as the vendors
// that write one, "AADSTS70011" for 70011, do; without, when the envelope
// documents the code's field as a number).
func wireCode(env catalog.Envelope, s catalog.Shape, code string) []byte {
	sent := strings.TrimPrefix(code, s.CodePrefix)
	number := s.CodePrefix != "" && s.CodePrefix != code
	for _, f := range env.Fields {
		if f.Pointer == s.Code && (f.Type == "integer" || f.Type == "number") {
			number = true
		}
	}
	if number && jsonInteger.MatchString(sent) {
		return []byte(sent)
	}
	b, _ := json.Marshal(strings.ToValidUTF8(sent, "\uFFFD"))
	b = bytes.ReplaceAll(b, []byte(`\u003c`), []byte("<"))
	b = bytes.ReplaceAll(b, []byte(`\u003e`), []byte(">"))
	return bytes.ReplaceAll(b, []byte(`\u0026`), []byte("&"))
}

// wireBody is the example body of e as compact JSON (the OpenAPI
// components' example, see openapi.ExampleBody) in shape s, with the code
// as a body of that shape sends it (see wireCode). SCIM bodies, whose
// code may be the status, are the components' example as it is.
func wireBody(c *catalog.Catalog, s catalog.Shape, e catalog.Entry) ([]byte, error) {
	if c.Envelope.Is("scim") {
		return openapi.ExampleBody(c, e)
	}
	sent := wireCode(c.Envelope, s, e.Code)
	// The components' example puts the code at the first shape's code
	// pointer, as a string: give it shape s alone, and a stand-in code to
	// swap for the code as sent.
	sum := sha256.Sum256([]byte(e.Code))
	stand := "errgen-example-code-" + hex.EncodeToString(sum[:8])
	cc := *c
	s.CodePrefix = ""
	cc.Envelope.Shapes = []catalog.Shape{s}
	ee := e
	ee.Code = stand
	body, err := openapi.ExampleBody(&cc, ee)
	if err != nil {
		return nil, err
	}
	quoted := []byte(strconv.Quote(stand))
	if bytes.Count(body, quoted) != 1 {
		// The stand-in is in a message too; give the code as a string.
		ee.Code = strings.TrimPrefix(e.Code, s.CodePrefix)
		return openapi.ExampleBody(&cc, ee)
	}
	return bytes.Replace(body, quoted, sent, 1), nil
}

// codePrefixes lists the prefixes of c's shapes, each with an example
// among codes, c.Codes().
func codePrefixes(c *catalog.Catalog, codes []string) []CodePrefix {
	var out []CodePrefix
	for _, s := range c.Envelope.Shapes {
		if s.CodePrefix == "" {
			continue
		}
		p := CodePrefix{Prefix: s.CodePrefix, Pointer: s.Code}
		for _, code := range codes {
			if t, ok := shapeFor(c.Envelope, code); ok && t == s {
				p.Code, p.Sent = code, string(wireCode(c.Envelope, s, code))
				break
			}
		}
		out = append(out, p)
	}
	return out
}

// program is a complete Go program that parses a documented error body
// and matches it with errors.Is.
func program(c *catalog.Catalog, p Page) (string, error) {
	x, err := exampleOf(c)
	if err != nil {
		return "", err
	}
	body := string(x.body)
	lit := "`" + body + "`"
	// A raw literal would show a bidi control or other hidden character
	// of a vendor message as is; a quoted one escapes it.
	if strings.Contains(body, "`") || !textsafe.Clean(body) {
		lit = strconv.Quote(body)
	}
	e := x.entry
	name := p.GoNames[e.Code]
	pkg := p.GoPackage
	var b strings.Builder
	fmt.Fprintf(&b, "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\n\t%q\n)\n\n", p.ImportPath)
	b.WriteString("func main() {\n")
	fmt.Fprintf(&b, "\t// An error body as %s sends it with %s.\n", oneLine(c.Vendor, "the vendor"), x.says)
	if x.shape.CodePrefix != "" && strings.HasPrefix(e.Code, x.shape.CodePrefix) {
		fmt.Fprintf(&b, "\t// It sends the code %s as %s, without the prefix %s the documentation writes.\n",
			oneLine(strconv.Quote(e.Code), `""`), oneLine(string(wireCode(c.Envelope, x.shape, e.Code)), `""`), oneLine(strconv.Quote(x.shape.CodePrefix), `""`))
	}
	fmt.Fprintf(&b, "\tbody := []byte(%s)\n", lit)
	fmt.Fprintf(&b, "\tapiErr, ok := %s.Parse(%d, body)\n", pkg, x.status)
	b.WriteString("\tif !ok {\n\t\tpanic(\"not an error body\")\n\t}\n")
	b.WriteString("\terr := fmt.Errorf(\"calling the API: %w\", apiErr)\n")
	fmt.Fprintf(&b, "\tif errors.Is(err, %s.%s) { // %s\n", pkg, name, strconv.Quote(e.Code))
	b.WriteString("\t\tfmt.Println(\"documented error:\", err)\n\t}\n}\n")
	return b.String(), nil
}
