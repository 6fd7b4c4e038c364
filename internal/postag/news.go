package postag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"farabi/internal/ud"
)

// Typographic apostrophes. News writes contractions and the possessive
// with the right single quotation mark ("it’s", "don’t", "they’re"),
// which the tokenizer splits as it splits "'s" and "n't"; EWT, written on
// the web, has them almost only with the straight apostrophe, so the
// tagger met "’re" and "’d" as unknown words and tagged them as nouns and
// symbols. The tagger reads the clitics with the straight apostrophe.

// plainApostrophe returns the clitic form with a straight apostrophe for
// the clitics written with a typographic one, and form otherwise. It
// does not allocate.
func plainApostrophe(form string) string {
	if len(form) < 3 || len(form) > 6 {
		return form
	}
	switch form {
	case "’s":
		return "'s"
	case "’S":
		return "'S"
	case "n’t":
		return "n't"
	case "N’T":
		return "N'T"
	case "’re":
		return "'re"
	case "’d":
		return "'d"
	case "’ve":
		return "'ve"
	case "’m":
		return "'m"
	case "’ll":
		return "'ll"
	}
	return form
}

// Roman numerals after names. "Elizabeth II", "Pope John Paul II",
// "World War I": EWT tags the numeral as a number (NUM, CD), but the
// greedy tagger reads a lone "I" as the pronoun and "IV" as a noun. A
// Roman numeral of two or more letters right after a proper noun is a
// number; so is "I" when nothing follows it or punctuation, a
// preposition or a conjunction does ("Charles I, who …", "replaced
// Charles I with …"), where the pronoun would need its verb.

// romanNumerals retags those numerals.
func (t *Tagger) romanNumerals(sc *scratch, s *ud.Sentence) {
	if t.numCD < 0 {
		return
	}
	n := len(s.Tokens)
	for i := 1; i < n; i++ {
		w := s.Tokens[i].Form
		if !isRoman(w) || sc.class[i] == t.numCD || t.tags[sc.class[i-1]].xpos != "NNP" {
			continue
		}
		if w == "I" && i+1 < n {
			switch t.tags[sc.class[i+1]].upos {
			case ud.PUNCT, ud.ADP, ud.CCONJ:
			default:
				continue
			}
		}
		sc.class[i] = t.numCD
	}
}

// isRoman reports whether w is a Roman numeral from I to XXXIX written in
// capitals, but for "X" alone ("Malcolm X", "Generation X").
func isRoman(w string) bool {
	if w == "" || w == "X" || len(w) > 7 {
		return false
	}
	i := 0
	for i < len(w) && i < 3 && w[i] == 'X' {
		i++
	}
	rest := w[i:]
	switch rest {
	case "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX":
		return rest != "" || i > 0
	}
	return false
}

// Prepositions that open clauses. "after", "before", "since" and "until"
// are prepositions before a noun phrase ("after the talks", ADP) and
// subordinating conjunctions before a clause ("after the talks
// collapsed", SCONJ), in EWT as in UD; the greedy tagger chooses before
// it has seen what follows. Once the sentence is tagged, such a word
// followed by a simple noun phrase and a finite verb or auxiliary is a
// conjunction when it opens the sentence (or follows punctuation) or a
// finite verb came before it, and one followed by a noun phrase with no
// verb before the next punctuation mark is a preposition.

// clauseConjunctions retags those words.
func (t *Tagger) clauseConjunctions(sc *scratch, s *ud.Sentence) {
	if t.adpIN < 0 || t.sconjIN < 0 {
		return
	}
	n := len(s.Tokens)
	for i := 0; i+2 < n; i++ {
		c := sc.class[i]
		if c != t.adpIN && c != t.sconjIN || !conjunctionPrep(s.Tokens[i].Form) {
			continue
		}
		if !t.nominal(sc, i+1) && t.tags[sc.class[i+1]].xpos != "PRP" {
			continue
		}
		// The first finite verb, and whether any verb comes, before the
		// next punctuation mark.
		f, verb := -1, false
		for k := i + 1; k < n && f < 0 && t.tags[sc.class[k]].upos != ud.PUNCT; k++ {
			switch u := t.tags[sc.class[k]]; {
			case u.xpos == "VBD" || u.xpos == "VBZ" || u.xpos == "VBP" || u.xpos == "MD":
				f = k
			case u.upos == ud.VERB || u.upos == ud.AUX:
				verb = true
			}
		}
		switch {
		case f < 0 && !verb:
			sc.class[i] = t.adpIN
		case f >= 0 && t.subjectBefore(sc, i+1, f) >= 0 && t.opensCoordinatedClause(sc, s, i+1, t.subjectBefore(sc, i+1, f)) &&
			(i == 0 || t.tags[sc.class[i-1]].upos == ud.PUNCT || t.hasFinite(sc, 0, i) || durationBefore(s, i)):
			// The verb is the clause's only when the sentence's own
			// clause has its verb before it, or the clause opens the
			// sentence: in "A declaration issued after the summit said
			// …" it is the sentence's.
			sc.class[i] = t.sconjIN
		}
	}
}

