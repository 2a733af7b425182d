package apierr

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestFault(t *testing.T) {
	for f, want := range map[Fault]string{FaultUnknown: "unknown", FaultClient: "client", FaultServer: "server", 7: "Fault(7)", -1: "Fault(-1)"} {
		if got := f.String(); got != want {
			t.Errorf("Fault(%d).String() = %q, want %q", int(f), got, want)
		}
	}
	for status, want := range map[int]Fault{0: FaultUnknown, -400: FaultUnknown, 200: FaultUnknown, 399: FaultUnknown, 400: FaultClient, 404: FaultClient, 499: FaultClient, 500: FaultServer, 599: FaultServer, 600: FaultUnknown} {
		if got := FaultOf(status); got != want {
			t.Errorf("FaultOf(%d) = %v, want %v", status, got, want)
		}
	}
	for status, want := range map[int]bool{429: true, 503: true, 500: false, 502: false, 504: false, 400: false, 0: false} {
		if got := RetryableStatus(status); got != want {
			t.Errorf("RetryableStatus(%d) = %v", status, got)
		}
	}
}

// testError is a generated error type in miniature.
type testError struct {
	code, message, requestID string
	status                   int
	header                   http.Header
}

func (e *testError) Error() string {
	return Text("pkg", e.code, e.status, e.message, e.requestID)
}
func (e *testError) ErrorCode() string    { return e.code }
func (e *testError) ErrorMessage() string { return e.message }
func (e *testError) HTTPStatusCode() int  { return e.status }
func (e *testError) RequestID() string    { return e.requestID }
func (e *testError) Fault() Fault         { return FaultOf(e.status) }
func (e *testError) Retryable() bool      { return RetryableStatus(e.status) }
func (e *testError) Header() http.Header  { return e.header }
func (e *testError) RetryAfter() (time.Duration, bool) {
	return RetryAfter(e.header, time.Now())
}
func (e *testError) LogValue() slog.Value { return LogValue(e) }

var _ Error = (*testError)(nil)

// smithyError has only the ErrorCode method, as AWS SDK errors do.
type smithyError struct{ code string }

func (e smithyError) Error() string     { return "smithy " + e.code }
func (e smithyError) ErrorCode() string { return e.code }

func TestAsAndCodeOf(t *testing.T) {
	e := &testError{code: "A", status: 404}
	wrapped := fmt.Errorf("calling: %w", e)
	if got, ok := As(wrapped); !ok || got != Error(e) {
		t.Errorf("As = %v, %v", got, ok)
	}
	if got, ok := As(errors.Join(errors.New("x"), wrapped)); !ok || got != Error(e) {
		t.Errorf("As through Join = %v, %v", got, ok)
	}
	if _, ok := As(smithyError{"S"}); ok {
		t.Error("As of an error without the whole interface")
	}
	if _, ok := As(nil); ok {
		t.Error("As(nil)")
	}
	for err, want := range map[error]string{
		wrapped:                               "A",
		fmt.Errorf("x: %w", smithyError{"S"}): "S",
		errors.Join(errors.New("plain"), smithyError{"S"}, e): "S",
		errors.New("plain"): "",
	} {
		if got := CodeOf(err); got != want {
			t.Errorf("CodeOf(%v) = %q, want %q", err, got, want)
		}
	}
	if CodeOf(nil) != "" {
		t.Error("CodeOf(nil)")
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	const maxSeconds = 1 << 31
	for _, tc := range []struct {
		value string
		want  time.Duration
		ok    bool
	}{
		{"", 0, false},
		{"0", 0, true},
		{"120", 120 * time.Second, true},
		{" 7 ", 7 * time.Second, true},
		{"007", 7 * time.Second, true},
		{"-1", 0, false},
		{"+5", 0, false},
		{"1.5", 0, false},
		{"5s", 0, false},
		{"soon", 0, false},
		{"2147483648", maxSeconds * time.Second, true},
		{"2147483649", maxSeconds * time.Second, true},
		{"99999999999999999999999999999999999999", maxSeconds * time.Second, true},
		{"Sat, 01 Mar 2025 12:01:30 GMT", 90 * time.Second, true},
		{"Saturday, 01-Mar-25 12:01:30 GMT", 90 * time.Second, true}, // RFC 850
		{"Sat Mar  1 12:01:30 2025", 90 * time.Second, true},         // asctime
		{"Sat, 01 Mar 2025 11:00:00 GMT", 0, true},                   // in the past: now
		{"Mon, 01 Jan 0001 00:00:00 GMT", 0, true},
		{"Fri, 31 Dec 9999 23:59:59 GMT", maxSeconds * time.Second, true},
		{"Sat, 01 Mar 2025 12:01:30", 0, false},
	} {
		h := http.Header{}
		if tc.value != "" {
			h.Set("Retry-After", tc.value)
		}
		d, ok := RetryAfter(h, now)
		if d != tc.want || ok != tc.ok {
			t.Errorf("RetryAfter(%q) = %v, %v; want %v, %v", tc.value, d, ok, tc.want, tc.ok)
		}
	}
	if d, ok := RetryAfter(nil, now); d != 0 || ok {
		t.Errorf("RetryAfter(nil) = %v, %v", d, ok)
	}
}

func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"120", "Sat, 01 Mar 2025 12:01:30 GMT", "99999999999999999999999", "-1", ""} {
		f.Add(s, int64(1740830400))
	}
	f.Fuzz(func(t *testing.T, value string, unix int64) {
		h := http.Header{"Retry-After": {value}}
		d, ok := RetryAfter(h, time.Unix(unix, 0))
		if d < 0 || d > maxRetryAfter || !ok && d != 0 {
			t.Fatalf("RetryAfter(%q) = %v, %v", value, d, ok)
		}
	})
}

func TestLogValue(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}))
	log.Info("failed", "err", &testError{code: "A", message: "two\nlines\x1b", requestID: "r1", status: 503})
	log.Info("failed", "err", &testError{code: "B", status: 404})
	var got []map[string]any
	for line := range strings.SplitSeq(strings.TrimSpace(buf.String()), "\n") {
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatal(err)
		}
		got = append(got, v["err"].(map[string]any))
	}
	want := []string{
		`{"code":"A","fault":"server","message":"two lines ","request_id":"r1","retryable":true,"status":503}`,
		`{"code":"B","fault":"client","message":"","retryable":false,"status":404}`,
	}
	for i := range want {
		b, _ := json.Marshal(got[i])
		if string(b) != want[i] {
			t.Errorf("log %d: %s, want %s", i, b, want[i])
		}
	}
	// The order of the group is fixed, request_id left out when empty.
	v := LogValue(&testError{code: "A", status: 400})
	var keys []string
	for _, a := range v.Group() {
		keys = append(keys, a.Key)
	}
	if strings.Join(keys, ",") != "code,message,status,fault,retryable" {
		t.Errorf("keys %q", keys)
	}
	if v := LogValue(nil); v.Kind() != slog.KindGroup || len(v.Group()) != 0 {
		t.Errorf("LogValue(nil) = %v", v)
	}
}
