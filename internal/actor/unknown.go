package actor

import (
	"sort"
	"strings"
	"unicode"

	"farabi/internal/ud"
)

// Candidate is a proper-noun run that stands where an actor belongs and
// that the dictionary does not know.
type Candidate struct {
	First, Last int // token indexes, both included
	Name        string
}

// Unknown returns the candidates for new actors in s: runs of capitalised
// words (or PROPN, when tagged) that no mention in ms covers and that no
// dictionary name matches, standing as subject, object or oblique when the
// sentence is parsed, or next to a verb when it is not. A run that only
// starts the sentence is left out unless tagged PROPN, since its capital
// says nothing.
func (d *Dictionary) Unknown(s *ud.Sentence, ms []Mention, ctx Context) []Candidate {
	if len(s.Tokens) == 0 {
		return nil
	}
	f := finder{d: d, s: s, date: DateOf(ctx.Date), ctx: ctx, hits: d.scan(s, DateOf(ctx.Date)), out: ms}
	parsed, tagged := false, false
	for _, t := range s.Tokens {
		parsed = parsed || t.Head > 0
		tagged = tagged || t.UPOS != ud.NoUPOS
	}
	var out []Candidate
	for i := 0; i < len(s.Tokens); {
		if !f.nameWord(i) || f.covered(i, i) {
			i++
			continue
		}
		j := i
		for j+1 < len(s.Tokens) && j+1 < i+8 {
			switch {
			case f.nameWord(j+1) && !f.covered(j+1, j+1):
				j++
				continue
			case j+2 < len(s.Tokens) && joinWord(s.Tokens[j+1].Form) && f.nameWord(j+2) && !f.covered(j+2, j+2) &&
				!(s.Tokens[j+1].Form == "and" && ud.BaseRel(s.Tokens[j+2].Rel) == "conj"):
				// "Committee for National Security", "Bank of Georgia"
				j += 2
				continue
			}
			break
		}
		first, last := i, j
		i = j + 1
		if first == 0 && last == 0 && s.Tokens[0].UPOS != ud.PROPN {
			continue
		}
		if allCaps(s, first, last) && !tagged {
			continue
		}
		switch {
		case parsed:
			if !f.argument(first, last) {
				continue
			}
		case first == 0 && last > 0:
			// a name of several words opening the sentence is its subject
		case !f.nearVerb(first, last, tagged):
			continue
		}
		out = append(out, Candidate{First: first, Last: last, Name: spanText(s, first, last)})
	}
	return out
}

func allCaps(s *ud.Sentence, i, j int) bool {
	for k := i; k <= j; k++ {
		for _, r := range s.Tokens[k].Form {
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

// spanText returns the text of tokens i..j from the sentence text when it
// has it.
func spanText(s *ud.Sentence, i, j int) string {
	a, b := s.Tokens[i].Span.Start-s.Span.Start, s.Tokens[j].Span.End-s.Span.Start
	if a >= 0 && b <= len(s.Text) && a < b && s.Text[a:b] != "" {
		return strings.Join(strings.Fields(s.Text[a:b]), " ")
	}
	var parts []string
	for k := i; k <= j; k++ {
		parts = append(parts, s.Tokens[k].Form)
	}
	return strings.Join(parts, " ")
}

// argument reports whether the run's head is an argument of a verb or noun.
func (f *finder) argument(i, j int) bool {
	for k := i; k <= j; k++ {
		t := f.tok(k)
		if t.Head-1 >= i && t.Head-1 <= j {
			continue // inside the run
		}
		switch ud.BaseRel(t.Rel) {
		case "nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "csubj":
			return true
		}
		return false
	}
	return false
}

// nearVerb reports, for an unparsed sentence, whether the run follows a
// preposition of an argument or a verb stands within three words of it.
func (f *finder) nearVerb(i, j int, tagged bool) bool {
	if i > 0 {
		// an oblique: "talks with X", "a deal by X"
		switch strings.ToLower(f.tok(i - 1).Form) {
		case "with", "by", "from", "to", "against", "between":
			return true
		}
	}
	for k := max(0, i-3); k < min(len(f.s.Tokens), j+4); k++ {
		if k >= i && k <= j {
			continue
		}
		t := f.tok(k)
		if tagged {
			if t.UPOS == ud.VERB {
				return true
			}
			continue
		}
		if looksVerb(t.Form) {
			return true
		}
	}
	return false
}

// looksVerb guesses a verb in untagged text: a lower-case word ending in
// -ed, or a common verb of news reports.
func looksVerb(w string) bool {
	if w == "" || !unicode.IsLower(rune(w[0])) {
		return false
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") {
		return true
	}
	switch w {
	case "said", "says", "say", "told", "tells", "met", "meets", "meet", "visit", "visits", "sent",
		"send", "sends", "signed", "sign", "signs", "called", "calls", "urged", "urges", "held", "holds",
		"hold", "agreed", "agrees", "warned", "warns", "accused", "accuses", "criticized", "announced",
		"plans", "will", "would", "has", "have", "had", "is", "was", "are", "were", "led", "leads",
		"wrote", "writes", "spoke", "speaks", "host", "hosts", "hosted", "join", "joins", "joined":
		return true
	}
	return false
}

// Unknowns collects candidates over many sentences: each name with its
// count and a few example sentences.
type Unknowns struct {
	names    map[string]*UnknownName
	Examples int // examples kept per name; 3 when zero
}

// UnknownName is one collected name.
type UnknownName struct {
	Name     string
	Count    int
	Examples []string
}

// Add records the candidates of s.
func (u *Unknowns) Add(s *ud.Sentence, cs []Candidate) {
	if u.names == nil {
		u.names = map[string]*UnknownName{}
	}
	limit := u.Examples
	if limit == 0 {
		limit = 3
	}
	for _, c := range cs {
		key := NameKey(c.Name)
		n := u.names[key]
		if n == nil {
			n = &UnknownName{Name: c.Name}
			u.names[key] = n
		}
		n.Count++
		ex := strings.Join(strings.Fields(s.Text), " ")
		if len(n.Examples) < limit && ex != "" && (len(n.Examples) == 0 || n.Examples[len(n.Examples)-1] != ex) {
			n.Examples = append(n.Examples, ex)
		}
	}
}

// List returns the names, most frequent first, then by name.
func (u *Unknowns) List() []UnknownName {
	out := make([]UnknownName, 0, len(u.names))
	for _, n := range u.names {
		out = append(out, *n)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// joinWord reports whether w joins the words of one name: "Bank of
// Georgia", "Committee for National Security".
func joinWord(w string) bool {
	switch w {
	case "of", "for", "and", "de", "al", "bin", "van", "von", "der", "la", "du":
		return true
	}
	return false
}
