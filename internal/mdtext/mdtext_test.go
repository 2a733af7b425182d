package mdtext_test

import (
	"flag"
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html/atom"

	"github.com/errgen/errgen/internal/mdcheck"
	"github.com/errgen/errgen/internal/mdtext"
)

// update is accepted so that `go test ./emit/... -update` (make
// update-golden) runs here too; this package has no golden files.
var _ = flag.Bool("update", false, "no effect: no golden files here")

// nasty are texts a vendor page could hold that Markdown would otherwise
// turn into markup, break a table with, or drop.
var nasty = []string{
	"plain text",
	"a | b || c",
	"`code` and ``double``",
	"*em* **strong** _u_ __uu__ ***x***",
	"<b>bold</b> <script>alert(1)</script> <!-- c --> <br>",
	"[x](y) [ref][1] ![img](i.png) <http://a.example>",
	"# heading",
	"## also",
	"- item",
	"+ item",
	"* item",
	"1. first",
	"2) second",
	"> quote",
	"```go",
	"~~~",
	"---",
	"===",
	"~~strike~~",
	"&amp; &lt; &#65; &copy",
	"back\\slash \\* \\",
	"line one\nline two\n# three\n- four",
	"http://example.com/x?a=1 https://h.example www.example.com mail@example.com",
	":smile: a:b",
	"$x^2$ and $$y$$",
	" leading and trailing ",
	"\ttabbed\t",
	"{0} %(key)s %s {}",
	"IdentityCenter.1000",
	"Ünïcödé — “quotes” 中文",
	"[^1] footnote",
	"- [ ] task",
	"\\|",
	"a\\",
	"\\",
	"",
}

func TestCell(t *testing.T) {
	var md strings.Builder
	md.WriteString("| text |\n| --- |\n")
	for _, s := range nasty {
		fmt.Fprintf(&md, "| %s |\n", mdtext.Cell(s))
	}
	doc, err := mdcheck.Render([]byte(md.String()))
	if err != nil {
		t.Fatal(err)
	}
	tables := mdcheck.Tables(doc)
	if len(tables) != 1 || len(tables[0].Rows) != len(nasty) {
		t.Fatalf("got %d tables, want 1 with %d rows:\n%s", len(tables), len(nasty), md.String())
	}
	for i, row := range tables[0].Rows {
		if len(row) != 1 || row[0] != nasty[i] {
			t.Errorf("cell %q renders as %q (markdown %q)", nasty[i], row, mdtext.Cell(nasty[i]))
		}
	}
	for _, td := range mdcheck.Find(doc, atom.Td) {
		for _, tag := range mdcheck.Elements(td) {
			if tag != "br" {
				t.Errorf("cell %q renders a <%s>", mdcheck.Text(td), tag)
			}
		}
	}
}

func TestInline(t *testing.T) {
	for _, s := range nasty {
		want := strings.TrimSpace(strings.ReplaceAll(s, "\n", " "))
		if strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\t") {
			want = strings.ReplaceAll(s, "\n", " ")
		}
		for _, form := range []string{"%s\n", "# %s\n", "Text: %s.\n"} {
			md := fmt.Sprintf(form, mdtext.Inline(s))
			doc, err := mdcheck.Render([]byte(md))
			if err != nil {
				t.Fatal(err)
			}
			body := mdcheck.Find(doc, atom.Body)[0]
			var blocks []string
			for c := body.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == 3 { // element
					blocks = append(blocks, c.Data)
				}
			}
			wantBlock := "p"
			if strings.HasPrefix(form, "#") {
				wantBlock = "h1"
			}
			if s == "" && form == "%s\n" {
				continue
			}
			if !slices.Equal(blocks, []string{wantBlock}) {
				t.Errorf("%q as %q renders blocks %v, want [%s]", s, form, blocks, wantBlock)
				continue
			}
			got := mdcheck.Text(body)
			full := strings.TrimSpace(fmt.Sprintf(strings.TrimPrefix(form, "# "), want))
			if strings.TrimSpace(got) != full && got != fmt.Sprintf(strings.TrimPrefix(form, "# "), want) {
				t.Errorf("%q as %q renders as %q, want %q (markdown %q)", s, form, got, full, md)
			}
			if tags := mdcheck.Elements(body.FirstChild); len(tags) > 0 {
				t.Errorf("%q as %q renders markup %v (markdown %q)", s, form, tags, md)
			}
		}
	}
}

func TestLines(t *testing.T) {
	s := "# one\n- two\n> three\n1. four"
	doc, err := mdcheck.Render([]byte(mdtext.Lines(s) + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	ps := mdcheck.Find(doc, atom.P)
	if len(ps) != 1 || mdcheck.Text(ps[0]) != s {
		t.Errorf("Lines(%q) renders %d paragraphs, text %q", s, len(ps), mdcheck.Text(doc))
	}
}

func TestCode(t *testing.T) {
	for _, s := range []string{"BadRequest", "a`b", "`x`", "a ``` b", "p|q"} {
		md := "| c |\n| - |\n| " + mdtext.Code(s) + " |\n"
		doc, err := mdcheck.Render([]byte(md))
		if err != nil {
			t.Fatal(err)
		}
		codes := mdcheck.Find(doc, atom.Code)
		if len(codes) != 1 || mdcheck.Text(codes[0]) != s {
			t.Errorf("Code(%q) = %q renders %d code spans, text %q", s, mdtext.Code(s), len(codes), mdcheck.Text(doc))
		}
	}
}

func TestURL(t *testing.T) {
	for _, u := range []string{"https://support.example.com/a/ErrorCode.html", "https://x.example/a b(c)<d>|e"} {
		md := "[link](" + mdtext.URL(u) + ")\n"
		doc, err := mdcheck.Render([]byte(md))
		if err != nil {
			t.Fatal(err)
		}
		links := mdcheck.Find(doc, atom.A)
		if len(links) != 1 {
			t.Fatalf("URL(%q) = %q: %d links", u, mdtext.URL(u), len(links))
		}
		var href string
		for _, a := range links[0].Attr {
			if a.Key == "href" {
				href = a.Val
			}
		}
		want := strings.NewReplacer(" ", "%20", "<", "%3C", ">", "%3E", "|", "%7C").Replace(u)
		if href != want {
			t.Errorf("URL(%q): href %q, want %q", u, href, want)
		}
	}
}

func TestClean(t *testing.T) {
	got := mdtext.Cell("a\rb\x00c\x7fd\xffe")
	if want := `a\\x0db\\x00c\\x7fd\\xffe`; got != want {
		t.Errorf("Cell with control characters = %q, want %q", got, want)
	}
}
