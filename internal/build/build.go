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
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/internal/lock"
	"github.com/errgen/errgen/internal/safefile"
	"github.com/errgen/errgen/parse"
)

// ParseOptions are the source settings a parser may use: the parser
// registry's (see package parse). File names the input in messages; for
// kind openapi it is also the path that $refs to other files are
// resolved against, and ParseSource reads them (ReadFile is its own).
type ParseOptions = parse.Options

// Parsed is what a parser gives.
type Parsed = parse.Result

// ParseSource reads data as a source of the given kind. Every kind
// passes here, so this is where what holds for every kind is done, once
// per parse: settings the kind does not read are refused, the exclude
// list applies, and codes that only look alike (Cyrillic А for Latin A,
// see catalog.Confusables) become warnings.
func ParseSource(kind string, data []byte, opts ParseOptions, exclude ...string) (*Parsed, error) {
	k, ok := parse.Lookup(kind)
	if !ok {
		return nil, fmt.Errorf("unknown source kind %q (known: %s)", kind, strings.Join(parse.Names(), ", "))
	}
	for _, key := range opts.Set() {
		if !k.Accepts(key) {
			return nil, fmt.Errorf("%s: %s does not apply to kind %s (only to %s)", opts.File, key, kind, strings.Join(parse.KindsFor(key), ", "))
		}
	}
	if err := opts.Check(); err != nil {
		return nil, err
	}
	x, err := parse.CompileExclude(exclude)
	if err != nil {
		return nil, fmt.Errorf("exclude: %w", err)
	}
	if opts.ReadFile == nil {
		opts.ReadFile = localFiles(opts.File)
	}
	p, err := k.Parse(data, opts)
	if err != nil {
		return nil, err
	}
	if p.Report == nil {
		p.Report = &catalog.Report{}
	}
	before := len(p.Entries)
	p.Entries = x.Apply(p.Entries, opts.File, p.Report)
	if len(p.Entries) == 0 {
		return nil, nothingRead(opts.File, kind, before, p.Report)
	}
	p.Report.Warnings = append(p.Report.Warnings, catalog.Confusables(opts.File, p.Entries)...)
	return p, nil
}

// maxReasons is how many of the report's warnings nothingRead repeats.
const maxReasons = 5

