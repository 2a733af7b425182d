package gopkg

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/emit/gopkg/internal/support"
)

// gen holds what the three generated files share.
type gen struct {
	c      *catalog.Catalog
	opts   Options
	codes  []string          // distinct codes, first appearance first
	groups [][]catalog.Entry // entries of codes[i]
	names  []string          // Go name of codes[i]
	env    env
	fields []string // Go name of the envelope's fields[i] in Errors
	scim   *scimPkg // nil unless the envelope is SCIM's
}

// multi lays a composite literal out one element per line.
var multi = jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}

func (g *gen) newFile() *jen.File {
	f := jen.NewFile(g.opts.Package)
	f.HeaderComment(header)
	return f
}

// comment adds fixed comment text, written with its "//" for
// readability here; the lines still go through commentLine.
func comment(f *jen.File, text string) {
	for l := range strings.SplitSeq(strings.TrimSpace(text), "\n") {
		l = strings.TrimPrefix(l, "//")
		f.Comment(commentLine(strings.TrimPrefix(l, " ")))
	}
}

// index is the smallest unsigned type that can index n elements, to keep
// the lookup tables small.
func index(n int) *jen.Statement {
	if n <= 1<<16 {
		return jen.Uint16()
	}
	return jen.Uint32()
}

func (g *gen) docFile() *jen.File {
	f := g.newFile()
	for _, l := range g.packageDoc() {
		f.PackageComment(commentLine(l))
	}
	return f
}

func (g *gen) packageDoc() doc {
	c, pkg := g.c, g.opts.Package
	var d doc
	subject := oneLine(c.Title)
	if subject == "" {
		subject = "catalog " + oneLine(c.ID)
	}
	if vendor := oneLine(c.Vendor); vendor != "" {
		d.text(fmt.Sprintf("Package %s holds the error codes %s documents for %s, as typed Go values.", pkg, vendor, subject))
	} else {
		d.text(fmt.Sprintf("Package %s holds the error codes documented for %s, as typed Go values.", pkg, subject))
	}
	d.para()
	d.text(fmt.Sprintf("errgen generated it from catalog %s:", oneLine(c.ID)))
	d.para()
	if u := oneLine(c.Source.URL); u != "" {
		d.add("  - source: " + u)
	}
	if file := oneLine(c.Source.File); file != "" {
		d.add("  - snapshot: " + file)
	}
	if sum := oneLine(c.Source.SHA256); sum != "" {
		d.add("  - snapshot SHA-256: " + sum)
	}
	d.add(fmt.Sprintf("  - %d codes in %d documented entries", len(g.codes), len(c.Entries)))
	d.para()

	first := g.names[0]
	if g.env.array {
		d.text(fmt.Sprintf(`Every documented code is a constant of type [Code], such as [%s] for %s.
			A Code is an error itself. An error response lists one or more errors, so
			[FromResponse] and [Parse] return an [*Errors] that wraps an [*Error] for
			each; errors.Is matches a code with any of them, also through wrapping.`, first, strconv.Quote(g.codes[0])))
	} else {
		d.text(fmt.Sprintf(`Every documented code is a constant of type [Code], such as [%s] for %s.
		A Code is an error itself, and the [*Error] that [FromResponse] and [Parse]
		return matches its code with errors.Is, also through wrapping.`, first, strconv.Quote(g.codes[0])))
	}
	d.para()
	d.add("# Usage")
	d.para()
	if p := oneLine(g.opts.ImportPath); p != "" {
		d.add("\timport " + strconv.Quote(p))
		d.add("")
	}
	usage := []string{
		"resp, err := client.Do(req)",
		"if err != nil {",
		"\treturn err",
		"}",
		"defer resp.Body.Close()",
		fmt.Sprintf("if err := %s.FromResponse(resp); err != nil {", pkg),
		fmt.Sprintf("\tif errors.Is(err, %s.%s) {", pkg, first),
		"\t\t// handle this one documented error",
		"\t}",
		fmt.Sprintf("\tvar apiErr *%s.Error", pkg),
		"\tif errors.As(err, &apiErr) {",
		"\t\tlog.Printf(\"request %s: %v\", apiErr.RequestID, err)",
		"\t}",
		"\treturn err",
		"}",
	}
	if g.env.array {
		usage = slices.Concat(usage[:9], []string{
			fmt.Sprintf("\tvar apiErrs *%s.Errors", pkg),
			"\tif errors.As(err, &apiErrs) {",
			"\t\tfor _, apiErr := range apiErrs.Errors {",
			"\t\t\tlog.Printf(\"request %s: %s: %s\", apiErrs.RequestID, apiErr.Code, apiErr.Message)",
			"\t\t}",
			"\t}",
		}, usage[13:])
	}
	msgField := "Message"
	if g.scim != nil && g.scim.base {
		usage[11] = "\t\tlog.Printf(\"scimType %q: %v\", apiErr.ScimType, err)"
		msgField = "Detail"
	}
	for _, l := range usage {
		d.add("\t" + l)
	}
	d.para()
	d.text(`[Lookup] and [Code.Info] return what the vendor documents about a code:
		HTTP statuses, message templates, titles, descriptions and solutions;
		[All] lists every code. [Match] finds which documented template a message
		came from, and with which placeholder values; [Info.Format] fills a
		template in:`)
	d.para()
	d.add(fmt.Sprintf("\tinfo, args, ok := %s.Match(apiErr.%s)", pkg, msgField))
	d.add(fmt.Sprintf("\tmsg := %s.%s.Info().Format(\"value\")", pkg, first))
	d.para()
	d.text(`Templates use {0}-style indexed placeholders or positional ones ({name},
		${name}, {}, %(key)s, %s, %d); a code whose documentation lists
		several messages has one template per listed message.`)
	d.para()
	d.text(`When several documented cases share a code, [Error.Entry] returns the
		one a real error is an instance of (by its status and message), with its
		title, description (the cause) and solution (the action to show an
		operator); [MatchEntry] and [Info.MatchEntry] do the same for a message:`)
	d.para()
	d.add("\tif entry, ok := apiErr.Entry(); ok {")
	d.add("\t\tlog.Printf(\"%s: %s\", entry.Title, entry.Solution)")
	d.add("\t}")
	if g.scim != nil {
		g.scimDoc(&d)
	}
	d.para()
	d.add("# Names")
	d.para()
	dropped := "the prefix all codes share, ending at a separator, is dropped"
	if len(g.opts.TrimPrefixes) > 0 {
		quoted := make([]string, len(g.opts.TrimPrefixes))
		for i, p := range g.opts.TrimPrefixes {
			quoted[i] = strconv.Quote(oneLine(p))
		}
		dropped = "the longest of the prefixes " + strings.Join(quoted, ", ") + " that it starts with is dropped"
	}
	own := "Code, Entry, Info, Error, Lookup, All, Parse, FromResponse, Match, MatchEntry"
	if g.env.array {
		own = "Code, Entry, Info, Error, Errors, Lookup, All, Parse, FromResponse, Match, MatchEntry"
	}
	if g.scim != nil {
		own += ", " + strings.Join(scimReserved, ", ")
		for _, x := range g.scim.exts {
			for _, t := range x.types {
				own += ", " + t.name
			}
		}
	}
	suggested := ""
	for _, e := range g.c.Entries {
		if e.Name != "" {
			suggested = " A name the source suggests for a code (such as x-enum-varnames) is used instead of the derived one."
			break
		}
	}
	d.text(fmt.Sprintf(`A constant is named after its code: %s; the rest is split at every
		character that is not a letter or digit, and the parts are capitalised and
		joined. A name that would not be an exported identifier, such as one
		starting with a digit, or that would clash with this package's own names
		(%s) gets the prefix Code.%s The names: map of errgen.yaml overrides a
		name.`, dropped, own, suggested))
	d.para()
	d.add("# Tables")
	d.para()
	d.text(`The tables are static: nothing runs at init, [Lookup] is a binary search
		that does not allocate, and the slices of an [Info] are shared with the
		tables, so they must not be modified. Documented texts are kept verbatim in
		the tables; in doc comments, control characters and invalid UTF-8 are shown
		as U+FFFD, and gofmt may render some markup, such as a doubled backquote,
		as typography.`)
	return d
}

