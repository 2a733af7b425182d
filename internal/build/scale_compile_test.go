package build

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/internal/synth"
)

// TestScaleCompile measures issue 12 §4 (ERRGEN_SCALE=1, make scale):
// how long the Go package generated for 50,000 codes takes to compile,
// against the floor package of the same codes (synth.Floor: one const
// block and one packed string), and the binary size per code.
//
// Both packages live in one temporary module, which requires errgen
// through a replace directive to this checkout (so a generated package
// can import errgen's runtime) and is built offline with a GOCACHE of its
// own. The packages each one imports are built first; then each package
// alone is compiled, as go build does when only it changed, three times
// with a comment added each time so that nothing is cached: the best of
// the three counts. Binary size per code is that of a program calling
// the generated package's Lookup, less that of the same program without
// it, over 50,000; and the same for a program reading the floor's texts
// (the floor packs every text of every entry, shared ones as often as
// they appear).
//
// It logs the figures and asserts nothing of them: the budget (≤ 2× the
// floor) is the Go emitter's, asserted where it is.
func TestScaleCompile(t *testing.T) {
	scaleEnabled(t)
	if testing.Short() {
		t.Skip("-short")
	}
	const codes = 50000
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file, cats, err := synth.WriteTree(dir, synth.Tree{Catalogs: 1, Codes: codes, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Emit(cfg, loaded, cfg.OutDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(cfg.OutDir(), files); err != nil {
		t.Fatal(err)
	}
	gen := "./" + filepath.ToSlash(filepath.Join("generated", loaded[0].Config.Go.Dir))
	pkg := loaded[0].Config.Go.Package

	// The module: errgen's requirements and go.sum, so that it builds
	// offline.
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	gosum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	requires := string(gomod[bytes.Index(gomod, []byte("require")):])
	put := func(name, content string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	put("go.mod", "module "+synth.Module+"\n\ngo 1.26\n\nrequire github.com/errgen/errgen v0.0.0\n\n"+requires+"\nreplace github.com/errgen/errgen => "+filepath.ToSlash(root)+"\n")
	put("go.sum", string(gosum))
	put("floor/floor.go", string(synth.Floor("floor", cats[0])))
	imp := synth.Module + strings.TrimPrefix(gen, ".")
	put("cmd/gen/main.go", fmt.Sprintf("package main\n\nimport (\n\t\"fmt\"\n\n\t%q\n)\n\nfunc main() { fmt.Println(%s.Lookup(%q)) }\n", imp, pkg, cats[0].Entries[0].Code))
	put("cmd/base/main.go", "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() { fmt.Println(len(os.Args)) }\n")
	put("cmd/floor/main.go", fmt.Sprintf("package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\n\t%q\n)\n\nfunc main() { fmt.Println(floor.TextAt(len(os.Args))) }\n", synth.Module+"/floor"))

	cache := filepath.Join(t.TempDir(), "gocache")
	gobuild := func(args ...string) (time.Duration, string) {
		t.Helper()
		cmd := exec.Command("go", append([]string{"build"}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOCACHE="+cache, "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")
		start := time.Now()
		out, err := cmd.CombinedOutput()
		d := time.Since(start)
		if err != nil {
			t.Fatalf("go build %s: %v\n%s", strings.Join(args, " "), err, tail(string(out)))
		}
		return d, string(out)
	}
	// What the packages import, built once: fmt and the runtime.
	list := exec.Command("go", "list", "-f", `{{join .Imports " "}}`, gen, "./floor", "./cmd/gen", "./cmd/floor", "./cmd/base")
	list.Dir = dir
	list.Env = append(os.Environ(), "GOCACHE="+cache, "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")
	out, err := list.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		if !strings.HasPrefix(p, synth.Module) {
			deps[p] = true
		}
	}
	var warm []string
	for p := range deps {
		warm = append(warm, p)
	}
	warmTime, _ := gobuild(warm...)
	t.Logf("warming the cache with %v: %v", warm, ms(warmTime))

	compile := func(pkgDir, name string) time.Duration {
		var min time.Duration
		for i := range 3 {
			// A comment changes the package's content, and so its
			// cache key: go build compiles it again, and only it.
			f, err := os.OpenFile(filepath.Join(dir, filepath.FromSlash(pkgDir), "zz_sample.go"), os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(f, "package %s\n\n// sample %d\n", name, i)
			f.Close()
			d, _ := gobuild("./" + strings.TrimPrefix(pkgDir, "./"))
			if i == 0 || d < min {
				min = d
			}
		}
		return min
	}
	genTime := compile(gen, pkg)
	floorTime := compile("floor", "floor")
	t.Logf("compile of the generated package of %d codes: %v; of the floor package: %v; %.2f× the floor", codes, ms(genTime), ms(floorTime), ratio(genTime, floorTime))

	size := func(main string) int64 {
		bin := filepath.Join(t.TempDir(), filepath.Base(main))
		gobuild("-o", bin, main)
		fi, err := os.Stat(bin)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	genSize, floorSize, baseSize := size("./cmd/gen"), size("./cmd/floor"), size("./cmd/base")
	var srcSize int
	for name, data := range files {
		if strings.HasSuffix(name, ".go") {
			srcSize += len(data)
		}
	}
	t.Logf("binary with the generated package: %.1f MB, %.0f bytes per code over the same program without it (%.1f MB); with the floor: %.1f MB, %.0f bytes per code; the generated package takes %+.0f bytes per code over the floor (%d codes, %d entries; generated Go source %.1f MB)",
		float64(genSize)/1e6, float64(genSize-baseSize)/codes, float64(baseSize)/1e6, float64(floorSize)/1e6, float64(floorSize-baseSize)/codes,
		float64(genSize-floorSize)/codes, codes, len(cats[0].Entries), float64(srcSize)/1e6)
}
