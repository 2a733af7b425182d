package openapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/errgen/errgen/catalog"
)

// Options are the settings of one parse.
type Options struct {
	// File names the document in messages, and is what relative $refs to
	// other files are resolved against.
	File string
	// CodePointer and MessagePointer, when set, say where an error body
	// carries the code and the message, as JSON pointers into the body in
	// which "*" stands for every element of an array ("/errors/*/code").
	// Each replaces the detection of its field; a message pointer alone
	// keeps the code's detection, which then prefers the fields beside
	// the message.
	CodePointer    string
	MessagePointer string
	// ReadFile reads a file that a $ref names, given its slash path
	// resolved against File. Nil refuses refs to other files; URLs are
	// never followed.
	ReadFile func(name string) ([]byte, error)
}

// Result is what a parse gives.
type Result struct {
	// Entries are the documented errors, ordered as the package doc says.
	Entries []catalog.Entry
	// Envelope is derived from the error schemas: where code, message and
	// request ID sit, and the other documented fields.
	Envelope catalog.Envelope
	Report   catalog.Report
	// Explain says in words which fields of which error bodies were
	// chosen as code and message and why, the other fields weighed
	// with their evidence, and how the codes got their statuses: one
	// line each, continuation lines indented by two blanks (for errgen
	// parse --explain).
	Explain []string
	// Files are the other files the document's $refs made the parse
	// read, as slash paths relative to the document's directory, in the
	// order they were read, each once.
	Files []string
}

// ExplainHelp describes Result.Explain for errgen parse --explain.
const ExplainHelp = "openapi: print which field of each error body was taken as the code and the message, why, " +
	"the other fields weighed with their evidence, and how each code got its status"

// Parse reads an OpenAPI 3.0 or 3.1 document, or a Swagger 2.0 one, in
// YAML or JSON. A document that does not load, or bad options, give a
// *catalog.Diagnostic.
func Parse(data []byte, opts Options) (*Result, error) {
	p := &parser{opts: opts, file: opts.File}
	for _, o := range []struct{ name, ptr string }{{"code pointer", opts.CodePointer}, {"message pointer", opts.MessagePointer}} {
		if o.ptr == "" {
			continue
		}
		if err := checkBodyPointer(o.ptr); err != nil {
			return nil, &catalog.Diagnostic{File: opts.File, Where: o.name, Message: err.Error()}
		}
	}
	if err := p.load(data); err != nil {
		return nil, err
	}
	p.walk()
	r, err := p.result()
	if err != nil {
		return nil, err
	}
	r.Files = slices.Clone(p.docs.order)
	return r, nil
}

// checkBodyPointer accepts a JSON pointer into a body with at most one
// "*" token.
func checkBodyPointer(ptr string) error {
	if !strings.HasPrefix(ptr, "/") {
		return fmt.Errorf("%q is not a JSON pointer into the error body: want \"/\"-separated tokens such as /errors/*/code", ptr)
	}
	toks, ok := catalog.SplitPointer(ptr)
	if !ok {
		return fmt.Errorf("%q is not a JSON pointer: write ~ as ~0 and / as ~1", ptr)
	}
	stars := 0
	for _, t := range toks {
		if t == "*" {
			stars++
		}
	}
	if stars > 1 {
		return fmt.Errorf("%q has %d \"*\" tokens; at most one array of errors is supported", ptr, stars)
	}
	return nil
}

// swagger2 finds the version field of a Swagger 2.0 document, YAML or
// JSON, at the start of a line or after a brace or comma.
var swagger2 = regexp.MustCompile(`(?m)(^|[{,])\s*["']?swagger["']?\s*:\s*["']?2\.`)

func (p *parser) load(data []byte) error {
	loader := openapi3.NewLoader()
	loader.Context = context.Background()
	loader.IsExternalRefsAllowed = true
	loader.ReadFromURIFunc = func(_ *openapi3.Loader, u *url.URL) ([]byte, error) { return p.readURI(u) }
	p.initDocs(data)
	if err := p.bundle(p.docs.main); err != nil {
		return err
	}
	data = p.docs.main.data
	var location *url.URL
	if p.file != "" {
		location = &url.URL{Path: path.Clean(strings.ReplaceAll(p.file, `\`, "/"))}
	}

	if bytes.Contains(data, []byte("swagger")) && swagger2.Match(data) {
		// The conversion has origins only where it loads other files;
		// the rest of the order comes from v2pos.
		loader.IncludeOrigin = true
		var doc2 openapi2.T
		if err := openapi2.UnmarshalFromData(data, &doc2); err != nil {
			return p.loadError(data, err)
		}
		doc, err := openapi2conv.ToV3WithLoader(&doc2, loader, location)
		if err != nil {
			return p.loadError(data, err)
		}
		p.doc, p.v2 = doc, true
		p.v2pos = positions(data)
		return nil
	}

	// Without origins, which cost about half a load more: the order of
	// keys is read from the files themselves (see keyPos).
	var doc *openapi3.T
	var err error
	if location != nil {
		doc, err = loader.LoadFromDataWithPath(data, location)
	} else {
		doc, err = loader.LoadFromData(data)
	}
	if err != nil {
		return p.loadError(data, err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		msg := "not an OpenAPI document: want a top-level openapi: 3.x (or swagger: \"2.0\") field"
		if doc.OpenAPI != "" {
			msg = fmt.Sprintf("openapi %q: want an OpenAPI 3.x document (or a Swagger 2.0 one)", doc.OpenAPI)
		}
		return &catalog.Diagnostic{File: p.file, Where: "/openapi", Message: msg}
	}
	p.doc = doc
	return nil
}

var (
	// kin-openapi's decode errors end in the JSON pointer of the culprit.
	inPointer = regexp.MustCompile(` in (/\S*)$`)
	atLine    = regexp.MustCompile(`\bline (\d+)\b`)
	quotedRef = regexp.MustCompile(`"([^"]*#[^"]*)"|"([^"#]+\.(?:ya?ml|json))"`)
)

// loadError turns a kin-openapi load error into a diagnostic that keeps
// kin-openapi's message and adds the JSON pointer of the culprit: the one
// the message ends in, or else that of the $ref it names.
func (p *parser) loadError(data []byte, err error) error {
	if p.docs.err != nil {
		return p.docs.err
	}
	msg := err.Error()
	var where string
	if m := inPointer.FindStringSubmatch(msg); m != nil {
		where = m[1]
		if l := atLine.FindStringSubmatch(msg); l != nil {
			where += " (line " + l[1] + ")"
		}
	} else if m := quotedRef.FindStringSubmatch(msg); m != nil {
		ref := m[1] + m[2]
		if ptr, line, ok := findRef(data, ref); ok {
			where = fmt.Sprintf("%s (line %d)", ptr, line)
		} else {
			// Written in another file.
			for _, rel := range p.docs.order {
				f := p.docs.byName[path.Clean(path.Join(p.docs.dir, rel))]
				if ptr, line, ok := findRef(f.data, ref); ok {
					where = fmt.Sprintf("%s#%s (line %d)", rel, ptr, line)
					break
				}
			}
		}
	} else if l := atLine.FindStringSubmatch(msg); l != nil {
		where = "line " + l[1]
	}
	if where == "" && p.docs.failed != "" {
		where = p.refTo(p.docs.failed)
	}
	var ext *openapi3.DisallowedExternalRefError
	if errors.As(err, &ext) {
		msg += "; errgen reads refs to local files only"
	}
	return &catalog.Diagnostic{File: p.file, Where: where, Message: "cannot load the OpenAPI document: " + msg}
}
