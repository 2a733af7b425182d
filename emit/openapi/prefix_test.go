package openapi_test

import (
	"errors"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/emit/openapi"
)

// TestPrefixLayouts: Entra's two layouts, error_codes with the prefix
// AADSTS and the OAuth 2.0 keyword without, are two code sets; a status
// none of whose codes has the prefix admits no code in error_codes.
func TestPrefixLayouts(t *testing.T) {
	c := readCatalog(t, "testdata/prefixed/catalog.json")
	c.Envelope.Shapes = append(c.Envelope.Shapes, catalog.Shape{Code: "/error", Message: "/error_description"})
	c.Entries = append(c.Entries,
		catalog.Entry{Status: 401, Code: "invalid_client", Message: "Client authentication failed."},
		catalog.Entry{Status: 400, Code: "AADSTSX1", Message: "Not a number."})
	for _, v := range openapi.Versions {
		data := emit(t, c, v, nil)
		var d struct {
			Components struct {
				Schemas map[string]struct {
					Type  string   `yaml:"type"`
					Enum  []any    `yaml:"enum"`
					Not   any      `yaml:"not"`
					Descs []string `yaml:"x-enum-descriptions"`
					Props map[string]struct {
						Ref   string `yaml:"$ref"`
						Items struct {
							Ref string `yaml:"$ref"`
						} `yaml:"items"`
					} `yaml:"properties"`
				} `yaml:"schemas"`
				Examples map[string]struct {
					Value map[string]any `yaml:"value"`
				} `yaml:"examples"`
			} `yaml:"components"`
		}
		if err := yaml.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		s := d.Components.Schemas
		// 70011 and 50126 are numbers, X1 is not: no type.
		if ec := s["ErrorCode"]; ec.Type != "" || len(ec.Enum) != 3 || ec.Enum[0] != 70011 || ec.Enum[2] != "X1" || !strings.HasPrefix(ec.Descs[0], "AADSTS70011: ") {
			t.Errorf("%s: ErrorCode = %+v", v, ec)
		}
		if ec := s["ErrorCode2"]; ec.Type != "string" || len(ec.Enum) != 4 || ec.Enum[0] != "AADSTS70011" {
			t.Errorf("%s: ErrorCode2 = %+v", v, ec)
		}
		body := s["Error"].Props
		if body["error_codes"].Items.Ref != "#/components/schemas/ErrorCode" || body["error"].Ref != "#/components/schemas/ErrorCode2" {
			t.Errorf("%s: Error properties = %+v", v, body)
		}
		if u := s["UnauthorizedCode"]; u.Not == nil || u.Enum != nil {
			t.Errorf("%s: UnauthorizedCode = %+v, want not: {}", v, u)
		}
		if u := s["UnauthorizedCode2"]; len(u.Enum) != 1 || u.Enum[0] != "invalid_client" {
			t.Errorf("%s: UnauthorizedCode2 = %+v", v, u)
		}
		if ex := d.Components.Examples["invalid_client-401"].Value; ex["error"] != "invalid_client" || ex["error_codes"] != nil {
			t.Errorf("%s: invalid_client example = %v", v, ex)
		}
		if ex := d.Components.Examples["AADSTS70011-400"].Value; ex["error"] != nil || len(ex["error_codes"].([]any)) != 1 || ex["error_codes"].([]any)[0] != 70011 {
			t.Errorf("%s: AADSTS70011 example = %v", v, ex)
		}
		checkUsable(t, c, data)
	}
}

func TestPrefixErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		shapes []catalog.Shape
		want   []string
	}{
		{"prefix of no code", []catalog.Shape{{Code: "/error_codes/*", CodePrefix: "AADSTT"}}, []string{"/envelope/shapes/0/code_prefix", `"AADSTT"`, "no documented code starts with it"}},
		{"control prefix", []catalog.Shape{{Code: "/error_codes/*", CodePrefix: "AAD\n"}}, []string{"/envelope/shapes/0/code_prefix", "control"}},
		{"code no shape carries", []catalog.Shape{{Code: "/error_codes/*", CodePrefix: "AADSTS5"}}, []string{`"AADSTS70011"`, "no body can carry it"}},
		{"two prefixes", []catalog.Shape{{Code: "/code", CodePrefix: "AADSTS"}, {Code: "/code"}}, []string{"/envelope/shapes/1/code_prefix", "/envelope/shapes/0/code", "sent one way"}},
	} {
		c := readCatalog(t, "testdata/prefixed/catalog.json")
		c.Envelope.Shapes = tc.shapes
		_, err := openapi.Emit(c, openapi.Options{})
		var d *catalog.Diagnostic
		if !errors.As(err, &d) {
			t.Errorf("%s: Emit error %v, want a *catalog.Diagnostic", tc.name, err)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %v, want it to mention %s", tc.name, err, w)
			}
		}
	}
}
