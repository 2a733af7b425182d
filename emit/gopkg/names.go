package gopkg

import (
	"github.com/errgen/errgen/catalog"
)

// Constants are named by package catalog (catalog.GoNames), which diff
// and the OpenAPI and Markdown outputs read too: one naming function, so
// that every output shows the names this package declares. What is left
// here are thin wrappers for the emitter and its callers.

// reserved are the package-level names every generated package declares
// itself; a constant may not take them. A catalog's own list (Errors,
// SCIM's names) is catalog.ReservedGoNames.
var reserved = func() map[string]bool {
	names, _ := catalog.ReservedGoNames(&catalog.Catalog{})
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}()

// CommonPrefix is [catalog.CommonPrefix]. Names no longer drop it.
func CommonPrefix(codes []string) string { return catalog.CommonPrefix(codes) }

// GoName is [catalog.GoName].
func GoName(code, prefix string) string { return catalog.GoName(code, prefix) }

// TrimPrefix is [catalog.TrimPrefix].
func TrimPrefix(code string, prefixes []string) string {
	return catalog.TrimPrefix(code, prefixes)
}

// SourceName is [catalog.SourceName].
func SourceName(name string) string { return catalog.SourceName(name) }

// names returns the Go name of each of codes (codes of c), in order, as
// catalog.GoNames gives them with opts.Names and opts.TrimPrefixes.
func names(c *catalog.Catalog, codes []string, opts Options) ([]string, error) {
	byCode, err := catalog.GoNames(c, naming(opts))
	if err != nil {
		return nil, err
	}
	out := make([]string, len(codes))
	for i, code := range codes {
		out[i] = byCode[code]
	}
	return out, nil
}

// naming is the part of opts that names constants.
func naming(opts Options) catalog.Naming {
	return catalog.Naming{Names: opts.Names, TrimPrefixes: opts.TrimPrefixes}
}
