package cli

import (
	"fmt"

	"github.com/errgen/errgen/internal/build"
)

func runGenerate(inv *invocation) error {
	var cf configFlags
	cf.register(inv, true)
	cf.registerTemplates(inv)
	verbose := inv.flags.Bool("v", false, "print what was written and removed")
	if _, err := inv.parse(0, 0); err != nil {
		return err
	}
	out, files, loaded, err := cf.emit(inv)
	if err != nil {
		return err
	}
	if err := cf.checkOut(); err != nil {
		return err
	}
	res, err := build.Write(out, files)
	if err != nil {
		return err
	}
	// Manifest entries errgen would not remove are someone else's files
	// (or an attack): say so, leave them, and still succeed.
	for _, w := range res.Warnings {
		fmt.Fprintf(inv.stderr, "errgen: warning: %s\n", w)
	}
	if *verbose {
		for _, l := range loaded {
			c := l.Catalog
			fmt.Fprintf(inv.stderr, "%s: %d entries, %d codes from %s\n", c.ID, len(c.Entries), len(c.Codes()), l.File)
		}
		for _, p := range res.Written {
			fmt.Fprintf(inv.stderr, "wrote %s\n", outPath(out, p))
		}
		for _, p := range res.Removed {
			fmt.Fprintf(inv.stderr, "removed %s\n", outPath(out, p))
		}
		for _, p := range res.TempsRemoved {
			fmt.Fprintf(inv.stderr, "removed %s (left by an interrupted generate)\n", outPath(out, p))
		}
		fmt.Fprintf(inv.stderr, "%d written, %d unchanged, %d removed\n", len(res.Written), len(res.Unchanged), len(res.Removed))
	}
	return nil
}
