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
	var res *build.Result
	if cf.out != "" {
		// -out is the user's own choice, trusted like the command line:
		// it is created as os.MkdirAll does, following any link on its
		// path, and only what lies below it is confined.
		res, err = build.Write(out, files)
	} else {
		// The config's out may come from a pull request: it is created
		// and opened through an os.Root at the config's tree, so no link
		// on its path, existing or not, takes the writes out of it.
		root, oerr := cf.cfg.OpenOut(true)
		if oerr != nil {
			return oerr
		}
		defer root.Close()
		res, err = build.WriteRoot(root, out, files)
	}
	if err != nil {
		return err
	}
	// Manifest entries errgen would not remove are someone else's files
	// (or an attack): say so, leave them, and still succeed. Every line
	// naming a path goes through textsafe.Inert (printLines): a path
	// from a manifest may hold bidi or C1 characters.
	for _, w := range res.Warnings {
		printLines(inv.stderr, "errgen: warning: ", w)
	}
	if *verbose {
		for _, l := range loaded {
			c := l.Catalog
			printLines(inv.stderr, "", fmt.Sprintf("%s: %d entries, %d codes from %s", c.ID, len(c.Entries), len(c.Codes()), l.File))
		}
		for _, p := range res.Written {
			printLines(inv.stderr, "wrote ", outPath(out, p))
		}
		for _, p := range res.Removed {
			printLines(inv.stderr, "removed ", outPath(out, p))
		}
		for _, p := range res.TempsRemoved {
			printLines(inv.stderr, "removed ", outPath(out, p)+" (left by an interrupted generate)")
		}
		fmt.Fprintf(inv.stderr, "%d written, %d unchanged, %d removed\n", len(res.Written), len(res.Unchanged), len(res.Removed))
	}
	return nil
}
