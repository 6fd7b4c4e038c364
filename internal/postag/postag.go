// Package postag tags the words of a sentence with their part of speech and
// lemma.
//
// A [Tagger] reads only the Form of each [ud.Token] and fills UPOS, XPOS
// (the Penn Treebank tag, for English) and Lemma. It is an averaged
// perceptron that tags greedily from left to right over hashed features of
// the words around each word and the two tags before it; frequent words seen
// with one tag only are tagged from a dictionary. Lemmas come from a
// (form, tag) lexicon and, for unknown words, from suffix-rewrite rules
// learned from the same treebank. [Train] builds a Tagger from UD
// treebanks; [Tagger.WriteTo] and [Read] (or [Load], from an fs.FS such as
// models.FS) store it in the format of docs/format/model.md. The package
// does no tokenization.
package postag

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"farabi/internal/lanes"
	"farabi/internal/ud"
)

// tagInfo is one class of the tagger: a UPOS and XPOS pair.
type tagInfo struct {
	upos ud.UPOS
	xpos string
	// open is set for the open classes, which unknown words may take;
	// content for nouns, verbs, adjectives, adverbs and numbers, which
	// a form without letters or digits never is.
	open, content bool
	// keepCase is set when capitalized words of the class keep their
	// case in their lemmas inside a sentence, as proper nouns do.
	keepCase bool
}

// wordInfo is what the tagger knows of a word before tagging it.
type wordInfo struct {
	amb uint32 // ambiguity class: the set of classes seen with the word
	tag int    // the class of an unambiguous frequent word, or -1
}

// rule rewrites the end of a word into its lemma: strip bytes off, then add.
type rule struct {
	strip int
	add   string
}

// maxRuleSuffix is the longest word suffix, in bytes, that keys a rule.
const maxRuleSuffix = 7

// Tagger tags sentences with UPOS, XPOS and lemmas. Build one with [Train]
// or [Read]; its zero value is not usable. A Tagger is safe for concurrent
// use.
type Tagger struct {
	tags []tagInfo

	// The weights: feature key → start<<8 | count of the feature's
	// nonzero weights in weights, each class | weight<<16. The features
	// with many weights have them in dense too (see indexDense).
	feats   *table
	weights []uint32
	dense   []uint64

	words  map[string]int32 // form → index in info
	info   []wordInfo
	lex    *table   // lexKey(word, class) → index in lemmas
	lemmas []string // the lemmas of the lexicon
	// lexList holds the entries of lex, sorted by word and class, to
	// write them out.
	lexList []lexEntry
	rules   map[string]rule // class byte + suffix of the lower-cased form → rule

	// lexicon gives the possible tags and lemmas of words the treebank
	// does not know; it may be empty. wordLex holds its analysis of each
	// word of words, tagBits the lexicon tag of each class (0 for
	// closed classes).
	lexicon *Lexicon
	// clusters are the word clusters of the cluster templates, or nil
	// (no such templates).
	clusters *Clusters
	wordLex  []lexBits
	tagBits  []uint32
	finite   [3]int // the classes of VERB with VBD, VBZ and VBP, or -1
	adjJJ    int    // the class of ADJ with JJ, or -1
	partPOS  int    // the class of PART with POS, or -1
	numCD    int    // the class of NUM with CD, or -1
	adpIN    int    // the class of ADP with IN, or -1
	sconjIN  int    // the class of SCONJ with IN, or -1
	verbVBN  int    // the class of VERB with VBN, or -1
	verbVB   int    // the class of VERB with VB, or -1
	hyph     int    // the class of PUNCT with HYPH, or -1
	nounNN   int    // the class of NOUN with NN, or -1
	nounNNS  int    // the class of NOUN with NNS, or -1
	propNNP  int    // the class of PROPN with NNP, or -1
	adjNNP   int    // the class of ADJ with NNP, or -1
	// isFinite is set for the classes of finite verbs and modals (VBD,
	// VBZ, VBP, MD).
	isFinite []bool

	// second holds the weights of the second pass (feats, weights and
	// dense only), or is nil; a word whose first-pass class won by less
	// than secondMargin is scored again by it (see secondPass).
	second       *Tagger
	secondMargin int32

	pool sync.Pool // of *scratch
}

