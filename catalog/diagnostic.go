package catalog

import (
	"fmt"
	"strings"
)

// Diagnostic is a problem found in an input: a bad row, a duplicate, a
// typo. As an error it means the input cannot be used; in a [Report] it is
// a warning and the input was used anyway.
type Diagnostic struct {
	// File is the input's path as the user named it.
	File string `json:"file,omitempty"`
	// Where is the place in the file: "line 12", `table 2 "Table 1 SCIM
	// error codes", row 5`, or a JSON pointer.
	Where string `json:"where,omitempty"`
	// Message says what is wrong and what was expected.
	Message string `json:"message"`
}

// Error returns "file: where: message", leaving out empty parts.
func (d *Diagnostic) Error() string {
	var b strings.Builder
	for _, s := range []string{d.File, d.Where} {
		if s != "" {
			b.WriteString(s)
			b.WriteString(": ")
		}
	}
	b.WriteString(d.Message)
	return b.String()
}

// String is the same as Error.
func (d Diagnostic) String() string { return d.Error() }

// Report is what a parser noticed besides the catalog itself.
type Report struct {
	// Warnings are problems that did not stop the parse.
	Warnings []Diagnostic `json:"warnings,omitempty"`
	// NonErrorRows counts rows left out because their status is not an
	// error status (1xx–3xx).
	NonErrorRows int `json:"non_error_rows,omitempty"`
	// SkippedRows counts bad rows left out because the caller asked to
	// skip them instead of failing.
	SkippedRows int `json:"skipped_rows,omitempty"`
	// Excluded counts entries left out by the config's exclude list.
	Excluded int `json:"excluded,omitempty"`
}

// Warn records a warning.
func (r *Report) Warn(file, where, format string, args ...any) {
	r.Warnings = append(r.Warnings, Diagnostic{File: file, Where: where, Message: sprintf(format, args...)})
}

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}
