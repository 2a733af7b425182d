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
// # What is read
//
// For every operation (in document order), every error response — numeric
// 400–599, the ranges 4XX and 5XX, and default — and every JSON media type
// of it (application/json, */*+json such as application/problem+json or
// application/scim+json, with or without parameters, and */*), Parse looks
// at the body schema:
//
//   - The code field. Without Options.CodePointer it is found by name,
//     nearest the top of the body first, through allOf, oneOf and anyOf,
//     nested objects and arrays of objects: code, error_code, errorCode,
//     errcode, errCode, err_code, type, scimType, or error when it is a
//     string, in this order among siblings. A field in an array's elements
//     gives a pointer with "*": {"errors": [{"code": …}]} has its code at
//     /errors/*/code. The message is the first sibling named message,
//     error_message, errorMessage, error_msg, errorMsg, errmsg, msg,
//     error_description, detail, title or description; the request ID a
//     top-level request_id, requestId, requestID, RequestId, trace_id,
//     traceId, correlation_id or correlationId. Options.CodePointer and
//     Options.MessagePointer (code_pointer and message_pointer in
//     errgen.yaml) replace the search. A body without schema, or whose
//     schema has no such field, is searched in its examples instead.
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
// # Entries
//
// Parse makes one entry per documented (status, code, message). A code
// that only an enum declares gets one entry, with message "", per status
// of the responses whose schema declares that enum, listing the
// operations of those responses. A (status, code) that examples show with
// messages gets one entry per distinct message instead, listing the
// operations and examples it was seen in; Entry.Title is the summary of
// its example when there is one. Entries come in the order of the codes —
// enum order, then codes that only examples show, in order of appearance
// — then of statuses — numbers ascending, then ranges, then default —
// then of messages in order of appearance. A range or default response
// has status 0 and its key ("4XX", "default") in Entry.StatusRange.
// Origin.Pointer is the JSON pointer to the enum value, const or example
// that documents the entry; for a Swagger 2.0 document it points into the
// Swagger document itself, and a place in another file is written
// "file#pointer".
//
// When no error response of the document has a code field, Parse makes
// one entry per error status with Code "" and the response's description,
// and warns how to set the code pointer.
//
// # Problems
//
// Warnings (in Result.Report) name the file and the JSON pointer: a code
// declared twice, an example without a code at the code pointer or with
// one that is no string or number, an externalValue example, error
// responses without a code field, and an explicit code pointer the schema
// does not document. A document that does not load returns a
// *catalog.Diagnostic with kin-openapi's message, the file and the JSON
// pointer of the culprit (that kin-openapi names, or of the $ref that does
// not resolve) or the line.
//
// Parse asks kin-openapi for origins so that entries follow the document's
// order, which kin-openapi's maps lose; that load costs about 1.5 times the
// plain one (see BenchmarkParseNevis and its baselines).
package openapi
