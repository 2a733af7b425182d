package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/errgen/errgen/emit/gopkg"
	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/internal/lock"
	"github.com/errgen/errgen/internal/safefile"
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
	if err := emitGo(cfg, loaded, out, files); err != nil {
		return nil, err
	}
	if err := publish(cfg, loaded, out, opts, files); err != nil {
		return nil, err
	}
	if err := finish(cfg, out, files); err != nil {
		return nil, err
	}
	return files, nil
}

// emitGo adds the Go packages of the loaded catalogs to files.
func emitGo(cfg *config.Config, loaded []Loaded, out string, files map[string][]byte) error {
	for _, l := range loaded {
		g := l.Config.Go
		imp := g.Import
		if imp == "" {
			var err error
			if imp, err = importPath(cfg.Tree, outPath(out, g.Dir)); err != nil {
				return err
			}
		}
		opts := gopkg.Options{Package: g.Package, ImportPath: imp, Names: g.Names, TrimPrefixes: g.TrimPrefixes}
		if l.NamesErr == nil {
			// Computed once at load; with a naming problem, Emit names it
			// itself, in the order of its other checks.
			opts.GoNames = l.GoNames
		}
		if l.Catalog.Envelope.Is("scim") {
			var err error
			if opts.SCIMBase, opts.SCIMBasePackage, err = scimBase(cfg, l.Config, out); err != nil {
				return err
			}
		}
		pkg, err := gopkg.Emit(l.Catalog, opts)
		if err != nil {
			return fmt.Errorf("%s: catalog %s: %w", cfg.File, l.Config.ID, err)
		}
		for name, data := range pkg {
			files[path.Join(g.Dir, name)] = data
		}
	}
	return nil
}

// finish adds the manifest to files, once every other output is there,
// and refuses outputs that would land on a file errgen reads.
func finish(cfg *config.Config, out string, files map[string][]byte) error {
	files[ManifestName] = manifest(files)
	return checkCollisions(cfg, out, files)
}

// importPath derives the import path of dir from the nearest go.mod above
// it, or returns "" when there is none (the package doc then leaves the
// import line out).
//
// A go.mod inside tree, the config's tree, may come from a pull request:
// it is read through an os.Root at tree, so that a symbolic link out of
// the tree (to /dev/zero, to a secret) is an error, and it must be a
// regular file of at most safefile.MaxGoModSize bytes. Above the tree the
// walk goes on, since a module may hold a repository that has no go.mod
// of its own; those directories are not the pull request's, but errgen
// still reads only a go.mod that is itself a regular file, not a link,
// under the same size limit, and skips any other.
func importPath(tree, dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", nil
	}
	var root *os.Root
	if tree != "" {
		if root, err = os.OpenRoot(tree); err != nil {
			return "", err
		}
		defer root.Close()
	}
	for d := abs; ; d = filepath.Dir(d) {
		data, err := readGoMod(root, tree, d)
		switch {
		case err == nil:
			mod := modfile.ModulePath(data)
			rel, err := filepath.Rel(d, abs)
			if mod == "" || err != nil {
				return "", nil
			}
			return path.Join(mod, filepath.ToSlash(rel)), nil
		case !errors.Is(err, fs.ErrNotExist):
			return "", err
		}
		if filepath.Dir(d) == d {
			return "", nil
		}
	}
}

// readGoMod reads d/go.mod as importPath says; a go.mod it skips is
// fs.ErrNotExist.
func readGoMod(root *os.Root, tree, d string) ([]byte, error) {
	file := filepath.Join(d, "go.mod")
	if rel, err := filepath.Rel(tree, file); root != nil && err == nil && filepath.IsLocal(rel) {
		data, err := safefile.Read(root, rel, file, safefile.MaxGoModSize)
		if safefile.Escapes(err) {
			return nil, fmt.Errorf("%s: refusing to read it: a symbolic link on its path leads outside %s, the config's tree (hint: replace the link with a regular file)", file, tree)
		}
		return data, err
	}
	fi, err := os.Lstat(file)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fs.ErrNotExist
	}
	return safefile.ReadFile(file, safefile.MaxGoModSize)
}

// checkCollisions refuses outputs that would land on a file errgen reads:
// a catalog's source snapshot (with out: . and a source at
// openapi/acme/scim.yaml for catalog acme/scim, generate would replace
// its own input with its output), the config file or the lock. Paths are
// compared lexically and without regard to case, as a case-insensitive
// file system would; links are the output root's business (WriteRoot
// refuses to replace files that are not errgen's).
func checkCollisions(cfg *config.Config, out string, files map[string][]byte) error {
	absOut, err := filepath.Abs(out)
	if err != nil {
		return nil
	}
	outputs := map[string]string{}
	for rel := range files {
		outputs[strings.ToLower(filepath.Join(absOut, filepath.FromSlash(rel)))] = rel
	}
	hit := func(p string) (string, bool) {
		abs, err := filepath.Abs(p)
		if err != nil {
			return "", false
		}
		rel, ok := outputs[strings.ToLower(abs)]
		return rel, ok
	}
	const hint = "hint: change out, or go.dir, so that no output lands on a file errgen reads"
	for _, c := range cfg.Catalogs {
		src := cfg.Path(c.Source.File)
		if rel, ok := hit(src); ok {
			return fmt.Errorf("%s: line %d: catalog %s: output %s would overwrite the source file %s (%s)", cfg.File, c.Line, c.ID, outPath(out, rel), src, hint)
		}
	}
	if rel, ok := hit(cfg.File); ok {
		return fmt.Errorf("%s: line %d: out: output %s would overwrite the config file itself (%s)", cfg.File, cfg.OutLine, outPath(out, rel), hint)
	}
	if rel, ok := hit(filepath.Join(cfg.Dir, lock.Name)); ok {
		return fmt.Errorf("%s: line %d: out: output %s would overwrite the lock file %s (%s)", cfg.File, cfg.OutLine, outPath(out, rel), lock.Name, hint)
	}
	return nil
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
		if imp, err = importPath(cfg.Tree, outPath(out, base.Go.Dir)); err != nil {
			return "", "", err
		}
	}
	if imp == "" {
		return "", "", fmt.Errorf("%s: catalog %s: cannot tell the import path of the SCIM base package, catalog %s (no go.mod above %s): set go.import of catalog %s, or go.scim_base of catalog %s", cfg.File, c.ID, SCIMBaseID, base.Go.Dir, SCIMBaseID, c.ID)
	}
	return imp, base.Go.Package, nil
}
