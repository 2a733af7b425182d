package markdown

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/emit/openapi"
	"github.com/errgen/errgen/internal/mdtext"
	"github.com/errgen/errgen/internal/textsafe"
	"github.com/errgen/errgen/templates"
)

// Page is one catalog to document and where its other outputs are.
type Page struct {
	Catalog *catalog.Catalog
	// GoPackage and ImportPath name the generated Go package; ImportPath
	// may be "" when unknown.
	GoPackage, ImportPath string
	// GoNames maps each code to its Go constant (see gopkg.Names).
	GoNames map[string]string
	// GoDir and OpenAPIFile are slash paths relative to the output root
	// of the Go package's directory and the OpenAPI components file, for
	// links; "" leaves a link out.
	GoDir, OpenAPIFile string
}

// Options are the choices Emit leaves to the caller.
type Options struct {
	// Dir is the pages' directory, a slash path relative to the output
	// root, from which links to other outputs are made relative.
	Dir string
	// Templates, when set, holds template files that replace the defaults
	// of the same name (see templates.Names).
	Templates fs.FS
	// TemplatesDir is how messages name the root of Templates, e.g. the
	// -templates flag's value.
	TemplatesDir string
}

// Emit returns the pages of every catalog, keyed by slash path relative
// to opts.Dir: "<catalog-id>.md" for each, "README.md", the index, and
// "<catalog-id>.operations.md" for a catalog with an entry documented
// under more than [CellOperations] operations: the full lists the
// reference table shortens. A catalog of more than [MaxPageRows] rows
// has its table split over "<catalog-id>.md", "<catalog-id>.2.md", ….
func Emit(pages []Page, opts Options) (map[string][]byte, error) {
	tmpls, err := load(opts)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	operationPages := map[string][]byte{}
	var index indexData
	for _, p := range pages {
		d, err := pageData(p, opts.Dir)
		if err != nil {
			return nil, err
		}
		for _, part := range d.parts() {
			out, err := execute(tmpls["catalog.md.tmpl"], part)
			if err != nil {
				return nil, err
			}
			name := p.Catalog.ID + ".md"
			if part.Part > 1 {
				name = part.Parts[part.Part-1].File
				if _, dup := files[name]; dup {
					return nil, &catalog.Diagnostic{Where: "catalog " + p.Catalog.ID,
						Message: fmt.Sprintf("its page %d, %s, would replace the page of another catalog; rename one of the catalogs", part.Part, name)}
				}
			}
			files[name] = out
		}
		index.Pages = append(index.Pages, d)
		if d.OperationsFile == "" {
			continue
		}
		out, err := execute(tmpls["operations.md.tmpl"], d)
		if err != nil {
			return nil, err
		}
		operationPages[d.OperationsFile] = out
	}
	for name, out := range operationPages {
		if _, dup := files[name]; dup {
			return nil, &catalog.Diagnostic{Where: "catalog " + strings.TrimSuffix(name, OperationsSuffix),
				Message: fmt.Sprintf("its operations page %s would replace the reference page of another catalog; rename one of the catalogs", name)}
		}
		files[name] = out
	}
	out, err := execute(tmpls["index.md.tmpl"], &index)
	if err != nil {
		return nil, err
	}
	files["README.md"] = out
	return files, nil
}

var funcs = template.FuncMap{
	"cell": mdtext.Cell,
	"text": mdtext.Inline,
	"code": mdtext.Code,
	"link": mdtext.Link,
	"url":  webURL,
	"rows": rows,
}

// rows is the template function rows: the rows of d's reference table
// as the default catalog.md.tmpl lays them out, each line starting with
// a newline, exactly as its range over .Rows, quoted in the template,
// would write them (TestRowsFunction compares the two). A template pays
// some microseconds for each function call and field it evaluates, a
// second for 70,000 rows; this is a tenth of that.
func rows(d *PageData) string {
	var b strings.Builder
	for _, r := range d.Rows {
		b.WriteString("\n| ")
		if r.First {
			b.WriteString(`<a id="`)
			b.WriteString(r.Anchor)
			b.WriteString(`"></a>`)
		}
		for _, cell := range [...]string{r.Code, r.Status, r.Message, r.Description, r.Solution} {
			b.WriteString(mdtext.Cell(cell))
			b.WriteString(" | ")
		}
		b.WriteString(mdtext.Code(r.GoName))
		if d.HasTitles {
			b.WriteString(" | ")
			b.WriteString(mdtext.Cell(r.Title))
		}
		if d.HasOperations {
			b.WriteString(" | ")
			b.WriteString(mdtext.Cell(r.OperationsShown))
			if r.OperationsLink != "" {
				fmt.Fprintf(&b, "<br>[all %d operations](%s)", r.OperationCount, r.OperationsLink)
			}
		}
		b.WriteString(" |")
	}
	return b.String()
}

