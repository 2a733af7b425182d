package htmltable

import (
	"bytes"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"

	"github.com/errgen/errgen/internal/golden"
)

// The goal is BenchmarkParseHTML ≤ 2 × BenchmarkBareHTMLParse: reading
// the tables should cost no more than building the tree did.

func BenchmarkParseHTML(b *testing.B) {
	src := golden.ReadFile(b, filepath.Join("testdata", "ecs", "input.html"))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Parse(src, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareHTMLParse is the baseline: only the HTML parse of the
// same page.
func BenchmarkBareHTMLParse(b *testing.B) {
	src := golden.ReadFile(b, filepath.Join("testdata", "ecs", "input.html"))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := html.Parse(bytes.NewReader(src)); err != nil {
			b.Fatal(err)
		}
	}
}
