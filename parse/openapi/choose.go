package openapi

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/errgen/errgen/parse/internal/fields"
)

// found is one scored field of a body schema, where it is.
type found struct {
	c     candidate
	lv    level
	pr    prop
	order int
}

// chooseCode scores every scalar field of the body schema s, level by
// level down to maxDepth, and returns the best code candidate, the level
// that holds it and its property; nil when no field scores as a code.
// What it weighed goes to sh.explain, and a weak choice is warned about.
func (p *parser) chooseCode(s *openapi3.Schema, at loc, sh *shape) (*candidate, *level, prop) {
	queue := []level{{s, at, "", 0}}
	if schemaType(s) == "array" {
		if is, iat, ok := items(s, at); ok {
			queue = []level{{is, iat, "/*", 1}}
		}
	}
	rootErr := errorishSchema(s, at)
	rootEx := schemaExamples(s, at)
	// A schema the search already looked into, at the same or a smaller
	// depth (the queue is in depth order), gave its fields and queued its
	// object properties; looking again adds nothing. Without this, a
	// schema whose properties $ref it (or each other) queues its property
	// count to the third power. Whether the body is already inside an
	// array is part of the key: arrays are not followed there.
	type looked struct {
		schemaAt
		inArray bool
	}
	seen := map[looked]bool{}
	var all []found
	// No field below a level can beat a best score of bound·0.9^depth:
	// the search stops there, as a reader stops at a clear answer.
	bound := 1.5
	if p.opts.MessagePointer != "" {
		bound *= 1.2
	}
	bestScore := 0.0
	for len(queue) > 0 {
		lv := queue[0]
		queue = queue[1:]
		if bestScore > 0 && bestScore >= bound*math.Pow(0.9, float64(lv.depth)) {
			break
		}
		k := looked{schemaAt{lv.s, lv.at}, strings.Contains(lv.body, "*")}
		if seen[k] {
			continue
		}
		seen[k] = true
		ps := p.props(lv.s, lv.at)
		errorish := rootErr || errorishSchema(lv.s, lv.at) || hasMessage(ps) || strings.Contains(strings.ToLower(lv.body), "error")
		problem := isProblem(ps)
		levelEx := schemaExamples(lv.s, lv.at)
		for _, pr := range ps {
			if !scalarField(pr.schema) || len(all) >= maxCandidates {
				continue
			}
			ptr := lv.body + "/" + escape(pr.name)
			ev := evidence{
				ptr: ptr, name: pr.name, typ: schemaType(pr.schema),
				desc:     cmp.Or(pr.schema.Description, pr.schema.Title),
				declared: fieldValues(pr.schema),
				depth:    lv.depth, errorish: errorish, problem: problem,
				message: ptr == p.opts.MessagePointer,
			}
			if pr.schema.Example != nil {
				ev.samples = append(ev.samples, pr.schema.Example)
			}
			ev.samples = append(ev.samples, pr.schema.Examples...)
			for _, ex := range rootEx {
				for _, h := range resolve(ex.value, splitPointer(ptr)) {
					ev.samples = append(ev.samples, h.v)
				}
			}
			if lv.body != "" {
				for _, ex := range levelEx {
					if m, ok := ex.value.(map[string]any); ok && m[pr.name] != nil {
						ev.samples = append(ev.samples, m[pr.name])
					}
				}
			}
			c := score(ev)
			if c.verdict == "code" && p.opts.MessagePointer != "" && parentPointer(ptr) == parentPointer(p.opts.MessagePointer) {
				c.score *= 1.2
				c.why = append(c.why, "beside the message pointer")
			}
			all = append(all, found{c, lv, pr, len(all)})
			if c.verdict == "code" {
				bestScore = max(bestScore, c.score)
			}
		}
		if lv.depth >= maxDepth-1 {
			continue
		}
		for _, pr := range ps {
			switch schemaType(pr.schema) {
			case "object":
				queue = append(queue, level{pr.schema, pr.at, lv.body + "/" + escape(pr.name), lv.depth + 1})
			case "array":
				if strings.Contains(lv.body, "*") {
					continue
				}
				if is, iat, ok := items(pr.schema, pr.at); ok && schemaType(is) == "object" {
					queue = append(queue, level{is, iat, lv.body + "/" + escape(pr.name) + "/*", lv.depth + 1})
				}
			}
		}
	}
	best, alts, others := rank(all)
	sh.explain = explainChoice(best, alts, others)
	if best == nil {
		return nil, nil, prop{}
	}
	p.warnWeak(at, best.c, alts)
	return &best.c, &best.lv, best.pr
}

// maxCandidates bounds the fields weighed in one body.
const maxCandidates = 512

