package coref_test

import (
	"fmt"
	"strings"
	"testing"

	"farabi/internal/actor"
	"farabi/internal/coref"
	"farabi/internal/ud"
)

// sent builds a parsed sentence from "form lemma upos head rel" rows.
func sent(t *testing.T, rows string) *ud.Sentence {
	t.Helper()
	var b strings.Builder
	for n, line := range strings.Split(strings.TrimSpace(rows), "\n") {
		f := strings.Fields(line)
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t_\t_\t%s\t%s\t_\t_\n", n+1, f[0], f[1], f[2], f[3], f[4])
	}
	b.WriteString("\n")
	ss, err := ud.ReadAll(strings.NewReader(b.String()), "test")
	if err != nil {
		t.Fatal(err)
	}
	return ss[0]
}

// codes lists the codes of the mentions of ms that keep holds.
func codes(ms []actor.Mention, keep func(actor.Mention) bool) string {
	var got []string
	for _, x := range ms {
		if keep(x) {
			got = append(got, x.Code)
		}
	}
	return strings.Join(got, " ")
}

func m(first, last int, code string, how actor.Method, role string) actor.Mention {
	return actor.Mention{First: first, Last: last, Code: code, Method: how, Role: role, Name: code, Confidence: 0.9}
}

func TestResolve(t *testing.T) {
	r := &coref.Resolver{IsRegion: func(c string) bool { return c == "CAS" }}
	s0 := sent(t, `
companies company NOUN 0 root
from from ADP 3 case
China China PROPN 1 nmod
and and CCONJ 5 cc
France France PROPN 3 conj`)
	s1 := sent(t, `
“ “ PUNCT 3 punct
we we PRON 3 nsubj
negotiate negotiate VERB 7 ccomp
with with ADP 6 case
the the DET 6 det
companies company NOUN 3 obl
” ” PUNCT 3 punct
Vassilenko Vassilenko PROPN 9 nsubj
said say VERB 0 root`)
	s2 := sent(t, `
the the DET 4 det
Central Central ADJ 3 amod
Asian Asian ADJ 4 amod
nation nation NOUN 5 nsubj
plans plan VERB 0 root`)
	s3 := sent(t, `
Vassilenko Vassilenko PROPN 2 nsubj
said say VERB 0 root
his his PRON 4 nmod:poss
nation nation NOUN 5 nsubj
opened open VERB 2 ccomp
embassies embassy NOUN 5 obj`)
	sents := []*ud.Sentence{s0, s1, s2, s3}
	ms := [][]actor.Mention{
		{m(0, 2, "CHNBUS", actor.ByAgentList, "companies"), m(4, 4, "FRABUS", actor.ByAgentList, "companies"), m(2, 2, "KAZ", actor.ByName, "")},
		{m(7, 7, "KAZGOV", actor.ByName, "")},
		{m(1, 2, "CAS", actor.ByAdjective, "")},
		{m(0, 0, "KAZGOV", actor.ByName, "")},
	}
	r.Resolve(sents, ms, "")
	var got []string
	for si, list := range ms {
		for _, x := range list {
			if strings.HasPrefix(string(x.Method), "coref") {
				got = append(got, fmt.Sprintf("%d:%d-%d:%s", si, x.First, x.Last, x.Code))
			}
		}
	}
	want := "1:1-1:KAZGOV 1:4-5:CHNBUS 1:4-5:FRABUS 2:1-3:KAZ 3:2-3:KAZ"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("resolved mentions = %q, want %q", g, want)
	}
}

func TestQuotes(t *testing.T) {
	r := &coref.Resolver{}
	s := sent(t, `
“ “ PUNCT 5 punct
We we PRON 3 nsubj
have have VERB 9 ccomp
direct direct ADJ 5 amod
flights flight NOUN 3 obj
, , PUNCT 3 punct
” ” PUNCT 3 punct
Vassilenko Vassilenko PROPN 9 nsubj
said say VERB 0 root`)
	qs := r.Quotes(s, []actor.Mention{m(7, 7, "KAZGOV", actor.ByName, "")})
	if len(qs) != 1 || !qs[0].HasSpeaker || qs[0].Speaker.Code != "KAZGOV" {
		t.Fatalf("Quotes = %+v, want one quotation said by KAZGOV", qs)
	}
	if got := s.Text[qs[0].Span.Start:qs[0].Span.End]; got != "We have direct flights" {
		t.Errorf("quotation = %q", got)
	}
}

func TestGroups(t *testing.T) {
	r := &coref.Resolver{IsRegion: func(c string) bool { return c == "CAS" }}
	person := func(first, last int, code string) actor.Mention {
		x := m(first, last, code, actor.ByName, "")
		x.Person = true
		return x
	}
	// Tokayev met Xi in Beijing.
	s0 := sent(t, `
Tokayev Tokayev PROPN 2 nsubj
met meet VERB 0 root
Xi Xi PROPN 2 obj
in in ADP 5 case
Beijing Beijing PROPN 2 obl`)
	// The two leaders signed a treaty.
	s1 := sent(t, `
The the DET 3 det
two two NUM 3 nummod
leaders leader NOUN 4 nsubj
signed sign VERB 0 root
a a DET 6 det
treaty treaty NOUN 4 obj`)
	// He thanked his counterpart.
	s2 := sent(t, `
He he PRON 2 nsubj
thanked thank VERB 0 root
his his PRON 4 nmod:poss
counterpart counterpart NOUN 2 obj`)
	// Nurtleu met the ministers of Spain, Latvia, Poland and Chile.
	s3 := sent(t, `
Nurtleu Nurtleu PROPN 2 nsubj
met meet VERB 0 root
the the DET 4 det
ministers minister NOUN 2 obj
of of ADP 6 case
Spain Spain PROPN 4 nmod
Latvia Latvia PROPN 6 conj
Poland Poland PROPN 6 conj
Chile Chile PROPN 6 conj`)
	// The sides agreed.
	s4 := sent(t, `
The the DET 2 det
sides side NOUN 3 nsubj
agreed agree VERB 0 root`)
	sents := []*ud.Sentence{s0, s1, s2, s3, s4}
	ms := [][]actor.Mention{
		{person(0, 0, "KAZGOV"), person(2, 2, "CHNGOV"), m(4, 4, "CHN", actor.ByCapital, "")},
		nil,
		nil,
		{person(0, 0, "KAZGOV"), m(5, 5, "ESPGOV", actor.ByAgentList, "ministers"), m(6, 6, "LVAGOV", actor.ByAgentList, "ministers"),
			m(7, 7, "POLGOV", actor.ByAgentList, "ministers"), m(8, 8, "CHLGOV", actor.ByAgentList, "ministers")},
		nil,
	}
	r.Resolve(sents, ms, "")
	var got []string
	for si, list := range ms {
		for _, x := range list {
			if strings.HasPrefix(string(x.Method), "coref") {
				hub := ""
				if x.Hub {
					hub = "*"
				}
				got = append(got, fmt.Sprintf("%d:%d-%d:%s%s", si, x.First, x.Last, x.Code, hub))
			}
		}
	}
	want := "1:0-2:KAZGOV 1:0-2:CHNGOV " + // the two leaders: the pair met before
		"2:0-0:KAZGOV 2:2-2:KAZGOV 2:2-3:CHNGOV " + // he, his → Tokayev; his counterpart → Xi
		"4:0-1:KAZGOV* 4:0-1:ESPGOV 4:0-1:LVAGOV 4:0-1:POLGOV 4:0-1:CHLGOV" // the sides: host and guests
	if g := strings.Join(got, " "); g != want {
		t.Errorf("resolved mentions =\n%s\nwant\n%s", g, want)
	}
}

func TestPersonsAndTurns(t *testing.T) {
	r := &coref.Resolver{}
	person := func(first, last int, code, name, role string) actor.Mention {
		x := m(first, last, code, actor.ByTitle, role)
		x.Person, x.Name = true, name
		return x
	}
	// President Moon Jae-in welcomed Amir Tamim.
	s0 := sent(t, `
President President PROPN 4 nsubj
Moon Moon PROPN 1 flat
Jae-in Jae-in PROPN 1 flat
welcomed welcome VERB 0 root
Amir Amir PROPN 4 obj
Tamim Tamim PROPN 5 flat`)
	// Moon thanked the amir.
	s1 := sent(t, `
Moon Moon PROPN 2 nsubj
thanked thank VERB 0 root
the the DET 4 det
amir amir NOUN 2 obj`)
	// Vladimir Putin: Mr Nazarbayev, I thank you.
	s2 := sent(t, `
Vladimir Vladimir PROPN 0 root
Putin Putin PROPN 1 flat
: : PUNCT 1 punct
Mr Mr PROPN 5 compound
Nazarbayev Nazarbayev PROPN 1 vocative
, , PUNCT 8 punct
I I PRON 8 nsubj
thank thank VERB 1 parataxis
you you PRON 8 obj`)
	// We are glad.  (the turn goes on)
	s3 := sent(t, `
We we PRON 3 nsubj
are be AUX 3 cop
glad glad ADJ 0 root`)
	sents := []*ud.Sentence{s0, s1, s2, s3}
	ms := [][]actor.Mention{
		{person(0, 2, "KORGOV", "Moon Jae-in", "President"), person(4, 5, "QATGOV", "Tamim bin Hamad Al Thani", "Emir")},
		nil,
		{person(0, 1, "RUSGOV", "Vladimir Putin", "President"), person(3, 4, "KAZELI", "Nursultan Nazarbayev", "former President")},
		nil,
	}
	r.Resolve(sents, ms, "")
	var got []string
	for si, list := range ms {
		for _, x := range list {
			if strings.HasPrefix(string(x.Method), "coref") {
				got = append(got, fmt.Sprintf("%d:%d-%d:%s:%s", si, x.First, x.Last, x.Code, x.Method))
			}
		}
	}
	want := "1:0-0:KORGOV:coref-short-name 1:2-3:QATGOV:coref-title " +
		"2:6-6:RUSGOV:coref-turn 2:8-8:KAZELI:coref-addressee 3:0-0:RUSGOV:coref-turn"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("resolved mentions =\n%s\nwant\n%s", g, want)
	}
}

func TestStoryQuotes(t *testing.T) {
	r := &coref.Resolver{}
	// “We will sign it. It matters,  (the quotation runs on)
	s0 := sent(t, `
“ “ PUNCT 4 punct
We we PRON 4 nsubj
will will AUX 4 aux
sign sign VERB 0 root
it it PRON 4 obj
. . PUNCT 4 punct`)
	// it matters,” Tokayev said.
	s1 := sent(t, `
It it PRON 2 nsubj
matters matter VERB 6 ccomp
, , PUNCT 2 punct
” ” PUNCT 2 punct
Tokayev Tokayev PROPN 6 nsubj
said say VERB 0 root
. . PUNCT 6 punct`)
	// “A new era begins for both nations.”  (no attribution: the speaker before)
	s2 := sent(t, `
“ “ PUNCT 4 punct
A a DET 3 det
new new ADJ 3 amod
era era NOUN 4 nsubj
begins begin VERB 0 root
for for ADP 8 case
both both DET 8 det
nations nation NOUN 4 obl
. . PUNCT 4 punct
” ” PUNCT 4 punct`)
	sents := []*ud.Sentence{s0, s1, s2}
	tok := m(4, 4, "KAZGOV", actor.ByName, "")
	tok.Person = true
	ms := [][]actor.Mention{nil, {tok}, nil}
	st := r.NewStory("")
	st.Resolve(sents, ms)
	qs := st.Quotes(sents, ms)
	var got []string
	for si, list := range qs {
		for _, q := range list {
			got = append(got, fmt.Sprintf("%d:%s:%s", si, q.Speaker.Code, q.Via))
		}
	}
	want := "0:KAZGOV:span 1:KAZGOV:verb 2:KAZGOV:near"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("quotes = %q, want %q", g, want)
	}
}

