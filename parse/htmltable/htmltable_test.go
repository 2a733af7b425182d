package htmltable

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/golden"
)

// goldenFile is the content of a want.json: everything Parse and Tables say
// about a page, the catalog in its stable JSON form.
type goldenFile struct {
	Tables  []TableInfo     `json:"tables"`
	Error   string          `json:"error,omitempty"`
	Report  *catalog.Report `json:"report,omitempty"`
	Catalog json.RawMessage `json:"catalog,omitempty"`
}

func TestGolden(t *testing.T) {
	golden.Cases(t, "testdata/*/input.html", 1,
		func(name, input string) Options { return Options{File: name + ".html"} },
		func(t *testing.T, src []byte, opts Options, name string) []byte {
			return render(t, src, opts, "test/"+name)
		})
}

func render(t *testing.T, src []byte, opts Options, id string) []byte {
	t.Helper()
	var g goldenFile
	var err error
	if g.Tables, err = Tables(src); err != nil {
		t.Fatalf("Tables: %v", err)
	}
	entries, report, err := Parse(src, opts)
	if err != nil {
		g.Error = err.Error()
	} else {
		g.Report = report
		c := &catalog.Catalog{ID: id, Source: catalog.Source{Kind: "html-table"}, Entries: entries}
		if g.Catalog, err = catalog.Marshal(c); err != nil {
			t.Fatal(err)
		}
	}
	return golden.JSON(t, &g)
}

func mustParse(t *testing.T, src []byte, opts Options) ([]catalog.Entry, *catalog.Report) {
	t.Helper()
	entries, report, err := Parse(src, opts)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return entries, report
}

// TestCorpusCopies guards the testdata copies of the shared corpus pages
// against drifting from their origin.
func TestCorpusCopies(t *testing.T) {
	for name, orig := range map[string]string{
		"ecs": "ecs-error-codes.html",
		"elb": "elb-classic-error-codes.html",
	} {
		path := filepath.Join("..", "..", "..", "shared", "corpus", "huaweicloud-dita", orig)
		want, err := os.ReadFile(path)
		if errors.Is(err, os.ErrNotExist) {
			t.Skipf("%s absent", path)
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := golden.ReadFile(t, filepath.Join("testdata", name, "input.html")); !bytes.Equal(got, want) {
			t.Errorf("testdata/%s/input.html is not a copy of %s", name, path)
		}
	}
}

func TestCorpusCounts(t *testing.T) {
	for _, tc := range []struct {
		name     string
		entries  int
		nonError int
		warnings []string
	}{
		// The ECS table has 148 rows, but Common.0024 is documented with
		// status 202, which is not an error status.
		{"ecs", 147, 1, []string{
			`ecs.html: table 1, row 136: status 202 of Common.0024 is not an error status (1xx–3xx); row left out`,
		}},
		{"elb", 110, 0, []string{
			`elb.html: table 1 "Table 1 Error codes", row 7: message of ELB.1001 has 2 lines that may be alternative messages; joined into one template (only list items are read as alternatives)`,
			`elb.html: table 1 "Table 1 Error codes", row 13: status 4000 of ELB.1061 is not an HTTP status (100–599); kept as documented`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			entries, report := mustParse(t, golden.ReadFile(t, filepath.Join("testdata", tc.name, "input.html")), Options{File: tc.name + ".html"})
			if len(entries) != tc.entries {
				t.Errorf("got %d entries, want %d", len(entries), tc.entries)
			}
			var warnings []string
			for _, w := range report.Warnings {
				warnings = append(warnings, w.Error())
			}
			if strings.Join(warnings, "\n") != strings.Join(tc.warnings, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warnings, "\n"), strings.Join(tc.warnings, "\n"))
			}
			if report.NonErrorRows != tc.nonError || report.SkippedRows != 0 {
				t.Errorf("report %+v, want %d non-error rows and none skipped", report, tc.nonError)
			}
			row := 0
			for i, e := range entries {
				row++
				if tc.name == "ecs" && row == 136 {
					row++ // Common.0024, status 202
				}
				if e.Origin.Row != row || e.Origin.Table != 1 {
					t.Errorf("entry %d (%s): origin %+v, want table 1 row %d", i, e.Code, e.Origin, row)
				}
			}
			if tc.name == "elb" {
				e := entries[12]
				if e.Code != "ELB.1061" || e.Status != 4000 {
					t.Errorf("row 13 = %s status %d, want ELB.1061 with its documented status 4000", e.Code, e.Status)
				}
			}
		})
	}
}

