package depparse

import (
	"testing"

	"farabi/internal/postag"
	"farabi/models"
)

// TestTransScorer checks that scoring a configuration in parts gives the
// scores of its 78 features summed together, in every configuration the
// committed parser goes through on the first 800 sentences of EWT dev.
func TestTransScorer(t *testing.T) {
	dev := readEWT(t, "dev")
	p := committed(t)
	tg, err := postag.Load(models.FS, "tagger.model")
	if err != nil {
		t.Fatal(err)
	}
	configs := 0
	for _, g := range dev[:min(len(dev), 800)] {
		s := cloneUntagged(g, true)
		tg.Tag(s)
		sent := newSentence(s)
		st := newState(len(s.Tokens) + 1)
		ts := p.newTransScorer(sent, st.n)
		var feats []uint64
		var want, got [numTrans]int32
		for !st.terminal() {
			feats = transFeatures(feats[:0], sent, st)
			p.trans.score(feats, want[:])
			ts.score(st, &got)
			if got != want {
				t.Fatalf("%s: configuration %d: scores %v, want %v", g.ID, configs, got, want)
			}
			configs++
			best := shift
			for tr := range numTrans {
				if st.valid(tr) && want[tr] > want[best] {
					best = tr
				}
			}
			st.apply(best)
		}
		p.putTransScorer(ts)
	}
	if configs < 10000 {
		t.Errorf("only %d configurations", configs)
	}
}
