package scimdoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// value is a JSON value that keeps its object keys in document order:
// field tables are completed from examples in the order they show.
type value struct {
	kind  byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	str   string
	num   json.Number
	b     bool
	keys  []string
	vals  map[string]*value
	elems []*value
}

// decode reads exactly one JSON value from text. A repeated key keeps its
// first place and its last value, as encoding/json does.
func decode(text string) (*value, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	v, err := decodeValue(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			return nil, errors.New("more than one JSON value")
		}
		return nil, err
	}
	return v, nil
}

// errDepth is the error of a value nested more than maxDepth levels deep.
var errDepth = fmt.Errorf("arrays and objects nested more than %d levels deep", maxDepth)

// decodeValue reads the value whose token is next, at depth arrays and
// objects deep: more than maxDepth is an error (the recursion, and each
// level's frame of json.Decoder, would otherwise grow with the input).
func decodeValue(dec *json.Decoder, depth int) (*value, error) {
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if (t == '{' || t == '[') && depth >= maxDepth {
			return nil, errDepth
		}
		switch t {
		case '{':
			v := &value{kind: 'o', vals: map[string]*value{}}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := k.(string)
				x, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				if _, dup := v.vals[key]; !dup {
					v.keys = append(v.keys, key)
				}
				v.vals[key] = x
			}
			_, err := dec.Token()
			return v, err
		case '[':
			v := &value{kind: 'a'}
			for dec.More() {
				x, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				v.elems = append(v.elems, x)
			}
			_, err := dec.Token()
			return v, err
		}
		return nil, fmt.Errorf("unexpected %v", t)
	case string:
		return &value{kind: 's', str: t}, nil
	case json.Number:
		return &value{kind: 'n', num: t}, nil
	case bool:
		return &value{kind: 'b', b: t}, nil
	}
	return &value{kind: 'z'}, nil
}

// plain is v as encoding/json's generic values.
func (v *value) plain() any {
	switch v.kind {
	case 'o':
		m := make(map[string]any, len(v.keys))
		for _, k := range v.keys {
			m[k] = v.vals[k].plain()
		}
		return m
	case 'a':
		out := make([]any, len(v.elems))
		for i, e := range v.elems {
			out[i] = e.plain()
		}
		return out
	case 's':
		return v.str
	case 'n':
		return v.num
	case 'b':
		return v.b
	}
	return nil
}

// compact is v as the catalog keeps an example body: compact JSON, object
// keys sorted, no HTML escaping.
func (v *value) compact() string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v.plain()); err != nil {
		return "" // every value decode returns encodes
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// jsonType is the catalog's name of v's JSON type; numbers are "number",
// since one example cannot tell an integer field from a number field.
func (v *value) jsonType() string {
	switch v.kind {
	case 'o':
		return "object"
	case 'a':
		return "array"
	case 's':
		return "string"
	case 'n':
		return "number"
	case 'b':
		return "boolean"
	}
	return ""
}

// get returns the member key of object v, or nil.
func (v *value) get(key string) *value {
	if v == nil || v.kind != 'o' {
		return nil
	}
	return v.vals[key]
}

// errorLine is the 1-based line of text where decoding failed, or 0.
func errorLine(text string, err error) int {
	var syn *json.SyntaxError
	off := int64(-1)
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.Is(err, io.ErrUnexpectedEOF):
		off = int64(len(text))
	}
	if off < 0 {
		return 0
	}
	off = min(off, int64(len(text)))
	return 1 + strings.Count(text[:off], "\n")
}
