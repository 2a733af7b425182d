package report

import (
	"bufio"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/errgen/errgen/internal/mdcheck"
	"github.com/errgen/errgen/internal/textsafe"
)

// FuzzMarkdownCell renders mdText(s) and mdCode(s) as the two cells of a
// table, as GitHub would, and fails unless both read back as s (escaped
// by textsafe) with no element but the table's, code and <br>, and no
// mention or issue reference outside code. Seeds: the adversarial
// payloads.
func FuzzMarkdownCell(f *testing.F) {
	if data, err := os.ReadFile("testdata/adversarial/payloads.txt"); err == nil {
		sc := bufio.NewScanner(strings.NewReader(string(data)))
		for sc.Scan() {
			if _, quoted, ok := strings.Cut(sc.Text(), "\t"); ok && !strings.HasPrefix(sc.Text(), "#") {
				if s, err := strconv.Unquote(quoted); err == nil {
					f.Add(s)
				}
			}
		}
	}
	for _, s := range []string{"``", "` a `", "a\n\nb", " lead", "x\\", "@", "#1", "a|b", "<b>", "GH-1", "deadbee", "o/r@deadbeef"} {
		f.Add(s)
	}
	cellTags := map[atom.Atom]bool{atom.Html: true, atom.Head: true, atom.Body: true, atom.Table: true, atom.Thead: true,
		atom.Tbody: true, atom.Tr: true, atom.Th: true, atom.Td: true, atom.Code: true, atom.Br: true}
	// What GitHub links in text: a mention, an issue as #123 or GH-123,
	// a commit SHA (7 to 40 hex digits as a whole word).
	ref := regexp.MustCompile(`@[\p{L}\p{N}_-]|#[0-9]|(?i:GH-[0-9])|(?:^|[^0-9A-Za-z])[0-9A-Fa-f]{7,40}(?:$|[^0-9A-Za-z])`)
	f.Fuzz(func(t *testing.T, s string) {
		md := "| text | code |\n|---|---|\n| " + mdText(s) + " | " + mdCode(s) + " |\n"
		doc, err := mdcheck.Render([]byte(md))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			switch {
			case n.Type == html.ElementNode && (!cellTags[n.DataAtom] || n.DataAtom != atom.Th && n.DataAtom != atom.Td && len(n.Attr) > 0):
				t.Fatalf("%q renders a <%s>:\n%s", s, n.Data, md)
			case n.Type == html.CommentNode:
				t.Fatalf("%q renders a comment:\n%s", s, md)
			case n.Type == html.TextNode && n.Parent.DataAtom != atom.Code && ref.MatchString(n.Data):
				t.Fatalf("%q leaves a reference in text %q:\n%s", s, n.Data, md)
			}
		}
		tabs := mdcheck.Tables(doc)
		if len(tabs) != 1 || len(tabs[0].Rows) != 1 || len(tabs[0].Rows[0]) != 2 {
			t.Fatalf("%q breaks the table: %+v\n%s", s, tabs, md)
		}
		row := tabs[0].Rows[0]
		if want := textsafe.Escape(s); row[0] != want {
			t.Errorf("text cell of %q reads %q, want %q\n%s", s, row[0], want, md)
		}
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			lines = append(lines, textsafe.Inert(l))
		}
		if s == "" {
			lines = nil
		}
		if want := strings.Join(lines, "\n"); row[1] != want {
			t.Errorf("code cell of %q reads %q, want %q\n%s", s, row[1], want, md)
		}
	})
}
