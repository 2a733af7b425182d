// Package synth makes synthetic error catalogs for errgen's scale
// benchmarks and tests (issue 12, "Generation at scale"): catalogs of any
// size that look like a large cloud vendor's documentation, the same
// bytes for the same arguments on every machine.
//
// [Catalog] builds one in memory. Its codes are dotted service codes
// ("Compute.1042", about four in five) and camelCase ones
// ("invalidParameterValue"); every code has one to three entries with
// statuses from 400 to 503 (a second entry of a code has another status,
// or the same status with another message), messages with placeholders
// ({0}, {name}), a few of them with several alternatives, one a line, and
// titles, descriptions and solutions of the lengths vendors write, some
// shared by many codes ("Contact technical support."). No two codes of a
// catalog share a Go name or a Markdown anchor, so the Go emitter accepts
// every catalog as it is.
//
// [WriteTree] writes a config with catalogs and their source files into a
// directory, for the real errgen generate; [Floor] writes the "floor" Go
// file the issue measures generation and compilation against.
package synth

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/errgen/errgen/catalog"
)

// Envelope is the named envelope of every synthetic catalog: the Huawei
// Cloud layout, {"error_code", "error_msg", "request_id"} or {"error":
// {…}}, with a request ID header.
const Envelope = "huaweicloud"

// Catalog returns a synthetic catalog id with n distinct codes, made from
// seed: the same id, n and seed give the same catalog. id also seeds the
// generator, so catalogs of one config differ. n < 1 is taken as 1.
func Catalog(id string, n int, seed int64) *catalog.Catalog {
	if n < 1 {
		n = 1
	}
	h := fnv.New64a()
	h.Write([]byte(id))
	g := &gen{r: rand.New(rand.NewPCG(uint64(seed), h.Sum64())), taken: map[string]bool{}}
	env, _ := catalog.NamedEnvelope(Envelope)
	c := &catalog.Catalog{
		Format:   catalog.FormatVersion,
		ID:       id,
		Title:    title(id),
		Vendor:   "Example Cloud",
		Envelope: env,
		Source: catalog.Source{
			Kind:   "data",
			URL:    "https://docs.example.com/errors/" + id,
			File:   id + ".json",
			SHA256: fmt.Sprintf("%016x%016x%016x%016x", g.r.Uint64(), g.r.Uint64(), g.r.Uint64(), g.r.Uint64()),
		},
	}
	codes := g.codes(n)
	c.Entries = make([]catalog.Entry, 0, n*7/5)
	for _, code := range codes {
		c.Entries = append(c.Entries, g.entries(code)...)
	}
	for i := range c.Entries {
		c.Entries[i].Origin = catalog.Origin{Pointer: "/errors/" + strconv.Itoa(i)}
	}
	return c
}

// title is a catalog's title from its ID: "synth/svc007" is "Example
// Cloud Svc007".
func title(id string) string {
	last := id[strings.LastIndexByte(id, '/')+1:]
	if last == "" {
		return "Example Cloud"
	}
	return "Example Cloud " + strings.ToUpper(last[:1]) + last[1:]
}

