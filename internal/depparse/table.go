package depparse

import (
	"math"
	"runtime"
	"slices"

	"farabi/internal/lanes"
)

// table maps hashed features to quantized class weights. Lookups go
// through an open-addressing hash table with linear probing at load at most
// one half, in one of two layouts:
//
//   - With at most four classes (the transitions), a slot is one uint64: the
//     top 16 bits of the key (never 0; 0 marks an empty slot) and the
//     weights of classes 1..3 minus the weight of class 0, halved, as int16.
//     Subtracting the same number from every class of a feature does not
//     change which class scores best, so class 0 needs no weight. A feature
//     costs one 8-byte load, and the table is half the size it would be
//     with whole keys. A 16-bit key fragment can match a feature that is
//     not in the table, in about one lookup in 100,000 that misses.
//   - With more classes (the relations), a slot holds the whole key and a
//     row number into rows, where the feature's int16 weights are packed
//     four to a uint64 as package lanes sums them. Rows start on cache
//     lines (the stride is whole lines), so a row of 51 relations takes
//     two lines rather than two or three.
//
// The exact keys and weights are kept for writing the model.
type table struct {
	nclass  int
	keys    []uint64 // sorted
	weights []int16  // nclass per key
	mask    uint64
	compact []uint64 // the first layout, or nil
	slots   []uint64 // the second layout: key, row number
	rows    []uint64
	words   int // uint64 words per row
	stride  int // uint64 words from a row to the next: words rounded up to whole cache lines
	n       int // number of features
}

// newTable builds a table from sorted, distinct, non-zero keys and their
// weights (nclass per key, in key order).
func newTable(nclass int, keys []uint64, weights []int16) *table {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	t := &table{
		nclass:  nclass,
		keys:    keys,
		weights: weights,
		mask:    uint64(size - 1),
		words:   (nclass + 3) / 4,
		n:       len(keys),
	}
	if nclass <= 4 {
		t.compact = tableMemory(t, size)
		for i, k := range keys {
			j := k & t.mask
			for t.compact[j] != 0 {
				j = (j + 1) & t.mask
			}
			w := weights[i*nclass : (i+1)*nclass]
			v := uint64(fragment(k)) << 48
			for c := 1; c < nclass; c++ {
				d := (int32(w[c]) - int32(w[0])) >> 1
				v |= uint64(uint16(int16(d))) << (16 * (c - 1))
			}
			t.compact[j] = v
		}
		return t
	}
	t.stride = (t.words + 7) / 8 * 8
	mem := tableMemory(t, 2*size+len(keys)*t.stride)
	t.slots, t.rows = mem[:2*size:2*size], mem[2*size:]
	for i, k := range keys {
		j := k & t.mask
		for t.slots[2*j] != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[2*j] = k
		t.slots[2*j+1] = uint64(i)
		row := t.rows[i*t.stride : i*t.stride+t.words]
		ws := weights[i*nclass : (i+1)*nclass]
		for c := range 4 * t.words {
			w := int16(0) // the classes that pad the last word weigh 0
			if c < nclass {
				w = ws[c]
			}
			row[c/4] |= lanes.Bias(w) << (16 * (c % 4))
		}
	}
	return t
}

// fragment is the part of a key kept in a compact slot, never 0.
func fragment(k uint64) uint16 {
	if f := uint16(k >> 48); f != 0 {
		return f
	}
	return 1
}

// score sets out to the summed weights of the features, up to a constant
// added to every class. It needs room for nclass rounded up to a multiple
// of four; the extra values are junk.
func (t *table) score(feats []uint64, out []int32) {
	clear(out)
	if t.compact != nil {
		t.scoreCompact(feats, out)
		// t owns the memory of its slots and rows (tableMemory): it
		// must outlive their reading.
		runtime.KeepAlive(t)
		return
	}
	// Touch the home slot of every feature before reading any: these loads
	// do not depend on each other, so their cache misses overlap, and the
	// probes below find the slots in cache. The rows are touched the same
	// way before they are read. This makes parsing about a third faster.
	var touched uint64
	for _, k := range feats {
		touched += t.slots[2*(k&t.mask)]
	}
	var found [maxRows]uint32 // offsets of the rows of the features found
	rows := found[:0]
	for _, k := range feats {
		if k == 0 {
			k = 1
		}
		for j := k & t.mask; ; j = (j + 1) & t.mask {
			s := t.slots[2*j]
			if s == k {
				off := int(t.slots[2*j+1]) * t.stride
				touched += t.rows[off] + t.rows[off+t.words-1]
				if len(rows) == cap(rows) {
					lanes.AddRows(out, t.rows, rows, t.words)
					rows = rows[:0]
				}
				rows = append(rows, uint32(off))
				break
			}
			if s == 0 {
				break
			}
		}
	}
	keep(touched)
	lanes.AddRows(out, t.rows, rows, t.words)
	runtime.KeepAlive(t)
}

func (t *table) scoreCompact(feats []uint64, out []int32) {
	s := t.sumCompact(feats)
	o := (*[4]int32)(out[:4])
	o[1], o[2], o[3] = s[0], s[1], s[2]
}

// sumCompact returns the summed weights of classes 1..3 of the features
// in a compact table, each less the weight of class 0.
func (t *table) sumCompact(feats []uint64) [3]int32 {
	// As in score, touch every home slot first so the misses overlap.
	var touched uint64
	for _, k := range feats {
		touched += t.compact[k&t.mask]
	}
	keep(touched)
	var s1, s2, s3 int32
	for _, k := range feats {
		if k == 0 {
			k = 1
		}
		f := fragment(k)
		for j := k & t.mask; ; j = (j + 1) & t.mask {
			v := t.compact[j]
			if uint16(v>>48) == f {
				s1 += int32(int16(v))
				s2 += int32(int16(v >> 16))
				s3 += int32(int16(v >> 32))
				break
			}
			if v == 0 {
				break
			}
		}
	}
	runtime.KeepAlive(t)
	return [3]int32{s1, s2, s3}
}

// maxRows is the most weight rows score sums at once.
const maxRows = 128

// keep uses v so that the compiler keeps the loads that computed it.
//
//go:noinline
func keep(v uint64) {}

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
func (t *table) entries() ([]uint64, []int16) { return t.keys, t.weights }
