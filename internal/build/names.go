package build

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/config"
)

// naming is what the config says about the Go names of c's codes.
func naming(c *config.Catalog) catalog.Naming {
	return catalog.Naming{Names: c.Go.Names, TrimPrefixes: c.Go.TrimPrefixes}
}

// prefixWarning returns the warning a catalog whose codes all share a
// prefix gets when its config has no trim_prefixes, or nil. Names used to
// drop that prefix on their own, but it depends on every code: one code
// added without it renamed all the others. Now names keep it unless the
// config drops it, and the warning says how, with the line to add, naming
// one code before and after; now are the names without trimming. Only codes whose names come from the code
// count: an override or a name the source suggests keeps no prefix.
func prefixWarning(file string, c *config.Catalog, cat *catalog.Catalog, now map[string]string) *catalog.Diagnostic {
	if len(c.Go.TrimPrefixes) > 0 {
		return nil
	}
	codes := cat.Codes()
	prefix := catalog.CommonPrefix(codes)
	if prefix == "" {
		return nil
	}
	suggested := map[string]bool{}
	for _, e := range cat.Entries {
		if e.Name != "" {
			suggested[e.Code] = true
		}
	}
	n := naming(c)
	n.TrimPrefixes = []string{prefix}
	trimmed, _ := catalog.GoNames(cat, n)
	for _, code := range codes {
		if _, ok := c.Go.Names[code]; ok || suggested[code] || now[code] == "" || trimmed[code] == "" {
			continue
		}
		return &catalog.Diagnostic{
			File:  file,
			Where: fmt.Sprintf("line %d", c.Line),
			Message: fmt.Sprintf("catalog %s: every code starts with %q, and Go names keep it (%s is %s) so that a code added without it never renames the others; for shorter names (%s), add to the catalog's go: section: %s",
				c.ID, prefix, code, now[code], trimmed[code], trimLine(prefix)),
		}
	}
	return nil
}

// trimLine is the config line that drops prefix from names, quoted as
// YAML needs it: "trim_prefixes: [IdentityCenter.]".
func trimLine(prefix string) string {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: prefix}}}
	out, err := yaml.Marshal(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "trim_prefixes"}, seq}})
	if err != nil {
		return fmt.Sprintf("trim_prefixes: [%q]", prefix) // YAML reads Go's quoting
	}
	return strings.TrimSpace(string(out))
}
