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
	if err := cf.checkOut(); err != nil {
		return err
	}
	d, err := build.Check(out, files)
	if err != nil {
		return err
	}
	for _, w := range d.Warnings {
		fmt.Fprintf(inv.stderr, "errgen: warning: %s\n", w)
	}
	if d.Empty() {
		return nil
	}
	w := inv.stdout
	if d.Interrupted {
		fmt.Fprintf(w, "interrupted generation: %s is left from a generate that did not finish; the tree may mix two generations\n", outPath(out, build.JournalName))
	}
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
	if d.Interrupted {
		fmt.Fprintf(inv.stderr, "errgen check: interrupted generation: %s is left in %s; run: errgen generate -config %s\n", build.JournalName, out, cf.config)
	}
	fmt.Fprintf(inv.stderr, "errgen check: %s is out of sync with the sources (%d missing, %d changed, %d orphaned); run: errgen generate -config %s\n",
		out, len(d.Missing), len(d.Changed), len(d.Orphaned), cf.config)
	inv.code = exitDrift
	return nil
}

// checkOut refuses a config's output root that a symbolic link takes out
// of the config's tree; -out, given on the command line, is the user's
// own choice.
func (c *configFlags) checkOut() error {
	if c.out != "" {
		return nil
	}
	cfg, err := c.loadConfig()
	if err != nil {
		return err
	}
	return cfg.CheckOutDir()
}

func outPath(out, rel string) string { return filepath.Join(out, filepath.FromSlash(rel)) }
