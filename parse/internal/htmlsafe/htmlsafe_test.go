package htmlsafe

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// pages are the real HTML files of the repository: fixtures, bundled
// sources and the shared corpus when it is there.
func pages(t testing.TB) []string {
	var files []string
	for _, root := range []string{"../..", "../../../sources", "../../../../shared/corpus"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && (strings.HasSuffix(path, ".html") || strings.HasSuffix(path, ".htm")) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
	}
	if len(files) < 10 {
		t.Fatalf("found only %d HTML files: %v", len(files), files)
	}
	return files
}

func render(t testing.TB, n *html.Node) string {
	var b strings.Builder
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func stdParse(t testing.TB, src []byte) (*html.Node, error) {
	return html.Parse(bytes.NewReader(src))
}

// TestSameTree: on real pages, whose formatting elements are closed in
// order, the tree is html.Parse's, names, atoms, attributes and all.
func TestSameTree(t *testing.T) {
	for _, f := range pages(t) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := stdParse(t, src)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Parse(src)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if g, w := render(t, got), render(t, want); g != w {
			t.Errorf("%s: renders differently\n got: %.300s\nwant: %.300s", f, diffAt(g, w), diffAt(w, g))
		}
		checkAtoms(t, f, got)
	}
}

// diffAt returns a from a little before where it and b start to differ.
func diffAt(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[max(0, i-60):]
}

// checkAtoms: every element's atom is that of its name, as html.Parse
// sets it, so callers comparing DataAtom see <b> and <code>.
func checkAtoms(t *testing.T, where string, root *html.Node) {
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && n.Namespace == "" && n.DataAtom.String() != n.Data && n.DataAtom != 0 {
			t.Errorf("%s: element %q has atom %q", where, n.Data, n.DataAtom)
		}
	}
}

// TestRenamedPlaces: where a formatting tag's name is not a tag (a
// comment, raw text, an attribute, an entity, the marker itself), the
// rename is undone and the tree is html.Parse's.
func TestRenamedPlaces(t *testing.T) {
	for _, src := range []string{
		`<p>a <b>bold</b> <STRONG class="x">S</STRONG> <a href="/x?a=<b>">link</a> <code>c</code> <i/>.</p>`,
		`<!-- <b> </strong> --><p>x</p><!--<a href=x>-->`,
		`<script>var s = "<b>" + "</b>" + '<a href=x>'; if (a <b) {}</script><p>x</p>`,
		`<style>b > i { color: red } /* <u> */</style><p>x</p>`,
		`<title>A <b>title</b></title><textarea><em>x</em></textarea><xmp><tt>x</tt></xmp>`,
		`<p title="&lt;b&#x80;r>x" data-x="<b` + "\u0080" + `r>">&lt;b` + "\u0080" + `r&gt; <b` + "\u0080" + `r>x</b` + "\u0080r" + `></p>`,
		"<p>\u0080 \u0080l \u0080r <x\u0080>y</x\u0080></p>",
		`<table><tr><td><code>E.1</code></td><td><a href="#x"><b>Bad</b></a> request</td></tr></table>`,
		`<table><b>foster</b><tr><td>x</td></tr></table>`,
		`<!DOCTYPE html <b>><p <b>="1" <i>>x</p>`,
		`<svg><title><b>t</b></title><text>x</text></svg><math><mi><i>x</i></mi></math>`,
		`<p><B>x</B><Nobr>y</Nobr><BIG>z</BIG><font color=red>f</font><s>s</s><small>m</small><strike>k</strike><tt>t</tt><u>u</u><em>e</em><i>i</i></p>`,
		`<p>x<b`, `<p>x</b`, `<p>x<b `, `<plaintext><b>x</b>`,
	} {
		want, err := stdParse(t, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		got, err := Parse([]byte(src))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if g, w := render(t, got), render(t, want); g != w {
			t.Errorf("%q:\n got %s\nwant %s", src, g, w)
		}
		checkAtoms(t, src, got)
	}
}

// TestReconstructionAttack: the attack html.Parse answers with two
// million nodes gives one node per tag or text.
func TestReconstructionAttack(t *testing.T) {
	var b strings.Builder
	b.WriteString("<p>")
	for i := range 500 {
		fmt.Fprintf(&b, "<b a%d>", i)
	}
	b.WriteString(strings.Repeat("<p>x", 5000))
	src := []byte(b.String())
	root, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if n := count(root); n > 11000 {
		t.Errorf("%d nodes for %d bytes", n, len(src))
	}
	if got, want := text(root), strings.Repeat("x", 5000); got != want {
		t.Errorf("text %.40q…, want %d x", got, len(want))
	}
}

func count(root *html.Node) int {
	n := 1
	for range root.Descendants() {
		n++
	}
	return n
}

func text(root *html.Node) string {
	var b strings.Builder
	for n := range root.Descendants() {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
	}
	return b.String()
}

// TestTooDense: a page with more markup per byte than the bound allows is
// refused before it is parsed, saying what it found and the limit.
func TestTooDense(t *testing.T) {
	for name, src := range map[string]string{
		"tags":       strings.Repeat("x<p>", 1<<20),
		"attributes": "<p" + strings.Repeat(" a", 1<<20) + ">",
	} {
		_, err := Parse([]byte(src))
		var d *ErrTooDense
		if !errors.As(err, &d) {
			t.Fatalf("%s: got %v, want an ErrTooDense", name, err)
		}
		for _, s := range []string{"'<'", "runs of white space", "over the limit of", "16× the page's size plus 32 MiB"} {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("%s: %q lacks %q", name, err, s)
			}
		}
	}
}

