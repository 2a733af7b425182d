package cli

import (
	"fmt"
	"runtime/debug"
)

// Version is errgen's version: the module version it was built as, or
// "(devel)" for a build from a checkout.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" {
		return "(devel)"
	}
	v := bi.Main.Version
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}

func runVersion(inv *invocation) error {
	if _, err := inv.parse(0, 0); err != nil {
		return err
	}
	fmt.Fprintf(inv.stdout, "errgen %s\n", Version())
	return nil
}
