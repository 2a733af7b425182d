//go:build ignore

// Rebuild writes ErrorCode.html, the snapshot of the Huawei Cloud IAM
// Identity Center "Error Codes" page, from the text rendering of that page
// kept in the shared seeds. Run it from this directory:
//
//	go run rebuild.go -seed ../../../../shared/seeds/000_970aec267ebc3115.txt -out ErrorCode.html
//
// The vendor page itself was not available, only its text rendering, so
// the markup is rebuilt in the DITA table style of the real pages in
// ../shared/corpus/huaweicloud-dita (beside the project). That keeps the snapshot honest for
// the HTML table parser: it sees the same element structure as on the
// vendor pages, and every cell's text is exactly one line of the seed.
//
// The seed is the page's text, one block per non-empty line:
//
//	Updated on <date>
//	Error Codes
//	<intro sentence>
//	Status Code / Error Code / Error Message / Description / Solution
//	<5 lines per row, each row starting with a 3-digit status code>
//	Table <n> <title>
//	HTTP Status Code / Response Status Code / Error Message / Description / Solution
//	<5 lines per row, the first two being 3-digit status codes>
//
// Anything else makes Rebuild exit with status 1 and a message naming the
// seed line, without writing the output, so a changed page is noticed
// rather than silently misaligned. The output depends on the seed alone:
// ids are derived from table, row and column numbers, so running it again
// reproduces the committed file byte for byte.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/errgen/errgen/catalog"
)

// topic is the DITA topic id; the vendor names its topics after the page.
const topic = "ErrorCode"

var (
	mainHeader = []string{"Status Code", "Error Code", "Error Message", "Description", "Solution"}
	scimHeader = []string{"HTTP Status Code", "Response Status Code", "Error Message", "Description", "Solution"}

	// Widths are cosmetic, but the real pages always carry them, and a
	// parser must not mistake them for content.
	mainWidths = []string{"10%", "18%", "24%", "22%", "26%"}
	scimWidths = []string{"12%", "14%", "24%", "22%", "28%"}

	status  = regexp.MustCompile(`^[1-5][0-9][0-9]$`)
	caption = regexp.MustCompile(`^(Table [0-9]+ )(\S.*)$`)
)

// line is one non-empty seed line with its 1-based line number, kept for
// messages.
type line struct {
	n    int
	text string
}

type table struct {
	label, title string // caption, split as DITA marks it up: <b>label</b>title
	header       []string
	widths       []string
	rows         [][]string
}

type page struct {
	updated, title, intro string
	tables                []table
}

func main() {
	seed := flag.String("seed", "", "text rendering of the vendor page")
	out := flag.String("out", "", "HTML file to write")
	flag.Parse()
	if *seed == "" || *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run rebuild.go -seed SEED.txt -out ErrorCode.html")
		os.Exit(2)
	}
	if err := run(*seed, *out); err != nil {
		fmt.Fprintln(os.Stderr, "rebuild:", err)
		os.Exit(1)
	}
}

func run(seedPath, outPath string) error {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		return err
	}
	p, err := parse(seedPath, data)
	if err != nil {
		return err
	}
	if err := os.WriteFile(outPath, render(p), 0o644); err != nil {
		return err
	}
	for i, t := range p.tables {
		name := "main table"
		if t.label != "" {
			name = fmt.Sprintf("%q", t.label+t.title)
		}
		fmt.Fprintf(os.Stderr, "%s: table %d, %s: %d rows\n", outPath, i+1, name, len(t.rows))
	}
	return nil
}

// reader hands out the seed's non-empty lines and builds diagnostics that
// point at the line in question.
type reader struct {
	file  string
	lines []line
	pos   int
}

func (r *reader) peek() (line, bool) {
	if r.pos >= len(r.lines) {
		return line{}, false
	}
	return r.lines[r.pos], true
}

func (r *reader) next(what string) (line, error) {
	l, ok := r.peek()
	if !ok {
		return line{}, r.errorf("end of file", "expected %s, found end of file", what)
	}
	r.pos++
	return l, nil
}

func (r *reader) errorf(where, format string, args ...any) error {
	return &catalog.Diagnostic{File: r.file, Where: where, Message: fmt.Sprintf(format, args...)}
}

func at(l line) string { return fmt.Sprintf("line %d", l.n) }

