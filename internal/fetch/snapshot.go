package fetch

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/internal/lock"
	"github.com/errgen/errgen/internal/safefile"
)

// Snapshot is another version of a config's source file (fetched, or
// from a git revision), parsed exactly as errgen generate parses the
// committed one: it is written to a temporary directory at the same
// relative path and loaded with build.Load from a copy of the config
// rooted there, so every source setting of the config applies, whatever
// the source kind. Its bytes are decoded with the Content-Type charset
// the config's errgen.lock records for the same bytes, unless SetCharset
// says otherwise.
type Snapshot struct {
	cfg     config.Config
	file    string // as the config names it
	name    string // as messages name it
	path    string // the temporary copy
	charset string // the Content-Type's, "" when none
	// readRef reads the files the source's $refs name; by default
	// those beside the committed source, in the config's directory.
	readRef func(dir, rel string) ([]byte, error)
}

// NewSnapshot places data as the source file file (slash-separated,
// relative to the config) of cfg; name is how messages call it, such as
// its URL. Close removes the temporary copy.
func NewSnapshot(cfg *config.Config, file, name string, data []byte) (*Snapshot, error) {
	locked, err := lock.Read(filepath.Join(cfg.Dir, lock.Name))
	if err != nil {
		return nil, err
	}
	s := &Snapshot{cfg: *cfg, file: path.Clean(file), name: name}
	cfgDir := cfg.Dir
	s.readRef = func(dir, rel string) ([]byte, error) {
		return safefile.ReadIn(filepath.Join(cfgDir, filepath.FromSlash(dir)), filepath.FromSlash(rel), safefile.MaxSourceSize)
	}
	if e := locked.Entry(s.file); e != nil && e.SHA256 == Sum(data) {
		s.charset = e.Charset
	}
	dir, err := os.MkdirTemp("", "errgen-snapshot-*")
	if err != nil {
		return nil, err
	}
	s.cfg.Dir = dir
	s.path = s.cfg.Path(s.file)
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := os.WriteFile(s.path, data, 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return s, nil
}

// SetCharset sets the Content-Type charset the snapshot is decoded with,
// such as that of the response that fetched it ("" for none).
func (s *Snapshot) SetCharset(charset string) { s.charset = charset }

// SetReadRef sets how the files the source's $refs name are read: dir is
// the source's directory relative to the config's, rel the file inside
// it, both slash paths (see build.LoadOptions.ReadRef). By default they
// are those beside the committed source.
func (s *Snapshot) SetReadRef(read func(dir, rel string) ([]byte, error)) { s.readRef = read }

// Close removes the temporary copy.
func (s *Snapshot) Close() error { return os.RemoveAll(s.cfg.Dir) }

// Load parses the snapshot as catalog id, which must read this file.
// Messages and the result name the snapshot by its name, not by the
// temporary copy.
func (s *Snapshot) Load(id string) (*build.Loaded, error) {
	c, ok := s.cfg.Catalog(id)
	if !ok {
		return nil, fmt.Errorf("%s: no catalog %q", s.cfg.File, id)
	}
	if path.Clean(c.Source.File) != s.file {
		return nil, fmt.Errorf("catalog %s reads %s, not %s", id, c.Source.File, s.file)
	}
	loaded, err := build.LoadWith(&s.cfg, build.LoadOptions{Charsets: map[string]string{s.file: s.charset}, ReadRef: s.readRef, Snapshot: true}, id)
	if err != nil {
		return nil, s.rename(err)
	}
	l := &loaded[0]
	l.File = s.name
	if l.Report != nil {
		for i := range l.Report.Warnings {
			if l.Report.Warnings[i].File == s.path {
				l.Report.Warnings[i].File = s.name
			}
		}
	}
	return l, nil
}

// rename makes an error name the snapshot as the user knows it.
func (s *Snapshot) rename(err error) error {
	var d *catalog.Diagnostic
	if errors.As(err, &d) && d.File == s.path {
		d.File = s.name
		return err
	}
	return errors.New(strings.ReplaceAll(err.Error(), s.path, s.name))
}
