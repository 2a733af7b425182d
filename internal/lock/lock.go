// Package lock reads and writes errgen.lock, the file that records what
// the last `errgen fetch` of each source snapshot saw.
//
// The lock sits beside errgen.yaml (sources/errgen.lock for errgen's own
// sources). `errgen fetch` rewrites it; `errgen drift` reads its
// validators to ask the vendor "has this changed?" cheaply; and
// `errgen generate` reads each snapshot's date from it, for the reference
// pages. It is YAML:
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
//	    date: "2026-11-25"
//	    errgen: v0.3.0
//
// version is 1, the only version. There is one entry per snapshot file,
// however many catalogs read it:
//
//   - catalogs: the ids of the catalogs that read the file, sorted;
//   - file: the snapshot, a slash path relative to errgen.yaml;
//   - url: where it was fetched from;
//   - etag, last_modified: the validators the server sent (left out when
//     it sent none), which the next fetch sends back as If-None-Match and
//     If-Modified-Since;
//   - charset: the charset parameter of the Content-Type the server sent
//     ("Shift_JIS" for text/html; charset=Shift_JIS), left out when it
//     sent none. The snapshot keeps the vendor's exact bytes, so this is
//     how errgen generate still knows how to decode a page that declares
//     its charset only in the response; like the date, it applies only
//     while the snapshot has the entry's digest. A charset is a name of
//     1–64 letters, digits and . _ : + - (the characters of charset names);
//     anything else is an error;
//   - sha256: the hex SHA-256 of the snapshot's bytes as fetched. An entry
//     describes the snapshot only while the file on disk still has this
//     digest; errgen ignores the entry of a snapshot edited since;
//   - date: the day (YYYY-MM-DD, UTC) the snapshot's current bytes were
//     taken. A fetch sets it only when the bytes change: a 304 or a page
//     identical to the snapshot keeps the old date, so the date says how
//     old the snapshot's content is, not when someone last looked. Left
//     out when unknown (a lock written before errgen recorded dates);
//   - errgen: the version of errgen that wrote the entry.
//
// The file is written deterministically — entries sorted by their first
// catalog id, keys in the order above, no time of day — so a fetch that
// finds nothing new leaves it byte for byte unchanged and it diffs well
// in review. Comments are not kept: the writer always starts the file
// with the header line above. A missing lock is an empty one; a lock that
// does not parse, has an unknown key, another version or a malformed date
// is an error naming the file and line.
package lock

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/safefile"
	"github.com/errgen/errgen/internal/yamlerr"
)

// Name is the lock file's name; it sits beside errgen.yaml.
const Name = "errgen.lock"

// Version is the only lock file version.
const Version = 1

// DateLayout is the layout of an entry's date, for time.Format.
const DateLayout = "2006-01-02"

// Lock is the content of a lock file.
type Lock struct {
	Version int     `yaml:"version"`
	Sources []Entry `yaml:"sources"`
}

// Entry is one snapshot file.
type Entry struct {
	// Catalogs are the ids of the catalogs that read the file, sorted.
	Catalogs []string `yaml:"catalogs,flow"`
	// File is the snapshot, slash-separated, relative to errgen.yaml.
	File string `yaml:"file"`
	URL  string `yaml:"url"`
	// ETag and LastModified are the validators the server sent.
	ETag         string `yaml:"etag,omitempty"`
	LastModified string `yaml:"last_modified,omitempty"`
	// Charset is the charset parameter of the Content-Type the server
	// sent; "" when none.
	Charset string `yaml:"charset,omitempty"`
	// SHA256 is the hex digest of the snapshot as fetched.
	SHA256 string `yaml:"sha256"`
	// Date is the day, in DateLayout and UTC, the snapshot's bytes were
	// taken; "" when unknown.
	Date string `yaml:"date,omitempty"`
	// Errgen is the version of errgen that wrote the entry.
	Errgen string `yaml:"errgen"`
}

// Date formats t as an entry's date: its day in UTC.
func Date(t time.Time) string { return t.UTC().Format(DateLayout) }

const header = "# Written by errgen fetch: what the last fetch of each source saw. DO NOT EDIT.\n"

// hint ends every message about a bad lock, since users do not write it.
const hint = " (errgen fetch rewrites this file; delete it to start afresh)"

// MaxSize bounds the lock file errgen reads: its own are a few KiB.
const MaxSize = safefile.MaxConfigSize

