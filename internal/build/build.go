// Package build runs errgen's pipeline for a config: it reads each
// catalog's source snapshot, parses it into a catalog, emits every output,
// and writes or checks the output tree.
//
// It is the only place that does file I/O for the pipeline: parsers and
// emitters stay pure (bytes in, values out), so they can be tested and
// fuzzed without a file system.
package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/parse/htmltable"
)

// ParseOptions are the source settings a parser may use.
type ParseOptions struct {
	// File names the input in messages.
	File        string
	Tables      []config.TableSelector
	SkipBadRows bool
}

// Parse reads data as a source of the given kind.
func Parse(kind string, data []byte, opts ParseOptions) ([]catalog.Entry, *catalog.Report, error) {
	switch kind {
	case "html-table":
		var tables []string
		for _, t := range opts.Tables {
			if t.Index > 0 {
				tables = append(tables, strconv.Itoa(t.Index))
			} else {
				tables = append(tables, t.Caption)
			}
		}
		return htmltable.Parse(data, htmltable.Options{File: opts.File, Tables: tables, SkipBadRows: opts.SkipBadRows})
	}
	return nil, nil, fmt.Errorf("unknown source kind %q (known: %v)", kind, config.Kinds)
}

// GuessKind returns the source kind a file most likely is, from its name
// and content, or "" when it cannot tell.
func GuessKind(file string, data []byte) string {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".html", ".htm":
		return "html-table"
	}
	return ""
}

// Loaded is one catalog read from its source, with what its parser noticed.
type Loaded struct {
	Config *config.Catalog
	// File is the source snapshot's path, as messages name it.
	File    string
	Catalog *catalog.Catalog
	Report  *catalog.Report
}

// Load parses the sources of the catalogs named by ids (all when ids is
// empty), in config order. A snapshot feeding several catalogs is read once.
func Load(cfg *config.Config, ids ...string) ([]Loaded, error) {
	want := map[string]bool{}
	for _, id := range ids {
		if _, ok := cfg.Catalog(id); !ok {
			return nil, fmt.Errorf("%s: no catalog %q (known: %v)", cfg.File, id, cfg.IDs())
		}
		want[id] = true
	}
	files := map[string][]byte{}
	var out []Loaded
	for i := range cfg.Catalogs {
		c := &cfg.Catalogs[i]
		if len(want) > 0 && !want[c.ID] {
			continue
		}
		file := cfg.Path(c.Source.File)
		data, ok := files[file]
		if !ok {
			var err error
			if data, err = os.ReadFile(file); err != nil {
				return nil, fmt.Errorf("catalog %s: source: %w", c.ID, err)
			}
			files[file] = data
		}
		entries, report, err := Parse(c.Source.Kind, data, ParseOptions{
			File:        file,
			Tables:      c.Source.Tables,
			SkipBadRows: c.Source.SkipBadRows,
		})
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(data)
		out = append(out, Loaded{
			Config: c,
			File:   file,
			Report: report,
			Catalog: &catalog.Catalog{
				Format: catalog.FormatVersion,
				ID:     c.ID,
				Title:  c.Title,
				Vendor: c.Vendor,
				Source: catalog.Source{
					Kind:   c.Source.Kind,
					URL:    c.Source.URL,
					File:   path.Clean(c.Source.File),
					SHA256: hex.EncodeToString(sum[:]),
				},
				Envelope: c.Envelope.Catalog(),
				Entries:  entries,
			},
		})
	}
	return out, nil
}

// outPath joins slash paths relative to the output root.
func outPath(out, rel string) string { return filepath.Join(out, filepath.FromSlash(rel)) }
