package textsafe

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestInert(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"IdentityCenter.1000 is no longer documented", "IdentityCenter.1000 is no longer documented"},
		{"A.1\n::warning::pwned", `A.1\n::warning::pwned`},
		{"::error::pwned", `\x3a:error::pwned`},
		{"      ::stop-commands::tok", `      \x3a:stop-commands::tok`},
		{"\u00a0\u3000::notice::x", "\u00a0\u3000\\x3a:notice::x"},
		{"\t::debug::x", `\t::debug::x`}, // the tab is written \t: no longer space
		{"a::b", "a::b"},
		{"x ##[add-mask]s", `x #\x23[add-mask]s`},
		{"###[group]", `##\x23[group]`},
		{"##VSO[task.setvariable]", `#\x23VSO[task.setvariable]`},
		{"## heading [x]", "## heading [x]"},
		{"\x1b]52;c;eA==\x07", `\x1b]52;c;eA==\x07`},
		{"ok\rFAKE", `ok\x0dFAKE`},
	} {
		if got := Inert(tc.in); got != tc.want {
			t.Errorf("Inert(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestJSON(t *testing.T) {
	in := "\x1b[2J \u2028 \u202e \u009b \ufeff ##[add-mask]x \x7f"
	data, err := json.Marshal(map[string]string{"k": in})
	if err != nil {
		t.Fatal(err)
	}
	got := JSON(data)
	for _, esc := range []string{`\u001b`, `\u2028`, `\u202e`, `\u009b`, `\ufeff`, `#\u0023[`, `\u007f`} {
		if !bytes.Contains(got, []byte(esc)) {
			t.Errorf("JSON(%s) = %s: no %s", data, got, esc)
		}
	}
	var back map[string]string
	if err := json.Unmarshal(got, &back); err != nil || back["k"] != in {
		t.Errorf("JSON changed the value: %q, %v", back["k"], err)
	}
}

// commandLine reports whether GitHub's or Azure's runner would read line
// as a workflow command.
func commandLine(line string) bool {
	l := strings.ToLower(line)
	return strings.HasPrefix(strings.TrimLeftFunc(line, unicode.IsSpace), "::") ||
		strings.Contains(l, "##[") || strings.Contains(l, "##vso[")
}

func FuzzInert(f *testing.F) {
	for _, s := range []string{"", "::a::b", " \u00a0::x::y", "x\n::warning::y", "###[", "##vso[", "\x1b]0;t\x07", "\u202e\ufeff\xff", "#\n#["} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Inert(s)
		if !utf8.ValidString(out) || strings.ContainsAny(out, "\n\r") {
			t.Fatalf("Inert(%q) = %q: not one line of UTF-8", s, out)
		}
		for _, r := range out {
			if Hidden(r) {
				t.Fatalf("Inert(%q) = %q keeps %U", s, out, r)
			}
		}
		if commandLine(out) {
			t.Fatalf("Inert(%q) = %q reads as a workflow command", s, out)
		}
		if !commandLine(s) && Clean(s) && !strings.ContainsAny(s, "\n\t") && out != s {
			t.Fatalf("Inert changed harmless %q to %q", s, out)
		}
		// Composing: a prefix errgen writes keeps the line safe.
		if commandLine("  - " + out) {
			t.Fatalf("%q after a marker reads as a command", out)
		}
		data, _ := json.Marshal(s)
		j := JSON(data)
		var back string
		if err := json.Unmarshal(j, &back); err != nil || back != string([]rune(s)) {
			t.Fatalf("JSON(%s) = %s decodes to %q, %v", data, j, back, err)
		}
		if commandLine(string(j)) {
			t.Fatalf("JSON(%s) = %s reads as a command", data, j)
		}
		for _, r := range string(j) {
			if Hidden(r) {
				t.Fatalf("JSON(%s) = %s keeps %U", data, j, r)
			}
		}
	})
}

// InertCode keeps a line of code's tabs and escapes and defuses the rest
// as Inert does: it is how check prints the on-disk side of its diffs.
func TestInertCode(t *testing.T) {
	for in, want := range map[string]string{
		"+\tx := 1":                "+\tx := 1",
		"-\x1b]0;t\x07\u202e":      `-\x1b]0;t\x07\u202e`,
		"\t::error::x":             "\t\\x3a:error::x",
		" ##[error]x":              ` #\x23[error]x`,
		"--- a (on disk)\r":        `--- a (on disk)\x0d`,
		"-\u009b31m\u2028next":     `-\u009b31m\u2028next`,
		"+plain text, nothing odd": "+plain text, nothing odd",
	} {
		if got := InertCode(in); got != want {
			t.Errorf("InertCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	for _, tt := range []struct {
		in   string
		max  int
		want string
	}{
		{"colour", 24, `"colour"`},
		{"GITHUB_TOKEN_ghp_Sup3rS3cret", 12, `"GITHUB_TOKEN…"`},
		{"\x1b]0;x\x07", 24, `"\x1b]0;x\a"`},
		{"a\u202eb", 24, `"a\u202eb"`},
	} {
		if got := Excerpt(tt.in, tt.max); got != tt.want {
			t.Errorf("Excerpt(%q, %d) = %s, want %s", tt.in, tt.max, got, tt.want)
		}
	}
}
