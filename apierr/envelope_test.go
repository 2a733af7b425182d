package apierr

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
)

var huaweiEnvelope = Envelope{
	Pointers: [][]string{{"error_code"}, {"error_msg"}, {"request_id"}, {"error", "code"}, {"error", "message"}, {"error", "request_id"}},
	Shapes:   []Shape{{Code: 0, Message: 1, RequestID: 2}, {Code: 3, Message: 4, RequestID: 5}},
}

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
		code, prefix, msg, req, ok := huaweiEnvelope.Parse([]byte(tt.body))
		if string(code) != tt.code || prefix != "" || msg != tt.message || req != tt.reqID || ok != tt.ok {
			t.Errorf("Parse(%s) = %q, %q, %q, %v; want %q, %q, %q, %v", tt.body, code, msg, req, ok, tt.code, tt.message, tt.reqID, tt.ok)
		}
	}
}

// A code that needs no decoding must alias the body, so that generated
// Parse can find a known code without allocating.
func TestParseCodeAliasesBody(t *testing.T) {
	body := []byte(`{"error_code":"IdentityCenter.1000"}`)
	code, _, _, _, _ := huaweiEnvelope.Parse(body)
	if len(code) == 0 || &code[0] != &body[15] {
		t.Errorf("code %q does not alias the body", code)
	}
	allocs := testing.AllocsPerRun(100, func() {
		huaweiEnvelope.Parse(body)
	})
	if allocs != 0 {
		t.Errorf("Envelope.Parse of a body without message allocates %v times", allocs)
	}
}

// TestParsePrefix: Parse returns the prefix of the shape it used.
func TestParsePrefix(t *testing.T) {
	env := Envelope{
		Pointers: [][]string{{"error"}, {"error_code"}, {"error_description"}},
		Shapes:   []Shape{{Code: 1, Message: 2, RequestID: -1, Prefix: "AADSTS"}, {Code: 0, Message: 2, RequestID: -1}},
	}
	code, prefix, msg, _, ok := env.Parse([]byte(`{"error":"invalid_client","error_code":70011,"error_description":"d"}`))
	if string(code) != "70011" || prefix != "AADSTS" || msg != "d" || !ok {
		t.Errorf("Parse = %q, %q, %q, %v", code, prefix, msg, ok)
	}
	code, prefix, _, _, ok = env.Parse([]byte(`{"error":"invalid_client"}`))
	if string(code) != "invalid_client" || prefix != "" || !ok {
		t.Errorf("Parse of the second shape = %q, %q, %v", code, prefix, ok)
	}
}

// TestParseManyPointers: an envelope of more pointers than the stack
// scratch holds still parses (on the heap).
func TestParseManyPointers(t *testing.T) {
	var env Envelope
	var body bytes.Buffer
	body.WriteString("{")
	for i := range 40 {
		env.Pointers = append(env.Pointers, []string{fmt.Sprintf("c%d", i)})
		env.Shapes = append(env.Shapes, Shape{Code: i, Message: -1, RequestID: -1, Prefix: fmt.Sprint(i, ":")})
		if i >= 30 {
			if i > 30 {
				body.WriteString(",")
			}
			fmt.Fprintf(&body, `"c%d":%d`, i, i)
		}
	}
	body.WriteString("}")
	code, prefix, _, _, ok := env.Parse(body.Bytes())
	if string(code) != "30" || prefix != "30:" || !ok {
		t.Errorf("Parse = %q, %q, %v", code, prefix, ok)
	}
}

