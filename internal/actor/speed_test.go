//go:build !race && unix

package actor

import (
	"testing"
	"time"

	"farabi/dict"
	"farabi/internal/segment"
)

// TestFindSpeed fails when the recognizer falls far under its budget of
// 1,000,000 tokens per second of CPU; BenchmarkFind gives the wall-clock
// figure. The rate is taken over the process's CPU time, not the wall
// clock, so that a host shared with other jobs does not fail it (one
// wall-clock run fell to 239,802 tokens/s between two of 1.2 and 1.4
// million). The race detector slows it tenfold, so the file is left out
// of -race builds.
func TestFindSpeed(t *testing.T) {
	if testing.Short() {
		t.Skip("speed check skipped in -short mode")
	}
	d, _ := Load(dict.FS)
	if d == nil {
		t.Fatal("no dictionary")
	}
	sents := segment.New().Sentences(benchText(t))
	ctx := Context{Date: time.Date(2025, 5, 29, 0, 0, 0, 0, time.UTC), Country: "KAZ"}
	start := processCPU()
	tokens, cpu := 0, time.Duration(0)
	for cpu < time.Second {
		for _, s := range sents {
			d.Find(s, ctx)
			tokens += len(s.Tokens)
		}
		cpu = processCPU() - start
	}
	rate := float64(tokens) / cpu.Seconds()
	t.Logf("recognizer: %.0f tokens per CPU second", rate)
	if rate < 1e6 {
		t.Errorf("recognizer runs at %.0f tokens per CPU second; the budget is 1,000,000", rate)
	}
}
