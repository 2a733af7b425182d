package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// TestAdversarial loads every config under testdata/adversarial: each
// says, in its first lines, the attack ("# attack: …") and the error it
// must get ("# want: …", after the file name).
func TestAdversarial(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "adversarial", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no adversarial configs: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, want, ok := strings.Cut(string(data), "\n# want: ")
			if !ok {
				t.Fatal(`no "# want: " line`)
			}
			want, _, _ = strings.Cut(want, "\n")
			_, err = Load(file)
			if err == nil || !strings.HasPrefix(err.Error(), file+": "+want) {
				t.Errorf("Load = %v\nwant %s: %s…", err, file, want)
			}
		})
	}
}

// out is bounded by the config's tree: the nearest directory holding
// go.mod or .git, else the config's own directory.
func TestOutTree(t *testing.T) {
	const rest = "\ncatalogs:\n  - id: a\n    source: {kind: html-table, file: p.html, url: https://u.example}\n    envelope: huaweicloud\n"
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	bare := t.TempDir()
	for _, tt := range []struct {
		dir, out string
		ok       bool
	}{
		{filepath.Join(repo, "sources"), "../generated", true}, // errgen's own layout
		{filepath.Join(repo, "sources"), "../../generated", false},
		{filepath.Join(repo, "a", "b"), "../../gen", true},
		{repo, ".", true},
		{repo, "../gen", false},
		{bare, "gen", true},
		{bare, "../gen", false}, // no go.mod or .git: the config's directory is the tree
	} {
		file := filepath.Join(tt.dir, "errgen.yaml")
		cfg, err := Parse(file, []byte("version: 1\nout: "+tt.out+rest))
		switch {
		case tt.ok && err != nil:
			t.Errorf("%s: out %s: %v", file, tt.out, err)
		case !tt.ok && (err == nil || !strings.Contains(err.Error(), "line 2: out: ") || !strings.Contains(err.Error(), "hint: ")):
			t.Errorf("%s: out %s: err = %v, want line 2 and a hint", file, tt.out, err)
		case tt.ok && !strings.HasPrefix(cfg.Tree, filepath.Clean(filepath.Dir(filepath.Dir(tt.dir)))):
			t.Errorf("%s: Tree = %s", file, cfg.Tree)
		}
	}
}

// A committed symbolic link as the output root must not take generate
// out of the tree.
func TestOpenOut(t *testing.T) {
	repo, elsewhere := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(repo, "go.mod"), []byte("module m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(repo, "errgen.yaml")
	cfg, err := Parse(file, []byte("version: 1\nout: generated\ncatalogs:\n  - id: a\n    source: {kind: html-table, file: p.html, url: https://u.example}\n    envelope: huaweicloud\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cfg.OpenOut(false); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing out, not created: err = %v, want fs.ErrNotExist", err)
	}
	root, err := cfg.OpenOut(true)
	if err != nil {
		t.Fatalf("missing out, created: %v", err)
	}
	root.Close()
	if err := os.Remove(filepath.Join(repo, "generated")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(repo, "generated")); err != nil {
		t.Skip(err)
	}
	for _, create := range []bool{false, true} {
		if _, err := cfg.OpenOut(create); err == nil || !strings.Contains(err.Error(), "generated") || !strings.Contains(err.Error(), "symbolic link") {
			t.Errorf("out linked out of the tree (create %v): err = %v", create, err)
		}
	}
}

// A parent of out that does not hold it yet, linked out of the tree, must
// not let generate create out there (review finding 1).
func TestOpenOutLinkedParent(t *testing.T) {
	repo, victim := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(repo, "go.mod"), []byte("module m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(repo, "evil")); err != nil {
		t.Skip(err)
	}
	cfg, err := Parse(filepath.Join(repo, "sources", "errgen.yaml"), []byte("version: 1\nout: ../evil/pwned\ncatalogs:\n  - id: a\n    source: {kind: html-table, file: p.html, url: https://u.example}\n    envelope: huaweicloud\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cfg.OpenOut(true); err == nil || !strings.Contains(err.Error(), "line 2: out: refusing to create") {
		t.Errorf("err = %v, want a refusal naming line 2", err)
	}
	if _, err := os.Stat(filepath.Join(victim, "pwned")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("victim/pwned: %v, want it absent", err)
	}
}

// Neither out nor go.dir may reach into .git, in any spelling a file
// system takes for it (review finding 2).
func TestGitSegment(t *testing.T) {
	for _, tt := range []struct {
		key, value string
		line       int
	}{
		{"out", ".git/refs", 2},
		{"out", "sub/.GIT", 2},
		{"out", ".git./x", 2},
		{"out", "git~1", 2},
		{"dir", ".git/hooks", 6},
		{"dir", "go/.g\u200cit", 6},
	} {
		out, dir := "gen", "go/x"
		if tt.key == "out" {
			out = tt.value
		} else {
			dir = tt.value
		}
		src := "version: 1\nout: \"" + out + "\"\ncatalogs:\n  - id: a\n    source: {kind: html-table, file: p.html, url: https://u.example}\n    go: {dir: \"" + dir + "\"}\n    envelope: huaweicloud\n"
		_, err := Parse("errgen.yaml", []byte(src))
		if want := fmt.Sprintf("errgen.yaml: line %d: ", tt.line); err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), ".git directory") {
			t.Errorf("%s %q: err = %v, want %q… .git directory", tt.key, tt.value, err, want)
		}
	}
}