func TestMeeting(t *testing.T) {
	r := &coref.Resolver{IsRegion: func(c string) bool { return c == "CAS" }}
	person := func(first, last int, code string) actor.Mention {
		x := m(first, last, code, actor.ByName, "")
		x.Person = true
		return x
	}
	// Wang presided over the meeting.
	s0 := sent(t, `
Wang Wang PROPN 2 nsubj
presided preside VERB 0 root
over over ADP 5 case
the the DET 5 det
meeting meeting NOUN 2 obl`)
	// Tleuberdi, Aidarbekov, Muhriddin and Kamilov attended the meeting.
	s1 := sent(t, `
Tleuberdi Tleuberdi PROPN 8 nsubj
, , PUNCT 3 punct
Aidarbekov Aidarbekov PROPN 1 conj
, , PUNCT 5 punct
Muhriddin Muhriddin PROPN 1 conj
and and CCONJ 7 cc
Kamilov Kamilov PROPN 1 conj
attended attend VERB 0 root
the the DET 10 det
meeting meeting NOUN 8 obj`)
	// The ministers agreed.
	s2 := sent(t, `
The the DET 2 det
ministers minister NOUN 3 nsubj
agreed agree VERB 0 root`)
	// the host is the story's most prominent party: China opens the story
	// twice, as a headline and a lede would
	sents := []*ud.Sentence{s0, s0, s1, s2}
	ms := [][]actor.Mention{
		{person(0, 0, "CHNGOV")},
		{person(0, 0, "CHNGOV")},
		{person(0, 0, "KAZGOV"), person(2, 2, "KGZGOV"), person(4, 4, "TJKGOV"), person(6, 6, "UZBGOV")},
		nil,
	}
	r.Resolve(sents, ms, "")
	var got []string
	for _, x := range ms[2] {
		if x.Method == coref.ByGroup {
			got = append(got, x.Code+map[bool]string{true: "*"}[x.Hub])
		}
	}
	for _, x := range ms[3] {
		if x.Method == coref.ByGroup {
			got = append(got, x.Code+map[bool]string{true: "*"}[x.Hub])
		}
	}
	want := "CHNGOV* KAZGOV KGZGOV TJKGOV UZBGOV CHNGOV* KAZGOV KGZGOV TJKGOV UZBGOV"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("meeting groups = %q, want %q", g, want)
	}
}

// TestMeetingNumberedGroup: in a meeting of many where one guest was named
// by an agent noun ("the Uzbek minister") and the others by their names,
// "the ministers" are the meeting, not that one guest, "the four
// ministers" of a host with four guests are the guests, and "the two
// ministers" are two persons.
func TestMeetingNumberedGroup(t *testing.T) {
	r := &coref.Resolver{IsRegion: func(c string) bool { return c == "CAS" }}
	person := func(first, last int, code string) actor.Mention {
		x := m(first, last, code, actor.ByName, "")
		x.Person = true
		return x
	}
	// Wang chaired the meeting.
	s0 := sent(t, `
Wang Wang PROPN 2 nsubj
chaired chair VERB 0 root
the the DET 4 det
meeting meeting NOUN 2 obj`)
	// Tleuberdi, Aidarbekov, Muhriddin and the Uzbek minister attended the meeting.
	s1 := sent(t, `
Tleuberdi Tleuberdi PROPN 10 nsubj
, , PUNCT 3 punct
Aidarbekov Aidarbekov PROPN 1 conj
, , PUNCT 5 punct
Muhriddin Muhriddin PROPN 1 conj
and and CCONJ 9 cc
the the DET 9 det
Uzbek Uzbek ADJ 9 amod
minister minister NOUN 1 conj
attended attend VERB 0 root
the the DET 12 det
meeting meeting NOUN 10 obj`)
	// The four ministers thanked Wang.
	s2 := sent(t, `
The the DET 3 det
four four NUM 3 nummod
ministers minister NOUN 4 nsubj
thanked thank VERB 0 root
Wang Wang PROPN 4 obj`)
	// The ministers agreed.
	s3 := sent(t, `
The the DET 2 det
ministers minister NOUN 3 nsubj
agreed agree VERB 0 root`)
	// The two ministers agreed: two persons (here two of the guests named
	// last), not the meeting.
	s4 := sent(t, `
The the DET 3 det
two two NUM 3 nummod
ministers minister NOUN 4 nsubj
agreed agree VERB 0 root`)
	sents := []*ud.Sentence{s0, s0, s1, s2, s3, s4}
	ms := [][]actor.Mention{
		{person(0, 0, "CHNGOV")},
		{person(0, 0, "CHNGOV")},
		{person(0, 0, "KAZGOV"), person(2, 2, "KGZGOV"), person(4, 4, "TJKGOV"), m(6, 8, "UZBGOV", actor.ByAgent, "minister")},
		{person(4, 4, "CHNGOV")},
		nil,
		nil,
	}
	r.Resolve(sents, ms, "")
	for _, c := range []struct {
		si   int
		want string
	}{
		{3, "KAZGOV KGZGOV TJKGOV UZBGOV"},
		{4, "CHNGOV* KAZGOV KGZGOV TJKGOV UZBGOV"},
		{5, "KAZGOV KGZGOV"},
	} {
		var got []string
		for _, x := range ms[c.si] {
			if x.First >= 0 && x.First < 3 {
				got = append(got, x.Code+map[bool]string{true: "*"}[x.Hub])
			}
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("sentence %d: group = %q, want %q", c.si, g, c.want)
		}
	}
}

// TestTheySubject: a "they" opening a sentence is the last sentence's
// subject when that subject named two parties, not the others it named.
func TestTheySubject(t *testing.T) {
	r := &coref.Resolver{}
	person := func(first, last int, code string) actor.Mention {
		x := m(first, last, code, actor.ByName, "")
		x.Person = true
		return x
	}
	// Tokayev met Macron.
	s0 := sent(t, `
Tokayev Tokayev PROPN 2 nsubj
met meet VERB 0 root
Macron Macron PROPN 2 obj`)
	// The two leaders praised Germany and Italy.
	s1 := sent(t, `
The the DET 3 det
two two NUM 3 nummod
leaders leader NOUN 4 nsubj
praised praise VERB 0 root
Germany Germany PROPN 4 obj
and and CCONJ 7 cc
Italy Italy PROPN 5 conj`)
	// They agreed.
	s2 := sent(t, `
They they PRON 2 nsubj
agreed agree VERB 0 root`)
	sents := []*ud.Sentence{s0, s1, s2}
	ms := [][]actor.Mention{
		{person(0, 0, "KAZGOV"), person(2, 2, "FRAGOV")},
		{m(4, 4, "DEU", actor.ByName, ""), m(6, 6, "ITA", actor.ByName, "")},
		nil,
	}
	r.Resolve(sents, ms, "")
	if g, want := codes(ms[2], func(x actor.Mention) bool { return x.First == 0 }), "KAZGOV FRAGOV"; g != want {
		t.Errorf("they = %q, want %q", g, want)
	}
}

// TestSidesNotThirdParty: a third party named before "the two sides" or
// "both countries" is none of them: the agent of a passive ("talks
// brokered by Norway") or who reports ("Norway's ministry said that …").
func TestSidesNotThirdParty(t *testing.T) {
	r := &coref.Resolver{}
	fought := sent(t, `
Armenia Armenia PROPN 4 nsubj
and and CCONJ 3 cc
Azerbaijan Azerbaijan PROPN 1 conj
fought fight VERB 0 root`)
	for _, c := range []struct {
		name  string
		rows  string
		third actor.Mention
	}{
		// Despite talks brokered by Norway, the two sides disagree.
		{"broker", `
Despite despite ADP 2 case
talks talk NOUN 10 obl
brokered broker VERB 2 acl
by by ADP 5 case
Norway Norway PROPN 3 obl:agent
, , PUNCT 2 punct
the the DET 9 det
two two NUM 9 nummod
sides side NOUN 10 nsubj
disagree disagree VERB 0 root`, m(4, 4, "NOR", actor.ByName, "")},
		// Norway's ministry said that both countries agreed.
		{"reporter", `
Norway Norway PROPN 3 nmod:poss
's 's PART 1 case
ministry ministry NOUN 4 nsubj
said say VERB 0 root
that that SCONJ 8 mark
both both DET 7 det
countries country NOUN 8 nsubj
agreed agree VERB 4 ccomp`, m(0, 2, "NORGOV", actor.ByAgent, "ministry")},
	} {
		pair := func() []actor.Mention {
			return []actor.Mention{m(0, 0, "ARM", actor.ByName, ""), m(2, 2, "AZE", actor.ByName, "")}
		}
		ms := [][]actor.Mention{pair(), pair(), {c.third}}
		r.Resolve([]*ud.Sentence{fought, fought, sent(t, c.rows)}, ms, "")
		var got []string
		for _, x := range ms[2] {
			if x.Method == coref.ByGroup {
				got = append(got, x.Code)
			}
		}
		if g, want := strings.Join(got, " "), "ARM AZE"; g != want {
			t.Errorf("%s: the group = %q, want %q", c.name, g, want)
		}
	}
}

// TestSidesAreStates: "both sides" of a sentence that named an
// organisation and two countries are the countries, and whoever urges
// "both sides" is not one of them.
func TestSidesAreStates(t *testing.T) {
	r := &coref.Resolver{}
	// The UN welcomed the truce of Tajikistan and Kyrgyzstan.
	s0 := sent(t, `
The the DET 2 det
UN UN PROPN 3 nsubj
welcomed welcome VERB 0 root
the the DET 5 det
truce truce NOUN 3 obj
of of ADP 7 case
Tajikistan Tajikistan PROPN 5 nmod
and and CCONJ 9 cc
Kyrgyzstan Kyrgyzstan PROPN 7 conj`)
	// Both sides agreed.
	s1 := sent(t, `
Both both DET 2 det
sides side NOUN 3 nsubj
agreed agree VERB 0 root`)
	// Norway urged both sides to talk.
	s2 := sent(t, `
Norway Norway PROPN 2 nsubj
urged urge VERB 0 root
both both DET 4 det
sides side NOUN 2 obj
to to PART 6 mark
talk talk VERB 2 xcomp`)
	sents := []*ud.Sentence{s0, s0, s1, s2}
	un := func() []actor.Mention {
		return []actor.Mention{m(1, 1, "IGOUNO", actor.ByName, ""), m(6, 6, "TJK", actor.ByName, ""), m(8, 8, "KGZ", actor.ByName, "")}
	}
	ms := [][]actor.Mention{un(), un(), nil, {m(0, 0, "NOR", actor.ByName, "")}}
	r.Resolve(sents, ms, "")
	for _, si := range []int{2, 3} {
		var got []string
		for _, x := range ms[si] {
			if x.Method == coref.ByGroup {
				got = append(got, x.Code)
			}
		}
		if g, want := strings.Join(got, " "), "TJK KGZ"; g != want {
			t.Errorf("sentence %d: both sides = %q, want %q", si, g, want)
		}
	}
}

// TestStateRun: "the state-run agency" names no state, while "the state"
// alone is the story's most mentioned country.
func TestStateRun(t *testing.T) {
	r := &coref.Resolver{}
	s0 := sent(t, `
Kyrgyzstan Kyrgyzstan PROPN 2 nsubj
spoke speak VERB 0 root`)
	// It told the state-run agency.
	s1 := sent(t, `
It it PRON 2 nsubj
told tell VERB 0 root
the the DET 7 det
state state NOUN 6 compound
- - PUNCT 6 punct
run run VERB 7 amod
agency agency NOUN 2 obj`)
	// It told the state.
	s2 := sent(t, `
It it PRON 2 nsubj
told tell VERB 0 root
the the DET 4 det
state state NOUN 2 obj`)
	// the hyphen touches both words, as the tokenizer leaves it
	s1.Tokens[3].Span, s1.Tokens[4].Span, s1.Tokens[5].Span = ud.Span{Start: 12, End: 17}, ud.Span{Start: 17, End: 18}, ud.Span{Start: 18, End: 21}
	sents := []*ud.Sentence{s0, s1, s2}
	ms := [][]actor.Mention{{m(0, 0, "KGZ", actor.ByName, "")}, nil, nil}
	r.Resolve(sents, ms, "")
	// ("It" takes up the last sentence's subject, Kyrgyzstan: not what
	// this test is about)
	state := func(x actor.Mention) bool { return x.Method != coref.ByPronoun }
	if got := codes(ms[1], state); got != "" {
		t.Errorf("state-run: got %q, want none", got)
	}
	if got := codes(ms[2], state); got != "KGZ" {
		t.Errorf("the state: got %q, want KGZ", got)
	}
}

