package htmlsafe

import (
	"os"
	"testing"
)

// BenchmarkParse against BenchmarkHTMLParse is what the rename, the
// density check and the restoring walk cost on a real page.
func BenchmarkParse(b *testing.B) {
	src := benchPage(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHTMLParse(b *testing.B) {
	src := benchPage(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := stdParse(b, src); err != nil {
			b.Fatal(err)
		}
	}
}

func benchPage(b *testing.B) []byte {
	src, err := os.ReadFile("../../htmltable/testdata/ecs/input.html")
	if err != nil {
		b.Fatal(err)
	}
	return src
}