// Lexicon returns the word lexicon the tagger was trained with (empty when
// none was given).
func (t *Tagger) Lexicon() *Lexicon { return t.lexicon }

// lexBits is the lexicon's analysis of a word: the tags it allows, and
// those from a class common for the word.
type lexBits struct{ tags, common uint32 }

// indexLexicon fills wordLex and tagBits from the lexicon.
func (t *Tagger) indexLexicon() {
	if t.lexicon == nil {
		t.lexicon = NewLexicon()
	}
	t.wordLex = make([]lexBits, len(t.words))
	var lower []byte
	buf := new(lexBuf)
	for f, i := range t.words {
		lower, _ = appendLower(lower[:0], f)
		tags, common := t.lexicon.analyze(lower, buf)
		t.wordLex[i] = lexBits{tags, common}
	}
	t.indexClasses()
}

// indexClasses finds the classes the rules after tagging name and sets
// which classes are open and which finite.
func (t *Tagger) indexClasses() {
	t.tagBits = make([]uint32, len(t.tags))
	t.isFinite = make([]bool, len(t.tags))
	t.finite = [3]int{-1, -1, -1}
	t.adjJJ, t.partPOS, t.numCD, t.adpIN, t.sconjIN, t.verbVBN, t.nounNN, t.nounNNS, t.propNNP = -1, -1, -1, -1, -1, -1, -1, -1, -1
	t.verbVB, t.hyph, t.adjNNP = -1, -1, -1
	for c, tg := range t.tags {
		t.tagBits[c] = tagOfXPOS(tg.xpos)
		switch tg.upos {
		case ud.NOUN, ud.PROPN, ud.VERB, ud.ADJ, ud.ADV, ud.NUM:
			t.tags[c].open, t.tags[c].content = true, true
		case ud.INTJ, ud.X, ud.SYM:
			t.tags[c].open = true
		}
		switch tg.xpos {
		case "VBD", "VBZ", "VBP", "MD":
			t.isFinite[c] = true
		}
		if tg.upos == ud.ADJ && tg.xpos == "JJ" {
			t.adjJJ = c
		}
		if tg.upos == ud.PART && tg.xpos == "POS" {
			t.partPOS = c
		}
		if tg.upos == ud.NUM && tg.xpos == "CD" {
			t.numCD = c
		}
		if tg.xpos == "IN" && tg.upos == ud.ADP {
			t.adpIN = c
		}
		if tg.xpos == "IN" && tg.upos == ud.SCONJ {
			t.sconjIN = c
		}
		if tg.xpos == "HYPH" && tg.upos == ud.PUNCT {
			t.hyph = c
		}
		if tg.xpos == "NN" && tg.upos == ud.NOUN {
			t.nounNN = c
		}
		if tg.xpos == "NNS" && tg.upos == ud.NOUN {
			t.nounNNS = c
		}
		if tg.xpos == "NNP" && tg.upos == ud.PROPN {
			t.propNNP = c
		}
		if tg.xpos == "NNP" && tg.upos == ud.ADJ {
			t.adjNNP = c
		}
		if tg.upos == ud.VERB {
			switch tg.xpos {
			case "VBD":
				t.finite[0] = c
			case "VBZ":
				t.finite[1] = c
			case "VBP":
				t.finite[2] = c
			case "VBN":
				t.verbVBN = c
			case "VB":
				t.verbVB = c
			}
		}
	}
}

// lexEntry is one entry of the lemma lexicon.
type lexEntry struct {
	word  int32
	class uint8
	lemma uint32
}

// lexKey returns the key in Tagger.lex of a word and class.
func lexKey(word int32, class int) uint64 { return fkey(1<<20, uint64(word), uint64(class)) }

func (t *Tagger) getScratch() *scratch {
	if sc, ok := t.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{scores: make([]int32, len(t.tags))}
}