// constDoc documents the constant of codes[i]: for each distinct
// documented text (message, description, solution) once, with all the
// statuses it is documented under.
func (g *gen) constDoc(i int) doc {
	var d doc
	d.add(fmt.Sprintf("%s is %s.", g.names[i], strconv.Quote(g.codes[i])))
	type text struct{ message, title, description, solution, note string }
	var order []text
	// A status is its number, or for status 0 the range or default
	// response the source documents it under ("4XX"), or "" for unknown.
	statuses := map[text][]string{}
	for _, e := range g.groups[i] {
		t := text{e.Message, e.Title, e.Description, e.Solution, e.Note}
		if _, ok := statuses[t]; !ok {
			order = append(order, t)
		}
		s := oneLine(e.StatusRange)
		if e.Status != 0 {
			s = strconv.Itoa(e.Status)
		}
		if !slices.Contains(statuses[t], s) {
			statuses[t] = append(statuses[t], s)
		}
	}
	for _, t := range order {
		d.para()
		var known []string
		undocumented := false
		for _, s := range statuses[t] {
			if s == "" {
				undocumented = true
			} else {
				known = append(known, s)
			}
		}
		var label string
		switch {
		case len(known) == 0:
			label = "Status not documented"
		case undocumented:
			label = "HTTP " + strings.Join(known, ", ") + "; status not documented"
		default:
			label = "HTTP " + strings.Join(known, ", ")
		}
		labelled(&d, label+": ", t.message, "(no message documented)")
		labelled(&d, "Case: ", t.title, "")
		labelled(&d, "Description: ", t.description, "")
		labelled(&d, "Solution: ", t.solution, "")
		labelled(&d, "Note: ", t.note, "")
	}
	return d
}

// labelled adds vendor text with a label on its first line, so that no
// comment line but continuation lines starts with vendor text.
func labelled(d *doc, label, text, empty string) {
	ls := lines(text)
	if len(ls) == 0 {
		if empty != "" {
			d.add(label + empty)
		}
		return
	}
	d.add(label + ls[0])
	for _, l := range ls[1:] {
		d.add(l)
	}
}

