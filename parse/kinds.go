// Package parse is errgen's registry of source kinds: every reader of
// vendor documents (the packages below parse/) is one [Kind], and this is
// the one place that lists them. The config's kind: key, `errgen parse
// -kind`, kind guessing from a file's name and content, which config keys
// and flags apply, whether a source describes its own envelope and
// whether errgen fetch can download it all come from here, so adding a
// kind is one entry in [kinds] and nothing else.
//
// Parsers stay pure: bytes in, entries out. [Options] carries every
// setting a config or a command line may give; each kind reads the ones
// its [Kind.Keys] name, and the others are refused before parsing, so a
// setting is never silently ignored.
package parse

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/parse/catalogyaml"
	"github.com/errgen/errgen/parse/data"
	"github.com/errgen/errgen/parse/htmltable"
	"github.com/errgen/errgen/parse/markdown"
	"github.com/errgen/errgen/parse/openapi"
	"github.com/errgen/errgen/parse/scimdoc"
)

// Options are every setting a source may be read with. Keys name them as
// errgen.yaml's source keys do; the command line's flags are the same
// names with '-' for '_'.
type Options struct {
	// File names the input in messages; for kind openapi it is also the
	// path that $refs to other files are resolved against.
	File string
	// Charset is the charset the source's Content-Type declared, a hint
	// for the text kinds; "" when none. (No key: errgen.lock records it.)
	Charset string
	// Tables selects tables (key tables): "2" is the 2nd table of the
	// document, other text a caption.
	Tables []string
	// SkipBadRows turns bad rows into warnings (key skip_bad_rows).
	SkipBadRows bool
	// Columns maps a role (code, status, message, title, description,
	// solution) to a column: its header text or 1-based index (key
	// columns).
	Columns map[string]string
	// CodePointer and MessagePointer locate the code and message in an
	// error body (keys code_pointer, message_pointer).
	CodePointer    string
	MessagePointer string
	// Items points at the array or map of errors in a data file, and
	// Fields maps a role to a pointer inside one item (keys items,
	// fields).
	Items  string
	Fields map[string]string
	// ReadFile reads a file another one refers to (an OpenAPI $ref),
	// given its slash path resolved against File; nil refuses such refs.
	ReadFile func(name string) ([]byte, error)
}

// Keys of Options, as errgen.yaml's source mapping spells them.
const (
	KeyTables         = "tables"
	KeySkipBadRows    = "skip_bad_rows"
	KeyColumns        = "columns"
	KeyCodePointer    = "code_pointer"
	KeyMessagePointer = "message_pointer"
	KeyItems          = "items"
	KeyFields         = "fields"
)

// Result is what a parser gives.
type Result struct {
	Entries []catalog.Entry
	// Envelope is the one the source describes, nil when it describes
	// none.
	Envelope *catalog.Envelope
	Report   *catalog.Report
	// Title and Vendor are what a hand-written catalog says; the
	// config's win.
	Title, Vendor string
	// Explain says in words how the parser decided where the codes are,
	// for errgen parse -explain; nil when the kind has nothing to say.
	Explain []string
	// Files are the other files the parse read through Options.ReadFile
	// (an OpenAPI document's $refs), as slash paths relative to the
	// source's directory, in the order they were read, each once; nil
	// when it read none.
	Files []string
}

// Envelope says what a kind's sources tell about the error body.
type Envelope int

const (
	// NoEnvelope: the source documents codes only; errgen.yaml must name
	// or give the envelope.
	NoEnvelope Envelope = iota
	// DerivedEnvelope: the envelope is derived from the source (OpenAPI
	// schemas); one errgen.yaml gives replaces it.
	DerivedEnvelope
	// DocumentedEnvelope: the source may document the envelope, its
	// fields and extensions; errgen.yaml's shapes win, the documented
	// fields and extensions stay, and one of the two must give shapes.
	DocumentedEnvelope
)