// durationBefore reports whether word i, a clause-opening preposition,
// follows a span of time or an adverb of nearness: "hours after the
// army shelled the town", "a day after the two sides met", "shortly
// before the vote began". Such a phrase measures the distance to an
// event told by a clause, and opens the sentence as often as not, with
// no finite verb before it.
func durationBefore(s *ud.Sentence, i int) bool {
	if i == 0 {
		return false
	}
	switch strings.ToLower(s.Tokens[i-1].Form) {
	case "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
		"month", "months", "year", "years", "moment", "moments", "decade", "decades",
		"shortly", "soon", "immediately", "just", "right", "long":
		return true
	}
	return false
}

// conjunctionPrep reports whether w is one of the words that
// clauseConjunctions sorts.
func conjunctionPrep(w string) bool {
	switch w {
	case "after", "before", "since", "until", "After", "Before", "Since", "Until":
		return true
	}
	return false
}

// A participle that opens a sentence. "Hit by falling prices, the
// government cut spending": "hit", "cut", "put", "set", "spread" are base
// forms and participles alike, and at the start of a sentence the tagger,
// having seen imperatives there, takes the base form; before "by" (the
// agent of a passive) the word is the participle. Run before the other
// passes, which then see the clause after the participle's phrase.

// participleFirst retags such a first word as VBN and the words after it
// again.
func (t *Tagger) participleFirst(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	if t.verbVBN < 0 || n < 4 || t.tags[sc.class[0]].xpos != "VB" || !strings.EqualFold(s.Tokens[1].Form, "by") {
		return
	}
	// The lexicon has a participle that differs from the base form
	// ("driven"); the treebank has "hit", "cut" as participles.
	ok := sc.info[pad].lexTags&tgVBD != 0
	if w, known := t.words[strings.ToLower(s.Tokens[0].Form)]; !ok && known {
		_, ok = t.lex.get(lexKey(w, t.verbVBN))
	}
	if !ok {
		return
	}
	sc.class[0] = t.verbVBN
	t.tagFrom(sc, 1, n)
}

// joiningDash reads an en dash written between two words with no space
// on either side ("the Russia–Central Asia summit", "Kazakh–Chinese
// talks", "2025–2027") as the hyphen EWT has there; form is the word's
// form as the tagger reads it otherwise.
func joiningDash(s *ud.Sentence, i int, form string) string {
	if form != "–" || i == 0 || i+1 >= len(s.Tokens) {
		return form
	}
	if s.Tokens[i-1].Span.End == s.Tokens[i].Span.Start && s.Tokens[i].Span.End == s.Tokens[i+1].Span.Start {
		return "-"
	}
	return form
}

// joiningHyphens gives the class of a hyphen to every hyphen written
// between two words with no space on either side ("Russia-backed",
// "Secretary-General", "Tehreek-e-Taliban"), as the tagger, which does
// not see spaces, took one after a name for the comma of a dash written
// between spaces ("Russia - backed" as an apposition). On EWT such a
// hyphen between two words that start with a letter is HYPH 744 times
// of 777 (29 are commas of e-mail writers' dashes, "week-the").
func (t *Tagger) joiningHyphens(sc *scratch, s *ud.Sentence) {
	if t.hyph < 0 {
		return
	}
	for i := 1; i+1 < len(s.Tokens); i++ {
		if f := s.Tokens[i].Form; f != "-" && f != "–" || !joined(s, i) {
			continue
		}
		if letterStart(s.Tokens[i-1].Form) && letterStart(s.Tokens[i+1].Form) {
			sc.info[pad+i].dict = t.hyph
		}
	}
}

// Titles ending in "-general". "the secretary-general", "Kenya's
// attorney-general", "the director-general": written in small letters,
// the tokenizer's "general" after the hyphen was read as the adjective
// ("the UN secretary-general called on …" left "called" with no
// subject, an adjective its amod). After a title noun joined to it by a
// hyphen, "general" is the noun that heads the title, as the capitalized
// "Secretary-General" already is.

