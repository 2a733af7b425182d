// Package config reads errgen.yaml: which vendor source feeds which
// catalog, and where and how each catalog's outputs are written.
//
//	version: 1                 # required; the only version is 1
//	out: ../generated          # output root, relative to this file (default "generated"); inside the tree
//	openapi: {version: "3.0"}  # OpenAPI components: "3.0" (3.0.3, default) or "3.1" (3.1.0)
//	catalogs:
//	  - id: huaweicloud/identitycenter     # required; lower-case, slash-separated
//	    title: Huawei Cloud IAM Identity Center
//	    vendor: Huawei Cloud
//	    source:
//	      kind: html-table                 # required; the parser to use
//	      file: huaweicloud/identitycenter/ErrorCode.html   # required; relative to this file
//	      url: https://support.huaweicloud.com/…            # required; where the vendor publishes it (http or https)
//	      tables:                          # optional; html-table, markdown; default: every error table
//	        - index: 1                     # the page's 1st <table>
//	        - caption: Table 1 SCIM error codes
//	      columns:                         # optional; html-table, markdown: which column holds
//	        code: Error                    # a role (code, status, message, title, description,
//	        status: 1                      # solution): header text or 1-based index; beats every guess
//	      skip_bad_rows: false             # optional; warn and skip bad rows instead of failing
//	      exclude: [Others, /^Test\./]     # optional; any kind: leave out these codes, or the
//	                                       # codes a /regular expression/ matches as a whole
//	    envelope: huaweicloud              # a named envelope, or a mapping:
//	    #  shapes: [{code: /error_code, message: /error_msg, request_id: /request_id}]
//	    #  request_id_header: X-Request-Id
//	    #  named: huaweicloud, oauth2 (code /error, message /error_description), scim
//	    go:
//	      package: identitycenter          # default: last element of id
//	      dir: go/huaweicloud/identitycenter   # relative to out; default: go/<id>
//	      import: example.com/m/identitycenter # default: derived from the enclosing go.mod
//	      trim_prefixes: ["IdentityCenter."]   # prefixes to drop from codes for Go names,
//	                                       # longest match first; default: none, names keep the
//	                                       # code whole (IdentityCenter1000), so no added code
//	                                       # renames others; generate suggests the line
//	      names:                           # Go names for codes, instead of derived ones
//	        IdentityCenter.1000: NoPermission
//	      scim_base: example.com/m/scim    # SCIM envelope only: the SCIM base package's import
//	                                       # path; default: that of catalog ietf/scim in this
//	                                       # config, else github.com/errgen/errgen/generated/go/ietf/scim
//	    retryable: [IdentityCenter.1006]   # optional; codes a client may retry unchanged, later:
//	                                       # generated errors' Retryable() is true for them
//	                                       # (and always for statuses 429 and 503)
//
// The named envelopes (envelope: NAME) are:
//
//	huaweicloud  {"error_code", "error_msg", "request_id"}, or {"error": {"code", "message", "request_id"}};
//	             the request ID header X-Request-Id when the body has none
//	oauth2       {"error", "error_description"} (RFC 6749 §5.2)
//	scim         {"scimType", "detail"}, or {"status", "detail"} without a scimType (RFC 7644 §3.12)
//
// Any other body is a mapping of shapes, one per layout the vendor sends,
// tried in order: code, message and request_id are JSON pointers ("*" for
// every element of an array), and code_prefix is what the documentation
// writes before the code the body sends (Microsoft Entra's
// {"error_codes": [70011]} is the documented AADSTS70011):
//
//	envelope:
//	  shapes: [{code: /error_codes/*, code_prefix: AADSTS, message: /error_description}]
//
// A source of kind openapi is an OpenAPI 3.x or Swagger 2.0 document (YAML
// or JSON; see package github.com/errgen/errgen/parse/openapi). Its
// envelope is derived from the document's error schemas, so envelope is
// optional there (when given, it replaces the derived one), and two more
// source keys apply:
//
//	source:
//	  kind: openapi
//	  file: nevis/idm/openapi.yaml
//	  url: https://docs.nevis.net/…
//	  code_pointer: /errors/*/code       # optional; where an error body carries the code,
//	  message_pointer: /errors/*/message # and the message: JSON pointers, "*" = every
//	                                     # array element; default: found by field name
//
// $refs to other files are followed only within the document's directory.
//
// The kinds are parse's registry (go doc ./parse): html-table (HTML
// pages: error tables, else a section layout), markdown (the same in
// Markdown, .md), openapi, catalog, scimdoc and data. A source of kind
// data is a JSON or YAML file that lists errors as objects, a vendor's
// error registry (see package github.com/errgen/errgen/parse/data); two
// more source keys say where they are, when errgen's guess is not right:
//
//	source:
//	  kind: data
//	  file: acme/errors.json
//	  url: https://acme.example/errors.json
//	  items: /services/*/errors   # the array or map of errors; "*" = every member
//	  fields: {code: /id, status: /http/status, message: /text}   # inside one item
//
// A key a kind does not read (tables on an openapi source, items on an
// HTML page) is an error naming the kinds that read it.
//
// A source of kind catalog is a hand-written catalog in YAML (see package
// github.com/errgen/errgen/parse/catalogyaml), for a vendor or a standard
// without machine-readable documentation; one of kind scimdoc is a SCIM
// provider's error documentation written as prose, HTML or a text
// rendering of it, with JSON examples and field tables (see package
// github.com/errgen/errgen/parse/scimdoc). Both may describe the envelope
// themselves (scimdoc always gives SCIM's, with the fields and extensions
// the page documents), so envelope is optional there too; when errgen.yaml
// gives one, its shapes and request ID header win, and the fields and
// extensions the source documents are kept. Without envelope: in
// errgen.yaml or in the source, loading the catalog fails.
//
// A catalog whose envelope is SCIM's (envelope: scim, or a scimdoc source)
// gets a Go package that wraps the errors of the SCIM base package, so
// that one errors.Is(err, scim.Uniqueness) works for every SCIM vendor:
// the base is the package generated for catalog ietf/scim of the same
// config (sources/ietf/scim/rfc7644.yaml in errgen's own tree), or errgen's
// own github.com/errgen/errgen/generated/go/ietf/scim when the config has
// no such catalog, or go.scim_base. The catalog whose import path is the
// base's is generated as the base itself.
//
// An envelope's shapes are the body layouts a parser tries in order (see
// catalog.Shape): code, message and request_id are JSON pointers, and in
// code and message "*" stands for every element of an array that lists
// errors. A message through the code's "*" pairs with each element's
// code; a message without "*" is the body's one message, which every
// listed code pairs with. code_prefix is what the documentation writes
// before the codes the body sends; Microsoft Entra documents AADSTS70011
// and sends {"error_description": "AADSTS70011: …", "error_codes": [70011]}:
//
//	envelope:
//	  shapes: [{code: /error_codes/*, code_prefix: AADSTS, message: /error_description}]
//
// A code_prefix is text without control characters, spaces at either end
// or invalid UTF-8.
//
// Unknown keys, missing required fields, duplicate ids and paths that leave
// their base directory are errors that name the file and the line.
//
// # Retryable codes
//
// retryable: lists codes of the catalog, exactly as the catalog writes
// them (after exclude:), whose errors are transient: the same request may
// succeed when sent again later. Every entry of a listed code gets
// catalog.Entry.Retryable, and the generated errors' Retryable() reports
// it; statuses 429 and 503 are retryable without being listed. A code
// the catalog does not have is an error naming the line and, when one is
// close, the code meant; a code listed twice is an error too; a list
// has at most [MaxRetryable] codes of at most [MaxRetryableCode] bytes
// each, and no /regular expressions/ (list each code).
//
// errgen never decides on its own that a code is retryable. When the
// documentation of codes not listed says the error is transient ("Try
// again later", "retry after", "temporarily unavailable", not "check …
// and try again", which asks for a fix first), errgen warns once per
// catalog, naming those codes and the retryable: line that would declare
// them; a code documented only with status 429 or 503 is left out, being
// retryable already. Add the line when a retry can succeed, or leave the
// warning when it cannot. A hand-written catalog may also declare an
// entry retryable: true (see package
// github.com/errgen/errgen/parse/catalogyaml).
//
// errgen drift, errgen fetch and errgen diff -git read other versions of
// a source with the same config: a listed code such a version no longer
// documents is a warning there (the report shows the code removed), and
// an error for errgen generate once the committed source lacks it.
//
// # Paths
//
// A config may come from a pull request, so its paths are confined:
// every path is relative and slash-separated, and
//
//   - source.file stays inside the config's directory (no ".."); errgen
//     also reads it through that directory, so a symbolic link that leads
//     out of it is refused when the file is read;
//   - go.dir stays inside out (no "..");
//   - out may start with a run of "../" (errgen's own config has
//     out: ../generated), but must stay inside the config's tree: the
//     nearest directory at or above the config that holds go.mod or .git,
//     else the config's own directory. errgen creates and opens out
//     through an os.Root at the tree (see OpenOut), walking it component
//     by component, so a symbolic link on its path is refused, whether
//     it leads out of the tree or into it (generated -> .git), and
//     whether out exists yet or not: errgen never writes through a
//     symbolic link;
//   - neither out nor go.dir may have a .git segment (any case): that
//     directory is git's. (A link to it is refused when written through,
//     as above and in build.Write.)
//
// source.url must be an absolute http or https URL: it is what errgen
// fetch downloads and what the generated docs link to.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/safefile"
	"github.com/errgen/errgen/parse"
)

