package build_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/build"
)

func addManifestSeeds(f *testing.F) {
	for _, name := range []string{"manifest-victims", "manifest-bad-paths"} {
		data, err := os.ReadFile(filepath.Join("testdata", "adversarial", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("go/x/link/../../../outside.txt\n")
	f.Add("#\n\n  go/a.go  \n")
}

// FuzzParseList: every path a manifest yields is a slash path inside the
// output root, and every warning is one line.
func FuzzParseList(f *testing.F) {
	addManifestSeeds(f)
	f.Fuzz(func(t *testing.T, data string) {
		paths, warnings := build.ParseList("m", []byte(data))
		for _, p := range paths {
			if !fs.ValidPath(p) || p == "." || strings.ContainsAny(p, "\\\r\n\x00\x1b") || p == build.ManifestName || p == build.JournalName {
				t.Errorf("ParseList gave %q", p)
			}
			if !filepath.IsLocal(filepath.FromSlash(p)) {
				t.Errorf("ParseList gave %q, not local", p)
			}
		}
		for _, w := range warnings {
			if strings.ContainsAny(w, "\n\r\x1b") {
				t.Errorf("warning on more than one line: %q", w)
			}
		}
	})
}

// FuzzWriteManifest: whatever the old manifest lists, generate removes
// no file that is not errgen's, inside the tree or out of it.
func FuzzWriteManifest(f *testing.F) {
	addManifestSeeds(f)
	f.Fuzz(func(t *testing.T, data string) {
		parent := t.TempDir()
		out, outside := filepath.Join(parent, "out"), filepath.Join(parent, "outside")
		victims := []string{
			filepath.Join(parent, "main.go"),
			filepath.Join(outside, "important.txt"),
			filepath.Join(out, "main.go"),
			filepath.Join(out, ".git", "HEAD"),
			filepath.Join(out, "go", "y.go"),
		}
		for _, v := range victims {
			put(t, v, "not errgen's\n")
		}
		put(t, filepath.Join(outside, "marked.go"), header)
		victims = append(victims, filepath.Join(outside, "marked.go"))
		if err := os.Symlink(outside, filepath.Join(out, "go", "link")); err != nil {
			t.Skip(err)
		}
		if err := os.Symlink(filepath.Join(outside, "marked.go"), filepath.Join(out, "marked.go")); err != nil {
			t.Skip(err)
		}
		victims = append(victims, filepath.Join(out, "go", "link"), filepath.Join(out, "marked.go"))
		put(t, filepath.Join(out, build.ManifestName), data)
		files := map[string][]byte{"go/a/codes.go": []byte(header)}
		if _, err := build.Write(out, files); err != nil {
			t.Fatalf("Write: %v", err)
		}
		for _, v := range victims {
			if _, err := os.Lstat(v); err != nil {
				t.Errorf("removed %s", v)
			}
		}
	})
}
