package postag

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand"
	"slices"
	"strings"
	"time"

	"farabi/internal/ud"
)

// TrainOptions are the settings of [Train]. The zero value trains with seed
// 0 for [DefaultEpochs] epochs and logs nothing.
type TrainOptions struct {
	Seed   int64     // seeds the order of the training sentences
	Epochs int       // passes over the training data; 0 means DefaultEpochs
	Log    io.Writer // progress, one line an epoch; nil for none
	// Lexicon gives the possible tags and lemmas of words the treebank
	// lacks (models/lexicon.txt); nil for none. The tagger keeps it.
	Lexicon *Lexicon
	// Clusters are word clusters whose classes are features; nil for
	// none. The tagger keeps them.
	Clusters *Clusters
	// SecondPass trains a second model too (see [Tagger.secondPass]),
	// on the output of first-pass models trained on SecondParts-1 of
	// SecondParts parts of the training data and run on the part left.
	SecondPass  bool
	SecondParts int // 0 means 5
	// SecondMargin is the first-pass margin under which the second
	// pass scores a word again; 0 means every word not tagged from the
	// dictionary.
	SecondMargin int32
	// SecondEpochs is the number of epochs of the second pass; 0 means
	// Epochs. Without dev the last epoch is kept, so a model trained on
	// train and dev together takes the best epoch found on dev before.
	SecondEpochs int
}

// DefaultEpochs is the number of training epochs when TrainOptions.Epochs is 0.
const DefaultEpochs = 12

// Settings of training, found on the EWT dev set.
const (
	minTagCount   = 2     // a UPOS-XPOS pair seen fewer times is not a class
	ambMinCount   = 1     // a word seen fewer times has no ambiguity class
	ambMinShare   = 0.001 // a class of a word rarer than this is left out of its ambiguity class
	dictMinCount  = 20    // a word seen fewer times is never tagged from the dictionary
	dictMinShare  = 0.995
	minFeatCount  = 2 // a feature seen fewer times in training gets no weights
	minWeight     = 6 // quantized weights smaller in magnitude are dropped
	weightScale   = 30000.0
	maxTagClasses = 255
	folds         = 10 // parts of the training data for the jackknifed word dictionary
)

// ErrNoData is returned by Train when the training treebank has no words.
var ErrNoData = errors.New("postag: no training words")

