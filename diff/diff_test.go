package diff_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diff"
)

func cat(entries ...catalog.Entry) *catalog.Catalog {
	return &catalog.Catalog{Format: catalog.FormatVersion, Entries: entries}
}

func e(status int, code, msg string) catalog.Entry {
	return catalog.Entry{Status: status, Code: code, Message: msg, Description: "d", Solution: "s"}
}

// brief is a change without level and fingerprint: what the rule tests
// compare.
type brief struct {
	rule, code string
	status     int
	field      string
	old, new   string
}

func briefs(r *diff.Result) []brief {
	var out []brief
	for _, c := range r.Changes {
		out = append(out, brief{c.Rule, c.Code, c.Status, c.Field, c.Old, c.New})
	}
	return out
}

func TestRules(t *testing.T) {
	base := []catalog.Entry{
		e(400, "A.1", "Bad request: {0}."),
		e(404, "A.2", "Thing {id} not found."),
		e(401, "A.3", "Token expired."),
		e(401, "A.3", "Token missing."),
		e(500, "A.4", "Internal error."),
	}
	edit := func(f func(es []catalog.Entry) []catalog.Entry) *catalog.Catalog {
		return cat(f(slices.Clone(base))...)
	}
	tests := []struct {
		name string
		new  *catalog.Catalog
		want []brief
	}{
		{"no change", cat(base...), nil},
		{"whitespace and entities only", edit(func(es []catalog.Entry) []catalog.Entry {
			es[0].Message = "  Bad\u00a0request:\n{0}. "
			es[1].Message = "Thing {id} not&#32;found."
			es[2].Solution = "&#115;"
			es[3].Description = "d\n"
			return es
		}), nil},
		{"code removed", edit(func(es []catalog.Entry) []catalog.Entry { return slices.Delete(es, 4, 5) }),
			[]brief{{diff.CodeRemoved, "A.4", 500, "code", "A.4", ""}}},
		{"code added", edit(func(es []catalog.Entry) []catalog.Entry { return append(es, e(409, "A.5", "Conflict.")) }),
			[]brief{{diff.CodeAdded, "A.5", 409, "code", "", "A.5"}}},
		{"status changed", edit(func(es []catalog.Entry) []catalog.Entry { es[1].Status = 410; return es }),
			[]brief{{diff.StatusChanged, "A.2", 404, "status", "404", "410"}}},
		{"status added", edit(func(es []catalog.Entry) []catalog.Entry { return append(es, e(404, "A.1", "Bad request: {0}.")) }),
			[]brief{{diff.StatusAdded, "A.1", 404, "status", "", "404"}}},
		{"status added with another message", edit(func(es []catalog.Entry) []catalog.Entry {
			return append(es[:4], e(503, "A.4", "Unavailable."), e(500, "A.4", "Internal error."))
		}), []brief{{diff.StatusAdded, "A.4", 503, "status", "", "503"}}},
		{"params renamed", edit(func(es []catalog.Entry) []catalog.Entry { es[1].Message = "Thing {name} not found."; return es }),
			[]brief{{diff.MessageParamsChanged, "A.2", 404, "message", "Thing {id} not found.", "Thing {name} not found."}}},
		{"params added", edit(func(es []catalog.Entry) []catalog.Entry { es[0].Message = "Bad request: {0} ({1})."; return es }),
			[]brief{{diff.MessageParamsChanged, "A.1", 400, "message", "Bad request: {0}.", "Bad request: {0} ({1})."}}},
		{"params style", edit(func(es []catalog.Entry) []catalog.Entry { es[0].Message = "Bad request: %s."; return es }),
			[]brief{{diff.MessageParamsChanged, "A.1", 400, "message", "Bad request: {0}.", "Bad request: %s."}}},
		{"reworded", edit(func(es []catalog.Entry) []catalog.Entry { es[0].Message = "Invalid request: {0}."; return es }),
			[]brief{{diff.MessageReworded, "A.1", 400, "message", "Bad request: {0}.", "Invalid request: {0}."}}},
		{"%% is not a placeholder", edit(func(es []catalog.Entry) []catalog.Entry { es[4].Message = "Internal error: 100%%s."; return es }),
			[]brief{{diff.MessageReworded, "A.4", 500, "message", "Internal error.", "Internal error: 100%%s."}}},
		{"description and solution", edit(func(es []catalog.Entry) []catalog.Entry { es[2].Description = "D"; es[2].Solution = "S"; return es }),
			[]brief{{diff.DescriptionChanged, "A.3", 401, "description", "d", "D"}, {diff.SolutionChanged, "A.3", 401, "solution", "s", "S"}}},
		{"extra column", edit(func(es []catalog.Entry) []catalog.Entry { es[4].Extra = map[string]string{"Module": "IAM"}; return es }),
			[]brief{{diff.ExtraChanged, "A.4", 500, "extra.Module", "", "IAM"}}},
		{"one of two messages reworded", edit(func(es []catalog.Entry) []catalog.Entry { es[3].Message = "Token not found."; return es }),
			[]brief{{diff.MessageReworded, "A.3", 401, "message", "Token missing.", "Token not found."}}},
		{"one of two messages removed", edit(func(es []catalog.Entry) []catalog.Entry { return slices.Delete(es, 2, 3) }),
			[]brief{{diff.MessageRemoved, "A.3", 401, "message", "Token expired.", ""}}},
		{"another message", edit(func(es []catalog.Entry) []catalog.Entry { return slices.Insert(es, 2, e(401, "A.3", "Token revoked.")) }),
			[]brief{{diff.MessageAdded, "A.3", 401, "message", "", "Token revoked."}}},
		{"renamed", edit(func(es []catalog.Entry) []catalog.Entry { es[4].Code = "A.9"; return es }),
			[]brief{{diff.CodeRenamed, "A.9", 500, "code", "A.4", "A.9"}}},
		{"renamed and reworded is removed and added", edit(func(es []catalog.Entry) []catalog.Entry { es[4].Code, es[4].Message = "A.9", "Oops."; return es }),
			[]brief{{diff.CodeRemoved, "A.4", 500, "code", "A.4", ""}, {diff.CodeAdded, "A.9", 500, "code", "", "A.9"}}},
		{"prefix renamed", edit(func(es []catalog.Entry) []catalog.Entry {
			for i := range es {
				es[i].Code = "B." + strings.TrimPrefix(es[i].Code, "A.")
			}
			es[4].Status = 503
			return es
		}), []brief{
			{diff.StatusChanged, "B.4", 500, "status", "500", "503"},
			{diff.CodePrefixRenamed, "A.*", 0, "code", "A.", "B."},
		}},
		{"prefix renamed, one code gone", edit(func(es []catalog.Entry) []catalog.Entry {
			for i := range es {
				es[i].Code = "B." + strings.TrimPrefix(es[i].Code, "A.")
			}
			return es[:4]
		}), []brief{
			{diff.CodeRemoved, "A.4", 500, "code", "A.4", ""},
			{diff.CodePrefixRenamed, "A.*", 0, "code", "A.", "B."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := diff.Compare(cat(base...), tt.new, diff.Options{})
			if got := briefs(r); !slices.Equal(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			for _, c := range r.Changes {
				if rule, ok := diff.LookupRule(c.Rule); !ok || c.Level != rule.Level {
					t.Errorf("%s: level %s", c.Rule, c.Level)
				}
				if c.Fingerprint != diff.Fingerprint(c) || len(c.Fingerprint) != 16 {
					t.Errorf("%s: fingerprint %q", c.Rule, c.Fingerprint)
				}
			}
		})
	}
}

// TestStatusRemoved: a code that stays loses one of its statuses.
func TestStatusRemoved(t *testing.T) {
	old := cat(e(400, "A.1", "Bad: {0}."), e(404, "A.1", "No such thing: {0}."), e(500, "A.2", "Oops."))
	new := cat(e(400, "A.1", "Bad: {0}."), e(500, "A.2", "Oops."))
	want := []brief{{diff.StatusRemoved, "A.1", 404, "status", "404", ""}}
	r := diff.Compare(old, new, diff.Options{})
	if got := briefs(r); !slices.Equal(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if r.Changes[0].Level != diff.Err {
		t.Errorf("level %s", r.Changes[0].Level)
	}
}

// TestEntryOrderIrrelevant shuffles the rows of both sides of the
// combined Identity Center pair: the changes, fingerprints included, and
// their order stay the same.
func TestEntryOrderIrrelevant(t *testing.T) {
	old, new := pair(t, "placeholder+solution+removed+status")
	want := diff.Compare(old, new, diff.Options{}).Changes
	if len(want) != 4 {
		t.Fatalf("got %d changes, want 4", len(want))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		rng.Shuffle(len(old.Entries), func(i, j int) { old.Entries[i], old.Entries[j] = old.Entries[j], old.Entries[i] })
		rng.Shuffle(len(new.Entries), func(i, j int) { new.Entries[i], new.Entries[j] = new.Entries[j], new.Entries[i] })
		if got := diff.Compare(old, new, diff.Options{}).Changes; !slices.Equal(got, want) {
			t.Fatalf("after shuffling:\ngot  %+v\nwant %+v", got, want)
		}
	}
}

// TestRepeatedStatusAndCode pairs Identity Center's repeated (code,
// status) rows in order: 1410, 1420 and 1728 each have two messages for
// one status.
func TestRepeatedStatusAndCode(t *testing.T) {
	html := readPage(t)
	// Row 192 is the second 400 IdentityCenter.1420 message.
	edited := setCell(t, html, 192, 3, "An error occurred when cancelling the device authorization code.")
	r := diff.Compare(parse(t, "old", html), parse(t, "new", edited), diff.Options{})
	want := []brief{{diff.MessageReworded, "IdentityCenter.1420", 400, "message",
		"An error occurred when canceling the device authorization code.",
		"An error occurred when cancelling the device authorization code."}}
	if got := briefs(r); !slices.Equal(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	// Swapping the two rows of 1410 is no change.
	swapped := parse(t, "new", html)
	if e := swapped.Entries; e[178].Code != "IdentityCenter.1410" || e[179].Code != "IdentityCenter.1410" {
		t.Fatal("rows 179 and 180 are no longer IdentityCenter.1410")
	}
	swapped.Entries[178], swapped.Entries[179] = swapped.Entries[179], swapped.Entries[178]
	if r := diff.Compare(parse(t, "old", html), swapped, diff.Options{}); len(r.Changes) != 0 {
		t.Errorf("swapped rows: %+v", r.Changes)
	}
}

func TestFingerprint(t *testing.T) {
	c := diff.Change{Rule: diff.MessageReworded, Code: "A.1", Status: 400, Field: "message", Old: "a  b", New: "c"}
	fp := diff.Fingerprint(c)
	if len(fp) != 16 || strings.Trim(fp, "0123456789abcdef") != "" {
		t.Fatalf("fingerprint %q", fp)
	}
	// Documented in the package doc: pinned so it never changes by accident.
	if fp != "03d08920c43ca97f" {
		t.Errorf("fingerprint %s changed", fp)
	}
	same := c
	same.Old, same.Level, same.Catalog = "a b", diff.Err, "other/catalog"
	if diff.Fingerprint(same) != fp {
		t.Error("fingerprint depends on white space, level or catalog")
	}
	for _, f := range []func(*diff.Change){
		func(c *diff.Change) { c.Rule = diff.MessageParamsChanged },
		func(c *diff.Change) { c.Code = "A.2" },
		func(c *diff.Change) { c.Status = 404 },
		func(c *diff.Change) { c.Field = "description" },
		func(c *diff.Change) { c.New = "d" },
		func(c *diff.Change) { c.Old, c.New = c.New, c.Old },
	} {
		d := c
		f(&d)
		if diff.Fingerprint(d) == fp {
			t.Errorf("%+v has the fingerprint of %+v", d, c)
		}
	}
}

func TestBump(t *testing.T) {
	base := cat(e(400, "A.1", "x"), e(404, "A.2", "y"))
	named := func(c *catalog.Catalog, code, name string) *catalog.Catalog {
		for i := range c.Entries {
			if c.Entries[i].Code == code {
				c.Entries[i].Name = name
			}
		}
		return c
	}
	tests := []struct {
		name   string
		old    *catalog.Catalog // base when nil
		new    *catalog.Catalog
		names  map[string]string
		trim   []string
		level  diff.BumpLevel
		reason string
	}{
		{"none", nil, cat(e(400, "A.1", "x"), e(404, "A.2", "y")), nil, nil, diff.BumpNone, ""},
		{"patch", nil, cat(e(400, "A.1", "x!"), e(404, "A.2", "y")), nil, nil, diff.BumpPatch, "no Go constant added or removed; documented texts or statuses changed"},
		// Names are the codes' own, whatever prefix the codes share.
		{"minor", nil, cat(e(400, "A.1", "x"), e(404, "A.2", "y"), e(409, "A.3", "z")), nil, nil, diff.BumpMinor, "1 code added: A.3 (A3)"},
		{"major", nil, cat(e(400, "A.1", "x")), nil, nil, diff.BumpMajor, "1 code removed: A.2 (A2)"},
		{"trimmed", nil, cat(e(400, "A.1", "x"), e(404, "A.2", "y"), e(409, "A.3", "z")), nil, []string{"A."}, diff.BumpMinor, "1 code added: A.3 (Code3)"},
		// The config's names apply to both sides alike.
		{"override", nil, cat(e(400, "A.1", "x"), e(404, "A.2", "y")), map[string]string{"A.2": "NotFound"}, nil, diff.BumpNone, ""},
		// A code whose own name changes is a renamed constant: here the
		// name the source suggests for it.
		{"renamed", nil, named(cat(e(400, "A.1", "x"), e(404, "A.2", "y")), "A.2", "NOT_FOUND"), nil, nil, diff.BumpMajor, "1 constant renamed: A2 → NotFound (A.2)"},
		// A removed code whose name an added code takes: the constant
		// stays and means another code.
		{"change value", named(cat(e(400, "A.1", "x"), e(404, "A.2", "y")), "A.2", "Gone"), named(cat(e(400, "A.1", "x"), e(404, "B.2", "y")), "B.2", "Gone"), nil, nil,
			diff.BumpMajor, "1 constant changes value: Gone: A.2 → B.2"},
		{"removed and renamed", nil, named(cat(e(400, "A.1", "x")), "A.1", "First"), nil, nil, diff.BumpMajor,
			"1 code removed: A.2 (A2); 1 constant renamed: A1 → First (A.1)"},
		// An override of a code only one side has, as when the config
		// describes the new side, names it there and is no error.
		{"override of a new code", nil, cat(e(400, "A.1", "x"), e(404, "A.2", "y"), e(409, "A.3", "z")), map[string]string{"A.3": "Conflict"}, nil, diff.BumpMinor, "1 code added: A.3 (Conflict)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := tt.old
			if old == nil {
				old = base
			}
			b := diff.Compare(old, tt.new, diff.Options{Names: tt.names, TrimPrefixes: tt.trim}).Bump()
			if b.Level != tt.level || b.Reason != tt.reason {
				t.Errorf("got %s, want %s (%s)", b, tt.level, tt.reason)
			}
		})
	}
}

func TestIgnoreFile(t *testing.T) {
	good := `ignore:
  - fingerprint: 0123456789abcdef
    reason: r1
  - rule: error-code-added
    code: "*"
    reason: r2
    expires: 2026-06-30
`
	f, err := diff.ParseIgnore("ig.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Rules) != 2 || f.Rules[1].Line != 4 || f.Rules[1].Expires != "2026-06-30" {
		t.Fatalf("parsed %+v", f.Rules)
	}
	r := diff.Compare(cat(e(400, "A.1", "x")), cat(e(400, "A.1", "x"), e(409, "A.2", "y")), diff.Options{})
	f.Apply(r, time.Date(2026, 6, 30, 23, 0, 0, 0, time.UTC))
	if len(r.Changes) != 0 || len(r.Ignored) != 1 || r.Ignored[0].By.Reason != "r2" || len(r.Unused) != 1 || len(r.Expired) != 0 {
		t.Errorf("on the last day: %+v", r)
	}
	r = diff.Compare(cat(e(400, "A.1", "x")), cat(e(400, "A.1", "x"), e(409, "A.2", "y")), diff.Options{})
	f.Apply(r, time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC))
	if len(r.Changes) != 1 || len(r.Ignored) != 0 || len(r.Expired) != 1 || r.Expired[0].Line != 4 {
		t.Errorf("the day after: %+v", r)
	}

	bad := []struct{ in, want string }{
		{"- a\n", "ig.yaml: line 1: want a mapping with the key ignore"},
		{"ignores: []\n", `ig.yaml: line 1: unknown key "ignores" (want ignore)`},
		{"ignore: {}\n", "ig.yaml: line 1: ignore: want a list of rules"},
		{"ignore:\n  - reason: x\n", "ig.yaml: line 2: ignore[0]: want fingerprint, or rule and code"},
		{"ignore:\n  - fingerprint: 0123456789abcdef\n", "ig.yaml: line 2: ignore[0]: missing reason"},
		{"ignore:\n  - fingerprint: 0123\n    reason: x\n", `ig.yaml: line 2: ignore[0]: fingerprint "0123": want the 16 lower-case hex digits`},
		{"ignore:\n  - rule: error-code-gone\n    code: A\n    reason: x\n", `ig.yaml: line 2: ignore[0]: unknown rule "error-code-gone" (want one of: error-code-removed,`},
		{"ignore:\n  - rule: error-code-added\n    reason: x\n", "ig.yaml: line 2: ignore[0]: want fingerprint, or rule and code"},
		{"ignore:\n  - fingerprint: 0123456789abcdef\n    rule: error-code-added\n    code: A\n    reason: x\n", "not both"},
		{"ignore:\n  - fingerprint: 0123456789abcdef\n    reason: x\n    expires: next year\n", `ig.yaml: line 4: ignore[0]: expires "next year": want a date such as 2027-06-30`},
		{"ignore:\n  - fingerprint: 0123456789abcdef\n    reason: x\n    why: y\n", `ig.yaml: line 4: ignore[0]: unknown key "why" (want one of: fingerprint, rule, code, reason, expires)`},
		{"ignore: [\n", "ig.yaml: "},
	}
	for _, b := range bad {
		_, err := diff.ParseIgnore("ig.yaml", []byte(b.in))
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%q: got %v, want %q", b.in, err, b.want)
		}
	}
	if f, err := diff.ParseIgnore("ig.yaml", nil); err != nil || len(f.Rules) != 0 {
		t.Errorf("empty file: %v %v", f, err)
	}
}

func TestParseLevel(t *testing.T) {
	for in, want := range map[string]diff.Level{"ERR": diff.Err, "warn": diff.Warn, "Info": diff.Info} {
		if got, err := diff.ParseLevel(in); err != nil || got != want {
			t.Errorf("%s: %v %v", in, got, err)
		}
	}
	if _, err := diff.ParseLevel("error"); err == nil {
		t.Error("error: no error")
	}
}

// trickyTemplates are templates at the edges of the placeholder grammar,
// with the placeholders generated Format and Match see in them (the
// grammar itself is apierr.Placeholders, tested in apierr); diff must
// classify message changes by exactly these.
var trickyTemplates = []struct {
	tmpl string
	want string // the placeholders, as Describe lists them
}{
	{"Bad Request: {0}.", "{0}"},
	{"{0} and {1} and {0}", "{0} {1} {0}"},
	{"Thing {id} not found.", "{id}"},
	{"{}", "{}"},
	{"{} {}", "{} {}"},
	{"%(key)s is %(n)d", "%(key)s %(n)d"},
	{"%s %d %x", "%s %d"},
	{"100%% sure", "(none)"},
	{"%%s", "(none)"},
	{"{not a name}", "(none)"},
	{`{"json": 1}`, "(none)"},
	{"{a.b-c_d}", "{a.b-c_d}"},
	{"{", "(none)"},
	{"}", "(none)"},
	{"%(", "(none)"},
	{"%()s", "(none)"},
	{"%(k)x", "(none)"},
	{"{0", "(none)"},
	{"trailing %", "(none)"},
	{"π {π} {0}", "{π} {0}"},
	{"two\nlines {0}\n{1}", "{0} {1}"},
	{"{12}", "{12}"},
	{"%(a)s%(b)d{x}{}{3}", "%(a)s %(b)d {x} {} {3}"},
}

// TestParamsChangedOnTrickyTemplates: error-message-params-changed fires
// exactly when the placeholders generated code sees change, and Describe
// names them.
func TestParamsChangedOnTrickyTemplates(t *testing.T) {
	one := func(old, new string) (diff.Change, bool) {
		r := diff.Compare(cat(e(400, "A.1", old)), cat(e(400, "A.1", new)), diff.Options{})
		if len(r.Changes) != 1 {
			t.Errorf("%q → %q: %d changes, want 1: %+v", old, new, len(r.Changes), briefs(r))
			return diff.Change{}, false
		}
		return r.Changes[0], true
	}
	for _, tt := range trickyTemplates {
		// Rewording literal text around the placeholders keeps them.
		if c, ok := one(tt.tmpl, "Now: "+tt.tmpl); ok && c.Rule != diff.MessageReworded {
			t.Errorf("%q reworded: %s, want %s", tt.tmpl, c.Rule, diff.MessageReworded)
		}
		// Dropping them all lists exactly the placeholders diff saw.
		wantRule, wantDesc := diff.MessageReworded, "A.1: message reworded"
		if tt.want != "(none)" {
			wantRule, wantDesc = diff.MessageParamsChanged, "A.1: message placeholders "+tt.want+" → (none)"
		}
		if c, ok := one(tt.tmpl, "Gone."); ok && (c.Rule != wantRule || diff.Describe(c) != wantDesc) {
			t.Errorf("%q → %q: %s %q, want %s %q", tt.tmpl, "Gone.", c.Rule, diff.Describe(c), wantRule, wantDesc)
		}
	}

	// Edits that look alike but differ in what generated code sees.
	pairs := []struct {
		old, new string
		changed  bool
	}{
		{"{0} and {1} and {0}", "{0} and {1}", true}, // a repeat is a placeholder too
		{"{0} {1}", "{1} {0}", true},                 // order matters
		{"{}", "{0}", true},
		{"{a.b-c_d}", "{a.b-c_e}", true},
		{"{12}", "{13}", true},
		{"{0", "{0}", true},
		{"%%s", "%s", true},
		{"%()s", "%(k)s", true},
		{"%(k)x", "%(k)s", true},
		{"%(key)s is %(n)d", "%(key)s is %(n)s", true},
		{"100%% sure", "100%% certain", false},
		{"{not a name}", "{not a nome}", false},
		{`{"json": 1}`, `{"json": 2}`, false},
		{"%s %d %x", "%s %d %y", false},
		{"π {π} {0}", "p {π} {0}", false},
		{"two\nlines {0}\n{1}", "two lines: {0} and {1}", false},
		{"Thing &#123;id&#125; gone.", "Thing {id} not found.", false}, // compared decoded
		{"Thing &#123;id&#125; gone.", "Thing {name} gone.", true},
	}
	for _, p := range pairs {
		want := diff.MessageReworded
		if p.changed {
			want = diff.MessageParamsChanged
		}
		if c, ok := one(p.old, p.new); ok && c.Rule != want {
			t.Errorf("%q → %q: %s, want %s", p.old, p.new, c.Rule, want)
		}
	}
}

// TestTypedFields: a note and a status range are compared as the fields
// they are, not as Extra columns.
func TestTypedFields(t *testing.T) {
	old := &catalog.Catalog{Entries: []catalog.Entry{
		{Code: "A", StatusRange: "4XX", Note: "old"},
	}}
	new := &catalog.Catalog{Entries: []catalog.Entry{
		{Code: "A", StatusRange: "5XX", Note: "new"},
	}}
	r := diff.Compare(old, new, diff.Options{})
	got := map[string]string{}
	for _, c := range r.Changes {
		got[c.Rule] = c.Old + "→" + c.New
	}
	if got[diff.StatusChanged] != "4XX→5XX" || got[diff.NoteChanged] != "old→new" || len(got) != 2 {
		t.Errorf("changes = %v, want status 4XX→5XX and note old→new", got)
	}
}

// TestRetryableChanged: whether a code is retryable is its property, so a
// change is one WARN per code, however many entries it has; a code that
// was renamed keeps the comparison; a removed or added code is only that.
func TestRetryableChanged(t *testing.T) {
	retry := func(en catalog.Entry) catalog.Entry { en.Retryable = true; return en }
	old := cat(e(409, "A.1", "Busy."), e(400, "A.1", "Busy now."), retry(e(400, "A.2", "Later.")), e(400, "A.3", "Same."), retry(e(400, "A.4", "Gone.")))
	new := cat(retry(e(409, "A.1", "Busy.")), retry(e(400, "A.1", "Busy now.")), e(400, "A.2", "Later."), e(400, "A.3", "Same."), retry(e(400, "A.5", "New.")))
	r := diff.Compare(old, new, diff.Options{})
	var got []brief
	for _, b := range briefs(r) {
		if b.rule == diff.RetryableChanged {
			got = append(got, b)
		}
	}
	want := []brief{
		{diff.RetryableChanged, "A.1", 0, "retryable", "false", "true"},
		{diff.RetryableChanged, "A.2", 0, "retryable", "true", "false"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("retryable changes = %+v\nwant %+v", got, want)
	}
	for _, c := range r.Changes {
		if c.Rule == diff.RetryableChanged && c.Level != diff.Warn {
			t.Errorf("%s: level %s, want WARN: clients' retries change", c.Code, c.Level)
		}
	}
	if d := diff.Describe(r.Changes[slices.IndexFunc(r.Changes, func(c diff.Change) bool { return c.Code == "A.1" })]); !strings.Contains(d, "A.1 is now retryable") {
		t.Errorf("Describe = %q", d)
	}
	// A renamed code is still compared.
	r = diff.Compare(cat(e(400, "A.1", "Busy.")), cat(retry(e(400, "B.1", "Busy."))), diff.Options{})
	if b := briefs(r); len(b) != 2 || b[0].rule != diff.CodeRenamed || b[1] != (brief{diff.RetryableChanged, "B.1", 0, "retryable", "false", "true"}) {
		t.Errorf("rename: %+v, want the rename and B.1 now retryable", b)
	}
}
