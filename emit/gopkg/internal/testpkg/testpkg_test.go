// The other files of this package are generated from
// ../../testdata/huawei/catalog.json and kept equal to Emit's output by
// the golden test of package gopkg (go test ./emit/gopkg -update rewrites
// them). This file is hand-written: it exercises the generated API the way
// a user would.
package testpkg_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unsafe"

	"github.com/errgen/errgen/emit/gopkg/internal/testpkg"
)

const typicalBody = `{"error_code":"IdentityCenter.1000","error_msg":"No permission for action sso:instances:list.","request_id":"0f7e6b5c9a2d4e1f8b3c7d6e5f4a3b2c"}`

func response(status int, body string, header ...string) *http.Response {
	h := http.Header{}
	for i := 0; i+1 < len(header); i += 2 {
		h.Set(header[i], header[i+1])
	}
	return &http.Response{StatusCode: status, Header: h, Body: io.NopCloser(strings.NewReader(body))}
}

func TestErrorsIsAndAs(t *testing.T) {
	err := testpkg.FromResponse(response(403, typicalBody))
	wrapped := fmt.Errorf("listing instances: %w", err)
	if !errors.Is(wrapped, testpkg.Code1000) {
		t.Errorf("errors.Is(%v, Code1000) = false", wrapped)
	}
	for _, other := range []error{testpkg.Code400, testpkg.Code("IdentityCenter.1000 "), errors.New("IdentityCenter.1000")} {
		if errors.Is(wrapped, other) {
			t.Errorf("errors.Is(%v, %#v) = true", wrapped, other)
		}
	}
	var e *testpkg.Error
	if !errors.As(wrapped, &e) {
		t.Fatalf("errors.As(%v, *Error) = false", wrapped)
	}
	if e.Code != testpkg.Code1000 || e.Status != 403 || e.Message != "No permission for action sso:instances:list." ||
		e.ReqID != "0f7e6b5c9a2d4e1f8b3c7d6e5f4a3b2c" || string(e.Raw) != typicalBody {
		t.Errorf("error = %+v", e)
	}
	if e.ErrorCode() != "IdentityCenter.1000" || e.HTTPStatusCode() != 403 {
		t.Errorf("ErrorCode, HTTPStatusCode = %q, %d", e.ErrorCode(), e.HTTPStatusCode())
	}
	if info, ok := e.Info(); !ok || info.Code != testpkg.Code1000 || info.Description != "Insufficient permissions." {
		t.Errorf("Info() = %+v, %v", info, ok)
	}
	// Interfaces callers commonly test errors for.
	var coded interface {
		ErrorCode() string
		HTTPStatusCode() int
	}
	if !errors.As(wrapped, &coded) {
		t.Error("*Error does not satisfy the ErrorCode/HTTPStatusCode interface")
	}
	// A Code is an error of its own.
	var err2 error = testpkg.Code404
	if err2.Error() != "IdentityCenter.404" || !errors.Is(fmt.Errorf("x: %w", err2), testpkg.Code404) {
		t.Errorf("Code as error: %q", err2)
	}
	var nilErr *testpkg.Error
	if nilErr.Is(testpkg.Code1000) || nilErr.Error() != "testpkg: <nil>" || nilErr.ErrorCode() != "" || nilErr.HTTPStatusCode() != 0 {
		t.Error("nil *Error methods misbehave")
	}
	if _, ok := nilErr.Info(); ok {
		t.Error("nil *Error has Info")
	}
}

