// Package golden compares test output with golden files: with
// `go test -update` it rewrites them instead, for a reviewer to read the
// diff. A test package that uses it must not define -update itself.
package golden

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/aymanbagabas/go-udiff"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Updating reports whether the test run rewrites golden files.
func Updating() bool { return *update }

// Check fails t with a unified diff when got differs from the content of
// file; under -update it writes got to file instead.
func Check(t testing.TB, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (rerun with -update to accept):\n%s", file, udiff.Unified(file, "got", string(want), string(got)))
	}
}

// Cases runs one subtest per file matching pattern (such as
// "testdata/*/input.md"), named by its directory: it reads the file and,
// when the directory has one, options.json into a copy of opts, calls
// render, and checks the result against want.json beside the input.
// Fewer than min inputs fail the test: a glob that finds nothing tests
// nothing.
func Cases[O any](t *testing.T, pattern string, min int, opts func(name, input string) O, render func(t *testing.T, src []byte, opts O, name string) []byte) {
	t.Helper()
	inputs, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) < min {
		t.Fatalf("%d files match %s, want at least %d", len(inputs), pattern, min)
	}
	for _, in := range inputs {
		dir := filepath.Dir(in)
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			o := opts(name, in)
			if b, err := os.ReadFile(filepath.Join(dir, "options.json")); err == nil {
				if err := json.Unmarshal(b, &o); err != nil {
					t.Fatalf("%s: %v", filepath.Join(dir, "options.json"), err)
				}
			}
			Check(t, filepath.Join(dir, "want.json"), render(t, src, o, name))
		})
	}
}

// JSON is v as a golden file holds it: indented by two spaces, with "<",
// ">" and "&" as written, so that a reviewer reads the texts of a page
// as the page has them.
func JSON(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ReadFile is the content of name, a test's input; it fails t when the
// file cannot be read.
func ReadFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