// webURL is the template function url: a link destination for an http or
// https URL, and an error for anything else, so that a user's template
// that links a catalog's source.url directly (not through link) fails
// rather than publishing a "javascript:" link.
func webURL(u string) (string, error) {
	if !textsafe.WebURL(u) {
		return "", fmt.Errorf("url %s: errgen links only http and https URLs; use {{link TEXT URL}}, which shows any other as text", textsafe.Line(strconv.Quote(u)))
	}
	return mdtext.URL(u), nil
}

// tmpl is a parsed template and the file it came from.
type tmpl struct {
	t    *template.Template
	file string
}

// load parses every template, the user's where given, else the default.
func load(opts Options) (map[string]tmpl, error) {
	if opts.Templates != nil {
		entries, err := fs.ReadDir(opts.Templates, ".")
		if err != nil {
			return nil, &catalog.Diagnostic{File: opts.TemplatesDir, Message: fmt.Sprintf("reading the templates directory: %v", err)}
		}
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".tmpl") && !slices.Contains(templates.Names, e.Name()) {
				return nil, &catalog.Diagnostic{File: path.Join(opts.TemplatesDir, e.Name()),
					Message: fmt.Sprintf("unknown template: errgen reads %s and %s; rename the file or remove it",
						strings.Join(templates.Names[:len(templates.Names)-1], ", "), templates.Names[len(templates.Names)-1])}
			}
		}
	}
	out := map[string]tmpl{}
	for _, name := range templates.Names {
		src, file, err := read(opts, name)
		if err != nil {
			return nil, err
		}
		t, err := template.New(file).Funcs(funcs).Option("missingkey=error").Parse(string(src))
		if err != nil {
			return nil, templateError(file, err)
		}
		out[name] = tmpl{t, file}
	}
	return out, nil
}

// read returns the user's template name, or the default one, and the file
// name messages give it.
func read(opts Options, name string) ([]byte, string, error) {
	if opts.Templates != nil {
		src, err := fs.ReadFile(opts.Templates, name)
		switch {
		case err == nil:
			return src, path.Join(opts.TemplatesDir, name), nil
		case !errors.Is(err, fs.ErrNotExist):
			return nil, "", &catalog.Diagnostic{File: path.Join(opts.TemplatesDir, name), Message: err.Error()}
		}
	}
	src, err := fs.ReadFile(templates.FS, name)
	if err != nil {
		return nil, "", fmt.Errorf("markdown: default template %s: %v", name, err)
	}
	return src, "templates/" + name + " (built in)", nil
}

// templateRE takes apart text/template's "template: NAME:LINE[:COL]: MSG".
var templateRE = regexp.MustCompile(`^template: (.*?):(\d+):(?:(\d+):)? (.*)$`)

// templateError turns a text/template error into a Diagnostic naming the
// file and line.
func templateError(file string, err error) error {
	msg := err.Error()
	m := templateRE.FindStringSubmatch(msg)
	if m == nil || !strings.HasPrefix(m[1], file) {
		return &catalog.Diagnostic{File: file, Message: strings.TrimPrefix(msg, "template: ")}
	}
	where := "line " + m[2]
	if m[3] != "" {
		where += ", column " + m[3]
	}
	return &catalog.Diagnostic{File: file, Where: where, Message: m[4]}
}

func execute(t tmpl, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := t.t.Execute(&buf, data); err != nil {
		return nil, templateError(t.file, err)
	}
	return compactEmptyCells(buf.Bytes()), nil
}

// compactEmptyCells writes an empty table cell "| |" rather than "|  |",
// which "| {{cell .X}} |" gives for an empty text, so every row keeps one
// space of padding (markdownlint's compact table style). An escaped pipe
// "\|" is cell content, not a boundary.
func compactEmptyCells(md []byte) []byte {
	out := md[:0] // never longer than what it has read
	for len(md) > 0 {
		n := bytes.IndexByte(md, '\n') + 1
		if n == 0 {
			n = len(md)
		}
		l := md[:n]
		md = md[n:]
		if !bytes.HasPrefix(l, []byte("|")) {
			out = append(out, l...)
			continue
		}
		for {
			j := emptyCell(l)
			if j < 0 {
				break
			}
			out = append(out, l[:j+1]...)
			l = l[j+2:]
		}
		out = append(out, l...)
	}
	return out
}

