package depparse

import "slices"

// perceptron is a multi-class averaged perceptron over hashed features,
// used while training. Averaging is lazy: each weight remembers when it
// last changed.
type perceptron struct {
	nclass int
	index  map[uint64]int32 // feature → row
	keys   []uint64         // row → feature
	w      []int32          // row*nclass + class
	total  []int64          // sum of w over time, up to stamp
	stamp  []int32          // time of the last change of w
	now    int32            // number of training instances seen
}

func newPerceptron(nclass int) *perceptron {
	return &perceptron{nclass: nclass, index: make(map[uint64]int32)}
}

func normKey(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

// score sets out to the current weights summed over feats.
func (m *perceptron) score(feats []uint64, out []int32) {
	clear(out)
	nc := m.nclass
	for _, k := range feats {
		r, ok := m.index[normKey(k)]
		if !ok {
			continue
		}
		for c, w := range m.w[int(r)*nc : int(r)*nc+nc] {
			out[c] += w
		}
	}
}

func (m *perceptron) row(k uint64) int {
	k = normKey(k)
	r, ok := m.index[k]
	if !ok {
		r = int32(len(m.keys))
		m.index[k] = r
		m.keys = append(m.keys, k)
		m.w = append(m.w, make([]int32, m.nclass)...)
		m.total = append(m.total, make([]int64, m.nclass)...)
		m.stamp = append(m.stamp, make([]int32, m.nclass)...)
	}
	return int(r)
}

func (m *perceptron) add(i int, v int32) {
	m.total[i] += int64(m.now-m.stamp[i]) * int64(m.w[i])
	m.stamp[i] = m.now
	m.w[i] += v
}

// update moves weight from class bad to class good for feats.
func (m *perceptron) update(feats []uint64, good, bad int) {
	for _, k := range feats {
		r := m.row(k)
		m.add(r*m.nclass+good, 1)
		m.add(r*m.nclass+bad, -1)
	}
}

// tick counts one training instance.
func (m *perceptron) tick() { m.now++ }

// average returns the keys in sorted order with their averaged weights.
func (m *perceptron) average() ([]uint64, []float64) {
	keys := slices.Clone(m.keys)
	slices.Sort(keys)
	avg := make([]float64, len(keys)*m.nclass)
	now := float64(max(m.now, 1))
	for j, k := range keys {
		r := int(m.index[k])
		for c := range m.nclass {
			i := r*m.nclass + c
			t := m.total[i] + int64(m.now-m.stamp[i])*int64(m.w[i])
			avg[j*m.nclass+c] = float64(t) / now
		}
	}
	return keys, avg
}
