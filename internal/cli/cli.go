// Package cli is errgen's command line.
//
//	errgen generate [-config F] [-out DIR] [-templates DIR] [-v]
//	                                               regenerate outputs from sources
//	errgen check    [-config F] [-out DIR] [-templates DIR]
//	                                               prove outputs are in sync with sources
//	errgen parse    [-kind K] [-format json|text] [-table SEL]... [-code-pointer P] [-message-pointer P] FILE
//	                                               print the catalog a source file gives
//	errgen show     [-config F] [-format json|text] ID
//	                                               print one catalog of the config
//	errgen diff     [-format F] [-fail-on L] [-ignore FILE] OLD NEW
//	errgen diff     -git REV [-config F] FILE|ID
//	                                               classify what changed between two catalogs
//	errgen fetch    [-config F] [ID...]            download the sources into their snapshots
//	errgen drift    [-config F] [-format F] [ID...]
//	                                               compare the vendor's live documents with the snapshots
//	errgen version                                 print errgen's version
//
// The config defaults to ./errgen.yaml, or else ./sources/errgen.yaml (see package
// github.com/errgen/errgen/internal/config for its format). Flags may be
// written with one or two dashes, before or after the arguments; every
// verb takes -h.
//
// Exit codes: 0 success; 1 differences found (check: outputs out of sync;
// diff and drift: changes at or above -fail-on); 2 usage error, bad input
// (config, source file) or any other failure; 3 fetch or drift found a
// vendor page that looks broken (it parses to no entries or lost more than
// half of them), so its snapshot was not replaced. Warnings (duplicate
// rows, status typos) go to stderr and do not change the exit code.
//
// errgen sets itself a soft memory limit of 300 MiB, so that the garbage
// collector runs before the heap doubles on large catalogs; it is soft (a
// run that needs more gets it), and GOMEMLIMIT, when set, replaces it.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/errgen/errgen/internal/editdist"
	"github.com/errgen/errgen/internal/textsafe"
)

// Exit codes.
const (
	exitOK    = 0
	exitDrift = 1
	exitError = 2
)

// DefaultConfigs are the configs generate, check and show look for, in
// this order, when -config is not given.
var DefaultConfigs = []string{"errgen.yaml", "sources/errgen.yaml"}

type verb struct {
	name, args, summary string
	run                 func(v *invocation) error
}

var verbs []verb

func init() {
	verbs = []verb{
		{"generate", "[-config F] [-out DIR] [-templates DIR] [-v]", "regenerate every output from the config's sources", runGenerate},
		{"check", "[-config F] [-out DIR] [-templates DIR]", "exit 1 when the outputs differ from what generate would write", runCheck},
		{"parse", "[-kind K] [-format json|text] [SOURCE FLAGS] FILE", "print the catalog a source file gives", runParse},
		{"show", "[-config F] [-format json|text] ID", "print one catalog of the config", runShow},
		{"diff", "[-format F] [-fail-on ERR|WARN|INFO] [-ignore FILE] [-kind K] [SOURCE FLAGS] OLD NEW | -git REV [-config F] FILE|ID", "compare two versions of a catalog: exit 1 on changes at or above -fail-on", runDiff},
		{"fetch", "[-config F] [-timeout D] [-max-size N] [-retries N] [ID...]", "download the config's sources into their snapshots and record them in errgen.lock: exit 3 when one looks broken or is gone", runFetch},
		{"drift", "[-config F] [-format F] [-fail-on L] [-ignore FILE] [-timeout D] [-max-size N] [ID...]", "compare the vendor's current documents with the snapshots: exit 1 on changes, 3 when a page looks broken", runDrift},
		{"version", "", "print errgen's version", runVersion},
	}
}

// invocation is one run of a verb: its flags, output streams and the exit
// code it asks for.
type invocation struct {
	verb           *verb
	flags          *flag.FlagSet
	args           []string
	stdout, stderr io.Writer
	code           int
}