// Kind is one reader of vendor documents.
type Kind struct {
	// Name is the kind as errgen.yaml and -kind spell it.
	Name string
	// Summary says in a few words what documents the kind reads.
	Summary string
	// Keys are the Options keys the kind reads besides kind, file and
	// url.
	Keys     []string
	Envelope Envelope
	// Fetchable reports whether the source is a vendor's published
	// document that errgen fetch downloads and drift compares; a
	// hand-written catalog is its own source.
	Fetchable bool
	// Guess rates how likely a file of this name and content is of this
	// kind: 0 not at all, higher is surer. The highest rating wins; ties
	// go to the earlier kind.
	Guess func(file string, data []byte) int
	Parse func(data []byte, opts Options) (*Result, error)
}

// kinds are errgen's source kinds, in the order they are listed to users.
var kinds = []*Kind{
	{
		Name:      "html-table",
		Summary:   "HTML pages with error-code tables",
		Keys:      []string{KeyTables, KeySkipBadRows, KeyColumns},
		Fetchable: true,
		Guess: func(file string, data []byte) int {
			return rate(ext(file) == ".html" || ext(file) == ".htm", 1)
		},
		Parse: func(data []byte, o Options) (*Result, error) {
			entries, report, err := htmltable.Parse(data, htmltable.Options{File: o.File, Tables: o.Tables, SkipBadRows: o.SkipBadRows, Columns: o.Columns, Charset: o.Charset})
			return entriesOnly(entries, report, err)
		},
	},
	{
		Name:      "markdown",
		Summary:   "Markdown pages with error-code tables or sections",
		Keys:      []string{KeyTables, KeySkipBadRows, KeyColumns},
		Fetchable: true,
		Guess: func(file string, data []byte) int {
			return rate(ext(file) == ".md" || ext(file) == ".markdown", 1)
		},
		Parse: func(data []byte, o Options) (*Result, error) {
			entries, report, err := markdown.Parse(data, markdown.Options{File: o.File, Tables: o.Tables, SkipBadRows: o.SkipBadRows, Columns: o.Columns, Charset: o.Charset})
			return entriesOnly(entries, report, err)
		},
	},
	{
		Name:      "openapi",
		Summary:   "OpenAPI 3.x and Swagger 2.0 descriptions, YAML or JSON",
		Keys:      []string{KeyCodePointer, KeyMessagePointer},
		Envelope:  DerivedEnvelope,
		Fetchable: true,
		Guess: func(file string, data []byte) int {
			switch ext(file) {
			case ".yaml", ".yml", ".json":
				return rate(topLevel(data, "openapi") || topLevel(data, "swagger"), 2)
			}
			return 0
		},
		Parse: func(data []byte, o Options) (*Result, error) {
			r, err := openapi.Parse(data, openapi.Options{File: o.File, CodePointer: o.CodePointer, MessagePointer: o.MessagePointer, ReadFile: o.ReadFile})
			if err != nil {
				return nil, err
			}
			return &Result{Entries: r.Entries, Envelope: &r.Envelope, Report: &r.Report, Explain: r.Explain, Files: r.Files}, nil
		},
	},
	{
		Name:     "catalog",
		Summary:  "hand-written catalogs in YAML",
		Envelope: DocumentedEnvelope,
		Guess: func(file string, data []byte) int {
			switch ext(file) {
			case ".yaml", ".yml":
				return rate(topLevel(data, "entries") && !topLevel(data, "openapi") && !topLevel(data, "swagger"), 2)
			}
			return 0
		},
		Parse: func(data []byte, o Options) (*Result, error) {
			r, err := catalogyaml.Parse(data, catalogyaml.Options{File: o.File})
			if err != nil {
				return nil, err
			}
			return &Result{Entries: r.Entries, Envelope: r.Envelope, Report: &r.Report, Title: r.Title, Vendor: r.Vendor}, nil
		},
	},
	{
		Name:      "scimdoc",
		Summary:   "SCIM providers' error pages: prose with JSON examples, HTML or text",
		Envelope:  DocumentedEnvelope,
		Fetchable: true,
		Guess: func(file string, data []byte) int {
			switch ext(file) {
			case ".html", ".htm", ".txt", ".text", ".md", ".markdown":
				return rate(bytes.Contains(data, []byte(catalog.SCIMErrorSchema)), 3)
			}
			return 0
		},
		Parse: func(data []byte, o Options) (*Result, error) {
			r, err := scimdoc.Parse(data, scimdoc.Options{File: o.File, Charset: o.Charset})
			if err != nil {
				return nil, err
			}
			return &Result{Entries: r.Entries, Envelope: &r.Envelope, Report: &r.Report}, nil
		},
	},
	{
		Name:      "data",
		Summary:   "JSON or YAML files that list errors as objects (error registries)",
		Keys:      []string{KeyItems, KeyFields},
		Fetchable: true,
		// Below openapi and catalog, which claim their own files by their
		// top-level keys: any other JSON or YAML is data.
		Guess: func(file string, data []byte) int {
			switch ext(file) {
			case ".json", ".yaml", ".yml":
				return 1
			}
			return 0
		},
		Parse: func(src []byte, o Options) (*Result, error) {
			entries, report, err := data.Parse(src, data.Options{File: o.File, Items: o.Items, Fields: o.Fields})
			return entriesOnly(entries, report, err)
		},
	},
}

