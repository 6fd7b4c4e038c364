package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// featureVersion names the feature set. A model records it, and Read
// refuses a model made with other features. Change it whenever the
// templates or the hashing below change.
const featureVersion = 6

// minFeatureVersion is the oldest feature set Read accepts: set 6 only
// added templates 76 and 77, so a model of set 5 has no weights for them
// and parses as it did.
const minFeatureVersion = 5

// sentence holds the hashed attributes of each word, index 0 the root.
type sentence struct {
	w   []uint64 // lower-cased form
	p   []uint64 // XPOS, or UPOS when XPOS is empty
	u   []uint64 // UPOS
	l   []uint64 // lower-cased lemma
	suf []uint64 // last three bytes of the lower-cased form
	fn  []bool   // a function word (ADP, SCONJ, AUX, PART, DET, CCONJ, PRON)
	pun []bool   // UPOS PUNCT, or a form without letters or digits
	upo []ud.UPOS
	// fin is, for each word, the bucketed distance to the first finite
	// verb or modal after it (1 + distBucket), 0 when none follows: a
	// greedy parser that sees three words ahead learns from it that a
	// sentence whose verb comes later is not rooted in its first noun.
	fin []uint8
}

// Atoms for positions that hold no word, and for the root.
const (
	atomNone uint64 = 0x6a09e667f3bcc908
	atomRoot uint64 = 0xbb67ae8584caa73b
)

func newSentence(s *ud.Sentence) *sentence {
	n := len(s.Tokens) + 1
	buf := make([]uint64, 5*n)
	sent := &sentence{
		w:   buf[0:n],
		p:   buf[n : 2*n],
		u:   buf[2*n : 3*n],
		l:   buf[3*n : 4*n],
		suf: buf[4*n : 5*n],
		fn:  make([]bool, n),
		pun: make([]bool, n),
		upo: make([]ud.UPOS, n),
		fin: make([]uint8, n),
	}
	for i := range 5 {
		buf[i*n] = atomRoot
	}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		j := i + 1
		form := plainForm(t.Form)
		sent.w[j] = hashLower(form, 1)
		if t.XPOS != "" && t.XPOS != "_" {
			sent.p[j] = hashString(t.XPOS, 2)
		} else {
			sent.p[j] = mix(uint64(t.UPOS) + 3<<32)
		}
		sent.u[j] = mix(uint64(t.UPOS) + 4<<32)
		lemma := plainForm(t.Lemma)
		if lemma == "" || lemma == "_" {
			lemma = form
		}
		sent.l[j] = hashLower(lemma, 5)
		f := form
		if len(f) > 3 {
			f = f[len(f)-3:]
		}
		sent.suf[j] = hashLower(f, 6)
		sent.upo[j] = t.UPOS
		switch t.UPOS {
		case ud.ADP, ud.SCONJ, ud.AUX, ud.PART, ud.DET, ud.CCONJ, ud.PRON:
			sent.fn[j] = true
		}
		sent.pun[j] = t.UPOS == ud.PUNCT || (t.UPOS == ud.NoUPOS && !hasAlnum(t.Form))
	}
	next := -1 // the next finite verb after j
	for j := n - 1; j >= 0; j-- {
		if next > 0 {
			sent.fin[j] = uint8(1 + distBucket(next-j))
		}
		if j > 0 && isFinite(s.Tokens[j-1].XPOS) {
			next = j
		}
	}
	return sent
}

// plainForm returns w with typographic quotation marks and apostrophes
// written plain, as the treebank the parser learned from mostly writes
// them: “ ” „ « » as ", ‘ ’ as ' ("’s" as "'s", "n’t" as "n't"). News
// copy often sets them curly, and a curly mark was a word the parser
// had hardly seen.
func plainForm(w string) string {
	switch w {
	case "“", "”", "„", "«", "»":
		return "\""
	case "‘", "’":
		return "'"
	}
	if strings.ContainsRune(w, '’') {
		return strings.ReplaceAll(w, "’", "'")
	}
	return w
}

// isFinite reports whether a Penn Treebank tag is a finite verb's or a
// modal's.
func isFinite(xpos string) bool {
	switch xpos {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

func hasAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			return true
		}
	}
	return false
}

// hashString is FNV-1a of s, salted and mixed.
func hashString(s string, salt uint64) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return mix(h ^ salt<<40)
}

// hashLower is hashString of s with ASCII letters lower-cased.
func hashLower(s string, salt uint64) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return mix(h ^ salt<<40)
}

// mix is the finalizer of MurmurHash3.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

const (
	k1 = 0x9e3779b97f4a7c15
	k2 = 0xc2b2ae3d27d4eb4f
)

func f1(t, a uint64) uint64       { return mix(t*k1 ^ a) }
func f2(t, a, b uint64) uint64    { return mix((t*k1^a)*k2 ^ b) }
func f3(t, a, b, c uint64) uint64 { return mix(((t*k1^a)*k2^b)*k1 ^ c) }
func f4(t, a, b, c, d uint64) uint64 {
	return mix((((t*k1^a)*k2^b)*k1^c)*k2 ^ d)
}

