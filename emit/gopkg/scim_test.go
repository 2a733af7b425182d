package gopkg

import (
	"errors"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// scimCatalogs are a small base catalog and a vendor catalog with an
// extension whose array holds objects, built in Go.
func scimCatalogs() (base, vendor *catalog.Catalog) {
	env, _ := catalog.NamedEnvelope("scim")
	base = &catalog.Catalog{ID: "test/base", Envelope: env, Entries: []catalog.Entry{
		{Status: 400, Code: "uniqueness", Description: "In use.", Origin: catalog.Origin{Pointer: "/entries/0"}},
		{Status: 409, Code: "uniqueness", Title: "Conflict", Description: "In use.", Origin: catalog.Origin{Pointer: "/entries/1"}},
		{Status: 404, Code: "404", Title: "Not Found", Origin: catalog.Origin{Pointer: "/entries/2"}},
	}}
	venv := env
	venv.Extensions = []catalog.Extension{{
		URN: "urn:acme:scim:PasswordUpdateError", Aliases: []string{"urn:old:scim:PasswordUpdateError"},
		Fields: []catalog.Field{
			{Name: "passwordRequirements", Pointer: "/passwordRequirements", Type: "array"},
			{Name: "type", Pointer: "/passwordRequirements/*/type", Type: "string"},
			{Name: "ok", Pointer: "/passwordRequirements/*/ok", Type: "boolean"},
			{Name: "limits", Pointer: "/limits", Type: "object"},
			{Name: "min", Pointer: "/limits/min", Type: "integer"},
			{Name: "score", Pointer: "/score", Type: "number"},
			{Name: "raw", Pointer: "/raw"},
		},
	}}
	vendor = &catalog.Catalog{ID: "test/vendor", Envelope: venv, Entries: []catalog.Entry{
		{Status: 409, Code: "uniqueness", Message: "{0} has already been taken", Title: "Taken", Solution: "Pick another.", Origin: catalog.Origin{Line: 3}},
		{Status: 409, Code: "uniqueness", Message: "The user has not been hard-deleted yet.", Title: "Not deleted", Solution: "Wait.", Origin: catalog.Origin{Line: 9}},
		{Status: 401, Code: "invalid_token", Message: "Token expired.", Note: "Vendor-specific.", Origin: catalog.Origin{Line: 15}},
	}}
	return base, vendor
}

func TestSCIMEmit(t *testing.T) {
	base, vendor := scimCatalogs()
	files, err := Emit(base, Options{Package: "scim"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(files["errors.go"]), "apierr.DecodeSCIM(") {
		t.Error("the base package does not decode with apierr.DecodeSCIM")
	}
	if !strings.Contains(string(files["errors.go"]), "func Decode(status int, body []byte) (*Error, error)") {
		t.Error("the base package lacks Decode")
	}
	files, err = Emit(vendor, Options{Package: "scim", ImportPath: "example.com/m/vendor", SCIMBase: "example.com/m/base/scim"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(files["errors.go"]), "apierr.DecodeSCIM(") {
		t.Error("a vendor package decodes bodies itself instead of through its base")
	}
	errs := string(files["errors.go"])
	for _, want := range []string{
		`rfc7644 "example.com/m/base/scim"`, // the base is also "scim": aliased
		"SCIM *rfc7644.Error",
		"func (e *Error) Unwrap() error",
		"func (e *Error) PasswordUpdateError() (*PasswordUpdateError, bool)",
		"PasswordRequirements []PasswordRequirement `json:\"passwordRequirements\"`",
		"Ok bool `json:\"ok\"`",
		"Limits *Limits `json:\"limits\"`", "Min int64 `json:\"min\"`", "Score float64", "Raw json.RawMessage `json:\"raw\"`",
		`"urn:acme:scim:PasswordUpdateError", "urn:old:scim:PasswordUpdateError"`,
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("errors.go lacks %q", want)
		}
	}
	if codes := string(files["codes.go"]); !strings.Contains(codes, "// Note: Vendor-specific.") || !strings.Contains(codes, "// Case: Not deleted") {
		t.Error("codes.go lacks the note or the case title in the constant's doc")
	}
	// Another base package name needs no alias.
	files, _ = Emit(vendor, Options{Package: "acme", SCIMBase: "example.com/m/rfc"})
	if !strings.Contains(string(files["errors.go"]), `"example.com/m/rfc"`) || strings.Contains(string(files["errors.go"]), "rfc7644") {
		t.Error("unneeded alias of the base")
	}
}

// TestSCIMNames: names a SCIM package declares itself push constants
// aside, the same way in Emit and Names.
func TestSCIMNames(t *testing.T) {
	_, vendor := scimCatalogs()
	vendor.Entries = append(vendor.Entries,
		catalog.Entry{Code: "decode", Status: 400}, catalog.Entry{Code: "passwordUpdateError", Status: 400}, catalog.Entry{Code: "matchEntry", Status: 400})
	names, err := Names(vendor, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{"decode": "CodeDecode", "passwordUpdateError": "CodePasswordUpdateError", "matchEntry": "CodeMatchEntry", "invalid_token": "InvalidToken"} {
		if names[code] != want {
			t.Errorf("name of %q = %q, want %q", code, names[code], want)
		}
	}
	if _, err := Emit(vendor, Options{Package: "v", SCIMBase: "example.com/b"}); err != nil {
		t.Error(err)
	}
}

func TestSCIMErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(c *catalog.Catalog)
		opts Options
		want string
	}{
		{"two types one name", func(c *catalog.Catalog) {
			c.Envelope.Extensions = append(c.Envelope.Extensions, catalog.Extension{URN: "urn:other:PasswordUpdateError"})
		}, Options{Package: "v"}, `extension "urn:acme:scim:PasswordUpdateError" and extension "urn:other:PasswordUpdateError" both get the Go type name PasswordUpdateError`},
		{"item type clashes", func(c *catalog.Catalog) {
			c.Envelope.Extensions = append(c.Envelope.Extensions, catalog.Extension{URN: "urn:x:PasswordRequirement"})
		}, Options{Package: "v"}, "both get the Go type name PasswordRequirement"},
		{"field names clash", func(c *catalog.Catalog) {
			c.Envelope.Extensions[0].Fields = append(c.Envelope.Extensions[0].Fields, catalog.Field{Name: "Score", Pointer: "/Score"})
		}, Options{Package: "v"}, `fields "score" and "Score" both get the Go name Score in PasswordUpdateError`},
		{"no URN", func(c *catalog.Catalog) { c.Envelope.Extensions[0].URN = "" }, Options{Package: "v"}, "/envelope/extensions/0: extension 0 has no URN"},
		{"bad base package", func(c *catalog.Catalog) {}, Options{Package: "v", SCIMBase: "example.com/m/func"}, `SCIM base package example.com/m/func is named "func"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, c := scimCatalogs()
			tc.edit(c)
			_, err := Emit(c, tc.opts)
			var d *catalog.Diagnostic
			if !errors.As(err, &d) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Emit = %v, want a diagnostic containing %q", err, tc.want)
			}
		})
	}
	// An extension named like one of Error's members gets a suffix.
	_, c := scimCatalogs()
	c.Envelope.Extensions[0].Name = "Unwrap"
	files, err := Emit(c, Options{Package: "v", SCIMBase: "example.com/b"})
	if err != nil || !strings.Contains(string(files["errors.go"]), "func (e *Error) UnwrapExtension() (*UnwrapExtension, bool)") {
		t.Errorf("Emit with an extension named Unwrap: %v", err)
	}
}

// TestSCIMPackagesBuild writes a base and a vendor package into a
// scratch module and runs go vet and a test of their API there: errors.Is
// with the base's constants through the vendor's errors, Entry telling
// cases apart, the typed extension, and Decode's errors.
func TestSCIMPackagesBuild(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	if testing.Short() {
		t.Skip("builds a module with go vet and go test")
	}
	dir := t.TempDir()
	scratchModule(t, dir, "example.com/m")
	base, vendor := scimCatalogs()
	for _, p := range []struct {
		c    *catalog.Catalog
		dir  string
		opts Options
	}{
		{base, "base/scim", Options{Package: "scim", ImportPath: "example.com/m/base/scim", SCIMBase: "example.com/m/base/scim"}},
		{vendor, "acme/scim", Options{Package: "scim", ImportPath: "example.com/m/acme/scim", SCIMBase: "example.com/m/base/scim"}},
		// A base whose name errors.go uses itself is imported as rfc7644.
		{vendor, "other/scim", Options{Package: "scim", ImportPath: "example.com/m/other/scim", SCIMBase: "example.com/m/base/scim", SCIMBasePackage: "table"}},
		{vendor, "third/scim", Options{Package: "scim", ImportPath: "example.com/m/third/scim", SCIMBase: "example.com/m/base/scim", SCIMBasePackage: "http"}},
	} {
		files, err := Emit(p.c, p.opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, p.dir), 0o755); err != nil {
			t.Fatal(err)
		}
		for name, data := range files {
			writeFile(t, filepath.Join(dir, p.dir, name), string(data))
		}
	}
	writeFile(t, filepath.Join(dir, "acme", "scim", "api_test.go"), `package scim_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	base "example.com/m/base/scim"
	"example.com/m/acme/scim"
)

func TestAPI(t *testing.T) {
	body := `+"`"+`{"schemas":["urn:old:scim:PasswordUpdateError"],"scimType":"uniqueness","status":"409","detail":"userName has already been taken",
		"urn:old:scim:PasswordUpdateError":{"passwordRequirements":[{"type":"length","ok":true}],"limits":{"min":8},"score":0.5,"raw":[1]}}`+"`"+`
	e, ok := scim.Parse(409, []byte(body))
	if !ok {
		t.Fatal("Parse failed")
	}
	err := fmt.Errorf("wrapped: %w", e)
	if !errors.Is(err, base.Uniqueness) || !errors.Is(err, scim.Uniqueness) || !errors.Is(err, base.Code("409")) || errors.Is(err, base.Code404) {
		t.Error("errors.Is")
	}
	var env *base.Error
	if !errors.As(err, &env) || env.ScimType != "uniqueness" || len(env.Extensions) != 1 {
		t.Errorf("errors.As = %+v", env)
	}
	entry, ok := e.Entry()
	if !ok || entry.Title != "Taken" || entry.Solution != "Pick another." {
		t.Errorf("Entry = %+v, %v", entry, ok)
	}
	x, ok := e.PasswordUpdateError()
	if !ok || len(x.PasswordRequirements) != 1 || !x.PasswordRequirements[0].Ok || x.PasswordRequirements[0].Type != "length" ||
		x.Limits == nil || x.Limits.Min != 8 || x.Score != 0.5 || string(x.Raw) != "[1]" {
		t.Errorf("PasswordUpdateError = %+v, %v", x, ok)
	}
	e2, _ := scim.Parse(409, []byte(`+"`"+`{"scimType":"uniqueness","status":409,"detail":"The user has not been hard-deleted yet."}`+"`"+`))
	if entry, _ := e2.Entry(); entry.Title != "Not deleted" {
		t.Errorf("second case: %+v", entry)
	}
	if _, err := base.Decode(400, []byte(`+"`"+`{"status":"abc"}`+"`"+`)); err == nil || !strings.HasPrefix(err.Error(), "scim: \"status\" is \"abc\"") {
		t.Errorf("Decode error = %v", err)
	}
}
`)
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := exec.Command(goTool, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		if args[0] == "test" && !strings.Contains(string(out), "ok  \texample.com/m/acme/scim") {
			t.Errorf("go test did not pass the vendor package:\n%s", out)
		}
	}
}

// FuzzSCIMEmit: no SCIM catalog makes Emit panic, and what it accepts is
// Go that parses, with only safe line comments, vendor text in URNs,
// field names, titles and notes included.
func FuzzSCIMEmit(f *testing.F) {
	f.Add("urn:acme:scim:PasswordUpdateError", "passwordRequirements", "type", "Taken\n//go:generate x", "example.com/b")
	f.Add("urn:x:Error", "a,b", "`*/", "\r\u2028", "")
	f.Fuzz(func(t *testing.T, urn, field, item, text, base string) {
		_, c := scimCatalogs()
		c.Envelope.Extensions = []catalog.Extension{{URN: urn, Aliases: []string{text}, Description: text, Fields: []catalog.Field{
			{Name: field, Pointer: "/" + field, Type: "array", Description: text},
			{Name: item, Pointer: "/" + field + "/*/" + item, Type: "object"},
			{Name: text, Pointer: "/" + field + "/*/" + item + "/" + text, Type: "string"},
		}}}
		c.Entries[0].Title, c.Entries[0].Note = text, text
		files, err := Emit(c, Options{Package: "v", SCIMBase: base})
		if err != nil {
			var d *catalog.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("error %T %v is not a *catalog.Diagnostic", err, err)
			}
			return
		}
		for name, src := range files {
			file, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ParseComments)
			if err != nil {
				t.Fatalf("%s does not parse: %v\n%s", name, err, src)
			}
			for _, g := range file.Comments {
				for _, cm := range g.List {
					if !strings.HasPrefix(cm.Text, "//") || strings.HasPrefix(cm.Text, "//go:") || strings.HasPrefix(cm.Text, "//line") {
						t.Fatalf("%s: unsafe comment %q", name, cm.Text)
					}
				}
			}
		}
	})
}

// TestWhereLine: a prose page's entry is named by its line.
func TestWhereLine(t *testing.T) {
	_, c := scimCatalogs()
	c.Entries = append(c.Entries, catalog.Entry{Code: "invalid-token", Status: 401, Origin: catalog.Origin{Line: 42}})
	_, err := Emit(c, Options{Package: "v"})
	if err == nil || !strings.Contains(err.Error(), `"invalid-token" (line 42)`) {
		t.Errorf("Emit = %v, want the collision named by line", err)
	}
}
