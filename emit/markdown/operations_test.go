package markdown_test

import (
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/emit/gopkg"
	"github.com/errgen/errgen/emit/markdown"
	"github.com/errgen/errgen/internal/mdcheck"
)

// checkOperations checks that every operation of every entry of c can be
// found from its page (files are Emit's output): in the row's cell, or,
// for a row with more than markdown.CellOperations, in the list on the
// operations page the row links, which must hold exactly the entry's
// operations, in order.
func checkOperations(t *testing.T, files map[string][]byte, c *catalog.Catalog) {
	t.Helper()
	pageName, opsName := c.ID+".md", c.ID+markdown.OperationsSuffix
	doc, err := mdcheck.Render(files[pageName])
	if err != nil {
		t.Fatal(err)
	}
	var links []string
	for _, a := range mdcheck.Find(doc, atom.A) {
		if href := attr(a, "href"); strings.Contains(href, markdown.OperationsSuffix+"#") {
			links = append(links, href)
		}
	}
	var long []catalog.Entry
	for _, group := range c.ByCode() {
		for _, e := range group {
			if len(e.Operations) > markdown.CellOperations {
				long = append(long, e)
			}
		}
	}
	if len(long) == 0 {
		if _, ok := files[opsName]; ok || len(links) > 0 {
			t.Errorf("no row has more than %d operations, yet there is an operations page or a link to one", markdown.CellOperations)
		}
		return
	}
	if len(links) != len(long) {
		t.Fatalf("%d rows link their operations, want %d (the rows with more than %d)", len(links), len(long), markdown.CellOperations)
	}
	ops, ok := files[opsName]
	if !ok {
		t.Fatalf("no operations page %s", opsName)
	}
	opsDoc, err := mdcheck.Render(ops)
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string][]string{}
	for _, a := range mdcheck.Find(opsDoc, atom.A) {
		id := attr(a, "id")
		if id == "" {
			continue
		}
		p := a.Parent
		for p != nil && p.DataAtom != atom.P {
			p = p.Parent
		}
		ul := p
		for ul != nil && ul.DataAtom != atom.Ul {
			ul = ul.NextSibling
		}
		if p == nil || ul == nil {
			t.Fatalf("operations page: no list after anchor %q", id)
		}
		var items []string
		for li := ul.FirstChild; li != nil; li = li.NextSibling {
			if li.Type == html.ElementNode && li.DataAtom == atom.Li {
				items = append(items, strings.TrimSpace(mdcheck.Text(li)))
			}
		}
		if _, dup := lists[id]; dup {
			t.Errorf("operations page: anchor %q twice", id)
		}
		lists[id] = items
	}
	wantFile := path.Base(opsName)
	for i, e := range long {
		file, id, _ := strings.Cut(links[i], "#")
		if file != wantFile {
			t.Errorf("row of %s links %q, want %s#…", e.Code, links[i], wantFile)
		}
		var want []string
		for _, op := range e.Operations {
			want = append(want, shown(op.Method+" "+op.Path))
		}
		if got := lists[id]; !slices.Equal(got, want) {
			t.Errorf("row of %s (%d): the list at #%s has %d operations, want the entry's %d", e.Code, e.Status, id, len(got), len(want))
		}
	}
	// Back links from the operations page land on the codes' anchors.
	for _, a := range mdcheck.Find(opsDoc, atom.A) {
		href := attr(a, "href")
		if file, id, ok := strings.Cut(href, "#"); ok && file == path.Base(pageName) {
			if !strings.Contains(string(files[pageName]), `<a id="`+id+`"></a>`) {
				t.Errorf("operations page links %q, which is no anchor of the page", href)
			}
		}
	}
}

