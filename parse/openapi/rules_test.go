package openapi

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// TestScore: each rule that weighs a field as the code, with the words it
// gives.
func TestScore(t *testing.T) {
	for _, tc := range []struct {
		name    string
		ev      evidence
		verdict string
		why     string
	}{
		{"named code with enum", evidence{ptr: "/code", name: "code", typ: "string", declared: []any{"A", "B"}}, "code", "declares 2 values"},
		{"status as integer example", evidence{ptr: "/code", name: "code", typ: "integer", samples: []any{404.0}, desc: "The status code"}, "status", "values are HTTP statuses (404)"},
		{"status by description", evidence{ptr: "/code", name: "code", typ: "integer", desc: "The HTTP status"}, "status", `described as "The HTTP status"`},
		{"integer error code", evidence{ptr: "/code", name: "code", typ: "integer", desc: "The error code", samples: []any{1001.0}}, "code", "integer"},
		{"status named", evidence{ptr: "/status", name: "status", typ: "integer"}, "status", "named like the HTTP status"},
		{"reason phrase", evidence{ptr: "/status", name: "status", typ: "string", samples: []any{"Not Found"}}, "status", "values are HTTP statuses (Not Found)"},
		{"status with code values", evidence{ptr: "/status", name: "status", typ: "string", samples: []any{"INVALID_ARGUMENT"}, errorish: true}, "code", "named like a status, but its values are codes"},
		{"message as error", evidence{ptr: "/error", name: "error", typ: "string", samples: []any{"Error validating resource tag: foo is not allowed"}}, "message", "values read like sentences"},
		{"the message pointer", evidence{ptr: "/m", name: "code", message: true}, "message", "it is the message pointer"},
		{"URL", evidence{ptr: "/help_url", name: "help_url", typ: "string"}, "none", "named like a URL"},
		{"weak name outside an error", evidence{ptr: "/type", name: "type", typ: "string", declared: []any{"a", "b"}}, "none", "does not read as an error"},
		{"discriminator", evidence{ptr: "/type", name: "type", typ: "string", declared: []any{"error"}, errorish: true}, "discriminator", `its one value "error"`},
		{"severity", evidence{ptr: "/type", name: "type", typ: "string", declared: []any{"info", "error", "success"}, errorish: true}, "level", "severity levels"},
		{"problem type", evidence{ptr: "/type", name: "type", declared: []any{"about:blank"}, problem: true, errorish: true}, "code", "named like a code, declares one value"},
		{"type of error", evidence{ptr: "/error/type", name: "type", typ: "string", declared: []any{"api_error", "card_error"}, desc: "The type of error returned.", errorish: true, depth: 1}, "code", `described as "The type of error returned."`},
		{"id without values", evidence{ptr: "/error/id", name: "id", typ: "string", desc: "The error ID", errorish: true, depth: 1}, "none", "below 0.25"},
		{"id with example", evidence{ptr: "/id", name: "id", typ: "string", samples: []any{"not_found"}, desc: "A short identifier", errorish: true}, "code", "values only in examples"},
		{"described only", evidence{ptr: "/result", name: "result", typ: "string", desc: "The error code.", declared: []any{"X1", "X2"}, errorish: true}, "code", `described as "The error code."`},
		{"request id", evidence{ptr: "/request_id", name: "request_id", typ: "string", samples: []any{"abc"}}, "none", "request ID"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := score(tc.ev)
			if c.verdict != tc.verdict || !strings.Contains(c.String(), tc.why) {
				t.Errorf("score = %s %s, want %s saying %q", c.verdict, c, tc.verdict, tc.why)
			}
		})
	}
}

// TestNamedStatus: codes that name a status by its reason phrase, any case
// and separators, or by number; others name none.
func TestNamedStatus(t *testing.T) {
	for code, want := range map[string]int{
		"not_found": 404, "NotFound": 404, "NOT-FOUND": 404, "too_many_requests": 429, "bad_request": 400,
		"unauthorized": 401, "forbidden": 403, "method_not_allowed": 405, "conflict": 409, "precondition_failed": 412,
		"internal_server_error": 500, "unavailable": 503, "service_unavailable": 503, "created": 201, "no_content": 204,
		"not_modified": 304, "redirect": 300, "ok": 200, "404": 404, "item_name_invalid": 0, "E404": 0, "999": 0,
		"not_found_anywhere": 0, "": 0, "Ünavailable": 0,
	} {
		if got := namedStatus(code); got != want {
			t.Errorf("namedStatus(%q) = %d, want %d", code, got, want)
		}
	}
	if successCode("not_found") || !successCode("accepted") {
		t.Error("successCode: not_found is an error, accepted is not")
	}
}

