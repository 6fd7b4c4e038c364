package depparse

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"farabi/internal/ud"
)

// checkState verifies that the child lists and counts of st agree with its
// heads.
func checkState(st *state) error {
	for h := int32(0); h < int32(st.n); h++ {
		var left, right []int32
		for d := int32(1); d < int32(st.n); d++ {
			if st.head[d] != h {
				continue
			}
			if d < h {
				left = append(left, d)
			} else {
				right = append(right, d)
			}
		}
		slices.Reverse(right)
		nth := func(s []int32, i int) int32 {
			if i < len(s) {
				return s[i]
			}
			return -1
		}
		if int(st.nl[h]) != len(left) || int(st.nr[h]) != len(right) {
			return fmt.Errorf("word %d: %d left and %d right children counted, have %v and %v", h, st.nl[h], st.nr[h], left, right)
		}
		if st.lc1[h] != nth(left, 0) || st.lc2[h] != nth(left, 1) {
			return fmt.Errorf("word %d: leftmost children %d %d, have %v", h, st.lc1[h], st.lc2[h], left)
		}
		if st.rc1[h] != nth(right, 0) || st.rc2[h] != nth(right, 1) {
			return fmt.Errorf("word %d: rightmost children %d %d, have %v", h, st.rc1[h], st.rc2[h], right)
		}
	}
	return nil
}

// TestStateRandom makes random valid transitions and checks after each that
// the state is consistent and that every parse ends in a tree with one root.
func TestStateRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		n := 2 + rng.IntN(15)
		st := newState(n)
		steps := 0
		for !st.terminal() {
			var ok []int
			for tr := range numTrans {
				if st.valid(tr) {
					ok = append(ok, tr)
				}
			}
			if len(ok) == 0 {
				t.Fatalf("trial %d: no valid transition in a state that is not terminal", trial)
			}
			st.apply(ok[rng.IntN(len(ok))])
			if err := checkState(st); err != nil {
				t.Fatalf("trial %d, step %d: %v", trial, steps, err)
			}
			steps++
			if steps > 2*n {
				t.Fatalf("trial %d: %d steps for %d words", trial, steps, n-1)
			}
		}
		st.finish()
		s := &ud.Sentence{}
		for i := 1; i < n; i++ {
			s.Tokens = append(s.Tokens, ud.Token{Form: "w", Head: int(st.head[i]), Rel: "dep"})
		}
		for i := range s.Tokens {
			if s.Tokens[i].Head == 0 {
				s.Tokens[i].Rel = "root"
			}
		}
		if err := checkTree(s); err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
	}
}

// TestOracleFollowsGold follows the cheapest transition of the oracle on
// every tree of the tiny treebank and of EWT train, when present: each must
// come out as its projectivized gold tree, at no cost on the way.
func TestOracleFollowsGold(t *testing.T) {
	t.Run("tiny", func(t *testing.T) { oracleFollowsGold(t, readTiny(t)) })
	t.Run("EWT train", func(t *testing.T) {
		if testing.Short() {
			t.Skip("-short")
		}
		oracleFollowsGold(t, readEWT(t, "train"))
	})
}

func oracleFollowsGold(t *testing.T, sents []*ud.Sentence) {
	bad := 0
	for _, s := range sents {
		gold, ok := goldHeads(s)
		if !ok {
			continue
		}
		proj := projectivize(gold)
		st := newState(len(proj))
		for !st.terminal() {
			c := oracleCosts(st, proj)
			best := -1
			for tr := range numTrans {
				if st.valid(tr) && (best < 0 || c[tr] < c[best]) {
					best = tr
				}
			}
			if c[best] != 0 {
				t.Fatalf("%q: cheapest transition costs %d", s.Words(), c[best])
			}
			st.apply(best)
		}
		st.finish()
		if !slices.Equal(st.head[1:], proj[1:]) {
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("%d trees not reproduced by the oracle", bad)
	}
}
