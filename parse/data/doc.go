// Package data reads an error registry written as data — a JSON or YAML
// file that lists errors as objects, such as a vendor's error registry or
// an SDK's data file — into catalog entries (source kind data in
// errgen.yaml).
//
//	{"errors": [
//	  {"code": "AUTH_FAILED", "message": "Authentication failed.", "http_status": 401},
//	  …]}
//
//	errors:                    # or a map keyed by code
//	  InvalidParameter: {message: "The parameter {name} is invalid.", httpStatus: 400}
//
// # Reading the file
//
// A file whose first byte (after a byte order mark and blanks) is '{' or
// '[' is JSON; otherwise it is YAML, read with gopkg.in/yaml.v3. A JSON
// file that does not parse is an error naming its line and column, unless
// its name ends in .yaml or .yml and it parses as YAML (a YAML flow
// document). YAML aliases are expanded and merge keys (<<: *base) lend
// the members a mapping does not set itself; scalars keep their text as
// written, typed by their YAML tag (numbers, booleans, null, strings).
//
// # Items
//
// Options.Items (items: in errgen.yaml, --items on errgen parse) is a JSON
// pointer (RFC 6901) to the array or object whose elements or members are
// the errors; "#" names the whole document and "#/errors" is "/errors". A
// token "*" stands for every element of an array or member of an object,
// so /services/*/errors reads the errors of every service (a member
// literally named "*" cannot be named). Items of an array:
//
//   - objects are error objects (below);
//   - scalars make a list of codes: each is an entry's code.
//
// Items of an object (a map) are keyed by code: the member name is the
// code unless Options.Fields names a code field; a member whose value is a
// string maps a code to its message. When the values hold a field that
// looks like a code and it differs from the member name, a warning names
// the first such item and the --field that takes it instead.
//
// Without Options.Items the items are detected: every array that holds
// objects (at least half of its elements) and every map (an object of two
// or more members, all objects sharing a member name) is a candidate.
// Candidates whose pointers differ only in array indices or in the member
// names of a map are one candidate, its pointer written with "*": the
// errors of /services/0/errors and /services/1/errors together are
// /services/*/errors. The largest candidate (most items; then fewer "*";
// then document order) whose fields ([fields.Detect]) include a field
// named like a code (for a map: member names that are single tokens) and
// a message- or status-like field is chosen; fields the caller named must
// be there, in at least half the items. A warning names the pointer, the
// number of items, the fields chosen, and the next candidate that would
// qualify ("also seen: /warnings (1)"). Detection scores the 1000 largest
// candidates at most.
//
// # Fields
//
// Options.Fields (fields: in errgen.yaml, --field ROLE=POINTER) maps a
// role — code, status, message, title, description, solution — to a JSON
// pointer inside an item: /code, /http/status (no "*"). Roles not given
// are detected by parse/internal/fields from the names and values of the
// items' members and of their members' members (one level down), on up to
// 256 items spread evenly over all: a field whose values are HTTP statuses
// is the status, even when named "code"; a field of sentences is a
// message, not a code. Each detected choice that is not sure (below high
// confidence, or with a rival) is a warning in its words: "chose /error
// as the code: named like a code, values are single tokens; alternatives:
// /type". Items whose fields include no code field are an error naming
// the fields seen.
//
// # Entries
//
// Each item makes one entry, in document order (a map's members in the
// order the file writes them). Origin.Pointer is the item's JSON pointer
// (/errors/3, /errors/InvalidParameter) and Origin.Line its line.
//
//   - Code, message, title, description and solution are the scalars at
//     their pointers, as written (a number as the file writes it), less
//     the line breaks and blanks that end them, which YAML block scalars
//     add. An array of scalars is one line per element; an object, or an
//     array holding objects, is written as compact JSON, with a warning.
//   - The status is a number or a string: "400", "400 Bad Request",
//     "HTTP 400", or a standard reason phrase, "Not Found". Anything else
//     ("soon") is a warning, and status 0 (unknown). A number outside
//     100–599 (4000) is kept, with a warning. An item with a 1xx–3xx
//     status is left out, counted in Report.NonErrorRows, with a warning.
//   - An item whose code is missing, empty, "-", "–", "—", "N/A", "NA",
//     "none" or "null" (any case) is left out with a warning naming its
//     pointer. So is an array element that is neither an object nor, in an
//     array of scalars, a scalar.
//   - Every member of an item no role took goes to Entry.Extra under its
//     name: scalars as written (null and "" left out), objects and arrays
//     as compact JSON with members in document order, without the fields
//     roles took: {"http": {"status": 507, "reason": "…"}} with status
//     /http/status puts {"reason":"…"} in Extra["http"], and nothing when
//     no member is left.
//   - An entry equal to an earlier one in every field is kept, with a
//     warning naming both pointers.
//
// # Errors and bounds
//
// Errors are *catalog.Diagnostic values naming the file, the place (a
// line and column, or a pointer) and what was expected: a file that is
// not JSON or YAML; an items pointer that is malformed or resolves to
// nothing or to a scalar (naming where it stops and what is there); an
// unknown role or a malformed field pointer; items without a code field;
// and, when detection finds nothing, every candidate seen with its
// pointer, size and fields, and the hint --items POINTER --field
// code=POINTER.
//
// A JSON file may be at most 64 MiB ([MaxSize]) and a YAML file 4 MiB
// ([MaxYAMLSize]: yaml.v3 spends some 300 bytes of memory per byte of
// flow items); arrays and objects nest at most 128 deep ([MaxDepth]); YAML
// aliases may expand to at most one node per byte of the file plus 1 Mi;
// a parse makes at most 1 Mi entries ([MaxItems]). Beyond any of these is
// an error. The JSON reader is errgen's own, linear in the file, about as
// fast as encoding/json decoding into any (see BenchmarkParse); Parse
// never panics.
package data
