package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diff"
	"github.com/errgen/errgen/diff/report"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/fetch"
	"github.com/errgen/errgen/internal/safefile"
	"github.com/errgen/errgen/parse"
)

// exitBroken is drift's and fetch's exit code when the guard refuses a
// fetched page.
const exitBroken = 3

// reportFlags are the flags of the verbs that report catalog changes.
type reportFlags struct {
	format, failOn, ignore string
	level                  diff.Level
}

func (rf *reportFlags) register(inv *invocation) {
	inv.flags.StringVar(&rf.format, "format", "text", "report format: "+strings.Join(report.Formats, ", "))
	inv.flags.StringVar(&rf.failOn, "fail-on", "ERR", "exit 1 when a change at or above this level is found: ERR, WARN or INFO")
	inv.flags.StringVar(&rf.ignore, "ignore", "", "the ignore file (default: "+diff.IgnoreFileName+" in the current directory, else beside the config, if present)")
}

// check validates the flags before any work is done.
func (rf *reportFlags) check() error {
	level, err := diff.ParseLevel(rf.failOn)
	if err != nil {
		return usagef("-fail-on: %v", err)
	}
	rf.level = level
	for _, f := range report.Formats {
		if f == rf.format {
			return nil
		}
	}
	return usagef("-format %q: want one of %s", rf.format, strings.Join(report.Formats, ", "))
}

// finish applies the ignore file, writes the report and sets the exit
// code. configDir, if not "", is where else to look for the ignore file.
func (rf *reportFlags) finish(inv *invocation, r *diff.Result, configDir string) error {
	file := rf.ignore
	var data []byte
	if file != "" {
		// -ignore is the user's: any path, but a regular file under the
		// size limit.
		var err error
		if data, err = safefile.ReadFile(file, safefile.MaxConfigSize); err != nil {
			return fmt.Errorf("-ignore: %w", err)
		}
	} else {
		// The default ignore file may come from a pull request: it is
		// read through an os.Root at its directory, so a link out of it
		// (to /dev/zero, to a secret) is refused, and it must be a
		// regular file under the size limit.
		for _, dir := range []string{".", configDir} {
			if dir == "" {
				continue
			}
			p := filepath.Join(dir, diff.IgnoreFileName)
			if _, err := os.Lstat(p); err != nil {
				continue
			}
			var err error
			data, err = safefile.ReadIn(dir, diff.IgnoreFileName, safefile.MaxConfigSize)
			if safefile.Escapes(err) {
				where := dir + ", the config's directory"
				if dir == "." {
					where = "the current directory"
				}
				return fmt.Errorf("%s: refusing to read it: it is a symbolic link that leads outside %s (hint: replace it with a regular file)", p, where)
			}
			if err != nil {
				return err
			}
			file = p
			break
		}
	}
	if file != "" {
		ig, err := diff.ParseIgnore(file, data)
		if err != nil {
			return err
		}
		ig.Apply(r, time.Now())
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, rf.format, r, report.Options{FailOn: rf.level}); err != nil {
		return err
	}
	if _, err := inv.stdout.Write(buf.Bytes()); err != nil {
		return err
	}
	if r.Fails(rf.level) && inv.code == exitOK {
		inv.code = exitDrift
	}
	return nil
}