func (g *gen) codesFile() *jen.File {
	f := g.newFile()
	pkg := g.opts.Package

	comment(f, `
// Code is an error code as the vendor's API returns it; every documented
// code is a constant of this type. A Code is an error, so that
// errors.Is(err, code) can test an [*Error] for it.
`)
	f.Type().Id("Code").String()
	f.Line()
	comment(f, "// Error returns the code itself.")
	f.Func().Params(jen.Id("c").Id("Code")).Id("Error").Params().String().Block(
		jen.Return(jen.String().Call(jen.Id("c"))),
	)
	comment(f, `
// Info returns what the vendor documents about c: for an unknown code, an
// Info with only Code set.
`)
	f.Func().Params(jen.Id("c").Id("Code")).Id("Info").Params().Id("Info").Block(
		jen.If(jen.List(jen.Id("i"), jen.Id("ok")).Op(":=").Id("errgenSearch").Call(jen.Id("sortedCodes").Index(jen.Empty(), jen.Empty()), jen.String().Call(jen.Id("c"))), jen.Id("ok")).Block(
			jen.Return(jen.Id("infos").Index(jen.Id("sortedInfos").Index(jen.Id("i")))),
		),
		jen.Return(jen.Id("Info").Values(jen.Id("Code").Op(":").Id("c"))),
	)
	comment(f, "// Known reports whether the vendor documents c.")
	f.Func().Params(jen.Id("c").Id("Code")).Id("Known").Params().Bool().Block(
		jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id("errgenSearch").Call(jen.Id("sortedCodes").Index(jen.Empty(), jen.Empty()), jen.String().Call(jen.Id("c"))),
		jen.Return(jen.Id("ok")),
	)

	var defs []jen.Code
	for i, code := range g.codes {
		if i > 0 {
			defs = append(defs, jen.Line())
		}
		for _, l := range g.constDoc(i) {
			defs = append(defs, jen.Comment(commentLine(l)))
		}
		defs = append(defs, jen.Id(g.names[i]).Id("Code").Op("=").Lit(code))
	}
	comment(f, "// The documented codes, in the order of the source.")
	f.Const().Defs(defs...)

	comment(f, `
// Entry is one documented row of a code's table.
`)
	f.Type().Id("Entry").Struct(
		jen.Comment("// Code is the code the entry documents."),
		jen.Id("Code").Id("Code"),
		jen.Comment("// Status is the HTTP status; 0 when the vendor does not document one."),
		jen.Id("Status").Int(),
		jen.Comment("// Message is the message template, verbatim; see [Info.Format]."),
		jen.Id("Message").String(),
		jen.Comment("// Title is a short name of the case, when the source gives one."),
		jen.Id("Title").String(),
		jen.Comment("// Description says what the error means (its cause); Solution what to"),
		jen.Comment("// do about it (the action to show an operator)."),
		jen.Id("Description").String(),
		jen.Id("Solution").String(),
	)
	comment(f, `
// Info is what the vendor documents about one code. Its slices are
// shared with the package's tables and must not be modified.
`)
	f.Type().Id("Info").Struct(
		jen.Id("Code").Id("Code"),
		jen.Comment("// Statuses are the distinct documented HTTP statuses, in documented"),
		jen.Comment("// order; entries without a documented status add none."),
		jen.Id("Statuses").Index().Int(),
		jen.Comment("// Messages are the distinct non-empty message templates, in"),
		jen.Comment("// documented order."),
		jen.Id("Messages").Index().String(),
		jen.Comment("// Description and Solution are those of the first entry."),
		jen.Id("Description").String(),
		jen.Id("Solution").String(),
		jen.Comment("// Entries are every documented row of this code, nothing merged."),
		jen.Id("Entries").Index().Id("Entry"),
	)

	comment(f, `
// Lookup returns what the vendor documents about code. It does not
// allocate.
`)
	f.Func().Id("Lookup").Params(jen.Id("code").String()).Params(jen.Id("Info"), jen.Bool()).Block(
		jen.List(jen.Id("i"), jen.Id("ok")).Op(":=").Id("errgenSearch").Call(jen.Id("sortedCodes").Index(jen.Empty(), jen.Empty()), jen.Id("code")),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Id("Info").Values(), jen.False())),
		jen.Return(jen.Id("infos").Index(jen.Id("sortedInfos").Index(jen.Id("i"))), jen.True()),
	)
	comment(f, "// All yields every documented code's Info, in documented order.")
	f.Func().Id("All").Params().Qual("iter", "Seq").Types(jen.Id("Info")).Block(
		jen.Return(jen.Func().Params(jen.Id("yield").Func().Params(jen.Id("Info")).Bool()).Block(
			jen.For(jen.Id("i").Op(":=").Range().Id("infos")).Block(
				jen.If(jen.Op("!").Id("yield").Call(jen.Id("infos").Index(jen.Id("i")))).Block(jen.Return()),
			),
		)),
	)
	comment(f, fmt.Sprintf(`
// Format fills in the placeholders of i.Messages[0]: {N} and ${N} take
// args[N]; {name}, ${name}, {}, %%(key)s, %%s and %%d take the next
// argument no placeholder has taken yet. A placeholder without an argument stays as it is, so
//
//	%s.%s.Info().Format()
//
// is the bare template. Format returns "" when no message is documented.
`, pkg, g.names[0]))
	f.Func().Params(jen.Id("i").Id("Info")).Id("Format").Params(jen.Id("args").Op("...").String()).String().Block(
		jen.If(jen.Len(jen.Id("i").Dot("Messages")).Op("==").Lit(0)).Block(jen.Return(jen.Lit(""))),
		jen.Return(jen.Id("errgenFormat").Call(jen.Id("i").Dot("Messages").Index(jen.Lit(0)), jen.Id("args"))),
	)
	comment(f, `
// Match finds the documented template that message is an instance of and
// returns its code's Info and the placeholder values, in the order the
// placeholders appear. Each line of a template (a message the
// documentation lists among alternatives) counts as a template of its
// own. When several templates fit, the most specific one (with the
// most literal characters) wins, and of those the first documented; each
// placeholder takes the shortest text that lets the rest fit. So that a
// huge message costs little, a template with several placeholders fits
// no message with more than 4096 bytes between its first and last literal.
`)
	f.Func().Id("Match").Params(jen.Id("message").String()).Params(jen.Id("Info"), jen.Index().String(), jen.Bool()).Block(
		jen.For(jen.List(jen.Id("k"), jen.Id("t")).Op(":=").Range().Id("templateLines")).Block(
			jen.If(jen.List(jen.Id("args"), jen.Id("ok")).Op(":=").Id("errgenMatch").Call(jen.Id("t"), jen.Id("message")), jen.Id("ok")).Block(
				jen.Return(jen.Id("infos").Index(jen.Id("templateInfos").Index(jen.Id("k"))), jen.Id("args"), jen.True()),
			),
		),
		jen.Return(jen.Id("Info").Values(), jen.Nil(), jen.False()),
	)
	comment(f, "// Match is the package's Match restricted to i's own templates.")
	f.Func().Params(jen.Id("i").Id("Info")).Id("Match").Params(jen.Id("message").String()).Params(jen.Index().String(), jen.Bool()).Block(
		jen.Return(jen.Id("errgenMatchBest").Call(jen.Id("i").Dot("Messages"), jen.Id("message"))),
	)
	comment(f, `
// MatchEntry is Match that returns the documented entry itself, with its
// title, description and solution: of entries that share a template
// line, the first documented.
`)
	f.Func().Id("MatchEntry").Params(jen.Id("message").String()).Params(jen.Id("Entry"), jen.Index().String(), jen.Bool()).Block(
		jen.For(jen.List(jen.Id("k"), jen.Id("t")).Op(":=").Range().Id("templateLines")).Block(
			jen.If(jen.List(jen.Id("args"), jen.Id("ok")).Op(":=").Id("errgenMatch").Call(jen.Id("t"), jen.Id("message")), jen.Id("ok")).Block(
				jen.Return(jen.Id("infos").Index(jen.Id("templateInfos").Index(jen.Id("k"))).Dot("Entries").Index(jen.Id("templateEntries").Index(jen.Id("k"))), jen.Id("args"), jen.True()),
			),
		),
		jen.Return(jen.Id("Entry").Values(), jen.Nil(), jen.False()),
	)
	comment(f, `
// MatchEntry finds the entry of i that a real error with this status and
// message is an instance of, so that cases sharing a code (and status)
// are told apart by their message, and returns it with the placeholder
// values. When status is not 0, the entries documented with it or
// without a status are tried first, then the others. The most specific
// template wins (a line of a template counts on its own); an entry
// without a documented message fits any message, least specifically.
`)
	f.Func().Params(jen.Id("i").Id("Info")).Id("MatchEntry").Params(jen.Id("status").Int(), jen.Id("message").String()).Params(jen.Id("Entry"), jen.Index().String(), jen.Bool()).Block(
		jen.List(jen.Id("k"), jen.Id("args")).Op(":=").Id("errgenPickEntry").Call(
			jen.Len(jen.Id("i").Dot("Entries")),
			jen.Func().Params(jen.Id("j").Int()).Params(jen.Int(), jen.String()).Block(
				jen.Return(jen.Id("i").Dot("Entries").Index(jen.Id("j")).Dot("Status"), jen.Id("i").Dot("Entries").Index(jen.Id("j")).Dot("Message")),
			),
			jen.Id("status"), jen.Id("message"),
		),
		jen.If(jen.Id("k").Op("<").Lit(0)).Block(jen.Return(jen.Id("Entry").Values(), jen.Nil(), jen.False())),
		jen.Return(jen.Id("i").Dot("Entries").Index(jen.Id("k")), jen.Id("args"), jen.True()),
	)

	g.tables(f)
	return f
}

