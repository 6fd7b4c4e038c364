// Package udeval scores system sentences against gold ones in the manner of
// the CoNLL 2018 shared task: tokens, sentences and words as F1 over
// character spans, then UPOS, lemma, UAS and LAS as F1 over aligned words
// (equal to accuracy when the tokenization is the gold one). LAS compares
// only the universal part of a relation ("nmod" for "nmod:poss"), as the
// shared task did. LASNoPunct is LAS over the words whose relation is not
// punct, on either side: where the attachment of punctuation is a matter of
// a treebank's convention, it scores the parse of the words alone.
//
// Both sides' spans must be offsets into the same text.
package udeval

import "farabi/internal/ud"

// Score is precision, recall and F1 of one metric, in percent.
type Score struct {
	Gold, System, Correct int
}

// Precision returns Correct/System in percent.
func (s Score) Precision() float64 { return pct(s.Correct, s.System) }

// Recall returns Correct/Gold in percent.
func (s Score) Recall() float64 { return pct(s.Correct, s.Gold) }

// F1 returns the harmonic mean of precision and recall in percent.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Result holds every metric.
type Result struct {
	Tokens, Sentences, Words, UPOS, Lemma, UAS, LAS Score
	// LASNoPunct is LAS leaving out words attached as punct.
	LASNoPunct Score
}

// wordKey identifies a word by its span and its rank among the words with
// that span (words of a multi-word token may share one).
type wordKey struct {
	span ud.Span
	rank int
}

type wordRef struct {
	s *ud.Sentence
	i int
}

func index(sents []*ud.Sentence) (map[wordKey]wordRef, map[ud.Span]int, map[ud.Span]bool, map[ud.Span]bool) {
	words := map[wordKey]wordRef{}
	rank := map[ud.Span]int{}
	toks := map[ud.Span]bool{}
	sentSpans := map[ud.Span]bool{}
	for _, s := range sents {
		sentSpans[sentenceSpan(s)] = true
		for i := range s.Tokens {
			sp := s.Tokens[i].Span
			words[wordKey{sp, rank[sp]}] = wordRef{s, i}
			rank[sp]++
		}
		eachSurface(s, func(sp ud.Span) { toks[sp] = true })
	}
	return words, rank, toks, sentSpans
}

// sentenceSpan is the span from the first word's start to the last word's
// end, so white space and the "# text" comment don't matter.
func sentenceSpan(s *ud.Sentence) ud.Span {
	if len(s.Tokens) == 0 {
		return s.Span
	}
	return ud.Span{Start: s.Tokens[0].Span.Start, End: s.Tokens[len(s.Tokens)-1].Span.End}
}

func eachSurface(s *ud.Sentence, f func(ud.Span)) {
	mi := 0
	for i := 0; i < len(s.Tokens); i++ {
		if mi < len(s.MultiWords) && s.MultiWords[mi].First == i {
			f(s.MultiWords[mi].Span)
			i = s.MultiWords[mi].Last
			mi++
			continue
		}
		f(s.Tokens[i].Span)
	}
}

// Compare scores sys against gold.
func Compare(gold, sys []*ud.Sentence) Result {
	gw, _, gt, gs := index(gold)
	sw, _, st, ss := index(sys)
	var r Result
	r.Tokens = setScore(gt, st)
	r.Sentences = setScore(gs, ss)
	r.Words.Gold, r.Words.System = len(gw), len(sw)
	for _, m := range []*Score{&r.UPOS, &r.Lemma, &r.UAS, &r.LAS} {
		m.Gold, m.System = len(gw), len(sw)
	}
	// Each word's key, to compare heads.
	keyOf := func(words map[wordKey]wordRef) map[wordRef]wordKey {
		m := make(map[wordRef]wordKey, len(words))
		for k, v := range words {
			m[v] = k
		}
		return m
	}
	gk, sk := keyOf(gw), keyOf(sw)
	for _, g := range gw {
		r.LASNoPunct.Gold += b2i(!isPunct(g))
	}
	for _, s := range sw {
		r.LASNoPunct.System += b2i(!isPunct(s))
	}
	headKey := func(ref wordRef, keys map[wordRef]wordKey) (wordKey, bool) {
		h := ref.s.Tokens[ref.i].Head
		if h <= 0 {
			return wordKey{}, h == 0
		}
		k, ok := keys[wordRef{ref.s, h - 1}]
		return k, ok
	}
	for k, g := range gw {
		s, ok := sw[k]
		if !ok {
			continue
		}
		r.Words.Correct++
		gt, stk := &g.s.Tokens[g.i], &s.s.Tokens[s.i]
		if gt.UPOS == stk.UPOS {
			r.UPOS.Correct++
		}
		if gt.Lemma == stk.Lemma || gt.Lemma == "" && stk.Lemma == gt.Form {
			r.Lemma.Correct++
		}
		gh, gok := headKey(g, gk)
		sh, sok := headKey(s, sk)
		if gok && sok && gh == sh && (gt.Head == 0) == (stk.Head == 0) {
			r.UAS.Correct++
			if ud.BaseRel(gt.Rel) == ud.BaseRel(stk.Rel) {
				r.LAS.Correct++
				r.LASNoPunct.Correct += b2i(!isPunct(g))
			}
		}
	}
	return r
}

// isPunct reports whether a word is attached as punctuation.
func isPunct(w wordRef) bool { return ud.BaseRel(w.s.Tokens[w.i].Rel) == "punct" }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func setScore(gold, sys map[ud.Span]bool) Score {
	s := Score{Gold: len(gold), System: len(sys)}
	for k := range sys {
		if gold[k] {
			s.Correct++
		}
	}
	return s
}

// Document joins the texts of gold sentences into one raw document, as a
// treebank's text would read: sentences of a paragraph separated by a
// space, paragraphs and documents by a blank line. It returns the text and
// copies of the sentences whose spans point into it.
func Document(gold []*ud.Sentence) (string, []*ud.Sentence) {
	var b []byte
	out := make([]*ud.Sentence, len(gold))
	for k, g := range gold {
		if k > 0 {
			if startsParagraph(g) {
				b = append(b, "\n\n"...)
			} else {
				b = append(b, ' ')
			}
		}
		c := *g
		c.Tokens = append([]ud.Token(nil), g.Tokens...)
		c.MultiWords = append([]ud.MultiWord(nil), g.MultiWords...)
		shift := len(b) - g.Span.Start
		for i := range c.Tokens {
			c.Tokens[i].Span.Start += shift
			c.Tokens[i].Span.End += shift
		}
		for i := range c.MultiWords {
			c.MultiWords[i].Span.Start += shift
			c.MultiWords[i].Span.End += shift
		}
		c.Span = ud.Span{Start: len(b), End: len(b) + len(g.Text)}
		b = append(b, g.Text...)
		out[k] = &c
	}
	return string(b), out
}

func startsParagraph(s *ud.Sentence) bool {
	for _, c := range s.Comments {
		if len(c) >= 6 && (c[:6] == "newpar" || c[:6] == "newdoc") {
			return true
		}
	}
	return false
}
