//go:build ignore

// Rebuild writes openapi.yaml, an OpenAPI 3.0 document for the Nevis IDM
// REST API operation "Update a SAML Federation credential", from the text
// rendering of its reference page kept in the shared seeds. Run it from
// this directory:
//
//	go run rebuild.go -seed ../../../../shared/seeds/001_26bc19c59d5f899e.txt -out openapi.yaml
//
// The vendor's OpenAPI document was not available, only the page that a
// documentation generator (docusaurus-openapi-docs) renders from it, so
// the document is rebuilt from what the page shows; ORIGIN.md lists what
// comes from the seed and what is our choice. Property names the page
// does not print are taken from the keys of its JSON examples, which it
// prints in schema order, and the descriptions are matched to them in the
// same order; the counts must agree or Rebuild fails.
//
// Anything unexpected in the seed makes Rebuild exit with status 1 and a
// message naming the seed line, without writing the output. The output
// depends on the seed alone, so running it again reproduces the committed
// file byte for byte.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

func main() {
	seed := flag.String("seed", "", "text rendering of the vendor page")
	out := flag.String("out", "", "OpenAPI document to write")
	flag.Parse()
	if *seed == "" || *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run rebuild.go -seed SEED.txt -out openapi.yaml")
		os.Exit(2)
	}
	if err := run(*seed, *out); err != nil {
		fmt.Fprintln(os.Stderr, "rebuild:", err)
		os.Exit(1)
	}
}

func run(seedPath, outPath string) error {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		return err
	}
	doc, err := build(seedPath, data)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString(header)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	return os.WriteFile(outPath, buf.Bytes(), 0o644)
}

const header = `# Nevis IDM REST API: "Update a SAML Federation credential", rebuilt from
# the vendor's reference page by rebuild.go. Do not edit; see ORIGIN.md.
`

// reader hands out the seed's lines and builds errors that name the line.
type reader struct {
	file  string
	lines []string
	pos   int
}

func (r *reader) errorf(format string, args ...any) error {
	return fmt.Errorf("%s: line %d: %s", r.file, r.pos+1, fmt.Sprintf(format, args...))
}

func (r *reader) peek() string {
	if r.pos >= len(r.lines) {
		return ""
	}
	return r.lines[r.pos]
}

// next returns the next line; what names it in the error at end of file.
func (r *reader) next(what string) (string, error) {
	if r.pos >= len(r.lines) {
		return "", r.errorf("end of file, expected %s", what)
	}
	r.pos++
	return r.lines[r.pos-1], nil
}

// expect consumes a line that must be want.
func (r *reader) expect(want string) error {
	l, err := r.next(fmt.Sprintf("%q", want))
	if err != nil {
		return err
	}
	if l != want {
		r.pos--
		return r.errorf("got %q, expected %q", l, want)
	}
	return nil
}

// text consumes a line of prose: not a list item, heading or JSON.
func (r *reader) text(what string) (string, error) {
	l, err := r.next(what)
	if err != nil {
		return "", err
	}
	if l == "" || strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "{") || strings.HasPrefix(l, "Possible values: ") {
		r.pos--
		return "", r.errorf("got %q, expected %s", l, what)
	}
	return l, nil
}

// enum consumes a "Possible values: [a, b]" line.
func (r *reader) enum() ([]string, error) {
	l, err := r.next("a \"Possible values: […]\" line")
	if err != nil {
		return nil, err
	}
	m := possible.FindStringSubmatch(l)
	if m == nil {
		r.pos--
		return nil, r.errorf("got %q, expected \"Possible values: […]\"", l)
	}
	return strings.Split(m[1], ", "), nil
}

// json consumes one pretty-printed JSON value, whose lines the seed keeps
// one token per line, and returns it as an ordered YAML node.
func (r *reader) json() (*yaml.Node, error) {
	if !strings.HasPrefix(r.peek(), "{") {
		return nil, r.errorf("got %q, expected a JSON example starting with {", r.peek())
	}
	rest := strings.Join(r.lines[r.pos:], "\n")
	dec := json.NewDecoder(strings.NewReader(rest))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, r.errorf("JSON example: %v", err)
	}
	used := rest[:dec.InputOffset()]
	r.pos += strings.Count(used, "\n") + 1
	var n yaml.Node
	if err := yaml.Unmarshal(raw, &n); err != nil {
		return nil, r.errorf("JSON example as YAML: %v", err)
	}
	v := n.Content[0]
	block(v)
	return v, nil
}

