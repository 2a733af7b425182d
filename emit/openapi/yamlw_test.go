package openapi

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
)

// yamlV3 is what yaml.v3 writes for n with an indent of 2: what
// yamlWriter must write.
func yamlV3(t testing.TB, n *yNode) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n.yamlNode()); err != nil {
		t.Fatal(err)
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func written(t testing.TB, n *yNode) []byte {
	t.Helper()
	w := &yamlWriter{}
	w.document(n)
	if w.err != nil {
		t.Fatal(w.err)
	}
	return w.b
}

// TestYAMLWriterGolden: for every catalog of the golden tests, the
// writer writes the document yaml.v3 writes.
func TestYAMLWriterGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "catalog.json"))
	if len(files) == 0 {
		t.Fatal("no golden catalogs")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c, err := catalog.Unmarshal(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range Versions {
			doc, err := document(c, Options{Version: v, GoNames: map[string]string{}})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := written(t, doc), yamlV3(t, doc); !bytes.Equal(got, want) {
				t.Errorf("%s, %s: the writer and yaml.v3 differ:\n%s", f, v, firstDiff(got, want))
			}
		}
	}
}

// TestYAMLWriterRandom compares the writer with yaml.v3 on random trees
// of scalars that need every style: plain, quoted, literal blocks, text
// that reads as another type, hidden and non-ASCII characters, long
// keys, empty collections, lazily made content.
func TestYAMLWriterRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		doc := randomTree(r, 3)
		if got, want := written(t, doc), yamlV3(t, doc); !bytes.Equal(got, want) {
			t.Fatalf("tree %d: the writer and yaml.v3 differ:\n%s", i, firstDiff(got, want))
		}
	}
}

// FuzzYAMLWriter puts a string in every place of a document: key, value,
// sequence item, nested a level deeper, and double-quoted.
func FuzzYAMLWriter(f *testing.F) {
	for _, s := range []string{"a", "", "a: b", "- x", "#", "a #b", "1", "0o17", "2001-12-14", "true", "~", "x\ny", " x\n y", "x\n\ny", "'q'", "\"", "é", "\t", "\u202e", "a:", ":a", "? x", strings.Repeat("k", 129)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		dq := &yNode{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
		item := &yNode{Kind: yaml.MappingNode, Content: []*yNode{sc(s), sc(s), sc("k"), dq}}
		doc := &yNode{Kind: yaml.MappingNode, Content: []*yNode{
			sc(s), sc(s),
			sc("seq"), {Kind: yaml.SequenceNode, Content: []*yNode{sc(s), item, dq}},
			sc("map"), {Kind: yaml.MappingNode, Content: []*yNode{sc(s), {Kind: yaml.SequenceNode, Content: []*yNode{sc(s)}}}},
		}}
		if got, want := written(t, doc), yamlV3(t, doc); !bytes.Equal(got, want) {
			t.Fatalf("%q: the writer and yaml.v3 differ:\n%s", s, firstDiff(got, want))
		}
	})
}

func sc(s string) *yNode { return &yNode{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// pieces are what random strings are made of.
var pieces = []string{
	"a", "Z", "word", "x y", " ", "  ", ":", ": ", "#", " #", "-", "- ", "?", "'", "\"", "\\", "\n", "\n\n", "\t",
	"é", "错", "\u202e", "\u200b", "\ufeff", "\u0085", "\u2028", "0", "12", "1.5", "0x1F", "0o7", "0b1", "_", "+", "e3", ".",
	"...", "---", "true", "null", "~", "{", "}", "[", "]", ",", "!", "&", "*", "|", ">", "%", "@", "`", "<<", "2001-12-14", "/",
	"$ref", "{0}", "{name}",
}

func randomString(r *rand.Rand) string {
	if r.IntN(4) == 0 {
		return pieces[r.IntN(len(pieces))]
	}
	var b strings.Builder
	for range 1 + r.IntN(6) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	if r.IntN(20) == 0 {
		b.WriteString(strings.Repeat("k", 120+r.IntN(20)))
	}
	return b.String()
}

func randomScalar(r *rand.Rand) *yNode {
	switch r.IntN(12) {
	case 0:
		return &yNode{Kind: yaml.ScalarNode, Tag: "!!int", Value: []string{"0", "1", "42", "007", "99999999999999999999"}[r.IntN(5)]}
	case 1:
		return &yNode{Kind: yaml.ScalarNode, Tag: "!!bool", Value: []string{"true", "false"}[r.IntN(2)]}
	case 2:
		return &yNode{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	case 3:
		return &yNode{Kind: yaml.ScalarNode, Tag: "!!float", Value: []string{"1.5", "1e3", "x"}[r.IntN(3)]}
	case 4:
		return &yNode{Kind: yaml.ScalarNode, Tag: "!!str", Value: randomString(r), Style: yaml.DoubleQuotedStyle}
	}
	return sc(randomString(r))
}

func randomTree(r *rand.Rand, depth int) *yNode {
	n := &yNode{Kind: yaml.MappingNode}
	if depth < 3 && r.IntN(3) == 0 {
		n.Kind = yaml.SequenceNode
	}
	var content []*yNode
	for range r.IntN(5) {
		if n.Kind == yaml.MappingNode {
			content = append(content, sc(randomString(r)))
		}
		if depth > 0 && r.IntN(3) == 0 {
			content = append(content, randomTree(r, depth-1))
		} else {
			content = append(content, randomScalar(r))
		}
	}
	if r.IntN(8) == 0 {
		n.Style = yaml.FlowStyle
	}
	if r.IntN(3) == 0 {
		// Half of it lazily.
		half := len(content) / 2
		if n.Kind == yaml.MappingNode {
			half &^= 1
		}
		lazy := content[half:]
		content = content[:half]
		kind := n.Kind
		n.each = func(yield func(a, b *yNode)) {
			if kind == yaml.MappingNode {
				for i := 0; i+1 < len(lazy); i += 2 {
					yield(lazy[i], lazy[i+1])
				}
				return
			}
			for _, c := range lazy {
				yield(c, nil)
			}
		}
	}
	if n.Kind == yaml.MappingNode && r.IntN(4) == 0 {
		// Some pairs in chunks, written concurrently.
		for i := 0; i+1 < len(content); i += 2 {
			n.chunks = append(n.chunks, &yNode{Kind: yaml.MappingNode, Content: content[i : i+2]})
		}
		content = nil
	}
	n.Content = content
	if depth == 3 {
		// The document's root is a mapping.
		n.Kind = yaml.MappingNode
		if len(n.Content)%2 == 1 {
			n.Content = n.Content[:len(n.Content)-1]
		}
		n.each = nil
	}
	return n
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got  " + quote(gl) + "\n want " + quote(wl) + "\n\nwant:\n" + string(want)
		}
	}
	return "(same lines)"
}

func quote(s string) string { return "`" + s + "`" }
