package fields

import (
	"sort"
	"strconv"
	"strings"
	"testing"
)

// cols builds columns from rows of an object's fields: each row maps a
// pointer to a value; a value that parses as a JSON number is a Number.
func cols(rows ...map[string]any) []Column {
	var out []Column
	index := map[string]int{}
	for _, r := range rows {
		// Deterministic order: pointers sorted within a row, in order of
		// first appearance across rows.
		keys := make([]string, 0, len(r))
		for k := range r {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			var v Value
			switch x := r[k].(type) {
			case string:
				v = Value{String, x}
			case int:
				v = Value{Number, strconv.Itoa(x)}
			case bool:
				v = Value{Bool, map[bool]string{true: "true", false: "false"}[x]}
			case nil:
				v = Value{Null, "null"}
			case []any:
				v = Value{Array, ""}
			case map[string]any:
				v = Value{Object, ""}
			}
			j, ok := index[k]
			if !ok {
				j = len(out)
				index[k] = j
				out = append(out, Column{Pointer: k})
			}
			out[j].Values = append(out[j].Values, v)
		}
	}
	return out
}

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		name string
		cols []Column
		want map[Role]string // role → pointer; roles absent must be ""
		conf map[Role]Confidence
	}{
		{
			name: "registry named plainly",
			cols: cols(
				map[string]any{"/code": "E1", "/message": "The thing failed.", "/status": 400},
				map[string]any{"/code": "E2", "/message": "Another failure.", "/status": 404},
			),
			want: map[Role]string{Code: "/code", Message: "/message", Status: "/status"},
			conf: map[Role]Confidence{Code: High, Message: High, Status: High},
		},
		{
			name: "code that is an HTTP status is the status (Ory)",
			cols: cols(
				map[string]any{"/code": 404, "/id": "not_found", "/message": "Not found", "/status": "Not Found", "/reason": "The resource could not be found."},
				map[string]any{"/code": 400, "/id": "bad_request", "/message": "Bad request", "/status": "Bad Request", "/reason": "Invalid input."},
			),
			// /status ("Not Found") reads as 404 and is named status: it
			// wins over /code, which is then no code either.
			want: map[Role]string{Status: "/status", Code: "/id", Message: "/message", Description: "/reason"},
			conf: map[Role]Confidence{Code: Low},
		},
		{
			name: "numeric code among status-less fields",
			cols: cols(
				map[string]any{"/code": 404, "/message": "Not found."},
				map[string]any{"/code": 400, "/message": "Bad request."},
				map[string]any{"/code": 404, "/message": "Gone away."},
			),
			want: map[Role]string{Status: "/code", Message: "/message"},
			conf: map[Role]Confidence{Status: Medium},
		},
		{
			name: "Google: numeric code, status tokens",
			cols: cols(
				map[string]any{"/error/code": 400, "/error/message": "Invalid argument.", "/error/status": "INVALID_ARGUMENT"},
				map[string]any{"/error/code": 404, "/error/message": "Not found.", "/error/status": "NOT_FOUND"},
				map[string]any{"/error/code": 403, "/error/message": "Denied.", "/error/status": "PERMISSION_DENIED"},
			),
			want: map[Role]string{Status: "/error/code", Code: "/error/status", Message: "/error/message"},
			conf: map[Role]Confidence{Code: Low},
		},
		{
			name: "OAuth: error is a token, error_description the message",
			cols: cols(map[string]any{"/error": "invalid_request", "/error_description": "missing username parameter"}),
			want: map[Role]string{Code: "/error", Message: "/error_description"},
			conf: map[Role]Confidence{Code: Medium, Message: High},
		},
		{
			name: "error holding prose is the message",
			cols: cols(
				map[string]any{"/error": "The request was malformed.", "/error_code": "MALFORMED"},
				map[string]any{"/error": "You may not do that here.", "/error_code": "DENIED"},
			),
			want: map[Role]string{Code: "/error_code", Message: "/error"},
		},
		{
			name: "spellings of code, message, status, solution",
			cols: cols(map[string]any{"/ErrorCode": "A.1", "/errorMessage": "Failed to do it.", "/HttpCode": "400", "/Resolution": "Retry later."}),
			want: map[Role]string{Code: "/ErrorCode", Message: "/errorMessage", Status: "/HttpCode", Solution: "/Resolution"},
		},
		{
			name: "status strings with reason phrases",
			cols: cols(
				map[string]any{"/err_code": "x", "/msg": "Bad.", "/http_status": "400 Bad Request"},
				map[string]any{"/err_code": "y", "/msg": "Gone.", "/http_status": "HTTP 404"},
			),
			want: map[Role]string{Code: "/err_code", Message: "/msg", Status: "/http_status"},
		},
		{
			name: "status-named words are no status",
			cols: cols(
				map[string]any{"/code": "A", "/status": "deprecated", "/message": "One."},
				map[string]any{"/code": "B", "/status": "active", "/message": "Two."},
			),
			want: map[Role]string{Code: "/code", Message: "/message"},
		},
		{
			name: "record numbers are no statuses",
			cols: cols(
				map[string]any{"/id": 401, "/name": "AUTH_FAILED", "/description": "Authentication failed."},
				map[string]any{"/id": 402, "/name": "NO_QUOTA", "/description": "Quota exhausted."},
				map[string]any{"/id": 403, "/name": "DENIED", "/description": "Denied here."},
				map[string]any{"/id": 404, "/name": "MISSING", "/description": "Nothing there."},
				map[string]any{"/id": 405, "/name": "BAD_METHOD", "/description": "Wrong method."},
			),
			want: map[Role]string{Code: "/name", Message: "/description"},
			conf: map[Role]Confidence{Code: Low},
		},
		{
			name: "description alone is the message, title kept",
			cols: cols(map[string]any{"/code": "X", "/title": "Bad thing", "/description": "A bad thing happened."}),
			want: map[Role]string{Code: "/code", Message: "/description", Title: "/title"},
		},
		{
			name: "message beside description",
			cols: cols(map[string]any{"/code": "X", "/message": "Bad {0}.", "/description": "A bad thing happened.", "/action": "Fix it."}),
			want: map[Role]string{Code: "/code", Message: "/message", Description: "/description", Solution: "/action"},
		},
		{
			name: "objects and booleans have no role",
			cols: cols(map[string]any{"/code": map[string]any{}, "/message": []any{}, "/error": true}),
			want: map[Role]string{},
		},
		{
			name: "nested fields lose to top-level ones",
			cols: cols(map[string]any{"/code": "A", "/details/code": "B", "/message": "Top level.", "/details/message": "Nested one."}),
			want: map[Role]string{Code: "/code", Message: "/message"},
		},
		{
			name: "content alone does not make a message",
			cols: cols(map[string]any{"/code": "A", "/blurb": "This is a long sentence of text."}),
			want: map[Role]string{Code: "/code"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := Detect(tc.cols, Options{})
			for _, role := range Roles {
				if got := res.Pointer(role); got != tc.want[role] {
					t.Errorf("%s = %q, want %q (%s)", role, got, tc.want[role], res.Get(role))
				}
			}
			for role, c := range tc.conf {
				if got := res.Get(role).Confidence; got != c {
					t.Errorf("%s confidence %s, want %s (%s)", role, got, c, res.Get(role))
				}
			}
		})
	}
}