// tables adds the static data behind Lookup, All and Match.
func (g *gen) tables(f *jen.File) {
	idx := index(len(g.codes))

	var infos []jen.Code
	for i, entries := range g.groups {
		fields := []jen.Code{jen.Id("Code").Op(":").Id(g.names[i])}
		var statuses, messages []jen.Code
		seenStatus, seenMessage := map[int]bool{0: true}, map[string]bool{"": true}
		for _, e := range entries {
			if !seenStatus[e.Status] {
				seenStatus[e.Status] = true
				statuses = append(statuses, jen.Lit(e.Status))
			}
			if !seenMessage[e.Message] {
				seenMessage[e.Message] = true
				messages = append(messages, jen.Lit(e.Message))
			}
		}
		if len(statuses) > 0 {
			fields = append(fields, jen.Id("Statuses").Op(":").Index().Int().Values(statuses...))
		}
		if len(messages) > 0 {
			fields = append(fields, jen.Id("Messages").Op(":").Index().String().Values(messages...))
		}
		if d := entries[0].Description; d != "" {
			fields = append(fields, jen.Id("Description").Op(":").Lit(d))
		}
		if s := entries[0].Solution; s != "" {
			fields = append(fields, jen.Id("Solution").Op(":").Lit(s))
		}
		var rows []jen.Code
		for _, e := range entries {
			row := []jen.Code{jen.Id("Code").Op(":").Id(g.names[i]), jen.Id("Status").Op(":").Lit(e.Status), jen.Id("Message").Op(":").Lit(e.Message)}
			if e.Title != "" {
				row = append(row, jen.Id("Title").Op(":").Lit(e.Title))
			}
			if e.Description != "" {
				row = append(row, jen.Id("Description").Op(":").Lit(e.Description))
			}
			if e.Solution != "" {
				row = append(row, jen.Id("Solution").Op(":").Lit(e.Solution))
			}
			rows = append(rows, jen.Values(row...))
		}
		fields = append(fields, jen.Id("Entries").Op(":").Index().Id("Entry").Custom(multi, rows...))
		infos = append(infos, jen.Custom(multi, fields...))
	}
	comment(f, "// infos are the documented codes, in documented order.")
	f.Var().Id("infos").Op("=").Index(jen.Op("...")).Id("Info").Custom(multi, infos...)

	order := make([]int, len(g.codes))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(g.codes[a], g.codes[b]) })
	var sortedCodes, sortedInfos []jen.Code
	for _, i := range order {
		sortedCodes = append(sortedCodes, jen.String().Call(jen.Id(g.names[i])))
		sortedInfos = append(sortedInfos, jen.Lit(i))
	}
	comment(f, `
// sortedCodes are the codes in byte order, for binary search; the code
// sortedCodes[i] is described by infos[sortedInfos[i]].
`)
	f.Var().Id("sortedCodes").Op("=").Index(jen.Op("...")).String().Custom(multi, sortedCodes...)
	f.Var().Id("sortedInfos").Op("=").Index(jen.Op("...")).Add(idx).Custom(multi, sortedInfos...)

	type template struct {
		line        string
		info, entry int
		literals    int
	}
	codeIndex := make(map[string]int, len(g.codes))
	for i, c := range g.codes {
		codeIndex[c] = i
	}
	var templates []template
	seen := map[string]bool{"": true}
	nth := make([]int, len(g.codes)) // entries of each code seen so far
	maxEntries := 0
	for _, e := range g.c.Entries {
		ci := codeIndex[e.Code]
		for line := range strings.SplitSeq(e.Message, "\n") {
			// A line seen before always wins the tie with this one.
			if !seen[line] {
				seen[line] = true
				templates = append(templates, template{line, ci, nth[ci], support.Literals(line)})
			}
		}
		nth[ci]++
		maxEntries = max(maxEntries, nth[ci])
	}
	slices.SortStableFunc(templates, func(a, b template) int { return cmp.Compare(b.literals, a.literals) })
	var lines, lineInfos, lineEntries []jen.Code
	for _, t := range templates {
		lines = append(lines, jen.Lit(t.line))
		lineInfos = append(lineInfos, jen.Lit(t.info))
		lineEntries = append(lineEntries, jen.Lit(t.entry))
	}
	comment(f, `
// templateLines are the distinct lines of all documented messages, most
// specific first and otherwise in documented order, so that the first
// line Match fits is the best; line k is documented by
// infos[templateInfos[k]].Entries[templateEntries[k]] first.
`)
	f.Var().Id("templateLines").Op("=").Index(jen.Op("...")).String().Custom(multi, lines...)
	f.Var().Id("templateInfos").Op("=").Index(jen.Op("...")).Add(idx).Custom(multi, lineInfos...)
	f.Var().Id("templateEntries").Op("=").Index(jen.Op("...")).Add(index(maxEntries)).Custom(multi, lineEntries...)
}

