package openapi_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"strconv"
	"testing"

	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
)

// bundled emits every catalog of errgen's own config as generate does.
func bundled(t *testing.T) ([]build.Loaded, map[string][]byte) {
	t.Helper()
	cfg, err := config.Load("../../sources/errgen.yaml")
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := build.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	files, err := build.Emit(cfg, loaded, cfg.OutDir())
	if err != nil {
		t.Fatal(err)
	}
	return loaded, files
}

// TestBundled: the components of every bundled catalog are usable from a
// spec (see TestUsable), and their x-enum-varnames are the constants the
// generated Go package declares for each code.
func TestBundled(t *testing.T) {
	loaded, files := bundled(t)
	for _, l := range loaded {
		c := l.Catalog
		t.Run(c.ID, func(t *testing.T) {
			data, ok := files[path.Join(build.OpenAPIDir, c.ID+".yaml")]
			if !ok {
				t.Fatalf("generate writes no OpenAPI components for %s", c.ID)
			}
			checkUsable(t, c, data)
			ec := decode(t, data).Components.Schemas.ErrorCode
			consts := goConstants(t, files[path.Join(l.Config.Go.Dir, "codes.go")])
			if len(ec.Enum) != len(consts) {
				t.Errorf("%d codes in the enum, %d constants in the Go package", len(ec.Enum), len(consts))
			}
			for i, code := range ec.Enum {
				if consts[code] != ec.VarNames[i] {
					t.Errorf("code %q: x-enum-varnames says %s, the Go package declares %s", code, ec.VarNames[i], consts[code])
				}
			}
		})
	}
}

// goConstants reads `Name Code = "code"` declarations from a generated
// codes.go: code → constant name.
func goConstants(t *testing.T, src []byte) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "codes.go", src, 0)
	if err != nil {
		t.Fatalf("generated codes.go: %v", err)
	}
	out := map[string]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			if id, ok := v.Type.(*ast.Ident); !ok || id.Name != "Code" || len(v.Values) != len(v.Names) {
				continue
			}
			for i, n := range v.Names {
				lit, ok := v.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				code, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				out[code] = n.Name
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("generated codes.go declares no Code constants")
	}
	return out
}
