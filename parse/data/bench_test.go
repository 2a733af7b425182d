package data

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// The goal is BenchmarkParse ≤ 2 × BenchmarkJSONUnmarshal: reading a
// registry should cost no more than twice decoding it into any.

var registry = sync.OnceValue(func() []byte {
	var b strings.Builder
	b.WriteString("{\n  \"version\": 3,\n  \"errors\": [\n")
	for i := 0; b.Len() < 1<<20; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `    {"code": "Service.%04d", "http_status": %d, "message": "The parameter \"p%d\" of request %d is invalid: {reason}.", "description": "Raised when the request carries a value the service cannot accept, such as case %d.", "solution": "Check the parameter and retry.", "category": "client", "retryable": %t, "docs": {"url": "https://example.com/errors/%d"}}`,
			i, 400+i%100, i, i, i, i%3 == 0, i)
	}
	b.WriteString("\n  ]\n}\n")
	return []byte(b.String())
})

func BenchmarkParse(b *testing.B) {
	src := registry()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Parse(src, Options{File: "r.json"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJSONUnmarshal is the baseline: encoding/json decoding the
// same file into any.
func BenchmarkJSONUnmarshal(b *testing.B) {
	src := registry()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := json.Unmarshal(src, &v); err != nil {
			b.Fatal(err)
		}
	}
}

func TestRegistryEntries(t *testing.T) {
	entries, report, err := Parse(registry(), Options{File: "r.json"})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 2000 {
		t.Errorf("%d entries", len(entries))
	}
	e := entries[1]
	if e.Code != "Service.0001" || e.Status != 401 || e.Extra["docs"] != `{"url":"https://example.com/errors/1"}` || e.Extra["category"] != "client" {
		t.Errorf("entry 1 = %+v", e)
	}
	if len(report.Warnings) != 1 {
		t.Errorf("warnings %v, want the one naming the items", report.Warnings)
	}
}
