package openapi

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
)

// Parse is measured beside kin-openapi's own load of the same document
// (make bench runs both): the default load, which Parse makes, and the
// load with origins, which Parse made to keep the document's order before
// it read the order of keys from the files itself (see keyPos).

func BenchmarkParseNevis(b *testing.B) {
	data, err := os.ReadFile(nevisFile)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data, Options{File: "openapi.yaml"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseNevisBaselineKinLoad(b *testing.B) {
	benchKin(b, nevisFile, false)
}

func BenchmarkParseNevisBaselineKinLoadOrigin(b *testing.B) {
	benchKin(b, nevisFile, true)
}

func benchKin(b *testing.B, file string, origin bool) {
	data, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		l := openapi3.NewLoader()
		l.IncludeOrigin = origin
		if _, err := l.LoadFromData(data); err != nil {
			b.Fatal(err)
		}
	}
}

// synthetic is an OpenAPI document with ops operations (two per path),
// each with three error responses that share one error schema of 50
// codes, and a named example on every operation's 400.
func synthetic(ops int) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo: {title: Synthetic, version: '1'}\npaths:\n")
	for i := 0; i < ops/2; i++ {
		fmt.Fprintf(&b, "  /r%d/{id}:\n", i)
		for _, m := range []string{"get", "post"} {
			fmt.Fprintf(&b, "    %s:\n      operationId: %s%d\n      responses:\n", m, m, i)
			b.WriteString("        '200': {description: OK}\n")
			fmt.Fprintf(&b, "        '400':\n          description: Bad.\n          content:\n            application/json:\n"+
				"              schema: {$ref: '#/components/schemas/Error'}\n              examples:\n"+
				"                bad:\n                  summary: Bad %d\n                  value: {code: E%d, message: 'Bad input %d.'}\n", i, i%50, i)
			b.WriteString("        '404': {$ref: '#/components/responses/Error'}\n        default: {$ref: '#/components/responses/Error'}\n")
		}
	}
	b.WriteString("components:\n  responses:\n    Error:\n      description: Error.\n      content:\n        application/json:\n" +
		"          schema: {$ref: '#/components/schemas/Error'}\n  schemas:\n    Error:\n      type: object\n      properties:\n" +
		"        code:\n          type: string\n          enum: [")
	for i := 0; i < 50; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "E%d", i)
	}
	b.WriteString("]\n        message: {type: string}\n        details: {type: array, items: {type: object}}\n")
	return []byte(b.String())
}

