package postag

// table maps nonzero uint64 keys to uint32 values by open addressing with
// linear probing. Its size is a power of two and it is at most three
// quarters full, so a probe for a missing key ends after a few slots. The
// keys are hashes already (see [fkey]), so their low bits pick the slot; a
// key and its value share a slot, so a hit costs one cache miss.
type table struct {
	slots []slot
	mask  uint64
	n     int
}

type slot struct {
	key uint64
	val uint32
	// aux is free for the table's user (in the padding of the slot);
	// the tagger's feature table keeps there the dense row of a
	// feature with many weights (denseRow).
	aux uint32
}

func newTable(capacity int) *table {
	size := 16
	for 3*size < 4*capacity {
		size <<= 1
	}
	return &table{slots: make([]slot, size), mask: uint64(size - 1)}
}

// get returns the value of key k, which must not be zero.
func (t *table) get(k uint64) (uint32, bool) {
	if s := t.find(k); s != nil {
		return s.val, true
	}
	return 0, false
}

// find returns the slot of key k, which must not be zero, or nil.
func (t *table) find(k uint64) *slot {
	i := k & t.mask
	for {
		s := &t.slots[i]
		switch s.key {
		case k:
			return s
		case 0:
			return nil
		}
		i = (i + 1) & t.mask
	}
}

// put sets the value of key k, which must not be zero, growing the table
// when it is three quarters full.
func (t *table) put(k uint64, v uint32) {
	if 4*(t.n+1) > 3*len(t.slots) {
		t.grow()
	}
	i := k & t.mask
	for {
		s := &t.slots[i]
		switch s.key {
		case k:
			s.val = v
			return
		case 0:
			s.key, s.val = k, v
			t.n++
			return
		}
		i = (i + 1) & t.mask
	}
}

func (t *table) grow() {
	old := t.slots
	*t = *newTable(len(old) + 1)
	for _, s := range old {
		if s.key != 0 {
			t.put(s.key, s.val)
		}
	}
}

// mix is the finalizer of SplitMix64: a cheap bijection that spreads the
// bits of x over the whole word.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
