package support

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/errgen/errgen/catalog"
)

// refLookup resolves pointer toks in doc with encoding/json: the behaviour
// errgenLookup must reproduce.
func refLookup(doc []byte, toks []string) (v any, found, valid bool) {
	if !json.Valid(doc) {
		return nil, false, false
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, false, false
	}
	for _, t := range toks {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[t]; !ok {
				return nil, false, true
			}
		case []any:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(x) || strconv.Itoa(i) != t {
				return nil, false, true
			}
			v = x[i]
		default:
			return nil, false, true
		}
	}
	return v, true, true
}

// checkAgainstRef fails t unless errgenLookup agrees with encoding/json
// on doc's validity and on every pointer.
func checkAgainstRef(t *testing.T, doc []byte, ptrs []string) {
	t.Helper()
	var toks [][]string
	for _, p := range ptrs {
		if tk, ok := catalog.SplitPointer(p); ok {
			toks = append(toks, tk)
		}
	}
	out := make([]errgenSpan, len(toks))
	ok := errgenLookup(doc, toks, out)
	if valid := json.Valid(doc); ok != valid {
		t.Fatalf("errgenLookup(%q) ok = %v, json.Valid = %v", doc, ok, valid)
	}
	if !ok {
		for i, o := range out {
			if o.kind != 0 {
				t.Fatalf("invalid %q: pointer %d resolved anyway", doc, i)
			}
		}
		return
	}
	for i, tk := range toks {
		want, found, _ := refLookup(doc, tk)
		got := out[i]
		if (got.kind != 0) != found {
			t.Fatalf("%q pointer %q: found = %v, encoding/json found = %v", doc, tk, got.kind != 0, found)
		}
		if !found {
			continue
		}
		switch got.kind {
		case '"':
			if s, _ := want.(string); errgenText(doc, got) != s || reflect.TypeOf(want).Kind() != reflect.String {
				t.Fatalf("%q pointer %q: %q, encoding/json %#v", doc, tk, errgenText(doc, got), want)
			}
		case '0':
			if n, _ := want.(json.Number); errgenText(doc, got) != string(n) {
				t.Fatalf("%q pointer %q: number %q, encoding/json %#v", doc, tk, errgenText(doc, got), want)
			}
		default:
			if errgenText(doc, got) != "" {
				t.Fatalf("errgenText of a %c value = %q, want empty", got.kind, errgenText(doc, got))
			}
			var v any
			dec := json.NewDecoder(bytes.NewReader(doc[got.start:got.end]))
			dec.UseNumber()
			if err := dec.Decode(&v); err != nil || !reflect.DeepEqual(v, want) {
				t.Fatalf("%q pointer %q: raw %q (%v), encoding/json %#v", doc, tk, doc[got.start:got.end], err, want)
			}
		}
	}
}

var fuzzPointers = []string{"", "/error_code", "/error/code", "/error/message", "/0", "/a/1", "/~1~0", "/\u00e9"}

func FuzzLookup(f *testing.F) {
	for _, doc := range []string{
		`{"error_code":"IdentityCenter.1000","error_msg":"No permission for action sso:instances:list.","request_id":"0f7e"}`,
		`{"error":{"code":"ELB.1061","message":"x\ny"}}`,
		`{"error":{"code":"A"},"error":{"code":"B"}}`,
		`{"error":{"code":"A"},"error":"B"}`,
		`{"status":400,"detail":"bad"}`,
		`{"status":"4\u00300"}`,
		`["\ud83d\ude00","\ud800","\ud800\u0041","\udc00\ud800"]`,
		"{\"a\":[1,2.5e-3,-0,true,false,null,{}]}",
		"\"\xff\xfe\"",
		`{"\u00e9":1,"é":2}`,
		`{"~/":{"":3}}`,
		` [ 0 , 1 ] `,
		`{"a":1,}`, `[1,]`, `01`, `1.`, `-`, `"\x"`, "\"\x01\"", `{"a" 1}`, `nul`, `[1 2]`, `{}{}`, "\ufeff{}",
	} {
		f.Add([]byte(doc), "/error_code", "/a/0")
	}
	f.Fuzz(func(t *testing.T, doc []byte, p1, p2 string) {
		checkAgainstRef(t, doc, append([]string{p1, p2}, fuzzPointers...))
	})
}