// rank sorts the scored fields: the best code candidate (highest score,
// then shallowest, then first), the other code candidates, and the
// fields worth naming as not the code (those named or described like a
// code, and statuses).
func rank(all []found) (*found, []found, []found) {
	var codes, others []found
	for _, f := range all {
		switch {
		case f.c.verdict == "code":
			codes = append(codes, f)
		case codeNameScore(fields.Normalize(f.c.name)) > 0 || f.c.verdict == "status" || len(f.c.declared) > 0:
			others = append(others, f)
		}
	}
	slices.SortStableFunc(codes, func(a, b found) int {
		return cmp.Or(cmp.Compare(b.c.score, a.c.score), cmp.Compare(a.c.depth, b.c.depth), cmp.Compare(a.order, b.order))
	})
	if len(codes) == 0 {
		return nil, nil, others
	}
	return &codes[0], codes[1:], others
}

// explainChoice says what was chosen and what else was weighed.
func explainChoice(best *found, alts, others []found) []string {
	var out []string
	if best != nil {
		out = append(out, "code "+best.c.ptr+": "+strings.Join(best.c.why, ", ")+fmt.Sprintf(" (score %.2f)", best.c.score))
	} else {
		out = append(out, "no field scores as the code")
	}
	var names []string
	for i, a := range alts {
		if i == 4 {
			names = append(names, fmt.Sprintf("… (%d in all)", len(alts)))
			break
		}
		names = append(names, a.c.String())
	}
	if len(names) > 0 {
		out = append(out, "other candidates: "+strings.Join(names, "; "))
	}
	names = names[:0]
	for i, o := range others {
		if i == 6 {
			names = append(names, fmt.Sprintf("… (%d in all)", len(others)))
			break
		}
		names = append(names, o.c.String())
	}
	if len(names) > 0 {
		out = append(out, "not the code: "+strings.Join(names, "; "))
	}
	return out
}

// warnWeak warns when the code field is chosen on thin evidence, or
// over a field whose name says code more strongly.
func (p *parser) warnWeak(at loc, best candidate, alts []found) {
	var rivals []string
	bestName := codeNameScore(fields.Normalize(best.name))
	for _, a := range alts {
		if a.c.score >= 0.7*best.score || codeNameScore(fields.Normalize(a.c.name)) > bestName {
			rivals = append(rivals, a.c.String())
		}
	}
	// A field named strongly like a code is no weak choice for lack of
	// declared values: the examples give them.
	if (best.score >= 0.5 || bestName >= 0.6) && len(rivals) == 0 {
		return
	}
	msg := fmt.Sprintf("the code field %s is chosen on weak evidence: %s", best.ptr, best.String())
	if len(rivals) > 0 {
		msg += "; other candidates: " + strings.Join(rivals, "; ")
	}
	p.warn(at, "%s; if another field is the code, set code_pointer in errgen.yaml (errgen parse --code-pointer)", msg)
}

// pickMessage chooses the message among the fields beside the code
// (named skip): the one whose name says message most strongly, the
// first among equals; a number is no message.
func pickMessage(ps []prop, skip string) (prop, bool) {
	var best prop
	bestScore := 0.0
	for _, pr := range ps {
		if pr.name == skip || !scalarField(pr.schema) {
			continue
		}
		switch schemaType(pr.schema) {
		case "integer", "number":
			continue
		}
		if s := messageNameScore(fields.Normalize(pr.name)); s > bestScore {
			best, bestScore = pr, s
		}
	}
	return best, bestScore > 0
}

// hasMessage reports whether an object has a field named like a message.
func hasMessage(ps []prop) bool {
	for _, pr := range ps {
		if messageNameScore(fields.Normalize(pr.name)) >= 0.6 && scalarField(pr.schema) {
			return true
		}
	}
	return false
}

// isProblem reports whether an object has RFC 9457's members: type and
// at least two of title, status, detail and instance.
func isProblem(ps []prop) bool {
	names := map[string]bool{}
	for _, pr := range ps {
		names[pr.name] = true
	}
	n := 0
	for _, k := range []string{"title", "status", "detail", "instance"} {
		if names[k] {
			n++
		}
	}
	return names["type"] && n >= 2
}

// errorishSchema reports whether a schema's name (its key under
// components/schemas), title or description says error, fault, failure,
// problem or exception.
func errorishSchema(s *openapi3.Schema, at loc) bool {
	if errorWord.MatchString(s.Title) || errorWord.MatchString(s.Description) {
		return true
	}
	if name, ok := strings.CutPrefix(at.ptr, "/components/schemas/"); ok && errorWord.MatchString(name) {
		return true
	}
	return strings.HasPrefix(at.ptr, "/definitions/") && errorWord.MatchString(at.ptr)
}

