package catalog

import (
	"reflect"
	"testing"
)

// TestByCode: ByCode groups as the copying byCodeApart does, with codes
// whose entries are together (shared with c.Entries) and apart.
func TestByCode(t *testing.T) {
	e := func(code string, status int) Entry { return Entry{Code: code, Status: status} }
	for _, entries := range [][]Entry{
		{e("a", 400)},
		{e("a", 400), e("a", 404), e("b", 400), e("c", 500), e("c", 501)},
		{e("a", 400), e("b", 400), e("a", 404), e("c", 500)},
		{e("a", 400), e("a", 401), e("b", 400), e("a", 404)},
	} {
		c := &Catalog{Entries: entries}
		if got, want := c.ByCode(), c.byCodeApart(); !reflect.DeepEqual(got, want) {
			t.Errorf("%v: ByCode gives %v, want %v", entries, got, want)
		}
	}
	// Together, the groups are the catalog's own entries, not copies.
	c := &Catalog{Entries: []Entry{e("a", 400), e("a", 404), e("b", 400)}}
	if g := c.ByCode(); &g[0][0] != &c.Entries[0] || &g[1][0] != &c.Entries[2] || cap(g[0]) != 2 {
		t.Error("ByCode copied entries that are next to each other")
	}
}
