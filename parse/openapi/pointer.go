package openapi

import (
	"path"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
)

// loc is a place in the document set: a JSON pointer into the main
// document (file "") or into another file, named by its slash path
// relative to the main document's directory.
type loc struct {
	file, ptr string
}

// String is the pointer, prefixed with "file#" for other files.
func (l loc) String() string {
	if l.file == "" {
		return l.ptr
	}
	return l.file + "#" + l.ptr
}

// child appends reference tokens, escaped.
func (l loc) child(tokens ...string) loc {
	var b strings.Builder
	b.WriteString(l.ptr)
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escape(t))
	}
	return loc{l.file, b.String()}
}

// ref resolves a $ref written at l.
func (l loc) ref(ref string) loc {
	file, frag, _ := strings.Cut(ref, "#")
	if file == "" {
		return loc{l.file, frag}
	}
	if strings.Contains(file, "://") {
		return loc{file, frag}
	}
	return loc{path.Clean(path.Join(path.Dir(l.file), file)), frag}
}

var escaper = strings.NewReplacer("~", "~0", "/", "~1")

func escape(token string) string {
	if !strings.ContainsAny(token, "~/") {
		return token
	}
	return escaper.Replace(token)
}

// splitPointer returns the unescaped tokens of a JSON pointer that the
// parser wrote or checked, so it is valid.
func splitPointer(ptr string) []string {
	toks, _ := catalog.SplitPointer(ptr)
	return toks
}

// toV2 maps a pointer into the OpenAPI 3 form that kin-openapi converts a
// Swagger 2.0 document to back into the Swagger document: schemas live
// under /definitions and shared responses under /responses, a response's
// schema sits on the response, and its example for a media type is
// examples/<media type>.
func toV2(ptr string) string {
	switch {
	case strings.HasPrefix(ptr, "/components/schemas/"):
		ptr = "/definitions/" + strings.TrimPrefix(ptr, "/components/schemas/")
	case strings.HasPrefix(ptr, "/components/responses/"):
		ptr = "/responses/" + strings.TrimPrefix(ptr, "/components/responses/")
	}
	toks := strings.Split(ptr, "/")
	for i := 0; i+2 < len(toks); i++ {
		if toks[i] != "content" {
			continue
		}
		switch toks[i+2] {
		case "schema":
			return strings.Join(append(toks[:i:i], toks[i+2:]...), "/")
		case "example":
			rest := append([]string{"examples", toks[i+1]}, toks[i+3:]...)
			return strings.Join(append(toks[:i:i], rest...), "/")
		}
	}
	return ptr
}

// positions indexes the mapping keys of a YAML or JSON document by JSON
// pointer: their order in the document. kin-openapi has no origins for a
// converted Swagger 2.0 document, so its order comes from here.
func positions(data []byte) map[string]int {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return nil
	}
	pos := map[string]int{}
	var walk func(n *yaml.Node, ptr string, depth int)
	walk = func(n *yaml.Node, ptr string, depth int) {
		if depth > 64 {
			return
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				p := ptr + "/" + escape(k.Value)
				pos[p] = k.Line<<16 + k.Column
				walk(n.Content[i+1], p, depth+1)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, ptr+"/"+strconv.Itoa(i), depth+1)
			}
		}
	}
	walk(root.Content[0], "", 0)
	return pos
}

// findRef returns the JSON pointer and line of the first $ref whose value
// is ref, to say where a ref that does not resolve is written.
func findRef(data []byte, ref string) (string, int, bool) {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return "", 0, false
	}
	var found func(n *yaml.Node, ptr string, depth int) (string, int, bool)
	found = func(n *yaml.Node, ptr string, depth int) (string, int, bool) {
		if depth > 256 {
			return "", 0, false
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Value == "$ref" && v.Kind == yaml.ScalarNode && v.Value == ref {
					return ptr + "/$ref", k.Line, true
				}
				if p, l, ok := found(v, ptr+"/"+escape(k.Value), depth+1); ok {
					return p, l, ok
				}
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				if p, l, ok := found(c, ptr+"/"+strconv.Itoa(i), depth+1); ok {
					return p, l, ok
				}
			}
		}
		return "", 0, false
	}
	return found(root.Content[0], "", 0)
}
