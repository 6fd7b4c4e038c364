package depparse

import (
	"fmt"
	"strings"
	"testing"

	"farabi/internal/ud"
)

// parsedSentence builds a parsed sentence from "form/XPOS/UPOS>head:rel" words.
func parsedSentence(t *testing.T, words string) *ud.Sentence {
	t.Helper()
	s := &ud.Sentence{}
	for _, w := range strings.Fields(words) {
		var form, xpos, upos, rel string
		var head int
		a, b, _ := strings.Cut(w, ">")
		parts := strings.Split(a, "/")
		if len(parts) != 3 {
			t.Fatalf("bad word %q", w)
		}
		form, xpos, upos = parts[0], parts[1], parts[2]
		h, r, _ := strings.Cut(b, ":")
		if _, err := fmt.Sscan(h, &head); err != nil {
			t.Fatalf("bad head in %q", w)
		}
		rel = r
		u, ok := ud.ParseUPOS(upos)
		if !ok {
			t.Fatalf("bad UPOS in %q", w)
		}
		s.Tokens = append(s.Tokens, ud.Token{Form: form, XPOS: xpos, UPOS: u, Head: head, Rel: rel})
	}
	return s
}

// arcs renders the heads and relations of s as "head:rel" per word.
func arcs(s *ud.Sentence) string {
	var b strings.Builder
	for i, t := range s.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%d:%s", t.Head, t.Rel)
	}
	return b.String()
}

