package config

import (
	"strings"
	"testing"
)

// TestSourceKinds: hand-written catalogs and SCIM prose pages may give
// their own envelope, and go.scim_base names the SCIM base package.
func TestSourceKinds(t *testing.T) {
	cfg, err := Parse("c.yaml", []byte(`version: 1
catalogs:
  - id: ietf/scim
    source: {kind: catalog, file: ietf/scim/rfc7644.yaml, url: https://www.rfc-editor.org/rfc/rfc7644}
  - id: acme/scim
    source: {kind: scimdoc, file: acme/errors.txt, url: https://acme.example/errors}
    go: {scim_base: example.com/m/generated/go/ietf/scim}
  - id: acme/other
    source: {kind: catalog, file: acme/other.yaml, url: https://acme.example/other}
    envelope: scim
`))
	if err != nil {
		t.Fatal(err)
	}
	if c := cfg.Catalogs[0]; c.Source.Kind != "catalog" || len(c.Envelope.Shapes) != 0 {
		t.Errorf("catalog kind: %+v", c)
	}
	if c := cfg.Catalogs[1]; c.Go.SCIMBase != "example.com/m/generated/go/ietf/scim" || c.Go.Package != "scim" {
		t.Errorf("scimdoc kind: %+v", c)
	}
	if c := cfg.Catalogs[2]; len(c.Envelope.Shapes) != 2 || c.Envelope.Shapes[0].Code != "/scimType" {
		t.Errorf("envelope scim: %+v", c.Envelope)
	}
	for _, tc := range []struct{ in, want string }{
		{"version: 1\ncatalogs:\n  - id: a\n    source: {kind: pdf, file: a.pdf, url: https://u.example}\n",
			`c.yaml: line 4: catalog a: source: unknown kind "pdf" (one of: html-table, markdown, openapi, catalog, scimdoc, data)`},
		{"version: 1\ncatalogs:\n  - id: a\n    source: {kind: scimdoc, file: a.txt, url: https://u.example}\n    go: {scim_base: /abs/scim}\n",
			`c.yaml: line 5: catalog a: go: scim_base "/abs/scim": want an import path`},
		{"version: 1\ncatalogs:\n  - id: a\n    source: {kind: scimdoc, file: a.txt, url: https://u.example}\n    go: {scim_bse: x}\n",
			`c.yaml: line 5: catalogs[0].go: unknown key "scim_bse"`},
		{"version: 1\ncatalogs:\n  - id: a\n    source: {kind: scimdoc, file: a.txt, url: https://u.example, tables: [{index: 1}]}\n",
			`tables does not apply to kind scimdoc (only to html-table`},
	} {
		_, err := Parse("c.yaml", []byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v\nwant %s", tc.in, err, tc.want)
		}
	}
}