func (g *gen) errorsFile() *jen.File {
	if g.scim != nil {
		return g.scimErrorsFile()
	}
	f := g.newFile()
	pkg := g.opts.Package
	e := jen.Id("e")

	comment(f, `
// Error is an error response of the vendor's API, as [FromResponse] and
// [Parse] read it.
`)
	f.Type().Id("Error").Struct(
		jen.Comment("// Code is the body's error code: a constant of this package when the"),
		jen.Comment("// code is documented, \"\" when the body carries none."),
		jen.Id("Code").Id("Code"),
		jen.Comment("// Status is the HTTP status of the response."),
		jen.Id("Status").Int(),
		jen.Comment("// Message is the message as the server sent it."),
		jen.Id("Message").String(),
		jen.Comment("// RequestID identifies the request for the vendor's support."),
		jen.Id("RequestID").String(),
		jen.Comment("// Raw is the response body as read, not copied: it shares memory with"),
		jen.Comment("// the body given to Parse or put back by FromResponse."),
		jen.Id("Raw").Index().Byte(),
	)
	example := oneLine(g.codes[0])
	if s := g.groups[0][0].Status; s != 0 {
		example += fmt.Sprintf(" (HTTP %d)", s)
	}
	comment(f, fmt.Sprintf(`
// Error returns one line, such as
//
//	%s: %s: message [request_id 0f7e6b5c]
//
// with control characters in the parts replaced by spaces.
`, pkg, example))
	f.Func().Params(e.Clone().Op("*").Id("Error")).Id("Error").Params().String().Block(
		jen.If(e.Clone().Op("==").Nil()).Block(jen.Return(jen.Lit(pkg+": <nil>"))),
		jen.Return(jen.Id("errgenErrorText").Call(jen.Lit(pkg), jen.String().Call(e.Clone().Dot("Code")), e.Clone().Dot("Status"), e.Clone().Dot("Message"), e.Clone().Dot("RequestID"))),
	)
	comment(f, fmt.Sprintf(`
// Is reports whether target is the [Code] of e, so that
// errors.Is(err, %s) works on any error wrapping e.
`, g.names[0]))
	f.Func().Params(e.Clone().Op("*").Id("Error")).Id("Is").Params(jen.Id("target").Error()).Bool().Block(
		jen.List(jen.Id("c"), jen.Id("ok")).Op(":=").Id("target").Assert(jen.Id("Code")),
		jen.Return(jen.Id("ok").Op("&&").Add(e.Clone()).Op("!=").Nil().Op("&&").Id("c").Op("==").Add(e.Clone()).Dot("Code")),
	)
	g.commonMethods(f)
	entryMethod(f, "Message")

	var ptrs, shapes []jen.Code
	for _, p := range g.env.pointers {
		toks := make([]jen.Code, len(p))
		for i, t := range p {
			toks[i] = jen.Lit(t)
		}
		ptrs = append(ptrs, jen.Values(toks...))
	}
	var shapeDoc doc
	for i, s := range g.c.Envelope.Shapes {
		sh := g.env.shapes[i]
		var list []jen.Code
		if g.env.array {
			list = []jen.Code{jen.Id("list").Op(":").Lit(g.env.lists[i])}
		}
		fields := append(list,
			jen.Id("code").Op(":").Lit(sh.code),
			jen.Id("message").Op(":").Lit(sh.message),
			jen.Id("requestID").Op(":").Lit(sh.requestID),
		)
		if sh.messageInBody {
			fields = append(fields, jen.Id("messageInBody").Op(":").True())
		}
		if sh.prefix != "" {
			fields = append(fields, jen.Id("prefix").Op(":").Lit(sh.prefix))
		}
		shapes = append(shapes, jen.Values(fields...))
		line := "  - code " + strconv.Quote(s.Code)
		if sh.prefix != "" {
			line += ", with " + strconv.Quote(s.CodePrefix) + " before it"
		}
		if s.Message != "" {
			line += ", message " + strconv.Quote(s.Message)
			if sh.messageInBody {
				line += " (one for all the listed codes)"
			}
		}
		if s.RequestID != "" {
			line += ", request ID " + strconv.Quote(s.RequestID)
		}
		shapeDoc.add(line)
	}
	if !g.env.array {
		comment(f, `
// envelopePointers are the JSON pointers of the envelope's shapes as
// reference tokens; envelopeShapes index them, -1 for none.
`)
		f.Var().Id("envelopePointers").Op("=").Index(jen.Op("...")).Index().String().Custom(multi, ptrs...)
		f.Var().Id("envelopeShapes").Op("=").Index(jen.Op("...")).Id("errgenShape").Custom(multi, shapes...)
	} else {
		var elems []jen.Code
		for _, p := range g.env.elemPointers {
			toks := make([]jen.Code, len(p))
			for i, t := range p {
				toks[i] = jen.Lit(t)
			}
			elems = append(elems, jen.Values(toks...))
		}
		comment(f, `
// envelopePointers are JSON pointers into the body as reference tokens:
// those of the arrays that list errors, of single errors' codes and
// messages, of the request ID and of the documented fields.
// elementPointers point into one element of such an array. Each of
// envelopeShapes has the index of its array (list, -1 for a shape with
// one error) and of its code and message among elementPointers (or, with
// no list or messageInBody, among envelopePointers), -1 for none.
`)
		f.Var().Id("envelopePointers").Op("=").Index(jen.Op("...")).Index().String().Custom(multi, ptrs...)
		f.Var().Id("elementPointers").Op("=").Index(jen.Op("...")).Index().String().Custom(multi, elems...)
		f.Var().Id("envelopeShapes").Op("=").Index(jen.Op("...")).Id("errgenListShape").Custom(multi, shapes...)
	}

	if g.env.array {
		g.arrayAPI(f, shapeDoc)
	} else {
		g.singleAPI(f, shapeDoc)
	}
	return f
}

