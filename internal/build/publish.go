package build

import (
	"fmt"
	"os"
	"path"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/emit/markdown"
	oaemit "github.com/errgen/errgen/emit/openapi"
	"github.com/errgen/errgen/internal/config"
)

// Where the publishing outputs go, relative to the output root.
const (
	OpenAPIDir = "openapi" // <catalog-id>.yaml: OpenAPI components
	DocsDir    = "docs"    // <catalog-id>.md and README.md: reference pages
)

// EmitOptions are the choices of one generate or check run that are not
// in the config.
type EmitOptions struct {
	// Templates is a directory of Markdown templates that replace the
	// defaults of the same name; "" uses the defaults.
	Templates string
}

// publish adds the OpenAPI components and Markdown pages of the loaded
// catalogs to files.
func publish(cfg *config.Config, loaded []Loaded, out string, opts EmitOptions, files map[string][]byte) error {
	pages, err := publishOpenAPI(cfg, loaded, out, files)
	if err != nil {
		return err
	}
	return publishDocs(pages, opts, files)
}

// publishOpenAPI adds the OpenAPI components of the loaded catalogs to
// files, and returns the Markdown pages to write for them.
func publishOpenAPI(cfg *config.Config, loaded []Loaded, out string, files map[string][]byte) ([]markdown.Page, error) {
	pages := make([]markdown.Page, 0, len(loaded))
	for _, l := range loaded {
		c, g := l.Catalog, l.Config.Go
		fail := func(err error) error { return fmt.Errorf("%s: catalog %s: %w", cfg.File, l.Config.ID, err) }
		// The names the Go package declares: catalog.GoNames is what the Go
		// emitter names its constants with.
		names, err := catalog.GoNames(c, naming(l.Config))
		if err != nil {
			return nil, fail(err)
		}
		oa, err := oaemit.Emit(c, oaemit.Options{Version: cfg.OpenAPI.Version, GoNames: names})
		if err != nil {
			return nil, fail(err)
		}
		for name, data := range oa {
			if err := add(files, path.Join(OpenAPIDir, name), data); err != nil {
				return nil, fail(err)
			}
		}
		imp := g.Import
		if imp == "" {
			if imp, err = importPath(cfg.Tree, outPath(out, g.Dir)); err != nil {
				return nil, err
			}
		}
		pages = append(pages, markdown.Page{
			Catalog:     c,
			GoPackage:   g.Package,
			ImportPath:  imp,
			GoNames:     names,
			GoDir:       g.Dir,
			OpenAPIFile: path.Join(OpenAPIDir, c.ID+".yaml"),
		})
	}
	return pages, nil
}

// publishDocs adds the Markdown pages to files.
func publishDocs(pages []markdown.Page, opts EmitOptions, files map[string][]byte) error {
	mopts := markdown.Options{Dir: DocsDir}
	if opts.Templates != "" {
		if fi, err := os.Stat(opts.Templates); err != nil || !fi.IsDir() {
			return fmt.Errorf("-templates %s: want a directory of template files (%v)", opts.Templates, err)
		}
		mopts.Templates, mopts.TemplatesDir = os.DirFS(opts.Templates), opts.Templates
	}
	docs, err := markdown.Emit(pages, mopts)
	if err != nil {
		return err
	}
	for name, data := range docs {
		if err := add(files, path.Join(DocsDir, name), data); err != nil {
			return err
		}
	}
	return nil
}

// add adds one output file, refusing to overwrite another output, as a
// Go package whose go.dir lies under docs/ could.
func add(files map[string][]byte, p string, data []byte) error {
	if _, dup := files[p]; dup {
		return fmt.Errorf("two outputs would be written to %s: move the Go package (go.dir) out of %s/ and %s/", p, OpenAPIDir, DocsDir)
	}
	files[p] = data
	return nil
}
