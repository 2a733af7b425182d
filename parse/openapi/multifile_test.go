package openapi

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// TestMultiFile: a spec split over files as DigitalOcean's is (path items,
// operations and responses objects that are $refs, descriptions that are
// $refs) gives every operation, names every file it read, and names places
// in other files relative to the document.
func TestMultiFile(t *testing.T) {
	r, err := parseFile(t, filepath.Join("testdata", "multifile", "openapi.yaml"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	for _, e := range r.Entries {
		for _, o := range e.Operations {
			if !slices.Contains(ops, o.OperationID) {
				ops = append(ops, o.OperationID)
			}
		}
	}
	slices.Sort(ops)
	want := []string{"droplets_create", "droplets_get", "droplets_list", "volumes_create", "volumes_delete", "volumes_list"}
	if !slices.Equal(ops, want) {
		t.Errorf("operations %v, want %v: an operation from another file was dropped", ops, want)
	}
	files := slices.Sorted(slices.Values(r.Files))
	wantFiles := []string{
		"description.yml",
		"resources/droplets/droplet.yaml", "resources/droplets/droplets.yaml", "resources/droplets/droplets_create.yml",
		"resources/volumes/examples.yml", "resources/volumes/responses.yml", "resources/volumes/volumes_create.yml", "resources/volumes/volumes_list.yml",
		"shared/headers.yaml", "shared/models/error.yaml",
		"shared/responses/not_found.yaml", "shared/responses/server_error.yaml", "shared/responses/too_many_requests.yaml", "shared/responses/unauthorized.yaml",
	}
	if !slices.Equal(files, wantFiles) {
		t.Errorf("Files = %v, want (in any order) %v", r.Files, wantFiles)
	}
	if len(r.Files) != len(files) || slices.Contains(r.Files, "openapi.yaml") {
		t.Errorf("Files = %v: each other file once, not the document", r.Files)
	}
	for _, e := range r.Entries {
		if strings.Contains(e.Origin.Pointer, "..") || strings.HasPrefix(e.Origin.Pointer, "openapi.yaml#") {
			t.Errorf("%s: origin %s: want a place named relative to the document's directory", e.Code, e.Origin.Pointer)
		}
	}
}

// TestMultiFileOrder: the same spec parses the same way every time, with
// the files read in the same order.
func TestMultiFileOrder(t *testing.T) {
	first, err := parseFile(t, filepath.Join("testdata", "multifile", "openapi.yaml"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		r, err := parseFile(t, filepath.Join("testdata", "multifile", "openapi.yaml"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(r.Files, first.Files) {
			t.Fatalf("Files %v, then %v", first.Files, r.Files)
		}
	}
}

// TestRefDescriptionKeepsLines: a description $ref is replaced on its own
// lines, so that kin-openapi's messages about later lines stay right.
func TestRefDescriptionKeepsLines(t *testing.T) {
	doc := "openapi: 3.0.0\ninfo:\n  title: t\n  version: '1'\n  description:\n    $ref: 'd.yml#/intro'\n" +
		"tags:\n  - {name: a, description: {\n      $ref: 'd.yml#/a'\n    }}\n" +
		"paths:\n  /a:\n    get:\n      responses:\n        '404': 12\n"
	files := map[string]string{"d.yml": "intro: \"Multi\\nline: text # not a comment\"\na: 'It''s'\n"}
	_, err := Parse([]byte(doc), Options{File: "spec.yaml", ReadFile: mapFiles(files)})
	var d *catalog.Diagnostic
	if !errors.As(err, &d) {
		t.Fatalf("err = %v, want a diagnostic", err)
	}
	if !strings.Contains(d.Error(), "line 15") {
		t.Errorf("err = %v, want it at line 15, where the bad response is", err)
	}
	p := &parser{opts: Options{File: "spec.yaml", ReadFile: mapFiles(files)}, file: "spec.yaml"}
	p.initDocs([]byte(doc))
	if err := p.bundle(p.docs.main); err != nil {
		t.Fatal(err)
	}
	got := string(p.docs.main.data)
	if strings.Count(got, "\n") != strings.Count(doc, "\n") {
		t.Errorf("rewrite changed the number of lines:\n%s", got)
	}
	for _, want := range []string{`"Multi\nline: text # not a comment"`, `"It's"`} {
		if !strings.Contains(got, want) {
			t.Errorf("rewrite lacks %s:\n%s", want, got)
		}
	}
}

func mapFiles(files map[string]string) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		if data, ok := files[name]; ok {
			return []byte(data), nil
		}
		return nil, os.ErrNotExist
	}
}

// TestMultiFileAdversarial: $refs across files that loop, lead nowhere or
// to a URL are errors or warnings naming where they are written; none
// drops an operation silently or hangs.
func TestMultiFileAdversarial(t *testing.T) {
	for _, tt := range []struct {
		file, where, msg string
		warn             bool
	}{
		{"resp-cycle.yaml", "/paths/~1a/get/responses/400", "cyclic", true},
		{"item-cycle.yaml", "/paths/~1a", "leads to no operation", true},
		{"desc-missing.yaml", "/info/description", `#/nothing names nothing; read as ""`, true},
		{"op-cycle.yaml", "/paths/~1a/get", "more than 32 $refs in a row", false},
		{"op-files-cycle.yaml", "cycle/op.yaml#/responses", "in a cycle", false},
		{"op-missing.yaml", "/paths/~1a/get", "nowhere/op.yaml", false},
		{"op-url.yaml", "/paths/~1a/get", "local files only", false},
		{"item-missing.yaml", "/paths/~1a/$ref (line 6)", "nowhere/item.yaml", false},
	} {
		t.Run(tt.file, func(t *testing.T) {
			r, err := parseFile(t, filepath.Join("testdata", "adversarial", "multifile", tt.file), Options{})
			if !tt.warn {
				var d *catalog.Diagnostic
				if !errors.As(err, &d) || d.Where != tt.where || !strings.Contains(d.Message, tt.msg) {
					t.Errorf("err = %v, want a diagnostic at %s saying %q", err, tt.where, tt.msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Entries) != 1 || r.Entries[0].Code != "NF" {
				t.Errorf("entries %+v, want NF only", r.Entries)
			}
			for _, w := range r.Report.Warnings {
				if w.Where == tt.where && strings.Contains(w.Message, tt.msg) {
					return
				}
			}
			t.Errorf("warnings %v, want one at %s saying %q", r.Report.Warnings, tt.where, tt.msg)
		})
	}
}

// TestRefLimits: a document cannot make the parse read without end.
func TestRefLimits(t *testing.T) {
	doc := "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a: {$ref: 'big.yaml'}\n"
	big := bytes.Repeat([]byte("#"), maxFileBytes+1)
	_, err := Parse([]byte(doc), Options{File: "spec.yaml", ReadFile: func(string) ([]byte, error) { return big, nil }})
	if err == nil || !strings.Contains(err.Error(), "bytes together") {
		t.Errorf("err = %v, want the files' size limit", err)
	}
}

// TestNonStandardRef: the pre-check finds the $refs bundle rewrites, in
// YAML and JSON, and nothing else.
func TestNonStandardRef(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"info:\n  description:\n    $ref: 'd.yml#/intro'\n", true},
		{`{"tags": [{"description": {"$ref": "d.json"}}]}`, true},
		{"paths:\n  /a:\n    get: {$ref: 'a.yaml'}\n", true},
		{"  responses:\n    $ref: r.yaml\n", true},
		{"schema:\n  $ref: '#/components/schemas/E'\n", false},
		{"x-description:\n  $ref: d.yml\n", true}, // as the old regular expression: '-' is no word character
		{"mydescription: {$ref: d.yml}\n", false},
		{"$ref", false},
		{"", false},
	} {
		if got := nonStandardRef([]byte(tc.src)); got != tc.want {
			t.Errorf("nonStandardRef(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}
