package depparse

// Scoring the transitions of one sentence in parts. Of the 78 features of
// a configuration (transFeatures), 38 read only the buffer front and the
// words after it, the stack top and what hangs from it, the second stack
// word, or nothing at all; those parts stay the same over many
// configurations of a sentence: the buffer front moves only on shift and
// right, a word's head and left children are fixed once it is on the stack,
// and the weights of a part are summed again only when what it reads has
// changed. The sums are exact integers, so the scores are those of
// scoring the 78 features together.

// transScorer scores the configurations of one sentence with a compact
// (four-class) table.
type transScorer struct {
	t     *table
	sent  *sentence
	feats []uint64

	bias [3]int32 // f1(0, 0)

	b    int32 // the buffer front of bSum, or -1 before the first
	bSum [3]int32

	b0lKey [4]int32 // b0, its two leftmost children, its left valency
	b0lSum [3]int32

	parts []partSum // s0 and s1
	s0    []partSum // by stack top: the word, its head and left children
	s1    []partSum // by second stack word plus one (0: none)
}

// partSum is the cached sum of one part's features for one word, valid
// while key matches what the part reads.
type partSum struct {
	ok  bool
	key [5]int32
	sum [3]int32
}

// newTransScorer returns a scorer for the configurations of a sentence of
// n words (the root included), from p's pool. Put it back with
// p.putTransScorer once the sentence is parsed.
func (p *Parser) newTransScorer(sent *sentence, n int) *transScorer {
	ts, _ := p.scorers.Get().(*transScorer)
	if ts == nil {
		ts = &transScorer{feats: make([]uint64, 0, 64)}
	}
	parts := ts.parts[:0]
	if cap(parts) < 2*n+1 {
		parts = make([]partSum, 2*n+1)
	}
	parts = parts[:2*n+1]
	clear(parts)
	*ts = transScorer{
		t:      p.trans,
		sent:   sent,
		feats:  ts.feats[:0],
		b:      -1,
		b0lKey: [4]int32{-2, -2, -2, -2},
		parts:  parts,
		s0:     parts[:n],
		s1:     parts[n:],
	}
	ts.bias = p.trans.sumCompact(append(ts.feats, f1(0, 0)))
	return ts
}

func (p *Parser) putTransScorer(ts *transScorer) {
	ts.sent = nil
	p.scorers.Put(ts)
}

// score sets out[1..3] to the scores of the transitions of st less the
// score of shift, as table.score does with transFeatures, and out[0] to 0.
func (ts *transScorer) score(st *state, out *[numTrans]int32) {
	sent := ts.sent
	w, p := sent.w, sent.p
	s0, s1 := st.s(0), st.s(1)
	b0, b1, b2 := st.buf(0), st.buf(1), st.buf(2)
	sum := ts.bias

	// The buffer: b0, b1, b2.
	if st.b != ts.b {
		ts.b = st.b
		b0w, b0p, b0u, b0lm := atomAt(w, b0), atomAt(p, b0), atomAt(sent.u, b0), atomAt(sent.l, b0)
		b1w, b1p := atomAt(w, b1), atomAt(p, b1)
		b2w, b2p := atomAt(w, b2), atomAt(p, b2)
		b0wp := f2(101, b0w, b0p)
		ts.bSum = ts.t.sumCompact(append(ts.feats[:0],
			f1(4, b0w), f1(5, b0p), f1(6, b0wp),
			f1(7, b1w), f1(8, b1p), f2(9, b1w, b1p),
			f1(10, b2w), f1(11, b2p), f2(12, b2w, b2p),
			f2(20, b0p, b1p), f3(21, b0p, b1p, b2p),
			f1(66, b0lm), f2(77, b0u, at8(sent.fin, b0)),
		))
	}
	add(&sum, ts.bSum)

	// The buffer front's left children.
	b0l, b0l2 := indexAt(st.lc1, b0), indexAt(st.lc2, b0)
	var vlb uint64 = 7
	nlb := int32(-1)
	if b0 >= 0 {
		nlb = st.nl[b0]
		vlb = small(nlb)
	}
	if k := [4]int32{b0, b0l, b0l2, nlb}; k != ts.b0lKey {
		ts.b0lKey = k
		b0w, b0p := atomAt(w, b0), atomAt(p, b0)
		b0lp, b0l2p := atomAt(p, b0l), atomAt(p, b0l2)
		ts.b0lSum = ts.t.sumCompact(append(ts.feats[:0],
			f2(37, b0w, vlb), f2(38, b0p, vlb),
			f1(45, atomAt(w, b0l)), f1(46, b0lp), f1(53, atomAt(w, b0l2)), f1(54, b0l2p),
			f3(58, b0p, b0lp, b0l2p),
		))
	}
	add(&sum, ts.b0lSum)

	// The stack top, its head and its left children.
	s0h := indexAt(st.head, s0)
	s0h2 := indexAt(st.head, s0h)
	s0l, s0l2 := indexAt(st.lc1, s0), indexAt(st.lc2, s0)
	nl0 := int32(-1)
	if s0 >= 0 {
		nl0 = st.nl[s0]
	}
	if s0 >= 0 {
		ps := &ts.s0[s0]
		if k := [5]int32{s0h, s0h2, s0l, s0l2, nl0}; !ps.ok || ps.key != k {
			ps.ok, ps.key = true, k
			ps.sum = ts.t.sumCompact(ts.s0Features(ts.feats[:0], s0, s0h, s0h2, s0l, s0l2, nl0))
		}
		add(&sum, ps.sum)
	} else {
		add(&sum, ts.t.sumCompact(ts.s0Features(ts.feats[:0], s0, s0h, s0h2, s0l, s0l2, nl0)))
	}

	// The second stack word.
	if ps := &ts.s1[s1+1]; !ps.ok {
		ps.ok = true
		ps.sum = ts.t.sumCompact(append(ts.feats[:0], f1(59, atomAt(p, s1)), f1(60, atomAt(w, s1))))
	}
	add(&sum, ts.s1[s1+1].sum)

	add(&sum, ts.t.sumCompact(transRest(ts.feats[:0], sent, st)))
	out[0], out[1], out[2], out[3] = 0, sum[0], sum[1], sum[2]
}

