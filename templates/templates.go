// Package templates holds errgen's default text/template files for the
// Markdown reference pages (see README.md beside this file for what each
// template receives). errgen embeds them; `errgen generate -templates DIR`
// replaces any of them by a file of the same name in DIR.
package templates

import "embed"

// FS holds the default templates, by file name: catalog.md.tmpl (one page
// per catalog), index.md.tmpl (the docs/README.md index) and
// operations.md.tmpl (a catalog's full operation lists, written when its
// reference table shortens some).
//
//go:embed *.md.tmpl
var FS embed.FS

// Names are the template files errgen reads, in the order it reads them.
var Names = []string{"catalog.md.tmpl", "index.md.tmpl", "operations.md.tmpl"}