// distBucket buckets a distance between words.
func distBucket(d int) uint64 {
	switch {
	case d <= 0:
		return 0
	case d <= 5:
		return uint64(d)
	case d <= 7:
		return 6
	case d <= 10:
		return 7
	case d <= 15:
		return 8
	}
	return 9
}

func small(v int32) uint64 {
	if v > 6 {
		return 6
	}
	return uint64(v)
}

// pairAtoms returns what the stack top s0 and the buffer front b0 say
// together: their distance bucket (15 without both), whether s0 has a head
// (s0h), and how many punctuation marks lie between them (0 to 2).
func pairAtoms(sent *sentence, s0, b0, s0h int32) (d, hasHead, punctBetween uint64) {
	d = 15
	if s0 > 0 && b0 > 0 {
		d = distBucket(int(b0 - s0))
	}
	if s0h >= 0 {
		hasHead = 1
	}
	if s0 > 0 && b0 > 0 && b0-s0 <= 40 {
		for i := s0 + 1; i < b0; i++ {
			if sent.pun[i] {
				punctBetween++
			}
		}
		punctBetween = min(punctBetween, 2)
	}
	return d, hasHead, punctBetween
}

// transFeatures appends the features of a configuration, after the style
// of Zhang and Nivre (2011) without the label templates.
func transFeatures(fs []uint64, sent *sentence, st *state) []uint64 {
	s0, s1 := st.s(0), st.s(1)
	b0, b1, b2 := st.buf(0), st.buf(1), st.buf(2)
	s0h := indexAt(st.head, s0)
	s0h2 := indexAt(st.head, s0h)
	s0l, s0l2 := indexAt(st.lc1, s0), indexAt(st.lc2, s0)
	s0r, s0r2 := indexAt(st.rc1, s0), indexAt(st.rc2, s0)
	b0l, b0l2 := indexAt(st.lc1, b0), indexAt(st.lc2, b0)

	w, p, u, l := sent.w, sent.p, sent.u, sent.l
	s0w, s0p, s0u, s0lm := atomAt(w, s0), atomAt(p, s0), atomAt(u, s0), atomAt(l, s0)
	b0w, b0p, b0u, b0lm := atomAt(w, b0), atomAt(p, b0), atomAt(u, b0), atomAt(l, b0)
	b1w, b1p, b1u := atomAt(w, b1), atomAt(p, b1), atomAt(u, b1)
	b2w, b2p := atomAt(w, b2), atomAt(p, b2)
	s1w, s1p := atomAt(w, s1), atomAt(p, s1)
	s0hw, s0hp := atomAt(w, s0h), atomAt(p, s0h)
	s0h2w, s0h2p := atomAt(w, s0h2), atomAt(p, s0h2)
	s0lw, s0lp := atomAt(w, s0l), atomAt(p, s0l)
	s0l2w, s0l2p := atomAt(w, s0l2), atomAt(p, s0l2)
	s0rw, s0rp := atomAt(w, s0r), atomAt(p, s0r)
	s0r2w, s0r2p := atomAt(w, s0r2), atomAt(p, s0r2)
	b0lw, b0lp := atomAt(w, b0l), atomAt(p, b0l)
	b0l2w, b0l2p := atomAt(w, b0l2), atomAt(p, b0l2)
	s0wp := f2(100, s0w, s0p)
	b0wp := f2(101, b0w, b0p)

	d, hasHead, punctBetween := pairAtoms(sent, s0, b0, s0h)
	var vr0, vl0, vlb uint64 = 7, 7, 7
	if s0 >= 0 {
		vr0, vl0 = small(st.nr[s0]), small(st.nl[s0])
	}
	if b0 >= 0 {
		vlb = small(st.nl[b0])
	}

	fs = append(fs,
		f1(0, 0),
		// single words
		f1(1, s0w), f1(2, s0p), f1(3, s0wp),
		f1(4, b0w), f1(5, b0p), f1(6, b0wp),
		f1(7, b1w), f1(8, b1p), f2(9, b1w, b1p),
		f1(10, b2w), f1(11, b2p), f2(12, b2w, b2p),
		// pairs
		f2(13, s0wp, b0wp), f2(14, s0wp, b0w), f2(15, s0w, b0wp),
		f2(16, s0wp, b0p), f2(17, s0p, b0wp), f2(18, s0w, b0w),
		f2(19, s0p, b0p), f2(20, b0p, b1p),
		// triples
		f3(21, b0p, b1p, b2p), f3(22, s0p, b0p, b1p), f3(23, s0hp, s0p, b0p),
		f3(24, s0p, s0lp, b0p), f3(25, s0p, s0rp, b0p), f3(26, s0p, b0p, b0lp),
		// distance
		f2(27, s0w, d), f2(28, s0p, d), f2(29, b0w, d), f2(30, b0p, d),
		f3(31, s0w, b0w, d), f3(32, s0p, b0p, d),
		// valency
		f2(33, s0w, vr0), f2(34, s0p, vr0), f2(35, s0w, vl0), f2(36, s0p, vl0),
		f2(37, b0w, vlb), f2(38, b0p, vlb),
		// second order
		f1(39, s0hw), f1(40, s0hp), f1(41, s0lw), f1(42, s0lp),
		f1(43, s0rw), f1(44, s0rp), f1(45, b0lw), f1(46, b0lp),
		// third order
		f1(47, s0h2w), f1(48, s0h2p), f1(49, s0l2w), f1(50, s0l2p),
		f1(51, s0r2w), f1(52, s0r2p), f1(53, b0l2w), f1(54, b0l2p),
		f3(55, s0p, s0lp, s0l2p), f3(56, s0p, s0rp, s0r2p),
		f3(57, s0p, s0hp, s0h2p), f3(58, b0p, b0lp, b0l2p),
		// additions: the second stack word, lemmas, universal tags,
		// whether the stack top is attached, punctuation in between
		f1(59, s1p), f1(60, s1w), f3(61, s1p, s0p, b0p),
		f2(62, hasHead, s0p), f3(63, hasHead, s0p, b0p), f4(64, hasHead, s0p, b0p, d),
		f1(65, s0lm), f1(66, b0lm), f2(67, s0lm, b0lm), f3(68, s0lm, b0p, hasHead),
		f3(69, s0u, b0u, d), f3(70, s0u, b0u, b1u), f3(71, s0p, b0lm, hasHead),
		f3(72, punctBetween, s0p, b0p), f4(73, s0hp, s0p, b0p, hasHead),
		f3(74, s1p, s0hp, b0p), f2(75, s1w, b0w),
		// a finite verb ahead of the buffer front
		f4(76, s0p, b0p, at8(sent.fin, s0), at8(sent.fin, b0)), f2(77, b0u, at8(sent.fin, b0)),
	)
	return fs
}

