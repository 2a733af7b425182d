// Package openapi reads the errors an OpenAPI description documents into
// catalog entries, and derives from its error schemas the envelope that
// generated code parses error bodies with.
//
// [Parse] takes an OpenAPI 3.0 or 3.1 document, or a Swagger 2.0 one
// (converted with kin-openapi's openapi2conv), in YAML or JSON, loaded
// with github.com/getkin/kin-openapi: every $ref is resolved, including
// #/components/responses, #/components/schemas and refs to other local
// files, which Options.ReadFile reads (URLs are never followed).
//
// # Documents split over files
//
// A document may keep its path items, operations, responses, schemas,
// examples and descriptions in other files (DigitalOcean's layout). Each
// file is read once, through Options.ReadFile, and Result.Files lists
// them, relative to the document's directory, in the order they were
// first read. Before kin-openapi sees a file, errgen resolves the $refs
// that kin-openapi does not:
//
//   - a description or summary that is a $ref to a string
//     (description: {$ref: 'description.yml#/introduction'}) becomes that
//     string; one that names nothing becomes "", with a warning, and one
//     that names no string (a schema property called description) is left
//     alone;
//   - an operation that is a $ref (paths: {/a: {get: {$ref: 'a_get.yml'}}},
//     in the main document's paths or at the top of a path item's file)
//     and an operation's responses that are a $ref become the object they
//     name, their own $refs rewritten to resolve from where it is put; a
//     $ref that does not resolve, names no object or loops is an error at
//     the $ref.
//
// The replacement is written on the lines of the $ref, so the file's
// other lines keep their numbers in messages. Places in other files are
// named "file#pointer", file relative to the document's directory; a
// place inside an operation that is a $ref is named by its pointer
// through the $ref (/paths/~1a/get/responses/404). A path item $ref that
// leads to no operation (a cycle, or a file without operations) is a
// warning at the path, and a file kin-openapi cannot read an error at the
// $ref that names it. A parse reads at most 10000 other files, of 256 MiB
// together.
//
// # What is read
//
// For every operation (in document order), every error response — numeric
// 400–599, the ranges 4XX and 5XX, and default — and every JSON media type
// of it (application/json, */*+json such as application/problem+json or
// application/scim+json, with or without parameters, and */*), Parse looks
// at the body schema:
//
//   - The code field, chosen on evidence (see "Choosing the code field"
//     below), or given by Options.CodePointer (code_pointer in
//     errgen.yaml). The message is the field beside the code whose name
//     says message most strongly: message, error_message, errorMessage,
//     errmsg, errorMsg 1; msg, errorSummary, error_description,
//     errorText, faultstring .9; detail, userMessage .8;
//     developerMessage .7; details, text .6; title, description,
//     summary .5; reason, error .4 (names compared lower case without
//     separators; a number is no message), or Options.MessagePointer,
//     which works alone too. The request ID is a top-level request_id,
//     requestId, requestID, RequestId, trace_id, traceId,
//     correlation_id or correlationId. A field in an array's elements
//     gives a pointer with "*": {"errors": [{"code": …}]} has its code
//     at /errors/*/code. A body without schema, or whose schema has no
//     code field, is searched in its examples instead, by the same
//     rules.
//   - The codes the code field declares: enum values (x-enum-varnames or
//     x-enumNames give Entry.Name, x-enum-descriptions or
//     x-enumDescriptions, as a list or a map, Entry.Description), const,
//     and the same in oneOf, anyOf and allOf members, where a member with
//     one value lends it its title (Entry.Title) and description. A value
//     listed twice is reported and kept once, at its first place.
//   - The examples: the media type's example and named examples (with
//     summary and description), and the schema's example (and 3.1
//     examples), also one on the object that holds the code or on the code
//     property. Each gives (code, message) observations, one per array
//     element for a "*" pointer; a number code is taken as JSON writes it.
//   - The envelope: one shape per distinct (code, message, request ID),
//     and as fields the other properties at the top of the body, and beside
//     the code when it sits in an object that is no array element, with
//     type, description and whether they are required.
//
// A document without paths, a library of error responses that API
// descriptions $ref (errgen's own OpenAPI output is one), is read through
// its components/responses instead: each response named after an HTTP
// status (its status text without blanks, "BadRequest" for 400, or
// "Status499", or "Default") counts as documented under that status, and
// its entries have no operations.
//
// # Choosing the code field
//
// Every scalar field of an error body schema, through allOf, oneOf and
// anyOf, nested objects and arrays of objects down to four levels, is
// weighed as the code, as a reader weighs it; only bodies of 4xx, 5xx
// and default responses count. A field is not the code, whatever its
// name, when:
//
//   - it is the status: its values or examples are HTTP statuses (a
//     number such as 404, or a reason phrase such as "Not Found"), or it
//     is a number named status, statusCode, httpStatus… or described
//     with "status" or "HTTP" (Ory Kratos's "code": 404, "The status
//     code"); a field named status whose values are codes
//     ("INVALID_ARGUMENT") stays a weak candidate;
//   - it is a message: most of its values read like sentences (three
//     words or more, or two ending in '.', '!' or '?'), or it is
//     Options.MessagePointer;
//   - it is named like a URL, link, timestamp or request ID;
//   - its name is weak (anything but code and names with err or fault)
//     and the object does not read as an error: no field named like a
//     message, and no error, fault, failure, problem or exception in
//     the schema's name, title or description, or in the body pointer
//     (Box's MetadataTemplate.type under a 400);
//   - it is a discriminator: a weak name with one declared value
//     ({"type": "error"});
//   - its values are severity levels (info, warning, error, success…).
//
// The others score: name (code, errorCode, error_code, errcode 1;
// errcd, codeName .9; errorKey, errorType, scimType, faultCode .8;
// errorName, errorId and other names ending in code .7; error, err .6;
// symbol .5; type, reason, key, kind, exception, identifier .4; id,
// name .3; the type of an RFC 9457 problem .8; a field named for none
// but described as a code .3), times 0.9 for a number, 1.2 when it
// declares two values or more (enum, const), 0.8 when only examples
// show its values, 0.35 when nothing does, 0.7 when its values are not
// all single tokens, 1.25 when its description says "error code",
// "type of error", "identifier", "machine-readable"…, 0.5 when a weak
// name is described as a human-readable message, 1.2 beside a given
// message pointer, and 0.9 per level below the top of the body. The
// best field scoring 0.25 or more is the code, the shallower and then
// the earlier among equals: Stripe's error.type, whose enum lists the
// types, beats error.code, which documents no values; Okta's errorCode
// with errorSummary, DigitalOcean's id with message and OAuth's error
// with error_description are found too. A choice that scores below 0.5
// with a weak name, or that another candidate nearly matches or beats
// by name, is warned about, naming the alternatives.
//
// Result.Explain says, per error body (with the responses and statuses
// that use it), the chosen code and message and why, the other
// candidates and the fields that are not the code, with their evidence,
// and how the codes got their statuses. A document in which no code is
// found (no code field, or one whose values are documented nowhere)
// is an error: a *catalog.Diagnostic at the body most error responses
// use, with that body's explanation, the other bodies, and the hint to
// set code_pointer (errgen parse --code-pointer). So is a document with
// no error response at all. Parse never returns entries with code "".
//
// # Entries
//
// Parse makes one entry per documented (status, code, message), where a
// code has a status only when the document says so:
//
//   - an example of a response under that status shows it;
//   - an enum declares it under that status and the enum is plain: none
//     of its values names a status, so the document lists every value
//     under every status whose response uses the schema (Nevis IDM);
//   - the code names the status by its reason phrase, any case and
//     separators (not_found 404, too_many_requests 429, bad_request 400,
//     unauthorized 401, forbidden 403, method_not_allowed 405, conflict
//     409, precondition_failed 412, internal_server_error, internal 500,
//     unavailable and service_unavailable 503…), or by number; when only
//     a range or default response covers that status, the entry has the
//     named status and a note saying so;
//   - only one status uses the schema, enum or example that shows it.
//
// An enum with a value that names a status (Box's ClientError.code) is
// a list of the codes of all statuses, not of each: its codes get only
// the statuses above. Its values that name a success status (created,
// accepted, no_content, not_modified, redirect, ok, found…) are no error
// codes: they are left out, with one warning listing them. A code with
// no status of its own (Box's item_name_invalid) is one entry per
// message with status 0, the operations and examples of every status,
// and a note listing the statuses the document gives it under; one
// warning per enum or example names them. A schema's example shared by
// several statuses is likewise one entry, not one per status. The
// example on the code property alone is a sample of its format, not a
// documented error: it counts only in a document that documents codes
// nowhere else (no enum, const or example body), and is otherwise left
// out with a warning; example values that are HTTP statuses at a detected code
// pointer ({"code": 404}) are left out with a warning too.
//
// A code that only an enum declares has message "", listing the
// operations of the responses that declare it under its status. A
// (status, code) that examples show with messages gets one entry per
// distinct message instead, listing the operations and examples it was
// seen in; Entry.Title is the summary of its example when there is one.
// Entries come in the order of the codes — enum order, then codes that
// only examples show, in order of appearance — then of statuses — status
// 0 without range, numbers ascending, then ranges, then default — then
// of messages in order of appearance. A range or default response has
// status 0 and its key ("4XX", "default") in Entry.StatusRange.
// Origin.Pointer is the JSON pointer to the enum value, const or example
// that documents the entry; for a Swagger 2.0 document it points into the
// Swagger document itself, and a place in another file is written
// "file#pointer".
//
// # Problems
//
// Warnings (in Result.Report) name the file and the JSON pointer: a code
// declared twice, an example without a code at the code pointer or with
// one that is no string or number or that is an HTTP status, an
// externalValue example, error responses without a code field, an
// explicit code pointer the schema does not document, a weak choice of
// the code field, success values of an enum, codes with no status of
// their own, and samples left out. A document that does not load returns a
// *catalog.Diagnostic with kin-openapi's message, the file and the JSON
// pointer of the culprit (that kin-openapi names, or of the $ref that does
// not resolve) or the line.
//
// Entries follow the document's order, which kin-openapi's maps lose:
// Parse reads the order and lines of keys from each file in one pass of
// its own (yaml.v3 for what that pass cannot read safely: anchors, tags,
// several documents), instead of asking kin-openapi for origins, which
// cost half a load more. Swagger 2.0 documents still load with origins.
// BenchmarkParseNevis and BenchmarkParseLarge (an 8 MB Stripe-like spec)
// run beside kin-openapi's plain load of the same bytes.
package openapi
