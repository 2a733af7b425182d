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
	"github.com/errgen/errgen/internal/golden"
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
	if f, ok := parserHostile[name]; ok {
		return f()
	}
	h := hostile[name]
	return []byte(h.head + strings.Repeat(h.repeat, h.n) + h.tail)
}

// parserHostile are attacks on the HTML parser rather than on the grid:
// pages that make html.Parse build far more nodes than the page has
// bytes, and pages right under the density htmlsafe refuses.
var parserHostile = map[string]func() []byte{
	// 500 distinct unclosed <b> that html.Parse clones at every
	// paragraph: 60 KB made six million nodes.
	"reconstruct": func() []byte {
		var b strings.Builder
		b.WriteString("<p>")
		for i := range 500 {
			fmt.Fprintf(&b, "<b a%d>", i)
		}
		b.WriteString(strings.Repeat("<p>x", 15000))
		return []byte(b.String())
	},
	// The same through misnesting: the adoption agency algorithm closes
	// each <b> around the <i> in it, and </p> pops the <i>, which stay in
	// the list of active formatting elements: 60 KB made 5 million nodes.
	"misnested": func() []byte {
		var b strings.Builder
		for i := range 300 {
			fmt.Fprintf(&b, "<p><b a%d><i a%d></b></p>", i, i)
		}
		b.WriteString(strings.Repeat("<p>x", 15000))
		return []byte(b.String())
	},
	// Two nodes per 4 bytes, a text and a paragraph.
	"dense-tags": func() []byte { return []byte(strings.Repeat("x<p>", 1<<20)) },
	// Implied rows: </tr><td> makes a <tr> and a <td>.
	"implied": func() []byte { return []byte("<table>" + strings.Repeat("<td></tr>", 1<<19)) },
	// 100 distinct attributes per tag, three bytes each.
	"attributes": func() []byte {
		var b strings.Builder
		for b.Len() < 4<<20 {
			b.WriteString("<p")
			for i := range 100 {
				fmt.Fprintf(&b, " %02x", i)
			}
			b.WriteString(">")
		}
		return []byte(b.String())
	},
	// Just under the density limit: the most nodes, and the most
	// attributes, a page may have.
	"tags-at-limit": func() []byte { return []byte(strings.Repeat("<p>abcdefghij", 8<<20/13)) },
	"attributes-at-limit": func() []byte {
		var b strings.Builder
		for b.Len() < 8<<20 {
			b.WriteString("<p")
			for i := range 100 {
				fmt.Fprintf(&b, " %07x", i)
			}
			b.WriteString(">")
		}
		return []byte(b.String())
	},
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
	var names []string
	for name := range hostile {
		names = append(names, name)
	}
	for name := range parserHostile {
		names = append(names, name)
	}
	for _, name := range names {
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
		f.Add(golden.ReadFile(f, p))
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

// TestDensePage: a page with more markup per byte than the HTML parser may
// turn into nodes is a Diagnostic naming the file, what was counted and
// the limit, before anything is parsed.
func TestDensePage(t *testing.T) {
	for _, name := range []string{"dense-tags", "implied", "attributes"} {
		_, _, err := Parse(hostilePage(name), Options{File: name + ".html"})
		var d *catalog.Diagnostic
		if !errors.As(err, &d) || d.File != name+".html" {
			t.Fatalf("%s: got %v, want a Diagnostic naming the file", name, err)
		}
		for _, s := range []string{"'<'", "runs of white space", "over the limit of"} {
			if !strings.Contains(d.Message, s) {
				t.Errorf("%s: %q lacks %q", name, d.Message, s)
			}
		}
	}
}
