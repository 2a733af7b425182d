package scimdoc_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/parse/scimdoc"
)

var update = flag.Bool("update", false, "rewrite want.json and want.warnings")

// parseCase parses testdata/<name>/input.*.
func parseCase(t *testing.T, name string) (*scimdoc.Result, string) {
	t.Helper()
	inputs, _ := filepath.Glob(filepath.Join("testdata", name, "input.*"))
	if len(inputs) != 1 {
		t.Fatalf("testdata/%s: want one input.* file, have %q", name, inputs)
	}
	data, err := os.ReadFile(inputs[0])
	if err != nil {
		t.Fatal(err)
	}
	res, err := scimdoc.Parse(data, scimdoc.Options{File: filepath.Base(inputs[0])})
	if err != nil {
		t.Fatal(err)
	}
	return res, inputs[0]
}

// TestGolden compares what every page gives, as the catalog JSON form of
// its entries and envelope and its warnings, with want.json and
// want.warnings.
func TestGolden(t *testing.T) {
	for _, name := range []string{"ping", "iij", "iijhtml", "pinghtml", "malformed", "wrapped"} {
		t.Run(name, func(t *testing.T) {
			res, _ := parseCase(t, name)
			got, err := catalog.Marshal(&catalog.Catalog{ID: "test/" + name, Source: catalog.Source{Kind: "scimdoc"}, Envelope: res.Envelope, Entries: res.Entries})
			if err != nil {
				t.Fatal(err)
			}
			var warnings bytes.Buffer
			for _, w := range res.Report.Warnings {
				warnings.WriteString(w.Error() + "\n")
			}
			for file, data := range map[string][]byte{"want.json": got, "want.warnings": warnings.Bytes()} {
				path := filepath.Join("testdata", name, file)
				if *update {
					if err := os.WriteFile(path, data, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if !bytes.Equal(want, data) {
					t.Errorf("%s differs (run go test -update and review):\n%s", path, udiff.Unified("want", "got", string(want), string(data)))
				}
			}
		})
	}
}

// iijCase is one of the eight cases of IIJ's event 12808, exactly as the
// seed gives them.
type iijCase struct {
	status                                      int
	code, title, message, description, solution string
}

var iijCases = []iijCase{
	{404, "404",
		"Creation of a user with a domain name that is not registered with IIJ ID was attempted",
		"organization is not found.",
		"Creation of a user with a domain name that is not registered with IIJ ID was attempted.",
		"Change the domain of the ID (userName) of the IIJ ID User or register the domain with the IIJ ID."},
	{400, "invalidValue",
		`When the "Subject (subject)" or "External user name (externalUserName)" attribute is set to an IIJ ID User, "Upstream ID provider to which authentication is delegated (issuer)" needs to be configured`,
		"Issuer is required when externalUserName or subject is specified.",
		`When the "Subject (subject)" or "External user name (externalUserName)" attribute is set to an IIJ ID User, "Upstream ID provider to which authentication is delegated (issuer)" needs to be configured.`,
		"Take any of the following actions.\n" +
			"  • Configure iid.scim.attribute.user.default.idTokenClaims in the configuration file (config.yml)\n" +
			`  • Empty the "Subject (subject)" and "External user name (externalUserName)" attributes of the IIJ ID User`},
	{409, "uniqueness",
		"The external ID (externalId) you have attempted to set to the IIJ ID User is already used by another user",
		"externalId has already been taken",
		"The external ID (externalId) you have attempted to set to the IIJ ID User is already used by another user.",
		"Prevent duplication of the external ID or delete the user who is using the relevant external ID.\n" +
			"If the relevant user has already been deleted, there is a possibility that deprovisioning the user from linked services has not been completed.\n" +
			"In such a case, wait for at least one day before performing the deprovisioning process."},
	{409, "uniqueness",
		"The ID (userName) you have attempted to set to the IIJ ID User is already used by another user",
		"userName has already been taken",
		"The ID (userName) you have attempted to set to the IIJ ID User is already used by another user.",
		"Prevent duplication of the ID or delete the user who is using the relevant ID.\n" +
			"If the relevant user has already been deleted, there is a possibility that deprovisioning the user from linked services has not been completed.\n" +
			"In such a case, wait for at least one day before performing the deprovisioning process."},
	{400, "invalidValue",
		"The notification email address (email) of the IIJ ID User does not have an email address format",
		"Emails Value is not an iid email format.",
		"The notification email address (email) of the IIJ ID User does not have an email address format.",
		"Check the AD attribute set to iid.scim.attribute.user.ad_bind.emails.value in the config.yml configuration file and modify the format of the AD attribute value of the relevant user to an email address format."},
	{409, "uniqueness",
		"Users having the same ID or external ID have not been deleted yet",
		"The user has not been hard-deleted yet.",
		"Users having the same ID or external ID have not been deleted yet.\n" +
			"[ Note ]Users with ID Provisioning and Users Registered to Use SmartKey Authentication\n" +
			"Once a user has been deleted, the deprovisioning process is performed for the linked services.\n" +
			"You cannot create a user that has the same ID or external ID until the deprovisioning process is complete. (It takes at least one day for deprovisioning for SmartKey authentication to be complete.)",
		"Perform synchronization on Directory Sync one more time after the user has been completely deleted."},
	{401, "401",
		"Access token cannot be used",
		"Access token is not available",
		"Access token cannot be used.",
		"Check the following points about iid.scim.token in the secret.yml configuration file.\n" +
			"  • Check whether a correct access token is described\n" +
			"  • Check whether the access token has expired\n" +
			"    • Whether a token has been revoked or not can be checked in Job History on IIJ ID Console."},
	{400, "invalidValue",
		"Phone numbers (phoneNumbers) of IIJ ID Users are not in RFC3966 Global Numbers format",
		"Phone numbers Value is invalid format",
		"Phone numbers (phoneNumbers) of IIJ ID Users are not in RFC3966 Global Numbers format.",
		"Check the AD attribute set to iid.scim.attribute.user.ad_bind.phoneNumbers.value in the config.yml configuration file and modify the format of the AD attribute value of the relevant user to a Global Numbers format for RFC3966."},
}

// TestIIJSeed asserts every field of the eight cases the IIJ seed
// documents, in page order.
func TestIIJSeed(t *testing.T) {
	res, _ := parseCase(t, "iij")
	if len(res.Entries) != len(iijCases) {
		t.Fatalf("%d entries, want %d", len(res.Entries), len(iijCases))
	}
	for i, w := range iijCases {
		e := res.Entries[i]
		got := iijCase{e.Status, e.Code, e.Title, e.Message, e.Description, e.Solution}
		if got != w {
			t.Errorf("case %d:\n got %+v\nwant %+v", i+1, got, w)
		}
		if e.Extra != nil {
			t.Errorf("case %d: extra %v, want none (every scimType is an RFC keyword)", i+1, e.Extra)
		}
		if len(e.Examples) != 1 || !strings.Contains(e.Examples[0].Body, fmt.Sprintf(`"status":"%d"`, w.status)) {
			t.Errorf("case %d: examples %+v", i+1, e.Examples)
		}
	}
	if len(res.Report.Warnings) != 0 {
		t.Errorf("warnings: %v", res.Report.Warnings)
	}
	if !res.Envelope.Is("scim") || len(res.Envelope.Fields) != 0 || len(res.Envelope.Extensions) != 0 {
		t.Errorf("envelope = %+v, want the bare SCIM envelope", res.Envelope)
	}
}

// TestPingSeed asserts what the Ping seed documents: the field table with
// its shifted cells, the two examples, and the extension under both URNs
// with the item fields the example shows.
func TestPingSeed(t *testing.T) {
	res, _ := parseCase(t, "ping")
	if len(res.Entries) != 2 {
		t.Fatalf("%d entries, want 2", len(res.Entries))
	}
	e0, e1 := res.Entries[0], res.Entries[1]
	if e0.Status != 401 || e0.Code != "invalid_token" || e0.Message != "Access token is expired or otherwise invalid." ||
		!strings.Contains(e0.Note, "Vendor-specific scimType") {
		t.Errorf("entry 1 = %+v", e0)
	}
	if e1.Status != 400 || e1.Code != "invalidValue" || e1.Extra != nil ||
		e1.Message != "The provided new password cannot be the same as the current password or any password in the user's password history" {
		t.Errorf("entry 2 = %+v", e1)
	}
	type field struct {
		name, typ string
		required  bool
		desc      string
	}
	var fields []field
	for _, f := range res.Envelope.Fields {
		fields = append(fields, field{f.Name, f.Type, f.Required, f.Description})
	}
	want := []field{
		{"schemas", "array", true, "SCIM schemas used in the error message. The schemas array will always include the value urn:ietf:params:scim:api:messages:2.0:Error to identify the message as an error. Other schema values may be present if Ping Identity-proprietary error fields are used."},
		{"status", "number", true, "The HTTP status code of the error. This will always be in the 400 or 500 range."},
		{"scimType", "string", false, "An error code defined by RFC 7644, section 3.12."},
		{"detail", "string", false, "A human-readable error description. In some cases, this field may contain error messages received from the underlying data store."},
	}
	if len(fields) != len(want) {
		t.Fatalf("fields = %+v", fields)
	}
	for i := range want {
		if fields[i] != want[i] {
			t.Errorf("field %d = %+v, want %+v", i, fields[i], want[i])
		}
	}
	if len(res.Envelope.Extensions) != 1 {
		t.Fatalf("extensions = %+v", res.Envelope.Extensions)
	}
	x := res.Envelope.Extensions[0]
	if x.URN != "urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError" || len(x.Aliases) != 1 ||
		x.Aliases[0] != "urn:unboundid:scim:api:messages:2.0:PasswordUpdateError" || x.Name != "PasswordUpdateError" ||
		!strings.HasSuffix(x.Description, "under the urn:unboundid:scim:api:messages:2.0:PasswordUpdateError schema URN.") {
		t.Errorf("extension = %+v", x)
	}
	if len(x.Fields) != 5 || x.Fields[0].Name != "passwordRequirements" || x.Fields[0].Pointer != "/passwordRequirements" || x.Fields[0].Type != "array" || x.Fields[0].Required ||
		!strings.HasPrefix(x.Fields[0].Description, "An array of password quality requirements") {
		t.Fatalf("extension fields = %+v", x.Fields)
	}
	var items []string
	for _, f := range x.Fields[1:] {
		items = append(items, f.Pointer+":"+f.Type)
	}
	if got := strings.Join(items, " "); got != "/passwordRequirements/*/additionalInfo:string /passwordRequirements/*/description:string /passwordRequirements/*/requirementSatisfied:boolean /passwordRequirements/*/type:string" {
		t.Errorf("item fields = %s", got)
	}
}

// TestHTML: the HTML pages give what their text renderings give.
func TestHTML(t *testing.T) {
	res, _ := parseCase(t, "iijhtml")
	want := []iijCase{iijCases[0], iijCases[6]}
	want[1].title = "Access token cannot be used"
	want[1].description = "Access token cannot be used.\n[ Note ]Tokens expire\nA token & its secret expire after one year."
	if len(res.Entries) != 2 {
		t.Fatalf("%d entries, want 2: %+v", len(res.Entries), res.Entries)
	}
	for i, w := range want {
		e := res.Entries[i]
		if got := (iijCase{e.Status, e.Code, e.Title, e.Message, e.Description, e.Solution}); got != w {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
	// In a table cell, an example's line is that of its row.
	if res.Entries[0].Origin.Line != 20 || res.Entries[1].Origin.Line != 35 {
		t.Errorf("lines = %d, %d, want the source lines of the examples' rows, 20 and 35", res.Entries[0].Origin.Line, res.Entries[1].Origin.Line)
	}

	res, _ = parseCase(t, "pinghtml")
	if len(res.Entries) != 2 || res.Entries[0].Code != "invalid_token" || res.Entries[0].Title != "" ||
		res.Entries[1].Title != "Password update errors" || res.Entries[0].Origin.Line != 13 || res.Entries[1].Origin.Line != 28 {
		t.Errorf("entries = %+v", res.Entries)
	}
	if len(res.Envelope.Fields) != 4 || !res.Envelope.Fields[0].Required || res.Envelope.Fields[2].Required ||
		res.Envelope.Fields[3].Description != "A human-readable error description." {
		t.Errorf("fields = %+v", res.Envelope.Fields)
	}
	x := res.Envelope.Extensions
	if len(x) != 1 || x[0].URN != "urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError" || len(x[0].Fields) != 6 {
		t.Fatalf("extensions = %+v", x)
	}
	var items []string
	for _, f := range x[0].Fields[1:] {
		items = append(items, f.Name+":"+f.Type)
	}
	if got := strings.Join(items, " "); got != "additionalInfo:string description:string requirementSatisfied:boolean type:string minLength:number" {
		t.Errorf("item fields = %s", got)
	}
}

// TestMalformed: bad examples are warnings with their line, and the rest
// of the page is still read.
func TestMalformed(t *testing.T) {
	res, _ := parseCase(t, "malformed")
	if len(res.Entries) != 1 || res.Entries[0].Code != "404" || res.Entries[0].Message != "Resource {id} not found" ||
		res.Entries[0].Title != "A good one after all that" || res.Entries[0].Description != "The resource does not exist." || res.Entries[0].Solution != "Check the ID." {
		t.Errorf("entries = %+v", res.Entries)
	}
	var got []string
	for _, w := range res.Report.Warnings {
		got = append(got, w.Error())
	}
	want := []string{
		"input.txt: line 8: malformed JSON in the example starting on line 5: invalid character '\"' after object key:value pair; it is left out",
		`input.txt: line 14: the example's status "four hundred" is not an HTTP status`,
		"input.txt: line 21: a JSON example starts here but its braces never balance; it is left out",
	}
	if len(got) != len(want) {
		t.Fatalf("warnings:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("warning %d = %q\nwant %q…", i, got[i], want[i])
		}
	}
}

func TestWrappedString(t *testing.T) {
	res, _ := parseCase(t, "wrapped")
	if len(res.Entries) != 1 || res.Entries[0].Message != "The specified filter yields many more results than the server is willing to process." || res.Entries[0].Code != "tooMany" {
		t.Errorf("entries = %+v", res.Entries)
	}
}

func TestNothingToRead(t *testing.T) {
	for name, page := range map[string]string{
		"empty.txt":         "",
		"prose.txt":         "Errors are returned as SCIM responses.\n",
		"user.html":         `<p>{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen"}</p>`,
		"notscim/input.txt": string(must(os.ReadFile(filepath.Join("testdata", "notscim", "input.txt")))),
	} {
		_, err := scimdoc.Parse([]byte(page), scimdoc.Options{File: name})
		var d *catalog.Diagnostic
		if !errors.As(err, &d) || d.File != name || !strings.Contains(d.Message, "no SCIM error example") || !strings.Contains(d.Message, "no field table") {
			t.Errorf("Parse(%s) = %v, want an error naming the file", name, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"ping", "iij", "iijhtml", "pinghtml", "malformed"} {
		inputs, _ := filepath.Glob(filepath.Join("testdata", name, "input.*"))
		data, err := os.ReadFile(inputs[0])
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"status":"404"`))
	f.Add([]byte("a | b\n---|---\n"))
	// Deep nesting: past 64 levels a warning, never a recursion per level.
	f.Add([]byte(`{"status": 400, "a": ` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "}\n"))
	f.Add([]byte("<pre>{\"status\": 400, \"a\": " + strings.Repeat("[{\"b\":", 40) + "1" + strings.Repeat("}]", 40) + "}</pre>"))
	// Braces that never balance, each line rescanning the next ones.
	f.Add([]byte(strings.Repeat("{\"status\": 400, [\n", 64)))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := scimdoc.Parse(data, scimdoc.Options{File: "f"})
		if err != nil {
			return
		}
		for _, e := range res.Entries {
			if e.Code == "" || len(e.Examples) != 1 {
				t.Errorf("entry without code or example: %+v", e)
			}
		}
		if _, err := catalog.Marshal(&catalog.Catalog{Envelope: res.Envelope, Entries: res.Entries}); err != nil {
			t.Error(err)
		}
	})
}

func must(data []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return data
}

// TestDenseHTML: an HTML page of nothing but tags is refused with a
// Diagnostic naming the file and the limit, not read into a line a tag.
func TestDenseHTML(t *testing.T) {
	_, err := scimdoc.Parse([]byte("<html>"+strings.Repeat("x<p>", 1<<20)), scimdoc.Options{File: "dense.html"})
	var d *catalog.Diagnostic
	if !errors.As(err, &d) || d.File != "dense.html" || !strings.Contains(d.Message, "over the limit of") {
		t.Fatalf("got %v, want a Diagnostic naming dense.html and the limit", err)
	}
}