// manyOperations is a catalog of 100 codes, each documented under 700
// operations: the same 700 for every code (a shared error response, as
// DigitalOcean's and Okta's descriptions have), or 700 of its own.
func manyOperations(shared bool) *catalog.Catalog {
	c := &catalog.Catalog{ID: "example/many", Title: "Many API", Vendor: "Example",
		Source:   catalog.Source{Kind: "openapi", URL: "https://docs.example.com/api", SHA256: strings.Repeat("0", 64)},
		Envelope: catalog.Envelope{Shapes: []catalog.Shape{{Code: "/errors/*/code", Message: "/errors/*/message"}}}}
	for i := range 100 {
		e := catalog.Entry{Status: 400 + i%30, Code: fmt.Sprintf("errors.code%03d", i),
			Message: "The request was refused.", Description: "Something about the request was wrong; check it and retry."}
		for j := range 700 {
			k := j
			if !shared {
				k = i*700 + j
			}
			e.Operations = append(e.Operations, catalog.Operation{Method: "GET", Path: fmt.Sprintf("/v2/projects/{project_id}/resources/{resource_id}/items/%d", k)})
		}
		c.Entries = append(c.Entries, e)
	}
	return c
}

// TestManyOperations: a catalog whose 100 codes are each documented
// under 700 operations makes a page under 100 KB (it was 3 MB, a 31 KB
// table row per code), and every operation can still be found.
func TestManyOperations(t *testing.T) {
	for _, shared := range []bool{true, false} {
		t.Run(fmt.Sprintf("shared=%v", shared), func(t *testing.T) {
			c := manyOperations(shared)
			names, err := gopkg.Names(c, gopkg.Options{})
			if err != nil {
				t.Fatal(err)
			}
			files := emit(t, []markdown.Page{page(c, names)}, markdown.Options{})
			md := files[c.ID+".md"]
			if len(md) >= 100_000 {
				t.Errorf("the page is %d bytes, want under 100 KB", len(md))
			}
			for _, l := range strings.Split(string(md), "\n") {
				if len(l) > 1000 {
					t.Errorf("a line of %d bytes: %.200s…", len(l), l)
					break
				}
			}
			CheckPage(t, md, c, names)
			checkOperations(t, files, c)
			if ops := files[c.ID+markdown.OperationsSuffix]; shared && len(ops) >= 100_000 {
				t.Errorf("the operations page is %d bytes: the shared list should be there once", len(ops))
			}
			t.Logf("page %d bytes, operations page %d bytes", len(md), len(files[c.ID+markdown.OperationsSuffix]))
		})
	}
}

// TestOperationsFew: rows of up to CellOperations operations list them
// all, and no operations page is written.
func TestOperationsFew(t *testing.T) {
	tc := caseNamed(t, "listed")
	files := emit(t, []markdown.Page{tc.page}, markdown.Options{})
	if len(files) != 2 {
		t.Errorf("Emit writes %d files, want the page and the index", len(files))
	}
	checkOperations(t, files, tc.page.Catalog)
}

// TestHeading: the page's title never doubles the words a catalog's
// title ends with.
func TestHeading(t *testing.T) {
	for _, tc := range []struct{ title, heading, intro string }{
		{"Acme API", "Acme API error codes", "for Acme API:"},
		{"Acme error codes", "Acme error codes", "for Acme:"},
		{"Acme Error Codes", "Acme Error Codes", "for Acme:"},
		{"Acme errors", "Acme errors", "for Acme:"},
		{"Acme API error code", "Acme API error code", "for Acme API:"},
		{"HTTP status codes", "HTTP status codes", "for HTTP status:"},
		{"SCIM protocol errors (RFC 7644 §3.12)", "SCIM protocol errors (RFC 7644 §3.12)", "for SCIM protocol errors (RFC 7644 §3.12):"},
		{"Error Reporting API", "Error Reporting API error codes", "for Error Reporting API:"},
		{"Errors", "Errors", "for Errors:"},
		{`Sync, event 12808 "SCIM response error."`, `Sync, event 12808 "SCIM response error."`, `for Sync, event 12808 "SCIM response error.":`},
		{"Acme API - Errors", "Acme API - Errors", "for Acme API - Errors:"},
	} {
		c := &catalog.Catalog{ID: "example/t", Title: tc.title, Vendor: "Acme",
			Envelope: catalog.Envelope{Shapes: []catalog.Shape{{Code: "/code"}}},
			Entries:  []catalog.Entry{{Status: 400, Code: "E1"}}}
		names := map[string]string{"E1": "E1"}
		md := string(emit(t, []markdown.Page{page(c, names)}, markdown.Options{})[c.ID+".md"])
		h1, _, _ := strings.Cut(md, "\n")
		if h1 != "# "+tc.heading {
			t.Errorf("title %q: page title %q, want %q", tc.title, h1, "# "+tc.heading)
		}
		words := strings.Fields(strings.ToLower(h1))
		for i := 1; i < len(words); i++ {
			if words[i] == words[i-1] || i > 1 && words[i] == words[i-2] && words[i-1] == "error" {
				t.Errorf("title %q: page title %q repeats %q", tc.title, h1, words[i])
			}
		}
		if !strings.Contains(md, "Every error Acme documents "+tc.intro) {
			t.Errorf("title %q: the page lacks %q", tc.title, "Every error Acme documents "+tc.intro)
		}
		CheckPage(t, []byte(md), c, names)
	}
}

