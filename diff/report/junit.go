package report

import (
	"encoding/xml"
	"fmt"
	"io"

	"github.com/errgen/errgen/diff"
	"github.com/errgen/errgen/internal/textsafe"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitMessage `xml:"failure,omitempty"`
	Skipped   *junitMessage `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

func writeJUnit(w io.Writer, r *diff.Result, opts Options) error {
	doc := junitSuites{Name: "errgen diff"}
	index := map[string]int{}
	for _, c := range r.Catalogs {
		name := c.ID
		if name == "" {
			name = c.New.Name
		}
		index[c.ID] = len(doc.Suites)
		doc.Suites = append(doc.Suites, junitSuite{Name: textsafe.Inert(name)})
	}
	suite := func(c diff.Change) *junitSuite {
		i, ok := index[c.Catalog]
		if !ok {
			index[c.Catalog] = len(doc.Suites)
			doc.Suites = append(doc.Suites, junitSuite{Name: textsafe.Inert(c.Catalog)})
			i = len(doc.Suites) - 1
		}
		return &doc.Suites[i]
	}
	// XML 1.0 cannot hold most control characters (encoding/xml would
	// write U+FFFD) and CI systems print these texts in logs, so every
	// vendor text is escaped visibly onto one line by textsafe.Inert; the
	// line breaks in detail are errgen's.
	detail := func(c diff.Change) string {
		s := fmt.Sprintf("%s\nrule: %s (%s)\nfingerprint: %s\n", textsafe.Inert(diff.Describe(c)), c.Rule, c.Level, textsafe.Inert(c.Fingerprint))
		if diff.ShowsTexts(c) {
			s += fmt.Sprintf("old: %s\nnew: %s\n", textsafe.Inert(c.Old), textsafe.Inert(c.New))
		}
		return s
	}
	name := func(c diff.Change) string {
		n := c.Code
		if c.Status != 0 {
			n += fmt.Sprintf(" %d", c.Status)
		}
		return textsafe.Inert(fmt.Sprintf("%s %s [%s]", n, c.Field, c.Fingerprint))
	}
	for _, c := range r.Changes {
		s := suite(c)
		tc := junitCase{Name: name(c), Classname: c.Rule}
		if c.Level >= opts.FailOn {
			tc.Failure = &junitMessage{Message: textsafe.Inert(diff.Describe(c)), Type: c.Level.String(), Text: detail(c)}
			s.Failures++
		} else {
			tc.SystemOut = detail(c)
		}
		s.Cases = append(s.Cases, tc)
	}
	for _, c := range r.Ignored {
		s := suite(c.Change)
		msg := textsafe.Inert(fmt.Sprintf("ignored by %s:%d: %s", c.By.File, c.By.Line, c.By.Reason))
		s.Cases = append(s.Cases, junitCase{Name: name(c.Change), Classname: c.Rule, Skipped: &junitMessage{Message: msg}, SystemOut: detail(c.Change)})
		s.Skipped++
	}
	for i := range doc.Suites {
		s := &doc.Suites[i]
		if len(s.Cases) == 0 {
			// An empty suite reads as "no tests ran" in some CI systems.
			s.Cases = append(s.Cases, junitCase{Name: "no changes", Classname: "errgen-diff"})
		}
		s.Tests = len(s.Cases)
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Skipped += s.Skipped
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
