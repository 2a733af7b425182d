package build_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
)

// loadBundled parses the bundled sources through the bundled config, as
// `errgen generate` does.
func loadBundled(t *testing.T) map[string]*catalog.Catalog {
	t.Helper()
	cfg, err := config.Load(filepath.Join("..", "..", "sources", "errgen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := build.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cats := map[string]*catalog.Catalog{}
	for _, l := range loaded {
		cats[l.Catalog.ID] = l.Catalog
	}
	return cats
}

// TestIdentityCenter asserts the counts the Identity Center page documents
// (see sources/huaweicloud/identitycenter/ORIGIN.md) and spot-checks texts
// against the seed.
func TestIdentityCenter(t *testing.T) {
	c := loadBundled(t)["huaweicloud/identitycenter"]
	if c == nil {
		t.Fatal("no catalog huaweicloud/identitycenter")
	}
	if got := len(c.Entries); got != 278 {
		t.Errorf("entries = %d, want 278", got)
	}
	type pair struct {
		status int
		code   string
	}
	pairs := map[pair]bool{}
	statuses := map[int]int{}
	for _, e := range c.Entries {
		pairs[pair{e.Status, e.Code}] = true
		statuses[e.Status]++
		if e.Origin.Table != 1 || e.Origin.Caption != "" {
			t.Errorf("%s: origin %+v, want table 1 without caption", e.Code, e.Origin)
		}
	}
	if got := len(pairs); got != 275 {
		t.Errorf("distinct status+code pairs = %d, want 275", got)
	}
	if got := len(c.Codes()); got != 238 {
		t.Errorf("distinct codes = %d, want 238", got)
	}
	want := map[int]int{400: 137, 500: 49, 404: 37, 403: 30, 409: 19, 401: 4, 423: 1, 424: 1}
	for s, n := range want {
		if statuses[s] != n {
			t.Errorf("status %d: %d entries, want %d", s, statuses[s], n)
		}
	}
	if len(statuses) != len(want) {
		t.Errorf("statuses = %v, want %v", statuses, want)
	}

	first := c.Entries[0]
	wantFirst := catalog.Entry{Status: 400, Code: "IdentityCenter.400", Message: "Bad Request: {0}.",
		Description: "Invalid request parameter.", Solution: "Check whether the request parameter is correct.",
		Origin: catalog.Origin{Table: 1, Row: 1}}
	if d := cmp.Diff(wantFirst, first); d != "" {
		t.Errorf("first entry (-want +got):\n%s", d)
	}
	last := c.Entries[len(c.Entries)-1]
	if last.Code != "IdentityCenter.1751" || last.Message != "Failed to update the email status: {0}" || last.Origin.Row != 278 {
		t.Errorf("last entry = %+v", last)
	}

	// The same code under several statuses, and twice under one status
	// with different messages: all kept, in source order.
	var under []int
	var msgs1410 []string
	for _, e := range c.Entries {
		if e.Code == "IdentityCenter.400" {
			under = append(under, e.Status)
		}
		if e.Code == "IdentityCenter.1410" && e.Status == 401 {
			msgs1410 = append(msgs1410, e.Message)
		}
	}
	if len(under) != 2 || under[0] != 400 || under[1] != 404 {
		t.Errorf("IdentityCenter.400 statuses = %v, want [400 404]", under)
	}
	if len(msgs1410) != 2 || msgs1410[0] == msgs1410[1] {
		t.Errorf("IdentityCenter.1410 under 401: messages %q, want two different ones", msgs1410)
	}
	// Placeholders other than {0} survive verbatim.
	e1246 := find(c, "IdentityCenter.1246")
	if e1246.Message != "System-defined identity policy whose ID is {0} not found." ||
		e1246.Description != "System-defined identity policy whose ID is {policyId} not found." {
		t.Errorf("IdentityCenter.1246 = %+v", e1246)
	}
	if e := find(c, "IdentityCenter.1281"); e.Message != "Role ID {roleId} not found." || e.Status != 404 {
		t.Errorf("IdentityCenter.1281 = %+v", e)
	}
}

func TestIdentityCenterSCIM(t *testing.T) {
	c := loadBundled(t)["huaweicloud/identitycenter/scim"]
	if c == nil {
		t.Fatal("no catalog huaweicloud/identitycenter/scim")
	}
	want := []catalog.Entry{
		{Status: 400, Code: "400", Message: "Bad Request: {0}", Description: "Unsupported encoding.", Solution: "Check whether the encoding of the request parameter is correct."},
		{Status: 404, Code: "404", Message: "User [{0}] not found.", Description: "User not found.", Solution: "Check whether the user exists."},
		{Status: 404, Code: "404", Message: "Group [{0}] not found.", Description: "Group not found.", Solution: "Check whether the group exists."},
		{Status: 404, Code: "404", Message: "Group member not found.", Description: "Member not found.", Solution: "Check whether the user exists and is added to the group."},
		{Status: 409, Code: "409", Message: "User [{0}] or email address already exists.", Description: "User already exists.", Solution: "Check whether the user already exists."},
		{Status: 409, Code: "409", Message: "Group [{0}] already exists.", Description: "Group already exists.", Solution: "Check whether the group already exists."},
		{Status: 500, Code: "500", Message: "There was an internal server error.", Description: "Internal service error.", Solution: "Contact technical support."},
	}
	if len(c.Entries) != len(want) {
		t.Fatalf("entries = %d, want %d", len(c.Entries), len(want))
	}
	for i, w := range want {
		w.Origin = catalog.Origin{Table: 2, Caption: "Table 1 SCIM error codes", Row: i + 1}
		if d := cmp.Diff(w, c.Entries[i]); d != "" {
			t.Errorf("entry %d (-want +got):\n%s", i, d)
		}
	}
	if !c.Envelope.Is("scim") {
		t.Errorf("envelope = %+v, want the SCIM envelope", c.Envelope)
	}
}

// TestIdentityCenterSeed compares every cell with the seed the snapshot
// was rebuilt from, when the shared seeds are beside the project.
func TestIdentityCenterSeed(t *testing.T) {
	seed := readShared(t, "seeds", "000_970aec267ebc3115.txt")
	var lines []string
	for _, l := range strings.Split(seed, "\n") {
		if l != "" {
			lines = append(lines, l)
		}
	}
	cats := loadBundled(t)
	var cells []string
	for _, id := range []string{"huaweicloud/identitycenter", "huaweicloud/identitycenter/scim"} {
		for _, e := range cats[id].Entries {
			cells = append(cells, strconv.Itoa(e.Status), e.Code, e.Message, e.Description, e.Solution)
		}
	}
	// Seed: 3 preamble lines, 5 headers, 278 rows, caption, 5 headers, 7 rows.
	var want []string
	want = append(want, lines[8:8+278*5]...)
	want = append(want, lines[8+278*5+6:]...)
	if len(cells) != len(want) {
		t.Fatalf("%d cells, seed has %d", len(cells), len(want))
	}
	for i := range want {
		if cells[i] != want[i] {
			t.Errorf("cell %d (seed line %q) = %q", i, want[i], cells[i])
		}
	}
}

// find returns the first entry of code.
func find(c *catalog.Catalog, code string) catalog.Entry {
	for _, e := range c.Entries {
		if e.Code == code {
			return e
		}
	}
	return catalog.Entry{}
}

// readShared reads a file of the shared fixtures beside the project, or
// skips the test when they are absent (a clone of the project alone).
func readShared(t *testing.T, elem ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{"..", "..", "..", "shared"}, elem...)...)
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s absent: the shared fixtures are not beside the project", p)
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
