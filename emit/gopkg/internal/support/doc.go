// Package support is the catalog-independent half of every package that
// errgen's Go emitter generates: a strict JSON scanner that resolves JSON
// pointers without encoding/json, the placeholder engine behind Format and
// Match, body reading for FromResponse, and the one-line error text.
//
// It is real, tested Go rather than a template: the emitter embeds
// support.go (this package's only non-test source besides this doc) and
// writes it into each generated package as support.go, with the package
// clause replaced and the generated-code header added. So support.go must
// stay standard-library-only, must not refer to anything the emitter
// generates, and must keep every identifier unexported and prefixed
// "errgen", which no generated constant (always exported) or table can
// collide with.
package support
