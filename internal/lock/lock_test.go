package lock_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/errgen/errgen/internal/lock"
)

func TestMarshal(t *testing.T) {
	l := &lock.Lock{}
	l.Set(lock.Entry{Catalogs: []string{"z/b"}, File: "b.html", URL: "https://b", SHA256: "bb", Errgen: "v1"})
	l.Set(lock.Entry{Catalogs: []string{"a/x", "a/a"}, File: "a.html", URL: "https://a", ETag: `"q"`, LastModified: "Wed, 10 Apr 2024 02:00:00 GMT", SHA256: "aa", Date: "2026-11-25", Errgen: "v1"})
	data, err := l.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	// Sorted by first catalog id, catalogs sorted, empty validators and
	// an unknown date left out, the date quoted (YAML would otherwise
	// read it as a timestamp).
	want := `# Written by errgen fetch: what the last fetch of each source saw. DO NOT EDIT.
version: 1
sources:
  - catalogs: [a/a, a/x]
    file: a.html
    url: https://a
    etag: '"q"'
    last_modified: Wed, 10 Apr 2024 02:00:00 GMT
    sha256: aa
    date: "2026-11-25"
    errgen: v1
  - catalogs: [z/b]
    file: b.html
    url: https://b
    sha256: bb
    errgen: v1
`
	if string(data) != want {
		t.Errorf("got\n%s\nwant\n%s", data, want)
	}
	back, err := lock.Parse("errgen.lock", data)
	if err != nil {
		t.Fatal(err)
	}
	if e := back.Entry("a.html"); e == nil || e.ETag != `"q"` || e.Date != "2026-11-25" {
		t.Errorf("round trip: %+v", back)
	}
	again, _ := back.Marshal()
	if string(again) != string(data) {
		t.Error("Marshal is not stable")
	}
	// Set replaces the entry of the same file.
	back.Set(lock.Entry{Catalogs: []string{"a/a"}, File: "a.html", URL: "https://a2", SHA256: "a2"})
	if len(back.Sources) != 2 || back.Entry("a.html").URL != "https://a2" {
		t.Errorf("Set: %+v", back.Sources)
	}
}

