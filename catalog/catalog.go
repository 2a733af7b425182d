// Package catalog is errgen's intermediate model: the error codes one vendor
// documents for one API, as plain Go values that every parser produces and
// every emitter consumes.
//
// Data flows one way: source bytes are parsed into a [Catalog], and emitters
// turn a Catalog into files. Parsers never know about outputs and emitters
// never re-read sources, so the Catalog must carry everything an emitter
// needs, and nothing is merged or dropped on the way in: every documented
// error row becomes one [Entry], in source order, even when the same code
// appears under several HTTP statuses, with several messages, or twice
// verbatim (a parser warns about the last). The only rows left out are those
// whose status is not an error status (1xx–3xx); a parser counts them in
// [Report.NonErrorRows].
//
// # JSON form
//
// A Catalog has one stable JSON form, written by [Marshal] (and by
// `errgen parse --format json` and `errgen show --format json`) and read by
// [Unmarshal]. Tests and later tools rely on it; it changes only together
// with [FormatVersion]. It is UTF-8, indented by two spaces, ends in a
// newline, and never escapes <, > or & (vendor text stays readable):
//
//	{
//	  "format": 1,                          // FormatVersion
//	  "id": "huaweicloud/identitycenter",   // slash-separated, lower case
//	  "title": "Huawei Cloud IAM Identity Center",
//	  "vendor": "Huawei Cloud",
//	  "source": {
//	    "kind": "html-table",               // the parser that read it
//	    "url": "https://…/ErrorCode.html",  // where the vendor publishes it
//	    "file": "huaweicloud/identitycenter/ErrorCode.html", // slash path, relative to the config file
//	    "sha256": "…",                      // hex SHA-256 of the file's bytes (and of the files it $refs, see below)
//	    "date": "2026-11-25"                // the day the snapshot was taken, from errgen.lock
//	  },
//	  "envelope": {                         // how an error body carries the code
//	    "shapes": [
//	      {"code": "/error_code", "message": "/error_msg", "request_id": "/request_id"},
//	      {"code": "/error/code", "message": "/error/message"},
//	      {"code": "/errors/*/code", "message": "/errors/*/message"} // "*": every element
//	    ],
//	    "request_id_header": "X-Request-Id",
//	    "fields": [                         // other documented fields of the body
//	      {"name": "policyViolations", "pointer": "/policyViolations", "type": "array",
//	       "required": false, "description": "A list of policy violations…"}
//	    ],
//	    "extensions": [                     // objects a body carries under a schema URN (SCIM)
//	      {"urn": "urn:pingidentity:scim:api:messages:2.0:PasswordUpdateError",
//	       "aliases": ["urn:unboundid:scim:api:messages:2.0:PasswordUpdateError"],
//	       "name": "PasswordUpdateError",
//	       "description": "If an error response is returned because of…",
//	       "fields": [                      // pointers relative to the extension's object
//	         {"name": "passwordRequirements", "pointer": "/passwordRequirements", "type": "array"},
//	         {"name": "type", "pointer": "/passwordRequirements/*/type", "type": "string"}]}
//	    ]
//	  },
//	  "entries": [
//	    {
//	      "status": 400,                    // HTTP status; 0 when not documented
//	      "status_range": "4XX",            // for status 0: the range or default response, if any
//	      "code": "IdentityCenter.400",
//	      "message": "Bad Request: {0}.",   // the documented template, verbatim
//	      "title": "Not found",             // a short name of the case (OpenAPI example summary)
//	      "name": "NotFound",               // identifier the source suggests (x-enum-varnames)
//	      "description": "Invalid request parameter.",
//	      "solution": "Check whether the request parameter is correct.",
//	      "note": "…",                      // a remark of errgen's parser or the catalog's author
//	      "retryable": true,                // declared retryable by errgen.yaml or the catalog's author
//	      "extra": {"Module": "…"},         // columns errgen has no field for, by header text
//	      "operations": [                   // API operations documenting it, in source order
//	        {"method": "PATCH", "path": "/users/{id}", "operation_id": "updateUser"}
//	      ],
//	      "examples": [                     // documented example bodies it was seen in
//	        {"name": "Not found", "summary": "Not found", "description": "…",
//	         "body": "{\"errors\":[{\"code\":\"…\"}]}"} // compact JSON, keys sorted
//	      ],
//	      "origin": {"table": 1, "caption": "", "row": 1,   // a table row of a page,
//	                 "pointer": "/components/schemas/Error/properties/code/enum/3", // a JSON pointer,
//	                 "line": 12}                // or a line of a prose page
//	    }
//	  ],
//	  "report": {                           // what the parser noticed (errgen parse, show)
//	    "warnings": [{"file": "…", "where": "table 1, row 3", "message": "…"}],
//	    "non_error_rows": 2, "skipped_rows": 1, "excluded": 0
//	  }
//	}
//
// Empty optional fields (report, title, vendor, url, file, sha256, date, request_id,
// request_id_header, fields and a field's type, required and description;
// extensions and an extension's aliases, name, description and fields; an
// entry's status_range, title, name, description, solution, note,
// retryable (false), extra, operations, examples; operation_id; an example's name, summary and
// description; and origin's table, caption, row, pointer and line) are
// omitted; the others are always present, so "status": 0 means "unknown",
// not "missing". Pages give origins with table and row, API descriptions
// and hand-written catalogs with a pointer, prose pages with the line where
// the entry's example starts.
// Object keys of extra are sorted. OpenAPI sources put the response key of
// a range or default response ("4XX", "5XX", "default") in status_range,
// with status 0. Texts are verbatim after the parser's
// normalisation: whitespace runs collapsed to one space, paragraph and line
// breaks inside a cell kept as a single "\n" — except in a message, where
// a cell's paragraphs are joined by a space (one message) and "\n" only
// separates messages the document lists as alternatives, each of which
// generated code matches on its own — placeholders such as {0}, {roleId},
// ${name}, %(key)s or {} untouched. Prose pages (kind scimdoc) keep each
// line as the page has it, indentation included, which nests bullets;
// empty lines are dropped.
//
// # Source digest
//
// source.sha256 says which bytes the catalog was read from, so that
// errgen check sees a source that changed. For a source read alone it is
// the hex SHA-256 of the file's bytes. When its parse also read other
// files (an OpenAPI document's $refs to local files), it is the hex
// SHA-256 of one record for the source and then one per other file, in
// the order the parser first read them, each file once:
//
//	record = path 0x00 size 0x00 bytes
//
// where path is the file's slash path relative to the source's directory
// ("" for the source itself), size its length in bytes in decimal ASCII,
// and bytes its content as read. A change in any of the files changes the
// digest, and a source with no $ref'd files keeps the plain file digest.
//
// # Notes
//
// note is a remark errgen's parser or the catalog's author adds to an
// entry, such as that a SCIM scimType is not one of RFC 7644's keywords;
// the Go emitter shows it in the constant's doc comment.
package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// FormatVersion is the version of the JSON form written by [Marshal].
const FormatVersion = 1