// TestRealPagesFit calibrates the density bound: every real page, and a
// page eight times its size with the same markup, is well inside it.
func TestRealPagesFit(t *testing.T) {
	for _, f := range pages(t) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(src) < 64<<10 {
			continue // small pages fit whatever they hold
		}
		tags, runs := bytes.Count(src, []byte("<")), whiteRuns(src)
		est := estimate(tags, runs)
		t.Logf("%s: %d KB, estimate %.1f× its size", f, len(src)>>10, float64(est)/float64(len(src)))
		if 8*est > MaxFactor*8*len(src)+Slack {
			t.Errorf("%s: a page 8 times its size would be refused", f)
		}
	}
}

// FuzzParse: whatever the bytes, Parse does not panic, makes at most one
// node per byte (plus the document, <html>, <head>, <body> and the few
// a table implies), and, for a page without formatting tags, gives
// html.Parse's tree exactly.
func FuzzParse(f *testing.F) {
	for _, p := range pages(f) {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		if len(src) < 16<<10 {
			f.Add(src)
		}
	}
	f.Add([]byte("<p><b a0><b a1><b a2><p>x<p>y<a><p></a>z"))
	f.Add([]byte("<!-- <b> --><script><i></script>\u0080l<b\u0080r>"))
	f.Fuzz(func(t *testing.T, src []byte) {
		root, err := Parse(src)
		if err == nil {
			if n := count(root); n > len(src)+16 {
				t.Fatalf("%d nodes for %d bytes", n, len(src))
			}
		}
		// Only a page without formatting tags is safe to give html.Parse,
		// and only there must the trees be equal.
		if hasFormattingTag(src) {
			return
		}
		want, wantErr := stdParse(t, src)
		if err != nil {
			if wantErr == nil {
				t.Fatalf("Parse failed (%v), html.Parse did not", err)
			}
			return
		}
		if wantErr != nil {
			t.Fatalf("html.Parse failed (%v), Parse did not", wantErr)
		}
		if g, w := render(t, root), render(t, want); g != w {
			t.Fatalf("renders differently\n got %q\nwant %q", g, w)
		}
	})
}

// hasFormattingTag reports whether rename would rename a tag of src.
func hasFormattingTag(src []byte) bool {
	return bytes.Contains(rename(src), []byte(renamed))
}
