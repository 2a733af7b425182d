package htmltable

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/errgen/errgen/internal/golden"
)

// tokenCells is a second, independent reading of a simple table page: it
// streams tokens instead of walking a tree, and knows only what the
// corpus pages use (one table, data rows in <tbody>, <td> cells, <p>
// paragraphs, inline markup). Each cell is its paragraphs, white space
// collapsed, joined by "\n".
func tokenCells(t *testing.T, src []byte) [][]string {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(src))
	var (
		rows   [][]string
		inBody bool
		inCell bool
		paras  []string
		cur    strings.Builder
	)
	endPara := func() {
		if p := strings.Join(strings.Fields(cur.String()), " "); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return rows
		case html.TextToken:
			if inCell {
				cur.Write(z.Text()) // Text unescapes entities
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			start := tt != html.EndTagToken
			switch string(name) {
			case "tbody":
				inBody = start
			case "tr":
				if inBody && start {
					rows = append(rows, nil)
				}
			case "td":
				if !inBody {
					continue
				}
				if start {
					inCell, paras = true, nil
					continue
				}
				endPara()
				rows[len(rows)-1] = append(rows[len(rows)-1], strings.Join(paras, "\n"))
				inCell = false
			case "p", "br", "div", "li", "ul", "ol", "pre":
				if inCell {
					endPara()
				}
			case "table":
				if inCell {
					t.Fatal("nested table: tokenCells does not handle it")
				}
			}
		}
	}
}

// TestCorpusEveryCell compares every field of every entry of the corpus
// pages with tokenCells' reading of the same cell.
func TestCorpusEveryCell(t *testing.T) {
	for _, name := range []string{"ecs", "elb"} {
		t.Run(name, func(t *testing.T) {
			src := golden.ReadFile(t, filepath.Join("testdata", name, "input.html"))
			rows := tokenCells(t, src)
			entries, _ := mustParse(t, src, Options{})
			chars, k := 0, 0
			for i, cells := range rows {
				if len(cells) != 5 {
					t.Fatalf("row %d: %d cells, want 5", i+1, len(cells))
				}
				status, err := strconv.Atoi(cells[0])
				if err != nil {
					t.Fatalf("row %d: status %q", i+1, cells[0])
				}
				if status < 400 {
					continue // not an error, left out by Parse
				}
				if k >= len(entries) {
					t.Fatalf("row %d: no entry left", i+1)
				}
				e := entries[k]
				k++
				if e.Origin.Row != i+1 {
					t.Errorf("entry %d: row %d, want %d", k, e.Origin.Row, i+1)
				}
				got := []string{strconv.Itoa(e.Status), e.Code, e.Message, e.Description, e.Solution}
				// Codes are one line; so are messages, whose paragraphs are
				// one template (none of these cells is a list).
				want := []string{strconv.Itoa(status), strings.ReplaceAll(cells[1], "\n", " "), strings.ReplaceAll(cells[2], "\n", " "), cells[3], cells[4]}
				for j := range want {
					if got[j] != want[j] {
						t.Errorf("row %d column %d:\n got %q\nwant %q", i+1, j+1, got[j], want[j])
					}
					chars += len(want[j])
				}
				if len(e.Extra) != 0 {
					t.Errorf("row %d: unexpected extra %v", i+1, e.Extra)
				}
			}
			if k != len(entries) {
				t.Errorf("%d entries, only %d compared", len(entries), k)
			}
			t.Logf("%d entries, %d bytes of cell text compared", len(entries), chars)
		})
	}
}
