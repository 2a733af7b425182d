package openapi

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/errgen/errgen/catalog"
)

// use records that an error response under st has the body sh.
func (p *parser) use(sh *shape, st status) {
	if sh.uses == 0 {
		p.shapeOrder = append(p.shapeOrder, sh)
	}
	sh.uses++
	if !slices.Contains(sh.statuses, st) {
		sh.statuses = append(sh.statuses, st)
	}
}

// enumInfo reads, once per enum, what its values name, and warns about
// the values that name success statuses: they are left out.
func (p *parser) enumInfo(ds []decl) *enumInfo {
	if info, ok := p.enumInfos[&ds[0]]; ok {
		return info
	}
	if p.enumInfos == nil {
		p.enumInfos = map[*decl]*enumInfo{}
	}
	info := &enumInfo{}
	p.enumInfos[&ds[0]] = info
	for _, d := range ds {
		n := namedStatus(d.value)
		switch {
		case n >= 400:
			info.keyed = true
		case n > 0:
			info.keyed = true
			info.success = append(info.success, d.value)
		}
	}
	if len(info.success) > 0 {
		one := len(info.success) == 1
		p.report.Warn(p.file, p.where(parentPointer(ds[0].at)), "%s of the enum (%s) %s success statuses (2xx/3xx), not errors: %s left out of the catalog",
			plural(len(info.success), "value", "values"), quoteList(info.success, 10),
			map[bool]string{true: "names a", false: "name"}[one], map[bool]string{true: "it is", false: "they are"}[one])
	}
	return info
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// pluralWord is one or many by n, without the number.
func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// quoteList writes up to limit values quoted, and how many more.
func quoteList(vals []string, limit int) string {
	var b strings.Builder
	for i, v := range vals {
		if i == limit {
			fmt.Fprintf(&b, " and %d more", len(vals)-limit)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", v)
	}
	return b.String()
}

// stat is one status of a code with the observations that count.
type stat struct {
	si  *statusInfo
	obs []*observation
}

// result orders what the walk found into entries, attaching each code
// to the statuses the document gives it (see the package doc), or
// returns the diagnostic that no code was found.
func (p *parser) result() (*Result, error) {
	r := &Result{Report: p.report}
	r.Envelope.Shapes = p.envelope
	r.Envelope.Fields = p.fields
	if len(p.errorResponses) == 0 {
		return nil, &catalog.Diagnostic{File: p.file, Message: "no error responses: the document has no 4xx, 5xx or default response" +
			" (nor, without paths, a components/responses entry named after an error status), so it documents no error codes"}
	}
	if p.anyCode && p.codeless > 0 {
		if p.codeless == 1 {
			r.Report.Warn(p.file, p.where(p.firstCodeless), "1 error response has no JSON body with a code field; it adds no entries")
		} else {
			r.Report.Warn(p.file, p.where(p.firstCodeless), "%d error responses have no JSON body with a code field (this is the first); they add no entries", p.codeless)
		}
	}
	codes := slices.Clone(p.codes)
	slices.SortStableFunc(codes, func(a, b *code) int {
		switch {
		case a.enumSeq > 0 && b.enumSeq > 0:
			return cmp.Compare(a.enumSeq, b.enumSeq)
		case a.enumSeq > 0:
			return -1
		case b.enumSeq > 0:
			return 1
		}
		return cmp.Compare(a.seq, b.seq)
	})
	n := 0
	for _, c := range codes {
		for _, si := range c.statuses {
			n += max(1, len(si.obs))
		}
	}
	r.Entries = make([]catalog.Entry, 0, n)
	// Samples (a value on the code property alone) count only in a
	// document that documents its codes nowhere else.
	useSamples := true
	for _, c := range codes {
		if c.documented {
			useSamples = false
			break
		}
	}
	var (
		samples []*code
		// unplaced groups the codes with no status of their own by the
		// enum (or example) that documents them.
		unplaced      = map[string][]string{}
		unplacedSts   = map[string][]status{}
		unplacedOrder []string
		byNamed       []string
		// scratch, reused for every code
		sts, placed []stat
		// shared counts the codes an enum shared by several statuses
		// places under all of them, with no example saying which: the
		// document's own pairing, kept, and worth one warning.
		shared      int
		sharedFirst *code
		sharedMax   int
	)
	for _, c := range codes {
		if !c.documented && !useSamples {
			samples = append(samples, c)
			continue
		}
		slices.SortFunc(c.statuses, func(a, b statusInfo) int { return compareStatus(a.st, b.st) })
		sts = sts[:0]
		for i := range c.statuses {
			si := &c.statuses[i]
			obs := si.obs
			if !useSamples && slices.ContainsFunc(obs, func(o *observation) bool { return o.sample }) {
				obs = slices.DeleteFunc(slices.Clone(obs), func(o *observation) bool { return o.sample })
			}
			if si.declared != nil || len(obs) > 0 {
				sts = append(sts, stat{si, obs})
			}
		}
		if len(sts) == 0 {
			continue
		}
		named := namedStatus(c.value)
		if named < 400 {
			named = 0
		}
		placed = placed[:0]
		for _, s := range sts {
			if s.si.declared != nil && !c.keyed || s.si.media || named != 0 && s.si.st.n == named || len(sts) == 1 {
				placed = append(placed, s)
			}
		}
		if len(placed) > 0 {
			if named != 0 && c.keyed {
				byNamed = append(byNamed, fmt.Sprintf("%s → %d", c.value, named))
			}
			if named == 0 && len(placed) > 1 && !slices.ContainsFunc(placed, func(s stat) bool { return s.si.declared == nil || len(s.obs) > 0 || s.si.media }) {
				if shared++; sharedFirst == nil {
					sharedFirst = c
				}
				sharedMax = max(sharedMax, len(placed))
			}
			for _, s := range placed {
				r.Entries = p.entriesAt(r.Entries, c, s)
			}
			continue
		}
		if named != 0 {
			// The code names a status that only a range or default
			// response covers.
			covered := false
			for _, s := range sts {
				if s.si.st.rng == "default" || s.si.st.rng == fmt.Sprintf("%dXX", named/100) {
					n := len(r.Entries)
					r.Entries = p.entriesAt(r.Entries, c, s)
					for i := n; i < len(r.Entries); i++ {
						r.Entries[i].Status, r.Entries[i].StatusRange = named, ""
						r.Entries[i].Note = fmt.Sprintf("The document gives this code under %s; its name gives the status %d.", s.si.st, named)
					}
					byNamed = append(byNamed, fmt.Sprintf("%s → %d", c.value, named))
					covered = true
					break
				}
			}
			if covered {
				continue
			}
		}
		// No status of its own: one entry per message, status 0, with
		// the statuses the document lists it under in its note.
		var possible []status
		for _, s := range sts {
			possible = append(possible, s.si.st)
		}
		r.Entries = append(r.Entries, p.unplacedEntries(c, sts, possible)...)
		key := c.at
		if c.enumSeq > 0 {
			key = parentPointer(c.at)
		}
		if _, ok := unplaced[key]; !ok {
			unplacedOrder = append(unplacedOrder, key)
		}
		unplaced[key] = append(unplaced[key], c.value)
		for _, st := range possible {
			if !slices.Contains(unplacedSts[key], st) {
				unplacedSts[key] = append(unplacedSts[key], st)
			}
		}
	}
	for _, key := range unplacedOrder {
		sts := unplacedSts[key]
		slices.SortFunc(sts, compareStatus)
		vals := unplaced[key]
		r.Report.Warn(p.file, p.where(key), "%s no status of %s own: the document gives %s only through a schema it uses under %s, without saying which status %s; %s with status 0, %s note listing those statuses",
			plural(len(vals), "code has", "codes have"), map[bool]string{true: "its", false: "their"}[len(vals) == 1], quoteList(vals, 10),
			statusList(sts), map[bool]string{true: "it comes with", false: "each comes with"}[len(vals) == 1],
			map[bool]string{true: "it is one entry", false: "each is one entry"}[len(vals) == 1],
			map[bool]string{true: "its", false: "each with a"}[len(vals) == 1])
	}
	if shared > 0 {
		r.Report.Warn(p.file, p.where(sharedFirst.at), "%s documented only by an enum that the responses of up to %d statuses share, with no example under a status saying which status %s with (%s is the first); kept under every status whose response declares %s, as the document pairs them (an example under a status pins a code to it)",
			plural(shared, "code is", "codes are"), sharedMax, pluralWord(shared, "it comes", "each comes"), sharedFirst.value, pluralWord(shared, "it", "them"))
	}
	if len(samples) > 0 {
		vals := make([]string, len(samples))
		for i, c := range samples {
			vals[i] = c.value
		}
		r.Report.Warn(p.file, p.where(samples[0].at), "the code property's own example %s (this is the first) is a sample of the field's format, not a documented error, "+
			"as the document declares its codes in enums and example bodies: left out", quoteList(vals, 10))
	}
	r.Explain = p.explain(r, byNamed, unplaced, unplacedOrder, samples)
	if len(r.Entries) == 0 {
		return nil, p.noCode()
	}
	return r, nil
}

// entriesAt appends to out the entries of code c under one status: one
// per documented message, or one with message "" for a code an enum
// alone declares.
func (p *parser) entriesAt(out []catalog.Entry, c *code, s stat) []catalog.Entry {
	st := s.si.st
	base := catalog.Entry{Status: st.n, StatusRange: st.rng, Code: c.value, Name: c.name, Title: c.title, Description: c.desc}
	if len(s.obs) == 0 {
		e := base
		e.Operations = declaredOps(s.si.declared, s.si.rest)
		e.Origin.Pointer = p.where(c.at)
		return append(out, e)
	}
	for _, o := range s.obs {
		e := base
		e.Message = o.message
		e.Operations = o.ops
		e.Examples = o.examples
		e.Origin.Pointer = p.where(o.at)
		if t := onlySummary(o.examples); t != "" && e.Title == "" {
			e.Title = t
		}
		if e.Description == "" {
			e.Description = onlyDescription(o.examples)
		}
		out = append(out, e)
	}
	return out
}

// unplacedEntries makes the entries of a code with no status of its
// own: status 0, one per documented message (or one with message ""),
// with every operation and example of every status, and a note that
// lists the statuses.
func (p *parser) unplacedEntries(c *code, sts []stat, possible []status) []catalog.Entry {
	note := fmt.Sprintf("No status of its own: the document gives this code under %s through a shared schema, without saying which of them it comes with.", statusList(possible))
	base := catalog.Entry{Code: c.value, Name: c.name, Title: c.title, Description: c.desc, Note: note}
	type merged struct {
		o   observation
		has map[catalog.Example]bool
	}
	var order []string
	byMsg := map[string]*merged{}
	for _, s := range sts {
		for _, o := range s.obs {
			m := byMsg[o.message]
			if m == nil {
				m = &merged{o: observation{message: o.message, at: o.at}, has: map[catalog.Example]bool{}}
				byMsg[o.message] = m
				order = append(order, o.message)
			}
			for _, op := range o.ops {
				if !slices.Contains(m.o.ops, op) {
					m.o.ops = append(m.o.ops, op)
				}
			}
			for _, ex := range o.examples {
				if !m.has[ex] {
					m.has[ex] = true
					m.o.examples = append(m.o.examples, ex)
				}
			}
		}
	}
	if len(order) == 0 {
		e := base
		for _, s := range sts {
			for _, op := range declaredOps(s.si.declared, s.si.rest) {
				if !slices.Contains(e.Operations, op) {
					e.Operations = append(e.Operations, op)
				}
			}
		}
		p.sortOps(e.Operations)
		e.Origin.Pointer = p.where(c.at)
		return []catalog.Entry{e}
	}
	out := make([]catalog.Entry, 0, len(order))
	for _, msg := range order {
		o := byMsg[msg].o
		p.sortOps(o.ops)
		e := base
		e.Message = o.message
		e.Operations = o.ops
		e.Examples = o.examples
		e.Origin.Pointer = p.where(o.at)
		if c.enumSeq > 0 {
			e.Origin.Pointer = p.where(c.at)
		}
		if t := onlySummary(o.examples); t != "" && e.Title == "" {
			e.Title = t
		}
		if e.Description == "" {
			e.Description = onlyDescription(o.examples)
		}
		out = append(out, e)
	}
	return out
}

// sortOps puts operations gathered from several statuses back in
// document order.
func (p *parser) sortOps(ops []catalog.Operation) {
	slices.SortStableFunc(ops, func(a, b catalog.Operation) int { return cmp.Compare(p.opSeq[a], p.opSeq[b]) })
}

// explain says, for Result.Explain, which fields were chosen in which
// bodies and why, and how the codes were given their statuses.
func (p *parser) explain(r *Result, byNamed []string, unplaced map[string][]string, unplacedOrder []string, samples []*code) []string {
	var out []string
	for i, sh := range p.shapeOrder {
		if i == 8 {
			out = append(out, fmt.Sprintf("… and %d more error bodies", len(p.shapeOrder)-i))
			break
		}
		sts := slices.SortedFunc(slices.Values(sh.statuses), compareStatus)
		head := fmt.Sprintf("%s (%s under %s)", p.where(sh.at.String()), plural(sh.uses, "error response", "error responses"), statusList(sts))
		for j, line := range sh.explain {
			if j == 0 {
				out = append(out, head+": "+line)
			} else {
				out = append(out, "  "+line)
			}
		}
		if sh.code != "" && sh.message != "" {
			out = append(out, "  message "+sh.message)
		}
	}
	if len(r.Entries) > 0 {
		out = append(out, fmt.Sprintf("%d entries for %d codes", len(r.Entries), len((&catalog.Catalog{Entries: r.Entries}).Codes())))
	}
	if len(byNamed) > 0 {
		out = append(out, "codes of enums that name statuses go under the status they name: "+strings.Join(byNamed, ", "))
	}
	for _, k := range unplacedOrder {
		out = append(out, fmt.Sprintf("no status of their own (status 0, the statuses in their note), documented at %s: %s", p.where(k), quoteList(unplaced[k], 20)))
	}
	var success []string
	for _, info := range p.enumInfos {
		success = append(success, info.success...)
	}
	if len(success) > 0 {
		slices.Sort(success)
		out = append(out, "success statuses, not errors, left out: "+quoteList(slices.Compact(success), 20))
	}
	if len(samples) > 0 {
		vals := make([]string, len(samples))
		for i, c := range samples {
			vals[i] = c.value
		}
		out = append(out, "samples of the code property, left out: "+quoteList(vals, 20))
	}
	return out
}

// noCode is the error of a document in which no code is found: what was
// weighed in its most used error body, the other bodies, and how to say
// where the code is.
func (p *parser) noCode() error {
	var b strings.Builder
	fmt.Fprintf(&b, "no error code found in the %s: ", plural(len(p.errorResponses), "error response", "error responses"))
	where := ""
	if len(p.shapeOrder) == 0 {
		b.WriteString("none has a JSON body with a schema or example")
	} else {
		bodies := slices.Clone(p.shapeOrder)
		slices.SortStableFunc(bodies, func(a, b *shape) int { return cmp.Compare(b.uses, a.uses) })
		main := bodies[0]
		where = p.where(main.at.String())
		sts := slices.SortedFunc(slices.Values(main.statuses), compareStatus)
		fmt.Fprintf(&b, "in the body most of them use (%s under %s), ", plural(main.uses, "response", "responses"), statusList(sts))
		for i, l := range main.explain {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(strings.TrimSpace(l))
		}
		if rest := bodies[1:]; len(rest) > 0 {
			var names []string
			for i, sh := range rest {
				if i == 5 {
					names = append(names, fmt.Sprintf("… (%d in all)", len(rest)))
					break
				}
				names = append(names, p.where(sh.at.String()))
			}
			fmt.Fprintf(&b, "; the %s no code field either: %s", plural(len(rest), "other error body has", "other error bodies have"), strings.Join(names, ", "))
		}
	}
	b.WriteString(". Set the JSON pointer of the code, and of the message, in errgen.yaml (source: code_pointer: /errors/*/code, message_pointer: /errors/*/message) " +
		"or with errgen parse --code-pointer and --message-pointer; the code field needs documented values (an enum, a const or examples)")
	return &catalog.Diagnostic{File: p.file, Where: where, Message: b.String()}
}
