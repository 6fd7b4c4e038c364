package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// A scheduled act: "X is due to visit Y", "X is set to host Y", "X is
// expected to meet Y". EWT knows "due to" mostly as a preposition ("due to
// the rain") and reads "set to host" as an adjective with a clausal
// subject, so the parser makes the infinitive a clausal subject or an
// adverbial clause, and with "due" it may take the whole name before it
// apart. The act is the infinitive's, the subject before the copula is its
// subject: the word of scheduling heads the clause with the subject
// (nsubj), the copula or auxiliary, and the infinitive as its open
// complement (xcomp) with "to" as its marker.

// scheduleWords are the words "be … to" frames a scheduled act with.
var scheduleWords = map[string]bool{"due": true, "set": true, "scheduled": true, "slated": true, "poised": true,
	"expected": true, "likely": true}

// scheduledAct repairs the clause of a scheduled act in parsed s.
func scheduledAct(s *ud.Sentence) {
	n := len(s.Tokens)
	for j := 2; j+2 < n; j++ {
		w := s.Tokens[j]
		if w.UPOS != ud.ADJ && !(w.UPOS == ud.VERB && w.XPOS == "VBN") || !scheduleWords[strings.ToLower(w.Form)] {
			continue
		}
		be := s.Tokens[j-1]
		if be.Lemma != "be" || be.UPOS != ud.AUX {
			continue
		}
		to, v := s.Tokens[j+1], s.Tokens[j+2]
		if !strings.EqualFold(to.Form, "to") || v.UPOS != ud.VERB || v.XPOS != "VB" {
			continue
		}
		// the subject: the phrase before the copula, back to the
		// sentence's start or a clause boundary
		lo := j - 2
		for lo > 0 && !clauseBoundary(s.Tokens[lo-1]) {
			lo--
		}
		if lo > j-2 || s.Tokens[j-2].UPOS == ud.PUNCT {
			continue
		}
		head := -1 // the one word of the phrase whose head is outside it
		for k := lo; k <= j-2; k++ {
			if h := s.Tokens[k].Head - 1; h < lo || h > j-2 {
				if head >= 0 {
					head = -2
					break
				}
				head = k
			}
		}
		if head < 0 {
			continue
		}
		switch u := s.Tokens[head].UPOS; u {
		case ud.NOUN, ud.PROPN, ud.PRON:
		default:
			continue
		}
		if s.Tokens[head].Head == j+1 && strings.HasPrefix(s.Tokens[head].Rel, "nsubj") &&
			v.Head == j+1 && v.Rel == "xcomp" {
			continue // already right
		}
		// the scheduling word keeps its own head when that lies outside
		// the clause, or takes the subject phrase's place as the root
		jh, jrel := s.Tokens[j].Head, s.Tokens[j].Rel
		switch {
		case jh == 0:
		case jh-1 >= lo && jh-1 <= j-2 || under(s, jh-1, j):
			if s.Tokens[head].Head != 0 {
				continue
			}
			jh, jrel = 0, "root"
		}
		if s.Tokens[head].Head == 0 && jh != 0 || jh != 0 && under(s, jh-1, head) {
			continue // two roots, or a head the move would make a cycle of
		}
		tryRepair(s, func() {
			// what hung on the subject phrase's head from outside the
			// phrase hangs on the scheduling word
			for k := range s.Tokens {
				if k != j && (k < lo || k > j-2) && s.Tokens[k].Head == head+1 {
					s.Tokens[k].Head = j + 1
				}
			}
			setScheduled(s, j, head, jh, jrel)
		})
	}
}

// setScheduled hangs the clause of scheduling word j on jh with relation
// jrel, with the subject phrase's head as its subject, the word before it
// as its copula or auxiliary and the infinitive two words after as its
// open complement.
func setScheduled(s *ud.Sentence, j, head, jh int, jrel string) {
	s.Tokens[j].Head, s.Tokens[j].Rel = jh, jrel
	s.Tokens[head].Head, s.Tokens[head].Rel = j+1, "nsubj"
	if s.Tokens[j].UPOS == ud.VERB {
		s.Tokens[head].Rel = "nsubj:pass"
		s.Tokens[j-1].Head, s.Tokens[j-1].Rel = j+1, "aux:pass"
	} else {
		s.Tokens[j-1].Head, s.Tokens[j-1].Rel = j+1, "cop"
	}
	s.Tokens[j+1].Head, s.Tokens[j+1].Rel = j+3, "mark"
	s.Tokens[j+2].Head, s.Tokens[j+2].Rel = j+1, "xcomp"
}

// clauseBoundary reports whether t ends the clause before a subject: a
// comma, colon, semicolon, dash or a subordinating or coordinating word.
func clauseBoundary(t ud.Token) bool {
	switch t.Form {
	case ",", ";", ":", "–", "—", "-", "(", "\"", "“":
		return true
	}
	return t.UPOS == ud.SCONJ || t.UPOS == ud.CCONJ
}
