package apierr

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

type closeRecorder struct {
	io.Reader
	closed bool
}

func (c *closeRecorder) Close() error { c.closed = true; return nil }

func TestReadBody(t *testing.T) {
	for _, size := range []int{0, 10, MaxBody, MaxBody + 1, 3 * MaxBody} {
		body := bytes.Repeat([]byte("0123456789abcdef"), size/16+1)[:size]
		orig := &closeRecorder{Reader: bytes.NewReader(body)}
		resp := &http.Response{Body: orig}
		got, err := ReadBody(resp)
		if err != nil {
			t.Fatalf("size %d: %v", size, err)
		}
		if want := body[:min(size, MaxBody)]; !bytes.Equal(got, want) {
			t.Errorf("size %d: read %d bytes, want %d", size, len(got), len(want))
		}
		again, err := io.ReadAll(resp.Body)
		if err != nil || !bytes.Equal(again, body) {
			t.Errorf("size %d: body reads back %d bytes (%v), want all %d", size, len(again), err, size)
		}
		resp.Body.Close()
		if !orig.closed {
			t.Errorf("size %d: closing the restored body did not close the original", size)
		}
	}

	resp := &http.Response{Body: http.NoBody}
	if b, err := ReadBody(resp); b != nil || err != nil || resp.Body != http.NoBody {
		t.Errorf("NoBody: %q, %v", b, err)
	}
	resp = &http.Response{}
	if b, err := ReadBody(resp); b != nil || err != nil || resp.Body != nil {
		t.Errorf("nil body: %q, %v", b, err)
	}

	readErr := errors.New("connection reset")
	resp = &http.Response{Body: io.NopCloser(io.MultiReader(strings.NewReader(`{"error`), iotest.ErrReader(readErr)))}
	b, err := ReadBody(resp)
	if string(b) != `{"error` || !errors.Is(err, readErr) {
		t.Errorf("read error: %q, %v", b, err)
	}
}

func TestErrorText(t *testing.T) {
	tests := []struct {
		code    string
		status  int
		msg, id string
		want    string
	}{
		{"IdentityCenter.1000", 403, "No permission for action x.", "123", "pkg: IdentityCenter.1000 (HTTP 403): No permission for action x. [request_id 123]"},
		{"IdentityCenter.1000", 0, "", "", "pkg: IdentityCenter.1000"},
		{"", 502, "", "", "pkg: HTTP 502"},
		{"", 0, "", "", "pkg: error"},
		{"A", 400, "line1\nline2\r\x00\x1b[31m\u2028\u0085end\x7f", "id\n", "pkg: A (HTTP 400): line1 line2   [31m  end  [request_id id ]"},
		{"A\xff", 400, "", "", "pkg: A\ufffd (HTTP 400)"},
	}
	for _, tt := range tests {
		got := Text("pkg", tt.code, tt.status, tt.msg, tt.id)
		if got != tt.want {
			t.Errorf("Text(%q, %d, %q, %q) = %q, want %q", tt.code, tt.status, tt.msg, tt.id, got, tt.want)
		}
		if !utf8.ValidString(got) || strings.ContainsAny(got, "\n\r\u2028\u2029") {
			t.Errorf("%q is not one clean line", got)
		}
	}
}

func TestErrorsText(t *testing.T) {
	for _, tt := range []struct {
		n         int
		msg, want string
	}{
		{1, "m", "pkg: A (HTTP 404): m [request_id r]"},
		{3, "m", "pkg: A (HTTP 404): m (+2 more) [request_id r]"},
		{2, "", "pkg: A (HTTP 404): (+1 more) [request_id r]"},
	} {
		if got := ListText("pkg", "A", 404, tt.msg, "r", tt.n); got != tt.want {
			t.Errorf("ListText(n=%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "",
		"plain é ✓":          "plain é ✓",
		"a\nb\r\tc":          "a b  c",
		"\x1b[31mred\x7f":    " [31mred ",
		"\u0085\u2028\u2029": "   ",
		"bad \xff\xfe utf8":  "bad \ufffd\ufffd utf8",
		"\ufffd stays":       "\ufffd stays",
	} {
		if got := OneLine(in); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", in, got, want)
		}
	}
	s := "clean"
	if got := OneLine(s); got != s {
		t.Error("a clean string changed")
	}
	if a := testing.AllocsPerRun(100, func() { OneLine(s) }); a != 0 {
		t.Errorf("OneLine of a clean string allocates %v times", a)
	}
}
