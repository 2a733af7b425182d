package build

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"
)

// ManifestName is the file, at the output root, that lists every file the
// last generate wrote. It is how errgen tells its own stale files, which it
// deletes, from files that belong to someone else, which it never touches.
const ManifestName = "errgen.manifest"

const manifestHeader = "# Files written by errgen generate, relative to this directory.\n" +
	"# errgen deletes a listed file once no source produces it. DO NOT EDIT.\n"

func manifest(files map[string][]byte) []byte {
	var b strings.Builder
	b.WriteString(manifestHeader)
	for _, p := range sortedKeys(files) {
		if p != ManifestName {
			b.WriteString(p)
			b.WriteByte('\n')
		}
	}
	return []byte(b.String())
}

// readManifest returns the paths the last generate wrote under out.
func readManifest(out string) ([]string, error) {
	data, err := os.ReadFile(outPath(out, ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var paths []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		p := strings.TrimSpace(sc.Text())
		if p == "" || strings.HasPrefix(p, "#") {
			continue
		}
		// A hand-edited manifest must not make errgen delete files
		// outside the output tree.
		if !fs.ValidPath(p) {
			return nil, fmt.Errorf("%s: bad path %q: want a slash path inside the output directory", outPath(out, ManifestName), p)
		}
		paths = append(paths, p)
	}
	return paths, sc.Err()
}

// Result says what Write changed.
type Result struct {
	Written, Unchanged, Removed []string
}

// Write makes out hold files: it writes each file whose content differs
// (to a temporary file, then renamed over the old one, so a reader never
// sees half a file), and removes the files the previous manifest lists
// that files no longer has. Other files are never touched.
func Write(out string, files map[string][]byte) (*Result, error) {
	old, err := readManifest(out)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	type pending struct{ tmp, dst, rel string }
	var todo []pending
	cleanup := func() {
		for _, p := range todo {
			os.Remove(p.tmp)
		}
	}
	// Write every temporary file first: if one fails (disk full,
	// permissions), nothing has been replaced yet.
	for _, rel := range sortedKeys(files) {
		dst := outPath(out, rel)
		if cur, err := os.ReadFile(dst); err == nil && bytes.Equal(cur, files[rel]) {
			res.Unchanged = append(res.Unchanged, rel)
			continue
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			cleanup()
			return nil, err
		}
		tmp, err := writeTemp(filepath.Dir(dst), filepath.Base(dst), files[rel])
		if err != nil {
			cleanup()
			return nil, err
		}
		todo = append(todo, pending{tmp, dst, rel})
	}
	for i, p := range todo {
		if err := os.Rename(p.tmp, p.dst); err != nil {
			for _, q := range todo[i:] {
				os.Remove(q.tmp)
			}
			return nil, err
		}
		res.Written = append(res.Written, p.rel)
	}
	for _, rel := range old {
		if _, keep := files[rel]; keep {
			continue
		}
		dst := outPath(out, rel)
		if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		res.Removed = append(res.Removed, rel)
		removeEmptyDirs(out, path.Dir(rel))
	}
	return res, nil
}

func writeTemp(dir, base string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return "", err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	// CreateTemp makes 0600 files; generated files are ordinary sources.
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// removeEmptyDirs removes dir and its parents up to out while they are
// empty, so a removed catalog leaves no empty package directories behind.
func removeEmptyDirs(out, dir string) {
	for dir != "." && dir != "/" && dir != "" {
		if os.Remove(outPath(out, dir)) != nil {
			return
		}
		dir = path.Dir(dir)
	}
}

// Diff is how the output tree differs from what generate would write.
type Diff struct {
	Missing  []string   // files generate would create
	Changed  []FileDiff // files generate would rewrite
	Orphaned []string   // files of the last generate that no source produces now
}

// FileDiff is one changed file with a unified diff from disk to wanted.
type FileDiff struct {
	Path, Unified string
}

// Empty reports whether the tree is in sync.
func (d *Diff) Empty() bool {
	return len(d.Missing) == 0 && len(d.Changed) == 0 && len(d.Orphaned) == 0
}

// Check compares out with files without changing anything.
func Check(out string, files map[string][]byte) (*Diff, error) {
	d := &Diff{}
	for _, rel := range sortedKeys(files) {
		cur, err := os.ReadFile(outPath(out, rel))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			d.Missing = append(d.Missing, rel)
		case err != nil:
			return nil, err
		case !bytes.Equal(cur, files[rel]):
			name := path.Join(filepath.ToSlash(out), rel)
			d.Changed = append(d.Changed, FileDiff{rel, udiff.Unified(name+" (on disk)", name+" (generated)", string(cur), string(files[rel]))})
		}
	}
	old, err := readManifest(out)
	if err != nil {
		return nil, err
	}
	for _, rel := range old {
		if _, ok := files[rel]; ok {
			continue
		}
		if _, err := os.Stat(outPath(out, rel)); err == nil {
			d.Orphaned = append(d.Orphaned, rel)
		}
	}
	return d, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
