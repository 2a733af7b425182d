package fetch

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
)

// LockName is the lock file's name; it sits beside errgen.yaml.
const LockName = "errgen.lock"

// LockVersion is the only lock file version.
const LockVersion = 1

// Lock is the lock file: what the last fetch of each snapshot file saw.
// It is YAML, written deterministically (entries sorted by their first
// catalog id, no timestamps), so an unchanged fetch leaves it unchanged:
//
//	# Written by errgen fetch: what the last fetch of each source saw. DO NOT EDIT.
//	version: 1
//	sources:
//	  - catalogs: [huaweicloud/identitycenter, huaweicloud/identitycenter/scim]
//	    file: huaweicloud/identitycenter/ErrorCode.html
//	    url: https://support.huaweicloud.com/intl/en-us/api-identitycenter/ErrorCode.html
//	    etag: '"5f2a-61b"'
//	    last_modified: Wed, 10 Apr 2024 02:00:00 GMT
//	    sha256: 64716ad6…
//	    errgen: v0.3.0
//
// Catalogs sharing one snapshot file share one entry.
type Lock struct {
	Version int         `yaml:"version"`
	Sources []LockEntry `yaml:"sources"`
}

// LockEntry is one snapshot file.
type LockEntry struct {
	// Catalogs are the ids of the catalogs that read the file, sorted.
	Catalogs []string `yaml:"catalogs,flow"`
	// File is the snapshot, slash-separated, relative to errgen.yaml.
	File string `yaml:"file"`
	URL  string `yaml:"url"`
	// ETag and LastModified are the validators the server sent.
	ETag         string `yaml:"etag,omitempty"`
	LastModified string `yaml:"last_modified,omitempty"`
	// SHA256 is the hex digest of the snapshot as fetched.
	SHA256 string `yaml:"sha256"`
	// Errgen is the version of errgen that fetched it.
	Errgen string `yaml:"errgen"`
}

const lockHeader = "# Written by errgen fetch: what the last fetch of each source saw. DO NOT EDIT.\n"

// ReadLock reads the lock file at path; a missing file is an empty lock.
func ReadLock(path string) (*Lock, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Lock{Version: LockVersion}, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseLock(path, data)
}

// ParseLock reads a lock file's content; file names it in errors.
func ParseLock(file string, data []byte) (*Lock, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var l Lock
	if err := dec.Decode(&l); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		var te *yaml.TypeError
		if errors.As(err, &te) && len(te.Errors) > 0 {
			msg = te.Errors[0]
		}
		where, rest, ok := strings.Cut(msg, ": ")
		if !ok || !strings.HasPrefix(where, "line ") {
			where, rest = "", msg
		}
		return nil, &catalog.Diagnostic{File: file, Where: where, Message: rest + " (errgen fetch rewrites this file; delete it to start afresh)"}
	}
	if l.Version != LockVersion {
		return nil, &catalog.Diagnostic{File: file, Message: fmt.Sprintf("version %d, want %d", l.Version, LockVersion)}
	}
	return &l, nil
}

// Marshal returns the lock file's content.
func (l *Lock) Marshal() ([]byte, error) {
	out := Lock{Version: LockVersion, Sources: slices.Clone(l.Sources)}
	for i := range out.Sources {
		out.Sources[i].Catalogs = slices.Sorted(slices.Values(out.Sources[i].Catalogs))
	}
	slices.SortFunc(out.Sources, func(a, b LockEntry) int {
		return cmp.Or(cmp.Compare(first(a.Catalogs), first(b.Catalogs)), cmp.Compare(a.File, b.File))
	})
	var buf bytes.Buffer
	buf.WriteString(lockHeader)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// Entry returns the entry of a snapshot file, or nil.
func (l *Lock) Entry(file string) *LockEntry {
	for i := range l.Sources {
		if l.Sources[i].File == file {
			return &l.Sources[i]
		}
	}
	return nil
}

// Set adds or replaces the entry of e.File.
func (l *Lock) Set(e LockEntry) {
	if old := l.Entry(e.File); old != nil {
		*old = e
		return
	}
	l.Sources = append(l.Sources, e)
}