// goExample returns the page's program's comment lines, body and the
// status it passes to Parse.
func goExample(t *testing.T, md string) (comment, body, status string) {
	t.Helper()
	_, prog, _ := strings.Cut(md, "```go\n")
	prog, _, _ = strings.Cut(prog, "```\n")
	for _, l := range strings.Split(prog, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(l, "// "):
			comment += l[3:] + "\n"
		case strings.HasPrefix(l, "body := []byte(`"):
			body = strings.TrimSuffix(strings.TrimPrefix(l, "body := []byte(`"), "`)")
		case strings.Contains(l, ".Parse("):
			_, s, _ := strings.Cut(l, ".Parse(")
			status, _, _ = strings.Cut(s, ",")
		}
	}
	if body == "" || status == "" {
		t.Fatalf("no example body or Parse call in the program:\n%s", prog)
	}
	return comment, body, status
}

// at resolves pointer p in v, "*" taking an array's first element.
func at(v any, p string) (any, bool) {
	toks, _ := catalog.SplitPointer(p)
	for _, tok := range toks {
		switch x := v.(type) {
		case map[string]any:
			if v = x[tok]; v == nil {
				return nil, false
			}
		case []any:
			if tok != "*" || len(x) == 0 {
				return nil, false
			}
			v = x[0]
		default:
			return nil, false
		}
	}
	return v, true
}