// TestThoseCountries: "those countries" are the list named just before
// the phrase, not every party of the sentence.
func TestThoseCountries(t *testing.T) {
	r := &coref.Resolver{}
	// Belarus borders Poland, Lithuania and Latvia, and those countries protested.
	s0 := sent(t, `
Belarus Belarus PROPN 2 nsubj
borders border VERB 0 root
Poland Poland PROPN 2 obj
, , PUNCT 5 punct
Lithuania Lithuania PROPN 3 conj
and and CCONJ 7 cc
Latvia Latvia PROPN 3 conj
, , PUNCT 12 punct
and and CCONJ 12 cc
those those DET 11 det
countries country NOUN 12 nsubj
protested protest VERB 2 conj`)
	ms := [][]actor.Mention{{m(0, 0, "BLR", actor.ByName, ""), m(2, 2, "POL", actor.ByName, ""),
		m(4, 4, "LTU", actor.ByName, ""), m(6, 6, "LVA", actor.ByName, "")}}
	r.Resolve([]*ud.Sentence{s0}, ms, "")
	if g, want := codes(ms[0], func(x actor.Mention) bool { return x.Method == coref.ByGroup }), "POL LTU LVA"; g != want {
		t.Errorf("those countries = %q, want %q", g, want)
	}
}

// TestItReporter: "The ministry said that it had summoned the envoy" —
// "it" is the body that says so; a person who says so is not "it".
func TestItReporter(t *testing.T) {
	r := &coref.Resolver{}
	// The ministry said that it summoned the envoy.
	s0 := sent(t, `
The the DET 2 det
ministry ministry NOUN 3 nsubj
said say VERB 0 root
that that SCONJ 6 mark
it it PRON 6 nsubj
summoned summon VERB 3 ccomp
the the DET 8 det
envoy envoy NOUN 6 obj`)
	ms := [][]actor.Mention{{m(0, 1, "KAZGOV", actor.ByAgent, "ministry")}}
	r.Resolve([]*ud.Sentence{s0}, ms, "")
	if g, want := codes(ms[0], func(x actor.Mention) bool { return x.First == 4 }), "KAZGOV"; g != want {
		t.Errorf("it = %q, want %q", g, want)
	}
}

// TestItAccusedReporter: "Chile said Peru had accused it of spying" —
// the object "it" of a verb that takes a party, in a clause whose subject
// is another actor, is the reporting body; "it" approved by another is a
// thing, never the body.
func TestItAccusedReporter(t *testing.T) {
	r := &coref.Resolver{}
	rows := func(verb, lemma string) string {
		return `
Chile Chile PROPN 2 nsubj
said say VERB 0 root
Peru Peru PROPN 5 nsubj
had have AUX 5 aux
` + verb + ` ` + lemma + ` VERB 2 ccomp
it it PRON 5 obj`
	}
	for _, c := range []struct{ verb, lemma, want string }{
		{"accused", "accuse", "CHL"},
		{"approved", "approve", ""},
	} {
		s0 := sent(t, rows(c.verb, c.lemma))
		ms := [][]actor.Mention{{m(0, 0, "CHL", actor.ByName, ""), m(2, 2, "PER", actor.ByName, "")}}
		r.Resolve([]*ud.Sentence{s0}, ms, "")
		if g := codes(ms[0], func(x actor.Mention) bool { return x.First == 5 }); g != c.want {
			t.Errorf("%s it = %q, want %q", c.verb, g, c.want)
		}
	}
}

// TestGenericForum: a format as the subject of a verb in the simple present
// in a story's body says what it does as a rule ("The C5+1 fosters
// dialogue"): its parties are no actors there; in the past tense they
// are, and in a headline's present too.
func TestGenericForum(t *testing.T) {
	r := &coref.Resolver{FormatParties: func(c string) []string {
		if c == "IGOC5P1" {
			return []string{"USA", "CAS"}
		}
		return nil
	}}
	present := sent(t, `
The the DET 2 det
format format PROPN 3 nsubj
enhances enhance VERB 0 root
cooperation cooperation NOUN 3 obj`)
	present.Tokens[2].XPOS = "VBZ"
	past := sent(t, `
The the DET 2 det
format format PROPN 3 nsubj
met meet VERB 0 root`)
	past.Tokens[2].XPOS = "VBD"
	forum := func() []actor.Mention { return []actor.Mention{m(1, 1, "IGOC5P1", actor.ByName, "")} }
	sents := []*ud.Sentence{present, present, past}
	ms := [][]actor.Mention{forum(), forum(), forum()}
	r.Resolve(sents, ms, "")
	for si, want := range []int{2, 0, 2} {
		n := 0
		for _, x := range ms[si] {
			if x.Method == coref.ByGroup && x.First == 1 {
				n++
			}
		}
		if n != want {
			t.Errorf("sentence %d: %d parties of the format, want %d", si, n, want)
		}
	}
}

// TestBrusselsIsTheEU: "Brussels" standing for a government is the EU in
// a story that names the EU, and Belgium's government in one that does not.
func TestBrusselsIsTheEU(t *testing.T) {
	r := &coref.Resolver{}
	// Brussels agreed.
	s := sent(t, `
Brussels Brussels PROPN 2 nsubj
agreed agree VERB 0 root`)
	brussels := func() actor.Mention { return m(0, 0, "BELGOV", actor.ByMetonym, "") }
	eu := m(0, 0, "IGOEUREEC", actor.ByName, "")
	for _, c := range []struct {
		name string
		ms   [][]actor.Mention
		want string
	}{
		{"EU story", [][]actor.Mention{{eu}, {brussels()}}, "IGOEUREEC"},
		{"Belgian story", [][]actor.Mention{{m(0, 0, "FRA", actor.ByName, "")}, {brussels()}}, "BELGOV"},
	} {
		r.Resolve([]*ud.Sentence{s, s}, c.ms, "")
		if got := c.ms[1][0].Code; got != c.want {
			t.Errorf("%s: Brussels = %s, want %s", c.name, got, c.want)
		}
	}
}

// TestGulfIsTheGCC: "the Gulf" in a story that names the Gulf Cooperation
// Council (anywhere in its text) is the GCC, and the region otherwise.
func TestGulfIsTheGCC(t *testing.T) {
	r := &coref.Resolver{}
	s := sent(t, `
Gulf Gulf PROPN 2 compound
leaders leader NOUN 3 nsubj
met meet VERB 0 root`)
	for _, c := range []struct{ text, want string }{
		{"Gulf leaders met. The Gulf Cooperation Council (GCC) said so.", "GCC"},
		{"Gulf leaders met. Shipping resumed.", "PGS"},
	} {
		st := r.NewStory("")
		st.SetText(c.text)
		ms := [][]actor.Mention{{m(0, 0, "PGS", actor.ByAdjective, "")}}
		st.Resolve([]*ud.Sentence{s}, ms)
		if got := ms[0][0].Code; got != c.want {
			t.Errorf("%q: Gulf = %s, want %s", c.text, got, c.want)
		}
	}
}

// storyQuotes resolves a story and lists its quotations as
// "sentence:speaker:via".
func storyQuotes(r *coref.Resolver, sents []*ud.Sentence, ms [][]actor.Mention) string {
	st := r.NewStory("")
	st.Resolve(sents, ms)
	var got []string
	for si, list := range st.Quotes(sents, ms) {
		for _, q := range list {
			got = append(got, fmt.Sprintf("%d:%s:%s", si, q.Speaker.Code, q.Via))
		}
	}
	return strings.Join(got, " ")
}

func TestLearnedNames(t *testing.T) {
	// Tomas Berzins, the spokesman for the Latvian ministry, spoke.
	s0 := sent(t, `
Tomas Tomas PROPN 9 nsubj
Berzins Berzins PROPN 1 flat
, , PUNCT 5 punct
the the DET 5 det
spokesman spokesman NOUN 1 appos
for for ADP 8 case
the the DET 8 det
ministry ministry NOUN 5 nmod
spoke speak VERB 0 root`)
	// Berzins said: “They must leave today.”
	s1 := sent(t, `
Berzins Berzins PROPN 2 nsubj
said say VERB 0 root
: : PUNCT 7 punct
“ “ PUNCT 7 punct
They they PRON 7 nsubj
must must AUX 7 aux
leave leave VERB 2 ccomp
today today NOUN 7 obl:tmod
. . PUNCT 7 punct
” ” PUNCT 7 punct`)
	ms := [][]actor.Mention{{m(7, 7, "LVAGOV", actor.ByAgent, "")}, nil}
	if got, want := storyQuotes(&coref.Resolver{}, []*ud.Sentence{s0, s1}, ms), "1:LVAGOV:verb"; got != want {
		t.Errorf("quotes = %q, want %q", got, want)
	}
	// a name the story introduces with no office stays unknown
	ms = [][]actor.Mention{nil, nil}
	if got, want := storyQuotes(&coref.Resolver{}, []*ud.Sentence{s0, s1}, ms), "1::"; got != want {
		t.Errorf("quotes without an office = %q, want %q", got, want)
	}
}

func TestParticipleSpeaker(t *testing.T) {
	// Erdogan raised the stakes, insisting there was “no difference at all.”
	s := sent(t, `
Erdogan Erdogan PROPN 2 nsubj
raised raise VERB 0 root
the the DET 4 det
stakes stake NOUN 2 obj
, , PUNCT 6 punct
insisting insist VERB 2 advcl
there there PRON 8 expl
was be VERB 6 ccomp
“ “ PUNCT 10 punct
no no DET 10 det
difference difference NOUN 8 nsubj
at at ADP 12 case
all all DET 10 nmod
. . PUNCT 10 punct
” ” PUNCT 10 punct`)
	s.Tokens[5].XPOS = "VBG"
	tur := m(0, 0, "TURGOV", actor.ByName, "")
	tur.Person = true
	if got, want := storyQuotes(&coref.Resolver{}, []*ud.Sentence{s}, [][]actor.Mention{{tur}}), "0:TURGOV:verb"; got != want {
		t.Errorf("quotes = %q, want %q", got, want)
	}
}

// TestRegionStays: in a story about a meeting of many whose members it
// names, a sentence that names the members' region still names the group
// (GUIDELINES rule 3: the group code when the text names the group).
func TestRegionStays(t *testing.T) {
	members := map[string]string{"CAS": "KAZ KGZ TJK UZB TKM", "EUR": "FRA DEU"}
	r := &coref.Resolver{
		IsRegion:  func(c string) bool { return c == "CAS" || c == "EUR" },
		RegionHas: func(region, c string) bool { return strings.Contains(members[region], c[:3]) },
	}
	sents, ms := wangMeeting(t)
	// Central Asia thanked the European envoy.
	s2 := sent(t, `
Central Central PROPN 2 compound
Asia Asia PROPN 3 nsubj
thanked thank VERB 0 root
the the DET 6 det
European European ADJ 6 amod
envoy envoy NOUN 3 obj`)
	sents = append(sents, s2)
	ms = append(ms, []actor.Mention{m(0, 1, "CAS", actor.ByName, ""), m(4, 4, "EUR", actor.ByAdjective, "")})
	r.Resolve(sents, ms, "")
	var got []string
	for _, x := range ms[3] {
		if x.Code != "" {
			got = append(got, x.Code)
		}
	}
	want := "CAS EUR"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("mentions = %q, want %q", g, want)
	}
}

func TestOrgRef(t *testing.T) {
	// The Council of the European Union met.
	s0 := sent(t, `
The the DET 2 det
Council Council PROPN 7 nsubj
of of ADP 6 case
the the DET 6 det
European European PROPN 6 compound
Union Union PROPN 2 nmod
met meet VERB 0 root`)
	// The Council imposed sanctions.
	s1 := sent(t, `
The the DET 2 det
Council Council PROPN 3 nsubj
imposed impose VERB 0 root
sanctions sanction NOUN 3 obj`)
	council := m(0, 5, "IGOEUREECGOV", actor.ByName, "")
	council.Name = "Council of the European Union"
	ms := [][]actor.Mention{{council}, nil}
	(&coref.Resolver{}).Resolve([]*ud.Sentence{s0, s1}, ms, "")
	var got []string
	for _, x := range ms[1] {
		got = append(got, fmt.Sprintf("%d-%d:%s", x.First, x.Last, x.Code))
	}
	if g, want := strings.Join(got, " "), "0-1:IGOEUREECGOV"; !strings.Contains(g, want) {
		t.Errorf("mentions = %q, want %q among them", g, want)
	}
}

