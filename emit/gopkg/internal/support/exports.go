package support

import (
	_ "embed"
)

// This file is not copied into generated packages: it is what the emitter
// uses of this package at generation time.

// Source is the text of support.go, which the emitter copies into every
// generated package.
//
//go:embed support.go
var Source string

// SCIMSource is the text of scim.go, which the emitter copies into the
// SCIM base package only (next to support.go, which it uses).
//
//go:embed scim.go
var SCIMSource string

// Literals is how specific a template line is: its literal characters,
// placeholders left out. Generated Match tries templates most specific
// first, so the emitter orders them with the same measure the generated
// Info.Match uses.
func Literals(line string) int { return errgenLiterals(line) }

// Placeholder is one placeholder of a message template, as generated
// Format and Match see it.
type Placeholder struct {
	Text       string // verbatim: "{0}", "{name}", "{}", "${name}", "%(key)s", "%s" or "%d"
	Start, End int    // byte offsets of Text in the template
	Index      int    // N of {N}; -1 for positional placeholders
}

// Placeholders returns the placeholders of template in order of
// appearance, found by errgenNext, the scanner generated Format and Match
// run, so that what the emitter and other errgen packages see of a template
// cannot drift from what generated code does with it.
func Placeholders(template string) []Placeholder {
	var out []Placeholder
	for i := 0; ; {
		start, end, index := errgenNext(template, i)
		if start == len(template) {
			return out
		}
		out = append(out, Placeholder{Text: template[start:end], Start: start, End: end, Index: index})
		i = end
	}
}
