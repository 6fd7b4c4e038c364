package coref

import (
	"sort"
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
	ViaClause    = "clause"    // a quotation inside the writer's clause: that clause's subject
	ViaDocument  = "document"  // "“…,” the document says": the author of the note or statement the story named
)

// documentNouns name texts that speak for their author: "the note
// says", "the statement reads".
var documentNouns = set("document", "note", "statement", "letter", "communique", "communiqué", "declaration", "message", "text", "release", "resolution", "memorandum", "appeal", "address")

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
	var prevSubject actor.Mention // the person subject of the sentence before
	prevHas := false
	for si, s := range sents {
		in, closesAt := st.quotedFrom(s)
		speaker, how, has := st.r.speakerOf(s, ms[si], in)
		if a, ok := documentAuthor(s, ms[si], in); ok {
			st.author, st.hasAuthor = a, true
		}
		if !has && st.hasAuthor && documentSpeaks(s, in) {
			speaker, how, has = st.author, ViaDocument, true
		}
		// the speaker of a transcript's turn, as Resolve found it for
		// this sentence (the story's state has moved on since)
		turnSpeaker, turn := actor.Mention{}, false
		for _, m := range ms[si] {
			if m.Method == actor.ImplicitSpeaker {
				turnSpeaker, turn = m, true
			}
		}
		if turn && !has {
			speaker, how, has = turnSpeaker, ViaTurn, true
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
			default:
				// a quotation inside the writer's clause ("Chile
				// “places great weight on …”", "arguing there was
				// “no room left …”"): the subject of the clause around it
				if m, ok := clauseSubject(s, ms[si], in, i, j); ok {
					q.Speaker, q.HasSpeaker, q.Via = m, true, ViaClause
				}
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
					Speaker: turnSpeaker, HasSpeaker: true, Via: ViaTurn}
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
			st.lastSpeaker, st.lastSpoke, st.lastPar = speaker, 0, st.par
		} else {
			st.lastSpoke++
		}
		for k := range out[si] {
			q := &out[si][k]
			if q.HasSpeaker {
				continue
			}
			switch {
			case st.lastSpeaker.Code != "" && (st.lastSpoke <= 1 || st.lastPar == st.par && st.text != ""):
				// the last speaker, a sentence before or in the same
				// paragraph ("Wang said …. B. “C.”")
				q.Speaker, q.HasSpeaker, q.Via = st.lastSpeaker, true, ViaNear
			case prevHas && len(s.Tokens) > 0 && openQuotes[s.Tokens[0].Form] && i0(q.Span, s):
				// a quotation opening the sentence after one whose
				// subject is a person ("X sounded hopeful. “All in
				// all, the results suit us …”"): that person's words
				q.Speaker, q.HasSpeaker, q.Via = prevSubject, true, ViaNear
			default:
				loose = append(loose, piece{si, k})
			}
		}
		prevSubject, prevHas = personSubject(s, ms[si], in)
	}
	return out
}

// i0 reports whether a quotation opens sentence s (after its marks).
func i0(q ud.Span, s *ud.Sentence) bool {
	for _, t := range s.Tokens {
		if t.UPOS != ud.PUNCT {
			return t.Span.Start == q.Start
		}
	}
	return false
}

// personSubject returns the person who is the subject of s's main verb.
func personSubject(s *ud.Sentence, ms []actor.Mention, in []bool) (actor.Mention, bool) {
	for j, t := range s.Tokens {
		if t.Head == 0 || in[j] || !strings.HasPrefix(t.Rel, "nsubj") || t.Rel == "nsubj:pass" || s.Tokens[t.Head-1].Head != 0 {
			continue
		}
		if m, ok := mentionAt(ms, j); ok && m.Person {
			return m, true
		}
	}
	// "X, head of Y, echoed …" where the parser made the name the root
	for j, t := range s.Tokens {
		if t.Head == 0 && t.UPOS == ud.PROPN && !in[j] {
			if m, ok := mentionAt(ms, j); ok && m.Person && m.First == 0 {
				return m, true
			}
		}
	}
	return actor.Mention{}, false
}

