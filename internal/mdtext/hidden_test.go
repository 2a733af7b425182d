package mdtext_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/errgen/errgen/internal/mdcheck"
	"github.com/errgen/errgen/internal/mdtext"
	"github.com/errgen/errgen/internal/textsafe"
)

// hiddenCases are testdata/adversarial/hidden.json, plus invalid UTF-8,
// which JSON cannot carry.
func hiddenCases(t testing.TB) []string {
	t.Helper()
	data, err := os.ReadFile("testdata/adversarial/hidden.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct{ Attack, Text string }
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("hidden.json: %v", err)
	}
	out := []string{"bad \xff\xfe bytes", "\xc0\x80 overlong NUL"}
	for _, c := range cases {
		out = append(out, c.Text)
	}
	return out
}

// TestHiddenVisible writes each adversarial text through every escaper,
// renders the page as GitHub would, and checks that the reader sees each
// hidden character as its escape: the Markdown has none raw, the rendered
// text has none, and each place reads exactly as textsafe.Escape says.
func TestHiddenVisible(t *testing.T) {
	for _, s := range hiddenCases(t) {
		checkVisible(t, s)
	}
}

// FuzzEscapers checks the same for any text.
func FuzzEscapers(f *testing.F) {
	for _, s := range hiddenCases(f) {
		f.Add(s)
	}
	for _, s := range nasty {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkVisible(t, s)
	})
}

func checkVisible(t *testing.T, s string) {
	t.Helper()
	oneLine := strings.ReplaceAll(s, "\n", " ")
	// Code is for table cells: GFM removes its "\|" there only.
	md := "| c | k |\n| - | - |\n| " + mdtext.Cell(s) + " | " + mdtext.Code(oneLine) + " |\n\n" +
		"# H: " + mdtext.Inline(s) + ".\n\n" +
		"P: " + mdtext.Inline(s) + ".\n\n" +
		"L: " + mdtext.Link(s, "https://example.com/") + ".\n\n" +
		"J: " + mdtext.Link(s, "javascript:alert(1)") + ".\n"
	if !textsafe.Clean(md) {
		t.Fatalf("%q: the Markdown holds a hidden character raw:\n%q", s, md)
	}
	doc, err := mdcheck.Render([]byte(md))
	if err != nil {
		t.Fatal(err)
	}
	if text := mdcheck.Text(doc); !textsafe.Clean(text) {
		t.Errorf("%q: the rendered page shows a hidden character: %q", s, text)
	}
	esc := textsafe.Escape(s)
	escLine := textsafe.Escape(oneLine)
	tabs := mdcheck.Tables(doc)
	if len(tabs) != 1 || len(tabs[0].Rows) != 1 || len(tabs[0].Rows[0]) != 2 {
		t.Fatalf("%q: want one table of one row of two cells, got %+v (markdown %q)", s, tabs, md)
	}
	if got := tabs[0].Rows[0][0]; got != esc {
		t.Errorf("%q: cell reads %q, want %q (markdown %q)", s, got, esc, md)
	}
	// An empty code span cannot be written; Code gives two backquotes.
	if got := tabs[0].Rows[0][1]; got != escLine && oneLine != "" {
		t.Errorf("%q: code span reads %q, want %q (markdown %q)", s, got, escLine, md)
	}
	if h := mdcheck.Find(doc, atom.H1); len(h) != 1 || mdcheck.Text(h[0]) != "H: "+escLine+"." {
		t.Errorf("%q: heading reads %q, want %q (markdown %q)", s, texts(h), "H: "+escLine+".", md)
	}
	ps := mdcheck.Find(doc, atom.P)
	want := []string{"P: " + escLine + ".", "L: " + escLine + ".", "J: " + escLine + "."}
	if got := texts(ps); strings.Join(got, "\x00") != strings.Join(want, "\x00") {
		t.Errorf("%q: paragraphs read %q, want %q (markdown %q)", s, got, want, md)
	}
	links := mdcheck.Find(doc, atom.A)
	if len(links) != 1 || mdcheck.Text(links[0]) != escLine || href(links[0]) != "https://example.com/" {
		t.Errorf("%q: want one link to https://example.com/ reading %q; got %q (markdown %q)", s, escLine, texts(links), md)
	}
}

func texts(ns []*html.Node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, mdcheck.Text(n))
	}
	return out
}

func href(a *html.Node) string {
	for _, at := range a.Attr {
		if at.Key == "href" {
			return at.Val
		}
	}
	return ""
}

// TestLinkRefusesOtherSchemes: a source.url of javascript: (or data:,
// file:, a relative path) from a catalog must stay text.
func TestLinkRefusesOtherSchemes(t *testing.T) {
	for _, u := range []string{"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "vbscript:x", "/relative", "https://exa\u202emple.com/"} {
		md := "Source: " + mdtext.Link(u, u) + ".\n"
		doc, err := mdcheck.Render([]byte(md))
		if err != nil {
			t.Fatal(err)
		}
		if links := mdcheck.Find(doc, atom.A); len(links) > 0 {
			t.Errorf("Link(%q) = %q renders a link to %q", u, md, href(links[0]))
		}
		if got, want := mdcheck.Text(doc), "Source: "+textsafe.Escape(u)+".\n"; got != want {
			t.Errorf("Link(%q) reads %q, want %q", u, got, want)
		}
	}
}

// TestURLHidden: a hidden character in a URL is percent-encoded, so the
// address a reader sees in the Markdown source is the one followed.
func TestURLHidden(t *testing.T) {
	got := mdtext.URL("https://example.com/a\u202eb\ufeff\xff")
	if want := "<https://example.com/a%E2%80%AEb%EF%BB%BF%FF>"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
}
