package htmltable

import (
	"fmt"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Limits from the HTML table model: colspan is clamped to 1000 and
// rowspan to 65534. maxColumns bounds a whole row the same way, so a page
// of colspan="1000" cells cannot make the grid explode.
const (
	maxColspan = 1000
	maxRowspan = 65534
	maxColumns = 1000
)

// cell is one <td> or <th>. A cell spanning several slots appears in
// each of them as the same pointer, which is how header rows tell a
// spanned cell from a new one.
type cell struct {
	node    *html.Node
	own     int // index of the row the cell starts in
	text    string
	list    bool // every line is a list item
	hasText bool
}

// Text returns the cell's normalised text, computed once however many
// slots the cell spans.
func (c *cell) Text() string {
	if !c.hasText {
		c.text, c.list = cellText(c.node)
		c.hasText = true
	}
	return c.text
}

// row is one <tr> of a table with the row group it belongs to.
type row struct {
	node  *html.Node
	group int
}

// grid lays out a table's rows one at a time, like the HTML table model
// but streaming: it keeps only the cells still spanning down from earlier
// rows, so memory is bounded by the width, not by width × rows.
type grid struct {
	rows   []row
	i      int     // next row
	down   []span  // per column: the cell reaching into later rows
	slots  []*cell // the current row's slots
	groupN []int   // per row: rows left in its group, itself included
	budget *budget
}

// The cost of laying out a slot, in bytes: what a caller materialises for
// it (an Extra entry, a key byte run, a pointer) besides the cell's text.
const (
	slotCost = 48
	holeCost = 8
)

// budget bounds what the grids of one page may lay out. colspan and
// rowspan let a few bytes of markup cover a thousand slots, each of which
// becomes an Extra value and part of a duplicate key, so a 2 MB page of
// colspan="1000" cells used to need gigabytes. Every slot laid out costs
// slotCost plus its cell's text, and a page gets budgetFactor times its
// own size plus budgetSlack, never more than budgetCap: real error pages
// use less than half their size (Huawei's 229 KB page: 0.48×).
type budget struct {
	left, limit int
}

const (
	budgetFactor = 2
	budgetSlack  = 2 << 20
	budgetCap    = 64 << 20
)

func newBudget(pageSize int) *budget {
	limit := min(budgetFactor*pageSize+budgetSlack, budgetCap)
	return &budget{left: limit, limit: limit}
}

// errBudget is what grid.next reports when the page's budget runs out;
// callers say where.
type errBudget struct{ limit int }

func (e errBudget) Error() string {
	return fmt.Sprintf("colspan and rowspan expand the tables past the limit of %s of cells "+
		"(%d× the page's size plus %d MiB, at most %d MiB); expected spans that fit the table, "+
		"as rowspan and colspan in a real error table do", sizeText(e.limit), budgetFactor, budgetSlack>>20, budgetCap>>20)
}

// sizeText renders a byte count in MiB with one decimal.
func sizeText(n int) string {
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

type span struct {
	c    *cell
	left int // rows still covered below the current one
}

func newGrid(rows []row, b *budget) *grid {
	g := &grid{rows: rows, groupN: make([]int, len(rows)), budget: b}
	for i := len(rows) - 1; i >= 0; i-- {
		g.groupN[i] = 1
		if i+1 < len(rows) && rows[i+1].group == rows[i].group {
			g.groupN[i] += g.groupN[i+1]
		}
	}
	return g
}

// next lays out the next row and returns its slots; a nil slot is a hole
// no cell covers. The slice is reused by the following call. It fails
// with errBudget once the page's budget is spent.
func (g *grid) next() ([]*cell, error) {
	r := g.i
	g.i++
	if r > 0 && g.rows[r].group != g.rows[r-1].group {
		// Cells never span out of their row group.
		clear(g.down)
		g.down = g.down[:0]
	}
	g.slots = g.slots[:0]
	for x := range g.down {
		var c *cell
		if g.down[x].left > 0 {
			c = g.down[x].c
			g.down[x].left--
		}
		g.slots = append(g.slots, c)
	}
	x := 0
	for n := g.rows[r].node.FirstChild; n != nil; n = n.NextSibling {
		if n.Type != html.ElementNode || (n.DataAtom != atom.Td && n.DataAtom != atom.Th) {
			continue
		}
		for x < len(g.slots) && g.slots[x] != nil {
			x++
		}
		if x >= maxColumns {
			break
		}
		c := &cell{node: n, own: r}
		cs := min(spanAttr(n, "colspan", maxColspan), maxColumns-x)
		rs := spanAttr(n, "rowspan", maxRowspan)
		if rs == 0 || rs > g.groupN[r] {
			rs = g.groupN[r] // rowspan="0" means "to the end of the group"
		}
		for len(g.slots) < x+cs {
			g.slots = append(g.slots, nil)
		}
		for len(g.down) < x+cs {
			g.down = append(g.down, span{})
		}
		// Overlapping cells are a table model error; the later cell wins
		// the slot so every slot still holds exactly one cell.
		for i := x; i < x+cs; i++ {
			g.slots[i] = c
			g.down[i] = span{c: c, left: rs - 1}
		}
		x += cs
	}
	return g.slots, g.charge()
}

// charge pays for the current row's slots: a text is paid for in every
// slot it fills, since that is how often callers copy it.
func (g *grid) charge() error {
	b := g.budget
	for _, c := range g.slots {
		cost := holeCost
		if c != nil {
			cost = slotCost + len(c.Text())
		}
		b.left -= cost
		if b.left < 0 {
			return errBudget{b.limit}
		}
	}
	return nil
}

// skip advances past the next row without laying it out: a title row is
// not part of the grid.
func (g *grid) skip() { g.i++ }

// spanAttr reads colspan or rowspan with the HTML rules for non-negative
// integers: leading white space, then digits, anything after ignored. A
// missing or invalid value is 1; rowspan may be 0, colspan may not.
func spanAttr(n *html.Node, name string, limit int) int {
	for _, a := range n.Attr {
		if a.Key != name || a.Namespace != "" {
			continue
		}
		s := a.Val
		i := 0
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f') {
			i++
		}
		if i < len(s) && s[i] == '+' {
			i++
		}
		v, digits := 0, 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if v <= limit {
				v = v*10 + int(s[i]-'0')
			}
			digits++
		}
		if digits == 0 {
			return 1
		}
		if name == "colspan" && v == 0 {
			return 1
		}
		return min(v, limit)
	}
	return 1
}