// Train trains a tagger on the train sentences, which must have UPOS, XPOS
// and Lemma filled. After each epoch it scores the averaged model on dev,
// when dev is not empty, and returns the model of the epoch with the best
// sum of UPOS and XPOS accuracy (the last epoch without dev). The result
// depends only on the data and opt.Seed, never on timing or map order.
func Train(train, dev []*ud.Sentence, opt TrainOptions) (*Tagger, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = DefaultEpochs
	}
	log := opt.Log
	if log == nil {
		log = io.Discard
	}
	start := time.Now()
	t, gold, ambIDs, err := newTaggerFromData(train)
	if err != nil {
		return nil, err
	}
	t.lexicon = opt.Lexicon
	t.clusters = opt.Clusters
	t.indexLexicon()
	foldWords := jackknife(t, train, gold, folds, ambIDs)
	// tt is t with the word dictionary of the fold being trained on.
	tt := &Tagger{tags: t.tags, words: t.words, lexicon: t.lexicon, clusters: t.clusters, wordLex: t.wordLex, tagBits: t.tagBits}
	fmt.Fprintf(log, "postag: %d sentences, %d classes, %d words, %d lemmas, %d rules\n",
		len(train), len(t.tags), len(t.words), t.lex.n, len(t.rules))

	p := newPerceptron(len(t.tags))
	sc := &scratch{scores: make([]int32, len(t.tags))}
	// Count features over the gold tags, so that rare ones get no weights.
	for si, s := range train {
		tt.info = foldWords[si%folds]
		tt.prepare(sc, func(i int) string { return s.Tokens[i].Form }, len(s.Tokens))
		var p1, p2 uint64
		for i := range s.Tokens {
			if sc.info[pad+i].dict < 0 {
				for _, k := range sc.features(i, p1, p2) {
					v, _ := p.counts.get(k)
					p.counts.put(k, v+1)
				}
			}
			p2, p1 = p1, uint64(gold[si][i])+1
		}
	}
	fmt.Fprintf(log, "postag: %d distinct features (%.1fs)\n", p.counts.n, time.Since(start).Seconds())

	rng := rand.New(rand.NewSource(opt.Seed))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	var best *Tagger
	bestAcc := -1.0
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, si := range order {
			s := train[si]
			tt.info = foldWords[si%folds]
			tt.prepare(sc, func(i int) string { return s.Tokens[i].Form }, len(s.Tokens))
			var p1, p2 uint64
			for i := range s.Tokens {
				c := sc.info[pad+i].dict
				if c < 0 {
					c = p.learn(sc.features(i, p1, p2), gold[si][i])
				}
				right += b2i(c == gold[si][i])
				total++
				p2, p1 = p1, uint64(c)+1
			}
		}
		m := p.model(t)
		line := fmt.Sprintf("postag: epoch %d: train %.2f%% (%d rows, %d weights)", epoch,
			100*float64(right)/float64(total), p.rows.n, len(m.weights))
		if len(dev) > 0 {
			a := m.Evaluate(dev)
			line += fmt.Sprintf(", dev UPOS %.2f%% XPOS %.2f%% lemma %.2f%%", 100*a.UPOS, 100*a.XPOS, 100*a.Lemma)
			if a.UPOS+a.XPOS > bestAcc {
				best, bestAcc = m, a.UPOS+a.XPOS
			}
		} else {
			best = m
		}
		fmt.Fprintf(log, "%s (%.1fs)\n", line, time.Since(start).Seconds())
	}
	if opt.SecondPass {
		if err := trainSecond(best, tt, train, dev, gold, foldWords, opt, log, start); err != nil {
			return nil, err
		}
	}
	return best, nil
}

// trainSecond trains the second pass of t on the classes that first-pass
// models give the training sentences they did not see.
func trainSecond(t, tt *Tagger, train, dev []*ud.Sentence, gold [][]int, foldWords [][]wordInfo,
	opt TrainOptions, log io.Writer, start time.Time) error {
	if opt.SecondParts == 1 || len(train) < 2 {
		return nil // too little data to hold a part out
	}
	first, err := firstPassOutput(t, train, dev, opt, log, start)
	if err != nil {
		return err
	}
	trainSecondFrom(t, tt, train, dev, gold, foldWords, first, opt, log, start)
	return nil
}

// firstOut is what the first pass gives the words of a sentence.
type firstOut struct {
	class  []int
	margin []int32
}

// firstPassOutput returns the classes and margins that first-pass models
// trained on all but one of opt.SecondParts parts of train give the
// sentences of the part left out.
func firstPassOutput(t *Tagger, train, dev []*ud.Sentence, opt TrainOptions, log io.Writer, start time.Time) ([]firstOut, error) {
	parts := opt.SecondParts
	if parts <= 0 {
		parts = 5
	}
	parts = min(parts, len(train))
	type pair struct {
		upos ud.UPOS
		xpos string
	}
	classOf := map[pair]int{}
	for c, tg := range t.tags {
		classOf[pair{tg.upos, tg.xpos}] = c
	}
	first := make([]firstOut, len(train))
	for part := range parts {
		var sub []*ud.Sentence
		for si, s := range train {
			if si%parts != part {
				sub = append(sub, s)
			}
		}
		m, err := Train(sub, dev, TrainOptions{Seed: opt.Seed, Epochs: opt.Epochs, Lexicon: opt.Lexicon, Clusters: opt.Clusters})
		if err != nil {
			return nil, err
		}
		msc := &scratch{scores: make([]int32, len(m.tags))}
		for si, s := range train {
			if si%parts != part {
				continue
			}
			n := len(s.Tokens)
			m.prepare(msc, func(i int) string { return s.Tokens[i].Form }, n)
			msc.grow(n)
			m.tagFrom(msc, 0, n)
			out := firstOut{make([]int, n), slices.Clone(msc.margin)}
			for i, c := range msc.class {
				out.class[i] = classOf[pair{m.tags[c].upos, m.tags[c].xpos}]
			}
			first[si] = out
		}
		fmt.Fprintf(log, "postag: second pass: first-pass part %d of %d (%.1fs)\n", part+1, parts, time.Since(start).Seconds())
	}
	return first, nil
}