func TestVenueIsNoParty(t *testing.T) {
	// Aliyev met Orbán on the OSCE sideline, where they talked.
	s := sent(t, `
Aliyev Aliyev PROPN 2 nsubj
met meet VERB 0 root
Orbán Orbán PROPN 2 obj
on on ADP 7 case
the the DET 7 det
OSCE OSCE PROPN 7 compound
sideline sideline NOUN 2 obl
, , PUNCT 11 punct
where where ADV 11 advmod
they they PRON 11 nsubj
talked talk VERB 7 acl:relcl`)
	ms := [][]actor.Mention{{m(0, 0, "AZEGOV", actor.ByName, ""), m(2, 2, "HUNGOV", actor.ByName, ""), m(5, 5, "OSCE", actor.ByName, "")}}
	(&coref.Resolver{IsOrg: func(c string) bool { return c == "OSCE" }}).Resolve([]*ud.Sentence{s}, ms, "")
	if g, want := codes(ms[0], func(x actor.Mention) bool { return x.Method == coref.ByGroup }), "AZEGOV HUNGOV"; g != want {
		t.Errorf("they = %q, want %q", g, want)
	}
}

func TestAgentNamesOwn(t *testing.T) {
	// The Central Asian leaders came. Trump dined with the leaders of
	// Kazakhstan and Kyrgyzstan: "the leaders" names its own countries
	// and takes up no one of the story.
	s0 := sent(t, `
The the DET 4 det
Central Central ADJ 3 compound
Asian Asian ADJ 4 amod
leaders leader NOUN 5 nsubj
came come VERB 0 root`)
	s1 := sent(t, `
Trump Trump PROPN 2 nsubj
dined dine VERB 0 root
with with ADP 5 case
the the DET 5 det
leaders leader NOUN 2 obl
of of ADP 7 case
Kazakhstan Kazakhstan PROPN 5 nmod
and and CCONJ 9 cc
Kyrgyzstan Kyrgyzstan PROPN 7 conj`)
	cas := m(1, 3, "CASGOV", actor.ByAgent, "")
	cas.Role = "leaders"
	kaz, kgz := m(6, 6, "KAZGOV", actor.ByAgentList, ""), m(8, 8, "KGZGOV", actor.ByAgentList, "")
	kaz.Role, kgz.Role = "leaders", "leaders"
	ms := [][]actor.Mention{{cas}, {m(0, 0, "USAGOV", actor.ByName, ""), kaz, kgz}}
	(&coref.Resolver{}).Resolve([]*ud.Sentence{s0, s1}, ms, "")
	for _, x := range ms[1] {
		if x.Code == "CASGOV" {
			t.Errorf("%d-%d:%s by %s: the leaders of Kazakhstan and Kyrgyzstan are theirs", x.First, x.Last, x.Code, x.Method)
		}
	}
}

// TestObjectPronounNotSubject: an object pronoun is not its own clause's
// subject, also in a conjunct verb that shares the first verb's subject.
func TestObjectPronounNotSubject(t *testing.T) {
	r := &coref.Resolver{}
	// Tokayev greeted Erdogan and thanked him.
	s0 := sent(t, `
Tokayev Tokayev PROPN 2 nsubj
greeted greet VERB 0 root
Erdogan Erdogan PROPN 2 obj
and and CCONJ 5 cc
thanked thank VERB 2 conj
him he PRON 5 obj`)
	tok := m(0, 0, "KAZGOV", actor.ByName, "")
	tok.Person, tok.Name = true, "Tokayev"
	erd := m(2, 2, "TURGOV", actor.ByName, "")
	erd.Person, erd.Name = true, "Erdogan"
	ms := [][]actor.Mention{{tok, erd}}
	r.Resolve([]*ud.Sentence{s0}, ms, "")
	if g, want := codes(ms[0], func(x actor.Mention) bool { return x.First == 5 }), "TURGOV"; g != want {
		t.Errorf("him = %q, want %q", g, want)
	}
	// The Czech minister held talks with Zelensky, inviting him to Prague
	// (an office for subject, no name; a participle sharing it).
	s1 := sent(t, `
The the DET 3 det
Czech Czech ADJ 3 amod
minister minister NOUN 4 nsubj
held hold VERB 0 root
talks talk NOUN 4 obj
with with ADP 7 case
Zelensky Zelensky PROPN 5 nmod
, , PUNCT 9 punct
inviting invite VERB 4 advcl
him he PRON 9 obj
to to ADP 12 case
Prague Prague PROPN 9 obl`)
	cze := m(1, 2, "CZEGOV", actor.ByAgent, "")
	cze.Name = "Czechia"
	zel := m(6, 6, "UKRGOV", actor.ByName, "")
	zel.Person, zel.Name = true, "Zelensky"
	ms = [][]actor.Mention{{cze, zel}}
	r.Resolve([]*ud.Sentence{s1}, ms, "")
	if g, want := codes(ms[0], func(x actor.Mention) bool { return x.First == 9 }), "UKRGOV"; g != want {
		t.Errorf("him after a participle = %q, want %q", g, want)
	}
}

// TestMeetingDocument: a declaration issued after a meeting of many is its
// parties', also when the parser hung "after the summit" on the verb the
// declaration is the subject of; "the participants" are its parties too.
func TestMeetingDocument(t *testing.T) {
	r := &coref.Resolver{}
	sents, ms := wangMeeting(t)
	// A declaration issued after the meeting said peace matters.
	s2 := sent(t, `
A a DET 2 det
declaration declaration NOUN 7 nsubj
issued issue VERB 2 acl
after after ADP 6 case
the the DET 6 det
meeting meeting NOUN 7 obl
said say VERB 0 root
peace peace NOUN 9 nsubj
matters matter VERB 7 ccomp`)
	// The participants agreed.
	s3 := sent(t, `
The the DET 2 det
participants participant NOUN 3 nsubj
agreed agree VERB 0 root`)
	sents = append(sents, s2, s3)
	ms = append(ms, nil, nil)
	r.Resolve(sents, ms, "")
	for k, word := range map[int]string{3: "declaration", 4: "participants"} {
		var got []string
		for _, x := range ms[k] {
			if x.Method == coref.ByGroup && x.Last == 1 {
				got = append(got, x.Code+map[bool]string{true: "*"}[x.Hub])
			}
		}
		if g, want := strings.Join(got, " "), "CHNGOV* KAZGOV KGZGOV UZBGOV"; g != want {
			t.Errorf("%s = %q, want %q", word, g, want)
		}
	}
}

// TestHeInQuotation: "he" in a quotation is a third person, never its
// speaker: a spokesman's "He urges …" is his principal.
func TestHeInQuotation(t *testing.T) {
	r := &coref.Resolver{}
	// "Guterres welcomes the truce," said Dujarric.
	s0 := sent(t, `
" " PUNCT 3 punct
Guterres Guterres PROPN 3 nsubj
welcomes welcome VERB 8 ccomp
the the DET 5 det
truce truce NOUN 3 obj
, , PUNCT 3 punct
" " PUNCT 3 punct
said say VERB 0 root
Dujarric Dujarric PROPN 8 nsubj`)
	// "He urges calm."
	s1 := sent(t, `
" " PUNCT 3 punct
He he PRON 3 nsubj
urges urge VERB 0 root
calm calm NOUN 3 obj
. . PUNCT 3 punct
" " PUNCT 3 punct`)
	g := m(1, 1, "IGOUNO", actor.ByName, "")
	g.Person, g.Name = true, "Guterres"
	d := m(8, 8, "USAMED", actor.ByName, "")
	d.Person, d.Name = true, "Dujarric"
	ms := [][]actor.Mention{{g, d}, nil}
	r.Resolve([]*ud.Sentence{s0, s1}, ms, "")
	if got, want := codes(ms[1], func(x actor.Mention) bool { return x.First == 1 }), "IGOUNO"; got != want {
		t.Errorf("He = %q, want %q", got, want)
	}
}

// TestHostAddressesGuests: the host of a meeting of many who says "you"
// speaks to its guests.
func TestHostAddressesGuests(t *testing.T) {
	r := &coref.Resolver{}
	sents, ms := wangMeeting(t)
	// "We welcome you," Wang said.
	s2 := sent(t, `
" " PUNCT 3 punct
We we PRON 3 nsubj
welcome welcome VERB 8 ccomp
you you PRON 3 obj
, , PUNCT 3 punct
" " PUNCT 3 punct
Wang Wang PROPN 8 nsubj
said say VERB 0 root`)
	sents = append(sents, s2)
	ms = append(ms, []actor.Mention{person(6, 6, "CHNGOV")})
	r.Resolve(sents, ms, "")
	if got, want := codes(ms[3], func(x actor.Mention) bool { return x.First == 3 }), "KAZGOV KGZGOV UZBGOV"; got != want {
		t.Errorf("you = %q, want %q", got, want)
	}
}

// TestTheyTakesUpPlural: "they" after a plural object takes it up, not
// every party named before it.
func TestTheyTakesUpPlural(t *testing.T) {
	r := &coref.Resolver{}
	// Lula hosted the Andean leaders after they met Xi.
	s0 := sent(t, `
Lula Lula PROPN 2 nsubj
hosted host VERB 0 root
the the DET 5 det
Andean Andean ADJ 5 amod
leaders leader NOUN 2 obj
after after SCONJ 8 mark
they they PRON 8 nsubj
met meet VERB 2 advcl
Xi Xi PROPN 8 obj`)
	s0.Tokens[4].XPOS = "NNS"
	lula := m(0, 0, "BRAGOV", actor.ByName, "")
	lula.Person = true
	xi := m(8, 8, "CHNGOV", actor.ByName, "")
	xi.Person = true
	ms := [][]actor.Mention{{lula, m(3, 4, "SAMGOV", actor.ByAgent, "leader"), xi}}
	r.Resolve([]*ud.Sentence{s0}, ms, "")
	if got, want := codes(ms[0], func(x actor.Mention) bool { return x.First == 6 }), "SAMGOV"; got != want {
		t.Errorf("they = %q, want %q", got, want)
	}
}

// TestTheSidesAreTwo: "the sides" of a story that named a mediator and
// two belligerents are the two countries; and a party that says what it
// would do "with both countries" is not one of them.
func TestTheSidesAreTwo(t *testing.T) {
	r := &coref.Resolver{IsOrg: func(c string) bool { return c == "OSCE" }}
	// The OSCE urged Armenia and Azerbaijan to talk.
	s0 := sent(t, `
The the DET 2 det
OSCE OSCE PROPN 3 nsubj
urged urge VERB 0 root
Armenia Armenia PROPN 3 obj
and and CCONJ 6 cc
Azerbaijan Azerbaijan PROPN 4 conj
to to PART 8 mark
talk talk VERB 3 xcomp`)
	// The sides met.
	s1 := sent(t, `
The the DET 2 det
sides side NOUN 3 nsubj
met meet VERB 0 root`)
	// Washington warned it would halt deals with both countries.
	s2 := sent(t, `
Washington Washington PROPN 2 nsubj
warned warn VERB 0 root
it it PRON 5 nsubj
would would AUX 5 aux
halt halt VERB 2 ccomp
deals deal NOUN 5 obj
with with ADP 9 case
both both DET 9 det
countries country NOUN 5 obl`)
	ms := [][]actor.Mention{
		{m(1, 1, "OSCE", actor.ByName, ""), m(3, 3, "ARM", actor.ByName, ""), m(5, 5, "AZE", actor.ByName, "")},
		nil,
		{m(0, 0, "USAGOV", actor.ByCapital, "")},
	}
	r.Resolve([]*ud.Sentence{s0, s1, s2}, ms, "")
	if got, want := codes(ms[1], func(x actor.Mention) bool { return x.First == 0 && x.Method == coref.ByGroup }), "ARM AZE"; got != want {
		t.Errorf("the sides = %q, want %q", got, want)
	}
	if got, want := codes(ms[2], func(x actor.Mention) bool { return x.First == 7 && x.Method == coref.ByGroup }), "ARM AZE"; got != want {
		t.Errorf("both countries = %q, want %q", got, want)
	}
}