// DefaultOut is the output root of a config without out: one folder
// beside errgen.yaml, so that the Go packages, the OpenAPI components, the
// Markdown pages and errgen's manifest do not spread over the module root.
const DefaultOut = "generated"

// Version is the only config version this errgen reads.
const Version = 1

// Config is a parsed errgen.yaml.
type Config struct {
	Version  int       `yaml:"version"`
	Out      string    `yaml:"out"`
	OpenAPI  OpenAPI   `yaml:"openapi"`
	Catalogs []Catalog `yaml:"catalogs"`

	// File is the config's path as given; Dir its directory. Relative
	// paths in the config are resolved against Dir.
	File string `yaml:"-"`
	Dir  string `yaml:"-"`
	// Tree is the absolute directory out must stay in: the nearest one
	// at or above Dir that holds go.mod or .git, else Dir.
	Tree string `yaml:"-"`
	// OutLine is the line of the out key, or of the document when the
	// config has none.
	OutLine int `yaml:"-"`
}

// Catalog says where one catalog comes from and where it goes.
type Catalog struct {
	ID       string   `yaml:"id"`
	Title    string   `yaml:"title"`
	Vendor   string   `yaml:"vendor"`
	Source   Source   `yaml:"source"`
	Envelope Envelope `yaml:"envelope"`
	Go       Go       `yaml:"go"`
	// Retryable are the codes whose errors a client may retry unchanged,
	// later (see "Retryable codes" in the package doc). Parse checks the
	// list's form; that each is a code of the catalog is checked once
	// the source is parsed (package build), at RetryableLines.
	Retryable []string `yaml:"retryable"`

	// Line is where the catalog starts in the config file.
	Line int `yaml:"-"`
	// RetryableLines are the lines of the items of Retryable, and
	// RetryableLine that of the retryable key (the catalog's line when
	// it has none).
	RetryableLines []int `yaml:"-"`
	RetryableLine  int   `yaml:"-"`
}

