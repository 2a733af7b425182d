package apierr

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// row is one documented entry, as the emitter has it before packing.
type row struct {
	code                                  string
	status                                int
	message, title, description, solution string
}

// pack builds a Table as the emitter packs one: codes in order of first
// appearance, entries grouped by code, texts interned, text 0 "".
func pack[C ~string](rows []row, retryable ...string) *Table[C] {
	var codes []string
	index := map[string]int{}
	var groups [][]row
	for _, r := range rows {
		i, ok := index[r.code]
		if !ok {
			i = len(codes)
			index[r.code] = i
			codes = append(codes, r.code)
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], r)
	}
	t := &Table[C]{}
	var codeEnd, sorted, textEnd, entries, retry []uint32
	var cb strings.Builder
	for _, c := range codes {
		cb.WriteString(c)
		codeEnd = append(codeEnd, uint32(cb.Len()))
	}
	t.Codes = cb.String()
	for i := range codes {
		sorted = append(sorted, uint32(i))
	}
	slices.SortFunc(sorted, func(a, b uint32) int { return strings.Compare(codes[a], codes[b]) })
	texts := map[string]uint32{"": 0}
	var tb strings.Builder
	textEnd = []uint32{0}
	intern := func(s string) uint32 {
		if i, ok := texts[s]; ok {
			return i
		}
		tb.WriteString(s)
		textEnd = append(textEnd, uint32(tb.Len()))
		texts[s] = uint32(len(textEnd) - 1)
		return texts[s]
	}
	for i, g := range groups {
		for _, r := range g {
			entries = append(entries, uint32(i), uint32(r.status), intern(r.message), intern(r.title), intern(r.description), intern(r.solution))
		}
	}
	t.Text = tb.String()
	for _, c := range retryable {
		retry = append(retry, uint32(index[c]))
	}
	slices.Sort(retry)
	t.CodeEnd, t.Sorted, t.TextEnd, t.Entries, t.RetryableCodes = PackWords(codeEnd), PackWords(sorted), PackWords(textEnd), PackWords(entries), PackWords(retry)
	return t
}

// inCodes reports whether s is a substring of t.Codes, not a copy.
func inCodes[C ~string](t *Table[C], s string) bool {
	base := uintptr(unsafe.Pointer(unsafe.StringData(t.Codes)))
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return len(s) > 0 && base <= p && p+uintptr(len(s)) <= base+uintptr(len(t.Codes))
}

type testCode string

func codesTable(codes ...string) *Table[testCode] {
	var rows []row
	for _, c := range codes {
		rows = append(rows, row{code: c})
	}
	return pack[testCode](rows)
}

func TestSearch(t *testing.T) {
	table := codesTable("IdentityCenter.1000", "b", "A", "ELB.1001", "IdentityCenter.400", "ELB.1000")
	for _, k := range []string{"A", "ELB.1000", "ELB.1001", "IdentityCenter.1000", "IdentityCenter.400", "b"} {
		if !table.Known(k) {
			t.Errorf("Known(%q) = false", k)
		}
		if got := table.Code("", []byte(k)); string(got) != k || !inCodes(table, string(got)) {
			t.Errorf("Code(%q) = %q, not the table's own string", k, got)
		}
	}
	for _, k := range []string{"", "0", "ELB.100", "ELB.10000", "c", "IdentityCenter.1000 "} {
		if table.Known(k) {
			t.Errorf("Known(%q)", k)
		}
		if got := table.Code("", []byte(k)); string(got) != k {
			t.Errorf("Code(%q) = %q", k, got)
		}
	}
	if codesTable().Known("") {
		t.Error("found in empty table")
	}
	key := []byte("IdentityCenter.400")
	if a := testing.AllocsPerRun(100, func() { table.Code("", key) }); a != 0 {
		t.Errorf("Code allocates %v times", a)
	}
}