// TestStoryRole: a person the story presents as holding an office in an
// organisation acts for it through the story, and the country of the
// person's other office is no party.
func TestStoryRole(t *testing.T) {
	r := &coref.Resolver{IsOrg: func(c string) bool { return c == "AU" }}
	// Obasanjo, president of Nigeria, head of the AU team, spoke.
	s0 := sent(t, `
Obasanjo Obasanjo PROPN 13 nsubj
, , PUNCT 3 punct
president president NOUN 1 appos
of of ADP 5 case
Nigeria Nigeria PROPN 3 nmod
, , PUNCT 7 punct
head head NOUN 1 appos
of of ADP 11 case
the the DET 11 det
AU AU PROPN 11 compound
team team NOUN 7 nmod
, , PUNCT 7 punct
spoke speak VERB 0 root`)
	// Obasanjo smiled.
	s1 := sent(t, `
Obasanjo Obasanjo PROPN 2 nsubj
smiled smile VERB 0 root`)
	ob := func() actor.Mention {
		x := m(0, 0, "NGAELI", actor.ByName, "")
		x.Person, x.Name = true, "Olusegun Obasanjo"
		return x
	}
	ms := [][]actor.Mention{{ob(), m(2, 4, "NGAGOV", actor.ByAgent, "president"), m(9, 9, "AU", actor.ByName, "")}, {ob()}}
	r.Resolve([]*ud.Sentence{s0, s1}, ms, "")
	if got, want := codes(ms[0], func(x actor.Mention) bool { return x.First <= 2 && x.Code != "" }), "AU"; got != want {
		t.Errorf("sentence 0: %q, want %q", got, want)
	}
	if got, want := codes(ms[1], func(x actor.Mention) bool { return x.First == 0 }), "AU"; got != want {
		t.Errorf("sentence 1: %q, want %q", got, want)
	}
}

// TestQuoteSpeakers: a quotation over two sentences, attributed where it
// closes, gives its first sentence's "we" to its speaker.
func TestQuoteSpeakers(t *testing.T) {
	r := &coref.Resolver{}
	// “We thank Chile.
	s0 := sent(t, `
“ “ PUNCT 3 punct
We we PRON 3 nsubj
thank thank VERB 0 root
Chile Chile PROPN 3 obj
. . PUNCT 3 punct`)
	// We value our ties,” Putin said.
	s1 := sent(t, `
We we PRON 2 nsubj
value value VERB 9 ccomp
our our PRON 4 nmod:poss
ties tie NOUN 2 obj
, , PUNCT 2 punct
” ” PUNCT 2 punct
Putin Putin PROPN 9 nsubj
said say VERB 0 root
. . PUNCT 9 punct`)
	// sent numbers tokens from the row order; fix the spans so that the
	// two sentences follow each other in one text
	off := 0
	for _, s := range []*ud.Sentence{s0, s1} {
		for i := range s.Tokens {
			s.Tokens[i].Span = ud.Span{Start: off, End: off + len(s.Tokens[i].Form)}
			off += len(s.Tokens[i].Form) + 1
		}
		s.Span = ud.Span{Start: s.Tokens[0].Span.Start, End: s.Tokens[len(s.Tokens)-1].Span.End}
	}
	putin := m(6, 6, "RUSGOV", actor.ByName, "")
	putin.Person, putin.Name = true, "Vladimir Putin"
	putin.Span = s1.Tokens[6].Span
	chile := m(3, 3, "CHL", actor.ByName, "")
	chile.Span = s0.Tokens[3].Span
	ms := [][]actor.Mention{{chile}, {putin}}
	st := r.NewStory("")
	sents := []*ud.Sentence{s0, s1}
	st.Resolve(sents, ms)
	qs := st.Quotes(sents, ms)
	st.QuoteSpeakers(sents, ms, qs)
	if got, want := codes(ms[0], func(x actor.Mention) bool { return x.First == 1 }), "RUSGOV"; got != want {
		t.Errorf("We = %q, want %q", got, want)
	}
}

// TestSidesNotVenueNorMediator: "both sides" after talks mediated by an
// organisation in a foreign capital are the story's parties, not the
// mediator nor the country of the venue.
func TestSidesNotVenueNorMediator(t *testing.T) {
	r := &coref.Resolver{IsOrg: func(c string) bool { return c == "OAS" }}
	// Peru and Chile agreed.
	s0 := sent(t, `
Peru Peru PROPN 4 nsubj
and and CCONJ 3 cc
Chile Chile PROPN 1 conj
agreed agree VERB 0 root`)
	// Talks mediated by the OAS began in the Brazilian capital Brasilia,
	// and both sides signed.
	s1 := sent(t, `
Talks talk NOUN 6 nsubj
mediated mediate VERB 1 acl
by by ADP 5 case
the the DET 5 det
OAS OAS PROPN 2 obl:agent
began begin VERB 0 root
in in ADP 11 case
the the DET 11 det
Brazilian Brazilian ADJ 10 amod
capital capital NOUN 11 compound
Brasilia Brasilia PROPN 6 obl
and and CCONJ 15 cc
both both DET 14 det
sides side NOUN 15 nsubj
signed sign VERB 6 conj`)
	ms := [][]actor.Mention{
		{m(0, 0, "PER", actor.ByName, ""), m(2, 2, "CHL", actor.ByName, "")},
		{m(4, 4, "OAS", actor.ByName, ""), m(8, 9, "BRA", actor.ByAgent, "capital"), m(10, 10, "BRAGOV", actor.ByMetonym, "")},
	}
	// the story opens with its pair twice, as a headline and a lede
	all := [][]actor.Mention{ms[0], append([]actor.Mention(nil), ms[0]...), ms[1]}
	r.Resolve([]*ud.Sentence{s0, s0, s1}, all, "")
	got := codes(all[2], func(x actor.Mention) bool { return x.First == 12 && x.Method == coref.ByGroup })
	if want := "PER CHL"; got != want {
		t.Errorf("both sides = %q, want %q", got, want)
	}
}

// TestCivilWarSides: an armed group fighting its own state is a side of
// its own: "both sides" of a civil war are the government and the rebels.
func TestCivilWarSides(t *testing.T) {
	r := &coref.Resolver{}
	// The government and the rebels agreed.
	s0 := sent(t, `
The the DET 2 det
government government NOUN 6 nsubj
and and CCONJ 5 cc
the the DET 5 det
rebels rebel NOUN 2 conj
agreed agree VERB 0 root`)
	// Both sides signed.
	s1 := sent(t, `
Both both DET 2 det
sides side NOUN 3 nsubj
signed sign VERB 0 root`)
	ms := [][]actor.Mention{{m(0, 1, "ETHGOV", actor.ByAgent, "government"), m(3, 4, "ETHREB", actor.ByAgent, "rebel")}, nil}
	r.Resolve([]*ud.Sentence{s0, s1}, ms, "")
	if got, want := codes(ms[1], func(x actor.Mention) bool { return x.Method == coref.ByGroup }), "ETHGOV ETHREB"; got != want {
		t.Errorf("both sides = %q, want %q", got, want)
	}
}

// TestStatementVoice: in a statement with no quotation in it, "we" is the
// body its lede names acting.
func TestStatementVoice(t *testing.T) {
	r := &coref.Resolver{}
	// The ministry condemned the attack.
	s0 := sent(t, `
The the DET 2 det
ministry ministry NOUN 3 nsubj
condemned condemn VERB 0 root
the the DET 5 det
attack attack NOUN 3 obj`)
	// We stand with Chile.
	s1 := sent(t, `
We we PRON 2 nsubj
stand stand VERB 0 root
with with ADP 4 case
Chile Chile PROPN 2 obl`)
	for _, text := range []struct {
		text, want string
	}{
		{strings.Repeat("The ministry condemned the attack. We stand with Chile. ", 5), "PERGOV"},
		{strings.Repeat("The ministry condemned the attack. “We stand with Chile.” ", 5), ""},
	} {
		ms := [][]actor.Mention{{m(0, 1, "PERGOV", actor.ByAgent, "ministry")}, {m(3, 3, "CHL", actor.ByName, "")}}
		st := r.NewStory("")
		st.SetText(text.text)
		st.Resolve([]*ud.Sentence{s0, s1}, ms)
		if got := codes(ms[1], func(x actor.Mention) bool { return x.First == 0 }); got != text.want {
			t.Errorf("We = %q, want %q (text %.40q…)", got, text.want, text.text)
		}
	}
}

// person is a mention of a named person.
func person(first, last int, code string) actor.Mention {
	x := m(first, last, code, actor.ByName, "")
	x.Person = true
	return x
}

// wangMeeting is the opening of a story about a meeting of many: "Wang
// presided over the meeting" twice (a headline and a lede make the host
// the story's most prominent party), then "Tleuberdi, Aidarbekov and
// Kamilov attended the meeting", with their mentions.
func wangMeeting(t *testing.T) ([]*ud.Sentence, [][]actor.Mention) {
	t.Helper()
	s0 := sent(t, `
Wang Wang PROPN 2 nsubj
presided preside VERB 0 root
over over ADP 5 case
the the DET 5 det
meeting meeting NOUN 2 obl`)
	s1 := sent(t, `
Tleuberdi Tleuberdi PROPN 6 nsubj
, , PUNCT 3 punct
Aidarbekov Aidarbekov PROPN 1 conj
and and CCONJ 5 cc
Kamilov Kamilov PROPN 1 conj
attended attend VERB 0 root
the the DET 8 det
meeting meeting NOUN 6 obj`)
	return []*ud.Sentence{s0, s0, s1}, [][]actor.Mention{
		{person(0, 0, "CHNGOV")},
		{person(0, 0, "CHNGOV")},
		{person(0, 0, "KAZGOV"), person(2, 2, "KGZGOV"), person(4, 4, "UZBGOV")},
	}
}

// TestActAgent: a definite act noun with no agent of its own takes up the
// agent of the same act named earlier ("these raids" after "French and
// Belgian raids"; "the decision" after "Norway decided"), but not a
// country the phrase names as what is done to it, nor across a
// possessive.
func TestActAgent(t *testing.T) {
	r := &coref.Resolver{}
	// French and Belgian raids hit Mali.
	s0 := sent(t, `
French French ADJ 4 amod
and and CCONJ 3 cc
Belgian Belgian ADJ 1 conj
raids raid NOUN 5 nsubj
hit hit VERB 0 root
Mali Mali PROPN 5 obj`)
	// Chad condemned these raids.
	s1 := sent(t, `
Chad Chad PROPN 2 nsubj
condemned condemn VERB 0 root
these this DET 4 det
raids raid NOUN 2 obj`)
	// Norway decided to close its embassy.
	s2 := sent(t, `
Norway Norway PROPN 2 nsubj
decided decide VERB 0 root
to to PART 4 mark
close close VERB 2 xcomp
its its PRON 6 nmod:poss
embassy embassy NOUN 4 obj`)
	// Sweden criticized the decision, and Norway regretted its decision
	// on the raids on Belgian troops.
	s3 := sent(t, `
Sweden Sweden PROPN 2 nsubj
criticized criticize VERB 0 root
the the DET 4 det
decision decision NOUN 2 obj
and and CCONJ 7 cc
Norway Norway PROPN 7 nsubj
regretted regret VERB 2 conj
its its PRON 9 nmod:poss
decision decision NOUN 7 obj
on on ADP 12 case
the the DET 12 det
raids raid NOUN 9 nmod
on on ADP 15 case
Belgian Belgian ADJ 15 amod
troops troop NOUN 12 nmod`)
	ms := [][]actor.Mention{
		{m(0, 0, "FRA", actor.ByAdjective, ""), m(2, 2, "BEL", actor.ByAdjective, ""), m(5, 5, "MLI", actor.ByName, "")},
		{m(0, 0, "TCD", actor.ByName, "")},
		{m(0, 0, "NOR", actor.ByName, "")},
		{m(0, 0, "SWE", actor.ByName, ""), m(5, 5, "NOR", actor.ByName, ""), m(13, 14, "BELMIL", actor.ByAgent, "troops")},
	}
	r.Resolve([]*ud.Sentence{s0, s1, s2, s3}, ms, "")
	act := func(first int) func(actor.Mention) bool {
		return func(x actor.Mention) bool { return x.Method == coref.ByAct && x.First == first }
	}
	for _, c := range []struct {
		sent, first int
		want        string
	}{
		{1, 2, "FRA BEL"}, // these raids: the raiders
		{3, 2, "NOR"},     // the decision: Norway's
		{3, 7, ""},        // its decision: a possessive owns it
		{3, 10, "FRA"},    // the raids on Belgian troops: not Belgium's
	} {
		if got := codes(ms[c.sent], act(c.first)); got != c.want {
			t.Errorf("sentence %d word %d: %q, want %q", c.sent, c.first+1, got, c.want)
		}
	}
}

