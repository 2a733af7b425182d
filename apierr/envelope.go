package apierr

import "encoding/json"

// Shape is one layout of an error body, as indexes into the Pointers of
// its [Envelope]; -1 means the layout has no such field. Prefix is what
// the documentation writes before the codes the body sends (such as
// "AADSTS" before a body's 70011), "" for none.
type Shape struct {
	Code, Message, RequestID int
	Prefix                   string
}

// Envelope is how a vendor's error bodies carry one error: the JSON
// pointers of every field of every layout, and the layouts, in the order
// they are tried.
type Envelope struct {
	// Pointers are JSON pointers into the body, each as its unescaped
	// reference tokens: "/error/code" is {"error", "code"}, "" is {}.
	Pointers [][]string
	Shapes   []Shape
}

// Parse reads body and returns the code, the prefix of its shape, the
// message and the request ID of the first shape whose code is a JSON
// string or number (a number as written). ok is false when body is not
// valid JSON (as strict as encoding/json, nesting at most 10000 deep) or
// no shape's code is there. The code aliases body when it needed no
// decoding, so that [Table.Code] finds a documented code without
// allocating. A message or request ID that is neither a string nor a
// number is "". When an object repeats a key, the last one counts, as
// with encoding/json.
func (e *Envelope) Parse(body []byte) (code []byte, prefix, message, requestID string, ok bool) {
	// The spans live on this stack frame for every envelope errgen
	// generates, so that a documented code without message costs no
	// allocation at all.
	var scratch [scratchSpans]span
	var found []span
	if len(e.Pointers) <= len(scratch) {
		found = scratch[:len(e.Pointers)]
	} else {
		found = make([]span, len(e.Pointers))
	}
	if !lookup(body, e.Pointers, found) {
		return nil, "", "", "", false
	}
	for _, sh := range e.Shapes {
		c := found[sh.Code]
		if c.kind != '"' && c.kind != '0' {
			continue
		}
		code = valueBytes(body, c)
		if sh.Message >= 0 {
			message = valueText(body, found[sh.Message])
		}
		if sh.RequestID >= 0 {
			requestID = valueText(body, found[sh.RequestID])
		}
		return code, sh.Prefix, message, requestID, true
	}
	return nil, "", "", "", false
}

// ListShape is one layout of a body that lists its errors. List indexes
// the pointer of the array among the envelope's Pointers, and Code and
// Message index pointers into one element among its Element pointers. A
// shape with List -1 carries one error, and its Code and Message index
// Pointers, as those of a [Shape] do. So does Message when MessageInBody
// is set: the body's one message, which every listed code pairs with (as
// Microsoft Entra lists error_codes beside one error_description).
// RequestID always indexes Pointers. Prefix is as in Shape.
type ListShape struct {
	List, Code, Message, RequestID int
	MessageInBody                  bool
	Prefix                         string
}

// ListEnvelope is how a vendor's error bodies list several errors.
type ListEnvelope struct {
	Pointers [][]string // into the body, as in Envelope
	Element  [][]string // into one element of a list
	Shapes   []ListShape
	// Raw are indexes of Pointers whose raw JSON values Parse returns, in
	// this order: the documented fields beside the errors.
	Raw []int
}

// Item is one error of a body that lists several: its code, aliasing the
// body when it needed no decoding, the prefix of its shape, and its
// message.
type Item struct {
	Code    []byte
	Prefix  string
	Message string
}

// Parse reads body and appends to items every error of the first shape
// that gives a code (a JSON string or number) at least once, in body
// order; an element without a code is left out. It returns the items and
// the request ID; ok is false when body is not valid JSON or no shape
// gives a code. It fills raw[i] with the raw JSON of Pointers[Raw[i]],
// aliasing body (nil when absent or when body is not valid JSON); raw
// should have len(Raw) elements, and only the first min(len(raw),
// len(Raw)) are filled.
func (e *ListEnvelope) Parse(body []byte, items []Item, raw []json.RawMessage) ([]Item, string, bool) {
	var scratch, elemScratch [scratchSpans]span
	var found, elemFound []span
	if len(e.Pointers) <= len(scratch) {
		found = scratch[:len(e.Pointers)]
	} else {
		found = make([]span, len(e.Pointers))
	}
	if len(e.Element) <= len(elemScratch) {
		elemFound = elemScratch[:len(e.Element)]
	} else {
		elemFound = make([]span, len(e.Element))
	}
	valid := lookup(body, e.Pointers, found)
	for i := range min(len(raw), len(e.Raw)) {
		raw[i] = rawValue(body, found[e.Raw[i]])
	}
	if !valid {
		return items, "", false
	}
	for _, sh := range e.Shapes {
		start := len(items)
		switch {
		case sh.List < 0:
			if c := found[sh.Code]; c.kind == '"' || c.kind == '0' {
				var message string
				if sh.Message >= 0 {
					message = valueText(body, found[sh.Message])
				}
				items = append(items, Item{valueBytes(body, c), sh.Prefix, message})
			}
		case found[sh.List].kind == '[':
			// The body is valid JSON, so the elements need no checks;
			// each is resolved on its own, which pairs code and message.
			// A message in the body is decoded once, for all of them.
			var shared string
			if sh.MessageInBody && sh.Message >= 0 {
				shared = valueText(body, found[sh.Message])
			}
			list := found[sh.List]
			s := scanner{doc: body[:list.end], pos: list.start + 1}
			s.skipSpace()
			for s.doc[s.pos] != ']' {
				from := s.pos
				s.value(0, 1)
				elem := body[from:s.pos]
				if lookup(elem, e.Element, elemFound) {
					if c := elemFound[sh.Code]; c.kind == '"' || c.kind == '0' {
						message := shared
						if !sh.MessageInBody && sh.Message >= 0 {
							message = valueText(elem, elemFound[sh.Message])
						}
						items = append(items, Item{valueBytes(elem, c), sh.Prefix, message})
					}
				}
				s.skipSpace()
				if s.doc[s.pos] == ',' {
					s.pos++
					s.skipSpace()
				}
			}
		}
		if len(items) > start {
			var requestID string
			if sh.RequestID >= 0 {
				requestID = valueText(body, found[sh.RequestID])
			}
			return items, requestID, true
		}
	}
	return items, "", false
}