// TestSearchPrefix: a prefix and a key find what their concatenation
// finds, however the table's codes and the prefix overlap.
func TestSearchPrefix(t *testing.T) {
	sorted := []string{"A", "AA", "AADSTS", "AADSTS50126", "AADSTS7", "AADSTS70011", "AADSTT1", "AB", "B"}
	table := codesTable("B", "AADSTS70011", "A", "AB", "AADSTS", "AADSTT1", "AADSTS7", "AA", "AADSTS50126")
	for _, prefix := range []string{"", "A", "AA", "AADST", "AADSTS", "AADSTS7", "AB", "B", "Z", "AADSTS70011"} {
		for _, code := range append(slices.Clone(sorted), "", "0", "70011", "50126", "DSTS70011", "ADSTS", "S70011", "T1") {
			want, wantOK := table.search(prefix + code)
			got, ok := table.searchBytes(prefix, []byte(code))
			if got != want || ok != wantOK {
				t.Errorf("searchBytes(%q, %q) = %d, %v; search(%q) = %d, %v", prefix, code, got, ok, prefix+code, want, wantOK)
			}
			if _, doc := slices.BinarySearch(sorted, prefix+code); doc != ok {
				t.Errorf("searchBytes(%q, %q) found = %v", prefix, code, ok)
			}
		}
	}
	key := []byte("70011")
	if a := testing.AllocsPerRun(100, func() { table.searchBytes("AADSTS", key) }); a != 0 {
		t.Errorf("searchBytes with a prefix allocates %v times", a)
	}
	if a := testing.AllocsPerRun(100, func() { table.Code("AADSTS", key) }); a != 0 {
		t.Errorf("Code of a documented code allocates %v times", a)
	}
	if got := table.Code("AADSTS", key); got != "AADSTS70011" || !inCodes(table, string(got)) {
		t.Errorf("Code = %q, not the table's own string", got)
	}
	if got := table.Code("AADSTS", []byte("99999")); got != "AADSTS99999" {
		t.Errorf("Code of an undocumented code = %q, want AADSTS99999", got)
	}
	if got := table.Code("", []byte("X")); got != "X" {
		t.Errorf("Code without prefix = %q, want X", got)
	}
}

func TestSCIMCode(t *testing.T) {
	table := codesTable("uniqueness", "409", "404")
	for _, tc := range []struct {
		scimType string
		status   int
		want     string
	}{
		{"uniqueness", 409, "uniqueness"},
		{"mutability", 409, "409"}, // undocumented scimType, documented status
		{"mutability", 400, "mutability"},
		{"", 404, "404"},
		{"", 500, "500"},
		{"", 0, ""},
	} {
		got := table.SCIMCode(tc.scimType, tc.status)
		if string(got) != tc.want {
			t.Errorf("SCIMCode(%q, %d) = %q, want %q", tc.scimType, tc.status, got, tc.want)
		}
		if table.Known(tc.want) && !inCodes(table, string(got)) {
			t.Errorf("SCIMCode(%q, %d) is not the table's own string", tc.scimType, tc.status)
		}
	}
	if a := testing.AllocsPerRun(100, func() { table.SCIMCode("mutability", 409) }); a != 0 {
		t.Errorf("SCIMCode of a documented status allocates %v times", a)
	}
}

// identityCenterRows are entries in the style of Huawei Cloud's Identity
// Center: a code with several entries, shared messages, one without
// message or status.
var identityCenterRows = []row{
	{"IdentityCenter.400", 400, "Bad Request: {0}.", "", "Invalid request parameter.", "Check whether the request parameter is correct."},
	{"IdentityCenter.400", 404, "Bad Request: {0}.", "", "Invalid request parameter.", "Check whether the request parameter is correct."},
	{"IdentityCenter.1000", 403, "No permission for action {0}.", "", "Insufficient permissions.", "Check whether you have required permissions."},
	{"IdentityCenter.1000", 404, "no permission to bind account.", "Bind", "You do not have permission to attach the account.", "Check whether the account has been added to Organizations."},
	{"IdentityCenter.1000", 409, "This account does not have this service instance.", "", "The service instance is not found in this account.", "Check whether the account ID and instance ID are correct."},
	{"IdentityCenter.1002", 404, "Bad Request: {0}.", "", "Invalid request parameter.", "Check whether the request parameter is correct."},
	{"IdentityCenter.1006", 409, "Concurrency conflicts. Try again later.", "", "Concurrency conflicts. Try again later.", "Check whether the request parameters conflict and try again."},
	{"IdentityCenter.1209", 500, "Bad Request:{0}.", "", "Organizations operation error.", "Contact technical support."},
	{"IdentityCenter.1300", 0, "Request parameters error, private_key or certificate is nil or empty.\nRequest parameters error, {0} is empty.", "", "", ""},
	{"IdentityCenter.1301", 0, "", "", "Undocumented message.", ""},
	{"IdentityCenter.1302", 400, "", "", "", ""},
	{"IdentityCenter.1302", 400, "", "", "", ""},
}

