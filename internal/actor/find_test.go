package actor

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// testDict is a small dictionary in farabi's format for recognizer tests.
func testDict(t testing.TB) *Dictionary {
	t.Helper()
	fsys := fstest.MapFS{
		"actors/countries.txt": {Data: []byte(`
actor Kazakhstan
  kind country
  alias Republic of Kazakhstan
  adj Kazakh | Kazakhstani
  capital Astana | Nur-Sultan
  code KAZ
actor Russia
  kind country
  adj Russian
  capital Moscow | the Kremlin
  code RUS
actor China
  kind country
  adj Chinese
  capital Beijing
  code CHN
actor France
  kind country
  adj French
  code FRA
actor Ana Vela
  kind person
  alias Vela
  code FRAGOV 2010 2014 President
  code FRAELI 2014 *
actor Luis Vela
  kind person
  alias Vela
  code FRAGOV 2022 * President
actor South Korea
  kind country
  alias Republic of Korea
  adj South Korean
  code KOR
actor Croatia
  kind country
  adj Croatian
  code HRV
actor the Philippines
  kind country
  alias Philippines
  adj Philippine | Filipino
  code PHL
actor the Netherlands
  kind country
  alias Netherlands | Holland
  adj Dutch
  code NLD
`)},
		"actors/people.txt": {Data: []byte(`
actor Kassym-Jomart Tokayev
  kind person
  alias Tokayev | Tokaev
  code KAZGOV 1999-10-01 2002-01-28 Prime Minister
  code KAZGOV 2019-03-20 * President
actor Nursultan Nazarbayev
  kind person
  alias Nazarbayev
  code KAZGOV 1990-04-24 2019-03-19 President
  code KAZELI 2019-03-20 * former President
actor Andrej Plenković
  kind person
  alias Plenković
  code HRVGOV 2016-10-19 * Prime Minister
actor Taro Kono
  kind person
  code JPNGOV 2017-08-03 2019-09-11 Minister of Foreign Affairs
actor Xi Jinping
  kind person
  alias President Xi
  code CHNGOV 2013-03-14 * President
`)},
		"actors/orgs.txt": {Data: []byte(`
actor Astana International Forum
  kind forum
  alias AIF
  code KAZGOV
actor Electricité de France
  kind company
  alias EDF
  code FRABUS
actor The Times of Central Asia
  kind media
  code KGZMED
`)},
		"agents.txt": {Data: []byte(`
agent GOV
  name foreign ministry | foreign minister | deputy foreign minister | president | government | envoy
agent MIL
  name troops
agent BUS
  name companies | company
agent -
  name capital
discard
  name Manchester United
`)},
	}
	d, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// mentionsText renders mentions as "text=CODE/method" for comparison.
func mentionsText(s string, ms []Mention) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("%s=%s/%s", s[m.Span.Start:m.Span.End], m.Code, m.Method))
	}
	return strings.Join(parts, "; ")
}