// prefixDoc says, when a shape has a code prefix, what Code then holds.
func (g *gen) prefixDoc(f *jen.File) {
	for i, sh := range g.env.shapes {
		if sh.prefix == "" {
			continue
		}
		// envelope made sure that a documented code starts with it.
		var code string
		for _, c := range g.codes {
			if strings.HasPrefix(c, sh.prefix) {
				code = c
				break
			}
		}
		var d doc
		d.para()
		d.text(fmt.Sprintf(`Where a layout has a prefix, Code is the code the body sends with the
			prefix before it, as the vendor documents it: for the layout of code
			pointer %s, the body's %s is Code %s.`, strconv.Quote(oneLine(g.c.Envelope.Shapes[i].Code)),
			strconv.Quote(oneLine(strings.TrimPrefix(code, sh.prefix))), strconv.Quote(oneLine(code))))
		for _, l := range d {
			f.Comment(commentLine(l))
		}
		return
	}
}

// singleAPI adds Parse and FromResponse for a body that carries one
// error.
func (g *gen) singleAPI(f *jen.File, shapeDoc doc) {
	e := jen.Id("e")
	comment(f, `
// Parse reads an error response body. It tries the vendor's body layouts
// in this order and uses the first whose code is a JSON string or number
// (a number is taken as written):
//
`)
	if len(shapeDoc) == 0 {
		comment(f, "//   - none: the catalog documents no body layout, so Parse always fails")
	}
	for _, l := range shapeDoc {
		f.Comment(commentLine(l))
	}
	g.prefixDoc(f)
	comment(f, `
//
// ok is false when body is not valid JSON or fits no layout. Raw is body
// itself, not a copy. A documented code does not allocate: Code is then
// the constant's own string.
`)
	f.Func().Id("Parse").Params(jen.Id("status").Int(), jen.Id("body").Index().Byte()).Params(jen.Op("*").Id("Error"), jen.Bool()).Block(
		jen.Var().Id("found").Index(jen.Len(jen.Id("envelopePointers"))).Id("errgenSpan"),
		jen.List(jen.Id("code"), jen.Id("prefix"), jen.Id("message"), jen.Id("requestID"), jen.Id("ok")).Op(":=").Id("errgenParse").Call(
			jen.Id("body"), jen.Id("envelopePointers").Index(jen.Empty(), jen.Empty()), jen.Id("envelopeShapes").Index(jen.Empty(), jen.Empty()), jen.Id("found").Index(jen.Empty(), jen.Empty())),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Nil(), jen.False())),
		jen.Return(jen.Op("&").Id("Error").Custom(multi,
			jen.Id("Code").Op(":").Id("Code").Call(jen.Id("errgenCode").Call(jen.Id("sortedCodes").Index(jen.Empty(), jen.Empty()), jen.Id("prefix"), jen.Id("code"))),
			jen.Id("Status").Op(":").Id("status"),
			jen.Id("Message").Op(":").Id("message"),
			jen.Id("RequestID").Op(":").Id("requestID"),
			jen.Id("Raw").Op(":").Id("body"),
		), jen.True()),
	)

	var headerDoc string
	var setHeader jen.Code = jen.Null()
	if h := g.env.header; h != "" {
		headerDoc = fmt.Sprintf("RequestID comes from the %s header when the body carries none", oneLine(h))
		setHeader = jen.If(e.Clone().Dot("RequestID").Op("==").Lit("")).Block(
			e.Clone().Dot("RequestID").Op("=").Id("resp").Dot("Header").Dot("Get").Call(jen.Lit(h)),
		)
	} else {
		headerDoc = "the catalog names no request ID header"
	}
	g.fromResponse(f, "Error", "e", `also when the body carries no code or
		one this package does not know (Code is then "" or that code) or is not
		JSON at all (Raw then holds it)`, headerDoc, setHeader)
}

