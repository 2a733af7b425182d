// Package htmlsafe parses an untrusted HTML page into a tree whose size is
// linear in the page's, so a vendor page (fetched from the internet or
// sent in a pull request) cannot make errgen build millions of nodes.
//
// # Why html.Parse alone is not enough
//
// The HTML parsing algorithm "reconstructs the active formatting
// elements" before it inserts a character or an element: every
// formatting element (a, b, big, code, em, font, i, nobr, s, small,
// strike, strong, tt, u) that was opened, not closed, and is no longer
// on the stack of open elements is cloned again. The "Noah's Ark" rule
// only keeps a fourth identical tag and attributes out of that list, so
// `<p>` then 500 distinct `<b a0>`…`<b a499>` then `<p>x` repeated clones
// 500 elements per 4 bytes: a 20 KB page gave two million nodes and
// 308 MB. Misnested end tags (`<b><p></b>`) clone through the "adoption
// agency algorithm" the same way.
//
// # What Parse does instead
//
// [Parse] hides the formatting elements from the parser: before parsing
// it appends a private marker to the tag name of every start and end tag
// of those fourteen names (`<B class=x>` becomes a tag named
// "b\u0080r"), which makes them ordinary unknown elements, never
// reconstructed nor adopted; after parsing it removes the marker from
// every name, attribute and text of the tree in one walk, so callers see
// `b`, `strong`, `a`, `code`… with their attributes, children and atoms.
// The marker is U+0080, a character no character reference can produce
// (&#128; decodes to "€"); a U+0080 of the page itself is escaped the same
// way and restored, so where the rename hits text rather than a tag (a
// comment, a <script>, a <title>, an attribute value) the text comes back
// exactly as html.Parse gives it.
//
// The tree equals html.Parse's for pages whose formatting elements are
// closed in order, which real documentation pages are. Where they are
// not, the structure differs but the text and its order do not: an
// unclosed <b> is not re-opened in the next paragraph, `<a>x<a>y` nests
// the second link instead of closing the first, a </b> that would close
// a block around it is ignored, and a <b> inside <svg> stays inside it
// instead of ending the SVG.
//
// # What is refused
//
// Without formatting elements a tag creates at most two nodes, but a
// node costs about 115 bytes and an attribute some 100, so a page of
// `x<p>` (56 times its size in live nodes), of `<td>` (28) or of
// `<p a b c …>` (33) still needs far more than its size. [Check], which
// [Parse] runs first, counts every '<' as a tag and every run of white
// space or '/' as an attribute, wherever they are, and refuses with an
// [*ErrTooDense] a page whose count could need more than [MaxFactor]
// times its size plus [Slack]. Prose makes that an overestimate: the real
// pages errgen reads count as 13 to 20 times their size, which the slack
// covers up to several megabytes, and a compact hand-written table of
// 100,000 tags fits in the slack alone.
package htmlsafe

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The marker and its two uses. It must be a character that a tag name
// keeps (not white space, '/' or '>'), that the tokenizer does not
// lower-case, and that no character reference decodes to, so that every
// U+0080 of the tree came from the page's bytes after rename.
const (
	mark    = "\u0080"
	renamed = mark + "r" // appended to the name of a formatting tag
	literal = mark + "l" // what a U+0080 of the page becomes
)

// Parse parses src, which must already be UTF-8, like html.Parse does,
// except that formatting elements are never cloned (see the package doc).
// It fails with an *ErrTooDense when the page has more markup per byte
// than the bound allows, and with html.Parse's error, such as for
// elements nested deeper than 512.
func Parse(src []byte) (*html.Node, error) {
	if err := Check(src); err != nil {
		return nil, err
	}
	root, err := html.Parse(bytes.NewReader(rename(src)))
	if err != nil {
		return nil, err
	}
	restore(root)
	return root, nil
}

