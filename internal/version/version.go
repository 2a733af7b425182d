// Package version holds errgen's release version, which generated files
// record in their header. It is a constant rather than the module version
// from the build info, so that generated files are byte-identical whether
// errgen runs from a release, from go run in a checkout or from a module
// cache, and change only when a release changes what errgen writes.
package version

// Errgen is errgen's release version. Bump it with every release.
const Errgen = "v0.13.0"
