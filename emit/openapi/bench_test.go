package openapi_test

import (
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/emit/gopkg"
	"github.com/errgen/errgen/emit/openapi"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/internal/synth"
)

// BenchmarkEmit emits the components of the largest bundled catalog
// (Huawei Cloud IAM Identity Center, 278 entries). Its baseline,
// BenchmarkBaselineYAML, encodes the same catalog with yaml.v3's
// reflection-based Marshal: the YAML encoding cost any emitter pays.
func BenchmarkEmit(b *testing.B) {
	c, names := benchCatalog(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := openapi.Emit(c, openapi.Options{GoNames: names}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaselineYAML(b *testing.B) {
	c, _ := benchCatalog(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := yaml.Marshal(c); err != nil {
			b.Fatal(err)
		}
	}
}

func benchCatalog(b *testing.B) (*catalog.Catalog, map[string]string) {
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
			return l.Catalog, names
		}
	}
	b.Fatal("no huaweicloud/identitycenter in sources/errgen.yaml")
	return nil, nil
}

// BenchmarkEmit50k emits the components of a synthetic catalog of
// 50,000 codes (internal/synth), the scale of issue 12: one
// document of some 50 MB.
func BenchmarkEmit50k(b *testing.B) {
	c := synth.Catalog(synth.ID(0), 50000, 1)
	names, err := catalog.GoNames(c, catalog.Naming{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		out, err := openapi.Emit(c, openapi.Options{GoNames: names})
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(out[c.ID+".yaml"])))
	}
}
