package depparse_test

import (
	"fmt"
	"log"

	"farabi/internal/depparse"
	"farabi/internal/ud"
	"farabi/models"
)

func ExampleParser_Parse() {
	f, err := models.FS.Open("parser.model")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	p, err := depparse.Read(f)
	if err != nil {
		log.Fatal(err)
	}
	// A sentence as the tagger leaves it: forms, lemmas and tags.
	s := &ud.Sentence{Tokens: []ud.Token{
		{Form: "The", Lemma: "the", UPOS: ud.DET, XPOS: "DT"},
		{Form: "minister", Lemma: "minister", UPOS: ud.NOUN, XPOS: "NN"},
		{Form: "visited", Lemma: "visit", UPOS: ud.VERB, XPOS: "VBD"},
		{Form: "Astana", Lemma: "Astana", UPOS: ud.PROPN, XPOS: "NNP"},
		{Form: "on", Lemma: "on", UPOS: ud.ADP, XPOS: "IN"},
		{Form: "Monday", Lemma: "Monday", UPOS: ud.PROPN, XPOS: "NNP"},
		{Form: ".", Lemma: ".", UPOS: ud.PUNCT, XPOS: "."},
	}}
	p.Parse(s)
	for i, t := range s.Tokens {
		fmt.Printf("%d %-8s %d %s\n", i+1, t.Form, t.Head, t.Rel)
	}
	// Output:
	// 1 The      2 det
	// 2 minister 3 nsubj
	// 3 visited  0 root
	// 4 Astana   3 obj
	// 5 on       6 case
	// 6 Monday   3 obl
	// 7 .        3 punct
}