// TestExampleWire: the page's example is a body the envelope sends: the
// code where the shape has it, without a prefix the wire does not carry,
// a number where the body sends one; and never an HTTP status 0.
func TestExampleWire(t *testing.T) {
	for _, tc := range []struct {
		name     string
		env      catalog.Envelope
		entries  []catalog.Entry
		pointer  string
		sent     any
		says     string
		status   string
		pageSays string
	}{
		{name: "status unknown",
			env:     catalog.Envelope{Shapes: []catalog.Shape{{Code: "/error/code", Message: "/error/message"}}},
			entries: []catalog.Entry{{Code: "E.1", Message: "bad"}},
			pointer: "/error/code", sent: "E.1", says: "with any error status, such as 400.", status: "400"},
		{name: "default response",
			env:     catalog.Envelope{Shapes: []catalog.Shape{{Code: "/code"}}},
			entries: []catalog.Entry{{Code: "E.1", StatusRange: "default"}, {Code: "E.2", StatusRange: "5XX"}},
			pointer: "/code", sent: "E.1", says: "with any error status, such as 400.", status: "400"},
		{name: "range",
			env:     catalog.Envelope{Shapes: []catalog.Shape{{Code: "/code"}}},
			entries: []catalog.Entry{{Code: "E.2", StatusRange: "5XX"}},
			pointer: "/code", sent: "E.2", says: "with a 5XX status, such as 500.", status: "500"},
		{name: "documented status first",
			env:     catalog.Envelope{Shapes: []catalog.Shape{{Code: "/code"}}},
			entries: []catalog.Entry{{Code: "E.1", StatusRange: "default"}, {Code: "E.2", Status: 409}},
			pointer: "/code", sent: "E.2", says: "with HTTP status 409.", status: "409"},
		{name: "prefix",
			env: catalog.Envelope{Shapes: []catalog.Shape{
				{Code: "/error_codes/*", CodePrefix: "AADSTS", Message: "/error_description"},
			}},
			entries: []catalog.Entry{{Status: 400, Code: "AADSTS70011", Message: "AADSTS70011: The provided value for scope is not valid."}},
			pointer: "/error_codes/*", sent: json.Number("70011"), says: "with HTTP status 400.", status: "400",
			pageSays: "with the prefix `AADSTS`; an error body carries the code at `/error_codes/*` without it: `70011` for `AADSTS70011`."},
		{name: "prefix of the second shape",
			env: catalog.Envelope{Shapes: []catalog.Shape{
				{Code: "/error_codes/*", CodePrefix: "AADSTS", Message: "/error_description"},
				{Code: "/error", Message: "/error_description"},
			}},
			entries: []catalog.Entry{{Status: 400, Code: "invalid_scope", Message: "The scope is not valid."}},
			pointer: "/error", sent: "invalid_scope", says: "with HTTP status 400.", status: "400"},
		{name: "number field",
			env: catalog.Envelope{Shapes: []catalog.Shape{{Code: "/error/code", Message: "/error/message"}},
				Fields: []catalog.Field{{Name: "code", Pointer: "/error/code", Type: "integer"}}},
			entries: []catalog.Entry{{Status: 403, Code: "1001", Message: "denied"}},
			pointer: "/error/code", sent: json.Number("1001"), says: "with HTTP status 403.", status: "403"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &catalog.Catalog{ID: "example/wire", Title: "Wire API", Vendor: "Acme", Envelope: tc.env, Entries: tc.entries}
			names, err := gopkg.Names(c, gopkg.Options{})
			if err != nil {
				t.Fatal(err)
			}
			md := string(emit(t, []markdown.Page{page(c, names)}, markdown.Options{})[c.ID+".md"])
			comment, body, status := goExample(t, md)
			if strings.Contains(md, "status 0") || status == "0" {
				t.Errorf("the example shows HTTP status 0:\n%s", md)
			}
			if !strings.Contains(comment, tc.says) || status != tc.status {
				t.Errorf("comment %q, Parse(%s, …); want %q and Parse(%s, …)", comment, status, tc.says, tc.status)
			}
			dec := json.NewDecoder(strings.NewReader(body))
			dec.UseNumber()
			var v any
			if err := dec.Decode(&v); err != nil {
				t.Fatalf("the example body %s is not JSON: %v", body, err)
			}
			if got, ok := at(v, tc.pointer); !ok || got != tc.sent {
				t.Errorf("body %s carries %#v at %s, want %#v", body, got, tc.pointer, tc.sent)
			}
			for _, s := range tc.env.Shapes {
				if s.CodePrefix != "" && strings.Contains(body, s.CodePrefix+"70011\"") {
					t.Errorf("body %s carries the prefix %s", body, s.CodePrefix)
				}
			}
			if tc.pageSays != "" && !strings.Contains(md, tc.pageSays) {
				t.Errorf("the page does not explain the prefix: want %q in\n%s", tc.pageSays, md)
			}
			CheckPage(t, []byte(md), c, names)
		})
	}
}

// TestOperationsLiteral: operations on the operations page are vendor
// text too: they render literally, hidden characters as escapes.
func TestOperationsLiteral(t *testing.T) {
	tc := caseNamed(t, "adversarial/hidden")
	c := *tc.page.Catalog
	c.Entries = slices.Clone(c.Entries)
	paths := []string{"/a|b", "/<script>alert(1)</script>", "/[x](javascript:alert(1))", "/\u202eevil\u202c", "/*em* _u_", "# h", "- item", "/`tick`", "/&amp;", "/nul\x00"}
	for _, p := range paths {
		c.Entries[0].Operations = append(c.Entries[0].Operations, catalog.Operation{Method: "GET", Path: p})
	}
	p := tc.page
	p.Catalog = &c
	files := emit(t, []markdown.Page{p}, markdown.Options{})
	checkOperations(t, files, &c)
	ops := files[c.ID+markdown.OperationsSuffix]
	doc, err := mdcheck.Render(ops)
	if err != nil {
		t.Fatal(err)
	}
	for _, li := range mdcheck.Find(doc, atom.Li) {
		for _, tag := range mdcheck.Elements(li) {
			t.Errorf("operation %q renders a <%s>", mdcheck.Text(li), tag)
		}
	}
	for i, r := range string(ops) {
		if r == '\u202e' || r == 0 {
			t.Errorf("raw %U at byte %d of the operations page", r, i)
		}
	}
}
