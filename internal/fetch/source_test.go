package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/internal/fetch"
	"github.com/errgen/errgen/internal/lock"
)

func table(codes ...string) string {
	var b strings.Builder
	b.WriteString("<table><tr><th>Status Code</th><th>Error Code</th><th>Error Message</th></tr>\n")
	for _, c := range codes {
		fmt.Fprintf(&b, "<tr><td>400</td><td>%s</td><td>Bad.</td></tr>\n", c)
	}
	b.WriteString("</table>\n")
	return b.String()
}

// setup writes a config with two catalogs reading one page (its two
// tables) and a third with a page of its own, all served by srv.
func setup(t *testing.T, url string) (*config.Config, string) {
	dir := t.TempDir()
	cfgText := fmt.Sprintf(`version: 1
catalogs:
  - id: acme/a
    source: {kind: html-table, file: a.html, url: %[1]s/a, tables: [{index: 1}]}
    envelope: huaweicloud
  - id: acme/a2
    source: {kind: html-table, file: a.html, url: %[1]s/a, tables: [{index: 2}]}
    envelope: huaweicloud
  - id: acme/b
    source: {kind: html-table, file: b.html, url: %[1]s/b}
    envelope: huaweicloud
`, url)
	write(t, filepath.Join(dir, "errgen.yaml"), cfgText)
	write(t, filepath.Join(dir, "a.html"), table("A.1", "A.2", "A.3", "A.4")+table("X.1"))
	write(t, filepath.Join(dir, "b.html"), table("B.1", "B.2"))
	cfg, err := config.Load(filepath.Join(dir, "errgen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return cfg, dir
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSources(t *testing.T) {
	cfg, _ := setup(t, "http://vendor.test")
	all, err := fetch.Sources(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].File != "a.html" || strings.Join(all[0].IDs(), ",") != "acme/a,acme/a2" || all[1].URL != "http://vendor.test/b" {
		t.Errorf("got %+v %+v", all[0], all[1])
	}
	// Asking for one catalog of a shared file fetches the file, for all.
	some, err := fetch.Sources(cfg, "acme/a2")
	if err != nil || len(some) != 1 || len(some[0].Catalogs) != 2 {
		t.Errorf("acme/a2: %+v %v", some, err)
	}
	if _, err := fetch.Sources(cfg, "acme/zz"); err == nil || !strings.Contains(err.Error(), `no catalog "acme/zz"`) {
		t.Errorf("unknown id: %v", err)
	}
	// A hand-written catalog's file is its source: nothing to download.
	cfg.Catalogs[2].Source.Kind = "catalog"
	if all, err := fetch.Sources(cfg); err != nil || len(all) != 1 || all[0].File != "a.html" {
		t.Errorf("with a hand-written catalog: %+v %v", all, err)
	}
	if _, err := fetch.Sources(cfg, "acme/b"); err == nil || !strings.Contains(err.Error(), "catalog acme/b is hand-written (kind catalog): its file is the source, there is nothing to fetch") {
		t.Errorf("fetching a hand-written catalog: %v", err)
	}
	cfg.Catalogs[2].Source.Kind = "html-table"
	cfg.Catalogs[1].Source.URL = "http://elsewhere.test/a"
	if _, err := fetch.Sources(cfg); err == nil || !strings.Contains(err.Error(), "catalog acme/a2: source file a.html is also read by catalog acme/a, with url http://vendor.test/a; one file has one url") {
		t.Errorf("two urls: %v", err)
	}
}

// TestGuard: a page that parses to nothing, or to less than half, is
// refused; so is one that does not parse.
func TestGuard(t *testing.T) {
	var page string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"e1"`)
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	cfg, _ := setup(t, srv.URL)
	srcs, _ := fetch.Sources(cfg)
	a := srcs[0]
	tests := []struct {
		name, page string
		want       string // "" means accepted
	}{
		{"same", table("A.1", "A.2", "A.3", "A.4") + table("X.1"), ""},
		{"half is fine", table("A.1", "A.2") + table("X.1", "X.2"), ""},
		{"more than half gone", table("A.1") + table("X.1"), "catalog acme/a): expected ~4 entries, got 1; the snapshot was not replaced"},
		{"second table empty", table("A.1", "A.2", "A.3", "A.4") + "<table><tr><th>Error Code</th><th>Error Message</th></tr></table>", "catalog acme/a2"},
		{"redesigned page", "<html><body><div>We moved!</div></body></html>", "catalog acme/a): expected ~4 entries, got none: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page = tt.page
			f, err := (&fetch.Client{}).Update(context.Background(), a, &lock.Lock{})
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if string(f.Data) != tt.page || len(f.Loaded) != 2 || f.Response.ETag != `"e1"` {
					t.Errorf("got %+v", f)
				}
				return
			}
			var broken *fetch.BrokenError
			if !errors.As(err, &broken) || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "source looks broken: a.html from "+srv.URL+"/a (") {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

// TestUpdateConditional: the lock's validators are sent only while the
// snapshot is the one they describe; a 304 keeps the snapshot.
func TestUpdateConditional(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Header.Get("If-None-Match"))
		if r.Header.Get("If-None-Match") == `"e1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, table("B.1", "B.2", "B.3"))
	}))
	defer srv.Close()
	cfg, dir := setup(t, srv.URL)
	srcs, _ := fetch.Sources(cfg)
	b := srcs[1]
	snapshot, _ := os.ReadFile(filepath.Join(dir, "b.html"))
	lk := &lock.Lock{}
	lk.Set(lock.Entry{File: "b.html", URL: b.URL, ETag: `"e1"`, SHA256: fetch.Sum(snapshot)})
	f, err := (&fetch.Client{}).Update(context.Background(), b, lk)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Response.NotModified || f.Changed || string(f.Data) != string(snapshot) || len(f.Loaded[0].Catalog.Entries) != 2 {
		t.Errorf("304: %+v", f)
	}
	// Someone edited the snapshot: the ETag no longer describes it.
	write(t, filepath.Join(dir, "b.html"), table("B.1", "B.9"))
	f, err = (&fetch.Client{}).Update(context.Background(), b, lk)
	if err != nil {
		t.Fatal(err)
	}
	if f.Response.NotModified || !f.Changed || len(f.Loaded[0].Catalog.Entries) != 3 {
		t.Errorf("200: %+v", f)
	}
	if strings.Join(got, "|") != `"e1"|` {
		t.Errorf("If-None-Match sent: %q", got)
	}
}

