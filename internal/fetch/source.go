package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"time"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/internal/lock"
	"github.com/errgen/errgen/internal/safefile"
	"github.com/errgen/errgen/parse"
)

// Source is one snapshot file of a config and every catalog that reads it.
type Source struct {
	// File is the snapshot as the config names it; Path where it is.
	File, Path string
	URL        string
	Catalogs   []*config.Catalog

	cfg *config.Config
}

// IDs returns the ids of the source's catalogs.
func (s *Source) IDs() []string {
	ids := make([]string, len(s.Catalogs))
	for i, c := range s.Catalogs {
		ids[i] = c.ID
	}
	return ids
}

// Sources returns the snapshot files of the catalogs named by ids (all
// when none), in config order. A file is fetched once for all catalogs
// that read it, so they must agree on its URL.
func Sources(cfg *config.Config, ids ...string) ([]*Source, error) {
	for _, id := range ids {
		c, ok := cfg.Catalog(id)
		if !ok {
			return nil, fmt.Errorf("%s: no catalog %q (known: %v)", cfg.File, id, cfg.IDs())
		}
		if handWritten(c) {
			return nil, fmt.Errorf("%s: catalog %s is hand-written (kind %s): its file is the source, there is nothing to fetch", cfg.File, id, c.Source.Kind)
		}
	}
	byFile := map[string]*Source{}
	var all []*Source
	for i := range cfg.Catalogs {
		c := &cfg.Catalogs[i]
		if handWritten(c) {
			continue
		}
		file := path.Clean(c.Source.File)
		s, ok := byFile[file]
		if !ok {
			s = &Source{File: file, Path: cfg.Path(file), URL: c.Source.URL, cfg: cfg}
			byFile[file] = s
			all = append(all, s)
		}
		if s.URL != c.Source.URL {
			return nil, &catalog.Diagnostic{File: cfg.File, Where: fmt.Sprintf("line %d", c.Line),
				Message: fmt.Sprintf("catalog %s: source file %s is also read by catalog %s, with url %s; one file has one url", c.ID, file, s.Catalogs[0].ID, s.URL)}
		}
		s.Catalogs = append(s.Catalogs, c)
	}
	if len(ids) == 0 {
		return all, nil
	}
	var out []*Source
	for _, s := range all {
		if slices.ContainsFunc(s.Catalogs, func(c *config.Catalog) bool { return slices.Contains(ids, c.ID) }) {
			out = append(out, s)
		}
	}
	return out, nil
}

// Fetched is the outcome of Update for one source.
type Fetched struct {
	Source *Source
	// Response is what the server sent.
	Response *Response
	// Data is the document now: the fetched bytes, or the snapshot's on a
	// 304.
	Data []byte
	// Changed reports whether Data differs from the snapshot.
	Changed bool
	// Charset is the Content-Type charset Data is decoded with: the
	// response's, or on a 304 the one the lock recorded for the snapshot.
	Charset string
	// Loaded are Data's catalogs, one for each catalog of Source, in
	// order, as generate would load them.
	Loaded []*build.Loaded
}

// BrokenError is a fetched document the guard refused.
type BrokenError struct {
	Source  *Source
	Catalog string
	// Want is the committed snapshot's entry count (-1 if it has none);
	// Got the fetched document's.
	Want, Got int
	// Err is the parse error, if the document did not parse.
	Err error
}

func (e *BrokenError) Error() string {
	expected := "expected entries"
	if e.Want >= 0 {
		expected = fmt.Sprintf("expected ~%d entries", e.Want)
	}
	if e.Err != nil {
		return fmt.Sprintf("source looks broken: %s from %s (catalog %s): %s, got none: %v; the snapshot was not replaced",
			e.Source.File, e.Source.URL, e.Catalog, expected, e.Err)
	}
	return fmt.Sprintf("source looks broken: %s from %s (catalog %s): %s, got %d; the snapshot was not replaced",
		e.Source.File, e.Source.URL, e.Catalog, expected, e.Got)
}

