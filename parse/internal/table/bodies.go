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

// bodyCost bounds the steps fields.Bodies may take on text: each '{'
// may be read to the end of the text, up to Bodies' own budget.
func bodyCost(text string) int {
	n := strings.Count(text, "{")
	return len(text) + min(n*len(text), 8*len(text)+1<<20)
}

// bodyBudget is the steps the cells of a Read may cost fields.Bodies:
// far more than real pages (a few braces per body) need, far less than
// a page of unclosed braces would take.
func bodyBudget(tables []Table) int {
	size := 0
	for _, t := range tables {
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				size += len(c.Text)
			}
		}
	}
	return 8<<20 + 32*size
}

// bodies reads the error bodies of a body cell, with warnings for what
// the reader cannot see: a tangle of braces, or a page past its budget.
func (r *reader) bodies(where string, text string, col int, header string) []fields.Body {
	if !strings.Contains(text, "{") {
		return nil
	}
	if r.spent {
		return nil
	}
	if c := bodyCost(text); c > r.budget {
		r.spent = true
		r.warn(where, "column %d %q and the body columns of every later row not read for error bodies: the page holds too many braces to read in bounded time; give the code column with --column code=HEADER", col+1, header)
		return nil
	} else {
		r.budget -= c
	}
	bs, err := fields.Bodies(text)
	if errors.Is(err, fields.ErrTangled) {
		r.warn(where, "column %d %q: %v; kept the %d bodies before it", col+1, header, err, len(bs))
	}
	return bs
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

		switch {
		case f.code != "" && notACode(f.code) == "":
			e.Code = f.code
			if bcode != "" && bcode != f.code {
				r.warn(w, "column %d %q says code %s, %s says %s; kept %s", codeCol+1, cols[codeCol].header, f.code, at, bcode, f.code)
			}
		case f.code != "" && bcode != "":
			r.warn(w, "column %d %q holds %q, not a code; code %s read from %s", codeCol+1, cols[codeCol].header, f.code, bcode, at)
			e.Code = bcode
		case bcode != "":
			e.Code = bcode
		default:
			e.Code = f.code // "" or a placeholder, which add warns about
		}
		if e.Message == "" {
			e.Message = bmsg
		}

		facts := f
		facts.noCode = fmt.Sprintf("%s has no code field", at)
		if codeCol >= 0 {
			facts.noCode += fmt.Sprintf(", and column %d %q is empty", codeCol+1, cols[codeCol].header)
		}
		switch {
		case f.statusText != "":
			if b.Status != 0 && b.Status != f.status {
				r.warn(w, "column %d %q says status %s, %s says %d (%s); kept %d",
					statusCol+1, cols[statusCol].header, f.statusText, at, b.Status, statusFrom(b.StatusFrom), f.status)
			}
		case b.Status != 0:
			e.Status = b.Status
			facts.statusText = ""
			if strings.HasPrefix(b.StatusFrom, "line ") {
				r.warn(w, "status %d of %s from %s of the cell in column %d %q", b.Status, orUnknown(e.Code), b.StatusFrom, bodyCol+1, bh)
			}
		case statusCol >= 0:
			facts.noStatus = fmt.Sprintf("status of %s is empty (column %d %q), and no line before %s names one; recorded as 0 (unknown)",
				orUnknown(e.Code), statusCol+1, cols[statusCol].header, at)
		default:
			facts.noStatus = fmt.Sprintf("status of %s is unknown: no status column, and no line before %s names one; recorded as 0",
				orUnknown(e.Code), at)
		}

		if len(b.Repairs) > 0 {
			r.warn(w, "%s was read leniently: %s", at, strings.Join(b.Repairs, "; "))
		}
		if b.Example != "" && json.Valid([]byte(b.Example)) {
			e.Examples = []catalog.Example{{Body: b.Example}}
		} else {
			r.warn(w, "%s is not valid JSON even after repairs; no example kept", at)
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

func orUnknown(code string) string {
	if code == "" {
		return "the entry"
	}
	return code
}