// trainSecondFrom trains the second pass of t on the words of train not
// tagged from the dictionary, given the first pass's output on them, and
// keeps the epoch best on dev with the second pass scoring the words
// whose first-pass margin is under opt.SecondMargin.
func trainSecondFrom(t, tt *Tagger, train, dev []*ud.Sentence, gold [][]int, foldWords [][]wordInfo,
	first []firstOut, opt TrainOptions, log io.Writer, start time.Time) {
	margin := opt.SecondMargin
	if margin <= 0 {
		margin = math.MaxInt32
	}
	sc := &scratch{scores: make([]int32, len(t.tags))}
	last := -1
	keysOf := func(si, i int) []uint64 {
		if si != last {
			last = si
			sc.class = first[si].class
			sc.verbs = slices.Grow(sc.verbs[:0], len(sc.class))[:len(sc.class)]
			t.verbContext(sc.class, sc.verbs)
		}
		p1, p2 := sc.prev(i)
		n1, n2 := sc.next(i)
		return sc.features2(i, p1, p2, n1, n2)
	}
	p := newPerceptron(len(t.tags))
	for si, s := range train {
		tt.info = foldWords[si%folds]
		tt.prepare(sc, func(i int) string { return s.Tokens[i].Form }, len(s.Tokens))
		for i := range s.Tokens {
			if sc.info[pad+i].dict < 0 {
				for _, k := range keysOf(si, i) {
					v, _ := p.counts.get(k)
					p.counts.put(k, v+1)
				}
			}
		}
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	t.secondMargin = margin
	var best *Tagger
	bestAcc := -1.0
	epochs := opt.Epochs
	if opt.SecondEpochs > 0 {
		epochs = opt.SecondEpochs
	}
	for epoch := 1; epoch <= epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := train[si]
			tt.info = foldWords[si%folds]
			tt.prepare(sc, func(i int) string { return s.Tokens[i].Form }, len(s.Tokens))
			for i := range s.Tokens {
				if sc.info[pad+i].dict < 0 {
					p.learn(keysOf(si, i), gold[si][i])
				}
			}
		}
		m := p.model(t)
		t.second = &Tagger{tags: t.tags, feats: m.feats, weights: m.weights, dense: m.dense}
		line := fmt.Sprintf("postag: second pass epoch %d: %d weights", epoch, len(m.weights))
		if len(dev) > 0 {
			a := t.Evaluate(dev)
			line += fmt.Sprintf(", dev UPOS %.2f%% XPOS %.2f%% lemma %.2f%%", 100*a.UPOS, 100*a.XPOS, 100*a.Lemma)
			if a.UPOS+a.XPOS > bestAcc {
				best, bestAcc = t.second, a.UPOS+a.XPOS
			}
		} else {
			best = t.second
		}
		fmt.Fprintf(log, "%s (%.1fs)\n", line, time.Since(start).Seconds())
	}
	t.second = best
}