// usageError is a mistake in the command line: it prints the verb's usage.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// Main runs errgen with args (without the program name) and returns the
// exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	limitMemory()
	if len(args) == 0 {
		mainUsage(stderr)
		return exitError
	}
	name := args[0]
	if name == "-h" || name == "-help" || name == "--help" || name == "help" {
		mainUsage(stdout)
		return exitOK
	}
	var v *verb
	for i := range verbs {
		if verbs[i].name == name {
			v = &verbs[i]
		}
	}
	if v == nil {
		printLines(stderr, "errgen: ", fmt.Sprintf("unknown command %q", name))
		fmt.Fprintln(stderr)
		mainUsage(stderr)
		return exitError
	}
	inv := &invocation{verb: v, stdout: stdout, stderr: stderr}
	inv.flags = flag.NewFlagSet("errgen "+name, flag.ContinueOnError)
	// Main prints every problem and the usage itself, once: the flag
	// package would print them too.
	inv.flags.SetOutput(io.Discard)
	inv.flags.Usage = func() {}
	inv.args = args[1:]
	err := v.run(inv)
	var ue *usageError
	switch {
	case errors.Is(err, flag.ErrHelp):
		inv.usage(stdout)
		return exitOK
	case errors.As(err, &ue):
		printLines(stderr, "errgen "+name+": ", ue.msg)
		inv.usage(stderr)
		return exitError
	case err != nil:
		printLines(stderr, "errgen "+name+": ", err.Error())
		return exitError
	}
	return inv.code
}

// printLines writes msg, which may quote vendor text (a code, a cell, a
// file name), one line at a time behind prefix, each escaped by
// textsafe.Inert: no terminal control sequence gets through, and no line
// starts with anything but errgen's prefix, so none reads as a CI
// workflow command.
func printLines(w io.Writer, prefix, msg string) {
	for line := range strings.SplitSeq(msg, "\n") {
		fmt.Fprintf(w, "%s%s\n", prefix, textsafe.Inert(line))
	}
}

func mainUsage(w io.Writer) {
	fmt.Fprintf(w, "errgen turns vendor API error documentation into Go packages.\n\nUsage:\n\n")
	for _, v := range verbs {
		fmt.Fprintf(w, "\terrgen %-9s %s\n", v.name, v.summary)
	}
	fmt.Fprintf(w, "\nRun \"errgen VERB -h\" for a verb's flags.\n")
	fmt.Fprintf(w, "Exit codes: 0 ok, 1 check found differences, 2 usage or input error.\n")
	fmt.Fprintf(w, "diff and drift exit 1 on changes at or above -fail-on; fetch and drift exit 3 when a vendor page looks broken or is gone (404, 410).\n")
}

func (inv *invocation) usage(w io.Writer) {
	fmt.Fprintf(w, "usage: errgen %s %s\n\n%s.\n", inv.verb.name, inv.verb.args, capitalize(inv.verb.summary))
	if hasFlags(inv.flags) {
		fmt.Fprintf(w, "\nFlags:\n")
		inv.flags.SetOutput(w)
		inv.flags.PrintDefaults()
		inv.flags.SetOutput(inv.stderr)
	}
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// suggest names the flag a mistyped one most likely meant: " (did you
// mean -column?)", or "".
func (inv *invocation) suggest(err error) string {
	name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -")
	if !ok {
		return ""
	}
	best, dist := "", 3 // at most two edits away
	inv.flags.VisitAll(func(f *flag.Flag) {
		if d := editdist.Distance(name, f.Name); d < dist {
			best, dist = f.Name, d
		}
	})
	if best == "" {
		return ""
	}
	return " (did you mean -" + best + "?)"
}

// parse parses the flags, which may come before, between or after the
// positional arguments, and returns the positional arguments.
func (inv *invocation) parse(minArgs, maxArgs int) ([]string, error) {
	var pos []string
	rest := inv.args
	for {
		if err := inv.flags.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%s%s", err.Error(), inv.suggest(err))
		}
		rest = inv.flags.Args()
		if len(rest) == 0 {
			break
		}
		if rest[0] == "--" {
			pos = append(pos, rest[1:]...)
			break
		}
		pos = append(pos, rest[0])
		rest = rest[1:]
	}
	switch {
	case len(pos) < minArgs:
		return nil, usagef("missing argument")
	case len(pos) > maxArgs:
		return nil, usagef("unexpected argument %q", pos[maxArgs])
	}
	return pos, nil
}
