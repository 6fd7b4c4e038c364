// Package newsgen writes synthetic news-style stories for benchmarks: short
// wire reports about diplomacy, trade and conflict, built from templates of
// our own and lists of real place and office names. The output is
// deterministic for a seed, so runs can be compared.
package newsgen

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	countries = []string{"Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Russia", "China",
		"Turkey", "Iran", "India", "Pakistan", "Japan", "South Korea", "Germany", "France", "Italy", "Britain",
		"the United States", "Azerbaijan", "Georgia", "Armenia", "Mongolia", "Serbia", "Croatia", "Albania",
		"North Macedonia", "Montenegro", "Qatar", "Saudi Arabia", "the United Arab Emirates", "Egypt", "Poland", "Ukraine"}
	adjectives = []string{"Kazakh", "Uzbek", "Kyrgyz", "Tajik", "Turkmen", "Russian", "Chinese", "Turkish", "Iranian",
		"Indian", "Pakistani", "Japanese", "South Korean", "German", "French", "Italian", "British", "American",
		"Azerbaijani", "Georgian", "Armenian", "Mongolian", "Serbian", "Croatian", "Qatari", "Saudi", "Polish", "Ukrainian"}
	capitals = []string{"ASTANA", "TASHKENT", "BISHKEK", "DUSHANBE", "ASHGABAT", "MOSCOW", "BEIJING", "ANKARA", "TEHRAN",
		"NEW DELHI", "TOKYO", "SEOUL", "BERLIN", "PARIS", "ROME", "LONDON", "WASHINGTON", "BAKU", "TBILISI", "BELGRADE"}
	offices = []string{"President", "Prime Minister", "Foreign Minister", "Deputy Foreign Minister", "Defence Minister",
		"Energy Minister", "Trade Minister", "Economy Minister"}
	surnames = []string{"Ivanov", "Karimov", "Nurlanov", "Suleimenov", "Wang", "Li", "Yilmaz", "Rahimi", "Sharma",
		"Tanaka", "Kim", "Muller", "Dubois", "Rossi", "Smith", "Aliyev", "Beridze", "Petrovic", "Horvat", "Al Thani"}
	days  = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	goods = []string{"oil", "gas", "uranium", "grain", "wheat", "steel", "copper", "electricity", "fertiliser", "cotton"}
	orgs  = []string{"the Shanghai Cooperation Organisation", "the Eurasian Economic Union", "the European Union",
		"the United Nations", "NATO", "the Organization of Turkic States", "the OSCE", "the World Bank", "the IMF"}
	agents = []string{"troops", "police", "protesters", "companies", "officials", "diplomats", "border guards", "lawmakers"}
)

// templates use {C} country, {C2} another country, {A} adjective, {A2} another
// adjective, {P} person with office, {D} day, {G} goods, {N} number, {O}
// organisation, {X} agent word, {K} capital.
var templates = []string{
	"{A} {P} met his {A2} counterpart in {K} on {D} to discuss trade and security.",
	"{C} and {C2} signed an agreement on {G} supplies worth ${N} million.",
	"{A} Foreign Ministry summoned the {A2} ambassador over remarks it called unacceptable.",
	"{C} plans to open an embassy in {C2} next year, the ministry said.",
	"The {A} government accused {C2} of violating the ceasefire along the border.",
	"{A} {X} clashed with {A2} {X} near the border on {D}, leaving {N} people injured.",
	"{P} will visit {C2} next month to attend a summit of {O}.",
	"{C} condemned the attack and called on {C2} to show restraint.",
	"“We are ready to expand cooperation with {C2},” the {A} {P} told reporters.",
	"{O} urged {C} and {C2} to resume talks as soon as possible.",
	"{C} imposed sanctions on {N} {A2} companies it said had helped evade export controls.",
	"{A} companies will invest ${N} million in a new plant in {C2}, officials said.",
	"{C} rejected the proposal, saying it did not take its interests into account.",
	"Talks between {C} and {C2} ended without agreement on {D}.",
	"{A} {X} detained {N} people during protests in the capital.",
	"{C} launched direct flights to {C2}, the national carrier said.",
	"{P} praised {C2} for its support during the crisis.",
	"{C} and {C2} agreed to hold joint military exercises later this year.",
	"{C} sent humanitarian aid to {C2} after the earthquake, the ministry said on {D}.",
	"The {A} president phoned his {A2} counterpart to discuss the situation in the region.",
	"{C} expelled {N} {A2} diplomats, accusing them of espionage.",
	"{C2} welcomed the decision by {C} to lift the ban on {G} imports.",
	"{K} – {C}'s {G} exports rose {N}% in the first half of the year.",
	"{C} threatened to cut {G} supplies to {C2} if the debt was not paid.",
	"Officials from {C} and {C2} held consultations on water use in {K} on {D}.",
}

// Write writes n sentences, grouped into stories of a few paragraphs with a
// dateline each and separated by blank lines, and returns the number of
// stories.
func Write(w io.Writer, n int, seed uint64) (int, error) {
	return write(w, n, seed, func(w io.Writer, k int, story string) error {
		_, err := io.WriteString(w, story+"\n\n")
		return err
	})
}

// WriteJSONL writes the same stories as Write, one JSON record a line with
// id, date and text, the input of "farabi code --input jsonl".
func WriteJSONL(w io.Writer, n int, seed uint64) (int, error) {
	return write(w, n, seed, func(w io.Writer, k int, story string) error {
		b, err := json.Marshal(map[string]string{"id": fmt.Sprintf("gen-%06d", k), "date": "2025-05-29", "text": story})
		if err != nil {
			return err
		}
		_, err = w.Write(append(b, '\n'))
		return err
	})
}

func write(w io.Writer, n int, seed uint64, emit func(io.Writer, int, string) error) (int, error) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	stories := 0
	for written := 0; written < n; {
		var b strings.Builder
		fmt.Fprintf(&b, "%s – ", pick(capitals))
		k := 3 + r.IntN(6)
		for i := 0; i < k && written < n; i++ {
			s := pick(templates)
			c, c2 := pick(countries), pick(countries)
			for c2 == c {
				c2 = pick(countries)
			}
			a, a2 := pick(adjectives), pick(adjectives)
			for a2 == a {
				a2 = pick(adjectives)
			}
			rep := strings.NewReplacer("{C}", c, "{C2}", c2, "{A}", a, "{A2}", a2,
				"{P}", pick(offices)+" "+pick(surnames), "{D}", pick(days), "{G}", pick(goods),
				"{N}", fmt.Sprint(2+r.IntN(900)), "{O}", pick(orgs), "{X}", pick(agents), "{K}", title(pick(capitals)))
			s = rep.Replace(s)
			r, n := utf8.DecodeRuneInString(s)
			s = string(unicode.ToUpper(r)) + s[n:]
			b.WriteString(s)
			written++
			if i%2 == 1 {
				b.WriteString("\n")
			} else {
				b.WriteString(" ")
			}
		}
		if err := emit(w, stories, strings.TrimSpace(b.String())); err != nil {
			return stories, err
		}
		stories++
	}
	return stories, nil
}

// title writes an upper-case place name in title case: "NEW DELHI" → "New Delhi".
func title(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}
