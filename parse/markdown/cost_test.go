package markdown

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/errgen/errgen/catalog"
)

// parseWithin runs Parse and fails the test when it takes longer than d;
// the parse goes on in the background.
func parseWithin(t *testing.T, src string, d time.Duration) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, _, err := Parse([]byte(src), Options{File: "c.md"})
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("Parse of %d bytes took more than %v", len(src), d)
		return nil
	}
}

// Review finding: goldmark's time grows with the square of a line of
// links ("[a](" × 64 Ki: 256 KB, a minute), of a paragraph of unclosed
// link titles or of link reference definitions; pipe tables pad short
// rows to the header's width (100 000 columns × 100 000 rows never end);
// and it keeps some 300 bytes a node (8 MB of "[" took 15 s and 3 GB).
// An unclosed <table> in each of many HTML blocks made tableEnd scan the
// rest of the page for each. Such pages are refused, quickly, naming the
// line.
func TestCostBounded(t *testing.T) {
	wide := "|Code|M|" + strings.Repeat("x|", 100000) + "\n|-|-|" + strings.Repeat("-|", 100000) + "\n" + strings.Repeat("|A|b|\n", 100000)
	for _, tc := range []struct {
		name, src, want string
	}{
		{"link line", strings.Repeat("[a](", 1<<16), "line 1: links, link titles"},
		{"angle destinations", strings.Repeat("[a](<", 1<<16), "line 1: links, link titles"},
		{"blank after destinations", strings.Repeat("[a](", 1<<16) + strings.Repeat(" ", 1<<20) + "x", "line 1: links, link titles"},
		{"titles", strings.Repeat("[a](b \"\n", 1<<17), "links, link titles"},
		{"title parentheses", strings.Repeat("[a](b (", 1<<17), "line 1: links, link titles"},
		{"definitions", strings.Repeat("[a]: b\n", 1<<18), "link reference definitions"},
		{"wide table", wide, "line 4: pipe tables hold more than 262144 cells"},
		{"brackets", strings.Repeat("[", 8<<20), "line 1: the page makes more than 1048576 blocks"},
		{"paragraphs", strings.Repeat("a\n\n", 2<<20), "blocks and inline elements"},
		{"unclosed tables", "# T\n\n" + strings.Repeat("<table>\n\n", 20000) + strings.Repeat("x", 1<<20), "HTML block at line 11: too many <table> tags are never closed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := parseWithin(t, tc.src, 5*time.Second)
			var d *catalog.Diagnostic
			if !errors.As(err, &d) || d.File != "c.md" || !strings.Contains(d.Error(), tc.want) {
				t.Errorf("error %v, want a Diagnostic with %q", err, tc.want)
			}
		})
	}
}

// The bounds leave real pages alone: a 2 MB table of 20 000 rows with
// links, titles and reference definitions, and many closed HTML tables.
func TestCostAllowsLargePages(t *testing.T) {
	var b strings.Builder
	b.WriteString("## Errors\n\n| Code | Status | Message |\n|---|---|---|\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "| E%d | 400 | See [the guide](https://example.com/guide/%d \"Guide\") and [ref][r] for **details** of `x`. |\n", i, i)
	}
	b.WriteString("\n[r]: https://example.com/r\n[s]: https://example.com/s \"S\"\n\n")
	for range 200 {
		b.WriteString("<table><tr><th>Code</th></tr>\n\n<tr><td>H</td></tr></table>\n\n")
	}
	err := parseWithin(t, b.String(), 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
}
