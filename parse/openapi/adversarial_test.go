package openapi

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCyclicResponseRef: a response whose $ref chain loops is left out
// with a warning naming where the $ref is written, not dropped silently.
func TestCyclicResponseRef(t *testing.T) {
	for file, where := range map[string]string{
		"cyclic-response.yaml":    "/paths/~1a/get/responses/400",
		"self-ref-component.yaml": "/components/responses/BadRequest",
	} {
		t.Run(file, func(t *testing.T) {
			r, err := parseFile(t, filepath.Join("testdata", "adversarial", file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Entries) != 1 || r.Entries[0].Code != "NF" {
				t.Errorf("entries %+v, want NF only", r.Entries)
			}
			var found bool
			for _, w := range r.Report.Warnings {
				if strings.Contains(w.Where, where) && strings.Contains(w.Message, "cyclic") && strings.Contains(w.Message, "#/components/responses/") {
					found = true
				}
			}
			if !found {
				t.Errorf("warnings %v, want one at %s saying the $ref is cyclic", r.Report.Warnings, where)
			}
		})
	}
}
