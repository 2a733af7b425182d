package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/parse/scimdoc"
)

// TestRFC7644: the hand-written core catalog holds what §3.12 lists.
func TestRFC7644(t *testing.T) {
	c := loadBundled(t)["ietf/scim"]
	if c == nil {
		t.Fatal("no catalog ietf/scim")
	}
	if c.Source.Kind != "catalog" || !c.Envelope.Is("scim") || c.Title == "" || c.Vendor != "IETF" {
		t.Errorf("catalog = %+v", c)
	}
	var keywords, statuses []string
	for _, e := range c.Entries {
		switch {
		case e.Code == "uniqueness" && e.Status == 409:
			if !strings.Contains(e.Note, "Section 3.3") {
				t.Errorf("409 uniqueness: note %q", e.Note)
			}
		case e.Status == 400 && e.Code != "400":
			keywords = append(keywords, e.Code)
			if e.Description == "" || e.Extra["applicability"] == "" || len(e.Operations) == 0 {
				t.Errorf("%s: description, applicability or operations missing: %+v", e.Code, e)
			}
		default:
			statuses = append(statuses, e.Code)
			if e.Code == "" || e.Title == "" || e.Description == "" {
				t.Errorf("status %s: %+v", e.Code, e)
			}
		}
	}
	if got := strings.Join(keywords, " "); got != strings.Join(scimdoc.Keywords, " ") {
		t.Errorf("keywords = %s, want RFC 7644's ten in order", got)
	}
	if got := strings.Join(statuses, " "); got != "400 401 403 404 409 412 413 500 501" {
		t.Errorf("statuses = %s", got)
	}
}

// TestSCIMVendors: the two prose pages, as generate reads them.
func TestSCIMVendors(t *testing.T) {
	cats := loadBundled(t)
	iij, ping := cats["iij/directorysync"], cats["pingidentity/scim"]
	if iij == nil || ping == nil {
		t.Fatal("SCIM vendor catalogs missing")
	}
	var codes []string
	for _, e := range iij.Entries {
		codes = append(codes, e.Code)
	}
	if got := strings.Join(codes, " "); got != "404 invalidValue uniqueness uniqueness invalidValue uniqueness 401 invalidValue" {
		t.Errorf("IIJ codes in page order = %s", got)
	}
	if len(ping.Entries) != 2 || len(ping.Envelope.Fields) != 4 || len(ping.Envelope.Extensions) != 1 || !ping.Envelope.Is("scim") {
		t.Errorf("Ping = %d entries, envelope %+v", len(ping.Entries), ping.Envelope)
	}
}

func TestGuessKind(t *testing.T) {
	scimText := []byte(`{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"404"}`)
	for _, tc := range []struct {
		file string
		data string
		want string
	}{
		{"page.html", "<table><tr><th>Error Code</th></tr></table>", "html-table"},
		{"page.html", "<pre>" + string(scimText) + "</pre>", "scimdoc"},
		{"errors.txt", string(scimText), "scimdoc"},
		{"errors.md", string(scimText), "scimdoc"},
		{"notes.txt", "hello", ""},
		{"api.yaml", "openapi: 3.0.3\npaths: {}\n", "openapi"},
		{"api.yml", "swagger: '2.0'\nentries: x\n", "openapi"},
		{"rfc.yaml", "# a catalog\ntitle: x\nentries:\n  - code: a\n", "catalog"},
		{"api.json", `{"info": {}, "openapi": "3.0.3"}`, "openapi"},
		{"api.json", `{"swagger": "2.0"}`, "openapi"},
	} {
		if got := build.GuessKind(tc.file, []byte(tc.data)); got != tc.want {
			t.Errorf("GuessKind(%s, %.20q) = %q, want %q", tc.file, tc.data, got, tc.want)
		}
	}
}

// writeConfig writes files into a temporary directory and loads its
// errgen.yaml.
func writeConfig(t *testing.T, files map[string]string) *config.Config {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := config.Load(filepath.Join(dir, "errgen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

const pingPage = `Field | Type | Provided? | Description |
---|---|---|---|
status | number | always | The status. |
{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"scimType":"uniqueness","status":409,"detail":"Taken."}
`

// TestSCIMLoadAndEmit: the config's envelope keeps the source's fields;
// a hand-written catalog without envelope anywhere is an error; vendor
// packages import the config's ietf/scim package, or errgen's own.
func TestSCIMLoadAndEmit(t *testing.T) {
	cfg := writeConfig(t, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.26\n",
		"errgen.yaml": `version: 1
catalogs:
  - id: ietf/scim
    source: {kind: catalog, file: rfc.yaml, url: https://www.rfc-editor.org/rfc/rfc7644}
  - id: acme/scim
    source: {kind: scimdoc, file: acme.txt, url: https://acme.example/errors}
    envelope: scim
  - id: other/scim
    source: {kind: scimdoc, file: acme.txt, url: https://acme.example/errors}
    go: {scim_base: example.com/elsewhere/scim}
`,
		"rfc.yaml": "envelope: scim\nentries: [{code: uniqueness, status: 409}]\n",
		"acme.txt": pingPage,
	})
	loaded, err := build.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if env := loaded[1].Catalog.Envelope; !env.Is("scim") || len(env.Fields) != 1 || env.Fields[0].Name != "status" {
		t.Errorf("acme envelope = %+v, want SCIM's with the page's field", env)
	}
	files, err := build.Emit(cfg, loaded, cfg.OutDir())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(files["go/ietf/scim/errors.go"]), "apierr.DecodeSCIM(") {
		t.Error("ietf/scim is not generated as the base")
	}
	if !strings.Contains(string(files["go/acme/scim/errors.go"]), `rfc7644 "example.com/m/generated/go/ietf/scim"`) {
		t.Error("acme/scim does not import the config's base")
	}
	if !strings.Contains(string(files["go/other/scim/errors.go"]), `rfc7644 "example.com/elsewhere/scim"`) {
		t.Error("other/scim does not import its scim_base")
	}

	// Without ietf/scim in the config: errgen's own base.
	cfg = writeConfig(t, map[string]string{
		"errgen.yaml": "version: 1\ncatalogs:\n  - id: acme/api\n    source: {kind: scimdoc, file: acme.txt, url: https://u.example}\n",
		"acme.txt":    pingPage,
	})
	loaded, err = build.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	files, err = build.Emit(cfg, loaded, cfg.OutDir())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(files["go/acme/api/errors.go"]), `"github.com/errgen/errgen/generated/go/ietf/scim"`) {
		t.Error("acme/api does not import errgen's base")
	}

	// A hand-written catalog that names no envelope, with none in errgen.yaml.
	cfg = writeConfig(t, map[string]string{
		"errgen.yaml": "version: 1\ncatalogs:\n  - id: acme/api\n    source: {kind: catalog, file: c.yaml, url: https://u.example}\n",
		"c.yaml":      "entries: [{code: a}]\n",
	})
	if _, err := build.Load(cfg); err == nil || !strings.Contains(err.Error(), "line 3: catalog acme/api: no envelope") {
		t.Errorf("Load without envelope = %v", err)
	}
}
