package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/errgen/errgen/diff"
)

func writeText(w io.Writer, r *diff.Result, opts Options) error {
	b := bufio.NewWriter(w)
	for _, c := range r.Catalogs {
		if c.ID != "" {
			fmt.Fprintf(b, "%s: ", c.ID)
		}
		fmt.Fprintf(b, "%s\n", sideLine(c))
	}
	if len(r.Changes) > 0 {
		b.WriteString("\n")
	}
	for _, c := range r.Changes {
		textChange(b, r, c, "")
	}
	if len(r.Ignored) > 0 {
		fmt.Fprintf(b, "\nignored (%d):\n", len(r.Ignored))
		for _, c := range r.Ignored {
			textChange(b, r, c.Change, "  ")
			until := ""
			if c.By.Expires != "" {
				until = ", until " + c.By.Expires
			}
			fmt.Fprintf(b, "        ignored by %s:%d%s: %s\n", c.By.File, c.By.Line, until, c.By.Reason)
		}
	}
	if len(r.Expired) > 0 {
		fmt.Fprintf(b, "\nexpired ignore rules (%d): they ignore nothing now; renew or remove them\n", len(r.Expired))
		for _, rule := range r.Expired {
			fmt.Fprintf(b, "  %s:%d: %s expired after %s: %s\n", rule.File, rule.Line, ruleRef(rule), rule.Expires, rule.Reason)
		}
	}
	if len(r.Unused) > 0 {
		fmt.Fprintf(b, "\nunused ignore rules (%d): no change matches them\n", len(r.Unused))
		for _, rule := range r.Unused {
			fmt.Fprintf(b, "  %s:%d: %s: %s\n", rule.File, rule.Line, ruleRef(rule), rule.Reason)
		}
	}
	fmt.Fprintf(b, "\n%s\n%s\n", summaryLine(r, opts), bumpLine(r))
	return b.Flush()
}

func textChange(b *bufio.Writer, r *diff.Result, c diff.Change, indent string) {
	fmt.Fprintf(b, "%s%-5s %s  %s  [%s]\n", indent, c.Level, c.Rule, where(r, c), c.Fingerprint)
	pad := indent + "      "
	fmt.Fprintf(b, "%s%s\n", pad, diff.Describe(c))
	if diff.ShowsTexts(c) {
		textLines(b, pad+"- ", c.Old)
		textLines(b, pad+"+ ", c.New)
	}
}

// textLines writes a text of several lines under one marker.
func textLines(b *bufio.Writer, marker, s string) {
	if s == "" {
		fmt.Fprintf(b, "%s(none)\n", marker)
		return
	}
	cont := strings.Repeat(" ", len(marker))
	for i, line := range strings.Split(s, "\n") {
		if i == 0 {
			fmt.Fprintf(b, "%s%s\n", marker, line)
		} else {
			fmt.Fprintf(b, "%s%s\n", cont, line)
		}
	}
}