// MaxRetryable bounds a catalog's retryable: list, and MaxRetryableCode
// one of its codes, in bytes: a config from a pull request must not make
// errgen compare megabytes of codes.
const (
	MaxRetryable     = 1000
	MaxRetryableCode = 1000
)

// Source names a vendor document snapshot and the parser that reads it.
type Source struct {
	Kind        string          `yaml:"kind"`
	File        string          `yaml:"file"`
	URL         string          `yaml:"url"`
	Tables      []TableSelector `yaml:"tables"`
	SkipBadRows bool            `yaml:"skip_bad_rows"`
	// FileLine is the line of the file key, for messages about the file.
	FileLine int `yaml:"-"`
	// CodePointer and MessagePointer (kind openapi) say where an error
	// body carries the code and message; "*" stands for every element of
	// an array.
	CodePointer    string `yaml:"code_pointer"`
	MessagePointer string `yaml:"message_pointer"`
	// Columns (kinds html-table, markdown) maps a role (code, status,
	// message, title, description, solution) to a column: its header
	// text, or its 1-based index. It beats every guess.
	Columns map[string]string `yaml:"columns"`
	// Items (kind data) points at the array or map of errors, "*"
	// standing for every member; Fields maps a role to a pointer inside
	// one item.
	Items  string            `yaml:"items"`
	Fields map[string]string `yaml:"fields"`
	// Exclude (every kind) leaves out the entries whose code is one of
	// these, or matches one written /between slashes/ (a regular
	// expression matched against the whole code).
	Exclude []string `yaml:"exclude"`
}

// Options are the source's settings as the parser registry takes them;
// the caller adds File, Charset and ReadFile.
func (s *Source) Options() parse.Options {
	o := parse.Options{
		SkipBadRows:    s.SkipBadRows,
		Columns:        s.Columns,
		CodePointer:    s.CodePointer,
		MessagePointer: s.MessagePointer,
		Items:          s.Items,
		Fields:         s.Fields,
	}
	for _, t := range s.Tables {
		o.Tables = append(o.Tables, t.String())
	}
	return o
}

// TableSelector picks one table of an HTML page: by 1-based index among
// all the page's tables, or by caption.
type TableSelector struct {
	Index   int    `yaml:"index"`
	Caption string `yaml:"caption"`
}

// String is the selector as parsers take it: the index in decimal, or
// the caption.
func (t TableSelector) String() string {
	if t.Index > 0 {
		return strconv.Itoa(t.Index)
	}
	return t.Caption
}

// Envelope is either the name of a known envelope (see
// catalog.NamedEnvelope) or an explicit one.
type Envelope struct {
	Name            string  `yaml:"-"`
	Shapes          []Shape `yaml:"shapes"`
	RequestIDHeader string  `yaml:"request_id_header"`
}

// Shape is one layout of an error body, as JSON pointers (see
// catalog.Shape), and the prefix the documentation writes before the
// codes the body sends.
type Shape struct {
	Code       string `yaml:"code"`
	CodePrefix string `yaml:"code_prefix"`
	Message    string `yaml:"message"`
	RequestID  string `yaml:"request_id"`
}

