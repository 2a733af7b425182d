package build

import (
	"fmt"
	"os"
	"path"
	"runtime"
	"sync"

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
// catalogs to files. The OpenAPI documents, one per catalog, and the
// Markdown pages are made concurrently, on up to GOMAXPROCS threads (at
// 50,000 codes each takes a second); the files and the error are those
// publishOpenAPI and then publishDocs give: the first catalog's problem
// first, in the order they report it, then the pages'.
func publish(cfg *config.Config, loaded []Loaded, out string, opts EmitOptions, files map[string][]byte) error {
	type result struct {
		page             markdown.Page
		namesErr, impErr error
		oa               map[string][]byte
		oaErr            error
	}
	res := make([]result, len(loaded))
	clean := true
	for i := range loaded {
		r := &res[i]
		r.page, r.namesErr, r.impErr = catalogPage(cfg, &loaded[i], out)
		clean = clean && r.namesErr == nil && r.impErr == nil
	}
	var wg sync.WaitGroup
	docs := map[string][]byte{}
	var docsErr error
	if clean {
		pages := make([]markdown.Page, len(res))
		for i := range res {
			pages[i] = res[i].page
		}
		wg.Go(func() { docsErr = publishDocs(pages, opts, docs) })
	}
	next := make(chan int)
	for range max(1, min(runtime.GOMAXPROCS(0), len(loaded))) {
		wg.Go(func() {
			for i := range next {
				res[i].oa, res[i].oaErr = catalogOpenAPI(cfg, &loaded[i], res[i].page.GoNames)
			}
		})
	}
	for i := range res {
		if res[i].namesErr == nil {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	for i, r := range res {
		fail := func(err error) error { return fmt.Errorf("%s: catalog %s: %w", cfg.File, loaded[i].Config.ID, err) }
		switch {
		case r.namesErr != nil:
			return fail(r.namesErr)
		case r.oaErr != nil:
			return fail(r.oaErr)
		}
		for _, name := range sortedKeys(r.oa) {
			if err := add(files, path.Join(OpenAPIDir, name), r.oa[name]); err != nil {
				return fail(err)
			}
		}
		if r.impErr != nil {
			return r.impErr
		}
	}
	if docsErr != nil {
		return docsErr
	}
	for _, name := range sortedKeys(docs) {
		if err := add(files, name, docs[name]); err != nil {
			return err
		}
	}
	return nil
}

// publishOpenAPI adds the OpenAPI components of the loaded catalogs to
// files, one catalog after another, and returns the Markdown pages to
// write for them: publish's first half, alone (the scale tests time it).
func publishOpenAPI(cfg *config.Config, loaded []Loaded, out string, files map[string][]byte) ([]markdown.Page, error) {
	pages := make([]markdown.Page, 0, len(loaded))
	for i := range loaded {
		l := &loaded[i]
		fail := func(err error) error { return fmt.Errorf("%s: catalog %s: %w", cfg.File, l.Config.ID, err) }
		page, namesErr, impErr := catalogPage(cfg, l, out)
		if namesErr != nil {
			return nil, fail(namesErr)
		}
		oa, err := catalogOpenAPI(cfg, l, page.GoNames)
		if err != nil {
			return nil, fail(err)
		}
		for name, data := range oa {
			if err := add(files, path.Join(OpenAPIDir, name), data); err != nil {
				return nil, fail(err)
			}
		}
		if impErr != nil {
			return nil, impErr
		}
		pages = append(pages, page)
	}
	return pages, nil
}

// catalogPage returns the Markdown page of catalog l, with the Go names
// of its codes, or the error naming them (namesErr) or telling the Go
// package's import path (impErr).
func catalogPage(cfg *config.Config, l *Loaded, out string) (page markdown.Page, namesErr, impErr error) {
	c, g := l.Catalog, l.Config.Go
	// The names the Go package declares, as the load computed them.
	names := l.GoNames
	if l.NamesErr != nil {
		return page, l.NamesErr, nil
	}
	imp := g.Import
	if imp == "" {
		imp, impErr = importPath(cfg.Tree, outPath(out, g.Dir))
	}
	return markdown.Page{
		Catalog:     c,
		GoPackage:   g.Package,
		ImportPath:  imp,
		GoNames:     names,
		GoDir:       g.Dir,
		OpenAPIFile: path.Join(OpenAPIDir, c.ID+".yaml"),
	}, nil, impErr
}

// catalogOpenAPI returns the OpenAPI components of catalog l.
func catalogOpenAPI(cfg *config.Config, l *Loaded, names map[string]string) (map[string][]byte, error) {
	return oaemit.Emit(l.Catalog, oaemit.Options{Version: cfg.OpenAPI.Version, GoNames: names})
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
