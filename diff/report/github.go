package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/errgen/errgen/diff"
	"github.com/errgen/errgen/internal/textsafe"
)

// GitHub Actions workflow commands:
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
var ghCommand = map[diff.Level]string{diff.Err: "error", diff.Warn: "warning", diff.Info: "notice"}

func writeGitHub(w io.Writer, r *diff.Result, opts Options) error {
	b := bufio.NewWriter(w)
	for _, c := range r.Changes {
		props := []string{}
		if f := fileOf(r, c); f != "" {
			props = append(props, "file="+ghProperty(f))
		}
		props = append(props, "title="+ghProperty(fmt.Sprintf("%s %s: %s", c.Level, c.Rule, where(r, c))))
		// Vendor texts are escaped onto one line each, so the message's
		// line breaks are errgen's own.
		msg := textsafe.Inert(diff.Describe(c))
		if diff.ShowsTexts(c) {
			msg += "\nold: " + textsafe.Inert(c.Old) + "\nnew: " + textsafe.Inert(c.New)
		}
		msg += "\nfingerprint: " + textsafe.Inert(c.Fingerprint)
		fmt.Fprintf(b, "::%s %s::%s\n", ghCommand[c.Level], strings.Join(props, ","), ghData(msg))
	}
	for _, rule := range r.Expired {
		fmt.Fprintf(b, "::warning file=%s,line=%d,title=%s::%s\n", ghProperty(rule.File), rule.Line, ghProperty("expired ignore rule"),
			ghData(textsafe.Inert(fmt.Sprintf("%s expired after %s and ignores nothing now; renew or remove it (%s)", ruleRef(rule), rule.Expires, rule.Reason))))
	}
	// The plain lines after the commands must not read as commands.
	for _, c := range r.Catalogs {
		line := sideLine(c)
		if c.ID != "" {
			line = c.ID + ": " + line
		}
		textLine(b, line)
	}
	textLine(b, summaryLine(r, opts))
	textLine(b, bumpLine(r))
	return b.Flush()
}

// ghData escapes a command's message as GitHub's runner unescapes it:
// '%', CR and LF. Callers have escaped the vendor text in it with
// textsafe.Inert, so every %0A is a line break errgen meant.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a property value (file=, title=): textsafe.Inert
// for controls and line breaks, then GitHub's property escapes, which add
// ':' and ',' (a ':' could end the properties early, a ',' start a new
// one).
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(textsafe.Inert(s))
}
