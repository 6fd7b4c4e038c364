package coder_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"farabi/internal/coder"
	"farabi/internal/event"
)

// FuzzLoad feeds arbitrary pattern files to the loader: it must report bad
// lines as errors, never panic, and keep every good line.
func FuzzLoad(f *testing.F) {
	f.Add(testPatterns)
	f.Add("set A = x\n042 visit/N S=nmod:poss T=nmod:to conf=0.5 id=x\n043 $A S=a>b:c T=obj=\n")
	f.Add("057 sign+up|x obj|nmod=$Q S= T=|\n")
	ont, err := event.ReadOntology(strings.NewReader(testOntology), "test.tsv")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, _ := coder.Load(fstest.MapFS{"verbs/f.txt": {Data: []byte(text)}}, "verbs", ont)
		if d == nil {
			return
		}
		for _, p := range d.Patterns {
			if p.ID == "" || len(p.Lemmas) == 0 || len(p.Source) == 0 {
				t.Fatalf("pattern %q loaded incomplete: %+v", p.Text, p)
			}
		}
	})
}