func TestTable(t *testing.T) {
	table := pack[testCode](identityCenterRows, "IdentityCenter.1006", "IdentityCenter.1209")
	if table.Len() != 8 {
		t.Errorf("Len = %d", table.Len())
	}
	info, ok := table.Lookup("IdentityCenter.1000")
	if !ok {
		t.Fatal("Lookup failed")
	}
	want := Info[testCode]{
		Code:        "IdentityCenter.1000",
		Statuses:    []int{403, 404, 409},
		Messages:    []string{"No permission for action {0}.", "no permission to bind account.", "This account does not have this service instance."},
		Description: "Insufficient permissions.",
		Solution:    "Check whether you have required permissions.",
		Entries: []Entry[testCode]{
			{"IdentityCenter.1000", 403, "No permission for action {0}.", "", "Insufficient permissions.", "Check whether you have required permissions."},
			{"IdentityCenter.1000", 404, "no permission to bind account.", "Bind", "You do not have permission to attach the account.", "Check whether the account has been added to Organizations."},
			{"IdentityCenter.1000", 409, "This account does not have this service instance.", "", "The service instance is not found in this account.", "Check whether the account ID and instance ID are correct."},
		},
	}
	if !reflect.DeepEqual(info, want) {
		t.Errorf("Lookup =\n%+v, want\n%+v", info, want)
	}
	if !inCodes(table, string(info.Code)) || !inCodes(table, string(info.Entries[1].Code)) {
		t.Error("the Info's codes are copies")
	}
	// Statuses and messages are distinct; nil when there are none.
	if i := table.Info("IdentityCenter.400"); !slices.Equal(i.Statuses, []int{400, 404}) || !slices.Equal(i.Messages, []string{"Bad Request: {0}."}) {
		t.Errorf("IdentityCenter.400: %v %q", i.Statuses, i.Messages)
	}
	if i := table.Info("IdentityCenter.1301"); i.Statuses != nil || i.Messages != nil || i.Description != "Undocumented message." || len(i.Entries) != 1 {
		t.Errorf("IdentityCenter.1301: %+v", i)
	}
	if i := table.Info("IdentityCenter.1302"); !slices.Equal(i.Statuses, []int{400}) || i.Messages != nil || len(i.Entries) != 2 {
		t.Errorf("IdentityCenter.1302: %+v", i)
	}
	// Appending to an Info's slices cannot overwrite the next code's.
	i400 := table.Info("IdentityCenter.400")
	_ = append(i400.Statuses, 999)
	_ = append(i400.Messages, "x")
	_ = append(i400.Entries, Entry[testCode]{})
	if i := table.Info("IdentityCenter.1000"); i.Statuses[0] != 403 || i.Messages[0] != "No permission for action {0}." || i.Entries[0].Status != 403 {
		t.Error("appending to one Info changed another")
	}

	if _, ok := table.Lookup("IdentityCenter.9999"); ok {
		t.Error("Lookup of an unknown code")
	}
	if i := table.Info("nope"); !reflect.DeepEqual(i, Info[testCode]{Code: "nope"}) {
		t.Errorf("Info of an unknown code = %+v", i)
	}
	var all []testCode
	for i := range table.All() {
		all = append(all, i.Code)
		if len(all) == 3 {
			break
		}
	}
	if !slices.Equal(all, []testCode{"IdentityCenter.400", "IdentityCenter.1000", "IdentityCenter.1002"}) {
		t.Errorf("All = %q", all)
	}
	for code, want := range map[string]bool{"IdentityCenter.1006": true, "IdentityCenter.1209": true, "IdentityCenter.400": false, "x": false} {
		if table.Retryable(code) != want {
			t.Errorf("Retryable(%q) = %v", code, !want)
		}
	}

	if got := info.Format("sso:list"); got != "No permission for action sso:list." {
		t.Errorf("Format = %q", got)
	}
	if got := table.Info("IdentityCenter.1301").Format("x"); got != "" {
		t.Errorf("Format without message = %q", got)
	}
	if args, ok := info.Match("No permission for action a:b."); !ok || !slices.Equal(args, []string{"a:b"}) {
		t.Errorf("Info.Match = %q, %v", args, ok)
	}
	if e, args, ok := info.MatchEntry(404, "no permission to bind account."); !ok || e.Title != "Bind" || args != nil {
		t.Errorf("Info.MatchEntry = %+v, %q, %v", e, args, ok)
	}
	if _, _, ok := info.MatchEntry(404, "something else"); ok {
		t.Error("Info.MatchEntry fits an undocumented message")
	}
}

