package catalog_test

import (
	"bytes"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// TestOAuth2Envelope: RFC 6749 §5.2's error keyword and description.
func TestOAuth2Envelope(t *testing.T) {
	e, ok := catalog.NamedEnvelope("oauth2")
	if !ok || len(e.Shapes) != 1 || e.Shapes[0] != (catalog.Shape{Code: "/error", Message: "/error_description"}) || !e.Is("oauth2") {
		t.Errorf("oauth2 = %+v, %v", e, ok)
	}
	names := catalog.EnvelopeNames()
	if len(names) != 3 || names[0] != "huaweicloud" || names[1] != "oauth2" || names[2] != "scim" {
		t.Errorf("EnvelopeNames = %q", names)
	}
}

// TestCodePrefixJSON: code_prefix round-trips, and a shape without one is
// written as before.
func TestCodePrefixJSON(t *testing.T) {
	c := &catalog.Catalog{Format: catalog.FormatVersion, ID: "microsoft/entra",
		Envelope: catalog.Envelope{Shapes: []catalog.Shape{
			{Code: "/error_codes/*", CodePrefix: "AADSTS", Message: "/error_description"},
			{Code: "/error", Message: "/error_description"},
		}},
		Entries: []catalog.Entry{{Code: "AADSTS70011", Status: 400}},
	}
	data, err := catalog.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Count(data, []byte(`"code_prefix"`)) != 1 || !bytes.Contains(data, []byte(`"code_prefix": "AADSTS"`)) {
		t.Errorf("JSON has code_prefix other than once:\n%s", data)
	}
	back, err := catalog.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Envelope.Shapes[0] != c.Envelope.Shapes[0] || back.Envelope.Shapes[1] != c.Envelope.Shapes[1] {
		t.Errorf("shapes = %+v", back.Envelope.Shapes)
	}
}

func TestCheckCodePrefix(t *testing.T) {
	for _, p := range []string{"", "AADSTS", "E-", "Ecs.", "错误"} {
		if msg := catalog.CheckCodePrefix(p); msg != "" {
			t.Errorf("CheckCodePrefix(%q) = %q", p, msg)
		}
	}
	for _, p := range []string{"AAD\n", "\tAAD", "AAD ", "\xff", "A\u202eB", "A\u200bB", "A\x00"} {
		if msg := catalog.CheckCodePrefix(p); msg == "" {
			t.Errorf("CheckCodePrefix(%q) accepts it", p)
		}
	}
}
