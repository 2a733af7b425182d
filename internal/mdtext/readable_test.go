package mdtext_test

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/errgen/errgen/internal/mdcheck"
	"github.com/errgen/errgen/internal/mdtext"
	"github.com/errgen/errgen/internal/textsafe"
)

// readable are texts vendors write in which no character can start
// markup where it stands: each escaper must write them as they are, so a
// reader of the Markdown source or of an OpenAPI description sees no
// backslash (issue 13: "R\&D", "http\://", "snake\_case").
var readable = []string{
	"R&D",
	"Contact R&D or AT&T, not &amp",
	"snake_case",
	"a_b_c and x__y__z",
	"5 * 3 = 15",
	"C#",
	"C# and F#, issue #3",
	"x > 0, y < 5, a <= b, ->",
	"Bad Request:{0}. key: value, a:b",
	"100% of ~ and ** and __ stay",
	"Role {roleId} of {} in %(region)s",
	"Ünïcödé_wörd — 中文_文字",
	"it's \"quoted\" (really)! Really.",
	"e.g. 1.5 or 2) or a-b or a+b or a=b",
}

// readableOpenAPI are readable in OpenAPI descriptions only: GitHub links
// a bare http URL and may render $…$ as math, OpenAPI tools do neither
// harm (see the package doc).
var readableOpenAPI = []string{
	"see http://x for details",
	"see https://support.example.com/a_b?c=1&d=2 now",
	"Resource ${resourceId} costs $5 or $10",
}

func TestReadable(t *testing.T) {
	escapers := []struct {
		name    string
		escape  func(string) string
		openAPI bool
	}{
		{"Cell", mdtext.Cell, false},
		{"Inline", mdtext.Inline, false},
		{"Lines", mdtext.Lines, false},
		{"GitHubCell", mdtext.GitHubCell, false},
		{"DescriptionLine", mdtext.DescriptionLine, true},
		{"Description", mdtext.Description, true},
	}
	for _, e := range escapers {
		texts := readable
		if e.openAPI {
			texts = append(texts[:len(texts):len(texts)], readableOpenAPI...)
		}
		for _, s := range texts {
			got := e.escape(s)
			if e.name == "GitHubCell" {
				// References are code spans there; only escapes count.
				got = strings.NewReplacer("`#`", "#").Replace(got)
			}
			if got != s {
				t.Errorf("%s(%q) = %q, want it unchanged", e.name, s, got)
			}
		}
	}
}

// TestReadableRenders: the texts left as they are render as themselves,
// as a table cell and as a paragraph, with no element.
func TestReadableRenders(t *testing.T) {
	for _, s := range append(readable, readableOpenAPI...) {
		for _, r := range []struct {
			md      string
			openAPI bool
		}{
			{"| c |\n| - |\n| " + mdtext.Cell(s) + " |\n", false},
			{mdtext.Inline(s) + "\n", false},
			{"Text: " + mdtext.DescriptionLine(s) + ".\n", true},
			{mdtext.Description(s+"\n"+s) + "\n", true},
		} {
			doc, err := mdcheck.Render([]byte(r.md))
			if err != nil {
				t.Fatal(err)
			}
			var where *html.Node
			if tds := mdcheck.Find(doc, atom.Td); len(tds) == 1 {
				where = tds[0]
			} else if ps := mdcheck.Find(doc, atom.P); len(ps) == 1 {
				where = ps[0]
			} else {
				t.Errorf("%q: %q renders neither one cell nor one paragraph", s, r.md)
				continue
			}
			if !strings.Contains(mdcheck.Text(where), s) {
				t.Errorf("%q: %q reads %q", s, r.md, mdcheck.Text(where))
			}
			for d := range where.Descendants() {
				if d.Type != html.ElementNode || d.DataAtom == atom.Br {
					continue
				}
				// OpenAPI tools may link a bare http or https URL, to
				// the address it reads as.
				if r.openAPI && d.DataAtom == atom.A && strings.Contains(s, mdcheck.Text(d)) && strings.HasPrefix(href(d), "http") {
					continue
				}
				t.Errorf("%q: %q renders a <%s>", s, r.md, d.Data)
			}
		}
	}
}