// newTaggerFromData builds a Tagger without weights from the training
// sentences: its classes, word dictionary, lemma lexicon and lemma rules. It
// returns the gold class of every training word too.
func newTaggerFromData(train []*ud.Sentence) (*Tagger, [][]int, map[string]uint32, error) {
	pairs := map[tagInfo]int{}
	for _, s := range train {
		for _, tok := range s.Tokens {
			pairs[tagInfo{upos: tok.UPOS, xpos: tok.XPOS}]++
		}
	}
	if len(pairs) == 0 {
		return nil, nil, nil, ErrNoData
	}
	var tags []tagInfo
	for ti, n := range pairs {
		if n >= minTagCount {
			tags = append(tags, ti)
		}
	}
	if len(tags) == 0 {
		for ti := range pairs {
			tags = append(tags, ti)
		}
	}
	slices.SortFunc(tags, func(a, b tagInfo) int {
		if c := cmp.Compare(pairs[b], pairs[a]); c != 0 {
			return c
		}
		if c := cmp.Compare(a.upos, b.upos); c != 0 {
			return c
		}
		return strings.Compare(a.xpos, b.xpos)
	})
	if len(tags) > maxTagClasses {
		tags = tags[:maxTagClasses]
	}
	class := map[tagInfo]int{}
	byUPOS := map[ud.UPOS]int{}
	byXPOS := map[string]int{}
	for c := len(tags) - 1; c >= 0; c-- { // so the most frequent wins
		class[tags[c]] = c
		byUPOS[tags[c].upos] = c
		byXPOS[tags[c].xpos] = c
	}
	classOf := func(tok *ud.Token) int {
		if c, ok := class[tagInfo{upos: tok.UPOS, xpos: tok.XPOS}]; ok {
			return c
		}
		if c, ok := byXPOS[tok.XPOS]; ok {
			return c
		}
		if c, ok := byUPOS[tok.UPOS]; ok {
			return c
		}
		return 0
	}

	// A class keeps case when most of its rare capitalized words inside a
	// sentence, which stand for the unknown words the lexicon misses, keep
	// it in their lemmas.
	formCount := map[string]int{}
	for _, s := range train {
		for i := range s.Tokens {
			formCount[s.Tokens[i].Form]++
		}
	}
	var keepN, lowerN [maxTagClasses]int
	for _, s := range train {
		for i := 1; i < len(s.Tokens); i++ {
			tok := &s.Tokens[i]
			if formCount[tok.Form] > 2 || strings.ToLower(tok.Form) == tok.Form {
				continue
			}
			if strings.ToLower(tok.Lemma) == tok.Lemma {
				lowerN[classOf(tok)]++
			} else {
				keepN[classOf(tok)]++
			}
		}
	}
	for c := range tags {
		tags[c].keepCase = keepN[c] > lowerN[c]
	}

	gold := make([][]int, len(train))
	wordCounts := map[string]map[int]int{}
	type formClass struct {
		form  string
		class int
	}
	lemmaCounts := map[formClass]map[string]int{}
	for si, s := range train {
		gold[si] = make([]int, len(s.Tokens))
		for i := range s.Tokens {
			tok := &s.Tokens[i]
			c := classOf(tok)
			gold[si][i] = c
			if wordCounts[tok.Form] == nil {
				wordCounts[tok.Form] = map[int]int{}
			}
			wordCounts[tok.Form][c]++
			fc := formClass{tok.Form, c}
			if lemmaCounts[fc] == nil {
				lemmaCounts[fc] = map[string]int{}
			}
			lemmaCounts[fc][tok.Lemma]++
		}
	}

	forms := sortedKeys(wordCounts)
	t := &Tagger{tags: tags, words: make(map[string]int32, len(forms)), lex: newTable(len(lemmaCounts)),
		rules: map[string]rule{}}
	for i, f := range forms {
		t.words[f] = int32(i)
	}
	ambIDs := map[string]uint32{}
	t.info = wordTable(forms, wordCounts, ambIDs)

	// The lexicon keeps the most frequent lemma of each form and class;
	// the rules are learned from the lexicon's entries, one vote each.
	ruleVotes := map[string]map[rule]int{}
	fcs := make([]formClass, 0, len(lemmaCounts))
	for fc := range lemmaCounts {
		fcs = append(fcs, fc)
	}
	slices.SortFunc(fcs, func(a, b formClass) int {
		if c := strings.Compare(a.form, b.form); c != 0 {
			return c
		}
		return cmp.Compare(a.class, b.class)
	})
	lemmaIndex := map[string]uint32{}
	var lower []byte
	for _, fc := range fcs {
		lemma, top := "", 0
		for _, l := range sortedKeys(lemmaCounts[fc]) {
			if n := lemmaCounts[fc][l]; n > top {
				lemma, top = l, n
			}
		}
		li, ok := lemmaIndex[lemma]
		if !ok {
			li = uint32(len(t.lemmas))
			lemmaIndex[lemma] = li
			t.lemmas = append(t.lemmas, lemma)
		}
		t.lex.put(lexKey(t.words[fc.form], fc.class), li)
		t.lexList = append(t.lexList, lexEntry{t.words[fc.form], uint8(fc.class), li})
		lower, _ = appendLower(lower[:0], fc.form)
		ll, _ := appendLower(nil, lemma)
		r := rewrite(lower, ll)
		for l := r.strip; l <= min(len(lower), maxRuleSuffix); l++ {
			key := string(append([]byte{byte(fc.class)}, lower[len(lower)-l:]...))
			if ruleVotes[key] == nil {
				ruleVotes[key] = map[rule]int{}
			}
			ruleVotes[key][r]++
		}
	}
	// Keep a rule only where it differs from the rule of the suffix one
	// byte shorter, which the lookup falls back to.
	winner := map[string]rule{}
	for _, key := range sortedKeys(ruleVotes) {
		var best rule
		top := 0
		for _, r := range sortedRules(ruleVotes[key]) {
			if n := ruleVotes[key][r]; n > top {
				best, top = r, n
			}
		}
		winner[key] = best
	}
	for _, key := range sortedKeys(winner) {
		r := winner[key]
		if len(key) > 1 {
			if parent, ok := winner[key[:1]+key[2:]]; ok && parent == r {
				continue
			}
		} else if r == (rule{}) {
			continue
		}
		t.rules[key] = r
	}
	return t, gold, ambIDs, nil
}

