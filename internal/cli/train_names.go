package cli

import (
	"io/fs"
	"math/rand/v2"
	"slices"
	"strings"

	"farabi/internal/ud"
)

// newsPersons returns the names of the people in the actor dictionaries
// under actors/ in fsys (entries of kind person) that are two to four
// words of letters, each capitalized, as training material for the parser:
// EWT is web text, where few names are as long as "Shavkat Mirziyoyev"
// or "Recep Tayyip Erdogan" are in wire news.
func newsPersons(fsys fs.FS) ([][]string, error) {
	seen := map[string]bool{}
	var out [][]string
	actor := ""
	err := eachDictLine(fsys, "actors/*.txt", func(line string) {
		if a, ok := strings.CutPrefix(line, "actor "); ok {
			actor = strings.TrimSpace(a)
			return
		}
		if strings.TrimSpace(line) != "kind person" || seen[actor] {
			return
		}
		words := strings.Fields(actor)
		if len(words) >= 2 && len(words) <= 4 && slices.IndexFunc(words, notNameWord) < 0 {
			seen[actor] = true
			out = append(out, words)
		}
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(strings.Join(a, " "), strings.Join(b, " ")) })
	return out, nil
}

// notNameWord reports whether w is not a capitalized word of ASCII letters.
func notNameWord(w string) bool {
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return true
	}
	for i := 1; i < len(w); i++ {
		if c := w[i] | 0x20; c < 'a' || c > 'z' {
			return true
		}
	}
	return false
}

// titleWord is one word of a title put before a name: its form, tags,
// relation and head (an index into the title, or -1 for the name).
type titleWord struct {
	form, xpos string
	upos       ud.UPOS
	rel        string
	head       int
}

// newsTitles are titles as EWT annotates them before a name: "President"
// (nmod:desc of the name), "Prime Minister" (Prime an amod of Minister).
var newsTitles = [][]titleWord{
	{{"President", "NNP", ud.PROPN, "nmod:desc", -1}},
	{{"Prime", "NNP", ud.ADJ, "amod", 1}, {"Minister", "NNP", ud.PROPN, "nmod:desc", -1}},
	{{"Foreign", "NNP", ud.ADJ, "amod", 1}, {"Minister", "NNP", ud.PROPN, "nmod:desc", -1}},
	{{"Chancellor", "NNP", ud.PROPN, "nmod:desc", -1}},
	{{"King", "NNP", ud.PROPN, "nmod:desc", -1}},
	{{"Premier", "NNP", ud.PROPN, "nmod:desc", -1}},
	{{"Ambassador", "NNP", ud.PROPN, "nmod:desc", -1}},
	{{"Senator", "NNP", ud.PROPN, "nmod:desc", -1}},
}

// newsNationalities are adjectives put before a title ("Uzbek President").
var newsNationalities = strings.Fields(`Uzbek Kazakh Kyrgyz Tajik Turkmen Afghan Russian Chinese
 Turkish Iranian Indian Pakistani French German Italian British American Japanese Korean
 Azerbaijani Armenian Georgian Ukrainian Polish Hungarian Serbian Qatari Saudi Egyptian Mongolian`)

// augmentNames returns copies of the sentences that name a person or have
// a plural noun subject, with some names (a proper noun and its flat parts)
// replaced by names of persons, some with a title and a nationality before
// them, and some subjects given coordinated nationalities ("Russian and
// Chinese officials"), so that the parser sees the phrases of wire news in
// the positions EWT's names and subjects hold. Tags, heads and relations
// are kept consistent; sentences with nothing to change are left out.
func augmentNames(sents []*ud.Sentence, persons [][]string, seed uint64) []*ud.Sentence {
	if len(persons) == 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, 0x6e616d6573))
	var out []*ud.Sentence
	for _, s := range sents {
		c := replaceNames(s, persons, rng)
		from := s
		if c != nil {
			from = c
		}
		if d := coordinateNationalities(from, rng); d != nil {
			c = d
		}
		if c != nil {
			out = append(out, c)
		}
	}
	return out
}

