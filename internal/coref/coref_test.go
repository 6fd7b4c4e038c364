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