func runDiff(inv *invocation) error {
	var cf configFlags
	cf.register(inv, false)
	var rf reportFlags
	rf.register(inv)
	var sf sourceFlags
	sf.register(inv)
	rev := inv.flags.String("git", "", "compare `REV`'s version of the one argument (a file, or a catalog id of the config) with the working tree's")
	args, err := inv.parse(1, 2)
	if err != nil {
		return err
	}
	if err := rf.check(); err != nil {
		return err
	}
	if *rev == "" {
		if len(args) != 2 {
			return usagef("want OLD and NEW, or -git REV and one file or catalog id")
		}
		old, err := readInput(inv, args[0], nil, nil, &sf)
		if err != nil {
			return err
		}
		new, err := readInput(inv, args[1], nil, nil, &sf)
		if err != nil {
			return err
		}
		r := diff.Compare(old, new, diff.Options{OldName: args[0], NewName: args[1], File: filepath.ToSlash(args[1])})
		return rf.finish(inv, r, "")
	}
	if len(args) != 1 {
		return usagef("-git REV takes one argument: a file, or a catalog id of the config")
	}
	arg := args[0]
	if fi, err := os.Stat(arg); err == nil && fi.Mode().IsRegular() {
		data, err := gitShow(*rev, arg)
		if err != nil {
			return err
		}
		name := *rev + ":" + filepath.ToSlash(arg)
		// The files its $refs name are read at REV too, from the same
		// directory or below.
		dir := filepath.Dir(arg)
		refs := build.RefReader(name, func(rel string) ([]byte, error) { return gitShowAt(*rev, dir, rel) })
		old, err := readInput(inv, name, data, refs, &sf)
		if err != nil {
			return err
		}
		// The working tree's side is what the repository holds: read
		// through an os.Root at its directory, so a link out of it (to a
		// secret, which the report would print) is refused.
		cur, err := safefile.ReadIn(filepath.Dir(arg), filepath.Base(arg), safefile.MaxSourceSize)
		if safefile.Escapes(err) {
			return fmt.Errorf("%s: refusing to read it: it is a symbolic link that leads outside %s, its directory (hint: diff the file it links to, or commit the file itself)", arg, filepath.Dir(arg))
		}
		if err != nil {
			return err
		}
		new, err := readInput(inv, arg, cur, nil, &sf)
		if err != nil {
			return err
		}
		r := diff.Compare(old, new, diff.Options{OldName: name, NewName: arg, File: filepath.ToSlash(arg)})
		return rf.finish(inv, r, "")
	}
	if *sf.kind != "" || sf.set() {
		return usagef("-kind and the flags that say how to read a source file do not apply to a catalog id: the config says how its source is read")
	}
	cfg, err := cf.loadConfig()
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: no such file, and no config %s to find it in as a catalog id", arg, cf.config)
		}
		return err
	}
	c, ok := cfg.Catalog(arg)
	if !ok {
		return fmt.Errorf("%s: neither a file nor a catalog id of %s (ids: %s)", arg, cf.config, strings.Join(cfg.IDs(), ", "))
	}
	loaded, err := build.Load(cfg, c.ID)
	if err != nil {
		return err
	}
	l := loaded[0]
	printWarnings(inv.stderr, l.Report)
	data, err := gitShow(*rev, l.File)
	if err != nil {
		return err
	}
	name := *rev + ":" + filepath.ToSlash(l.File)
	snap, err := fetch.NewSnapshot(cfg, c.Source.File, name, data)
	if err != nil {
		return err
	}
	defer snap.Close()
	snap.SetReadRef(func(dir, rel string) ([]byte, error) {
		return gitShowAt(*rev, filepath.Join(cfg.Dir, filepath.FromSlash(dir)), rel)
	})
	old, err := snap.Load(c.ID)
	if err != nil {
		return err
	}
	r := diff.Compare(old.Catalog, l.Catalog, diff.Options{OldName: name, NewName: l.File, File: filepath.ToSlash(l.File), Names: c.Go.Names, TrimPrefixes: c.Go.TrimPrefixes})
	return rf.finish(inv, r, cfg.Dir)
}