// nothingRead is the error for a source that gave no entry: a catalog
// of nothing is never what the user wanted, and exiting 0 with it would
// hide a page errgen cannot read. It says why, from the parser's
// warnings (rows skipped, left out, excluded), and what would help.
func nothingRead(file, kind string, before int, r *catalog.Report) error {
	var why []string
	if r.NonErrorRows > 0 {
		why = append(why, plural(r.NonErrorRows, "row has", "rows have")+" a 1xx–3xx status")
	}
	if r.SkippedRows > 0 {
		why = append(why, plural(r.SkippedRows, "row was", "rows were")+" skipped")
	}
	if before > 0 {
		why = append(why, fmt.Sprintf("exclude left out all %d", before))
	}
	for i, w := range r.Warnings {
		if i == maxReasons {
			why = append(why, fmt.Sprintf("and %d more warnings", len(r.Warnings)-i))
			break
		}
		why = append(why, strings.TrimPrefix(w.Error(), file+": "))
	}
	msg := "no error code read (kind " + kind + ")"
	if len(why) > 0 {
		msg += ": " + strings.Join(why, "; ")
	}
	var hints []string
	if k, ok := parse.Lookup(kind); ok {
		for _, key := range k.Keys {
			if h := keyHints[key]; h != "" {
				hints = append(hints, h)
			}
		}
	}
	if len(hints) > 0 {
		msg += "; hint: say where the codes are with " + strings.Join(hints, ", or ")
	}
	return &catalog.Diagnostic{File: file, Message: msg}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// keyHints say how a setting tells a parser where the codes are, as
// errgen parse's flags and errgen.yaml's source keys.
var keyHints = map[string]string{
	parse.KeyColumns:     "--column code=HEADER (columns: {code: HEADER} in errgen.yaml)",
	parse.KeyTables:      "--table N (tables: [{index: N}])",
	parse.KeyCodePointer: "--code-pointer /POINTER (code_pointer:)",
	parse.KeyItems:       "--items POINTER --field code=POINTER (items:, fields:)",
}

// localFiles reads the files an OpenAPI document's $refs name, as long as
// they lie in the document's directory or below it: a vendor document
// must not make errgen read arbitrary files.
func localFiles(doc string) func(string) ([]byte, error) {
	dir := filepath.Dir(doc)
	return RefReader(doc, func(rel string) ([]byte, error) {
		// The lexical check of RefReader cannot see symbolic links; the
		// root refuses any that lead out of dir.
		data, err := readIn(dir, filepath.FromSlash(rel))
		if safefile.Escapes(err) {
			return nil, fmt.Errorf("$ref to %s: refusing to read %s: a symbolic link on its path leads outside %s", rel, filepath.Join(dir, filepath.FromSlash(rel)), dir)
		}
		return data, err
	})
}

// RefReader is a ParseOptions.ReadFile for the source doc that reads,
// with read, only the files in doc's directory or below it: read gets
// their slash path relative to that directory, checked lexically to lie
// inside it (no "..", not absolute). Any other file is an error; read
// itself must refuse symbolic links that lead out (as os.Root does) or
// read from where there are none (a git revision).
func RefReader(doc string, read func(rel string) ([]byte, error)) func(string) ([]byte, error) {
	dir := filepath.Dir(doc)
	return func(name string) ([]byte, error) {
		p := filepath.Clean(filepath.FromSlash(name))
		rel, err := filepath.Rel(dir, p)
		if err != nil || filepath.IsAbs(name) && !filepath.IsAbs(dir) || !filepath.IsLocal(rel) {
			return nil, fmt.Errorf("$ref to %s: errgen reads referenced files only in %s or below", name, dir)
		}
		return read(filepath.ToSlash(rel))
	}
}

// SourceSum is catalog.Source.SHA256 of a source whose bytes are data
// and whose parse read the other files (slash paths relative to the
// source's directory, in read order, with their bytes): see the formula
// in package catalog's doc. Without other files it is the hex SHA-256 of
// data.
func SourceSum(data []byte, files []SourceFile) string {
	h := sha256.New()
	if len(files) == 0 {
		h.Write(data)
		return hex.EncodeToString(h.Sum(nil))
	}
	record := func(name string, b []byte) {
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write([]byte(strconv.Itoa(len(b))))
		h.Write([]byte{0})
		h.Write(b)
	}
	record("", data)
	for _, f := range files {
		record(f.Path, f.Data)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// SourceFile is a file a source's parse read besides the source.
type SourceFile struct {
	// Path is relative to the source's directory, slash-separated.
	Path string
	Data []byte
}

// ParseFile is ParseSource for a file outside any config (errgen parse):
// it also returns the source's digest over every file the parse read, as
// Load computes catalog.Source.SHA256.
func ParseFile(kind string, data []byte, opts ParseOptions, exclude ...string) (*Parsed, string, error) {
	rec := &recorder{read: opts.ReadFile, files: map[string][]byte{}}
	if rec.read == nil {
		rec.read = localFiles(opts.File)
	}
	opts.ReadFile = rec.ReadFile
	p, err := ParseSource(kind, data, opts, exclude...)
	if err != nil {
		return nil, "", err
	}
	others, err := rec.sourceFiles(opts.File, p.Files)
	if err != nil {
		return nil, "", err
	}
	return p, SourceSum(data, others), nil
}

// recorder wraps a ReadFile to keep what it read, by the name it got.
type recorder struct {
	read  func(string) ([]byte, error)
	files map[string][]byte
}

func (r *recorder) ReadFile(name string) ([]byte, error) {
	data, err := r.read(name)
	if err == nil {
		r.files[path.Clean(filepath.ToSlash(name))] = data
	}
	return data, err
}

// files are the files of a parse of the source file, with their bytes.
func (r *recorder) sourceFiles(file string, parsed []string) ([]SourceFile, error) {
	dir := path.Dir(path.Clean(filepath.ToSlash(file)))
	out := make([]SourceFile, 0, len(parsed))
	for _, rel := range parsed {
		data, ok := r.files[path.Join(dir, rel)]
		if !ok {
			return nil, fmt.Errorf("%s: the parser names %s among the files it read, which errgen did not read for it", file, rel)
		}
		out = append(out, SourceFile{rel, data})
	}
	return out, nil
}

// readIn reads a source or $ref'd file rel inside dir: through an
// os.Root, so that neither ".." nor a symbolic link takes the read out of
// dir, and only a regular file of at most safefile.MaxSourceSize bytes.
func readIn(dir, rel string) ([]byte, error) {
	return safefile.ReadIn(dir, rel, safefile.MaxSourceSize)
}

// GuessKind returns the source kind a file most likely is, from its name
// and content, or "" when it cannot tell (see parse.Guess).
func GuessKind(file string, data []byte) string { return parse.Guess(file, data) }

// Loaded is one catalog read from its source, with what its parser noticed.
type Loaded struct {
	Config *config.Catalog
	// File is the source snapshot's path, as messages name it.
	File    string
	Catalog *catalog.Catalog
	Report  *catalog.Report
	// GoNames are the Go names of the catalog's codes, computed once with
	// catalog.GoNames from the config's naming and read by every output
	// (the Go package, OpenAPI's x-enum-varnames, the docs); NamesErr is
	// the naming problem, which only generating reports.
	GoNames  map[string]string
	NamesErr error
}

// Load parses the sources of the catalogs named by ids (all when ids is
// empty), in config order. A snapshot feeding several catalogs is read once.
// Snapshots are read through an os.Root at the config's directory, so a
// symbolic link that leads out of it is an error naming the file and the
// catalog's line (the config's own check of source.file is lexical only).
//
// A catalog's Source.Date is the date the lock file beside the config
// (errgen.lock, see internal/lock) gives its snapshot, as long as the
// lock's digest is the snapshot's: an entry of a snapshot changed since
// gives no date rather than a wrong one. A missing lock gives no dates; a
// bad one is an error. The lock's charset (the Content-Type's) is the
// snapshot's charset hint on the same condition: a snapshot re-saved in
// another charset since must not be decoded by the old one.
func Load(cfg *config.Config, ids ...string) ([]Loaded, error) {
	return LoadWith(cfg, LoadOptions{}, ids...)
}

// LoadOptions are what a caller knows about the snapshots better than the
// lock file does.
type LoadOptions struct {
	// Charsets are the Content-Type charsets of snapshot files (as the
	// config names them, cleaned), such as those of a fetch whose bytes
	// the lock does not describe yet; a file listed here ("" included)
	// ignores the lock's charset.
	Charsets map[string]string
	// ReadRef, when set, reads the files a source's $refs name instead
	// of the config's directory: dir is the source's directory and rel
	// the file inside it (checked lexically to lie there), both slash
	// paths, dir relative to the config's directory. errgen diff -git
	// reads them at a git revision, a fetched snapshot beside the
	// committed source.
	ReadRef func(dir, rel string) ([]byte, error)
	// Snapshot says the sources are other versions of the config's own
	// (a fetched page, a git revision), which the config was not written
	// for: a code retryable: lists that such a version lacks is a
	// warning, not an error, so that drift and diff report the code as
	// removed and fetch does not take the page for a broken one.
	Snapshot bool
}

// LoadWith is Load with opts.
func LoadWith(cfg *config.Config, opts LoadOptions, ids ...string) ([]Loaded, error) {
	want := map[string]bool{}
	for _, id := range ids {
		if _, ok := cfg.Catalog(id); !ok {
			return nil, fmt.Errorf("%s: no catalog %q (known: %v)", cfg.File, id, cfg.IDs())
		}
		want[id] = true
	}
	locked, err := lock.Read(filepath.Join(cfg.Dir, lock.Name))
	if err != nil {
		return nil, err
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
			if data, err = readIn(cfg.Dir, filepath.FromSlash(path.Clean(c.Source.File))); err != nil {
				if safefile.Escapes(err) {
					return nil, fmt.Errorf("%s: line %d: catalog %s: source: file %s: refusing to read it: a symbolic link on its path leads outside the config's directory %q; hint: commit the snapshot itself, not a link to it", cfg.File, c.Source.FileLine, c.ID, file, cfg.Dir)
				}
				hint := ""
				if errors.Is(err, fs.ErrNotExist) {
					hint = "; hint: save the vendor's document there, or run errgen fetch to download it from source.url"
				}
				return nil, fmt.Errorf("%s: line %d: catalog %s: source: %w%s", cfg.File, c.Source.FileLine, c.ID, err, hint)
			}
			files[file] = data
		}
		popts := c.Source.Options()
		// The snapshot's own digest, hashed once: the lock's charset and
		// date are the snapshot's while the lock has that digest, and
		// it is the source's digest when the parse read no other file.
		plain := SourceSum(data, nil)
		popts.File, popts.Charset = file, opts.charset(locked, c.Source.File, plain)
		read := localFiles(file)
		if opts.ReadRef != nil {
			srcDir := path.Dir(path.Clean(c.Source.File))
			read = RefReader(file, func(rel string) ([]byte, error) { return opts.ReadRef(srcDir, rel) })
		}
		rec := &recorder{read: read, files: map[string][]byte{}}
		popts.ReadFile = rec.ReadFile
		parsed, err := ParseSource(c.Source.Kind, data, popts, c.Source.Exclude...)
		if err != nil {
			return nil, err
		}
		others, err := rec.sourceFiles(file, parsed.Files)
		if err != nil {
			return nil, err
		}
		kind, _ := parse.Lookup(c.Source.Kind)
		// The config's envelope, when it gives one, wins over the one the
		// source describes; for a hand-written catalog or a SCIM page, the
		// fields and extensions the source documents are kept.
		env := c.Envelope.Catalog()
		switch {
		case parsed.Envelope == nil:
		case len(env.Shapes) == 0:
			env = *parsed.Envelope
		case kind.Envelope == parse.DocumentedEnvelope:
			env.Fields, env.Extensions = parsed.Envelope.Fields, parsed.Envelope.Extensions
		}
		if len(env.Shapes) == 0 && kind.Envelope == parse.DocumentedEnvelope {
			return nil, fmt.Errorf("%s: line %d: catalog %s: no envelope: %s describes none; name one in errgen.yaml (envelope: %s) or in the catalog", cfg.File, c.Line, c.ID, file, strings.Join(catalog.EnvelopeNames(), ", "))
		}
		title, vendor := c.Title, c.Vendor
		if title == "" {
			title = parsed.Title
		}
		if vendor == "" {
			vendor = parsed.Vendor
		}
		src := catalog.Source{
			Kind:   c.Source.Kind,
			URL:    c.Source.URL,
			File:   path.Clean(c.Source.File),
			SHA256: plain,
		}
		// The lock describes the source file as fetched, alone.
		if len(others) > 0 {
			src.SHA256 = SourceSum(data, others)
		}
		if e := locked.Entry(src.File); e != nil && e.SHA256 == plain {
			src.Date = e.Date
		}
		cat := &catalog.Catalog{
			Format:   catalog.FormatVersion,
			ID:       c.ID,
			Title:    title,
			Vendor:   vendor,
			Source:   src,
			Envelope: env,
			Entries:  parsed.Entries,
		}
		if err := applyRetryable(cfg, c, cat, parsed.Report, opts.Snapshot); err != nil {
			return nil, err
		}
		names, namesErr := catalog.GoNames(cat, naming(c))
		// Names no longer drop the prefix all codes share on their own:
		// say once per catalog how the config can (see prefixWarning).
		if w := prefixWarning(cfg.File, c, cat, names); w != nil {
			parsed.Report.Warnings = append(parsed.Report.Warnings, *w)
		}
		out = append(out, Loaded{
			Config:   c,
			File:     file,
			Report:   parsed.Report,
			Catalog:  cat,
			GoNames:  names,
			NamesErr: namesErr,
		})
	}
	return out, nil
}

// charset is the Content-Type charset of the snapshot file (as the config
// names it) whose bytes have the hex SHA-256 sum: the caller's, else the
// lock's while the lock's digest is sum.
func (o LoadOptions) charset(locked *lock.Lock, file string, sum string) string {
	file = path.Clean(file)
	if cs, ok := o.Charsets[file]; ok {
		return cs
	}
	if e := locked.Entry(file); e != nil && e.SHA256 == sum {
		return e.Charset
	}
	return ""
}

// outPath joins slash paths relative to the output root.
func outPath(out, rel string) string { return filepath.Join(out, filepath.FromSlash(rel)) }