// Tag fills the UPOS, XPOS and Lemma of every token of s from the tokens'
// forms. It allocates only for the lemmas of unknown words that it rewrites.
func (t *Tagger) Tag(s *ud.Sentence) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	sc := t.getScratch()
	forms := func(i int) string { return joiningDash(s, i, plainApostrophe(s.Tokens[i].Form)) }
	if titleCase(s) {
		// A headline in title case ("Japan Planning To Help Mongolia
		// Protect Its Northern Border") capitalizes words that are no names:
		// the tagger reads them as a sentence would write them.
		sc.cased = sc.cased[:0]
		for i := range s.Tokens {
			sc.cased = append(sc.cased, t.headlineForm(sc, joiningDash(s, i, plainApostrophe(s.Tokens[i].Form))))
		}
		forms = func(i int) string { return sc.cased[i] }
	}
	t.prepare(sc, forms, n)
	t.joiningHyphens(sc, s)
	t.titleGeneral(sc, s)
	t.alongsidePrep(sc, s)
	t.borderCrossing(sc, s)
	t.possessiveWill(sc, s)
	sc.grow(n)
	t.tagFrom(sc, 0, n)
	t.secondPass(sc, n)
	t.participleFirst(sc, s)
	t.attributive(sc, s)
	t.directAdjective(sc, s)
	t.nounPhrases(sc, s)
	t.finiteSense(sc, s)
	t.pluralBeforePast(sc, s)
	t.romanNumerals(sc, s)
	t.clauseConjunctions(sc, s)
	t.seriesMiddle(sc, s)
	t.appositionParticiple(sc, s)
	for i := range s.Tokens {
		c := sc.class[i]
		tok := &s.Tokens[i]
		tok.UPOS = t.tags[c].upos
		tok.XPOS = t.tags[c].xpos
		tok.Lemma = t.lemma(sc, i, tok.Form, c)
	}
	t.pool.Put(sc)
}

// titleCase reports whether s is written in title case, as headlines
// are: four or more words after the first start with a letter, and all
// but one in six of them with a capital, small words ("To", "In", "With")
// too.
func titleCase(s *ud.Sentence) bool {
	words, upper, small := 0, 0, 0
	for i, tok := range s.Tokens {
		r, _ := utf8.DecodeRuneInString(tok.Form)
		if i == 0 || !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			upper++
			if isHeadlineSmall(tok.Form) {
				small++
			}
		}
	}
	return words >= 4 && upper*6 >= words*5 && (small > 0 || upper == words)
}

// headlineSmall are words that only title case capitalizes.
var headlineSmall = map[string]bool{"to": true, "in": true, "of": true, "for": true, "with": true, "on": true,
	"at": true, "by": true, "from": true, "and": true, "the": true, "a": true, "an": true, "over": true,
	"after": true, "as": true, "amid": true, "into": true, "is": true, "are": true, "will": true, "be": true,
	"its": true, "their": true, "his": true, "her": true, "not": true, "but": true, "or": true}

