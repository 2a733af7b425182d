package gopkg

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
)

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
		"\t\tlog.Printf(\"request %s: %v\", apiErr.RequestID(), err)",
		"\t}",
		"\treturn err",
		"}",
	}
	if g.env.array {
		usage = slices.Concat(usage[:9], []string{
			fmt.Sprintf("\tvar apiErrs *%s.Errors", pkg),
			"\tif errors.As(err, &apiErrs) {",
			"\t\tfor _, apiErr := range apiErrs.Errors {",
			"\t\t\tlog.Printf(\"request %s: %s: %s\", apiErrs.RequestID(), apiErr.Code, apiErr.Message)",
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
	dropped := "nothing is dropped from it, so that a name never changes when other codes are added"
	if len(g.opts.TrimPrefixes) > 0 {
		quoted := make([]string, len(g.opts.TrimPrefixes))
		for i, p := range g.opts.TrimPrefixes {
			quoted[i] = strconv.Quote(oneLine(p))
		}
		dropped = "the longest of the prefixes " + strings.Join(quoted, ", ") + " that it starts with is dropped"
	}
	// Emit named the constants already, so the catalog's names are sound.
	reserved, _ := catalog.ReservedGoNames(g.c)
	own := strings.Join(reserved, ", ")
	suggested := ""
	for _, e := range g.c.Entries {
		if e.Name != "" {
			suggested = " A name the source suggests for a code (such as x-enum-varnames) is used instead of the derived one."
			break
		}
	}
	d.text(fmt.Sprintf(`A constant is named after its code: %s; the rest is split at every
		character that is not a letter or digit, and the parts (and the words of a camelCase part) are capitalised and
		joined, with initialisms upper-cased as Go writes them (ID, URL, HTTP). A name that would not be an exported identifier, such as one
		starting with a digit, or that would clash with this package's own names
		(%s) gets the prefix Code.%s The names: map of errgen.yaml overrides a
		name.`, dropped, own, suggested))
	d.para()
	d.add("# Across vendors")
	d.para()
	d.text(`[*Error] implements apierr.Error, the interface the errors of every
		errgen package share, so one function can handle the errors of several
		vendors: apierr.As finds it in a chain, apierr.CodeOf reads the code of
		any error with an ErrorCode method, Fault says whether the client or the
		server is at fault, Retryable is true for the statuses 429 and 503 and
		the codes errgen.yaml lists as retryable, and RetryAfter reads the
		response's Retry-After header.`)
	d.para()
	d.add("# Tables")
	d.para()
	d.text(`The documented texts are packed into a few string constants, so that
		even a package of tens of thousands of codes compiles fast. [Lookup] is
		a binary search that does not allocate; the first call of a function
		that returns an [Info] builds the package's Info values once, and the
		slices of an [Info] are shared with them, so they must not be modified.
		Documented texts are kept verbatim in the tables; in doc comments,
		control characters and invalid UTF-8 are shown as U+FFFD, and gofmt may
		render some markup, such as a doubled backquote, as typography.`)
	return d
}
