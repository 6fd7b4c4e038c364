package coder_test

import (
	"strconv"
	"strings"
	"testing"

	"farabi/internal/actor"
	"farabi/internal/ud"
)

// TestMisparses codes, with the repository's dictionary, trees the parser
// gives for ordinary wire sentences that a gold analysis would not: the
// coder must still find the event (patterns round 5; the goldens keep gold
// trees, so these cases live here). Rows are "form lemma UPOS XPOS head rel".
func TestMisparses(t *testing.T) {
	c := realCoder(t)
	for _, tc := range []struct {
		name string
		rows string
		ms   []actor.Mention
		want string // events among them, "SRC>TGT:CODE", space-separated; "!" before one: not among them
	}{
		{"a condition hung on the full stop", `
Moscow Moscow PROPN NNP 3 nsubj
would would AUX MD 3 aux
respond respond VERB VB 0 root
harshly harshly ADV RB 3 advmod
if if SCONJ IN 7 mark
Finland Finland PROPN NNP 7 nsubj
hosted host VERB VBD 9 advcl
weapons weapon NOUN NNS 7 obj
. . PUNCT . 3 punct`, []actor.Mention{mention(1, 1, "RUSGOV"), mention(6, 6, "FIN")}, "RUSGOV>FIN:138"},
		{"an ultimatum's time as a bare oblique", `
Washington Washington PROPN NNP 2 nsubj
gave give VERB VBD 0 root
Caracas Caracas PROPN NNP 2 iobj
a a DET DT 5 det
week week NOUN NN 2 obl:unmarked
to to PART TO 7 mark
release release VERB VB 2 advcl
detainees detainee NOUN NNS 7 obj`, []actor.Mention{mention(1, 1, "USAGOV"), mention(3, 3, "VENGOV")}, "USAGOV>VENGOV:139"},
		{"a deadline's addressee parsed as a second object (round 6)", `
Russia Russia PROPN NNP 2 nsubj
gave give VERB VBD 0 root
Moldova Moldova PROPN NNP 2 obj
a a DET DT 5 det
deadline deadline NOUN NN 2 obj
to to PART TO 7 mark
close close VERB VB 5 acl
the the DET DT 9 det
office office NOUN NN 7 obj
. . PUNCT . 2 punct`, []actor.Mention{mention(1, 1, "RUS"), mention(3, 3, "MDA")}, "RUS>MDA:139"},
		{"money promised with the recipient parsed as a second object (round 6)", `
Germany Germany PROPN NNP 2 nsubj
promised promise VERB VBD 0 root
Tunisia Tunisia PROPN NNP 2 obj
200 200 NUM CD 5 compound
million million NUM CD 6 nummod
euros euro NOUN NNS 2 obj
. . PUNCT . 2 punct`, []actor.Mention{mention(1, 1, "DEU"), mention(3, 3, "TUN")}, "DEU>TUN:0331"},
		{"the other party of a row hung on 'stood behind' (round 6)", `
Poland Poland PROPN NNP 2 nsubj
stood stand VERB VBD 0 root
behind behind ADP IN 4 case
Finland Finland PROPN NNP 2 obl
in in ADP IN 7 case
its its PRON PRP$ 7 nmod:poss
row row NOUN NN 2 obl
with with ADP IN 9 case
Russia Russia PROPN NNP 2 obl
. . PUNCT . 2 punct`, []actor.Mention{mention(1, 1, "POL"), mention(4, 4, "FIN"), mention(9, 9, "RUS")}, "POL>FIN:051 !POL>RUS:051"},
		{"the 'against' phrase of 'pushed back' hung on 'back' (round 6)", `
Latvia Latvia PROPN NNP 2 nsubj
pushed push VERB VBD 0 root
back back ADV RB 2 advmod
against against ADP IN 6 case
Russian Russian ADJ JJ 6 amod
claims claim NOUN NNS 3 obl
. . PUNCT . 2 punct`, []actor.Mention{mention(1, 1, "LVA"), mention(5, 5, "RUS")}, "LVA>RUS:120"},
		{"an insult as a bare oblique after 'called' (round 6)", `
The the DET DT 3 det
Serbian Serbian ADJ JJ 3 amod
president president NOUN NN 4 nsubj
called call VERB VBD 0 root
his his PRON PRP$ 7 nmod:poss
Croatian Croatian ADJ JJ 7 amod
counterpart counterpart NOUN NN 4 obj
a a DET DT 9 det
warmonger warmonger NOUN NN 4 obl:unmarked
. . PUNCT . 4 punct`, []actor.Mention{mention(2, 3, "SRBGOV"), mention(6, 7, "HRVGOV")}, "SRBGOV>HRVGOV:111 !SRBGOV>HRVGOV:041"},
		{"the judgement of an act parsed as a second object of 'called' (round 6)", `
Colombia Colombia PROPN NNP 2 nsubj
called call VERB VBD 0 root
the the DET DT 5 det
American American ADJ JJ 5 amod
tariffs tariff NOUN NNS 2 obj
an a DET DT 7 det
act act NOUN NN 2 obj
of of ADP IN 10 case
economic economic ADJ JJ 10 amod
aggression aggression NOUN NN 7 nmod
. . PUNCT . 2 punct`, []actor.Mention{mention(1, 1, "COL"), mention(4, 4, "USA")}, "COL>USA:111 !COL>USA:041"},
		{"'by telephone' hung on the one congratulated (round 6)", `
The the DET DT 3 det
Chilean Chilean ADJ JJ 3 amod
president president NOUN NN 4 nsubj
congratulated congratulate VERB VBD 0 root
his his PRON PRP$ 7 nmod:poss
Bolivian Bolivian ADJ JJ 7 amod
counterpart counterpart NOUN NN 4 obj
by by ADP IN 9 case
telephone telephone NOUN NN 7 nmod
. . PUNCT . 4 punct`, []actor.Mention{mention(2, 3, "CHLGOV"), mention(6, 7, "BOLGOV")}, "CHLGOV>BOLGOV:051 BOLGOV>CHLGOV:041"},
		{"the reporter's 'it' parsed as an expletive (round 6)", `
Beijing Beijing PROPN NNP 2 nsubj
said say VERB VBD 0 root
it it PRON PRP 5 expl
would would AUX MD 5 aux
take take VERB VB 2 ccomp
all all DET DT 8 det
necessary necessary ADJ JJ 8 amod
measures measure NOUN NNS 5 obj
against against ADP IN 11 case
Lithuanian Lithuanian ADJ JJ 11 amod
provocations provocation NOUN NNS 8 nmod
. . PUNCT . 2 punct`, []actor.Mention{mention(1, 1, "CHNGOV"), mention(10, 10, "LTU")}, "CHNGOV>LTU:130"},
		{"'with full force' hung on the act answered (round 6)", `
Manila Manila PROPN NNP 2 nsubj
said say VERB VBD 0 root
it it PRON PRP 5 nsubj
would would AUX MD 5 aux
answer answer VERB VB 2 ccomp
any any DET DT 8 det
Chinese Chinese ADJ JJ 8 amod
attack attack NOUN NN 5 obj
with with ADP IN 11 case
full full ADJ JJ 11 amod
force force NOUN NN 8 nmod
. . PUNCT . 2 punct`, []actor.Mention{mention(1, 1, "PHLGOV"), mention(3, 3, "PHLGOV"), mention(7, 7, "CHN")}, "PHLGOV>CHN:138"},
		{"an accused act made a compound", `
Syria Syria PROPN NNP 2 nsubj
accused accuse VERB VBD 0 root
Turkey Turkey PROPN NNP 2 obj
of of ADP IN 7 case
bombing bombing NOUN NN 7 compound
power power NOUN NN 7 compound
stations station NOUN NNS 2 obl`, []actor.Mention{mention(1, 1, "SYR"), mention(3, 3, "TUR")}, "TUR>SYR:195"},
		{"an accused act hung on the accused", `
Serbia Serbia PROPN NNP 2 nsubj
accused accuse VERB VBD 0 root
Kosovo Kosovo PROPN NNP 4 compound
police police NOUN NNS 2 obj
of of SCONJ IN 6 mark
arresting arrest VERB VBG 4 acl
three three NUM CD 8 nummod
citizens citizen NOUN NNS 6 obj`, []actor.Mention{mention(1, 1, "SRB"), mention(3, 4, "XKXCOP")}, "XKXCOP>SRB:173"},
		{"an accused act hung on the last of two accused (round 12)", `
Syria Syria PROPN NNP 2 nsubj
accused accuse VERB VBD 0 root
Israel Israel PROPN NNP 2 obj
and and CCONJ CC 5 cc
Jordan Jordan PROPN NNP 3 conj
of of SCONJ IN 7 mark
shelling shell VERB VBG 5 acl
the the DET DT 9 det
town town NOUN NN 7 obj`, []actor.Mention{mention(1, 1, "SYR"), mention(3, 3, "ISR"), mention(5, 5, "JOR")}, "SYR>ISR:112 SYR>JOR:112 ISR>SYR:194 JOR>SYR:194"},
		{"aid promised as a bare oblique", `
Poland Poland PROPN NNP 2 nsubj
promised promise VERB VBD 0 root
Ukraine Ukraine PROPN NNP 2 obj
military military ADJ JJ 5 amod
aid aid NOUN NN 2 obl:unmarked`, []actor.Mention{mention(1, 1, "POL"), mention(3, 3, "UKR")}, "POL>UKR:0332"},
		{"a judgement hung on the reported verb (round 7)", `
Lithuania Lithuania PROPN NNP 2 nsubj
said say VERB VBD 0 root
Belarus Belarus PROPN NNP 5 nsubj
had have AUX VBD 5 aux
sent send VERB VBN 2 ccomp
drones drone NOUN NNS 5 obj
over over ADP IN 8 case
Vilnius Vilnius PROPN NNP 6 nmod
, , PUNCT , 10 punct
calling call VERB VBG 5 advcl
it it PRON PRP 10 obj
a a DET DT 14 det
dangerous dangerous ADJ JJ 14 amod
provocation provocation NOUN NN 10 obj
. . PUNCT . 2 punct`, []actor.Mention{mention(1, 1, "LTU"), mention(3, 3, "BLR")}, "LTU>BLR:111 !BLR>LTU:111"},
		{"the neighbour of a border hung on the deploying verb (round 7)", `
Chad Chad PROPN NNP 2 nsubj
deployed deploy VERB VBD 0 root
troops troops NOUN NNS 2 obj
along along ADP IN 6 case
its its PRON PRP$ 6 nmod:poss
border border NOUN NN 3 nmod
with with ADP IN 8 case
Sudan Sudan PROPN NNP 2 obl
. . PUNCT . 2 punct`, []actor.Mention{mention(1, 1, "TCD"), mention(8, 8, "SDN")}, "TCD>SDN:154"},
		{"an infinitive of a causative parsed as an adverbial clause (round 7)", `
Beijing Beijing PROPN NNP 2 nsubj
detained detain VERB VBD 0 root
a a DET DT 5 det
Japanese Japanese ADJ JJ 5 amod
businessman businessman NOUN NN 2 obj
, , PUNCT , 7 punct
prompting prompt VERB VBG 2 advcl
Tokyo Tokyo PROPN NNP 7 obj
to to PART TO 10 mark
summon summon VERB VB 7 advcl
the the DET DT 13 det
Chinese Chinese ADJ JJ 13 amod
ambassador ambassador NOUN NN 10 obj
. . PUNCT . 2 punct`, []actor.Mention{mention(1, 1, "CHNGOV"), mention(4, 4, "JPN"), mention(8, 8, "JPNGOV"), mention(12, 13, "CHNGOV")}, "JPNGOV>CHNGOV:114 !CHNGOV>CHNGOV:114"},
		{"a second infinitive of a causative joined to the participle (round 8)", `
Serbia Serbia PROPN NNP 2 nsubj
moved move VERB VBD 0 root
tanks tank NOUN NNS 2 obj
to to ADP IN 6 case
the the DET DT 6 det
border border NOUN NN 2 obl
, , PUNCT , 8 punct
forcing force VERB VBG 2 advcl
Pristina Pristina PROPN NNP 8 obj
to to PART TO 11 mark
raise raise VERB VB 8 advcl
its its PRON PRP$ 13 nmod:poss
alert alert NOUN NN 11 obj
and and CCONJ CC 15 cc
summon summon VERB VB 8 conj
the the DET DT 18 det
Serbian Serbian ADJ JJ 18 amod
envoy envoy NOUN NN 15 obj
. . PUNCT . 2 punct`, []actor.Mention{mention(1, 1, "SRB"), mention(9, 9, "XKXGOV"), mention(17, 18, "SRBGOV")}, "XKXGOV>SRBGOV:114 !SRB>SRBGOV:114"},
		{"the middle of a series of past verbs hung beside the first (round 11)", `
The the DET DT 2 det
president president NOUN NN 3 nsubj
flew fly VERB VBD 0 root
to to ADP IN 5 case
Hanoi Hanoi PROPN NNP 3 obl
, , PUNCT , 7 punct
held hold VERB VBD 3 parataxis
talks talk NOUN NNS 7 obj
with with ADP IN 11 case
the the DET DT 11 det
premier premier NOUN NN 8 nmod
and and CCONJ CC 13 cc
signed sign VERB VBD 7 conj
a a DET DT 15 det
treaty treaty NOUN NN 13 obj
. . PUNCT . 3 punct`, []actor.Mention{mention(1, 2, "LAOGOV"), mention(5, 5, "VNM"), mention(10, 11, "VNMGOV")}, "LAOGOV>VNMGOV:046 VNMGOV>LAOGOV:046 LAOGOV>VNMGOV:057 VNMGOV>LAOGOV:057"},
		{"a second complement of intent hung on the adjective as a conjunct (round 11)", `
Oman Oman PROPN NNP 3 nsubj
is be AUX VBZ 3 cop
committed committed ADJ JJ 0 root
to to ADP IN 6 case
a a DET DT 6 det
settlement settlement NOUN NN 3 obl
and and CCONJ CC 9 cc
to to PART TO 9 mark
sending send VERB VBG 3 conj
food food NOUN NN 11 compound
aid aid NOUN NN 9 obj
to to ADP IN 15 case
the the DET DT 15 det
Yemeni Yemeni ADJ JJ 15 amod
people people NOUN NNS 11 nmod
. . PUNCT . 3 punct`, []actor.Mention{mention(1, 1, "OMN"), mention(14, 15, "YEMCVL")}, "OMN>YEMCVL:0333 !OMN>YEMCVL:073"},
		{"the ones called on parsed as the object of a particle (round 11)", `
Egypt Egypt PROPN NNP 2 nsubj
called call VERB VBD 0 root
on on ADP RP 2 compound:prt
both both CCONJ CC 5 cc:preconj
Ethiopia Ethiopia PROPN NNP 2 obj
and and CCONJ CC 7 cc
Sudan Sudan PROPN NNP 5 conj
to to PART TO 9 mark
show show VERB VB 2 advcl
restraint restraint NOUN NN 9 obj
. . PUNCT . 2 punct`, []actor.Mention{mention(1, 1, "EGY"), mention(5, 5, "ETH"), mention(7, 7, "SDN")}, "EGY>ETH:020 EGY>SDN:020"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := conlluX(t, tc.rows)
			got := codes(c.Code(s, tc.ms))
			for _, w := range strings.Fields(tc.want) {
				if not, ok := strings.CutPrefix(w, "!"); ok {
					if strings.Contains(" "+got+" ", " "+not+" ") {
						t.Errorf("got %q, want no %s among them", got, not)
					}
				} else if !strings.Contains(" "+got+" ", " "+w+" ") {
					t.Errorf("got %q, want %s among them", got, w)
				}
			}
		})
	}
}

// conlluX builds a sentence from "form lemma upos xpos head rel" lines.
func conlluX(t *testing.T, rows string) *ud.Sentence {
	t.Helper()
	var b strings.Builder
	for n, line := range strings.Split(strings.TrimSpace(rows), "\n") {
		f := strings.Fields(line)
		b.WriteString(strings.Join([]string{strconv.Itoa(n + 1), f[0], f[1], f[2], f[3], "_", f[4], f[5], "_", "_"}, "\t") + "\n")
	}
	b.WriteString("\n")
	sents, err := ud.ReadAll(strings.NewReader(b.String()), "test")
	if err != nil {
		t.Fatal(err)
	}
	return sents[0]
}
