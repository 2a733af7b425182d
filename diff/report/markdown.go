package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/errgen/errgen/diff"
)

func writeMarkdown(w io.Writer, r *diff.Result, opts Options) error {
	b := bufio.NewWriter(w)
	b.WriteString("## Vendor error documentation changed\n\n")
	for _, c := range r.Catalogs {
		name := "Compared"
		if c.ID != "" {
			name = "`" + c.ID + "`"
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
			fmt.Fprintf(b, "| %s | `%s` | %s | %s | %s | `%s` |\n", c.Level, c.Rule, mdCode(where(r, c.Change)),
				mdText(diff.Describe(c.Change)), mdText(c.By.Reason), c.Fingerprint)
		}
		b.WriteString("\n</details>\n\n")
	}
	if len(r.Expired) > 0 {
		fmt.Fprintf(b, "**Expired ignore rules (%d)**, which ignore nothing now:\n\n", len(r.Expired))
		for _, rule := range r.Expired {
			fmt.Fprintf(b, "- `%s:%d`: %s, expired after %s: %s\n", rule.File, rule.Line, ruleRef(rule), rule.Expires, mdText(rule.Reason))
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
		fmt.Fprintf(b, "| `%s` | %s | %s | %s | %s | `%s` |\n", c.Rule, mdCode(where(r, c)), mdText(diff.Describe(c)), old, new, c.Fingerprint)
	}
}

// mdText makes s safe in a table cell: one line, pipes and markup
// escaped.
func mdText(s string) string {
	s = strings.NewReplacer(
		"\\", "\\\\", "|", "\\|", "*", "\\*", "_", "\\_", "`", "\\`", "<", "&lt;", ">", "&gt;", "[", "\\[", "]", "\\]",
	).Replace(s)
	return strings.ReplaceAll(s, "\n", "<br>")
}

// mdCode shows s as code in a table cell; "" stays empty.
func mdCode(s string) string {
	if s == "" {
		return ""
	}
	s = strings.ReplaceAll(s, "|", "\\|")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		fence := "`"
		if strings.Contains(l, "`") {
			fence = "`` "
			lines[i] = fence + l + " ``"
			continue
		}
		lines[i] = fence + l + fence
	}
	return strings.Join(lines, "<br>")
}
