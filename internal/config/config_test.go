package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

func TestDefaults(t *testing.T) {
	cfg, err := Parse(filepath.Join("dir", "errgen.yaml"), []byte(`version: 1
catalogs:
  - id: acme/my-api
    source: {kind: html-table, file: src/page.html, url: https://acme.example/e, tables: [{index: 2}, {caption: Table 1 X}]}
    envelope:
      shapes: [{code: /err/code, message: /err/msg}]
      request_id_header: X-Req
`))
	if err != nil {
		t.Fatal(err)
	}
	c := cfg.Catalogs[0]
	if cfg.Out != "generated" || cfg.OutDir() != filepath.Join("dir", "generated") {
		t.Errorf("out = %q, OutDir = %q; want one folder, generated, beside the config", cfg.Out, cfg.OutDir())
	}
	if c.Go.Package != "myapi" || c.Go.Dir != "go/acme/my-api" {
		t.Errorf("go = %+v, want package myapi in go/acme/my-api", c.Go)
	}
	if c.Line != 3 {
		t.Errorf("Line = %d, want 3", c.Line)
	}
	if got := cfg.Path(c.Source.File); got != filepath.Join("dir", "src", "page.html") {
		t.Errorf("Path = %q", got)
	}
	if len(c.Source.Tables) != 2 || c.Source.Tables[0].Index != 2 || c.Source.Tables[1].Caption != "Table 1 X" {
		t.Errorf("tables = %+v", c.Source.Tables)
	}
	if c.Envelope.RequestIDHeader != "X-Req" || c.Envelope.Shapes[0].Message != "/err/msg" {
		t.Errorf("envelope = %+v", c.Envelope)
	}
}

func TestNamedEnvelope(t *testing.T) {
	cfg, err := Parse("e.yaml", []byte("version: 1\ncatalogs:\n  - id: a\n    source: {kind: html-table, file: p.html, url: https://u.example}\n    envelope: huaweicloud\n"))
	if err != nil {
		t.Fatal(err)
	}
	if e := cfg.Catalogs[0].Envelope; e.Name != "huaweicloud" || len(e.Shapes) != 2 || e.RequestIDHeader != "X-Request-Id" {
		t.Errorf("envelope = %+v", e)
	}
}

// TestCodePrefix: Microsoft Entra's shape, a code prefix before the
// numbers of an array and one message beside it, reaches the catalog;
// oauth2 is the envelope of bodies without the numbers.
func TestCodePrefix(t *testing.T) {
	cfg, err := Parse("e.yaml", []byte(`version: 1
catalogs:
  - id: microsoft/entra
    source: {kind: html-table, file: p.html, url: https://u.example}
    envelope:
      shapes: [{code: /error_codes/*, code_prefix: AADSTS, message: /error_description}]
  - id: acme/oauth
    source: {kind: html-table, file: p.html, url: https://u.example}
    envelope: oauth2
`))
	if err != nil {
		t.Fatal(err)
	}
	want := catalog.Shape{Code: "/error_codes/*", CodePrefix: "AADSTS", Message: "/error_description"}
	if env := cfg.Catalogs[0].Envelope.Catalog(); len(env.Shapes) != 1 || env.Shapes[0] != want {
		t.Errorf("envelope = %+v, want the shape %+v", env, want)
	}
	want = catalog.Shape{Code: "/error", Message: "/error_description"}
	if env := cfg.Catalogs[1].Envelope.Catalog(); len(env.Shapes) != 1 || env.Shapes[0] != want || !env.Is("oauth2") {
		t.Errorf("oauth2 envelope = %+v, want the shape %+v", env, want)
	}
	head := "version: 1\ncatalogs:\n  - id: a\n    source: {kind: html-table, file: p.html, url: https://u.example}\n    envelope:\n      shapes:\n"
	for _, tc := range []struct{ prefix, want string }{
		{`"AADSTS\n"`, `e.yaml: line 7: catalog a: envelope: shapes[0]: code_prefix "AADSTS\n": control or invisible characters`},
		{`"\u202eAAD"`, `e.yaml: line 7: catalog a: envelope: shapes[0]: code_prefix "\u202eAAD": control or invisible characters`},
		{`" AADSTS"`, `e.yaml: line 7: catalog a: envelope: shapes[0]: code_prefix " AADSTS": spaces at either end`},
	} {
		_, err := Parse("e.yaml", []byte(head+"        - {code: /error_codes/*, code_prefix: "+tc.prefix+"}\n"))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("code_prefix %s:\n got %v\nwant prefix %q", tc.prefix, err, tc.want)
		}
	}
}

