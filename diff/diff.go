package diff

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"html"
	"slices"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
)

// Change is one difference between two catalogs.
type Change struct {
	Rule  string `json:"rule"`
	Level Level  `json:"level"`
	// Catalog is the catalog's ID, when the compared catalogs have one.
	Catalog string `json:"catalog,omitempty"`
	// Code is the code the change is about: the new code when it has one,
	// else the old; for error-code-prefix-renamed, the old prefix and "*".
	Code string `json:"code"`
	// Status is the entry's HTTP status: the old one for
	// error-status-changed and error-status-removed, else the new one when
	// there is one; 0 when unknown or when the change is about no entry.
	Status int `json:"status"`
	// Field is what changed: code, status, message, description,
	// solution, note, retryable ("true" or "false" in Old and New), or
	// extra.<column header>.
	Field string `json:"field"`
	// Old and New are the field's texts, verbatim; "" where there is none.
	Old string `json:"old"`
	New string `json:"new"`
	// Fingerprint identifies the change across runs; see the package doc.
	Fingerprint string `json:"fingerprint"`
}

// Side describes one of the two catalogs compared.
type Side struct {
	// Name is how reports name the input: a file, a URL, REV:path.
	Name    string `json:"name"`
	Entries int    `json:"entries"`
	Codes   int    `json:"codes"`
}

// Compared is one pair of catalogs that a Result covers.
type Compared struct {
	// ID is the catalog's ID, or "" for files compared outside a config.
	ID  string `json:"id,omitempty"`
	Old Side   `json:"old"`
	New Side   `json:"new"`
	// File is the path that annotations point at: the snapshot that would
	// change. It may be empty.
	File string `json:"file,omitempty"`
	Bump Bump   `json:"bump"`
}

// Result is what Compare finds.
type Result struct {
	Catalogs []Compared
	// Changes are the changes no ignore rule covers, most severe first.
	Changes []Change
	// Ignored are the changes an ignore rule covers, in the same order.
	Ignored []Ignored
	// Expired are ignore rules past their expiry date: they cover nothing
	// and should be renewed or removed.
	Expired []IgnoreRule
	// Unused are ignore rules in force that covered no change.
	Unused []IgnoreRule
}

// Count returns how many changes (not ignored) have level l.
func (r *Result) Count(l Level) int {
	n := 0
	for _, c := range r.Changes {
		if c.Level == l {
			n++
		}
	}
	return n
}

// Fails reports whether a change (not ignored) has level at or above at.
func (r *Result) Fails(at Level) bool {
	for _, c := range r.Changes {
		if c.Level >= at {
			return true
		}
	}
	return false
}

// Bump is the suggested bump of all compared catalogs together: the
// largest of theirs.
func (r *Result) Bump() Bump {
	var b Bump
	var reasons []string
	for _, c := range r.Catalogs {
		if c.Bump.Level > b.Level {
			b.Level = c.Bump.Level
		}
	}
	for _, c := range r.Catalogs {
		if c.Bump.Level == b.Level && c.Bump.Reason != "" {
			reason := c.Bump.Reason
			if len(r.Catalogs) > 1 && c.ID != "" {
				reason = c.ID + ": " + reason
			}
			reasons = append(reasons, reason)
		}
	}
	b.Reason = strings.Join(reasons, "; ")
	return b
}

// Merge combines results of several catalogs into one, keeping the
// order of changes most severe first.
func Merge(rs ...*Result) *Result {
	out := &Result{}
	for _, r := range rs {
		out.Catalogs = append(out.Catalogs, r.Catalogs...)
		out.Changes = append(out.Changes, r.Changes...)
		out.Ignored = append(out.Ignored, r.Ignored...)
		out.Expired = append(out.Expired, r.Expired...)
		out.Unused = append(out.Unused, r.Unused...)
	}
	slices.SortStableFunc(out.Changes, compareChanges)
	slices.SortStableFunc(out.Ignored, func(a, b Ignored) int { return compareChanges(a.Change, b.Change) })
	return out
}

// Options tune Compare.
type Options struct {
	// OldName and NewName name the inputs in reports; the default is the
	// catalog's source file.
	OldName, NewName string
	// File is the path annotations point at (see Compared.File).
	File string
	// Names are the Go names errgen.yaml gives codes (go: names:) and
	// TrimPrefixes the prefixes it drops from codes to name them (go:
	// trim_prefixes:), so that the module bump names the constants the
	// generated package declares (see catalog.GoNames).
	Names        map[string]string
	TrimPrefixes []string
}