// block turns the flow style that JSON parses into into block style.
func block(n *yaml.Node) {
	n.Style = 0
	for _, c := range n.Content {
		block(c)
	}
}

var (
	possible  = regexp.MustCompile(`^Possible values: \[(.*)\]$`)
	operation = regexp.MustCompile(`^(GET|PUT|POST|PATCH|DELETE)(/\S+)$`)
	pathParam = regexp.MustCompile(`/:([A-Za-z]+)`)
)

// Property names the page does not show and no example carries: the
// request body's and the identifier variants'. They follow the names of
// the response fields with the same descriptions.
var (
	bodyFields       = []string{"extId", "subjectNameId", "subjectNameIdFormat", "issuerNameId", "issuerNameIdFormat", "policyExtId", "stateName", "modificationComment"}
	credentialFields = []string{"clientExtId", "userExtId", "extId"}
	fidoUafFields    = []string{"keyId", "aaid"}
)

func build(file string, data []byte) (*yaml.Node, error) {
	if bytes.ContainsRune(data, '\r') {
		return nil, fmt.Errorf("%s: carriage return; expected LF line ends", file)
	}
	r := &reader{file: file, lines: strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")}
	for i, l := range r.lines {
		if l != strings.TrimSpace(l) || l == "" {
			r.pos = i
			return nil, r.errorf("empty line or leading or trailing blanks in %q", l)
		}
	}

	summary, err := r.text("the page title")
	if err != nil {
		return nil, err
	}
	l, err := r.next("the method and path")
	if err != nil {
		return nil, err
	}
	m := operation.FindStringSubmatch(l)
	if m == nil {
		r.pos--
		return nil, r.errorf("got %q, expected METHOD/path", l)
	}
	method, path := strings.ToLower(m[1]), pathParam.ReplaceAllString(m[2], "/{$1}")
	params := pathParam.FindAllStringSubmatch(m[2], -1)
	var desc []string
	for r.peek() != "Request" {
		t, err := r.text("the operation's description")
		if err != nil {
			return nil, err
		}
		desc = append(desc, t)
	}
	if len(desc) < 3 || !strings.HasPrefix(desc[0], "Since: ") || !strings.HasPrefix(desc[1], "Required permission(s): ") {
		return nil, r.errorf("expected \"Since: …\", \"Required permission(s): …\" and a description before \"Request\"")
	}

	// Request: path parameters, then the JSON body.
	if err := r.expect("Request"); err != nil {
		return nil, err
	}
	if err := r.expect("Path Parameters"); err != nil {
		return nil, err
	}
	parameters := seq()
	for _, p := range params {
		d, err := r.text("the description of path parameter " + p[1])
		if err != nil {
			return nil, err
		}
		parameters.Content = append(parameters.Content, mapping(
			"name", str(p[1]), "in", str("path"), "required", boolean(true),
			"description", str(d), "schema", mapping("type", str("string"))))
	}
	if err := r.expect("- application/json"); err != nil {
		return nil, err
	}
	if err := r.expect("Body"); err != nil {
		return nil, err
	}
	if err := r.expect("required"); err != nil {
		return nil, err
	}
	bodyProps := mapping()
	for _, name := range bodyFields {
		prop := mapping("type", str("string"))
		if strings.HasPrefix(r.peek(), "Possible values: ") {
			values, err := r.enum()
			if err != nil {
				return nil, err
			}
			add(prop, "enum", strs(values))
		}
		d, err := r.text("the description of request field " + name)
		if err != nil {
			return nil, err
		}
		add(prop, "description", str(d))
		add(bodyProps, name, prop)
	}

	// Responses: the list of statuses, then one block per status.
	if err := r.expect("Responses"); err != nil {
		return nil, err
	}
	var statuses []string
	for strings.HasPrefix(r.peek(), "- ") {
		l, _ := r.next("")
		statuses = append(statuses, strings.TrimPrefix(l, "- "))
	}
	if len(statuses) == 0 || statuses[0] != "200" {
		return nil, r.errorf("expected the response statuses, 200 first")
	}
	responses := mapping()
	schemas := mapping()
	for i, status := range statuses {
		resp, err := response(r, status, i == 1, schemas)
		if err != nil {
			return nil, err
		}
		add(responses, status, resp)
	}
	if r.pos != len(r.lines) {
		return nil, r.errorf("got %q after the last response, expected end of file", r.peek())
	}

	op := mapping(
		"summary", str(summary),
		"description", literal(strings.Join(desc, "\n\n")),
		"parameters", parameters,
		"requestBody", mapping(
			"required", boolean(true),
			"content", mapping("application/json", mapping(
				"schema", mapping("type", str("object"), "properties", bodyProps)))),
		"responses", responses,
	)
	return mapping(
		"openapi", str("3.0.3"),
		"info", mapping(
			"title", str("Nevis IDM REST API"),
			"version", str(strings.TrimPrefix(desc[0], "Since: ")),
		),
		"paths", mapping(path, mapping(method, op)),
		"components", mapping("schemas", schemas),
	), nil
}

// response reads one response block. The first error response also
// defines the shared error schemas, which every later one must repeat
// exactly.
func response(r *reader, status string, first bool, schemas *yaml.Node) (*yaml.Node, error) {
	description, err := r.text("the description of response " + status)
	if err != nil {
		return nil, err
	}
	for _, want := range []string{"- application/json", "- Schema", "- Example (from schema)"} {
		if err := r.expect(want); err != nil {
			return nil, err
		}
	}
	var names []string
	for strings.HasPrefix(r.peek(), "- ") {
		l, _ := r.next("")
		names = append(names, strings.TrimPrefix(l, "- "))
	}
	if err := r.expect("Schema"); err != nil {
		return nil, err
	}
	var media *yaml.Node
	if status == "200" {
		if len(names) > 0 {
			return nil, r.errorf("the 200 response has named examples; expected only the schema's")
		}
		schema, err := successSchema(r)
		if err != nil {
			return nil, err
		}
		media = mapping("schema", schema)
	} else {
		errorDTO, err := errorSchemas(r)
		if err != nil {
			return nil, err
		}
		if first {
			for i := 0; i < len(errorDTO.Content); i += 2 {
				add(schemas, errorDTO.Content[i].Value, errorDTO.Content[i+1])
			}
		} else if !same(errorDTO, schemas) {
			return nil, r.errorf("the error schema of response %s differs from that of the first error response", status)
		}
		if len(names) == 0 {
			return nil, r.errorf("response %s has no named examples", status)
		}
		examples := mapping()
		for _, name := range names {
			value, err := r.json()
			if err != nil {
				return nil, err
			}
			add(examples, name, mapping("summary", str(name), "value", value))
		}
		media = mapping("schema", mapping("$ref", str("#/components/schemas/ErrorDTO")), "examples", examples)
	}
	return mapping("description", str(description), "content", mapping("application/json", media)), nil
}

// successSchema reads the 200 schema: one description per property of
// its example, in the example's order, with "Possible values" before the
// description of an enum and "NAME object" before a nested object's.
func successSchema(r *reader) (*yaml.Node, error) {
	start := r.pos
	for r.pos < len(r.lines) && !strings.HasPrefix(r.peek(), "{") {
		r.pos++
	}
	lines := r.lines[start:r.pos]
	example, err := r.json()
	if err != nil {
		return nil, err
	}
	k := 0
	var schemaOf func(v *yaml.Node) (*yaml.Node, error)
	schemaOf = func(v *yaml.Node) (*yaml.Node, error) {
		props := mapping()
		for i := 0; i < len(v.Content); i += 2 {
			name, val := v.Content[i].Value, v.Content[i+1]
			prop := mapping()
			if k < len(lines) && lines[k] == name+" object" {
				k++
			}
			if k < len(lines) && strings.HasPrefix(lines[k], "Possible values: ") {
				add(prop, "type", str("string"))
				add(prop, "enum", strs(strings.Split(possible.FindStringSubmatch(lines[k])[1], ", ")))
				k++
			}
			if k >= len(lines) {
				return nil, fmt.Errorf("%s: the 200 schema has fewer descriptions than its example has properties (at %q)", r.file, name)
			}
			if len(prop.Content) == 0 {
				add(prop, "type", str(typeOf(val)))
			}
			add(prop, "description", str(lines[k]))
			k++
			if val.Kind == yaml.MappingNode {
				sub, err := schemaOf(val)
				if err != nil {
					return nil, err
				}
				add(prop, "properties", sub)
			}
			add(props, name, prop)
		}
		return props, nil
	}
	props, err := schemaOf(example)
	if err != nil {
		return nil, err
	}
	if k != len(lines) {
		return nil, fmt.Errorf("%s: the 200 schema has %d descriptions, its example %d properties", r.file, len(lines), k)
	}
	return mapping("type", str("object"), "properties", props, "example", example), nil
}

// errorSchemas reads the error schema block up to and including its
// example, and returns the component schemas it defines.
func errorSchemas(r *reader) (*yaml.Node, error) {
	// The nesting outline the page draws for the schema's arrays and
	// oneOf; it carries no names, only structure, which the lines after
	// it repeat.
	for _, want := range []string{
		"- Array [", "- CredentialExtIdIdentifierDTO", "- FidoUafIdentifier", "- ]",
		"- Array [", "- ]", "- Array [", "- ]", "- Array [", "- ]",
		"- Array [", "- Array [", "- ]", "- ]",
	} {
		if err := r.expect(want); err != nil {
			return nil, err
		}
	}
	if err := r.expect("errors ErrorMessageDTO[]"); err != nil {
		return nil, err
	}
	// The page prints the code enum twice: once next to the array and once
	// on the code property. Only the second belongs to a property.
	arrayEnum, err := r.enum()
	if err != nil {
		return nil, err
	}
	errorsDesc, err := r.text("the description of errors")
	if err != nil {
		return nil, err
	}
	if err := r.expect("identifier object"); err != nil {
		return nil, err
	}
	identifierDesc, err := r.text("the description of identifier")
	if err != nil {
		return nil, err
	}
	variant := func(fields []string) (*yaml.Node, error) {
		props := mapping()
		for _, f := range fields {
			d, err := r.text("the description of identifier field " + f)
			if err != nil {
				return nil, err
			}
			add(props, f, mapping("type", str("string"), "description", str(d)))
		}
		return mapping("type", str("object"), "properties", props), nil
	}
	credential, err := variant(credentialFields)
	if err != nil {
		return nil, err
	}
	fidoUaf, err := variant(fidoUafFields)
	if err != nil {
		return nil, err
	}
	codes, err := r.enum()
	if err != nil {
		return nil, err
	}
	if !slices.Equal(codes, arrayEnum) {
		return nil, r.errorf("the two code enums of ErrorMessageDTO differ; expected the same list twice")
	}
	codeDesc, err := r.text("the description of code")
	if err != nil {
		return nil, err
	}
	messageDesc, err := r.text("the description of message")
	if err != nil {
		return nil, err
	}
	if err := r.expect("policyViolations PolicyViolationDTO[]"); err != nil {
		return nil, err
	}
	violationsDesc, err := r.text("the description of policyViolations")
	if err != nil {
		return nil, err
	}
	var violationDescs []string
	for r.peek() != "policyViolation PolicyElementViolation" {
		d, err := r.text("a PolicyViolationDTO field description")
		if err != nil {
			return nil, err
		}
		violationDescs = append(violationDescs, d)
	}
	r.pos++
	for _, want := range []string{"cause object", "stackTrace object[]", "stackTrace object[]", "element PolicyElement", "suppressed object[]", "stackTrace object[]"} {
		if err := r.expect(want); err != nil {
			return nil, err
		}
	}
	example, err := r.json()
	if err != nil {
		return nil, err
	}

	// The example names what the outline does not: the properties of
	// PolicyViolationDTO and PolicyElementViolation, with their types.
	pvs := field(example, "policyViolations")
	pv := field(example, "policyViolation")
	if pvs == nil || pv == nil || len(pvs.Content) != 1 {
		return nil, r.errorf("the error example lacks policyViolations or policyViolation")
	}
	pvProps := mapping()
	for i := 0; i < len(pvs.Content[0].Content); i += 2 {
		k := i / 2
		if k >= len(violationDescs) {
			return nil, r.errorf("PolicyViolationDTO has more example fields than descriptions")
		}
		add(pvProps, pvs.Content[0].Content[i].Value, mapping("type", str(typeOf(pvs.Content[0].Content[i+1])), "description", str(violationDescs[k])))
	}
	if len(pvProps.Content)/2 != len(violationDescs) {
		return nil, r.errorf("PolicyViolationDTO has %d descriptions but %d example fields", len(violationDescs), len(pvProps.Content)/2)
	}
	element := field(pv, "element")
	if element == nil {
		return nil, r.errorf("the error example lacks policyViolation.element")
	}
	pevProps := mapping()
	for i := 0; i < len(pv.Content); i += 2 {
		name, v := pv.Content[i].Value, pv.Content[i+1]
		if name == "element" {
			add(pevProps, name, mapping("$ref", str("#/components/schemas/PolicyElement")))
			continue
		}
		add(pevProps, name, schemaFromExample(v))
	}

	return mapping(
		"ErrorDTO", mapping(
			"type", str("object"),
			"properties", mapping(
				"errors", mapping("type", str("array"), "description", str(errorsDesc),
					"items", mapping("$ref", str("#/components/schemas/ErrorMessageDTO"))),
				"policyViolations", mapping("type", str("array"), "description", str(violationsDesc),
					"items", mapping("$ref", str("#/components/schemas/PolicyViolationDTO"))),
				"policyViolation", mapping("$ref", str("#/components/schemas/PolicyElementViolation")),
			),
			"example", example,
		),
		"ErrorMessageDTO", mapping(
			"type", str("object"),
			"properties", mapping(
				"identifier", mapping("type", str("object"), "description", str(identifierDesc),
					"oneOf", seq(
						mapping("$ref", str("#/components/schemas/CredentialExtIdIdentifierDTO")),
						mapping("$ref", str("#/components/schemas/FidoUafIdentifier")))),
				"code", mapping("type", str("string"), "description", str(codeDesc), "enum", strs(codes)),
				"message", mapping("type", str("string"), "description", str(messageDesc)),
			),
		),
		"CredentialExtIdIdentifierDTO", credential,
		"FidoUafIdentifier", fidoUaf,
		"PolicyViolationDTO", mapping("type", str("object"), "properties", pvProps),
		"PolicyElementViolation", mapping("type", str("object"), "properties", pevProps),
		"PolicyElement", schemaFromExample(element),
	), nil
}

// schemaFromExample is the schema the page's generator would have drawn
// the example from: types only, arrays typed by their first element.
func schemaFromExample(v *yaml.Node) *yaml.Node {
	switch v.Kind {
	case yaml.MappingNode:
		props := mapping()
		for i := 0; i < len(v.Content); i += 2 {
			add(props, v.Content[i].Value, schemaFromExample(v.Content[i+1]))
		}
		return mapping("type", str("object"), "properties", props)
	case yaml.SequenceNode:
		s := mapping("type", str("array"))
		if len(v.Content) > 0 {
			add(s, "items", schemaFromExample(v.Content[0]))
		}
		return s
	}
	return mapping("type", str(typeOf(v)))
}

func typeOf(v *yaml.Node) string {
	switch {
	case v.Kind == yaml.MappingNode:
		return "object"
	case v.Kind == yaml.SequenceNode:
		return "array"
	case v.Tag == "!!int":
		return "integer"
	case v.Tag == "!!float":
		return "number"
	case v.Tag == "!!bool":
		return "boolean"
	}
	return "string"
}

func field(m *yaml.Node, name string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == name {
			return m.Content[i+1]
		}
	}
	return nil
}

// same reports whether two nodes encode to the same YAML.
func same(a, b *yaml.Node) bool {
	ea, _ := yaml.Marshal(a)
	eb, _ := yaml.Marshal(b)
	return bytes.Equal(ea, eb)
}

func mapping(kv ...any) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i < len(kv); i += 2 {
		add(n, kv[i].(string), kv[i+1].(*yaml.Node))
	}
	return n
}

func add(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, str(key), v)
}

func seq(items ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Content: items}
}

func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func literal(s string) *yaml.Node {
	n := str(s)
	n.Style = yaml.LiteralStyle
	return n
}

func strs(ss []string) *yaml.Node {
	n := seq()
	for _, s := range ss {
		n.Content = append(n.Content, str(s))
	}
	return n
}

func boolean(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(b)}
}
