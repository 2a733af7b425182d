package gopkg

import (
	"bytes"
	"embed"
	"fmt"
	"go/format"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/errgen/errgen/apierr"
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/version"
)

// RuntimeVersion is the version of the table layout and API of package
// apierr that generated code is written for. Generated tables.go checks
// it against apierr.MinVersion and apierr.MaxVersion at compile time.
// Raise it, and apierr.MaxVersion, whenever a template starts to use
// something of apierr that an older apierr lacks (2: Table.Documented).
const RuntimeVersion = 2

// The fixed Go of every generated package is in tmpl, as templates whose
// only inputs are identifiers, literals quoted here and comment lines
// cleaned here; the code below computes what varies per catalog.
//
//go:embed tmpl/*.tmpl
var tmplFS embed.FS

var templates = template.Must(template.New("").ParseFS(tmplFS, "tmpl/*.tmpl"))

// gen holds what the generated files share.
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

// fileHeader starts every generated file: the line go generate, linters
// and review tools recognise, and the versions that wrote it.
func fileHeader() string {
	return "// " + header + "\n// errgen " + version.Errgen + ", runtime github.com/errgen/errgen/apierr version " + strconv.Itoa(RuntimeVersion) + "\n"
}

// execute runs template name. Values of data that are big (the const
// block, the packed tables) would be copied twice by text/template, which
// prints through fmt; they go in as markers instead and are spliced into
// the output, which is allocated once at its final size.
func execute(name string, data map[string]any, big map[string]string) ([]byte, error) {
	size := 0
	for k, v := range big {
		data[k] = "\x00" + k + "\x00"
		size += len(v)
	}
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, fmt.Errorf("gopkg: template %s: %v", name, err)
	}
	if len(big) == 0 {
		return buf.Bytes(), nil
	}
	out := make([]byte, 0, buf.Len()+size)
	// Vendor text never holds NUL here: every big value is quoted or
	// cleaned, so a NUL can only start a marker.
	for rest := buf.Bytes(); ; {
		i := bytes.IndexByte(rest, 0)
		if i < 0 {
			return append(out, rest...), nil
		}
		j := bytes.IndexByte(rest[i+1:], 0)
		if j < 0 {
			return nil, fmt.Errorf("gopkg: template %s: a stray NUL", name)
		}
		v, ok := big[string(rest[i+1:i+1+j])]
		if !ok {
			return nil, fmt.Errorf("gopkg: template %s: a stray NUL", name)
		}
		out = append(append(out, rest[:i]...), v...)
		rest = rest[i+2+j:]
	}
}

// gofmt formats a file built from a template; everything vendor-controlled
// in it is quoted or cleaned, so an error is a bug in this package.
func gofmt(name string, src []byte) ([]byte, error) {
	out, err := format.Source(src)
	if err != nil {
		return nil, fmt.Errorf("gopkg: generated %s does not parse: %v", name, err)
	}
	return out, nil
}

// docFile is doc.go: the package doc and the package clause.
func (g *gen) docFile() ([]byte, error) {
	var b strings.Builder
	b.WriteString(fileHeader())
	b.WriteString("\n")
	for _, l := range g.packageDoc() {
		b.WriteString(commentLine(l))
		b.WriteString("\n")
	}
	b.WriteString("package " + g.opts.Package + "\n")
	return gofmt("doc.go", []byte(b.String()))
}

// codesFile is codes.go. It is not run through gofmt, which would cost
// more than everything else at 50,000 codes: the template is gofmt'd
// already, and the const block is written the way gofmt prints it (a
// blank line between specs, so nothing is aligned; indented comments,
// which gofmt leaves alone). Tests check that gofmt changes nothing.
func (g *gen) codesFile() ([]byte, error) {
	var b strings.Builder
	b.Grow(g.textSize())
	for i, code := range g.codes {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, l := range g.constDoc(i) {
			if l == "" {
				b.WriteString("\t//\n")
				continue
			}
			b.WriteString("\t// ")
			b.WriteString(clean(l))
			b.WriteString("\n")
		}
		b.WriteString("\t")
		b.WriteString(g.names[i])
		b.WriteString(" Code = ")
		b.WriteString(strconv.Quote(code))
		b.WriteString("\n")
	}
	return execute("codes.go", map[string]any{
		"Header": fileHeader(),
		"Pkg":    g.opts.Package,
	}, map[string]string{"Consts": b.String()})
}

// textSize is about how many bytes the catalog's texts take, to size the
// buffers that hold them.
func (g *gen) textSize() int {
	n := 0
	for _, e := range g.c.Entries {
		n += len(e.Code) + len(e.Message) + len(e.Title) + len(e.Description) + len(e.Solution) + len(e.Note) + 64
	}
	return n
}

