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

// TestRetryable: retryable: lists codes, at the catalog's level; Parse
// keeps each item's line for the check against the parsed catalog, and
// refuses what cannot be a list of codes, with the line and the fix.
func TestRetryable(t *testing.T) {
	const head = "version: 1\ncatalogs:\n  - id: a\n    source: {kind: html-table, file: p.html, url: https://u.example}\n    envelope: huaweicloud\n"
	cfg, err := Parse("r.yaml", []byte(head+"    retryable:\n      - Acme.1006\n      - 1007\n    go: {package: a}\n  - id: b\n    source: {kind: html-table, file: p.html, url: https://u.example}\n    envelope: huaweicloud\n"))
	if err != nil {
		t.Fatal(err)
	}
	a, b := cfg.Catalogs[0], cfg.Catalogs[1]
	if len(a.Retryable) != 2 || a.Retryable[0] != "Acme.1006" || a.Retryable[1] != "1007" {
		t.Errorf("retryable = %q, want [Acme.1006 1007] (a number is the code as written)", a.Retryable)
	}
	if len(a.RetryableLines) != 2 || a.RetryableLines[0] != 7 || a.RetryableLines[1] != 8 || a.RetryableLine != 6 {
		t.Errorf("lines = %v, key at %d; want [7 8], 6", a.RetryableLines, a.RetryableLine)
	}
	if len(b.Retryable) != 0 || b.RetryableLine != b.Line {
		t.Errorf("catalog without retryable: %q, line %d; want none, the catalog's line %d", b.Retryable, b.RetryableLine, b.Line)
	}

	many := "    retryable: [" + strings.Repeat("x, ", MaxRetryable) + "x]\n"
	long := "    retryable: [" + strings.Repeat("x", MaxRetryableCode+1) + "]\n"
	for _, tc := range []struct{ in, want string }{
		{"    retryable: Acme.1006\n", `r.yaml: line 6: catalog a: retryable: want a list of the catalog's codes, such as retryable: [Acme.1006, Acme.1007]; got the single value "Acme.1006"`},
		{"    retryable: true\n", `r.yaml: line 6: catalog a: retryable: want a list of the catalog's codes, such as retryable: [Acme.1006, Acme.1007]; got true; statuses 429 and 503 are always retryable`},
		{"    retryable: {Acme.1006: true}\n", `r.yaml: line 6: catalog a: retryable: want a list of the catalog's codes`},
		{"    retryable:\n      - {code: Acme.1006}\n", `r.yaml: line 7: catalog a: retryable[0]: want a code as text, got a mapping; such as retryable: [Acme.1006, Acme.1007]`},
		{"    retryable: [[Acme.1006]]\n", `r.yaml: line 6: catalog a: retryable[0]: want a code as text, got a list`},
		{"    retryable:\n      - Acme.1\n      -\n", `r.yaml: line 8: catalog a: retryable[1] is empty: want a code of the catalog`},
		{"    retryable: [\" \"]\n", `r.yaml: line 6: catalog a: retryable[0] is empty`},
		{"    retryable: [/^Throttl/]\n", `r.yaml: line 6: catalog a: retryable[0]: "/^Throttl/": want a code, not a regular expression`},
		{many, `r.yaml: line 6: catalog a: retryable: 1001 codes, at most 1000`},
		{long, `r.yaml: line 6: catalog a: retryable[0]: a code of 1001 bytes, at most 1000`},
		{"    retryable:\n      - Acme.1006\n      - Acme.1007\n      - Acme.1006\n", `r.yaml: line 9: catalog a: retryable[2]: "Acme.1006" is listed twice, first on line 7; hint: remove one`},
		{"    go:\n      retryable: [Acme.1006]\n", `r.yaml: line 7: catalogs[0].go: unknown key "retryable"`},
	} {
		_, err := Parse("r.yaml", []byte(head+tc.in))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Parse(…%q):\n got %v\nwant prefix %q", tc.in, err, tc.want)
		}
	}
}
