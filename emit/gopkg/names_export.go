package gopkg

import "github.com/errgen/errgen/catalog"

// Names returns the Go name of every code of c, code → constant name,
// exactly as [Emit] names the constants with the same opts (only
// opts.Names and opts.TrimPrefixes matter): it is [catalog.GoNames], which
// other emitters may call directly. Problems are the naming diagnostics
// Emit reports.
func Names(c *catalog.Catalog, opts Options) (map[string]string, error) {
	if c == nil {
		return nil, &catalog.Diagnostic{Message: "no catalog to name codes of"}
	}
	out, err := catalog.GoNames(c, naming(opts))
	if err != nil {
		return nil, err
	}
	return out, nil
}