func TestLookupAgainstEncodingJSON(t *testing.T) {
	docs := []string{
		`{"error_code":"IdentityCenter.1000","error_msg":"No permission","request_id":"0f7e"}`,
		`{"error":{"code":"ELB.1061","message":"a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00"}}`,
		`{"error":{"code":"A"},"error":{"message":"B"}}`,
		`{"error":{"code":"A"},"error":null}`,
		`{"error":"B","error":{"code":"A"}}`,
		`{"err\u006fr_code":"escaped key"}`,
		"{\"\xff\":1,\"\ufffd\":2}",
		`{"status":400}`, `{"status":-1.5E+10}`, `{"status":0}`, `{"status":1e5}`,
		`{"a":[[0,1],[2,{"b":"x"}]]}`,
		`[10,11,12,13,14,15,16,17,18,19,20,21]`,
		`{"":{"":""}}`,
		`{"~/":{"a/b":1,"m~n":2}}`,
		`"\ud800"`, `"\ud800\udc00"`, `"\udc00"`, `"\ud800\u0041"`, `"\ud800\\"`, "\"a\xffb\xc3\"", "\"\xed\xa0\x80\"",
		`true`, `false`, `null`, `0`, `-0`, `123`, `""`, ` {} `, "\t[\r\n]\n",
		// invalid
		``, ` `, `{`, `}`, `[`, `{"a"}`, `{"a":}`, `{"a":1,}`, `[1,]`, `[,1]`, `{,}`, `{"a":1 "b":2}`,
		`01`, `-01`, `1.`, `.5`, `1e`, `1e+`, `+1`, `-`, `--1`, `0x1`, `NaN`, `Infinity`,
		`"abc`, `"\x"`, `"\u12"`, `"\u12g4"`, "\"a\x00\"", "\"\x1f\"", `'a'`,
		`tru`, `nul`, `falsey`, `truefalse`, `[true false]`, `{}{}`, `{} x`, "\ufeff{}", "{\"a\":1}\x00",
		`{1:2}`, `{"a":1}}`, `[[]`,
	}
	for _, doc := range docs {
		checkAgainstRef(t, []byte(doc), append(fuzzPointers, "/error_code", "/error/message", "/status",
			"/a/1/1/b", "/a/01", "/11", "/-", "/~0~1", "/~0~1/a~1b", "/~0~1/m~0n", "//", "/err\u006fr_code", "/\ufffd"))
	}
}

func TestLookupDepthLimit(t *testing.T) {
	for _, n := range []int{errgenMaxDepth - 1, errgenMaxDepth, errgenMaxDepth + 1} {
		doc := strings.Repeat("[", n) + strings.Repeat("]", n)
		if got, want := errgenLookup([]byte(doc), nil, nil), json.Valid([]byte(doc)); got != want {
			t.Errorf("depth %d: ok = %v, json.Valid = %v", n, got, want)
		}
		doc = strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n)
		checkAgainstRef(t, []byte(doc), []string{"/a/a/a"})
	}
}

// More than 64 pointers take several passes; every pointer must still
// resolve.
func TestLookupManyPointers(t *testing.T) {
	var doc strings.Builder
	var ptrs [][]string
	doc.WriteString("{")
	for i := range 150 {
		if i > 0 {
			doc.WriteString(",")
		}
		fmt.Fprintf(&doc, `"k%d":%d`, i, i)
		ptrs = append(ptrs, []string{fmt.Sprintf("k%d", i)})
	}
	doc.WriteString("}")
	out := make([]errgenSpan, len(ptrs))
	if !errgenLookup([]byte(doc.String()), ptrs, out) {
		t.Fatal("valid document rejected")
	}
	for i := range ptrs {
		if got := errgenText([]byte(doc.String()), out[i]); got != strconv.Itoa(i) {
			t.Errorf("pointer %d = %q", i, got)
		}
	}
}

var huaweiPointers = [][]string{{"error_code"}, {"error_msg"}, {"request_id"}, {"error", "code"}, {"error", "message"}, {"error", "request_id"}}
var huaweiShapes = []errgenShape{{code: 0, message: 1, requestID: 2}, {code: 3, message: 4, requestID: 5}}

func TestParse(t *testing.T) {
	tests := []struct {
		body                 string
		code, message, reqID string
		ok                   bool
	}{
		{`{"error_code":"IdentityCenter.1000","error_msg":"No permission","request_id":"r1"}`, "IdentityCenter.1000", "No permission", "r1", true},
		{`{"error":{"code":"ELB.1061","message":"m","request_id":"r2"}}`, "ELB.1061", "m", "r2", true},
		// The first shape whose code resolves wins, even after a later one.
		{`{"error":{"code":"B"},"error_code":"A"}`, "A", "", "", true},
		{`{"error_code":null,"error":{"code":"B"}}`, "B", "", "", true},
		{`{"error_code":{"x":1},"error":{"code":7}}`, "7", "", "", true},
		{`{"error_code":"\u0041\n","error_msg":12}`, "A\n", "12", "", true},
		{`{"error_code":""}`, "", "", "", true},
		{`{"code":"A"}`, "", "", "", false},
		{`<html>502 Bad Gateway</html>`, "", "", "", false},
		{`{"error_code":"A"`, "", "", "", false},
		{``, "", "", "", false},
	}
	for _, tt := range tests {
		found := make([]errgenSpan, len(huaweiPointers))
		code, prefix, msg, req, ok := errgenParse([]byte(tt.body), huaweiPointers, huaweiShapes, found)
		if string(code) != tt.code || prefix != "" || msg != tt.message || req != tt.reqID || ok != tt.ok {
			t.Errorf("errgenParse(%s) = %q, %q, %q, %v; want %q, %q, %q, %v", tt.body, code, msg, req, ok, tt.code, tt.message, tt.reqID, tt.ok)
		}
	}
}