// emptyCell returns the index of the first unescaped "|  |" in l, or -1.
func emptyCell(l []byte) int {
	for j := 0; j+3 < len(l); j++ {
		if l[j] == '|' && l[j+1] == ' ' && l[j+2] == ' ' && l[j+3] == '|' && (j == 0 || l[j-1] != '\\') {
			return j
		}
	}
	return -1
}

// PageData is what catalog.md.tmpl and operations.md.tmpl receive;
// templates/README.md documents it for template authors.
type PageData struct {
	Catalog *catalog.Catalog
	// Title is the catalog's title, or its ID.
	Title, Vendor, ID string
	// Heading is the page's title: Title and " error codes", or Title
	// alone when it already says so ("Acme error codes", "Acme errors").
	// Subject is what the page documents the errors of: Title without
	// such an ending ("Acme").
	Heading, Subject                  string
	SourceURL, SnapshotFile, SHA256   string
	SnapshotDate                      string
	Codes, Entries                    int
	Go                                GoData
	OpenAPI, OpenAPIName, Index, Link string
	Statuses                          []StatusData
	Rows                              []Row
	First                             Row
	HasTitles, HasOperations          bool
	StatusList                        string
	// CodePrefixes are the prefixes the documentation writes before
	// codes that bodies send without them (catalog.Shape.CodePrefix).
	CodePrefixes []CodePrefix
	// OperationLists are the full operation lists the reference table
	// shortens, on the operations page; a list several rows share is
	// there once.
	OperationLists []OperationList
	// OperationsFile is the operations page, relative to the pages'
	// directory ("" when no list is shortened); OperationsLink links it
	// from the catalog's page and PageLink links the catalog's page from
	// it.
	OperationsFile, OperationsLink, PageLink string
	// CellOperations is the constant of that name: how many operations
	// a row lists in full.
	CellOperations int
	// Parts are the pages the reference table is split over when it has
	// more than MaxPageRows rows, in order; nil when it fits one page.
	// Part is the number of the page being rendered (1 for the
	// catalog's own page, "<catalog-id>.md"), and Rows and First are
	// that page's; the index gets Part 0 and every row.
	Parts []PagePart
	Part  int
}

// PagePart is one of the pages a catalog's reference table is split
// over.
type PagePart struct {
	// Number counts from 1.
	Number int
	// File is the page, relative to the pages' directory:
	// "<catalog-id>.md", "<catalog-id>.2.md", …; Link links it from the
	// index and Here from the catalog's other pages.
	File, Link, Here string
	// Rows counts its rows; FirstCode and LastCode are the codes of its
	// first and last.
	Rows                int
	FirstCode, LastCode string
}

// CodePrefix is a prefix the documentation writes before the codes a
// shape's bodies send without it.
type CodePrefix struct {
	Prefix string
	// Pointer is where the body carries the code.
	Pointer string
	// Code is a documented code with the prefix, and Sent the JSON value
	// a body sends for it: "AADSTS70011" and "70011".
	Code, Sent string
}

// OperationList is one full list of operations, and the rows that have it.
type OperationList struct {
	// Anchor is the list's id on the operations page.
	Anchor string
	Rows   []Row
	// Operations are "METHOD path", one per element.
	Operations []string
}

// GoData is about the generated Go package.
type GoData struct {
	Package, ImportPath string
	// Ref is the import path, or the package name when that is unknown.
	Ref string
	// Link is the package directory, relative to the page.
	Link string
	// Program is a complete Go program using a documented code, ending in
	// a newline; "" without ImportPath.
	Program string
}

// StatusData summarises one HTTP status.
type StatusData struct {
	// Status is 0 for entries without a documented status.
	Status int
	// Label is "400 Bad Request", or "not documented".
	Label string
	// Entries and Codes count the status's entries and distinct codes.
	Entries, Codes int
	// Response is the status's response in the OpenAPI components.
	Response string
}