// isHeadlineSmall reports whether w lower-cased is in headlineSmall,
// lower-casing a short ASCII word on the stack (titleCase asks it of
// every capitalized word).
func isHeadlineSmall(w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return headlineSmall[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return headlineSmall[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return headlineSmall[string(buf[:len(w)])]
}

// headlineForm is how a sentence would write word i of a title-case
// headline: lower-cased where the tagger knows the lower-cased word and
// not the capitalized one as a name.
func (t *Tagger) headlineForm(sc *scratch, form string) string {
	r, _ := utf8.DecodeRuneInString(form)
	if !unicode.IsUpper(r) || isAllCaps(form) {
		return form
	}
	lower := strings.ToLower(form)
	if w, ok := t.words[form]; ok && t.info[w].tag >= 0 && t.tags[t.info[w].tag].upos == ud.PROPN {
		return form // a name the treebank always tags as one: "China"
	}
	if _, ok := t.words[lower]; ok || headlineSmall[lower] {
		return lower
	}
	if tags, _ := t.lexicon.analyze([]byte(lower), &sc.lexBuf); tags != 0 && tags&tgNNP == 0 {
		return lower // a common word of the lexicon, and no name in it
	}
	return form
}

// isAllCaps reports whether w has two or more letters, all capitals:
// "UN", "NATO".
func isAllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// tagFrom tags words from..n-1 greedily, given the classes of the words
// before from, recording each word's class in sc.
func (t *Tagger) tagFrom(sc *scratch, from, n int) {
	p1, p2 := sc.prev(from)
	for i := from; i < n; i++ {
		in := &sc.info[pad+i]
		c, m := in.dict, int32(math.MaxInt32)
		if c < 0 {
			t.score(sc.features(i, p1, p2), sc.scores)
			c, m = t.bestAllowedMargin(sc.scores, in)
			if t.onlyName(in) && t.tags[c].upos != ud.PROPN {
				c, m = t.propNNP, math.MaxInt32
			} else if t.onlyAdjective(sc, in) && t.tags[c].upos == ud.NOUN {
				c, m = t.adjJJ, math.MaxInt32
			}
		}
		sc.class[i] = c
		sc.margin[i] = m
		p2, p1 = p1, uint64(c)+1
	}
}

// onlyName reports whether a word is a capitalized word (no acronym:
// EWT has "MPs" and "PX" as common nouns) the treebank
// never saw that the lexicon knows only as a name ("Tajikistan",
// "Madagascar", "Suriname"). Such a word is a proper noun wherever it
// stands, but the scores for an unknown capitalized word at the start of
// a sentence follow the words after it: before "cut diplomatic ties" they
// made "Tajikistan" an adjective and "cut" a second one, and the sentence
// lost its verb (docs/tagger.md, "Names the lexicon knows").
func (t *Tagger) onlyName(in *tokInfo) bool {
	return t.propNNP >= 0 && in.amb == 0 && in.title && in.lexTags == tgNNP
}

// onlyAdjective reports whether a word is a small-letter word the
// treebank never saw that the lexicon knows only as an adjective
// ("baseless", "unhelpful"). Such a word is no noun, but after a name
// ("claims over the South China Sea baseless") the scores of an unknown
// word followed the noun phrase it closes.
func (t *Tagger) onlyAdjective(sc *scratch, in *tokInfo) bool {
	if t.adjJJ < 0 || in.amb != 0 || in.lex&1 != 0 || in.lexTags != tgJJ || in.hi == in.lo {
		return false
	}
	c := sc.lower[in.lo] // a word, not an ordinal ("29th")
	return 'a' <= c && c <= 'z'
}

// secondPass scores again, from left to right, each of the n words whose
// first-pass class won by less than t.secondMargin, with the second
// model, which sees the first pass's classes of the next two words and
// its verbs and nouns around the word (verbContext) as well. It never
// moves a word into or out of the proper nouns.
func (t *Tagger) secondPass(sc *scratch, n int) {
	if t.second == nil {
		return
	}
	t.verbContext(sc.class, sc.verbs)
	for i := range n {
		if sc.margin[i] >= t.secondMargin {
			continue
		}
		p1, p2 := sc.prev(i)
		n1, n2 := sc.next(i)
		t.second.score(sc.features2(i, p1, p2, n1, n2), sc.scores)
		c := t.bestAllowed(sc.scores, &sc.info[pad+i])
		if (t.tags[c].upos == ud.PROPN) != (t.tags[sc.class[i]].upos == ud.PROPN) {
			// Names are the first pass's to decide: in news the
			// classes around a capitalized word are names more
			// often than in EWT, and the second pass's choices
			// between proper nouns and common nouns or adjectives
			// cost news-dev events (docs/tagger.md).
			continue
		}
		sc.class[i] = c
	}
}

// score sums the weights of each class for the feature keys into scores,
// which has one element a class.
func (t *Tagger) score(keys []uint64, scores []int32) {
	clear(scores)
	// Find every feature before reading any weights: the probes of the
	// table do not depend on each other, so their cache misses overlap
	// (as in the parser's table), and the weights of the features found
	// are touched the same way before they are summed.
	var found [numFeatAll + numClu]uint32
	var rows [numFeatAll + numClu]uint32
	var touched uint32
	n, nr := 0, 0
	words := uint32(denseWords(len(t.tags)))
	for _, k := range keys {
		s := t.feats.find(k)
		if s == nil || s.val&0xff == 0 {
			continue
		}
		if s.aux != 0 {
			row := (s.aux - 1) * words
			rows[nr] = row
			nr++
			touched += uint32(t.dense[row])
			continue
		}
		v := s.val
		found[n] = v
		n++
		touched += t.weights[v>>8]
	}
	keep(touched)
	for _, v := range found[:n] {
		start := v >> 8
		for _, e := range t.weights[start : start+v&0xff] {
			scores[e&0xff] += int32(e) >> 16
		}
	}
	if nr > 0 {
		lanes.AddRows(scores, t.dense, rows[:nr], int(words))
	}
}

// Features with at least denseMin weights keep them in a dense row too,
// four classes to a uint64 as package lanes packs them: summing a dense row
// costs fewer instructions than a list of that many (class, weight) pairs,
// and the sums are the same.
const denseMin = 32

// denseWords is the number of uint64 words of a dense row of nclass
// classes.
func denseWords(nclass int) int { return (nclass + 3) / 4 }

// indexDense fills dense from weights and points the slots of the
// features with at least denseMin weights at their rows.
func (t *Tagger) indexDense() {
	words := denseWords(len(t.tags))
	t.dense = nil
	for i := range t.feats.slots {
		s := &t.feats.slots[i]
		s.aux = 0
		if s.key == 0 || s.val&0xff < denseMin {
			continue
		}
		start := s.val >> 8
		ws := t.weights[start : start+s.val&0xff]
		var seen [4]uint64
		twice := false
		for _, e := range ws {
			c := e & 0xff
			twice = twice || seen[c/64]&(1<<(c%64)) != 0
			seen[c/64] |= 1 << (c % 64)
		}
		if twice {
			continue // a class twice (no model we write has it): sparse only
		}
		row := len(t.dense)
		for range words {
			t.dense = append(t.dense, lanes.Zero)
		}
		for _, e := range ws {
			lanes.Set(t.dense[row:row+words], int(e&0xff), int16(e>>16))
		}
		s.aux = uint32(row/words) + 1
	}
}

// keep uses v so that the compiler keeps the loads that computed it.
//
//go:noinline
func keep(v uint32) {}

// bestAllowed returns the class with the highest score among those a word
// may take: a word with letters that the tagger has never seen takes an
// open class only (noun, proper noun, verb, adjective, adverb, number,
// interjection, foreign word, symbol), as the closed classes (determiners,
// pronouns, prepositions, punctuation, …) are all in the training data;
// a form with neither letters nor digits is never a noun, verb, adjective,
// adverb or number (in EWT, 13 of 24,500 such words are nouns).
func (t *Tagger) bestAllowed(scores []int32, in *tokInfo) int {
	c, _ := t.bestAllowedMargin(scores, in)
	return c
}

// verbContext describes the clause of each word by the classes of the
// words around it: bit 0 of verbs[i] is set when a word before word i and
// bit 1 when a word after it, with no punctuation mark between them, is a
// finite verb or a modal (VBD, VBZ, VBP, MD); bit 2 when another word of
// the sentence is one; bit 3 when a noun, proper noun or pronoun comes
// before word i in its clause after the last such verb.
func (t *Tagger) verbContext(class []int, verbs []uint8) {
	seen, subj := uint8(0), uint8(0)
	for i, c := range class {
		verbs[i] = seen | subj
		switch u := t.tags[c].upos; {
		case u == ud.PUNCT:
			seen, subj = 0, 0
		case t.isFinite[c]:
			seen, subj = 1, 0
		case u == ud.NOUN || u == ud.PROPN || u == ud.PRON:
			subj = 8
		}
	}
	seen = 0
	finites := 0
	for i := len(class) - 1; i >= 0; i-- {
		c := class[i]
		verbs[i] |= seen
		switch {
		case t.tags[c].upos == ud.PUNCT:
			seen = 0
		case t.isFinite[c]:
			seen = 2
			finites++
		}
	}
	for i, c := range class {
		if finites > 1 || finites == 1 && !t.isFinite[c] {
			verbs[i] |= 4
		}
	}
}

// bestAllowedMargin is bestAllowed that also returns by how much the
// best class beat the next allowed one.
func (t *Tagger) bestAllowedMargin(scores []int32, in *tokInfo) (int, int32) {
	if in.alnum && (in.amb != 0 || !in.letters) {
		return bestMargin(scores) // every class allowed
	}
	best, second := -1, int32(math.MinInt32)
	for c, x := range scores {
		if in.amb == 0 && in.letters && !t.tags[c].open || !in.alnum && t.tags[c].content {
			continue
		}
		if best < 0 || x > scores[best] {
			if best >= 0 {
				second = scores[best]
			}
			best = c
		} else if x > second {
			second = x
		}
	}
	if best < 0 {
		return 0, math.MaxInt32
	}
	if second == math.MinInt32 {
		return best, math.MaxInt32
	}
	return best, scores[best] - second
}

// bestMargin is bestAllowedMargin for a word that may take every class.
func bestMargin(scores []int32) (int, int32) {
	if len(scores) == 0 {
		return 0, math.MaxInt32
	}
	best, second := 0, int32(math.MinInt32)
	for c, x := range scores[1:] {
		if x > scores[best] {
			second = scores[best]
			best = c + 1
		} else if x > second {
			second = x
		}
	}
	if second == math.MinInt32 {
		return best, math.MaxInt32
	}
	return best, scores[best] - second
}

// lemma returns the lemma of word i with the given form and class.
func (t *Tagger) lemma(sc *scratch, i int, form string, c int) string {
	in := &sc.info[pad+i]
	if in.word >= 0 {
		if l, ok := t.lex.get(lexKey(in.word, c)); ok {
			return t.lemmas[l]
		}
	}
	lw := sc.lower[in.lo:in.hi]
	upper := string(lw) != form
	keep := t.tags[c].keepCase && (i > 0 || t.tags[c].upos == ud.PROPN)
	if upper && !keep {
		if w, ok := t.words[string(lw)]; ok {
			if l, ok := t.lex.get(lexKey(w, c)); ok {
				return t.lemmas[l]
			}
		}
	}
	if tb := t.tagBits[c]; tb != 0 && (!upper || !keep) {
		low := ""
		if !upper {
			low = form
		}
		if l, ok := t.lexicon.lemma(lw, tb, low, &sc.lexBuf); ok {
			if upper && i > 0 && l == string(lw) && t.tags[c].upos == ud.ADJ {
				// A capitalized adjective inside a sentence keeps
				// its case, as EWT's "Russian" does.
				return form
			}
			return l
		}
	}
	var buf [maxRuleSuffix + 1]byte
	r := rule{}
	for l := min(len(lw), maxRuleSuffix); l >= 0; l-- {
		key := append(append(buf[:0], byte(c)), lw[len(lw)-l:]...)
		if rr, ok := t.rules[string(key)]; ok {
			r = rr
			break
		}
	}
	// Words of classes that keep their case keep it, except at the start
	// of a sentence where only proper nouns do; other words are
	// lemmatized lower-cased.
	base := form
	if upper && !keep {
		base = string(lw)
	}
	if r.strip > len(base) || (r.strip == 0 && r.add == "") {
		return base
	}
	return base[:len(base)-r.strip] + r.add
}

// Accuracy is how well a tagger agrees with a gold treebank.
type Accuracy struct {
	Tokens int     // the number of words scored
	UPOS   float64 // the share of words with the gold UPOS
	XPOS   float64 // the share of words with the gold XPOS
	Lemma  float64 // the share of words with the gold lemma
	All    float64 // the share of words with all three right
}

// Evaluate tags a copy of each gold sentence and scores it against the gold
// tags and lemmas.
func (t *Tagger) Evaluate(gold []*ud.Sentence) Accuracy {
	var a Accuracy
	var nu, nx, nl, na int
	var toks []ud.Token
	for _, g := range gold {
		toks = append(toks[:0], g.Tokens...)
		s := ud.Sentence{Tokens: toks}
		t.Tag(&s)
		for i, tok := range s.Tokens {
			w := &g.Tokens[i]
			u, x, l := tok.UPOS == w.UPOS, tok.XPOS == w.XPOS, tok.Lemma == w.Lemma
			nu, nx, nl = nu+b2i(u), nx+b2i(x), nl+b2i(l)
			na += b2i(u && x && l)
		}
		a.Tokens += len(s.Tokens)
	}
	if a.Tokens > 0 {
		n := float64(a.Tokens)
		a.UPOS, a.XPOS, a.Lemma, a.All = float64(nu)/n, float64(nx)/n, float64(nl)/n, float64(na)/n
	}
	return a
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
