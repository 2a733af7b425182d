package catalog_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/errgen/errgen/catalog"
)

func sample() *catalog.Catalog {
	return &catalog.Catalog{
		ID:       "acme/api",
		Title:    "Acme <API> & co",
		Source:   catalog.Source{Kind: "html-table", URL: "https://acme.example/errors?a=1&b=2", File: "acme/errors.html", SHA256: "00ff", Date: "2026-11-25"},
		Envelope: catalog.Envelope{Shapes: []catalog.Shape{{Code: "/error_code", Message: "/error_msg"}}},
		Entries: []catalog.Entry{
			{Status: 400, Code: "Acme.1", Message: "Bad {0} <x>.", Extra: map[string]string{"Type": "t", "Module": "m"}, Origin: catalog.Origin{Table: 1, Row: 1}},
			{Status: 0, Code: "Acme.1", Message: "Line one.\nLine two.", Origin: catalog.Origin{Table: 2, Caption: "Table 1 More", Row: 1}},
			{Status: 404, Code: "Acme.2", Message: "Gone.", Retryable: true, Origin: catalog.Origin{Table: 2, Caption: "Table 1 More", Row: 2}},
		},
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	c := sample()
	data, err := catalog.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	// The documented form: format first, no HTML escaping, sorted extra
	// keys, status 0 written out, newline at the end.
	for _, want := range []string{
		"{\n  \"format\": 1,\n  \"id\": \"acme/api\",",
		`"title": "Acme <API> & co"`,
		`"extra": {` + "\n" + `        "Module": "m",` + "\n" + `        "Type": "t"`,
		`"sha256": "00ff",` + "\n" + `    "date": "2026-11-25"` + "\n  },",
		`"status": 0,`,
		`"message": "Line one.\nLine two."`,
		`"message": "Gone.",` + "\n" + `      "retryable": true,`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("JSON lacks %q:\n%s", want, s)
		}
	}
	if n := strings.Count(s, `"retryable"`); n != 1 {
		t.Errorf("JSON has retryable %d times, want once: only where true", n)
	}
	if !strings.HasSuffix(s, "}\n") {
		t.Error("JSON does not end in a newline")
	}
	back, err := catalog.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	c.Format = catalog.FormatVersion
	if d := cmp.Diff(c, back); d != "" {
		t.Errorf("round trip (-want +got):\n%s", d)
	}
	again, _ := catalog.Marshal(back)
	if string(again) != s {
		t.Error("Marshal is not stable across a round trip")
	}
}

func TestUnmarshalErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"format": 1, "id": "a", "bogus": 1}`, `unknown field "bogus"`},
		{`{"format": 2, "id": "a"}`, "format 2, want 1"},
		{`{"id": "a"}`, "format 0, want 1"},
		{`[`, "catalog JSON"},
	} {
		_, err := catalog.Unmarshal([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Unmarshal(%s) = %v, want an error containing %q", tc.in, err, tc.want)
		}
	}
}

func TestCodesAndByCode(t *testing.T) {
	c := sample()
	if got := c.Codes(); !cmp.Equal(got, []string{"Acme.1", "Acme.2"}) {
		t.Errorf("Codes() = %q", got)
	}
	groups := c.ByCode()
	if len(groups) != 2 || len(groups[0]) != 2 || groups[0][1].Origin.Table != 2 || groups[1][0].Code != "Acme.2" {
		t.Errorf("ByCode() = %+v", groups)
	}
}

func TestDiagnostic(t *testing.T) {
	d := &catalog.Diagnostic{File: "p.html", Where: "table 1, row 2", Message: "bad"}
	if got := d.Error(); got != "p.html: table 1, row 2: bad" {
		t.Errorf("Error() = %q", got)
	}
	if got := (&catalog.Diagnostic{Message: "bad"}).Error(); got != "bad" {
		t.Errorf("Error() without place = %q", got)
	}
}

func TestNamedEnvelope(t *testing.T) {
	e, ok := catalog.NamedEnvelope("huaweicloud")
	if !ok || e.Shapes[0].Code != "/error_code" || e.Shapes[1].Code != "/error/code" {
		t.Errorf("huaweicloud envelope = %+v, %v", e, ok)
	}
	e.Shapes[0].Code = "changed"
	if again, _ := catalog.NamedEnvelope("huaweicloud"); again.Shapes[0].Code != "/error_code" {
		t.Error("NamedEnvelope returns shared shapes")
	}
	if _, ok := catalog.NamedEnvelope("nope"); ok {
		t.Error("unknown envelope name accepted")
	}
	// SCIM: scimType when present, else the status.
	scim, ok := catalog.NamedEnvelope("scim")
	want := []catalog.Shape{{Code: "/scimType", Message: "/detail"}, {Code: "/status", Message: "/detail"}}
	if !ok || !cmp.Equal(scim.Shapes, want) || scim.RequestIDHeader != "" {
		t.Errorf("scim envelope = %+v, %v", scim, ok)
	}
	scim.Fields = []catalog.Field{{Name: "schemas", Pointer: "/schemas"}}
	if !scim.Is("scim") || scim.Is("huaweicloud") || e.Is("nope") {
		t.Error("Envelope.Is does not tell the named envelopes apart")
	}
	scim.Shapes = scim.Shapes[1:]
	if scim.Is("scim") {
		t.Error("Envelope.Is accepts the SCIM envelope without its scimType shape")
	}
}

// TestExtensionsRoundTrip: the SCIM additions (extensions and their fields,
// origin line) survive the JSON form, and are absent when empty.
func TestExtensionsRoundTrip(t *testing.T) {
	c := sample()
	if data, _ := catalog.Marshal(c); strings.Contains(string(data), "extensions") || strings.Contains(string(data), `"line"`) {
		t.Errorf("empty SCIM fields are written:\n%s", data)
	}
	c.Envelope.Extensions = []catalog.Extension{{
		URN: "urn:x:Ext", Aliases: []string{"urn:y:Ext"}, Name: "Ext", Description: "d",
		Fields: []catalog.Field{{Name: "reqs", Pointer: "/reqs", Type: "array"}, {Name: "ok", Pointer: "/reqs/*/ok", Type: "boolean"}},
	}}
	c.Entries[0].Origin = catalog.Origin{Line: 12}
	data, err := catalog.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"urn": "urn:x:Ext"`, `"aliases": [`, `"pointer": "/reqs/*/ok"`, `"line": 12`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("JSON lacks %s:\n%s", want, data)
		}
	}
	back, err := catalog.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	c.Format = catalog.FormatVersion
	if d := cmp.Diff(c, back); d != "" {
		t.Errorf("round trip (-want +got):\n%s", d)
	}
}