func TestSynthetic(t *testing.T) {
	r, err := Parse(synthetic(20), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// 50 codes × (400, 404, default), plus the 10 example messages that
	// replace empty ones under 400 for E0–E9.
	if n := len(r.Entries); n != 50*3 {
		t.Errorf("%d entries, want %d", n, 50*3)
	}
	if e := entriesOf(r, "E3")[0]; e.Status != 400 || e.Message != "Bad input 3." || len(e.Operations) != 2 {
		t.Errorf("E3 = %+v", e)
	}
}

func BenchmarkParseSynthetic2000(b *testing.B) {
	data := synthetic(2000)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseSynthetic2000BaselineKinLoad(b *testing.B) {
	data := synthetic(2000)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := openapi3.NewLoader().LoadFromData(data); err != nil {
			b.Fatal(err)
		}
	}
}

// stripeLike is a large synthetic OpenAPI document shaped like Stripe's:
// resources, each with a schema of a dozen properties ($refs to other
// schemas, nested objects, enums, descriptions) and list, create,
// retrieve, update and delete operations with parameters and request
// bodies; every operation's errors $ref one shared error response whose
// schema's type enum lists the error types, and some operations carry
// examples of their 400 and 404 bodies. resources of 730 make about 8 MB.
func stripeLike(resources int) []byte {
	var b strings.Builder
	b.Grow(resources * 17000)
	b.WriteString("openapi: 3.0.0\ninfo:\n  title: Synthetic payments API\n  version: '2024-01-01'\n" +
		"servers:\n  - url: https://api.example.com/\npaths:\n")
	errs := "        '400':\n          $ref: '#/components/responses/error'\n" +
		"        '401':\n          $ref: '#/components/responses/error'\n" +
		"        '404':\n          $ref: '#/components/responses/error'\n" +
		"        '429':\n          $ref: '#/components/responses/error'\n" +
		"        default:\n          $ref: '#/components/responses/error'\n"
	for i := 0; i < resources; i++ {
		name := fmt.Sprintf("resource_%d", i)
		ok := func(schema string) string {
			return "        '200':\n          description: Successful response.\n          content:\n            application/json:\n" +
				"              schema:\n                $ref: '#/components/schemas/" + schema + "'\n"
		}
		params := "      parameters:\n" +
			"        - name: expand\n          in: query\n          description: Specifies which fields in the response should be expanded.\n" +
			"          required: false\n          style: deepObject\n          explode: true\n          schema:\n            type: array\n            items:\n              type: string\n              maxLength: 5000\n"
		body := "      requestBody:\n        required: false\n        content:\n          application/x-www-form-urlencoded:\n            schema:\n" +
			"              type: object\n              properties:\n"
		for f := 0; f < 8; f++ {
			body += fmt.Sprintf("                field_%d:\n                  type: string\n                  maxLength: 5000\n"+
				"                  description: The value of field %d of the %s, which the request sets.\n", f, f, name)
		}
		example := ""
		if i%4 == 0 {
			example = fmt.Sprintf("        '409':\n          description: The %s is in a state that forbids this.\n          content:\n            application/json:\n"+
				"              schema:\n                $ref: '#/components/schemas/error'\n              examples:\n"+
				"                conflict:\n                  summary: Conflict on %s\n                  value:\n                    error:\n"+
				"                      type: invalid_request_error\n                      code: resource_conflict_%d\n"+
				"                      message: The %s cannot be changed now.\n                      doc_url: https://docs.example.com/error-codes/resource_conflict_%d\n", name, name, i%40, name, i%40)
		}
		fmt.Fprintf(&b, "  /v1/%ss:\n    get:\n      operationId: List%s\n      summary: List all %ss\n      description: Returns a list of %ss, sorted by creation date.\n%s      responses:\n%s%s%s",
			name, name, name, name, params, ok(name+"_list"), errs, example)
		fmt.Fprintf(&b, "    post:\n      operationId: Create%s\n      description: Creates a new %s.\n%s%s      responses:\n%s%s",
			name, name, params, body, ok(name), errs)
		fmt.Fprintf(&b, "  /v1/%ss/{id}:\n    parameters:\n      - name: id\n        in: path\n        required: true\n        schema:\n          type: string\n"+
			"    get:\n      operationId: Retrieve%s\n      description: Retrieves a %s.\n%s      responses:\n%s%s",
			name, name, name, params, ok(name), errs)
		fmt.Fprintf(&b, "    post:\n      operationId: Update%s\n      description: Updates a %s.\n%s%s      responses:\n%s%s%s",
			name, name, params, body, ok(name), errs, example)
		fmt.Fprintf(&b, "    delete:\n      operationId: Delete%s\n      description: Deletes a %s.\n      responses:\n%s%s",
			name, name, ok("deleted_"+name), errs)
	}
	b.WriteString("components:\n  responses:\n    error:\n      description: Error response.\n      content:\n        application/json:\n" +
		"          schema:\n            $ref: '#/components/schemas/error'\n  schemas:\n" +
		"    error:\n      description: An error response from the API.\n      type: object\n      required: [error]\n      properties:\n" +
		"        error:\n          $ref: '#/components/schemas/api_errors'\n" +
		"    api_errors:\n      type: object\n      properties:\n" +
		"        type:\n          type: string\n          description: The type of error returned.\n" +
		"          enum: [api_error, card_error, idempotency_error, invalid_request_error]\n" +
		"        code:\n          type: string\n          maxLength: 5000\n          description: For some errors that could be handled programmatically, a short string indicating the error code reported.\n" +
		"        message:\n          type: string\n          maxLength: 40000\n          description: A human-readable message providing more details about the error.\n" +
		"        param:\n          type: string\n          description: If the error is parameter-specific, the parameter related to the error.\n" +
		"        doc_url:\n          type: string\n          description: A URL to more information about the error code reported.\n" +
		"        request_log_url:\n          type: string\n          description: A URL to the request log entry in your dashboard.\n")
	for i := 0; i < resources; i++ {
		name := fmt.Sprintf("resource_%d", i)
		next := fmt.Sprintf("resource_%d", (i+1)%resources)
		fmt.Fprintf(&b, "    %s:\n      description: A %s object.\n      type: object\n      title: %s\n      required: [id, object, created, livemode]\n      properties:\n"+
			"        id:\n          type: string\n          description: Unique identifier for the object.\n          maxLength: 5000\n"+
			"        object:\n          type: string\n          description: String representing the object's type.\n          enum: [%s]\n"+
			"        created:\n          type: integer\n          format: unix-time\n          description: Time at which the object was created.\n"+
			"        livemode:\n          type: boolean\n          description: Whether the object exists in live mode or in test mode.\n"+
			"        metadata:\n          type: object\n          additionalProperties:\n            type: string\n            maxLength: 500\n          nullable: true\n"+
			"        status:\n          type: string\n          enum: [active, canceled, incomplete, past_due, paused, trialing]\n          description: The status of the object.\n"+
			"        related:\n          anyOf:\n            - maxLength: 5000\n              type: string\n            - $ref: '#/components/schemas/%s'\n          nullable: true\n          x-expansionResources:\n            oneOf:\n              - $ref: '#/components/schemas/%s'\n"+
			"        amount:\n          type: integer\n          description: Amount in the smallest currency unit.\n"+
			"        currency:\n          type: string\n          format: currency\n          description: Three-letter ISO currency code, in lowercase.\n"+
			"        settings:\n          type: object\n          properties:\n            enabled:\n              type: boolean\n            interval:\n              type: string\n              enum: [day, week, month, year]\n"+
			"        lines:\n          type: array\n          items:\n            $ref: '#/components/schemas/%s'\n"+
			"      example:\n        id: %s_1Nv0FGQ9RKHgCVdK\n        object: %s\n        created: 1680000000\n        livemode: false\n        status: active\n        amount: 2000\n        currency: usd\n",
			name, name, name, name, next, next, next, name, name)
		fmt.Fprintf(&b, "    %s_list:\n      type: object\n      required: [data, has_more, object, url]\n      properties:\n"+
			"        data:\n          type: array\n          items:\n            $ref: '#/components/schemas/%s'\n"+
			"        has_more:\n          type: boolean\n          description: True if this list has another page of items after this one.\n"+
			"        object:\n          type: string\n          enum: [list]\n        url:\n          type: string\n          maxLength: 5000\n"+
			"    deleted_%s:\n      type: object\n      properties:\n        id:\n          type: string\n        deleted:\n          type: boolean\n          enum: [true]\n",
			name, name, name)
	}
	return []byte(b.String())
}

func TestStripeLike(t *testing.T) {
	r, err := Parse(stripeLike(8), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The four types of the error schema's enum under 400, 401, 404,
	// 429 and default, and under 409 with the examples' codes.
	if len(r.Entries) == 0 || r.Entries[0].Code != "api_error" {
		t.Fatalf("entries: %+v", r.Entries)
	}
}

// largeResources makes stripeLike about 8 MB.
const largeResources = 730

func BenchmarkParseLarge(b *testing.B) {
	data := stripeLike(largeResources)
	benchLarge(b, data, func() error {
		_, err := Parse(data, Options{})
		return err
	})
}

func BenchmarkParseLargeBaselineKinLoad(b *testing.B) {
	data := stripeLike(largeResources)
	benchLarge(b, data, func() error {
		_, err := openapi3.NewLoader().LoadFromData(data)
		return err
	})
}

// benchLarge times op and reports, besides -benchmem's bytes allocated,
// the peak of the heap one op reaches above the heap before it
// (peak-MB), sampled every 50µs in a run apart from the timed ones,
// with the collector paced at GOGC=10 so that the peak follows the live
// heap rather than garbage.
func benchLarge(b *testing.B, data []byte, op func() error) {
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := op(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	peak, err := peakHeap(op)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(peak)/1e6, "peak-MB")
}

func peakHeap(op func() error) (uint64, error) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	runtime.GC()
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			if v := read(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-time.After(50 * time.Microsecond):
			}
		}
	})
	err := op()
	close(done)
	wg.Wait()
	if v := read(); v > peak.Load() {
		peak.Store(v)
	}
	if peak.Load() < base {
		return 0, err
	}
	return peak.Load() - base, err
}

