package textsafe

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"tab\tand\nnewline", "tab\tand\nnewline"},
		{"\x1b]0;owned\x07title", `\x1b]0;owned\x07title`},
		{"\x1b[2J", `\x1b[2J`},
		{"NUL\x00", `NUL\x00`},
		{"C1 \u009b31m", `C1 \u009b31m`},
		{"abc\u202eexe.txt", `abc\u202eexe.txt`},
		{"\u2066isolate\u2069", `\u2066isolate\u2069`},
		{"\ufeffBOM", `\ufeffBOM`},
		{"bad \xff\xfe bytes", `bad \xff\xfe bytes`},
		{"real \ufffd kept", "real \ufffd kept"},
		{"日本語 stays", "日本語 stays"},
		{"carriage\rreturn", `carriage\x0dreturn`},
	} {
		if got := Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLine(t *testing.T) {
	got := Line("IAM.0001\n::warning::pwned\r\n\tx")
	want := `IAM.0001\n::warning::pwned\x0d\n\tx`
	if got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "a\x1b[31mb", "\u202e", "\xff", "x\n::error::y", "\ufeff\u200b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Escape(s)
		if !utf8.ValidString(e) {
			t.Fatalf("Escape(%q) = %q: not UTF-8", s, e)
		}
		for _, r := range e {
			if Hidden(r) {
				t.Fatalf("Escape(%q) = %q keeps %U", s, e, r)
			}
		}
		if Clean(s) && e != s {
			t.Fatalf("Escape changed clean %q to %q", s, e)
		}
		l := Line(s)
		if strings.ContainsAny(l, "\n\r") {
			t.Fatalf("Line(%q) = %q has a line break", s, l)
		}
	})
}
