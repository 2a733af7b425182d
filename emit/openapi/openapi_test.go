package openapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/emit/gopkg"
	"github.com/errgen/errgen/emit/openapi"
)

var update = flag.Bool("update", false, "rewrite the want/ files")

// testCase is one directory of testdata.
type testCase struct {
	name    string
	catalog *catalog.Catalog
	names   map[string]string // Go names, as gopkg.Names gives them
}

func loadCases(t *testing.T) []testCase {
	t.Helper()
	dirs, err := filepath.Glob("testdata/*/catalog.json")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	// Further adversarial catalogs, one directory each (see the README).
	more, _ := filepath.Glob("testdata/adversarial/*/catalog.json")
	dirs = append(dirs, more...)
	var cases []testCase
	for _, f := range dirs {
		dir := filepath.Dir(f)
		c := readCatalog(t, f)
		var opts struct {
			Names map[string]string `json:"names"`
		}
		if data, err := os.ReadFile(filepath.Join(dir, "options.json")); err == nil {
			if err := json.Unmarshal(data, &opts); err != nil {
				t.Fatalf("%s/options.json: %v", dir, err)
			}
		}
		names, err := gopkg.Names(c, gopkg.Options{Names: opts.Names})
		if err != nil {
			t.Fatalf("%s: gopkg.Names: %v", dir, err)
		}
		name, _ := filepath.Rel("testdata", dir)
		cases = append(cases, testCase{filepath.ToSlash(name), c, names})
	}
	return cases
}

func readCatalog(t testing.TB, file string) *catalog.Catalog {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Unmarshal(data)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return c
}

func emit(t *testing.T, c *catalog.Catalog, version string, names map[string]string) []byte {
	t.Helper()
	files, err := openapi.Emit(c, openapi.Options{Version: version, GoNames: names})
	if err != nil {
		t.Fatalf("Emit(%s, %s): %v", c.ID, version, err)
	}
	if len(files) != 1 {
		t.Fatalf("Emit(%s) gave %d files, want 1", c.ID, len(files))
	}
	data, ok := files[c.ID+".yaml"]
	if !ok {
		t.Fatalf("Emit(%s) gave no %s.yaml: %v", c.ID, c.ID, files)
	}
	return data
}

