// Package support is the catalog-independent half of every package that
// errgen's Go emitter generates: a strict JSON scanner that resolves JSON
// pointers without encoding/json, the placeholder engine behind Format and
// Match, body reading for FromResponse, and the one-line error text.
//
// It is real, tested Go rather than a template: the emitter embeds
// support.go and writes it into each generated package as support.go,
// with the package clause replaced and the generated-code header added.
// scim.go, the reading of SCIM error responses (RFC 7644 §3.12), goes the
// same way into the SCIM base package only, as scim_support.go; it may use
// support.go, never the reverse. exports.go is what the emitter itself
// uses. So support.go and scim.go must stay standard-library-only, must
// not refer to anything the emitter generates, and must keep every
// identifier unexported and prefixed "errgen", which no generated
// constant (always exported) or table can collide with.
package support
