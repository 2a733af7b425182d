// Package fetch downloads vendor documents into errgen's source snapshots,
// carefully: it is what `errgen fetch` and `errgen drift` use.
//
// A [Client] makes one GET per document, with
//
//   - a connect timeout and a total timeout that covers the body too, so a
//     server that trickles its body cannot hang a CI job;
//   - a size limit (10 MiB by default), checked against Content-Length and
//     while reading;
//   - at most 5 redirects;
//   - retries with exponential backoff on 429 and 5xx responses, honouring
//     Retry-After (seconds or an HTTP date) up to a limit: one wait is at
//     most the total timeout (or MaxRetryAfter, if shorter), and all the
//     Retry-After waits of one document together are at most the total
//     timeout, so a fetch never waits longer than its timeout for a
//     server; a server asking for longer, however absurd the value, fails
//     the fetch at once (exit 2);
//   - conditional requests: If-None-Match and If-Modified-Since from the
//     ETag and Last-Modified the lock file kept, so an unchanged page costs
//     a 304.
//
// A 404 or 410 is a [GoneError]: the vendor's page moved or is gone, which
// the CLI reports with exit 3, as a page that looks broken, so CI can tell
// the vendor's problem from a mistake in its own config. Other statuses
// are errors that name the URL, the status and, for an HTML error page,
// its title. Backoff and sleeping are fields, so tests run
// without waiting.
//
// The lock file, sources/errgen.lock beside errgen.yaml, records for each
// snapshot file what the last fetch saw: the URL, ETag, Last-Modified, the
// Content-Type's charset (Response.Charset; a snapshot keeps the vendor's
// exact bytes, so generate and drift decode it by the recorded charset),
// the snapshot's SHA-256, the day its bytes were taken and the errgen version
// that wrote it (package internal/lock documents the format).
// [Client.Update] fetches one snapshot file and applies the guard: if the fetched
// page parses, as any catalog reading it, to no entries or to less than
// half the entries of the committed snapshot, it is refused with a
// [BrokenError], because a vendor's page redesign must not wipe a package;
// [Fetched.Entry] is the lock entry that records what it fetched.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/errgen/errgen/internal/lock"
	"github.com/errgen/errgen/internal/textenc"
)

// Defaults of a Client's zero fields.
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultTimeout        = 60 * time.Second
	DefaultMaxSize        = 10 << 20
	DefaultMaxRedirects   = 5
	DefaultRetries        = 3
	DefaultMaxRetryAfter  = 2 * time.Minute
)

// Client fetches documents. Its zero value uses the defaults above.
type Client struct {
	// ConnectTimeout bounds establishing a connection (TCP and TLS).
	ConnectTimeout time.Duration
	// Timeout bounds one attempt, from dialling to the body's last byte.
	Timeout time.Duration
	// MaxSize is the largest body accepted, in bytes.
	MaxSize int64
	// MaxRedirects is how many redirects one attempt may follow; negative
	// means none.
	MaxRedirects int
	// Retries is how many times a 429 or 5xx response is retried; negative
	// means never.
	Retries int
	// MaxRetryAfter is the longest Retry-After honoured, if shorter than
	// Timeout: a server asking for longer than either fails the fetch at
	// once. Timeout also bounds the sum of the Retry-After waits of one
	// Get.
	MaxRetryAfter time.Duration
	// Backoff is the wait before retry n (1, 2, …) when the response has
	// no Retry-After; nil means 1s, 2s, 4s, … up to 30s.
	Backoff func(n int) time.Duration
	// Sleep waits; nil means a timer that ctx can cancel.
	Sleep func(ctx context.Context, d time.Duration) error
	// UserAgent is sent with every request.
	UserAgent string
	// Transport makes the requests; nil means one that dials with
	// ConnectTimeout.
	Transport http.RoundTripper
}

// Request is one document to fetch.
type Request struct {
	URL string
	// ETag and LastModified, when set, make the request conditional.
	ETag, LastModified string
}

// Response is a fetched document.
type Response struct {
	// NotModified is true for a 304: Body is nil and the snapshot stands.
	NotModified bool
	Body        []byte
	// ETag and LastModified are the response's validators ("" if none).
	ETag, LastModified string
	// Charset is the charset parameter of the Content-Type, such as
	// "Shift_JIS": "" when it has none, or none a lock file may record
	// (lock.ValidCharset).
	Charset string
	// URL is where the document was found, after redirects.
	URL string
	// Status is the final HTTP status; Attempts how many requests it took.
	Status, Attempts int
}

