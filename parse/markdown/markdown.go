package markdown

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/textenc"
	"github.com/errgen/errgen/parse/internal/sections"
	"github.com/errgen/errgen/parse/internal/table"
)

// Options controls Parse.
type Options struct {
	// File is the input's name, used in every message.
	File string
	// Tables selects tables: a number such as "2" is the 2nd table of the
	// document (pipe tables and HTML tables numbered together); anything
	// else is a caption, the nearest heading above a pipe table. Empty:
	// every error-code table.
	Tables []string
	// SkipBadRows turns bad rows (a status that is not a number) into
	// warnings: the row is left out and counted in Report.SkippedRows.
	SkipBadRows bool
	// Columns gives columns their roles, beating every guess: a role
	// (code, status, message, title, description, solution) maps to a
	// header text or a 1-based column index.
	Columns map[string]string
	// Charset is the charset the document's Content-Type declared, such
	// as "GBK" ("" when none); a byte order mark wins over it. Without
	// either the document is read as UTF-8.
	Charset string
}

// MaxSize is the largest document Parse reads, in bytes.
const MaxSize = 16 << 20

// MaxNesting is the deepest nesting of block quotes and list items a
// line may open (see deepestNesting). goldmark's time grows faster than
// the square of the depth: a 32 KB line of "- - - …" takes it 18 s, and
// 1 MB of lists each indented two more spaces than the last 30 s;
// documentation nests a few levels.
const MaxNesting = 100

// deepestNesting returns the line whose start may open the most block
// quotes and list items, and how deep: one for every '>' and every list
// marker ("-", "*", "+", "1.", "1)") followed by a space, plus one for
// every two columns of white space (a tab is four), before the line's
// first other character; indentation alone nests lists too, and as
// slowly. One pass over src.
func deepestNesting(src []byte) (line, depth int) {
	n, cur, cols := 1, 0, 0
	atStart := true
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\n' {
			n++
			cur, cols, atStart = 0, 0, true
			continue
		}
		if !atStart {
			continue
		}
		switch {
		case c == ' ':
			if cols++; cols%2 == 0 {
				cur++
			}
		case c == '\t':
			cols += 4
			cur += 2
		case c == '>':
			cur++
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(src) || src[i+1] == ' ' || src[i+1] == '\t'):
			cur++
		case c >= '0' && c <= '9':
			j := i
			for j < len(src) && j-i < 10 && src[j] >= '0' && src[j] <= '9' {
				j++
			}
			if j < len(src) && (src[j] == '.' || src[j] == ')') && (j+1 == len(src) || src[j+1] == ' ' || src[j+1] == '\t') {
				cur++
				i = j
			} else {
				atStart = false
			}
		default:
			atStart = false
		}
		if cur > depth {
			line, depth = n, cur
		}
	}
	return line, depth
}

// hint is what a user can do when nothing is read.
const hint = "give --column code=HEADER (or an index) or --table N to read a table, or --kind data --items POINTER for a data file"

// Parse returns the entries of every selected error-code table of the
// document, tables in document order and rows in source order; without
// an error-code table (and without Options.Tables and Options.Columns),
// those of its section layout. Input errors are *catalog.Diagnostic
// values.
func Parse(src []byte, opts Options) ([]catalog.Entry, *catalog.Report, error) {
	d, err := parse(src, opts.File, opts.Charset)
	if err != nil {
		return nil, nil, err
	}
	topts := table.Options{File: opts.File, Tables: opts.Tables, SkipBadRows: opts.SkipBadRows, Columns: opts.Columns}
	if len(opts.Tables) > 0 || len(opts.Columns) > 0 || d.hasErrorTable() {
		entries, report, err := table.Read(d.tables, topts)
		if err != nil {
			return nil, nil, err
		}
		return entries, d.withWarnings(report), nil
	}
	entries, report, found, described := sections.ReadMarkdown(d.doc, d.text, opts.File)
	if found {
		return entries, d.withWarnings(report), nil
	}
	var seen string
	if len(d.tables) == 0 {
		seen = "the document has no tables"
	} else {
		list := make([]string, len(d.tables))
		for i, info := range table.DescribeAll(d.tables) {
			list[i] = info.String()
		}
		seen = "tables seen: " + strings.Join(list, ", ")
	}
	return nil, nil, &catalog.Diagnostic{File: opts.File, Message: "no error-code table or section layout found; " + seen +
		"; sections seen: " + described +
		"; expected a table whose header names the code column (\"Error Code\", \"Code\"…) or sections of a code (a heading or bold line) followed by labelled lines; " + hint}
}

