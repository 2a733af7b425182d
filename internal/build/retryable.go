package build

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/config"
	"github.com/errgen/errgen/internal/editdist"
)

// applyRetryable declares retryable the codes errgen.yaml lists under the
// catalog's retryable: (see "Retryable codes" in package config's doc),
// on every entry of each, once the source is parsed into cat: a listed
// code the catalog does not have is an error naming the config's file,
// the item's line and, when one is close, the code meant. A code one of
// whose entries the source declares retryable (a hand-written catalog's
// retryable: true) is retryable on all of them.
//
// It then warns, in r, once for the catalog, about the codes not
// declared retryable whose documentation says their error is transient
// (see transient), naming them and the retryable: line that would
// declare them. It never declares one itself: a person reads the
// documentation and decides.
//
// For a snapshot (see LoadOptions.Snapshot), a listed code the catalog
// lacks is a warning in r instead.
func applyRetryable(cfg *config.Config, c *config.Catalog, cat *catalog.Catalog, r *catalog.Report, snapshot bool) error {
	declared := map[string]bool{}
	if len(c.Retryable) > 0 {
		codes := cat.Codes()
		has := make(map[string]bool, len(codes))
		for _, code := range codes {
			has[code] = true
		}
		for j, code := range c.Retryable {
			if !has[code] {
				line := c.RetryableLine
				if j < len(c.RetryableLines) {
					line = c.RetryableLines[j]
				}
				d := &catalog.Diagnostic{File: cfg.File, Where: fmt.Sprintf("line %d", line), Message: notACode(c, j, code, codes)}
				if !snapshot {
					return d
				}
				d.Message = fmt.Sprintf("catalog %s: retryable[%d]: %q is not a code of this version of the source; errgen generate refuses it once the committed source lacks it too (hint: then remove it from retryable:)", c.ID, j, code)
				r.Warnings = append(r.Warnings, *d)
				continue
			}
			declared[code] = true
		}
	}
	for _, e := range cat.Entries {
		if e.Retryable {
			declared[e.Code] = true
		}
	}
	if len(declared) > 0 {
		for i := range cat.Entries {
			if declared[cat.Entries[i].Code] {
				cat.Entries[i].Retryable = true
			}
		}
	}
	if d := suggestRetryable(cfg, c, cat); d != nil {
		r.Warnings = append(r.Warnings, *d)
	}
	return nil
}

// notACode is the message for retryable[j], code, which is none of codes.
func notACode(c *config.Catalog, j int, code string, codes []string) string {
	msg := fmt.Sprintf("catalog %s: retryable[%d]: %q is not a code of the catalog", c.ID, j, code)
	if slices.Contains(c.Source.Exclude, code) {
		return msg + ": source: exclude: leaves it out; hint: remove it from one of the two lists"
	}
	switch near := closest(code, codes); len(near) {
	case 0:
		msg += "; hint: list codes exactly as the source writes them (errgen parse FILE shows them)"
	case 1:
		msg += fmt.Sprintf("; did you mean %s?", near[0])
	default:
		msg += fmt.Sprintf("; did you mean one of %s?", strings.Join(near, ", "))
	}
	return msg
}

// maxNear is how many close codes a did-you-mean names at most.
const maxNear = 3

// closest returns the codes a mistyped one most likely meant: the one
// that differs only in case, else those at the smallest edit distance,
// ignoring case, when it is at most 2 (1 for codes of under 8 bytes);
// none when more than maxNear tie.
func closest(code string, codes []string) []string {
	for _, c := range codes {
		if strings.EqualFold(c, code) {
			return []string{c}
		}
	}
	limit := 2
	if len(code) < 8 {
		limit = 1
	}
	lower := strings.ToLower(code)
	best := limit + 1
	var near []string
	for _, c := range codes {
		if d := len(c) - len(code); d > best || -d > best {
			continue
		}
		switch d := editdist.Distance(lower, strings.ToLower(c)); {
		case d < best:
			best, near = d, []string{c}
		case d == best:
			near = append(near, c)
		}
	}
	if len(near) > maxNear {
		return nil
	}
	return near
}

// cues are what documentation writes of an error that goes away by
// itself, each a word and what may follow it, in lower-case text with
// single spaces: "try again later", "try again 1 minute later", "try
// again in a few minutes", "retry later", "retry after 30 seconds",
// "please retry.", "temporarily unavailable", "wait a few minutes and try
// again". They are conservative: "check whether the parameter is correct
// and try again" asks for a fix before the retry, and "please try again"
// after bad credentials is no promise that time helps, so "try again"
// alone is not transient. Each expression is anchored at its word, which
// the text is searched for first: most texts have none of the words, and
// a catalog may have 50,000 codes.
var cues = []struct {
	word string
	re   *regexp.Regexp
}{
	{"try", regexp.MustCompile(`^try again (?:(?:(?:in )?(?:a few|an?|one|two|several|\d+) (?:seconds?|minutes?|moments?|while) )?later|(?:in|after) (?:(?:a few|one|two|several|\d+) (?:seconds?|minutes?|moments?)|a (?:few|moment|while|short while|minute|second)|some time)|shortly)`)},
	{"retry", regexp.MustCompile(`^retry (?:(?:the (?:request|operation) )?(?:later|shortly)|(?:it |the (?:request|operation) )?after (?:a (?:few|moment|while|short while|minute|second)|some time|several \w+|(?:\d+|\{[^}]*\}|%[sd])(?: (?:seconds?|minutes?|milliseconds?|ms))?|the (?:time|interval|period|delay|duration|number of seconds)))`)},
	{"please", regexp.MustCompile(`^please retry ?(?:[.!]|$)`)},
	{"temporarily", regexp.MustCompile(`^temporarily (?:unavailable|overloaded)`)},
	{"wait", regexp.MustCompile(`^wait (?:for )?(?:a (?:few|moment|while|minute|second)|some time|several \w+|\d+ (?:seconds?|minutes?))(?: \w+){0,3} (?:and|then|before) (?:try(?:ing)? again|retry(?:ing)?)`)},
}

