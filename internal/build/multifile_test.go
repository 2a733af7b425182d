package build_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/internal/safefile"
)

// multiFile writes a config whose OpenAPI source $refs a path item in
// another file, which $refs the error response in a third.
func multiFile(t *testing.T) (dir string) {
	dir = t.TempDir()
	put(t, filepath.Join(dir, "errgen.yaml"), "version: 1\ncatalogs:\n  - id: acme/api\n    source: {kind: openapi, file: spec/openapi.yaml, url: https://acme.example/openapi.yaml}\n")
	put(t, filepath.Join(dir, "spec", "openapi.yaml"), "openapi: 3.0.0\ninfo:\n  title: t\n  version: '1'\n  description: {$ref: 'text.yml#/intro'}\npaths:\n  /a: {$ref: 'paths/a.yaml'}\n")
	put(t, filepath.Join(dir, "spec", "text.yml"), "intro: Acme.\n")
	put(t, filepath.Join(dir, "spec", "paths", "a.yaml"), "get:\n  responses:\n    '404': {$ref: '../responses/not_found.yaml'}\n")
	put(t, filepath.Join(dir, "spec", "responses", "not_found.yaml"), "description: Not found.\ncontent:\n  application/json:\n    schema:\n      type: object\n      properties:\n        code: {type: string, enum: [NOT_FOUND]}\n")
	return dir
}

func loadOne(t *testing.T, dir string) *build.Loaded {
	t.Helper()
	cfg, err := config.Load(filepath.Join(dir, "errgen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := build.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &loaded[0]
}

// TestLoadMultiFileSum: Source.SHA256 covers every file the parse read
// ($ref'd files, in read order), so that a change in one alone changes
// it; a source read alone keeps its plain digest.
func TestLoadMultiFileSum(t *testing.T) {
	dir := multiFile(t)
	l := loadOne(t, dir)
	if len(l.Catalog.Entries) != 1 || l.Catalog.Entries[0].Code != "NOT_FOUND" {
		t.Fatalf("entries %+v, want NOT_FOUND from the path item's file", l.Catalog.Entries)
	}
	read := func(rel string) []byte {
		data, err := os.ReadFile(filepath.Join(dir, "spec", filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	want := build.SourceSum(read("openapi.yaml"), []build.SourceFile{
		{Path: "text.yml", Data: read("text.yml")},
		{Path: "paths/a.yaml", Data: read("paths/a.yaml")},
		{Path: "responses/not_found.yaml", Data: read("responses/not_found.yaml")},
	})
	if l.Catalog.Source.SHA256 != want {
		t.Errorf("SHA256 = %s, want %s (the document, then text.yml, paths/a.yaml, responses/not_found.yaml)", l.Catalog.Source.SHA256, want)
	}
	plain := sha256.Sum256(read("openapi.yaml"))
	if want == hex.EncodeToString(plain[:]) {
		t.Error("the digest of several files is the document's own")
	}
	if got := build.SourceSum([]byte("x"), nil); got != "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881" {
		t.Errorf("SourceSum of a file alone = %s, want its SHA-256", got)
	}

	// A change in the response's file alone changes the digest.
	put(t, filepath.Join(dir, "spec", "responses", "not_found.yaml"), strings.Replace(string(read("responses/not_found.yaml")), "NOT_FOUND", "NOT_FOUND, GONE", 1))
	if l2 := loadOne(t, dir); l2.Catalog.Source.SHA256 == l.Catalog.Source.SHA256 {
		t.Error("a change in a $ref'd file left Source.SHA256 as it was")
	}
	// So does the same bytes under another name (the record holds the
	// path).
	a := build.SourceSum([]byte("d"), []build.SourceFile{{Path: "a.yaml", Data: []byte("x")}})
	b := build.SourceSum([]byte("d"), []build.SourceFile{{Path: "b.yaml", Data: []byte("x")}})
	if a == b {
		t.Error("SourceSum ignores the files' paths")
	}
}

// TestMultiFileRefsConfined: a $ref out of the source's directory, even
// from a file the source $refs, is refused, and so is a $ref'd file
// larger than errgen reads.
func TestMultiFileRefsConfined(t *testing.T) {
	dir := multiFile(t)
	put(t, filepath.Join(dir, "secret.yaml"), "get: {responses: {'404': {description: x}}}\n")
	put(t, filepath.Join(dir, "spec", "paths", "a.yaml"), "get:\n  $ref: '../../secret.yaml#/get'\n")
	cfg, err := config.Load(filepath.Join(dir, "errgen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := build.Load(cfg); err == nil || !strings.Contains(err.Error(), "errgen reads referenced files only in") {
		t.Errorf("$ref out of the source's directory: err = %v", err)
	}

	dir = multiFile(t)
	big := filepath.Join(dir, "spec", "responses", "not_found.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(safefile.MaxSourceSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if cfg, err = config.Load(filepath.Join(dir, "errgen.yaml")); err != nil {
		t.Fatal(err)
	}
	if _, err := build.Load(cfg); err == nil || !strings.Contains(err.Error(), "not_found.yaml") || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("$ref to a huge file: err = %v", err)
	}
}