func TestErrorText(t *testing.T) {
	tests := []struct {
		e    testpkg.Error
		want string
	}{
		{testpkg.Error{Code: testpkg.Code1000, Status: 403, Message: "No permission for action x.", ReqID: "123"},
			"testpkg: IdentityCenter.1000 (HTTP 403): No permission for action x. [request_id 123]"},
		{testpkg.Error{Status: 502}, "testpkg: HTTP 502"},
		{testpkg.Error{Code: "X", Status: 400, Message: "two\nlines\r\n\x1b[2Jand a clear screen"}, "testpkg: X (HTTP 400): two lines   [2Jand a clear screen"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestLookup(t *testing.T) {
	info, ok := testpkg.Lookup("IdentityCenter.400")
	if !ok || info.Code != testpkg.Code400 || !slices.Equal(info.Statuses, []int{400, 404}) ||
		!slices.Equal(info.Messages, []string{"Bad Request: {0}."}) || len(info.Entries) != 2 ||
		info.Entries[1] != (testpkg.Entry{Code: testpkg.Code400, Status: 404, Message: "Bad Request: {0}.", Description: "Invalid request parameter.", Solution: "Check whether the request parameter is correct."}) {
		t.Errorf("Lookup(IdentityCenter.400) = %+v, %v", info, ok)
	}
	// Two messages; Description and Solution of the first entry.
	info, _ = testpkg.Lookup("IdentityCenter.1210")
	if !slices.Equal(info.Messages, []string{"Account not found.", "The permission set has been attached to accounts and cannot be deleted."}) ||
		info.Solution != "Check whether the account exists and is managed in Organizations." {
		t.Errorf("IdentityCenter.1210: %+v", info)
	}
	// A status 0 entry is kept in Entries but adds no status.
	info, _ = testpkg.Lookup("IdentityCenter.9002")
	if !slices.Equal(info.Statuses, []int{404}) || len(info.Entries) != 2 || info.Entries[0].Status != 0 || info.Description != "" {
		t.Errorf("IdentityCenter.9002: %+v", info)
	}
	info, _ = testpkg.Lookup("IdentityCenter.9001")
	if info.Statuses != nil || info.Messages[0] != "Request parameters error, private_key or certificate is nil or empty.\nRequest parameters error, {0} is empty." {
		t.Errorf("IdentityCenter.9001: %+v", info)
	}
	for _, code := range []string{"", "IdentityCenter.", "IdentityCenter.4000", "identitycenter.400", "IdentityCenter.400\x00", "zzz"} {
		if info, ok := testpkg.Lookup(code); ok || info.Code != "" {
			t.Errorf("Lookup(%q) = %+v, %v", code, info, ok)
		}
	}
	if allocs := testing.AllocsPerRun(1000, func() {
		testpkg.Lookup("IdentityCenter.1219")
		testpkg.Lookup("nope")
	}); allocs != 0 {
		t.Errorf("Lookup allocates %v times", allocs)
	}
	// Every code finds itself.
	for info := range testpkg.All() {
		if got, ok := testpkg.Lookup(string(info.Code)); !ok || got.Code != info.Code || !info.Code.Known() {
			t.Errorf("Lookup(%q) = %v, %v", info.Code, got.Code, ok)
		}
	}
}

func TestCodeInfo(t *testing.T) {
	if info := testpkg.Code1006.Info(); info.Description != "Concurrency conflicts. Try again later." {
		t.Errorf("Code1006.Info() = %+v", info)
	}
	unknown := testpkg.Code("IdentityCenter.7777")
	if info := unknown.Info(); info.Code != unknown || info.Statuses != nil || info.Entries != nil || unknown.Known() {
		t.Errorf("unknown code: %+v, known %v", info, unknown.Known())
	}
}

func TestAllOrder(t *testing.T) {
	var got []testpkg.Code
	for info := range testpkg.All() {
		got = append(got, info.Code)
	}
	want := []testpkg.Code{
		testpkg.Code400, testpkg.Code404, testpkg.Code1000, testpkg.Code1001, testpkg.Code1002, testpkg.Code1006,
		testpkg.Code1209, testpkg.Code1210, testpkg.Code1218, testpkg.Code1219, testpkg.Code1236, testpkg.Code1246,
		testpkg.Code9001, testpkg.Code9002,
	}
	if !slices.Equal(got, want) {
		t.Errorf("All() = %q, want %q", got, want)
	}
	n := 0
	for range testpkg.All() {
		n++
		break
	}
	if n != 1 {
		t.Error("All() does not stop when asked")
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		code testpkg.Code
		args []string
		want string
	}{
		{testpkg.Code1000, []string{"sso:instances:list"}, "No permission for action sso:instances:list."},
		{testpkg.Code1000, nil, "No permission for action {0}."},
		{testpkg.Code9002, []string{"r1", "u1", "cn-north-4"}, "Role r1 of user u1 not found in cn-north-4."},
		{testpkg.Code9002, []string{"r1"}, "Role r1 of user {} not found in %(region)s."},
		{testpkg.Code1006, []string{"ignored"}, "Concurrency conflicts. Try again later."},
		{testpkg.Code("unknown"), []string{"x"}, ""},
	}
	for _, tt := range tests {
		if got := tt.code.Info().Format(tt.args...); got != tt.want {
			t.Errorf("%s.Info().Format(%q) = %q, want %q", tt.code, tt.args, got, tt.want)
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		message string
		code    testpkg.Code
		args    []string
	}{
		{"No permission for action sso:instances:list.", testpkg.Code1000, []string{"sso:instances:list"}},
		// An exact template beats "Invalid {0}".
		{"Invalid X-Request-Proof request header.", testpkg.Code1218, nil},
		{"Invalid X-Request-Proof header.", testpkg.Code1236, []string{"X-Request-Proof header."}},
		// "Bad Request: {0}." is documented for 400 and 1002: the first wins;
		// it is more specific than 1209's "Bad Request:{0}.".
		{"Bad Request: name.", testpkg.Code400, []string{"name"}},
		{"Bad Request:name.", testpkg.Code1209, []string{"name"}},
		// Each line of a two-paragraph template is a template.
		{"Request parameters error, private_key or certificate is nil or empty.", testpkg.Code9001, nil},
		{"Request parameters error, lb type is empty.", testpkg.Code9001, []string{"lb type"}},
		{"Role r1 of user u1 not found in cn-north-4.", testpkg.Code9002, []string{"r1", "u1", "cn-north-4"}},
		{"Role r1 not found.", testpkg.Code9002, []string{"r1"}},
	}
	for _, tt := range tests {
		info, args, ok := testpkg.Match(tt.message)
		if !ok || info.Code != tt.code || !slices.Equal(args, tt.args) {
			t.Errorf("Match(%q) = %s, %q, %v; want %s, %q", tt.message, info.Code, args, ok, tt.code, tt.args)
		}
		if args, ok := tt.code.Info().Match(tt.message); !ok || !slices.Equal(args, tt.args) {
			t.Errorf("%s.Info().Match(%q) = %q, %v", tt.code, tt.message, args, ok)
		}
	}
	for _, m := range []string{"", "Something else.", "Request parameters error, private_key or certificate is nil or empty.\nRequest parameters error, private_key or certificate is nil or empty."} {
		if info, args, ok := testpkg.Match(m); ok {
			t.Errorf("Match(%q) = %s, %q", m, info.Code, args)
		}
	}
	if _, ok := testpkg.Code1000.Info().Match("Account not found."); ok {
		t.Error("Code1000 matched another code's template")
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name           string
		body           string
		code           testpkg.Code
		message, reqID string
	}{
		{"error_code shape", typicalBody, testpkg.Code1000, "No permission for action sso:instances:list.", "0f7e6b5c9a2d4e1f8b3c7d6e5f4a3b2c"},
		{"error object shape", `{"error":{"code":"IdentityCenter.404","message":"Not Found: instance.","request_id":"r-2"}}`, testpkg.Code404, "Not Found: instance.", "r-2"},
		{"numeric code", `{"error_code":1000,"error_msg":"x"}`, "1000", "x", ""},
		{"unknown code", `{"error_code":"IdentityCenter.7777"}`, "IdentityCenter.7777", "", ""},
		{"escapes", `{"error_code":"IdentityCenter.\u0031\u003000","error_msg":"Line\nnext \"q\" \u00e9 \ud83d\ude00 \ud800"}`,
			testpkg.Code1000, "Line\nnext \"q\" é 😀 \ufffd", ""},
		{"extra fields and spacing", "{ \"extra\": [1, {\"error_code\": \"no\"}],\n\t\"error_code\" : \"IdentityCenter.1006\" }", testpkg.Code1006, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := []byte(tt.body)
			e, ok := testpkg.Parse(418, body)
			if !ok {
				t.Fatal("not ok")
			}
			if e.Code != tt.code || e.Message != tt.message || e.ReqID != tt.reqID || e.Status != 418 {
				t.Errorf("Parse = %+v", e)
			}
			if &e.Raw[0] != &body[0] || len(e.Raw) != len(body) {
				t.Error("Raw is not the body")
			}
			// A known code is the constant's own string, not a copy.
			if k, known := testpkg.Lookup(string(e.Code)); known && unsafe.StringData(string(e.Code)) != unsafe.StringData(string(k.Code)) {
				t.Error("known code was copied")
			}
		})
	}
	for _, body := range []string{"", "null", `{"code":"IdentityCenter.1000"}`, `{"error_code":"IdentityCenter.1000"`,
		`{"error_code":"IdentityCenter.1000"} trailing`, "<html><body>502 Bad Gateway</body></html>", `{"error_code":null}`, `{"error":"IdentityCenter.1000"}`} {
		if e, ok := testpkg.Parse(400, []byte(body)); ok || e != nil {
			t.Errorf("Parse(%q) = %+v, %v", body, e, ok)
		}
	}
	body := []byte(typicalBody)
	if allocs := testing.AllocsPerRun(1000, func() { testpkg.Parse(403, body) }); allocs > 3 {
		t.Errorf("Parse allocates %v times, want at most 3", allocs)
	}
}

type closeRecorder struct {
	io.Reader
	closed bool
}

func (c *closeRecorder) Close() error { c.closed = true; return nil }

func TestFromResponse(t *testing.T) {
	if err := testpkg.FromResponse(nil); err != nil {
		t.Errorf("nil response: %v", err)
	}
	for _, status := range []int{200, 204, 301, 399} {
		resp := response(status, typicalBody)
		if err := testpkg.FromResponse(resp); err != nil {
			t.Errorf("status %d: %v", status, err)
		}
		if b, _ := io.ReadAll(resp.Body); string(b) != typicalBody {
			t.Errorf("status %d: body consumed", status)
		}
	}

	t.Run("body restored", func(t *testing.T) {
		orig := &closeRecorder{Reader: strings.NewReader(typicalBody)}
		resp := &http.Response{StatusCode: 403, Body: orig}
		var e *testpkg.Error
		if !errors.As(testpkg.FromResponse(resp), &e) || e.Code != testpkg.Code1000 {
			t.Fatalf("error %+v", e)
		}
		if b, err := io.ReadAll(resp.Body); err != nil || string(b) != typicalBody {
			t.Errorf("body reads %q, %v", b, err)
		}
		resp.Body.Close()
		if !orig.closed {
			t.Error("Close did not close the original body")
		}
	})

	t.Run("large body", func(t *testing.T) {
		big := bytes.Repeat([]byte("x"), 3<<20+5)
		resp := &http.Response{StatusCode: 500, Body: io.NopCloser(bytes.NewReader(big))}
		var e *testpkg.Error
		if !errors.As(testpkg.FromResponse(resp), &e) || len(e.Raw) != 1<<20 || e.Code != "" {
			t.Fatalf("error %+v with %d raw bytes", e, len(e.Raw))
		}
		if b, _ := io.ReadAll(resp.Body); !bytes.Equal(b, big) {
			t.Errorf("body reads back %d bytes, want %d", len(b), len(big))
		}
	})

	t.Run("unknown code", func(t *testing.T) {
		var e *testpkg.Error
		err := testpkg.FromResponse(response(400, `{"error_code":"IdentityCenter.7777","error_msg":"new"}`))
		if !errors.As(err, &e) || e.Code != "IdentityCenter.7777" || e.Code.Known() || e.Message != "new" {
			t.Errorf("error %+v", err)
		}
	})

	t.Run("HTML error page", func(t *testing.T) {
		page := "<html>\n<body>502 Bad Gateway</body>\n</html>"
		var e *testpkg.Error
		err := testpkg.FromResponse(response(502, page, "X-Request-Id", "hdr-1"))
		if !errors.As(err, &e) || e.Code != "" || e.Status != 502 || string(e.Raw) != page || e.ReqID != "hdr-1" {
			t.Fatalf("error %+v", err)
		}
		if err.Error() != "testpkg: HTTP 502 [request_id hdr-1]" {
			t.Errorf("Error() = %q", err)
		}
	})

	t.Run("request ID header", func(t *testing.T) {
		var e *testpkg.Error
		errors.As(testpkg.FromResponse(response(404, `{"error":{"code":"IdentityCenter.404"}}`, "X-Request-Id", "hdr-2")), &e)
		if e == nil || e.ReqID != "hdr-2" {
			t.Errorf("header ignored: %+v", e)
		}
		errors.As(testpkg.FromResponse(response(403, typicalBody, "X-Request-Id", "hdr-3")), &e)
		if e.ReqID != "0f7e6b5c9a2d4e1f8b3c7d6e5f4a3b2c" {
			t.Errorf("header won over body: %+v", e)
		}
	})

	t.Run("no body", func(t *testing.T) {
		var e *testpkg.Error
		err := testpkg.FromResponse(&http.Response{StatusCode: 503, Body: http.NoBody})
		if !errors.As(err, &e) || e.Status != 503 || e.Raw != nil {
			t.Errorf("error %+v", err)
		}
	})

	t.Run("read error", func(t *testing.T) {
		readErr := errors.New("connection reset by peer")
		resp := &http.Response{StatusCode: 500, Header: http.Header{"X-Request-Id": {"hdr-4"}},
			Body: io.NopCloser(io.MultiReader(strings.NewReader(`{"error_code":`), iotest.ErrReader(readErr)))}
		err := testpkg.FromResponse(resp)
		var e *testpkg.Error
		if !errors.As(err, &e) || !errors.Is(err, readErr) {
			t.Fatalf("error %v: errors.As *Error %v, errors.Is read error %v", err, errors.As(err, &e), errors.Is(err, readErr))
		}
		if e.Status != 500 || e.ReqID != "hdr-4" || string(e.Raw) != `{"error_code":` {
			t.Errorf("error %+v", e)
		}
		if want := "testpkg: HTTP 500 [request_id hdr-4]: reading body: connection reset by peer"; err.Error() != want {
			t.Errorf("Error() = %q, want %q", err, want)
		}
	})
}

// The whole path through a real HTTP client and server.
func TestFromResponseHTTP(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "srv-1")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusConflict)
		json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": "IdentityCenter.1006", "message": "Concurrency conflicts. Try again later."}})
	}))
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	err = testpkg.FromResponse(resp)
	if !errors.Is(err, testpkg.Code1006) {
		t.Fatalf("FromResponse = %v", err)
	}
	if want := "testpkg: IdentityCenter.1006 (HTTP 409): Concurrency conflicts. Try again later. [request_id srv-1]"; err.Error() != want {
		t.Errorf("Error() = %q, want %q", err, want)
	}
	var e *testpkg.Error
	errors.As(err, &e)
	if info, args, ok := testpkg.Match(e.Message); !ok || info.Code != e.Code || len(args) != 0 {
		t.Errorf("Match(%q) = %s, %q, %v", e.Message, info.Code, args, ok)
	}
}

