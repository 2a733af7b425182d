// Package openapi emits a catalog as OpenAPI components that API authors
// $ref from their own specs for their error responses.
//
// [Emit] turns one *catalog.Catalog into one YAML document, an OpenAPI
// 3.0.3 document by default or 3.1.0 when asked, that holds only
// components (3.0 requires a paths object, so it has an empty one). It
// reads nothing and writes nothing, and the same catalog and options give
// the same bytes. For catalog huaweicloud/identitycenter:
//
//	components:
//	  schemas:
//	    ErrorCode:        # type: string, enum: every code, in order of first appearance,
//	                      # x-enum-varnames: the Go constants of the generated package,
//	                      # x-enum-descriptions: each code's documented description
//	    Error:            # the error body, derived from the catalog's envelope
//	    BadRequestCode:   # per status: the codes documented with it (enum, names, descriptions)
//	    BadRequestError:  # per status: Error with the code narrowed to BadRequestCode
//	  headers:
//	    RequestId:        # the request ID header, when the envelope names one
//	  responses:
//	    BadRequest:       # one per documented HTTP status, named after its status text
//	    NotFound:
//	  examples:
//	    IdentityCenter.400-400:  # one per documented (status, code, message)
//
// A spec uses them with a relative reference:
//
//	responses:
//	  "404":
//	    $ref: "errors/identitycenter.yaml#/components/responses/NotFound"
//
// # The error body
//
// The Error schema is built from the envelope's shapes: each JSON pointer
// becomes nested object properties, and a "*" reference token an array
// whose items are the rest. The code property is the ErrorCode schema,
// message and request ID properties are strings, and the envelope's
// documented fields keep their type and description. When the envelope
// has one shape, the code is required along its pointer; with several,
// the body must fit at least one (an anyOf of those requirements), since a
// vendor answers in one layout or another. A required documented field is
// required in every layout. The code enum is of strings; a vendor that
// sends numeric codes still matches the Go package's parser, which reads
// both, but not this schema. A message pointer without "*" beside a code
// pointer with one is a string property beside the array: the body's one
// message.
//
// # Code prefixes
//
// A shape with a CodePrefix (catalog.Shape) sends its codes without it:
// Microsoft Entra documents AADSTS70011 and sends "error_codes": [70011].
// Its code property is a schema of the codes as sent: those that start
// with the prefix and go beyond it, without it, as integers when each is
// one (an integer enum), as strings when none is, and without a type
// otherwise. x-enum-varnames are still the Go constants (AADSTS70011) and
// each x-enum-descriptions item starts with the documented code
// ("AADSTS70011: …"). Each distinct prefix of the shapes, "" for none, in
// shape order, is one code set with schemas of its own: ErrorCode and
// BadRequestCode for the first, ErrorCode2 and BadRequestCode2 for the
// second, and so on; a status none of whose codes a set carries gets a
// schema that admits nothing ("not: {}") for it, so its bodies use
// another layout. An example uses the first shape that can carry its
// code, with the code as that shape sends it (70011, a JSON number). A
// prefix that is not printable text (catalog.CheckCodePrefix) or that no
// documented code starts with, a code no shape can carry, and one code
// pointer with two prefixes are errors.
//
// # Responses and examples
//
// Each response's body is its status's <Response>Error schema: Error, with
// the code narrowed to the codes documented with that status, so a reader
// (or errgen's own OpenAPI parser) pairs no code with a status the vendor
// did not document it with.
// Responses are named after Go's http.StatusText without spaces and
// punctuation (400 BadRequest, 424 FailedDependency); a status without a
// text is Status499-style. Entries without a documented status (status 0)
// go to a response named Default, meant for an operation's default
// response. Each response's examples are its status's (code, message)
// pairs in catalog order, each an example component keyed
// "<code>-<status>" ("-default" for status 0), with "-2", "-3", … for a
// code's further messages under the same status. A code with characters
// a component key cannot hold (anything but letters, digits, '.', '-' and
// '_') has them replaced by '_' and gets "-" and 8 hex digits of its
// SHA-256 appended, so keys stay distinct and stable as rows are added.
// An example's value is a body in the envelope's first shape (that can
// carry the code, see "Code prefixes") carrying the code and the documented message template (a code without a documented
// message has none), plus the zero value of each required documented
// field; its summary is the entry's title, or the code and status.
//
// # SCIM
//
// The SCIM envelope (catalog.Envelope.Is("scim")) has two code pointers,
// scimType and else status. There, status is the HTTP status (a string of
// digits or an integer), not narrowed to a response's codes; the body
// always has a schemas array, and each extension is a property under its
// URN with its documented fields; an example is the entry's documented
// example body whose detail is its message, or else schemas, scimType (a
// code that is not the status), detail and status as a string. A field
// that documents a code or message pointer describes it.
//
// # Vendor text
//
// Vendor text appears in string values only, which the YAML encoder
// quotes as needed. A string holding a hidden character (a bidi control,
// the byte order mark, a zero-width character, a control character; see
// internal/textsafe) is double-quoted with that character written as a \u
// escape, so the file's bytes read as its values and a YAML reader still
// gets them exactly. YAML cannot hold invalid UTF-8, which becomes U+FFFD.
// The catalog ID in the header comment is escaped onto its line.
//
// Where tools render a string as CommonMark, vendor text is escaped (package
// internal/mdtext, its Description functions) so that it renders
// literally, with no HTML, link or emphasis: descriptions (info, headers,
// schemas, responses, examples), x-enum-descriptions (documentation
// renderers show them as Markdown; each line is escaped, lines stay lines)
// and example summaries (plain text to OpenAPI, but rendered inside HTML,
// and by some as Markdown). Only a character that could start markup
// where it stands is escaped, so "R&D", "snake_case", "5 * 3", "${name}"
// and "see http://x" read as written; a bare http or https URL is the one
// link a tool that renders GFM may make of vendor text, to the address it
// reads as. The source URL becomes a link in info.description only when it
// is http or https; any other, such as "javascript:…" from a catalog read
// as JSON, is text. Plain values (titles, enum values, x-enum-varnames,
// example values) are never escaped.
//
// The document's info.version is "sha256-" and the first 12 hex digits of
// the snapshot's SHA-256, so it changes exactly when the snapshot does.
//
// # Writing the document
//
// The document is the one gopkg.in/yaml.v3 writes for the same tree
// with an indent of 2, byte for byte, but written by Emit itself
// (yamlw.go): it lays out the block structure and each scalar whose
// presentation it knows for sure (printable ASCII, plain, quoted or a
// literal block), and has yaml.v3 write any other where it stands. The
// examples and the code lists are made as they are written, the examples
// in chunks on up to GOMAXPROCS goroutines, joined in order. A catalog of
// 50,000 codes, a document of 52 MB, takes about 1.3 seconds and some
// 150 MB beside the catalog; yaml.v3 took 12 to 15 seconds and 1.7 GB,
// as it keeps every event of a document until its end.
// TestYAMLWriterRandom and FuzzYAMLWriter compare the two.
//
// # Errors
//
// An unsupported version, a catalog without entries, and an envelope whose
// pointers do not fit together (a shape without a code pointer, a pointer
// that is not a JSON pointer, one property used both as a value and as an
// object, or as a code in one shape and a message in another) are
// reported as *catalog.Diagnostic naming the JSON pointer.
package openapi
