package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/safefile"
)

// TestExistingOutputNotRegular: generate and check read an existing
// output as a regular file under safefile.MaxSourceSize (second review,
// finding D). A directory, an oversized file or a named pipe (whose open
// would block) where an output goes is a clear error naming it, and
// generate then writes nothing.
func TestExistingOutputNotRegular(t *testing.T) {
	const rel = "go/acme/codes.go"
	for _, tc := range []struct {
		name, want string
		make       func(t *testing.T, p string)
	}{
		{"directory", "a directory, not a regular file", func(t *testing.T, p string) {
			put(t, filepath.Join(p, "keep.txt"), "mine\n")
		}},
		{"oversized", "larger than 67108864 bytes", func(t *testing.T, p string) {
			put(t, p, header)
			// Sparse: no disk used, but past the limit.
			if err := os.Truncate(p, safefile.MaxSourceSize+1); err != nil {
				t.Fatal(err)
			}
		}},
		{"fifo", "a named pipe, not a regular file", func(t *testing.T, p string) {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			tc.make(t, filepath.Join(out, filepath.FromSlash(rel)))
			files := map[string][]byte{rel: []byte(header + "package acme\n"), build.ManifestName: manifestOf(rel)}
			for verb, run := range map[string]func() error{
				"Write": func() error { _, err := build.Write(out, files); return err },
				"Check": func() error { _, err := build.Check(out, files); return err },
			} {
				done := make(chan error, 1)
				go func() { done <- run() }()
				var err error
				select {
				case err = <-done:
				case <-time.After(10 * time.Second):
					t.Fatalf("%s: still running after 10s: it blocked on the existing output", verb)
				}
				if err == nil || !strings.Contains(err.Error(), filepath.Join(out, "go", "acme", "codes.go")) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "hint") {
					t.Errorf("%s: err = %v, want one naming the file and %q, with a hint", verb, err, tc.want)
				}
			}
			if exists(filepath.Join(out, build.ManifestName)) || exists(filepath.Join(out, build.JournalName)) {
				t.Error("Write wrote its manifest or journal before refusing")
			}
		})
	}
}
