package apierr

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// splitPointer splits an RFC 6901 JSON pointer into its unescaped
// reference tokens, as catalog.SplitPointer does (this package's tests
// import nothing outside the standard library).
func splitPointer(p string) (tokens []string, ok bool) {
	if p == "" {
		return []string{}, true
	}
	if p[0] != '/' {
		return nil, false
	}
	tokens = strings.Split(p[1:], "/")
	for i, t := range tokens {
		if !strings.Contains(t, "~") {
			continue
		}
		for j := 0; j < len(t); j++ {
			if t[j] == '~' && (j+1 == len(t) || t[j+1] != '0' && t[j+1] != '1') {
				return nil, false
			}
		}
		// ~1 before ~0, else "~01" would become "/" instead of "~1" (RFC 6901 §4).
		tokens[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
	}
	return tokens, true
}

// refLookup resolves pointer toks in doc with encoding/json: the behaviour
// lookup must reproduce.
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

// checkAgainstRef fails t unless lookup agrees with encoding/json on
// doc's validity and on every pointer.
func checkAgainstRef(t *testing.T, doc []byte, ptrs []string) {
	t.Helper()
	var toks [][]string
	for _, p := range ptrs {
		if tk, ok := splitPointer(p); ok {
			toks = append(toks, tk)
		}
	}
	out := make([]span, len(toks))
	ok := lookup(doc, toks, out)
	if valid := json.Valid(doc); ok != valid {
		t.Fatalf("lookup(%q) ok = %v, json.Valid = %v", doc, ok, valid)
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
			if s, _ := want.(string); valueText(doc, got) != s || reflect.TypeOf(want).Kind() != reflect.String {
				t.Fatalf("%q pointer %q: %q, encoding/json %#v", doc, tk, valueText(doc, got), want)
			}
		case '0':
			if n, _ := want.(json.Number); valueText(doc, got) != string(n) {
				t.Fatalf("%q pointer %q: number %q, encoding/json %#v", doc, tk, valueText(doc, got), want)
			}
		default:
			if valueText(doc, got) != "" {
				t.Fatalf("valueText of a %c value = %q, want empty", got.kind, valueText(doc, got))
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
		"\"a\x7fb\"", "\"\x1f\"", `"abcdefghijklmnopqrstuvwxyz\"`,
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
		"\"a\x7f\"", `"long plain run before the end\u0041 and after"`,
		// invalid
		``, ` `, `{`, `}`, `[`, `{"a"}`, `{"a":}`, `{"a":1,}`, `[1,]`, `[,1]`, `{,}`, `{"a":1 "b":2}`,
		`01`, `-01`, `1.`, `.5`, `1e`, `1e+`, `+1`, `-`, `--1`, `0x1`, `NaN`, `Infinity`,
		`"abc`, `"\x"`, `"\u12"`, `"\u12g4"`, "\"a\x00\"", "\"\x1f\"", `'a'`, `"abc\`, `"abc\"`,
		`tru`, `nul`, `falsey`, `truefalse`, `[true false]`, `{}{}`, `{} x`, "\ufeff{}", "{\"a\":1}\x00",
		`{1:2}`, `{"a":1}}`, `[[]`,
	}
	for _, doc := range docs {
		checkAgainstRef(t, []byte(doc), append(fuzzPointers, "/error_code", "/error/message", "/status",
			"/a/1/1/b", "/a/01", "/11", "/-", "/~0~1", "/~0~1/a~1b", "/~0~1/m~0n", "//", "/err\u006fr_code", "/\ufffd"))
	}
}

func TestLookupDepthLimit(t *testing.T) {
	for _, n := range []int{maxDepth - 1, maxDepth, maxDepth + 1} {
		doc := strings.Repeat("[", n) + strings.Repeat("]", n)
		if got, want := lookup([]byte(doc), nil, nil), json.Valid([]byte(doc)); got != want {
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
	out := make([]span, len(ptrs))
	if !lookup([]byte(doc.String()), ptrs, out) {
		t.Fatal("valid document rejected")
	}
	for i := range ptrs {
		if got := valueText([]byte(doc.String()), out[i]); got != strconv.Itoa(i) {
			t.Errorf("pointer %d = %q", i, got)
		}
	}
}

func BenchmarkLookupScanner(b *testing.B) {
	body := []byte(`{"error_code":"IdentityCenter.1000","error_msg":"No permission for action sso:instances:list.","request_id":"0f7e6b5c9a2d4e1f8b3c7d6e5f4a3b2c"}`)
	found := make([]span, len(huaweiEnvelope.Pointers))
	b.ReportAllocs()
	for b.Loop() {
		lookup(body, huaweiEnvelope.Pointers, found)
	}
}