// Error is a failed fetch.
type Error struct {
	URL string
	Err error
}

func (e *Error) Error() string { return fmt.Sprintf("GET %s: %v", e.URL, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

func (c *Client) connectTimeout() time.Duration { return or(c.ConnectTimeout, DefaultConnectTimeout) }
func (c *Client) timeout() time.Duration        { return or(c.Timeout, DefaultTimeout) }

// maxRetryAfter is the longest one Retry-After wait: a server must not
// hold a fetch longer than the -timeout its user gave it, which a 2
// minute MaxRetryAfter against a 60 s timeout did.
func (c *Client) maxRetryAfter() time.Duration {
	return min(or(c.MaxRetryAfter, DefaultMaxRetryAfter), c.timeout())
}

func (c *Client) maxSize() int64 {
	if c.MaxSize > 0 {
		return c.MaxSize
	}
	return DefaultMaxSize
}

func (c *Client) maxRedirects() int {
	switch {
	case c.MaxRedirects < 0:
		return 0
	case c.MaxRedirects == 0:
		return DefaultMaxRedirects
	}
	return c.MaxRedirects
}

func (c *Client) retries() int {
	switch {
	case c.Retries < 0:
		return 0
	case c.Retries == 0:
		return DefaultRetries
	}
	return c.Retries
}

func or(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

func (c *Client) backoff(n int) time.Duration {
	if c.Backoff != nil {
		return c.Backoff(n)
	}
	d := time.Second << (n - 1)
	if n > 6 || d > 30*time.Second {
		d = 30 * time.Second
	}
	return d
}

func (c *Client) sleep(ctx context.Context, d time.Duration) error {
	if c.Sleep != nil {
		return c.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *Client) httpClient() *http.Client {
	tr := c.Transport
	if tr == nil {
		dialer := &net.Dialer{Timeout: c.connectTimeout()}
		tr = &http.Transport{
			Proxy:               http.ProxyFromEnvironment,
			DialContext:         dialer.DialContext,
			TLSHandshakeTimeout: c.connectTimeout(),
			ForceAttemptHTTP2:   true,
		}
	}
	max := c.maxRedirects()
	return &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > max {
				return fmt.Errorf("stopped after %d redirects (the limit)", max)
			}
			return nil
		},
	}
}

// errRetry marks a response worth retrying.
type errRetry struct {
	status     string
	retryAfter time.Duration
	hasAfter   bool
	header     string // the Retry-After value as sent, for messages
}

func (e *errRetry) Error() string { return e.status }

// Get fetches one document, retrying 429 and 5xx responses.
func (c *Client) Get(ctx context.Context, req Request) (*Response, error) {
	hc := c.httpClient()
	// waited is the sum of the Retry-After waits so far: each is bounded
	// by the timeout, and so is their sum, or retries would multiply it.
	var waited time.Duration
	for attempt := 1; ; attempt++ {
		resp, err := c.attempt(ctx, hc, req)
		var re *errRetry
		if !errors.As(err, &re) {
			if resp != nil {
				resp.Attempts = attempt
			}
			if err != nil {
				return nil, &Error{req.URL, err}
			}
			return resp, nil
		}
		if attempt > c.retries() {
			return nil, &Error{req.URL, fmt.Errorf("%s after %d attempts", re.status, attempt)}
		}
		wait := c.backoff(attempt)
		if re.hasAfter {
			if limit := c.maxRetryAfter(); re.retryAfter > limit {
				return nil, &Error{req.URL, fmt.Errorf("%s: server asked to retry after %s (Retry-After: %q), longer than the %s errgen waits at most "+
					"(the request timeout, or %s if shorter); fetch again later, or raise -timeout to wait longer",
					re.status, re.retryAfter, cut(re.header, 64), limit, or(c.MaxRetryAfter, DefaultMaxRetryAfter))}
			}
			if left := c.timeout() - waited; re.retryAfter > left {
				return nil, &Error{req.URL, fmt.Errorf("%s: server asked to retry after %s (Retry-After: %q) when errgen had waited %s for it already; together longer than the %s errgen waits at most "+
					"for one document (the request timeout); fetch again later, or raise -timeout to wait longer",
					re.status, re.retryAfter, cut(re.header, 64), waited, c.timeout())}
			}
			wait = re.retryAfter
			waited += wait
		}
		if err := c.sleep(ctx, wait); err != nil {
			return nil, &Error{req.URL, err}
		}
	}
}

// attempt makes one request, redirects included.
func (c *Client) attempt(ctx context.Context, hc *http.Client, req Request) (*Response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout())
	defer cancel()
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, req.URL, nil)
	if err != nil {
		return nil, err
	}
	if c.UserAgent != "" {
		hreq.Header.Set("User-Agent", c.UserAgent)
	}
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	resp, err := hc.Do(hreq)
	if err != nil {
		return nil, c.explain(ctx, err)
	}
	defer resp.Body.Close()
	out := &Response{
		Status:       resp.StatusCode,
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		Charset:      responseCharset(resp.Header.Get("Content-Type")),
		URL:          resp.Request.URL.String(),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		v := resp.Header.Get("Retry-After")
		after, ok := retryAfter(v, time.Now())
		return nil, &errRetry{resp.Status, after, ok, v}
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		return nil, &GoneError{Status: resp.Status + errorPage(resp)}
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("%s%s", resp.Status, errorPage(resp))
	}
	max := c.maxSize()
	if resp.ContentLength > max {
		return nil, fmt.Errorf("body of %d bytes is larger than the limit of %s", resp.ContentLength, Size(max))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, c.explain(ctx, err)
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("body is larger than the limit of %s", Size(max))
	}
	out.Body = body
	return out, nil
}

