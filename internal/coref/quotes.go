package coref

import (
	"strings"

	"farabi/internal/actor"
	"farabi/internal/ud"
)

// How a quotation's speaker was found, the Via of a [Quote].
const (
	ViaVerb      = "verb"      // the subject of a verb of speech: "“…,” Putin said"
	ViaAccording = "according" // "according to X"
	ViaColon     = "colon"     // "X: “…”" or "X said: “…”"
	ViaTurn      = "turn"      // the speaker of a transcript's turn
	ViaSpan      = "span"      // a quotation running over sentences, attributed where it opens or closes
	ViaNear      = "near"      // no attribution of its own: the speaker named in the sentence before or after
)

// Quotes returns the quotations of the next sentences of the story, one
// slice per sentence, with their speakers. Unlike [Resolver.Quotes] it
// knows the story: a quotation may open in one sentence and close in a
// later one ("“A. B,” he said"), and a transcript's turn ("Vladimir Putin:
// …") is the speaker's words though no quotation marks enclose them. Call
// it after [Story.Resolve] with the same sentences and mentions.
func (st *Story) Quotes(sents []*ud.Sentence, ms [][]actor.Mention) [][]Quote {
	out := make([][]Quote, len(sents))
	type piece struct {
		si, k int // sentence and quote index in out
	}
	var open []piece  // pieces of a quotation not yet closed
	var loose []piece // quotations with no speaker, waiting for one named next
	var openSpeaker actor.Mention
	openHas := false
	for si, s := range sents {
		in, closesAt := st.quotedFrom(s)
		speaker, how, has := st.r.speakerOf(s, ms[si], in)
		turn := st.groups.inTurn && !st.labelled(s, ms[si])
		if turn && !has {
			speaker, how, has = st.groups.turn, ViaTurn, true
		}
		for i := 0; i < len(in); {
			if !in[i] {
				i++
				continue
			}
			j := i
			for j+1 < len(in) && in[j+1] {
				j++
			}
			end := j
			if end > i && (s.Tokens[end].Form == "," || s.Tokens[end].Form == ":") {
				end-- // the comma before "he said" belongs to the frame
			}
			q := Quote{Span: ud.Span{Start: s.Tokens[i].Span.Start, End: s.Tokens[end].Span.End}}
			continues := i == 0 && st.carry // began in an earlier sentence
			runsOn := j == len(in)-1 && st.quoteOpen
			switch {
			case has:
				q.Speaker, q.HasSpeaker, q.Via = speaker, true, how
			case continues && openHas:
				q.Speaker, q.HasSpeaker, q.Via = openSpeaker, true, ViaSpan
			}
			// A quotation of a word or two is a term, not speech: "a
			// “promising market”" — unless it runs over sentences.
			if j-i >= 3 || continues || runsOn {
				out[si] = append(out[si], q)
				if !q.HasSpeaker && (continues || runsOn) {
					open = append(open, piece{si, len(out[si]) - 1})
				}
			}
			i = j + 1
		}
		// In a turn, the words outside quotation marks are the speaker's;
		// in the sentence that opens it, those after the colon.
		label := st.labelEnd(s, ms[si])
		if (turn || label >= 0) && len(s.Tokens) > 0 {
			first := label + 1
			for first < len(s.Tokens) && s.Tokens[first].UPOS == ud.PUNCT {
				first++
			}
			if first < len(s.Tokens) && !in[first] {
				q := Quote{Span: ud.Span{Start: s.Tokens[first].Span.Start, End: s.Tokens[len(s.Tokens)-1].Span.End},
					Speaker: st.groups.turn, HasSpeaker: true, Via: ViaTurn}
				if label >= 0 {
					for _, m := range ms[si] {
						if m.Last+1 == label {
							q.Speaker = m
						}
					}
				}
				out[si] = append(out[si], q)
			}
		}
		// The speaker of a quotation over several sentences is named where
		// it opens ("X said: “A. B.”") or where it closes ("“A. B,” X
		// said"): give the pieces without one the speaker found.
		if has && (st.quoteOpen || closesAt >= 0) {
			for _, p := range open {
				q := &out[p.si][p.k]
				q.Speaker, q.HasSpeaker, q.Via = speaker, true, ViaSpan
			}
			open = open[:0]
		}
		if st.quoteOpen {
			if has {
				openSpeaker, openHas = speaker, true
			}
		} else {
			openHas = false
			open = open[:0]
		}
		// A quotation standing alone between attributed ones is the last
		// speaker's ("X said …. “A.” “B,” he added"): give quotations
		// without a speaker the one named in the sentence before or after.
		if has {
			for _, p := range loose {
				if q := &out[p.si][p.k]; si-p.si <= 1 && !q.HasSpeaker {
					q.Speaker, q.HasSpeaker, q.Via = speaker, true, ViaNear
				}
			}
			loose = loose[:0]
			st.lastSpeaker, st.lastSpoke = speaker, 0
		} else {
			st.lastSpoke++
		}
		for k := range out[si] {
			q := &out[si][k]
			if q.HasSpeaker {
				continue
			}
			if st.lastSpoke <= 1 && st.lastSpeaker.Code != "" {
				q.Speaker, q.HasSpeaker, q.Via = st.lastSpeaker, true, ViaNear
			} else {
				loose = append(loose, piece{si, k})
			}
		}
	}
	return out
}

