package coder_test

import "testing"

// TestDictLoads loads the verb dictionary in dict/verbs against the CAMEO
// table in dict/cameo and reports every bad line.
func TestDictLoads(t *testing.T) {
	ont, d := realDict(t)
	covered := map[string]bool{}
	for _, p := range d.Patterns {
		if len(p.Code) >= 3 {
			covered[p.Code[:3]] = true
		}
	}
	var missing []string
	for _, c := range ont.Codes() {
		if len(c) == 3 && !covered[c] {
			missing = append(missing, c)
		}
	}
	t.Logf("%d patterns; %d three-digit codes without a pattern: %v", len(d.Patterns), len(missing), missing)
}
