package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadIn covers what a pull request can put where errgen expects a
// small regular file: a link out of the directory, a link to a device
// that never ends, a named pipe (which blocks an open), a directory, and
// a file past the limit.
func TestReadIn(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret")
	must(t, os.WriteFile(outside, []byte("ghp_secret"), 0o600))
	must(t, os.WriteFile(filepath.Join(dir, "ok"), []byte("fine"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "big"), make([]byte, 101), 0o644))
	must(t, os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "sub", "in"), []byte("inner"), 0o644))
	links := map[string]string{"out": outside, "zero": "/dev/zero", "up": "../" + filepath.Base(dir) + "/ok", "inner": "sub/in"}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	fifo := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644) == nil

	for _, tc := range []struct {
		name, want string
		data       string
	}{
		{"ok", "", "fine"},
		{"inner", "", "inner"},
		{"sub/in", "", "inner"},
		{"out", "escapes", ""},
		{"up", "escapes", ""},
		{"../secret", "escapes", ""},
		{"zero", "escapes", ""},
		{"sub", "a directory, not a regular file", ""},
		{"big", "larger than 100 bytes", ""},
		{"fifo", "a named pipe, not a regular file", ""},
		{"missing", "no such file", ""},
	} {
		if tc.name == "fifo" && !fifo {
			continue
		}
		data, err := ReadIn(dir, tc.name, 100)
		switch {
		case tc.want == "" && (err != nil || string(data) != tc.data):
			t.Errorf("%s: got %q, %v; want %q", tc.name, data, err, tc.data)
		case tc.want == "escapes" && !Escapes(err):
			t.Errorf("%s: err = %v, want a refusal to leave the directory", tc.name, err)
		case tc.want != "" && tc.want != "escapes" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "ghp_secret") {
			t.Errorf("%s: error quotes the file's content: %v", tc.name, err)
		}
		if tc.want != "" && tc.want != "escapes" && err != nil && !strings.Contains(err.Error(), filepath.Join(dir, tc.name)) {
			t.Errorf("%s: error %q does not name the file", tc.name, err)
		}
	}
}

// TestReadFile: a path the user gave may be a link, but must still lead
// to a regular file under the limit.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "errgen.yaml")
	must(t, os.Symlink("/dev/zero", cfg))
	_, err := ReadFile(cfg, 1<<20)
	var fe *Error
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "a device, not a regular file") {
		t.Fatalf("err = %v, want a device refusal", err)
	}
	real := filepath.Join(dir, "real.yaml")
	must(t, os.WriteFile(real, []byte("version: 1\n"), 0o644))
	must(t, os.Remove(cfg))
	must(t, os.Symlink(real, cfg))
	if data, err := ReadFile(cfg, 1<<20); err != nil || string(data) != "version: 1\n" {
		t.Fatalf("got %q, %v", data, err)
	}
	if _, err := ReadFile(cfg, 4); err == nil || !strings.Contains(err.Error(), "larger than 4 bytes") {
		t.Fatalf("err = %v, want the size limit", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
