package report_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diff"
	"github.com/errgen/errgen/diff/report"
	"github.com/errgen/errgen/internal/mdcheck"
	"github.com/errgen/errgen/internal/textsafe"
)

type payload struct{ name, text string }

// readPayloads reads testdata/adversarial/payloads.txt.
func readPayloads(t testing.TB) []payload {
	t.Helper()
	data, err := os.ReadFile("testdata/adversarial/payloads.txt")
	if err != nil {
		t.Fatal(err)
	}
	var ps []payload
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, quoted, ok := strings.Cut(line, "\t")
		text, err := strconv.Unquote(quoted)
		if !ok || err != nil {
			t.Fatalf("payloads.txt:%d: want NAME<TAB>\"quoted\": %v", i+1, err)
		}
		ps = append(ps, payload{name, text})
	}
	return ps
}

// hostileResult puts p into every field of a result that a report shows:
// two catalogs (so changes name theirs), every rule kind with p in codes
// and texts, names and files, ignored changes, expired and unused ignore
// rules with p as file and reason.
func hostileResult(p string) *diff.Result {
	entry := func(status int, code, text string) catalog.Entry {
		return catalog.Entry{Status: status, Code: code, Message: "message " + text, Description: "description " + text,
			Solution: "solution " + text, Extra: map[string]string{"Column " + p: "extra " + text}}
	}
	old := &catalog.Catalog{Format: catalog.FormatVersion, ID: p, Entries: []catalog.Entry{
		entry(400, "K."+p, p),
		entry(400, "R."+p, "removed"),
		entry(409, "S."+p, "status"),
		entry(500, p, "{0} "+p),
	}}
	new := &catalog.Catalog{Format: catalog.FormatVersion, ID: p, Entries: []catalog.Entry{
		entry(400, "K."+p, p+"\nsecond line "+p+"\n"+p),
		entry(400, p+".added", "added"),
		entry(400, "S."+p, "status"),
		entry(500, p, "{1} {0} "+p),
	}}
	a := diff.Compare(old, new, diff.Options{OldName: "old/" + p, NewName: p, File: p})
	old.ID, new.ID = "second/"+p, "second/"+p
	b := diff.Compare(old, new, diff.Options{OldName: p + ".html", NewName: p, File: "sources/" + p})
	r := diff.Merge(a, b)
	ig := &diff.IgnoreFile{Rules: []diff.IgnoreRule{
		{File: p, Line: 3, Rule: diff.SolutionChanged, Code: "K." + p, Reason: "reason " + p, Expires: "2999-12-31"},
		{File: p, Line: 7, Rule: diff.DescriptionChanged, Code: p, Reason: p, Expires: "2020-01-31"},
		{File: "ignore/" + p, Line: 9, Fingerprint: "0123456789abcdef", Reason: p},
	}}
	ig.Apply(r, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	return r
}

// TestAdversarialReports feeds each payload through every report format
// and checks what a terminal, a CI log and a Markdown renderer would get.
func TestAdversarialReports(t *testing.T) {
	for _, p := range readPayloads(t) {
		r := hostileResult(p.text)
		if len(r.Changes) == 0 || len(r.Ignored) == 0 || len(r.Expired) == 0 || len(r.Unused) == 0 {
			t.Fatalf("%s: the hostile result lacks a part: %d changes, %d ignored, %d expired, %d unused",
				p.name, len(r.Changes), len(r.Ignored), len(r.Expired), len(r.Unused))
		}
		for _, format := range report.Formats {
			t.Run(p.name+"/"+format, func(t *testing.T) {
				var buf bytes.Buffer
				if err := report.Write(&buf, format, r, report.Options{}); err != nil {
					t.Fatal(err)
				}
				out := buf.Bytes()
				commands := 0
				if format == "githubactions" {
					commands = len(r.Changes) + len(r.Expired)
				}
				checkTerminalSafe(t, out, commands)
				switch format {
				case "markdown":
					checkMarkdown(t, out, r)
				case "json":
					checkJSON(t, out, r)
				case "junit":
					checkJUnit(t, out)
				}
			})
		}
	}
}

// errgenCommand is the one workflow command line errgen writes itself.
var errgenCommand = regexp.MustCompile(`^::(error|warning|notice) (file=[^:,]*,)?(line=[0-9]+,)?title=[^:,]*::`)

// checkTerminalSafe fails when out holds what a terminal or a CI runner
// acts on: ESC, BEL, CSI, CR or any other control but tab and newline, a
// bidi control or other hidden character, invalid UTF-8, a line that
// starts (after white space, as GitHub's runner trims it) with "::" other
// than the commands errgen writes, or a legacy "##[" command anywhere.
func checkTerminalSafe(t *testing.T, out []byte, commands int) {
	t.Helper()
	if !utf8.Valid(out) {
		t.Errorf("output is not UTF-8:\n%q", out)
	}
	for i, r := range string(out) {
		if r == '\x1b' || r == '\a' || r == 0x9b || r == '\r' || textsafe.Hidden(r) {
			t.Errorf("raw %U at byte %d:\n%q", r, i, out)
			return
		}
	}
	if bytes.Contains(out, []byte("##[")) || bytes.Contains(bytes.ToLower(out), []byte("##vso[")) {
		t.Errorf("legacy workflow command in output:\n%s", out)
	}
	got := 0
	for line := range strings.Lines(string(out)) {
		trimmed := strings.TrimLeftFunc(line, unicode.IsSpace)
		if !strings.HasPrefix(trimmed, "::") {
			continue
		}
		if trimmed != line || !errgenCommand.MatchString(line) {
			t.Errorf("line reads as a workflow command: %q", line)
			continue
		}
		got++
	}
	if got != commands {
		t.Errorf("%d workflow commands, want %d (one per change and expired rule):\n%s", got, commands, out)
	}
}

// allowed are the elements the markdown report writes itself, and the
// attributes they may have.
var allowed = map[string][]string{
	"html": nil, "head": nil, "body": nil, "h2": nil, "h3": nil, "p": nil, "ul": nil, "li": nil,
	"strong": nil, "table": nil, "thead": nil, "tbody": nil, "tr": nil, "th": {"style"}, "td": {"style"},
	"code": nil, "br": nil, "details": nil, "summary": nil, "sub": nil,
}

// reference matches what GitHub links in text: a mention, an issue as
// #123 or GH-123, and a commit SHA (7 to 40 hex digits as a whole word).
var reference = regexp.MustCompile(`@[\p{L}\p{N}_-]|#[0-9]|(?i:GH-[0-9])|(?:^|[^0-9A-Za-z])[0-9A-Fa-f]{7,40}(?:$|[^0-9A-Za-z])`)

// checkMarkdown renders out as GitHub does and fails on any element or
// attribute errgen does not write (links, images, raw HTML), on a mention
// or issue reference GitHub would find in text outside code, and when a
// change's code, old or new text, or description does not read back as
// itself.
func checkMarkdown(t *testing.T, out []byte, r *diff.Result) {
	t.Helper()
	doc, err := mdcheck.Render(out)
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		switch n.Type {
		case html.ElementNode:
			attrs, ok := allowed[n.Data]
			if !ok {
				t.Errorf("vendor text became <%s>:\n%s", n.Data, out)
			}
			for _, a := range n.Attr {
				if !contains(attrs, a.Key) {
					t.Errorf("vendor text became attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
				}
			}
		case html.CommentNode:
			t.Errorf("vendor text became an HTML comment %q", n.Data)
		case html.TextNode:
			if !inCode(n) && reference.MatchString(n.Data) {
				t.Errorf("GitHub would link %q in text %q", reference.FindString(n.Data), n.Data)
			}
		}
	}
	var rows [][]string
	for _, tab := range mdcheck.Tables(doc) {
		if len(tab.Header) > 0 && tab.Header[0] == "rule" {
			rows = append(rows, tab.Rows...)
		}
	}
	var want []diff.Change
	for _, level := range []diff.Level{diff.Err, diff.Warn, diff.Info} {
		for _, c := range r.Changes {
			if c.Level == level {
				want = append(want, c)
			}
		}
	}
	if len(rows) != len(want) {
		t.Fatalf("%d change rows, want %d:\n%s", len(rows), len(want), out)
	}
	for i, c := range want {
		row := rows[i]
		if got, w := row[2], textsafe.Escape(diff.Describe(c)); got != w {
			t.Errorf("change cell reads %q, want %q", got, w)
		}
		if diff.ShowsTexts(c) {
			for j, text := range []string{c.Old, c.New} {
				if got, w := row[3+j], inertLines(text); got != w {
					t.Errorf("old/new cell reads %q, want %q", got, w)
				}
			}
		}
	}
}

// inertLines is how a report shows a text as code: each line escaped.
func inertLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = textsafe.Inert(l)
	}
	return strings.Join(lines, "\n")
}

