package markdown_test

import (
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/emit/gopkg"
	"github.com/errgen/errgen/emit/markdown"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/internal/synth"
)

// BenchmarkEmit renders the page and index of the largest bundled
// catalog (Huawei Cloud IAM Identity Center, 278 entries) with the
// default templates. Its baseline, BenchmarkBaselineJSON, writes the same
// catalog in its JSON form (catalog.Marshal): serialising every text once.
func BenchmarkEmit(b *testing.B) {
	p := benchPage(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := markdown.Emit([]markdown.Page{p}, markdown.Options{Dir: "docs"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaselineJSON(b *testing.B) {
	p := benchPage(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := catalog.Marshal(p.Catalog); err != nil {
			b.Fatal(err)
		}
	}
}

func benchPage(b *testing.B) markdown.Page {
	b.Helper()
	cfg, err := config.Load("../../sources/errgen.yaml")
	if err != nil {
		b.Fatal(err)
	}
	loaded, err := build.Load(cfg)
	if err != nil {
		b.Fatal(err)
	}
	for _, l := range loaded {
		if l.Catalog.ID == "huaweicloud/identitycenter" {
			g := l.Config.Go
			names, err := gopkg.Names(l.Catalog, gopkg.Options{Names: g.Names, TrimPrefixes: g.TrimPrefixes})
			if err != nil {
				b.Fatal(err)
			}
			return page(l.Catalog, names)
		}
	}
	b.Fatal("no huaweicloud/identitycenter in sources/errgen.yaml")
	return markdown.Page{}
}

// BenchmarkEmit50k renders the pages of a synthetic catalog of 50,000
// codes (internal/synth), the scale of issue 12.
func BenchmarkEmit50k(b *testing.B) {
	c := synth.Catalog(synth.ID(0), 50000, 1)
	names, err := catalog.GoNames(c, catalog.Naming{})
	if err != nil {
		b.Fatal(err)
	}
	p := page(c, names)
	b.ReportAllocs()
	for b.Loop() {
		out, err := markdown.Emit([]markdown.Page{p}, markdown.Options{Dir: "docs"})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, data := range out {
			n += len(data)
		}
		b.SetBytes(int64(n))
	}
}