// Pointers of a body that lists its errors, as the Nevis IDM API does,
// with a second shape for a single error and a field beside the list.
var nevisEnvelope = ListEnvelope{
	Pointers: [][]string{{"errors"}, {"requestId"}, {"error", "code"}, {"error", "message"}, {"policyViolations"}},
	Element:  [][]string{{"code"}, {"message"}},
	Shapes:   []ListShape{{List: 0, Code: 0, Message: 1, RequestID: 1}, {List: -1, Code: 2, Message: 3, RequestID: 1}},
	Raw:      []int{4, 3},
}

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
		items, req, ok := nevisEnvelope.Parse([]byte(tt.body), nil, nil)
		var got []elem
		for _, e := range items {
			got = append(got, elem{string(e.Code), e.Message})
		}
		if !reflect.DeepEqual(got, tt.want) || req != tt.reqID || ok != tt.ok {
			t.Errorf("ListEnvelope.Parse(%s) = %q, %q, %v; want %q, %q, %v", tt.body, got, req, ok, tt.want, tt.reqID, tt.ok)
		}
	}
	// The fields beside the list resolve like any pointer, in the order of
	// Raw.
	body := []byte(`{"errors":[{"code":"a"}],"policyViolations":[{"limitValue":3}]}`)
	raw := make([]json.RawMessage, 2)
	nevisEnvelope.Parse(body, nil, raw)
	if got := string(raw[0]); got != `[{"limitValue":3}]` {
		t.Errorf("policyViolations = %q", got)
	}
	if raw[1] != nil {
		t.Error("an absent pointer gives raw JSON")
	}
	if cap(raw[0]) != len(raw[0]) {
		t.Error("raw JSON can be appended to over the rest of the body")
	}
	// Invalid JSON clears raw; a shorter raw is filled as far as it goes.
	nevisEnvelope.Parse([]byte(`{"policyViolations":[1]`), nil, raw)
	if raw[0] != nil || raw[1] != nil {
		t.Errorf("invalid body: raw = %q", raw)
	}
	short := make([]json.RawMessage, 1)
	nevisEnvelope.Parse(body, nil, short)
	if string(short[0]) != `[{"limitValue":3}]` {
		t.Errorf("short raw = %q", short)
	}
}

// A code in a list must alias the body, and a one-error list must cost
// nothing but its message.
func TestParseAllAllocs(t *testing.T) {
	body := []byte(`{"errors":[{"code":"errors.noRecord","message":"m"}]}`)
	var items [2]Item
	var raw [2]json.RawMessage
	list, _, _ := nevisEnvelope.Parse(body, items[:0], raw[:])
	if len(list) != 1 || &list[0].Code[0] != &body[20] {
		t.Errorf("code %q does not alias the body", list[0].Code)
	}
	allocs := testing.AllocsPerRun(100, func() {
		nevisEnvelope.Parse(body, items[:0], raw[:])
	})
	if allocs > 1 { // the message string
		t.Errorf("ListEnvelope.Parse allocates %v times", allocs)
	}
}

// TestParseAllBodyMessage: Microsoft Entra lists numeric codes beside one
// description, which every listed code pairs with; the shape's prefix
// comes with each element.
func TestParseAllBodyMessage(t *testing.T) {
	env := ListEnvelope{
		Pointers: [][]string{{"error_codes"}, {"error_description"}, {"trace_id"}},
		Element:  [][]string{{}},
		Shapes:   []ListShape{{List: 0, Code: 0, Message: 1, RequestID: 2, MessageInBody: true, Prefix: "AADSTS"}},
	}
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
		items, _, ok := env.Parse([]byte(tt.body), nil, nil)
		var got []elem
		for _, e := range items {
			got = append(got, elem{string(e.Code), e.Prefix, e.Message})
		}
		if !reflect.DeepEqual(got, tt.want) || ok != tt.ok {
			t.Errorf("ListEnvelope.Parse(%s) = %q, %v; want %q, %v", tt.body, got, ok, tt.want, tt.ok)
		}
	}
	// The shared message is decoded once, however many codes share it.
	body := []byte(`{"error_codes":[70011,50126,50001],"error_description":"d"}`)
	var items [4]Item
	if a := testing.AllocsPerRun(100, func() {
		env.Parse(body, items[:0], nil)
	}); a > 1 {
		t.Errorf("ListEnvelope.Parse allocates %v times", a)
	}
}

// FuzzParseAll checks ListEnvelope.Parse against encoding/json: the same
// validity, and for the list shape the codes and messages of the
// elements, in order.
func FuzzParseAll(f *testing.F) {
	f.Add(`{"errors":[{"code":"a","message":"A"},{"code":7},{"message":"x"}]}`)
	f.Add(`{"errors":[{"code":"\u00e9","message":null}],"errors":[{"code":"b"}]}`)
	f.Add(`{"errors":[[],{"code":{}}, "s", 1]}`)
	env := ListEnvelope{
		Pointers: [][]string{{"errors"}},
		Element:  [][]string{{"code"}, {"message"}},
		Shapes:   []ListShape{{List: 0, Code: 0, Message: 1, RequestID: -1}},
	}
	f.Fuzz(func(t *testing.T, body string) {
		items, _, ok := env.Parse([]byte(body), nil, nil)
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
		for _, e := range items {
			got = append(got, elem{string(e.Code), e.Message})
		}
		if ok != (len(want) > 0) || !reflect.DeepEqual(got, want) {
			t.Fatalf("ListEnvelope.Parse(%q) = %q, %v; encoding/json gives %q", body, got, ok, want)
		}
	})
}
