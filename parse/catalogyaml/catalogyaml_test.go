package catalogyaml_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/parse/catalogyaml"
)

const full = `# A hand-written catalog with every field.
title: Acme API
vendor: Acme
envelope:
  shapes:
    - {code: /error/code, message: /error/message, request_id: /request_id}
  request_id_header: X-Request-Id
  fields:
    - {name: details, type: array, required: true, description: "What went wrong."}
    - {name: a/b, pointer: /x/a~1b}
  extensions:
    - urn: urn:acme:Ext
      aliases: [urn:old:Ext]
      name: Ext
      description: More.
      fields: [{name: n, type: array}, {name: m, pointer: /n/*/m, type: integer}]
entries:
  - code: acme.1
    status: 400
    message: "Bad {0}."
    title: Bad input
    name: BadInput
    description: |
      Line one.
      Line two.
    solution: Fix it.
    extra: {note: "Vendor-specific.", Module: m}
    operations:
      - {method: get, path: "/things/{id}", operation_id: getThing}
    examples:
      - name: bad
        summary: A bad one
        body: |
          {"error": {"message": "Bad <x>.", "code": "acme.1"}, "request_id": 42}
  - code: 404
    status: "404"
  - code: acme.2
    status: 302
  - code: 404
    status: 404
`

func TestParseFull(t *testing.T) {
	res, err := catalogyaml.Parse([]byte(full), catalogyaml.Options{File: "acme.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	want := &catalogyaml.Result{
		Title: "Acme API", Vendor: "Acme",
		Envelope: &catalog.Envelope{
			Shapes:          []catalog.Shape{{Code: "/error/code", Message: "/error/message", RequestID: "/request_id"}},
			RequestIDHeader: "X-Request-Id",
			Fields: []catalog.Field{
				{Name: "details", Pointer: "/details", Type: "array", Required: true, Description: "What went wrong."},
				{Name: "a/b", Pointer: "/x/a~1b"},
			},
			Extensions: []catalog.Extension{{URN: "urn:acme:Ext", Aliases: []string{"urn:old:Ext"}, Name: "Ext", Description: "More.",
				Fields: []catalog.Field{{Name: "n", Pointer: "/n", Type: "array"}, {Name: "m", Pointer: "/n/*/m", Type: "integer"}}}},
		},
		Entries: []catalog.Entry{
			{Status: 400, Code: "acme.1", Message: "Bad {0}.", Title: "Bad input", Name: "BadInput",
				Description: "Line one.\nLine two.", Solution: "Fix it.",
				Note: "Vendor-specific.", Extra: map[string]string{"Module": "m"},
				Operations: []catalog.Operation{{Method: "GET", Path: "/things/{id}", OperationID: "getThing"}},
				Examples:   []catalog.Example{{Name: "bad", Summary: "A bad one", Body: `{"error":{"code":"acme.1","message":"Bad <x>."},"request_id":42}`}},
				Origin:     catalog.Origin{Pointer: "/entries/0", Line: 18}},
			{Status: 404, Code: "404", Origin: catalog.Origin{Pointer: "/entries/1", Line: 35}},
			{Status: 404, Code: "404", Origin: catalog.Origin{Pointer: "/entries/3", Line: 39}},
		},
		Report: catalog.Report{
			NonErrorRows: 1,
			Warnings:     []catalog.Diagnostic{{File: "acme.yaml", Where: "line 39", Message: `entries[3] repeats entries[1] (status 404, code "404", same message); both are kept`}},
		},
	}
	if d := cmp.Diff(want, res); d != "" {
		t.Errorf("Parse (-want +got):\n%s", d)
	}
}

func TestNamedEnvelope(t *testing.T) {
	res, err := catalogyaml.Parse([]byte("envelope: scim\nentries: [{code: uniqueness, status: 409}]\n"), catalogyaml.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Envelope == nil || !res.Envelope.Is("scim") {
		t.Errorf("envelope = %+v, want the SCIM one", res.Envelope)
	}
	res, err = catalogyaml.Parse([]byte("entries: [{code: x}]\n"), catalogyaml.Options{})
	if err != nil || res.Envelope != nil || res.Entries[0].Status != 0 {
		t.Errorf("without envelope: %+v, %v", res, err)
	}
}

// TestCodePrefix: a shape's code_prefix is kept as written, beside a
// message pointer without "*" (Entra's envelope).
func TestCodePrefix(t *testing.T) {
	const in = `envelope:
  shapes:
    - {code: /error_codes/*, code_prefix: AADSTS, message: /error_description}
    - {code: /error, code_prefix: "", message: /error_description}
entries: [{code: AADSTS70011, status: 400}]
`
	res, err := catalogyaml.Parse([]byte(in), catalogyaml.Options{File: "entra.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	want := []catalog.Shape{
		{Code: "/error_codes/*", CodePrefix: "AADSTS", Message: "/error_description"},
		{Code: "/error", Message: "/error_description"},
	}
	if d := cmp.Diff(want, res.Envelope.Shapes); d != "" {
		t.Errorf("shapes (-want +got):\n%s", d)
	}
}

// TestRetryable: retryable: true declares the code retryable, on every
// entry of it; an entry of the code that does not say so is retryable
// too, with a warning naming its line and the line that says so.
func TestRetryable(t *testing.T) {
	const in = `entries:
  - code: busy
    status: 409
    message: Concurrency conflicts. Try again later.
    retryable: true
  - code: busy
    status: 400
  - code: bad
    status: 400
    retryable: false
  - code: plain
`
	res, err := catalogyaml.Parse([]byte(in), catalogyaml.Options{File: "r.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	var got []bool
	for _, e := range res.Entries {
		got = append(got, e.Retryable)
	}
	if want := []bool{true, true, false, false}; !cmp.Equal(got, want) {
		t.Errorf("retryable = %v, want %v", got, want)
	}
	want := []catalog.Diagnostic{{File: "r.yaml", Where: "line 6", Message: `code "busy" is retryable (line 2 says retryable: true) but this entry does not say so; a code is retryable or not, so it is taken as retryable (hint: write retryable: true on every entry of the code)`}}
	if d := cmp.Diff(want, res.Report.Warnings); d != "" {
		t.Errorf("warnings (-want +got):\n%s", d)
	}
	// The JSON form keeps it: errgen parse --format json of a
	// hand-written catalog shows the declaration.
	data, err := catalog.Marshal(&catalog.Catalog{ID: "r", Entries: res.Entries})
	if err != nil {
		t.Fatal(err)
	}
	back, err := catalog.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(res.Entries, back.Entries); d != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", d)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct{ in, where, want string }{
		{"", "", "empty catalog"},
		{"entries: [\n", "line 1", "not YAML"},
		{"- a\n", "line 1", "want a mapping with keys title, vendor, envelope, entries, got a list"},
		{"titel: x\nentries: [{code: a}]\n", "line 1", `unknown key "titel" in the document (want one of: title, vendor, envelope, entries)`},
		{"title: a\ntitle: b\n", "line 2", `key "title" is repeated`},
		{"entries: []\n", "line 1", "entries: the catalog has no entries"},
		{"title: x\n", "line 1", "the catalog has no entries"},
		{"entries:\n  - status: 400\n", "line 2", "entries[0]: missing code"},
		{"entries:\n  - code: a\n    mesage: x\n", "line 3", `entries[0]: unknown key "mesage" in entries[0] (want one of: code, status, status_range, message,`},
		{"entries:\n  - code: a\n    status: four hundred\n", "line 3", `entries[0].status: status "four hundred": want an HTTP status from 100 to 599`},
		{"entries:\n  - code: a\n    status: 4000\n", "line 3", `status "4000"`},
		{"entries:\n  - code: [a]\n", "line 2", "entries[0].code: want text, got a list"},
		{"entries:\n  - code: a\n    retryable: yes\n", "line 3", `entries[0].retryable: want true or false, got "yes": true says a client may retry`},
		{"entries:\n  - code: a\n    retryable: \"true\"\n", "line 3", `entries[0].retryable: want true or false, got "true"`},
		{"entries:\n  - code: a\n    retryable: [true]\n", "line 3", `entries[0].retryable: want true or false, got a list`},
		{"entries:\n  - code: a\n    extra: [x]\n", "line 3", "entries[0].extra: want a mapping of names to text"},
		{"entries:\n  - code: a\n    operations: [{method: 'G T', path: /x}]\n", "line 3", `entries[0].operations[0].method: method "G T": want an HTTP method`},
		{"entries:\n  - code: a\n    operations: [{method: GET, path: x}]\n", "line 3", `path "x": want the path template, starting with /`},
		{"entries:\n  - code: a\n    examples:\n      - body: '{\"a\": '\n", "line 4", "entries[0].examples[0].body: not JSON"},
		{"entries:\n  - code: a\n    examples:\n      - body: '{} {}'\n", "line 4", "more than one JSON value"},
		{"envelope: soap\nentries: [{code: a}]\n", "line 1", `envelope: unknown name "soap" (one of: huaweicloud, oauth2, scim, or a mapping with shapes)`},
		{"envelope: {request_id_header: X}\nentries: [{code: a}]\n", "line 1", "envelope: want shapes"},
		{"envelope:\n  shapes: [{message: /m}]\nentries: [{code: a}]\n", "line 2", "envelope.shapes[0]: missing code"},
		{"envelope:\n  shapes: [{code: error.code}]\nentries: [{code: a}]\n", "line 2", `envelope.shapes[0].code: "error.code" is not a JSON pointer`},
		{"envelope:\n  shapes: [{code: /c, code_prefix: \"AADSTS \"}]\nentries: [{code: a}]\n", "line 2", `envelope.shapes[0].code_prefix: code prefix "AADSTS ": spaces at either end`},
		{"envelope:\n  shapes: [{code: /c, code_prefix: \"AAD\\tSTS\"}]\nentries: [{code: a}]\n", "line 2", `envelope.shapes[0].code_prefix: code prefix "AAD\tSTS": control or invisible characters`},
		{"envelope:\n  shapes: [{code: /c, code_prefix: [AADSTS]}]\nentries: [{code: a}]\n", "line 2", `envelope.shapes[0].code_prefix: want text, got a list`},
		{"envelope:\n  shapes: [{code: /c, prefix: AADSTS}]\nentries: [{code: a}]\n", "line 2", `unknown key "prefix" in envelope.shapes[0] (want one of: code, code_prefix, message, request_id)`},
		{"envelope:\n  shapes: [{code: /c}]\n  fields: [{name: x, type: str}]\nentries: [{code: a}]\n", "line 3", `envelope.fields[0].type: type "str": want one of object, array`},
		{"envelope:\n  shapes: [{code: /c}]\n  fields: [{name: x, required: maybe}]\nentries: [{code: a}]\n", "line 3", `envelope.fields[0].required: want true or false`},
		{"envelope:\n  shapes: [{code: /c}]\n  fields: [{name: x, pointer: /a/*/b}]\nentries: [{code: a}]\n", "line 3", `not a JSON pointer to one value`},
		{"envelope:\n  shapes: [{code: /c}]\n  fields: [{type: string}]\nentries: [{code: a}]\n", "line 3", `envelope.fields[0]: missing name`},
		{"envelope:\n  shapes: [{code: /c}]\n  fields: [{name: x, items: [{name: y}]}]\nentries: [{code: a}]\n", "line 3", `unknown key "items"`},
		{"envelope:\n  shapes: [{code: /c}]\n  extensions: [{urn: Ext}]\nentries: [{code: a}]\n", "line 3", `envelope.extensions[0].urn: urn "Ext": want the schema URN`},
	} {
		_, err := catalogyaml.Parse([]byte(tc.in), catalogyaml.Options{File: "c.yaml"})
		var d *catalog.Diagnostic
		if !errors.As(err, &d) || d.File != "c.yaml" || d.Where != tc.where || !strings.Contains(d.Message, tc.want) {
			t.Errorf("Parse(%q) = %v\nwant c.yaml: %s: …%s…", tc.in, err, tc.where, tc.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(full)
	f.Add("entries: [{code: a, examples: [{body: '{}'}]}]")
	f.Fuzz(func(t *testing.T, in string) {
		res, err := catalogyaml.Parse([]byte(in), catalogyaml.Options{File: "f.yaml"})
		if err == nil && len(res.Entries)+res.Report.NonErrorRows == 0 {
			t.Errorf("accepted a catalog without entries: %q", in)
		}
	})
}

// TestMaxSize: yaml.v3 takes some 300 bytes per byte of a flow list, so
// Parse refuses a catalog past MaxSize before decoding it.
func TestMaxSize(t *testing.T) {
	data := []byte("entries: [" + strings.Repeat("1,", catalogyaml.MaxSize/2) + "1]\n")
	_, err := catalogyaml.Parse(data, catalogyaml.Options{File: "big.yaml"})
	if err == nil || !strings.Contains(err.Error(), "big.yaml: ") || !strings.Contains(err.Error(), "larger than 4194304") {
		t.Fatalf("err = %v, want the size limit naming big.yaml", err)
	}
}