func TestPromoteMainClause(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			"a clause opened by a conjunction is not the main clause",
			"After/IN/SCONJ>3:mark talks/NNS/NOUN>3:nsubj failed/VBD/VERB>0:root ,/,/PUNCT>6:punct " +
				"Kyrgyzstan/NNP/PROPN>6:nsubj closed/VBD/VERB>3:parataxis roads/NNS/NOUN>6:obj ././PUNCT>3:punct",
			"3:mark 3:nsubj 6:advcl 3:punct 6:nsubj 0:root 6:obj 6:punct",
		},
		{
			"a participle without subject is not the main clause",
			"Speaking/VBG/VERB>0:root in/IN/ADP>3:case Astana/NNP/PROPN>1:obl ,/,/PUNCT>6:punct " +
				"he/PRP/PRON>6:nsubj announced/VBD/VERB>1:parataxis rules/NNS/NOUN>6:obj ././PUNCT>1:punct",
			"6:advcl 3:case 1:obl 1:punct 6:nsubj 0:root 6:obj 6:punct",
		},
		{
			"a nominal root is the subject of the predicate after the comma",
			"Mongolia/NNP/PROPN>0:root ,/,/PUNCT>4:punct which/WDT/PRON>4:nsubj borders/VBZ/VERB>1:acl:relcl " +
				"Russia/NNP/PROPN>4:obj ,/,/PUNCT>7:punct stayed/VBN/VERB>1:parataxis has/VBZ/AUX>7:aux neutral/JJ/ADJ>7:xcomp",
			"7:nsubj 4:punct 4:nsubj 1:acl:relcl 4:obj 7:punct 0:root 7:aux 7:xcomp",
		},
		{
			"a participle after the subject modifies it",
			"Kazakhstan/NNP/PROPN>3:vocative ,/,/PUNCT>1:punct shaken/VBN/VERB>0:root by/IN/ADP>5:case riots/NNS/NOUN>3:obl ,/,/PUNCT>8:punct " +
				"was/VBD/AUX>8:cop cautious/JJ/ADJ>3:parataxis ././PUNCT>3:punct",
			"8:nsubj 3:punct 1:acl 5:case 3:obl 8:punct 8:cop 0:root 8:punct",
		},
		{
			"a relative clause after the subject modifies it",
			"The/DT/DET>2:det envoy/NN/NOUN>8:nsubj:pass ,/,/PUNCT>8:punct whose/WP$/PRON>5:nmod:poss visit/NN/NOUN>8:nsubj:pass " +
				"had/VBD/AUX>8:aux been/VBN/AUX>8:aux:pass postponed/VBN/VERB>0:root ,/,/PUNCT>11:punct was/VBD/AUX>11:aux:pass " +
				"received/VBN/VERB>8:parataxis",
			"2:det 11:nsubj:pass 8:punct 5:nmod:poss 8:nsubj:pass 8:aux 8:aux:pass 2:acl:relcl 11:punct 11:aux:pass 0:root",
		},
		{
			"a clause with a participle auxiliary is not the main clause",
			"Having/VBG/AUX>2:aux signed/VBD/VERB>0:root treaty/NN/NOUN>2:obj ,/,/PUNCT>6:punct " +
				"they/PRP/PRON>6:nsubj left/VBD/VERB>2:parataxis",
			"2:aux 6:advcl 2:obj 2:punct 6:nsubj 0:root",
		},
		{
			"a fronted prepositional phrase is the clause's oblique",
			"During/IN/ADP>2:case talks/NNS/NOUN>0:root ,/,/PUNCT>5:punct they/PRP/PRON>5:nsubj agreed/VBD/VERB>2:parataxis ././PUNCT>2:punct",
			"2:case 5:obl 2:punct 5:nsubj 0:root 5:punct",
		},
		{
			"a predicate with its own copula is no oblique",
			"He/PRP/PRON>4:nsubj is/VBZ/AUX>4:cop in/IN/ADP>4:case room/NN/NOUN>0:root ,/,/PUNCT>7:punct " +
				"I/PRP/PRON>7:nsubj know/VBP/VERB>4:parataxis",
			"4:nsubj 4:cop 4:case 0:root 7:punct 7:nsubj 4:parataxis",
		},
		{
			"a nominal root without comma before a subjectless predicate is left alone (for now)",
			"The/DT/DET>2:det issue/NN/NOUN>0:root might/MD/AUX>5:aux be/VB/AUX>5:cop over/RB/ADV>2:parataxis",
			"2:det 0:root 5:aux 5:cop 2:parataxis",
		},
		{
			"a fronted participle does not take the main clause as its ccomp",
			"Hit/VBN/VERB>0:root by/IN/ADP>3:case prices/NNS/NOUN>1:obl ,/,/PUNCT>1:punct " +
				"Baku/NNP/PROPN>6:nsubj cut/VBD/VERB>1:ccomp spending/NN/NOUN>6:obj",
			"6:advcl 3:case 1:obl 1:punct 6:nsubj 0:root 6:obj",
		},
		{
			"a verb of saying keeps its ccomp",
			"Officials/NNS/NOUN>2:nsubj said/VBD/VERB>0:root ,/,/PUNCT>5:punct talks/NNS/NOUN>5:nsubj failed/VBD/VERB>2:ccomp",
			"2:nsubj 0:root 5:punct 5:nsubj 2:ccomp",
		},
		{
			"a finite main clause before the comma stays the root",
			"Officials/NNS/NOUN>2:nsubj met/VBD/VERB>0:root ,/,/PUNCT>5:punct they/PRP/PRON>5:nsubj said/VBD/VERB>2:parataxis",
			"2:nsubj 0:root 5:punct 5:nsubj 2:parataxis",
		},
		{
			"a predicate with its own subject does not take the nominal root",
			"Talks/NNS/NOUN>0:root ,/,/PUNCT>4:punct they/PRP/PRON>4:nsubj ended/VBD/VERB>1:parataxis",
			"0:root 4:punct 4:nsubj 1:parataxis",
		},
	}
	for _, tc := range tests {
		s := parsedSentence(t, tc.in)
		promoteMainClause(s)
		if got := arcs(s); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

func TestPromoteReducedRelative(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			"the participle after the subject modifies it",
			"A/DT/DET>2:det man/NN/NOUN>3:nsubj suspected/VBN/VERB>0:root of/IN/SCONJ>5:case smuggling/NN/NOUN>3:obl " +
				"was/VBD/AUX>7:aux:pass detained/VBN/VERB>3:advcl ././PUNCT>3:punct",
			"2:det 7:nsubj:pass 2:acl 5:case 3:obl 7:aux:pass 0:root 7:punct",
		},
		{
			"a participle with its auxiliary is the main clause",
			"Troops/NNS/NOUN>3:nsubj have/VBP/AUX>3:aux fired/VBN/VERB>0:root shells/NNS/NOUN>3:obj " +
				"killed/VBD/VERB>3:parataxis",
			"3:nsubj 3:aux 0:root 3:obj 3:parataxis",
		},
		{
			"a predicate with its own subject is left alone",
			"Troops/NNS/NOUN>2:nsubj stationed/VBN/VERB>0:root there/RB/ADV>2:advmod they/PRP/PRON>5:nsubj left/VBD/VERB>2:parataxis",
			"2:nsubj 0:root 2:advmod 5:nsubj 2:parataxis",
		},
		{
			"a participle clause between commas is another rule's",
			"Kazakhstan/NNP/PROPN>3:nsubj ,/,/PUNCT>3:punct shaken/VBN/VERB>0:root ,/,/PUNCT>6:punct was/VBD/AUX>6:cop cautious/JJ/ADJ>3:parataxis",
			"3:nsubj 3:punct 0:root 6:punct 6:cop 3:parataxis",
		},
	}
	for _, tc := range tests {
		s := parsedSentence(t, tc.in)
		promoteReducedRelative(s)
		if got := arcs(s); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

func TestSubjectOfReported(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			"the noun phrase before a subjectless clause of saying is its subject",
			"He/PRP/PRON>2:nsubj said/VBD/VERB>0:root talks/NNS/NOUN>2:obj would/MD/AUX>5:aux continue/VB/VERB>2:ccomp",
			"2:nsubj 0:root 5:nsubj 5:aux 2:ccomp",
		},
		{
			"a clause with its own subject keeps the object",
			"He/PRP/PRON>2:nsubj said/VBD/VERB>0:root it/PRP/PRON>2:obj they/PRP/PRON>5:nsubj left/VBD/VERB>2:ccomp",
			"2:nsubj 0:root 2:obj 5:nsubj 2:ccomp",
		},
		{
			"a verb that takes an object keeps it",
			"He/PRP/PRON>2:nsubj told/VBD/VERB>0:root reporters/NNS/NOUN>2:obj talks/NNS/NOUN>5:nsubj continue/VBP/VERB>2:ccomp",
			"2:nsubj 0:root 2:obj 5:nsubj 2:ccomp",
		},
	}
	for _, tc := range tests {
		s := parsedSentence(t, tc.in)
		for i := range s.Tokens {
			s.Tokens[i].Lemma = map[string]string{"said": "say", "told": "tell"}[s.Tokens[i].Form]
		}
		subjectOfReported(s)
		if got := arcs(s); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}
