package fields

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The cells below are written the way rendered vendor pages hold error
// bodies: a status line, then JSON that is almost JSON.
func TestBodies(t *testing.T) {
	type want struct {
		code, message string
		status        int
		from          string
		line          int
		repairs       []string
	}
	for _, tc := range []struct {
		name string
		text string
		want []want
	}{
		{
			name: "OAuth body under an emphasised status",
			text: "*HTTP 400*\n{\"error\":\"invalid_request\",\"error_description\":\"missing username parameter\"}",
			want: []want{{"invalid_request", "missing username parameter", 400, "line 1", 2, nil}},
		},
		{
			name: "unescaped quotes inside a string",
			text: "HTTP 400\n{\"error\":\"invalid_request\",\"error_description\":\"missing \"username\" parameter\"}",
			want: []want{{"invalid_request", `missing "username" parameter`, 400, "line 1", 2, []string{"line 2: an unescaped quote inside a string"}}},
		},
		{
			name: "Markdown escapes and a trailing comma",
			text: "HTTP/1.1 401 Unauthorized\n{\n  \"error\": \"invalid\\_client\",\n  \"error\\_description\": \"Client authentication failed.\",\n}",
			want: []want{{"invalid_client", "Client authentication failed.", 401, "line 1", 2, []string{
				`line 3: an escape \_ (read as _)`, `line 4: an escape \_ (read as _)`, "line 5: a trailing comma"}}},
		},
		{
			name: "two bodies, each under its status",
			text: "400 Bad Request\n{\"error\": \"invalid_grant\", \"error_description\": \"The code has expired.\"}\n401 Unauthorized\n{\"error\": \"invalid_client\", \"error_description\": \"Unknown client.\"}",
			want: []want{
				{"invalid_grant", "The code has expired.", 400, "line 1", 2, nil},
				{"invalid_client", "Unknown client.", 401, "line 3", 4, nil},
			},
		},
		{
			name: "a later body without its own status line keeps the nearest one",
			text: "Status: 403\n{\"code\": \"A\", \"message\": \"One.\"}\n{\"code\": \"B\", \"message\": \"Two.\"}",
			want: []want{{"A", "One.", 403, "line 1", 2, nil}, {"B", "Two.", 403, "line 1", 3, nil}},
		},
		{
			name: "status on the same line as the body",
			text: "HTTP 409 {\"code\": \"Conflict.Name\", \"message\": \"Name taken.\"}",
			want: []want{{"Conflict.Name", "Name taken.", 409, "line 1", 1, nil}},
		},
		{
			name: "the body's own status wins over the line",
			text: "HTTP 400\n{\"status\": 404, \"code\": \"NotFound\", \"message\": \"No such user.\"}",
			want: []want{{"NotFound", "No such user.", 404, "/status", 2, nil}},
		},
		{
			name: "a status inside an earlier body names no later status",
			text: "{\"status\": 500, \"code\": \"X\", \"message\": \"Boom.\"}\n{\"code\": \"Y\", \"message\": \"Plain.\"}",
			want: []want{{"X", "Boom.", 500, "/status", 1, nil}, {"Y", "Plain.", 0, "", 2, nil}},
		},
		{
			name: "nested error object (Google)",
			text: "{\n  \"error\": {\n    \"code\": 400,\n    \"message\": \"Request contains an invalid argument.\",\n    \"status\": \"INVALID_ARGUMENT\"\n  }\n}",
			want: []want{{"INVALID_ARGUMENT", "Request contains an invalid argument.", 400, "/error/code", 1, nil}},
		},
		{
			name: "errors array gives one body per element",
			text: "422 Unprocessable Entity\n{\"errors\": [{\"code\": \"too_short\", \"message\": \"Name is too short.\"}, {\"code\": \"blank\", \"message\": \"Email can't be blank.\"}]}",
			want: []want{
				{"too_short", "Name is too short.", 422, "line 1", 2, nil},
				{"blank", "Email can't be blank.", 422, "line 1", 2, nil},
			},
		},
		{
			name: "unquoted keys, single quotes and an ellipsis",
			text: "{code: 'E42', message: 'Quota exceeded.', details: ...}",
			want: []want{{"E42", "Quota exceeded.", 0, "", 1, []string{
				"line 1: an unquoted key", "line 1: a single-quoted string", "line 1: an unquoted value"}}},
		},
		{
			name: "a wrapped line inside a string",
			text: "{\"code\": \"E1\", \"message\": \"The request body is\n   not valid JSON.\"}",
			want: []want{{"E1", "The request body is not valid JSON.", 0, "", 1, nil}},
		},
		{
			name: "a message alone",
			text: "404 Not Found\n{\"message\": \"Not Found\", \"documentation_url\": \"https://docs.example.com\"}",
			want: []want{{"", "Not Found", 404, "line 1", 2, nil}},
		},
		{
			name: "placeholders and prose are no bodies",
			text: "The role {roleId} of {0} is invalid; see {} and {\"a\" b}.",
		},
		{
			name: "a request body is no error body",
			text: "{\"grant_type\": \"client_credentials\", \"scope\": \"read\"}",
		},
		{
			name: "an unbalanced body is skipped, an inner one still read",
			text: "{\"error\": {\"code\": \"Inner\", \"message\": \"Kept.\"}",
			want: []want{{"Inner", "Kept.", 0, "", 1, nil}},
		},
		{
			name: "prose with a number names no status",
			text: "We allow 400 requests a day.\n{\"code\": \"RateLimited\", \"message\": \"Slow down.\"}",
			want: []want{{"RateLimited", "Slow down.", 0, "", 2, nil}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Bodies(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d bodies, want %d: %+v", len(got), len(tc.want), got)
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Code != w.code || g.Message != w.message || g.Status != w.status || g.StatusFrom != w.from || g.Line != w.line {
					t.Errorf("body %d = {%q %q %d %q line %d}, want {%q %q %d %q line %d}", i, g.Code, g.Message, g.Status, g.StatusFrom, g.Line, w.code, w.message, w.status, w.from, w.line)
				}
				if strings.Join(g.Repairs, "|") != strings.Join(w.repairs, "|") {
					t.Errorf("body %d repairs %q, want %q", i, g.Repairs, w.repairs)
				}
				if g.Example == "" || !strings.HasPrefix(g.Example, "{") {
					t.Errorf("body %d example %q", i, g.Example)
				}
			}
		})
	}
}

