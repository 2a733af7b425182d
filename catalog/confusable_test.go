package catalog

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
)

type confusableCase struct {
	Attack string
	Codes  []string
	Warn   bool
}

func confusableCases(t testing.TB) []confusableCase {
	t.Helper()
	data, err := os.ReadFile("testdata/adversarial/confusable.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []confusableCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("confusable.json: %v", err)
	}
	return cases
}

func entriesOf(codes ...string) []Entry {
	var out []Entry
	for i, c := range codes {
		out = append(out, Entry{Code: c, Status: 400, Origin: Origin{Table: 1, Row: i + 1}})
	}
	return out
}

func TestConfusables(t *testing.T) {
	for _, tc := range confusableCases(t) {
		got := Confusables("page.html", entriesOf(tc.Codes...))
		if (len(got) > 0) != tc.Warn {
			t.Errorf("%s: %q gives %v, want a warning: %v", tc.Attack, tc.Codes, got, tc.Warn)
			continue
		}
		if !tc.Warn {
			continue
		}
		d := got[0]
		if len(got) != 1 || d.File != "page.html" || d.Where != "table 1, row 2" {
			t.Errorf("%s: got %v, want one warning at page.html: table 1, row 2", tc.Attack, got)
		}
		// Both codes are named, escaped so the difference shows.
		for _, c := range tc.Codes[:2] {
			if !strings.Contains(d.Message, strconv.QuoteToASCII(c)) {
				t.Errorf("%s: %q does not name %s", tc.Attack, d.Message, strconv.QuoteToASCII(c))
			}
		}
		if !strings.Contains(d.Message, "U+") && !strings.Contains(d.Message, "order") {
			t.Errorf("%s: %q does not say which characters differ", tc.Attack, d.Message)
		}
	}
}

// TestConfusablesOnce: a look-alike documented in several rows is
// reported once, and every look-alike of one code is reported.
func TestConfusablesOnce(t *testing.T) {
	got := Confusables("f", entriesOf("AUTH.1", "\u0410UTH.1", "\u0410UTH.1", "AUT\u041d.1", "AUTH.1"))
	if len(got) != 2 || got[0].Where != "table 1, row 2" || got[1].Where != "table 1, row 4" {
		t.Errorf("got %v, want warnings at rows 2 and 4", got)
	}
}

// FuzzConfusables: codes that are equal never warn, a code and its
// Cyrillic look-alike always do, and nothing panics.
func FuzzConfusables(f *testing.F) {
	for _, tc := range confusableCases(f) {
		f.Add(tc.Codes[0], tc.Codes[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ws := Confusables("f", entriesOf(a, b))
		if a == b && len(ws) > 0 {
			t.Errorf("%q twice warns: %v", a, ws)
		}
		if strings.Contains(a, "A") {
			look := strings.Replace(a, "A", "\u0410", 1)
			if ws := Confusables("f", entriesOf(a, look)); len(ws) != 1 {
				t.Errorf("%q and %q give %v, want one warning", a, look, ws)
			}
		}
	})
}
