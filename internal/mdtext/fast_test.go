package mdtext

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The escapers as written before their fast paths, which skip the
// builder when nothing is escaped: the fast paths must give the same.

func slowLine(d dialect, s string) string {
	s = strings.ReplaceAll(clean(s), "\n", " ")
	lead, body, trail := splitSpace(s)
	var b strings.Builder
	ref(&b, lead)
	d.lineStart(&b, body, trail != "")
	ref(&b, trail)
	return b.String()
}

func slowLines(d dialect, s string) string {
	lines := strings.Split(clean(s), "\n")
	for i, l := range lines {
		lines[i] = slowLine(d, l)
	}
	return strings.Join(lines, "\\\n")
}

func slowCell(s string) string {
	s = clean(s)
	var b strings.Builder
	lead, body, trail := splitSpace(s)
	ref(&b, lead)
	for i, line := range strings.Split(body, "\n") {
		if i > 0 {
			b.WriteString("<br>")
		}
		gfm.inline(&b, line, false)
	}
	ref(&b, trail)
	return b.String()
}

func checkFast(t *testing.T, s string) {
	t.Helper()
	for _, d := range []dialect{gfm, openAPI} {
		if got, want := d.line(s), slowLine(d, s); got != want {
			t.Errorf("line(%q) = %q, want %q", s, got, want)
		}
		if got, want := d.lines(s), slowLines(d, s); got != want {
			t.Errorf("lines(%q) = %q, want %q", s, got, want)
		}
	}
	if got, want := Cell(s), slowCell(s); got != want {
		t.Errorf("Cell(%q) = %q, want %q", s, got, want)
	}
}

func TestFastPaths(t *testing.T) {
	pieces := []string{"a", "word", " ", "\t", "\n", "#", "+", "-", "=", ">", ":", "1.", "12)", "3", "*", "_", "~", "$", "`", "[", "]", "|", "@", "\\",
		"&", "&amp;", "<", "<b", "!", "://", "http", "www", ".", "é", "\u202e", "\x00", "\xff", "{0}"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkFast(t, b.String())
	}
}

func FuzzFastPaths(f *testing.F) {
	f.Add("The parameter {0} is invalid.")
	f.Fuzz(func(t *testing.T, s string) { checkFast(t, s) })
}
