package build

import (
	"go/format"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/internal/synth"
)

// Benchmarks of issue 12 §5, "Generation at scale": the whole emit (Go
// packages, OpenAPI components, Markdown pages and the manifest) of
// synthetic catalogs (internal/synth) already in memory, as EmitWith runs
// it, beside the baseline, gofmt of the floor file of the same codes.
// Each reports, besides ns/op, the time of each stage per op:
// gopkg-ns, openapi-ns, markdown-ns. make scale runs them with the scale
// tests (scale_test.go).

// scaleSetup is a synthetic config written to a temporary directory and
// loaded.
type scaleSetup struct {
	dir    string
	cfg    *config.Config
	loaded []Loaded
}

func newScale(tb testing.TB, tree synth.Tree) *scaleSetup {
	tb.Helper()
	dir := tb.TempDir()
	file, _, err := synth.WriteTree(dir, tree)
	if err != nil {
		tb.Fatal(err)
	}
	cfg, err := config.Load(file)
	if err != nil {
		tb.Fatal(err)
	}
	loaded, err := Load(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return &scaleSetup{dir, cfg, loaded}
}

// stageTimes are the durations of the stages of one emit.
type stageTimes struct {
	gopkg, openapi, markdown, manifest time.Duration
}

func (s *stageTimes) add(o stageTimes) {
	s.gopkg += o.gopkg
	s.openapi += o.openapi
	s.markdown += o.markdown
	s.manifest += o.manifest
}

// emitTimed is EmitWith, timing each stage.
func (s *scaleSetup) emitTimed(tb testing.TB) (map[string][]byte, stageTimes) {
	tb.Helper()
	var st stageTimes
	out := s.cfg.OutDir()
	files := map[string][]byte{}
	t0 := time.Now()
	if err := emitGo(s.cfg, s.loaded, out, files); err != nil {
		tb.Fatal(err)
	}
	t1 := time.Now()
	pages, err := publishOpenAPI(s.cfg, s.loaded, out, files)
	if err != nil {
		tb.Fatal(err)
	}
	t2 := time.Now()
	if err := publishDocs(pages, EmitOptions{}, files); err != nil {
		tb.Fatal(err)
	}
	t3 := time.Now()
	if err := finish(s.cfg, out, files); err != nil {
		tb.Fatal(err)
	}
	st = stageTimes{t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), time.Since(t3)}
	return files, st
}

func benchGenerate(b *testing.B, tree synth.Tree) {
	s := newScale(b, tree)
	var total stageTimes
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_, st := s.emitTimed(b)
		total.add(st)
	}
	n := float64(b.N)
	b.ReportMetric(float64(total.gopkg.Nanoseconds())/n, "gopkg-ns/op")
	b.ReportMetric(float64(total.openapi.Nanoseconds())/n, "openapi-ns/op")
	b.ReportMetric(float64(total.markdown.Nanoseconds())/n, "markdown-ns/op")
}

func BenchmarkGenerate5k(b *testing.B) {
	benchGenerate(b, synth.Tree{Catalogs: 1, Codes: 5000, Seed: 1})
}

func BenchmarkGenerate50k(b *testing.B) {
	benchGenerate(b, synth.Tree{Catalogs: 1, Codes: 50000, Seed: 1})
}

func BenchmarkGenerate100x500(b *testing.B) {
	benchGenerate(b, synth.Tree{Catalogs: 100, Codes: 500, Seed: 1})
}

// BenchmarkGofmtFloor50k is the baseline of the scale budget: gofmt
// (go/format.Source) of the floor file of the 50,000 codes
// BenchmarkGenerate50k generates.
func BenchmarkGofmtFloor50k(b *testing.B) {
	src := synth.Floor("c000", synth.Catalog(synth.ID(0), 50000, 1))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := format.Source(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad50k reads the config and the 50,000-code source (kind
// data, JSON) into a catalog.
func BenchmarkLoad50k(b *testing.B) {
	dir := b.TempDir()
	file, _, err := synth.WriteTree(dir, synth.Tree{Catalogs: 1, Codes: 50000, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		cfg, err := config.Load(file)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Load(cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite50k writes the outputs of 50,000 codes into an empty
// output root (a first generate), and again over them unchanged.
func BenchmarkWrite50k(b *testing.B) {
	s := newScale(b, synth.Tree{Catalogs: 1, Codes: 50000, Seed: 1})
	files, _ := s.emitTimed(b)
	b.Run("fresh", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			out := filepath.Join(b.TempDir(), "out")
			b.StartTimer()
			if _, err := Write(out, files); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			os.RemoveAll(out)
			b.StartTimer()
		}
	})
	b.Run("unchanged", func(b *testing.B) {
		out := filepath.Join(b.TempDir(), "out")
		if _, err := Write(out, files); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for b.Loop() {
			if _, err := Write(out, files); err != nil {
				b.Fatal(err)
			}
		}
	})
}