// spec writes a document whose operations each answer the given error
// statuses with one schema, and the given components.
func spec(statuses []string, media, components string) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n")
	for i, st := range statuses {
		fmt.Fprintf(&b, "  /r%d:\n    get:\n      operationId: op%d\n      responses:\n        '200': {description: OK}\n", i, i)
		fmt.Fprintf(&b, "        '%s':\n          description: Error.\n          content:\n            application/json:\n%s", st, indent(media, 14))
	}
	b.WriteString("components:\n  schemas:\n" + indent(components, 4))
	return []byte(b.String())
}

func indent(s string, n int) string {
	pad := strings.Repeat(" ", n)
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString(pad + l + "\n")
	}
	return b.String()
}

// TestVendorShapes: the layouts of real vendors' error bodies, written
// small: the code field each gives, the codes under their statuses, and
// the warnings or the error.
func TestVendorShapes(t *testing.T) {
	for _, tc := range []struct {
		name     string
		doc      []byte
		opts     Options
		shape    catalog.Shape
		entries  []string // "status code message"
		warnings []string // substrings, in order
		err      string
	}{
		{
			name: "Okta errorCode and errorSummary",
			doc: spec([]string{"400"}, "schema: {$ref: '#/components/schemas/Error'}\nexample: {errorCode: E0000001, errorSummary: 'Api validation failed: login', errorId: oae1, errorLink: E0000001}\n",
				"Error:\n  type: object\n  properties:\n    errorCode: {type: string}\n    errorSummary: {type: string}\n    errorId: {type: string}\n    errorLink: {type: string}\n"),
			shape:   catalog.Shape{Code: "/errorCode", Message: "/errorSummary"},
			entries: []string{"400 E0000001 Api validation failed: login"},
		},
		{
			name: "DigitalOcean id and message",
			doc: spec([]string{"404", "429"}, "schema: {$ref: '#/components/schemas/error'}\n",
				"error:\n  type: object\n  properties:\n    id: {type: string, description: 'A short identifier corresponding to the HTTP status code returned.', example: not_found}\n"+
					"    message: {type: string, example: The resource you were accessing could not be found.}\n    request_id: {type: string}\n  example: {id: too_many_requests, message: API rate limit exceeded.}\n"),
			shape:    catalog.Shape{Code: "/id", Message: "/message", RequestID: "/request_id"},
			entries:  []string{"429 too_many_requests API rate limit exceeded."},
			warnings: []string{"the code field /id is chosen on weak evidence", `the code property's own example "not_found"`},
		},
		{
			name: "OAuth error and error_description",
			doc: spec([]string{"400", "401"}, "schema: {$ref: '#/components/schemas/OAuthError'}\n",
				"OAuthError:\n  type: object\n  properties:\n    error: {type: string, enum: [invalid_request, invalid_client]}\n    error_description: {type: string}\n    error_uri: {type: string}\n"),
			shape:    catalog.Shape{Code: "/error", Message: "/error_description"},
			entries:  []string{"400 invalid_request ", "401 invalid_request ", "400 invalid_client ", "401 invalid_client "},
			warnings: []string{"2 codes are documented only by an enum that the responses of up to 2 statuses share, with no example under a status saying which status each comes with (invalid_request is the first); kept under every status"},
		},
		{
			name: "Stripe error.type over a code without values",
			doc: spec([]string{"default"}, "schema: {$ref: '#/components/schemas/error'}\n",
				"error:\n  type: object\n  properties:\n    error: {$ref: '#/components/schemas/api_errors'}\n"+
					"api_errors:\n  type: object\n  properties:\n    code: {type: string, description: 'For some errors that could be handled programmatically, a short string indicating the error code reported.'}\n"+
					"    message: {type: string}\n    type: {type: string, description: 'The type of error returned.', enum: [api_error, card_error, idempotency_error, invalid_request_error]}\n"),
			shape:   catalog.Shape{Code: "/error/type", Message: "/error/message"},
			entries: []string{"0 api_error ", "0 card_error ", "0 idempotency_error ", "0 invalid_request_error "},
			warnings: []string{"the code field /error/type is chosen on weak evidence: /error/type (score 0.54: named weakly like a code, string, declares 4 values, " +
				`described as "The type of error returned."); other candidates: /error/code (score 0.39: named like a code, string, documents no values`},
		},
		{
			name: "a status taken for the code",
			doc: spec([]string{"404", "500"}, "schema: {$ref: '#/components/schemas/errorGeneric'}\n",
				"errorGeneric:\n  type: object\n  properties:\n    error:\n      type: object\n      properties:\n        code: {type: integer, format: int64, description: The status code, example: 404}\n"+
					"        id: {type: string, description: The error ID}\n        message: {type: string, example: The resource could not be found}\n        status: {type: string, example: Not Found}\n"),
			err: "/error/code (the status, not the code: integer, described as \"The status code\", values are HTTP statuses (404))",
		},
		{
			name: "a status in the examples only",
			doc: spec([]string{"404"}, "schema: {$ref: '#/components/schemas/E'}\nexample: {code: 404, message: Not here.}\n",
				"E:\n  type: object\n  properties:\n    code: {type: integer}\n    message: {type: string}\n"),
			err: "no error code found",
		},
		{
			name: "a message taken for the code",
			doc:  spec([]string{"400"}, "example: {error: 'Error validating resource tag: the key is too long.'}\n", "{}\n"),
			err:  "/error (the message, not the code: values read like sentences)",
		},
		{
			name: "message pointer alone",
			doc: spec([]string{"422"}, "schema: {$ref: '#/components/schemas/E'}\n",
				"E:\n  type: object\n  properties:\n    errors:\n      type: array\n      items:\n        type: object\n        properties:\n"+
					"          reason: {type: string, enum: [TOO_LONG, TOO_SHORT]}\n          detail: {type: string}\n          location: {type: string}\n"),
			opts:    Options{MessagePointer: "/errors/*/location"},
			shape:   catalog.Shape{Code: "/errors/*/reason", Message: "/errors/*/location"},
			entries: []string{"422 TOO_LONG ", "422 TOO_SHORT "},
		},
		{
			name: "severity levels are no codes",
			doc: spec([]string{"400"}, "schema: {$ref: '#/components/schemas/Flow'}\n",
				"Flow:\n  type: object\n  properties:\n    ui:\n      type: object\n      properties:\n        messages:\n          type: array\n          items:\n            type: object\n"+
					"            properties:\n              id: {type: integer}\n              text: {type: string}\n              type: {type: string, enum: [info, error, success]}\n"),
			err: "/ui/messages/*/type (the level, not the code: named weakly like a code, values are severity levels (error, info, success))",
		},
		{
			name: "a sample is a code when nothing else is",
			doc: spec([]string{"429"}, "schema: {$ref: '#/components/schemas/E'}\n",
				"E:\n  type: object\n  properties:\n    code: {type: string, example: RATE_LIMITED}\n    message: {type: string}\n"),
			shape:   catalog.Shape{Code: "/code", Message: "/message"},
			entries: []string{"429 RATE_LIMITED "},
		},
		{
			name: "a schema example under several statuses is one entry",
			doc: spec([]string{"400", "409"}, "schema: {$ref: '#/components/schemas/E'}\n",
				"E:\n  type: object\n  properties:\n    code: {type: string}\n    message: {type: string}\n  example: {code: QUOTA, message: Quota exceeded.}\n"),
			shape:    catalog.Shape{Code: "/code", Message: "/message"},
			entries:  []string{"0 QUOTA Quota exceeded."},
			warnings: []string{`/components/schemas/E/example: 1 code has no status of its own: the document gives "QUOTA" only through a schema it uses under 400 and 409`},
		},
		{
			name: "a plain enum under one status",
			doc: spec([]string{"422"}, "schema: {$ref: '#/components/schemas/E'}\n",
				"E:\n  type: object\n  properties:\n    code: {type: string, enum: [A, B]}\n"),
			shape:   catalog.Shape{Code: "/code"},
			entries: []string{"422 A ", "422 B "},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.File = "spec.yaml"
			r, err := Parse(tc.doc, tc.opts)
			if tc.err != "" {
				var d *catalog.Diagnostic
				if !errors.As(err, &d) || !strings.Contains(d.Message, tc.err) || !strings.Contains(d.Message, "code_pointer") {
					t.Fatalf("error = %v, want a diagnostic saying %q and the hint", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Envelope.Shapes) == 0 || r.Envelope.Shapes[0] != tc.shape {
				t.Errorf("shapes = %+v, want first %+v", r.Envelope.Shapes, tc.shape)
			}
			var got []string
			for _, e := range r.Entries {
				got = append(got, fmt.Sprintf("%d %s %s", e.Status, e.Code, e.Message))
			}
			if !slices.Equal(got, tc.entries) {
				t.Errorf("entries = %q, want %q", got, tc.entries)
			}
			if len(r.Report.Warnings) != len(tc.warnings) {
				t.Errorf("warnings = %v, want %q", r.Report.Warnings, tc.warnings)
			} else {
				for i, w := range tc.warnings {
					if !strings.Contains(r.Report.Warnings[i].Error(), w) {
						t.Errorf("warning %q does not say %q", r.Report.Warnings[i].Error(), w)
					}
				}
			}
			if len(r.Explain) == 0 {
				t.Error("no explanation")
			}
		})
	}
}
