package coref

import (
	"farabi/internal/actor"
	"farabi/internal/ud"
)

// A story about an earthquake, a flood or a storm names the country it
// struck once ("a magnitude 6.8 earthquake in northeastern Iran") and then
// tells of aid without naming it again ("Uzbekistan sent 40 trucks of food
// to the quake zone", "the EU released emergency funding for the
// victims"). The resolver remembers the stricken country and gives each
// later sentence that tells of aid an implicit actor for it
// (actor.ImplicitStricken), which the coder takes only as the recipient of
// aid whose sentence names none.

// disasterWords name a natural disaster.
var disasterWords = set("earthquake", "quake", "flood", "flooding", "cyclone", "hurricane", "typhoon",
	"tsunami", "landslide", "mudslide", "wildfire", "avalanche", "eruption", "tremor", "aftershock")

// aidWords tell of help for a disaster's victims.
var aidWords = set("aid", "relief", "assistance", "help", "rescue", "rescuer", "tent", "blanket", "medicine",
	"food", "supply", "supplies", "funding", "donation", "donate", "humanitarian", "emergency", "condolence", "survivor", "victim")

// strickenCountry returns the country the disaster sentence s tells of
// struck: a country or place in the disaster's phrase ("an earthquake in
// northeastern Iran", "a quake that killed 240 people in Razavi Khorasan
// province", "Turkey's deadliest earthquake"), or the one it hit ("the
// earthquake hit Turkey", "Iran was hit by an earthquake"); else a
// country named in a phrase "in" of the sentence (not a city: "speaking
// in Ankara" is where a donor spoke). It returns ""
// when s names no disaster or no such country: the dateline is not taken,
// as a story may be filed from a donor's capital ("ASTANA – … after
// earthquakes in the eastern provinces").
func strickenCountry(s *ud.Sentence, ms, places []actor.Mention) string {
	d := -1
	for i, t := range s.Tokens {
		if t.UPOS == ud.NOUN && disasterWords[lemma(t)] {
			d = i
			break
		}
	}
	if d < 0 {
		return ""
	}
	in := ""
	for _, list := range [][]actor.Mention{ms, places} {
		for _, m := range list {
			if m.First < 0 || len(m.Code) != 3 {
				continue
			}
			h := mentionHead(s, m)
			// the phrase the name is in: "Sindh province", "Pakistan's south"
			for s.Tokens[h].Head > 0 && (s.Tokens[h].Rel == "compound" || s.Tokens[h].Rel == "nmod:poss" || s.Tokens[h].Rel == "flat") &&
				(s.Tokens[s.Tokens[h].Head-1].UPOS == ud.NOUN || s.Tokens[s.Tokens[h].Head-1].UPOS == ud.PROPN) {
				h = s.Tokens[h].Head - 1
			}
			if below(s, h, d, 3) || struckBy(s, h, d) {
				return m.Code
			}
			if in == "" && m.Method == actor.ByName && hasCaseIn(s, h) {
				in = m.Code // "rescue teams arrived in northeastern Iran to search for survivors of the earthquake"
			}
		}
	}
	return in
}

// below reports whether word h hangs under word d within n steps.
func below(s *ud.Sentence, h, d, n int) bool {
	for ; n > 0 && h >= 0; n-- {
		h = s.Tokens[h].Head - 1
		if h == d {
			return true
		}
	}
	return false
}

// struckBy reports whether word h is what disaster word d struck: the
// object of the verb d is the subject of, or of a verb joined to it, or a
// phrase "in" below one of them ("the earthquake hit Turkey", "a cyclone
// killed 60 people and flattened homes in Nampula province"), or the
// subject of the passive d is the agent of ("Iran was hit by an
// earthquake").
func struckBy(s *ud.Sentence, h, d int) bool {
	t, dt := s.Tokens[h], s.Tokens[d]
	if t.Head <= 0 || dt.Head <= 0 {
		return false
	}
	if t.Rel == "nsubj:pass" && t.Head == dt.Head && ud.BaseRel(dt.Rel) == "obl" {
		return true
	}
	if ud.BaseRel(dt.Rel) != "nsubj" {
		return false
	}
	v0 := dt.Head - 1
	in := hasCaseIn(s, h)
	for v := range s.Tokens {
		if v != v0 && (s.Tokens[v].Rel != "conj" || s.Tokens[v].Head-1 != v0 || s.Tokens[v].UPOS != ud.VERB) {
			continue
		}
		if t.Rel == "obj" && t.Head-1 == v || in && below(s, h, v, 3) {
			return true
		}
	}
	return false
}

// tellsOfAid reports whether s tells of help for a disaster's victims.
func tellsOfAid(s *ud.Sentence) bool {
	for _, t := range s.Tokens {
		if aidWords[lemma(t)] {
			return true
		}
	}
	return false
}