// augmentInPlace replaces each sentence of sents that augmentNames would
// change by its changed copy, and returns how many it replaced.
func augmentInPlace(sents []*ud.Sentence, persons [][]string, seed uint64) int {
	n := 0
	for i, s := range sents {
		if c := augmentNames([]*ud.Sentence{s}, persons, seed+uint64(i)*0x9e3779b97f4a7c15); len(c) == 1 {
			sents[i] = c[0]
			n++
		}
	}
	return n
}

// replaceNames returns a copy of s with names replaced, or nil.
func replaceNames(s *ud.Sentence, persons [][]string, rng *rand.Rand) *ud.Sentence {
	toks := s.Tokens
	inMulti := make([]bool, len(toks))
	for _, m := range s.MultiWords {
		for i := m.First; i <= m.Last && i < len(toks); i++ {
			inMulti[i] = true
		}
	}
	// Each replacement: the old span [first, last] and the new words.
	type repl struct {
		first, last int
		words       []titleWord // title words, then the name
		nameAt      int         // index of the name's head in words
	}
	var reps []repl
	for h := 0; h < len(toks); h++ {
		t := &toks[h]
		if t.UPOS != ud.PROPN || t.Rel == "flat" || t.Rel == "compound" || inMulti[h] {
			continue
		}
		last := h
		for last+1 < len(toks) && toks[last+1].Head == h+1 && toks[last+1].Rel == "flat" &&
			toks[last+1].UPOS == ud.PROPN && !inMulti[last+1] {
			last++
		}
		// Only names: nothing else inside depends on a word of the span.
		ok := true
		titled := false
		for i := range toks {
			hd := toks[i].Head - 1
			if hd >= h && hd <= last && (i < h || i > last) && toks[i].Rel != "punct" {
				if toks[i].Rel == "nmod:desc" || toks[i].Rel == "compound" || toks[i].Rel == "amod" {
					titled = true
					continue
				}
				if i > last {
					continue // a dependent after the name: "X of France", "X, who"
				}
				ok = false
			}
		}
		if !ok || rng.Float64() >= 0.5 {
			h = last
			continue
		}
		name := persons[rng.IntN(len(persons))]
		var words []titleWord
		if !titled && (h == 0 || toks[h-1].UPOS != ud.PROPN && toks[h-1].UPOS != ud.ADJ) && rng.Float64() < 0.4 {
			title := newsTitles[rng.IntN(len(newsTitles))]
			if rng.Float64() < 0.5 {
				// The nationality modifies the title's last word.
				nat := newsNationalities[rng.IntN(len(newsNationalities))]
				words = append(words, titleWord{nat, "JJ", ud.ADJ, "amod", len(title)})
			}
			off := len(words)
			for _, tw := range title {
				if tw.head >= 0 {
					tw.head += off
				}
				words = append(words, tw)
			}
		}
		at := len(words)
		for k, w := range name {
			rel, head := "", -1
			if k > 0 {
				rel, head = "flat", at
			}
			words = append(words, titleWord{w, "NNP", ud.PROPN, rel, head})
		}
		reps = append(reps, repl{h, last, words, at})
		h = last
	}
	if len(reps) == 0 {
		return nil
	}
	// Build the new sentence. newIdx maps each old word to its new index;
	// the words of a replaced span map to the new name's head.
	newIdx := make([]int, len(toks))
	replaced := make([]bool, len(toks))
	starts := make([]int, len(reps))
	var out []ud.Token
	r := 0
	for i := 0; i < len(toks); i++ {
		if r < len(reps) && i == reps[r].first {
			rp := reps[r]
			starts[r] = len(out)
			for _, w := range rp.words {
				out = append(out, ud.Token{Form: w.form, Lemma: w.form, UPOS: w.upos, XPOS: w.xpos, Rel: w.rel})
			}
			for j := rp.first; j <= rp.last; j++ {
				newIdx[j], replaced[j] = starts[r]+rp.nameAt, true
			}
			i = rp.last
			r++
			continue
		}
		newIdx[i] = len(out)
		out = append(out, toks[i])
	}
	remap := func(old int) int { // 1-based heads, 0 the root
		if old <= 0 {
			return old
		}
		return newIdx[old-1] + 1
	}
	for i, t := range toks {
		if !replaced[i] {
			out[newIdx[i]].Head = remap(t.Head)
			out[newIdx[i]].Deps = ""
		}
	}
	for r, rp := range reps {
		for k, w := range rp.words {
			tok := &out[starts[r]+k]
			switch {
			case k == rp.nameAt:
				old := toks[rp.first]
				tok.Head, tok.Rel = remap(old.Head), old.Rel
			case w.head < 0:
				tok.Head = starts[r] + rp.nameAt + 1
			default:
				tok.Head = starts[r] + w.head + 1
			}
		}
	}
	c := &ud.Sentence{ID: s.ID + "-names", Tokens: out}
	for _, m := range s.MultiWords {
		m.First, m.Last = newIdx[m.First], newIdx[m.Last]
		c.MultiWords = append(c.MultiWords, m)
	}
	return c
}

