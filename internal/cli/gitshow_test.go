package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGitShowLimit: what git show returns is read through a limit, one
// byte past which is an error naming the file and the limit (second
// review, finding B), not read whole.
func TestGitShowLimit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git")
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	file := filepath.Join(dir, "page.html")
	if err := os.WriteFile(file, []byte(strings.Repeat("x", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	git("init", "-q", ".")
	git("add", "page.html")
	git("commit", "-q", "-m", "big")

	old := gitShowLimit
	defer func() { gitShowLimit = old }()
	gitShowLimit = 1000
	if data, err := gitShow("HEAD", file); err != nil || len(data) != 1000 {
		t.Fatalf("at the limit: %d bytes, %v", len(data), err)
	}
	gitShowLimit = 999
	_, err := gitShow("HEAD", file)
	if err == nil || !strings.Contains(err.Error(), "larger than 999 bytes") || !strings.Contains(err.Error(), "page.html") {
		t.Fatalf("past the limit: err = %v, want one naming the file and the limit", err)
	}
}
