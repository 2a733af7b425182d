package support

import (
	"reflect"
	"strings"
	"testing"
)

func TestPlaceholders(t *testing.T) {
	p := func(text string, start, index int) Placeholder {
		return Placeholder{Text: text, Start: start, End: start + len(text), Index: index}
	}
	tests := []struct {
		tmpl string
		want []Placeholder
	}{
		{"", nil},
		{"Bad Request: {0}.", []Placeholder{p("{0}", 13, 0)}},
		{"{0} and {1} and {0}", []Placeholder{p("{0}", 0, 0), p("{1}", 8, 1), p("{0}", 16, 0)}},
		{"%(a)s%(b)d{x}{}{3}", []Placeholder{p("%(a)s", 0, -1), p("%(b)d", 5, -1), p("{x}", 10, -1), p("{}", 13, -1), p("{3}", 15, 3)}},
		{"%s %d %x", []Placeholder{p("%s", 0, -1), p("%d", 3, -1)}},
		{"100%% sure %%s", nil},
		{"{not a name} {\"json\": 1} { %( %()s %(k)x {0 trailing %", nil},
		{"π {π} {007}", []Placeholder{p("{π}", 3, -1), p("{007}", 8, 7)}},
		{"two\nlines {0}\n{1}", []Placeholder{p("{0}", 10, 0), p("{1}", 14, 1)}},
		{"{99999999999999999999}", []Placeholder{p("{99999999999999999999}", 0, 1<<30)}},
		{"Role ${roleId} of ${} and ${2}", []Placeholder{p("${roleId}", 5, -1), p("${}", 18, -1), p("${2}", 26, 2)}},
		{"$${x}", []Placeholder{p("${x}", 1, -1)}},
		{"$ $$ ${ ${a b} $", nil},
		{"${a b} {c}", []Placeholder{p("{c}", 7, -1)}},
	}
	for _, tt := range tests {
		if got := Placeholders(tt.tmpl); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Placeholders(%q) =\n%+v, want\n%+v", tt.tmpl, got, tt.want)
		}
	}
}

// FuzzPlaceholders holds Placeholders to errgenFormat: filling each
// placeholder found with its argument must give what errgenFormat gives.
func FuzzPlaceholders(f *testing.F) {
	for _, s := range []string{
		"Bad Request: {0}.", "{0} and {1} and {0}", "{} {}", "%(key)s is %(n)d", "%s %d %x",
		"100%% sure", "%%s", "{not a name}", `{"json": 1}`, "{a.b-c_d}", "{", "%()s", "%(k)x",
		"{0", "trailing %", "π {π} {0}", "two\nlines {0}\n{1}", "{12}", "%(a)s%(b)d{x}{}{3}",
		"{1} {} {0} {}", "{99999999999999999999}", "${a} ${} ${0}", "$${x}", "$ $$ ${ ${a b}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tmpl string) {
		args := make([]string, 20)
		for i := range args {
			args[i] = "\x00" + string(rune('a'+i)) + "\x00"
		}
		// Replay errgenFormat's argument assignment on the placeholders
		// found: {N} takes args[N], the others the next argument not taken.
		used := make([]bool, len(args))
		next := 0
		var b strings.Builder
		last := 0
		for _, p := range Placeholders(tmpl) {
			if p.Start < last || p.End <= p.Start || tmpl[p.Start:p.End] != p.Text {
				t.Fatalf("%q: placeholder %+v out of place", tmpl, p)
			}
			b.WriteString(tmpl[last:p.Start])
			last = p.End
			index := p.Index
			if index < 0 {
				for next < len(args) && used[next] {
					next++
				}
				index = next
			}
			if index < len(args) {
				used[index] = true
				b.WriteString(args[index])
			} else {
				b.WriteString(p.Text)
			}
		}
		b.WriteString(tmpl[last:])
		if got, want := b.String(), errgenFormat(tmpl, args); got != want {
			t.Errorf("%q: filling Placeholders gives %q, errgenFormat %q", tmpl, got, want)
		}
	})
}