// TestKeyTree checks the one pass that reads the order of keys against
// yaml.v3 on every YAML and JSON file of the repository and on forms
// the files may not have: the same keys, lines, columns and $refs, or
// a fallback to yaml.v3 itself.
func TestKeyTree(t *testing.T) {
	docs := map[string]string{
		"block":  "openapi: 3.0.0\n# c\ninfo: {title: 'a: b', version: \"1\"}\npaths:\n  /a/{id}:\n    get:\n      description: |\n        x: y\n\n        - z\n      summary: >-\n        folded\n      responses:\n        '404': {$ref: '#/components/responses/E'}\n        \"5XX\":\n          $ref: \"#/x\" # c\n        default:\n          description: a\n            continued\n",
		"seq":    "a:\n- b: 1\n  c: [1, {d: 2, e: \"f\"}]\n-   - g\n    - h: i\n      j: k\n- |\n  l\nm: ~\nn:\n",
		"json":   "{\"openapi\": \"3.1.0\", \"paths\": {\"\\u0041/a\": {\"get\": {\"responses\": {\"400\": {\"$ref\":\"#/c\"}}}}},\n \"é\": {\"ü\": 1, \"x\": [1, 2, {\"y\": null}]}}",
		"crlf":   "a: 1\r\nb:\r\n  c: 'it''s'\r\n  d: \"x\\ty\"\r\n",
		"doc":    "---\na: 1 # c\nb:  \t2\n\"c d\" : 3\n? e\n",
		"anchor": "a: &x {b: 1}\nc: *x\nd:\n  <<: *x\n  e: 2\n",
		"flowml": "a: {b: 1,\n  c: [2,\n    3], 'd': x}\ne: \"multi\n  line\"\nf: plain\n  more\n  lines\ng: 1\n",
	}
	filepath.WalkDir("../..", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git") {
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if ext := filepath.Ext(p); !d.IsDir() && (ext == ".yaml" || ext == ".yml" || ext == ".json") {
			if data, err := os.ReadFile(p); err == nil && len(data) < 4<<20 {
				docs[p] = string(data)
			}
		}
		return nil
	})
	fast, read := 0, 0
	for name, doc := range docs {
		want := yamlKeyTree([]byte(doc))
		if want == nil {
			continue
		}
		read++
		sc := &keyScan{s: doc, line: 1}
		got := sc.run()
		if sc.bad {
			continue
		}
		fast++
		sameKeyTree(t, name, "", got, want)
	}
	if fast < read*3/4 {
		t.Errorf("the pass read %d of %d files", fast, read)
	}
}