// TestAttendedMeeting: "X and Y also attended the meeting" makes the
// meeting the story's (its host and members), not the two attendees.
func TestAttendedMeeting(t *testing.T) {
	r := &coref.Resolver{}
	sents, ms := wangMeeting(t)
	// Orban and Aliyev also attended the meeting.
	s := sent(t, `
Orban Orban PROPN 5 nsubj
and and CCONJ 3 cc
Aliyev Aliyev PROPN 1 conj
also also ADV 5 advmod
attended attend VERB 0 root
the the DET 7 det
meeting meeting NOUN 5 obj`)
	sents = append(sents, s)
	ms = append(ms, []actor.Mention{person(0, 0, "HUNGOV"), person(2, 2, "AZEGOV")})
	r.Resolve(sents, ms, "")
	got := codes(ms[3], func(x actor.Mention) bool { return x.First == 5 && x.Method == coref.ByGroup })
	if strings.Contains(got, "HUN") || strings.Contains(got, "AZE") || !strings.Contains(got, "CHNGOV") {
		t.Errorf("the meeting = %q, want the story's meeting (CHNGOV and its guests), not its attendees", got)
	}
}

// TestPairNouns: "his guest" and "his hosts" are the other side of the
// pair from their owner, as "his counterpart" is.
func TestPairNouns(t *testing.T) {
	r := &coref.Resolver{}
	// Orlov received Karimov in Minsk.
	s0 := sent(t, `
Orlov Orlov PROPN 2 nsubj
received receive VERB 0 root
Karimov Karimov PROPN 2 obj
in in ADP 5 case
Minsk Minsk PROPN 2 obl`)
	// He and his guest signed a treaty.
	s1 := sent(t, `
He he PRON 5 nsubj
and and CCONJ 4 cc
his his PRON 4 nmod:poss
guest guest NOUN 1 conj
signed sign VERB 0 root
a a DET 7 det
treaty treaty NOUN 5 obj`)
	// Karimov thanked his hosts.
	s2 := sent(t, `
Karimov Karimov PROPN 2 nsubj
thanked thank VERB 0 root
his his PRON 4 nmod:poss
hosts host NOUN 2 obj`)
	// Orlov called his colleague.
	s3 := sent(t, `
Orlov Orlov PROPN 2 nsubj
called call VERB 0 root
his his PRON 4 nmod:poss
colleague colleague NOUN 2 obj`)
	ms := [][]actor.Mention{{person(0, 0, "BLRGOV"), person(2, 2, "UZBGOV")}, nil, {person(0, 0, "UZBGOV")}, {person(0, 0, "BLRGOV")}}
	r.Resolve([]*ud.Sentence{s0, s1, s2, s3}, ms, "")
	if got := codes(ms[3], func(x actor.Mention) bool { return x.Method == coref.ByCounterpart && x.First == 2 }); got != "UZBGOV" {
		t.Errorf("his colleague = %q, want UZBGOV", got)
	}
	pair := func(first int) func(actor.Mention) bool {
		return func(x actor.Mention) bool { return x.Method == coref.ByCounterpart && x.First == first }
	}
	if got := codes(ms[1], pair(2)); got != "UZBGOV" {
		t.Errorf("his guest = %q, want UZBGOV", got)
	}
	if got := codes(ms[2], pair(2)); got != "BLRGOV" {
		t.Errorf("his hosts = %q, want BLRGOV", got)
	}
}

// TestActNounsOfSpeech: "the offer" takes up who offered, "the claims"
// who accused.
func TestActNounsOfSpeech(t *testing.T) {
	r := &coref.Resolver{}
	// Chile offered to mediate.
	s0 := sent(t, `
Chile Chile PROPN 2 nsubj
offered offer VERB 0 root
to to PART 4 mark
mediate mediate VERB 2 xcomp`)
	// Peru accused Bolivia of fraud.
	s1 := sent(t, `
Peru Peru PROPN 2 nsubj
accused accuse VERB 0 root
Bolivia Bolivia PROPN 2 obj
of of ADP 5 case
fraud fraud NOUN 2 obl`)
	// Bolivia denied the claims and welcomed the offer.
	s2 := sent(t, `
Bolivia Bolivia PROPN 2 nsubj
denied deny VERB 0 root
the the DET 4 det
claims claim NOUN 2 obj
and and CCONJ 6 cc
welcomed welcome VERB 2 conj
the the DET 8 det
offer offer NOUN 6 obj`)
	ms := [][]actor.Mention{
		{m(0, 0, "CHL", actor.ByName, "")},
		{m(0, 0, "PER", actor.ByName, ""), m(2, 2, "BOL", actor.ByName, "")},
		{m(0, 0, "BOL", actor.ByName, "")},
	}
	r.Resolve([]*ud.Sentence{s0, s1, s2}, ms, "")
	act := func(first int) func(actor.Mention) bool {
		return func(x actor.Mention) bool { return x.Method == coref.ByAct && x.First == first }
	}
	if got := codes(ms[2], act(2)); got != "PER" {
		t.Errorf("the claims = %q, want PER (who accused)", got)
	}
	if got := codes(ms[2], act(6)); got != "CHL" {
		t.Errorf("the offer = %q, want CHL", got)
	}
}

// TestWhatItCalled: in "protested over what it called …" the pronoun is
// the clause's subject.
func TestWhatItCalled(t *testing.T) {
	r := &coref.Resolver{}
	// Tbilisi protested over what it called a provocation.
	s := sent(t, `
Tbilisi Tbilisi PROPN 2 nsubj
protested protest VERB 0 root
over over ADP 4 case
what what PRON 2 obl
it it PRON 6 nsubj
called call VERB 4 acl:relcl
a a DET 8 det
provocation provocation NOUN 6 obj`)
	ms := [][]actor.Mention{{m(0, 0, "GEOGOV", actor.ByCapital, "")}}
	r.Resolve([]*ud.Sentence{s}, ms, "")
	if got := codes(ms[0], func(x actor.Mention) bool { return x.First == 4 }); got != "GEOGOV" {
		t.Errorf("it = %q, want GEOGOV", got)
	}
}

// TestTheMinistry: "the ministry" with no country of its own is the
// ministry the story named with its country.
func TestTheMinistry(t *testing.T) {
	r := &coref.Resolver{}
	// The Chilean Foreign Ministry summoned the envoy.
	s0 := sent(t, `
The the DET 4 det
Chilean Chilean ADJ 4 amod
Foreign foreign ADJ 4 amod
Ministry ministry NOUN 5 nsubj
summoned summon VERB 0 root
the the DET 7 det
envoy envoy NOUN 5 obj`)
	// The ministry demanded an apology.
	s1 := sent(t, `
The the DET 2 det
ministry ministry NOUN 3 nsubj
demanded demand VERB 0 root
an a DET 5 det
apology apology NOUN 3 obj`)
	agent := m(1, 3, "CHLGOV", actor.ByAgent, "foreign ministry")
	ms := [][]actor.Mention{{agent}, nil}
	r.Resolve([]*ud.Sentence{s0, s1}, ms, "")
	if got := codes(ms[1], func(x actor.Mention) bool { return x.Last == 1 }); got != "CHLGOV" {
		t.Errorf("the ministry = %q, want CHLGOV", got)
	}
}

// TestPossessiveOfObject: "thanked X for his support" is X's support,
// not that of a person named before.
func TestPossessiveOfObject(t *testing.T) {
	r := &coref.Resolver{}
	// Orlov arrived.
	s0 := sent(t, `
Orlov Orlov PROPN 2 nsubj
arrived arrive VERB 0 root`)
	// Chile thanked the Peruvian leader for his help.
	s1 := sent(t, `
Chile Chile PROPN 2 nsubj
thanked thank VERB 0 root
the the DET 5 det
Peruvian Peruvian ADJ 5 amod
leader leader NOUN 2 obj
for for ADP 8 case
his his PRON 8 nmod:poss
help help NOUN 2 obl`)
	ms := [][]actor.Mention{{person(0, 0, "BLRGOV")}, {m(0, 0, "CHL", actor.ByName, ""), m(3, 4, "PERGOV", actor.ByAgent, "leader")}}
	r.Resolve([]*ud.Sentence{s0, s1}, ms, "")
	if got := codes(ms[1], func(x actor.Mention) bool { return x.First == 6 }); got != "PERGOV" {
		t.Errorf("his = %q, want PERGOV (the one thanked)", got)
	}
}

// TestNumberedRegionGroup: "the three European governments" after three
// European countries are named takes them up, not the region.
func TestNumberedRegionGroup(t *testing.T) {
	europe := map[string]bool{"FRA": true, "DEU": true, "ITA": true}
	r := &coref.Resolver{IsRegion: func(c string) bool { return c == "EUR" },
		RegionHas: func(region, c string) bool { return region == "EUR" && europe[c] }}
	// France, Germany and Italy warned Iran.
	s0 := sent(t, `
France France PROPN 6 nsubj
, , PUNCT 3 punct
Germany Germany PROPN 1 conj
and and CCONJ 5 cc
Italy Italy PROPN 1 conj
warned warn VERB 0 root
Iran Iran PROPN 6 obj`)
	// The three European governments called on Tehran.
	s1 := sent(t, `
The the DET 4 det
three three NUM 4 nummod
European European ADJ 4 amod
governments government NOUN 5 nsubj
called call VERB 0 root
on on ADP 7 case
Tehran Tehran PROPN 5 obl`)
	ms := [][]actor.Mention{
		{m(0, 0, "FRA", actor.ByName, ""), m(2, 2, "DEU", actor.ByName, ""), m(4, 4, "ITA", actor.ByName, ""), m(6, 6, "IRN", actor.ByName, "")},
		{m(2, 3, "EURGOV", actor.ByAgent, "governments"), m(6, 6, "IRN", actor.ByCapital, "")},
	}
	r.Resolve([]*ud.Sentence{s0, s1}, ms, "")
	got := codes(ms[1], func(x actor.Mention) bool { return x.Last == 3 && x.Code != "" })
	if got != "FRAGOV DEUGOV ITAGOV" {
		t.Errorf("the three European governments = %q, want FRAGOV DEUGOV ITAGOV", got)
	}
}

// TestRaidAfterStruck: "the raid", an act of force of a kind the story
// did not name before, takes up the latest act of force ("struck").
func TestRaidAfterStruck(t *testing.T) {
	r := &coref.Resolver{}
	// Turkish jets struck the town.
	s0 := sent(t, `
Turkish Turkish ADJ 2 amod
jets jet NOUN 3 nsubj
struck strike VERB 0 root
the the DET 5 det
town town NOUN 3 obj`)
	// Baghdad condemned the raid.
	s1 := sent(t, `
Baghdad Baghdad PROPN 2 nsubj
condemned condemn VERB 0 root
the the DET 4 det
raid raid NOUN 2 obj`)
	ms := [][]actor.Mention{{m(0, 1, "TURMIL", actor.ByAgent, "jets")}, {m(0, 0, "IRQGOV", actor.ByCapital, "")}}
	r.Resolve([]*ud.Sentence{s0, s1}, ms, "")
	if got := codes(ms[1], func(x actor.Mention) bool { return x.Method == coref.ByAct }); got != "TURMIL" {
		t.Errorf("the raid = %q, want TURMIL", got)
	}
}

// TestLaunchAfterFired: "the launch" takes up who fired the missile.
func TestLaunchAfterFired(t *testing.T) {
	r := &coref.Resolver{}
	// Pyongyang fired a missile.
	s0 := sent(t, `
Pyongyang Pyongyang PROPN 2 nsubj
fired fire VERB 0 root
a a DET 4 det
missile missile NOUN 2 obj`)
	// Tokyo condemned the launch.
	s1 := sent(t, `
Tokyo Tokyo PROPN 2 nsubj
condemned condemn VERB 0 root
the the DET 4 det
launch launch NOUN 2 obj`)
	ms := [][]actor.Mention{{m(0, 0, "PRKGOV", actor.ByCapital, "")}, {m(0, 0, "JPNGOV", actor.ByCapital, "")}}
	r.Resolve([]*ud.Sentence{s0, s1}, ms, "")
	if got := codes(ms[1], func(x actor.Mention) bool { return x.Method == coref.ByAct }); got != "PRKGOV" {
		t.Errorf("the launch = %q, want PRKGOV", got)
	}
}