func TestHasGitSegment(t *testing.T) {
	for _, ok := range []string{"gitx/a", "a.git", ".github/x", "git", "go/.gitkeep"} {
		if HasGitSegment(ok) {
			t.Errorf("HasGitSegment(%q) = true", ok)
		}
	}
}

// A config that is a device (a link to /dev/zero), or larger than
// MaxSize, is refused before it is read whole (review finding 3).
func TestLoadRegularCapped(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.yaml")
	if err := os.Symlink(os.DevNull, zero); err != nil {
		t.Skip(err)
	}
	if _, err := Load(zero); err == nil || !strings.Contains(err.Error(), "zero.yaml: a device, not a regular file") {
		t.Errorf("config linked to a device: err = %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, append([]byte("version: 1\n#"), bytes.Repeat([]byte("x"), 1<<20)...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "big.yaml: larger than") {
		t.Errorf("config over the size limit: err = %v", err)
	}
}

// FuzzRelPath: a path relPath accepts stays inside its base directory
// (dotdot false), or inside it after a leading run of "../" (dotdot true).
func FuzzRelPath(f *testing.F) {
	for _, seed := range []string{"../../outside", "sub/../../secret.html", "C:secret.html", "/tmp/x", `..\x`, "go/../..", "a/./b", "../generated", "../../a/../..", "x\x00y"} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	f.Fuzz(func(t *testing.T, p string, dotdot bool) {
		if relPath(p, dotdot, "base") != nil {
			return
		}
		if filepath.IsAbs(filepath.FromSlash(p)) || strings.ContainsAny(p, "\\\x00") {
			t.Fatalf("relPath(%q) accepted an absolute or odd path", p)
		}
		// The leading ".." run (dotdot only) may climb; nothing after it.
		up := 0
		for _, elem := range strings.Split(path.Clean(p), "/") {
			if elem != ".." {
				break
			}
			up++
		}
		if up > 0 && !dotdot {
			t.Fatalf("relPath(%q, false) accepted a path starting with ..", p)
		}
		base := filepath.FromSlash("/a" + strings.Repeat("/b", up))
		top := filepath.FromSlash("/a")
		if joined := filepath.Join(base, filepath.FromSlash(p)); !inside(top, joined) {
			t.Fatalf("relPath(%q, %v) accepted a path leaving its base: %s", p, dotdot, joined)
		}
	})
}
