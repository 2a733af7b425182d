package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/errgen/errgen/diff"
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
		msg := diff.Describe(c)
		if diff.ShowsTexts(c) {
			msg += fmt.Sprintf("\nold: %s\nnew: %s", c.Old, c.New)
		}
		msg += "\nfingerprint: " + c.Fingerprint
		fmt.Fprintf(b, "::%s %s::%s\n", ghCommand[c.Level], strings.Join(props, ","), ghData(msg))
	}
	for _, rule := range r.Expired {
		fmt.Fprintf(b, "::warning file=%s,line=%d,title=%s::%s\n", ghProperty(rule.File), rule.Line, ghProperty("expired ignore rule"),
			ghData(fmt.Sprintf("%s expired after %s and ignores nothing now; renew or remove it (%s)", ruleRef(rule), rule.Expires, rule.Reason)))
	}
	for _, c := range r.Catalogs {
		if c.ID != "" {
			fmt.Fprintf(b, "%s: ", c.ID)
		}
		fmt.Fprintf(b, "%s\n", sideLine(c))
	}
	fmt.Fprintf(b, "%s\n%s\n", summaryLine(r, opts), bumpLine(r))
	return b.Flush()
}

func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
