package build_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
)

// retryCatalog is a hand-written catalog whose texts are those of real
// vendor pages: Identity Center's "Concurrency conflicts. Try again
// later." and its many "Check whether … and try again.", ECS's "Try again
// 1 minute later." and a flow control error documented with 503.
const retryCatalog = `entries:
  - {code: IdentityCenter.1006, status: 409, message: Concurrency conflicts. Try again later., solution: Check whether the request parameters conflict and try again.}
  - {code: IdentityCenter.1006, status: 400, message: Concurrency conflicts.}
  - {code: IdentityCenter.1319, status: 400, message: Login credentials cannot be verified. Please try again., solution: Check whether the login credential is correct and try again.}
  - {code: IdentityCenter.1258, status: 400, message: The start time cannot be later than the end time.}
  - {code: IdentityCenter.1210, status: 409, message: The permission set has been attached to accounts and cannot be deleted., solution: Detach the permission set and try again.}
  - {code: Common.0020, status: 400, message: Call redo api failed, description: Failed to retry the task.}
  - {code: Ecs.0603, status: 501, message: "The running state %s of ECS %s is unstable.", solution: Try again 1 minute later.}
  - {code: Ecs.0700, status: 500, message: The service is temporarily unavailable.}
  - {code: Common.1503, status: 503, message: Api flow control Error., solution: Too many APIs are being executed. Try again later.}
`

