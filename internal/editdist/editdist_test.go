package editdist

import (
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"colum", "column", 1},
		{"IdentityCenter.1006", "IdentityCenter.1060", 2},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{strings.Repeat("a", Max+1), "a", Max},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%.20q, %.20q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