// cueStart are the bytes a cue's word starts with, in either case.
var cueStart = func() (t [256]bool) {
	for _, c := range cues {
		t[c.word[0]], t[c.word[0]&^0x20] = true, true
	}
	return t
}()

// cueWindow is how far past its word a cue may reach, in bytes.
const cueWindow = 120

// transient returns the words of text that say its error is transient
// (see cues), as text writes them (spaces collapsed), or "". It looks at
// the start of each word for a cue's word, in any case, and only there
// lowers the case of what follows to match the cue.
func transient(text string) string {
	for i := 0; i < len(text); i++ {
		if !cueStart[text[i]] || i > 0 && isWordByte(text[i-1]) {
			continue
		}
		for _, c := range cues {
			if c.word[0] != text[i]|0x20 || !hasPrefixFold(text[i:], c.word) {
				continue
			}
			w := text[i:min(len(text), i+cueWindow)]
			if strings.ContainsAny(w, "\t\n\r\f\v") || strings.Contains(w, "  ") {
				w = strings.Join(strings.Fields(w), " ")
			}
			lower := strings.ToLower(w)
			if m := c.re.FindStringIndex(lower); m != nil {
				if len(lower) == len(w) {
					return strings.TrimRight(w[:m[1]], " .!")
				}
				return strings.TrimRight(lower[:m[1]], " .!")
			}
		}
	}
	return ""
}

// hasPrefixFold reports whether s starts with the lower-case ASCII word,
// in any case.
func hasPrefixFold(s, word string) bool {
	if len(s) < len(word) {
		return false
	}
	for i := 0; i < len(word); i++ {
		if b := s[i]; b != word[i] && b|0x20 != word[i] {
			return false
		}
	}
	return true
}

// isWordByte reports a byte of a word: a cue's word must start one.
func isWordByte(b byte) bool {
	return 'a' <= b|0x20 && b|0x20 <= 'z' || '0' <= b && b <= '9' || b == '_' || b >= 0x80
}

// maxNamed is how many codes the suggestion names before "and N more".
const maxNamed = 3

// suggestRetryable is the warning about the codes of cat not declared
// retryable whose message, description or solution says the error is
// transient, or nil when there are none. A code documented only with
// statuses 429 and 503 is left out: it is retryable already.
func suggestRetryable(cfg *config.Config, c *config.Catalog, cat *catalog.Catalog) *catalog.Diagnostic {
	type said struct {
		words string
		other bool // documented with a status besides 429 and 503
	}
	says := map[string]*said{}
	for _, e := range cat.Entries {
		if e.Retryable {
			continue
		}
		if _, done := says[e.Code]; done {
			continue
		}
		if p := cmp.Or(transient(e.Message), transient(e.Description), transient(e.Solution)); p != "" {
			says[e.Code] = &said{words: p}
		}
	}
	if len(says) == 0 {
		return nil
	}
	for _, e := range cat.Entries {
		if s, ok := says[e.Code]; ok && e.Status != 429 && e.Status != 503 {
			s.other = true
		}
	}
	// In the order of the catalog's codes; the words quoted are those of
	// the first.
	found := make([]string, 0, len(says))
	var first, phrase string
	for _, e := range cat.Entries {
		if s, ok := says[e.Code]; ok {
			if s.other {
				if first == "" {
					first, phrase = e.Code, s.words
				}
				found = append(found, e.Code)
			}
			delete(says, e.Code)
		}
	}
	if len(found) == 0 {
		return nil
	}
	named := strings.Join(found[:min(len(found), maxNamed)], ", ")
	if len(found) > maxNamed {
		named += fmt.Sprintf(" and %d more", len(found)-maxNamed)
	}
	var msg string
	if len(found) == 1 {
		msg = fmt.Sprintf("catalog %s: the documentation of %s says its error is transient (%q), but retryable: does not list it", c.ID, first, phrase)
	} else {
		msg = fmt.Sprintf("catalog %s: the documentation of %d codes says their errors are transient (%s: %q), but retryable: does not list them: %s", c.ID, len(found), first, phrase, named)
	}
	them := "them"
	if len(found) == 1 {
		them = "it"
	}
	line := append(slices.Clone(c.Retryable), found...)
	where := "add to the catalog"
	if len(c.Retryable) > 0 {
		where = "make its retryable: list"
	}
	if len(line) > maxLine {
		where += fmt.Sprintf(" (here the first %d of its %d codes)", maxLine, len(line))
		line = line[:maxLine]
	}
	msg += fmt.Sprintf("; errgen never declares a code retryable on its own: if a client may retry %s unchanged, later, %s: retryable: %s", them, where, flowList(line))
	return &catalog.Diagnostic{File: cfg.File, Where: fmt.Sprintf("line %d", c.RetryableLine), Message: msg}
}

// maxLine is how many codes the suggested retryable: line lists at most:
// past that, the line is no longer one to copy, and the warning says so.
const maxLine = 50

// plainCode is a code YAML reads back as the same text without quotes in
// a flow list (but for null, which is no text).
var plainCode = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$`)

// flowList writes codes as a YAML flow list, quoting those that need it.
func flowList(codes []string) string {
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = c
		if !plainCode.MatchString(c) || strings.EqualFold(c, "null") {
			parts[i] = strconv.Quote(c)
		}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