// TestCorpusSpotChecks pins the exact text of chosen cells, written out by
// hand from the pages' markup: inline <span>/<strong>, entities, two
// paragraphs in one cell.
func TestCorpusSpotChecks(t *testing.T) {
	type want struct {
		row                                  int
		status                               int
		code, message, description, solution string
	}
	for _, tc := range []struct {
		name string
		rows []want
	}{
		{"ecs", []want{
			{1, 400, "Ecs.0000", "An existing EIP cannot be assigned to the ECSs created in batches.", "Request error.", "Check the request body according to the returned error message."},
			{2, 400, "Ecs.0001", "the number of instance above quota limits", "The number of ECSs has reached the maximum allowed.", "Apply for a higher quota of the corresponding resource according to the returned error message."},
			{4, 403, "Ecs.0003", "The token role contains op_suspended. The current operation is not allowed.", "You do not have permission or your balance is insufficient.", "Check whether the account balance is insufficient and the account is frozen according to the returned error message."},
			{8, 400, "Ecs.0008", "performancetype in extended flavor field [%s] is null.", "Invalid flavor attributes.", "Contact customer service to check whether the flavor registration is valid."},
			{16, 400, "Ecs.0017", "The vmid [%s] in volume metadata is not the same with vmid [%s]", "The ECS is not the target one that the system disk or data disk to be attached.", "Check whether the __system__server_id value in disk metadata is the same as the UUID of the ECS to which the system disk or data disk is to be attached."},
			{18, 400, "Ecs.0022", "the number of instance above server group quota limits", "The number of ECSs in the ECS group exceeded the upper limit.", "Apply for a higher ECS quota for an ECS group."},
			{24, 400, "Ecs.0032", "image[%s] status must be active", "The image is not in Active state.", "Change another image."},
			{30, 400, "Ecs.0041", "Description field length cannot be greater than 85 characters and cannot contain '>' and '<' characters", "Invalid description field.", "Modify the service description field."},
			{110, 500, "Ecs.0615", "thread List is empty.", "An error has occurred in the request from an ECS.", "An internal system error occurred.\nContact customer service to locate the fault."},
			{125, 400, "Ecs.0915", "The name [%s] of server include invalid char", "The ECS name contains invalid characters.", "Change the ECS name."},
			{148, 503, "Common.1503", "Api flow control Error because %s.", "Limited by API traffic control.", "Too many APIs are being executed. Try again later."},
		}},
		{"elb", []want{
			{1, 400, "ELB.0002", "Api request is null.", "The request is empty.", "Change the parameter settings."},
			{5, 400, "ELB.1010", "Query elb quota error.", "Failed to query the quota.", "Contact customer service."},
			{7, 400, "ELB.1001", "Request parameters error, private_key or certificate is nil or empty. Request parameters error, lb type, name, admin_state_up one of them is empty.", "Parameter type, name, or admin_status_up is left blank.", "Change the parameter settings."},
			{13, 4000, "ELB.1061", "Request parameters error, lb vip_address and vip_subnet_id are nil.", "The floating IP address or subnet ID is left blank.", "Change the parameter settings."},
			{30, 400, "ELB.6030", "Listener is not associated with loadbalancer id.", "The listener does not belong to any load balancer.", "Check the listener ID."},
			{110, 400, "ELB.6006", "Query ECS failed.", "Failed to query the ECS.", "Contact customer service."},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			entries, _ := mustParse(t, golden.ReadFile(t, filepath.Join("testdata", tc.name, "input.html")), Options{})
			byRow := map[int]catalog.Entry{}
			for _, e := range entries {
				byRow[e.Origin.Row] = e
			}
			for _, w := range tc.rows {
				e, ok := byRow[w.row]
				if !ok {
					t.Fatalf("no entry for row %d", w.row)
				}
				check := func(field, got, want string) {
					if got != want {
						t.Errorf("row %d %s:\n got %q\nwant %q", w.row, field, got, want)
					}
				}
				if e.Status != w.status {
					t.Errorf("row %d status %d, want %d", w.row, e.Status, w.status)
				}
				check("code", e.Code, w.code)
				check("message", e.Message, w.message)
				check("description", e.Description, w.description)
				check("solution", e.Solution, w.solution)
			}
		})
	}
}