func TestFind(t *testing.T) {
	d := testDict(t)
	may2025 := time.Date(2025, 5, 29, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		in      string
		date    time.Time
		country string
		want    string
	}{
		{"country", "Kazakhstan will need more plants.", may2025, "", "Kazakhstan=KAZ/name"},
		{"family name first", "Kono Taro met reporters", time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC), "", "Kono Taro=JPNGOV/name"},
		{"given name first", "Taro Kono met reporters", time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC), "", "Taro Kono=JPNGOV/name"},
		{"other order only for family-first countries", "Plenković Andrej met reporters", may2025, "", "Plenković=HRVGOV/name"},
		{"possessive title person", "Kazakhstan’s President Kassym-Jomart Tokayev said so.", may2025, "",
			"Kazakhstan’s President Kassym-Jomart Tokayev=KAZGOV/title"},
		{"straight apostrophe", "Kazakhstan's Deputy Foreign Minister spoke.", may2025, "",
			"Kazakhstan's Deputy Foreign Minister=KAZGOV/agent"},
		{"title unknown person", "Kazakhstan’s Deputy Foreign Minister Roman Vassilenko said", may2025, "",
			"Kazakhstan’s Deputy Foreign Minister Roman Vassilenko=KAZGOV/appositive"},
		{"adjective agent", "the Kazakh Foreign Ministry said", may2025, "", "Kazakh Foreign Ministry=KAZGOV/agent"},
		{"adjective troops", "Russian troops crossed", may2025, "", "Russian troops=RUSMIL/agent"},
		{"country alone agent", "in the Kazakh capital on May 29", may2025, "", "Kazakh capital=KAZ/agent"},
		{"agent list", "companies from China, France, Russia, and South Korea should build it", may2025, "",
			"China=CHNBUS/agent-list; France=FRABUS/agent-list; Russia=RUSBUS/agent-list; South Korea=KORBUS/agent-list"},
		{"coordinated adjectives", "Chinese and Russian companies bid", may2025, "",
			"Chinese=CHNBUS/agent-list; Russian companies=RUSBUS/agent-list"},
		{"agent of country", "the president of Kazakhstan arrived", may2025, "", "president of Kazakhstan=KAZGOV/agent"},
		{"agent of a country named with its article", "the president of the Philippines arrived", may2025, "",
			"president of the Philippines=PHLGOV/agent"},
		{"agent list with articles of names", "companies from the Philippines and the Netherlands bid", may2025, "",
			"the Philippines=PHLBUS/agent-list; the Netherlands=NLDBUS/agent-list"},
		{"agent in country is not its", "troops in Kazakhstan", may2025, "", "Kazakhstan=KAZ/name"},
		{"dateline agent", "the president said", may2025, "KAZ", "president=KAZGOV/dateline"},
		{"dateline needs the", "investor confidence", may2025, "KAZ", ""},
		{"dateline ambiguous", "the president met Russian troops", may2025, "KAZ", "Russian troops=RUSMIL/agent"},
		{"no dateline", "the president said", may2025, "", ""},
		{"capital metonym", "Moscow said it would respond", may2025, "", "Moscow=RUSGOV/metonym"},
		{"capital naming a process", "They backed the Minsk process and the Paris agreement", may2025, "", ""},
		{"capital naming a body", "the Minsk Group met", may2025, "", ""},
		{"capital as place", "leaders met in Astana", may2025, "", "Astana=KAZ/capital"},
		{"multiword capital", "the Kremlin said", may2025, "", "the Kremlin=RUSGOV/metonym"},
		{"dated term before", "Tokayev met Nazarbayev", time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), "",
			"Tokayev=KAZGOV/name; Nazarbayev=KAZGOV/name"},
		{"dated term after", "Tokayev met Nazarbayev", may2025, "", "Tokayev=KAZGOV/name; Nazarbayev=KAZELI/name"},
		{"no term on date", "Tokayev spoke", time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC), "", "Tokayev=/name"},
		{"diacritics folded", "Andrej Plenkovic spoke", may2025, "", "Andrej Plenkovic=HRVGOV/name"},
		{"abbreviation in capitals", "the AIF opened", may2025, "", "AIF=KAZGOV/name"},
		{"abbreviation not in lower case", "the aif opened", may2025, "", ""},
		{"case-insensitive name", "KAZAKHSTAN AND RUSSIA", may2025, "", "KAZAKHSTAN=KAZ/name; RUSSIA=RUS/name"},
		{"longest match", "The Times of Central Asia reported", may2025, "", "The Times of Central Asia=KGZMED/name"},
		{"hyphen split by tokenizer", "Kassym - Jomart Tokayev", may2025, "", "Kassym - Jomart Tokayev=KAZGOV/name"},
		{"discard blocks", "Manchester United beat France", may2025, "", "France=FRA/name"},
		{"appositive unknown name", "Roman Vassilenko, Kazakhstan’s deputy foreign minister, said", may2025, "",
			"Roman Vassilenko=KAZGOV/appositive; Kazakhstan’s deputy foreign minister=KAZGOV/agent"},
		{"title unknown name", "Croatian President Zoran Milanovic said", may2025, "",
			"Croatian President Zoran Milanovic=HRVGOV/appositive"},
		{"title known person", "President Tokayev said", may2025, "", "President Tokayev=KAZGOV/title"},
		{"agent word in a hyphened modifier", "the Russian government-backed group said", may2025, "", "Russian=RUS/adjective"},
		{"known name as a first name", "Croatian President Tokayev Ivanovic said", may2025, "",
			"Croatian President Tokayev Ivanovic=HRVGOV/appositive"},
		{"title known surname", "Kazakh President Kassym Tokayev said", may2025, "",
			"Kazakh President Kassym Tokayev=KAZGOV/title"},
		{"title before a body", "the Croatian Government Committee met", may2025, "", "Croatian Government=HRVGOV/agent"},
		{"old name", "Nur-Sultan hosted the talks", may2025, "", "Nur-Sultan=KAZGOV/metonym"},
		{"former office", "the former Kazakh foreign minister said", may2025, "", "Kazakh foreign minister=KAZELI/agent"},
		{"former office dateline", "the former president said", may2025, "KAZ", "president=KAZELI/dateline"},
		{"retired troops", "retired Russian troops", may2025, "", "Russian troops=RUSELI/agent"},
		{"an office's brief is no actor", "the Russian envoy for China met Tokayev", may2025, "",
			"Russian envoy=RUSGOV/agent; Tokayev=KAZGOV/name"},
		{"a possessive's envoy's brief", "his envoy for France spoke", may2025, "", ""},
		{"a brief needs an owner", "an envoy for France spoke", may2025, "", "France=FRA/name"},
		{"a country before its person is one actor", "Chinese President Xi Jinping met Kazakhstan's Tokayev", may2025, "",
			"Chinese President Xi Jinping=CHNGOV/name; Kazakhstan's Tokayev=KAZGOV/name"},
		{"not another country's person", "Russian Tokayev", may2025, "", "Russian=RUS/adjective; Tokayev=KAZGOV/name"},
		{"another's given name before a known surname", "Serik Tokayev said", may2025, "", ""},
		{"a shared surname is the one in office's", "Vela said", may2025, "", "Vela=FRAGOV/name"},
		{"the known person's own given name", "Kassym-Jomart Tokayev said", may2025, "", "Kassym-Jomart Tokayev=KAZGOV/name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := sentence(tc.in)
			got := mentionsText(tc.in, d.Find(s, Context{Date: tc.date, Country: tc.country}))
			if got != tc.want {
				t.Errorf("Find(%q)\n got %s\nwant %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestFindSpansAndConfidence(t *testing.T) {
	d := testDict(t)
	text := "Kazakhstan’s President Kassym-Jomart Tokayev met Russian troops."
	s := sentence(text)
	for _, m := range d.Find(s, Context{}) {
		if m.Span.Start != s.Tokens[m.First].Span.Start || m.Span.End != s.Tokens[m.Last].Span.End {
			t.Errorf("%+v: span does not match tokens", m)
		}
		if m.Confidence <= 0 || m.Confidence > 1 {
			t.Errorf("%+v: confidence out of (0, 1]", m)
		}
		if m.Why == "" || m.Method == "" {
			t.Errorf("%+v: no explanation", m)
		}
	}
}

func TestDateline(t *testing.T) {
	d := testDict(t)
	tests := []struct{ in, want string }{
		{"ASTANA (Reuters) - The president said", "KAZ"},
		{"MOSCOW, May 29 - Officials said", "RUS"},
		{"Astana said on Monday", ""},
		{"PARIS (AFP) - x", ""},
	}
	for _, tc := range tests {
		if got := d.Dateline(sentence(tc.in)); got != tc.want {
			t.Errorf("Dateline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLookup(t *testing.T) {
	d := testDict(t)
	for _, name := range []string{"Tokayev", "tokaev", "Kassym-Jomart Tokayev", "KASSYM JOMART TOKAYEV"} {
		got := d.Lookup(name)
		if len(got) != 1 || got[0].Name != "Kassym-Jomart Tokayev" {
			t.Errorf("Lookup(%q) = %v", name, got)
		}
	}
	if got := d.LookupAgent("Foreign Ministry"); len(got) != 1 || got[0].Role != "GOV" {
		t.Errorf("LookupAgent = %v", got)
	}
}

func TestUnknown(t *testing.T) {
	d := testDict(t)
	var u Unknowns
	for _, text := range []string{
		"Kazakhstan signed a deal with Zorblax Holdings on Monday.",
		"Officials said Zorblax Holdings would build it.",
		"The talks ended.",
		"Troops crossed, the Committee for Border Affairs said.",
		"Qarlygash Nurmagambetova, a Kazakh lawyer, disagreed.",
	} {
		s := sentence(text)
		u.Add(s, d.Unknown(s, d.Find(s, Context{}), Context{}))
	}
	got := u.List()
	if len(got) == 0 || got[0].Name != "Zorblax Holdings" || got[0].Count != 2 || len(got[0].Examples) != 2 {
		t.Fatalf("List() = %+v", got)
	}
	names := map[string]bool{}
	for _, n := range got {
		names[n.Name] = true
	}
	for _, want := range []string{"Committee for Border Affairs", "Qarlygash Nurmagambetova"} {
		if !names[want] {
			t.Errorf("%q not listed: %+v", want, got)
		}
	}
	for _, n := range got {
		if n.Name == "Kazakhstan" || n.Name == "The" || n.Name == "Officials" {
			t.Errorf("known or function word listed: %+v", n)
		}
	}
}

func TestUnknownParsed(t *testing.T) {
	d := testDict(t)
	// "Zorblax Holdings signed a deal with Kazakhstan in Vorukh ." with a
	// tree: the company is the subject, Vorukh an oblique, "Deal" nothing.
	s := sentence("Zorblax Holdings signed a deal with Kazakhstan in Vorukh Town .")
	heads := []struct {
		head int
		rel  string
	}{{2, "compound"}, {3, "nsubj"}, {0, "root"}, {5, "det"}, {3, "obj"}, {7, "case"}, {3, "obl"},
		{10, "case"}, {10, "compound"}, {3, "obl"}, {3, "punct"}}
	if len(heads) != len(s.Tokens) {
		t.Fatalf("%d tokens, %d heads", len(s.Tokens), len(heads))
	}
	for i, h := range heads {
		s.Tokens[i].Head, s.Tokens[i].Rel = h.head, h.rel
	}
	var names []string
	for _, c := range d.Unknown(s, d.Find(s, Context{}), Context{}) {
		names = append(names, c.Name)
	}
	if got, want := strings.Join(names, "|"), "Zorblax Holdings|Vorukh Town"; got != want {
		t.Errorf("Unknown = %q, want %q", got, want)
	}
}
