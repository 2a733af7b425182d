package fetch

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"
)

// adversarialRetryAfter reads testdata/adversarial/retry-after.txt.
func adversarialRetryAfter(t testing.TB) []string {
	data, err := os.ReadFile("testdata/adversarial/retry-after.txt")
	if err != nil {
		t.Fatal(err)
	}
	var values []string
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			values = append(values, line)
		}
	}
	return values
}

// TestRetryAfterBounded: no value gives a negative wait or one past
// maxRetryAfterValue; the huge ones clamp instead of wrapping around.
func TestRetryAfterBounded(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, v := range adversarialRetryAfter(t) {
		d, ok := retryAfter(v, now)
		if d < 0 || d > maxRetryAfterValue {
			t.Errorf("retryAfter(%q) = %s, want 0…%s", v, d, maxRetryAfterValue)
		}
		if strings.HasPrefix(v, "9") && (!ok || d != maxRetryAfterValue) {
			t.Errorf("retryAfter(%q) = %s, %v; want the clamp %s", v, d, ok, maxRetryAfterValue)
		}
	}
}

// FuzzRetryAfter: whatever the header, the wait is within 0 and
// maxRetryAfterValue, whole seconds, and zero when not understood.
func FuzzRetryAfter(f *testing.F) {
	for _, v := range adversarialRetryAfter(f) {
		f.Add(v)
	}
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		d, ok := retryAfter(v, now)
		if d < 0 || d > maxRetryAfterValue || d%time.Second != 0 || !ok && d != 0 {
			t.Fatalf("retryAfter(%q) = %s, %v", v, d, ok)
		}
	})
}