func TestParseErrors(t *testing.T) {
	const hint = " (errgen fetch rewrites this file; delete it to start afresh)"
	for in, msg := range map[string]string{
		"version: 2\nsources: []\n":               "errgen.lock: line 1: version 2, want 1" + hint,
		"sources: []\n":                           "errgen.lock: version 0, want 1" + hint,
		"version: 1\nsources:\n  - colour: red\n": `errgen.lock: line 3: unknown key "colour" (want one of: catalogs, file, url, etag, last_modified, charset, sha256, date, errgen)` + hint,
		"version: [\n":                            "errgen.lock: line 1: did not find expected node content" + hint,
		"":                                        "errgen.lock: empty, want version: 1 and sources" + hint,
		"version: 1\nsources:\n  - file: a\n  - file: b\n    date: 25/11/2026\n": `errgen.lock: line 5: source b: date "25/11/2026", want a day as YYYY-MM-DD` + hint,
		"version: 1\nsources:\n  - file: a\n    date: 2026-02-30\n":              `errgen.lock: line 4: source a: date "2026-02-30", want a day as YYYY-MM-DD` + hint,
	} {
		if _, err := lock.Parse("errgen.lock", []byte(in)); err == nil || err.Error() != msg {
			t.Errorf("%q:\ngot  %v\nwant %s", in, err, msg)
		}
	}
	// A date written by hand, unquoted, is still a date.
	l, err := lock.Parse("errgen.lock", []byte("version: 1\nsources:\n  - file: a\n    date: 2026-11-25\n"))
	if err != nil || l.Sources[0].Date != "2026-11-25" {
		t.Errorf("unquoted date: %+v %v", l, err)
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	if l, err := lock.Read(filepath.Join(dir, lock.Name)); err != nil || len(l.Sources) != 0 || l.Version != lock.Version {
		t.Errorf("missing lock: %v %v", l, err)
	}
	path := filepath.Join(dir, lock.Name)
	if err := os.WriteFile(path, []byte("version: 1\nsources:\n  - {file: a.html, sha256: aa}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if l, err := lock.Read(path); err != nil || l.Entry("a.html") == nil || l.Entry("a.html").SHA256 != "aa" {
		t.Errorf("Read: %+v %v", l, err)
	}
	if _, err := lock.Read(dir); err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("a directory: %v", err)
	}
}

func TestDate(t *testing.T) {
	// 23:30 on 25 November five hours west of UTC is already the 26th in UTC.
	if d := lock.Date(time.Date(2026, 11, 25, 23, 30, 0, 0, time.FixedZone("", -5*3600))); d != "2026-11-26" {
		t.Errorf("Date = %s", d)
	}
}

// TestCharset: an entry records the Content-Type's charset after the
// validators, and leaves it out when there was none, so locks written
// before errgen recorded charsets stay byte for byte the same.
func TestCharset(t *testing.T) {
	l := &lock.Lock{}
	l.Set(lock.Entry{Catalogs: []string{"a/a"}, File: "a.html", URL: "https://a", ETag: `"q"`, Charset: "Shift_JIS", SHA256: "aa", Errgen: "v1"})
	l.Set(lock.Entry{Catalogs: []string{"b/b"}, File: "b.html", URL: "https://b", SHA256: "bb", Errgen: "v1"})
	data, err := l.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	want := `# Written by errgen fetch: what the last fetch of each source saw. DO NOT EDIT.
version: 1
sources:
  - catalogs: [a/a]
    file: a.html
    url: https://a
    etag: '"q"'
    charset: Shift_JIS
    sha256: aa
    errgen: v1
  - catalogs: [b/b]
    file: b.html
    url: https://b
    sha256: bb
    errgen: v1
`
	if string(data) != want {
		t.Errorf("got\n%s\nwant\n%s", data, want)
	}
	back, err := lock.Parse("errgen.lock", data)
	if err != nil || back.Entry("a.html").Charset != "Shift_JIS" {
		t.Errorf("round trip: %+v %v", back, err)
	}
}

// TestCharsetAdversarial: a lock comes from pull requests too; a charset
// that is no charset name (markup, a terminal escape, a megabyte) is an
// error naming the line, before it can reach a message or a decoder.
func TestCharsetAdversarial(t *testing.T) {
	const hint = " (errgen fetch rewrites this file; delete it to start afresh)"
	for in, msg := range map[string]string{
		"version: 1\nsources:\n  - file: a\n    charset: \"\\e]0;pwned\\a\"\n":              `errgen.lock: line 4: source a: charset "\x1b]0;pwned\a", want a charset name such as Shift_JIS: 1 to 64 letters, digits and . _ : + -` + hint,
		"version: 1\nsources:\n  - file: a\n    charset: <b>x</b>\n":                        `errgen.lock: line 4: source a: charset "<b>x</b>", want a charset name such as Shift_JIS: 1 to 64 letters, digits and . _ : + -` + hint,
		"version: 1\nsources:\n  - file: a\n    charset: " + strings.Repeat("x", 65) + "\n": `errgen.lock: line 4: source a: charset "` + strings.Repeat("x", 65) + `", want a charset name such as Shift_JIS: 1 to 64 letters, digits and . _ : + -` + hint,
	} {
		if _, err := lock.Parse("errgen.lock", []byte(in)); err == nil || err.Error() != msg {
			t.Errorf("%q:\ngot  %v\nwant %s", in, err, msg)
		}
	}
	for _, ok := range []string{"Shift_JIS", "gbk", "ISO-8859-1", "iso_8859-1:1987", "x-user-defined"} {
		if !lock.ValidCharset(ok) {
			t.Errorf("ValidCharset(%q) = false", ok)
		}
	}
}

// The lock comes from a pull request: a link to a device or to a secret
// outside the config's directory is refused before it is read, and a
// regular file past the size limit (16 MiB) is refused rather than read
// whole (review finding 3). Messages never quote the secret.
func TestReadRefusesHostileLocks(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	path := filepath.Join(dir, lock.Name)
	secret := filepath.Join(outside, "secret.txt")
	if err := os.WriteFile(secret, []byte("ghp_Sup3rS3cretValue0123456789\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, path); err != nil {
		t.Skip(err)
	}
	if _, err := lock.Read(path); err == nil || !strings.Contains(err.Error(), path+": refusing to read it") || strings.Contains(err.Error(), "ghp_") {
		t.Errorf("a link to a secret outside the directory: err = %v", err)
	}
	os.Remove(path)
	if err := os.WriteFile(path, append([]byte("version: 1\n#"), bytes.Repeat([]byte("x"), 1<<20)...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := lock.Read(path); err == nil || !strings.Contains(err.Error(), path+": larger than 1048576 bytes") {
		t.Errorf("a lock past the size limit: err = %v", err)
	}
	// A lock that is only a secret's text, in the directory: the YAML
	// error names the line and the expected shape, and quotes at most a
	// short excerpt.
	if _, err := lock.Parse(path, []byte("GITHUB_TOKEN_WITH_A_LONG_NAME_ghp_Sup3rS3cret: x\n")); err == nil || strings.Contains(err.Error(), "ghp_Sup3r") {
		t.Errorf("a secret as a key: err = %v", err)
	}
	if _, err := lock.Parse(path, []byte("ghp_Sup3rS3cretValue0123456789\n")); err == nil || strings.Contains(err.Error(), "ghp_Sup") {
		t.Errorf("a secret as the document: err = %v", err)
	}
}
