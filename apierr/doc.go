// Package apierr is the runtime of the Go packages errgen generates from
// vendors' API error documentation: the error interface they implement,
// the strict JSON reading of error bodies, the code tables behind Lookup
// and Match, the placeholder engine behind Format, and SCIM error
// decoding. It uses the standard library only.
//
// # For users of generated packages
//
// Every error type a generated package returns implements [Error], so
// code that talks to several vendors can treat their errors alike:
//
//	if e, ok := apierr.As(err); ok {
//		if e.Retryable() {
//			wait, _ := e.RetryAfter()
//			// retry after wait
//		}
//		slog.Error("request failed", "err", e) // code, message, status, request_id, fault, retryable
//	}
//
// [CodeOf] returns the code of any error that has an ErrorCode method,
// generated or not (many SDKs' errors have one). [FaultOf] says whether
// a status puts the fault on the client or the server, [RetryableStatus]
// which statuses are worth retrying, and [RetryAfter] reads a
// Retry-After header. [Match] and [Format] fill in and recognise message
// templates (see [Placeholder] for the syntax) for callers that have a
// template of their own.
//
// # What generated code calls
//
// A generated package declares its documented codes as one packed
// [Table], which its Lookup, Code.Info, Known, All, Match and MatchEntry
// call; nothing runs at init, and the Info values are built on first use.
// Its index tables are [Words] constants, integers packed into strings:
//
//	var table = apierr.Table[Code]{Codes: codeText, CodeEnd: codeEnd, Sorted: sorted, Text: text, TextEnd: textEnd, Entries: entries, RetryableCodes: retryable}
//
// Its Parse reads a body with an [Envelope] (one error a body) or a
// [ListEnvelope] (a body that lists errors), turns the code into a Code
// with [Table.Code], which does not allocate for a documented code, and
// its FromResponse reads the body with [ReadBody]. [Text] and [ListText]
// are the texts of its errors, [LogValue] their slog value. The SCIM base
// package decodes bodies with [DecodeSCIM] and names codes with
// [Table.SCIMCode] and [SCIMStatusIs].
//
// # The version guard
//
// Generated code states the runtime version G it needs (G is 2 today):
//
//	const _ = apierr.UpgradeErrgenRuntime(apierr.MaxVersion - G)
//	const _ = apierr.RegenerateWithNewerErrgen(G - apierr.MinVersion)
//
// When this package is older than the generated code (MaxVersion < G),
// the build fails with an error that names UpgradeErrgenRuntime: update
// github.com/errgen/errgen. When the generated code is older than this
// package still supports (G < MinVersion), the error names
// RegenerateWithNewerErrgen: run errgen again. In between, any mix of
// versions builds and works.
//
// # Untrusted bodies
//
// Error bodies come from servers and proxies, so every reader is bounded:
// [ReadBody] reads at most [MaxBody] bytes; the scanner is as strict as
// encoding/json (RFC 8259, invalid UTF-8 read as U+FFFD) and nests at
// most 10000 deep, as encoding/json does; [Match] gives up on a template
// with several placeholders when the text between its first and last
// literal is longer than 4096 bytes, so that a huge message costs a few
// milliseconds across tens of thousands of templates; [Text] and
// [LogValue] put the server's text on one line ([OneLine]); [RetryAfter]
// caps what a server asks for.
package apierr
