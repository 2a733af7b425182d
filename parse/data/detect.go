package data

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/errgen/errgen/parse/internal/fields"
)

// group is every container whose pointer has one pattern: indices and the
// member names of maps replaced by "*", so that /services/0/errors and
// /services/1/errors are one group, /services/*/errors.
type group struct {
	pattern string
	conts   []container
	items   int
	isMap   bool
	order   int // document order of its first container
	res     *fields.Result
	keys    []string // item members, for messages
}

// maxEvaluated bounds how many groups detection scores, largest first.
const maxEvaluated = 1000

// detect finds the items when the caller names none: the largest group
// of arrays (or maps) of objects whose fields include a code and a message
// or status, with a warning naming it.
func (p *parser) detect(root *node, fixed map[fields.Role]string) (*group, error) {
	groups := map[string]*group{}
	var order []*group
	walk(root, "", "", groups, &order)
	sorted := append([]*group(nil), order...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.items != b.items {
			return a.items > b.items
		}
		if sa, sb := strings.Count(a.pattern, "*"), strings.Count(b.pattern, "*"); sa != sb {
			return sa < sb
		}
		return a.order < b.order
	})
	var found []*group
	for i, g := range sorted {
		if i == maxEvaluated || len(found) == 2 {
			break
		}
		if p.qualifies(g, fixed) {
			found = append(found, g)
		}
	}
	if len(found) == 0 {
		return nil, p.nothing(sorted)
	}
	g := found[0]
	if len(g.conts) == 1 {
		g.pattern = g.conts[0].ptr // one container: its own pointer reads better
	}
	what := "objects"
	if g.isMap {
		what = "members, each name a code"
	}
	msg := fmt.Sprintf("chose as items %s (%d %s) with %s", where(g.pattern), g.items, what, g.res.Summary())
	if g.isMap {
		msg = fmt.Sprintf("chose as items %s (%d %s) with %s", where(g.pattern), g.items, what, summaryKeyed(g.res))
	}
	if len(found) > 1 {
		msg += fmt.Sprintf("; also seen: %s (%d)", where(found[1].pattern), found[1].items)
	}
	p.warn(where(g.pattern), "%s (hint: %s)", msg, hint)
	for _, c := range g.res.Unsure() {
		if g.isMap && c.Role == fields.Code {
			continue
		}
		p.warn(where(g.pattern), "%s", c)
	}
	return g, nil
}

func summaryKeyed(res *fields.Result) string {
	s := res.Summary()
	if c := res.Pointer(fields.Code); c != "" {
		s = strings.Replace(s, "code "+c+", ", "", 1)
		s = strings.Replace(s, "code "+c, "", 1)
	}
	if s == "" || s == "no fields" {
		return "the code from the member name"
	}
	return "the code from the member name, " + s
}

// walk visits every node once, registering the arrays that hold objects
// and the maps (objects of two or more members, all objects) as
// candidates under their pattern.
func walk(n *node, ptr, pattern string, groups map[string]*group, order *[]*group) {
	register := func(isMap bool) {
		g := groups[pattern]
		if g == nil {
			g = &group{pattern: pattern, isMap: isMap, order: len(*order)}
			groups[pattern] = g
			*order = append(*order, g)
		}
		if g.isMap != isMap {
			return // an array and a map under one pattern: keep the first kind
		}
		g.conts = append(g.conts, container{ptr, n})
		g.items += len(n.kids)
	}
	switch n.kind {
	case fields.Array:
		objects := 0
		for _, k := range n.kids {
			if k.kind == fields.Object {
				objects++
			}
		}
		if objects > 0 && 2*objects >= len(n.kids) {
			register(false)
		}
		for j, k := range n.kids {
			if !k.scalar() {
				walk(k, ptr+"/"+strconv.Itoa(j), pattern+"/*", groups, order)
			}
		}
	case fields.Object:
		isMap := mapLike(n)
		if isMap {
			register(true)
		}
		for j, k := range n.kids {
			if k.scalar() {
				continue
			}
			child := pattern + "/" + escape(n.keys[j])
			if isMap {
				child = pattern + "/*"
			}
			walk(k, ptr+"/"+escape(n.keys[j]), child, groups, order)
		}
	}
}

// mapLike: an object of two or more members whose values are all
// objects sharing a member name, as the entries of a map keyed by code
// or by service do; {"errors": {…}, "meta": {…}} is a record instead.
func mapLike(n *node) bool {
	if len(n.kids) < 2 {
		return false
	}
	for _, k := range n.kids {
		if k.kind != fields.Object {
			return false
		}
	}
	// A name of the first value that every other value has too; the
	// first value's names are checked at most 64 deep, each other value
	// scanned once per name, so a map costs its size times 64.
	first := n.kids[0]
	for i, name := range first.keys {
		if i == 64 {
			break
		}
		all := true
		for _, k := range n.kids[1:] {
			if k.member(name) == nil {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// qualifies scores a group's fields and says whether they include a
// code-like field (for a map: code-like member names) and a message- or
// status-like one.
func (p *parser) qualifies(g *group, fixed map[fields.Role]string) bool {
	all, err := p.items(g.conts)
	if err != nil {
		return false
	}
	cols := columns(all)
	for _, c := range cols {
		if len(g.keys) < 12 {
			g.keys = append(g.keys, c.Pointer)
		}
	}
	// The caller's own fields must be there, in at least half the items.
	s := sample(all)
	for _, ptr := range fixed {
		n := 0
		for _, it := range s {
			if it.n.kind == fields.Object && at(it.n, ptr) != nil {
				n++
			}
		}
		if 2*n < len(s) {
			return false
		}
	}
	g.res = fields.Detect(cols, fields.Options{Fixed: fixed})
	msg, st := g.res.Get(fields.Message), g.res.Get(fields.Status)
	if msg.Pointer == "" && st.Pointer == "" {
		return false
	}
	if g.isMap {
		tokens := 0
		for _, it := range s {
			if it.key != "" && strings.IndexFunc(it.key, unicode.IsSpace) < 0 && len(it.key) <= 80 {
				tokens++
			}
		}
		return 10*tokens >= 9*len(s)
	}
	c := g.res.Get(fields.Code)
	return c.Pointer != "" && c.Named
}

// nothing is the error of a document where detection found no items.
func (p *parser) nothing(sorted []*group) error {
	var b strings.Builder
	if len(sorted) == 0 {
		b.WriteString("no array or map of objects")
	} else {
		b.WriteString("no array or map of objects has fields like an error code and a message or status; seen:")
		for i, g := range sorted {
			if i == 8 {
				fmt.Fprintf(&b, "; … (%d in all)", len(sorted))
				break
			}
			kind := "array"
			if g.isMap {
				kind = "map"
			}
			keys := g.keys
			if g.res == nil {
				all, _ := p.items(g.conts)
				for _, c := range columns(all) {
					if len(keys) < 12 {
						keys = append(keys, c.Pointer)
					}
				}
			}
			fmt.Fprintf(&b, "\n  %s: %s of %d objects, fields %s", where(g.pattern), kind, g.items, strings.Join(keys, ", "))
		}
	}
	return p.diag("", "%s (hint: name them with %s)", b.String(), hint)
}
