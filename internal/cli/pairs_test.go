package cli

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"farabi/internal/engine"
	"farabi/internal/pipeline"
)

// pairCountries are countries as news names them: with and without "the",
// of one word and of several, some opening with a compass word or "New",
// each with its adjective and ISO code.
var pairCountries = []struct{ name, adj, code string }{
	{"Japan", "Japanese", "JPN"}, {"South Korea", "South Korean", "KOR"}, {"North Korea", "North Korean", "PRK"},
	{"Saudi Arabia", "Saudi", "SAU"}, {"the United Arab Emirates", "Emirati", "ARE"}, {"the United States", "American", "USA"},
	{"New Zealand", "New Zealand", "NZL"}, {"Sri Lanka", "Sri Lankan", "LKA"}, {"Costa Rica", "Costa Rican", "CRI"},
	{"the Czech Republic", "Czech", "CZE"}, {"South Africa", "South African", "ZAF"}, {"Kazakhstan", "Kazakh", "KAZ"},
	{"Uzbekistan", "Uzbek", "UZB"}, {"China", "Chinese", "CHN"}, {"Russia", "Russian", "RUS"}, {"Turkey", "Turkish", "TUR"},
	{"France", "French", "FRA"}, {"India", "Indian", "IND"}, {"Pakistan", "Pakistani", "PAK"}, {"Egypt", "Egyptian", "EGY"},
	{"Kyrgyzstan", "Kyrgyz", "KGZ"}, {"Tajikistan", "Tajik", "TJK"}, {"Azerbaijan", "Azerbaijani", "AZE"},
	{"Armenia", "Armenian", "ARM"}, {"Georgia", "Georgian", "GEO"}, {"Iran", "Iranian", "IRN"}, {"Germany", "German", "DEU"},
	{"the United Kingdom", "British", "GBR"}, {"Brazil", "Brazilian", "BRA"}, {"Nigeria", "Nigerian", "NGA"},
	{"Vietnam", "Vietnamese", "VNM"}, {"the Philippines", "Philippine", "PHL"}, {"Sierra Leone", "Sierra Leonean", "SLE"},
	{"El Salvador", "Salvadoran", "SLV"}, {"Papua New Guinea", "Papua New Guinean", "PNG"},
	{"Bosnia and Herzegovina", "Bosnian", "BIH"}, {"the Democratic Republic of Congo", "Congolese", "COD"},
	{"East Timor", "East Timorese", "TLS"}, {"Burkina Faso", "Burkinabe", "BFA"},
}

