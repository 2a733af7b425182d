package parse_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/parse"
)

// TestRegistry: every kind is complete, and names and keys are unique.
func TestRegistry(t *testing.T) {
	names := parse.Names()
	if len(names) == 0 {
		t.Fatal("no kinds")
	}
	seen := map[string]bool{}
	for _, name := range names {
		if seen[name] {
			t.Errorf("kind %s registered twice", name)
		}
		seen[name] = true
		k, ok := parse.Lookup(name)
		if !ok || k.Name != name || k.Parse == nil || k.Guess == nil || k.Summary == "" {
			t.Errorf("kind %s is incomplete: %+v", name, k)
		}
	}
	if _, ok := parse.Lookup("pdf"); ok {
		t.Error("Lookup(pdf) found a kind")
	}
	if got := parse.KindsFor(parse.KeyCodePointer); !slices.Equal(got, []string{"openapi"}) {
		t.Errorf("KindsFor(code_pointer) = %v", got)
	}
}

// TestGuess: the kind comes from the name and the content.
func TestGuess(t *testing.T) {
	scim := `{"schemas":["` + catalog.SCIMErrorSchema + `"],"status":"404"}`
	for _, tc := range []struct{ file, data, want string }{
		{"page.html", "<table></table>", "html-table"},
		{"page.HTM", "<table></table>", "html-table"},
		{"page.html", "<pre>" + scim + "</pre>", "scimdoc"},
		{"errors.txt", scim, "scimdoc"},
		{"notes.txt", "hello", ""},
		{"api.yaml", "openapi: 3.0.3\n", "openapi"},
		{"api.yml", "swagger: '2.0'\nentries: x\n", "openapi"},
		{"api.json", `{"info": {"x": [1, {"openapi": 1}]}, "openapi": "3.1.0"}`, "openapi"},
		{"api.json", "\ufeff  {\"swagger\": \"2.0\"}", "openapi"},
		{"cat.yaml", "title: x\nentries:\n  - code: a\n", "catalog"},
		{"x.pdf", "openapi: 3.0.3\n", ""},
	} {
		if got := parse.Guess(tc.file, []byte(tc.data)); got != tc.want {
			t.Errorf("Guess(%s, %.30q) = %q, want %q", tc.file, tc.data, got, tc.want)
		}
	}
}

// TestOptionsCheck: every bad setting names its key and what is wrong.
func TestOptionsCheck(t *testing.T) {
	for _, tc := range []struct {
		opts     parse.Options
		key, msg string
	}{
		{parse.Options{CodePointer: "code"}, "code_pointer", `"code": want a JSON pointer`},
		{parse.Options{CodePointer: "/a/*/b/*/c"}, "code_pointer", `at most one "*"`},
		{parse.Options{MessagePointer: "m"}, "message_pointer", `"m": want a JSON pointer`},
		{parse.Options{Columns: map[string]string{"cause": "Why"}}, "columns", `unknown role "cause"`},
		{parse.Options{Columns: map[string]string{"code": " "}}, "columns", "code: want a column's header text or its 1-based index"},
		{parse.Options{Columns: map[string]string{"code": "0"}}, "columns", "column indexes start at 1"},
		{parse.Options{Items: "errors"}, "items", `"errors": want a JSON pointer such as /errors`},
		{parse.Options{Fields: map[string]string{"code": "/a/*/b"}}, "fields", `code: "/a/*/b": a field is one member of an item`},
		{parse.Options{Fields: map[string]string{"kind": "/k"}}, "fields", `unknown role "kind"`},
	} {
		err := tc.opts.Check()
		if err == nil || err.Key != tc.key || !strings.Contains(err.Message, tc.msg) {
			t.Errorf("Check(%+v) = %v, want key %s and %q", tc.opts, err, tc.key, tc.msg)
		}
	}
	good := parse.Options{CodePointer: "/errors/*/code", MessagePointer: "/errors/*/message",
		Columns: map[string]string{"code": "Error", "status": "2"}, Items: "/services/*/errors", Fields: map[string]string{"code": "/id"}}
	if err := good.Check(); err != nil {
		t.Errorf("Check(good) = %v", err)
	}
	if got := good.Set(); !slices.Equal(got, []string{"columns", "code_pointer", "message_pointer", "items", "fields"}) {
		t.Errorf("Set() = %v", got)
	}
}

// TestExclude: codes match exactly, /patterns/ the whole code; an item
// that matches nothing is a warning.
func TestExclude(t *testing.T) {
	x, err := parse.CompileExclude([]string{"Other", `/Test\..*/`, "Gone"})
	if err != nil {
		t.Fatal(err)
	}
	entries := []catalog.Entry{{Code: "A"}, {Code: "Other"}, {Code: "Test.1"}, {Code: "XTest.1"}, {Code: "Others"}}
	var r catalog.Report
	got := x.Apply(entries, "f.md", &r)
	var codes []string
	for _, e := range got {
		codes = append(codes, e.Code)
	}
	if !slices.Equal(codes, []string{"A", "XTest.1", "Others"}) || r.Excluded != 2 {
		t.Errorf("kept %v, excluded %d", codes, r.Excluded)
	}
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0].Message, `exclude: "Gone" matches no code`) {
		t.Errorf("warnings = %v", r.Warnings)
	}
	for _, bad := range [][]string{{"/(/"}, {""}, {"/" + strings.Repeat("a", parse.MaxExcludePattern+1) + "/"}, make([]string, parse.MaxExclude+1)} {
		if _, err := parse.CompileExclude(bad); err == nil {
			t.Errorf("CompileExclude(%.20q) = nil error", bad)
		}
	}
}
