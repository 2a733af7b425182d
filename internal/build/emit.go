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
		opts := gopkg.Options{Package: g.Package, ImportPath: imp, Names: g.Names, TrimPrefixes: g.TrimPrefixes}
		if l.Catalog.Envelope.Is("scim") {
			var err error
			if opts.SCIMBase, opts.SCIMBasePackage, err = scimBase(cfg, l.Config, out); err != nil {
				return nil, err
			}
		}
		pkg, err := gopkg.Emit(l.Catalog, opts)
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

// SCIMBaseID is the catalog whose Go package is the SCIM base package of
// a config that has it (errgen's own: sources/ietf/scim/rfc7644.yaml).
const SCIMBaseID = "ietf/scim"

// scimBase returns the import path and package name of the SCIM base
// package for catalog c, whose envelope is SCIM's: go.scim_base, else the
// package of catalog ietf/scim of cfg, else errgen's own. It returns ""
// when c is that catalog itself: its package is the base.
func scimBase(cfg *config.Config, c *config.Catalog, out string) (imp, pkg string, err error) {
	if c.Go.SCIMBase != "" {
		return c.Go.SCIMBase, "", nil
	}
	base, ok := cfg.Catalog(SCIMBaseID)
	if !ok {
		return gopkg.DefaultSCIMBase, "scim", nil
	}
	if base.ID == c.ID {
		return "", "", nil
	}
	imp = base.Go.Import
	if imp == "" {
		imp = importPath(outPath(out, base.Go.Dir))
	}
	if imp == "" {
		return "", "", fmt.Errorf("%s: catalog %s: cannot tell the import path of the SCIM base package, catalog %s (no go.mod above %s): set go.import of catalog %s, or go.scim_base of catalog %s", cfg.File, c.ID, SCIMBaseID, base.Go.Dir, SCIMBaseID, c.ID)
	}
	return imp, base.Go.Package, nil
}
