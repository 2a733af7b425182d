package scimdoc_test

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/parse/scimdoc"
)

// parseWithin parses page, failing the test when Parse takes longer than
// limit (a generous bound: a linear search takes a small fraction of it;
// the quadratic one it replaces took 30 s for the brace bomb).
func parseWithin(t *testing.T, page []byte, file string, limit time.Duration) (*scimdoc.Result, error) {
	t.Helper()
	type result struct {
		res *scimdoc.Result
		err error
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		res, err := scimdoc.Parse(page, scimdoc.Options{File: file})
		done <- result{res, err}
	}()
	select {
	case r := <-done:
		t.Logf("%s: %d bytes parsed in %v", file, len(page), time.Since(start))
		return r.res, r.err
	case <-time.After(limit):
		t.Fatalf("%s: Parse of %d bytes took more than %v", file, len(page), limit)
		return nil, nil
	}
}

// braceBomb is 2 MB of lines that each start an example whose braces
// never balance: each one made balanced rescan the 2000 lines after it.
func braceBomb() string {
	return strings.Repeat("{"+strings.Repeat("x", 99)+"\n", 20000)
}

// TestBraceBomb: the search for examples is linear in the page's size;
// a page that would need more scanning than 8 times its size is refused
// with a Diagnostic naming the file and line, in text and in HTML (whose
// <pre> lines end in the same scanner).
func TestBraceBomb(t *testing.T) {
	for name, page := range map[string]string{
		"brace.txt":  braceBomb(),
		"brace.html": "<html><body><pre>\n" + braceBomb() + "</pre></body></html>",
		"inline.txt": strings.Repeat(`x {"`+strings.Repeat("x", 96)+"\n", 20000),
	} {
		_, err := parseWithin(t, []byte(page), name, 2*time.Second)
		var d *catalog.Diagnostic
		if !errors.As(err, &d) || d.File != name || !strings.HasPrefix(d.Where, "line ") || !strings.Contains(d.Message, "8 times the page's size") {
			t.Errorf("%s: got %v, want a Diagnostic naming the file, the line and the scan budget", name, err)
		}
	}
}

// TestUnbalancedStartsStillRead: a page with a few unbalanced starts,
// each scanning the rest of the page (2000 lines), is still read, its
// example found and the starts warned about.
func TestUnbalancedStartsStillRead(t *testing.T) {
	var b strings.Builder
	for range 20 {
		b.WriteString(`{"status": 400, "detail": "never closed"` + "\n")
	}
	b.WriteString(strings.Repeat("Some prose about the error.\n", 2000))
	b.WriteString(`{"status": 404, "detail": "Not found"}` + "\n")
	res, err := parseWithin(t, []byte(b.String()), "starts.txt", 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Entries) != 1 || res.Entries[0].Status != 404 || len(res.Report.Warnings) != 20 ||
		!strings.Contains(res.Report.Warnings[0].Message, "never balance") {
		t.Errorf("entries = %+v\nwarnings = %v", res.Entries, res.Report.Warnings)
	}
}

// TestDeepNesting: deeply nested JSON is a warning naming the file and
// line, never a crash. Past 64 KiB an example is not read at all; within
// it, more than 64 levels is malformed. The stack is capped so that a
// recursion per level crashes here rather than after a gigabyte.
func TestDeepNesting(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(32 << 20))
	nested := func(n int) string {
		return `{"status": 400, "a": ` + strings.Repeat("[", n) + strings.Repeat("]", n) + "}"
	}
	for _, c := range []struct {
		name, page, warning string
	}{
		{"deep.txt", "Intro\n" + nested(500_000) + "\n", "input: line 2: a JSON example starts here but its braces do not balance within 64 KiB"},
		{"deep.html", "<html><body><p>Intro</p>\n<pre>" + nested(500_000) + "</pre></body></html>", "input: line 2: a JSON example starts here but its braces do not balance within 64 KiB"},
		{"deep65.txt", "Intro\n" + nested(65) + "\n", "input: line 2: malformed JSON in the example starting on line 2: arrays and objects nested more than 64 levels deep"},
		{"wrapped.txt", "Intro\n" + strings.ReplaceAll(nested(1000), "[", "[\n") + "\n", "input: line 2: malformed JSON in the example starting on line 2: arrays and objects nested more than 64 levels deep"},
		{"deep1000.html", "<html><body><p>Intro</p>\n<pre>" + nested(1000) + "</pre></body></html>", "input: line 2: malformed JSON in the example starting on line 2: arrays and objects nested more than 64 levels deep"},
	} {
		page := c.page + `{"status": 404, "detail": "Not found"}` + "\n"
		res, err := parseWithin(t, []byte(page), "input", 2*time.Second)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if len(res.Entries) != 1 || res.Entries[0].Status != 404 {
			t.Errorf("%s: entries = %+v, want only the 404 after the nested example", c.name, res.Entries)
		}
		if len(res.Report.Warnings) != 1 || !strings.HasPrefix(res.Report.Warnings[0].Error(), c.warning) {
			t.Errorf("%s: warnings = %v\nwant %q…", c.name, res.Report.Warnings, c.warning)
		}
	}
	// 64 levels are read.
	res, err := scimdoc.Parse([]byte(nested(63)), scimdoc.Options{File: "deep64.txt"})
	if err != nil || len(res.Entries) != 1 || len(res.Report.Warnings) != 0 {
		t.Errorf("64 levels: %v %+v", err, res)
	}
}

// TestTableRowsOnce: a page of pipe-table separators ("---|---"), each a
// header over the rest, reads each line once (it read all the rows after
// each: 80 KB took 27 s).
func TestTableRowsOnce(t *testing.T) {
	_, err := parseWithin(t, []byte(strings.Repeat("---|---\n", 20000)), "rows.txt", 2*time.Second)
	var d *catalog.Diagnostic
	if !errors.As(err, &d) || !strings.Contains(d.Message, "no SCIM error example") {
		t.Errorf("got %v, want the Diagnostic of a page with nothing to read", err)
	}
}

// TestManyExtensionMembers: the members examples show of an extension
// are looked up by pointer, not searched for one by one (400 KB of them
// took 3 s, 10 MB half an hour).
func TestManyExtensionMembers(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 1<<20; i++ {
		b.WriteString(`{"status": 400, "urn:example:scim:Ext": {`)
		for k := range 1000 {
			if k > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `"k%d_%d": 1`, i, k)
		}
		b.WriteString("}}\n")
	}
	res, err := parseWithin(t, []byte(b.String()), "ext.txt", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if x := res.Envelope.Extensions; len(x) != 1 || len(x[0].Fields) != 1000*len(res.Entries) || x[0].Fields[1000].Pointer != "/k1_0" {
		t.Errorf("extensions: %d, entries: %d", len(x), len(res.Entries))
	}
}