// Tables describes every table of the document, in document order.
func Tables(src []byte) ([]table.Info, error) {
	d, err := parse(src, "", "")
	if err != nil {
		return nil, err
	}
	return table.DescribeAll(d.tables), nil
}

// document is a parsed Markdown document and its tables.
type document struct {
	text     []byte // UTF-8, front matter blanked
	doc      ast.Node
	tables   []table.Table
	warnings []textenc.Warning
	file     string
}

func (d *document) hasErrorTable() bool {
	return slices.ContainsFunc(table.DescribeAll(d.tables), func(i table.Info) bool { return i.ErrorTable })
}

// withWarnings puts the charset warnings first in report.
func (d *document) withWarnings(report *catalog.Report) *catalog.Report {
	if len(d.warnings) == 0 {
		return report
	}
	var ws []catalog.Diagnostic
	for _, w := range d.warnings {
		where := ""
		if w.Line > 0 {
			where = "line " + itoa(w.Line)
		}
		ws = append(ws, catalog.Diagnostic{File: d.file, Where: where, Message: w.Message})
	}
	report.Warnings = append(ws, report.Warnings...)
	return report
}

// md is the parser: CommonMark with GFM tables and strikethrough, and
// heading attribute blocks ({#id .class}) read as attributes, not text.
var md = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithParserOptions(parser.WithHeadingAttribute()),
)

func parse(src []byte, file, charset string) (*document, error) {
	if len(src) > MaxSize {
		return nil, &catalog.Diagnostic{File: file, Message: "document is " + itoa(len(src)) + " bytes; expected at most " + itoa(MaxSize) + " bytes of Markdown"}
	}
	dec := textenc.Text(src, charset)
	if line, depth := deepestNesting(dec.Text); depth > MaxNesting {
		return nil, &catalog.Diagnostic{File: file, Where: "line " + itoa(line),
			Message: "block quotes and list items nest " + itoa(depth) + " deep (markers, plus one per two columns of indentation); expected at most " + itoa(MaxNesting) + ": the parser's time grows faster than the square of the nesting"}
	}
	if e := checkCost(dec.Text); e != nil {
		return nil, &catalog.Diagnostic{File: file, Where: "line " + itoa(e.line), Message: e.message + "; expected a page of documentation"}
	}
	d := &document{text: blankFrontMatter(dec.Text), warnings: dec.Warnings, file: file}
	d.doc = md.Parser().Parse(text.NewReader(d.text))
	var err error
	d.tables, err = collectTables(d.doc, d.text, file)
	if err != nil {
		return nil, err
	}
	return d, nil
}

// blankFrontMatter returns src with a YAML (---) or TOML (+++) front
// matter block at its very start replaced by empty lines, so that it is
// neither a table nor a heading and line numbers stay right. A block
// that is never closed is not front matter.
func blankFrontMatter(src []byte) []byte {
	var fence string
	switch {
	case hasLine(src, "---"):
		fence = "---"
	case hasLine(src, "+++"):
		fence = "+++"
	default:
		return src
	}
	lines := 1
	for i := bytes.IndexByte(src, '\n') + 1; i > 0 && i < len(src); {
		end := bytes.IndexByte(src[i:], '\n')
		next := len(src)
		if end >= 0 {
			next = i + end + 1
		}
		line := strings.TrimRight(string(src[i:next]), " \t\r\n")
		lines++
		if line == fence || fence == "---" && line == "..." {
			out := make([]byte, 0, len(src))
			out = append(out, bytes.Repeat([]byte{'\n'}, lines)...)
			return append(out, src[next:]...)
		}
		if end < 0 {
			break
		}
		i = next
	}
	return src
}

// hasLine reports whether src's first line is fence, trailing blanks
// aside.
func hasLine(src []byte, fence string) bool {
	if !bytes.HasPrefix(src, []byte(fence)) {
		return false
	}
	end := bytes.IndexByte(src, '\n')
	if end < 0 {
		return false
	}
	return strings.TrimRight(string(src[len(fence):end]), " \t\r") == ""
}

func itoa(n int) string { return strconv.Itoa(n) }
