package gopkg

import "github.com/errgen/errgen/catalog"

// Names returns the Go name of every code of c, code → constant name,
// exactly as [Emit] names the constants with the same opts (only
// opts.Names and opts.TrimPrefixes matter). Other emitters use it to show
// the Go name beside a code. Problems are the naming diagnostics Emit
// reports.
func Names(c *catalog.Catalog, opts Options) (map[string]string, error) {
	if c == nil {
		return nil, &catalog.Diagnostic{Message: "no catalog to name codes of"}
	}
	codes := c.Codes()
	goNames, err := names(c, codes, opts, arrayEnvelope(c))
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(codes))
	for i, code := range codes {
		out[code] = goNames[i]
	}
	return out, nil
}
