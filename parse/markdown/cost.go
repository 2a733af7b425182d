package markdown

import "bytes"

// goldmark's time is not linear in every page: some of its scans run to
// the end of a line or paragraph for every link-like construct, and its
// tables pad every row to the header's width. checkCost bounds those
// before goldmark runs, as deepestNesting bounds nesting.
//
//   - An inline link's destination ("](" then a destination) is scanned
//     to the next blank or unbalanced ')' of the line, or, written
//     "](<…", to the next '>' of the line: 64 KB of "[a](" on one line
//     takes goldmark 4 s, 256 KB a minute.
//   - A link title ("](dest \"…") is looked for up to its closing quote
//     or parenthesis, through the rest of the paragraph.
//   - Every link reference definition ("[a]: /url") of a paragraph
//     copies the paragraph's remaining lines: 256 KB of them take 2 s.
//   - A pipe table row shorter than its delimiter row is padded with
//     empty cells: 100 000 columns × 100 000 rows of "|A|" never end.
//
// The first three cost, as estimated here, at most [costFactor] steps a
// byte of the page plus [costSlack]; a link costs the length of the text
// it makes goldmark scan, a definition the lines of its paragraph. The
// pipe tables hold at most [MaxCells] cells (delimiter row's columns
// times rows, padding included). Real pages use a small fraction of
// either.
const (
	costFactor = 16
	costSlack  = 64 << 20
	// MaxCells is the most cells the pipe tables of a page may hold.
	MaxCells = 1 << 18
	// MaxNodes is the most blocks and inline elements a page may hold,
	// as estimated by nodes: goldmark and the readers keep some 300 bytes
	// for each, so 8 MB of "[" or of "a\n\n" would take gigabytes.
	MaxNodes = 1 << 20
)

// nodes estimates the blocks and inline elements goldmark makes of a
// non-blank line: the line's block, one per block quote or list marker
// before its text, and one per bracket, '<', '!', '&', '\\' or '`' and
// per run of '*', '_' or '~', the text between them included.
func nodes(line []byte) int {
	n, i := 1, 0
	for ; i < len(line); i++ {
		switch c := line[i]; c {
		case ' ', '\t':
		case '>', '-', '+', '*':
			n++
		default:
			if c >= '0' && c <= '9' {
				continue
			}
			goto inline
		}
	}
inline:
	for ; i < len(line); i++ {
		switch c := line[i]; c {
		case '[', ']', '<', '!', '&', '\\', '`':
			n += 2
		case '*', '_', '~':
			if i == 0 || line[i-1] != c {
				n += 2
			}
		}
	}
	return n
}

// costError describes a page over one of checkCost's bounds.
type costError struct {
	line    int
	message string
}

// checkCost estimates goldmark's super-linear work on src (see above) in
// linear time and reports the first bound exceeded, nil if none.
func checkCost(src []byte) *costError {
	limit := costFactor*len(src) + costSlack
	blank := func(line []byte) bool { return len(bytes.TrimSpace(bytes.TrimLeft(line, " \t>"))) == 0 }
	lineAt := func(off int) (line []byte, next int) {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			return src[off:], len(src)
		}
		return src[off : off+end], off + end + 1
	}
	cost, cells, count := 0, 0, 0
	// The paragraph being read: where it ends (a blank line or the
	// page's end; -1 between paragraphs), its lines, and those that may
	// start a link reference definition.
	paraEnd, paraLines, paraDefs := -1, 0, 0
	// The pipe table being read: its width, 0 when none.
	width := 0
	n := 0
	for off := 0; off < len(src); {
		n++
		line, next := lineAt(off)
		off = next
		if blank(line) {
			cost += paraDefs * paraLines
			paraEnd, paraLines, paraDefs, width = -1, 0, 0, 0
			continue
		}
		if paraEnd < 0 {
			paraEnd = off
			for paraEnd < len(src) {
				l, nx := lineAt(paraEnd)
				if blank(l) {
					break
				}
				paraEnd = nx
			}
		}
		if count += nodes(line); count > MaxNodes {
			return &costError{n, "the page makes more than " + itoa(MaxNodes) + " blocks and inline elements (paragraphs, list items, links, emphasis…)"}
		}
		paraLines++
		if body := bytes.TrimLeft(line, " \t>"); body[0] == '[' {
			paraDefs++
		} else if w := delimiterWidth(body); w > 0 {
			width = w
		}
		if width > 0 {
			if cells += width; cells > MaxCells {
				return &costError{n, "pipe tables hold more than " + itoa(MaxCells) + " cells (a delimiter row's columns times the rows under it, short rows padded)"}
			}
		}
		cost += linkCost(line, paraEnd-off)
		if cost+paraDefs*paraLines > limit {
			return &costError{n, "links, link titles and link reference definitions would cost the Markdown parser more than " +
				itoa(costFactor) + " steps a byte of the page: it scans their text again for every one"}
		}
	}
	return nil
}