// Catalog is every error one vendor documents for one API.
type Catalog struct {
	// Format is FormatVersion when read from or written to JSON.
	Format int `json:"format"`
	// ID names the catalog, e.g. "huaweicloud/identitycenter". It is
	// slash-separated and doubles as the output path of generated files.
	ID     string `json:"id"`
	Title  string `json:"title,omitempty"`
	Vendor string `json:"vendor,omitempty"`
	Source Source `json:"source"`
	// Envelope says how the vendor's error response body carries the code.
	Envelope Envelope `json:"envelope"`
	// Entries are the documented rows, in source order.
	Entries []Entry `json:"entries"`
	// Report is what the parser noticed reading the source: its
	// warnings, and the rows it left out. errgen parse and show write
	// it, so a script sees every guess a person sees on stderr; it is
	// not part of the catalog's content (diff ignores it).
	Report *Report `json:"report,omitempty"`
}

// Source says where a catalog was read from.
type Source struct {
	// Kind names the parser, e.g. "html-table".
	Kind string `json:"kind"`
	// URL is where the vendor publishes the document.
	URL string `json:"url,omitempty"`
	// File is the snapshot's path, slash-separated and relative to the
	// config file that names it.
	File string `json:"file,omitempty"`
	// SHA256 is the hex digest of the snapshot's bytes, and of the
	// files its parse read through $refs (see "Source digest" in the
	// package doc).
	SHA256 string `json:"sha256,omitempty"`
	// Date is the day (YYYY-MM-DD, UTC) the snapshot's bytes were taken,
	// as the lock file beside the config records it; "" when unknown.
	Date string `json:"date,omitempty"`
}

