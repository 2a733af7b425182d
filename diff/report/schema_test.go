package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diff"
	"github.com/errgen/errgen/diff/report"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(report.Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("report.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("report.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, data []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return s.Validate(v)
}

// TestSchemaValidatesReports validates every json golden of package diff,
// which are real reports of real-shaped pairs, against the schema.
func TestSchemaValidatesReports(t *testing.T) {
	s := compileSchema(t)
	files, _ := filepath.Glob("../testdata/report/*/want.json")
	if len(files) < 6 {
		t.Fatalf("found %d json reports, want the 6 goldens of package diff", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := validate(t, s, data); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	// An empty result is a report too.
	var buf bytes.Buffer
	if err := report.Write(&buf, "json", &diff.Result{}, report.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := validate(t, s, buf.Bytes()); err != nil {
		t.Errorf("empty report: %v", err)
	}
}

// TestSchemaRejects proves the schema is strict: each mutation of a real
// report must fail validation.
func TestSchemaRejects(t *testing.T) {
	s := compileSchema(t)
	data, err := os.ReadFile("../testdata/report/placeholder_solution_removed_status/want.json")
	if err != nil {
		t.Fatal(err)
	}
	mutations := map[string]func(m map[string]any){
		"unknown rule":        func(m map[string]any) { change(m)["rule"] = "error-something" },
		"bad level":           func(m map[string]any) { change(m)["level"] = "FATAL" },
		"short fingerprint":   func(m map[string]any) { change(m)["fingerprint"] = "abc" },
		"missing old":         func(m map[string]any) { delete(change(m), "old") },
		"extra change key":    func(m map[string]any) { change(m)["severity"] = 1 },
		"string status":       func(m map[string]any) { change(m)["status"] = "409" },
		"missing summary":     func(m map[string]any) { delete(m, "summary") },
		"bad bump":            func(m map[string]any) { m["summary"].(map[string]any)["bump"].(map[string]any)["level"] = "huge" },
		"ignored without why": func(m map[string]any) { delete(m["ignored"].([]any)[0].(map[string]any), "ignored_by") },
		"format 2":            func(m map[string]any) { m["format"] = 2 },
	}
	for name, mutate := range mutations {
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		mutate(m)
		out, _ := json.Marshal(m)
		if err := validate(t, s, out); err == nil {
			t.Errorf("%s: schema accepts it", name)
		}
	}
}

func change(m map[string]any) map[string]any {
	return m["changes"].([]any)[0].(map[string]any)
}

// TestWriteUnknownFormat checks the one error Write has.
func TestWriteUnknownFormat(t *testing.T) {
	err := report.Write(&bytes.Buffer{}, "yaml", &diff.Result{}, report.Options{})
	if err == nil || !strings.Contains(err.Error(), "text, json, markdown, githubactions, junit") {
		t.Errorf("got %v", err)
	}
}

// TestSchemaListsEveryRule: the schema's rule enum is diff's rules, so a
// report with a new rule still validates.
func TestSchemaListsEveryRule(t *testing.T) {
	var doc struct {
		Defs struct {
			Rule struct {
				Enum []string `json:"enum"`
			} `json:"rule"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(report.Schema, &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, id := range doc.Defs.Rule.Enum {
		got[id] = true
	}
	for _, id := range diff.RuleIDs() {
		if !got[id] {
			t.Errorf("rule %s is not in report.schema.json's $defs.rule.enum", id)
		}
	}
	if len(got) != len(diff.RuleIDs()) {
		t.Errorf("the schema lists %d rules, diff has %d", len(got), len(diff.RuleIDs()))
	}
}

// TestSchemaValidatesRetryable: a report of a code that became retryable,
// in every format, validates (json) and says so.
func TestSchemaValidatesRetryable(t *testing.T) {
	old := &catalog.Catalog{Entries: []catalog.Entry{{Status: 409, Code: "A.1", Message: "Busy."}}}
	new := &catalog.Catalog{Entries: []catalog.Entry{{Status: 409, Code: "A.1", Message: "Busy.", Retryable: true}}}
	r := diff.Compare(old, new, diff.Options{})
	var buf bytes.Buffer
	if err := report.Write(&buf, "json", r, report.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := validate(t, compileSchema(t), buf.Bytes()); err != nil {
		t.Errorf("%v\n%s", err, buf.Bytes())
	}
	buf.Reset()
	if err := report.Write(&buf, "text", r, report.Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "WARN  error-retryable-changed  A.1") || !strings.Contains(buf.String(), "A.1 is now retryable") {
		t.Errorf("text report:\n%s", buf.String())
	}
}