func TestDetectFixed(t *testing.T) {
	c := cols(map[string]any{"/code": "A", "/errno": "E1", "/message": "One thing."})
	res := Detect(c, Options{Fixed: map[Role]string{Code: "/errno"}})
	if got := res.Get(Code); got.Pointer != "/errno" || !got.Fixed {
		t.Errorf("code = %+v, want the fixed /errno", got)
	}
	if got := res.Pointer(Message); got != "/message" {
		t.Errorf("message = %q", got)
	}
	// /code is still free: nothing else claims it, and it is no message.
	if got := res.Get(Code).String(); got != "/errno is the code (as given)" {
		t.Errorf("String = %q", got)
	}
	if u := res.Unsure(); len(u) != 0 {
		t.Errorf("unsure = %v, want none", u)
	}
}

func TestChoiceString(t *testing.T) {
	c := cols(
		map[string]any{"/code": "A", "/id": "x1", "/message": "One thing failed."},
		map[string]any{"/code": "B", "/id": "x2", "/message": "Two things failed."},
	)
	res := Detect(c, Options{})
	for role, want := range map[Role]string{
		Code:    "chose /code as the code: named like a code, values are single tokens",
		Message: "chose /message as the message: named like a message field, values read like sentences",
		Status:  "no field for the status",
	} {
		if got := res.Get(role).String(); got != want {
			t.Errorf("%s: %q, want %q", role, got, want)
		}
	}
	if got := res.Summary(); got != "code /code, message /message" {
		t.Errorf("Summary = %q", got)
	}
	// Two code-ish fields of which the weaker scores at least half.
	c = cols(
		map[string]any{"/error": "bad_thing", "/type": "client", "/message": "Bad."},
		map[string]any{"/error": "other_thing", "/type": "server", "/message": "Other."},
	)
	res = Detect(c, Options{})
	want := "chose /error as the code: named like a code, values are single tokens; alternatives: /type"
	if got := res.Get(Code).String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if u := res.Unsure(); len(u) != 1 || u[0].Role != Code {
		t.Errorf("Unsure = %v, want the code", u)
	}
}

func TestRoles(t *testing.T) {
	for _, r := range Roles {
		got, ok := ParseRole(strings.ToUpper(r.String()))
		if !ok || got != r {
			t.Errorf("ParseRole(%q) = %v, %v", r, got, ok)
		}
	}
	if _, ok := ParseRole("severity"); ok {
		t.Error("ParseRole accepted severity")
	}
	if got := Role(42).String(); got != "role(42)" {
		t.Errorf("Role(42) = %q", got)
	}
}

func TestStatusOf(t *testing.T) {
	for _, tc := range []struct {
		in    string
		want  int
		exact bool
	}{
		{"400", 400, true},
		{" 404 ", 404, true},
		{"400 Bad Request", 400, false},
		{"404 - Not Found", 404, false},
		{"HTTP 429", 429, false},
		{"HTTP/1.1 503 Service Unavailable", 503, false},
		{"Not Found", 404, false},
		{"Too Many Requests", 429, false},
		{"NOT_FOUND", 0, false}, // a gRPC code, not a reason phrase
		{"4000", 4000, true},
		{"400.5", 0, false},
		{"4001x", 0, false},
		{"400x", 0, false},
		{"123456", 0, false},
		{"active", 0, false},
		{"HTTP", 0, false},
		{"", 0, false},
	} {
		got, exact := StatusOf(tc.in)
		if got != tc.want || exact != tc.exact {
			t.Errorf("StatusOf(%q) = %d, %v; want %d, %v", tc.in, got, exact, tc.want, tc.exact)
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, in := range []string{"errorCode", "error_code", "ErrorCode", "Error-Code", "error code"} {
		if got := Normalize(in); got != "errorcode" {
			t.Errorf("Normalize(%q) = %q", in, got)
		}
	}
	if got := name("/errors/0/code"); got != "code" {
		t.Errorf("name = %q", got)
	}
	if got := name("/a~1b/3"); got != "ab" {
		t.Errorf("name = %q", got)
	}
}