// wordTable returns what the tagger knows of each of forms given the
// counts of its classes. ambIDs numbers the ambiguity classes; wordTable
// adds the classes it meets that are not there yet.
func wordTable(forms []string, wordCounts map[string]map[int]int, ambIDs map[string]uint32) []wordInfo {
	info := make([]wordInfo, len(forms))
	var sig []byte
	for i, form := range forms {
		info[i] = wordInfo{tag: -1}
		counts := wordCounts[form]
		total, top, topClass := 0, 0, 0
		classes := sortedKeys(counts)
		for _, c := range classes {
			n := counts[c]
			total += n
			if n > top {
				top, topClass = n, c
			}
		}
		if total < ambMinCount {
			continue
		}
		sig = sig[:0]
		for _, c := range classes {
			if n := counts[c]; n > 0 && float64(n) >= ambMinShare*float64(total) {
				sig = append(sig, byte(c))
			}
		}
		id, ok := ambIDs[string(sig)]
		if !ok {
			id = uint32(len(ambIDs) + 1)
			ambIDs[string(sig)] = id
		}
		info[i].amb = id
		if total >= dictMinCount && float64(top) >= dictMinShare*float64(total) {
			info[i].tag = topClass
		}
	}
	return info
}

// jackknife returns, for each of folds parts of the training sentences
// (sentence i is in part i%folds), the word table built from the other
// parts, so that the words of a training sentence look as unknown or as
// ambiguous to the tagger as words of new text will. Dictionary tags stay
// those of the whole data.
func jackknife(t *Tagger, train []*ud.Sentence, gold [][]int, folds int, ambIDs map[string]uint32) [][]wordInfo {
	forms := make([]string, len(t.words))
	for f, i := range t.words {
		forms[i] = f
	}
	out := make([][]wordInfo, folds)
	for fold := range folds {
		counts := make(map[string]map[int]int, len(forms))
		for si, s := range train {
			if si%folds == fold {
				continue
			}
			for i := range s.Tokens {
				f := s.Tokens[i].Form
				if counts[f] == nil {
					counts[f] = map[int]int{}
				}
				counts[f][gold[si][i]]++
			}
		}
		info := wordTable(forms, counts, ambIDs)
		for i := range info {
			info[i].tag = t.info[i].tag
		}
		out[fold] = info
	}
	return out
}