// Envelope describes the JSON body of a vendor's error response.
type Envelope struct {
	// Shapes are the layouts the vendor uses, in the order a parser should
	// try them: the first shape whose code pointer resolves wins.
	Shapes []Shape `json:"shapes"`
	// RequestIDHeader is the response header that carries the request ID
	// when the body does not.
	RequestIDHeader string `json:"request_id_header,omitempty"`
	// Fields are the other documented fields of the error body, such as
	// details or policy violations, in documented order. A field may
	// document a code or message pointer of a shape too (its type and
	// description).
	Fields []Field `json:"fields,omitempty"`
	// Extensions are the objects the body may carry under schema URNs, in
	// documented order.
	Extensions []Extension `json:"extensions,omitempty"`
}

// Shape is one layout of an error body. Each field is a JSON pointer (RFC
// 6901) into the body, e.g. "/error_code" or "/error/code"; the code may be
// a JSON string or number. A reference token "*" stands for every element
// of an array: a body {"errors": [{"code", "message"}, …]} has the shape
// {"code": "/errors/*/code", "message": "/errors/*/message"}, and the code
// and message of one element pair up. A pointer has at most one "*"; the
// request ID pointer has none.
//
// A message pointer without "*" beside a code pointer with one is the
// body's one message, which every listed code pairs with: Microsoft
// Entra's {"error_description", "error_codes": [70011]} has the shape
// {"code": "/error_codes/*", "message": "/error_description"}.
//
// CodePrefix is what the documentation writes before the code the body
// sends: with "AADSTS", the body's 70011 (number or string) is the
// documented code "AADSTS70011". It is prepended to every code the shape
// reads, as sent; "" for none.
type Shape struct {
	Code       string `json:"code"`
	CodePrefix string `json:"code_prefix,omitempty"`
	Message    string `json:"message,omitempty"`
	RequestID  string `json:"request_id,omitempty"`
}

// Field is one documented field of an error body besides code, message and
// request ID.
type Field struct {
	// Name is the field's JSON name.
	Name string `json:"name"`
	// Pointer is where the field sits in the body; it has no "*". In an
	// extension, it is relative to the extension's object, and "*" stands
	// for every element of an array: the fields of the objects an array
	// "/reqs" holds are "/reqs/*/type", after "/reqs" itself.
	Pointer string `json:"pointer"`
	// Type is the JSON type the source documents: "object", "array",
	// "string", "number", "integer" or "boolean"; "" when it documents none.
	Type        string `json:"type,omitempty"`
	Required    bool   `json:"required,omitempty"`
	Description string `json:"description,omitempty"`
}

// Extension is an object a body carries under a schema URN besides the
// envelope's own fields, as SCIM (RFC 7644 §3.12) lets providers add
// schemas to an error: {"schemas": [..., URN], URN: {...}}.
type Extension struct {
	// URN is the member name the body carries the object under.
	URN string `json:"urn"`
	// Aliases are other URNs the same object is documented or sent under,
	// such as a product's former name.
	Aliases []string `json:"aliases,omitempty"`
	// Name is a short name of the extension, such as the URN's last
	// segment ("PasswordUpdateError"); emitters derive type names from it.
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// Fields are the object's fields, and those of the objects its arrays
	// hold; their pointers are relative to it, with "*" for every element
	// of an array (see Field.Pointer).
	Fields []Field `json:"fields,omitempty"`
}

// Entry is one documented error: one row of a vendor's table, or one
// documented (status, code, message) of an API description.
type Entry struct {
	// Status is the HTTP status the error comes with; 0 means unknown, or
	// a range or default response (see StatusRange).
	Status int `json:"status"`
	// StatusRange is, for status 0, the response key of the range or
	// default response an API description documents the error under:
	// "4XX", "5XX" or "default".
	StatusRange string `json:"status_range,omitempty"`
	// Code is the vendor's error code, verbatim.
	Code string `json:"code"`
	// Message is the documented message template, verbatim.
	Message string `json:"message"`
	// Title is a short name of the case, such as the summary of the one
	// OpenAPI example the entry comes from.
	Title string `json:"title,omitempty"`
	// Name is an identifier the source suggests for the code (OpenAPI
	// x-enum-varnames); emitters prefer it to one derived from the code.
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	Solution    string `json:"solution,omitempty"`
	// Note is a remark errgen's parser or the catalog's author adds, such
	// as that a SCIM scimType is not one of RFC 7644's keywords; the Go
	// emitter shows it in the constant's doc comment.
	Note string `json:"note,omitempty"`
	// Retryable says that a request failing with the code may succeed
	// when sent again unchanged, later: generated errors' Retryable()
	// reports it, besides statuses 429 and 503, which are retryable
	// anyway. It is a property of the code, declared by errgen.yaml's
	// retryable: list or by a hand-written catalog's retryable: true;
	// errgen never infers it from the documentation (it only suggests
	// it, in a warning). Every entry of a retryable code has it set.
	Retryable bool `json:"retryable,omitempty"`
	// Extra holds the columns errgen has no field for, by header text.
	Extra map[string]string `json:"extra,omitempty"`
	// Operations are the API operations the entry is documented under, in
	// source order.
	Operations []Operation `json:"operations,omitempty"`
	// Examples are the documented examples the entry was observed in.
	Examples []Example `json:"examples,omitempty"`
	Origin   Origin    `json:"origin"`
}

