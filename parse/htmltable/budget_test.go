package htmltable

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/errgen/errgen/catalog"
)

// hostile builds the attacks of testdata/adversarial at a size that
// exhausted memory before the budget: head, then the repeated part n
// times, then tail.
var hostile = map[string]struct {
	head, repeat, tail string
	n                  int
	where              string // how the message names the place
}{
	"colspan":   {"<table><tr><th>Code</th><th>Message</th></tr>", "<tr><td>C</td><td colspan=1000>x</td></tr>", "</table>", 14000, "table 1, row "},
	"rowspan":   {"<table><tr><th>Code</th><th>Message</th></tr><tr><td>C</td><td rowspan=65534 colspan=999>x</td></tr>", "<tr><td>C</td></tr>", "</table>", 30000, "table 1, row "},
	"emptyrows": {"<table><tr><th>Code</th><th>Message</th></tr><tr><td>C</td><td rowspan=0 colspan=999>x</td></tr>", "<tr></tr>", "</table>", 60000, "table 1, row "},
	"tables":    {"", "<table><tr><td colspan=1000>Code</td></tr></table>", "", 10000, ", header"},
	"nested":    {"", "<table><tr><th>Code</th></tr><tr><td>", strings.Repeat("word ", 40000), 100, ", row 1"},
}

func hostilePage(name string) []byte {
	h := hostile[name]
	return []byte(h.head + strings.Repeat(h.repeat, h.n) + h.tail)
}

// TestSpanBudget: each attack stops with one Diagnostic that names the
// file, the table and the row, and says what the limit is.
func TestSpanBudget(t *testing.T) {
	for name, h := range hostile {
		t.Run(name, func(t *testing.T) {
			src := hostilePage(name)
			start := time.Now()
			_, _, err := Parse(src, Options{File: "hostile.html"})
			var d *catalog.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("got %v, want a Diagnostic", err)
			}
			if d.File != "hostile.html" || !strings.Contains(d.Where, h.where) || !strings.Contains(d.Message, "limit of") ||
				!strings.Contains(d.Message, "colspan and rowspan") {
				t.Errorf("got %q", err)
			}
			// Generous for two loaded cores; the unbounded grid took
			// tens of seconds and gigabytes.
			if el := time.Since(start); el > 10*time.Second {
				t.Errorf("took %s", el)
			}
		})
	}
}

// peakFactor and peakSlack are the promise: a parse never needs more than
// peakFactor times the page's size plus peakSlack bytes (the Go runtime,
// the test binary and the page itself are in the slack).
const (
	peakFactor = 20
	peakSlack  = 96 << 20
)

// TestPeakMemory runs each attack in a child process, which reports its
// peak resident memory as the kernel counts it (ru_maxrss) or the most
// memory the Go runtime held, sampled every 2 ms, whichever is larger. The
// child gives up as soon as it passes the bound, so the unbounded grid
// fails quickly instead of taking the machine with it.
func TestPeakMemory(t *testing.T) {
	if name := os.Getenv("ERRGEN_PEAK_CHILD"); name != "" {
		peakChild(name)
		return
	}
	if runtime.GOOS != "linux" {
		t.Skip("reads ru_maxrss in kilobytes, as Linux reports it")
	}
	if testing.Short() {
		t.Skip("starts child processes")
	}
	for name := range hostile {
		t.Run(name, func(t *testing.T) {
			size := len(hostilePage(name))
			cmd := exec.Command(os.Args[0], "-test.run=^TestPeakMemory$", "-test.count=1")
			cmd.Env = append(os.Environ(), "ERRGEN_PEAK_CHILD="+name)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			var peak int
			if _, err := fmt.Sscanf(string(out), "peak %d", &peak); err != nil {
				t.Fatalf("child said %q", out)
			}
			limit := peakFactor*size + peakSlack
			t.Logf("page %d KB, peak %d MB (limit %d MB)", size>>10, peak>>20, limit>>20)
			if peak > limit {
				t.Errorf("peak resident memory %d MB for a %d KB page, want at most %d MB", peak>>20, size>>10, limit>>20)
			}
		})
	}
}

// peakChild parses one hostile page, prints "peak N" and exits 0, or
// exits 1 as soon as its memory passes the bound.
func peakChild(name string) {
	src := hostilePage(name)
	limit := uint64(peakFactor*len(src) + peakSlack)
	var peak atomic.Uint64
	sample := func() {
		s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
		metrics.Read(s)
		v := s[0].Value.Uint64()
		if v > peak.Load() {
			peak.Store(v)
		}
		if v > limit {
			fmt.Printf("%s: %d MB in use, over the limit of %d MB\n", name, v>>20, limit>>20)
			os.Exit(1)
		}
	}
	go func() {
		for {
			sample()
			time.Sleep(2 * time.Millisecond)
		}
	}()
	Parse(src, Options{File: name + ".html"})
	sample()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
		peak.Store(max(peak.Load(), uint64(ru.Maxrss)<<10))
	}
	fmt.Printf("peak %d\n", peak.Load())
	os.Exit(0)
}

// FuzzGrid lays out arbitrary tables with a small budget: the layout
// never panics, never charges a row past the budget without failing, and
// never lays out more than maxColumns slots in a row.
func FuzzGrid(f *testing.F) {
	pages, err := filepath.Glob("testdata/adversarial/*.html")
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range pages {
		f.Add(readFile(f, p))
	}
	f.Add([]byte(`<table><tr><td colspan=3>t</td></tr><tr><th rowspan=0>Status</th><th colspan=2>Code</th></tr><tr><td>400</td><td>X</td></tr></table>`))
	f.Fuzz(func(t *testing.T, src []byte) {
		tables, err := readTables(src, "f.html")
		if err != nil {
			var d *catalog.Diagnostic
			if !errors.As(err, &d) || d.File != "f.html" {
				t.Fatalf("error %#v, want a Diagnostic naming f.html", err)
			}
			return
		}
		b := newBudget(len(src))
		for _, tb := range tables {
			g := newGrid(tb.rows, b)
			for range tb.rows {
				before := b.left
				slots, err := g.next()
				if len(slots) > maxColumns {
					t.Fatalf("%d slots", len(slots))
				}
				if err != nil {
					if b.left >= 0 {
						t.Fatalf("budget error with %d left", b.left)
					}
					return
				}
				if b.left < 0 || before-b.left < len(slots)*holeCost {
					t.Fatalf("row of %d slots charged %d, %d left", len(slots), before-b.left, b.left)
				}
			}
		}
	})
}
