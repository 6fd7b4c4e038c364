package actor

import (
	"farabi/internal/tokenize"
	"farabi/internal/ud"
)

// sentence tokenizes text as one sentence with the language core's
// tokenizer.
func sentence(text string) *ud.Sentence {
	return tokenize.New().Sentence(text, ud.Span{Start: 0, End: len(text)})
}
