// Package depparse is farabi's labelled dependency parser: it fills the Head
// and Rel fields of a tagged [ud.Sentence] (Form, Lemma, UPOS and XPOS set
// by the tagger).
//
// A [Parser] builds the tree greedily with the arc-eager transition system,
// scored by an averaged perceptron over hashed features of the stack and
// buffer, then labels each arc top-down with a second perceptron that sees
// the whole tree. Training ([Train]) uses a dynamic oracle with exploration.
// The result is always a well-formed tree with one root, whatever the input.
// A Parser is read-only once built and safe for concurrent use. Relations are
// full UD relations with subtypes ("nmod:poss"). The model file format is
// described in docs/format/model.md.
package depparse

import (
	"sync"

	"farabi/internal/ud"
)

// Parser is a trained dependency parser. Build one with [Train] or [Read].
// Its methods are safe for concurrent use.
type Parser struct {
	labels []string // relation names, sorted; labels[root] is "root"
	root   int      // index of "root" in labels
	trans  *table   // transition classifier, numTrans classes
	label  *table   // final relations on the finished tree, len(labels) classes

	scorers sync.Pool // of *transScorer
}

// Labels returns the relations the parser can assign, in model order. The
// caller must not modify the returned slice.
func (p *Parser) Labels() []string { return p.labels }

// Parse fills Head and Rel of every token of s. Heads are 1-based, 0 for the
// root; exactly one token gets head 0 and relation "root". Other fields are
// only read. Parse takes linear time in the length of s.
func (p *Parser) Parse(s *ud.Sentence) {
	if k := frontedAttribution(s); k > 0 {
		p.parseAttributed(s, k)
		return
	}
	p.parse(s)
}

// parse is Parse for one clause.
func (p *Parser) parse(s *ud.Sentence) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	sent := newSentence(s)
	st := newState(n + 1)
	var feats []uint64
	var ts *transScorer
	if p.trans.compact != nil {
		ts = p.newTransScorer(sent, st.n)
		defer p.putTransScorer(ts)
	} else {
		feats = make([]uint64, 0, 128)
	}
	var scores [numTrans]int32
	noRoot := notRoot(s)
	for !st.terminal() {
		if ts != nil {
			ts.score(st, &scores)
		} else {
			feats = transFeatures(feats[:0], sent, st)
			p.trans.score(feats, scores[:])
		}
		best, bestScore := -1, int32(0)
		for t := range numTrans {
			if !st.valid(t) || t == right && noRoot != nil && noRoot[st.b] && st.stack[len(st.stack)-1] == 0 {
				continue
			}
			if best < 0 || scores[t] > bestScore {
				best, bestScore = t, scores[t]
			}
		}
		st.apply(best)
	}
	st.finish()
	heads := st.head
	rels := make([]int, len(heads))
	labelTree(p.label, p.labels, p.root, sent, heads, rels, nil)
	for i := range s.Tokens {
		s.Tokens[i].Head = int(heads[i+1])
		s.Tokens[i].Rel = p.labels[rels[i+1]]
	}
	reportTailRoot(s)
	rightConjuncts(s)
	subordinateSubject(s)
	asWellAsVerb(s)
	infinitiveSubject(s)
	adjectiveObject(s)
	sameCaseConjuncts(s)
	advclConjuncts(s)
	nameLists(s)
	peopleFromPhrase(s)
	appositionSubject(s)
	attachSubjects(s)
	subjectOnAdverb(s)
	objectOfSubject(s)
	promoteDiscourse(s)
	sconjCase(s)
	durationClause(s)
	promoteMainClause(s)
	frontedParticipleSubject(s)
	gerundSubject(s)
	promoteReducedRelative(s)
	promoteAfterParticiple(s)
	subjectOfReported(s)
	reportedPairSubject(s)
	whoseRelative(s)
	scheduledAct(s)
	repairSubjects(s)
	activePast(s)
	reciprocalObject(s)
	participleAdjective(s)
	hyphenedNames(s)
	hyphenedChains(s)
	hyphenedParticiples(s)
	promoteVerbOfNounRoot(s)
	twoSubjects(s)
	listedObjectModifiers(s)
	reducedAdverbial(s)
	titlePhrases(s)
	titleBeforeName(s)
	contactRelatives(s)
	subjectlessRelative(s)
	duePredicate(s)
	subjectBeforeParenthetical(s)
	accusedGerund(s)
	numeralSubjects(s)
	timeConjuncts(s)
	appealConjuncts(s)
	atRequest(s)
	saidAnd(s)
	callOnInfinitive(s)
	saidAndCensured(s)
	objectRelative(s)
	toldClause(s)
	openingSubject(s)
	objectConjunct(s)
	verbSeries(s)
	namingComplement(s)
	passiveNounRoot(s)
	strayPossessor(s)
	contactRelative(s)
	twoObjects(s)
	channelPhrases(s)
	nounAgents(s)
	quotedModifiers(s)
	invertedSpeaker(s)
	passiveSubjects(s)
	expletiveSubject(s)
	apposedSubject(s)
}

// scorer sums the class weights of features: a frozen [table] or a
// [perceptron] in training.
type scorer interface {
	score(feats []uint64, out []int32)
}

// labelTree assigns a relation to every word 1..n of a tree given by heads
// (heads[0] is -1), top-down so that a head's relation and the relation of
// the previous sibling are known as features. When learn is non-nil it is
// called for every word with the features and the predicted relation, and
// returns the relation to keep.
func labelTree(sc scorer, labels []string, root int, sent *sentence, heads []int32, rels []int, learn func(d int, feats []uint64, pred int) int) {
	tree := newTree(heads)
	// Room for table.score's padding; only the first len(labels) count.
	scores := make([]int32, (len(labels)+3)/4*4)
	feats := make([]uint64, 0, 64) // labelFeatures gives about 40
	// Breadth-first from the root, children of each head in linear order.
	queue := make([]int32, 0, len(heads))
	queue = append(queue, 0)
	for qi := 0; qi < len(queue); qi++ {
		h := queue[qi]
		prev := int32(-1)
		for _, d := range tree.children(h) {
			if h == 0 {
				rels[d] = root
			} else {
				feats = labelFeatures(feats[:0], sent, tree, rels, int(d), int(prev))
				sc.score(feats, scores)
				best := -1
				for l, sc := range scores[:len(labels)] {
					if l == root {
						continue
					}
					if best < 0 || sc > scores[best] {
						best = l
					}
				}
				if learn != nil {
					best = learn(int(d), feats, best)
				}
				rels[d] = best
			}
			prev = d
			queue = append(queue, d)
		}
	}
}
