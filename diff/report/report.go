// Package report writes the result of a catalog comparison
// (github.com/errgen/errgen/diff) in the formats CI systems and people
// read: text, json, markdown, githubactions and junit. It only writes to
// an io.Writer; which format goes where is the caller's business.
//
//   - text: for a terminal. One block per change: level, rule, code,
//     status and fingerprint, a sentence, and the old (-) and new (+)
//     texts; then the ignored changes, expired and unused ignore rules, a
//     summary line and the suggested module bump.
//   - json: one object, described by the JSON Schema in report.schema.json
//     beside this file (embedded as [Schema]). Its "changes" hold rule,
//     level, catalog, code, status, field, old, new, fingerprint and a
//     human message; "summary" the counts per level, fail_on, failed and
//     the bump.
//   - markdown: a pull request body: a counts table, the bump, a table of
//     changes per level with fingerprints, and the ignored changes folded.
//   - githubactions: one workflow command per change (::error for ERR,
//     ::warning for WARN, ::notice for INFO) on the snapshot file, a
//     ::warning per expired ignore rule, then the summary as plain lines.
//   - junit: a <testsuites> document with one <testsuite> per catalog and
//     one <testcase> per change; changes at or above fail-on are
//     <failure>s, ignored ones <skipped>.
//
// Every text a report shows may come from a vendor page, a config or an
// ignore file from a pull request, so none is written raw. The text,
// githubactions and junit formats pass each value, or each whole line,
// through textsafe.Inert: control characters (ESC, BEL, CR, C1), bidi
// controls and invalid UTF-8 become visible escapes, a vendor newline
// becomes \n, and nothing can start or hold a CI workflow command; a
// multi-line old or new text gets its "-" or "+" marker on every line.
// githubactions then escapes message and property values as GitHub's
// runner unescapes them. markdown shows codes and texts as code spans
// fenced longer than any backtick run in them (mdtext.Code) and prose as
// escaped text in which GitHub finds no mention or issue reference
// (mdtext.GitHubCell). json stays verbatim for programs, with hidden
// characters written as JSON escapes (textsafe.JSON).
package report

import (
	_ "embed"
	"fmt"
	"io"
	"strings"

	"github.com/errgen/errgen/diff"
)

// Formats lists the formats Write knows, the default first.
var Formats = []string{"text", "json", "markdown", "githubactions", "junit"}

// Schema is the JSON Schema of the json format.
//
//go:embed report.schema.json
var Schema []byte

// Options tune a report.
type Options struct {
	// FailOn is the level at and above which changes fail the run; the
	// reports say so. Zero means diff.Err.
	FailOn diff.Level
}

// Write writes r to w in format.
func Write(w io.Writer, format string, r *diff.Result, opts Options) error {
	if opts.FailOn == 0 {
		opts.FailOn = diff.Err
	}
	switch format {
	case "text":
		return writeText(w, r, opts)
	case "json":
		return writeJSON(w, r, opts)
	case "markdown":
		return writeMarkdown(w, r, opts)
	case "githubactions":
		return writeGitHub(w, r, opts)
	case "junit":
		return writeJUnit(w, r, opts)
	}
	return fmt.Errorf("unknown report format %q (want one of: %s)", format, strings.Join(Formats, ", "))
}

// summaryLine is "3 changes: 1 ERR, 1 WARN, 1 INFO; 2 ignored. fail-on
// ERR: failed."
func summaryLine(r *diff.Result, opts Options) string {
	var b strings.Builder
	n := len(r.Changes)
	if n == 1 {
		b.WriteString("1 change")
	} else {
		fmt.Fprintf(&b, "%d changes", n)
	}
	fmt.Fprintf(&b, ": %d ERR, %d WARN, %d INFO", r.Count(diff.Err), r.Count(diff.Warn), r.Count(diff.Info))
	if len(r.Ignored) > 0 {
		fmt.Fprintf(&b, "; %d ignored", len(r.Ignored))
	}
	if r.Fails(opts.FailOn) {
		fmt.Fprintf(&b, ". fail-on %s: drift found", opts.FailOn)
	} else {
		fmt.Fprintf(&b, ". fail-on %s: ok", opts.FailOn)
	}
	return b.String()
}

func bumpLine(r *diff.Result) string {
	return "suggested module bump: " + r.Bump().String()
}

// sideLine is "old.html (278 entries, 238 codes) → new.html (…)".
func sideLine(c diff.Compared) string {
	return fmt.Sprintf("%s (%d entries, %d codes) → %s (%d entries, %d codes)",
		c.Old.Name, c.Old.Entries, c.Old.Codes, c.New.Name, c.New.Entries, c.New.Codes)
}

// where is "IdentityCenter.1000 403", with the catalog when several are
// compared.
func where(r *diff.Result, c diff.Change) string {
	s := c.Code
	if c.Status != 0 {
		s += fmt.Sprintf(" %d", c.Status)
	}
	if len(r.Catalogs) > 1 && c.Catalog != "" {
		s = c.Catalog + ": " + s
	}
	return s
}

// fileOf is the file annotations of c point at.
func fileOf(r *diff.Result, c diff.Change) string {
	for _, cat := range r.Catalogs {
		if cat.ID == c.Catalog {
			return cat.File
		}
	}
	return ""
}

func ruleRef(rule diff.IgnoreRule) string {
	if rule.Fingerprint != "" {
		return "fingerprint " + rule.Fingerprint
	}
	return fmt.Sprintf("rule %s, code %s", rule.Rule, rule.Code)
}
