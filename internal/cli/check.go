package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/textsafe"
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
	var d *build.Diff
	if cf.out != "" {
		d, err = build.Check(out, files) // -out is trusted, as for generate
	} else {
		// Opened as generate opens it, without creating it: an out that
		// does not exist is all missing, one that a link takes out of
		// the tree an error.
		var root *os.Root
		root, err = cf.cfg.OpenOut(false)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			root, err = nil, nil
		case err != nil:
			return err
		default:
			defer root.Close()
		}
		d, err = build.CheckRoot(root, out, files)
	}
	if err != nil {
		return err
	}
	for _, w := range d.Warnings {
		printLines(inv.stderr, "errgen: warning: ", w)
	}
	if d.Empty() {
		return nil
	}
	// The tree's file names and contents come from a pull request: every
	// line goes through textsafe (printLines: Inert), so that none sends
	// terminal sequences or reads as a CI workflow command.
	w := inv.stdout
	if d.Interrupted {
		printLines(w, "interrupted generation: ", outPath(out, build.JournalName)+" is left from a generate that did not finish; the tree may mix two generations")
	}
	for _, p := range d.Missing {
		printLines(w, "missing: ", outPath(out, p))
	}
	for _, p := range d.Orphaned {
		printLines(w, "orphaned: ", outPath(out, p)+" (no source generates it any more)")
	}
	for _, f := range d.Changed {
		printLines(w, "changed: ", outPath(out, f.Path))
	}
	for _, f := range d.Changed {
		fmt.Fprintln(w)
		printDiff(w, f.Unified)
	}
	if d.Interrupted {
		printLines(inv.stderr, "errgen check: ", fmt.Sprintf("interrupted generation: %s is left in %s; run: errgen generate -config %s", build.JournalName, out, cf.config))
	}
	printLines(inv.stderr, "errgen check: ", fmt.Sprintf("%s is out of sync with the sources (%d missing, %d changed, %d orphaned); run: errgen generate -config %s",
		out, len(d.Missing), len(d.Changed), len(d.Orphaned), cf.config))
	inv.code = exitDrift
	return nil
}

// printDiff writes a unified diff whose content lines are the on-disk
// files', which a pull request controls. Each line is escaped by
// textsafe.InertCode: no ESC, BEL or bidi character reaches the
// terminal, tabs stay indentation, and no line, the ---/+++ and @@
// headers with their file names included, reads as a workflow command
// (content lines also start with errgen's ' ', '+' or '-').
func printDiff(w io.Writer, unified string) {
	unified = strings.TrimSuffix(unified, "\n")
	for line := range strings.SplitSeq(unified, "\n") {
		fmt.Fprintln(w, textsafe.InertCode(line))
	}
}

func outPath(out, rel string) string { return filepath.Join(out, filepath.FromSlash(rel)) }