// readInput reads one side of a diff: catalog JSON, or a source file read
// as sf says (its kind guessed when -kind is not given). data, when not
// nil, is the content of name; readRef, when not nil, reads the files
// its $refs name (see build.ParseOptions.ReadFile).
func readInput(inv *invocation, name string, data []byte, readRef func(string) ([]byte, error), sf *sourceFlags) (*catalog.Catalog, error) {
	if data == nil {
		// A path the user gave: trusted as a path, links included, but
		// it must be a regular file under the size limit (not a link to
		// /dev/zero).
		var err error
		if data, err = safefile.ReadFile(name, safefile.MaxSourceSize); err != nil {
			return nil, err
		}
	}
	if isCatalogJSON(data) {
		c, err := catalog.Unmarshal(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return c, nil
	}
	kind := *sf.kind
	if kind == "" {
		if kind = build.GuessKind(name, data); kind == "" {
			return nil, usagef("cannot tell the kind of %s: give -kind (%s), or a catalog JSON file (errgen parse -format json)", name, strings.Join(parse.Names(), ", "))
		}
	}
	if err := sf.check(kind); err != nil {
		return nil, err
	}
	opts := sf.options(name)
	opts.ReadFile = readRef
	p, err := build.ParseSource(kind, data, opts, sf.exclude...)
	if err != nil {
		return nil, err
	}
	entries, rep := p.Entries, p.Report
	printWarnings(inv.stderr, rep)
	return &catalog.Catalog{Format: catalog.FormatVersion, Source: catalog.Source{Kind: kind, File: filepath.ToSlash(name)}, Entries: entries}, nil
}

// isCatalogJSON tells errgen's catalog JSON from other JSON (an OpenAPI
// document, say): an object with a numeric "format" and "entries".
func isCatalogJSON(data []byte) bool {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return false
	}
	var probe struct {
		Format  *int            `json:"format"`
		Entries json.RawMessage `json:"entries"`
	}
	if json.Unmarshal(trimmed, &probe) != nil {
		return false
	}
	return probe.Format != nil && probe.Entries != nil
}

// gitShowLimit is the most gitShow reads: a variable for tests.
var gitShowLimit int64 = safefile.MaxSourceSize

// gitShow returns the content of file at git revision rev.
func gitShow(rev, file string) ([]byte, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, errors.New("-git needs the git command, which is not on PATH")
	}
	dir, base := filepath.Dir(file), filepath.Base(file)
	if err := exec.Command("git", "-C", dir, "rev-parse", "--show-toplevel").Run(); err != nil {
		return nil, fmt.Errorf("-git %s: %s is not inside a git repository", rev, file)
	}
	return gitShowAt(rev, dir, base)
}

// gitShowAt returns the content of rel (a slash path relative to dir,
// inside a git repository) at git revision rev.
func gitShowAt(rev, dir, rel string) ([]byte, error) {
	file := filepath.Join(dir, filepath.FromSlash(rel))
	if _, err := exec.LookPath("git"); err != nil {
		return nil, errors.New("-git needs the git command, which is not on PATH")
	}
	var stderr bytes.Buffer
	cmd := exec.Command("git", "-C", dir, "show", rev+":./"+rel)
	cmd.Stderr = &limitedWriter{w: &stderr, n: 64 << 10}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	// A blob as large as the repository allows must not be read whole:
	// at most safefile.MaxSourceSize bytes, one past which is an error.
	out, rerr := io.ReadAll(io.LimitReader(stdout, gitShowLimit+1))
	if rerr == nil && int64(len(out)) > gitShowLimit {
		cmd.Process.Kill()
		cmd.Wait()
		return nil, fmt.Errorf("-git %s: %s at that revision: larger than %d bytes, the most errgen reads of a source (hint: is it the file you meant?)", rev, file, gitShowLimit)
	}
	if err := cmd.Wait(); err != nil || rerr != nil {
		msg := strings.TrimSpace(stderr.String())
		msg = strings.TrimPrefix(strings.SplitN(msg, "\n", 2)[0], "fatal: ")
		if msg == "" {
			msg = errors.Join(err, rerr).Error()
		}
		return nil, fmt.Errorf("-git %s: cannot read %s at that revision: %s", rev, file, msg)
	}
	return out, nil
}

// limitedWriter keeps the first n bytes written to it and drops the rest.
type limitedWriter struct {
	w io.Writer
	n int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if k := min(len(p), l.n); k > 0 {
		l.w.Write(p[:k])
		l.n -= k
	}
	return len(p), nil
}
