package apierr

import (
	"bytes"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxBody bounds how much of a response body [ReadBody] reads: error
// bodies are small, and a misbehaving server must not make a client
// buffer an arbitrary download.
const MaxBody = 1 << 20

// ReadBody reads at most [MaxBody] bytes of resp.Body and puts back a
// body that yields those bytes followed by the unread rest, so that the
// caller can still read the whole body; closing it closes the original.
// A nil body or [http.NoBody] reads as nil and is left as it is.
func ReadBody(resp *http.Response) ([]byte, error) {
	if resp.Body == nil || resp.Body == http.NoBody {
		return nil, nil
	}
	orig := resp.Body
	b, err := io.ReadAll(io.LimitReader(orig, MaxBody))
	resp.Body = readBack{Reader: io.MultiReader(bytes.NewReader(b), orig), Closer: orig}
	return b, err
}

type readBack struct {
	io.Reader
	io.Closer
}

// Text is the text of a generated error, one line whatever the server or
// the vendor put in the parts:
//
//	pkg: code (HTTP status): message [request_id id]
//
// without the parts that are empty (or 0); "pkg: HTTP status" without a
// code, "pkg: error" without code and status.
func Text(pkg, code string, status int, message, requestID string) string {
	var b strings.Builder
	b.WriteString(pkg)
	b.WriteString(": ")
	switch {
	case code != "":
		b.WriteString(code)
		if status != 0 {
			b.WriteString(" (HTTP ")
			b.WriteString(strconv.Itoa(status))
			b.WriteString(")")
		}
	case status != 0:
		b.WriteString("HTTP ")
		b.WriteString(strconv.Itoa(status))
	default:
		b.WriteString("error")
	}
	if message != "" {
		b.WriteString(": ")
		b.WriteString(message)
	}
	if requestID != "" {
		b.WriteString(" [request_id ")
		b.WriteString(requestID)
		b.WriteString("]")
	}
	return OneLine(b.String())
}

// ListText is the text of a generated error that lists n errors: the
// [Text] of its first, with how many more there are.
func ListText(pkg, code string, status int, message, requestID string, n int) string {
	if n > 1 {
		message = strings.TrimSpace(message + " (+" + strconv.Itoa(n-1) + " more)")
	}
	return Text(pkg, code, status, message, requestID)
}

// OneLine replaces control characters (C0, DEL, C1) and the line and
// paragraph separators U+2028 and U+2029 by spaces and invalid UTF-8 by
// U+FFFD, so that text from a server cannot break a log line or move a
// terminal's cursor. A clean string is returned as it is.
func OneLine(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 || 0x7f <= r && r < 0xa0 || r == '\u2028' || r == '\u2029' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < 0x20 || 0x7f <= r && r < 0xa0 || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		default:
			// An invalid byte decodes as RuneError, written as U+FFFD.
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}
