package scimdoc

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScanWork counts the bytes balanced scans: on the bundled pages
// about the bytes of their examples, and on a page of braces that never
// balance at most the budget, 8 times the page plus 1 MiB, where the old
// search scanned each line's next 2000 lines (400 times the page).
func TestScanWork(t *testing.T) {
	for _, name := range []string{"ping", "iij", "iijhtml", "pinghtml", "malformed", "wrapped"} {
		inputs, _ := filepath.Glob(filepath.Join("testdata", name, "input.*"))
		data, err := os.ReadFile(inputs[0])
		if err != nil {
			t.Fatal(err)
		}
		p := &parser{file: name}
		lines, err := p.decode(data, "")
		if err != nil {
			t.Fatal(err)
		}
		p.budget = scanBudget(lines)
		if _, err := p.blocks(lines); err != nil {
			t.Fatal(err)
		}
		if p.scanned > len(data) {
			t.Errorf("%s: scanned %d bytes of a %d-byte page", name, p.scanned, len(data))
		}
	}
	page := strings.Repeat("{"+strings.Repeat("x", 99)+"\n", 20000)
	lines := textLines([]byte(page))
	p := &parser{budget: scanBudget(lines)}
	_, err := p.blocks(lines)
	var eb *errBudget
	if !errors.As(err, &eb) || p.scanned > 8*len(page)+1<<20 {
		t.Errorf("brace bomb: %v after %d bytes, want an errBudget within %d", err, p.scanned, 8*len(page)+1<<20)
	}
	t.Logf("brace bomb: refused on line %d after scanning %d bytes of a %d-byte page", eb.line, p.scanned, len(page))
}

// TestDecodeDepth: decode refuses more than maxDepth levels, without
// recursing through a megabyte of brackets.
func TestDecodeDepth(t *testing.T) {
	for n, want := range map[int]error{maxDepth: nil, maxDepth + 1: errDepth, 1 << 20: errDepth} {
		text := strings.Repeat("[", n) + strings.Repeat("]", n)
		if _, err := decode(text); err != want {
			t.Errorf("%d levels: %v, want %v", n, err, want)
		}
		text = strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n)
		if _, err := decode(text); err != want {
			t.Errorf("%d levels of objects: %v, want %v", n, err, want)
		}
	}
}