// TestPairSweep codes the plainest sentences of diplomatic news for many
// pairs of countries: every pair must come out with its events, whatever
// the names' length, article or first word ("Japan and South Korea held
// talks" once coded nothing). Each template lists the events (A or B for
// the first and second country, then the CAMEO root) that must be coded;
// no event may name a third country.
func TestPairSweep(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	eng, err := engine.Load("", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	templates := []struct {
		text string
		want []string
	}{
		{"{A} and {B} held talks on Monday.", []string{"A>B:04", "B>A:04"}},
		{"{A} and {B} signed an agreement on trade on Tuesday.", []string{"A>B:05", "B>A:05"}},
		{"{A} accused {B} of violating the ceasefire.", []string{"A>B:11"}},
		{"The foreign minister of {A} visited {B} on Monday.", []string{"A>B:04"}},
		{"{A} expelled two {b} diplomats on Friday.", []string{"A>B:17"}},
		{"Officials from {A} and {B} agreed to expand trade.", []string{"A>B:03", "B>A:03"}},
		{"{a} and {b} troops exchanged fire along the border.", []string{"A>B:19", "B>A:19"}},
		{"The {a} president met his {b} counterpart in Geneva.", []string{"A>B:04", "B>A:04"}},
		{"{A} condemned the missile test by {B}.", []string{"A>B:11"}},
		{"{A} offered humanitarian aid to {B} after the earthquake.", []string{"A>B:03"}},
		{"{A} and {B} agreed to restore diplomatic relations.", []string{"A>B:03", "B>A:03"}},
		{"{A} summoned the {b} ambassador on Wednesday.", []string{"A>B:11"}},
		{"{A} imposed sanctions on {b} officials.", []string{"A>B:16"}},
		{"{A} urged {B} to release the detained journalists.", []string{"A>B:02"}},
		{"The leaders of {A} and {B} discussed energy cooperation by phone.", []string{"A>B:04", "B>A:04"}},
		{"The {a} foreign minister held talks with his {b} counterpart in the capital on Tuesday.", []string{"A>B:04", "B>A:04"}},
		{"The {a} and {b} presidents signed a joint declaration.", []string{"A>B:05", "B>A:05"}},
		{"{A} recalled its ambassador from {B} for consultations.", []string{"A>B:16"}},
		{"{A} threatened to impose sanctions on {B}.", []string{"A>B:13"}},
		{"{a} forces shelled {b} positions overnight.", []string{"A>B:19"}},
		{"{A} welcomed the decision by {B} to lift the ban.", []string{"A>B:05"}},
		{"{A} demanded that {B} withdraw its troops.", []string{"A>B:10"}},
		{"{A} rejected a proposal by {B} to hold new talks.", []string{"A>B:12"}},
		{"{A} delivered 200 tonnes of humanitarian aid to {B} on Friday.", []string{"A>B:07"}},
		{"The president of {A} will visit {B} next month.", []string{"A>B:03"}},
		{"{A} declared two {b} diplomats persona non grata.", []string{"A>B:17"}},
		{"{A} and {B} held joint military exercises near the border.", []string{"A>B:06", "B>A:06"}},
		{"{A} warned {B} against any military action.", []string{"A>B:13"}},
		{"{A} pledged $10 million in aid to {B}.", []string{"A>B:03"}},
		{"{A} cut diplomatic ties with {B}.", []string{"A>B:16"}},
		{"A {a} delegation led by the foreign minister arrived in {B} for talks.", []string{"A>B:04"}},
		{"The president of {A} paid a state visit to {B}, where he met his {b} counterpart.", []string{"A>B:04", "B>A:04"}},
		{"{A} and {B} agreed on Monday to expand cooperation, the foreign ministry said.", []string{"A>B:03", "B>A:03"}},
		{"The agreement was signed by the foreign ministers of {A} and {B}.", []string{"A>B:05", "B>A:05"}},
		{"The {b} ambassador was summoned to the {a} foreign ministry.", []string{"A>B:11"}},
		{"{A} lodged a formal protest with {B} over the incident.", []string{"A>B:11"}},
		{"{A} called {B}'s decision a violation of international law.", []string{"A>B:11"}},
		{"{A} has offered {B} a $2 billion loan.", []string{"A>B:03"}},
		{"{a} troops crossed into {B} on Monday.", []string{"A>B:19"}},
		{"{A} was accused by {B} of violating the truce.", []string{"B>A:11"}},
		{"{A} refused to recognise the election in {B}.", []string{"A>B:12"}},
		{"{A} offered assistance to strengthen {B}'s electoral institutions.", []string{"A>B:03"}},
	}
	n, failed := 0, 0
	for k, tm := range templates {
		for i, a := range pairCountries {
			b := pairCountries[(i+k+1)%len(pairCountries)]
			if b.code == a.code {
				// one country twice ("Japanese troops crossed into
				// Japan") is domestic, no event (GUIDELINES rule 1)
				continue
			}
			text := strings.NewReplacer("{A}", a.name, "{B}", b.name, "{a}", a.adj, "{b}", b.adj).Replace(tm.text)
			text = strings.ToUpper(text[:1]) + text[1:]
			r := eng.Lang.Code(eng.Coding, &pipeline.Story{ID: "t", Date: day, Text: text})
			got := map[string]bool{}
			for _, e := range r.Events {
				src, tgt := country(e.Source.Code), country(e.Target.Code)
				got[fmt.Sprintf("%s>%s:%s", src, tgt, e.Code[:2])] = true
				if src != a.code && src != b.code || tgt != a.code && tgt != b.code && tgt != "---" {
					t.Errorf("%q: %s>%s %s names a third country", text, e.Source.Code, e.Target.Code, e.Code)
				}
			}
			n++
			if why, ok := knownPairMisses[text]; ok {
				t.Logf("%q: known miss (%s)", text, why)
				continue
			}
			for _, w := range tm.want {
				code := map[byte]string{'A': a.code, 'B': b.code}
				w = code[w[0]] + ">" + code[w[2]] + w[3:] // "A>B:04"
				if !got[w] {
					failed++
					t.Errorf("%q: missing %s", text, w)
				}
			}
		}
	}
	t.Logf("%d sentences, %d expected events missing", n, failed)
}

// knownPairMisses are sweep sentences farabi still gets wrong, and why:
// each is a capability not yet there, to be taken out when it is.
var knownPairMisses = map[string]string{
	"Georgia imposed sanctions on East Timorese officials.":                                                 `the tagger takes "Timorese" after "East" for a number`,
	"Indian forces shelled East Timorese positions overnight.":                                              `the tagger takes "Timorese" after "East" for a number`,
	"Tajikistan cut diplomatic ties with Uzbekistan.":                                                       `the tagger takes "Tajikistan cut" for two adjectives: no verb`,
	"Bosnia and Herzegovina called El Salvador's decision a violation of international law.":                `a name of several words with "'s" before a naming verb's object: "El" is parsed as the object`,
	"The Democratic Republic of Congo called Papua New Guinea's decision a violation of international law.": `a name of several words with "'s" before a naming verb's object`,
	"East Timor called Bosnia and Herzegovina's decision a violation of international law.":                 `a name of several words with "'s" before a naming verb's object`,
}

// country is the country part of an actor code ("KORGOV" → "KOR").
func country(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// TestManySweep codes meetings of many (GUIDELINES rule 3) for many sets
// of countries: three parties meet pairwise, a host or outside partner
// meets each of four or more (members never each other), a partner
// meets a group as the group, a bilateral meeting on the sidelines is
// bilateral, and a group phrase in the next sentence ("the three sides",
// "the participants", "the summit") takes up the meeting's parties. Lists
// of names of several words, with "the" or "of" in them, once broke the
// meeting into pieces. Each template names up to five countries, A to E
// (a to e their adjectives); want lists the events that must be coded
// (a country letter or a group code, then the CAMEO root), not the
// pairs that must have none.
func TestManySweep(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	eng, err := engine.Load("", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	all := func(root string, ls string) []string {
		var out []string
		for _, x := range ls {
			for _, y := range ls {
				if x != y {
					out = append(out, fmt.Sprintf("%c>%c:%s", x, y, root))
				}
			}
		}
		return out
	}
	hub := func(h rune, ms, root string) []string {
		var out []string
		for _, m := range ms {
			out = append(out, fmt.Sprintf("%c>%c:%s", h, m, root), fmt.Sprintf("%c>%c:%s", m, h, root))
		}
		return out
	}
	none := func(ls string) []string {
		var out []string
		for i := range ls {
			for j := i + 1; j < len(ls); j++ {
				out = append(out, ls[i:i+1]+ls[j:j+1])
			}
		}
		return out
	}
	templates := []struct {
		text      string
		want, not []string
	}{
		{"The foreign ministers of {A}, {B} and {C} met in Geneva on Monday.", all("04", "ABC"), nil},
		{"The foreign ministers of {A}, {B}, {C} and {D} met in Geneva on Monday.", nil, none("ABCD")},
		{"{A}, {B} and {C} signed a trilateral agreement on transit.", all("05", "ABC"), nil},
		{"The presidents of {A}, {B} and {C} signed a joint declaration on Monday.", all("05", "ABC"), nil},
		{"The {a}, {b} and {c} foreign ministers met in Geneva on Monday.", all("04", "ABC"), nil},
		{"{A}, {B}, {C}, {D} and {E} signed a joint statement on Monday.", nil, none("ABCDE")},
		{"The {a} president hosted the leaders of {B}, {C}, {D} and {E} at a summit on Tuesday.", hub('A', "BCDE", "04"), none("BCDE")},
		{"The {a} president met the {b}, {c}, {d} and {e} leaders on Monday.", hub('A', "BCDE", "04"), none("BCDE")},
		{"{A} convened a meeting of the foreign ministers of {B}, {C}, {D} and {E} on Monday.", hub('A', "BCDE", "04"), none("BCDE")},
		{"{A} hosted a summit on Monday attended by the leaders of {B}, {C}, {D} and {E}.", hub('A', "BCDE", "04"), none("BCDE")},
		{"The {a} foreign minister welcomed his counterparts from {B}, {C}, {D} and {E} to the capital on Monday.", hub('A', "BCDE", "04"), none("BCDE")},
		{"The {a} foreign minister met his counterparts from the Gulf Cooperation Council in Riyadh.", []string{"A>GCC:04", "GCC>A:04"}, nil},
		{"Delegations from {A}, {B}, {C} and {D} attended the talks hosted by {E} on Monday.", hub('E', "ABCD", "04"), none("ABCD")},
		{"Heads of state of {A}, {B}, {C} and {D} gathered for a summit hosted by {E} on Monday.", hub('E', "ABCD", "04"), none("ABCD")},
		{"The meeting of the foreign ministers of {A}, {B}, {C} and {D}, chaired by {E}, ended on Monday.", hub('E', "ABCD", "04"), none("ABCD")},
		{"The {a}, {b} and {c} foreign ministers issued a joint statement after their meeting on Monday.", all("05", "ABC"), nil},
		{"On the sidelines of the summit, {A} and {B} signed an agreement on energy.", []string{"A>B:05", "B>A:05"}, nil},
		{"The leaders of {A}, {B}, {C} and {D} met in Geneva on Monday. On the sidelines of the summit, the {a} president held talks with his {b} counterpart.", []string{"A>B:04", "B>A:04"}, []string{"AC", "AD", "BC", "BD", "CD"}},
		{"{A}, {B} and {C} held joint naval drills on Monday. Senior diplomats of the three allies held a phone call on Tuesday.", all("04", "ABC"), nil},
		{"The {a} president met the leaders of the five Central Asian states on Monday. The leaders signed a joint declaration.", []string{"A>CAS:05", "CAS>A:05"}, nil},
		{"The {a} president hosted the leaders of the five Central Asian states on Monday. The summit adopted a joint declaration.", []string{"A>CAS:05", "CAS>A:05"}, nil},
	}
	code := func(c string) string { // an organisation or region keeps its code
		if strings.HasPrefix(c, "IGO") || len(c) <= 3 || c == "GCC" || c == "CAS" {
			return c
		}
		return country(c)
	}
	n, failed := 0, 0
	for k, tm := range templates {
		for i := range pairCountries {
			var cs [5]struct{ name, adj, code string }
			for j := range cs {
				cs[j] = pairCountries[(i+j*(k%5+2))%len(pairCountries)]
			}
			r := strings.NewReplacer("{A}", cs[0].name, "{B}", cs[1].name, "{C}", cs[2].name, "{D}", cs[3].name, "{E}", cs[4].name,
				"{a}", cs[0].adj, "{b}", cs[1].adj, "{c}", cs[2].adj, "{d}", cs[3].adj, "{e}", cs[4].adj)
			text := r.Replace(tm.text)
			text = strings.ToUpper(text[:1]) + text[1:]
			text = strings.ReplaceAll(text, ". the ", ". The ")
			letter := func(x string) string {
				if len(x) == 1 {
					return cs[x[0]-'A'].code
				}
				return x
			}
			res := eng.Lang.Code(eng.Coding, &pipeline.Story{ID: "t", Date: day, Text: text})
			got := map[string]bool{}
			for _, e := range res.Events {
				got[fmt.Sprintf("%s>%s:%s", code(e.Source.Code), code(e.Target.Code), e.Code[:2])] = true
			}
			n++
			if why, ok := knownManyMisses[text]; ok {
				t.Logf("%q: known miss (%s)", text, why)
				continue
			}
			for _, w := range tm.want {
				pair, root, _ := strings.Cut(w, ":")
				src, tgt, _ := strings.Cut(pair, ">")
				if key := letter(src) + ">" + letter(tgt) + ":" + root; !got[key] {
					failed++
					t.Errorf("%q: missing %s", text, key)
				}
			}
			for _, p := range tm.not {
				x, y := letter(p[:1]), letter(p[1:])
				for key := range got {
					if pair, _, _ := strings.Cut(key, ":"); pair == x+">"+y || pair == y+">"+x {
						failed++
						t.Errorf("%q: %s pairs two members", text, key)
					}
				}
			}
		}
	}
	t.Logf("%d stories, %d expected events missing or members paired", n, failed)
}

// knownManyMisses are sweep stories farabi still gets wrong, and why.
var knownManyMisses = map[string]string{
	"The British, Sierra Leonean and East Timorese foreign ministers issued a joint statement after their meeting on Monday.":                            `the tagger takes "Timorese" after "East" for a number`,
	"The Salvadoran foreign minister welcomed his counterparts from Bosnia and Herzegovina, East Timor, Japan and North Korea to the capital on Monday.": `a name with "and" in it is not read as one name of a list`,
}
