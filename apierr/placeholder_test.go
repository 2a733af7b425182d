package apierr

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
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

// FuzzPlaceholders holds Placeholders to Format: filling each
// placeholder found with its argument must give what Format gives.
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
		// Replay Format's argument assignment on the placeholders
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
		if got, want := b.String(), Format(tmpl, args); got != want {
			t.Errorf("%q: filling Placeholders gives %q, Format %q", tmpl, got, want)
		}
	})
}

func TestFormat(t *testing.T) {
	tests := []struct {
		tmpl string
		args []string
		want string
	}{
		{"No permission for action {0}.", []string{"sso:list"}, "No permission for action sso:list."},
		{"No permission for action {0}.", nil, "No permission for action {0}."},
		{"{1} before {0}", []string{"a", "b"}, "b before a"},
		{"{0} and {0}", []string{"a"}, "a and a"},
		{"{2}", []string{"a"}, "{2}"},
		{"{99999999999999999999999}", []string{"a"}, "{99999999999999999999999}"},
		{"Role {roleId} of {}", []string{"r1", "u1"}, "Role r1 of u1"},
		{"Role {roleId} of {}", []string{"r1"}, "Role r1 of {}"},
		{"%(key)s is %(value)d", []string{"k", "3"}, "k is 3"},
		{"%s: %d", []string{"x", "4"}, "x: 4"},
		// Positional placeholders skip arguments that {N} already took.
		{"{0} then %s then {}", []string{"a", "b", "c"}, "a then b then c"},
		{"{} then {0}", []string{"a", "b"}, "a then a"},
		{"{1} then {}", []string{"a", "b"}, "b then a"},
		{"100%% sure, %%s", []string{"x"}, "100%% sure, %%s"},
		{"literal {not a placeholder} {\"json\":1} {", []string{"x"}, "literal {not a placeholder} {\"json\":1} {"},
		{"%(empty)x %()s %(", []string{"x"}, "%(empty)x %()s %("},
		{"{é}", []string{"x"}, "x"},
		{"", []string{"x"}, ""},
		{"{0}{1}", []string{"a", "b"}, "ab"},
		// ${name} is one placeholder: the '$' goes with it.
		{"Role ${roleId} of ${}", []string{"r1", "u1"}, "Role r1 of u1"},
		{"${1} before ${0}", []string{"a", "b"}, "b before a"},
		{"Role ${roleId}.", nil, "Role ${roleId}."},
		{"${a}{b}%s", []string{"1", "2", "3"}, "123"},
		// Any other '$' is literal text.
		{"costs $ 5, $$ or $", []string{"x"}, "costs $ 5, $$ or $"},
		{"$${x}", []string{"v"}, "$v"},
		{"${ and ${a b} and ${\"json\":1}", []string{"x"}, "${ and ${a b} and ${\"json\":1}"},
		{"${a b} {c}", []string{"x"}, "${a b} x"},
		{"a$", []string{"x"}, "a$"},
	}
	for _, tt := range tests {
		if got := Format(tt.tmpl, tt.args); got != tt.want {
			t.Errorf("Format(%q, %q) = %q, want %q", tt.tmpl, tt.args, got, tt.want)
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		tmpl, msg string
		args      []string
		ok        bool
	}{
		{"No permission for action {0}.", "No permission for action sso:list.", []string{"sso:list"}, true},
		{"No permission for action {0}.", "No permission for action a.b.", []string{"a.b"}, true},
		{"No permission for action {0}.", "No permission for action .", []string{""}, true},
		{"No permission for action {0}.", "No permission for action x", nil, false},
		{"Access denied: {0}", "Access denied: x", []string{"x"}, true},
		{"Concurrency conflicts. Try again later.", "Concurrency conflicts. Try again later.", nil, true},
		{"Concurrency conflicts. Try again later.", "Concurrency conflicts.", nil, false},
		{"{1} before {0}", "b before a", []string{"b", "a"}, true},
		{"Role {roleId} of {} in %(key)s", "Role r1 of u1 in k", []string{"r1", "u1", "k"}, true},
		{"{0}{1}", "ab", []string{"", "ab"}, true},
		{"a{0}b{1}b", "axbbyb", []string{"x", "by"}, true},
		{"{0}", "", []string{""}, true},
		// The prefix and the suffix must not overlap.
		{"ab{0}ba", "aba", nil, false},
		{"100%% sure", "100%% sure", nil, true},
		// ${name}: a real message carries the value, never the '$'.
		{"Resource ${resourceId} not found.", "Resource r-1 not found.", []string{"r-1"}, true},
		{"Resource ${resourceId} not found.", "Resource $r-1 not found.", []string{"$r-1"}, true},
		{"${a}:${b}", "x:y", []string{"x", "y"}, true},
		{"${}", "v", []string{"v"}, true},
		{"Cost $${0}", "Cost $5", []string{"5"}, true},
		{"Cost $${0}", "Cost 5", nil, false},
		// Any other '$' is literal and must be in the message.
		{"Costs $ or $$", "Costs $ or $$", nil, true},
		{"Costs $ or $$", "Costs  or ", nil, false},
		{"Open ${ here", "Open ${ here", nil, true},
		{"Open ${ here {0}", "Open ${ here x", []string{"x"}, true},
		{"Bad ${a b}", "Bad ${a b}", nil, true},
		{"Bad ${a b}", "Bad x", nil, false},
	}
	for _, tt := range tests {
		args, ok := Match(tt.tmpl, tt.msg)
		if ok != tt.ok || !reflect.DeepEqual(args, tt.args) {
			t.Errorf("Match(%q, %q) = %q, %v; want %q, %v", tt.tmpl, tt.msg, args, ok, tt.args, tt.ok)
		}
	}
}

func TestMatchBest(t *testing.T) {
	templates := []string{
		"Bad Request:{0}.",
		"Bad Request: {0}.",
		"Request parameters error, private_key or certificate is nil or empty.\nRequest parameters error, {0} is empty.",
		"{0}",
	}
	tests := []struct {
		msg  string
		args []string
	}{
		{"Bad Request: x.", []string{"x"}},
		{"Bad Request:x.", []string{"x"}},
		{"Request parameters error, name is empty.", []string{"name"}},
		{"Request parameters error, private_key or certificate is nil or empty.", nil},
		{"anything", []string{"anything"}},
	}
	for _, tt := range tests {
		args, ok := matchBest(templates, tt.msg)
		if !ok || !reflect.DeepEqual(args, tt.args) {
			t.Errorf("matchBest(%q) = %q, %v; want %q", tt.msg, args, ok, tt.args)
		}
	}
	if _, ok := matchBest([]string{"a\n\nb", ""}, ""); ok {
		t.Error("an empty line matched the empty message")
	}
	// Equally specific: the first wins.
	args, _ := matchBest([]string{"x {0} y", "x {a} y"}, "x 1 y")
	if !reflect.DeepEqual(args, []string{"1"}) {
		t.Errorf("tie: %q", args)
	}
}

func TestLiterals(t *testing.T) {
	tests := map[string]int{
		"Bad Request: {0}.":   14,
		"Bad Request:{0}.":    13,
		"{0}{name}%s%(k)d{}":  0,
		"é {0}":               2,
		"100%% sure":          10,
		"{not placeholder}":   17,
		"":                    0,
		"Concurrency {x}.":    13,
		"%(k)s of %s and %d.": 10,
		"Role ${roleId}.":     6,
		"${}${0}$":            1,
		"$$ ${ ${a b}":        12,
	}
	for tmpl, want := range tests {
		if got := Literals(tmpl); got != want {
			t.Errorf("Literals(%q) = %d, want %d", tmpl, got, want)
		}
	}
}

func FuzzMatch(f *testing.F) {
	f.Add("No permission for action {0}.", "No permission for action x.")
	f.Add("{name} of %(k)s and %d{}", "a of b and cd")
	f.Add("%%s {}", "%%s x")
	f.Add("$${a} ${} $ ${b c}", "$1 2 $ ${b c}")
	f.Fuzz(func(t *testing.T, tmpl, msg string) {
		args, ok := Match(tmpl, msg)
		if !ok {
			return
		}
		for i := 0; ; {
			start, end, index := next(tmpl, i)
			if start == len(tmpl) {
				break
			}
			if index >= 0 {
				return // indexed placeholders reorder the arguments
			}
			i = end
		}
		if got := Format(tmpl, args); got != msg {
			t.Fatalf("Match(%q, %q) = %q, but Format gives back %q", tmpl, msg, args, got)
		}
	})
}

// naiveMatch is Match's definition, executed literally: each
// placeholder, left to right, takes the shortest text that lets the rest
// of the template match the rest of the message.
func naiveMatch(t, message string) ([]string, bool) {
	start, end, _ := next(t, 0)
	if start == len(t) {
		return nil, t == message
	}
	if !strings.HasPrefix(message, t[:start]) {
		return nil, false
	}
	rest := message[start:]
	next, _, _ := next(t, end)
	if next == len(t) { // the last placeholder: the suffix is anchored
		suffix := t[end:]
		if len(rest) < len(suffix) || !strings.HasSuffix(rest, suffix) {
			return nil, false
		}
		return []string{rest[:len(rest)-len(suffix)]}, true
	}
	for n := 0; n <= len(rest); n++ {
		if args, ok := naiveMatch(t[end:], rest[n:]); ok {
			return append([]string{rest[:n]}, args...), true
		}
	}
	return nil, false
}

// FuzzMatchNaive compares Match with naiveMatch: the same result for
// a message within maxScan, and never a wrong one beyond it.
func FuzzMatchNaive(f *testing.F) {
	f.Add("No permission for action {0}.", "No permission for action x.")
	f.Add("a{0}b{1}b", "axbbyb")
	f.Add("ab{0}ba", "aba")
	f.Add("{0}a{1}ab{2}", "aaabab")
	f.Add("{0} x {1}", strings.Repeat("a", maxScan+1))
	f.Add("$${a}x${b}", "$1x2")
	f.Fuzz(func(t *testing.T, tmpl, msg string) {
		if len(tmpl) > 64 || len(msg) > 2*maxScan+64 || (len(msg) > 256 && len(msg) <= maxScan) {
			return // naiveMatch is exponential in the placeholders
		}
		args, ok := Match(tmpl, msg)
		want, wantOK := naiveMatch(tmpl, msg)
		if ok && (!wantOK || !reflect.DeepEqual(args, want)) || !ok && wantOK && len(msg) <= maxScan {
			t.Fatalf("Match(%q, %q) = %q, %v; naive %q, %v", tmpl, msg, args, ok, want, wantOK)
		}
	})
}

// TestMatchLongMessage: 25,000 templates whose inner literals the message
// nearly contains, against a 1.2 MB message, took 27 s when every template
// searched the whole message. The bound is generous for two loaded cores;
// the scan cap makes it a few milliseconds.
func TestMatchLongMessage(t *testing.T) {
	templates := make([]string, 25000)
	for i := range templates {
		templates[i] = fmt.Sprintf("{0}a%05d{1}", i)
	}
	message := strings.Repeat("a", 1200_000)
	start := time.Now()
	for _, tmpl := range templates {
		if _, ok := Match(tmpl, message); ok {
			t.Fatalf("%q matched", tmpl)
		}
	}
	el := time.Since(start)
	t.Logf("25,000 templates × 1.2 MB: %s", el)
	if el > time.Second {
		t.Errorf("25,000 templates against a 1.2 MB message took %s, want well under 100 ms", el)
	}
	// The worst a message may cost: every template scans maxScan.
	message = strings.Repeat("a", maxScan)
	start = time.Now()
	for _, tmpl := range templates {
		Match(tmpl, message)
	}
	t.Logf("25,000 templates × %d bytes: %s", maxScan, time.Since(start))
	// A long message still fits a template with one placeholder.
	if args, ok := Match("Invalid value {0}.", "Invalid value "+message+message+"."); !ok || len(args[0]) != 2*maxScan {
		t.Errorf("one placeholder, long message: %v", ok)
	}
}

func TestPickEntry(t *testing.T) {
	type e struct {
		status  int
		message string
	}
	entries := []e{
		{409, "externalId has already been taken"},
		{409, "{0} has already been taken"},
		{400, "Bad {0}"},
		{0, ""},
		{404, "Group [{0}] not found.\nUser [{0}] not found."},
	}
	at := func(j int) (int, string) { return entries[j].status, entries[j].message }
	for _, tc := range []struct {
		status   int
		message  string
		want     int
		wantArgs []string
	}{
		{409, "externalId has already been taken", 0, nil}, // most specific
		{409, "userName has already been taken", 1, []string{"userName"}},
		{0, "userName has already been taken", 1, []string{"userName"}},
		{400, "Bad thing", 2, []string{"thing"}},
		{409, "Bad thing", 3, nil},                         // the entry without message or status fits first
		{404, "User [u-1] not found.", 4, []string{"u-1"}}, // a line of a template
		{500, "anything", 3, nil},
	} {
		got, args := pickEntry(len(entries), at, tc.status, tc.message)
		if got != tc.want || !slices.Equal(args, tc.wantArgs) {
			t.Errorf("pick(%d, %q) = %d %q, want %d %q", tc.status, tc.message, got, args, tc.want, tc.wantArgs)
		}
	}
	// Without the catch-all entry: a preferred status first, then any.
	entries = entries[:3]
	if got, _ := pickEntry(len(entries), at, 500, "Bad thing"); got != 2 {
		t.Errorf("fallback to another status = %d, want 2", got)
	}
	if got, _ := pickEntry(len(entries), at, 409, "nothing documented"); got != -1 {
		t.Errorf("no fit = %d, want -1", got)
	}
}

// A template full of '{' or '%(' that never closes costs linear time: a
// scan to the end of the template from each of them took minutes for a
// megabyte.
func TestPlaceholdersLinear(t *testing.T) {
	for _, unit := range []string{"{a", "%(a", "${a"} {
		tmpl := strings.Repeat(unit, 1<<20/len(unit))
		start := time.Now()
		if ps := Placeholders(tmpl); len(ps) != 0 {
			t.Errorf("%q repeated: %d placeholders, want none", unit, len(ps))
		}
		Match(tmpl+"}", "x")
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%q repeated over 1 MiB took %v", unit, d)
		}
	}
}
