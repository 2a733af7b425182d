package openapi

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// fanOut is the reviewer's spec: schemas S0..S3 each allOf k copies of a
// $ref to the next, and S4 holds code and message, used as a 400
// response schema. Followed path by path, S4 is reached k⁴ times.
func fanOut(k int) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo: {title: fan-out, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n" +
		"        '400':\n          description: Bad.\n          content:\n            application/json:\n" +
		"              schema: {$ref: '#/components/schemas/S0'}\n" +
		"components:\n  schemas:\n")
	for d := range 4 {
		fmt.Fprintf(&b, "    S%d:\n      allOf:\n", d)
		for range k {
			fmt.Fprintf(&b, "        - $ref: '#/components/schemas/S%d'\n", d+1)
		}
	}
	b.WriteString("    S4:\n      type: object\n      properties:\n        code: {type: string, enum: [E1, E2]}\n        message: {type: string}\n")
	return []byte(b.String())
}

// propFanOut is an error schema with p object properties that all $ref
// the schema itself and none of which is a code: the search for the
// code field, level by level, would queue p³ objects.
func propFanOut(p int) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo: {title: fan-out, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n" +
		"        '400':\n          description: Bad.\n          content:\n            application/json:\n" +
		"              schema: {$ref: '#/components/schemas/S'}\n" +
		"              example: {code: E1}\n" +
		"components:\n  schemas:\n    S:\n      type: object\n      properties:\n")
	for i := range p {
		fmt.Fprintf(&b, "        p%d: {$ref: '#/components/schemas/S'}\n", i)
	}
	return []byte(b.String())
}

// parseCounted parses data, counting the schemas props and decls enter
// (testVisit), and fails if that takes more than 2s. A parse that still
// fans out would run for minutes, so it is given up on after 10s rather
// than left to the test binary's timeout.
func parseCounted(t *testing.T, name string, data []byte) (*Result, int) {
	t.Helper()
	var visits int
	testVisit = func() { visits++ }
	type parsed struct {
		r      *Result
		err    error
		visits int
	}
	done := make(chan parsed, 1)
	start := time.Now()
	go func() {
		r, err := Parse(data, Options{File: "fanout.yaml"})
		testVisit = nil
		done <- parsed{r, err, visits}
	}()
	var res parsed
	select {
	case res = <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("parse of %s (%d bytes) still running after 10s; want well under 2s", name, len(data))
	}
	took := time.Since(start)
	if res.err != nil {
		t.Fatal(res.err)
	}
	t.Logf("%s (%d bytes): %v, %d schema visits", name, len(data), took, res.visits)
	if took > 2*time.Second {
		t.Errorf("parse of %s took %v (%d bytes), want well under 2s", name, took, len(data))
	}
	return res.r, res.visits
}

// TestAllOfFanOut: a schema reached again through allOf is not walked
// again, so the reviewer's 14 KB spec (k=80) that took minutes parses at
// once, and finds the code and message all the same.
func TestAllOfFanOut(t *testing.T) {
	for _, k := range []int{80, 300} {
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			r, visits := parseCounted(t, fmt.Sprintf("the k=%d allOf fan-out", k), fanOut(k))
			if got := r.Envelope.Shapes; len(got) != 1 || got[0].Code != "/code" || got[0].Message != "/message" {
				t.Errorf("shapes = %+v, want code /code and message /message", got)
			}
			if len(r.Entries) != 2 || r.Entries[0].Code != "E1" || r.Entries[1].Code != "E2" {
				t.Errorf("entries = %+v, want E1 and E2 under 400", r.Entries)
			}
			// Each of the 5 schemas is entered at most once per depth and
			// per walk, whatever k: the k members are only looked at.
			if visits > 100 {
				t.Errorf("%d schema visits for k=%d, want at most 100: 5 schemas, whatever k", visits, k)
			}
		})
	}
}

// TestPropertyFanOut: the search for the code field looks into each
// schema once, however many properties lead to it.
func TestPropertyFanOut(t *testing.T) {
	r, visits := parseCounted(t, "the 200-property fan-out", propFanOut(200))
	// The example still gives the code.
	if len(r.Entries) != 1 || r.Entries[0].Code != "E1" {
		t.Errorf("entries = %+v, want E1 from the example", r.Entries)
	}
	if visits > 10 {
		t.Errorf("%d schema visits, want a handful: S is one schema", visits)
	}
}

// enumFanOut is fanOut inside the code property: C0..C3 each allOf k
// $refs to the next, and C4 is the enum. Followed path by path, the enum
// is declared k⁴ times, at one place.
func enumFanOut(k int) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo: {title: fan-out, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n" +
		"        '400':\n          description: Bad.\n          content:\n            application/json:\n" +
		"              schema:\n                type: object\n                properties:\n" +
		"                  code: {$ref: '#/components/schemas/C0'}\n" +
		"components:\n  schemas:\n")
	for d := range 4 {
		fmt.Fprintf(&b, "    C%d:\n      allOf:\n", d)
		for range k {
			fmt.Fprintf(&b, "        - $ref: '#/components/schemas/C%d'\n", d+1)
		}
	}
	b.WriteString("    C4: {type: string, enum: [E1, E2]}\n")
	return []byte(b.String())
}

// TestEnumFanOut: the codes an enum reached through many $refs declares
// are read once, and are no repeats: they are written at one place.
func TestEnumFanOut(t *testing.T) {
	r, visits := parseCounted(t, "the k=80 enum fan-out", enumFanOut(80))
	if len(r.Entries) != 2 || r.Entries[0].Code != "E1" || r.Entries[1].Code != "E2" || r.Entries[0].Origin.Pointer != "/components/schemas/C4/enum/0" {
		t.Errorf("entries = %+v, want E1 and E2 from /components/schemas/C4/enum", r.Entries)
	}
	if len(r.Report.Warnings) != 0 {
		t.Errorf("warnings = %v, want none: each code is written once", r.Report.Warnings)
	}
	if visits > 100 {
		t.Errorf("%d schema visits, want at most 100: 5 schemas, whatever k", visits)
	}
}

// exampleFanOut has n operations whose 400 $refs one response, whose
// schema has n examples of one code and message.
func exampleFanOut(n int) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.1.0\ninfo: {title: fan-out, version: '1'}\npaths:\n")
	for i := range n {
		fmt.Fprintf(&b, "  /a%d:\n    get:\n      responses:\n        '400': {$ref: '#/components/responses/E'}\n", i)
	}
	b.WriteString("components:\n  responses:\n    E:\n      description: Bad.\n      content:\n        application/json:\n" +
		"          schema: {$ref: '#/components/schemas/S'}\n  schemas:\n    S:\n      type: object\n" +
		"      properties: {code: {type: string}, message: {type: string}}\n      examples:\n")
	for i := range n {
		fmt.Fprintf(&b, "        - {code: X, message: M, n: %d}\n", i)
	}
	return []byte(b.String())
}

// TestExampleFanOut: examples shared by many responses are read once,
// not once per response (n² reads, and n³ scans of what they found: 9s
// for this 125 KB document).
func TestExampleFanOut(t *testing.T) {
	const n = 1000
	r, _ := parseCounted(t, "1000 responses sharing 1000 examples", exampleFanOut(n))
	if len(r.Entries) != 1 || len(r.Entries[0].Operations) != n || len(r.Entries[0].Examples) != n {
		t.Fatalf("%d entries, want one: X under 400 with %d operations and %d examples", len(r.Entries), n, n)
	}
}
