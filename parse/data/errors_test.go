package data

import (
	"errors"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// TestErrors pins every error message: each must be a Diagnostic naming
// the file, the place and what was expected.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		src   string
		opts  Options
		where string
		msg   string // a substring of the message
	}{
		{"empty", " \n", Options{}, "", "empty file; want a JSON or YAML document"},
		{"bad JSON", "{\"a\": [1, 2,]}", Options{}, "line 1, column 13", "not JSON: ']' where a value should be"},
		{"bad JSON line", "[\n{\"code\": \"A\"}\n{\"code\": \"B\"}]", Options{}, "line 3, column 1", "after element 0 of an array; want ',' or ']'"},
		{"trailing JSON", "{} {}", Options{File: "x.json"}, "line 1, column 4", "after the document's value; want the end of the file"},
		{"bad number", "[01]", Options{File: "x.json"}, "line 1, column 3", "after element 0"},
		{"bad escape", `["\x"]`, Options{}, "line 1, column 3", `unknown escape \x`},
		{"unterminated", `["abc`, Options{}, "line 1, column 6", "the file ends inside a string"},
		{"control char", "[\"a\tb\"]", Options{}, "line 1, column 4", "control character"},
		{"deep JSON", strings.Repeat("[", 200) + strings.Repeat("]", 200), Options{File: "d.json"}, "line 1, column 129", "nest more than 128 deep"},
		{"bad YAML", "errors:\n  - code: A\n - code: B\n", Options{}, "line 2", "not YAML: did not find expected key"},
		{"YAML scalar", "just text\n", Options{}, "", "no array or map of objects"},
		{"items not a pointer", "[]", Options{Items: "errors"}, "", `items "errors" is not a JSON pointer`},
		{"items missing", `{"errs": []}`, Options{Items: "/errors"}, "", `items /errors: the whole document has no member or element "errors" (it holds an object with members "errs")`},
		{"items deep missing", `{"a": {"b": 1}}`, Options{Items: "/a/c/d"}, "", `items /a/c/d: /a has no member or element "c"`},
		{"items scalar", `{"errors": "none"}`, Options{Items: "/errors"}, "/errors", "items /errors is a string, not an array or object of errors"},
		{"items star on scalar", `{"errors": 1}`, Options{Items: "/errors/*"}, "", "/errors has no elements or members"},
		{"unknown role", "[]", Options{Fields: map[string]string{"severity": "/sev"}}, "", `unknown field role "severity"; want one of code, status`},
		{"bad field pointer", "[]", Options{Fields: map[string]string{"code": "code"}}, "", `field code="code" is not a JSON pointer into an item`},
		{"star field pointer", "[]", Options{Fields: map[string]string{"code": "/a/*/b"}}, "", "(no *)"},
		{"no code field", `{"errors": [{"text": "a b c."}, {"text": "d e f."}]}`, Options{Items: "/errors"}, "/errors", "no field of the items looks like an error code (fields seen: /text)"},
		{"nothing", `{"users": [{"id": 1, "name": "a"}]}`, Options{}, "", "seen:\n  /users: array of 1 objects, fields /id, /name (hint: name them with --items POINTER --field code=POINTER"},
		{"given field absent", `{"errors": [{"code": "A", "message": "x y z."}]}`, Options{Fields: map[string]string{"code": "/errno"}}, "", "no array or map of objects has fields like"},
		{"aliases", "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f]\n", Options{}, "", "YAML aliases expand to more nodes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.opts.File == "" {
				tc.opts.File = "reg.txt"
			}
			_, _, err := Parse([]byte(tc.src), tc.opts)
			var d *catalog.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("error %v (%T), want a Diagnostic", err, err)
			}
			if d.File != tc.opts.File || d.Where != tc.where || !strings.Contains(d.Message, tc.msg) {
				t.Errorf("got file %q where %q message %q\nwant file %q where %q message containing %q", d.File, d.Where, d.Message, tc.opts.File, tc.where, tc.msg)
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	big := make([]byte, MaxYAMLSize+1)
	for i := range big {
		big[i] = ' '
	}
	big[0] = 'a'
	_, _, err := Parse(big, Options{File: "big.yaml"})
	if err == nil || !strings.Contains(err.Error(), "bytes of YAML, larger than") {
		t.Errorf("err = %v", err)
	}
}