// TestGitHubEscapesURLs: in Markdown for GitHub a bare URL, even one
// without a dot in its host (GitHub links "http://x"), a "www." address
// and an e-mail address stay text; that takes a backslash.
func TestGitHubEscapesURLs(t *testing.T) {
	for s, want := range map[string]string{
		"see http://x for details":     `see http\://x for details`,
		"HTTPS://a.example, ftp://b.c": `HTTPS\://a.example, ftp\://b.c`,
		"1http://a.example":            `1http\://a.example`,
		"www.example.com":              `www\.example.com`,
		"mail@example.com":             `mail\@example.com`,
		"$5 and $10, ${name}":          `\$5 and \$10, \${name}`,
	} {
		if got := mdtext.Inline(s); got != want {
			t.Errorf("Inline(%q) = %q, want %q", s, got, want)
		}
	}
	// OpenAPI tools link only what they read as http or https; no other
	// scheme's "//" may stay.
	for s, want := range map[string]string{
		"ftp://b.example":    `ftp\://b.example`,
		"xhttp://a.example":  `xhttp\://a.example`,
		"HTTP://a.example":   `HTTP://a.example`,
		"mail@example.com":   `mail\@example.com`,
		"javascript://x%0a1": `javascript\://x%0a1`,
		// A bare URL stays only while the link would show it as it is:
		// nothing in it to the next space is escaped or a reference.
		"see http://a.example/a_b now": `see http://a.example/a_b now`,
		"http://a.example/x_":          `http\://a.example/x\_`,
		"http://a.example/\tx":         `http\://a.example/&#9;x`,
		"http://a.example ":            `http\://a.example&#32;`,
		"http://a.example/ b ":         `http://a.example/ b&#32;`,
		"www.a.example/&amp;":          `www\.a.example/\&amp;`,
		"www.a.example/a_b.":           `www.a.example/a_b.`,
	} {
		if got := mdtext.DescriptionLine(s); got != want {
			t.Errorf("DescriptionLine(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestEdges: a character whose meaning depends on its neighbours is
// escaped at either end of the text, where the neighbour is the
// template's.
func TestEdges(t *testing.T) {
	for s, want := range map[string]string{
		"*a":       `\*a`,
		"a*":       `a\*`,
		"a * b":    `a * b`,
		"a *b":     `a \*b`,
		"a*b":      `a\*b`,
		"_a":       `\_a`,
		"a_":       `a\_`,
		"a_b":      `a_b`,
		"a _b":     `a \_b`,
		"a__b":     `a__b`,
		"é_中":      `é_中`,
		"a_.":      `a\_.`,
		"~a~":      `\~a\~`,
		"a ~ b":    `a ~ b`,
		"a!":       `a\!`,
		"a! b":     `a! b`,
		"a <":      `a \<`,
		"a <b":     `a \<b`,
		"a </b":    `a \</b`,
		"a <!--":   `a \<!--`,
		"a <?x":    `a \<?x`,
		"a < b":    `a < b`,
		"a<5":      `a<5`,
		"&amp;":    `\&amp;`,
		"&#65;":    `\&#65;`,
		"&#x41;":   `\&#x41;`,
		"& amp;":   `& amp;`,
		"&;":       `&;`,
		"a &amp":   `a &amp`,
		"title #":  `title \#`,
		"title ##": `title \##`,
		"C#":       `C#`,
		"# title":  `\# title`,
		"> quote":  `\> quote`,
		"* item":   `\* item`,
		"~~~":      `\~\~\~`,
		"1. x":     `1\. x`,
		":-:":      `\:-:`,
	} {
		if got := mdtext.Inline(s); got != want {
			t.Errorf("Inline(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzDescription is FuzzEscapers for Lines, which that leaves out, and
// for the OpenAPI escapers: each reads back as the text, and makes no
// element but a paragraph, a line break and, in OpenAPI, a link to an
// http or https address.
func FuzzDescription(f *testing.F) {
	for _, s := range hiddenCases(f) {
		f.Add(s)
	}
	for _, s := range append(append(nasty, readable...), readableOpenAPI...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDescription(t, s, "D: "+mdtext.Description(s)+".\n\nL: "+mdtext.DescriptionLine(s)+".\n", true)
		checkDescription(t, s, "D: "+mdtext.Lines(s)+".\n\nL: "+mdtext.Inline(s)+".\n", false)
	})
}

// checkDescription renders md, two paragraphs of s: one with its lines,
// one on a line. A link is allowed, to an http or https address, only
// when openAPI says md is for OpenAPI tools.
func checkDescription(t *testing.T, s, md string, openAPI bool) {
	t.Helper()
	doc, err := mdcheck.Render([]byte(md))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type == html.CommentNode {
			t.Fatalf("%q renders a comment: %q", s, md)
		}
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Html, atom.Head, atom.Body, atom.P, atom.Br:
		case atom.A:
			if h := href(n); !openAPI || !strings.HasPrefix(h, "http://") && !strings.HasPrefix(h, "https://") {
				t.Fatalf("%q renders a link to %q: %q", s, h, md)
			}
		default:
			t.Fatalf("%q renders a <%s>: %q", s, n.Data, md)
		}
	}
	ps := mdcheck.Find(doc, atom.P)
	if len(ps) != 2 {
		t.Fatalf("%q renders %d paragraphs, want 2: %q", s, len(ps), md)
	}
	esc := textsafe.Escape(s)
	if got, want := mdcheck.Text(ps[0]), "D: "+esc+"."; got != want {
		t.Errorf("%q: description reads %q, want %q (markdown %q)", s, got, want, md)
	}
	if got, want := mdcheck.Text(ps[1]), "L: "+strings.ReplaceAll(esc, "\n", " ")+"."; got != want {
		t.Errorf("%q: line reads %q, want %q (markdown %q)", s, got, want, md)
	}
}
