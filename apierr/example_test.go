package apierr_test

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/errgen/errgen/apierr"
)

// What a generated package looks like, in miniature: its Code type, the
// packed table, the envelope and an Error type that implements
// apierr.Error.

const _ = apierr.UpgradeErrgenRuntime(apierr.MaxVersion - 1)
const _ = apierr.RegenerateWithNewerErrgen(1 - apierr.MinVersion)

type Code string

func (c Code) Error() string { return string(c) }

const (
	BadRequest Code = "IdentityCenter.400"
	Conflict   Code = "IdentityCenter.1006"
)

const codeText = "IdentityCenter.400IdentityCenter.1006"
const text = "Bad Request: {0}.Invalid request parameter.Concurrency conflicts. Try again later."

// The index tables are little-endian uint32s in strings (apierr.Words),
// as errgen writes them; here they are packed at init for readability.
var (
	codeEnd   = apierr.PackWords([]uint32{18, 37})
	sorted    = apierr.PackWords([]uint32{1, 0}) // "IdentityCenter.1006" < "IdentityCenter.400"
	textEnd   = apierr.PackWords([]uint32{0, 17, 43, 82})
	entries   = apierr.PackWords([]uint32{0, 400, 1, 0, 2, 0, 1, 409, 3, 0, 3, 0})
	retryable = apierr.PackWords([]uint32{1})
)

var table = apierr.Table[Code]{Codes: codeText, CodeEnd: codeEnd, Sorted: sorted, Text: text, TextEnd: textEnd, Entries: entries, RetryableCodes: retryable}

var envelope = apierr.Envelope{
	Pointers: [][]string{{"error_code"}, {"error_msg"}, {"request_id"}},
	Shapes:   []apierr.Shape{{Code: 0, Message: 1, RequestID: 2}},
}

type Error struct {
	Code    Code
	Status  int
	Message string
	// ReqID cannot be named RequestID: Go forbids a field and a method of
	// the same name, and apierr.Error has the method RequestID.
	ReqID  string
	header http.Header
}

func (e *Error) Error() string {
	return apierr.Text("identitycenter", string(e.Code), e.Status, e.Message, e.ReqID)
}
func (e *Error) Is(target error) bool { c, ok := target.(Code); return ok && c == e.Code }
func (e *Error) ErrorCode() string    { return string(e.Code) }
func (e *Error) ErrorMessage() string { return e.Message }
func (e *Error) HTTPStatusCode() int  { return e.Status }
func (e *Error) RequestID() string    { return e.ReqID }
func (e *Error) Fault() apierr.Fault  { return apierr.FaultOf(e.Status) }
func (e *Error) Retryable() bool {
	return table.Retryable(string(e.Code)) || apierr.RetryableStatus(e.Status)
}
func (e *Error) Header() http.Header { return e.header }
func (e *Error) RetryAfter() (time.Duration, bool) {
	return apierr.RetryAfter(e.header, time.Now())
}
func (e *Error) LogValue() slog.Value { return apierr.LogValue(e) }

var _ apierr.Error = (*Error)(nil)

func Parse(status int, body []byte) (*Error, bool) {
	code, prefix, message, requestID, ok := envelope.Parse(body)
	if !ok {
		return nil, false
	}
	return &Error{Code: table.Code(prefix, code), Status: status, Message: message, ReqID: requestID}, true
}

func Example() {
	e, _ := Parse(409, []byte(`{"error_code":"IdentityCenter.1006","error_msg":"Concurrency conflicts. Try again later.","request_id":"0f7e"}`))
	var err error = fmt.Errorf("updating: %w", e)

	fmt.Println(err)
	fmt.Println(errors.Is(err, Conflict), apierr.CodeOf(err))
	if ae, ok := apierr.As(err); ok {
		fmt.Println(ae.Fault(), ae.Retryable())
	}
	info, args, _ := table.Match("Bad Request: name.")
	fmt.Println(info.Code, args, info.Statuses, info.Description)

	log := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}))
	log.Error("request failed", "err", e)
	// Output:
	// updating: identitycenter: IdentityCenter.1006 (HTTP 409): Concurrency conflicts. Try again later. [request_id 0f7e]
	// true IdentityCenter.1006
	// client true
	// IdentityCenter.400 [name] [400] Invalid request parameter.
	// level=ERROR msg="request failed" err.code=IdentityCenter.1006 err.message="Concurrency conflicts. Try again later." err.status=409 err.request_id=0f7e err.fault=client err.retryable=true
}
