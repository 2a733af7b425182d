package safefile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestSame: Same compares a file with bytes as Read would read it,
// across its chunks, and fails as Read does.
func TestSame(t *testing.T) {
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	big := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB: several chunks
	put := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	put("big", big)
	put("empty", nil)
	put("short", []byte("abc"))
	changed := bytes.Clone(big)
	changed[len(changed)-1] = 'x'
	for _, c := range []struct {
		name string
		want []byte
		same bool
	}{
		{"big", big, true},
		{"big", changed, false},
		{"big", big[:len(big)-1], false},
		{"big", append(bytes.Clone(big), 'x'), false},
		{"empty", nil, true},
		{"empty", []byte("a"), false},
		{"short", []byte("abc"), true},
		{"short", []byte("abd"), false},
	} {
		same, err := Same(root, c.name, c.name, 1<<30, c.want)
		if err != nil || same != c.same {
			t.Errorf("Same(%s, %d bytes) = %v, %v; want %v", c.name, len(c.want), same, err, c.same)
		}
	}
	var se *Error
	if _, err := Same(root, "big", "big", 10, big); !errors.As(err, &se) {
		t.Errorf("a file over the limit: %v, want a *safefile.Error", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "d"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Same(root, "d", "d", 1<<30, nil); !errors.As(err, &se) {
		t.Errorf("a directory: %v, want a *safefile.Error", err)
	}
	if _, err := Same(root, "missing", "missing", 1<<30, nil); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file: %v, want fs.ErrNotExist", err)
	}
}
