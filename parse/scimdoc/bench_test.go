package scimdoc_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/errgen/errgen/parse/scimdoc"
)

// The goals: BenchmarkParseText ≤ 5 × BenchmarkBaselineText (reading the
// examples in order, the text around them and the tables, and keeping
// each example as compact JSON, costs a few times finding and decoding
// the examples), and BenchmarkParseHTML ≤ 2.5 × BenchmarkBaselineHTML
// (about what building the page's tree costs).

func readCase(b *testing.B, name string) []byte {
	b.Helper()
	inputs, _ := filepath.Glob(filepath.Join("testdata", name, "input.*"))
	if len(inputs) != 1 {
		b.Fatalf("testdata/%s has no input", name)
	}
	data, err := os.ReadFile(inputs[0])
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkParseText(b *testing.B) {
	src := readCase(b, "iij")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scimdoc.Parse(src, scimdoc.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBaselineText is the hand-written minimum for the same page:
// split it into lines and decode every line that is a JSON object.
func BenchmarkBaselineText(b *testing.B) {
	src := readCase(b, "iij")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, l := range strings.Split(string(src), "\n") {
			if strings.HasPrefix(l, "{") {
				var v map[string]any
				if json.Unmarshal([]byte(l), &v) == nil {
					n++
				}
			}
		}
		if n != 8 {
			b.Fatalf("%d examples", n)
		}
	}
}

func BenchmarkParseHTML(b *testing.B) {
	src := readCase(b, "iijhtml")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scimdoc.Parse(src, scimdoc.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBaselineHTML is only the HTML parse of the same page.
func BenchmarkBaselineHTML(b *testing.B) {
	src := readCase(b, "iijhtml")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := html.Parse(bytes.NewReader(src)); err != nil {
			b.Fatal(err)
		}
	}
}
