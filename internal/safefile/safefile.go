// Package safefile reads the small files errgen trusts least: the lock,
// the ignore file, the config, go.mod files, manifests. Each may come
// from a pull request, as a symbolic link to /dev/zero (which never ends)
// or to a secret outside the tree (whose content a parse error would then
// quote). So every read here
//
//   - goes through an os.Root at the file's base directory (except
//     [ReadFile], for paths the user gave), so that neither ".." nor a
//     symbolic link takes it out of that directory;
//   - requires a regular file, checked before the file is opened (opening
//     a FIFO blocks) and again on the open file;
//   - stops at a size limit, one byte past which is an error.
package safefile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Limits for the files errgen reads whole.
const (
	// MaxConfigSize bounds errgen.yaml, errgen.lock, errgen-ignore.yaml,
	// errgen.manifest and its journal: errgen's own are a few KiB, a
	// 1000-source lock about 200 KB. It is low because yaml.v3 builds a
	// node per two-byte flow item ("[1,1,…]"), some 300 bytes of memory
	// per input byte: this cap is what bounds parsing these files.
	MaxConfigSize = 1 << 20
	// MaxGoModSize bounds a go.mod read for its module path.
	MaxGoModSize = 1 << 20
	// MaxSourceSize bounds a source snapshot or a file an OpenAPI
	// document $refs: four times fetch's default -max-size.
	MaxSourceSize = 64 << 20
)

// Escapes reports whether err is os.Root refusing a path that leaves the
// root, through ".." or a symbolic link. os has no exported sentinel.
func Escapes(err error) bool {
	for ; err != nil; err = errors.Unwrap(err) {
		if err.Error() == "path escapes from parent" {
			return true
		}
	}
	return false
}

// Error is a file errgen refuses to read: not a regular file, or larger
// than the limit. Its message names the file, what was expected and a
// hint.
type Error struct {
	File string
	Msg  string
}

func (e *Error) Error() string { return e.File + ": " + e.Msg }

func notRegular(file string, mode fs.FileMode) error {
	what := "not a regular file"
	switch {
	case mode&fs.ModeDevice != 0:
		what = "a device, not a regular file"
	case mode&fs.ModeNamedPipe != 0:
		what = "a named pipe, not a regular file"
	case mode.IsDir():
		what = "a directory, not a regular file"
	}
	return &Error{file, what + ": errgen reads it only as a regular file (hint: replace it, or the symbolic link to it, with a regular file)"}
}

func tooLarge(file string, limit int64) error {
	return &Error{file, fmt.Sprintf("larger than %d bytes, the most errgen reads of such a file (hint: is it the file you meant? errgen never writes one so large)", limit)}
}

// Read reads name (a path in root's own syntax) inside root: a regular
// file of at most limit bytes. file names it in errors.
func Read(root *os.Root, name, file string, limit int64) ([]byte, error) {
	fi, err := root.Stat(name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(file, fi.Mode())
	}
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpen(f, file, limit)
}

// Same reports whether name in root, a regular file of at most limit
// bytes as [Read] requires (with its errors), holds exactly want. It
// reads the file in pieces, and not at all when its size differs, so
// that comparing outputs of tens of megabytes with what is on disk
// costs no copy of them in memory.
func Same(root *os.Root, name, file string, limit int64, want []byte) (bool, error) {
	fi, err := root.Stat(name)
	if err != nil {
		return false, err
	}
	if !fi.Mode().IsRegular() {
		return false, notRegular(file, fi.Mode())
	}
	if fi.Size() > limit {
		return false, tooLarge(file, limit)
	}
	if fi.Size() != int64(len(want)) {
		return false, nil
	}
	f, err := root.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	buf := make([]byte, min(len(want), 1<<18)+1)
	for {
		n, err := io.ReadFull(f, buf[:min(len(want), len(buf)-1)+1])
		if n > len(want) || !bytes.Equal(buf[:n], want[:n]) {
			return false, nil // longer, or not the same
		}
		want = want[n:]
		switch {
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			return len(want) == 0, nil
		case err != nil:
			return false, fmt.Errorf("%s: %w", file, err)
		}
	}
}

// ReadIn reads name (a relative, OS-syntax path) inside dir through an
// os.Root at dir, as [Read] does; [Escapes] reports a refusal to leave
// dir. Errors name the file as filepath.Join(dir, name).
func ReadIn(dir, name string, limit int64) ([]byte, error) {
	file := filepath.Join(dir, name)
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	data, err := Read(root, name, file, limit)
	// Messages name the file as the user knows it, and the step as an
	// open whatever call of the root failed.
	var pe *fs.PathError
	if errors.As(err, &pe) {
		pe.Op, pe.Path = "open", file
	}
	return data, err
}

// ReadFile reads the file at path, following symbolic links: for a path
// the user gave (-config, -ignore), which is trusted as a path but must
// still be a regular file of at most limit bytes.
func ReadFile(path string, limit int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(path, fi.Mode())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpen(f, path, limit)
}

// readOpen checks the open file again (it may have been replaced between
// the stat and the open) and reads at most limit bytes of it.
func readOpen(f *os.File, file string, limit int64) ([]byte, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(file, fi.Mode())
	}
	if fi.Size() > limit {
		return nil, tooLarge(file, limit)
	}
	// Sized from the file, read in one go: generate reads back every
	// output, tens of megabytes at scale, to see what changed.
	buf := bytes.NewBuffer(make([]byte, 0, fi.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	data := buf.Bytes()
	if int64(len(data)) > limit {
		return nil, tooLarge(file, limit)
	}
	return data, nil
}
