package postag

import (
	"strings"

	"farabi/internal/ud"
)

// Participles before titles. News writes "visiting Foreign Minister X",
// "the acting President", "outgoing Prime Minister Y": the participle
// describes the title as an adjective does, and the greedy tagger, having
// seen these words mostly as verbs in EWT, tags them VBG and the parser
// then builds a clause ("visiting" with the minister as its object) where
// there is a name. A participle of attributiveParticiples directly before
// a title, with at most three capitalised words or adjectives between
// ("visiting Pakistani Foreign Minister"), is an adjective; a form of
// "be" before it keeps it a verb ("Xi is visiting President Tokayev").

// attributiveParticiples are the participles news puts before a title.
var attributiveParticiples = map[string]bool{
	"visiting": true, "acting": true, "outgoing": true, "incoming": true, "ruling": true, "reigning": true,
	"serving": true, "sitting": true, "retiring": true, "departing": true, "presiding": true, "governing": true,
	"caretaking": true, "ailing": true, "exiled": true, "ousted": true, "deposed": true, "jailed": true,
	"detained": true, "elected": true, "designated": true,
}

// titleWords are the nouns of offices that attributiveParticiples modify.
var titleWords = map[string]bool{
	"minister": true, "president": true, "premier": true, "secretary": true, "chancellor": true, "king": true,
	"queen": true, "emir": true, "amir": true, "prince": true, "sultan": true, "chairman": true, "chair": true,
	"chairwoman": true, "chief": true, "ambassador": true, "envoy": true, "delegation": true, "leader": true,
	"head": true, "governor": true, "mayor": true, "general": true, "commander": true, "speaker": true,
	"senator": true, "lawmaker": true, "official": true, "officials": true, "ministers": true, "leaders": true,
	"delegations": true, "counterpart": true, "representative": true, "spokesman": true, "spokesperson": true,
	"dignitaries": true, "dignitary": true, "director": true, "director-general": true, "secretary-general": true,
}

// attributive retags the participles before titles as adjectives, and
// the words after each again; and the apostrophe the tokenizer split from
// a plural as its possessive ending ("the two countries’ delegates") as
// the possessive marker, not a closing quotation mark.
func (t *Tagger) attributive(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	if t.partPOS >= 0 {
		for _, mw := range s.MultiWords {
			if k := mw.Last; k > mw.First && k < n && sc.class[k] != t.partPOS && (s.Tokens[k].Form == "'" || s.Tokens[k].Form == "’") &&
				!singleQuoteBefore(s, k) {
				sc.class[k] = t.partPOS
				t.tagFrom(sc, k+1, n)
			}
		}
	}
	if t.adjJJ < 0 {
		return
	}
	for i := 0; i+1 < n; i++ {
		if !attributiveParticiples[strings.ToLower(s.Tokens[i].Form)] || sc.class[i] == t.adjJJ {
			continue
		}
		if u := t.tags[sc.class[i]].upos; u != ud.VERB {
			continue
		}
		if i > 0 && beForm(s.Tokens[i-1].Form) && t.tags[sc.class[i-1]].upos != ud.PART {
			continue
		}
		if !titleAhead(s, i+1) {
			continue
		}
		sc.class[i] = t.adjJJ
		t.tagFrom(sc, i+1, n)
	}
}

// titleAhead reports whether a title word starts at word j, after at most
// three capitalised words ("Pakistani Foreign Minister").
func titleAhead(s *ud.Sentence, j int) bool {
	for k := j; k < len(s.Tokens) && k <= j+3; k++ {
		w := s.Tokens[k].Form
		if titleWords[strings.ToLower(w)] {
			return true
		}
		if w == "" || w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	return false
}

// beForm reports whether w is a form of "be", which makes the participle
// after it a verb ("'s" unless it is a possessive).
func beForm(w string) bool {
	switch strings.ToLower(w) {
	case "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "am":
		return true
	}
	return false
}

// singleQuoteBefore reports whether a single quotation mark opens before
// word k: then the apostrophe may close it ("the ‘experts’ said").
func singleQuoteBefore(s *ud.Sentence, k int) bool {
	for _, t := range s.Tokens[:k] {
		if t.Form == "‘" || t.Form == "`" || t.Form == "'" && t.UPOS != ud.PART {
			return true
		}
	}
	return false
}

// "remained open to direct talks with Iran". After "to" that follows an
// adjective of readiness or a verb of returning, "direct" before a noun of
// talks is the adjective of those talks: the greedy tagger read it as the
// verb after an infinitive's "to", and the parser then built a clause
// ("direct" with the talks as its object) that took the openness and its
// partner apart (round 32).

// directTalks are the nouns "direct" describes in "open to direct …".
var directTalks = map[string]bool{
	"talks": true, "negotiations": true, "dialogue": true, "contacts": true, "contact": true,
	"consultations": true, "meetings": true, "discussions": true, "communication": true,
}

// readyBeforeTo are the words before "to" that take a noun phrase of
// talks rather than an infinitive: adjectives of readiness and verbs of
// returning or committing.
var readyBeforeTo = map[string]bool{
	"open": true, "ready": true, "willing": true, "prepared": true, "committed": true, "amenable": true,
	"receptive": true, "return": true, "returned": true, "returning": true, "returns": true,
	"commitment": true, "openness": true, "readiness": true,
}

// directAdjective retags "direct" after "open to", "ready to", "return to"
// … and before a noun of talks as an adjective and the "to" before it as
// a preposition, and the words after it again.
func (t *Tagger) directAdjective(sc *scratch, s *ud.Sentence) {
	if t.adjJJ < 0 || t.adpIN < 0 {
		return
	}
	n := len(s.Tokens)
	for i := 2; i+1 < n; i++ {
		if !strings.EqualFold(s.Tokens[i].Form, "direct") || sc.class[i] == t.adjJJ || t.tags[sc.class[i]].upos != ud.VERB {
			continue
		}
		if !strings.EqualFold(s.Tokens[i-1].Form, "to") || !readyBeforeTo[strings.ToLower(s.Tokens[i-2].Form)] {
			continue
		}
		if !directTalks[strings.ToLower(s.Tokens[i+1].Form)] {
			continue
		}
		// "to" is the preposition of the phrase, as in "open to talks"
		sc.class[i-1], sc.class[i] = t.adpIN, t.adjJJ
		t.tagFrom(sc, i+1, n)
	}
}