// Row is one entry of the reference table.
type Row struct {
	Entry catalog.Entry
	Code  string
	// Anchor is the code's anchor; First is set on a code's first row.
	Anchor string
	First  bool
	// Status is the HTTP status as text, "" when not documented.
	Status                         string
	Message, Description, Solution string
	Title                          string
	// Operations are the entry's operations, "METHOD path" one a line.
	Operations string
	// OperationCount counts them. OperationsShown are those the table
	// shows: all of them, or the first few when there are more than
	// CellOperations; then OperationsLink links the full list on the
	// operations page.
	OperationCount                  int
	OperationsShown, OperationsLink string
	GoName                          string
	// Part is the number of the page the row is on (see
	// PageData.Parts), and PageLink links that page from the operations
	// page.
	Part     int
	PageLink string
}

type indexData struct {
	Pages []*PageData
}

func pageData(p Page, dir string) (*PageData, error) {
	c := p.Catalog
	if c == nil {
		return nil, &catalog.Diagnostic{Message: "no catalog to generate a reference page from"}
	}
	if len(c.Entries) == 0 {
		return nil, &catalog.Diagnostic{File: c.Source.File, Where: fmt.Sprintf("catalog %s", c.ID),
			Message: "the catalog has no entries, so there is no error to document; check the source and its parser"}
	}
	pageFile := path.Join(dir, c.ID+".md")
	codes := c.Codes()
	d := &PageData{
		Catalog:        c,
		Title:          c.Title,
		Vendor:         c.Vendor,
		ID:             c.ID,
		SourceURL:      c.Source.URL,
		SnapshotFile:   c.Source.File,
		SHA256:         c.Source.SHA256,
		SnapshotDate:   c.Source.Date,
		Codes:          len(codes),
		Entries:        len(c.Entries),
		Index:          linkPath(rel(pageFile, path.Join(dir, "README.md"))),
		Link:           linkPath(c.ID + ".md"),
		CellOperations: CellOperations,
	}
	if d.Title == "" {
		d.Title = c.ID
	}
	d.Heading, d.Subject = heading(d.Title)
	if d.Vendor == "" {
		d.Vendor = "the vendor"
	}
	if p.OpenAPIFile != "" {
		d.OpenAPI = linkPath(rel(pageFile, p.OpenAPIFile))
		d.OpenAPIName = path.Base(p.OpenAPIFile)
	}
	d.Go = GoData{Package: p.GoPackage, ImportPath: p.ImportPath, Ref: p.ImportPath}
	if d.Go.Ref == "" {
		d.Go.Ref = p.GoPackage
	}
	if p.GoDir != "" {
		d.Go.Link = linkPath(rel(pageFile, p.GoDir))
	}

	anchors := anchorsOf(codes)
	d.Rows = make([]Row, 0, len(c.Entries))
	for _, group := range c.ByCode() {
		anchor, name := anchors[group[0].Code], p.GoNames[group[0].Code]
		for i, e := range group {
			r := Row{
				Entry:       e,
				Code:        e.Code,
				Anchor:      anchor,
				First:       i == 0,
				Message:     e.Message,
				Description: e.Description,
				Solution:    e.Solution,
				Title:       e.Title,
				GoName:      name,
			}
			if e.Status != 0 {
				r.Status = strconv.Itoa(e.Status)
			}
			var ops []string
			for _, op := range e.Operations {
				ops = append(ops, op.Method+" "+op.Path)
			}
			r.Operations = strings.Join(ops, "\n")
			r.OperationCount = len(ops)
			r.OperationsShown = r.Operations
			if len(ops) > CellOperations {
				r.OperationsShown = strings.Join(ops[:shownOperations], "\n")
			}
			d.HasTitles = d.HasTitles || r.Title != ""
			d.HasOperations = d.HasOperations || r.Operations != ""
			d.Rows = append(d.Rows, r)
		}
	}
	splitRows(d, dir)
	operationLists(d, dir)
	d.First = d.Rows[0]
	d.Statuses = statuses(c)
	var list []string
	for _, s := range d.Statuses {
		if s.Status != 0 {
			list = append(list, strconv.Itoa(s.Status))
		} else {
			list = append(list, "none")
		}
	}
	d.StatusList = strings.Join(list, ", ")
	d.CodePrefixes = codePrefixes(c, codes)
	if p.ImportPath != "" {
		prog, err := program(c, p)
		if err != nil {
			return nil, err
		}
		d.Go.Program = prog
	}
	return d, nil
}

// CellOperations is how many operations a cell of the reference table
// lists in full; a row with more shows the first few, their count and a
// link to the full list on the operations page, so that a shared error
// response documented under hundreds of operations does not make a row
// (and the page) of hundreds of kilobytes.
const CellOperations = 8

