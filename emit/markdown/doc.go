// Package markdown emits catalogs as Markdown reference pages that a team
// publishes: one page per catalog and an index of them all.
//
// [Emit] renders text/template files: the defaults embedded from the
// repository's templates/ directory (package
// github.com/errgen/errgen/templates), each replaceable by a file of the
// same name in Options.Templates. It reads nothing else and writes
// nothing; the same pages and templates give the same bytes.
//
// # A page
//
// The default page has the catalog's title, vendor, source link, snapshot
// file, the day it was taken ("taken 2026-11-25", the catalog's
// Source.Date, which internal/build reads from errgen.lock; left out when
// unknown: errgen never invents one) and SHA-256; a
// "Use it from Go" section with the generated package's import path and a
// complete program that parses a documented error body and matches it
// with errors.Is; a summary by HTTP status with entry and code counts and
// the OpenAPI response of each; and the reference table
//
//	Code | HTTP status | Message | Description | Solution | Go name
//
// with one row per documented entry, the rows of a code together, so a code
// documented under several statuses or messages shows each of them. Title
// and Operations columns follow when some entry has them (catalogs read
// from OpenAPI documents).
//
// The page's title is the catalog's and " error codes", unless the
// catalog's title already ends so ("Acme error codes", "Acme errors"):
// no title doubles its words.
//
// # Operations
//
// A shared error response of an API description is documented under
// every operation that uses it, often hundreds. A row lists its
// operations in full up to [CellOperations]; one with more shows the
// first five, the count and a link to the full list on the catalog's
// operations page, "<catalog-id>.operations.md", where rows with the same
// operations share one list. So 100 codes used by 700 operations each
// make a page of about 60 KB, not 3 MB.
//
// # Pages of a large catalog
//
// A reference table of more than [MaxPageRows] rows (5,000; errgen's
// bundled catalogs have a few hundred) is split over numbered pages:
// "<catalog-id>.md" and then "<catalog-id>.2.md", "<catalog-id>.3.md", ….
// Rows go to pages in order, whole codes at a time: a page takes the next
// code's rows while they fit, so a code's rows, and its anchor, are on
// one page, and a code with more rows than the limit has a page of its
// own. The split depends on the rows alone, so the same catalog gives
// the same pages. Every page is rendered with catalog.md.tmpl and has the
// page's header, summary and example (about 3 KB); its title says which
// page it is after the first, its reference section links the others,
// naming the first and last code of each, the index links every page,
// and the operations page links each row on its page. 50,000 codes, some
// 70,000 rows, make 14 pages of about 1.4 MB rather than one of 20 MB.
//
// # The example
//
// The program parses a body as the envelope sends it (see
// templates/README.md): the code where the first shape able to carry it
// puts it ("*" taking an array's first element), without the shape's
// CodePrefix, a JSON number where the body sends one; its comment names a
// documented status, or says "any error status" (or the 4XX or 5XX range)
// for a code documented without one, and the page says what a prefix is.
//
// # Anchors
//
// A code's first row carries an anchor, <a id="…">, that depends on the
// code alone: the code lower-cased with everything but ASCII letters and
// digits removed ("IdentityCenter.1000" is #identitycenter1000), so links
// to it survive rows being added. When that leaves nothing, when two codes
// of the catalog would share it, or when it is "reference", "summary" or
// "use-it-from-go" (the page's headings), "-" and the first 8 hex digits
// of the code's SHA-256 are appended.
//
// # Vendor text
//
// Vendor text is untrusted. Templates write it through the functions
// cell, text, code and link (package internal/mdtext), which escape each
// character that could become markup where it stands, so "|", backquotes,
// "*em*", "_u_", "<tag>", "[x](y)", a leading "#", a bare URL and
// newlines in cells render literally; a newline in a cell is a <br>. What
// cannot start markup where it stands is written as it is: the page's
// source reads "R&D", "snake_case", "5 * 3" and "C#", not "R\&D". A
// template must not write ';' or "//" right after such a function, nor
// '\', '&' or '<' right before it (see internal/mdtext). Characters a
// reader must not get raw (controls, NUL, bidi controls, the byte order
// mark, zero-width characters, line separators) and invalid UTF-8 are
// shown as visible escapes such as \u202e (package internal/textsafe), so
// a code cell reads as its bytes. The tests render every page with
// goldmark (GFM tables) and compare each cell's text with the catalog.
//
// The source URL is a link only when it is an http or https URL; any
// other (a catalog arriving as JSON may say "javascript:…") is shown as
// text, and the template function url refuses it. Links between outputs
// are percent-encoded relative paths, whatever the catalog ID holds.
//
// # Errors
//
// A template that does not parse or fails to execute is reported as a
// *catalog.Diagnostic naming the template file and line; so is a .tmpl
// file in the templates directory that errgen does not know (a misspelt
// name would otherwise be ignored silently).
package markdown
