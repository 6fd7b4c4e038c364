package postag_test

import (
	"fmt"
	"log"
	"strings"

	"farabi/internal/postag"
	"farabi/internal/ud"
	"farabi/models"
)

func ExampleTagger_Tag() {
	tagger, err := postag.Load(models.FS, "tagger.model")
	if err != nil {
		log.Fatal(err)
	}
	var s ud.Sentence
	for _, w := range strings.Fields("Kazakhstan signed two agreements with China .") {
		s.Tokens = append(s.Tokens, ud.Token{Form: w, Head: -1})
	}
	tagger.Tag(&s)
	for _, tok := range s.Tokens {
		fmt.Printf("%s\t%s\t%s\t%s\n", tok.Form, tok.UPOS, tok.XPOS, tok.Lemma)
	}
	// Output:
	// Kazakhstan	PROPN	NNP	Kazakhstan
	// signed	VERB	VBD	sign
	// two	NUM	CD	two
	// agreements	NOUN	NNS	agreement
	// with	ADP	IN	with
	// China	PROPN	NNP	China
	// .	PUNCT	.	.
}