type gen struct {
	r *rand.Rand
	// taken holds the codes' lower-case letters and digits: two codes
	// that agree there would share a Go name or an anchor.
	taken map[string]bool
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// chance is true with probability p percent.
func (g *gen) chance(p int) bool { return g.r.IntN(100) < p }

// key is what two codes must not share: their letters and digits, in
// lower case.
func key(code string) string {
	var b strings.Builder
	for _, r := range code {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// take reserves code, reporting false when it (or a code that looks like
// it) is taken.
func (g *gen) take(code string) bool {
	k := key(code)
	if g.taken[k] {
		return false
	}
	g.taken[k] = true
	return true
}

// perService is about how many dotted codes one service has.
const perService = 2000

// codes returns n distinct codes, dotted service codes and camelCase
// ones interleaved as a vendor's table lists them: a run of one service,
// then a few camelCase codes, and so on.
func (g *gen) codes(n int) []string {
	dotted := n * 4 / 5
	services := g.services((dotted + perService - 1) / perService)
	next := make([]int, len(services))
	for i := range next {
		next[i] = 1000 + g.r.IntN(20)
	}
	out := make([]string, 0, n)
	nd, nc := 0, 0 // dotted and camelCase codes so far
	for nd+nc < n {
		if nd < dotted && (nc >= n-dotted || !g.chance(20)) {
			// A run of one service's codes.
			s := g.r.IntN(len(services))
			for run := 1 + g.r.IntN(12); run > 0 && nd < dotted; run-- {
				next[s] += 1 + g.r.IntN(3)
				code := services[s] + "." + strconv.Itoa(next[s])
				if g.take(code) {
					out = append(out, code)
					nd++
				}
			}
			continue
		}
		if code := g.camel(); g.take(code) {
			out = append(out, code)
			nc++
		}
	}
	return out
}

// services returns n distinct service names.
func (g *gen) services(n int) []string {
	out := make([]string, 0, n)
	seen := map[string]bool{}
	for i := 0; len(out) < n; i++ {
		s := serviceNames[i%len(serviceNames)]
		if round := i / len(serviceNames); round > 0 {
			s += serviceSuffixes[(round-1)%len(serviceSuffixes)]
			if round > len(serviceSuffixes) {
				s += strconv.Itoa(round)
			}
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	g.r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// camel is a camelCase code: "invalidParameterValue", "quotaExceeded",
// with a further word or a number when the simple ones run out.
func (g *gen) camel() string {
	var b strings.Builder
	b.WriteString(g.pick(codeHeads))
	b.WriteString(g.pick(codeNouns))
	if g.chance(60) {
		b.WriteString(g.pick(codeTails))
	}
	if g.chance(15) {
		b.WriteString(g.pick(codeNouns))
	}
	if g.chance(10) {
		b.WriteString(strconv.Itoa(2 + g.r.IntN(30)))
	}
	return b.String()
}

// Statuses vendors document, weighted by how often they do.
var statuses = []int{
	400, 400, 400, 400, 400, 400, 400, 400, 400, 400,
	401, 401, 403, 403, 403, 403, 404, 404, 404, 404, 404,
	405, 409, 409, 409, 412, 413, 415, 422, 422, 429, 429,
	500, 500, 500, 500, 501, 502, 503, 503,
}

// entries returns the one to three entries of code.
func (g *gen) entries(code string) []catalog.Entry {
	n := 1
	switch p := g.r.IntN(100); {
	case p < 8:
		n = 3
	case p < 30:
		n = 2
	}
	out := make([]catalog.Entry, 0, n)
	for i := range n {
		e := catalog.Entry{Code: code, Status: statuses[g.r.IntN(len(statuses))]}
		if i > 0 && g.chance(40) {
			// The same status with another message.
			e.Status = out[0].Status
		} else {
			for slices.ContainsFunc(out, func(o catalog.Entry) bool { return o.Status == e.Status }) {
				e.Status = statuses[g.r.IntN(len(statuses))]
			}
		}
		for e.Message == "" || slices.ContainsFunc(out, func(o catalog.Entry) bool { return o.Status == e.Status && o.Message == e.Message }) {
			e.Message = g.message()
			if g.chance(5) {
				for range 1 + g.r.IntN(2) {
					e.Message += "\n" + g.message()
				}
			}
		}
		if g.chance(50) {
			e.Title = g.titleText()
		}
		e.Description = g.description()
		if g.chance(85) {
			e.Solution = g.solution()
		}
		out = append(out, e)
	}
	return out
}

// message is a message template with a placeholder most of the time.
func (g *gen) message() string {
	subject := g.pick(subjects)
	switch g.r.IntN(6) {
	case 0:
		return fmt.Sprintf("The %s {0} %s.", subject, g.pick(predicates))
	case 1:
		return fmt.Sprintf("The %s {name} %s.", subject, g.pick(predicates))
	case 2:
		return fmt.Sprintf("Invalid %s: the value of {%s} %s.", subject, g.pick(placeholderNames), g.pick(predicates))
	case 3:
		return fmt.Sprintf("The %s %s. Request ID: {0}.", subject, g.pick(predicates))
	case 4:
		return fmt.Sprintf("Failed to %s the %s {0}: {1}.", g.pick(verbs), subject)
	}
	return capital(fmt.Sprintf("%s %s.", subject, g.pick(predicates)))
}

func (g *gen) titleText() string {
	return capital(g.pick(adjectives) + " " + g.pick(subjects))
}

// description is one to three sentences; one in four is shared by many
// codes.
func (g *gen) description() string {
	if g.chance(25) {
		return g.pick(sharedDescriptions)
	}
	var s []string
	for range 1 + g.r.IntN(3) {
		s = append(s, g.sentence())
	}
	return strings.Join(s, " ")
}

// solution is one or two sentences; one in three is shared.
func (g *gen) solution() string {
	if g.chance(33) {
		return g.pick(sharedSolutions)
	}
	s := fmt.Sprintf("%s the %s and %s.", capital(g.pick(actions)), g.pick(subjects), g.pick(followUps))
	if g.chance(50) {
		s += " " + g.pick(sharedSolutions)
	}
	return s
}

func (g *gen) sentence() string {
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("The %s %s %s the %s.", g.pick(subjects), g.pick(predicates), g.pick(connectors), g.pick(subjects))
	case 1:
		return fmt.Sprintf("This error occurs when the %s %s.", g.pick(subjects), g.pick(predicates))
	case 2:
		return fmt.Sprintf("The request could not %s the %s because the %s %s.", g.pick(verbs), g.pick(subjects), g.pick(subjects), g.pick(predicates))
	}
	return fmt.Sprintf("%s %s cannot exceed the %s of the %s.", capital(g.pick(adjectives)), g.pick(subjects), g.pick(limits), g.pick(subjects))
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
