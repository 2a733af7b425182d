// Package fields decides which field of an error object is its code, its
// HTTP status, its message, title, description and solution, from the
// fields' names and their values, the evidence a reader uses. It is
// shared by the readers of error registries (parse/data) and of error
// bodies in table cells, and reads those bodies leniently ([Bodies]).
//
// # Detection
//
// [Detect] takes the fields ([Column]: a JSON pointer into the object and
// sample values, one per sampled object) and assigns the roles in this
// order, each to the best field not yet assigned, when its score is at
// least 0.25: status, code, message, solution, description, title. A
// caller's own choices ([Options].Fixed) are kept and their fields offered
// to no other role.
//
// A field's score for a role is its name's strength for that role times
// what its values say, times 0.9 per level below the top of the object (a
// reader looks at the top first). Names are compared normalised: lower
// case, only letters and digits, so errorCode, error_code, ErrorCode and
// Error-Code are one name; an array index takes its parent's name. Names
// and strengths (1 strong … 0.3 weak):
//
//	status       status .9, http_status, status_code, httpStatusCode,
//	             httpCode (HttpCode), http_response_code 1, responseStatus
//	             .9, http .8, response_code .8; any name with httpstatus .9
//	code         code, error_code, errcode 1, errcd .9, codeName .9,
//	             errorKey, scimType, faultcode .8, errorName, errorType,
//	             errorId .7, any other name ending in "code" .7, error, err
//	             .6, symbol .5, type, reason, key, exception .4, name .35,
//	             id, identifier .3
//	message      message, error_message, errorMsg, errmsg 1; msg,
//	             errorSummary, error_description, errorText,
//	             messageTemplate, faultstring .9; detail, userMessage,
//	             errorDetail, names ending in message or msg .8;
//	             developerMessage .7; details, text .6; summary, title,
//	             description, format .5; error, reason .4
//	solution     solution, resolution, action, suggestion, suggestedAction,
//	             remedy, remediation, howToFix, handlingMeasure 1; fix,
//	             workaround, recommendation, userAction .9; handling,
//	             measure, mitigation, troubleshooting .8; hint .7
//	description  description 1; desc, explanation, cause, possibleCause,
//	             longDescription .9; meaning, causes .8; details .7;
//	             detail, errorDescription .6; reason, comment, note .5
//	title        title 1, summary .8, shortDescription .7, label, caption,
//	             heading .6, name .5
//
// What the values say (null and empty values are not counted; a field
// whose values are mostly objects or arrays has no role):
//
//   - status: at least 90% of the values are HTTP statuses 100–599, as a
//     number or a string ("400", "400 Bad Request", "HTTP 400", "Not
//     Found"); a field named like a status may have up to half other
//     values (score ×0.8), as registries hold the odd "soon" or 4000;
//     otherwise the field is not the status, whatever its name.
//     A field not named like a status is still the status (score 0.6)
//     when its values are numbers of 400–599 that net/http knows and, past
//     four samples, repeat (half or fewer distinct) or its name ends in
//     "code": the "code": 404 of a body whose code is its status. Record
//     numbers 401, 402, 403… do not repeat, so are not statuses.
//   - code: values that are HTTP statuses score 0.1 (a code of 404 is the
//     status); single tokens (no blanks, at most 80 characters) 1; mostly
//     tokens 0.7; sentences 0.2, so an "error" holding prose is no code.
//     A field not named like a code, nor like a message, title,
//     description or solution, is the code (0.3) only when its values
//     are string identifiers, distinct over at least three samples or
//     all constant-like (NOT_FOUND, Auth.Failed) over fewer,
//     such as a "status": "INVALID_ARGUMENT" beside a numeric "code".
//   - message: numbers 0.1; sentences (blanks, and ending in '.', '!' or
//     '?', or three words or more, or over 40 characters) in at least 30%
//     of the values 1; other text 0.7 ("Forbidden" is a message too).
//   - title, description, solution: text 1, numbers 0.1.
//
// Roles other than status and code need a name: content alone does not
// make a field a message. The best field wins; among equal scores the
// shallower, then the earlier. A choice is High confidence at 0.7 or
// more, Medium at 0.4, Low below; it lists as alternatives the other
// fields scoring at least half as much that no role took. [Choice.String] says it in words:
// "chose /code as the code: named like a code, values are single tokens;
// alternatives: /id". [Result.Unsure] lists the choices a caller should
// warn about: below High, or with alternatives.
//
// # Error bodies in text
//
// [Bodies] finds the JSON objects in a text, such as a table cell headed
// "Response", and reads each as an error body. An object starts at a '{'
// at the start of the text or after a blank, '>', ':', '(', '=' or '`',
// and is read leniently, as documentation pages write JSON:
//
//   - a quote inside a string that is not followed by what may follow a
//     string in JSON (':', ',', '}', ']', a line end, the text's end; a
//     ',' only when another member or element follows) is part of the
//     text: "missing "username" parameter";
//   - an unknown escape stands for its character: \_ (Markdown's) is _;
//   - trailing commas, a missing comma between members, unquoted keys,
//     single-quoted strings and unquoted values ("..." or <string>, up to
//     the next ',', '}', ']' or line end) are accepted;
//   - a line break inside a string reads as a space.
//
// Each forgiveness is listed in [Body].Repairs with its line, so a caller
// can warn. Text that cannot be read even so, such as a {placeholder}, is
// not a body; neither is an object in which Detect finds neither a code
// nor a message, nor one whose code only its content suggests and that
// has no message (a request's {"grant_type": "client_credentials"}). A
// body with a message and no code is returned with Code "".
//
// The body's fields (every scalar, at its pointer; at most 256) go
// through [Detect]: {"error":"invalid_request","error_description":"…"}
// gives the code invalid_request and the message. A code inside the
// elements of an array ({"errors": [{"code": …}, {"code": …}]}) gives one
// body per element. The status is the body's own status field, else that
// of the nearest line before the body, outside earlier bodies, that names
// one ([StatusLine]): "HTTP 400", "*HTTP 400*", "HTTP/1.1 400 Bad
// Request", "Status: 400", "Response code 400", "400 Bad Request" (the
// standard reason phrase), "400" alone, Markdown decoration around it
// ignored. The text before a '{' on its own line counts as the nearest
// line. A line of other prose with a number ("400 requests a day") names
// no status.
//
// # Bounds
//
// The bodies of one text keep examples ([Body].Example) of at most eight
// times the text's size in all: an object whose array holds many codes
// gives one body per element, each with the whole object as its example,
// and past that bound the bodies say ExampleLeftOut instead.
//
// A body nests at most 64 levels and an object or array holds at most
// 4096 members; deeper or larger is not read as a body. Every byte the
// reader looks at is charged to a budget of eight times the text's size
// plus 1 MiB, so a text of braces that never close cannot cost quadratic
// time: past it, Bodies returns what it found with [ErrTangled].
package fields