// Read reads the lock file at path; a missing file is an empty lock.
//
// The lock comes from a pull request, so it is read through an os.Root
// at its directory (the config's): a symbolic link that leads out of it,
// say to /dev/zero or to a secret, is refused before anything is read,
// and so is anything but a regular file of at most MaxSize bytes.
func Read(path string) (*Lock, error) {
	dir := filepath.Dir(path)
	data, err := safefile.ReadIn(dir, filepath.Base(path), MaxSize)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Lock{Version: Version}, nil
	case safefile.Escapes(err):
		return nil, fmt.Errorf("%s: refusing to read it: it is a symbolic link that leads outside %s, the config's directory%s", path, dir, hint)
	case err != nil:
		return nil, fmt.Errorf("%w%s", err, hint)
	}
	return Parse(path, data)
}

// shapes names, in yaml.v3's decode errors, what the lock holds where:
// the messages say what was expected and never quote more than a short
// excerpt of the file.
var shapes = yamlerr.Shapes{
	Types: map[string]string{
		"lock.Lock":    fmt.Sprintf("a mapping with version: %d and sources", Version),
		"[]lock.Entry": "a list of sources",
		"lock.Entry":   "a mapping (one source: catalogs, file, url, sha256, …)",
		"[]string":     "a list of catalog ids",
		"string":       "a string",
		"int":          "a number",
	},
	Keys: map[string][]string{
		"lock.Lock":  {"version", "sources"},
		"lock.Entry": {"catalogs", "file", "url", "etag", "last_modified", "charset", "sha256", "date", "errgen"},
	},
}

// Parse reads a lock file's content; file names it in errors.
func Parse(file string, data []byte) (*Lock, error) {
	bad := func(where, msg string) error {
		return &catalog.Diagnostic{File: file, Where: where, Message: msg + hint}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var l Lock
	if err := dec.Decode(&l); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, bad("", fmt.Sprintf("empty, want version: %d and sources", Version))
		}
		return nil, bad(shapes.Message(err))
	}
	// The document decoded, so it parses as a node tree too; the tree has
	// the line numbers the checks below report.
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
		return nil, bad("", fmt.Sprintf("not a YAML document: %v", err))
	}
	root := doc.Content[0]
	if l.Version != Version {
		return nil, bad(line(value(root, "version")), fmt.Sprintf("version %d, want %d", l.Version, Version))
	}
	field := func(i int, key string) *yaml.Node {
		if s := value(root, "sources"); s != nil && i < len(s.Content) {
			return value(s.Content[i], key)
		}
		return nil
	}
	for i, e := range l.Sources {
		if e.Charset != "" && !ValidCharset(e.Charset) {
			return nil, bad(line(field(i, "charset")), fmt.Sprintf("source %s: charset %q, want a charset name such as Shift_JIS: 1 to 64 letters, digits and . _ : + -", e.File, e.Charset))
		}
		if e.Date == "" {
			continue
		}
		if _, err := time.Parse(DateLayout, e.Date); err != nil {
			return nil, bad(line(field(i, "date")), fmt.Sprintf("source %s: date %q, want a day as YYYY-MM-DD", e.File, e.Date))
		}
	}
	return &l, nil
}

// charsetName is what a charset name may look like: the characters IANA
// and WHATWG names use, short enough to show in a message.
var charsetName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:+-]{0,63}$`)

// ValidCharset reports whether s may be an entry's charset. It says
// nothing about whether errgen knows the charset: an unknown one is a
// warning when the snapshot is read, not a bad lock.
func ValidCharset(s string) bool { return charsetName.MatchString(s) }

// value returns the value of key in mapping n, or nil.
func value(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func line(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	return fmt.Sprintf("line %d", n.Line)
}

// Marshal returns the lock file's content.
func (l *Lock) Marshal() ([]byte, error) {
	out := Lock{Version: Version, Sources: slices.Clone(l.Sources)}
	for i := range out.Sources {
		out.Sources[i].Catalogs = slices.Sorted(slices.Values(out.Sources[i].Catalogs))
	}
	slices.SortFunc(out.Sources, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(first(a.Catalogs), first(b.Catalogs)), cmp.Compare(a.File, b.File))
	})
	var buf bytes.Buffer
	buf.WriteString(header)
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
func (l *Lock) Entry(file string) *Entry {
	for i := range l.Sources {
		if l.Sources[i].File == file {
			return &l.Sources[i]
		}
	}
	return nil
}

// Set adds or replaces the entry of e.File.
func (l *Lock) Set(e Entry) {
	if old := l.Entry(e.File); old != nil {
		*old = e
		return
	}
	l.Sources = append(l.Sources, e)
}
