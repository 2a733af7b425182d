package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/cli"
)

// TestYAMLSizeCaps: yaml.v3 builds a node per two-byte flow item, so a
// few MiB of "[1,1,…]" take gigabytes (second review, finding C). A lock
// one byte past 1 MiB, and a hand-written catalog one byte past 4 MiB,
// exit 2 naming the file, the size and the limit, before YAML sees them.
func TestYAMLSizeCaps(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	flow := func(head string, size int) []byte {
		b := append([]byte(head+"["), bytes.Repeat([]byte("1,"), size)...)
		return append(b[:size-2], "1]"...)
	}
	cfg := write("errgen.yaml", []byte("version: 1\nout: out\ncatalogs:\n  - id: acme/api\n    source: {kind: catalog, file: cat.yaml, url: https://acme.example/errors}\n    envelope: huaweicloud\n"))
	catalog := "title: Acme\nvendor: Acme\nentries:\n  - {code: Acme.1, status: 400, message: Bad.}\n"
	write("cat.yaml", []byte(catalog))

	run := func(args ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		code := cli.Main(args, &stdout, &stderr)
		return code, stderr.String()
	}
	lock := flow("version: 1\nsources: ", 1<<20+1)
	if len(lock) != 1<<20+1 {
		t.Fatalf("lock is %d bytes", len(lock))
	}
	write("errgen.lock", lock)
	code, stderr := run("check", "-config", cfg)
	if code != 2 || !strings.Contains(stderr, filepath.Join(dir, "errgen.lock")+": larger than 1048576 bytes") || !strings.Contains(stderr, "hint") {
		t.Errorf("1 MiB + 1 byte lock: exit %d, stderr %q; want 2 and the size message", code, stderr)
	}
	os.Remove(filepath.Join(dir, "errgen.lock"))

	big := flow("entries: ", 4<<20+1)
	write("cat.yaml", big)
	want := filepath.Join(dir, "cat.yaml") + ": " + strconv.Itoa(len(big)) + " bytes, larger than 4194304, the most errgen parses of a hand-written catalog"
	code, stderr = run("check", "-config", cfg)
	if code != 2 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "hint") {
		t.Errorf("4 MiB + 1 byte catalog: exit %d, stderr %q; want 2 and %q", code, stderr, want)
	}
	code, stderr = run("parse", "-kind", "catalog", filepath.Join(dir, "cat.yaml"))
	if code != 2 || !strings.Contains(stderr, "larger than 4194304") {
		t.Errorf("parse of a 4 MiB + 1 byte catalog: exit %d, stderr %q", code, stderr)
	}
	// At the limits, both are read.
	write("cat.yaml", []byte(catalog+"#"+strings.Repeat("x", 4<<20-len(catalog)-2)+"\n"))
	write("errgen.lock", []byte("version: 1\n#"+strings.Repeat("x", 1<<20-13)+"\n"))
	if code, stderr = run("generate", "-config", cfg); code != 0 {
		t.Errorf("at the limits: exit %d, stderr %q", code, stderr)
	}
}
