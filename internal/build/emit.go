package build

import (
	"fmt"
	"os"
	"path"
	"path/filepath"

	"golang.org/x/mod/modfile"

	"github.com/errgen/errgen/emit/gopkg"
	"github.com/errgen/errgen/internal/config"
)

// Emit returns every output file of the loaded catalogs, keyed by slash
// path relative to the output root out, manifest included: the Go
// packages, OpenAPI components under openapi/ and Markdown pages under
// docs/. out only serves to derive Go import paths from the enclosing
// go.mod.
func Emit(cfg *config.Config, loaded []Loaded, out string) (map[string][]byte, error) {
	return EmitWith(cfg, loaded, out, EmitOptions{})
}

// EmitWith is Emit with the options of one run.
func EmitWith(cfg *config.Config, loaded []Loaded, out string, opts EmitOptions) (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, l := range loaded {
		g := l.Config.Go
		imp := g.Import
		if imp == "" {
			imp = importPath(outPath(out, g.Dir))
		}
		pkg, err := gopkg.Emit(l.Catalog, gopkg.Options{Package: g.Package, ImportPath: imp, Names: g.Names, TrimPrefixes: g.TrimPrefixes})
		if err != nil {
			return nil, fmt.Errorf("%s: catalog %s: %w", cfg.File, l.Config.ID, err)
		}
		for name, data := range pkg {
			files[path.Join(g.Dir, name)] = data
		}
	}
	if err := publish(cfg, loaded, out, opts, files); err != nil {
		return nil, err
	}
	files[ManifestName] = manifest(files)
	return files, nil
}

// importPath derives the import path of dir from the nearest go.mod above
// it, or returns "" when there is none (the package doc then leaves the
// import line out).
func importPath(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for d := abs; ; d = filepath.Dir(d) {
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			mod := modfile.ModulePath(data)
			rel, err := filepath.Rel(d, abs)
			if mod == "" || err != nil {
				return ""
			}
			return path.Join(mod, filepath.ToSlash(rel))
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}
