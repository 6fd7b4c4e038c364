package postag

import (
	"strings"

	"farabi/internal/ud"
)

// repairVerbless fixes one kind of tagging error that costs the parser a
// whole clause: a clause with no verb at all, where a plural-looking word
// right after its subject is a verb the tagger took for a noun ("the Central
// Asian state supplies large quantities …", "the nation plans to …"). In a
// clause (between clause marks) with no VERB or AUX, a word tagged NNS that
// follows a noun and precedes a determiner, adjective, number, noun or "to"
// becomes VBZ when the training data has seen it, or its stem, as a verb.
func (t *Tagger) repairVerbless(s *ud.Sentence, vbz int) {
	start := 0
	for i := 0; i <= len(s.Tokens); i++ {
		if i < len(s.Tokens) && !clauseMark(&s.Tokens[i]) {
			continue
		}
		t.repairClause(s, start, i, vbz)
		start = i + 1
	}
}

func clauseMark(tok *ud.Token) bool {
	switch tok.Form {
	case ",", ";", ":", "–", "—", "--", "(", ")":
		return true
	}
	return tok.UPOS == ud.SCONJ || tok.UPOS == ud.CCONJ
}

func (t *Tagger) repairClause(s *ud.Sentence, from, to, vbz int) {
	cand := -1
	for i := from; i < to; i++ {
		tok := &s.Tokens[i]
		switch tok.UPOS {
		case ud.VERB, ud.AUX:
			return
		}
		if cand < 0 && tok.XPOS == "NNS" && i > from && i+1 < to {
			prev, next := &s.Tokens[i-1], &s.Tokens[i+1]
			if (prev.UPOS == ud.NOUN || prev.UPOS == ud.PROPN) &&
				(next.UPOS == ud.DET || next.UPOS == ud.ADJ || next.UPOS == ud.NUM || next.UPOS == ud.NOUN ||
					next.UPOS == ud.PROPN || next.UPOS == ud.PART && strings.EqualFold(next.Form, "to")) &&
				t.seenAsVerb(tok.Form, vbz) {
				cand = i
			}
		}
	}
	if cand < 0 {
		return
	}
	tok := &s.Tokens[cand]
	tok.UPOS, tok.XPOS = t.tags[vbz].upos, t.tags[vbz].xpos
	tok.Lemma = verbStem(strings.ToLower(tok.Form))
}

// seenAsVerb reports whether form was seen in training as VBZ, or its stem
// as VB or VBP, according to the lemma lexicon.
func (t *Tagger) seenAsVerb(form string, vbz int) bool {
	low := strings.ToLower(form)
	if k, ok := t.words[low]; ok {
		if _, ok := t.lex.get(lexKey(k, vbz)); ok {
			return true
		}
	}
	k, ok := t.words[verbStem(low)]
	if !ok {
		return false
	}
	for c, tg := range t.tags {
		if tg.xpos == "VB" || tg.xpos == "VBP" {
			if _, ok := t.lex.get(lexKey(k, c)); ok {
				return true
			}
		}
	}
	return false
}

// verbStem undoes the third-person -s: "supplies" → "supply", "plans" →
// "plan", "pushes" → "push".
func verbStem(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}
