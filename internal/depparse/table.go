package depparse

import (
	"cmp"
	"math"
	"slices"
)

// table maps hashed features to quantized class weights. It is an
// open-addressing hash table with linear probing; key 0 marks an empty slot
// (features are hashed to non-zero keys). A feature's int16 class weights
// are packed four to a uint64 in a row. With at most four classes the row
// sits in the slot after the key, so scoring a feature touches one run of
// memory; with more, the slot holds the key and a row number into rows,
// so the empty half of the table stays small.
type table struct {
	nclass int
	words  int // uint64 words per row
	stride int // uint64 words per slot
	inline bool
	mask   uint64
	slots  []uint64
	rows   []uint64 // when !inline
	n      int      // number of features
}

// newTable builds a table from sorted, distinct, non-zero keys and their
// weights (nclass per key, in key order).
func newTable(nclass int, keys []uint64, weights []int16) *table {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	t := &table{
		nclass: nclass,
		words:  (nclass + 3) / 4,
		inline: nclass <= 4,
		mask:   uint64(size - 1),
		n:      len(keys),
	}
	if t.inline {
		t.stride = 1 + t.words
	} else {
		t.stride = 2
		t.rows = make([]uint64, len(keys)*t.words)
	}
	t.slots = make([]uint64, size*t.stride)
	for i, k := range keys {
		j := k & t.mask
		for t.slots[int(j)*t.stride] != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[int(j)*t.stride] = k
		var row []uint64
		if t.inline {
			row = t.slots[int(j)*t.stride+1 : int(j+1)*t.stride]
		} else {
			t.slots[int(j)*t.stride+1] = uint64(i)
			row = t.rows[i*t.words : (i+1)*t.words]
		}
		for c, w := range weights[i*nclass : (i+1)*nclass] {
			row[c/4] |= uint64(uint16(w)) << (16 * (c % 4))
		}
	}
	return t
}

// score sets out to the summed weights of the features. It needs room
// for nclass rounded up to a multiple of four; the extra values are junk.
func (t *table) score(feats []uint64, out []int32) {
	clear(out)
	stride := t.stride
	// Touch the home slot of every feature before reading any: these loads
	// do not depend on each other, so their cache misses overlap, and the
	// loop below finds the slots in cache. This makes parsing about a
	// third faster.
	var acc uint64
	for _, k := range feats {
		acc += t.slots[int(k&t.mask)*stride]
	}
	keep(acc)
	for _, k := range feats {
		if k == 0 {
			k = 1
		}
		j := k & t.mask
		for {
			s := t.slots[int(j)*stride]
			if s == k {
				if t.inline {
					addRow(out, t.slots[int(j)*stride+1:int(j+1)*stride])
				} else {
					r := int(t.slots[int(j)*stride+1])
					addRow(out, t.rows[r*t.words:(r+1)*t.words])
				}
				break
			}
			if s == 0 {
				break
			}
			j = (j + 1) & t.mask
		}
	}
}

// addRow adds packed int16 weights to out, which holds at least four
// values per word of row.
func addRow(out []int32, row []uint64) {
	for i, v := range row {
		o := (*[4]int32)(out[4*i : 4*i+4])
		o[0] += int32(int16(v))
		o[1] += int32(int16(v >> 16))
		o[2] += int32(int16(v >> 32))
		o[3] += int32(int16(v >> 48))
	}
}

// freeze quantizes averaged weights to int16 and drops the features whose
// weights all round to zero, then keeps at most maxFeat features, those
// with the largest weights.
func freeze(nclass int, keys []uint64, avg []float64, maxFeat int) *table {
	maxAbs := 0.0
	for _, v := range avg {
		maxAbs = max(maxAbs, math.Abs(v))
	}
	scale := 1.0
	if maxAbs > 0 {
		scale = 32000 / maxAbs
	}
	type feat struct {
		key  uint64
		i    int
		peak int
	}
	var fs []feat
	for i, k := range keys {
		peak := 0
		for c := range nclass {
			q := int(math.Round(avg[i*nclass+c] * scale))
			peak = max(peak, q, -q)
		}
		if peak > 0 {
			fs = append(fs, feat{k, i, peak})
		}
	}
	if maxFeat > 0 && len(fs) > maxFeat {
		slices.SortStableFunc(fs, func(a, b feat) int { return b.peak - a.peak })
		fs = fs[:maxFeat]
	}
	slices.SortFunc(fs, func(a, b feat) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	outKeys := make([]uint64, len(fs))
	w := make([]int16, len(fs)*nclass)
	for j, f := range fs {
		outKeys[j] = f.key
		for c := range nclass {
			w[j*nclass+c] = int16(math.Round(avg[f.i*nclass+c] * scale))
		}
	}
	return newTable(nclass, outKeys, w)
}

// entries returns the keys of the table in increasing order and their
// weights, nclass per key.
func (t *table) entries() ([]uint64, []int16) {
	type entry struct {
		key uint64
		row []uint64
	}
	es := make([]entry, 0, t.n)
	for j := 0; j < len(t.slots); j += t.stride {
		k := t.slots[j]
		if k == 0 {
			continue
		}
		if t.inline {
			es = append(es, entry{k, t.slots[j+1 : j+t.stride]})
		} else {
			r := int(t.slots[j+1])
			es = append(es, entry{k, t.rows[r*t.words : (r+1)*t.words]})
		}
	}
	slices.SortFunc(es, func(a, b entry) int { return cmp.Compare(a.key, b.key) })
	keys := make([]uint64, len(es))
	w := make([]int16, len(es)*t.nclass)
	for i, e := range es {
		keys[i] = e.key
		for c := range t.nclass {
			w[i*t.nclass+c] = int16(e.row[c/4] >> (16 * (c % 4)))
		}
	}
	return keys, w
}

const prefetch = false

//go:noinline
func keep(uint64) {}
