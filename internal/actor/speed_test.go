//go:build !race

package actor

import "testing"

// TestFindSpeed fails when the recognizer falls far under its budget of
// 1,000,000 tokens/s; the benchmark gives the exact figure. The race
// detector slows it tenfold, so the file is left out of -race builds.
func TestFindSpeed(t *testing.T) {
	if testing.Short() {
		t.Skip("speed check skipped in -short mode")
	}
	r := testing.Benchmark(BenchmarkFind)
	rate := r.Extra["tokens/s"]
	t.Logf("recognizer: %.0f tokens/s", rate)
	if rate < 1e6 {
		t.Errorf("recognizer runs at %.0f tokens/s; the budget is 1,000,000", rate)
	}
}
