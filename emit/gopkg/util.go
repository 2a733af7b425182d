package gopkg

import (
	"iter"
	"maps"
	"slices"
)

// sortedMap yields m in key order, so that whatever Emit reports or writes
// does not depend on map iteration.
func sortedMap(m map[string]string) iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !yield(k, m[k]) {
				return
			}
		}
	}
}
