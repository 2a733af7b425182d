package gopkg

import "github.com/errgen/errgen/emit/gopkg/internal/support"

// Placeholder is one placeholder of a message template.
type Placeholder struct {
	// Text is the placeholder verbatim: "{0}", "{name}", "${name}", "{}", "%(key)s",
	// "%s" or "%d".
	Text string
	// Start and End are the byte offsets of Text in the template.
	Start, End int
	// Index is N for {N}, which takes args[N], and -1 for the positional
	// placeholders, which take the next argument not taken yet. An N too
	// large for any call saturates at 1<<30.
	Index int
}

// Placeholders returns the placeholders of a message template in order of
// appearance. It is the placeholder grammar of generated packages (see
// "Placeholders and matching" in the package doc): generated Info.Format
// fills exactly these, and Match captures exactly these, because both run
// the same scanner. "%%" is literal text, as is anything in braces that is
// not a name ("{not a name}", JSON). No placeholder spans lines, so the
// placeholders of a template are those of its lines, which Match treats as
// templates of their own.
func Placeholders(template string) []Placeholder {
	ps := support.Placeholders(template)
	if ps == nil {
		return nil
	}
	out := make([]Placeholder, len(ps))
	for i, p := range ps {
		out[i] = Placeholder(p) // a conversion: the two structs cannot drift apart unnoticed
	}
	return out
}
