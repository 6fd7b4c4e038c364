package depparse

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// wholeTable is a plain open-addressing table with the layout table
// probes, its weights as int32: the reference table's sums must agree
// with, the 16-bit fragments' chance matches of missing keys included.
type wholeTable struct {
	nclass int
	mask   uint64
	slots  []uint64 // the key, or its fragment<<48 when compact
	vals   [][]int32
}

func newWholeTable(nclass int, keys []uint64, weights []int16) *wholeTable {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	w := &wholeTable{nclass: nclass, mask: uint64(size - 1), slots: make([]uint64, size), vals: make([][]int32, size)}
	for i, k := range keys {
		j := k & w.mask
		for w.slots[j] != 0 {
			j = (j + 1) & w.mask
		}
		v := make([]int32, nclass)
		for c := range nclass {
			v[c] = int32(weights[i*nclass+c])
		}
		if nclass <= 4 {
			for c := nclass - 1; c >= 0; c-- {
				v[c] = (v[c] - v[0]) >> 1
			}
			w.slots[j] = uint64(fragment(k)) << 48
		} else {
			w.slots[j] = k
		}
		w.vals[j] = v
	}
	return w
}

func (w *wholeTable) score(feats []uint64) []int32 {
	out := make([]int32, (w.nclass+3)/4*4)
	for _, k := range feats {
		if k == 0 {
			k = 1
		}
		for j := k & w.mask; w.slots[j] != 0; j = (j + 1) & w.mask {
			s := w.slots[j]
			if w.nclass <= 4 && uint16(s>>48) == fragment(k) || s == k {
				for c, v := range w.vals[j] {
					out[c] += v
				}
				break
			}
		}
	}
	return out
}

// TestTableScore checks table's sums, over its packed weights, against
// those of a plain table: for keys it holds, keys it does not, and keys
// whose 16-bit fragment matches another key's, with weights at the ends of
// the int16 range and more features than a call sums at once.
func TestTableScore(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct{ nclass, n int }{{4, 0}, {4, 5}, {4, 700}, {3, 20000}, {51, 3}, {51, 5000}, {9, 4000}} {
		set := map[uint64]bool{}
		for len(set) < tc.n {
			// Few distinct fragments, so chance matches happen.
			if k := rng.Uint64()&(1<<48-1) | uint64(rng.IntN(8))<<48; k != 0 {
				set[k] = true
			}
		}
		keys := make([]uint64, 0, len(set))
		for k := range set {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		weights := make([]int16, len(keys)*tc.nclass)
		for i := range weights {
			switch rng.IntN(4) {
			case 0:
			case 1:
				weights[i] = []int16{-32768, 32767}[rng.IntN(2)]
			default:
				weights[i] = int16(rng.IntN(65536) - 32768)
			}
		}
		tb := newTable(tc.nclass, keys, weights)
		whole := newWholeTable(tc.nclass, keys, weights)
		out := make([]int32, (tc.nclass+3)/4*4)
		n := max(tc.nclass, 4)
		for range 1000 {
			feats := make([]uint64, rng.IntN(300))
			for i := range feats {
				switch rng.IntN(4) {
				case 0:
					if len(keys) > 0 {
						feats[i] = keys[rng.IntN(len(keys))]
						break
					}
					fallthrough
				case 1:
					feats[i] = rng.Uint64()
				case 2:
					feats[i] = rng.Uint64()&(1<<48-1) | uint64(rng.IntN(8))<<48
				case 3:
					feats[i] = uint64(rng.IntN(3)) // 0 is looked up as 1
				}
			}
			tb.score(feats, out)
			if want := whole.score(feats); !slices.Equal(out[:n], want[:n]) {
				t.Fatalf("nclass %d, %d keys: score %v, the plain table %v", tc.nclass, tc.n, out[:n], want[:n])
			}
		}
	}
}