// rewrite returns the rule that turns word into lemma.
func rewrite(word, lemma []byte) rule {
	n := 0
	for n < len(word) && n < len(lemma) && word[n] == lemma[n] {
		n++
	}
	return rule{strip: len(word) - n, add: string(lemma[n:])}
}

func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func sortedRules(m map[rule]int) []rule {
	rs := make([]rule, 0, len(m))
	for r := range m {
		rs = append(rs, r)
	}
	slices.SortFunc(rs, func(a, b rule) int {
		if c := cmp.Compare(a.strip, b.strip); c != 0 {
			return c
		}
		return strings.Compare(a.add, b.add)
	})
	return rs
}

// perceptron holds the weights of an averaged perceptron while it trains.
// Averaging is lazy: u sums each update times the step it was made at, so
// the average of all steps is w - u/steps.
type perceptron struct {
	k      int    // classes
	counts *table // feature key → times seen in training
	rows   *table // feature key → row of k weights in w and u
	w      []float32
	u      []float64
	steps  float64
	scores []float32
}

func newPerceptron(k int) *perceptron {
	return &perceptron{k: k, counts: newTable(1 << 20), rows: newTable(1 << 18), scores: make([]float32, k)}
}

// learn predicts the class of a word from its features, updates the
// weights when the prediction is not gold, and returns the prediction.
func (p *perceptron) learn(keys []uint64, gold int) int {
	clear(p.scores)
	for _, key := range keys {
		if r, ok := p.rows.get(key); ok {
			w := p.w[int(r)*p.k : int(r)*p.k+p.k]
			for c, x := range w {
				p.scores[c] += x
			}
		}
	}
	guess := 0
	for c, x := range p.scores {
		if x > p.scores[guess] {
			guess = c
		}
	}
	p.steps++
	if guess == gold {
		return guess
	}
	for _, key := range keys {
		r, ok := p.rows.get(key)
		if !ok {
			if n, _ := p.counts.get(key); n < minFeatCount {
				continue
			}
			r = uint32(p.rows.n)
			p.rows.put(key, r)
			p.w = append(p.w, make([]float32, p.k)...)
			p.u = append(p.u, make([]float64, p.k)...)
		}
		i := int(r) * p.k
		p.w[i+gold]++
		p.u[i+gold] += p.steps
		p.w[i+guess]--
		p.u[i+guess] -= p.steps
	}
	return guess
}

// model returns a Tagger with the averaged weights of p, quantized to
// int16, and the dictionaries of t.
func (p *perceptron) model(t *Tagger) *Tagger {
	type keyRow struct {
		key uint64
		row uint32
	}
	krs := make([]keyRow, 0, p.rows.n)
	for _, s := range p.rows.slots {
		if s.key != 0 {
			krs = append(krs, keyRow{s.key, s.val})
		}
	}
	slices.SortFunc(krs, func(a, b keyRow) int { return cmp.Compare(a.key, b.key) })
	avg := func(i int) float64 { return float64(p.w[i]) - p.u[i]/p.steps }
	maxAbs := 1e-9
	for i := range p.w {
		maxAbs = max(maxAbs, math.Abs(avg(i)))
	}
	scale := weightScale / maxAbs
	m := &Tagger{tags: t.tags, words: t.words, info: t.info, lex: t.lex, lexList: t.lexList,
		lemmas: t.lemmas, rules: t.rules, lexicon: t.lexicon, clusters: t.clusters, wordLex: t.wordLex, tagBits: t.tagBits}
	var keys []uint64
	var vals []uint32
	for _, kr := range krs {
		n := len(m.weights)
		for c := range p.k {
			q := math.Round(avg(int(kr.row)*p.k+c) * scale)
			if math.Abs(q) >= minWeight {
				m.weights = append(m.weights, uint32(c)|uint32(int32(q))<<16)
			}
		}
		if len(m.weights) > n {
			keys = append(keys, kr.key)
			vals = append(vals, uint32(n)<<8|uint32(len(m.weights)-n))
		}
	}
	m.feats = newTable(len(keys))
	for f, k := range keys {
		m.feats.put(k, vals[f])
	}
	m.indexDense()
	m.indexClasses()
	return m
}