// retryConfig writes a config with the given retryable: line (none when
// "") for retryCatalog, and loads it.
func retryConfig(t *testing.T, retryable string) (*config.Config, []build.Loaded, error) {
	t.Helper()
	dir := t.TempDir()
	cfg := "version: 1\ncatalogs:\n  - id: acme/api\n    source: {kind: catalog, file: acme.yaml, url: https://acme.example/errors, exclude: [Gone.1]}\n    envelope: huaweicloud\n"
	if retryable != "" {
		cfg += "    " + retryable + "\n"
	}
	put(t, filepath.Join(dir, "errgen.yaml"), cfg)
	put(t, filepath.Join(dir, "acme.yaml"), retryCatalog+"  - {code: Gone.1, status: 400}\n")
	c, err := config.Load(filepath.Join(dir, "errgen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := build.Load(c)
	return c, loaded, err
}

// retryWarnings are the report's warnings about retryable codes.
func retryWarnings(l build.Loaded) []catalog.Diagnostic {
	var out []catalog.Diagnostic
	for _, w := range l.Report.Warnings {
		if strings.Contains(w.Message, "retryable") {
			out = append(out, w)
		}
	}
	return out
}

// TestRetryableSuggestion: one warning for the catalog names the codes
// whose documentation says the error is transient, and the exact line
// that declares them; "check … and try again", "please try again" after
// bad credentials, "later than" and "failed to retry" are not transient,
// and a code documented only with 503 is retryable already. Nothing is
// declared retryable by the suggestion.
func TestRetryableSuggestion(t *testing.T) {
	cfg, loaded, err := retryConfig(t, "")
	if err != nil {
		t.Fatal(err)
	}
	ws := retryWarnings(loaded[0])
	if len(ws) != 1 {
		t.Fatalf("warnings = %v, want one", ws)
	}
	w := ws[0]
	want := `catalog acme/api: the documentation of 3 codes says their errors are transient (IdentityCenter.1006: "Try again later"), but retryable: does not list them: IdentityCenter.1006, Ecs.0603, Ecs.0700; errgen never declares a code retryable on its own: if a client may retry them unchanged, later, add to the catalog: retryable: [IdentityCenter.1006, Ecs.0603, Ecs.0700]`
	if w.File != cfg.File || w.Where != "line 3" || w.Message != want {
		t.Errorf("warning = %s\nwant      %s: line 3: %s", w.Error(), cfg.File, want)
	}
	for _, e := range loaded[0].Catalog.Entries {
		if e.Retryable {
			t.Errorf("%s is retryable: a suggestion must never be applied", e.Code)
		}
	}
}

// TestRetryableDeclared: a listed code is retryable on every entry, the
// others not; once every suggested code is listed, there is no warning.
func TestRetryableDeclared(t *testing.T) {
	_, loaded, err := retryConfig(t, "retryable: [IdentityCenter.1006, Ecs.0603, Ecs.0700]")
	if err != nil {
		t.Fatal(err)
	}
	if ws := retryWarnings(loaded[0]); len(ws) != 0 {
		t.Errorf("warnings = %v, want none: every transient code is listed", ws)
	}
	n := 0
	for _, e := range loaded[0].Catalog.Entries {
		want := e.Code == "IdentityCenter.1006" || e.Code == "Ecs.0603" || e.Code == "Ecs.0700"
		if e.Retryable != want {
			t.Errorf("%s (status %d): retryable %v, want %v", e.Code, e.Status, e.Retryable, want)
		}
		if e.Retryable {
			n++
		}
	}
	if n != 4 {
		t.Errorf("%d retryable entries, want 4 (both of IdentityCenter.1006)", n)
	}

	// A list that misses one: the warning names it, and the line to
	// write is the whole list.
	_, loaded, err = retryConfig(t, "retryable: [Ecs.0603]")
	if err != nil {
		t.Fatal(err)
	}
	ws := retryWarnings(loaded[0])
	if len(ws) != 1 || ws[0].Where != "line 6" || !strings.HasSuffix(ws[0].Message, "make its retryable: list: retryable: [Ecs.0603, IdentityCenter.1006, Ecs.0700]") {
		t.Errorf("warnings = %v, want one at line 6 ending in the whole list", ws)
	}
}

// TestRetryableUnknownCode: a listed code the parsed catalog lacks is an
// error naming the config, the item's line, the code and the code meant.
func TestRetryableUnknownCode(t *testing.T) {
	for _, tc := range []struct{ list, want string }{
		{"retryable: [identitycenter.1006]", `line 6: catalog acme/api: retryable[0]: "identitycenter.1006" is not a code of the catalog; did you mean IdentityCenter.1006?`},
		{"retryable:\n      - Ecs.0603\n      - IdentityCentre.1006", `line 8: catalog acme/api: retryable[1]: "IdentityCentre.1006" is not a code of the catalog; did you mean IdentityCenter.1006?`},
		{"retryable: [Ecs.060]", `line 6: catalog acme/api: retryable[0]: "Ecs.060" is not a code of the catalog; did you mean Ecs.0603?`},
		{"retryable: [Throttling]", `line 6: catalog acme/api: retryable[0]: "Throttling" is not a code of the catalog; hint: list codes exactly as the source writes them`},
		{"retryable: [Gone.1]", `line 6: catalog acme/api: retryable[0]: "Gone.1" is not a code of the catalog: source: exclude: leaves it out; hint: remove it from one of the two lists`},
	} {
		cfg, _, err := retryConfig(t, tc.list)
		var d *catalog.Diagnostic
		if !errors.As(err, &d) || d.File != cfg.File || !strings.HasPrefix(err.Error(), cfg.File+": "+tc.want) {
			t.Errorf("%s:\n got %v\nwant %s: %s", tc.list, err, cfg.File, tc.want)
		}
	}
}

// TestRetryableHandWritten: a hand-written catalog's retryable: true is a
// declaration too: no suggestion for it, and it survives a config that
// lists nothing.
func TestRetryableHandWritten(t *testing.T) {
	dir := t.TempDir()
	put(t, filepath.Join(dir, "errgen.yaml"), "version: 1\ncatalogs:\n  - id: acme/api\n    source: {kind: catalog, file: acme.yaml, url: https://acme.example/errors}\n    envelope: huaweicloud\n")
	put(t, filepath.Join(dir, "acme.yaml"), "entries:\n  - {code: Busy, status: 409, message: Try again later., retryable: true}\n")
	l := loadOne(t, dir)
	if !l.Catalog.Entries[0].Retryable || len(retryWarnings(*l)) != 0 {
		t.Errorf("entry %+v, warnings %v; want retryable and no warning", l.Catalog.Entries[0], retryWarnings(*l))
	}
}

// TestRetryableSnapshot: another version of the source (a fetched page, a
// git revision) that lacks a listed code is read with a warning, so that
// drift and diff report the code as removed, and fetch does not take the
// page for a broken one.
func TestRetryableSnapshot(t *testing.T) {
	dir := t.TempDir()
	put(t, filepath.Join(dir, "errgen.yaml"), "version: 1\ncatalogs:\n  - id: acme/api\n    source: {kind: catalog, file: acme.yaml, url: https://acme.example/errors}\n    envelope: huaweicloud\n    retryable: [Busy, Gone]\n")
	put(t, filepath.Join(dir, "acme.yaml"), "entries:\n  - {code: Busy, status: 409}\n")
	cfg, err := config.Load(filepath.Join(dir, "errgen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := build.Load(cfg); err == nil || !strings.Contains(err.Error(), `line 6: catalog acme/api: retryable[1]: "Gone" is not a code of the catalog`) {
		t.Errorf("Load = %v, want the error", err)
	}
	loaded, err := build.LoadWith(cfg, build.LoadOptions{Snapshot: true})
	if err != nil {
		t.Fatal(err)
	}
	ws := retryWarnings(loaded[0])
	if len(ws) != 1 || ws[0].Where != "line 6" || !strings.HasPrefix(ws[0].Message, `catalog acme/api: retryable[1]: "Gone" is not a code of this version of the source`) {
		t.Errorf("warnings = %v", ws)
	}
	if !loaded[0].Catalog.Entries[0].Retryable {
		t.Error("Busy is not retryable")
	}
}