// TestCountedGroupTakesUpList: "the three allies" takes up the last list
// of three the story named, not the two parties of the sentence before.
func TestCountedGroupTakesUpList(t *testing.T) {
	r := &coref.Resolver{}
	// France, Italy and Spain condemned Iran.
	s0 := sent(t, `
France France PROPN 6 nsubj
, , PUNCT 3 punct
Italy Italy PROPN 1 conj
and and CCONJ 5 cc
Spain Spain PROPN 1 conj
condemned condemn VERB 0 root
Iran Iran PROPN 6 obj`)
	// Iran accused France.
	s1 := sent(t, `
Iran Iran PROPN 2 nsubj
accused accuse VERB 0 root
France France PROPN 2 obj`)
	// The three allies met.
	s2 := sent(t, `
The the DET 3 det
three three NUM 3 nummod
allies ally NOUN 4 nsubj
met meet VERB 0 root`)
	ms := [][]actor.Mention{
		{m(0, 0, "FRA", actor.ByName, ""), m(2, 2, "ITA", actor.ByName, ""), m(4, 4, "ESP", actor.ByName, ""), m(6, 6, "IRN", actor.ByName, "")},
		{m(0, 0, "IRN", actor.ByName, ""), m(2, 2, "FRA", actor.ByName, "")},
		nil,
	}
	r.Resolve([]*ud.Sentence{s0, s1, s2}, ms, "")
	if got := codes(ms[2], func(x actor.Mention) bool { return x.Last == 2 }); got != "FRA ITA ESP" {
		t.Errorf("the three allies = %q, want FRA ITA ESP", got)
	}
}

// TestAgreementParties: "the deal" takes up every party of the agreement
// the story named, the partner of a with-phrase and those of a
// between-phrase too; a deal's subject use ("the deal covers …") is not
// taken up.
func TestAgreementParties(t *testing.T) {
	r := &coref.Resolver{}
	// Chile signed a trade deal with Peru.
	s0 := sent(t, `
Chile Chile PROPN 2 nsubj
signed sign VERB 0 root
a a DET 5 det
trade trade NOUN 5 compound
deal deal NOUN 2 obj
with with ADP 7 case
Peru Peru PROPN 2 obl`)
	// Bolivia welcomed the agreement.
	s1 := sent(t, `
Bolivia Bolivia PROPN 2 nsubj
welcomed welcome VERB 0 root
the the DET 4 det
agreement agreement NOUN 2 obj`)
	// The agreement covers copper.
	s2 := sent(t, `
The the DET 2 det
agreement agreement NOUN 3 nsubj
covers cover VERB 0 root
copper copper NOUN 3 obj`)
	ms := [][]actor.Mention{
		{m(0, 0, "CHL", actor.ByName, ""), m(6, 6, "PER", actor.ByName, "")},
		{m(0, 0, "BOL", actor.ByName, "")},
		nil,
	}
	r.Resolve([]*ud.Sentence{s0, s1, s2}, ms, "")
	act := func(x actor.Mention) bool { return x.Method == coref.ByAct }
	if got := codes(ms[1], act); got != "CHL PER" {
		t.Errorf("welcomed the agreement = %q, want CHL PER", got)
	}
	if got := codes(ms[2], act); got != "" {
		t.Errorf("the agreement as subject = %q, want none", got)
	}
	// Qatar brokered a truce between Chile and Peru. Bolivia welcomed the ceasefire.
	b0 := sent(t, `
Qatar Qatar PROPN 2 nsubj
brokered broker VERB 0 root
a a DET 4 det
truce truce NOUN 2 obj
between between ADP 6 case
Chile Chile PROPN 4 nmod
and and CCONJ 8 cc
Peru Peru PROPN 6 conj`)
	b1 := sent(t, `
Bolivia Bolivia PROPN 2 nsubj
welcomed welcome VERB 0 root
the the DET 4 det
ceasefire ceasefire NOUN 2 obj`)
	ms = [][]actor.Mention{
		{m(0, 0, "QAT", actor.ByName, ""), m(5, 5, "CHL", actor.ByName, ""), m(7, 7, "PER", actor.ByName, "")},
		{m(0, 0, "BOL", actor.ByName, "")},
	}
	r.Resolve([]*ud.Sentence{b0, b1}, ms, "")
	if got := codes(ms[1], act); got != "CHL PER" {
		t.Errorf("welcomed the ceasefire = %q, want CHL PER (not the broker)", got)
	}
}

// TestTheTwo: a number standing alone for its group ("the two signed")
// takes up the story's parties.
func TestTheTwo(t *testing.T) {
	r := &coref.Resolver{}
	// Chile met Peru.
	s0 := sent(t, `
Chile Chile PROPN 2 nsubj
met meet VERB 0 root
Peru Peru PROPN 2 obj`)
	// The two signed a treaty.
	s1 := sent(t, `
The the DET 2 det
two two NUM 3 nsubj
signed sign VERB 0 root
a a DET 5 det
treaty treaty NOUN 3 obj`)
	ms := [][]actor.Mention{
		{m(0, 0, "CHL", actor.ByName, ""), m(2, 2, "PER", actor.ByName, "")},
		nil,
	}
	r.Resolve([]*ud.Sentence{s0, s1}, ms, "")
	if got := codes(ms[1], func(x actor.Mention) bool { return x.Method == coref.ByGroup && x.First == 0 }); got != "CHL PER" {
		t.Errorf("the two = %q, want CHL PER", got)
	}
}

// TestCountedGroupSize: a counted group ("the 27 member states") takes up
// only as many parties as it counts, never the two the story named.
func TestCountedGroupSize(t *testing.T) {
	r := &coref.Resolver{}
	s0 := sent(t, `
Chile Chile PROPN 2 nsubj
met meet VERB 0 root
Peru Peru PROPN 2 obj`)
	// The 27 member states agreed.
	s1 := sent(t, `
The the DET 4 det
27 27 NUM 4 nummod
member member NOUN 4 compound
states state NOUN 5 nsubj
agreed agree VERB 0 root`)
	ms := [][]actor.Mention{
		{m(0, 0, "CHL", actor.ByName, ""), m(2, 2, "PER", actor.ByName, "")},
		nil,
	}
	r.Resolve([]*ud.Sentence{s0, s1}, ms, "")
	if got := codes(ms[1], func(x actor.Mention) bool { return x.Method == coref.ByGroup }); got != "" {
		t.Errorf("the 27 member states = %q, want none", got)
	}
}

// TestHimTheCounterpart: an object "him" after "spoke with his Peruvian
// counterpart" is the counterpart (a person named by office), and "the
// demand" a conjunct verb "urged" made is its subject's.
func TestHimTheCounterpart(t *testing.T) {
	r := &coref.Resolver{}
	// Noboa spoke with his Peruvian counterpart and urged him to leave.
	s0 := sent(t, `
Noboa Noboa PROPN 2 nsubj
spoke speak VERB 0 root
with with ADP 6 case
his his PRON 6 nmod:poss
Peruvian Peruvian ADJ 6 amod
counterpart counterpart NOUN 2 obl
and and CCONJ 8 cc
urged urge VERB 2 conj
him he PRON 8 obj
to to PART 11 mark
leave leave VERB 8 xcomp`)
	// Peru rejected the demand.
	s1 := sent(t, `
Peru Peru PROPN 2 nsubj
rejected reject VERB 0 root
the the DET 4 det
demand demand NOUN 2 obj`)
	noboa := m(0, 0, "ECUGOV", actor.ByName, "")
	noboa.Person = true
	ms := [][]actor.Mention{
		{noboa, m(4, 5, "PERGOV", actor.ByAgent, "")},
		{m(0, 0, "PER", actor.ByName, "")},
	}
	r.Resolve([]*ud.Sentence{s0, s1}, ms, "")
	if got := codes(ms[0], func(x actor.Mention) bool { return x.First == 8 }); got != "PERGOV" {
		t.Errorf("him = %q, want PERGOV (the counterpart, not the subject)", got)
	}
	if got := codes(ms[1], func(x actor.Mention) bool { return x.Method == coref.ByAct }); got != "ECUGOV" {
		t.Errorf("the demand = %q, want ECUGOV (who urged)", got)
	}
}

// TestMediatorsNoSides: states that offer to mediate are not "the two
// neighbours" of the next sentence.
func TestMediatorsNoSides(t *testing.T) {
	r := &coref.Resolver{}
	// Peru fought Ecuador.
	s0 := sent(t, `
Peru Peru PROPN 2 nsubj
fought fight VERB 0 root
Ecuador Ecuador PROPN 2 obj`)
	// Brazil and Colombia offered to mediate.
	s1 := sent(t, `
Brazil Brazil PROPN 4 nsubj
and and CCONJ 3 cc
Colombia Colombia PROPN 1 conj
offered offer VERB 0 root
to to PART 6 mark
mediate mediate VERB 4 xcomp`)
	// The two neighbours agreed.
	s2 := sent(t, `
The the DET 3 det
two two NUM 3 nummod
neighbours neighbour NOUN 4 nsubj
agreed agree VERB 0 root`)
	ms := [][]actor.Mention{
		{m(0, 0, "PER", actor.ByName, ""), m(2, 2, "ECU", actor.ByName, "")},
		{m(0, 0, "BRA", actor.ByName, ""), m(2, 2, "COL", actor.ByName, "")},
		nil,
	}
	r.Resolve([]*ud.Sentence{s0, s1, s2}, ms, "")
	if got := codes(ms[2], func(x actor.Mention) bool { return x.Method == coref.ByGroup }); got != "PER ECU" {
		t.Errorf("the two neighbours = %q, want PER ECU (not the mediators)", got)
	}
}

// TestUrgersNoSides: two states that urge "both sides" are not the sides.
func TestUrgersNoSides(t *testing.T) {
	r := &coref.Resolver{}
	s0 := sent(t, `
Peru Peru PROPN 2 nsubj
fought fight VERB 0 root
Ecuador Ecuador PROPN 2 obj`)
	// Chile and Brazil urged both sides to stop.
	s1 := sent(t, `
Chile Chile PROPN 4 nsubj
and and CCONJ 3 cc
Brazil Brazil PROPN 1 conj
urged urge VERB 0 root
both both DET 6 det
sides side NOUN 4 obj
to to PART 8 mark
stop stop VERB 4 xcomp`)
	ms := [][]actor.Mention{
		{m(0, 0, "PER", actor.ByName, ""), m(2, 2, "ECU", actor.ByName, "")},
		{m(0, 0, "CHL", actor.ByName, ""), m(2, 2, "BRA", actor.ByName, "")},
	}
	r.Resolve([]*ud.Sentence{s0, s1}, ms, "")
	if got := codes(ms[1], func(x actor.Mention) bool { return x.Method == coref.ByGroup }); got != "PER ECU" {
		t.Errorf("both sides = %q, want PER ECU (not who urged them)", got)
	}
}

// TestOfferedAndCalledOn: who offers to host talks and calls on "both
// governments" is not one of them, also when the parser hung the call on
// the infinitive (round 11).
func TestOfferedAndCalledOn(t *testing.T) {
	r := &coref.Resolver{}
	s0 := sent(t, `
Peru Peru PROPN 2 nsubj
fought fight VERB 0 root
Ecuador Ecuador PROPN 2 obj`)
	// Chile offered to host talks and called on both governments to …
	s1 := sent(t, `
Chile Chile PROPN 2 nsubj
offered offer VERB 0 root
to to PART 4 mark
host host VERB 2 xcomp
talks talk NOUN 4 obj
and and CCONJ 7 cc
called call VERB 4 conj
on on ADP 10 case
both both DET 10 det
governments government NOUN 7 obl`)
	ms := [][]actor.Mention{
		{m(0, 0, "PER", actor.ByName, ""), m(2, 2, "ECU", actor.ByName, "")},
		{m(0, 0, "CHL", actor.ByName, "")},
	}
	r.Resolve([]*ud.Sentence{s0, s1}, ms, "")
	if got := codes(ms[1], func(x actor.Mention) bool { return x.Method == coref.ByGroup }); got != "PERGOV ECUGOV" {
		t.Errorf("both governments = %q, want PERGOV ECUGOV (not who called on them)", got)
	}
}

