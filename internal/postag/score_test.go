package postag

import (
	"math/rand/v2"
	"slices"
	"testing"

	"farabi/models"
)

// TestScoreDense checks that score, which sums the features with many
// weights from their dense rows, gives the sums of the (class, weight)
// lists the model stores, on the committed model's features.
func TestScoreDense(t *testing.T) {
	tg, err := Load(models.FS, "tagger.model")
	if err != nil {
		t.Fatal(err)
	}
	var keys []uint64
	dense := 0
	for _, s := range tg.feats.slots {
		if s.key != 0 {
			keys = append(keys, s.key)
			if s.aux != 0 {
				dense++
			}
		}
	}
	if dense == 0 {
		t.Fatal("no feature has a dense row")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	got := make([]int32, len(tg.tags))
	want := make([]int32, len(tg.tags))
	var fs [numFeat]uint64
	for range 20000 {
		for i := range fs {
			if rng.IntN(8) == 0 {
				fs[i] = rng.Uint64() | 1 // most likely missing
			} else {
				fs[i] = keys[rng.IntN(len(keys))]
			}
		}
		tg.score(fs[:], got)
		clear(want)
		for _, k := range fs {
			v, ok := tg.feats.get(k)
			if !ok {
				continue
			}
			for _, e := range tg.weights[v>>8 : v>>8+v&0xff] {
				want[e&0xff] += int32(e) >> 16
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("score %v, the weight lists %v", got, want)
		}
	}
}
