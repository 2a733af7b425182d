package config

import (
	"fmt"
	"slices"
	"strings"
)

// OpenAPIVersions are the OpenAPI versions the openapi: block may ask for;
// the first is the default.
var OpenAPIVersions = []string{"3.0", "3.1"}

// OpenAPI configures the OpenAPI components generated for every catalog.
type OpenAPI struct {
	// Version is "3.0" (OpenAPI 3.0.3, the default) or "3.1" (3.1.0).
	Version string `yaml:"version"`
}

// check fills in the default and rejects an unknown version.
func (o *OpenAPI) check() error {
	if o.Version == "" {
		o.Version = OpenAPIVersions[0]
	}
	if !slices.Contains(OpenAPIVersions, o.Version) {
		return fmt.Errorf("openapi: version %q: want one of %s (quote it: \"3.1\")", o.Version, strings.Join(OpenAPIVersions, ", "))
	}
	return nil
}