// TestItAfterConjunct: "it" in what a conjunct verb of saying reports is
// the first verb's subject, also when that subject is a country's body
// named by its possessor ("Chile's government accused X and warned that
// it would …").
func TestItAfterConjunct(t *testing.T) {
	r := &coref.Resolver{}
	s0 := sent(t, `
Chile Chile PROPN 3 nmod:poss
's 's PART 1 case
government government NOUN 4 nsubj
accused accuse VERB 0 root
Peru Peru PROPN 4 obj
and and CCONJ 7 cc
warned warn VERB 4 conj
that that SCONJ 11 mark
it it PRON 11 nsubj
would would AUX 11 aux
respond respond VERB 7 ccomp`)
	ms := [][]actor.Mention{{m(0, 0, "CHL", actor.ByName, ""), m(4, 4, "PER", actor.ByName, "")}}
	r.Resolve([]*ud.Sentence{s0}, ms, "")
	if got := codes(ms[0], func(x actor.Mention) bool { return x.First == 8 }); got != "CHL" {
		t.Errorf("it = %q, want CHL", got)
	}
}

// TestCountedListAndSides: "the four mediating countries" take up the last
// list of four, and the "both sides" they press are the story's two other
// parties.
func TestCountedListAndSides(t *testing.T) {
	r := &coref.Resolver{}
	// Peru fought Ecuador.
	s0 := sent(t, `
Peru Peru PROPN 2 nsubj
fought fight VERB 0 root
Ecuador Ecuador PROPN 2 obj`)
	// Chile, Brazil, Mexico and Uruguay proposed a truce.
	s1 := sent(t, `
Chile Chile PROPN 8 nsubj
, , PUNCT 3 punct
Brazil Brazil PROPN 1 conj
, , PUNCT 5 punct
Mexico Mexico PROPN 1 conj
and and CCONJ 7 cc
Uruguay Uruguay PROPN 1 conj
proposed propose VERB 0 root
a a DET 10 det
truce truce NOUN 8 obj`)
	// Peru attacked Ecuador.
	s2 := sent(t, `
Peru Peru PROPN 2 nsubj
attacked attack VERB 0 root
Ecuador Ecuador PROPN 2 obj`)
	// The four countries pressed both sides.
	s3 := sent(t, `
The the DET 3 det
four four NUM 3 nummod
countries country NOUN 4 nsubj
pressed press VERB 0 root
both both DET 6 det
sides side NOUN 4 obj`)
	ms := [][]actor.Mention{
		{m(0, 0, "PER", actor.ByName, ""), m(2, 2, "ECU", actor.ByName, "")},
		{m(0, 0, "CHL", actor.ByName, ""), m(2, 2, "BRA", actor.ByName, ""), m(4, 4, "MEX", actor.ByName, ""), m(6, 6, "URY", actor.ByName, "")},
		{m(0, 0, "PER", actor.ByName, ""), m(2, 2, "ECU", actor.ByName, "")},
		nil,
	}
	r.Resolve([]*ud.Sentence{s0, s1, s2, s3}, ms, "")
	group := func(first int) func(actor.Mention) bool {
		return func(x actor.Mention) bool { return x.Method == coref.ByGroup && x.First == first }
	}
	if got := codes(ms[3], group(0)); got != "CHL BRA MEX URY" {
		t.Errorf("the four countries = %q, want CHL BRA MEX URY", got)
	}
	if got := codes(ms[3], group(4)); got != "PER ECU" {
		t.Errorf("both sides = %q, want PER ECU", got)
	}
}

// TestItLastSubject: a sentence opening with "It" and a verb of its own
// takes up the last sentence's subject when that is a state or body; an
// empty "It is …" takes up nothing.
func TestItLastSubject(t *testing.T) {
	r := &coref.Resolver{}
	// Chile's ministry rejected the claim.
	s0 := sent(t, `
Chile Chile PROPN 3 nmod:poss
's 's PART 1 case
ministry ministry NOUN 4 nsubj
rejected reject VERB 0 root
the the DET 6 det
claim claim NOUN 4 obj`)
	// It called on Peru to talk.
	s1 := sent(t, `
It it PRON 2 nsubj
called call VERB 0 root
on on ADP 4 case
Peru Peru PROPN 2 obl
to to PART 6 mark
talk talk VERB 2 xcomp`)
	// It is unclear.
	s2 := sent(t, `
It it PRON 3 nsubj
is be AUX 3 cop
unclear unclear ADJ 0 root`)
	ms := [][]actor.Mention{{m(0, 2, "CHLGOV", actor.ByAgent, "")}, {m(3, 3, "PER", actor.ByName, "")}, nil}
	r.Resolve([]*ud.Sentence{s0, s1, s2}, ms, "")
	pron := func(x actor.Mention) bool { return x.Method == coref.ByPronoun }
	if got := codes(ms[1], pron); got != "CHLGOV" {
		t.Errorf("It called = %q, want CHLGOV", got)
	}
	if got := codes(ms[2], pron); got != "" {
		t.Errorf("It is unclear = %q, want none", got)
	}
}

// TestIncident: "the incident" takes up the agent of the latest act of
// force the story named.
func TestIncident(t *testing.T) {
	r := &coref.Resolver{}
	// Chile shelled Peru.
	s0 := sent(t, `
Chile Chile PROPN 2 nsubj
shelled shell VERB 0 root
Peru Peru PROPN 2 obj`)
	// Peru condemned the incident.
	s1 := sent(t, `
Peru Peru PROPN 2 nsubj
condemned condemn VERB 0 root
the the DET 4 det
incident incident NOUN 2 obj`)
	ms := [][]actor.Mention{
		{m(0, 0, "CHL", actor.ByName, ""), m(2, 2, "PER", actor.ByName, "")},
		{m(0, 0, "PER", actor.ByName, "")},
	}
	r.Resolve([]*ud.Sentence{s0, s1}, ms, "")
	if got := codes(ms[1], func(x actor.Mention) bool { return x.Method == coref.ByAct }); got != "CHL" {
		t.Errorf("the incident = %q, want CHL", got)
	}
}

// TestTwoGovernmentsOfAMeeting: "the two governments" are two parties, not a
// meeting of many the story named before.
func TestTwoGovernmentsOfAMeeting(t *testing.T) {
	r := &coref.Resolver{}
	// Chile, Peru and Bolivia left Mercosur.
	s0 := sent(t, `
Chile Chile PROPN 6 nsubj
, , PUNCT 3 punct
Peru Peru PROPN 1 conj
and and CCONJ 5 cc
Bolivia Bolivia PROPN 1 conj
left leave VERB 0 root
Mercosur Mercosur PROPN 6 obj`)
	// Chile and Brazil recalled envoys.
	s1 := sent(t, `
Chile Chile PROPN 4 nsubj
and and CCONJ 3 cc
Brazil Brazil PROPN 1 conj
recalled recall VERB 0 root
envoys envoy NOUN 4 obj`)
	// The two governments traded accusations.
	s2 := sent(t, `
The the DET 3 det
two two NUM 3 nummod
governments government NOUN 4 nsubj
traded trade VERB 0 root
accusations accusation NOUN 4 obj`)
	ms := [][]actor.Mention{
		{m(0, 0, "CHL", actor.ByName, ""), m(2, 2, "PER", actor.ByName, ""), m(4, 4, "BOL", actor.ByName, ""), m(6, 6, "MERCOSUR", actor.ByName, "")},
		{m(0, 0, "CHL", actor.ByName, ""), m(2, 2, "BRA", actor.ByName, "")},
		nil,
	}
	r.Resolve([]*ud.Sentence{s0, s1, s2}, ms, "")
	if got := codes(ms[2], func(x actor.Mention) bool { return x.Method == coref.ByGroup }); got != "CHLGOV BRAGOV" {
		t.Errorf("the two governments = %q, want CHLGOV BRAGOV", got)
	}
}

// TestOutsideVoices: third parties that only call for restraint are no
// sides of a later "the two sides".
func TestOutsideVoices(t *testing.T) {
	r := &coref.Resolver{}
	// Chile and Peru clashed.
	s0 := sent(t, `
Chile Chile PROPN 4 nsubj
and and CCONJ 3 cc
Peru Peru PROPN 1 conj
clashed clash VERB 0 root`)
	// Brazil and Mexico called for restraint.
	s1 := sent(t, `
Brazil Brazil PROPN 4 nsubj
and and CCONJ 3 cc
Mexico Mexico PROPN 1 conj
called call VERB 0 root
for for ADP 6 case
restraint restraint NOUN 4 obl`)
	// The two sides held talks.
	s2 := sent(t, `
The the DET 3 det
two two NUM 3 nummod
sides side NOUN 4 nsubj
held hold VERB 0 root
talks talk NOUN 4 obj`)
	ms := [][]actor.Mention{
		{m(0, 0, "CHL", actor.ByName, ""), m(2, 2, "PER", actor.ByName, "")},
		{m(0, 0, "BRA", actor.ByName, ""), m(2, 2, "MEX", actor.ByName, "")},
		nil,
	}
	r.Resolve([]*ud.Sentence{s0, s1, s2}, ms, "")
	if got := codes(ms[2], func(x actor.Mention) bool { return x.Method == coref.ByGroup }); got != "CHL PER" {
		t.Errorf("the two sides = %q, want CHL PER (not those calling for restraint)", got)
	}
}

// TestCountedSidesWithNewcomer: "the three sides" after two parties met
// and a third joined in the same sentence are the two and the newcomer
// (round 13).
func TestCountedSidesWithNewcomer(t *testing.T) {
	r := &coref.Resolver{}
	// Georgia hosted Armenia in Tbilisi.
	s0 := sent(t, `
Georgia Georgia PROPN 2 nsubj
hosted host VERB 0 root
Armenia Armenia PROPN 2 obj
in in ADP 5 case
Tbilisi Tbilisi PROPN 2 obl`)
	// Iran joined the talks, and the three sides agreed to meet again.
	s1 := sent(t, `
Iran Iran PROPN 2 nsubj
joined join VERB 0 root
the the DET 4 det
talks talk NOUN 2 obj
, , PUNCT 9 punct
and and CCONJ 9 cc
the the DET 8 det
three three NUM 8 nummod
sides side NOUN 9 nsubj
agreed agree VERB 2 conj
to to PART 11 mark
meet meet VERB 9 xcomp
again again ADV 11 advmod`)
	ms := [][]actor.Mention{
		{m(0, 0, "GEO", actor.ByName, ""), m(2, 2, "ARM", actor.ByName, ""), m(4, 4, "GEO", actor.ByCapital, "")},
		{m(0, 0, "IRN", actor.ByName, "")},
	}
	r.Resolve([]*ud.Sentence{s0, s1}, ms, "")
	got := codes(ms[1], func(x actor.Mention) bool { return x.Last == 8 })
	if got != "IRN GEO ARM" {
		t.Errorf("the three sides = %q, want IRN GEO ARM", got)
	}
}

// TestItsAfterCapital: "its troops" after a capital or a ministry that is
// the subject ("Moscow said its troops attacked …") are that state's
// armed forces, as after the country's name; a person before "its" is
// no state (round 27).
func TestItsAfterCapital(t *testing.T) {
	s := sent(t, `
Moscow Moscow PROPN 2 nsubj
said say VERB 0 root
its its PRON 4 nmod:poss
troops troop NOUN 5 nsubj
attacked attack VERB 2 ccomp
Ukrainian Ukrainian ADJ 7 amod
positions position NOUN 5 obj`)
	r := &coref.Resolver{AgentRole: func(name string) (string, bool) {
		if name == "troops" {
			return "MIL", true
		}
		return "", false
	}}
	for _, c := range []struct {
		name string
		subj actor.Mention
		want string
	}{
		{"capital", m(0, 0, "RUSGOV", actor.ByMetonym, ""), "RUSMIL"},
		{"country", m(0, 0, "RUS", actor.ByName, ""), "RUSMIL"},
		{"person", actor.Mention{First: 0, Last: 0, Code: "RUSGOV", Method: actor.ByName, Person: true, Name: "Putin", Confidence: 0.9}, ""},
	} {
		ms := [][]actor.Mention{{c.subj, m(5, 5, "UKR", actor.ByAdjective, "")}}
		r.Resolve([]*ud.Sentence{s}, ms, "")
		got := codes(ms[0], func(x actor.Mention) bool { return x.First == 2 })
		if got != c.want {
			t.Errorf("%s subject: its troops = %q, want %q", c.name, got, c.want)
		}
	}
}
