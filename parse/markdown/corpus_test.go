package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/golden"
)

// shared is the read-only corpus the copies in testdata come from.
const shared = "../../../shared/corpus/vendors"

// TestCopiesMatchShared checks that the testdata copies are still the
// corpus's bytes.
func TestCopiesMatchShared(t *testing.T) {
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("%s absent: %v", shared, err)
	}
	for _, name := range []string{"alibaba-sts-assumerole", "alibaba-ram-error-messages", "alibaba-sts-error-messages"} {
		want := golden.ReadFile(t, filepath.Join(shared, name+".md"))
		got := golden.ReadFile(t, filepath.Join("testdata", name, "input.md"))
		if !bytes.Equal(got, want) {
			t.Errorf("testdata/%s/input.md differs from %s/%s.md", name, shared, name)
		}
	}
	lic := golden.ReadFile(t, filepath.Join(shared, "LICENSE-alibabaclouddocs-ram"))
	if !bytes.Equal(golden.ReadFile(t, "testdata/LICENSE-alibabaclouddocs-ram"), lic) {
		t.Error("testdata/LICENSE-alibabaclouddocs-ram differs from the corpus's")
	}
}

// checkText fails when a text still holds Markdown a reader does not see.
func checkText(t *testing.T, e catalog.Entry) {
	t.Helper()
	for _, s := range []string{e.Code, e.Message, e.Description, e.Solution} {
		if strings.ContainsAny(s, `\`) || strings.Contains(s, "**") || strings.Contains(s, "](") ||
			s != strings.TrimSpace(s) || strings.Contains(s, "  ") || strings.Contains(s, "{#") {
			t.Errorf("%s: text keeps markup or spaces: %q", e.Code, s)
		}
	}
}

// statusCounts counts entries by status.
func statusCounts(entries []catalog.Entry) map[int]int {
	m := map[int]int{}
	for _, e := range entries {
		m[e.Status]++
	}
	return m
}

func TestAssumeRole(t *testing.T) {
	entries, report := parseFile(t, "alibaba-sts-assumerole", Options{File: "AssumeRole.md"})
	if len(report.Warnings) != 0 || report.SkippedRows != 0 || report.NonErrorRows != 0 {
		t.Errorf("report %+v, want none", report)
	}
	wantCodes := []string{"InvalidParameter", "InvalidParameter.RoleArn", "InvalidParameter.RoleSessionName",
		"InvalidParameter.DurationSeconds", "InvalidParameter.PolicyGrammar", "InvalidParameter.PolicySize",
		"NoPermission", "EntityNotExist.Role", "InternalError"}
	wantStatus := []int{400, 400, 400, 400, 400, 400, 403, 404, 500}
	if len(entries) != len(wantCodes) {
		t.Fatalf("%d entries, want %d", len(entries), len(wantCodes))
	}
	for i, e := range entries {
		if e.Code != wantCodes[i] || e.Status != wantStatus[i] {
			t.Errorf("entry %d is %d %s, want %d %s", i+1, e.Status, e.Code, wantStatus[i], wantCodes[i])
		}
		if e.Message == "" || e.Description == "" {
			t.Errorf("%s: message %q, description %q: want both", e.Code, e.Message, e.Description)
		}
		// The error table is the page's 3rd; the parameter tables before
		// it are not read.
		if e.Origin.Table != 3 || e.Origin.Caption != "Error codes" || e.Origin.Row != i+1 {
			t.Errorf("%s: origin %+v", e.Code, e.Origin)
		}
		checkText(t, e)
	}
	// "\(.\)" and "\_" read "(.)" and "_".
	if want := "The error message returned because the format of the RoleSessionName parameter is invalid. The value must be 2 to 32 characters in length and can contain letters, digits, periods (.), at signs (@), hyphens (-), and underscores (_)."; entries[2].Description != want {
		t.Errorf("description\n got %q\nwant %q", entries[2].Description, want)
	}
	if want := "The Min/Max value of DurationSeconds is 15min/1hr."; entries[3].Message != want {
		t.Errorf("message %q, want %q", entries[3].Message, want)
	}
	// A link whose destination has spaces keeps its words.
	if want := "see FAQ about RAM roles and STS tokens."; !strings.HasSuffix(entries[6].Description, want) {
		t.Errorf("description %q, want it to end in %q", entries[6].Description, want)
	}
}

func TestRAMErrorMessages(t *testing.T) {
	entries, report := parseFile(t, "alibaba-ram-error-messages", Options{File: "Error messages.md"})
	if len(report.Warnings) != 0 {
		t.Errorf("warnings: %v", report.Warnings)
	}
	// The corpus README says 78: that is the bold codes. Four more codes
	// are headings ("## InvalidParameter.AccountAlias.Length {#…}") with
	// their own status, message and solution bullets, so a reader finds
	// 82 codes, every one distinct.
	if len(entries) != 82 {
		t.Errorf("%d entries, want 82", len(entries))
	}
	want := map[int]int{400: 32, 403: 3, 404: 11, 409: 35, 500: 1}
	got := statusCounts(entries)
	for st, n := range want {
		if got[st] != n {
			t.Errorf("%d entries with status %d, want %d", got[st], st, n)
		}
	}
	seen := map[string]bool{}
	for _, e := range entries {
		if seen[e.Code] {
			t.Errorf("code %s twice", e.Code)
		}
		seen[e.Code] = true
		if e.Message == "" || e.Solution == "" || e.Origin.Line == 0 {
			t.Errorf("%s: message %q, solution %q, line %d", e.Code, e.Message, e.Solution, e.Origin.Line)
		}
		checkText(t, e)
	}
	// Group headings are not codes, glued or alone.
	for _, group := range []string{"InvalidParameter", "EntityNotExist", "EntityAlreadyExists", "DeleteConflict", "LimitExceeded"} {
		if seen[group] {
			t.Errorf("group heading %s read as a code", group)
		}
	}
	for code, line := range map[string]int{
		"InvalidParameter.UserName.InvalidChars": 9,
		"InvalidParameter.AccountAlias.Length":   177, // a heading with attributes
		"EntityNotExist.User":                    223, // glued to its group
		"EntityNotExist.Group":                   265,
		"InternalError":                          503,
	} {
		if !seen[code] {
			t.Errorf("code %s missing", code)
			continue
		}
		for _, e := range entries {
			if e.Code == code && e.Origin.Line != line {
				t.Errorf("%s at line %d, want %d", code, e.Origin.Line, line)
			}
		}
	}
	for _, e := range entries {
		switch e.Code {
		case "MalformedPolicyDocument":
			if e.Message != "{The error details}" || e.Status != 400 {
				t.Errorf("%s: %d %q", e.Code, e.Status, e.Message)
			}
		case "InvalidParameter.UserName.InvalidChars":
			if want := "Modify the value of UserName. The value can contain letters, numbers, periods (.), underscores (_), and hyphens (-)."; e.Solution != want {
				t.Errorf("solution %q, want %q", e.Solution, want)
			}
		}
	}
}

func TestSTSErrorMessages(t *testing.T) {
	entries, report := parseFile(t, "alibaba-sts-error-messages", Options{File: "Error messages.md"})
	if len(report.Warnings) != 0 {
		t.Errorf("warnings: %v", report.Warnings)
	}
	codes := []string{"InvalidParameter.RoleArn", "InvalidParameter.RoleSessionName", "InvalidParameter.DurationSeconds",
		"InvalidParameter.PolicyGrammar", "InvalidParameter.PolicySize", "NoPermission", "InternalError"}
	statuses := []int{400, 400, 400, 400, 400, 403, 500}
	if len(entries) != len(codes) {
		t.Fatalf("%d entries, want %d", len(entries), len(codes))
	}
	for i, e := range entries {
		if e.Code != codes[i] || e.Status != statuses[i] || e.Message == "" || e.Solution == "" {
			t.Errorf("entry %d: %+v, want %d %s with message and solution", i+1, e, statuses[i], codes[i])
		}
		checkText(t, e)
	}
	if entries[0].Origin.Line != 5 || entries[0].Message != "The parameter RoleArn is wrongly formed." {
		t.Errorf("first entry %+v", entries[0])
	}
}