// constDoc documents the constant of codes[i]: for each distinct
// documented text (message, description, solution) once, with all the
// statuses it is documented under.
func (g *gen) constDoc(i int) doc {
	var d doc
	d.add(g.names[i] + " is " + strconv.Quote(g.codes[i]) + ".")
	type text struct{ message, title, description, solution, note string }
	var order []text
	// A status is its number, or for status 0 the range or default
	// response the source documents it under ("4XX"), or "" for unknown.
	statuses := map[text][]string{}
	retryable := false
	for _, e := range g.groups[i] {
		retryable = retryable || e.Retryable
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
	if retryable {
		d.add("errgen.yaml lists it as retryable.")
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

// tablesFile is tables.go: the packed tables behind Lookup, Match and
// Retryable, and the runtime version guard. Like codes.go it is written
// gofmt'd: its strings are single-line literals.
func (g *gen) tablesFile() ([]byte, error) {
	p := pack(g.groups, g.textSize())
	return execute("tables.go", map[string]any{
		"Header":  fileHeader(),
		"Pkg":     g.opts.Package,
		"Version": RuntimeVersion,
	}, map[string]string{
		"CodesQ":     strconv.Quote(strings.Join(g.codes, "")),
		"CodeEndQ":   quoteUint32s(p.codeEnd),
		"SortedQ":    quoteUint32s(sortedIndexes(g.codes)),
		"TextQ":      strconv.Quote(p.text.String()),
		"TextEndQ":   quoteUint32s(p.textEnd),
		"EntriesQ":   quoteUint32s(p.entries),
		"RetryableQ": quoteUint32s(p.retryable),
		// Only when the source interleaves codes does the order differ.
		"DocumentedQ": quoteUint32s(g.documentedOrder()),
	})
}

// packed are the tables of apierr.Table before encoding.
type packed struct {
	codeEnd   []uint32
	text      strings.Builder
	textEnd   []uint32
	textIndex map[string]uint32
	entries   []uint32
	retryable []uint32
}

// pack lays the entries out as apierr.Table reads them: texts deduplicated
// (text 0 is ""), six numbers per entry grouped by code.
func pack(groups [][]catalog.Entry, size int) *packed {
	p := &packed{textEnd: []uint32{0}, textIndex: map[string]uint32{"": 0}}
	p.text.Grow(size)
	end := 0
	intern := func(s string) uint32 {
		if i, ok := p.textIndex[s]; ok {
			return i
		}
		p.text.WriteString(s)
		i := uint32(len(p.textEnd))
		p.textEnd = append(p.textEnd, uint32(p.text.Len()))
		p.textIndex[s] = i
		return i
	}
	for ci, entries := range groups {
		end += len(entries[0].Code)
		p.codeEnd = append(p.codeEnd, uint32(end))
		retryable := false
		for _, e := range entries {
			retryable = retryable || e.Retryable
			p.entries = append(p.entries, uint32(ci), uint32(e.Status),
				intern(e.Message), intern(e.Title), intern(e.Description), intern(e.Solution))
		}
		if retryable {
			p.retryable = append(p.retryable, uint32(ci))
		}
	}
	return p
}

// documentedOrder is the packed index (entries grouped by code) of each
// entry of the catalog in the source's order, which apierr.Table.Match
// needs to tell which code documented a template line first; nil when
// the two orders are the same.
func (g *gen) documentedOrder() []uint32 {
	start := make(map[string]uint32, len(g.codes))
	n := uint32(0)
	for i, code := range g.codes {
		start[code] = n
		n += uint32(len(g.groups[i]))
	}
	order := make([]uint32, 0, len(g.c.Entries))
	same := true
	for _, e := range g.c.Entries {
		k := start[e.Code]
		start[e.Code]++
		same = same && k == uint32(len(order))
		order = append(order, k)
	}
	if same {
		return nil
	}
	return order
}

// sortedIndexes are the indexes of codes in byte order of the codes.
func sortedIndexes(codes []string) []uint32 {
	order := make([]uint32, len(codes))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int { return strings.Compare(codes[a], codes[b]) })
	return order
}

// quoteUint32s is ns as a Go string literal of apierr.Words (little-endian
// uint32s), in ASCII:
// a string constant costs the compiler next to nothing, where an array
// literal of 300,000 numbers takes it seconds.
func quoteUint32s(ns []uint32) string {
	return strconv.QuoteToASCII(string(apierr.PackWords(ns)))
}
