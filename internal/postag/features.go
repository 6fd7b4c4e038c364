package postag

import (
	"unicode"
	"unicode/utf8"
)

// Feature templates. A feature key is the hash of a template number and one
// or two values (see [fkey]); the numbers are part of the model format, so
// new templates go at the end.
const (
	fBias = iota
	fWord
	fForm
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPre1
	fPre2
	fPre3
	fShape
	fT1
	fT2
	fT12
	fT1Word
	fWm1
	fWm2
	fWp1
	fWp2
	fWm1W
	fWWp1
	fSufm1
	fSufp1
	fAmb
	fAmbp1
	fAmbp2
	fT1Amb
	fAmbAmbp1
	fShapem1
	fShapep1
	fFirstShape
	fT1Wp1
	fLex
	fLexC
	fLexp1
	fT1Lex
	numFeat
)

// Templates of the second pass (see [Tagger.secondPass]), which adds to
// the templates above the first pass's classes of the next two words and
// the finite verbs and nouns it found around the word (verbContext).
const (
	fN1 = numFeat + iota
	fN2
	fN12
	fP1N1
	fN1Word
	fN1Amb
	fN1Lex
	fAmbVerbs
	fSufVerbs
	fLexVerbs
	numFeatAll
)

// Templates of a tagger with word clusters (see [Clusters]): the fine and
// the coarse class of the word, the fine class of the next word, and the
// coarse class with the previous word's class. In the keys of the first
// pass they follow its numFeat templates, in those of the second pass its
// numFeatAll.
const (
	fClu = numFeatAll + iota
	fCluC
	fClup1
	fT1CluC
	numClu = iota
)

// pad is the number of padding positions on each side of a sentence, so
// that the features of a word can look two words away without checks.
const pad = 2

// Hash values of the padding words before and after a sentence.
const (
	hStart = 0x5354415254 // "START"
	hEnd   = 0x454e44     // "END"
)

// tokInfo holds the hashes of one word that the features combine.
type tokInfo struct {
	form, lower, shape uint64
	suf                [4]uint64 // suffixes of 1-4 bytes of the lower-cased word
	pre                [3]uint64 // prefixes of 1-3 bytes
	amb                uint64    // ambiguity class: 0 for an unknown word
	lex, lexC          uint64    // the lexicon's tags (with capitalization) and common tags, hashed
	cluF, cluC         uint64    // fine and coarse word cluster, plus one (0: none)
	lexTags            uint32    // the tags the lexicon allows
	letters, alnum     bool      // the form has a letter; a letter or a digit
	title              bool      // a capital, then small letters only ("Tajikistan", not "MPs")
	dict               int       // the class of an unambiguous frequent word, or -1
	word               int32     // the index of the form in Tagger.info, or -1
	lo, hi             int       // the lower-cased word in scratch.lower
}

// scratch is the working memory of one call to Tag or of training.
type scratch struct {
	info   []tokInfo // pad + words + pad
	lower  []byte
	keys   [numFeatAll + numClu]uint64
	clu    bool    // the tagger has word clusters: features add their templates
	scores []int32 // one for each class

	class  []int   // the class of each word
	margin []int32 // by how much the first pass chose it
	verbs  []uint8 // finite verbs around each word: see verbContext
	lexBuf lexBuf
	cased  []string // the forms a title-case headline is tagged with
}

// grow makes room in sc for the classes of n words.
func (sc *scratch) grow(n int) {
	if cap(sc.class) < n {
		sc.class = make([]int, n)
	}
	sc.class = sc.class[:n]
	if cap(sc.margin) < n {
		sc.margin = make([]int32, n)
	}
	sc.margin = sc.margin[:n]
	if cap(sc.verbs) < n {
		sc.verbs = make([]uint8, n)
	}
	sc.verbs = sc.verbs[:n]
}

// next returns the classes of the two words after word i, each plus one
// (0 after the sentence).
func (sc *scratch) next(i int) (n1, n2 uint64) {
	if i+1 < len(sc.class) {
		n1 = uint64(sc.class[i+1]) + 1
	}
	if i+2 < len(sc.class) {
		n2 = uint64(sc.class[i+2]) + 1
	}
	return n1, n2
}

// prev returns the classes of the two words before word i, each plus one
// (0 before the sentence), as features takes them.
func (sc *scratch) prev(i int) (p1, p2 uint64) {
	if i > 0 {
		p1 = uint64(sc.class[i-1]) + 1
	}
	if i > 1 {
		p2 = uint64(sc.class[i-2]) + 1
	}
	return p1, p2
}

