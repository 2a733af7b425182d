package diff_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diff"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
)

// bundledIdentityCenter loads the bundled Identity Center catalog as
// errgen generate does, with its config.
func bundledIdentityCenter(t *testing.T) (*catalog.Catalog, *config.Catalog) {
	t.Helper()
	cfg, err := config.Load(filepath.Join("..", "sources", "errgen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := build.Load(cfg, "huaweicloud/identitycenter")
	if err != nil {
		t.Fatal(err)
	}
	return loaded[0].Catalog, loaded[0].Config
}

// withIIC1000 is c plus one code without the prefix all of c's codes
// share, as the EU site documents it: once the cause of renaming 236 of
// its 238 constants.
func withIIC1000(c *catalog.Catalog) *catalog.Catalog {
	grown := *c
	grown.Entries = append(grown.Entries[:len(grown.Entries):len(grown.Entries)], catalog.Entry{
		Status: 403, Code: "IIC.1000", Message: "No permission.", Origin: catalog.Origin{Table: 1, Row: 999},
	})
	return &grown
}

// Adding IIC.1000 to Identity Center renames nothing, with the bundled
// config's naming and with none at all.
func TestIdentityCenterNamesStable(t *testing.T) {
	c, cc := bundledIdentityCenter(t)
	grown := withIIC1000(c)
	for _, n := range []catalog.Naming{
		{Names: cc.Go.Names, TrimPrefixes: cc.Go.TrimPrefixes},
		{},
	} {
		before, err := catalog.GoNames(c, n)
		if err != nil {
			t.Fatal(err)
		}
		after, err := catalog.GoNames(grown, n)
		if err != nil {
			t.Fatal(err)
		}
		if len(before) != 238 || len(after) != 239 {
			t.Fatalf("%d names before, %d after; want 238 and 239", len(before), len(after))
		}
		for code, name := range before {
			if after[code] != name {
				t.Errorf("%s: %s is %s once IIC.1000 is added", code, name, after[code])
			}
		}
	}
	// The bundled config keeps the names generated/ declares today.
	names, err := catalog.GoNames(grown, catalog.Naming{Names: cc.Go.Names, TrimPrefixes: cc.Go.TrimPrefixes})
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{
		"IdentityCenter.400":  "BadRequest",
		"IdentityCenter.404":  "NotFound",
		"IdentityCenter.1000": "Code1000",
		"IIC.1000":            "IIC1000",
	} {
		if names[code] != want {
			t.Errorf("%s is %s, want %s", code, names[code], want)
		}
	}
}

// diff says so too: one code added, a minor bump, no rename.
func TestIdentityCenterBumpAddsOnly(t *testing.T) {
	c, cc := bundledIdentityCenter(t)
	r := diff.Compare(c, withIIC1000(c), diff.Options{Names: cc.Go.Names, TrimPrefixes: cc.Go.TrimPrefixes})
	b := r.Bump()
	if b.Level != diff.BumpMinor || b.Reason != "1 code added: IIC.1000 (IIC1000)" {
		t.Errorf("bump %s, want minor (1 code added: IIC.1000 (IIC1000))", b)
	}
	if strings.Contains(b.Reason, "renamed") || strings.Contains(b.Reason, "change value") {
		t.Errorf("bump reports a rename: %s", b)
	}
	// The other way round, the one removed code is all that breaks.
	b = diff.Compare(withIIC1000(c), c, diff.Options{Names: cc.Go.Names, TrimPrefixes: cc.Go.TrimPrefixes}).Bump()
	if b.Level != diff.BumpMajor || b.Reason != "1 code removed: IIC.1000 (IIC1000)" {
		t.Errorf("bump %s, want major (1 code removed: IIC.1000 (IIC1000))", b)
	}
}