// An openapi source needs no envelope (the document gives it) and takes
// the code and message pointers; Go names can trim listed prefixes.
func TestOpenAPISource(t *testing.T) {
	cfg, err := Parse("o.yaml", []byte(`version: 1
catalogs:
  - id: nevis/idm
    source:
      kind: openapi
      file: nevis/idm/openapi.yaml
      url: https://docs.example/idm
      code_pointer: /errors/*/code
      message_pointer: /errors/*/message
    go: {trim_prefixes: [errors., error.]}
`))
	if err != nil {
		t.Fatal(err)
	}
	c := cfg.Catalogs[0]
	if c.Source.CodePointer != "/errors/*/code" || c.Source.MessagePointer != "/errors/*/message" {
		t.Errorf("source = %+v", c.Source)
	}
	if len(c.Envelope.Shapes) != 0 {
		t.Errorf("envelope = %+v, want none (derived from the document)", c.Envelope)
	}
	if got := c.Go.TrimPrefixes; len(got) != 2 || got[0] != "errors." || got[1] != "error." {
		t.Errorf("trim_prefixes = %q", got)
	}
}

// TestErrors covers the mistakes not already in the CLI's scripts.
func TestErrors(t *testing.T) {
	const head = "version: 1\ncatalogs:\n  - id: a\n    source: {kind: html-table, file: p.html, url: https://u.example}\n"
	const open = "version: 1\ncatalogs:\n  - id: a\n    source:\n      kind: openapi\n      file: o.yaml\n      url: https://u.example\n"
	for _, tc := range []struct{ in, want string }{
		{"", "c.yaml: empty config"},
		{"- a\n", "c.yaml: line 1: want a mapping"},
		{"version: 1\n", "c.yaml: line 1: catalogs: want at least one catalog"},
		{"version: 1\ncatalogs:\n  - title: x\n", "c.yaml: line 3: catalogs[0]: missing id"},
		{"version: 1\ncatalogs:\n  - id: Acme/API\n", "c.yaml: line 3: catalog Acme/API: id must be lower-case"},
		{head + "    envelope: huaweicloud\n    go: {package: Bad}\n", "c.yaml: line 6: catalog a: go: package \"Bad\" is not a lower-case Go package name"},
		{head + "    envelope: huaweicloud\n    go: {dir: /abs}\n", "c.yaml: line 6: catalog a: go: dir: \"/abs\": want a relative, slash-separated path"},
		{head, "c.yaml: line 3: catalog a: missing envelope"},
		{head + "    envelope: {shapes: [{message: /m}]}\n", "c.yaml: line 5: catalog a: envelope: shapes[0]: code: want a JSON pointer"},
		{head + "    envelope: huaweicloud\n    go: {names: [x]}\n", "c.yaml: line 6: catalogs[0].go.names: want a mapping"},
		{"version: 1\nout: /tmp\ncatalogs: []\n", "c.yaml: line 2: out: \"/tmp\": want a relative"},
		{"version: 1\ncatalogs:\n  - id: a\n    source: {kind: html-table, file: p.html, url: https://u.example, tables: [{index: 1, caption: x}]}\n    envelope: huaweicloud\n", "c.yaml: line 4: catalog a: source: tables[0]: want exactly one of index"},
		{head + "    envelope: huaweicloud\n    go: {trim_prefixes: [\"\"]}\n", "c.yaml: line 6: catalog a: go: trim_prefixes[0] is empty"},
		{"version: 1\ncatalogs:\n  - id: a\n    source: {kind: html-table, file: p.html, url: https://u.example, code_pointer: /code}\n    envelope: huaweicloud\n",
			"c.yaml: line 4: catalog a: source: code_pointer does not apply to kind html-table (only to openapi)"},
		{open + "      code_pointer: errors/code\n", "c.yaml: line 8: catalog a: source: code_pointer: \"errors/code\": want a JSON pointer"},
		{open + "      code_pointer: /a/*/b/*/c\n", "c.yaml: line 8: catalog a: source: code_pointer: \"/a/*/b/*/c\": at most one \"*\""},
		{open + "      code_pointer: /a~2\n", "c.yaml: line 8: catalog a: source: code_pointer: \"/a~2\": write ~ as ~0"},
		{"version: 1\ncatalogs:\n  - id: a\n    source: {kind: html-table, file: p.html, url: https://u.example}\n    envelope: huaweicloud\n  - id: b\n    source: {kind: html-table, file: p.html, url: https://u.example}\n    envelope: huaweicloud\n    go: {dir: go/a}\n",
			"c.yaml: line 9: catalog b: go: dir go/a is also used by catalog a"},
	} {
		_, err := Parse("c.yaml", []byte(tc.in))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Parse(%q):\n got %v\nwant prefix %q", tc.in, err, tc.want)
		}
	}
}

// TestEnvelopeNamesDocumented: every named envelope is listed in the
// package doc, which is where a user looks for them.
func TestEnvelopeNamesDocumented(t *testing.T) {
	src, err := os.ReadFile("config.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range catalog.EnvelopeNames() {
		if !strings.Contains(string(src), "//\t"+name+" ") {
			t.Errorf("named envelope %q is not listed in the package doc", name)
		}
	}
}
