// Package golden compares test output with golden files: with
// `go test -update` it rewrites them instead, for a reviewer to read the
// diff. A test package that uses it must not define -update itself.
package golden

import (
	"bytes"
	"flag"
	"os"
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
