package cli

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/internal/safefile"
	"github.com/errgen/errgen/internal/textsafe"
	"github.com/errgen/errgen/parse"
)

// tableFlag collects -table selectors: a number is a table index, other
// text a caption.
type tableFlag []config.TableSelector

func (t *tableFlag) String() string { return "" }

func (t *tableFlag) Set(s string) error {
	if n, err := strconv.Atoi(s); err == nil {
		if n < 1 {
			return fmt.Errorf("table index %d: want 1 or more", n)
		}
		*t = append(*t, config.TableSelector{Index: n})
	} else {
		*t = append(*t, config.TableSelector{Caption: s})
	}
	return nil
}

func runParse(inv *invocation) error {
	var sf sourceFlags
	sf.register(inv)
	format := formatFlag(inv)
	args, err := inv.parse(1, 1)
	if err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	file := args[0]
	// A path the user gave: trusted as a path, links included, but it
	// must be a regular file under the size limit (not /dev/zero).
	data, err := safefile.ReadFile(file, safefile.MaxSourceSize)
	if err != nil {
		return err
	}
	kind := *sf.kind
	if kind == "" {
		if kind = build.GuessKind(file, data); kind == "" {
			return usagef("cannot tell the kind of %s from its name: give -kind (%s)", file, strings.Join(parse.Names(), ", "))
		}
	}
	if err := sf.check(kind); err != nil {
		return err
	}
	parsed, sum, err := build.ParseFile(kind, data, sf.options(file), sf.exclude...)
	if err != nil {
		return err
	}
	printWarnings(inv.stderr, parsed.Report)
	if *sf.explain {
		// Beside JSON on stdout, the explanation goes to stderr.
		w := inv.stdout
		if *format == "json" {
			w = inv.stderr
		}
		for _, l := range parsed.Explain {
			fmt.Fprintln(w, textsafe.Inert(l))
		}
		fmt.Fprintln(w)
	}
	c := &catalog.Catalog{
		Format:  catalog.FormatVersion,
		Source:  catalog.Source{Kind: kind, File: filepath.ToSlash(file), SHA256: sum},
		Entries: parsed.Entries,
	}
	if parsed.Envelope != nil {
		c.Envelope = *parsed.Envelope
	}
	return printCatalog(inv.stdout, c, parsed.Report, *format)
}

// reported is r for a catalog's JSON form: nil when it has nothing to
// say.
func reported(r *catalog.Report) *catalog.Report {
	if r == nil || len(r.Warnings) == 0 && r.NonErrorRows == 0 && r.SkippedRows == 0 && r.Excluded == 0 {
		return nil
	}
	return r
}

func rows(n int) string {
	if n == 1 {
		return "1 row"
	}
	return fmt.Sprintf("%d rows", n)
}

func formatFlag(inv *invocation) *string {
	return inv.flags.String("format", "text", "output format: json (the catalog's stable JSON form) or text")
}

func checkFormat(f string) error {
	if f != "json" && f != "text" {
		return usagef("-format %q: want json or text", f)
	}
	return nil
}

func printCatalog(w io.Writer, c *catalog.Catalog, r *catalog.Report, format string) error {
	if format == "json" {
		withReport := *c
		withReport.Report = reported(r)
		data, err := catalog.Marshal(&withReport)
		if err != nil {
			return err
		}
		_, err = w.Write(textsafe.JSON(data))
		return err
	}
	return printText(w, c, r)
}

// printText writes a summary and one line per entry, for people. Every
// vendor value is escaped by textsafe.Inert: a terminal gets no control
// sequence, a value cannot break or start a line of its own, and the
// tabs of the entry table are errgen's.
func printText(w io.Writer, c *catalog.Catalog, r *catalog.Report) error {
	line := func(format string, args ...any) {
		fmt.Fprintln(w, textsafe.Inert(fmt.Sprintf(format, args...)))
	}
	if c.ID != "" {
		line("catalog:  %s", c.ID)
	}
	if c.Title != "" {
		line("title:    %s", c.Title)
	}
	if c.Source.URL != "" {
		line("url:      %s", c.Source.URL)
	}
	line("source:   %s (%s, sha256 %s)", c.Source.File, c.Source.Kind, c.Source.SHA256)
	fmt.Fprintf(w, "entries:  %d (%d distinct codes)\n", len(c.Entries), len(c.Codes()))
	line("statuses: %s", statusCounts(c.Entries))
	if r != nil {
		if r.NonErrorRows > 0 {
			fmt.Fprintf(w, "left out: %s with a non-error status (1xx-3xx)\n", rows(r.NonErrorRows))
		}
		if r.SkippedRows > 0 {
			fmt.Fprintf(w, "skipped:  %s that hold no error code (see the warnings)\n", rows(r.SkippedRows))
		}
		if r.Excluded > 0 {
			fmt.Fprintf(w, "excluded: %d by the exclude list\n", r.Excluded)
		}
		if len(r.Warnings) > 0 {
			fmt.Fprintf(w, "warnings: %d\n", len(r.Warnings))
		}
	}
	for _, s := range c.Envelope.Shapes {
		body := "code " + s.Code
		if s.CodePrefix != "" {
			// The body sends 70011 for the documented AADSTS70011.
			body += " (prefix " + s.CodePrefix + ")"
		}
		if s.Message != "" {
			body += ", message " + s.Message
		}
		if s.RequestID != "" {
			body += ", request ID " + s.RequestID
		}
		line("body:     %s", body)
	}
	for _, f := range c.Envelope.Fields {
		line("field:    %s (%s)", f.Pointer, cmp.Or(f.Type, "any"))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	// Pages locate entries by table and row, API descriptions by pointer
	// (too long for a column: see -format json).
	tables := false
	for _, e := range c.Entries {
		tables = tables || e.Origin.Table != 0
	}
	if tables {
		fmt.Fprintln(tw, "TABLE\tROW\tSTATUS\tCODE\tMESSAGE")
	} else {
		fmt.Fprintln(tw, "STATUS\tCODE\tMESSAGE")
	}
	for _, e := range c.Entries {
		status := strconv.Itoa(e.Status)
		if e.Status == 0 {
			status = cmp.Or(e.StatusRange, "-")
		}
		status, code := textsafe.Inert(status), textsafe.Inert(e.Code)
		msg := textsafe.Inert(strings.ReplaceAll(e.Message, "\n", " / "))
		if tables {
			fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\n", e.Origin.Table, e.Origin.Row, status, code, msg)
		} else {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", status, code, msg)
		}
	}
	return tw.Flush()
}

// statusCounts renders "400×137, 500×49": most frequent first, ties by
// status.
func statusCounts(entries []catalog.Entry) string {
	counts := map[int]int{}
	var order []int
	for _, e := range entries {
		if counts[e.Status] == 0 {
			order = append(order, e.Status)
		}
		counts[e.Status]++
	}
	sortStatuses(order, counts)
	parts := make([]string, len(order))
	for i, s := range order {
		name := strconv.Itoa(s)
		if s == 0 {
			name = "unknown"
		}
		parts[i] = fmt.Sprintf("%s×%d", name, counts[s])
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

func sortStatuses(statuses []int, counts map[int]int) {
	slices.SortFunc(statuses, func(a, b int) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
}