// Update fetches the document of src, conditionally when the lock's
// entry still describes the snapshot on disk, and applies the guard: the
// document must parse, as each catalog of src, to at least one entry and
// to at least half as many entries as the snapshot has. It writes
// nothing.
func (c *Client) Update(ctx context.Context, src *Source, l *lock.Lock) (*Fetched, error) {
	// The snapshot may come from a pull request: read it only inside the
	// config's directory, as generate does.
	current, err := safefile.ReadIn(src.cfg.Dir, filepath.FromSlash(src.File), safefile.MaxSourceSize)
	if safefile.Escapes(err) {
		return nil, fmt.Errorf("%s: refusing to read it: a symbolic link on its path leads outside the config's directory %s", src.Path, src.cfg.Dir)
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	req := Request{URL: src.URL}
	if e := l.Entry(src.File); e != nil && current != nil && e.URL == src.URL && e.SHA256 == Sum(current) {
		req.ETag, req.LastModified = e.ETag, e.LastModified
	}
	resp, err := c.Get(ctx, req)
	if err != nil {
		return nil, err
	}
	f := &Fetched{Source: src, Response: resp, Data: resp.Body, Charset: resp.Charset}
	if resp.NotModified {
		f.Data, f.Charset = current, ""
		if e := l.Entry(src.File); e != nil && current != nil && e.SHA256 == Sum(current) {
			f.Charset = e.Charset
		}
	}
	f.Changed = current == nil || Sum(current) != Sum(f.Data)
	if err := f.guard(current); err != nil {
		return nil, err
	}
	return f, nil
}

func (f *Fetched) guard(current []byte) error {
	src := f.Source
	snap, err := NewSnapshot(src.cfg, src.File, src.URL, f.Data)
	if err != nil {
		return err
	}
	defer snap.Close()
	snap.SetCharset(f.Charset)
	for _, cat := range src.Catalogs {
		want := -1
		if current != nil {
			if l, err := build.Load(src.cfg, cat.ID); err == nil {
				want = len(l[0].Catalog.Entries)
			}
		}
		l, err := snap.Load(cat.ID)
		if err != nil {
			return &BrokenError{Source: src, Catalog: cat.ID, Want: want, Err: err}
		}
		if got := len(l.Catalog.Entries); got == 0 || 2*got < want {
			return &BrokenError{Source: src, Catalog: cat.ID, Want: want, Got: got}
		}
		f.Loaded = append(f.Loaded, l)
	}
	return nil
}

// Entry returns the lock entry that records f. old is the lock's entry
// for the file (nil if it has none), errgen the version of errgen
// fetching, and today the day of the fetch. A 304 keeps old's validators
// and errgen version. The date is today's only when the bytes are not
// those old describes: a 304 or an identical page keeps old's date (even
// an unknown one), so the lock changes only when the snapshot does.
func (f *Fetched) Entry(old *lock.Entry, errgen string, today time.Time) lock.Entry {
	src, resp := f.Source, f.Response
	e := lock.Entry{Catalogs: src.IDs(), File: src.File, URL: src.URL, ETag: resp.ETag, LastModified: resp.LastModified,
		Charset: f.Charset, SHA256: Sum(f.Data), Date: lock.Date(today), Errgen: errgen}
	if old == nil {
		return e
	}
	if resp.NotModified {
		e.ETag, e.LastModified, e.Errgen = old.ETag, old.LastModified, old.Errgen
	}
	if old.SHA256 == e.SHA256 {
		e.Date = old.Date
	}
	return e
}

// Sum is the hex SHA-256 of data.
func Sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// WriteFiles replaces each file (path → content) atomically, and all of
// them or none: every content goes to a temporary file beside its
// destination first, and only when all are written are they renamed into
// place.
//
// Every path must lie in dir (the config's directory), and every write
// goes through an os.Root at dir: neither ".." nor a symbolic link takes
// a snapshot or the lock out of it. Temporary files an interrupted fetch
// left beside the destinations (".NAME.errgen-tmpDIGITS") are removed first.
func WriteFiles(dir string, files map[string][]byte) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	rels := map[string]string{} // slash path in root → path as given
	for p := range files {
		rel, err := filepath.Rel(dir, p)
		if err != nil || !filepath.IsLocal(rel) {
			return fmt.Errorf("%s: refusing to write it: errgen writes snapshots and the lock only in %s", p, dir)
		}
		rels[filepath.ToSlash(rel)] = p
	}
	if _, err := build.RemoveStaleTemps(root, slices.Collect(maps.Keys(rels))); err != nil {
		return err
	}
	type pending struct{ tmp, rel string }
	var todo []pending
	cleanup := func() {
		for _, p := range todo {
			root.Remove(p.tmp)
		}
	}
	fail := func(rel string, err error) error {
		cleanup()
		if safefile.Escapes(err) {
			return fmt.Errorf("%s: refusing to write it: a symbolic link on its path leads outside %s (hint: replace the link with a real directory or file)", rels[rel], dir)
		}
		return fmt.Errorf("%s: %w", rels[rel], err)
	}
	for _, rel := range slices.Sorted(maps.Keys(rels)) {
		if d := path.Dir(rel); d != "." {
			if err := root.MkdirAll(d, 0o755); err != nil {
				return fail(rel, err)
			}
		}
		tmp, err := build.WriteTemp(root, rel, files[rels[rel]])
		if err != nil {
			return fail(rel, err)
		}
		todo = append(todo, pending{tmp, rel})
	}
	for i, p := range todo {
		if err := root.Rename(p.tmp, p.rel); err != nil {
			todo = todo[i:]
			return fail(p.rel, err)
		}
	}
	return nil
}

// handWritten reports whether a catalog's file is written by people rather
// than copied from the vendor: its url is a reference, not a download.
func handWritten(c *config.Catalog) bool {
	k, ok := parse.Lookup(c.Source.Kind)
	return ok && !k.Fetchable
}
