package coder_test

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"farabi/internal/actor"
	"farabi/internal/coder"
	"farabi/internal/event"
	"farabi/internal/ud"
)

const testOntology = "code\tgoldstein\tplover\tmode\tcontext\tintent\tname\n" +
	"01\t0.0\tOTHER\t\t\t\tMake public statement\n" +
	"010\t0.0\tOTHER\t\t\t\tMake statement\n" +
	"03\t4.0\tAGREE\t\t\t\tExpress intent to cooperate\n" +
	"036\t4.0\tAGREE\t\t\t\tExpress intent to meet or negotiate\n" +
	"04\t1.0\tCONSULT\t\t\t036\tConsult\n" +
	"040\t1.0\tCONSULT\t\t\t036\tConsult\n" +
	"042\t1.9\tCONSULT\tvisit\t\t036\tMake a visit\n" +
	"043\t2.8\tCONSULT\thost\t\t036\tHost a visit\n" +
	"05\t3.5\tCOOPERATE\t\t\t\tDiplomatic cooperation\n" +
	"057\t8.0\tAGREE\t\t\t\tSign formal agreement\n"

const testPatterns = `set AGREEMENT = agreement | treaty | memorandum
042 visit S=nsubj T=obj
042 visit/N S=nmod:poss T=nmod:to
043 host S=nsubj T=obj
040 meet S=nsubj T=obj|obl:with sym
057 sign obj=$AGREEMENT S=nsubj T=obl:with|obj>nmod:with sym
057 sign obj=$AGREEMENT S=nsubj pair
010 say S=nsubj T=ccomp>nsubj
`

func testCoder(t *testing.T) *coder.Coder {
	t.Helper()
	ont, err := event.ReadOntology(strings.NewReader(testOntology), "test.tsv")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"verbs/test.txt": {Data: []byte(testPatterns)}}
	d, err := coder.Load(fsys, "verbs", ont)
	if err != nil {
		t.Fatal(err)
	}
	return coder.New(d, ont)
}

// conllu builds a sentence from "form lemma upos head rel" lines.
func conllu(t *testing.T, rows string) *ud.Sentence {
	t.Helper()
	var b strings.Builder
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(rows), "\n") {
		f := strings.Fields(line)
		n++
		b.WriteString(strings.Join([]string{strconv.Itoa(n), f[0], f[1], f[2], "_", "_", f[3], f[4], "_", "_"}, "\t") + "\n")
	}
	b.WriteString("\n")
	sents, err := ud.ReadAll(strings.NewReader(b.String()), "test")
	if err != nil {
		t.Fatal(err)
	}
	return sents[0]
}

func mention(first, last int, code string) actor.Mention {
	return actor.Mention{First: first - 1, Last: last - 1, Code: code, Name: code, Confidence: 1}
}

func codes(evs []event.Event) string {
	var f []string
	for _, e := range evs {
		f = append(f, e.Source.Code+">"+e.Target.Code+":"+e.Code)
	}
	return strings.Join(f, " ")
}