func TestTableMatch(t *testing.T) {
	table := pack[testCode](identityCenterRows)
	for _, tc := range []struct {
		message string
		code    testCode
		entry   int // within the code
		args    []string
	}{
		// The line was first documented by IdentityCenter.400, whose
		// first entry has it; IdentityCenter.1002 shares it.
		{"Bad Request: x.", "IdentityCenter.400", 0, []string{"x"}},
		{"Bad Request:x.", "IdentityCenter.1209", 0, []string{"x"}},
		{"No permission for action a.", "IdentityCenter.1000", 0, []string{"a"}},
		{"This account does not have this service instance.", "IdentityCenter.1000", 2, nil},
		// Each line of a message is a template; the most specific wins.
		{"Request parameters error, private_key or certificate is nil or empty.", "IdentityCenter.1300", 0, nil},
		{"Request parameters error, name is empty.", "IdentityCenter.1300", 0, []string{"name"}},
	} {
		info, args, ok := table.Match(tc.message)
		if !ok || info.Code != tc.code || !slices.Equal(args, tc.args) {
			t.Errorf("Match(%q) = %q, %q, %v; want %q, %q", tc.message, info.Code, args, ok, tc.code, tc.args)
		}
		e, args, ok := table.MatchEntry(tc.message)
		if want := table.Info(tc.code).Entries[tc.entry]; !ok || e != want || !slices.Equal(args, tc.args) {
			t.Errorf("MatchEntry(%q) = %+v, %q, %v; want %+v", tc.message, e, args, ok, want)
		}
	}
	for _, m := range []string{"", "anything", "Bad Request: x"} {
		if info, _, ok := table.Match(m); ok {
			t.Errorf("Match(%q) = %q", m, info.Code)
		}
		if e, _, ok := table.MatchEntry(m); ok {
			t.Errorf("MatchEntry(%q) = %+v", m, e)
		}
	}
}

// TestTableAllocs: after the first use, looking a code up, finding a
// documented code and parsing a body with a documented code and no
// message cost nothing.
func TestTableAllocs(t *testing.T) {
	table := pack[testCode](identityCenterRows)
	table.Lookup("x") // the first use builds
	bodyNoMessage := []byte(`{"error_code":"IdentityCenter.1000"}`)
	for name, f := range map[string]func(){
		"Lookup": func() { table.Lookup("IdentityCenter.1000") },
		"Known":  func() { table.Known("IdentityCenter.1000") },
		"Intern": func() { table.Intern("IdentityCenter.1000") },
		"Code":   func() { table.Code("IdentityCenter.", []byte("1000")) },
		"Info":   func() { table.Info("IdentityCenter.1000") },
		"Envelope.Parse+Code": func() {
			code, prefix, _, _, _ := huaweiEnvelope.Parse(bodyNoMessage)
			table.Code(prefix, code)
		},
		"Retryable": func() { table.Retryable("IdentityCenter.1000") },
	} {
		if a := testing.AllocsPerRun(1000, f); a != 0 {
			t.Errorf("%s allocates %v times", name, a)
		}
	}
}

func TestTableInvalid(t *testing.T) {
	for name, table := range map[string]*Table[testCode]{
		"sorted":    {Codes: "ab", CodeEnd: PackWords([]uint32{1, 2}), Sorted: PackWords([]uint32{1, 0})},
		"entries":   {Codes: "a", CodeEnd: PackWords([]uint32{1}), Sorted: PackWords([]uint32{0}), Entries: PackWords([]uint32{0, 400, 0})},
		"text":      {Codes: "a", CodeEnd: PackWords([]uint32{1}), Sorted: PackWords([]uint32{0}), Entries: PackWords([]uint32{0, 400, 5, 0, 0, 0}), TextEnd: PackWords([]uint32{0})},
		"code":      {Codes: "a", CodeEnd: PackWords([]uint32{1}), Sorted: PackWords([]uint32{0}), Entries: PackWords([]uint32{1, 400, 0, 0, 0, 0})},
		"retryable": {Codes: "a", CodeEnd: PackWords([]uint32{1}), Sorted: PackWords([]uint32{0}), RetryableCodes: PackWords([]uint32{3})},
		"codeEnd":   {Codes: "a", CodeEnd: PackWords([]uint32{2}), Sorted: PackWords([]uint32{0})},
		"partial":   {Codes: "a", CodeEnd: "\x01\x00\x00", Sorted: PackWords([]uint32{0})},
	} {
		// Every method says what is wrong, the first called as any other,
		// rather than fail with an index out of range or answer wrong.
		for method, call := range map[string]func(){
			"All": func() {
				for range table.All() {
				}
			},
			"Known":     func() { table.Known("b") },
			"Code":      func() { table.Code("", []byte("b")) },
			"Intern":    func() { table.Intern("b") },
			"SCIMCode":  func() { table.SCIMCode("b", 400) },
			"Retryable": func() { table.Retryable("b") },
			"Lookup":    func() { table.Lookup("b") },
			"Match":     func() { table.Match("b") },
		} {
			func() {
				defer func() {
					if r, _ := recover().(string); !strings.HasPrefix(r, "apierr: invalid Table: ") {
						t.Errorf("%s: %s: panic %q", name, method, r)
					}
				}()
				call()
			}()
		}
	}
}

