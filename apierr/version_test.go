package apierr

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestVersionGuard builds scratch packages that state runtime versions
// against this module, as generated code does, and checks that a version
// this runtime does not support breaks the build with a message that
// names what to do. The supported version must build, so that a broken
// environment cannot pass for a working guard.
func TestVersionGuard(t *testing.T) {
	if testing.Short() {
		t.Skip("builds scratch modules")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal("the module root is not the parent directory:", err)
	}
	for _, tc := range []struct {
		name, guard, want string
	}{
		{"supported", "const _ = apierr.UpgradeErrgenRuntime(apierr.MaxVersion - 1)\nconst _ = apierr.RegenerateWithNewerErrgen(1 - apierr.MinVersion)\n", ""},
		{"supported, newest", "const _ = apierr.UpgradeErrgenRuntime(apierr.MaxVersion - 2)\nconst _ = apierr.RegenerateWithNewerErrgen(2 - apierr.MinVersion)\n", ""},
		{"runtime too old", "const _ = apierr.UpgradeErrgenRuntime(apierr.MaxVersion - (apierr.MaxVersion + 1))\n", "UpgradeErrgenRuntime"},
		{"code too old", "const _ = apierr.RegenerateWithNewerErrgen((apierr.MinVersion - 1) - apierr.MinVersion)\n", "RegenerateWithNewerErrgen"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			write := func(name, text string) {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			write("go.mod", "module scratch\n\ngo 1.26\n\nrequire github.com/errgen/errgen v0.0.0\n\nreplace github.com/errgen/errgen => "+root+"\n")
			write("gen.go", "package scratch\n\nimport \"github.com/errgen/errgen/apierr\"\n\n"+tc.guard)
			cmd := exec.Command(goTool, "build", "./...")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
			out, err := cmd.CombinedOutput()
			if tc.want == "" {
				if err != nil {
					t.Fatalf("the supported version does not build: %v\n%s", err, out)
				}
				return
			}
			if err == nil {
				t.Fatalf("built, want an error naming %s", tc.want)
			}
			if !strings.Contains(string(out), tc.want) || !strings.Contains(string(out), "gen.go") {
				t.Fatalf("the build failed without naming %s in gen.go:\n%s", tc.want, out)
			}
			t.Logf("%s", out)
		})
	}
}