func parse(file string, data []byte) (*page, error) {
	r := &reader{file: file}
	for i, s := range strings.Split(string(data), "\n") {
		if strings.ContainsRune(s, '\r') {
			return nil, r.errorf(fmt.Sprintf("line %d", i+1), "carriage return; expected LF line ends")
		}
		if strings.TrimSpace(s) == "" {
			if s != "" {
				return nil, r.errorf(fmt.Sprintf("line %d", i+1), "line of blanks only; expected an empty line or text")
			}
			continue
		}
		if s != strings.TrimSpace(s) {
			return nil, r.errorf(fmt.Sprintf("line %d", i+1), "leading or trailing blanks in %q; expected trimmed text", s)
		}
		r.lines = append(r.lines, line{i + 1, s})
	}

	var p page
	l, err := r.next(`"Updated on …"`)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(l.text, "Updated on ") {
		return nil, r.errorf(at(l), "got %q, expected the \"Updated on …\" line", l.text)
	}
	p.updated = l.text
	if l, err = r.next("the page title"); err != nil {
		return nil, err
	}
	if l.text != "Error Codes" {
		return nil, r.errorf(at(l), "got %q, expected the page title \"Error Codes\"", l.text)
	}
	p.title = l.text
	if l, err = r.next("the intro sentence"); err != nil {
		return nil, err
	}
	if l.text == mainHeader[0] {
		return nil, r.errorf(at(l), "got the table header, expected the intro sentence before it")
	}
	p.intro = l.text

	t, err := readTable(r, mainHeader, 1)
	if err != nil {
		return nil, err
	}
	t.widths = mainWidths
	p.tables = append(p.tables, t)

	if l, err = r.next(`the caption "Table 1 SCIM error codes"`); err != nil {
		return nil, err
	}
	m := caption.FindStringSubmatch(l.text)
	if m == nil {
		return nil, r.errorf(at(l), "got %q, expected a 3-digit status code or a caption \"Table N …\"", l.text)
	}
	t, err = readTable(r, scimHeader, 2)
	if err != nil {
		return nil, err
	}
	t.label, t.title, t.widths = m[1], m[2], scimWidths
	p.tables = append(p.tables, t)

	if l, ok := r.peek(); ok {
		return nil, r.errorf(at(l), "got %q after the last row, expected end of file or a 3-digit status code", l.text)
	}
	return &p, nil
}

// readTable reads the header lines and then rows as long as a row boundary
// holds a status code. The first statusCols cells of each row must be
// status codes: that is what catches a cell lost or split in the seed,
// since every later row would then start on the wrong line.
func readTable(r *reader, header []string, statusCols int) (table, error) {
	t := table{header: header}
	for _, h := range header {
		l, err := r.next(fmt.Sprintf("header %q", h))
		if err != nil {
			return t, err
		}
		if l.text != h {
			return t, r.errorf(at(l), "got %q, expected header %q", l.text, h)
		}
	}
	for {
		l, ok := r.peek()
		if !ok || !status.MatchString(l.text) {
			break
		}
		row := make([]string, 0, len(header))
		for c := range header {
			l, err := r.next(fmt.Sprintf("column %q of the row starting at line %d (rows have %d cells)", header[c], l.n, len(header)))
			if err != nil {
				return t, err
			}
			if c < statusCols && !status.MatchString(l.text) {
				return t, r.errorf(at(l), "got %q, expected a 3-digit status code in column %q", l.text, header[c])
			}
			row = append(row, l.text)
		}
		t.rows = append(t.rows, row)
	}
	if len(t.rows) == 0 {
		where := "end of file"
		if l, ok := r.peek(); ok {
			where = at(l)
		}
		return t, r.errorf(where, "expected at least one row starting with a 3-digit status code after the header")
	}
	return t, nil
}

var escape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func render(p *page) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<a name=\"%s\"></a><a name=\"%[1]s\"></a>\n\n", topic)
	fmt.Fprintf(&b, "<p class=\"updatetime\" id=\"%s__updated\">%s</p>\n", topic, escape.Replace(p.updated))
	fmt.Fprintf(&b, "<h1 class=\"topictitle1\">%s</h1>\n", escape.Replace(p.title))
	fmt.Fprintf(&b, "<div id=\"body1\"><p id=\"%s__intro\">%s</p>\n", topic, escape.Replace(p.intro))
	for i, t := range p.tables {
		renderTable(&b, i+1, t)
	}
	b.WriteString("</div>\n")
	return b.Bytes()
}

// renderTable writes one table as the DITA-OT output of the vendor's pages
// does: each cell's paragraph on its own line, the closing cell tag on the
// next, header cells linked to body cells through mcps ids.
func renderTable(b *bytes.Buffer, n int, t table) {
	hid := func(c int) string { return fmt.Sprintf("mcps1.3.%d.2.6.1.%d", n+1, c+1) }
	pid := func(row, c int) string { return fmt.Sprintf("%s__table%d_p%d_%d", topic, n, row, c+1) }
	rid := func(row int) string { return fmt.Sprintf("%s__table%d_row%d", topic, n, row) }

	fmt.Fprintf(b, "<div class=\"tablenoborder\"><table cellpadding=\"4\" cellspacing=\"0\" summary=\"\" id=\"%s__table%d\" frame=\"border\" border=\"1\" rules=\"all\">", topic, n)
	if t.label != "" {
		fmt.Fprintf(b, "<caption><b>%s</b>%s</caption>", escape.Replace(t.label), escape.Replace(t.title))
	}
	fmt.Fprintf(b, "<thead align=\"left\"><tr id=\"%s\">", rid(0))
	for c, h := range t.header {
		fmt.Fprintf(b, "<th align=\"left\" class=\"cellrowborder\" valign=\"top\" width=\"%s\" id=\"%s\"><p id=\"%s\">%s</p>\n</th>\n",
			t.widths[c], hid(c), pid(0, c), escape.Replace(h))
	}
	b.WriteString("</tr>\n</thead>\n<tbody>")
	for r, row := range t.rows {
		fmt.Fprintf(b, "<tr id=\"%s\">", rid(r+1))
		for c, cell := range row {
			fmt.Fprintf(b, "<td class=\"cellrowborder\" valign=\"top\" width=\"%s\" headers=\"%s \"><p id=\"%s\">%s</p>\n</td>\n",
				t.widths[c], hid(c), pid(r+1, c), escape.Replace(cell))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n</div>\n")
}