// TestTableConcurrentFirstUse: the lazy build is safe when many
// goroutines use a table first at once (go test -race checks it).
func TestTableConcurrentFirstUse(t *testing.T) {
	table := pack[testCode](identityCenterRows)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, ok := table.Lookup("IdentityCenter.1000"); !ok {
				t.Error("Lookup failed")
			}
			if _, _, ok := table.Match("Bad Request: x."); !ok {
				t.Error("Match failed")
			}
		})
	}
	wg.Wait()
}

// fuzzRows reads a table from fuzz input: entries separated by '|',
// each code '=' status '=' message (the message may hold lines), the
// status chosen among a few by the length of its field.
func fuzzRows(spec string) []row {
	var rows []row
	for i, e := range strings.Split(spec, "|") {
		if i == 64 {
			break
		}
		parts := strings.SplitN(e, "=", 3)
		r := row{code: parts[0], description: e}
		if len(parts) > 1 {
			r.status = []int{0, 400, 404, 500}[len(parts[1])%4]
		}
		if len(parts) > 2 {
			r.message = parts[2]
		}
		rows = append(rows, r)
	}
	return rows
}

// FuzzTable holds Table to a model built from the rows with maps and
// linear scans: Lookup, Known, Code, SCIMCode, All, and Match and
// MatchEntry as their definition says (the most literals among the lines
// that fit, the first in packed order among equals), not as the index
// does it.
func FuzzTable(f *testing.F) {
	f.Add("IdentityCenter.400=1=Bad Request: {0}.|IdentityCenter.1000=12=No permission for action {0}.|IdentityCenter.400=123=Bad Request: {0}.", "Bad Request: x.", "IdentityCenter.", 400)
	f.Add("a==x {0} y\nx {a} y|b=1=x 1 y|a=12=|c=123={}", "x 1 y", "", 404)
	f.Add("409=1=|uniqueness=12=taken {0}|404==", "uniqueness", "4", 409)
	f.Add("", "", "", 0)
	f.Fuzz(func(t *testing.T, spec, query, prefix string, status int) {
		rows := fuzzRows(spec)
		table := pack[testCode](rows)
		// The model: codes in order of first appearance, rows grouped.
		var codes []string
		groups := map[string][]row{}
		for _, r := range rows {
			if _, ok := groups[r.code]; !ok {
				codes = append(codes, r.code)
			}
			groups[r.code] = append(groups[r.code], r)
		}
		if table.Len() != len(codes) {
			t.Fatalf("Len = %d, want %d", table.Len(), len(codes))
		}
		var all []string
		for info := range table.All() {
			all = append(all, string(info.Code))
		}
		if !slices.Equal(all, codes) {
			t.Fatalf("All = %q, want %q", all, codes)
		}
		for _, c := range codes {
			info, ok := table.Lookup(c)
			if !ok || string(info.Code) != c || len(info.Entries) != len(groups[c]) {
				t.Fatalf("Lookup(%q) = %+v, %v", c, info, ok)
			}
			var statuses []int
			var messages []string
			for k, r := range groups[c] {
				e := info.Entries[k]
				if string(e.Code) != c || e.Status != r.status || e.Message != r.message || e.Description != r.description {
					t.Fatalf("%q entry %d = %+v, want %+v", c, k, e, r)
				}
				if r.status != 0 && !slices.Contains(statuses, r.status) {
					statuses = append(statuses, r.status)
				}
				if r.message != "" && !slices.Contains(messages, r.message) {
					messages = append(messages, r.message)
				}
			}
			if !reflect.DeepEqual(info.Statuses, statuses) || !reflect.DeepEqual(info.Messages, messages) || info.Description != groups[c][0].description {
				t.Fatalf("%q: %v %q, want %v %q", c, info.Statuses, info.Messages, statuses, messages)
			}
		}
		_, known := groups[query]
		if table.Known(query) != known {
			t.Fatalf("Known(%q) = %v", query, !known)
		}
		code := table.Code(prefix, []byte(query))
		if string(code) != prefix+query {
			t.Fatalf("Code(%q, %q) = %q", prefix, query, code)
		}
		if _, ok := groups[prefix+query]; ok != inCodes(table, string(code)) && prefix+query != "" {
			t.Fatalf("Code(%q, %q): documented %v, table's own string %v", prefix, query, ok, !ok)
		}
		wantSCIM := query
		if _, ok := groups[query]; !ok {
			if _, ok := groups[strconv.Itoa(status)]; ok && status != 0 {
				wantSCIM = strconv.Itoa(status)
			} else if query == "" && status != 0 {
				wantSCIM = strconv.Itoa(status)
			}
		}
		if got := table.SCIMCode(query, status); string(got) != wantSCIM {
			t.Fatalf("SCIMCode(%q, %d) = %q, want %q", query, status, got, wantSCIM)
		}

		// Match by its definition.
		type line struct {
			code  string
			entry int
			text  string
		}
		var lines []line
		seen := map[string]bool{"": true}
		for _, c := range codes {
			for k, r := range groups[c] {
				for _, l := range strings.Split(r.message, "\n") {
					if !seen[l] {
						seen[l] = true
						lines = append(lines, line{c, k, l})
					}
				}
			}
		}
		best, bestLit := -1, -1
		var bestArgs []string
		for i, l := range lines {
			if args, ok := Match(l.text, query); ok && Literals(l.text) > bestLit {
				best, bestLit, bestArgs = i, Literals(l.text), args
			}
		}
		info, args, ok := table.Match(query)
		entry, eargs, eok := table.MatchEntry(query)
		if best < 0 {
			if ok || eok {
				t.Fatalf("Match(%q) = %q, %v; MatchEntry %+v, %v; want no match", query, info.Code, ok, entry, eok)
			}
			return
		}
		want := lines[best]
		if !ok || string(info.Code) != want.code || !slices.Equal(args, bestArgs) {
			t.Fatalf("Match(%q) = %q, %q, %v; want %q, %q", query, info.Code, args, ok, want.code, bestArgs)
		}
		if wantEntry := table.Info(testCode(want.code)).Entries[want.entry]; !eok || entry != wantEntry || !slices.Equal(eargs, bestArgs) {
			t.Fatalf("MatchEntry(%q) = %+v, %q, %v; want %+v", query, entry, eargs, eok, wantEntry)
		}
	})
}

