package cli_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestNetScripts runs testdata/netscript/*.txtar, the fetch and drift
// scripts, each against its own fake vendor site (an httptest server) at
// $VENDOR; nothing touches the network. "expand FILE..." replaces $VENDOR
// in files, so a config can name the site.
func TestNetScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/netscript",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			srv := httptest.NewServer(vendor(env.WorkDir))
			env.Setenv("VENDOR", srv.URL)
			env.Defer(srv.Close)
			return nil
		},
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"exits": exits,
			"expand": func(ts *testscript.TestScript, neg bool, args []string) {
				for _, f := range args {
					data := ts.ReadFile(f)
					data = strings.ReplaceAll(data, "$VENDOR", ts.Getenv("VENDOR"))
					if err := os.WriteFile(ts.MkAbs(f), []byte(data), 0o644); err != nil {
						ts.Fatalf("%v", err)
					}
				}
			},
		},
	})
}

// vendor is a vendor's documentation site, serving the script's www/
// directory, with the ways real sites misbehave under other paths:
//
//	/www/F             www/F, with an ETag (the content's hash) and a fixed
//	                   Last-Modified; 304 to a matching If-None-Match
//	/redirect/N/F      N redirects, then /www/F
//	/flaky/F           500 with Retry-After: 0 on the first request, then /www/F
//	/busy              429 with Retry-After: 0, always
//	/slow              the headers and a little of the body, then nothing
//	/gone              404 with an HTML error page
//
// Every request is logged to requests.log in the script's directory: the
// path and the If-None-Match header.
func vendor(dir string) http.Handler {
	var mu sync.Mutex
	seen := map[string]bool{}
	serve := func(w http.ResponseWriter, r *http.Request, file string) {
		data, err := os.ReadFile(filepath.Join(dir, "www", filepath.FromSlash(file)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		sum := sha256.Sum256(data)
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", "Wed, 10 Apr 2024 02:00:00 GMT")
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write(data)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		f, err := os.OpenFile(filepath.Join(dir, "requests.log"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err == nil {
			fmt.Fprintf(f, "%s if-none-match=%s\n", r.URL.Path, r.Header.Get("If-None-Match"))
			f.Close()
		}
		first := !seen[r.URL.Path]
		seen[r.URL.Path] = true
		mu.Unlock()

		parts := strings.SplitN(strings.TrimPrefix(r.URL.Path, "/"), "/", 3)
		switch parts[0] {
		case "www":
			serve(w, r, strings.TrimPrefix(r.URL.Path, "/www/"))
		case "redirect":
			n, _ := strconv.Atoi(parts[1])
			if n > 0 {
				http.Redirect(w, r, fmt.Sprintf("/redirect/%d/%s", n-1, parts[2]), http.StatusFound)
				return
			}
			serve(w, r, parts[2])
		case "flaky":
			if first {
				w.Header().Set("Retry-After", "0")
				http.Error(w, "try later", http.StatusInternalServerError)
				return
			}
			serve(w, r, strings.TrimPrefix(r.URL.Path, "/flaky/"))
		case "busy":
			w.Header().Set("Retry-After", "0")
			http.Error(w, "slow down", http.StatusTooManyRequests)
		case "slow":
			w.Header().Set("Content-Length", "100000")
			w.Write([]byte("<table>"))
			w.(http.Flusher).Flush()
			<-r.Context().Done()
		case "gone":
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, "<html><head><title>Page Not Found | Acme Docs</title></head><body>Sorry.</body></html>")
		default:
			http.NotFound(w, r)
		}
	})
}
