// Package ud holds the vocabulary of Universal Dependencies: spans of text,
// tokens with their tags and heads, sentences, and reading and writing them
// in the CoNLL-U format.
//
// It holds data only, like go/token and go/ast: the stages that fill the
// fields (segment, tokenize, postag, depparse) live in their own packages.
// Offsets are byte offsets into the text a sentence was read from; a token's
// Form is a substring of that text wherever the token came from raw text, so
// no text is copied.
package ud

import "strings"

// Span is a half-open range of byte offsets [Start, End) into a text.
type Span struct{ Start, End int }

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Token is one syntactic word of a sentence.
//
// Head is the 1-based index of the head word in the sentence (the CoNLL-U
// ID), 0 for the root, and -1 while the sentence is unparsed.
type Token struct {
	Span  Span
	Form  string
	Lemma string
	UPOS  UPOS
	XPOS  string
	Feats string
	Head  int
	Rel   string
	Deps  string
	Misc  string
	// NoSpaceAfter is true when no white space follows the word in the
	// text (CoNLL-U's SpaceAfter=No).
	NoSpaceAfter bool
}

// MultiWord is a surface token that stands for several syntactic words, as
// "don't" stands for "do" and "n't". First and Last are 0-based indexes into
// Sentence.Tokens, both included.
type MultiWord struct {
	First, Last int
	Span        Span
	Form        string
	Misc        string
	// NoSpaceAfter is true when no white space follows the surface token.
	NoSpaceAfter bool
}

// Sentence is a run of tokens with the span of text it covers.
type Sentence struct {
	ID         string // sent_id, when known
	Text       string // the sentence text (the "# text" comment)
	Span       Span   // where the sentence lies in its document
	Tokens     []Token
	MultiWords []MultiWord
	// Comments holds comment lines other than sent_id and text, without
	// the leading "# ".
	Comments []string
}

// Words returns the forms of the sentence's tokens joined by single spaces.
func (s *Sentence) Words() string {
	var b strings.Builder
	for i, t := range s.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Form)
	}
	return b.String()
}

// HyphenAfter reports whether word i is joined to the next word by a hyphen
// the tokenizer split off, with no space on either side: "state" in "the
// state-run agency", "government" in "a government-backed group".
func (s *Sentence) HyphenAfter(i int) bool {
	if i < 0 || i+2 >= len(s.Tokens) {
		return false
	}
	h := s.Tokens[i+1]
	return (h.Form == "-" || h.Form == "‑") && h.Span.Start == s.Tokens[i].Span.End && s.Tokens[i+2].Span.Start == h.Span.End
}

// Root returns the 0-based index of the sentence's first root word, or -1.
func (s *Sentence) Root() int {
	for i := range s.Tokens {
		if s.Tokens[i].Head == 0 {
			return i
		}
	}
	return -1
}

// Children returns the 0-based indexes of the words whose head is the word at
// 0-based index i, in order.
func (s *Sentence) Children(i int) []int {
	var out []int
	for j := range s.Tokens {
		if s.Tokens[j].Head == i+1 {
			out = append(out, j)
		}
	}
	return out
}

// BaseRel returns the universal part of a dependency relation: "nmod" for
// "nmod:poss".
func BaseRel(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}
