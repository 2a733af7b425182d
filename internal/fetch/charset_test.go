package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diff"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/internal/fetch"
	"github.com/errgen/errgen/internal/lock"
)

// charsetPages are the pages of parse/htmltable's charset tests.
const charsetPages = "../../parse/htmltable/testdata/adversarial/charset"

func readPage(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(charsetPages, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// charsetSetup writes a config with one catalog whose committed snapshot
// is a UTF-8 page, and returns it with the page's entries.
func charsetSetup(t *testing.T, url string, utf8Page []byte) (*config.Config, string, *catalog.Catalog) {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "errgen.yaml"), fmt.Sprintf(`version: 1
catalogs:
  - id: vendor/errors
    source: {kind: html-table, file: errors.html, url: %s/errors}
    envelope: huaweicloud
    go: {trim_prefixes: [IAM., OSS., API.]} # the pages' prefixes: no naming warning
`, url))
	write(t, filepath.Join(dir, "errors.html"), string(utf8Page))
	cfg, err := config.Load(filepath.Join(dir, "errgen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	committed := load(t, cfg)
	if len(committed.Entries) < 2 {
		t.Fatalf("committed page: %d entries", len(committed.Entries))
	}
	return cfg, dir, committed
}

func load(t *testing.T, cfg *config.Config) *catalog.Catalog {
	t.Helper()
	l, err := build.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if l[0].Report != nil && len(l[0].Report.Warnings) > 0 {
		t.Errorf("warnings: %v", l[0].Report.Warnings)
	}
	return l[0].Catalog
}

// TestCharsetFetch: a GBK page whose only declaration is the response's
// Content-Type is fetched and guarded as GBK; the lock records the
// charset, so a later build.Load (errgen generate) reads the snapshot,
// still the vendor's exact bytes, as GBK too; a 304 keeps the charset;
// and once the snapshot changes, the lock's charset no longer applies.
func TestCharsetFetch(t *testing.T) {
	utf8Page := readPage(t, "zh.utf8.html")
	gbkPage, err := simplifiedchinese.GBK.NewEncoder().Bytes(utf8Page)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "text/html; charset=GBK")
		w.Write(gbkPage)
	}))
	defer srv.Close()
	cfg, dir, committed := charsetSetup(t, srv.URL, utf8Page)
	srcs, _ := fetch.Sources(cfg)
	lk := &lock.Lock{}

	f, err := (&fetch.Client{}).Update(context.Background(), srcs[0], lk)
	if err != nil {
		t.Fatal(err)
	}
	if f.Charset != "GBK" || string(f.Data) != string(gbkPage) {
		t.Fatalf("fetched charset %q, %d bytes", f.Charset, len(f.Data))
	}
	if d := cmp.Diff(committed.Entries, f.Loaded[0].Catalog.Entries); d != "" {
		t.Errorf("guard's snapshot (-UTF-8 +GBK):\n%s", d)
	}
	e := f.Entry(lk.Entry("errors.html"), "v1", time.Now())
	if e.Charset != "GBK" {
		t.Errorf("lock entry charset %q, want GBK", e.Charset)
	}
	lk.Set(e)
	lockText, err := lk.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(lockText), "\n    charset: GBK\n") {
		t.Errorf("lock does not record the charset:\n%s", lockText)
	}
	write(t, filepath.Join(dir, lock.Name), string(lockText))
	write(t, filepath.Join(dir, "errors.html"), string(f.Data))
	if d := cmp.Diff(committed.Entries, load(t, cfg).Entries); d != "" {
		t.Errorf("build.Load of the GBK snapshot (-UTF-8 +GBK):\n%s", d)
	}

	// A 304: the snapshot stands, and so does the charset it was read with.
	f, err = (&fetch.Client{}).Update(context.Background(), srcs[0], lk)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Response.NotModified || f.Charset != "GBK" || f.Entry(lk.Entry("errors.html"), "v2", time.Now()).Charset != "GBK" {
		t.Errorf("304: charset %q", f.Charset)
	}
	if d := cmp.Diff(committed.Entries, f.Loaded[0].Catalog.Entries); d != "" {
		t.Errorf("304 snapshot (-UTF-8 +GBK):\n%s", d)
	}

	// Someone replaced the snapshot: the lock's charset describes other
	// bytes and must not decode these.
	write(t, filepath.Join(dir, "errors.html"), string(gbkPage)+"\n")
	l, err := build.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if ws := l[0].Report.Warnings; len(ws) != 1 || !strings.Contains(ws[0].Message, "not valid UTF-8") {
		t.Errorf("edited snapshot: warnings %v, want not valid UTF-8", ws)
	}
}

// TestCharsetNoDrift: the vendor now serves the same page in Shift_JIS or
// GBK (declared by a <meta> or by the Content-Type alone): drift's
// comparison of the committed UTF-8 snapshot with the fetched page finds
// no change, rather than a "reworded" message on every row.
func TestCharsetNoDrift(t *testing.T) {
	tests := []struct {
		original, served, contentType string
	}{
		{"ja.utf8.html", "sjis-meta.html", "text/html"},
		{"ja.utf8.html", "sjis-bare.html", "text/html; charset=Shift_JIS"},
		{"ja.utf8.html", "sjis-meta-wrong.html", "text/html; charset=shift_jis"},
		{"zh.utf8.html", "gbk-http-equiv.html", "text/html"},
		{"latin1.utf8.html", "latin1-meta.html", ""},
	}
	for _, tt := range tests {
		t.Run(tt.served, func(t *testing.T) {
			page := readPage(t, tt.served)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header()["Content-Type"] = []string{tt.contentType}
				w.Write(page)
			}))
			defer srv.Close()
			cfg, _, committed := charsetSetup(t, srv.URL, readPage(t, tt.original))
			srcs, _ := fetch.Sources(cfg)
			f, err := (&fetch.Client{}).Update(context.Background(), srcs[0], &lock.Lock{})
			if err != nil {
				t.Fatal(err)
			}
			if ws := f.Loaded[0].Report.Warnings; len(ws) > 0 {
				t.Errorf("warnings: %v", ws)
			}
			r := diff.Compare(committed, f.Loaded[0].Catalog, diff.Options{OldName: "errors.html", NewName: srv.URL})
			for _, c := range r.Changes {
				t.Errorf("false drift: %s %s: %q → %q", c.Rule, c.Code, c.Old, c.New)
			}
		})
	}
}

// TestCharsetHeaderJunk: a Content-Type charset that is no charset name
// (markup here) is not recorded: the lock stays parseable and the page is
// read by its own declarations.
func TestCharsetHeaderJunk(t *testing.T) {
	page := readPage(t, "sjis-meta.html")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", `text/html; charset="<img src=x onerror=alert(1)>"`)
		w.Write(page)
	}))
	defer srv.Close()
	cfg, _, committed := charsetSetup(t, srv.URL, readPage(t, "ja.utf8.html"))
	srcs, _ := fetch.Sources(cfg)
	f, err := (&fetch.Client{}).Update(context.Background(), srcs[0], &lock.Lock{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Charset != "" || f.Entry(nil, "v1", time.Now()).Charset != "" {
		t.Errorf("recorded charset %q", f.Charset)
	}
	if d := cmp.Diff(committed.Entries, f.Loaded[0].Catalog.Entries); d != "" {
		t.Errorf("page read by its <meta> (-want +got):\n%s", d)
	}
}
