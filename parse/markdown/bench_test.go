package markdown

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/yuin/goldmark/text"

	"github.com/errgen/errgen/internal/golden"
)

// The goal is BenchmarkParse ≤ 2 × BenchmarkGoldmark: reading tables and
// sections should cost no more than goldmark's own parse of the page.

// page repeats the corpus pages into a realistic ~200 KB document; with
// tables it has the AssumeRole page's error table (the table path),
// without it only the section pages (the section path).
func page(b *testing.B, tables bool) []byte {
	names := []string{"alibaba-ram-error-messages", "alibaba-sts-error-messages"}
	if tables {
		names = append(names, "alibaba-sts-assumerole")
	}
	var buf bytes.Buffer
	for buf.Len() < 200<<10 {
		for _, n := range names {
			buf.Write(golden.ReadFile(b, filepath.Join("testdata", n, "input.md")))
			buf.WriteString("\n\n")
		}
	}
	return buf.Bytes()
}

func benchParse(b *testing.B, tables bool) {
	src := page(b, tables)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		entries, _, err := Parse(src, Options{})
		if err != nil || len(entries) == 0 {
			b.Fatal(err)
		}
	}
}

func benchGoldmark(b *testing.B, tables bool) {
	src := page(b, tables)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		md.Parser().Parse(text.NewReader(src))
	}
}

func BenchmarkParse(b *testing.B)            { benchParse(b, true) }
func BenchmarkGoldmark(b *testing.B)         { benchGoldmark(b, true) }
func BenchmarkParseSections(b *testing.B)    { benchParse(b, false) }
func BenchmarkGoldmarkSections(b *testing.B) { benchGoldmark(b, false) }
