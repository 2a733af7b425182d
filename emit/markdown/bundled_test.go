package markdown_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/emit/gopkg"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
)

// bundled emits every catalog of errgen's own config as generate does,
// into the repository's generated/ tree.
func bundled(t *testing.T) (*config.Config, []build.Loaded, map[string][]byte) {
	t.Helper()
	cfg, err := config.Load("../../sources/errgen.yaml")
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := build.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	files, err := build.Emit(cfg, loaded, cfg.OutDir())
	if err != nil {
		t.Fatal(err)
	}
	return cfg, loaded, files
}

// TestBundledLiteral renders the page of every bundled catalog with
// goldmark and checks every reference cell against the catalog.
func TestBundledLiteral(t *testing.T) {
	_, loaded, files := bundled(t)
	var cats []*catalog.Catalog
	for _, l := range loaded {
		c, g := l.Catalog, l.Config.Go
		t.Run(c.ID, func(t *testing.T) {
			names, err := gopkg.Names(c, gopkg.Options{Names: g.Names, TrimPrefixes: g.TrimPrefixes})
			if err != nil {
				t.Fatal(err)
			}
			page, ok := files[build.DocsDir+"/"+c.ID+".md"]
			if !ok {
				t.Fatalf("generate writes no page for %s", c.ID)
			}
			CheckPage(t, page, c, names)
			docs := map[string][]byte{}
			for name, data := range files {
				if rest, ok := strings.CutPrefix(name, build.DocsDir+"/"); ok {
					docs[rest] = data
				}
			}
			checkOperations(t, docs, c)
		})
		cats = append(cats, c)
	}
	checkIndex(t, files[build.DocsDir+"/README.md"], cats)
}

// TestBundledGoExample runs the "Use it from Go" program of every bundled
// page against the committed generated package: it must compile, and
// errors.Is must match the documented code it shows.
func TestBundledGoExample(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a program per catalog")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	_, loaded, files := bundled(t)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range loaded {
		id := l.Catalog.ID
		t.Run(id, func(t *testing.T) {
			page := string(files[build.DocsDir+"/"+id+".md"])
			_, rest, ok := strings.Cut(page, "```go\n")
			prog, _, ok2 := strings.Cut(rest, "```\n")
			if !ok || !ok2 {
				t.Fatalf("the page of %s has no Go code block", id)
			}
			main := filepath.Join(t.TempDir(), "main.go")
			if err := os.WriteFile(main, []byte(prog), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(goTool, "run", main)
			cmd.Dir = root // the module the import path belongs to
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("go run of the page's program: %v\n%s\n%s", err, out, prog)
			}
			if !strings.HasPrefix(string(out), "documented error: ") {
				t.Errorf("the program printed %q, want the documented error: errors.Is did not match\n%s", out, prog)
			}
		})
	}
}