// TestGolden compares the documents with testdata/*/want/<version>.yaml.
func TestGolden(t *testing.T) {
	for _, tc := range loadCases(t) {
		for _, v := range openapi.Versions {
			t.Run(tc.name+"/"+v, func(t *testing.T) {
				got := emit(t, tc.catalog, v, tc.names)
				want := filepath.Join("testdata", tc.name, "want", v+".yaml")
				if *update {
					if err := os.MkdirAll(filepath.Dir(want), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(want, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				data, err := os.ReadFile(want)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if !bytes.Equal(got, data) {
					t.Errorf("%s differs from Emit's output; run go test ./emit/openapi -update and review the diff", want)
				}
				if again := emit(t, tc.catalog, v, tc.names); !bytes.Equal(got, again) {
					t.Errorf("two runs of Emit differ")
				}
			})
		}
	}
}

// document is the part of a components document the tests read back.
type document struct {
	OpenAPI    string `yaml:"openapi"`
	Components struct {
		Schemas struct {
			ErrorCode struct {
				Enum         []string `yaml:"enum"`
				VarNames     []string `yaml:"x-enum-varnames"`
				Descriptions []string `yaml:"x-enum-descriptions"`
			} `yaml:"ErrorCode"`
		} `yaml:"schemas"`
		Responses map[string]struct {
			Content map[string]struct {
				Examples map[string]struct {
					Ref string `yaml:"$ref"`
				} `yaml:"examples"`
			} `yaml:"content"`
		} `yaml:"responses"`
		Examples map[string]struct {
			Summary string `yaml:"summary"`
			Value   any    `yaml:"value"`
		} `yaml:"examples"`
	} `yaml:"components"`
}

func decode(t *testing.T, data []byte) *document {
	t.Helper()
	var d document
	if err := yaml.Unmarshal(data, &d); err != nil {
		t.Fatalf("the document is not YAML: %v", err)
	}
	return &d
}

// TestContent checks what the issue asks of the document, case by case:
// the enum, its Go names and descriptions, one response per status, one
// example per (status, code, message).
func TestContent(t *testing.T) {
	for _, tc := range loadCases(t) {
		c := tc.catalog
		for _, v := range openapi.Versions {
			d := decode(t, emit(t, c, v, tc.names))
			if want := map[string]string{"3.0": "3.0.3", "3.1": "3.1.0"}[v]; d.OpenAPI != want {
				t.Errorf("%s %s: openapi %q, want %q", tc.name, v, d.OpenAPI, want)
			}
			ec := d.Components.Schemas.ErrorCode
			// With a code prefix, the enum is the codes as the body
			// sends them (the cases have one shape, which carries all).
			prefix := c.Envelope.Shapes[0].CodePrefix
			var sent []string
			for _, code := range c.Codes() {
				sent = append(sent, strings.TrimPrefix(code, prefix))
			}
			if !slices.Equal(ec.Enum, sent) {
				t.Errorf("%s: enum %q, want the codes %q", tc.name, ec.Enum, sent)
			}
			if len(ec.VarNames) != len(ec.Enum) || len(ec.Descriptions) != len(ec.Enum) {
				t.Fatalf("%s: %d enum values, %d x-enum-varnames, %d x-enum-descriptions", tc.name, len(ec.Enum), len(ec.VarNames), len(ec.Descriptions))
			}
			for i, group := range c.ByCode() {
				var descs []string
				for _, e := range group {
					if e.Description != "" && !slices.Contains(descs, e.Description) {
						descs = append(descs, e.Description)
					}
				}
				// Escaped for CommonMark, as renderers read them.
				if prefix != "" && !strings.HasPrefix(ec.Descriptions[i], group[0].Code+": ") {
					t.Errorf("%s: x-enum-descriptions of %q is %q, want it to start with the documented code", tc.name, group[0].Code, ec.Descriptions[i])
				}
				if len(descs) == 1 && prefix == "" && ec.Descriptions[i] != strings.ToValidUTF8(openapi.EnumDescription(descs[0]), "\uFFFD") {
					t.Errorf("%s: x-enum-descriptions of %q is %q, want %q", tc.name, group[0].Code, ec.Descriptions[i], descs[0])
				}
			}
			for i, code := range ec.Enum {
				code = prefix + code
				if ec.VarNames[i] != tc.names[code] {
					t.Errorf("%s: x-enum-varnames of %q is %q, want the Go constant %q", tc.name, code, ec.VarNames[i], tc.names[code])
				}
			}
			// Every (status, code, message) is one example, under the
			// response of its status.
			type triple struct {
				status        int
				code, message string
			}
			want := map[triple]bool{}
			for _, e := range c.Entries {
				want[triple{e.Status, e.Code, strings.ToValidUTF8(e.Message, "\uFFFD")}] = true
			}
			got := map[triple]bool{}
			for name, resp := range d.Components.Responses {
				status := statusOf(t, name)
				for _, ex := range resp.Content["application/json"].Examples {
					key := strings.TrimPrefix(ex.Ref, "#/components/examples/")
					val, ok := d.Components.Examples[key]
					if !ok {
						t.Errorf("%s: response %s refers to missing example %q", tc.name, name, ex.Ref)
						continue
					}
					code, msg := readBody(t, c.Envelope.Shapes[0], val.Value)
					tr := triple{status, code, msg}
					if got[tr] {
						t.Errorf("%s: %v has two examples", tc.name, tr)
					}
					got[tr] = true
				}
			}
			for tr := range want {
				if !got[tr] {
					t.Errorf("%s %s: no example for %+v", tc.name, v, tr)
				}
			}
			for tr := range got {
				if !want[tr] {
					t.Errorf("%s %s: example %+v is not in the catalog", tc.name, v, tr)
				}
			}
			if len(d.Components.Examples) != len(want) {
				t.Errorf("%s: %d example components, want %d", tc.name, len(d.Components.Examples), len(want))
			}
		}
	}
}

// statusOf is the status a response name stands for.
func statusOf(t *testing.T, name string) int {
	t.Helper()
	if name == "Default" {
		return 0
	}
	for st := 100; st < 600; st++ {
		if openapi.ResponseName(st) == name {
			return st
		}
	}
	t.Fatalf("response %q is named after no status", name)
	return -1
}

// readBody returns the code and message an example body carries at the
// shape's pointers.
func readBody(t *testing.T, s catalog.Shape, v any) (code, message string) {
	t.Helper()
	get := func(p string) string {
		if p == "" {
			return ""
		}
		cur := v
		for _, tok := range strings.Split(p[1:], "/") {
			tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
			switch x := cur.(type) {
			case map[string]any:
				cur = x[tok]
			case []any:
				if tok != "*" || len(x) != 1 {
					t.Fatalf("example %v: want one element at %q", v, p)
				}
				cur = x[0]
			default:
				return ""
			}
		}
		switch x := cur.(type) {
		case string:
			return x
		case int:
			return strconv.Itoa(x)
		}
		return ""
	}
	code = get(s.Code)
	if s.CodePrefix != "" {
		// The body sends the code without the prefix.
		code = s.CodePrefix + code
	}
	return code, get(s.Message)
}

func TestResponseName(t *testing.T) {
	for st, want := range map[int]string{0: "Default", 400: "BadRequest", 404: "NotFound", 424: "FailedDependency",
		500: "InternalServerError", 418: "IMATeapot", 499: "Status499", 422: "UnprocessableEntity"} {
		if got := openapi.ResponseName(st); got != want {
			t.Errorf("ResponseName(%d) = %q, want %q", st, got, want)
		}
	}
}

// TestUsable writes a small API description that $refs the generated
// components for its error responses, from another file as a user would,
// loads and validates it with kin-openapi, and validates every example
// against its response's schema.
func TestUsable(t *testing.T) {
	for _, tc := range loadCases(t) {
		for _, v := range openapi.Versions {
			t.Run(tc.name+"/"+v, func(t *testing.T) {
				checkUsable(t, tc.catalog, emit(t, tc.catalog, v, tc.names))
			})
		}
	}
}

// checkUsable is TestUsable for one document; other tests use it for the
// bundled catalogs.
func checkUsable(t *testing.T, c *catalog.Catalog, components []byte) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "errors"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "errors", "components.yaml"), components, 0o644); err != nil {
		t.Fatal(err)
	}
	d := decode(t, components)
	var names []string
	for name := range d.Components.Responses {
		names = append(names, name)
	}
	slices.Sort(names)
	var spec strings.Builder
	fmt.Fprintf(&spec, "openapi: %s\ninfo: {title: Widgets, version: \"1\"}\npaths:\n  /widgets/{id}:\n    get:\n      operationId: getWidget\n", d.OpenAPI)
	spec.WriteString("      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n")
	spec.WriteString("      responses:\n        \"200\":\n          description: The widget.\n")
	for _, name := range names {
		key := "default"
		if st := statusOf(t, name); st != 0 {
			key = strconv.Quote(strconv.Itoa(st))
		}
		fmt.Fprintf(&spec, "        %s:\n          $ref: \"errors/components.yaml#/components/responses/%s\"\n", key, name)
	}
	if err := os.WriteFile(filepath.Join(dir, "api.yaml"), []byte(spec.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = true
	doc, err := loader.LoadFromFile(filepath.Join(dir, "api.yaml"))
	if err != nil {
		t.Fatalf("kin-openapi cannot load a spec that uses the components: %v\n%s", err, spec.String())
	}
	ctx := context.Background()
	if err := doc.Validate(ctx); err != nil {
		t.Fatalf("kin-openapi: the spec is invalid: %v", err)
	}
	op := doc.Paths.Find("/widgets/{id}").Get
	checked := 0
	for key, resp := range op.Responses.Map() {
		if key == "200" {
			continue
		}
		media := resp.Value.Content.Get("application/json")
		if media == nil || media.Schema == nil || media.Schema.Value == nil {
			t.Fatalf("response %s has no application/json schema", key)
		}
		schema := media.Schema.Value
		if len(media.Examples) == 0 {
			t.Errorf("response %s has no examples", key)
		}
		for name, ex := range media.Examples {
			if err := doc.ValidateSchemaJSON(schema, ex.Value.Value); err != nil {
				t.Errorf("response %s: example %s does not fit the schema: %v", key, name, err)
			}
			checked++
		}
		// The schema must reject what is not a documented error, or
		// the checks above prove nothing.
		bad := map[string]any{}
		for _, sh := range c.Envelope.Shapes {
			set(bad, sh.Code, "errgen.not-a-documented-code")
		}
		if err := doc.ValidateSchemaJSON(schema, bad); err == nil {
			t.Errorf("response %s: the schema accepts an undocumented code: %v", key, bad)
		}
	}
	if want := len(d.Components.Examples); checked < want {
		t.Errorf("validated %d examples, the components have %d", checked, want)
	}
}

// set puts v at pointer p in m, one-element arrays for "*".
func set(m map[string]any, p string, v any) {
	toks := strings.Split(p[1:], "/")
	var cur any = m
	for i, tok := range toks {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		last := i == len(toks)-1
		obj := cur.(map[string]any)
		if last {
			obj[tok] = v
			return
		}
		if toks[i+1] == "*" {
			elem := map[string]any{}
			obj[tok] = []any{elem}
			cur = elem
			toks[i+1] = ""
			if i+2 == len(toks) {
				obj[tok] = []any{v}
				return
			}
			continue
		}
		if tok == "" {
			continue
		}
		next, ok := obj[tok].(map[string]any)
		if !ok {
			next = map[string]any{}
			obj[tok] = next
		}
		cur = next
	}
}

// TestErrors checks that bad input gives one clear diagnostic.
func TestErrors(t *testing.T) {
	base := func() *catalog.Catalog {
		return &catalog.Catalog{ID: "x/y", Source: catalog.Source{File: "x/y.html"},
			Envelope: catalog.Envelope{Shapes: []catalog.Shape{{Code: "/error/code", Message: "/error/message"}}},
			Entries:  []catalog.Entry{{Status: 400, Code: "X.1", Message: "m"}}}
	}
	for _, tc := range []struct {
		name    string
		edit    func(c *catalog.Catalog, o *openapi.Options)
		where   string
		message string
	}{
		{"version", func(c *catalog.Catalog, o *openapi.Options) { o.Version = "2.0" }, "openapi: version", `unsupported OpenAPI version "2.0"`},
		{"no entries", func(c *catalog.Catalog, o *openapi.Options) { c.Entries = nil }, "catalog x/y", "no entries"},
		{"no shapes", func(c *catalog.Catalog, o *openapi.Options) { c.Envelope.Shapes = nil }, "/envelope/shapes", "no shape"},
		{"no code pointer", func(c *catalog.Catalog, o *openapi.Options) { c.Envelope.Shapes[0].Code = "" }, "/envelope/shapes/0/code", "no code pointer"},
		{"bad pointer", func(c *catalog.Catalog, o *openapi.Options) { c.Envelope.Shapes[0].Message = "error/message" }, "/envelope/shapes/0/message", "not a JSON pointer"},
		{"bad escape", func(c *catalog.Catalog, o *openapi.Options) { c.Envelope.Shapes[0].Message = "/error/~2" }, "/envelope/shapes/0/message", "not a JSON pointer"},
		{"value and object", func(c *catalog.Catalog, o *openapi.Options) {
			c.Envelope.Shapes = append(c.Envelope.Shapes, catalog.Shape{Code: "/error"})
		}, "/envelope/shapes/1/code", `"/error" is code's value, but /envelope/shapes/0/code makes it an object`},
		{"object and array", func(c *catalog.Catalog, o *openapi.Options) {
			c.Envelope.Shapes = append(c.Envelope.Shapes, catalog.Shape{Code: "/error/*/code"})
		}, "/envelope/shapes/1/code", `needs "/error" to be an array, but /envelope/shapes/0/code makes it an object`},
		{"code and message", func(c *catalog.Catalog, o *openapi.Options) {
			c.Envelope.Shapes = append(c.Envelope.Shapes, catalog.Shape{Code: "/error/message"})
		}, "/envelope/shapes/1/code", "cannot be both"},
		{"field through value", func(c *catalog.Catalog, o *openapi.Options) {
			c.Envelope.Fields = []catalog.Field{{Name: "x", Pointer: "/error/code/x", Type: "string"}}
		}, "/envelope/fields/0/pointer", "an object"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := base()
			opts := openapi.Options{}
			tc.edit(c, &opts)
			_, err := openapi.Emit(c, opts)
			var d *catalog.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("got %v, want a *catalog.Diagnostic", err)
			}
			if d.Where != tc.where || !strings.Contains(d.Message, tc.message) {
				t.Errorf("got where %q, message %q; want where %q, message containing %q", d.Where, d.Message, tc.where, tc.message)
			}
		})
	}
}
