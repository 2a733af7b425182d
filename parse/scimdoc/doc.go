// Package scimdoc reads a SCIM provider's error documentation written as
// prose — JSON examples of error bodies, the text around them, and field
// tables — into catalog entries and the catalog's envelope (source kind
// scimdoc in errgen.yaml).
//
// SCIM 2.0 (RFC 7644 §3.12) gives every provisioning API one error body:
//
//	{"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
//	 "scimType": "uniqueness", "detail": "userName has already been taken", "status": "409"}
//
// and vendors document their errors as examples of it, with prose, rather
// than as code tables. [Parse] reads a page as HTML (when it looks like
// HTML) or as plain text, such as a text rendering of the page, and
// returns:
//
//   - one entry per JSON example of an error body, in page order: status
//     (a JSON number or a string of digits), code (the scimType when the
//     body has one, else the status: "404"), message (the detail,
//     verbatim), title, description, solution, the example itself
//     (compact, keys sorted) and the line where it starts;
//   - the envelope: the SCIM envelope's shapes (see catalog.NamedEnvelope),
//     the fields its field tables document, and its extensions.
//
// # Examples
//
// An example is a JSON object that starts a line (in HTML: a <pre> or
// <code> block, or a paragraph) and runs, brace-balanced, over as many
// lines as it takes. A line break inside a JSON string, as a text
// rendering of a narrow page leaves, is read as a space. An object is an
// error example when it has a "status", a "scimType", a "detail" or the
// error schema in "schemas"; other JSON (a resource, a request) is left
// alone. Malformed JSON, an unbalanced example, or an error example whose
// status is neither a number nor a string of digits (100–599) is a warning
// naming its line; the rest of the page is still read. So is an example
// that spans more than 2000 lines or 64 KiB, or nests arrays and objects
// more than 64 levels deep: real ones are a few hundred bytes, three or
// four levels. Every line that may start an example is scanned for its
// end, so a page of braces that never balance is scanned again and again;
// a page that would take more than eight times its size (plus 1 MiB) of
// such scanning is refused, with an error naming the line.
//
// A scimType that is not one of the ten keywords of RFC 7644 §3.12
// ([Keywords]) is kept as the vendor sends it, a vendor-specific code; the
// entry's note says so.
//
// # The text around an example
//
// The case heading before an example is the entry's title: a numbered
// line, "3.The external ID …" (numbered 1, 2, 3 … in page order; the
// number is dropped), or a heading (an HTML <h2>…<h6>, a Markdown "##");
// a level-1 heading is the page's title, not a case's. Text between the
// heading and the example (such as "The following event is output to
// Event Viewer.") is not kept.
//
// The text after an example, up to the next heading, example or field
// table, is the entry's description (the cause) and then its solution
// (the action). Labels such as "Description", "Cause" and "Support",
// "Action", "Solution" on a line of their own say which is which; without
// labels, a run of two or more empty lines (where a text rendering dropped
// the labels) ends the description, and everything after it is the
// solution. Lines are kept as the page has them, indentation included, so
// bullet lists ("  • Configure …", nested "    • …") stay one item a line;
// empty lines are dropped and paragraphs joined by a line break. A note
// block between cause and action ("[ Note ]…") explains the cause and stays
// in the description, marker and all. A "Related pages" (or "Related
// links", "See also") line is navigation whose links a text rendering
// loses: it and what follows it, up to the next case, are left out.
//
// # Field tables
//
// A table whose header names a field column ("Field", "Name", "Attribute")
// and a type or description column is a field table, in HTML or as a
// Markdown pipe table:
//
//	Field | Type | Provided? | Description |
//	---|---|---|---|
//	status | number | always | The HTTP status code of the error. |
//
// Each row documents one field: its name, JSON type (object, array,
// string, number, integer or boolean; other words are left out with a
// warning), whether it is required ("Provided?" or "Required": always,
// yes, required, true) and its description. Rendered pages sometimes lose
// a cell: when the "Provided?" cell holds prose rather than a presence
// word and the description cell is empty or missing, the prose is the
// description and the field is not known to be required.
//
// The paragraph right before a table introduces it. When it names a URN
// other than the error schema, the table documents the extension carried
// under that URN (its description is the paragraph, lines joined);
// otherwise it documents the envelope's own fields. An example body may
// carry an extension under a URN the prose spells differently: when the
// two differ only in the namespace after "urn:" (urn:unboundid:… in the
// text, urn:pingidentity:… in the example, as after a product was
// renamed), the example's URN is the extension's and the text's an alias.
// An extension that only examples show is an extension too. Fields the
// examples carry complete what the table documents, with the types their
// values have: an array of objects "/passwordRequirements" gets the fields
// of its elements, "/passwordRequirements/*/type".
//
// # Charset
//
// The page is decoded to UTF-8 first, by the first charset declared by a
// byte order mark, Options.Charset (the charset of the Content-Type it was
// fetched with, which errgen.lock records) or, for HTML only, a
// <meta charset> in its first 1024 bytes; a text page without a byte
// order mark or Content-Type charset, like a page that declares nothing,
// is read as UTF-8 (internal/textenc has the rules). A page that declares
// no charset and is not valid UTF-8 is a warning naming the line of its
// first bad byte, which reads as U+FFFD; so are a page declared UTF-8
// that is not and a declared charset errgen does not know (ignored).
//
// # Errors
//
// A page with neither an error example nor a field table is an error, a
// *catalog.Diagnostic naming the file. So is an HTML page with more markup
// per byte than a documentation page, by the bound of
// parse/internal/htmlsafe (every '<' and run of white space counted as a
// tag and an attribute: over 16 times the page's size plus 32 MiB), since
// every tag can become a line.
package scimdoc