// A code that needs no decoding must alias the body, so that generated
// Parse can find a known code without allocating.
func TestParseCodeAliasesBody(t *testing.T) {
	body := []byte(`{"error_code":"IdentityCenter.1000"}`)
	found := make([]errgenSpan, len(huaweiPointers))
	code, _, _, _, _ := errgenParse(body, huaweiPointers, huaweiShapes, found)
	if len(code) == 0 || &code[0] != &body[15] {
		t.Errorf("code %q does not alias the body", code)
	}
	allocs := testing.AllocsPerRun(100, func() {
		errgenParse(body, huaweiPointers, huaweiShapes, found)
	})
	if allocs != 0 {
		t.Errorf("errgenParse of a body without message allocates %v times", allocs)
	}
}

func TestSearch(t *testing.T) {
	sorted := []string{"A", "ELB.1000", "ELB.1001", "IdentityCenter.1000", "IdentityCenter.400", "b"}
	for i, k := range sorted {
		if j, ok := errgenSearch(sorted, k); !ok || j != i {
			t.Errorf("errgenSearch(%q) = %d, %v", k, j, ok)
		}
		if j, ok := errgenSearchBytes(sorted, "", []byte(k)); !ok || j != i {
			t.Errorf("errgenSearchBytes(%q) = %d, %v", k, j, ok)
		}
	}
	for _, k := range []string{"", "0", "ELB.100", "ELB.10000", "c", "IdentityCenter.1000 "} {
		if _, ok := errgenSearch(sorted, k); ok {
			t.Errorf("errgenSearch(%q) found", k)
		}
		if _, ok := errgenSearchBytes(sorted, "", []byte(k)); ok {
			t.Errorf("errgenSearchBytes(%q) found", k)
		}
	}
	if _, ok := errgenSearch(nil, ""); ok {
		t.Error("found in empty table")
	}
	key := []byte("IdentityCenter.400")
	if a := testing.AllocsPerRun(100, func() { errgenSearchBytes(sorted, "", key) }); a != 0 {
		t.Errorf("errgenSearchBytes allocates %v times", a)
	}
}

// TestSearchPrefix: a prefix and a key find what their concatenation
// finds, however the table's codes and the prefix overlap.
func TestSearchPrefix(t *testing.T) {
	sorted := []string{"A", "AA", "AADSTS", "AADSTS50126", "AADSTS7", "AADSTS70011", "AADSTT1", "AB", "B"}
	for _, prefix := range []string{"", "A", "AA", "AADST", "AADSTS", "AADSTS7", "AB", "B", "Z", "AADSTS70011"} {
		for _, code := range append(slices.Clone(sorted), "", "0", "70011", "50126", "DSTS70011", "ADSTS", "S70011", "T1") {
			want, wantOK := errgenSearch(sorted, prefix+code)
			got, ok := errgenSearchBytes(sorted, prefix, []byte(code))
			if got != want || ok != wantOK {
				t.Errorf("errgenSearchBytes(%q, %q) = %d, %v; errgenSearch(%q) = %d, %v", prefix, code, got, ok, prefix+code, want, wantOK)
			}
		}
	}
	key := []byte("70011")
	if a := testing.AllocsPerRun(100, func() { errgenSearchBytes(sorted, "AADSTS", key) }); a != 0 {
		t.Errorf("errgenSearchBytes with a prefix allocates %v times", a)
	}
	if a := testing.AllocsPerRun(100, func() { errgenCode(sorted, "AADSTS", key) }); a != 0 {
		t.Errorf("errgenCode of a documented code allocates %v times", a)
	}
	if got := errgenCode(sorted, "AADSTS", key); got != "AADSTS70011" || unsafe.StringData(got) != unsafe.StringData(sorted[5]) {
		t.Errorf("errgenCode = %q, not the table's own string", got)
	}
	if got := errgenCode(sorted, "AADSTS", []byte("99999")); got != "AADSTS99999" {
		t.Errorf("errgenCode of an undocumented code = %q, want AADSTS99999", got)
	}
	if got := errgenCode(sorted, "", []byte("X")); got != "X" {
		t.Errorf("errgenCode without prefix = %q, want X", got)
	}
}