// TestRules checks one rule per case on small inputs.
func TestRules(t *testing.T) {
	type want struct {
		code, message string
		status        int
		pointer       string
	}
	for _, tc := range []struct {
		name     string
		src      string
		opts     Options
		want     []want
		warnings []string // substrings, in order
	}{
		{
			name:     "list of codes",
			src:      `{"codes": ["A1", "B2", "", 7]}`,
			opts:     Options{Items: "/codes"},
			want:     []want{{"A1", "", 0, "/codes/0"}, {"B2", "", 0, "/codes/1"}, {"7", "", 0, "/codes/3"}},
			warnings: []string{`/codes/2: no code ("")`},
		},
		{
			name:     "the whole document with #",
			src:      `[{"code": "A", "message": "Bad one."}]`,
			opts:     Options{Items: "#"},
			want:     []want{{"A", "Bad one.", 0, "/0"}},
			warnings: []string{"no field of the items is an HTTP status"},
		},
		{
			name:     "map in document order, escaped names",
			src:      `{"z/1": {"message": "Zed."}, "a~b": {"message": "Ay."}, "m": {"message": "Em."}}`,
			opts:     Options{Items: "#"},
			want:     []want{{"z/1", "Zed.", 0, "/z~11"}, {"a~b", "Ay.", 0, "/a~0b"}, {"m", "Em.", 0, "/m"}},
			warnings: []string{"no field of the items is an HTTP status"},
		},
		{
			name:     "map with a code field given",
			src:      `{"errors": {"first": {"id": "E1", "message": "One."}, "second": {"id": "E2", "message": "Two."}}}`,
			opts:     Options{Items: "/errors", Fields: map[string]string{"code": "/id"}},
			want:     []want{{"E1", "One.", 0, "/errors/first"}, {"E2", "Two.", 0, "/errors/second"}},
			warnings: []string{"no field of the items is an HTTP status"},
		},
		{
			name: "statuses as strings and reason phrases",
			src:  `[{"code": "A", "status": "409 Conflict"}, {"code": "B", "status": "Not Found"}, {"code": "C", "status": "HTTP 503"}, {"code": "D", "status": 400.0}]`,
			opts: Options{Items: "#"},
			want: []want{{"A", "", 409, "/0"}, {"B", "", 404, "/1"}, {"C", "", 503, "/2"}, {"D", "", 400, "/3"}},
		},
		{
			name:     "status object is a warning",
			src:      `[{"code": "A", "status": {"n": 400}, "message": "x."}]`,
			opts:     Options{Items: "#", Fields: map[string]string{"status": "/status"}},
			want:     []want{{"A", "x.", 0, "/0"}},
			warnings: []string{"/0/status: the status is an object with members \"n\", not a number"},
		},
		{
			name:     "message object is written as JSON",
			src:      `[{"code": "A", "message": {"en": "x"}}]`,
			opts:     Options{Items: "#", Fields: map[string]string{"message": "/message"}},
			want:     []want{{"A", `{"en":"x"}`, 0, "/0"}},
			warnings: []string{"/0/message: the message is an object; written as JSON"},
		},
		{
			name:     "a non-object among objects",
			src:      `[{"code": "A", "message": "x y z."}, [1], {"code": "B", "message": "q r s."}]`,
			opts:     Options{Items: "#"},
			want:     []want{{"A", "x y z.", 0, "/0"}, {"B", "q r s.", 0, "/2"}},
			warnings: []string{"/1: an array of 1, not an error object; left out"},
		},
		{
			name:     "code that is a status is not the code",
			src:      `{"errors": [{"code": 404, "error": "not_found", "message": "No such thing."}, {"code": 400, "error": "bad_input", "message": "Bad input."}]}`,
			want:     []want{{"not_found", "No such thing.", 404, "/errors/0"}, {"bad_input", "Bad input.", 400, "/errors/1"}},
			warnings: []string{"chose as items /errors", "chose /code as the status"},
		},
		{
			name:     "JSON-looking YAML falls back to YAML",
			src:      "{errors: [{code: A, message: Bad thing.}]}",
			opts:     Options{File: "x.yaml", Items: "/errors"},
			want:     []want{{"A", "Bad thing.", 0, "/errors/0"}},
			warnings: []string{"no field of the items is an HTTP status"},
		},
		{
			name:     "BOM and repeated names keep the last",
			src:      "\xef\xbb\xbf[{\"code\": \"A\", \"code\": \"B\", \"message\": \"x y z.\"}]",
			opts:     Options{Items: "#"},
			want:     []want{{"B", "x y z.", 0, "/0"}},
			warnings: []string{"no field of the items is an HTTP status"},
		},
		{
			name:     "escapes and surrogates",
			src:      `[{"code": "A\u00e9\ud83d\ude00\ud800", "message": "tab\there\n"}]`,
			opts:     Options{Items: "#"},
			want:     []want{{"Aé😀\ufffd", "tab\there", 0, "/0"}},
			warnings: []string{"no field of the items is an HTTP status"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.opts.File == "" {
				tc.opts.File = "r.json"
			}
			entries, report, err := Parse([]byte(tc.src), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var got []want
			for _, e := range entries {
				got = append(got, want{e.Code, e.Message, e.Status, e.Origin.Pointer})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("entries %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("entry %d = %+v, want %+v", i, got[i], tc.want[i])
				}
			}
			var ws []string
			for _, w := range report.Warnings {
				ws = append(ws, w.Error())
			}
			j := 0
			for _, w := range ws {
				if j < len(tc.warnings) && strings.Contains(w, tc.warnings[j]) {
					j++
				}
			}
			if j != len(tc.warnings) {
				t.Errorf("warnings:\n%s\nwant, in order, ones containing %q", strings.Join(ws, "\n"), tc.warnings)
			}
			if len(tc.warnings) == 0 && tc.opts.Items != "" && len(ws) > 0 {
				t.Errorf("unexpected warnings:\n%s", strings.Join(ws, "\n"))
			}
		})
	}
}

func TestExtra(t *testing.T) {
	src := `[{"errno": "E", "http": {"status": 507, "unit": "GB"}, "meta": {"status2": null}, "n": 1.50, "ok": false, "s": "", "list": [1, "a\"b", null, {"k": "<v>"}]}]`
	entries, _, err := Parse([]byte(src), Options{Items: "#", Fields: map[string]string{"code": "/errno", "status": "/http/status"}})
	if err != nil {
		t.Fatal(err)
	}
	got := entries[0].Extra
	want := map[string]string{"http": `{"unit":"GB"}`, "meta": `{"status2":null}`, "n": "1.50", "ok": "false", "list": `[1,"a\"b",null,{"k":"<v>"}]`}
	if len(got) != len(want) {
		t.Errorf("extra %q, want %q", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("extra[%q] = %q, want %q", k, got[k], v)
		}
	}
	if entries[0].Status != 507 {
		t.Errorf("status %d", entries[0].Status)
	}
	// All of http taken: nothing left to keep.
	entries, _, err = Parse([]byte(`[{"errno": "E", "http": {"status": 507}}]`), Options{Items: "#", Fields: map[string]string{"code": "/errno", "status": "/http/status"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := entries[0].Extra["http"]; ok {
		t.Errorf("extra %q keeps an emptied object", entries[0].Extra)
	}
}

func TestMaxItems(t *testing.T) {
	var b strings.Builder
	b.WriteString("[")
	for i := 0; i <= MaxItems; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("1")
	}
	b.WriteString("]")
	_, _, err := Parse([]byte(b.String()), Options{Items: "#"})
	if err == nil || !strings.Contains(err.Error(), "more than 1048576 items") {
		t.Errorf("err = %v", err)
	}
}