// s0Features appends the features of the stack top s0 that read only it,
// its head s0h and the head's head s0h2, its leftmost children s0l and
// s0l2 and its number of left children nl0.
func (ts *transScorer) s0Features(fs []uint64, s0, s0h, s0h2, s0l, s0l2, nl0 int32) []uint64 {
	sent := ts.sent
	w, p := sent.w, sent.p
	s0w, s0p := atomAt(w, s0), atomAt(p, s0)
	s0hp, s0h2p := atomAt(p, s0h), atomAt(p, s0h2)
	s0lp, s0l2p := atomAt(p, s0l), atomAt(p, s0l2)
	var vl0 uint64 = 7
	if s0 >= 0 {
		vl0 = small(nl0)
	}
	hasHead := uint64(0)
	if s0h >= 0 {
		hasHead = 1
	}
	return append(fs,
		f1(1, s0w), f1(2, s0p), f1(3, f2(100, s0w, s0p)),
		f2(35, s0w, vl0), f2(36, s0p, vl0),
		f1(39, atomAt(w, s0h)), f1(40, s0hp), f1(41, atomAt(w, s0l)), f1(42, s0lp),
		f1(47, atomAt(w, s0h2)), f1(48, s0h2p), f1(49, atomAt(w, s0l2)), f1(50, s0l2p),
		f3(55, s0p, s0lp, s0l2p), f3(57, s0p, s0hp, s0h2p),
		f2(62, hasHead, s0p), f1(65, atomAt(sent.l, s0)),
	)
}

func add(sum *[3]int32, v [3]int32) {
	sum[0] += v[0]
	sum[1] += v[1]
	sum[2] += v[2]
}

// transRest appends the features of transFeatures that transScorer does
// not keep in parts: those that read the stack top and the buffer front
// together, the stack top's right children, or the second stack word with
// another.
func transRest(fs []uint64, sent *sentence, st *state) []uint64 {
	s0, s1 := st.s(0), st.s(1)
	b0, b1 := st.buf(0), st.buf(1)
	s0h := indexAt(st.head, s0)
	s0l := indexAt(st.lc1, s0)
	s0r, s0r2 := indexAt(st.rc1, s0), indexAt(st.rc2, s0)
	b0l := indexAt(st.lc1, b0)

	w, p, u, l := sent.w, sent.p, sent.u, sent.l
	s0w, s0p, s0u, s0lm := atomAt(w, s0), atomAt(p, s0), atomAt(u, s0), atomAt(l, s0)
	b0w, b0p, b0u, b0lm := atomAt(w, b0), atomAt(p, b0), atomAt(u, b0), atomAt(l, b0)
	b1p, b1u := atomAt(p, b1), atomAt(u, b1)
	s1w, s1p := atomAt(w, s1), atomAt(p, s1)
	s0hp := atomAt(p, s0h)
	s0lp := atomAt(p, s0l)
	s0rw, s0rp := atomAt(w, s0r), atomAt(p, s0r)
	s0r2w, s0r2p := atomAt(w, s0r2), atomAt(p, s0r2)
	b0lp := atomAt(p, b0l)
	s0wp := f2(100, s0w, s0p)
	b0wp := f2(101, b0w, b0p)

	d, hasHead, punctBetween := pairAtoms(sent, s0, b0, s0h)
	var vr0 uint64 = 7
	if s0 >= 0 {
		vr0 = small(st.nr[s0])
	}

	return append(fs,
		f2(13, s0wp, b0wp), f2(14, s0wp, b0w), f2(15, s0w, b0wp),
		f2(16, s0wp, b0p), f2(17, s0p, b0wp), f2(18, s0w, b0w),
		f2(19, s0p, b0p),
		f3(22, s0p, b0p, b1p), f3(23, s0hp, s0p, b0p),
		f3(24, s0p, s0lp, b0p), f3(25, s0p, s0rp, b0p), f3(26, s0p, b0p, b0lp),
		f2(27, s0w, d), f2(28, s0p, d), f2(29, b0w, d), f2(30, b0p, d),
		f3(31, s0w, b0w, d), f3(32, s0p, b0p, d),
		f2(33, s0w, vr0), f2(34, s0p, vr0),
		f1(43, s0rw), f1(44, s0rp),
		f1(51, s0r2w), f1(52, s0r2p),
		f3(56, s0p, s0rp, s0r2p),
		f3(61, s1p, s0p, b0p),
		f3(63, hasHead, s0p, b0p), f4(64, hasHead, s0p, b0p, d),
		f2(67, s0lm, b0lm), f3(68, s0lm, b0p, hasHead),
		f3(69, s0u, b0u, d), f3(70, s0u, b0u, b1u), f3(71, s0p, b0lm, hasHead),
		f3(72, punctBetween, s0p, b0p), f4(73, s0hp, s0p, b0p, hasHead),
		f3(74, s1p, s0hp, b0p), f2(75, s1w, b0w),
		f4(76, s0p, b0p, at8(sent.fin, s0), at8(sent.fin, b0)),
	)
}
