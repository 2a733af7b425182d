package diff_test

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/errgen/errgen/diff"
	"github.com/errgen/errgen/diff/report"
	"github.com/errgen/errgen/parse/htmltable"
)

// page500 synthesises a 500-row version of the Identity Center page: its
// 278 main-table rows, then 222 of them again with their codes moved to
// IdentityCenter.S<n>; and a new version with the edits a vendor release
// makes to about a tenth of the rows: rewordings, a new placeholder,
// status changes, rows removed and added.
func page500(b testing.TB) (old, new []byte) {
	html := readPage(b)
	start := strings.Index(html, `<tr id="ErrorCode__table1_row1">`)
	end := strings.Index(html[start:], "</tbody>") + start
	rows := regexp.MustCompile(`(?s)<tr id="ErrorCode__table1_row\d+">.*?</tr>\n`).FindAllString(html[start:end], -1)
	if len(rows) != 278 {
		b.Fatalf("found %d rows, want 278", len(rows))
	}
	for i := 0; len(rows) < 500; i++ {
		rows = append(rows, strings.Replace(rows[i], `_2">IdentityCenter.`, `_2">IdentityCenter.S`, 1))
	}
	cell := regexp.MustCompile(`(_p\d+_(\d)">)([^<]*)(</p>)`)
	edited := make([]string, 0, len(rows))
	for i, row := range rows {
		switch i % 50 {
		case 3, 13, 23: // reworded message
			row = replaceCell(cell, row, "3", func(s string) string { return "Now: " + s })
		case 5: // a new placeholder
			row = replaceCell(cell, row, "3", func(s string) string { return s + " ({detail})" })
		case 7, 17: // new solution
			row = replaceCell(cell, row, "5", func(s string) string { return s + " Then retry." })
		case 9: // status changed
			row = replaceCell(cell, row, "1", func(string) string { return "422" })
		case 11: // removed
			continue
		}
		edited = append(edited, row)
		if i%100 == 42 { // added
			edited = append(edited, strings.Replace(row, `_2">IdentityCenter.`, `_2">IdentityCenter.New`, 1))
		}
	}
	page := func(rows []string) []byte {
		return []byte(html[:start] + strings.Join(rows, "") + html[end:])
	}
	return page(rows), page(edited)
}

func replaceCell(re *regexp.Regexp, row, col string, f func(string) string) string {
	return re.ReplaceAllStringFunc(row, func(m string) string {
		sub := re.FindStringSubmatch(m)
		if sub[2] != col {
			return m
		}
		return sub[1] + f(sub[3]) + sub[4]
	})
}

var opts500 = htmltable.Options{Tables: []string{"1"}}

// BenchmarkBaselineParse500 is the baseline: parsing the two pages, which
// errgen diff must do anyway.
func BenchmarkBaselineParse500(b *testing.B) {
	old, new := page500(b)
	b.SetBytes(int64(len(old) + len(new)))
	for b.Loop() {
		if _, _, err := htmltable.Parse(old, opts500); err != nil {
			b.Fatal(err)
		}
		if _, _, err := htmltable.Parse(new, opts500); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompare500 is diff.Compare alone, on catalogs parsed outside
// the timed loop.
func BenchmarkCompare500(b *testing.B) {
	oldHTML, newHTML := page500(b)
	old, new := parse(b, "old", string(oldHTML)), parse(b, "new", string(newHTML))
	if len(old.Entries) != 500 {
		b.Fatalf("%d entries, want 500", len(old.Entries))
	}
	r := diff.Compare(old, new, diff.Options{})
	b.ReportMetric(float64(len(r.Changes)), "changes")
	for b.Loop() {
		diff.Compare(old, new, diff.Options{})
	}
}

// BenchmarkDiff500 is what errgen diff OLD NEW does after reading the
// files: parse both pages inside the timed loop, compare, write the text
// report.
func BenchmarkDiff500(b *testing.B) {
	oldHTML, newHTML := page500(b)
	b.SetBytes(int64(len(oldHTML) + len(newHTML)))
	for b.Loop() {
		old, new := parse(b, "old", string(oldHTML)), parse(b, "new", string(newHTML))
		r := diff.Compare(old, new, diff.Options{})
		if err := report.Write(io.Discard, "text", r, report.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPage500 keeps the benchmark's input honest: 500 rows, and edits
// that the diff sees.
func TestPage500(t *testing.T) {
	oldHTML, newHTML := page500(t)
	old, new := parse(t, "old", string(oldHTML)), parse(t, "new", string(newHTML))
	if len(old.Entries) != 500 {
		t.Fatalf("old: %d entries", len(old.Entries))
	}
	r := diff.Compare(old, new, diff.Options{})
	counts := map[string]int{}
	for _, c := range r.Changes {
		counts[c.Rule]++
	}
	if counts[diff.MessageReworded] < 20 || counts[diff.StatusChanged] < 5 || counts[diff.CodeAdded] == 0 {
		t.Errorf("changes by rule: %v", fmt.Sprint(counts))
	}
}