func inCode(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Code {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkJSON decodes out and compares the texts with the result's: JSON is
// for programs, so it escapes rather than changes. ESC, U+2028 and the
// bidi override must be written as escapes.
func checkJSON(t *testing.T, out []byte, r *diff.Result) {
	t.Helper()
	var doc struct {
		Changes []struct{ Code, Old, New string }
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Changes) != len(r.Changes) {
		t.Fatalf("%d changes, want %d", len(doc.Changes), len(r.Changes))
	}
	for i, c := range r.Changes {
		got := doc.Changes[i]
		if got.Code != decoded(c.Code) || got.Old != decoded(c.Old) || got.New != decoded(c.New) {
			t.Errorf("change %d: got %q %q %q, want %q %q %q", i, got.Code, got.Old, got.New, c.Code, c.Old, c.New)
		}
	}
	all := fmt.Sprint(r.Changes)
	for raw, esc := range map[string]string{"\x1b": `\u001b`, "\u2028": `\u2028`, "\u202e": `\u202e`, "\u009b": `\u009b`} {
		if strings.Contains(all, raw) && !bytes.Contains(out, []byte(esc)) {
			t.Errorf("%q is not written as %s", raw, esc)
		}
	}
}

// decoded is s as encoding/json decodes what it encoded: each invalid
// byte becomes U+FFFD.
func decoded(s string) string { return string([]rune(s)) }

// checkJUnit parses out as XML and fails on a line break or a command in
// an attribute, or a line of text that starts a workflow command.
func checkJUnit(t *testing.T, out []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(out))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("not XML: %v\n%s", err, out)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			for _, a := range tok.Attr {
				if strings.ContainsAny(a.Value, "\r\n") || strings.HasPrefix(strings.TrimLeftFunc(a.Value, unicode.IsSpace), "::") {
					t.Errorf("attribute %s=%q of <%s>", a.Name.Local, a.Value, tok.Name.Local)
				}
			}
		case xml.CharData:
			sc := bufio.NewScanner(bytes.NewReader(tok))
			for sc.Scan() {
				if strings.HasPrefix(strings.TrimLeftFunc(sc.Text(), unicode.IsSpace), "::") || strings.Contains(sc.Text(), "\r") {
					t.Errorf("text line %q", sc.Text())
				}
			}
		}
	}
}

// TestMarkdownAutolinks: goldmark does not link GH-123 or commit SHAs as
// GitHub does, so the markdown report is read as text: each is in a code
// span, while errgen's own fingerprints stay one code span each.
func TestMarkdownAutolinks(t *testing.T) {
	r := hostileResult("GH-42 fixed in deadbee, see owner/repo@cafe1234")
	var buf bytes.Buffer
	if err := report.Write(&buf, "markdown", r, report.Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"`GH-`42 fixed in `deadbee`, see owner/repo`@cafe1234`"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown report lacks %q:\n%s", want, out)
		}
	}
	for _, c := range r.Changes {
		if !strings.Contains(out, "| `"+c.Fingerprint+"` |") {
			t.Errorf("fingerprint %s is not one code span:\n%s", c.Fingerprint, out)
		}
	}
}