func sameKeyTree(t *testing.T, file, ptr string, a, b *ynode) {
	t.Helper()
	if a == nil || b == nil {
		if a != b {
			t.Errorf("%s %s: got %v, yaml.v3 %v", file, ptr, a != nil, b != nil)
		}
		return
	}
	if len(a.keys) != len(b.keys) || len(a.items) != len(b.items) || a.ref != b.ref || a.hasRef != b.hasRef {
		t.Errorf("%s %s: got %d keys, %d items, $ref %q; yaml.v3 %d, %d, %q", file, ptr, len(a.keys), len(a.items), a.ref, len(b.keys), len(b.items), b.ref)
		return
	}
	for i, k := range a.keys {
		if w := b.keys[i]; k.name != w.name || k.pos != w.pos {
			t.Errorf("%s %s: key %q at %d:%d; yaml.v3 %q at %d:%d", file, ptr, k.name, k.pos>>16, k.pos&0xffff, w.name, w.pos>>16, w.pos&0xffff)
			return
		}
		sameKeyTree(t, file, ptr+"/"+escape(k.name), k.val, b.keys[i].val)
	}
	for i := range a.items {
		sameKeyTree(t, file, ptr+"/"+strconv.Itoa(i), a.items[i], b.items[i])
	}
}

// FuzzKeyTree: whatever the bytes, the one-pass key reader either gives
// up (and yaml.v3 reads the file) or agrees with yaml.v3 on every key,
// line, column and $ref; it never panics.
func FuzzKeyTree(f *testing.F) {
	for _, s := range []string{
		"openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        '404': {$ref: '#/x'}\n",
		"{\"a\": {\"b\": [1, {\"$ref\": \"#/c\"}]}, \"d\": \"e\"}",
		"a:\n- b: 1\n  c: [1, {d: 2}]\n- |\n  l\n",
		"a: 'it''s'\r\nb: \"x\\ty\"\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sc := &keyScan{s: string(data), line: 1}
		got := sc.run()
		if sc.bad {
			return
		}
		want := yamlKeyTree(data)
		if want == nil {
			return // not YAML: kin-openapi reports it, whatever the pass read
		}
		sameKeyTree(t, "fuzz", "", got, want)
	})
}