// Operation is one HTTP operation of an API description.
type Operation struct {
	// Method is upper case: "GET", "PATCH".
	Method string `json:"method"`
	// Path is the path template as the description writes it.
	Path        string `json:"path"`
	OperationID string `json:"operation_id,omitempty"`
}

// Example is one documented example of an error response body.
type Example struct {
	// Name is the example's key among its siblings (an OpenAPI named
	// example); "" for an example that has none, such as a schema's.
	Name        string `json:"name,omitempty"`
	Summary     string `json:"summary,omitempty"`
	Description string `json:"description,omitempty"`
	// Body is the example value as compact JSON with object keys sorted.
	Body string `json:"body"`
}

// Origin locates an entry in its source: a table row for pages, a JSON
// pointer for API descriptions and hand-written catalogs, a line for prose
// pages.
type Origin struct {
	// Table is the 1-based index of the table among all tables of the page,
	// in document order.
	Table int `json:"table,omitempty"`
	// Caption is the table's caption, if it has one.
	Caption string `json:"caption,omitempty"`
	// Row is the 1-based index of the row among the table's data rows
	// (header rows are not counted).
	Row int `json:"row,omitempty"`
	// Pointer is the JSON pointer (RFC 6901) to where the source documents
	// the entry. A place in another file than the source's own is written
	// as that file's slash path, relative to the source, then "#" and the
	// pointer.
	Pointer string `json:"pointer,omitempty"`
	// Line is the 1-based line of the source where a prose page documents
	// the entry: where its example body starts.
	Line int `json:"line,omitempty"`
}

// Marshal returns the stable JSON form of c, described in the package doc.
func Marshal(c *Catalog) ([]byte, error) {
	out := *c
	out.Format = FormatVersion
	if out.Entries == nil {
		out.Entries = []Entry{}
	}
	if out.Envelope.Shapes == nil {
		out.Envelope.Shapes = []Shape{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Unmarshal reads the JSON form written by [Marshal]. Unknown fields and
// other format versions are errors.
func Unmarshal(data []byte) (*Catalog, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var c Catalog
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("catalog JSON: %w", err)
	}
	if c.Format != FormatVersion {
		return nil, fmt.Errorf("catalog JSON: format %d, want %d", c.Format, FormatVersion)
	}
	return &c, nil
}

// Codes returns the distinct codes of c, in order of first appearance.
func (c *Catalog) Codes() []string {
	seen := make(map[string]bool, len(c.Entries))
	var codes []string
	for _, e := range c.Entries {
		if !seen[e.Code] {
			seen[e.Code] = true
			codes = append(codes, e.Code)
		}
	}
	return codes
}

// ByCode groups the entries of c by code: for each code of [Catalog.Codes],
// in the same order, its entries in source order. When each code's
// entries are next to each other, as in almost every catalog, each group
// is a part of c.Entries rather than a copy (so the groups must not be
// modified), which at 50,000 codes saves copying every entry.
func (c *Catalog) ByCode() [][]Entry {
	var groups [][]Entry
	seen := make(map[string]bool, len(c.Entries))
	for i := 0; i < len(c.Entries); {
		j := i + 1
		for j < len(c.Entries) && c.Entries[j].Code == c.Entries[i].Code {
			j++
		}
		if seen[c.Entries[i].Code] {
			return c.byCodeApart()
		}
		seen[c.Entries[i].Code] = true
		groups = append(groups, c.Entries[i:j:j])
		i = j
	}
	return groups
}

// byCodeApart is ByCode for a catalog where some code's entries are
// apart: the groups are copies.
func (c *Catalog) byCodeApart() [][]Entry {
	index := make(map[string]int, len(c.Entries))
	var groups [][]Entry
	for _, e := range c.Entries {
		i, ok := index[e.Code]
		if !ok {
			i = len(groups)
			index[e.Code] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], e)
	}
	return groups
}
