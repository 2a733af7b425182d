package build_test

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"testing"

	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/internal/lock"
)

const datePage = "<table><tr><th>Status Code</th><th>Error Code</th><th>Error Message</th></tr>\n<tr><td>400</td><td>A.1</td><td>Bad.</td></tr></table>\n"

// dateConfig has two catalogs reading a.html, one reading b.html and one
// reading c.html, with the given lock beside errgen.yaml ("" for none).
func dateConfig(t *testing.T, lockText string) *config.Config {
	files := map[string]string{
		"errgen.yaml": `version: 1
catalogs:
  - id: acme/a
    source: {kind: html-table, file: a.html, url: "https://acme.example/a"}
    envelope: huaweicloud
  - id: acme/a2
    source: {kind: html-table, file: ./a.html, url: "https://acme.example/a"}
    envelope: huaweicloud
  - id: acme/b
    source: {kind: html-table, file: b.html, url: "https://acme.example/b"}
    envelope: huaweicloud
  - id: acme/c
    source: {kind: html-table, file: c.html, url: "https://acme.example/c"}
    envelope: huaweicloud
`,
		"a.html": datePage,
		"b.html": datePage + "<!-- edited since the fetch -->\n",
		"c.html": datePage,
	}
	if lockText != "" {
		files[lock.Name] = lockText
	}
	return writeConfig(t, files)
}

// TestLoadDate: a catalog's date is its snapshot's lock entry's, while
// the entry's digest is the snapshot's.
func TestLoadDate(t *testing.T) {
	l := &lock.Lock{}
	l.Set(lock.Entry{Catalogs: []string{"acme/a", "acme/a2"}, File: "a.html", SHA256: sum(datePage), Date: "2026-11-25"})
	l.Set(lock.Entry{Catalogs: []string{"acme/b"}, File: "b.html", SHA256: sum(datePage), Date: "2026-11-24"}) // stale
	data, err := l.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	dates := func(cfg *config.Config, ids ...string) map[string]string {
		t.Helper()
		loaded, err := build.Load(cfg, ids...)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, l := range loaded {
			out[l.Catalog.ID] = l.Catalog.Source.Date
		}
		return out
	}
	got := dates(dateConfig(t, string(data)))
	want := map[string]string{"acme/a": "2026-11-25", "acme/a2": "2026-11-25", "acme/b": "", "acme/c": ""}
	if !maps.Equal(got, want) {
		t.Errorf("dates %v, want %v", got, want)
	}
	if got := dates(dateConfig(t, string(data)), "acme/a2"); got["acme/a2"] != "2026-11-25" || len(got) != 1 {
		t.Errorf("one catalog: %v", got)
	}
	got = dates(dateConfig(t, ""))
	if !maps.Equal(got, map[string]string{"acme/a": "", "acme/a2": "", "acme/b": "", "acme/c": ""}) {
		t.Errorf("no lock: %v", got)
	}
}

// TestLoadBadLock: a lock that does not parse stops Load with a message
// naming the file and line.
func TestLoadBadLock(t *testing.T) {
	cfg := dateConfig(t, "version: 1\nsources:\n  - file: a.html\n    date: 25 Nov 2026\n")
	_, err := build.Load(cfg)
	want := filepath.Join(cfg.Dir, lock.Name) + `: line 4: source a.html: date "25 Nov 2026", want a day as YYYY-MM-DD (errgen fetch rewrites this file; delete it to start afresh)`
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// TestBundledLock: sources/errgen.lock is what the lock writer writes,
// has one entry per snapshot file of sources/errgen.yaml with its
// catalogs, url and digest, so every bundled page shows its date.
func TestBundledLock(t *testing.T) {
	cfg, err := config.Load(filepath.Join("..", "..", "sources", "errgen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	lockPath := filepath.Join(cfg.Dir, lock.Name)
	data, err := os.ReadFile(lockPath)
	if err != nil {
		t.Fatal(err)
	}
	l, err := lock.Parse(lockPath, data)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := l.Marshal(); err != nil || string(again) != string(data) {
		t.Errorf("%s is not as the lock writer writes it (%v)", lockPath, err)
	}
	files := map[string][]string{}
	urls := map[string]string{}
	for _, c := range cfg.Catalogs {
		f := path.Clean(c.Source.File)
		files[f] = append(files[f], c.ID)
		urls[f] = c.Source.URL
	}
	if len(l.Sources) != len(files) {
		t.Errorf("%d entries for %d snapshot files", len(l.Sources), len(files))
	}
	for f, ids := range files {
		e := l.Entry(f)
		if e == nil {
			t.Errorf("%s: no entry", f)
			continue
		}
		snapshot, err := os.ReadFile(cfg.Path(f))
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(ids)
		if !slices.Equal(e.Catalogs, ids) || e.URL != urls[f] || e.SHA256 != sum(string(snapshot)) || e.Date == "" {
			t.Errorf("%s: entry %+v; want catalogs %v, url %s, the snapshot's sha256 and a date", f, e, ids, urls[f])
		}
	}
	loaded, err := build.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range loaded {
		if l.Catalog.Source.Date == "" {
			t.Errorf("%s: no date", l.Catalog.ID)
		}
	}
}

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}