// entriesOnly is the Result of a kind that describes no envelope.
func entriesOnly(entries []catalog.Entry, report *catalog.Report, err error) (*Result, error) {
	if err != nil {
		return nil, err
	}
	return &Result{Entries: entries, Report: report}, nil
}

// Lookup returns the kind called name.
func Lookup(name string) (*Kind, bool) {
	i := slices.IndexFunc(kinds, func(k *Kind) bool { return k.Name == name })
	if i < 0 {
		return nil, false
	}
	return kinds[i], true
}

// Names lists the kinds' names in the order users see them.
func Names() []string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.Name
	}
	return names
}

// Guess returns the kind a file most likely is, from its name and
// content, or "" when no kind claims it.
func Guess(file string, data []byte) string {
	best, rating := "", 0
	for _, k := range kinds {
		if r := k.Guess(file, data); r > rating {
			best, rating = k.Name, r
		}
	}
	return best
}

// Accepts reports whether kind k reads the Options key.
func (k *Kind) Accepts(key string) bool { return slices.Contains(k.Keys, key) }

// KindsFor lists the kinds that read key, for messages such as "tables
// only applies to kinds html-table, markdown".
func KindsFor(key string) []string {
	var names []string
	for _, k := range kinds {
		if k.Accepts(key) {
			names = append(names, k.Name)
		}
	}
	return names
}

// Set returns the keys of o that are set, in the order of the Key
// constants: what a caller checks against Kind.Keys.
func (o *Options) Set() []string {
	var keys []string
	add := func(set bool, key string) {
		if set {
			keys = append(keys, key)
		}
	}
	add(len(o.Tables) > 0, KeyTables)
	add(o.SkipBadRows, KeySkipBadRows)
	add(len(o.Columns) > 0, KeyColumns)
	add(o.CodePointer != "", KeyCodePointer)
	add(o.MessagePointer != "", KeyMessagePointer)
	add(o.Items != "", KeyItems)
	add(len(o.Fields) > 0, KeyFields)
	return keys
}

func ext(file string) string { return strings.ToLower(filepath.Ext(file)) }

func rate(ok bool, r int) int {
	if ok {
		return r
	}
	return 0
}

// topLevel reports whether a YAML or JSON document has key at its top
// level: a YAML line starting "key:", or a member of a JSON object.
func topLevel(data []byte, key string) bool {
	if t := bytes.TrimLeft(data, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' {
		return jsonTopLevel(t, key)
	}
	for l := range bytes.SplitSeq(data, []byte("\n")) {
		if bytes.HasPrefix(l, []byte(key+":")) || bytes.HasPrefix(l, []byte(`"`+key+`":`)) {
			return true
		}
	}
	return false
}

// jsonTopLevel reads the member names of a JSON object, skipping their
// values, until it finds key. It stops at the first syntax error: a
// guess needs no more.
func jsonTopLevel(data []byte, key string) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return false
		}
		if name, _ := t.(string); name == key {
			return true
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return false
		}
	}
	return false
}
