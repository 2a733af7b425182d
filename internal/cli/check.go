package cli

import (
	"fmt"
	"path/filepath"

	"github.com/errgen/errgen/internal/build"
)

func runCheck(inv *invocation) error {
	var cf configFlags
	cf.register(inv, true)
	cf.registerTemplates(inv)
	if _, err := inv.parse(0, 0); err != nil {
		return err
	}
	out, files, _, err := cf.emit(inv)
	if err != nil {
		return err
	}
	d, err := build.Check(out, files)
	if err != nil {
		return err
	}
	if d.Empty() {
		return nil
	}
	w := inv.stdout
	for _, p := range d.Missing {
		fmt.Fprintf(w, "missing: %s\n", outPath(out, p))
	}
	for _, p := range d.Orphaned {
		fmt.Fprintf(w, "orphaned: %s (no source generates it any more)\n", outPath(out, p))
	}
	for _, f := range d.Changed {
		fmt.Fprintf(w, "changed: %s\n", outPath(out, f.Path))
	}
	for _, f := range d.Changed {
		fmt.Fprintf(w, "\n%s", f.Unified)
	}
	fmt.Fprintf(inv.stderr, "errgen check: %s is out of sync with the sources (%d missing, %d changed, %d orphaned); run: errgen generate -config %s\n",
		out, len(d.Missing), len(d.Changed), len(d.Orphaned), cf.config)
	inv.code = exitDrift
	return nil
}

func outPath(out, rel string) string { return filepath.Join(out, filepath.FromSlash(rel)) }
