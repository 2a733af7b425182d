package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/parse"
	"github.com/errgen/errgen/parse/openapi"
)

// sourceFlags are the flags that say how to read a source file given on
// the command line, as errgen.yaml's source keys do for a catalog: one
// flag per key of the parser registry, so parse and diff read a file the
// same way a config would.
type sourceFlags struct {
	kind    *string
	tables  tableFlag
	skip    *bool
	columns roleFlag
	codePtr *string
	msgPtr  *string
	items   *string
	fields  roleFlag
	exclude listFlag
	explain *bool
}

func (f *sourceFlags) register(inv *invocation) {
	f.kind = inv.flags.String("kind", "", "source kind: "+strings.Join(parse.Names(), ", ")+" (default: guessed from the file's name and content)")
	inv.flags.Var(&f.tables, "table", "html-table, markdown: read only this table: its 1-based index in the document, or its caption (repeatable)")
	f.skip = inv.flags.Bool("skip-bad-rows", false, "html-table, markdown: warn about and skip rows with a non-numeric status instead of failing")
	f.columns = roleFlag{name: "column", what: "a column's header text or 1-based index", roles: parse.Roles}
	inv.flags.Var(&f.columns, "column", "html-table, markdown: `ROLE=COLUMN`: the column (header text or 1-based index) that holds ROLE, one of "+strings.Join(parse.Roles, ", ")+"; beats every guess (repeatable)")
	f.codePtr = inv.flags.String("code-pointer", "", "openapi: JSON pointer to the code in an error body, \"*\" for every array element, e.g. /errors/*/code (default: found by field name)")
	f.msgPtr = inv.flags.String("message-pointer", "", "openapi: JSON pointer to the message in an error body, e.g. /errors/*/message (default: found by field name)")
	f.items = inv.flags.String("items", "", "data: JSON `POINTER` to the array or map of errors, \"*\" for every member, e.g. /errors (default: the largest list of error-like objects)")
	f.fields = roleFlag{name: "field", what: "a JSON pointer inside one item", roles: parse.FieldRoles}
	inv.flags.Var(&f.fields, "field", "data: `ROLE=POINTER`: where ROLE, one of "+strings.Join(parse.FieldRoles, ", ")+", sits in one item, e.g. code=/id (repeatable)")
	inv.flags.Var(&f.exclude, "exclude", "leave out this `CODE`, or the codes matching /REGEXP/ (repeatable)")
	f.explain = inv.flags.Bool("explain", false, openapi.ExplainHelp)
}

// set reports whether any flag but -kind was given.
func (f *sourceFlags) set() bool {
	o := f.options("")
	return len(o.Set()) > 0 || len(f.exclude) > 0
}

// options are the flags as the parser registry takes them.
func (f *sourceFlags) options(file string) build.ParseOptions {
	o := build.ParseOptions{
		File: file, SkipBadRows: *f.skip,
		Columns: f.columns.m, CodePointer: *f.codePtr, MessagePointer: *f.msgPtr,
		Items: *f.items, Fields: f.fields.m,
	}
	for _, t := range f.tables {
		o.Tables = append(o.Tables, t.String())
	}
	return o
}

// check refuses flags the kind does not read, and bad values, as usage
// errors naming the flag.
func (f *sourceFlags) check(kind string) error {
	k, ok := parse.Lookup(kind)
	if !ok {
		return usagef("-kind %q: want one of %s", kind, strings.Join(parse.Names(), ", "))
	}
	o := f.options("")
	for _, key := range o.Set() {
		if !k.Accepts(key) {
			return usagef("-%s applies to kind %s only, not %s", flagName(key), strings.Join(parse.KindsFor(key), ", "), kind)
		}
	}
	if err := o.Check(); err != nil {
		return usagef("-%s: %s", flagName(err.Key), err.Message)
	}
	if *f.explain && kind != "openapi" {
		return usagef("-explain applies to kind openapi only, not %s", kind)
	}
	if _, err := parse.CompileExclude(f.exclude); err != nil {
		return usagef("-exclude: %v", err)
	}
	return nil
}

// flagName is the flag of a registry key: columns → column, items →
// items, code_pointer → code-pointer.
func flagName(key string) string {
	switch key {
	case parse.KeyTables:
		return "table"
	case parse.KeyColumns:
		return "column"
	case parse.KeyFields:
		return "field"
	}
	return strings.ReplaceAll(key, "_", "-")
}

// roleFlag collects ROLE=VALUE flags into a map; a role given twice is an
// error, since the second would silently win.
type roleFlag struct {
	name, what string
	roles      []string
	m          map[string]string
}

func (r *roleFlag) String() string { return "" }

func (r *roleFlag) Set(s string) error {
	role, value, ok := strings.Cut(s, "=")
	role = strings.TrimSpace(role)
	if !ok || value == "" {
		return fmt.Errorf("%q: want ROLE=VALUE, ROLE one of %s and VALUE %s", s, strings.Join(r.roles, ", "), r.what)
	}
	if !slices.Contains(r.roles, role) {
		return fmt.Errorf("unknown role %q: want one of %s", role, strings.Join(r.roles, ", "))
	}
	if _, dup := r.m[role]; dup {
		return fmt.Errorf("-%s %s given twice", r.name, role)
	}
	if r.m == nil {
		r.m = map[string]string{}
	}
	r.m[role] = value
	return nil
}

// listFlag collects a repeatable flag's values.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(s string) error {
	*l = append(*l, s)
	return nil
}