// next finds the next byte of a set in a line, remembering the last
// answer so that a line's searches together read it once.
type next struct {
	line []byte
	set  string
	at   int // last answer; len(line) when none; -1 before the first
}

func (f *next) from(i int) int {
	if f.at < i {
		f.at = len(f.line)
		if j := bytes.IndexAny(f.line[i:], f.set); j >= 0 {
			f.at = i + j
		}
	}
	return f.at
}

// linkCost is the text goldmark may scan for the links of line: for
// every "](", the destination (to the next blank, or to the next '>' for
// "<…"), and for a title after it, the text up to its closer, or past
// the line's end to the paragraph's: after bytes more.
func linkCost(line []byte, after int) int {
	if !bytes.Contains(line, []byte("](")) {
		return 0 // most lines: no link, and nothing to set up
	}
	cost := 0
	blank := next{line, " \t", -1}
	gt := next{line, ">", -1}
	quote, apos, paren := next{line, "\"", -1}, next{line, "'", -1}, next{line, ")", -1}
	closer := func(c byte) *next {
		switch c {
		case '"':
			return &quote
		case '\'':
			return &apos
		case '(':
			return &paren
		}
		return nil
	}
	nonBlank := func(k int) int {
		for k < len(line) && (line[k] == ' ' || line[k] == '\t') {
			k++
		}
		return k
	}
	// Destinations may end at the same blank: skip the blanks after it
	// once.
	lastEnd, lastTo := -1, -1
	for i := 0; ; {
		j := bytes.Index(line[i:], []byte("]("))
		if j < 0 {
			return cost
		}
		i += j + 2
		k := nonBlank(i)
		if k < len(line) && line[k] == '<' {
			k = gt.from(k)
		} else {
			k = blank.from(k)
		}
		cost += k - i + 1
		if k != lastEnd {
			lastEnd, lastTo = k, nonBlank(k)
		}
		k = lastTo
		if k < len(line) {
			if c := closer(line[k]); c != nil {
				if e := c.from(k + 1); e < len(line) {
					cost += e - k
				} else {
					cost += len(line) - k + after
				}
			}
		}
	}
}

// delimiterWidth returns the columns of a pipe table's delimiter row
// ("|---|:-:|"), 0 when line is none: only '|', '-', ':' and blanks, at
// least one '|' and one '-'.
func delimiterWidth(line []byte) int {
	pipes, dashes := 0, false
	cells, inCell := 0, false
	for _, c := range line {
		switch c {
		case '|':
			pipes++
			inCell = false
		case '-':
			dashes = true
			if !inCell {
				cells++
				inCell = true
			}
		case ':':
			if !inCell {
				cells++
				inCell = true
			}
		case ' ', '\t', '\r':
		default:
			return 0
		}
	}
	if pipes == 0 || !dashes {
		return 0
	}
	return cells
}
