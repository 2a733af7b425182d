package cli

import (
	"os"
	"runtime/debug"
)

// memoryLimit is errgen's soft memory limit when GOMEMLIMIT is not set.
// With the default GC target the heap may grow to twice what is live
// before a collection, which for a 50,000-code catalog put errgen's peak
// at 420 MB for some 250 MB live; a soft limit makes the collector run
// earlier instead (peak about 320 MB, no measurable slowdown). It is soft:
// a larger catalog that needs more memory still gets it, at the cost of
// more collection.
const memoryLimit = 300 << 20

// limitMemory sets memoryLimit unless the environment sets GOMEMLIMIT,
// which always wins.
func limitMemory() {
	if _, ok := os.LookupEnv("GOMEMLIMIT"); !ok {
		debug.SetMemoryLimit(memoryLimit)
	}
}
