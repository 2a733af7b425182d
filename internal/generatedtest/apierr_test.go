package generatedtest

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/errgen/errgen/apierr"
	"github.com/errgen/errgen/generated/go/huaweicloud/identitycenter"
	huaweiscim "github.com/errgen/errgen/generated/go/huaweicloud/identitycenter/scim"
	scim "github.com/errgen/errgen/generated/go/ietf/scim"
	"github.com/errgen/errgen/generated/go/iij/directorysync"
	"github.com/errgen/errgen/generated/go/nevis/idm"
	ping "github.com/errgen/errgen/generated/go/pingidentity/scim"
)

// Every error type of every bundled package is an apierr.Error: these
// fail to compile when one is not.
var (
	_ apierr.Error = (*identitycenter.Error)(nil)
	_ apierr.Error = (*huaweiscim.Error)(nil)
	_ apierr.Error = (*scim.Error)(nil)
	_ apierr.Error = (*directorysync.Error)(nil)
	_ apierr.Error = (*idm.Error)(nil)
	_ apierr.Error = (*idm.Errors)(nil)
	_ apierr.Error = (*ping.Error)(nil)
)

// handle is what a service talking to several vendors writes once: it
// never names a vendor's package.
func handle(err error) string {
	e, ok := apierr.As(err)
	if !ok {
		return "not an API error: " + err.Error()
	}
	s := fmt.Sprintf("%s %q: HTTP %d, %s fault", e.ErrorCode(), e.ErrorMessage(), e.HTTPStatusCode(), e.Fault())
	if id := e.RequestID(); id != "" {
		s += ", request " + id
	}
	if e.Retryable() {
		s += ", retry"
		if d, ok := e.RetryAfter(); ok {
			s += " after " + d.String()
		}
	}
	return s
}

// reply is a response with status, body and header, given as name,
// value pairs.
func reply(status int, body string, header ...string) *http.Response {
	h := http.Header{}
	for i := 0; i+1 < len(header); i += 2 {
		h.Set(header[i], header[i+1])
	}
	return &http.Response{StatusCode: status, Header: h, Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body))}
}

// One function handles the errors of Huawei Cloud, Nevis and Ping
// Identity, and apierr.CodeOf reads the code of any of them, as it would
// of an AWS SDK error.
func Example_threeVendors() {
	errs := []error{
		identitycenter.FromResponse(reply(409, `{"error_code":"IdentityCenter.1006","error_msg":"Concurrency conflicts. Try again later.","request_id":"0f7e6b5c"}`, "Retry-After", "30")),
		idm.FromResponse(reply(400, `{"errors":[{"code":"errors.userLoginFailed","message":"login failed"}]}`)),
		ping.FromResponse(reply(503, `{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":503,"detail":"try later"}`)),
		errors.New("connection reset"),
	}
	for _, err := range errs {
		fmt.Println(handle(fmt.Errorf("call: %w", err)))
	}
	fmt.Println(apierr.CodeOf(fmt.Errorf("wrapped: %w", errs[1])))
	// Output:
	// IdentityCenter.1006 "Concurrency conflicts. Try again later.": HTTP 409, client fault, request 0f7e6b5c, retry after 30s
	// errors.userLoginFailed "login failed": HTTP 400, client fault
	// 503 "try later": HTTP 503, server fault, retry
	// not an API error: call: connection reset
	// errors.userLoginFailed
}

// The interface's methods agree with the fields on every kind of package,
// and LogValue logs them as one group.
func TestAPIErrorMethods(t *testing.T) {
	err := identitycenter.FromResponse(reply(429, `{"error_code":"IdentityCenter.1000","error_msg":"No permission for action x."}`, "Retry-After", "2", "X-Request-Id", "hdr-id"))
	e, ok := apierr.As(err)
	if !ok {
		t.Fatal("apierr.As found nothing")
	}
	if e.ErrorCode() != "IdentityCenter.1000" || e.ErrorMessage() != "No permission for action x." || e.HTTPStatusCode() != 429 ||
		e.RequestID() != "hdr-id" || e.Fault() != apierr.FaultClient || !e.Retryable() || e.Header().Get("Retry-After") != "2" {
		t.Errorf("methods disagree with the response: %s", handle(err))
	}
	if d, ok := e.RetryAfter(); !ok || d != 2*time.Second {
		t.Errorf("RetryAfter = %v, %v; want 2s", d, ok)
	}
	var b strings.Builder
	slog.New(slog.NewTextHandler(&b, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}})).Error("call failed", "err", e)
	for _, want := range []string{"err.code=IdentityCenter.1000", "err.status=429", "err.request_id=hdr-id", "err.fault=client", "err.retryable=true"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("log line %q lacks %q", b.String(), want)
		}
	}
	// A retryable: code of errgen.yaml is retryable whatever its status.
	if e, _ := identitycenter.Parse(409, []byte(`{"error_code":"IdentityCenter.1006"}`)); !e.Retryable() {
		t.Error("IdentityCenter.1006, listed under retryable:, is not Retryable")
	}
	if e, _ := identitycenter.Parse(409, []byte(`{"error_code":"IdentityCenter.1007"}`)); e.Retryable() {
		t.Error("IdentityCenter.1007 (HTTP 409, not listed) is Retryable")
	}
	// Parse has no response: no header, no Retry-After.
	if e, _ := identitycenter.Parse(503, []byte(`{"error_code":"x"}`)); e.Header() != nil || !e.Retryable() || e.Fault() != apierr.FaultServer {
		t.Error("Parse of a 503: want no header, Retryable, server fault")
	}
	// Nil errors answer without panicking.
	var nilErr *idm.Errors
	if nilErr.ErrorCode() != "" || nilErr.Retryable() || nilErr.Header() != nil || nilErr.Fault() != apierr.FaultUnknown {
		t.Error("a nil *idm.Errors answers")
	}
}
