package openapi

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// Parse is measured beside kin-openapi's own load of the same document
// (make bench runs both): the default load, and the load with origins,
// which Parse asks for to keep the document's order.

func BenchmarkParseNevis(b *testing.B) {
	data, err := os.ReadFile(nevisFile)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data, Options{File: "openapi.yaml"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseNevisBaselineKinLoad(b *testing.B) {
	benchKin(b, nevisFile, false)
}

func BenchmarkParseNevisBaselineKinLoadOrigin(b *testing.B) {
	benchKin(b, nevisFile, true)
}

func benchKin(b *testing.B, file string, origin bool) {
	data, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		l := openapi3.NewLoader()
		l.IncludeOrigin = origin
		if _, err := l.LoadFromData(data); err != nil {
			b.Fatal(err)
		}
	}
}

// synthetic is an OpenAPI document with ops operations (two per path),
// each with three error responses that share one error schema of 50
// codes, and a named example on every operation's 400.
func synthetic(ops int) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo: {title: Synthetic, version: '1'}\npaths:\n")
	for i := 0; i < ops/2; i++ {
		fmt.Fprintf(&b, "  /r%d/{id}:\n", i)
		for _, m := range []string{"get", "post"} {
			fmt.Fprintf(&b, "    %s:\n      operationId: %s%d\n      responses:\n", m, m, i)
			b.WriteString("        '200': {description: OK}\n")
			fmt.Fprintf(&b, "        '400':\n          description: Bad.\n          content:\n            application/json:\n"+
				"              schema: {$ref: '#/components/schemas/Error'}\n              examples:\n"+
				"                bad:\n                  summary: Bad %d\n                  value: {code: E%d, message: 'Bad input %d.'}\n", i, i%50, i)
			b.WriteString("        '404': {$ref: '#/components/responses/Error'}\n        default: {$ref: '#/components/responses/Error'}\n")
		}
	}
	b.WriteString("components:\n  responses:\n    Error:\n      description: Error.\n      content:\n        application/json:\n" +
		"          schema: {$ref: '#/components/schemas/Error'}\n  schemas:\n    Error:\n      type: object\n      properties:\n" +
		"        code:\n          type: string\n          enum: [")
	for i := 0; i < 50; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "E%d", i)
	}
	b.WriteString("]\n        message: {type: string}\n        details: {type: array, items: {type: object}}\n")
	return []byte(b.String())
}

func TestSynthetic(t *testing.T) {
	r, err := Parse(synthetic(20), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// 50 codes × (400, 404, default), plus the 10 example messages that
	// replace empty ones under 400 for E0–E9.
	if n := len(r.Entries); n != 50*3 {
		t.Errorf("%d entries, want %d", n, 50*3)
	}
	if e := entriesOf(r, "E3")[0]; e.Status != 400 || e.Message != "Bad input 3." || len(e.Operations) != 2 {
		t.Errorf("E3 = %+v", e)
	}
}

func BenchmarkParseSynthetic2000(b *testing.B) {
	data := synthetic(2000)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseSynthetic2000BaselineKinLoad(b *testing.B) {
	data := synthetic(2000)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := openapi3.NewLoader().LoadFromData(data); err != nil {
			b.Fatal(err)
		}
	}
}