// TestEntry: the lock entry of a fetch takes today's date only when the
// snapshot's bytes change; a 304 or an identical page keeps the old one.
func TestEntry(t *testing.T) {
	var page, etag string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", "Wed, 10 Apr 2024 02:00:00 GMT")
		w.Header().Set("Content-Type", "text/html") // no charset: TestCharsetFetch covers it
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	cfg, dir := setup(t, srv.URL)
	srcs, _ := fetch.Sources(cfg)
	b := srcs[1]
	snapshot, _ := os.ReadFile(filepath.Join(dir, "b.html"))
	sum := fetch.Sum(snapshot)
	today := time.Date(2026, 11, 25, 23, 30, 0, 0, time.FixedZone("UTC-5", -5*3600)) // 26 November in UTC
	old := &lock.Entry{Catalogs: []string{"acme/b"}, File: "b.html", URL: b.URL, ETag: `"e1"`, SHA256: sum, Date: "2024-04-10", Errgen: "v1"}
	changed := table("B.1", "B.2", "B.3")
	tests := []struct {
		name       string
		page, etag string
		old        *lock.Entry
		want       lock.Entry
	}{
		{"first fetch", changed, `"e2"`, nil,
			lock.Entry{Catalogs: []string{"acme/b"}, File: "b.html", URL: b.URL, ETag: `"e2"`, LastModified: "Wed, 10 Apr 2024 02:00:00 GMT", SHA256: fetch.Sum([]byte(changed)), Date: "2026-11-26", Errgen: "v2"}},
		{"304", changed, `"e1"`, old,
			*old},
		{"identical page, new validators", string(snapshot), `"e3"`, old,
			lock.Entry{Catalogs: []string{"acme/b"}, File: "b.html", URL: b.URL, ETag: `"e3"`, LastModified: "Wed, 10 Apr 2024 02:00:00 GMT", SHA256: sum, Date: "2024-04-10", Errgen: "v2"}},
		{"identical page, no date known", string(snapshot), `"e3"`, &lock.Entry{File: "b.html", URL: b.URL, SHA256: sum, Errgen: "v1"},
			lock.Entry{Catalogs: []string{"acme/b"}, File: "b.html", URL: b.URL, ETag: `"e3"`, LastModified: "Wed, 10 Apr 2024 02:00:00 GMT", SHA256: sum, Errgen: "v2"}},
		{"changed page", changed, `"e4"`, old,
			lock.Entry{Catalogs: []string{"acme/b"}, File: "b.html", URL: b.URL, ETag: `"e4"`, LastModified: "Wed, 10 Apr 2024 02:00:00 GMT", SHA256: fetch.Sum([]byte(changed)), Date: "2026-11-26", Errgen: "v2"}},
		// The snapshot was edited since the old entry: its date is not
		// the current bytes', so the fetch that confirms them dates them.
		{"stale entry", string(snapshot), `"e5"`, &lock.Entry{File: "b.html", URL: b.URL, SHA256: "0000", Date: "2024-04-10", Errgen: "v1"},
			lock.Entry{Catalogs: []string{"acme/b"}, File: "b.html", URL: b.URL, ETag: `"e5"`, LastModified: "Wed, 10 Apr 2024 02:00:00 GMT", SHA256: sum, Date: "2026-11-26", Errgen: "v2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, etag = tt.page, tt.etag
			lk := &lock.Lock{}
			if tt.old != nil {
				lk.Set(*tt.old)
			}
			f, err := (&fetch.Client{}).Update(context.Background(), b, lk)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, f.Entry(lk.Entry("b.html"), "v2", today)); d != "" {
				t.Errorf("entry (-want +got):\n%s", d)
			}
		})
	}
}

func TestWriteFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.html"), filepath.Join(dir, "sub", "b.html")
	if err := fetch.WriteFiles(dir, map[string][]byte{a: []byte("A"), b: []byte("B")}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(b); string(data) != "B" {
		t.Errorf("b: %q", data)
	}
	// One destination cannot be written: nothing is replaced, no
	// temporary file is left.
	blocked := filepath.Join(dir, "a.html", "c.html")
	if err := fetch.WriteFiles(dir, map[string][]byte{a: []byte("A2"), blocked: []byte("C")}); err == nil {
		t.Fatal("no error")
	}
	if data, _ := os.ReadFile(a); string(data) != "A" {
		t.Errorf("a replaced: %q", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
}

// WriteFiles writes only inside the config's directory: a symbolic link
// there that leads out of it is refused, naming the path, and nothing is
// written (Hardening item 2); a path outside it is refused too.
func TestWriteFilesConfined(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, "snap")); err != nil {
		t.Skip(err)
	}
	a, linked := filepath.Join(dir, "a.html"), filepath.Join(dir, "snap", "b.html")
	err := fetch.WriteFiles(dir, map[string][]byte{a: []byte("A"), linked: []byte("B")})
	if err == nil || !strings.Contains(err.Error(), linked) || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("WriteFiles through a link out of %s: err = %v", dir, err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("wrote outside the config's directory: %v", entries)
	}
	if _, err := os.Stat(a); err == nil {
		t.Error("a.html written although another file was refused")
	}
	up := filepath.Join(dir, "..", "escaped.html")
	if err := fetch.WriteFiles(dir, map[string][]byte{up: []byte("X")}); err == nil {
		t.Errorf("WriteFiles(%s) wrote outside %s", up, dir)
	}
}

// Temporary files a killed fetch left beside a snapshot are removed by
// the next one (Hardening item 4).
func TestWriteFilesRemovesLeftovers(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, "sub", ".b.html.errgen-tmp123456")
	other := filepath.Join(dir, "sub", ".c.html.errgen-tmp123456")
	for _, p := range []string{stale, other} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := fetch.WriteFiles(dir, map[string][]byte{filepath.Join(dir, "sub", "b.html"): []byte("B")}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("%s left behind", stale)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("%s removed, but it is not beside a file this fetch writes", other)
	}
}

// TestUpdateRefusesSnapshotSymlink: a snapshot committed as a symbolic
// link out of the config's directory (in a pull request) is not read,
// not even to hash it for a conditional request.
func TestUpdateRefusesSnapshotSymlink(t *testing.T) {
	requests := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests++
		fmt.Fprint(w, table("B.1", "B.2"))
	}))
	defer srv.Close()
	cfg, dir := setup(t, srv.URL)
	secret := filepath.Join(t.TempDir(), "secret.html")
	write(t, secret, table("S.1"))
	b := filepath.Join(dir, "b.html")
	if err := os.Remove(b); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, b); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	srcs, _ := fetch.Sources(cfg)
	_, err := (&fetch.Client{}).Update(context.Background(), srcs[1], &lock.Lock{})
	if err == nil || !strings.Contains(err.Error(), "refusing to read it: a symbolic link on its path leads outside") || !strings.Contains(err.Error(), "b.html") {
		t.Fatalf("err = %v, want a refusal naming b.html", err)
	}
	if requests != 0 {
		t.Errorf("%d requests sent for a refused snapshot", requests)
	}
}