func BenchmarkLookup(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		testpkg.Lookup("IdentityCenter.1219")
	}
}

func BenchmarkLookupMiss(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		testpkg.Lookup("IdentityCenter.7777")
	}
}

func BenchmarkParse(b *testing.B) {
	body := []byte(typicalBody)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := testpkg.Parse(403, body); !ok {
			b.Fatal("not ok")
		}
	}
}

// BenchmarkParseBaselineUnmarshal is what BenchmarkParse is measured
// against: the obvious hand-written decoding of the same body.
func BenchmarkParseBaselineUnmarshal(b *testing.B) {
	body := []byte(typicalBody)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var v struct {
			Code string `json:"error_code"`
			Msg  string `json:"error_msg"`
			Req  string `json:"request_id"`
		}
		if err := json.Unmarshal(body, &v); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		testpkg.Match("No permission for action sso:instances:list.")
	}
}

// TestEntry: Error.Entry and MatchEntry find the documented row a real
// error is an instance of, by its message and then its status.
func TestEntry(t *testing.T) {
	e, ok := testpkg.Parse(404, []byte(`{"error_code":"IdentityCenter.1210","error_msg":"The permission set has been attached to accounts and cannot be deleted."}`))
	if !ok {
		t.Fatal("Parse failed")
	}
	entry, ok := e.Entry()
	if !ok || entry.Code != testpkg.Code1210 || entry.Message != "The permission set has been attached to accounts and cannot be deleted." {
		t.Errorf("Entry() = %+v, %v", entry, ok)
	}
	// Two rows with one message: the status picks.
	info := testpkg.Code1219.Info()
	for _, status := range []int{400, 403} {
		entry, _, ok := info.MatchEntry(status, "Failed to obtain the identity token.")
		if !ok || entry.Status != status {
			t.Errorf("MatchEntry(%d) = %+v, %v", status, entry, ok)
		}
	}
	// A placeholder's value comes back.
	entry, args, ok := testpkg.MatchEntry("No permission for action sso:instances:list.")
	if !ok || entry.Code != testpkg.Code1000 || !slices.Equal(args, []string{"sso:instances:list"}) {
		t.Errorf("MatchEntry = %+v, %q, %v", entry, args, ok)
	}
	if _, _, ok := testpkg.MatchEntry("nothing documented says this"); ok {
		t.Error("MatchEntry of an undocumented message")
	}
	e.Message = "something else"
	if _, ok := e.Entry(); ok {
		t.Error("Entry of an undocumented message")
	}
	var nilErr *testpkg.Error
	if _, ok := nilErr.Entry(); ok {
		t.Error("Entry of a nil *Error")
	}
}
