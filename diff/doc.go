// Package diff compares two versions of an error catalog and classifies
// every difference, so a CI job can tell a vendor's documentation change
// that breaks clients from one that only rewords a solution. It is pure:
// catalogs in, a [Result] out; package report renders results, and
// `errgen diff` and `errgen drift` drive both.
//
// # Pairing
//
// Entries are keyed by code, and by code and status where a code is
// documented under several statuses. Within one code, entries are paired
// in four passes, each in source order: same status and message; same
// status; same message (the status changed); whatever is left. So a (code,
// status) documented twice with different messages, as Identity Center's
// 1410, 1420 and 1728 are, pairs in order, and reordering rows is no
// change. Texts are compared in normal form ([Normalize]): HTML entities
// decoded, white space runs collapsed, so whitespace-only and entity-only
// edits are not changes.
//
// Before pairing, codes that disappeared and codes that appeared are
// matched up: when every code with one prefix (the code up to its last
// '.', '_', '-', ':' or '/') disappeared and at least half of them, and at
// least two, reappeared with another prefix, that is one
// error-code-prefix-renamed change (IdentityCenter.* → IIC.*), not
// hundreds of removals; the codes are paired across the rename and their
// entries still compared. Then a removed code whose statuses and messages
// an added code has exactly is error-code-renamed, when the match is
// unambiguous (or exactly one candidate keeps the part after the prefix).
//
// # Rules
//
// Every change has a rule and a level (ERR breaks clients, WARN may, INFO
// does not):
//
//	error-code-removed            ERR   a code is no longer documented
//	error-status-changed          ERR   an entry's HTTP status (or status range) changed
//	error-status-removed          ERR   a code that stays lost one of its statuses
//	error-message-params-changed  ERR   placeholders added, removed or renamed
//	error-code-renamed            WARN  same statuses and messages, new code
//	error-code-prefix-renamed     WARN  every code of a prefix has a new prefix
//	error-message-reworded        WARN  message text changed, placeholders did not
//	error-message-removed         WARN  one of several messages of a code and status went
//	error-retryable-changed       WARN  a code's Retryable() changed: clients retry it now, or no longer
//	error-description-changed     INFO
//	error-solution-changed        INFO
//	error-note-changed            INFO
//	error-extra-changed           INFO  a column errgen has no field for (field extra.<header>)
//	error-message-added           INFO  a code and status gained another message
//	error-code-added              INFO
//	error-status-added            INFO  a code that stays gained a status
//
// Placeholders are those the generated Go package's Format and Match
// recognise ({0}, {name}, ${name}, {}, %(key)s, %s, %d; "%%" is literal; diff asks
// [apierr.Placeholders], which runs the generated code's own scanner), compared
// as the sequence of placeholders in order: {0} → {id}, or {0} → %s, is a
// change, because formatting and matching code sees it.
//
// Extending the comparison to a new catalog field is one line in the
// fields table of diff.go, and a rule in [Rules].
//
// # Fingerprints
//
// Each change carries a fingerprint that is stable across runs, machines
// and entry order: the first 16 hex digits of the SHA-256 of
//
//	rule NUL code NUL status NUL field NUL Normalize(old) NUL Normalize(new) NUL
//
// with status in decimal ("0" when none). The level and the catalog ID are
// not part of it, so an ignore rule survives a change of level and the
// same change in two catalogs has one fingerprint.
//
// # Ignore file
//
// An ignore file (errgen-ignore.yaml; see [IgnoreFile]) lists accepted
// changes, by fingerprint or by rule and code ("*" for any code), each with
// a reason and an optional expiry date. [IgnoreFile.Apply] moves the
// changes a rule covers to Result.Ignored, where reports still show them;
// a rule past its date covers nothing and is listed in Result.Expired, and
// a rule that covered nothing in Result.Unused.
//
// # Module bump
//
// Compare also suggests the semantic-version bump regenerating the Go
// package implies for its users ([Bump]), from the constants the Go
// emitter would declare, named by catalog.GoNames with the config's
// names: and trim_prefixes: (Options.Names, Options.TrimPrefixes). A name
// depends on its code alone, so each code is compared with itself: a code
// removed, a code whose own name changed (renamed) or a name that now
// stands for another code (changes value) breaks users' code, major ("1
// code removed: IdentityCenter.1006 (Code1006)"); added codes are minor
// ("1 code added: IIC.1000 (IIC1000)"), whatever prefix the others share;
// any other change patch; no change none. A prefix rename removes every
// code of the old prefix, so it is major.
package diff
