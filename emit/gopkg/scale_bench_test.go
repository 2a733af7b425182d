package gopkg

import (
	"testing"

	"github.com/errgen/errgen/internal/synth"
)

// BenchmarkEmit50k is the Go stage of generating 50,000 codes (see
// internal/build's BenchmarkGenerate50k for the whole run and its
// baseline, gofmt of the floor file).
func BenchmarkEmit50k(b *testing.B) {
	c := synth.Catalog("synth/api", 50000, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Emit(c, Options{Package: "api"}); err != nil {
			b.Fatal(err)
		}
	}
}
