package cli

import (
	"fmt"
	"strings"
	"testing"

	"farabi/dict"
	"farabi/internal/ud"
)

// TestAugmentNames swaps news names into a sentence and checks that the
// copy is a well-formed tree with the name's relations where they were.
func TestAugmentNames(t *testing.T) {
	persons, err := newsPersons(dict.FS)
	if err != nil {
		t.Fatal(err)
	}
	if len(persons) < 100 {
		t.Fatalf("%d persons in dict/actors, want more", len(persons))
	}
	const src = `1	Yesterday	yesterday	NOUN	NN	_	4	obl:tmod	_	_
2	Bill	Bill	PROPN	NNP	_	4	nsubj	_	_
3	Clinton	Clinton	PROPN	NNP	_	2	flat	_	_
4	met	meet	VERB	VBD	_	0	root	_	_
5	Blair	Blair	PROPN	NNP	_	4	obj	_	_
6	in	in	ADP	IN	_	7	case	_	_
7	London	London	PROPN	NNP	_	4	obl	_	_
8	.	.	PUNCT	.	_	4	punct	_	_
`
	ss := readCoNLLU(t, src)
	var got []*ud.Sentence
	for seed := range uint64(20) {
		got = append(got, augmentNames(ss, persons, seed)...)
	}
	if len(got) < 10 {
		t.Fatalf("only %d of 20 draws changed the sentence", len(got))
	}
	titled := 0
	for _, s := range got {
		roots := 0
		for i, tok := range s.Tokens {
			if tok.Head < 0 || tok.Head > len(s.Tokens) || tok.Head == i+1 {
				t.Fatalf("%s: word %d has head %d", s.Words(), i+1, tok.Head)
			}
			if tok.Head == 0 {
				roots++
				if tok.Form != "met" || tok.Rel != "root" {
					t.Errorf("%s: root %s/%s", s.Words(), tok.Form, tok.Rel)
				}
			}
			if tok.Rel == "nmod:desc" {
				titled++
			}
			if tok.Form == "in" && s.Tokens[tok.Head-1].Form != "London" {
				t.Errorf("%s: in attached to %s", s.Words(), s.Tokens[tok.Head-1].Form)
			}
		}
		if roots != 1 {
			t.Errorf("%s: %d roots", s.Words(), roots)
		}
		met := -1
		for i, tok := range s.Tokens {
			if tok.Form == "met" {
				met = i + 1
			}
		}
		var subj, obj int
		for _, tok := range s.Tokens {
			if tok.Head == met && tok.Rel == "nsubj" {
				subj++
			}
			if tok.Head == met && tok.Rel == "obj" {
				obj++
			}
		}
		if subj != 1 || obj != 1 {
			t.Errorf("%s: %d subjects and %d objects of met", s.Words(), subj, obj)
		}
	}
	if titled == 0 {
		t.Errorf("no draw put a title before a name")
	}
	t.Logf("e.g. %s", got[0].Words())
}

func TestCoordinateNationalities(t *testing.T) {
	const src = `1	The	the	DET	DT	_	2	det	_	_
2	officials	official	NOUN	NNS	_	3	nsubj	_	_
3	agreed	agree	VERB	VBD	_	0	root	_	_
4	.	.	PUNCT	.	_	3	punct	_	_
`
	ss := readCoNLLU(t, src)
	var c *ud.Sentence
	for seed := uint64(0); c == nil && seed < 50; seed++ {
		for _, s := range augmentNames(ss, [][]string{{"Ann", "Lee"}}, seed) {
			if len(s.Tokens) == 7 {
				c = s
			}
		}
	}
	if c == nil {
		t.Fatal("no draw coordinated two nationalities")
	}
	var b strings.Builder
	for _, tok := range c.Tokens {
		fmt.Fprintf(&b, "%s/%s/%d ", tok.UPOS, tok.Rel, tok.Head)
	}
	want := "DET/det/5 ADJ/amod/5 CCONJ/cc/4 ADJ/conj/2 NOUN/nsubj/6 VERB/root/0 PUNCT/punct/6 "
	if b.String() != want {
		t.Errorf("%s:\n got %s\nwant %s", c.Words(), b.String(), want)
	}
}

// readCoNLLU reads sentences from CoNLL-U text.
func readCoNLLU(t *testing.T, src string) []*ud.Sentence {
	t.Helper()
	ss, err := ud.ReadAll(strings.NewReader(src), "src")
	if err != nil {
		t.Fatal(err)
	}
	return ss
}
