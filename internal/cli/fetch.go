package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/term"

	"github.com/errgen/errgen/internal/fetch"
	"github.com/errgen/errgen/internal/lock"
	"github.com/errgen/errgen/internal/safefile"
)

// fetchFlags are the flags of the verbs that download sources.
type fetchFlags struct {
	timeout, connect time.Duration
	maxSize          fetch.Size
	retries          int
}

func (ff *fetchFlags) register(inv *invocation) {
	inv.flags.DurationVar(&ff.timeout, "timeout", fetch.DefaultTimeout, "the most one request may take, body included")
	inv.flags.DurationVar(&ff.connect, "connect-timeout", fetch.DefaultConnectTimeout, "the most connecting to a server may take")
	ff.maxSize = fetch.DefaultMaxSize
	inv.flags.Var(&ff.maxSize, "max-size", "the largest document accepted (e.g. 512KiB, 10MiB)")
	inv.flags.IntVar(&ff.retries, "retries", fetch.DefaultRetries, "how often to retry a 429 or 5xx response, waiting as Retry-After says or 1s, 2s, 4s, …")
}

func (ff *fetchFlags) client() *fetch.Client {
	retries := ff.retries
	if retries == 0 {
		retries = -1 // the Client's zero value means the default
	}
	return &fetch.Client{
		Timeout:        ff.timeout,
		ConnectTimeout: ff.connect,
		MaxSize:        int64(ff.maxSize),
		Retries:        retries,
		UserAgent:      "errgen/" + Version() + " (+https://github.com/errgen/errgen)",
	}
}

// fetched is what fetchAll found for each source.
type fetched struct {
	ok []*fetch.Fetched
	// broken, gone and failed are how many sources the guard refused,
	// how many pages are gone (404, 410) and how many could not be
	// fetched; all were reported on stderr.
	broken, gone, failed int
}

// fetchAll fetches every source, printing a progress line per source when
// stderr is a terminal and every failure on stderr.
func fetchAll(inv *invocation, client *fetch.Client, sources []*fetch.Source, lk *lock.Lock) *fetched {
	res := &fetched{}
	progress := terminal(inv.stderr)
	for _, src := range sources {
		if progress {
			printLines(inv.stderr, "errgen "+inv.verb.name+": ", fmt.Sprintf("%s ← %s …", src.File, src.URL))
		}
		f, err := client.Update(context.Background(), src, lk)
		var broken *fetch.BrokenError
		var gone *fetch.GoneError
		switch {
		case errors.As(err, &broken):
			printLines(inv.stderr, "errgen "+inv.verb.name+": ", err.Error())
			res.broken++
		case errors.As(err, &gone):
			// The vendor's problem, not the config's: exit 3.
			printLines(inv.stderr, "errgen "+inv.verb.name+": ", fmt.Sprintf("%s: %v", src.File, err))
			res.gone++
		case err != nil:
			printLines(inv.stderr, "errgen "+inv.verb.name+": ", fmt.Sprintf("%s: %v", src.File, err))
			res.failed++
		default:
			res.ok = append(res.ok, f)
		}
	}
	return res
}

// code is the exit code the failures ask for: 2 for a failed fetch, else 3
// for a refused one.
func (f *fetched) code() int {
	switch {
	case f.failed > 0:
		return exitError
	case f.broken > 0 || f.gone > 0:
		return exitBroken
	}
	return exitOK
}

// terminal reports whether w is a terminal, where progress lines help
// rather than clutter a log.
func terminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func runFetch(inv *invocation) error {
	var cf configFlags
	cf.register(inv, false)
	var ff fetchFlags
	ff.register(inv)
	ids, err := inv.parse(0, 1<<30)
	if err != nil {
		return err
	}
	cfg, err := cf.loadConfig()
	if err != nil {
		return err
	}
	sources, err := fetch.Sources(cfg, ids...)
	if err != nil {
		return err
	}
	lockPath := filepath.Join(cfg.Dir, lock.Name)
	lk, err := lock.Read(lockPath)
	if err != nil {
		return err
	}
	res := fetchAll(inv, ff.client(), sources, lk)
	if code := res.code(); code != exitOK {
		// All or nothing: a broken source must not leave the others
		// updated and the generated packages half regenerated.
		fmt.Fprintf(inv.stderr, "errgen fetch: nothing written (%d fetched, %d refused by the guard, %d gone, %d failed)\n", len(res.ok), res.broken, res.gone, res.failed)
		inv.code = code
		return nil
	}
	files := map[string][]byte{}
	today := time.Now()
	for _, f := range res.ok {
		src := f.Source
		lk.Set(f.Entry(lk.Entry(src.File), Version(), today))
		if f.Changed {
			files[src.Path] = f.Data
		}
		printLines(inv.stdout, "", src.File+": "+outcome(f))
	}
	data, err := lk.Marshal()
	if err != nil {
		return err
	}
	// Read as lock.Read did: through the config's directory, a regular
	// file under the size limit.
	if cur, err := safefile.ReadIn(cfg.Dir, lock.Name, lock.MaxSize); err != nil || string(cur) != string(data) {
		files[lockPath] = data
	}
	return fetch.WriteFiles(cfg.Dir, files)
}

// outcome says what fetching one source did.
func outcome(f *fetch.Fetched) string {
	counts := ""
	for i, l := range f.Loaded {
		if i > 0 {
			counts += ", "
		}
		counts += fmt.Sprintf("%s %d", l.Config.ID, len(l.Catalog.Entries))
	}
	switch {
	case f.Response.NotModified:
		return "not modified (304)"
	case !f.Changed:
		return fmt.Sprintf("unchanged (%s entries)", counts)
	}
	return fmt.Sprintf("updated, %d bytes (%s entries); run errgen generate", len(f.Data), counts)
}
