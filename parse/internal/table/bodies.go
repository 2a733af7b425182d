package table

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/parse/internal/fields"
)

// holdsBodies reports whether more than half of column x's non-empty
// cells hold a JSON object: a line of the cell starts like one.
func holdsBodies(t *Table, x int) bool {
	cells, objects := 0, 0
	for _, r := range t.Rows {
		if x >= len(r.Cells) || r.Cells[x].Text == "" {
			continue
		}
		cells++
		for line := range strings.SplitSeq(r.Cells[x].Text, "\n") {
			if startsObject(line) {
				objects++
				break
			}
		}
	}
	return objects > 0 && 2*objects > cells
}

// startsObject reports whether a line starts like a JSON object: '{'
// (after blanks and backquotes), then a quote, or a name and a colon.
// "{0} is invalid" and "{roleId}" are placeholders, not objects.
func startsObject(line string) bool {
	s, ok := strings.CutPrefix(strings.TrimLeft(line, " \t`"), "{")
	if !ok {
		return false
	}
	s = strings.TrimLeft(s, " \t")
	if s == "" {
		return false
	}
	if s[0] == '"' || s[0] == '\'' {
		return true
	}
	name := strings.TrimLeft(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$-")
	return len(name) < len(s) && strings.HasPrefix(strings.TrimLeft(name, " \t"), ":")
}

// bodyCost bounds the steps fields.Bodies may take on text: it tries an
// object at every '{' where one may start, and a try that fails may read
// to the end of the text, up to Bodies' own budget.
func bodyCost(text string) int {
	n := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '{' && (i == 0 || strings.IndexByte(" \t\n\r>:(=`", text[i-1]) >= 0 || i >= 2 && text[i-2:i] == "\u00a0") {
			n++
		}
	}
	return len(text) + min(n*len(text), 8*len(text)+1<<20)
}

// The steps the body cells of a page may cost fields.Bodies, each cell
// charged its bodyCost: 1 MiB, which the bodies of a documentation page
// (a few braces each) stay well within, plus 16 per byte of cell text.
// A page of unclosed braces past it costs about 160 ns a byte.
func readBudget(tables []Table) int {
	size := 0
	for i := range tables {
		size += tableSize(&tables[i])
	}
	return 1<<20 + 16*size
}

// describeBudget is a lone table's: Describe is called once per table
// of a page, so the 1 MiB a page is allowed for free is 64 KiB here.
// DescribeAll shares Read's budget and says what Read will.
func describeBudget(t *Table) int { return 64<<10 + 16*tableSize(t) }

func tableSize(t *Table) int {
	size := 0
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			size += len(c.Text)
		}
	}
	return size
}

// cellBodies is what fields.Bodies found in one cell of the body column.
type cellBodies struct {
	bodies []fields.Body
	err    error // wraps fields.ErrTangled; bodies holds those before it
}

// findBodies picks the body column: the first column headed like one
// (Response, JSON, Example…), then the first other column (by header
// none, the code or a description, "Details") whose cells mostly hold JSON objects, that
// qualifies. A column qualifies when most of its non-empty cells hold
// an error body; one headed like a body column, in a table whose code
// column is known, when any cell does (the rest go to Extra).
func (l *layout) findBodies(t *Table, guess []role, fixed []bool, codeTaken bool, budget *int) {
	hasCode := func(except int) bool {
		if codeTaken {
			return true
		}
		for x, g := range guess {
			if x != except && !fixed[x] && g == code {
				return true
			}
		}
		return false
	}
	try := func(x int, named bool) bool {
		cells, nonEmpty := l.readBodies(t, x, budget)
		found := 0
		for _, c := range cells {
			if len(c.bodies) > 0 {
				found++
			}
		}
		if found == 0 || (!named || !hasCode(x)) && 2*found <= nonEmpty {
			return false
		}
		l.bodyCol, l.bodies = x, cells
		return true
	}
	for x, g := range guess {
		if !fixed[x] && g == body && try(x, true) {
			return
		}
	}
	for x, g := range guess {
		if !fixed[x] && (g == extra || g == code || g == description) && holdsBodies(t, x) && try(x, false) {
			guess[x] = body
			l.warnings = append(l.warnings, fmt.Sprintf("column %d %q holds JSON error bodies; code, message and status read from each body", x+1, t.Header[x]))
			return
		}
	}
}