func TestBodiesExample(t *testing.T) {
	got, err := Bodies(`{"z": 1.50, "error": "a_b", "error_description": "say \"hi\"."}`)
	if err != nil || len(got) != 1 {
		t.Fatalf("%v %v", got, err)
	}
	// Keys sorted, numbers as written, no HTML escaping.
	if want := `{"error":"a_b","error_description":"say \"hi\".","z":1.50}`; got[0].Example != want {
		t.Errorf("example %s, want %s", got[0].Example, want)
	}
	if got[0].CodeAt != "/error" || got[0].MessageAt != "/error_description" {
		t.Errorf("pointers %q %q", got[0].CodeAt, got[0].MessageAt)
	}
}

func TestStatusLine(t *testing.T) {
	for in, want := range map[string]int{
		"*HTTP 400*":                 400,
		"**HTTP/1.1 404 Not Found**": 404,
		"HTTP 503":                   503,
		"Status: 429":                429,
		"Response code 401":          401,
		"400 Bad Request":            400,
		"404 - Not Found":            404,
		"`500`":                      500,
		"### 403 Forbidden":          403,
		"400 requests a day":         0,
		"400 Invalid thing":          0,
		"Version 1.400":              0,
		"":                           0,
		"700 Bad Request":            0,
		strings.Repeat("x", 300):     0,
	} {
		if got := StatusLine(in); got != want {
			t.Errorf("StatusLine(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestBodiesBounds: deep nesting, huge objects and braces that never
// close end in bounded time.
func TestBodiesBounds(t *testing.T) {
	for name, text := range map[string]string{
		"deep":         strings.Repeat(`{"a":`, 100000) + `"x"` + strings.Repeat("}", 100000),
		"unclosed":     strings.Repeat(`{"code": "A", "message": "`, 20000),
		"open strings": strings.Repeat(` {"`, 200000),
		"wide":         "{" + strings.Repeat(`"k": 1, `, 10000) + `"code": "A"}`,
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			got, err := Bodies(text)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
			if err != nil && !errors.Is(err, ErrTangled) {
				t.Errorf("error %v, want ErrTangled or none", err)
			}
			if len(got) > 1 {
				t.Errorf("%d bodies", len(got))
			}
		})
	}
}

func TestBodiesTangled(t *testing.T) {
	// Each '{' reads to the end of the text before failing: quadratic
	// without the budget.
	text := `{"code": "A", "message": "ok."}` + "\n" + strings.Repeat(` {"a`, 300000)
	got, err := Bodies(text)
	if !errors.Is(err, ErrTangled) {
		t.Fatalf("err = %v, want ErrTangled", err)
	}
	if len(got) != 1 || got[0].Code != "A" {
		t.Errorf("bodies before the tangle: %+v", got)
	}
}

func FuzzBodies(f *testing.F) {
	for _, s := range []string{
		"*HTTP 400*\n{\"error\":\"invalid_request\",\"error_description\":\"missing \"username\" parameter\"}",
		"{code: 'E42', message: 'Quota exceeded.', details: ...}",
		"{\"errors\": [{\"code\": \"a\", \"message\": \"b c d\"}, {\"code\": 1}]}",
		"HTTP/1.1 401 Unauthorized\n{\n  \"error\": \"invalid\\_client\",\n}",
		"{\"a\": \"\\ud83d\\ude00\\u12\", \"code\": \"\\",
		"{\"error\": {\"code\": 400, \"message\": \"x\", \"status\": \"NOT_FOUND\"}}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, err := Bodies(text)
		if err != nil && !errors.Is(err, ErrTangled) {
			t.Fatalf("error %v", err)
		}
		lines := strings.Count(text, "\n") + 1
		for _, b := range got {
			if b.Line < 1 || b.Line > lines {
				t.Errorf("line %d of %d", b.Line, lines)
			}
			if b.Code == "" && b.Message == "" {
				t.Errorf("body without code and message: %+v", b)
			}
			if b.Status != 0 && (b.Status < 100 || b.Status > 9999) {
				t.Errorf("status %d", b.Status)
			}
			if utf8.ValidString(text) && !utf8.ValidString(b.Code+b.Message) {
				t.Errorf("invalid UTF-8 out of valid text: %q %q", b.Code, b.Message)
			}
		}
	})
}