// TestParsePrefix: errgenParse returns the prefix of the shape it used.
func TestParsePrefix(t *testing.T) {
	ptrs := [][]string{{"error"}, {"error_code"}, {"error_description"}}
	shapes := []errgenShape{{code: 1, message: 2, requestID: -1, prefix: "AADSTS"}, {code: 0, message: 2, requestID: -1}}
	found := make([]errgenSpan, len(ptrs))
	code, prefix, msg, _, ok := errgenParse([]byte(`{"error":"invalid_client","error_code":70011,"error_description":"d"}`), ptrs, shapes, found)
	if string(code) != "70011" || prefix != "AADSTS" || msg != "d" || !ok {
		t.Errorf("errgenParse = %q, %q, %q, %v", code, prefix, msg, ok)
	}
	code, prefix, _, _, ok = errgenParse([]byte(`{"error":"invalid_client"}`), ptrs, shapes, found)
	if string(code) != "invalid_client" || prefix != "" || !ok {
		t.Errorf("errgenParse of the second shape = %q, %q, %v", code, prefix, ok)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		tmpl string
		args []string
		want string
	}{
		{"No permission for action {0}.", []string{"sso:list"}, "No permission for action sso:list."},
		{"No permission for action {0}.", nil, "No permission for action {0}."},
		{"{1} before {0}", []string{"a", "b"}, "b before a"},
		{"{0} and {0}", []string{"a"}, "a and a"},
		{"{2}", []string{"a"}, "{2}"},
		{"{99999999999999999999999}", []string{"a"}, "{99999999999999999999999}"},
		{"Role {roleId} of {}", []string{"r1", "u1"}, "Role r1 of u1"},
		{"Role {roleId} of {}", []string{"r1"}, "Role r1 of {}"},
		{"%(key)s is %(value)d", []string{"k", "3"}, "k is 3"},
		{"%s: %d", []string{"x", "4"}, "x: 4"},
		// Positional placeholders skip arguments that {N} already took.
		{"{0} then %s then {}", []string{"a", "b", "c"}, "a then b then c"},
		{"{} then {0}", []string{"a", "b"}, "a then a"},
		{"{1} then {}", []string{"a", "b"}, "b then a"},
		{"100%% sure, %%s", []string{"x"}, "100%% sure, %%s"},
		{"literal {not a placeholder} {\"json\":1} {", []string{"x"}, "literal {not a placeholder} {\"json\":1} {"},
		{"%(empty)x %()s %(", []string{"x"}, "%(empty)x %()s %("},
		{"{é}", []string{"x"}, "x"},
		{"", []string{"x"}, ""},
		{"{0}{1}", []string{"a", "b"}, "ab"},
		// ${name} is one placeholder: the '$' goes with it.
		{"Role ${roleId} of ${}", []string{"r1", "u1"}, "Role r1 of u1"},
		{"${1} before ${0}", []string{"a", "b"}, "b before a"},
		{"Role ${roleId}.", nil, "Role ${roleId}."},
		{"${a}{b}%s", []string{"1", "2", "3"}, "123"},
		// Any other '$' is literal text.
		{"costs $ 5, $$ or $", []string{"x"}, "costs $ 5, $$ or $"},
		{"$${x}", []string{"v"}, "$v"},
		{"${ and ${a b} and ${\"json\":1}", []string{"x"}, "${ and ${a b} and ${\"json\":1}"},
		{"${a b} {c}", []string{"x"}, "${a b} x"},
		{"a$", []string{"x"}, "a$"},
	}
	for _, tt := range tests {
		if got := errgenFormat(tt.tmpl, tt.args); got != tt.want {
			t.Errorf("errgenFormat(%q, %q) = %q, want %q", tt.tmpl, tt.args, got, tt.want)
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		tmpl, msg string
		args      []string
		ok        bool
	}{
		{"No permission for action {0}.", "No permission for action sso:list.", []string{"sso:list"}, true},
		{"No permission for action {0}.", "No permission for action a.b.", []string{"a.b"}, true},
		{"No permission for action {0}.", "No permission for action .", []string{""}, true},
		{"No permission for action {0}.", "No permission for action x", nil, false},
		{"Access denied: {0}", "Access denied: x", []string{"x"}, true},
		{"Concurrency conflicts. Try again later.", "Concurrency conflicts. Try again later.", nil, true},
		{"Concurrency conflicts. Try again later.", "Concurrency conflicts.", nil, false},
		{"{1} before {0}", "b before a", []string{"b", "a"}, true},
		{"Role {roleId} of {} in %(key)s", "Role r1 of u1 in k", []string{"r1", "u1", "k"}, true},
		{"{0}{1}", "ab", []string{"", "ab"}, true},
		{"a{0}b{1}b", "axbbyb", []string{"x", "by"}, true},
		{"{0}", "", []string{""}, true},
		// The prefix and the suffix must not overlap.
		{"ab{0}ba", "aba", nil, false},
		{"100%% sure", "100%% sure", nil, true},
		// ${name}: a real message carries the value, never the '$'.
		{"Resource ${resourceId} not found.", "Resource r-1 not found.", []string{"r-1"}, true},
		{"Resource ${resourceId} not found.", "Resource $r-1 not found.", []string{"$r-1"}, true},
		{"${a}:${b}", "x:y", []string{"x", "y"}, true},
		{"${}", "v", []string{"v"}, true},
		{"Cost $${0}", "Cost $5", []string{"5"}, true},
		{"Cost $${0}", "Cost 5", nil, false},
		// Any other '$' is literal and must be in the message.
		{"Costs $ or $$", "Costs $ or $$", nil, true},
		{"Costs $ or $$", "Costs  or ", nil, false},
		{"Open ${ here", "Open ${ here", nil, true},
		{"Open ${ here {0}", "Open ${ here x", []string{"x"}, true},
		{"Bad ${a b}", "Bad ${a b}", nil, true},
		{"Bad ${a b}", "Bad x", nil, false},
	}
	for _, tt := range tests {
		args, ok := errgenMatch(tt.tmpl, tt.msg)
		if ok != tt.ok || !reflect.DeepEqual(args, tt.args) {
			t.Errorf("errgenMatch(%q, %q) = %q, %v; want %q, %v", tt.tmpl, tt.msg, args, ok, tt.args, tt.ok)
		}
	}
}

func TestMatchBest(t *testing.T) {
	templates := []string{
		"Bad Request:{0}.",
		"Bad Request: {0}.",
		"Request parameters error, private_key or certificate is nil or empty.\nRequest parameters error, {0} is empty.",
		"{0}",
	}
	tests := []struct {
		msg  string
		args []string
	}{
		{"Bad Request: x.", []string{"x"}},
		{"Bad Request:x.", []string{"x"}},
		{"Request parameters error, name is empty.", []string{"name"}},
		{"Request parameters error, private_key or certificate is nil or empty.", nil},
		{"anything", []string{"anything"}},
	}
	for _, tt := range tests {
		args, ok := errgenMatchBest(templates, tt.msg)
		if !ok || !reflect.DeepEqual(args, tt.args) {
			t.Errorf("errgenMatchBest(%q) = %q, %v; want %q", tt.msg, args, ok, tt.args)
		}
	}
	if _, ok := errgenMatchBest([]string{"a\n\nb", ""}, ""); ok {
		t.Error("an empty line matched the empty message")
	}
	// Equally specific: the first wins.
	args, _ := errgenMatchBest([]string{"x {0} y", "x {a} y"}, "x 1 y")
	if !reflect.DeepEqual(args, []string{"1"}) {
		t.Errorf("tie: %q", args)
	}
}

func TestLiterals(t *testing.T) {
	tests := map[string]int{
		"Bad Request: {0}.":   14,
		"Bad Request:{0}.":    13,
		"{0}{name}%s%(k)d{}":  0,
		"é {0}":               2,
		"100%% sure":          10,
		"{not placeholder}":   17,
		"":                    0,
		"Concurrency {x}.":    13,
		"%(k)s of %s and %d.": 10,
		"Role ${roleId}.":     6,
		"${}${0}$":            1,
		"$$ ${ ${a b}":        12,
	}
	for tmpl, want := range tests {
		if got := errgenLiterals(tmpl); got != want {
			t.Errorf("errgenLiterals(%q) = %d, want %d", tmpl, got, want)
		}
	}
}

func FuzzMatch(f *testing.F) {
	f.Add("No permission for action {0}.", "No permission for action x.")
	f.Add("{name} of %(k)s and %d{}", "a of b and cd")
	f.Add("%%s {}", "%%s x")
	f.Add("$${a} ${} $ ${b c}", "$1 2 $ ${b c}")
	f.Fuzz(func(t *testing.T, tmpl, msg string) {
		args, ok := errgenMatch(tmpl, msg)
		if !ok {
			return
		}
		for i := 0; ; {
			start, end, index := errgenNext(tmpl, i)
			if start == len(tmpl) {
				break
			}
			if index >= 0 {
				return // indexed placeholders reorder the arguments
			}
			i = end
		}
		if got := errgenFormat(tmpl, args); got != msg {
			t.Fatalf("errgenMatch(%q, %q) = %q, but errgenFormat gives back %q", tmpl, msg, args, got)
		}
	})
}

type closeRecorder struct {
	io.Reader
	closed bool
}

func (c *closeRecorder) Close() error { c.closed = true; return nil }

func TestReadBody(t *testing.T) {
	for _, size := range []int{0, 10, errgenMaxBody, errgenMaxBody + 1, 3 * errgenMaxBody} {
		body := bytes.Repeat([]byte("0123456789abcdef"), size/16+1)[:size]
		orig := &closeRecorder{Reader: bytes.NewReader(body)}
		resp := &http.Response{Body: orig}
		got, err := errgenReadBody(resp)
		if err != nil {
			t.Fatalf("size %d: %v", size, err)
		}
		if want := body[:min(size, errgenMaxBody)]; !bytes.Equal(got, want) {
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
	if b, err := errgenReadBody(resp); b != nil || err != nil || resp.Body != http.NoBody {
		t.Errorf("NoBody: %q, %v", b, err)
	}
	resp = &http.Response{}
	if b, err := errgenReadBody(resp); b != nil || err != nil || resp.Body != nil {
		t.Errorf("nil body: %q, %v", b, err)
	}

	readErr := errors.New("connection reset")
	resp = &http.Response{Body: io.NopCloser(io.MultiReader(strings.NewReader(`{"error`), iotest.ErrReader(readErr)))}
	b, err := errgenReadBody(resp)
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
		got := errgenErrorText("pkg", tt.code, tt.status, tt.msg, tt.id)
		if got != tt.want {
			t.Errorf("errgenErrorText(%q, %d, %q, %q) = %q, want %q", tt.code, tt.status, tt.msg, tt.id, got, tt.want)
		}
		if !utf8.ValidString(got) || strings.ContainsAny(got, "\n\r\u2028\u2029") {
			t.Errorf("%q is not one clean line", got)
		}
	}
}

func BenchmarkLookupScanner(b *testing.B) {
	body := []byte(`{"error_code":"IdentityCenter.1000","error_msg":"No permission for action sso:instances:list.","request_id":"0f7e6b5c9a2d4e1f8b3c7d6e5f4a3b2c"}`)
	found := make([]errgenSpan, len(huaweiPointers))
	b.ReportAllocs()
	for b.Loop() {
		errgenLookup(body, huaweiPointers, found)
	}
}

// Pointers of a body that lists its errors, as the Nevis IDM API does,
// with a second shape for a single error and a field beside the list.
var (
	listPointers = [][]string{{"errors"}, {"requestId"}, {"error", "code"}, {"error", "message"}, {"policyViolations"}}
	elemPointers = [][]string{{"code"}, {"message"}}
	listShapes   = []errgenListShape{{list: 0, code: 0, message: 1, requestID: 1}, {list: -1, code: 2, message: 3, requestID: 1}}
)

func TestParseAll(t *testing.T) {
	type elem struct{ code, message string }
	tests := []struct {
		body  string
		want  []elem
		reqID string
		ok    bool
	}{
		{`{"errors":[{"code":"a","message":"A"},{"message":"B","code":"b"}],"requestId":"r"}`, []elem{{"a", "A"}, {"b", "B"}}, "r", true},
		// Elements pair code and message; one without code is left out,
		// one without message gets "".
		{`{"errors":[{"message":"no code"},{"code":7},{"code":"c","message":"C"}]}`, []elem{{"7", ""}, {"c", "C"}}, "", true},
		{`{"errors":[{"code":null},{"code":{"x":1}},5,"s"],"error":{"code":"s","message":"S"}}`, []elem{{"s", "S"}}, "", true},
		{` { "errors" : [ ] } `, nil, "", false},
		{`{"errors":{"code":"not a list"}}`, nil, "", false},
		// A repeated key: the last list wins, as with encoding/json.
		{`{"errors":[{"code":"old"}],"errors":[{"code":"new","message":"N"}]}`, []elem{{"new", "N"}}, "", true},
		// Nested values inside an element do not confuse the pairing.
		{"{\"errors\":[ {\"x\":[1,[2]],\"code\":\"a\"} ,\n {\"code\":\"b\",\"message\":\"B\",\"y\":[{\"code\":\"no\"}]}]}", []elem{{"a", ""}, {"b", "B"}}, "", true},
		{`{"errors":[{"code":"a\u00e9","message":"\u00e9"}]}`, []elem{{"a\u00e9", "\u00e9"}}, "", true},
		{`{"errors":[{"code":"a"}`, nil, "", false},
		{`[{"code":"a"}]`, nil, "", false},
	}
	for _, tt := range tests {
		found := make([]errgenSpan, len(listPointers))
		elemFound := make([]errgenSpan, len(elemPointers))
		elems, req, ok := errgenParseAll([]byte(tt.body), listPointers, elemPointers, listShapes, found, elemFound, nil)
		var got []elem
		for _, e := range elems {
			got = append(got, elem{string(e.code), e.message})
		}
		if !reflect.DeepEqual(got, tt.want) || req != tt.reqID || ok != tt.ok {
			t.Errorf("errgenParseAll(%s) = %q, %q, %v; want %q, %q, %v", tt.body, got, req, ok, tt.want, tt.reqID, tt.ok)
		}
	}
	// The field beside the list resolves like any pointer.
	found := make([]errgenSpan, len(listPointers))
	body := []byte(`{"errors":[{"code":"a"}],"policyViolations":[{"limitValue":3}]}`)
	errgenParseAll(body, listPointers, elemPointers, listShapes, found, make([]errgenSpan, 2), nil)
	if got := string(errgenRaw(body, found[4])); got != `[{"limitValue":3}]` {
		t.Errorf("policyViolations = %q", got)
	}
	if errgenRaw(body, found[3]) != nil {
		t.Error("an absent pointer gives raw JSON")
	}
}

// A code in a list must alias the body, and a one-error list must cost
// nothing but its message.
func TestParseAllAllocs(t *testing.T) {
	body := []byte(`{"errors":[{"code":"errors.noRecord","message":"m"}]}`)
	var found [5]errgenSpan
	var elemFound [2]errgenSpan
	var elems [2]errgenElem
	list, _, _ := errgenParseAll(body, listPointers, elemPointers, listShapes, found[:], elemFound[:], elems[:0])
	if len(list) != 1 || &list[0].code[0] != &body[20] {
		t.Errorf("code %q does not alias the body", list[0].code)
	}
	allocs := testing.AllocsPerRun(100, func() {
		errgenParseAll(body, listPointers, elemPointers, listShapes, found[:], elemFound[:], elems[:0])
	})
	if allocs > 1 { // the message string
		t.Errorf("errgenParseAll allocates %v times", allocs)
	}
}

// TestParseAllBodyMessage: Microsoft Entra lists numeric codes beside one
// description, which every listed code pairs with; the shape's prefix
// comes with each element.
func TestParseAllBodyMessage(t *testing.T) {
	ptrs := [][]string{{"error_codes"}, {"error_description"}, {"trace_id"}}
	elemPtrs := [][]string{{}}
	shapes := []errgenListShape{{list: 0, code: 0, message: 1, requestID: 2, messageInBody: true, prefix: "AADSTS"}}
	type elem struct{ code, prefix, message string }
	for _, tt := range []struct {
		body string
		want []elem
		ok   bool
	}{
		{`{"error":"invalid_client","error_description":"AADSTS70011: bad scope","error_codes":[70011],"trace_id":"t"}`, []elem{{"70011", "AADSTS", "AADSTS70011: bad scope"}}, true},
		{`{"error_codes":[70011,"50126",null,{"x":1}],"error_description":"two"}`, []elem{{"70011", "AADSTS", "two"}, {"50126", "AADSTS", "two"}}, true},
		{`{"error_codes":[1]}`, []elem{{"1", "AADSTS", ""}}, true},
		{`{"error_codes":[],"error_description":"none"}`, nil, false},
	} {
		found := make([]errgenSpan, len(ptrs))
		elems, _, ok := errgenParseAll([]byte(tt.body), ptrs, elemPtrs, shapes, found, make([]errgenSpan, 1), nil)
		var got []elem
		for _, e := range elems {
			got = append(got, elem{string(e.code), e.prefix, e.message})
		}
		if !reflect.DeepEqual(got, tt.want) || ok != tt.ok {
			t.Errorf("errgenParseAll(%s) = %q, %v; want %q, %v", tt.body, got, ok, tt.want, tt.ok)
		}
	}
	// The shared message is decoded once, however many codes share it.
	body := []byte(`{"error_codes":[70011,50126,50001],"error_description":"d"}`)
	var found [3]errgenSpan
	var elemFound [1]errgenSpan
	var elems [4]errgenElem
	if a := testing.AllocsPerRun(100, func() {
		errgenParseAll(body, ptrs, elemPtrs, shapes, found[:], elemFound[:], elems[:0])
	}); a > 1 {
		t.Errorf("errgenParseAll allocates %v times", a)
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
		if got := errgenErrorsText("pkg", "A", 404, tt.msg, "r", tt.n); got != tt.want {
			t.Errorf("errgenErrorsText(n=%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// FuzzParseAll checks errgenParseAll against encoding/json: the same
// validity, and for the list shape the codes and messages of the
// elements, in order.
func FuzzParseAll(f *testing.F) {
	f.Add(`{"errors":[{"code":"a","message":"A"},{"code":7},{"message":"x"}]}`)
	f.Add(`{"errors":[{"code":"\u00e9","message":null}],"errors":[{"code":"b"}]}`)
	f.Add(`{"errors":[[],{"code":{}}, "s", 1]}`)
	f.Fuzz(func(t *testing.T, body string) {
		ptrs := [][]string{{"errors"}}
		shapes := []errgenListShape{{list: 0, code: 0, message: 1, requestID: -1}}
		elems, _, ok := errgenParseAll([]byte(body), ptrs, elemPointers, shapes, make([]errgenSpan, 1), make([]errgenSpan, 2), nil)
		if !json.Valid([]byte(body)) {
			if ok {
				t.Fatalf("accepted invalid JSON %q", body)
			}
			return
		}
		var v struct {
			Errors []json.RawMessage `json:"errors"`
		}
		type elem struct{ code, message string }
		var want []elem
		if json.Unmarshal([]byte(body), &v) == nil {
			for _, raw := range v.Errors {
				var e map[string]any
				dec := json.NewDecoder(bytes.NewReader(raw))
				dec.UseNumber()
				if dec.Decode(&e) != nil {
					continue
				}
				var code string
				switch c := e["code"].(type) {
				case string:
					code = c
				case json.Number:
					code = c.String()
				default:
					continue
				}
				var msg string
				switch m := e["message"].(type) {
				case string:
					msg = m
				case json.Number:
					msg = m.String()
				}
				want = append(want, elem{code, msg})
			}
		}
		var got []elem
		for _, e := range elems {
			got = append(got, elem{string(e.code), e.message})
		}
		if ok != (len(want) > 0) || !reflect.DeepEqual(got, want) {
			t.Fatalf("errgenParseAll(%q) = %q, %v; encoding/json gives %q", body, got, ok, want)
		}
	})
}

// naiveMatch is errgenMatch's definition, executed literally: each
// placeholder, left to right, takes the shortest text that lets the rest
// of the template match the rest of the message.
func naiveMatch(t, message string) ([]string, bool) {
	start, end, _ := errgenNext(t, 0)
	if start == len(t) {
		return nil, t == message
	}
	if !strings.HasPrefix(message, t[:start]) {
		return nil, false
	}
	rest := message[start:]
	next, _, _ := errgenNext(t, end)
	if next == len(t) { // the last placeholder: the suffix is anchored
		suffix := t[end:]
		if len(rest) < len(suffix) || !strings.HasSuffix(rest, suffix) {
			return nil, false
		}
		return []string{rest[:len(rest)-len(suffix)]}, true
	}
	for n := 0; n <= len(rest); n++ {
		if args, ok := naiveMatch(t[end:], rest[n:]); ok {
			return append([]string{rest[:n]}, args...), true
		}
	}
	return nil, false
}

// FuzzMatchNaive compares errgenMatch with naiveMatch: the same result for
// a message within errgenMaxScan, and never a wrong one beyond it.
func FuzzMatchNaive(f *testing.F) {
	f.Add("No permission for action {0}.", "No permission for action x.")
	f.Add("a{0}b{1}b", "axbbyb")
	f.Add("ab{0}ba", "aba")
	f.Add("{0}a{1}ab{2}", "aaabab")
	f.Add("{0} x {1}", strings.Repeat("a", errgenMaxScan+1))
	f.Add("$${a}x${b}", "$1x2")
	f.Fuzz(func(t *testing.T, tmpl, msg string) {
		if len(tmpl) > 64 || len(msg) > 2*errgenMaxScan+64 || (len(msg) > 256 && len(msg) <= errgenMaxScan) {
			return // naiveMatch is exponential in the placeholders
		}
		args, ok := errgenMatch(tmpl, msg)
		want, wantOK := naiveMatch(tmpl, msg)
		if ok && (!wantOK || !reflect.DeepEqual(args, want)) || !ok && wantOK && len(msg) <= errgenMaxScan {
			t.Fatalf("errgenMatch(%q, %q) = %q, %v; naive %q, %v", tmpl, msg, args, ok, want, wantOK)
		}
	})
}

// TestMatchLongMessage: 25,000 templates whose inner literals the message
// nearly contains, against a 1.2 MB message, took 27 s when every template
// searched the whole message. The bound is generous for two loaded cores;
// the scan cap makes it a few milliseconds.
func TestMatchLongMessage(t *testing.T) {
	templates := make([]string, 25000)
	for i := range templates {
		templates[i] = fmt.Sprintf("{0}a%05d{1}", i)
	}
	message := strings.Repeat("a", 1200_000)
	start := time.Now()
	for _, tmpl := range templates {
		if _, ok := errgenMatch(tmpl, message); ok {
			t.Fatalf("%q matched", tmpl)
		}
	}
	el := time.Since(start)
	t.Logf("25,000 templates × 1.2 MB: %s", el)
	if el > time.Second {
		t.Errorf("25,000 templates against a 1.2 MB message took %s, want well under 100 ms", el)
	}
	// The worst a message may cost: every template scans errgenMaxScan.
	message = strings.Repeat("a", errgenMaxScan)
	start = time.Now()
	for _, tmpl := range templates {
		errgenMatch(tmpl, message)
	}
	t.Logf("25,000 templates × %d bytes: %s", errgenMaxScan, time.Since(start))
	// A long message still fits a template with one placeholder.
	if args, ok := errgenMatch("Invalid value {0}.", "Invalid value "+message+message+"."); !ok || len(args[0]) != 2*errgenMaxScan {
		t.Errorf("one placeholder, long message: %v", ok)
	}
}