// quotedFrom marks the words of s inside quotation marks, carrying an open
// quotation over from the sentence before, and records whether one is
// still open at its end. It returns the index of the mark that closes a
// quotation opened in an earlier sentence, or -1.
func (st *Story) quotedFrom(s *ud.Sentence) ([]bool, int) {
	in := make([]bool, len(s.Tokens))
	st.carry = st.opener != ""
	first := 0
	newPar := st.newParagraph(s)
	if newPar {
		st.par++
	}
	if st.opener != "" && newPar {
		// A quotation left open at a paragraph's end goes on only where
		// the next paragraph opens with a quotation mark, as news marks
		// a quotation of several paragraphs; else it was never closed.
		st.opener, st.depth = "", 0
		if len(s.Tokens) > 0 && openQuotes[s.Tokens[0].Form] {
			st.opener, first = s.Tokens[0].Form, 1
			if st.opener == "\"" || st.opener == "``" {
				st.opener, st.depth = "\"", 1
			}
		} else {
			st.carry = false
		}
	}
	closesAt := -1
	for i := first; i < len(s.Tokens); i++ {
		t := s.Tokens[i]
		f := t.Form
		if (f == "\"" || f == "``" || f == "''") && (st.opener == "" || st.opener == "\"" || st.opener == "``") {
			// Straight marks nest by their spacing: one opens before a
			// word, closes after one ("a \"cultural bureau\" flying
			// the flag of \"Kosovo\". The step …,\" the ministry
			// said"); one the spacing does not tell closes what is open,
			// else opens; a closing mark with nothing open is stray.
			fl := flank(s, i)
			switch {
			case fl > 0 || fl == 0 && st.depth == 0:
				st.depth++
				if st.depth == 1 {
					st.opener = "\""
				} else {
					in[i] = true
				}
			case st.depth > 0:
				st.depth--
				if st.depth == 0 {
					if st.carry && closesAt < 0 {
						closesAt = i
					}
					st.opener = ""
				} else {
					in[i] = true
				}
			}
			continue
		}
		switch {
		case st.opener == "" && (f == "“" || f == "\"" || f == "«" || f == "``"):
			st.opener = f
		case st.opener == "" && f == "‘" && (closerAhead(s, i) || st.text != "" && (i == 0 || s.Tokens[i-1].Form == ":")):
			// one opening a sentence may close sentences later: a
			// paragraph's end stops it if it never does
			st.opener = f
		case st.opener == "" && f == "'" && flank(s, i) > 0 && (i == 0 || s.Tokens[i-1].Form == ":" || s.Tokens[i-1].Form == ","):
			// a single straight mark opens a quotation only at the
			// head of a sentence or after a colon or comma: elsewhere it
			// is an apostrophe ("the countries' leaders")
			st.opener = f
		case st.opener != "" && closes(st.opener, f):
			if st.carry && closesAt < 0 {
				closesAt = i
			}
			st.opener, st.depth = "", 0
		case st.opener != "":
			in[i] = true
		}
	}
	// A quotation still open at a sentence's end goes on in the next one:
	// news often closes it only after the last quoted sentence.
	st.quoteOpen = st.opener != ""
	st.prevEnd = s.Span.End
	return in, closesAt
}

// flank tells how a straight quotation mark at word i sits: +1 when a
// word follows it with no space and none stands before it (it opens), -1
// when a word stands before it with no space and a space or punctuation
// follows (it closes), 0 when the spacing does not tell.
func flank(s *ud.Sentence, i int) int {
	t := s.Tokens[i]
	before := i > 0 && s.Tokens[i-1].Span.End == t.Span.Start && s.Tokens[i-1].UPOS != ud.PUNCT
	after := i+1 < len(s.Tokens) && s.Tokens[i+1].Span.Start == t.Span.End && s.Tokens[i+1].UPOS != ud.PUNCT
	switch {
	case after && !before:
		return +1
	case before && !after:
		return -1
	}
	return 0
}