// Catalog returns the envelope in the catalog's terms.
func (e Envelope) Catalog() catalog.Envelope {
	env := catalog.Envelope{RequestIDHeader: e.RequestIDHeader}
	for _, s := range e.Shapes {
		env.Shapes = append(env.Shapes, catalog.Shape(s))
	}
	return env
}

// UnmarshalYAML accepts a name or a mapping.
func (e *Envelope) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		e.Name = n.Value
		return nil
	}
	type plain Envelope
	return n.Decode((*plain)(e))
}

// Go configures the generated Go package.
type Go struct {
	Package string `yaml:"package"`
	Dir     string `yaml:"dir"`
	Import  string `yaml:"import"`
	// TrimPrefixes, when set, are dropped from codes to derive Go names
	// (the longest that matches; see catalog.GoNames). Nothing is dropped
	// otherwise: a prefix all codes share is no default, because one
	// added code without it would rename every constant.
	TrimPrefixes []string          `yaml:"trim_prefixes"`
	Names        map[string]string `yaml:"names"`
	// SCIMBase is the import path of the SCIM base package that a
	// catalog with the SCIM envelope builds on; "" for the default (see
	// the package doc).
	SCIMBase string `yaml:"scim_base"`
}

// Catalog returns the catalog called id.
func (c *Config) Catalog(id string) (*Catalog, bool) {
	for i := range c.Catalogs {
		if c.Catalogs[i].ID == id {
			return &c.Catalogs[i], true
		}
	}
	return nil, false
}

// IDs lists the catalog ids in config order.
func (c *Config) IDs() []string {
	ids := make([]string, len(c.Catalogs))
	for i, cat := range c.Catalogs {
		ids[i] = cat.ID
	}
	return ids
}

// Path resolves a path written in the config against its directory.
func (c *Config) Path(p string) string {
	return filepath.Join(c.Dir, filepath.FromSlash(p))
}

// OutDir is the output root.
func (c *Config) OutDir() string { return c.Path(c.Out) }

// MaxSize bounds the config file errgen reads.
const MaxSize = safefile.MaxConfigSize

// Load reads and validates the config file at file. The path is the
// user's (a -config flag, or the default), so it may be a symbolic link
// anywhere; but its content may come from a pull request, so it must be
// a regular file of at most MaxSize bytes (a link to /dev/zero must not
// eat memory).
func Load(file string) (*Config, error) {
	data, err := safefile.ReadFile(file, MaxSize)
	if err != nil {
		return nil, err
	}
	return Parse(file, data)
}