// explain turns a deadline into a message that says which limit hit.
func (c *Client) explain(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("timed out after %s (the total timeout, body included)", c.timeout())
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("timed out connecting (limit %s): %w", c.connectTimeout(), err)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		// *url.Error repeats the method and URL that Error adds.
		return ue.Err
	}
	return err
}

// maxRetryAfterValue is where retryAfter clamps: far past any wait
// honoured, and far from where seconds overflow a Duration (about 292
// years), which once turned "Retry-After: 9300000000" into a negative wait
// and an immediate retry.
const maxRetryAfterValue = 1000 * 24 * time.Hour

// retryAfter reads a Retry-After value: seconds or an HTTP date, as a
// wait between 0 and maxRetryAfterValue whatever the value.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseUint(v, 10, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		// ParseUint gives the largest uint64 when out of range.
		if n > uint64(maxRetryAfterValue/time.Second) {
			return maxRetryAfterValue, true
		}
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		d := min(max(t.Sub(now), 0), maxRetryAfterValue)
		return d.Round(time.Second), true
	}
	return 0, false
}

// cut shortens s to at most n bytes for a message.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// responseCharset is the charset a Content-Type declares, when it is one
// the lock file can record; a page whose header says nothing usable is
// decoded by its own declarations, as if the header named no charset.
func responseCharset(contentType string) string {
	if cs := textenc.ContentTypeCharset(contentType); lock.ValidCharset(cs) {
		return cs
	}
	return ""
}

var titleRE = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)

// GoneError is a 404 or 410 response: the page moved or is gone.
type GoneError struct {
	// Status is the response's status line, with the error page's title
	// when it has one: `404 Not Found (an HTML error page titled "…")`.
	Status string
}

func (e *GoneError) Error() string {
	return e.Status + ": the page moved or is gone; hint: find the vendor's new address and update source.url"
}

// errorPage describes the body of an error response: the title of an HTML
// error page, so "404 Not Found" says which site's page it is.
func errorPage(resp *http.Response) string {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if m := titleRE.FindSubmatch(body); m != nil {
		title := strings.Join(strings.Fields(string(m[1])), " ")
		if len(title) > 120 {
			title = title[:120] + "…"
		}
		if title != "" {
			return fmt.Sprintf(" (an HTML error page titled %q)", title)
		}
	}
	return ""
}

// Size is a byte count that prints as 10MiB and parses from 10MiB, 512KiB,
// 1GiB or plain bytes; it is a flag.Value.
type Size int64

func (s Size) String() string {
	switch {
	case s > 0 && s%(1<<30) == 0:
		return fmt.Sprintf("%dGiB", s>>30)
	case s > 0 && s%(1<<20) == 0:
		return fmt.Sprintf("%dMiB", s>>20)
	case s > 0 && s%(1<<10) == 0:
		return fmt.Sprintf("%dKiB", s>>10)
	}
	return fmt.Sprintf("%dB", int64(s))
}

// Set parses a size such as 10MiB.
func (s *Size) Set(v string) error {
	num, mult := v, int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(v, u.suffix) {
			num, mult = strings.TrimSuffix(v, u.suffix), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(num), 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return fmt.Errorf("size %q: want a positive number of bytes, optionally with KiB, MiB or GiB, such as 10MiB", v)
	}
	*s = Size(n * mult)
	return nil
}