// arrayAPI adds type Errors, Parse and FromResponse for a body that lists
// errors: a code pointer has a "*".
func (g *gen) arrayAPI(f *jen.File, shapeDoc doc) {
	pkg := g.opts.Package
	es := jen.Id("es")

	fields := []jen.Code{
		jen.Comment("// Status is the HTTP status of the response."),
		jen.Id("Status").Int(),
		jen.Comment("// Errors are the errors the body lists, in body order, each with the"),
		jen.Comment("// response's Status, RequestID and Raw."),
		jen.Id("Errors").Index().Op("*").Id("Error"),
		jen.Comment("// RequestID identifies the request for the vendor's support."),
		jen.Id("RequestID").String(),
		jen.Comment("// Raw is the response body as read, not copied: it shares memory with"),
		jen.Comment("// the body given to Parse or put back by FromResponse."),
		jen.Id("Raw").Index().Byte(),
	}
	for i, fd := range g.c.Envelope.Fields {
		var d doc
		kind := "JSON value"
		if fd.Type != "" {
			kind = "JSON " + fd.Type
		}
		d.text(fmt.Sprintf("%s is the body's %s (%s at %s), kept as raw JSON; nil when the body has none.", g.fields[i], strconv.Quote(oneLine(fd.Name)), kind, strconv.Quote(oneLine(fd.Pointer))))
		labelled(&d, "Documented: ", fd.Description, "")
		for _, l := range d {
			fields = append(fields, jen.Comment(commentLine(l)))
		}
		fields = append(fields, jen.Id(g.fields[i]).Qual("encoding/json", "RawMessage"))
	}
	comment(f, `
// Errors is an error response of the vendor's API, whose body lists one
// or more errors, as [FromResponse] and [Parse] read it. It wraps each of
// them, so errors.Is and errors.As find any one of them through an
// Errors and anything that wraps it.
`)
	f.Type().Id("Errors").Struct(fields...)

	example := oneLine(g.codes[0])
	if st := g.groups[0][0].Status; st != 0 {
		example += fmt.Sprintf(" (HTTP %d)", st)
	}
	comment(f, fmt.Sprintf(`
// Error returns one line: that of the first error, with how many more
// the body lists, such as
//
//	%s: %s: message (+1 more) [request_id 0f7e6b5c]
`, pkg, example))
	f.Func().Params(es.Clone().Op("*").Id("Errors")).Id("Error").Params().String().Block(
		jen.If(es.Clone().Op("==").Nil()).Block(jen.Return(jen.Lit(pkg+": <nil>"))),
		jen.If(jen.Len(es.Clone().Dot("Errors")).Op("==").Lit(0).Op("||").Add(es.Clone()).Dot("Errors").Index(jen.Lit(0)).Op("==").Nil()).Block(
			jen.Return(jen.Id("errgenErrorsText").Call(jen.Lit(pkg), jen.Lit(""), es.Clone().Dot("Status"), jen.Lit(""), es.Clone().Dot("RequestID"), jen.Lit(0))),
		),
		jen.Id("first").Op(":=").Add(es.Clone()).Dot("Errors").Index(jen.Lit(0)),
		jen.Return(jen.Id("errgenErrorsText").Call(jen.Lit(pkg), jen.String().Call(jen.Id("first").Dot("Code")), es.Clone().Dot("Status"), jen.Id("first").Dot("Message"), es.Clone().Dot("RequestID"), jen.Len(es.Clone().Dot("Errors")))),
	)
	comment(f, fmt.Sprintf(`
// Unwrap returns the listed errors, so that errors.Is(err, %s)
// holds when any of them has that code.
`, g.names[0]))
	f.Func().Params(es.Clone().Op("*").Id("Errors")).Id("Unwrap").Params().Index().Error().Block(
		jen.If(es.Clone().Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Id("out").Op(":=").Make(jen.Index().Error(), jen.Lit(0), jen.Len(es.Clone().Dot("Errors"))),
		jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(es.Clone()).Dot("Errors")).Block(
			jen.If(jen.Id("e").Op("!=").Nil()).Block(jen.Id("out").Op("=").Append(jen.Id("out"), jen.Id("e"))),
		),
		jen.Return(jen.Id("out")),
	)
	comment(f, "// HTTPStatusCode returns the HTTP status, for callers that test errors for this method.")
	f.Func().Params(es.Clone().Op("*").Id("Errors")).Id("HTTPStatusCode").Params().Int().Block(
		jen.If(es.Clone().Op("==").Nil()).Block(jen.Return(jen.Lit(0))),
		jen.Return(es.Clone().Dot("Status")),
	)

	comment(f, `
// Parse reads an error response body. It tries the vendor's body layouts
// in this order and uses the first whose code is a JSON string or number
// (a number is taken as written) at least once; "*" stands for every
// element of an array, the code and message of one element belong
// together, and a message outside the array belongs to every listed code:
//
`)
	for _, l := range shapeDoc {
		f.Comment(commentLine(l))
	}
	g.prefixDoc(f)
	comment(f, `
//
// Every element with a code becomes one [*Error] of Errors, in body
// order. ok is false when body is not valid JSON or no layout gives a
// code. Raw and the fields are body itself, not copies. A documented code
// does not allocate: Code is then the constant's own string.
`)
	var setFields []jen.Code
	for i, j := range g.env.fields {
		setFields = append(setFields, es.Clone().Dot(g.fields[i]).Op("=").Id("errgenRaw").Call(jen.Id("body"), jen.Id("found").Index(jen.Lit(j))))
	}
	body := []jen.Code{
		jen.Var().Id("found").Index(jen.Len(jen.Id("envelopePointers"))).Id("errgenSpan"),
		jen.Var().Id("elemFound").Index(jen.Len(jen.Id("elementPointers"))).Id("errgenSpan"),
		jen.Comment("// Room for a few errors, so that a short list needs no more memory."),
		jen.Var().Id("elems").Index(jen.Lit(4)).Id("errgenElem"),
		jen.List(jen.Id("list"), jen.Id("requestID"), jen.Id("ok")).Op(":=").Id("errgenParseAll").Call(
			jen.Id("body"), jen.Id("envelopePointers").Index(jen.Empty(), jen.Empty()), jen.Id("elementPointers").Index(jen.Empty(), jen.Empty()),
			jen.Id("envelopeShapes").Index(jen.Empty(), jen.Empty()),
			jen.Id("found").Index(jen.Empty(), jen.Empty()), jen.Id("elemFound").Index(jen.Empty(), jen.Empty()), jen.Id("elems").Index(jen.Empty(), jen.Lit(0))),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Nil(), jen.False())),
		jen.Comment("// One allocation holds the errors, another their pointers."),
		jen.Id("all").Op(":=").Make(jen.Index().Id("Error"), jen.Len(jen.Id("list"))),
		es.Clone().Op(":=").Op("&").Id("Errors").Values(
			jen.Id("Status").Op(":").Id("status"),
			jen.Id("Errors").Op(":").Make(jen.Index().Op("*").Id("Error"), jen.Len(jen.Id("list"))),
			jen.Id("RequestID").Op(":").Id("requestID"),
			jen.Id("Raw").Op(":").Id("body"),
		),
		jen.For(jen.List(jen.Id("i"), jen.Id("el")).Op(":=").Range().Id("list")).Block(
			jen.Id("all").Index(jen.Id("i")).Op("=").Id("Error").Custom(multi,
				jen.Id("Code").Op(":").Id("Code").Call(jen.Id("errgenCode").Call(jen.Id("sortedCodes").Index(jen.Empty(), jen.Empty()), jen.Id("el").Dot("prefix"), jen.Id("el").Dot("code"))),
				jen.Id("Status").Op(":").Id("status"),
				jen.Id("Message").Op(":").Id("el").Dot("message"),
				jen.Id("RequestID").Op(":").Id("requestID"),
				jen.Id("Raw").Op(":").Id("body"),
			),
			es.Clone().Dot("Errors").Index(jen.Id("i")).Op("=").Op("&").Id("all").Index(jen.Id("i")),
		),
	}
	body = append(body, setFields...)
	body = append(body, jen.Return(es.Clone(), jen.True()))
	f.Func().Id("Parse").Params(jen.Id("status").Int(), jen.Id("body").Index().Byte()).Params(jen.Op("*").Id("Errors"), jen.Bool()).Block(body...)

	var headerDoc string
	var setHeader jen.Code = jen.Null()
	if h := g.env.header; h != "" {
		headerDoc = fmt.Sprintf("RequestID, of Errors and of each error, comes from the %s header when the body carries none", oneLine(h))
		setHeader = jen.If(es.Clone().Dot("RequestID").Op("==").Lit("")).Block(
			es.Clone().Dot("RequestID").Op("=").Id("resp").Dot("Header").Dot("Get").Call(jen.Lit(h)),
			jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(es.Clone()).Dot("Errors")).Block(
				jen.Id("e").Dot("RequestID").Op("=").Add(es.Clone()).Dot("RequestID"),
			),
		)
	} else {
		headerDoc = "the catalog names no request ID header"
	}
	g.fromResponse(f, "Errors", "es", `also when the body lists no code or
		is not JSON at all (Errors is then empty and Raw holds the body)`, headerDoc, setHeader)
}