// Parse validates data as the config file named file.
func Parse(file string, data []byte) (*Config, error) {
	fail := func(line int, format string, args ...any) error {
		where := ""
		if line > 0 {
			where = fmt.Sprintf("line %d", line)
		}
		return &catalog.Diagnostic{File: file, Where: where, Message: fmt.Sprintf(format, args...)}
	}
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fail(0, "empty config: want a mapping with version: 1 and catalogs")
		}
		return nil, fail(0, "%s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return nil, fail(doc.Line, "want a mapping with version: 1 and catalogs")
	}
	if err := checkRetryable(doc); err != nil {
		return nil, fail(err.line, "%s", err.msg)
	}
	if err := checkKeys(doc, reflect.TypeFor[Config](), ""); err != nil {
		return nil, fail(err.line, "%s", err.msg)
	}
	var cfg Config
	var err error
	if err := doc.Decode(&cfg); err != nil {
		return nil, fail(0, "%s", strings.TrimPrefix(err.Error(), "yaml: unmarshal errors:\n  "))
	}
	cfg.File = file
	cfg.Dir = filepath.Dir(file)

	// line is the line of the last of keys found under n: where a reader
	// looks for the setting, or for the place to add it.
	line := func(n *yaml.Node, keys ...string) int {
		at := n.Line
		for _, k := range keys {
			key, v := lookup(n, k)
			if v == nil {
				break
			}
			at, n = key.Line, v
		}
		return at
	}
	if cfg.Version != Version {
		return nil, fail(line(doc, "version"), "version: got %d, want %d", cfg.Version, Version)
	}
	if cfg.Out == "" {
		cfg.Out = DefaultOut
	}
	cfg.OutLine = line(doc, "out")
	if err := relPath(cfg.Out, true, "the config's directory"); err != nil {
		return nil, fail(cfg.OutLine, "out: %v", err)
	}
	if HasGitSegment(cfg.Out) {
		return nil, fail(cfg.OutLine, "out: %q: errgen never writes into a .git directory (it is git's own); hint: choose another output directory, such as out: generated", cfg.Out)
	}
	if cfg.Tree, err = treeOf(cfg.Dir); err != nil {
		return nil, fail(0, "%v", err)
	}
	if !inside(cfg.Tree, filepath.Join(absDir(cfg.Dir), filepath.FromSlash(cfg.Out))) {
		return nil, fail(cfg.OutLine, "out: %q leaves %s, the tree errgen writes in (the nearest directory at or above the config holding go.mod or .git); hint: put the output inside it, such as out: generated", cfg.Out, cfg.Tree)
	}
	if err := cfg.OpenAPI.check(); err != nil {
		return nil, fail(line(doc, "openapi", "version"), "%v", err)
	}
	if len(cfg.Catalogs) == 0 {
		return nil, fail(line(doc, "catalogs"), "catalogs: want at least one catalog")
	}
	seq := value(doc, "catalogs")
	seenID := map[string]int{}
	seenDir := map[string]string{}
	for i := range cfg.Catalogs {
		c := &cfg.Catalogs[i]
		n := seq.Content[i]
		c.Line = n.Line
		at := func(keys ...string) int { return line(n, keys...) }
		name := fmt.Sprintf("catalogs[%d]", i)
		if c.ID != "" {
			name = fmt.Sprintf("catalog %s", c.ID)
		}
		switch {
		case c.ID == "":
			return nil, fail(at(), "%s: missing id (e.g. id: vendor/api)", name)
		case !idRE.MatchString(c.ID):
			return nil, fail(at("id"), "%s: id must be lower-case words (a-z, 0-9, '-', '_') separated by '/'", name)
		}
		if prev, dup := seenID[c.ID]; dup {
			return nil, fail(at("id"), "%s: duplicate id, first used on line %d", name, prev)
		}
		seenID[c.ID] = at("id")
		s := &c.Source
		kind, known := parse.Lookup(s.Kind)
		switch {
		case s.Kind == "":
			return nil, fail(at("source"), "%s: source: missing kind (one of: %s)", name, strings.Join(parse.Names(), ", "))
		case !known:
			return nil, fail(at("source", "kind"), "%s: source: unknown kind %q (one of: %s)", name, s.Kind, strings.Join(parse.Names(), ", "))
		case s.File == "":
			return nil, fail(at("source"), "%s: source: missing file", name)
		case s.URL == "":
			return nil, fail(at("source"), "%s: source: missing url (where the vendor publishes the document)", name)
		}
		s.FileLine = at("source", "file")
		if err := relPath(s.File, false, "the config's directory"); err != nil {
			return nil, fail(s.FileLine, "%s: source: file: %v; hint: keep the snapshot in or below the config's directory", name, err)
		}
		if msg := httpURL(s.URL); msg != "" {
			return nil, fail(at("source", "url"), "%s: source: url: %s", name, msg)
		}
		for j, t := range s.Tables {
			tn := value(n, "source", "tables").Content[j]
			if (t.Index == 0) == (t.Caption == "") {
				return nil, fail(tn.Line, "%s: source: tables[%d]: want exactly one of index (1, 2, …) or caption", name, j)
			}
			if t.Index < 0 {
				return nil, fail(tn.Line, "%s: source: tables[%d]: index must be 1 or more", name, j)
			}
		}
		opts := s.Options()
		for _, key := range opts.Set() {
			if !kind.Accepts(key) {
				return nil, fail(at("source", key), "%s: source: %s does not apply to kind %s (only to %s)", name, key, s.Kind, strings.Join(parse.KindsFor(key), ", "))
			}
		}
		if err := opts.Check(); err != nil {
			return nil, fail(at("source", err.Key), "%s: source: %s: %s", name, err.Key, err.Message)
		}
		for j, x := range s.Exclude {
			if _, err := parse.CompileExclude([]string{x}); err != nil {
				return nil, fail(value(n, "source", "exclude").Content[j].Line, "%s: source: exclude[%d]: %v", name, j, err)
			}
		}
		if c.Envelope.Name != "" {
			env, ok := catalog.NamedEnvelope(c.Envelope.Name)
			if !ok {
				return nil, fail(at("envelope"), "%s: envelope: unknown name %q (one of: %s, or a mapping with shapes)", name, c.Envelope.Name, strings.Join(catalog.EnvelopeNames(), ", "))
			}
			c.Envelope.Shapes, c.Envelope.RequestIDHeader = nil, env.RequestIDHeader
			for _, sh := range env.Shapes {
				c.Envelope.Shapes = append(c.Envelope.Shapes, Shape(sh))
			}
		} else if len(c.Envelope.Shapes) == 0 && kind.Envelope == parse.NoEnvelope {
			return nil, fail(at("envelope"), "%s: missing envelope: name one (%s) or give shapes", name, strings.Join(catalog.EnvelopeNames(), ", "))
		}
		for j, sh := range c.Envelope.Shapes {
			for _, p := range []struct{ key, ptr string }{{"code", sh.Code}, {"message", sh.Message}, {"request_id", sh.RequestID}} {
				if p.ptr == "" && p.key == "code" || p.ptr != "" && !strings.HasPrefix(p.ptr, "/") {
					return nil, fail(at("envelope", "shapes"), "%s: envelope: shapes[%d]: %s: want a JSON pointer such as /error/%s", name, j, p.key, p.key)
				}
			}
			if msg := catalog.CheckCodePrefix(sh.CodePrefix); msg != "" {
				ln := at("envelope", "shapes")
				if v := value(n, "envelope", "shapes"); v != nil && v.Kind == yaml.SequenceNode && j < len(v.Content) {
					ln = v.Content[j].Line
				}
				return nil, fail(ln, "%s: envelope: shapes[%d]: code_prefix %q: %s", name, j, sh.CodePrefix, msg)
			}
		}
		c.RetryableLine = at("retryable")
		if items := deref(value(n, "retryable")); items != nil && items.Kind == yaml.SequenceNode {
			first := map[string]int{}
			for _, item := range items.Content {
				c.RetryableLines = append(c.RetryableLines, item.Line)
			}
			for j, code := range c.Retryable {
				if prev, dup := first[code]; dup {
					return nil, fail(c.RetryableLines[j], "%s: retryable[%d]: %q is listed twice, first on line %d; hint: remove one", name, j, code, prev)
				}
				first[code] = c.RetryableLines[j]
			}
		}
		g := &c.Go
		for j, p := range g.TrimPrefixes {
			if p == "" {
				return nil, fail(at("go", "trim_prefixes"), "%s: go: trim_prefixes[%d] is empty: want a prefix of codes, such as \"errors.\"", name, j)
			}
		}
		if g.SCIMBase != "" && (strings.ContainsAny(g.SCIMBase, " \\\t") || strings.HasPrefix(g.SCIMBase, "/") || strings.HasSuffix(g.SCIMBase, "/")) {
			return nil, fail(at("go", "scim_base"), "%s: go: scim_base %q: want an import path such as example.com/m/scim", name, g.SCIMBase)
		}
		if g.Package == "" {
			g.Package = path.Base(c.ID)
			g.Package = strings.NewReplacer("-", "", "_", "").Replace(g.Package)
		}
		if !goIdentRE.MatchString(g.Package) {
			return nil, fail(at("go", "package"), "%s: go: package %q is not a lower-case Go package name", name, g.Package)
		}
		if g.Dir == "" {
			g.Dir = path.Join("go", c.ID)
		}
		if err := relPath(g.Dir, false, "the output directory (out)"); err != nil {
			return nil, fail(at("go", "dir"), "%s: go: dir: %v: go.dir is relative to out; hint: a directory below out, such as go/%s", name, err, c.ID)
		}
		if HasGitSegment(g.Dir) {
			return nil, fail(at("go", "dir"), "%s: go: dir: %q: errgen never writes into a .git directory (it is git's own); hint: choose another directory, such as go/%s", name, g.Dir, c.ID)
		}
		g.Dir = path.Clean(g.Dir)
		if other, dup := seenDir[g.Dir]; dup {
			return nil, fail(at("go"), "%s: go: dir %s is also used by catalog %s", name, g.Dir, other)
		}
		seenDir[g.Dir] = c.ID
	}
	return &cfg, nil
}

