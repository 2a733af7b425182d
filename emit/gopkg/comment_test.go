package gopkg

import (
	"slices"
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	tests := map[string]string{
		"plain text":                    "plain text",
		"a\nb":                          "a b",
		"tab\tkept":                     "tab\tkept",
		"cr\r nul\x00 esc\x1b del\x7f":  "cr\ufffd nul\ufffd esc\ufffd del\ufffd",
		"\u2028\u2029\ufeff\u0085":      "\ufffd\ufffd\ufffd\ufffd",
		"bidi \u202eevil\u202c \u2066x": "bidi \ufffdevil\ufffd \ufffdx",
		"bad \xff\xc3(":                 "bad \ufffd\ufffd(",
		"zero\u200bwidth\u200c\u200d\u2060 marks \u200e\u200f\u061c": "zero\ufffdwidth\ufffd\ufffd\ufffd marks \ufffd\ufffd\ufffd",
		"*/ /* `\"} ü 错误": "*/ /* `\"} ü 错误",
	}
	for in, want := range tests {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLines(t *testing.T) {
	got := lines("  first\n\n\t  second  \n\n//go:generate x\n\r\n\rcr\nwindows\r\nend\u00a0")
	want := []string{"first", "second", "//go:generate x", "\ufffdcr", "windows", "end"}
	if !slices.Equal(got, want) {
		t.Errorf("lines = %q, want %q", got, want)
	}
	for _, l := range got {
		if c := commentLine(l); !strings.HasPrefix(c, "// ") {
			t.Errorf("commentLine(%q) = %q", l, c)
		}
	}
	if commentLine("") != "//" {
		t.Error("blank comment line")
	}
}

func TestText(t *testing.T) {
	var d doc
	d.text(strings.Repeat("word ", 40) + strings.Repeat("x", 100))
	for i, l := range d {
		if len(l) > 76 && strings.Contains(l, " ") {
			t.Errorf("line %d has %d bytes: %q", i, len(l), l)
		}
	}
	if strings.Join(d, " ") != strings.TrimSpace(strings.Repeat("word ", 40))+" "+strings.Repeat("x", 100) {
		t.Errorf("text lost words: %q", d)
	}
}