// readBodies runs fields.Bodies on the cells of column x that hold a
// '{', one result per row, and counts the non-empty cells. Past the
// budget, the rest are left unread and a warning says from which row.
func (l *layout) readBodies(t *Table, x int, budget *int) (cells []cellBodies, nonEmpty int) {
	cells = make([]cellBodies, len(t.Rows))
	for i, r := range t.Rows {
		if x >= len(r.Cells) || r.Cells[x].Text == "" {
			continue
		}
		nonEmpty++
		text := r.Cells[x].Text
		if !strings.Contains(text, "{") {
			continue
		}
		c := bodyCost(text)
		if c > *budget {
			l.warnings = append(l.warnings, fmt.Sprintf("column %d %q not read for error bodies from row %d on: the page holds too many braces to read in bounded time",
				x+1, t.Header[x], r.N))
			*budget = 0
			break
		}
		*budget -= c
		bs, err := fields.Bodies(text)
		if err != nil && !errors.Is(err, fields.ErrTangled) {
			err = nil // Bodies promises no other error
		}
		cells[i] = cellBodies{bs, err}
	}
	return cells, nonEmpty
}

// rowBodies appends the entries of a row whose body cell holds error
// bodies, one per body. A row's own status and code columns win over the
// body; the message column wins when it is not empty.
func (r *reader) rowBodies(where string, base catalog.Entry, bs []fields.Body, f rowFacts, cols []column, statusCol, codeCol, bodyCol int) {
	bh := cols[bodyCol].header
	for i, b := range bs {
		w := where
		if len(bs) > 1 {
			w = fmt.Sprintf("%s, body %d", where, i+1)
		}
		e := base
		e.Status = f.status
		e.Extra = maps.Clone(base.Extra)
		bcode := strings.TrimSpace(oneLine(b.Code))
		bmsg := strings.TrimSpace(oneLine(b.Message))
		at := fmt.Sprintf("the body at line %d of column %d %q", b.Line, bodyCol+1, bh)
		facts := f
		note := func(format string, args ...any) {
			facts.notes = append(facts.notes, fmt.Sprintf(format, args...))
		}

		switch {
		case f.code != "" && notACode(f.code) == "":
			e.Code = f.code
			if bcode != "" && bcode != f.code {
				note("column %d %q says code %s, %s says %s; kept %s", codeCol+1, cols[codeCol].header, f.code, at, bcode, f.code)
			}
		case f.code != "" && bcode != "":
			note("column %d %q holds %q, not a code; code %s read from %s", codeCol+1, cols[codeCol].header, f.code, bcode, at)
			e.Code = bcode
		case bcode != "":
			e.Code = bcode
		default:
			e.Code = f.code // "" or a placeholder, which add warns about
		}
		if e.Message == "" {
			e.Message = bmsg
		}

		facts.noCode = fmt.Sprintf("%s has no code field", at)
		if codeCol >= 0 {
			facts.noCode += fmt.Sprintf(", and column %d %q is empty", codeCol+1, cols[codeCol].header)
		}
		switch {
		case f.statusText != "":
			if b.Status != 0 && b.Status != f.status {
				note("column %d %q says status %s, %s says %d (%s); kept %d",
					statusCol+1, cols[statusCol].header, f.statusText, at, b.Status, statusFrom(b.StatusFrom), f.status)
			}
		case b.Status != 0:
			e.Status = b.Status
			facts.statusText = ""
			if strings.HasPrefix(b.StatusFrom, "line ") {
				note("status %d of %s from %s of the cell in column %d %q, the nearest line above the body that names a status",
					b.Status, e.Code, b.StatusFrom, bodyCol+1, bh)
			}
		case statusCol >= 0:
			facts.noStatus = fmt.Sprintf("status of %s is empty (column %d %q), and neither %s nor a line above it names one; recorded as 0 (unknown)",
				e.Code, statusCol+1, cols[statusCol].header, at)
		default:
			facts.noStatus = fmt.Sprintf("status of %s is unknown: no status column, and neither %s nor a line above it names one; recorded as 0",
				e.Code, at)
		}

		if len(b.Repairs) > 0 {
			note("%s was read leniently: %s", at, strings.Join(b.Repairs, "; "))
		}
		switch {
		case b.ExampleLeftOut:
			note("no example kept for %s: the cell's %d bodies repeat their objects as examples past eight times the cell's size", at, len(bs))
		case b.Example != "" && json.Valid([]byte(b.Example)):
			e.Examples = []catalog.Example{{Body: b.Example}}
		default:
			note("%s is not valid JSON even after repairs; no example kept", at)
		}
		r.add(w, e, facts)
	}
}

func statusFrom(from string) string {
	if strings.HasPrefix(from, "line ") {
		return "from " + from + " of the cell"
	}
	return "its field " + from
}
