package build

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestTransient calibrates the suggestion on vendor texts: what says the
// error goes away by itself, and what asks for a fix before a retry.
func TestTransient(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Concurrency conflicts. Try again later.", "Try again later"},
		{"Try again later or contact customer service.", "Try again later"},
		{"Check whether any conflicts occur during the service-linked agency creation and try again later.", "try again later"},
		{"Other commands are being executed. Try again 1 minute later.", "Try again 1 minute later"},
		{"Please try again in a few minutes.", "try again in a few minutes"},
		{"Try  again\nlater.", "Try again later"},
		{"RETRY LATER", "RETRY LATER"},
		{"Rate exceeded, retry after {0} seconds.", "retry after {0} seconds"},
		{"Retry after 30 seconds.", "Retry after 30 seconds"},
		{"Retry the request after some time.", "Retry the request after some time"},
		{"The server is busy. Please retry.", "Please retry"},
		{"The service is temporarily unavailable.", "temporarily unavailable"},
		{"Wait a few minutes and try again.", "Wait a few minutes and try again"},
		{"Vorübergehend: try again shortly", "try again shortly"},

		{"Check whether the request parameters conflict and try again.", ""},
		{"Login credentials cannot be verified. Please try again.", ""},
		{"Detach the permission set and try again.", ""},
		{"The start time cannot be later than the end time.", ""},
		{"Failed to retry the task.", ""},
		{"Please retry with a valid token.", ""},
		{"Retry after fixing the parameters.", ""},
		{"The Retry-After header says when.", ""},
		{"Wait until the ECS is stopped and try again.", ""},
		{"The temporary credential is invalid.", ""},
		{"", ""},
	} {
		if got := transient(tc.text); got != tc.want {
			t.Errorf("transient(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestClosest: case first, then one or two edits, never a guess among
// many.
func TestClosest(t *testing.T) {
	codes := []string{"IdentityCenter.1006", "IdentityCenter.1007", "IdentityCenter.1008", "IdentityCenter.1009", "Ecs.0603", "Busy"}
	for _, tc := range []struct {
		code string
		want []string
	}{
		{"identitycenter.1006", []string{"IdentityCenter.1006"}},
		{"IdentityCenter.10066", []string{"IdentityCenter.1006"}},
		{"IdentityCenter.100", nil}, // four at one edit: no guess
		{"Ecs.603", []string{"Ecs.0603"}},
		{"Bsy", []string{"Busy"}},
		{"Bz", nil},
		{"Nothing.Alike", nil},
	} {
		if got := closest(tc.code, codes); strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("closest(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
}

// TestFlowList: the suggested line is YAML that reads back as the codes.
func TestFlowList(t *testing.T) {
	codes := []string{"IdentityCenter.1006", "404", "a: b", "#x", "null", "x,y", "[z]", `q"uote`, "true", "-lead"}
	line := flowList(codes)
	var back struct {
		R []string `yaml:"retryable"`
	}
	if err := yaml.Unmarshal([]byte("retryable: "+line), &back); err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	if strings.Join(back.R, "\x00") != strings.Join(codes, "\x00") {
		t.Errorf("%s reads back as %q, want %q", line, back.R, codes)
	}
	if !strings.HasPrefix(line, "[IdentityCenter.1006, 404, ") {
		t.Errorf("%s: plain codes are quoted", line)
	}
}
