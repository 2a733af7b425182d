package cli

import (
	"fmt"
	"path/filepath"
	"slices"

	"github.com/errgen/errgen/diff"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/fetch"
	"github.com/errgen/errgen/internal/lock"
)

func runDrift(inv *invocation) error {
	var cf configFlags
	cf.register(inv, false)
	var rf reportFlags
	rf.register(inv)
	var ff fetchFlags
	ff.register(inv)
	ids, err := inv.parse(0, 1<<30)
	if err != nil {
		return err
	}
	if err := rf.check(); err != nil {
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
	// The committed snapshots are the old side; they must parse.
	committed, err := build.Load(cfg, ids...)
	if err != nil {
		return err
	}
	lk, err := lock.Read(filepath.Join(cfg.Dir, lock.Name))
	if err != nil {
		return err
	}
	res := fetchAll(inv, ff.client(), sources, lk)
	var results []*diff.Result
	for _, f := range res.ok {
		for _, new := range f.Loaded {
			j := slices.IndexFunc(committed, func(l build.Loaded) bool { return l.Config.ID == new.Config.ID })
			if j < 0 {
				continue // a catalog of a shared file that was not asked for
			}
			old := committed[j]
			printWarnings(inv.stderr, new.Report)
			results = append(results, diff.Compare(old.Catalog, new.Catalog, diff.Options{
				OldName:      filepath.ToSlash(old.File),
				NewName:      new.File,
				File:         filepath.ToSlash(old.File),
				Names:        old.Config.Go.Names,
				TrimPrefixes: old.Config.Go.TrimPrefixes,
			}))
		}
	}
	inv.code = res.code()
	if len(results) == 0 {
		if inv.code == exitOK {
			return fmt.Errorf("no catalog to compare")
		}
		return nil
	}
	return rf.finish(inv, diff.Merge(results...), cfg.Dir)
}
