package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

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