// quotedFrom marks the words of s inside quotation marks, carrying an open
// quotation over from the sentence before, and records whether one is
// still open at its end. It returns the index of the mark that closes a
// quotation opened in an earlier sentence, or -1.
func (st *Story) quotedFrom(s *ud.Sentence) ([]bool, int) {
	in := make([]bool, len(s.Tokens))
	st.carry = st.opener != ""
	closesAt := -1
	for i, t := range s.Tokens {
		f := t.Form
		switch {
		case st.opener == "" && (f == "“" || f == "\"" || f == "«" || f == "``"):
			st.opener = f
		case st.opener == "" && f == "‘" && closerAhead(s, i):
			st.opener = f
		case st.opener != "" && closes(st.opener, f):
			if st.carry && closesAt < 0 {
				closesAt = i
			}
			st.opener = ""
		case st.opener != "":
			in[i] = true
		}
	}
	// A quotation still open at a sentence's end goes on in the next one:
	// news often closes it only after the last quoted sentence.
	st.quoteOpen = st.opener != ""
	return in, closesAt
}

// closes reports whether mark f closes a quotation opened with opener.
func closes(opener, f string) bool {
	switch opener {
	case "“":
		return f == "”" || f == "\""
	case "\"":
		return f == "\"" || f == "”"
	case "«":
		return f == "»"
	case "``":
		return f == "''"
	case "‘":
		return f == "’"
	}
	return false
}

// closerAhead reports whether a single closing mark follows word i in s: a
// ‘ opens a quotation only then.
func closerAhead(s *ud.Sentence, i int) bool {
	for _, t := range s.Tokens[i+1:] {
		if t.Form == "’" {
			return true
		}
	}
	return false
}

// labelled reports whether s opens a transcript's turn ("Vladimir Putin:").
func (st *Story) labelled(s *ud.Sentence, ms []actor.Mention) bool {
	return st.labelEnd(s, ms) >= 0
}

// labelEnd returns the colon that ends the speaker's label of a turn
// opening in s, or -1.
func (st *Story) labelEnd(s *ud.Sentence, ms []actor.Mention) int {
	for _, m := range ms {
		if m.Person && m.First >= 0 && m.Last+1 < len(s.Tokens) && s.Tokens[m.Last+1].Form == ":" && onlyPunctBefore(s, m.First) {
			return m.Last + 1
		}
	}
	return -1
}

// speakerOf finds who speaks the quotations of s: the subject of a verb of
// speech outside them, "according to X", or "X:" before a quotation.
func (r *Resolver) speakerOf(s *ud.Sentence, ms []actor.Mention, in []bool) (actor.Mention, string, bool) {
	for i, t := range s.Tokens {
		if in[i] || !speechVerbs[lemma(t)] {
			continue
		}
		for j, c := range s.Tokens {
			if c.Head != i+1 || in[j] {
				continue
			}
			switch ud.BaseRel(c.Rel) {
			case "nsubj":
				if m, ok := mentionAt(ms, j); ok {
					return m, ViaVerb, true
				}
				// "Jasina, the spokesman for the Polish foreign ministry,
				// said": the actor is named in an apposition
				for k, d := range s.Tokens {
					if d.Head == j+1 && (d.Rel == "appos" || d.Rel == "nmod" || d.Rel == "compound") && !in[k] {
						if m, ok := mentionAt(ms, k); ok {
							return m, ViaVerb, true
						}
					}
				}
			case "obl":
				// "was said by X", "the statement by X"
				if c.Rel == "obl:agent" || hasCaseWord(s, j, "by") {
					if m, ok := mentionAt(ms, j); ok {
						return m, ViaVerb, true
					}
				}
			}
		}
		// "said X" after the quotation, where the parser made X no subject
		if i+1 < len(s.Tokens) && !in[i+1] {
			if m, ok := mentionAt(ms, i+1); ok && (i == 0 || s.Tokens[i-1].UPOS == ud.PUNCT) {
				return m, ViaVerb, true
			}
		}
	}
	for i := range s.Tokens {
		if in[i] || !strings.EqualFold(s.Tokens[i].Form, "according") || i+2 >= len(s.Tokens) || !strings.EqualFold(s.Tokens[i+1].Form, "to") {
			continue
		}
		for j := i + 2; j < len(s.Tokens) && j < i+8 && !in[j]; j++ {
			if m, ok := mentionAt(ms, j); ok {
				return m, ViaAccording, true
			}
		}
	}
	// "X: “…”" and "X said in a statement: “…”"
	for i, t := range s.Tokens {
		if t.Form != ":" || in[i] || i+1 >= len(s.Tokens) || !in[i+1] && !openQuotes[s.Tokens[i+1].Form] {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-8; j-- {
			if m, ok := mentionAt(ms, j); ok {
				return m, ViaColon, true
			}
		}
	}
	return actor.Mention{}, "", false
}

// hasCaseWord reports whether word i has a case child spelled w.
func hasCaseWord(s *ud.Sentence, i int, w string) bool {
	for _, t := range s.Tokens {
		if t.Head == i+1 && t.Rel == "case" && strings.EqualFold(t.Form, w) {
			return true
		}
	}
	return false
}