// hashString returns the FNV-1a hash of s.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// hashBytes is hashString for a byte slice.
func hashBytes(s []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range s {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// fkey returns the key of template t with values a and b. It is never 0,
// which the feature table keeps for empty slots.
func fkey(t, a, b uint64) uint64 {
	k := mix(mix(a+t*0x9e3779b97f4a7c15) ^ b)
	if k == 0 {
		k = 1
	}
	return k
}

// appendLower appends the lower-cased form to b, reporting whether the form
// had any upper-case letter.
func appendLower(b []byte, form string) ([]byte, bool) {
	upper := false
	for i := 0; i < len(form); {
		c := form[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
				upper = true
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(form[i:])
		if l := unicode.ToLower(r); l != r {
			r = l
			upper = true
		}
		b = utf8.AppendRune(b, r)
		i += n
	}
	return b, upper
}

// shapeHash hashes the shape of a word: upper-case letters become X,
// lower-case letters x, digits d, and other characters stay, with runs of
// one kind cut to two and the whole to eight characters; the byte length,
// capped at 9, is mixed in too.
func shapeHash(form string) uint64 {
	h := uint64(14695981039346656037)
	var last rune
	run, n := 0, 0
	for _, r := range form {
		var c rune
		switch {
		case r < utf8.RuneSelf && 'a' <= r && r <= 'z':
			c = 'x'
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			c = 'X'
		case r < utf8.RuneSelf && '0' <= r && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = r
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = '*'
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			last, run = c, 1
		}
		if n++; n > 8 {
			break
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return mix(h) ^ uint64(min(len(form), 9))
}

// prepare fills sc.info for the words of forms with the word hashes and
// the facts the tagger knows about each word.
func (t *Tagger) prepare(sc *scratch, forms func(i int) string, n int) {
	if cap(sc.info) < n+2*pad {
		sc.info = make([]tokInfo, n+2*pad)
	}
	sc.info = sc.info[:n+2*pad]
	sc.lower = sc.lower[:0]
	sc.clu = t.clusters != nil
	for i := range pad {
		sc.info[i] = padInfo(hStart)
		sc.info[n+pad+i] = padInfo(hEnd)
	}
	for i := range n {
		form := forms(i)
		in := &sc.info[pad+i]
		lo := len(sc.lower)
		var upper bool
		sc.lower, upper = appendLower(sc.lower, form)
		lw := sc.lower[lo:]
		in.lo, in.hi = lo, len(sc.lower)
		in.form = hashString(form)
		in.lower = hashBytes(lw)
		in.shape = shapeHash(form)
		for k := range in.suf {
			if k < len(lw) {
				in.suf[k] = hashBytes(lw[len(lw)-k-1:])
			} else {
				in.suf[k] = in.lower
			}
		}
		for k := range in.pre {
			if k < len(lw) {
				in.pre[k] = hashBytes(lw[:k+1])
			} else {
				in.pre[k] = in.lower
			}
		}
		in.amb, in.dict = 0, -1
		in.word = -1
		w, ok := t.words[form]
		if ok {
			in.word = w
		}
		if (!ok || t.info[w].amb == 0) && upper {
			// An unknown capitalized word is known lower-cased,
			// as a word that starts a sentence often is.
			if lowerWord, found := t.words[string(lw)]; found {
				w, ok = lowerWord, true
			}
		}
		if ok {
			in.amb = uint64(t.info[w].amb)
			in.dict = t.info[w].tag
		}
		if in.dict < 0 && t.adpIN >= 0 && newsPreposition(lw) {
			in.dict = t.adpIN
		}
		var lb lexBits
		if in.word >= 0 {
			lb = t.wordLex[in.word]
		} else {
			lb.tags, lb.common = t.lexicon.analyze(lw, &sc.lexBuf)
		}
		in.lex = uint64(lb.tags) << 1
		if upper {
			in.lex |= 1
		}
		in.lexC = uint64(lb.common)
		in.lexTags = lb.tags
		in.title = upper && titleWord(form)
		in.letters, in.alnum = hasLetter(form)
		in.cluF, in.cluC = t.clusters.class(lw)
	}
}

// titleWord reports whether w is a capital followed by one or more
// letters none of which is a capital. It does not allocate.
func titleWord(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || size == len(w) {
		return false
	}
	for _, r := range w[size:] {
		if !unicode.IsLetter(r) || unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// hasLetter reports whether s has a letter, and whether it has a letter
// or a digit.
func hasLetter(s string) (letter, alnum bool) {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true, true
		}
		if unicode.IsDigit(r) {
			alnum = true
		}
	}
	return false, alnum
}

func padInfo(h uint64) tokInfo {
	return tokInfo{form: h, lower: h, shape: h, suf: [4]uint64{h, h, h, h},
		pre: [3]uint64{h, h, h}, amb: h, lex: h, lexC: h, cluF: h, cluC: h, dict: -1, word: -1}
}

// features fills sc.keys with the feature keys of word i (0-based) given the
// classes of the two words before it, each plus one (0 before the sentence).
func (sc *scratch) features(i int, p1, p2 uint64) []uint64 {
	in := sc.info[pad+i-2 : pad+i+3]
	m2, m1, w, n1, n2 := &in[0], &in[1], &in[2], &in[3], &in[4]
	k := &sc.keys
	k[fBias] = fkey(fBias, 0, 0)
	k[fWord] = fkey(fWord, w.lower, 0)
	k[fForm] = fkey(fForm, w.form, 0)
	k[fSuf1] = fkey(fSuf1, w.suf[0], 0)
	k[fSuf2] = fkey(fSuf2, w.suf[1], 0)
	k[fSuf3] = fkey(fSuf3, w.suf[2], 0)
	k[fSuf4] = fkey(fSuf4, w.suf[3], 0)
	k[fPre1] = fkey(fPre1, w.pre[0], 0)
	k[fPre2] = fkey(fPre2, w.pre[1], 0)
	k[fPre3] = fkey(fPre3, w.pre[2], 0)
	k[fShape] = fkey(fShape, w.shape, 0)
	k[fT1] = fkey(fT1, p1, 0)
	k[fT2] = fkey(fT2, p2, 0)
	k[fT12] = fkey(fT12, p1, p2)
	k[fT1Word] = fkey(fT1Word, p1, w.lower)
	k[fWm1] = fkey(fWm1, m1.lower, 0)
	k[fWm2] = fkey(fWm2, m2.lower, 0)
	k[fWp1] = fkey(fWp1, n1.lower, 0)
	k[fWp2] = fkey(fWp2, n2.lower, 0)
	k[fWm1W] = fkey(fWm1W, m1.lower, w.lower)
	k[fWWp1] = fkey(fWWp1, w.lower, n1.lower)
	k[fSufm1] = fkey(fSufm1, m1.suf[2], 0)
	k[fSufp1] = fkey(fSufp1, n1.suf[2], 0)
	k[fAmb] = fkey(fAmb, w.amb, 0)
	k[fAmbp1] = fkey(fAmbp1, n1.amb, 0)
	k[fAmbp2] = fkey(fAmbp2, n2.amb, 0)
	k[fT1Amb] = fkey(fT1Amb, p1, w.amb)
	k[fAmbAmbp1] = fkey(fAmbAmbp1, w.amb, n1.amb)
	k[fShapem1] = fkey(fShapem1, m1.shape, 0)
	k[fShapep1] = fkey(fShapep1, n1.shape, 0)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	k[fFirstShape] = fkey(fFirstShape, first, w.shape)
	k[fT1Wp1] = fkey(fT1Wp1, p1, n1.lower)
	k[fLex] = fkey(fLex, w.lex, 0)
	k[fLexC] = fkey(fLexC, w.lexC, 0)
	k[fLexp1] = fkey(fLexp1, n1.lex, 0)
	k[fT1Lex] = fkey(fT1Lex, p1, w.lex)
	if !sc.clu {
		return k[:numFeat]
	}
	sc.clusterKeys(k[numFeat:numFeat+numClu], w, n1, p1)
	return k[:numFeat+numClu]
}

// clusterKeys fills k with the keys of the cluster templates of word w
// before word n1, after a word of class p1 (plus one).
func (sc *scratch) clusterKeys(k []uint64, w, n1 *tokInfo, p1 uint64) {
	k[fClu-numFeatAll] = fkey(fClu, w.cluF, 0)
	k[fCluC-numFeatAll] = fkey(fCluC, w.cluC, 0)
	k[fClup1-numFeatAll] = fkey(fClup1, n1.cluF, 0)
	k[fT1CluC-numFeatAll] = fkey(fT1CluC, p1, w.cluC)
}

// features2 fills sc.keys with the keys of the second pass for word i:
// those of features and the templates with the classes n1 and n2 of the
// next two words, each plus one (0 after the sentence), and whether the
// first pass found a finite verb before and after the word in its clause
// (sc.verbs).
func (sc *scratch) features2(i int, p1, p2, n1, n2 uint64) []uint64 {
	sc.features(i, p1, p2)
	w := &sc.info[pad+i]
	k := &sc.keys
	k[fN1] = fkey(fN1, n1, 0)
	k[fN2] = fkey(fN2, n2, 0)
	k[fN12] = fkey(fN12, n1, n2)
	k[fP1N1] = fkey(fP1N1, p1, n1)
	k[fN1Word] = fkey(fN1Word, n1, w.lower)
	k[fN1Amb] = fkey(fN1Amb, n1, w.amb)
	k[fN1Lex] = fkey(fN1Lex, n1, w.lex)
	v := uint64(sc.verbs[i])
	k[fAmbVerbs] = fkey(fAmbVerbs, w.amb, v)
	k[fSufVerbs] = fkey(fSufVerbs, w.suf[2], v)
	k[fLexVerbs] = fkey(fLexVerbs, w.lex, v)
	if !sc.clu {
		return k[:numFeatAll]
	}
	sc.clusterKeys(k[numFeatAll:], w, &sc.info[pad+i+1], p1)
	return k[:numFeatAll+numClu]
}

// newsPreposition reports whether lower-cased word lw is a preposition
// that news writes often and EWT has once or twice ("amid", "amidst",
// "amongst"): the tagger, knowing it from so few sentences, read "amid
// fears of violence" with "amid" as a number or an adjective. EWT has
// each only as IN; none is ever anything else.
func newsPreposition(lw []byte) bool {
	switch string(lw) {
	case "amid", "amidst", "amongst":
		return true
	}
	return false
}
