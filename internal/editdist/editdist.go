// Package editdist measures how far apart two short strings are, for the
// "did you mean" hints of errgen's messages (a mistyped flag, a code in
// retryable: that the catalog spells otherwise).
package editdist

// Max is what Distance returns for strings longer than Max bytes: a hint
// compares short names, and the quadratic cost must stay bounded whatever
// a config or a command line holds.
const Max = 128

// Distance is the Levenshtein distance of a and b in bytes, or Max when
// either is longer than Max.
func Distance(a, b string) int {
	if len(a) > Max || len(b) > Max {
		return Max
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