// shownOperations is how many operations a shortened cell shows.
const shownOperations = 5

// OperationsSuffix ends the name of a catalog's operations page:
// "<catalog-id>.operations.md". A config's catalog IDs hold no ".", so
// it cannot be another catalog's page.
const OperationsSuffix = ".operations.md"

// operationLists collects the full lists the table shortens, once each,
// and links the rows to them.
func operationLists(d *PageData, dir string) {
	byList := map[string]int{}
	taken := map[string]bool{}
	for i := range d.Rows {
		r := &d.Rows[i]
		if r.OperationCount <= CellOperations {
			continue
		}
		k, ok := byList[r.Operations]
		if !ok {
			a := "operations-" + r.Anchor
			for n := 2; taken[a]; n++ {
				a = fmt.Sprintf("operations-%s-%d", r.Anchor, n)
			}
			taken[a] = true
			k = len(d.OperationLists)
			byList[r.Operations] = k
			d.OperationLists = append(d.OperationLists, OperationList{Anchor: a, Operations: strings.Split(r.Operations, "\n")})
		}
		d.OperationLists[k].Rows = append(d.OperationLists[k].Rows, *r)
	}
	if len(d.OperationLists) == 0 {
		return
	}
	d.OperationsFile = d.ID + OperationsSuffix
	pageFile, opsFile := path.Join(dir, d.ID+".md"), path.Join(dir, d.OperationsFile)
	d.OperationsLink = linkPath(rel(pageFile, opsFile))
	d.PageLink = linkPath(rel(opsFile, pageFile))
	for i := range d.Rows {
		r := &d.Rows[i]
		if k, ok := byList[r.Operations]; ok && r.OperationCount > CellOperations {
			r.OperationsLink = d.OperationsLink + "#" + d.OperationLists[k].Anchor
		}
	}
	for k := range d.OperationLists {
		for j := range d.OperationLists[k].Rows {
			r := &d.OperationLists[k].Rows[j]
			r.PageLink = d.PageLink
			if r.Part > 1 {
				r.PageLink = linkPath(rel(opsFile, path.Join(dir, d.Parts[r.Part-1].File)))
			}
		}
	}
}

// MaxPageRows is how many rows of the reference table one page holds.
// A catalog with more is split over several pages of at most this many
// rows, "<catalog-id>.md" and then "<catalog-id>.2.md", "<catalog-id>.3.md",
// …: each page is filled with whole codes (a code's rows stay together)
// until the next code would not fit, and a code with more rows than
// this is a page of its own. errgen's bundled catalogs have a few
// hundred rows; 50,000 codes make some 70,000 rows, one page of 20 MB
// that neither a browser nor a Markdown renderer handles well.
const MaxPageRows = 5000

// splitRows numbers the rows' pages, and, when there is more than one,
// fills d.Parts.
func splitRows(d *PageData, dir string) {
	part, n := 1, 0
	for i := range d.Rows {
		r := &d.Rows[i]
		if r.First && n > 0 {
			end := i + 1
			for end < len(d.Rows) && !d.Rows[end].First {
				end++
			}
			if n+end-i > MaxPageRows {
				part, n = part+1, 0
			}
		}
		r.Part = part
		n++
	}
	if part == 1 {
		return
	}
	d.Parts = make([]PagePart, part)
	for i := range d.Parts {
		p := &d.Parts[i]
		p.Number = i + 1
		p.File = d.ID + ".md"
		if p.Number > 1 {
			p.File = fmt.Sprintf("%s.%d.md", d.ID, p.Number)
		}
		p.Link = linkPath(p.File)
		p.Here = linkPath(rel(path.Join(dir, d.ID+".md"), path.Join(dir, p.File)))
	}
	for _, r := range d.Rows {
		p := &d.Parts[r.Part-1]
		if p.Rows == 0 {
			p.FirstCode = r.Code
		}
		p.Rows++
		p.LastCode = r.Code
	}
}

// parts returns the pages to render of d: d itself, or one copy per
// part, each with its rows.
func (d *PageData) parts() []*PageData {
	if len(d.Parts) == 0 {
		return []*PageData{d}
	}
	out := make([]*PageData, 0, len(d.Parts))
	start := 0
	for i := range d.Parts {
		p := *d
		p.Part = i + 1
		p.Rows = d.Rows[start : start+d.Parts[i].Rows]
		p.First = p.Rows[0]
		start += d.Parts[i].Rows
		out = append(out, &p)
	}
	return out
}

