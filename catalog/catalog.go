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
//	    "sha256": "…"                       // hex SHA-256 of the file's bytes
//	  },
//	  "envelope": {                         // how an error body carries the code
//	    "shapes": [
//	      {"code": "/error_code", "message": "/error_msg", "request_id": "/request_id"},
//	      {"code": "/error/code", "message": "/error/message"}
//	    ],
//	    "request_id_header": "X-Request-Id"
//	  },
//	  "entries": [
//	    {
//	      "status": 400,                    // HTTP status; 0 when not documented
//	      "code": "IdentityCenter.400",
//	      "message": "Bad Request: {0}.",   // the documented template, verbatim
//	      "description": "Invalid request parameter.",
//	      "solution": "Check whether the request parameter is correct.",
//	      "extra": {"Module": "…"},         // columns errgen has no field for, by header text
//	      "origin": {"table": 1, "caption": "", "row": 1}
//	    }
//	  ]
//	}
//
// Empty optional fields (title, vendor, url, file, sha256, description,
// solution, extra, caption, request_id, request_id_header) are omitted; the
// others are always present, so "status": 0 means "unknown", not "missing".
// Object keys of extra are sorted. Texts are verbatim after the parser's
// normalisation: whitespace runs collapsed to one space, paragraph and line
// breaks inside a cell kept as a single "\n", placeholders such as {0},
// {roleId}, %(key)s or {} untouched.
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
	// SHA256 is the hex digest of the snapshot's bytes.
	SHA256 string `json:"sha256,omitempty"`
}

// Envelope describes the JSON body of a vendor's error response.
type Envelope struct {
	// Shapes are the layouts the vendor uses, in the order a parser should
	// try them: the first shape whose code pointer resolves wins.
	Shapes []Shape `json:"shapes"`
	// RequestIDHeader is the response header that carries the request ID
	// when the body does not.
	RequestIDHeader string `json:"request_id_header,omitempty"`
}

// Shape is one layout of an error body. Each field is a JSON pointer (RFC
// 6901) into the body, e.g. "/error_code" or "/error/code"; the code may be
// a JSON string or number.
type Shape struct {
	Code      string `json:"code"`
	Message   string `json:"message,omitempty"`
	RequestID string `json:"request_id,omitempty"`
}

// Entry is one documented error: one row of a vendor's table.
type Entry struct {
	// Status is the HTTP status the error comes with; 0 means unknown.
	Status int `json:"status"`
	// Code is the vendor's error code, verbatim.
	Code string `json:"code"`
	// Message is the documented message template, verbatim.
	Message     string `json:"message"`
	Description string `json:"description,omitempty"`
	Solution    string `json:"solution,omitempty"`
	// Extra holds the columns errgen has no field for, by header text.
	Extra  map[string]string `json:"extra,omitempty"`
	Origin Origin            `json:"origin"`
}

// Origin locates an entry in its source.
type Origin struct {
	// Table is the 1-based index of the table among all tables of the page,
	// in document order.
	Table int `json:"table"`
	// Caption is the table's caption, if it has one.
	Caption string `json:"caption,omitempty"`
	// Row is the 1-based index of the row among the table's data rows
	// (header rows are not counted).
	Row int `json:"row"`
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
// in the same order, its entries in source order.
func (c *Catalog) ByCode() [][]Entry {
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