// isFormatting reports whether name, lower-cased, is one of the elements
// the parser reconstructs; "a" and "nobr" included.
func isFormatting(name []byte) bool {
	if len(name) == 0 || len(name) > 6 {
		return false
	}
	var low [6]byte
	for i, c := range name {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	switch string(low[:len(name)]) {
	case "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u":
		return true
	}
	return false
}

// tagNameEnd returns the end of the tag name starting at src[i], as the
// tokenizer reads it: up to white space, '/', '>' or the end.
func tagNameEnd(src []byte, i int) int {
	for ; i < len(src); i++ {
		switch src[i] {
		case ' ', '\n', '\r', '\t', '\f', '/', '>':
			return i
		}
	}
	return i
}

// rename appends the marker to every start and end tag name that is a
// formatting element's and escapes every U+0080, wherever they are: the
// scan does not track comments, raw text or attributes, so nothing the
// tokenizer reads as a tag can slip through, and restore undoes the
// rest. It returns src itself when there is nothing to change.
func rename(src []byte) []byte {
	var out []byte
	done := 0 // src[:done] is in out
	nextMark := indexFrom(src, 0, mark)
	for i := 0; i < len(src); {
		lt := bytes.IndexByte(src[i:], '<')
		if lt < 0 {
			lt = len(src)
		} else {
			lt += i
		}
		for nextMark < lt {
			end := nextMark + len(mark)
			out = append(append(out, src[done:end]...), literal[len(mark):]...)
			done = end
			nextMark = indexFrom(src, end, mark)
		}
		if lt == len(src) {
			break
		}
		name := lt + 1
		if name < len(src) && src[name] == '/' {
			name++
		}
		if end := tagNameEnd(src, name); isFormatting(src[name:end]) {
			if out == nil {
				out = make([]byte, 0, len(src)+len(src)/16)
			}
			out = append(append(out, src[done:end]...), renamed...)
			done = end
		}
		i = lt + 1
	}
	if out == nil {
		return src
	}
	return append(out, src[done:]...)
}

// indexFrom is the index of sep in src at or after i, or len(src).
func indexFrom(src []byte, i int, sep string) int {
	if j := bytes.Index(src[i:], []byte(sep)); j >= 0 {
		return i + j
	}
	return len(src)
}

// restore undoes rename in the whole tree: element names (and their
// atoms), attribute keys and values, text, comments and doctypes.
func restore(root *html.Node) {
	for n := range root.Descendants() {
		if strings.Contains(n.Data, mark) {
			n.Data = unmark(n.Data)
			if n.Type == html.ElementNode {
				n.DataAtom = atom.Lookup([]byte(n.Data))
			}
		}
		for i := range n.Attr {
			a := &n.Attr[i]
			if strings.Contains(a.Key, mark) {
				a.Key = unmark(a.Key)
			}
			if strings.Contains(a.Val, mark) {
				a.Val = unmark(a.Val)
			}
		}
	}
}

// unmark drops every renamed marker of s and turns every literal one back
// into U+0080.
func unmark(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.Index(s, mark)
		if i < 0 || i+len(renamed) > len(s) {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		switch s[i : i+len(renamed)] {
		case renamed:
		case literal:
			b.WriteString(mark)
		default: // not rename's doing; keep it
			b.WriteString(s[i : i+len(renamed)])
		}
		s = s[i+len(renamed):]
	}
}

// The bound on the tree: Check refuses a page that could parse to
// more than MaxFactor times its size plus Slack bytes.
const (
	MaxFactor = 16
	Slack     = 32 << 20
	// tagCost and attrCost are what a '<' and a run of white space can
	// cost at most, peak heap in bytes, measured on pages made only of
	// them. A node takes some 115 bytes, and a '<' can make two: a
	// text and a tag (`x<p>`), or a text and the element an end tag
	// implies (`x</p>`). An attribute (`<p a b c …>`, two bytes each) takes
	// 48 bytes in the element and as much again in the tokenizer's
	// growing slices and map of names, which are garbage once the tag is
	// read.
	tagCost  = 240
	attrCost = 150
)

// ErrTooDense is the error for a page with more markup per byte than a
// documentation page has, which could make its tree too large.
type ErrTooDense struct {
	Size  int // the page's bytes
	Tags  int // its '<'
	Runs  int // its runs of white space and '/', each of which may start an attribute
	Limit int // bytes the tree may take: MaxFactor × Size + Slack
}

func (e *ErrTooDense) Error() string {
	return fmt.Sprintf("%d '<' and %d runs of white space in %d bytes could parse to %s of HTML nodes and attributes, "+
		"over the limit of %s (%d× the page's size plus %d MiB); expected the markup density of a documentation page, "+
		"one tag per 20 bytes or fewer",
		e.Tags, e.Runs, e.Size, mib(estimate(e.Tags, e.Runs)), mib(e.Limit), MaxFactor, Slack>>20)
}

func mib(n int) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

func estimate(tags, runs int) int { return tags*tagCost + runs*attrCost }

// Check returns an *ErrTooDense when src has more markup per byte than
// Parse accepts; callers that only tokenize a page use it for the same
// bound.
//
// It bounds the tree by what the bytes could make of it: every
// '<' is counted as a tag and every run of white space or '/' as an
// attribute, wherever they are. Knowing which of them really are tags
// and attributes takes the parser's own state (foreign content, CDATA,
// quoted values that hold '>'), and any scanner of its own that guessed
// wrong could be made to miss millions of attributes. Prose is where the
// count overestimates: a real page estimates to 15 to 25 times its size,
// the slack covers that for pages up to several megabytes.
func Check(src []byte) error {
	limit := MaxFactor*len(src) + Slack
	// A small page fits whatever it holds.
	if len(src)*tagCost <= limit {
		return nil
	}
	tags, runs := bytes.Count(src, []byte("<")), whiteRuns(src)
	if estimate(tags, runs) > limit {
		return &ErrTooDense{Size: len(src), Tags: tags, Runs: runs, Limit: limit}
	}
	return nil
}

// whiteRuns counts the runs of white space and '/' of src: the tokenizer
// needs one before each attribute.
func whiteRuns(src []byte) int {
	runs := 0
	space := true
	for _, c := range src {
		switch c {
		case ' ', '\n', '\r', '\t', '\f', '/':
			if !space {
				runs++
			}
			space = true
		default:
			space = false
		}
	}
	return runs
}