// titleEndings are the last words of a title that already says the page
// lists error codes; heading adds none then.
var titleEndings = [][]string{{"error", "codes"}, {"error", "code"}, {"errors"}, {"error"}, {"codes"}}

// subjectRE takes such an ending, as plain words, off a title.
var subjectRE = regexp.MustCompile(`(?i)^(.*?[\pL\pN)])\s+(error\s+codes?|errors?|codes)$`)

// heading returns the page's title for a catalog titled title, and what
// the page documents the errors of: "Acme API error codes" and "Acme API"
// for "Acme API", "Acme error codes" and "Acme" for "Acme error codes",
// so that no title says "error codes error codes". Punctuation between
// words and a parenthesised remark at the end do not count: "SCIM errors
// (RFC 7644)" stays as it is, and is its own subject.
func heading(title string) (string, string) {
	main := strings.TrimRightFunc(title, unicode.IsSpace)
	if strings.HasSuffix(main, ")") {
		if i := strings.LastIndex(main, "("); i > 0 {
			main = main[:i]
		}
	}
	words := strings.FieldsFunc(strings.ToLower(main), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, end := range titleEndings {
		if len(words) >= len(end) && slices.Equal(words[len(words)-len(end):], end) {
			if m := subjectRE.FindStringSubmatch(title); m != nil {
				return title, m[1]
			}
			return title, title
		}
	}
	return title + " error codes", title
}

// statuses summarises c by status, ascending, "not documented" last.
func statuses(c *catalog.Catalog) []StatusData {
	byStatus := map[int]*StatusData{}
	codes := map[int]map[string]bool{}
	for _, e := range c.Entries {
		s := byStatus[e.Status]
		if s == nil {
			s = &StatusData{Status: e.Status, Response: openapi.ResponseName(e.Status)}
			s.Label = strings.TrimSpace(fmt.Sprintf("%d %s", e.Status, http.StatusText(e.Status)))
			if e.Status == 0 {
				s.Label = "not documented"
			}
			byStatus[e.Status] = s
			codes[e.Status] = map[string]bool{}
		}
		s.Entries++
		codes[e.Status][e.Code] = true
	}
	var out []StatusData
	for st, s := range byStatus {
		s.Codes = len(codes[st])
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b StatusData) int {
		if (a.Status == 0) != (b.Status == 0) {
			if a.Status == 0 {
				return 1
			}
			return -1
		}
		return a.Status - b.Status
	})
	return out
}

// reservedAnchors are ids the default page's headings take.
var reservedAnchors = map[string]bool{"reference": true, "summary": true, "use-it-from-go": true}

// anchorsOf gives each code its anchor, as the package doc describes.
func anchorsOf(codes []string) map[string]string {
	base := func(code string) string {
		var b strings.Builder
		for _, r := range strings.ToLower(code) {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	count := map[string]int{}
	for _, c := range codes {
		count[base(c)]++
	}
	out := make(map[string]string, len(codes))
	for _, c := range codes {
		a := base(c)
		if a == "" || count[a] > 1 || reservedAnchors[a] {
			sum := sha256.Sum256([]byte(c))
			a = strings.TrimPrefix(a+"-"+hex.EncodeToString(sum[:4]), "-")
			if a[0] >= '0' && a[0] <= '9' {
				a = "code-" + a
			}
		}
		out[c] = a
	}
	return out
}

// rel returns the relative link from file from to target, both slash
// paths relative to the output root.
func rel(from, target string) string {
	fromDir := strings.Split(path.Dir(from), "/")
	if path.Dir(from) == "." {
		fromDir = nil
	}
	to := strings.Split(target, "/")
	i := 0
	for i < len(fromDir) && i < len(to)-1 && fromDir[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(fromDir)-i) + strings.Join(to[i:], "/")
}

// linkPath is a relative slash path as a link destination. Catalog IDs
// and output directories come from configs and catalogs, so every byte but
// ASCII letters, digits, '-', '.', '_', '~' and '/' is percent-encoded:
// nothing can end the destination, and a ':' cannot make
// "javascript:alert(1).md" a scheme.
func linkPath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~/", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// oneLine is s for a Go comment: on one line, or alt when empty.
func oneLine(s, alt string) string {
	if s == "" {
		return alt
	}
	s = strings.Map(func(r rune) rune {
		if !unicode.IsPrint(r) && !unicode.IsSpace(r) {
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	return strings.Join(strings.Fields(s), " ")
}
