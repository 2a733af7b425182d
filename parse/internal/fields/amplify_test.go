package fields

import (
	"fmt"
	"strings"
	"testing"
)

// Review finding: {"errors": [4000 codes]} in a 66 KB cell gave 4000
// bodies, each with the whole object as its example: 333 MB of catalog
// JSON and 2 s. The examples of one text are bounded by eight times its
// size; the bodies past it say ExampleLeftOut.
func TestBodiesExampleBound(t *testing.T) {
	codes := make([]string, 4000)
	for i := range codes {
		codes[i] = fmt.Sprintf(`{"code":"A%d","message":"m"}`, i)
	}
	text := `{"errors":[` + strings.Join(codes, ",") + `]}`
	bodies, err := Bodies(text)
	if err != nil || len(bodies) != 4000 {
		t.Fatalf("%d bodies, %v; want 4000", len(bodies), err)
	}
	total, left := 0, 0
	for i, b := range bodies {
		total += len(b.Example)
		if b.ExampleLeftOut {
			left++
			if b.Example != "" {
				t.Errorf("body %d: example kept and left out", i)
			}
		} else if b.Example == "" {
			t.Errorf("body %d: no example, not left out", i)
		}
		if b.Code != fmt.Sprintf("A%d", i) {
			t.Errorf("body %d: code %q", i, b.Code)
		}
	}
	if total > 8*len(text) || left == 0 || bodies[0].Example == "" {
		t.Errorf("examples of %d bytes for a text of %d, %d left out; want at most %d bytes, the first kept", total, len(text), left, 8*len(text))
	}
	// A few codes in an array keep the whole body each, as before.
	few, _ := Bodies(`{"errors":[{"code":"A"},{"code":"B"}]}`)
	if len(few) != 2 || few[0].Example != few[1].Example || few[1].ExampleLeftOut {
		t.Errorf("bodies %+v, want two with the whole body as example", few)
	}
}
