package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/errgen/errgen/diff"
	"github.com/errgen/errgen/internal/textsafe"
)

// writeText writes the text report. Every line goes through textLine, so
// no vendor text can break a line, send a terminal a control sequence or
// be read by a CI runner as a workflow command.
func writeText(w io.Writer, r *diff.Result, opts Options) error {
	b := bufio.NewWriter(w)
	for _, c := range r.Catalogs {
		line := sideLine(c)
		if c.ID != "" {
			line = c.ID + ": " + line
		}
		textLine(b, line)
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
			textLine(b, fmt.Sprintf("        ignored by %s:%d%s: %s", c.By.File, c.By.Line, until, c.By.Reason))
		}
	}
	if len(r.Expired) > 0 {
		fmt.Fprintf(b, "\nexpired ignore rules (%d): they ignore nothing now; renew or remove them\n", len(r.Expired))
		for _, rule := range r.Expired {
			textLine(b, fmt.Sprintf("  %s:%d: %s expired after %s: %s", rule.File, rule.Line, ruleRef(rule), rule.Expires, rule.Reason))
		}
	}
	if len(r.Unused) > 0 {
		fmt.Fprintf(b, "\nunused ignore rules (%d): no change matches them\n", len(r.Unused))
		for _, rule := range r.Unused {
			textLine(b, fmt.Sprintf("  %s:%d: %s: %s", rule.File, rule.Line, ruleRef(rule), rule.Reason))
		}
	}
	b.WriteString("\n")
	textLine(b, summaryLine(r, opts))
	textLine(b, bumpLine(r))
	return b.Flush()
}

func textChange(b *bufio.Writer, r *diff.Result, c diff.Change, indent string) {
	textLine(b, fmt.Sprintf("%s%-5s %s  %s  [%s]", indent, c.Level, c.Rule, where(r, c), c.Fingerprint))
	pad := indent + "      "
	textLine(b, pad+diff.Describe(c))
	if diff.ShowsTexts(c) {
		textLines(b, pad+"- ", c.Old)
		textLines(b, pad+"+ ", c.New)
	}
}

// textLines writes a text of several lines with its marker before every
// line, as a unified diff does, so no line of vendor text starts an
// output line.
func textLines(b *bufio.Writer, marker, s string) {
	if s == "" {
		textLine(b, marker+"(none)")
		return
	}
	for _, line := range strings.Split(s, "\n") {
		textLine(b, marker+line)
	}
}

// textLine writes one output line, escaped by textsafe.Inert.
func textLine(b *bufio.Writer, line string) {
	b.WriteString(textsafe.Inert(line))
	b.WriteByte('\n')
}