// at8 returns a[i] as a feature value, or a constant for no word.
func at8(a []uint8, i int32) uint64 {
	if i < 0 {
		return 99
	}
	return uint64(a[i])
}

// labelFeatures appends the features for the relation of word d, whose
// head is tree.head[d] and whose previous sibling (or -1) is prev.
func labelFeatures(fs []uint64, sent *sentence, tr *tree, rels []int, d, prev int) []uint64 {
	h := int(tr.head[d])
	w, p, u, l := sent.w, sent.p, sent.u, sent.l
	dw, dp, du, dl := w[d], p[d], u[d], l[d]
	hw, hp, hu, hl := w[h], p[h], u[h], l[h]
	dir := uint64(1)
	dist := d - h
	if d < h {
		dir, dist = 2, h-d
	}
	db := distBucket(dist)
	hrel := uint64(1 << 20)
	if h > 0 {
		hrel = uint64(rels[h])
	}
	var hhp uint64 = atomRoot
	if h > 0 {
		hhp = p[tr.head[h]]
	}
	prel, pp := uint64(1<<21), atomNone
	if prev >= 0 {
		prel, pp = uint64(rels[prev]), p[prev]
	}
	lo, hi := min(d, h), max(d, h)
	punct := uint64(0)
	if hi-lo <= 40 {
		for i := lo + 1; i < hi; i++ {
			if sent.pun[i] {
				punct = 1
				break
			}
		}
	} else {
		punct = 2
	}
	var dm1, dp1 uint64 = atomNone, atomNone
	if d > 1 {
		dm1 = p[d-1]
	}
	if d+1 < len(p) {
		dp1 = p[d+1]
	}
	kids := tr.children(int32(d))
	fs = append(fs,
		f1(200, 0),
		f1(201, dw), f1(202, dp), f1(203, dl), f1(204, hw), f1(205, hp), f1(206, hl),
		f2(207, dp, hp), f2(208, dw, hp), f2(209, dp, hw), f2(210, dl, hl),
		f3(211, du, hu, dir), f4(212, dp, hp, dir, db),
		f2(213, dir, db), f2(214, dp, dir), f2(215, dw, dir),
		f1(216, hrel), f2(217, hrel, dp), f3(218, hrel, dp, hp),
		f1(219, prel), f3(220, prel, dp, dir), f3(221, pp, dp, dir),
		f2(226, small(int32(len(kids))), dp),
		f3(227, punct, dp, hp),
		f3(228, hhp, hp, dp),
		f3(230, sent.suf[d], dp, dir),
		f2(231, dw, hw),
		f3(232, dm1, dp, dp1),
		f4(233, dp, hp, dir, hrel),
		f3(234, dl, hp, dir),
	)
	if d == 1 || d == len(p)-1 {
		fs = append(fs, f3(229, uint64(d), dp, dir))
	}
	for _, c := range kids {
		fs = append(fs, f2(222, p[c], dp))
		if sent.fn[c] {
			fs = append(fs, f1(223, l[c]), f2(224, l[c], dp), f3(225, l[c], dp, hp))
		}
	}
	// Function-word siblings: auxiliaries make subjects passive, "to"
	// makes clauses open.
	for _, c := range tr.children(int32(h)) {
		if int(c) == d || !sent.fn[c] {
			continue
		}
		if sent.upo[c] == ud.AUX || sent.upo[c] == ud.PART {
			fs = append(fs, f4(235, l[c], p[c], du, dir))
		}
	}
	return fs
}
