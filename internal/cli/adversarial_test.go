package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/errgen/errgen/internal/cli"
	"github.com/errgen/errgen/internal/textsafe"
)

// TestAdversarialMessages runs verbs whose warnings and errors quote
// vendor text (a code cell, a file name) and checks that stdout and stderr
// give a terminal no control sequence and a CI runner no workflow command.
func TestAdversarialMessages(t *testing.T) {
	dir := t.TempDir()
	// A file name is vendor text too: a config from a pull request names it.
	hostile := "x\x1b]0;title\x07\n::error::pwned\u202e"
	copyFile := func(from, to string) string {
		data, err := os.ReadFile(filepath.Join("testdata", "adversarial", from))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, to)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Skipf("this file system refuses hostile names: %v", err)
		}
		return p
	}
	warn := copyFile("warn.html", hostile+".html")
	broken := copyFile("broken.html", hostile+"-broken.html")
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string // in stderr: the hostile text, escaped
	}{
		{"parse warning", []string{"parse", warn}, 0, `errgen: warning: ` + dir},
		{"parse json warning", []string{"parse", "-format", "json", warn}, 0, `status of \x1b]52;c;`},
		{"diff warning", []string{"diff", warn, warn}, 0, `\u202e#\x23[add-mask]x is empty`},
		{"parse error", []string{"parse", broken}, 2, "errgen parse: \\x3a:error::pwned\\u202e-broken.html: no error-code table"},
		{"diff error", []string{"diff", broken, warn}, 2, `x\x1b]0;title\x07`},
		{"unknown verb", []string{hostile}, 2, `errgen: unknown command "x\x1b]0;title\a\n::error::pwned\u202e"`},
		{"usage error", []string{"parse", "-format", hostile, warn}, 2, `errgen parse: -format "x\x1b]0;title`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := cli.Main(tc.args, &stdout, &stderr); got != tc.code {
				t.Fatalf("exit %d, want %d\n%s", got, tc.code, stderr.Bytes())
			}
			if !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("stderr lacks %q:\n%s", tc.want, stderr.Bytes())
			}
			for stream, out := range map[string]string{"stdout": stdout.String(), "stderr": stderr.String()} {
				for _, r := range out {
					if textsafe.Hidden(r) {
						t.Errorf("%s: raw %U:\n%q", stream, r, out)
						break
					}
				}
				for line := range strings.Lines(out) {
					if strings.HasPrefix(strings.TrimLeftFunc(line, unicode.IsSpace), "::") || strings.Contains(line, "##[") {
						t.Errorf("%s: line reads as a workflow command: %q", stream, line)
					}
				}
			}
		})
	}
}

// An ignore file past the size limit (16 MiB) is refused, naming it,
// rather than read whole (review finding 3); the memory a link to
// /dev/zero would take is the same question, answered before the read
// (testdata/script/review_safe_reads.txtar).
func TestIgnoreFileSizeCap(t *testing.T) {
	dir := t.TempDir()
	page, err := os.ReadFile(filepath.Join("testdata", "adversarial", "warn.html"))
	if err != nil {
		t.Fatal(err)
	}
	old, new := filepath.Join(dir, "old.html"), filepath.Join(dir, "new.html")
	for _, p := range []string{old, new} {
		if err := os.WriteFile(p, page, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	big := filepath.Join(dir, "errgen-ignore.yaml")
	if err := os.WriteFile(big, append([]byte("ignore: []\n#"), bytes.Repeat([]byte("x"), 1<<20)...), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := cli.Main([]string{"diff", "-ignore", big, old, new}, &stdout, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), big+": larger than 1048576 bytes") {
		t.Errorf("exit %d, stderr %q: want 2 and the file named as too large", code, stderr.String())
	}
}