func TestCode(t *testing.T) {
	c := testCoder(t)
	for _, tc := range []struct {
		name string
		rows string
		ms   []actor.Mention
		want string
	}{
		{"visit", `
Meloni Meloni PROPN 2 nsubj
visited visit VERB 0 root
Kazakhstan Kazakhstan PROPN 2 obj
. . PUNCT 2 punct`, []actor.Mention{mention(1, 1, "ITAGOV"), mention(3, 3, "KAZ")}, "ITAGOV>KAZ:042"},
		{"negated", `
Meloni Meloni PROPN 4 nsubj
did do AUX 4 aux
not not PART 4 advmod
visit visit VERB 0 root
Kazakhstan Kazakhstan PROPN 4 obj`, []actor.Mention{mention(1, 1, "ITAGOV"), mention(5, 5, "KAZ")}, ""},
		{"intent will", `
Meloni Meloni PROPN 3 nsubj
will will AUX 3 aux
visit visit VERB 0 root
Kazakhstan Kazakhstan PROPN 3 obj`, []actor.Mention{mention(1, 1, "ITAGOV"), mention(4, 4, "KAZ")}, "ITAGOV>KAZ:036"},
		{"intent plans to", `
Italy Italy PROPN 2 nsubj
plans plan VERB 0 root
to to PART 4 mark
visit visit VERB 2 xcomp
Kazakhstan Kazakhstan PROPN 4 obj`, []actor.Mention{mention(1, 1, "ITA"), mention(5, 5, "KAZ")}, "ITA>KAZ:036"},
		{"two subjects, the nearer wins", `
China China PROPN 3 nsubj
Italy Italy PROPN 3 nsubj
plans plan VERB 0 root
to to PART 5 mark
visit visit VERB 3 xcomp
Kazakhstan Kazakhstan PROPN 5 obj`, []actor.Mention{mention(1, 1, "CHN"), mention(2, 2, "ITA"), mention(6, 6, "KAZ")}, "ITA>KAZ:036"},
		{"infinitive parsed as an adjective's clausal subject", `
Italy Italy PROPN 3 nsubj
is be AUX 3 cop
ready ready ADJ 0 root
to to PART 5 mark
visit visit VERB 3 csubj
Kazakhstan Kazakhstan PROPN 5 obj`, []actor.Mention{mention(1, 1, "ITA"), mention(6, 6, "KAZ")}, "ITA>KAZ:036"},
		{"passive", `
Astana Astana PROPN 3 nsubj:pass
was be AUX 3 aux:pass
visited visit VERB 0 root
by by ADP 5 case
Meloni Meloni PROPN 3 obl:agent`, []actor.Mention{mention(1, 1, "KAZ"), mention(5, 5, "ITAGOV")}, "ITAGOV>KAZ:042"},
		{"nominal", `
Meloni Meloni PROPN 3 nmod:poss
's 's PART 1 case
visit visit NOUN 0 root
to to ADP 5 case
Kazakhstan Kazakhstan PROPN 3 nmod`, []actor.Mention{mention(1, 1, "ITAGOV"), mention(5, 5, "KAZ")}, "ITAGOV>KAZ:042"},
		{"coordinated targets", `
Kazakhstan Kazakhstan PROPN 2 nsubj
hosted host VERB 0 root
Rwanda Rwanda PROPN 2 obj
and and CCONJ 5 cc
Qatar Qatar PROPN 3 conj`, []actor.Mention{mention(1, 1, "KAZ"), mention(3, 3, "RWA"), mention(5, 5, "QAT")}, "KAZ>RWA:043 KAZ>QAT:043 RWA>KAZ:042 QAT>KAZ:042 RWA>QAT:040 QAT>RWA:040"},
		{"pair", `
Kazakhstan Kazakhstan PROPN 4 nsubj
and and CCONJ 3 cc
Uzbekistan Uzbekistan PROPN 1 conj
signed sign VERB 0 root
a a DET 6 det
treaty treaty NOUN 4 obj`, []actor.Mention{mention(1, 1, "KAZ"), mention(3, 3, "UZB")}, "KAZ>UZB:057 UZB>KAZ:057"},
		{"symmetric meet", `
Tokayev Tokayev PROPN 2 nsubj
met meet VERB 0 root
Putin Putin PROPN 2 obj`, []actor.Mention{mention(1, 1, "KAZGOV"), mention(3, 3, "RUSGOV")}, "KAZGOV>RUSGOV:040 RUSGOV>KAZGOV:040"},
		{"reported speech", `
Vassilenko Vassilenko PROPN 2 nsubj
said say VERB 0 root
Russia Russia PROPN 4 nsubj
hosted host VERB 2 ccomp
Qatar Qatar PROPN 4 obj`, []actor.Mention{mention(1, 1, "KAZGOV"), mention(3, 3, "RUS"), mention(5, 5, "QAT")}, "KAZGOV>RUS:010 RUS>QAT:043 QAT>RUS:042"},
		{"relative clause", `
Meloni Meloni PROPN 0 root
, , PUNCT 4 punct
who who PRON 4 nsubj
visited visit VERB 1 acl:relcl
Astana Astana PROPN 4 obj`, []actor.Mention{mention(1, 1, "ITAGOV"), mention(5, 5, "KAZGOV")}, "ITAGOV>KAZGOV:042"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := conllu(t, tc.rows)
			if got := codes(c.Code(s, tc.ms)); got != tc.want {
				t.Errorf("Code = %q, want %q", got, tc.want)
			}
		})
	}
}