// Normalize is the form in which texts are compared: HTML entities
// decoded and every run of white space, line breaks and no-break spaces
// included, collapsed to one space, none at the ends. Two texts with the
// same normal form are not a change.
func Normalize(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// Fingerprint returns the fingerprint of a change: see the package doc.
func Fingerprint(c Change) string {
	h := sha256.New()
	for _, s := range []string{c.Rule, c.Code, strconv.Itoa(c.Status), c.Field, Normalize(c.Old), Normalize(c.New)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// entry is a catalog entry as the comparison sees it.
type entry struct {
	*catalog.Entry
	msg string // Normalize(Message)
}

// comparer collects the changes of one comparison.
type comparer struct {
	id      string
	changes []Change
}

func (c *comparer) add(rule, code string, status int, field, old, new string) {
	r, _ := LookupRule(rule)
	ch := Change{Rule: rule, Level: r.Level, Catalog: c.id, Code: code, Status: status, Field: field, Old: old, New: new}
	ch.Fingerprint = Fingerprint(ch)
	c.changes = append(c.changes, ch)
}

// Compare finds every change from old to new; see the package doc for
// how entries are paired and changes classified. It does not modify its
// arguments.
func Compare(old, new *catalog.Catalog, opts Options) *Result {
	c := &comparer{id: cmp.Or(new.ID, old.ID)}
	oldGroups, oldOrder := group(old)
	newGroups, newOrder := group(new)

	var removed, added []string
	for _, code := range oldOrder {
		if _, ok := newGroups[code]; !ok {
			removed = append(removed, code)
		}
	}
	for _, code := range newOrder {
		if _, ok := oldGroups[code]; !ok {
			added = append(added, code)
		}
	}

	// pairs maps each old code to the new code it continues as.
	pairs := map[string]string{}
	for _, code := range oldOrder {
		if _, ok := newGroups[code]; ok {
			pairs[code] = code
		}
	}
	removed, added = c.prefixRenames(oldOrder, removed, added, pairs)
	removed, added = c.renames(removed, added, oldGroups, newGroups, pairs)

	for _, code := range oldOrder {
		if n, ok := pairs[code]; ok {
			c.entries(n, oldGroups[code], newGroups[n])
			if o, nw := retryable(oldGroups[code]), retryable(newGroups[n]); o != nw {
				c.add(RetryableChanged, n, 0, "retryable", strconv.FormatBool(o), strconv.FormatBool(nw))
			}
		}
	}
	for _, code := range removed {
		c.add(CodeRemoved, code, oldGroups[code][0].Status, "code", code, "")
	}
	for _, code := range added {
		c.add(CodeAdded, code, newGroups[code][0].Status, "code", "", code)
	}
	slices.SortStableFunc(c.changes, compareChanges)

	side := func(cat *catalog.Catalog, name string) Side {
		return Side{Name: cmp.Or(name, cat.Source.File), Entries: len(cat.Entries), Codes: len(cat.Codes())}
	}
	return &Result{
		Catalogs: []Compared{{
			ID:   c.id,
			Old:  side(old, opts.OldName),
			New:  side(new, opts.NewName),
			File: opts.File,
			Bump: suggestBump(old, new, catalog.Naming{Names: opts.Names, TrimPrefixes: opts.TrimPrefixes}, len(c.changes)),
		}},
		Changes: c.changes,
	}
}

// group returns the entries of cat by code, and the codes in order of
// first appearance.
func group(cat *catalog.Catalog) (map[string][]entry, []string) {
	groups := make(map[string][]entry, len(cat.Entries))
	var order []string
	for i := range cat.Entries {
		e := &cat.Entries[i]
		if _, ok := groups[e.Code]; !ok {
			order = append(order, e.Code)
		}
		groups[e.Code] = append(groups[e.Code], entry{e, Normalize(e.Message)})
	}
	return groups, order
}

// retryable reports whether a code, documented as es, is retryable: a
// property of the code (catalog.Entry.Retryable), so one change per code,
// whichever of its entries carry it.
func retryable(es []entry) bool {
	return slices.ContainsFunc(es, func(e entry) bool { return e.Retryable })
}

// separators are the characters that may end a code's prefix, as in
// catalog.CommonPrefix.
const separators = catalog.PrefixSeparators

// splitPrefix splits a code after its last separator: "IdentityCenter." and
// "1000"; the prefix is "" when the code has no separator.
func splitPrefix(code string) (prefix, rest string) {
	i := strings.LastIndexAny(code, separators)
	return code[:i+1], code[i+1:]
}

// prefixRenames finds prefixes that every old code carrying them lost, in
// favour of one new prefix: "IdentityCenter.1000" became "IIC.1000" and so
// on for the whole family. Each such family is one change, and its codes
// are paired old to new so their entries are still compared.
func (c *comparer) prefixRenames(oldOrder, removed, added []string, pairs map[string]string) ([]string, []string) {
	if len(removed) < 2 || len(added) < 2 {
		return removed, added
	}
	// A prefix qualifies only if no code with it survives.
	survivors := map[string]bool{}
	for _, code := range oldOrder {
		if _, ok := pairs[code]; ok {
			p, _ := splitPrefix(code)
			survivors[p] = true
		}
	}
	families := map[string][]string{}
	var prefixes []string
	for _, code := range removed {
		p, _ := splitPrefix(code)
		if p == "" || survivors[p] {
			continue
		}
		if _, ok := families[p]; !ok {
			prefixes = append(prefixes, p)
		}
		families[p] = append(families[p], code)
	}
	addedByRest := map[string][]string{}
	for _, code := range added {
		_, rest := splitPrefix(code)
		addedByRest[rest] = append(addedByRest[rest], code)
	}
	taken := map[string]bool{}
	for _, p := range prefixes {
		fam := families[p]
		if len(fam) < 2 {
			continue
		}
		// The new prefix is the one most of the family's rests carry.
		count := map[string]int{}
		var cands []string
		for _, code := range fam {
			_, rest := splitPrefix(code)
			for _, a := range addedByRest[rest] {
				np, _ := splitPrefix(a)
				if np == p || taken[a] {
					continue
				}
				if count[np] == 0 {
					cands = append(cands, np)
				}
				count[np]++
			}
		}
		best := ""
		for _, np := range cands {
			if count[np] > count[best] {
				best = np
			}
		}
		if count[best] < 2 || 2*count[best] < len(fam) {
			continue
		}
		for _, code := range fam {
			_, rest := splitPrefix(code)
			if n := best + rest; slices.Contains(addedByRest[rest], n) && !taken[n] {
				pairs[code] = n
				taken[n] = true
			}
		}
		c.add(CodePrefixRenamed, p+"*", 0, "code", p, best)
	}
	return unpaired(removed, added, pairs)
}

// renames pairs a removed code with an added one that has the same
// statuses and messages, when that pairing is unambiguous: the signature
// is unique on both sides, or exactly one candidate keeps the part after
// the prefix.
func (c *comparer) renames(removed, added []string, oldGroups, newGroups map[string][]entry, pairs map[string]string) ([]string, []string) {
	if len(removed) == 0 || len(added) == 0 {
		return removed, added
	}
	bySig := map[string][]string{}
	for _, code := range added {
		s := signature(newGroups[code])
		bySig[s] = append(bySig[s], code)
	}
	oldSig := map[string]int{}
	for _, code := range removed {
		oldSig[signature(oldGroups[code])]++
	}
	taken := map[string]bool{}
	for _, code := range removed {
		s := signature(oldGroups[code])
		var cands []string
		for _, a := range bySig[s] {
			if !taken[a] {
				cands = append(cands, a)
			}
		}
		var pick string
		switch {
		case len(cands) == 1 && oldSig[s] == 1:
			pick = cands[0]
		case len(cands) > 0:
			_, rest := splitPrefix(code)
			var same []string
			for _, a := range cands {
				if _, r := splitPrefix(a); r == rest {
					same = append(same, a)
				}
			}
			if len(same) == 1 {
				pick = same[0]
			}
		}
		if pick == "" {
			continue
		}
		taken[pick] = true
		pairs[code] = pick
		c.add(CodeRenamed, pick, newGroups[pick][0].Status, "code", code, pick)
	}
	return unpaired(removed, added, pairs)
}

// signature is what a rename keeps: each entry's status and message.
func signature(es []entry) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = strconv.Itoa(e.Status) + "\x00" + e.msg
	}
	slices.Sort(parts)
	return strings.Join(parts, "\x01")
}

// unpaired drops the codes pairs now covers from removed and added.
func unpaired(removed, added []string, pairs map[string]string) ([]string, []string) {
	paired := map[string]bool{}
	for _, n := range pairs {
		paired[n] = true
	}
	removed = slices.DeleteFunc(removed, func(code string) bool { _, ok := pairs[code]; return ok })
	added = slices.DeleteFunc(added, func(code string) bool { return paired[code] })
	return removed, added
}

// entries compares the entries of one code, documented as olds before and
// news now (under code). Entries are paired in four passes, each in source
// order: same status and message; same status; same message; the rest.
// What stays unpaired was removed or added.
func (c *comparer) entries(code string, olds, news []entry) {
	oldUsed := make([]bool, len(olds))
	newUsed := make([]bool, len(news))
	type pair struct{ o, n int }
	var pairs []pair
	pass := func(match func(o, n entry) bool) {
		for i, o := range olds {
			if oldUsed[i] {
				continue
			}
			for j, n := range news {
				if !newUsed[j] && match(o, n) {
					oldUsed[i], newUsed[j] = true, true
					pairs = append(pairs, pair{i, j})
					break
				}
			}
		}
	}
	pass(func(o, n entry) bool { return o.Status == n.Status && o.msg == n.msg })
	pass(func(o, n entry) bool { return o.Status == n.Status })
	pass(func(o, n entry) bool { return o.msg == n.msg })
	pass(func(o, n entry) bool { return true })
	slices.SortFunc(pairs, func(a, b pair) int { return cmp.Compare(a.n, b.n) })

	for _, p := range pairs {
		c.entry(code, olds[p.o], news[p.n])
	}
	hasStatus := func(es []entry, status int) bool {
		return slices.ContainsFunc(es, func(e entry) bool { return e.Status == status })
	}
	for i, o := range olds {
		if oldUsed[i] {
			continue
		}
		if hasStatus(news, o.Status) {
			c.add(MessageRemoved, code, o.Status, "message", o.Message, "")
		} else {
			c.add(StatusRemoved, code, o.Status, "status", strconv.Itoa(o.Status), "")
		}
	}
	for j, n := range news {
		if newUsed[j] {
			continue
		}
		if hasStatus(olds, n.Status) {
			c.add(MessageAdded, code, n.Status, "message", "", n.Message)
		} else {
			c.add(StatusAdded, code, n.Status, "status", "", strconv.Itoa(n.Status))
		}
	}
}

// fields are the texts of an entry that are compared one by one; a new
// catalog field is one more line here.
var fields = []struct {
	name, rule string
	get        func(*catalog.Entry) string
}{
	{"description", DescriptionChanged, func(e *catalog.Entry) string { return e.Description }},
	{"solution", SolutionChanged, func(e *catalog.Entry) string { return e.Solution }},
	{"note", NoteChanged, func(e *catalog.Entry) string { return e.Note }},
}

// entry compares two paired entries of one code.
func (c *comparer) entry(code string, o, n entry) {
	if o.Status != n.Status || o.StatusRange != n.StatusRange {
		c.add(StatusChanged, code, o.Status, "status", statusText(o.Entry), statusText(n.Entry))
	}
	if o.msg != n.msg {
		rule := MessageReworded
		if !slices.Equal(placeholders(o.Message), placeholders(n.Message)) {
			rule = MessageParamsChanged
		}
		c.add(rule, code, n.Status, "message", o.Message, n.Message)
	}
	for _, f := range fields {
		ov, nv := f.get(o.Entry), f.get(n.Entry)
		if Normalize(ov) != Normalize(nv) {
			c.add(f.rule, code, n.Status, f.name, ov, nv)
		}
	}
	keys := map[string]bool{}
	for k := range o.Extra {
		keys[k] = true
	}
	for k := range n.Extra {
		keys[k] = true
	}
	for _, k := range sortedKeys(keys) {
		ov, nv := o.Extra[k], n.Extra[k]
		if Normalize(ov) != Normalize(nv) {
			c.add(ExtraChanged, code, n.Status, "extra."+k, ov, nv)
		}
	}
}

// statusText is an entry's status as a report shows it: the number, or
// for status 0 the range or default response it is documented under.
func statusText(e *catalog.Entry) string {
	if e.Status == 0 && e.StatusRange != "" {
		return e.StatusRange
	}
	return strconv.Itoa(e.Status)
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// compareChanges orders changes most severe first, then by rule, catalog,
// code (numbers in codes compared as numbers), status, field and
// fingerprint: an order that does not depend on the order of entries.
func compareChanges(a, b Change) int {
	return cmp.Or(
		cmp.Compare(b.Level, a.Level),
		cmp.Compare(ruleIndex[a.Rule], ruleIndex[b.Rule]),
		cmp.Compare(a.Catalog, b.Catalog),
		naturalCompare(a.Code, b.Code),
		cmp.Compare(a.Status, b.Status),
		cmp.Compare(a.Field, b.Field),
		cmp.Compare(a.Fingerprint, b.Fingerprint),
	)
}

// naturalCompare compares strings with runs of digits compared as
// numbers, so IdentityCenter.400 sorts before IdentityCenter.1000.
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := digits(a), digits(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := cmp.Or(cmp.Compare(len(na), len(nb)), cmp.Compare(na, nb)); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func digits(s string) int {
	n := 0
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	return n
}
