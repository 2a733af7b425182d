package gopkg

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// The naming rules are tested in package catalog (goname_test.go); these
// tests only pin that the emitter's wrappers are catalog.GoNames.

func cat(codes ...string) *catalog.Catalog {
	c := &catalog.Catalog{ID: "test/x", Source: catalog.Source{File: "x.html"}}
	for i, code := range codes {
		c.Entries = append(c.Entries, catalog.Entry{Code: code, Origin: catalog.Origin{Table: 1, Row: i + 1}})
	}
	return c
}

func TestNamesWrapCatalog(t *testing.T) {
	c := cat("IdentityCenter.400", "IdentityCenter.1000", "IdentityCenter.1209", "errors.invalidUrl")
	c.Entries[2].Name = "NO_SMTP_CONNECTION"
	opts := Options{Package: "p", Names: map[string]string{"IdentityCenter.400": "BadRequest"}, TrimPrefixes: []string{"IdentityCenter.", "errors."}}
	want := map[string]string{
		"IdentityCenter.400":  "BadRequest",
		"IdentityCenter.1000": "Code1000",
		"IdentityCenter.1209": "NoSMTPConnection",
		"errors.invalidUrl":   "InvalidURL",
	}
	got, err := Names(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got, want) {
		t.Errorf("Names = %v, want %v", got, want)
	}
	list, err := names(c, c.Codes(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if w := []string{"BadRequest", "Code1000", "NoSMTPConnection", "InvalidURL"}; !slices.Equal(list, w) {
		t.Errorf("names = %q, want %q", list, w)
	}
	// No common prefix is dropped: IdentityCenter.1000 keeps it.
	if got, _ := Names(c, Options{}); got["IdentityCenter.1000"] != "IdentityCenter1000" {
		t.Errorf("untrimmed: %v", got)
	}
}

func TestNamesErrors(t *testing.T) {
	if _, err := Names(nil, Options{}); err == nil {
		t.Error("Names(nil) did not fail")
	}
	c := cat("x.a_b", "x.a-b")
	for _, f := range []func() error{
		func() error { _, err := Names(c, Options{TrimPrefixes: []string{"x."}}); return err },
		func() error { _, err := names(c, c.Codes(), Options{TrimPrefixes: []string{"x."}}); return err },
	} {
		err := f()
		var d *catalog.Diagnostic
		if !errors.As(err, &d) || !strings.Contains(err.Error(), `codes "x.a_b" and "x.a-b" both get the Go name AB`) {
			t.Errorf("got %v, want the collision as a *catalog.Diagnostic", err)
		}
	}
	// A list envelope reserves Errors, whatever array says: the catalog
	// decides.
	c = cat("Errors")
	c.Envelope.Shapes = []catalog.Shape{{Code: "/errors/*/code"}}
	if got, _ := names(c, c.Codes(), Options{}); !slices.Equal(got, []string{"CodeErrors"}) {
		t.Errorf("names with a list envelope = %q, want CodeErrors", got)
	}
}

func TestReserved(t *testing.T) {
	for _, n := range []string{"Code", "Entry", "Info", "Error", "Lookup", "All", "Parse", "FromResponse", "Match", "MatchEntry"} {
		if !reserved[n] {
			t.Errorf("%s is not reserved", n)
		}
	}
	if len(reserved) != 10 {
		t.Errorf("reserved = %v", reserved)
	}
}

// Names computed once by the caller are the ones Emit declares; a code
// they leave out is an error, not a constant without a name.
func TestEmitGoNames(t *testing.T) {
	c, opts := testCase(t, "huawei")
	names, err := catalog.GoNames(c, catalog.Naming{Names: opts.Names, TrimPrefixes: opts.TrimPrefixes})
	if err != nil {
		t.Fatal(err)
	}
	names["IdentityCenter.1000"] = "GivenOnce"
	opts.GoNames = names
	files, err := Emit(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(files["codes.go"]), "\tGivenOnce Code = \"IdentityCenter.1000\"\n") {
		t.Error("codes.go does not declare the name given in Options.GoNames")
	}
	delete(names, "IdentityCenter.1000")
	if _, err := Emit(c, opts); err == nil || !strings.Contains(err.Error(), "IdentityCenter.1000") {
		t.Errorf("a code without a name in Options.GoNames: %v", err)
	}
}