// titleGeneral gives such a "general" the class of a common noun.
func (t *Tagger) titleGeneral(sc *scratch, s *ud.Sentence) {
	if t.nounNN < 0 {
		return
	}
	for i := 2; i < len(s.Tokens); i++ {
		if s.Tokens[i].Form != "general" || s.Tokens[i-1].Form != "-" || !joined(s, i-1) {
			continue
		}
		if generalTitle(strings.ToLower(s.Tokens[i-2].Form)) {
			sc.info[pad+i].dict = t.nounNN
		}
	}
}

// generalTitle reports whether w is a title noun that "-general" ends
// ("secretary", "attorney" …).
func generalTitle(w string) bool {
	switch w {
	case "secretary", "attorney", "director", "governor", "solicitor", "inspector",
		"surgeon", "postmaster", "consul", "auditor", "comptroller", "procurator",
		"prosecutor", "advocate", "registrar", "commissioner", "accountant":
		return true
	}
	return false
}

// "alongside" before its noun phrase. The greedy tagger reads "alongside"
// as the adverb after a verb ("North Korean soldiers fought alongside
// Russian troops"), which left "Russian troops" the object of "fought" and
// coded an attack on the allies; before a word that starts a phrase it is
// the preposition, as EWT has it ("worked alongside him").

// alongsidePrep gives "alongside" the class of a preposition when a word
// that can start its object follows it.
func (t *Tagger) alongsidePrep(sc *scratch, s *ud.Sentence) {
	if t.adpIN < 0 {
		return
	}
	for i := 0; i+1 < len(s.Tokens); i++ {
		if !strings.EqualFold(s.Tokens[i].Form, "alongside") {
			continue
		}
		switch next := strings.ToLower(s.Tokens[i+1].Form); next {
		case "and", "or", "but", "nor":
			continue
		default:
			if r, _ := utf8.DecodeRuneInString(next); unicode.IsLetter(r) || unicode.IsDigit(r) {
				sc.info[pad+i].dict = t.adpIN
			}
		}
	}
}

// "border crossing". After "border" the greedy tagger read "crossing" as
// the participle ("closed its last border crossing with Belarus": "closed
// its last border, crossing with Belarus"), which took the neighbour out
// of the closure; after the noun "border" it is the noun it compounds.

// borderCrossing gives "crossing" after "border" the class of a common noun.
func (t *Tagger) borderCrossing(sc *scratch, s *ud.Sentence) {
	if t.nounNN < 0 {
		return
	}
	for i := 1; i < len(s.Tokens); i++ {
		if strings.EqualFold(s.Tokens[i].Form, "crossing") && strings.EqualFold(s.Tokens[i-1].Form, "border") {
			sc.info[pad+i].dict = t.nounNN
		}
	}
}

// "Japan's will to continue". After a possessive ("'s", "s'", "his",
// "their" …) "will" is the noun of intent, never the modal: no verb
// phrase opens with a possessor. The greedy tagger read it as the
// auxiliary ("expressed Japan's will to continue cooperation with …"),
// and the parser hung "continue" under "expressed" with "Japan" as a
// possessor of the verb, which took the intent and its partner apart.

// possessiveWill gives "will" after a possessive the class of a common noun.
func (t *Tagger) possessiveWill(sc *scratch, s *ud.Sentence) {
	if t.nounNN < 0 {
		return
	}
	for i := 1; i < len(s.Tokens); i++ {
		if strings.EqualFold(s.Tokens[i].Form, "will") && possessive(plainApostrophe(strings.ToLower(s.Tokens[i-1].Form))) {
			sc.info[pad+i].dict = t.nounNN
		}
	}
}

// possessive reports whether w (lower case, straight apostrophe) marks a
// possessor: the clitic "'s", the apostrophe after a plural ("the
// countries' will") or a possessive determiner.
func possessive(w string) bool {
	switch w {
	case "'s", "'", "’", "his", "her", "its", "their", "our", "my", "your":
		return true
	}
	return false
}

// joined reports whether word i is written with no space before or after.
func joined(s *ud.Sentence, i int) bool {
	return s.Tokens[i-1].Span.End == s.Tokens[i].Span.Start && s.Tokens[i].Span.End == s.Tokens[i+1].Span.Start
}

// letterStart reports whether w starts with a letter.
func letterStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r)
}
