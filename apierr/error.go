package apierr

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Fault says which side an error is on, by its HTTP status.
type Fault int

const (
	FaultUnknown Fault = iota // no status, or one that is not 4xx or 5xx
	FaultClient               // 4xx: the request is at fault
	FaultServer               // 5xx: the server is at fault
)

// String returns "unknown", "client" or "server".
func (f Fault) String() string {
	switch f {
	case FaultUnknown:
		return "unknown"
	case FaultClient:
		return "client"
	case FaultServer:
		return "server"
	}
	return "Fault(" + strconv.Itoa(int(f)) + ")"
}

// FaultOf returns the Fault of an HTTP status: FaultClient for 400–499,
// FaultServer for 500–599, else FaultUnknown.
func FaultOf(status int) Fault {
	switch {
	case 400 <= status && status <= 499:
		return FaultClient
	case 500 <= status && status <= 599:
		return FaultServer
	}
	return FaultUnknown
}

// Error is what every error type errgen generates implements: the single
// errors, the envelopes that list several, and SCIM errors. Methods of a
// nil error return zero values.
type Error interface {
	error
	// ErrorCode is the code the body sent, prefixed as documented; ""
	// when there is none.
	ErrorCode() string
	// ErrorMessage is the message the server sent, verbatim.
	ErrorMessage() string
	// HTTPStatusCode is the HTTP status of the response.
	HTTPStatusCode() int
	// RequestID identifies the request for the vendor's support.
	RequestID() string
	// Fault is FaultOf(HTTPStatusCode()).
	Fault() Fault
	// Retryable reports whether the request may succeed if sent again:
	// for a status of 429 or 503 (see RetryableStatus) or a code the
	// configuration declares retryable.
	Retryable() bool
	// Header is the response's header; nil when the error was not built
	// from a response.
	Header() http.Header
	// RetryAfter is the response's Retry-After (see the function
	// RetryAfter).
	RetryAfter() (time.Duration, bool)
	// LogValue is the error for log/slog (see the function LogValue).
	slog.LogValuer
}

// As returns the first error in err's tree that is an Error, as
// errors.As finds it.
func As(err error) (Error, bool) {
	var e Error
	ok := errors.As(err, &e)
	return e, ok
}

// CodeOf returns the code of the first error in err's tree (as errors.As
// finds it) that has an ErrorCode() string method, as every Error has and
// as many SDKs' errors (such as smithy-go's) have; "" if there is none.
func CodeOf(err error) string {
	var c interface{ ErrorCode() string }
	if errors.As(err, &c) {
		return c.ErrorCode()
	}
	return ""
}

// RetryableStatus reports whether an HTTP status says that the same
// request may succeed later: 429 Too Many Requests and 503 Service
// Unavailable.
func RetryableStatus(status int) bool {
	return status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable
}

// maxRetryAfter caps RetryAfter: a server may send any number of digits
// or a date centuries ahead, and no client should wait 68 years; the cap
// also keeps the conversion to a Duration far from overflow.
const (
	maxSeconds    = 1 << 31
	maxRetryAfter = maxSeconds * time.Second
)

// RetryAfter reads the Retry-After header of h (RFC 9110 §10.2.3): a
// number of seconds, or an HTTP-date relative to now, for which a date in
// the past means 0 (retry now). ok is false when the header is absent or
// is neither (garbage, a negative or fractional number). A wait longer
// than 2^31 seconds is capped to that.
func RetryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.Trim(h.Get("Retry-After"), " \t")
	if v == "" {
		return 0, false
	}
	if '0' <= v[0] && v[0] <= '9' {
		var n int64
		for i := 0; i < len(v); i++ {
			c := v[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			// Saturate rather than overflow: n never exceeds the cap, so
			// neither n*10 nor the conversion to a Duration can.
			n = min(n*10+int64(c-'0'), maxSeconds)
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	// Sub saturates at the extremes of Duration, so this cannot overflow.
	d := t.Sub(now)
	if d < 0 {
		return 0, true
	}
	return min(d, maxRetryAfter), true
}

// LogValue is the slog value of e, which generated types return from their
// LogValue method: a group of code, message, status, request_id (left
// out when empty), fault and retryable, the server's texts on one line
// (see OneLine).
func LogValue(e Error) slog.Value {
	if e == nil {
		return slog.GroupValue()
	}
	attrs := make([]slog.Attr, 0, 6)
	attrs = append(attrs,
		slog.String("code", OneLine(e.ErrorCode())),
		slog.String("message", OneLine(e.ErrorMessage())),
		slog.Int("status", e.HTTPStatusCode()),
	)
	if id := e.RequestID(); id != "" {
		attrs = append(attrs, slog.String("request_id", OneLine(id)))
	}
	attrs = append(attrs,
		slog.String("fault", e.Fault().String()),
		slog.Bool("retryable", e.Retryable()),
	)
	return slog.GroupValue(attrs...)
}
