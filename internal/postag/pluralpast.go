package postag

import (
	"strings"

	"farabi/internal/ud"
)

// A plural noun taken for the verb before a past. "Foreign ministers of
// the member states gathered in Bishkek": "states" is a verb as often as
// a noun, and the tagger, coming to it after a noun ("member"), took it
// for the sentence's verb (VBZ) and "gathered" for a participle, so the
// sentence had "states" for its predicate and coded nothing. A present
// verb cannot take a bare participle that no noun follows ("states
// gathered in", unlike "says sanctioned firms"), unless it is a verb of
// being or becoming ("remains alarmed", "gets killed"). When such a
// present verb, one the lexicon allows as a plural noun, comes right
// after a noun and before a participle the lexicon allows as a past, and
// the sentence has no other finite verb, the noun is plural and the
// participle the sentence's past. (A relative clause's verb after "which"
// or "who" is its own.)

// pluralBeforePast retags such a pair.
func (t *Tagger) pluralBeforePast(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	if t.nounNNS < 0 || t.finite[0] < 0 || n < 4 {
		return
	}
	i := -1
	for k := range n {
		if t.isFinite[sc.class[k]] {
			if k > 0 && (t.tags[sc.class[k-1]].xpos == "WDT" || t.tags[sc.class[k-1]].xpos == "WP") {
				continue // a relative clause's own verb ("…, which prepared")
			}
			if i >= 0 {
				return // a second finite verb
			}
			i = k
		}
	}
	if i < 1 || i+2 >= n {
		return
	}
	v, p, next := &t.tags[sc.class[i]], &t.tags[sc.class[i+1]], &t.tags[sc.class[i+2]]
	if v.xpos != "VBZ" || v.upos != ud.VERB || p.xpos != "VBN" || p.upos != ud.VERB || linkingVerb(s.Tokens[i].Form) {
		return
	}
	switch t.tags[sc.class[i-1]].xpos {
	case "NN", "NNS", "NNP", "NNPS":
	default:
		return
	}
	switch next.xpos {
	case "IN", "RB", "TO", "DT", "PRP$", "CD", "RP", ",", ".":
	default:
		return // "says sanctioned firms": the participle is attributive
	}
	if !t.mayBe(sc, i, t.nounNNS) || !t.mayBe(sc, i+1, t.finite[0]) {
		return
	}
	t.settle(sc, i, t.nounNNS, n)
	if sc.class[i] == t.nounNNS && t.tags[sc.class[i+1]].xpos == "VBN" {
		t.settle(sc, i+1, t.finite[0], n)
	}
}

// linkingVerb reports whether w is a present form of a verb that takes a
// participle or adjective as its complement: "remains alarmed", "gets
// killed", "has agreed".
func linkingVerb(w string) bool {
	switch strings.ToLower(w) {
	case "is", "has", "does", "gets", "seems", "remains", "becomes", "looks", "feels", "stays", "appears",
		"goes", "comes", "keeps", "stands", "sounds", "proves", "grows", "lies", "sits", "rests", "turns", "ends":
		return true
	}
	return false
}
