// Package catalogyaml reads a hand-written catalog: the errors of a vendor
// that publishes no machine-readable documentation, or of a standard,
// written as YAML with the fields of the catalog model (source kind
// catalog in errgen.yaml).
//
//	title: SCIM 2.0 protocol      # optional; errgen.yaml's title wins
//	vendor: IETF                  # optional; errgen.yaml's vendor wins
//	envelope: scim                # optional: a named envelope, or a mapping
//	#  shapes:                    # as in errgen.yaml: JSON pointers into the body
//	#    - {code: /error/code, message: /error/message, request_id: /request_id}
//	#    - {code: /error_codes/*, code_prefix: AADSTS, message: /error_description}
//	#  request_id_header: X-Request-Id
//	#  fields:                    # other documented fields of the body
//	#    - {name: details, pointer: /details, type: array, required: false,
//	#       description: …}
//	#  extensions:                # objects carried under a schema URN (SCIM)
//	#    - urn: "urn:example:scim:Ext"
//	#      aliases: […]            # other URNs it is sent or documented under
//	#      name: Ext
//	#      description: …
//	#      fields:                 # pointers relative to the object; "*": every element
//	#        - {name: reqs, type: array}
//	#        - {name: type, pointer: /reqs/*/type, type: string}
//	entries:                      # required: at least one
//	  - code: invalidFilter       # required; any scalar, written as text
//	    status: 400               # the HTTP status; absent or 0 when not documented
//	    status_range: 4XX         # with no status: the range (4XX, 5XX) or default response
//	    message: "Bad filter {0}" # the message template, verbatim
//	    title: …                  # a short name of the case
//	    name: InvalidFilter       # a Go name to use for the code
//	    description: …            # what it means (the cause)
//	    solution: …               # what to do (the action)
//	    note: …                   # a remark; shows in Go docs (extra: {note: …} means the same)
//	    retryable: true           # a client may retry it unchanged, later (true or false)
//	    extra: {Module: …}        # anything else, text by name
//	    operations:               # API operations that return it
//	      - {method: GET, path: "/{resourceType}", operation_id: …}
//	    examples:                 # documented error bodies, as JSON text
//	      - {name: …, summary: …, description: …, body: '{"status": "400"}'}
//
// A shape's code_prefix is what the documentation writes before the codes
// the body sends (catalog.Shape.CodePrefix): Microsoft Entra documents
// AADSTS70011, the entry's code, and sends "error_codes": [70011]. It is
// kept exactly as written, and must be text without control or invisible
// characters, blanks at either end or invalid UTF-8
// (catalog.CheckCodePrefix); "" or absent is none.
//
// The id, source and Go settings of the catalog are errgen.yaml's. Texts
// are kept as written, except that trailing blanks and line breaks (which
// YAML block scalars add) are dropped. A field's pointer defaults to "/"
// and its name (JSON pointer escaped); only an extension's fields may
// have "*" in it; a field's type is one of object, array, string, number,
// integer or boolean. A method is upper-cased and
// must be a token such as GET; a path must start with "/". An example's
// body must be valid JSON and is stored compact with its keys sorted. Each
// entry's origin is its JSON pointer into the document, "/entries/3", and
// its line.
//
// retryable: true declares the code retryable (catalog.Entry.Retryable),
// as errgen.yaml's retryable: list does: the generated errors'
// Retryable() is true for it. It is the code's property: when one entry
// of a code says so, every entry of the code is retryable, and each that
// does not say so gets a warning.
//
// Entries whose status is not an error status (1xx–3xx) are left out and
// counted in Report.NonErrorRows; an entry repeating an earlier one's
// status, code and message is kept with a warning.
//
// # Errors
//
// Anything else is an error, a *catalog.Diagnostic naming the file, the
// line and the place (entries[3].status): YAML that does not parse, a key
// this format does not know (the message lists the ones it does), a
// repeated key, a value of the wrong kind (a list where a mapping belongs,
// a status that is not a number from 100 to 599, a retryable that is not
// true or false), a missing code, an
// envelope name errgen does not know, a pointer that is not a JSON pointer,
// a code_prefix that is not text as above,
// an example body that is not JSON, and a document without entries.
package catalogyaml
