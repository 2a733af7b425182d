package cli

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
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
	kind := inv.flags.String("kind", "", "source kind: "+strings.Join(config.Kinds, ", ")+" (default: guessed from the file extension)")
	format := formatFlag(inv)
	var tables tableFlag
	inv.flags.Var(&tables, "table", "read only this table: its 1-based index on the page, or its caption (repeatable)")
	skip := inv.flags.Bool("skip-bad-rows", false, "warn about and skip rows with a non-numeric status or no code, instead of failing")
	args, err := inv.parse(1, 1)
	if err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	file := args[0]
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if *kind == "" {
		if *kind = build.GuessKind(file, data); *kind == "" {
			return usagef("cannot tell the kind of %s from its name: give -kind (%s)", file, strings.Join(config.Kinds, ", "))
		}
	}
	entries, report, err := build.Parse(*kind, data, build.ParseOptions{File: file, Tables: tables, SkipBadRows: *skip})
	if err != nil {
		return err
	}
	printWarnings(inv.stderr, report)
	sum := sha256.Sum256(data)
	c := &catalog.Catalog{
		Format:  catalog.FormatVersion,
		Source:  catalog.Source{Kind: *kind, File: filepath.ToSlash(file), SHA256: hex.EncodeToString(sum[:])},
		Entries: entries,
	}
	return printCatalog(inv.stdout, c, report, *format)
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
		data, err := catalog.Marshal(c)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	return printText(w, c, r)
}

// printText writes a summary and one line per entry, for people.
func printText(w io.Writer, c *catalog.Catalog, r *catalog.Report) error {
	if c.ID != "" {
		fmt.Fprintf(w, "catalog:  %s\n", c.ID)
	}
	if c.Title != "" {
		fmt.Fprintf(w, "title:    %s\n", c.Title)
	}
	if c.Source.URL != "" {
		fmt.Fprintf(w, "url:      %s\n", c.Source.URL)
	}
	fmt.Fprintf(w, "source:   %s (%s, sha256 %s)\n", c.Source.File, c.Source.Kind, c.Source.SHA256)
	fmt.Fprintf(w, "entries:  %d (%d distinct codes)\n", len(c.Entries), len(c.Codes()))
	fmt.Fprintf(w, "statuses: %s\n", statusCounts(c.Entries))
	if r != nil {
		if r.NonErrorRows > 0 {
			fmt.Fprintf(w, "left out: %d rows with a non-error status (1xx-3xx)\n", r.NonErrorRows)
		}
		if r.SkippedRows > 0 {
			fmt.Fprintf(w, "skipped:  %d bad rows\n", r.SkippedRows)
		}
		if len(r.Warnings) > 0 {
			fmt.Fprintf(w, "warnings: %d\n", len(r.Warnings))
		}
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TABLE\tROW\tSTATUS\tCODE\tMESSAGE")
	for _, e := range c.Entries {
		status := strconv.Itoa(e.Status)
		if e.Status == 0 {
			status = "-"
		}
		msg := strings.ReplaceAll(e.Message, "\n", " / ")
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\n", e.Origin.Table, e.Origin.Row, status, e.Code, msg)
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