// coordinateNationalities returns a copy of s with a pair of coordinated
// nationality adjectives put before a plural noun subject that has no
// adjective or compound before it ("officials said" → "Russian and
// Chinese officials said"), or nil when s has none. A greedy parser that
// meets "Armenian and Azerbaijani troops" at the start of a sentence
// otherwise takes the first adjective for the root, as EWT's reviews
// ("Friendly and helpful staff.") taught it.
func coordinateNationalities(s *ud.Sentence, rng *rand.Rand) *ud.Sentence {
	toks := s.Tokens
	for n := range toks {
		t := &toks[n]
		if t.XPOS != "NNS" || !strings.HasPrefix(t.Rel, "nsubj") {
			continue
		}
		modified := false
		for i := range toks {
			if toks[i].Head == n+1 && i < n && toks[i].Rel != "det" && toks[i].Rel != "punct" {
				modified = true
			}
		}
		if modified || rng.Float64() >= 0.5 {
			continue
		}
		a := newsNationalities[rng.IntN(len(newsNationalities))]
		b := newsNationalities[rng.IntN(len(newsNationalities))]
		if a == b {
			continue
		}
		words := []titleWord{
			{a, "JJ", ud.ADJ, "amod", -1},
			{"and", "CC", ud.CCONJ, "cc", 2},
			{b, "JJ", ud.ADJ, "conj", 0},
		}
		return insertWords(s, n, n, words)
	}
	return nil
}

// insertWords returns a copy of s with words inserted before word at
// (0-based); a word's head is another inserted word (its index in words)
// or, for -1, word target of s.
func insertWords(s *ud.Sentence, at, target int, words []titleWord) *ud.Sentence {
	k := len(words)
	move := func(i int) int { // 0-based old index → new
		if i >= at {
			return i + k
		}
		return i
	}
	out := make([]ud.Token, 0, len(s.Tokens)+k)
	out = append(out, s.Tokens[:at]...)
	for _, w := range words {
		out = append(out, ud.Token{Form: w.form, Lemma: w.form, UPOS: w.upos, XPOS: w.xpos, Rel: w.rel})
		if w.form == "and" {
			out[len(out)-1].Lemma = "and"
		}
	}
	out = append(out, s.Tokens[at:]...)
	for i := range out {
		if i >= at && i < at+k {
			w := words[i-at]
			if w.head < 0 {
				out[i].Head = move(target) + 1
			} else {
				out[i].Head = at + w.head + 1
			}
			continue
		}
		if out[i].Head > 0 {
			out[i].Head = move(out[i].Head-1) + 1
		}
		out[i].Deps = ""
	}
	c := &ud.Sentence{ID: s.ID + "-nat", Tokens: out}
	for _, m := range s.MultiWords {
		m.First, m.Last = move(m.First), move(m.Last)
		c.MultiWords = append(c.MultiWords, m)
	}
	return c
}