// newParagraph reports whether s starts a paragraph: a line break
// separates it from the sentence before. Without the story's text it
// never does.
func (st *Story) newParagraph(s *ud.Sentence) bool {
	if st.text == "" || st.prevEnd <= 0 || st.prevEnd > s.Span.Start || s.Span.Start > len(st.text) {
		return false
	}
	return strings.Contains(st.text[st.prevEnd:s.Span.Start], "\n")
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
	case "'":
		return f == "'" || f == "’"
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
	// Verbs of speech outside the quotation, the main verb and those
	// nearest a quotation first: "Expressing his thanks, Erdogan remarked,
	// “…”" is Erdogan's.
	var verbs []int
	for i, t := range s.Tokens {
		if !in[i] && speechVerbs[lemma(t)] {
			verbs = append(verbs, i)
		}
	}
	sort.SliceStable(verbs, func(a, b int) bool { return speechRank(s, in, verbs[a]) < speechRank(s, in, verbs[b]) })
	for _, i := range verbs {
		for j, c := range s.Tokens {
			if c.Head != i+1 || in[j] {
				continue
			}
			switch ud.BaseRel(c.Rel) {
			case "nsubj":
				// the subject, or an actor named inside it ("Berzins, the
				// spokesman for the Latvian foreign ministry, said";
				// "Colonel X of the Indian Army said")
				if m, ok := mentionBelow(s, ms, in, j, 3); ok {
					return m, ViaVerb, true
				}
			case "obl":
				// "was said by X", "the statement by X"
				if c.Rel == "obl:agent" || hasCaseWord(s, j, "by") {
					if m, ok := mentionBelow(s, ms, in, j, 2); ok {
						return m, ViaVerb, true
					}
				}
			}
		}
		// "“…,” the President of Kyrgyzstan said" where the parser gave
		// "said" no subject: the actor just before the verb
		// — or the office just before the comma that closes the
		// subject's apposition: "X, who speaks for the Czech
		// foreign ministry, said"
		for j := i - 1; j >= 0 && j >= i-8 && !in[j]; j-- {
			if m, ok := mentionAt(ms, j); ok {
				return m, ViaVerb, true
			}
			if f := s.Tokens[j].Form; f == "," && j == i-1 && j > 0 && !in[j-1] {
				if m, ok := mentionAt(ms, j-1); ok {
					return m, ViaVerb, true
				}
			}
			if f := s.Tokens[j].Form; closeQuotes[f] || f == "," || f == ";" || f == ":" {
				break
			}
		}
		// "said X" after the quotation, where the parser made X no subject
		// (not "Expressing his thanks, X remarked", which quotes nothing
		// before the verb)
		if i > 0 && i+1 < len(s.Tokens) && !in[i+1] && s.Tokens[i-1].UPOS == ud.PUNCT && quotedBefore(in, i) {
			if m, ok := mentionAt(ms, i+1); ok {
				return m, ViaVerb, true
			}
		}
		// "X raised the stakes, insisting there was “…”": a participle
		// of speech with no subject of its own speaks for the subject of
		// the clause it hangs on
		if t := s.Tokens[i]; (t.XPOS == "VBG" || t.XPOS == "VBN") && t.Head > 0 {
			switch ud.BaseRel(t.Rel) {
			case "advcl", "xcomp", "conj":
				h := t.Head - 1
				for j, c := range s.Tokens {
					if c.Head == h+1 && !in[j] && strings.HasPrefix(c.Rel, "nsubj") && c.Rel != "nsubj:pass" {
						if m, ok := mentionBelow(s, ms, in, j, 3); ok {
							return m, ViaVerb, true
						}
					}
				}
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

// clauseSubject finds the subject of the clause a quotation from word i to
// j sits in: a subject outside the quotation that hangs on a quoted word,
// or on the words the quotation hangs on, up to three steps up.
func clauseSubject(s *ud.Sentence, ms []actor.Mention, in []bool, i, j int) (actor.Mention, bool) {
	subjectOf := func(h int) (actor.Mention, bool) {
		for k, t := range s.Tokens {
			if t.Head == h+1 && !in[k] && strings.HasPrefix(t.Rel, "nsubj") {
				if m, ok := mentionBelow(s, ms, in, k, 2); ok {
					return m, true
				}
			}
		}
		return actor.Mention{}, false
	}
	for k := i; k <= j; k++ {
		if m, ok := subjectOf(k); ok {
			return m, true
		}
	}
	h := s.Tokens[i].Head - 1
	for step := 0; step < 3 && h >= 0; step++ {
		if !in[h] {
			if m, ok := subjectOf(h); ok {
				return m, true
			}
		}
		h = s.Tokens[h].Head - 1
	}
	return actor.Mention{}, false
}

// speechRank orders verbs of speech: the sentence's main verb first, then
// by distance to the nearest quoted word.
func speechRank(s *ud.Sentence, in []bool, i int) int {
	if s.Tokens[i].Head == 0 {
		return -1
	}
	best := len(s.Tokens)
	for j := range in {
		if in[j] {
			d := j - i
			if d < 0 {
				d = -d
			}
			best = min(best, d)
		}
	}
	return best
}

// mentionBelow returns the actor at word j or in its phrase (appositions,
// nominal modifiers, compounds) down to depth words below.
func mentionBelow(s *ud.Sentence, ms []actor.Mention, in []bool, j, depth int) (actor.Mention, bool) {
	if m, ok := mentionAt(ms, j); ok {
		return m, true
	}
	if depth == 0 {
		return actor.Mention{}, false
	}
	for k, d := range s.Tokens {
		if d.Head != j+1 || in[k] {
			continue
		}
		switch ud.BaseRel(d.Rel) {
		case "appos", "nmod", "compound", "flat", "amod", "conj":
			if m, ok := mentionBelow(s, ms, in, k, depth-1); ok {
				return m, true
			}
		}
	}
	return actor.Mention{}, false
}

// documentAuthor finds who hands, issues or sends a document in s: the
// subject of "handed a note of protest", the agent of "X was handed a
// protest note by Y".
func documentAuthor(s *ud.Sentence, ms []actor.Mention, in []bool) (actor.Mention, bool) {
	for i, t := range s.Tokens {
		if in[i] || t.UPOS != ud.NOUN || !documentNouns[lemma(t)] || t.Head == 0 {
			continue
		}
		v := t.Head - 1
		if s.Tokens[v].UPOS != ud.VERB {
			continue
		}
		for j, c := range s.Tokens {
			if c.Head != v+1 || in[j] {
				continue
			}
			if c.Rel == "nsubj" && ud.BaseRel(t.Rel) == "obj" || c.Rel == "obl:agent" || ud.BaseRel(c.Rel) == "obl" && hasCaseWord(s, j, "by") {
				if m, ok := mentionBelow(s, ms, in, j, 3); ok {
					return m, true
				}
			}
		}
	}
	return actor.Mention{}, false
}

// documentSpeaks reports whether a verb of speech in s has a document
// for its subject and no actor in it: "“…,” the document says".
func documentSpeaks(s *ud.Sentence, in []bool) bool {
	for i, t := range s.Tokens {
		if in[i] || !strings.HasPrefix(t.Rel, "nsubj") || !documentNouns[lemma(t)] || t.Head == 0 {
			continue
		}
		if v := s.Tokens[t.Head-1]; speechVerbs[lemma(v)] || lemma(v) == "read" {
			return true
		}
	}
	return false
}

// quotedBefore reports whether a quoted word comes before word i.
func quotedBefore(in []bool, i int) bool {
	for _, q := range in[:i] {
		if q {
			return true
		}
	}
	return false
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

// QuoteSpeakers gives the first-person pronouns of a quotation whose
// speaker the story names only in another sentence ("“… I would like to
// thank you …,” Putin said" over three sentences) to that speaker, as
// mentions of ms; Resolve gives those of a sentence that names its own
// speaker. Call it with what [Story.Quotes] returned.
func (st *Story) QuoteSpeakers(sents []*ud.Sentence, ms [][]actor.Mention, qs [][]Quote) {
	for si, s := range sents {
		if si >= len(qs) {
			break
		}
		for _, q := range qs[si] {
			if !q.HasSpeaker || q.Speaker.Code == "" || q.Via != ViaSpan && q.Via != ViaNear {
				continue
			}
			for i, t := range s.Tokens {
				if t.Span.Start < q.Span.Start || t.Span.End > q.Span.End {
					continue
				}
				if _, ok := mentionAt(ms[si], i); ok {
					continue
				}
				switch low := strings.ToLower(t.Form); {
				case firstPerson[low]:
					ms[si] = append(ms[si], derived(s, i, i, q.Speaker.Code, BySpeaker, 0.5, "speaker of the quotation, "+q.Speaker.Name))
				case low == "you" || low == "your":
					if p, ok := st.r.other(st.groups, s, ms[si], i, q.Speaker.Code); ok {
						ms[si] = append(ms[si], derived(s, i, i, p.m.Code, ByAddressee, 0.45, "“"+t.Form+"” → the partner of the quotation's speaker "+q.Speaker.Name))
					}
				}
			}
		}
	}
}
