package openapi_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/emit/openapi"
	"github.com/errgen/errgen/internal/mdcheck"
	"github.com/errgen/errgen/internal/textsafe"
)

// TestNoHiddenBytes: no document carries a hidden character raw (a bidi
// control, a BOM, a zero-width character, a control), whatever the
// catalog holds; testdata/adversarial/hidden holds all of them, and
// TestRoundTrip and TestContent read its values back exactly.
func TestNoHiddenBytes(t *testing.T) {
	for _, tc := range loadCases(t) {
		for _, v := range openapi.Versions {
			doc := emit(t, tc.catalog, v, tc.names)
			for i, r := range string(doc) {
				if textsafe.Hidden(r) || !textsafe.Clean(string(r)) {
					t.Errorf("%s %s: raw %U at byte %d: %q", tc.name, v, r, i, line(doc, i))
					break
				}
			}
		}
	}
}

func line(doc []byte, at int) string {
	start := bytes.LastIndexByte(doc[:at], '\n') + 1
	end := bytes.IndexByte(doc[at:], '\n')
	if end < 0 {
		return string(doc[start:])
	}
	return string(doc[start : at+end])
}

// TestNoLiveMarkup renders every field OpenAPI tools show as CommonMark
// (descriptions, x-enum-descriptions, example summaries) with goldmark and
// checks that vendor text made no HTML element and no link other than an
// http(s) one: testdata/adversarial/hidden has <script>, <img onerror>,
// javascript: links and a javascript: source URL.
func TestNoLiveMarkup(t *testing.T) {
	allowed := map[string]bool{"html": true, "head": true, "body": true, "p": true, "code": true, "pre": true, "br": true}
	for _, tc := range loadCases(t) {
		var doc yaml.Node
		if err := yaml.Unmarshal(emit(t, tc.catalog, "3.1", tc.names), &doc); err != nil {
			t.Fatal(err)
		}
		for where, text := range markdownFields(&doc, "") {
			rendered, err := mdcheck.Render([]byte(text))
			if err != nil {
				t.Fatal(err)
			}
			for n := range rendered.Descendants() {
				if n.Type != html.ElementNode || allowed[n.Data] {
					continue
				}
				if n.Data == "a" && (strings.HasPrefix(attr(n, "href"), "https://") || strings.HasPrefix(attr(n, "href"), "http://")) {
					continue
				}
				t.Errorf("%s: %s renders <%s %v> from %q", tc.name, where, n.Data, n.Attr, text)
			}
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// markdownFields returns the description, summary and x-enum-descriptions
// strings under n, by their path.
func markdownFields(n *yaml.Node, at string) map[string]string {
	out := map[string]string{}
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for i, c := range n.Content {
			for k, v := range markdownFields(c, at+"/"+strconv.Itoa(i)) {
				out[k] = v
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i].Value, n.Content[i+1]
			switch {
			case (key == "description" || key == "summary") && val.Kind == yaml.ScalarNode:
				out[at+"/"+key] = val.Value
			case key == "x-enum-descriptions":
				for j, d := range val.Content {
					out[at+"/"+key+"/"+strconv.Itoa(j)] = d.Value
				}
			default:
				for k, v := range markdownFields(val, at+"/"+key) {
					out[k] = v
				}
			}
		}
	}
	return out
}

// TestIDCannotStartALine: a catalog ID, which also names the file, is
// written into the header comment and the description's YAML sample; a
// newline in it must not make a YAML line of its own.
func TestIDCannotStartALine(t *testing.T) {
	c := readCatalog(t, "testdata/adversarial/hidden/catalog.json")
	c.ID = "evil\nopenapi: 9.9.9\n#"
	names := map[string]string{}
	for i, code := range c.Codes() {
		names[code] = "C" + strconv.Itoa(i)
	}
	files, err := openapi.Emit(c, openapi.Options{GoNames: names})
	if err != nil {
		t.Fatal(err)
	}
	doc := files[c.ID+".yaml"]
	if d := decode(t, doc); d.OpenAPI != "3.0.3" {
		t.Errorf("the ID set openapi to %q:\n%s", d.OpenAPI, doc)
	}
	if bytes.Contains(doc, []byte("\nopenapi: 9.9.9")) {
		t.Errorf("the ID starts a line of its own:\n%s", doc)
	}
}

// FuzzHiddenYAML puts any text into a catalog's code, message, title,
// vendor and description and checks that the document holds no hidden
// character raw and that YAML gives the values back exactly.
func FuzzHiddenYAML(f *testing.F) {
	c := readCatalog(f, "testdata/adversarial/hidden/catalog.json")
	for _, e := range c.Entries {
		f.Add(e.Code + e.Message + e.Description + e.Title)
	}
	f.Add("\xff\xfe invalid")
	f.Add("- \"quoted\" 'single' # comment: colon\n\tindented\n")
	f.Fuzz(func(t *testing.T, s string) {
		code := "C" + s
		c := &catalog.Catalog{
			ID: "fuzz/x", Title: s, Vendor: s,
			Source:   catalog.Source{Kind: "html-table", URL: s},
			Envelope: catalog.Envelope{Shapes: []catalog.Shape{{Code: "/code", Message: "/message"}}},
			Entries:  []catalog.Entry{{Status: 400, Code: code, Message: s, Description: s, Title: s}},
		}
		files, err := openapi.Emit(c, openapi.Options{GoNames: map[string]string{code: "C"}})
		if err != nil {
			t.Fatal(err)
		}
		doc := files["fuzz/x.yaml"]
		if !textsafe.Clean(string(doc)) {
			t.Fatalf("raw hidden character in:\n%q", doc)
		}
		var d struct {
			Info struct {
				Title string `yaml:"title"`
			} `yaml:"info"`
			Components struct {
				Schemas struct {
					ErrorCode struct {
						Enum []string `yaml:"enum"`
					} `yaml:"ErrorCode"`
				} `yaml:"schemas"`
				Examples map[string]struct {
					Value struct {
						Code    string `yaml:"code"`
						Message string `yaml:"message"`
					} `yaml:"value"`
				} `yaml:"examples"`
			} `yaml:"components"`
		}
		if err := yaml.Unmarshal(doc, &d); err != nil {
			t.Fatalf("not YAML: %v\n%s", err, doc)
		}
		valid := strings.ToValidUTF8(s, "\uFFFD")
		if got := d.Components.Schemas.ErrorCode.Enum; len(got) != 1 || got[0] != "C"+valid {
			t.Errorf("enum %q, want [%q]", got, "C"+valid)
		}
		if d.Info.Title != valid+" errors" {
			t.Errorf("title %q, want %q", d.Info.Title, valid+" errors")
		}
		for _, ex := range d.Components.Examples {
			if ex.Value.Code != "C"+valid || ex.Value.Message != valid {
				t.Errorf("example %+v, want code %q, message %q", ex.Value, "C"+valid, valid)
			}
		}
	})
}