// fieldNames are the Go names of the envelope's documented fields as
// fields of Errors: the JSON name made an exported identifier, with the
// suffix "Field" when it would clash with Errors' own names.
func fieldNames(c *catalog.Catalog) ([]string, error) {
	own := map[string]bool{"Status": true, "Errors": true, "RequestID": true, "Raw": true, "Error": true, "Unwrap": true, "HTTPStatusCode": true}
	owner := map[string]string{}
	var out []string
	for i, f := range c.Envelope.Fields {
		name := GoName(f.Name, "")
		if name == "" {
			name = "Field" + strconv.Itoa(i)
		}
		if own[name] {
			name += "Field"
		}
		if other, dup := owner[name]; dup {
			return nil, &catalog.Diagnostic{File: c.Source.File, Where: fmt.Sprintf("/envelope/fields/%d", i),
				Message: fmt.Sprintf("fields %q and %q both get the Go name %s; rename one in the catalog's envelope", other, f.Name, name)}
		}
		owner[name] = f.Name
		out = append(out, name)
	}
	return out, nil
}

// entryMethod adds Error.Entry, which finds the documented case of an
// error from its code, status and the message in field msg.
func entryMethod(f *jen.File, msg string) {
	e := jen.Id("e")
	comment(f, fmt.Sprintf(`
// Entry returns the documented case e is an instance of, with its title,
// description and solution (the action to show an operator): among the
// entries of e's code, those of e's status first, the one whose message
// template e.%s fits most specifically (see [Info.MatchEntry]). ok is
// false for an undocumented code or a message no entry fits.
`, msg))
	f.Func().Params(e.Clone().Op("*").Id("Error")).Id("Entry").Params().Params(jen.Id("Entry"), jen.Bool()).Block(
		jen.List(jen.Id("info"), jen.Id("ok")).Op(":=").Add(e.Clone()).Dot("Info").Call(),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Id("Entry").Values(), jen.False())),
		jen.List(jen.Id("entry"), jen.Id("_"), jen.Id("ok")).Op(":=").Id("info").Dot("MatchEntry").Call(e.Clone().Dot("Status"), e.Clone().Dot(msg)),
		jen.Return(jen.Id("entry"), jen.Id("ok")),
	)
}

// fromResponse adds FromResponse for the error type typ (Error or Errors),
// held in variable name: which says what the result holds when the body is
// no error body, and setHeader fills the request ID from the response
// header.
func (g *gen) fromResponse(f *jen.File, typ, name, which, headerDoc string, setHeader jen.Code) {
	v := jen.Id(name)
	var fr doc
	fr.text(fmt.Sprintf(`FromResponse returns the error resp reports: nil for a nil resp or a
		status below 400, else an [*%s], %s; %s.`, typ, which, headerDoc))
	fr.para()
	fr.text(fmt.Sprintf(`It reads at most 1 MiB of the body and puts back a body that yields
		everything again, read or not; closing it closes the original. When
		reading fails, the error wraps both the *%s and the read error, so
		errors.As and errors.Is find either.`, typ))
	for _, l := range fr {
		f.Comment(commentLine(l))
	}
	resp := jen.Id("resp")
	f.Func().Id("FromResponse").Params(resp.Clone().Op("*").Qual("net/http", "Response")).Error().Block(
		jen.If(resp.Clone().Op("==").Nil().Op("||").Add(resp.Clone()).Dot("StatusCode").Op("<").Lit(400)).Block(jen.Return(jen.Nil())),
		jen.List(jen.Id("body"), jen.Id("readErr")).Op(":=").Id("errgenReadBody").Call(resp.Clone()),
		jen.List(v.Clone(), jen.Id("ok")).Op(":=").Id("Parse").Call(resp.Clone().Dot("StatusCode"), jen.Id("body")),
		jen.If(jen.Op("!").Id("ok")).Block(
			v.Clone().Op("=").Op("&").Id(typ).Values(
				jen.Id("Status").Op(":").Add(resp.Clone()).Dot("StatusCode"),
				jen.Id("Raw").Op(":").Id("body"),
			),
		),
		setHeader,
		jen.If(jen.Id("readErr").Op("!=").Nil()).Block(
			jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("%w: reading body: %w"), v.Clone(), jen.Id("readErr"))),
		),
		jen.Return(v.Clone()),
	)
}