// A template line two codes document goes to the one that documents it
// first in the source, which the grouped entries alone cannot tell:
// Documented gives the source's order.
func TestTableMatchDocumentedOrder(t *testing.T) {
	rows := []row{
		{code: "A", status: 400, message: "first"},
		{code: "B", status: 400, message: "shared {0}"},
		{code: "A", status: 409, message: "shared {0}"},
	}
	table := pack[testCode](rows)
	// Packed: A's two entries (0, 1), then B's (2); the source has A, B, A.
	table.Documented = PackWords([]uint32{0, 2, 1})
	if info, args, ok := table.Match("shared x"); !ok || info.Code != "B" || !slices.Equal(args, []string{"x"}) {
		t.Errorf("Match = %s, %q, %v; want B, the code documented first", info.Code, args, ok)
	}
	if e, _, ok := table.MatchEntry("shared x"); !ok || e.Code != "B" || e.Status != 400 {
		t.Errorf("MatchEntry = %+v, %v; want B's entry", e, ok)
	}
	// Without it, the packed order decides.
	table = pack[testCode](rows)
	if info, _, _ := table.Match("shared x"); info.Code != "A" {
		t.Errorf("Match without Documented = %s, want A", info.Code)
	}
	bad := pack[testCode](rows)
	bad.Documented = PackWords([]uint32{0, 0, 1})
	func() {
		defer func() {
			if r := recover(); r == nil || !strings.Contains(r.(string), "Documented") {
				t.Errorf("a Documented that is no permutation: panic %v", r)
			}
		}()
		bad.Lookup("A")
	}()
}
