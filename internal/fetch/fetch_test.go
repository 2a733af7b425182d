package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/errgen/errgen/internal/fetch"
)

// sleeps records the waits a client asks for instead of waiting.
type sleeps []time.Duration

func (s *sleeps) sleep(_ context.Context, d time.Duration) error {
	*s = append(*s, d)
	return nil
}

func client(s *sleeps) *fetch.Client {
	return &fetch.Client{Sleep: s.sleep, Backoff: func(n int) time.Duration { return time.Duration(n) * time.Millisecond }}
}

func TestGet(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != "errgen-test" {
			t.Errorf("User-Agent %q", r.Header.Get("User-Agent"))
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Wed, 10 Apr 2024 02:00:00 GMT")
		fmt.Fprint(w, "<table></table>")
	}))
	defer srv.Close()
	c := &fetch.Client{UserAgent: "errgen-test"}
	resp, err := c.Get(context.Background(), fetch.Request{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "<table></table>" || resp.ETag != `"v1"` || resp.LastModified != "Wed, 10 Apr 2024 02:00:00 GMT" || resp.NotModified || resp.Attempts != 1 {
		t.Errorf("got %+v", resp)
	}
}

// TestConditional: the server answers 304 to the validators it sent.
func TestConditional(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` || r.Header.Get("If-Modified-Since") == "Wed, 10 Apr 2024 02:00:00 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, "page")
	}))
	defer srv.Close()
	c := &fetch.Client{}
	for _, req := range []fetch.Request{
		{URL: srv.URL, ETag: `"v1"`},
		{URL: srv.URL, LastModified: "Wed, 10 Apr 2024 02:00:00 GMT"},
	} {
		resp, err := c.Get(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if !resp.NotModified || resp.Body != nil || resp.Status != 304 {
			t.Errorf("%+v: got %+v", req, resp)
		}
	}
	resp, err := c.Get(context.Background(), fetch.Request{URL: srv.URL, ETag: `"v0"`})
	if err != nil || resp.NotModified || string(resp.Body) != "page" {
		t.Errorf("stale ETag: %+v %v", resp, err)
	}
}

// TestRedirects follows a chain of n redirects: 5 are fine, 6 are not.
func TestRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/%d", &n)
		if n > 0 {
			http.Redirect(w, r, fmt.Sprintf("/%d", n-1), http.StatusFound)
			return
		}
		fmt.Fprint(w, "arrived")
	}))
	defer srv.Close()
	c := &fetch.Client{}
	resp, err := c.Get(context.Background(), fetch.Request{URL: srv.URL + "/5"})
	if err != nil || string(resp.Body) != "arrived" || resp.URL != srv.URL+"/0" {
		t.Fatalf("5 redirects: %+v %v", resp, err)
	}
	_, err = c.Get(context.Background(), fetch.Request{URL: srv.URL + "/6"})
	if err == nil || !strings.Contains(err.Error(), "stopped after 5 redirects") || !strings.HasPrefix(err.Error(), "GET "+srv.URL+"/6: ") {
		t.Errorf("6 redirects: %v", err)
	}
}

// TestSlowBody: the total timeout covers the body, so a server that
// sends headers at once and then trickles does not hang the fetch.
func TestSlowBody(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1000")
		w.Write([]byte("<html>"))
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	c := &fetch.Client{Timeout: 100 * time.Millisecond}
	start := time.Now()
	_, err := c.Get(context.Background(), fetch.Request{URL: srv.URL})
	if err == nil || !strings.Contains(err.Error(), "timed out after 100ms (the total timeout, body included)") {
		t.Errorf("got %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %s", d)
	}
}

func TestOversized(t *testing.T) {
	big := strings.Repeat("x", 2048)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/chunked" {
			// No Content-Length: the limit must hold while reading.
			for range 4 {
				w.Write([]byte(big[:512]))
				w.(http.Flusher).Flush()
			}
			return
		}
		fmt.Fprint(w, big)
	}))
	defer srv.Close()
	c := &fetch.Client{MaxSize: 1024}
	for _, path := range []string{"/", "/chunked"} {
		_, err := c.Get(context.Background(), fetch.Request{URL: srv.URL + path})
		if err == nil || !strings.Contains(err.Error(), "larger than the limit of 1KiB") {
			t.Errorf("%s: got %v", path, err)
		}
	}
	c.MaxSize = 2048
	if resp, err := c.Get(context.Background(), fetch.Request{URL: srv.URL + "/chunked"}); err != nil || len(resp.Body) != 2048 {
		t.Errorf("exactly the limit: %v", err)
	}
}

// flaky answers with the given statuses and Retry-After values in turn,
// then 200.
func flaky(t *testing.T, steps ...[2]string) (*httptest.Server, *atomic.Int32) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		if i < len(steps) {
			if steps[i][1] != "" {
				w.Header().Set("Retry-After", steps[i][1])
			}
			var code int
			fmt.Sscan(steps[i][0], &code)
			w.WriteHeader(code)
			fmt.Fprint(w, "<html><title>busy</title></html>")
			return
		}
		fmt.Fprint(w, "ok")
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestRetries(t *testing.T) {
	date := time.Now().Add(90 * time.Second).UTC().Format(http.TimeFormat)
	tests := []struct {
		name    string
		steps   [][2]string
		want    []time.Duration // the waits; nil: no retry
		err     string
		timeout time.Duration // the Client's Timeout; 0: the default 60s
	}{
		{"500 then 200, Retry-After seconds", [][2]string{{"500", "7"}}, []time.Duration{7 * time.Second}, "", 0},
		{"429 twice, backoff", [][2]string{{"429", ""}, {"429", ""}}, []time.Duration{time.Millisecond, 2 * time.Millisecond}, "", 0},
		// 90 s is within MaxRetryAfter (2 min), and within a 2 min
		// timeout; the default 60 s timeout refuses it.
		{"503, Retry-After date", [][2]string{{"503", date}}, []time.Duration{90 * time.Second}, "", 2 * time.Minute},
		{"503, Retry-After date past the timeout", [][2]string{{"503", date}}, nil, "longer than the 1m0s errgen waits at most (the request timeout, or 2m0s if shorter)", 0},
		// The reviewer's case: a server cannot hold a client with a 3 s
		// timeout for 15 s; refused without waiting at all.
		{"Retry-After past a short timeout", [][2]string{{"503", "15"}}, nil,
			`503 Service Unavailable: server asked to retry after 15s (Retry-After: "15"), longer than the 3s errgen waits at most (the request timeout, or 2m0s if shorter); fetch again later, or raise -timeout to wait longer`, 3 * time.Second},
		// Each wait fits the timeout, but retries must not add up past it.
		{"Retry-After waits add up past the timeout", [][2]string{{"503", "6"}, {"503", "6"}}, []time.Duration{6 * time.Second},
			`503 Service Unavailable: server asked to retry after 6s (Retry-After: "6") when errgen had waited 6s for it already; together longer than the 10s errgen waits at most for one document`, 10 * time.Second},
		{"Retry-After waits up to the timeout", [][2]string{{"503", "5"}, {"503", "5"}}, []time.Duration{5 * time.Second, 5 * time.Second}, "", 10 * time.Second},
		{"502, Retry-After 0", [][2]string{{"502", "0"}}, []time.Duration{0}, "", 0},
		{"503 always", [][2]string{{"503", ""}, {"503", ""}, {"503", ""}, {"503", ""}}, []time.Duration{time.Millisecond, 2 * time.Millisecond, 3 * time.Millisecond}, "503 Service Unavailable after 4 attempts", 0},
		{"Retry-After too long", [][2]string{{"429", "3600"}}, nil, `429 Too Many Requests: server asked to retry after 1h0m0s (Retry-After: "3600"), longer than the 1m0s errgen waits at most`, 0},
		// 9300000000 s overflowed a Duration into a negative wait: an
		// immediate retry instead of a refusal.
		{"Retry-After overflowing", [][2]string{{"503", "9300000000"}}, nil, `503 Service Unavailable: server asked to retry after 24000h0m0s (Retry-After: "9300000000"), longer than the 1m0s errgen waits at most`, 0},
		{"Retry-After past uint64", [][2]string{{"503", "99999999999999999999999"}}, nil, "server asked to retry after 24000h0m0s", 0},
		{"Retry-After date far ahead", [][2]string{{"503", "Fri, 31 Dec 9999 23:59:59 GMT"}}, nil, "server asked to retry after 24000h0m0s", 0},
		{"Retry-After date passed", [][2]string{{"503", "Mon, 01 Jan 1900 00:00:00 GMT"}}, []time.Duration{0}, "", 0},
		{"Retry-After negative", [][2]string{{"503", "-5"}}, []time.Duration{time.Millisecond}, "", 0},
		{"404 is not retried", [][2]string{{"404", "1"}}, nil, `404 Not Found (an HTML error page titled "busy"): the page moved or is gone`, 0},
		{"410 is gone", [][2]string{{"410", ""}}, nil, `410 Gone (an HTML error page titled "busy"): the page moved or is gone`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, n := flaky(t, tt.steps...)
			var s sleeps
			c := client(&s)
			c.Timeout = tt.timeout
			resp, err := c.Get(context.Background(), fetch.Request{URL: srv.URL})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got %v, want %q", err, tt.err)
				}
				var gone *fetch.GoneError
				if errors.As(err, &gone) != strings.Contains(tt.err, "is gone") {
					t.Errorf("errors.As(%v, *GoneError) = %v", err, !strings.Contains(tt.err, "is gone"))
				}
			} else if err != nil || string(resp.Body) != "ok" || resp.Attempts != len(tt.steps)+1 {
				t.Fatalf("got %+v %v", resp, err)
			}
			if len(s) != len(tt.want) {
				t.Fatalf("waits %v, want %v", s, tt.want)
			}
			for i := range s {
				// An HTTP date has one-second resolution.
				if d := s[i] - tt.want[i]; d < -time.Second || d > time.Second {
					t.Errorf("wait %d: %s, want %s", i, s[i], tt.want[i])
				}
			}
			if tt.err == "" && int(n.Load()) != len(tt.steps)+1 {
				t.Errorf("%d requests", n.Load())
			}
		})
	}
}

// TestRetryCancelled: a cancelled context ends the waiting.
func TestRetryCancelled(t *testing.T) {
	srv, _ := flaky(t, [2]string{"503", "60"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := (&fetch.Client{}).Get(ctx, fetch.Request{URL: srv.URL})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v", err)
	}
}

func TestHTMLErrorPage(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, "<!DOCTYPE html><html><head><title>\n  Access Denied -\n Huawei Cloud </title></head><body>…</body></html>")
	}))
	defer srv.Close()
	_, err := (&fetch.Client{}).Get(context.Background(), fetch.Request{URL: srv.URL + "/ErrorCode.html"})
	want := fmt.Sprintf(`GET %s/ErrorCode.html: 403 Forbidden (an HTML error page titled "Access Denied - Huawei Cloud")`, srv.URL)
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

func TestUnreachable(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	_, err := (&fetch.Client{}).Get(context.Background(), fetch.Request{URL: url})
	if err == nil || !strings.Contains(err.Error(), "connection refused") || strings.Count(err.Error(), url) != 1 {
		t.Errorf("got %v", err)
	}
}

func TestSize(t *testing.T) {
	for in, want := range map[string]fetch.Size{"10MiB": 10 << 20, "512KiB": 512 << 10, "1GiB": 1 << 30, "1000": 1000, "7B": 7} {
		var s fetch.Size
		if err := s.Set(in); err != nil || s != want {
			t.Errorf("%s: %d %v", in, s, err)
		}
	}
	for _, in := range []string{"", "0", "-1MiB", "ten", "10MB", "1.5MiB"} {
		var s fetch.Size
		if err := s.Set(in); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
	if s := fetch.Size(10 << 20).String(); s != "10MiB" {
		t.Errorf("String %s", s)
	}
}
