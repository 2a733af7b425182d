package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/errgen/errgen/diff"
	"github.com/errgen/errgen/internal/mdtext"
	"github.com/errgen/errgen/internal/textsafe"
)

func writeMarkdown(w io.Writer, r *diff.Result, opts Options) error {
	b := bufio.NewWriter(w)
	b.WriteString("## Vendor error documentation changed\n\n")
	for _, c := range r.Catalogs {
		name := "Compared"
		if c.ID != "" {
			name = mdCode(c.ID)
		}
		fmt.Fprintf(b, "- %s: %s (%d entries, %d codes) → %s (%d entries, %d codes)\n",
			name, mdCode(c.Old.Name), c.Old.Entries, c.Old.Codes, mdCode(c.New.Name), c.New.Entries, c.New.Codes)
	}
	fmt.Fprintf(b, "\n| ERR | WARN | INFO | ignored |\n|---:|---:|---:|---:|\n| %d | %d | %d | %d |\n\n",
		r.Count(diff.Err), r.Count(diff.Warn), r.Count(diff.Info), len(r.Ignored))
	fmt.Fprintf(b, "**Suggested module bump: %s**", r.Bump().Level)
	if reason := r.Bump().Reason; reason != "" {
		fmt.Fprintf(b, " (%s)", mdText(reason))
	}
	b.WriteString("\n\n")
	if r.Fails(opts.FailOn) {
		fmt.Fprintf(b, "Changes at or above %s need review before merging.\n\n", opts.FailOn)
	}
	if len(r.Changes) == 0 {
		b.WriteString("No changes.\n")
	}
	for _, level := range []diff.Level{diff.Err, diff.Warn, diff.Info} {
		var cs []diff.Change
		for _, c := range r.Changes {
			if c.Level == level {
				cs = append(cs, c)
			}
		}
		if len(cs) == 0 {
			continue
		}
		fmt.Fprintf(b, "### %s (%d)\n\n", level, len(cs))
		mdTable(b, r, cs)
		b.WriteString("\n")
	}
	if len(r.Ignored) > 0 {
		fmt.Fprintf(b, "<details><summary>Ignored (%d)</summary>\n\n", len(r.Ignored))
		b.WriteString("| level | rule | where | change | reason | fingerprint |\n|---|---|---|---|---|---|\n")
		for _, c := range r.Ignored {
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", c.Level, mdCode(c.Rule), mdCode(where(r, c.Change)),
				mdText(diff.Describe(c.Change)), mdText(c.By.Reason), mdCode(c.Fingerprint))
		}
		b.WriteString("\n</details>\n\n")
	}
	if len(r.Expired) > 0 {
		fmt.Fprintf(b, "**Expired ignore rules (%d)**, which ignore nothing now:\n\n", len(r.Expired))
		for _, rule := range r.Expired {
			fmt.Fprintf(b, "- %s: %s, expired after %s: %s\n", mdCode(fmt.Sprintf("%s:%d", rule.File, rule.Line)),
				mdText(ruleRef(rule)), mdText(rule.Expires), mdText(rule.Reason))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "<sub>errgen diff, fail-on %s. To accept a change, add its fingerprint with a reason to %s.</sub>\n", opts.FailOn, diff.IgnoreFileName)
	return b.Flush()
}

func mdTable(b *bufio.Writer, r *diff.Result, cs []diff.Change) {
	b.WriteString("| rule | where | change | old | new | fingerprint |\n|---|---|---|---|---|---|\n")
	for _, c := range cs {
		old, new := "", ""
		if diff.ShowsTexts(c) {
			old, new = mdCode(c.Old), mdCode(c.New)
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", mdCode(c.Rule), mdCode(where(r, c)), mdText(diff.Describe(c)), old, new, mdCode(c.Fingerprint))
	}
}

// mdText shows vendor text in a table cell or after a list marker as
// text: markup escaped, newlines as <br>, hidden characters made visible,
// and no mention or issue reference for GitHub to find (see
// mdtext.GitHubCell).
func mdText(s string) string {
	return mdtext.GitHubCell(textsafe.Escape(s))
}

// mdCode shows s as code in a table cell, one code span per line; ""
// stays empty. Each span's fence is longer than any backtick run in its
// line (mdtext.Code), so no text can close it early, and each line is
// escaped with textsafe.Inert, so the Markdown source printed to a CI log
// holds no workflow command either.
func mdCode(s string) string {
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" { // an empty span would read as its backticks
			lines[i] = mdtext.Code(textsafe.Inert(l))
		}
	}
	return strings.Join(lines, "<br>")
}