// fieldValues lists the enum and const values a field's schema declares,
// through its oneOf, anyOf and allOf members, without reporting
// anything (decls reads them for the chosen field).
func fieldValues(s *openapi3.Schema) []any {
	if len(s.OneOf)+len(s.AnyOf)+len(s.AllOf) == 0 {
		if s.Const == nil && !slices.Contains(s.Enum, nil) {
			return s.Enum
		}
	}
	var out []any
	var done []*openapi3.Schema
	var walk func(s *openapi3.Schema, depth int)
	walk = func(s *openapi3.Schema, depth int) {
		if s == nil || depth > maxDepth || slices.Contains(done, s) || len(out) > 4096 {
			return
		}
		done = append(done, s)
		out = append(out, s.Enum...)
		if s.Const != nil {
			out = append(out, s.Const)
		}
		for _, ms := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf, s.AllOf} {
			for _, m := range ms {
				if m != nil {
					walk(m.Value, depth+1)
				}
			}
		}
	}
	walk(s, 0)
	// null is no value.
	return slices.DeleteFunc(out, func(v any) bool { return v == nil })
}

// detect chooses the code field of an example body, as chooseCode does
// in a schema, from the example's values alone.
func detect(v any) (best *candidate, message, requestID string, explain []string) {
	type lvl struct {
		v     map[string]any
		body  string
		depth int
	}
	var queue []lvl
	switch x := v.(type) {
	case map[string]any:
		queue = append(queue, lvl{x, "", 0})
	case []any:
		if len(x) > 0 {
			if m, ok := x[0].(map[string]any); ok {
				queue = append(queue, lvl{m, "/*", 1})
			}
		}
	}
	var all []found
	for len(queue) > 0 && len(all) < maxCandidates {
		lv := queue[0]
		queue = queue[1:]
		keys := slices.Sorted(maps.Keys(lv.v))
		errorish := strings.Contains(strings.ToLower(lv.body), "error")
		names := map[string]bool{}
		for _, k := range keys {
			names[k] = true
			if s, ok := lv.v[k].(string); ok && s != "" {
				if ms := messageNameScore(fields.Normalize(k)); ms >= 0.6 {
					errorish = true
				}
			}
		}
		problem := names["type"] && btoi(names["title"])+btoi(names["status"])+btoi(names["detail"])+btoi(names["instance"]) >= 2
		for _, k := range keys {
			val := lv.v[k]
			if _, ok := scalar(val); !ok {
				continue
			}
			typ := "string"
			if _, ok := val.(string); !ok {
				typ = "number"
			}
			ptr := lv.body + "/" + escape(k)
			c := score(evidence{ptr: ptr, name: k, typ: typ, samples: []any{val}, depth: lv.depth, errorish: errorish, problem: problem})
			all = append(all, found{c: c, order: len(all), lv: level{body: lv.body, depth: lv.depth}})
		}
		if lv.depth >= maxDepth-1 {
			continue
		}
		for _, k := range keys {
			switch x := lv.v[k].(type) {
			case map[string]any:
				queue = append(queue, lvl{x, lv.body + "/" + escape(k), lv.depth + 1})
			case []any:
				if len(x) > 0 && !strings.Contains(lv.body, "*") {
					if m, ok := x[0].(map[string]any); ok {
						queue = append(queue, lvl{m, lv.body + "/" + escape(k) + "/*", lv.depth + 1})
					}
				}
			}
		}
	}
	b, alts, others := rank(all)
	explain = explainChoice(b, alts, others)
	if b == nil {
		return nil, "", "", explain
	}
	// The message beside the code, the request ID at the top.
	container := v
	for _, t := range splitPointer(b.lv.body) {
		switch x := container.(type) {
		case map[string]any:
			container = x[t]
		case []any:
			if len(x) > 0 {
				container = x[0]
			}
		}
	}
	if m, ok := container.(map[string]any); ok {
		bestScore := 0.0
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if s, ok := m[k].(string); !ok || s == "" || b.lv.body+"/"+escape(k) == b.c.ptr {
				continue
			}
			if s := messageNameScore(fields.Normalize(k)); s > bestScore {
				message, bestScore = b.lv.body+"/"+escape(k), s
			}
		}
	}
	if top, ok := v.(map[string]any); ok {
		for _, n := range requestIDNames {
			if val, has := top[n]; has {
				if _, ok := scalar(val); ok {
					requestID = "/" + escape(n)
					break
				}
			}
		}
	}
	return &b.c, message, requestID, explain
}

// statusList writes statuses as a reader reads them: "400, 404, 5XX and
// default".
func statusList(sts []status) string {
	parts := make([]string, len(sts))
	for i, st := range sts {
		parts[i] = st.String()
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// String is the response key: "404", "4XX", "default".
func (s status) String() string {
	if s.rng != "" {
		return s.rng
	}
	return strconv.Itoa(s.n)
}