var (
	idRE      = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*$`)
	goIdentRE = regexp.MustCompile(`^[a-z][a-z0-9]*$`)
)

// relPath rejects paths that could write or read outside their base
// directory (base names it in the message): absolute paths and paths with "..", except that dotdot
// allows a leading "../" run (the output root may sit beside the config;
// Parse bounds it by the tree).
func relPath(p string, dotdot bool, base string) error {
	if p == "" {
		return errors.New("empty path")
	}
	if path.IsAbs(p) || filepath.IsAbs(p) || strings.Contains(p, `\`) || hasVolume(p) {
		return fmt.Errorf("%q: want a relative, slash-separated path", p)
	}
	if strings.ContainsFunc(p, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return fmt.Errorf("%q: want a path without control characters", p)
	}
	rest := path.Clean(p)
	if dotdot {
		for strings.HasPrefix(rest, "../") {
			rest = rest[3:]
		}
		if rest == ".." {
			rest = "."
		}
	}
	if rest == ".." || strings.HasPrefix(rest, "../") {
		return fmt.Errorf("%q leaves %s", p, base)
	}
	return nil
}

// hasVolume reports a Windows drive ("C:x"), which filepath.IsAbs on
// other systems does not see but Windows resolves against that drive.
func hasVolume(p string) bool {
	return len(p) >= 2 && p[1] == ':' && ('a' <= p[0]|0x20 && p[0]|0x20 <= 'z')
}

// httpURL checks a source URL; it returns what is wrong, or "".
func httpURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || !(strings.EqualFold(u.Scheme, "http") || strings.EqualFold(u.Scheme, "https")) || u.Host == "" || u.Opaque != "" {
		return fmt.Sprintf("%q: want an absolute http or https URL, such as https://vendor.example/errors", s)
	}
	return ""
}

// treeOf returns the absolute tree of a config in dir: the nearest
// directory at or above it that holds go.mod or .git, else dir.
func treeOf(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		for _, marker := range []string{"go.mod", ".git"} {
			if _, err := os.Lstat(filepath.Join(d, marker)); err == nil {
				return d, nil
			}
		}
		if filepath.Dir(d) == d {
			return abs, nil
		}
	}
}

func absDir(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	return abs
}

// inside reports whether p is dir or below it, lexically.
func inside(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && (rel == "." || filepath.IsLocal(rel))
}

// OutRel is out relative to Tree, in the OS's syntax.
func (c *Config) OutRel() (string, error) {
	rel, err := filepath.Rel(c.Tree, filepath.Join(absDir(c.Dir), filepath.FromSlash(c.Out)))
	if err != nil || !(rel == "." || filepath.IsLocal(rel)) {
		return "", fmt.Errorf("%s: line %d: out: %q leaves %s, the tree errgen writes in", c.File, c.OutLine, c.Out, c.Tree)
	}
	return rel, nil
}

// OpenOut opens the output root as an os.Root, creating it first when
// create is set. out is never resolved on its own: the tree is opened as
// an os.Root and out is walked from it component by component, each
// checked with Lstat and, when create is set and it is missing, made as
// a real directory. errgen never writes through a symbolic link: a link
// anywhere on that path (out itself, or a parent that does not hold out
// yet, such as evil -> ../victim with out: evil/pwned, or generated ->
// .git) is refused before anything is created, whether it leads outside
// the tree or not, and every later write goes through the root this
// returns. When out does not exist and create is not set, the error
// wraps fs.ErrNotExist.
func (c *Config) OpenOut(create bool) (*os.Root, error) {
	rel, err := c.OutRel()
	if err != nil {
		return nil, err
	}
	tree, err := os.OpenRoot(c.Tree)
	if err != nil {
		return nil, err
	}
	defer tree.Close()
	verb := "open"
	if create {
		verb = "create"
	}
	var link string
	if link, err = realDirs(tree, rel, create); err == nil {
		var root *os.Root
		if root, err = tree.OpenRoot(rel); err == nil {
			return root, nil
		}
	}
	switch {
	case safefile.Escapes(err):
		return nil, fmt.Errorf("%s: line %d: out: refusing to %s %s: a symbolic link on the path %s leads outside %s, the tree errgen writes in (hint: make the linked directories real ones, or choose another out)", c.File, c.OutLine, verb, c.OutDir(), c.Out, c.Tree)
	case link != "":
		return nil, fmt.Errorf("%s: line %d: out: refusing to %s %s: %s is a symbolic link, and errgen never writes through one (hint: make it a real directory, or choose another out)", c.File, c.OutLine, verb, c.OutDir(), filepath.Join(c.Tree, link))
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: line %d: out: %s: %w", c.File, c.OutLine, c.OutDir(), fs.ErrNotExist)
	case err != nil:
		return nil, fmt.Errorf("%s: line %d: out: %s: %w", c.File, c.OutLine, c.OutDir(), err)
	}
	return nil, errors.New("unreachable")
}

// errSymlink is a symbolic link on a path errgen writes through.
var errSymlink = errors.New("a symbolic link")

// realDirs checks that every component of rel (an OS-syntax path in
// tree) is a real directory, not a symbolic link, making the missing ones
// when create is set. On a link it returns its path in tree and an error
// (one that Escapes when the link leads out of the tree).
func realDirs(tree *os.Root, rel string, create bool) (link string, err error) {
	if rel == "." {
		return "", nil
	}
	p := ""
	for _, seg := range strings.Split(rel, string(filepath.Separator)) {
		p = filepath.Join(p, seg)
		fi, err := tree.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) && create {
			if err = tree.Mkdir(p, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				return "", err
			}
			fi, err = tree.Lstat(p)
		}
		switch {
		case err != nil:
			return "", err
		case fi.Mode()&fs.ModeSymlink != 0:
			if _, serr := tree.Stat(p); safefile.Escapes(serr) {
				return p, serr
			}
			return p, errSymlink
		case !fi.IsDir():
			return "", fmt.Errorf("%s: not a directory", p)
		}
	}
	return "", nil
}

// HasGitSegment reports whether the slash path p has a segment that a
// file system may take for ".git": git's own directory, which errgen
// must never write into or delete from. As git itself does, it also
// catches the forms that name .git on case-insensitive systems (".GIT"),
// on Windows (trailing dots and spaces, the short name "git~1") and on
// macOS (characters HFS+ ignores, such as U+200C).
func HasGitSegment(p string) bool {
	for seg := range strings.SplitSeq(strings.ReplaceAll(p, `\`, "/"), "/") {
		seg = strings.Map(func(r rune) rune {
			if hfsIgnored(r) {
				return -1
			}
			return r
		}, seg)
		seg = strings.TrimRight(seg, ". ")
		if strings.EqualFold(seg, ".git") || strings.EqualFold(seg, "git~1") {
			return true
		}
	}
	return false
}

// hfsIgnored reports the characters HFS+ drops when it compares names.
func hfsIgnored(r rune) bool {
	switch {
	case r >= 0x200c && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x206a && r <= 0x206f, r == 0xfeff:
		return true
	}
	return false
}

// checkRetryable checks the form of every catalog's retryable: list
// before the config is decoded (a mapping where a code belongs would
// otherwise be yaml's message without a place): a list of codes, each
// text, not empty, not a /regular expression/, within MaxRetryableCode
// bytes, and at most MaxRetryable of them.
func checkRetryable(doc *yaml.Node) *keyError {
	seq := value(doc, "catalogs")
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return nil
	}
	for i, n := range seq.Content {
		key, list := lookup(n, "retryable")
		list = deref(list)
		if list == nil || list.Kind == yaml.ScalarNode && list.Tag == "!!null" {
			continue
		}
		name := fmt.Sprintf("catalogs[%d]", i)
		if id := value(n, "id"); id != nil && id.Kind == yaml.ScalarNode && id.Value != "" {
			name = "catalog " + id.Value
		}
		const example = "such as retryable: [Acme.1006, Acme.1007]"
		if list.Kind != yaml.SequenceNode {
			what := nodeKind(list)
			if list.Tag == "!!bool" {
				what = list.Value + "; statuses 429 and 503 are always retryable, and the list names the other codes that are"
			}
			return &keyError{key.Line, fmt.Sprintf("%s: retryable: want a list of the catalog's codes, %s; got %s", name, example, what)}
		}
		if len(list.Content) > MaxRetryable {
			return &keyError{key.Line, fmt.Sprintf("%s: retryable: %d codes, at most %d; hint: a list that long is likely a mistake: retryable: names the few codes whose errors are transient", name, len(list.Content), MaxRetryable)}
		}
		for j, item := range list.Content {
			item = deref(item)
			at := fmt.Sprintf("%s: retryable[%d]", name, j)
			switch {
			case item.Kind != yaml.ScalarNode:
				return &keyError{item.Line, fmt.Sprintf("%s: want a code as text, got %s; %s", at, nodeKind(item), example)}
			case item.Tag == "!!null" || strings.TrimSpace(item.Value) == "":
				return &keyError{item.Line, fmt.Sprintf("%s is empty: want a code of the catalog, %s", at, example)}
			case len(item.Value) > MaxRetryableCode:
				return &keyError{item.Line, fmt.Sprintf("%s: a code of %d bytes, at most %d: want a code of the catalog, as the catalog writes it", at, len(item.Value), MaxRetryableCode)}
			case len(item.Value) >= 2 && strings.HasPrefix(item.Value, "/") && strings.HasSuffix(item.Value, "/"):
				return &keyError{item.Line, fmt.Sprintf("%s: %q: want a code, not a regular expression: retryable: lists each code as the catalog writes it (only exclude: takes /patterns/)", at, item.Value)}
			}
		}
	}
	return nil
}

// deref is the node an alias stands for, or n.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && n.Alias != nil && i < 8; i++ {
		n = n.Alias
	}
	return n
}

// nodeKind names what a YAML node is, for messages.
func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return fmt.Sprintf("the single value %q", n.Value)
}

type keyError struct {
	line int
	msg  string
}

// checkKeys reports the first key of n that t has no field for. yaml.v3's
// KnownFields does not reach through custom unmarshalers, and its errors
// carry no path, so errgen walks the tree itself.
func checkKeys(n *yaml.Node, t reflect.Type, at string) *keyError {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind == yaml.ScalarNode && t == reflect.TypeFor[Envelope]() {
			return nil
		}
		if n.Kind != yaml.MappingNode {
			return &keyError{n.Line, fmt.Sprintf("%s: want a mapping", strings.TrimPrefix(at, "."))}
		}
		fields := map[string]reflect.Type{}
		var names []string
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
			if tag == "" || tag == "-" {
				continue
			}
			fields[tag] = f.Type
			names = append(names, tag)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			ft, ok := fields[k.Value]
			if !ok {
				where := strings.TrimPrefix(at, ".")
				if where != "" {
					where += ": "
				}
				return &keyError{k.Line, fmt.Sprintf("%sunknown key %q (want one of: %s)", where, k.Value, strings.Join(names, ", "))}
			}
			if err := checkKeys(v, ft, at+"."+k.Value); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
				return nil
			}
			return &keyError{n.Line, fmt.Sprintf("%s: want a list", strings.TrimPrefix(at, "."))}
		}
		for i, item := range n.Content {
			if err := checkKeys(item, t.Elem(), fmt.Sprintf("%s[%d]", at, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode && !(n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
			return &keyError{n.Line, fmt.Sprintf("%s: want a mapping", strings.TrimPrefix(at, "."))}
		}
	}
	return nil
}

// value follows keys through nested mappings; nil when one is missing.
func value(n *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		if _, n = lookup(n, k); n == nil {
			return nil
		}
	}
	return n
}

// lookup returns the key and value nodes of key in mapping n.
func lookup(n *yaml.Node, key string) (k, v *yaml.Node) {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			k, v = n.Content[i], n.Content[i+1]
		}
	}
	return k, v
}
