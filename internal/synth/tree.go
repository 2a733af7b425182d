package synth

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
)

// Source formats WriteTree writes a catalog's source in.
const (
	// JSON is an error registry, source kind data, with items and
	// fields given: the kind for large catalogs (a JSON source may have
	// 64 MiB).
	JSON = "json"
	// YAML is a hand-written catalog, source kind catalog, which may
	// have 4 MiB (catalogyaml.MaxSize): up to some 10,000 codes.
	YAML = "yaml"
)

// Tree is what WriteTree writes: Catalogs catalogs of Codes codes each.
type Tree struct {
	Catalogs, Codes int
	Seed            int64
	// Format is JSON or YAML; "" is JSON.
	Format string
}

// Module is the module path of the go.mod WriteTree writes.
const Module = "example.com/scale"

// ID is the ID of catalog i of a tree: "synth/c000", "synth/c001", ….
func ID(i int) string { return fmt.Sprintf("synth/c%03d", i) }

// All returns the catalogs of t, as WriteTree writes them: catalog
// i is Catalog(ID(i), t.Codes, t.Seed).
func (t Tree) All() []*catalog.Catalog {
	out := make([]*catalog.Catalog, t.Catalogs)
	for i := range out {
		out[i] = Catalog(ID(i), t.Codes, t.Seed)
	}
	return out
}

// WriteTree writes into dir a module (go.mod, module [Module]) with an
// errgen.yaml that lists the catalogs of t, and their sources under
// sources/, and returns the config's path and the catalogs as Catalog
// made them. The config's out is the default, generated/; each catalog's
// Go package is named after the last element of its ID (c000).
// errgen generate -config on it reads back the same entries, with origins
// and the source's digest of the files written.
func WriteTree(dir string, t Tree) (string, []*catalog.Catalog, error) {
	format := t.Format
	if format == "" {
		format = JSON
	}
	if format != JSON && format != YAML {
		return "", nil, fmt.Errorf("synth: format %q: want %q or %q", format, JSON, YAML)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+Module+"\n\ngo 1.26\n"), 0o644); err != nil {
		return "", nil, err
	}
	var cfg bytes.Buffer
	cfg.WriteString("# A synthetic config written by errgen's internal/synth.\nversion: 1\ncatalogs:\n")
	cats := t.All()
	for _, c := range cats {
		file := path.Join("sources", c.ID+"."+format)
		var data []byte
		var err error
		if format == JSON {
			data, err = registryJSON(c)
		} else {
			data, err = catalogYAML(c)
		}
		if err != nil {
			return "", nil, err
		}
		p := filepath.Join(dir, filepath.FromSlash(file))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", nil, err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return "", nil, err
		}
		fmt.Fprintf(&cfg, "  - id: %s\n    title: %s\n    vendor: %s\n    source:\n", c.ID, strconv.Quote(c.Title), strconv.Quote(c.Vendor))
		if format == JSON {
			fmt.Fprintf(&cfg, "      kind: data\n      file: %s\n      url: %s\n", file, c.Source.URL)
			cfg.WriteString("      items: /errors\n      fields: {code: /code, status: /status, message: /message, title: /title, description: /description, solution: /solution}\n")
		} else {
			fmt.Fprintf(&cfg, "      kind: catalog\n      file: %s\n      url: %s\n", file, c.Source.URL)
		}
		fmt.Fprintf(&cfg, "    envelope: %s\n", Envelope)
	}
	file := filepath.Join(dir, "errgen.yaml")
	if err := os.WriteFile(file, cfg.Bytes(), 0o644); err != nil {
		return "", nil, err
	}
	return file, cats, nil
}

// item is one error of a registry file.
type item struct {
	Code        string `json:"code"`
	Status      int    `json:"status"`
	Message     string `json:"message"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Solution    string `json:"solution"`
}

// registryJSON is c as an error registry: {"errors": [item, …]}, one item
// a line.
func registryJSON(c *catalog.Catalog) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("{\"errors\": [\n")
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for i, e := range c.Entries {
		if i > 0 {
			// Encode ended the previous item with a newline.
			b.Truncate(b.Len() - 1)
			b.WriteString(",\n")
		}
		if err := enc.Encode(item{e.Code, e.Status, e.Message, e.Title, e.Description, e.Solution}); err != nil {
			return nil, err
		}
	}
	b.WriteString("]}\n")
	return b.Bytes(), nil
}

// catalogYAML is c as a hand-written catalog.
func catalogYAML(c *catalog.Catalog) ([]byte, error) {
	type entry struct {
		Code        string `yaml:"code"`
		Status      int    `yaml:"status"`
		Message     string `yaml:"message,omitempty"`
		Title       string `yaml:"title,omitempty"`
		Description string `yaml:"description,omitempty"`
		Solution    string `yaml:"solution,omitempty"`
	}
	doc := struct {
		Title   string  `yaml:"title"`
		Vendor  string  `yaml:"vendor"`
		Entries []entry `yaml:"entries"`
	}{Title: c.Title, Vendor: c.Vendor}
	for _, e := range c.Entries {
		doc.Entries = append(doc.Entries, entry{e.Code, e.Status, e.Message, e.Title, e.Description, e.Solution})
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
