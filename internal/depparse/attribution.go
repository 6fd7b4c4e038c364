package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// A sentence that opens with an attribution ("According to the ministry
// in Lima, minister Gonzalez condemned …") is two parses: EWT has few
// such openings in news style, and the parser took the source of the
// attribution for the clause's subject and the real subject for a
// conjunct of it. The phrase before the comma and the clause after it
// are parsed apart; the phrase's head becomes an oblique of the clause's
// root and the comma its punctuation.

// frontedAttribution returns the index of the comma that closes an
// opening "According to …" phrase of s, or -1.
func frontedAttribution(s *ud.Sentence) int {
	n := len(s.Tokens)
	if n < 7 || !strings.EqualFold(s.Tokens[0].Form, "according") || !strings.EqualFold(s.Tokens[1].Form, "to") {
		return -1
	}
	for k := 3; k < n-3; k++ {
		switch s.Tokens[k].Form {
		case ",":
			return k
		case ";", ":", "“", "\"", "(":
			return -1
		}
	}
	return -1
}

// parseAttributed parses s whose opening attribution phrase ends at the
// comma at k (frontedAttribution).
func (p *Parser) parseAttributed(s *ud.Sentence, k int) {
	head := &ud.Sentence{Tokens: s.Tokens[:k]}
	rest := &ud.Sentence{Tokens: s.Tokens[k+1:]}
	p.parse(head)
	p.parse(rest)
	root := -1
	for i := range rest.Tokens {
		t := &rest.Tokens[i]
		if t.Head == 0 {
			root = k + 1 + i
		} else {
			t.Head += k + 1
		}
	}
	for i := range head.Tokens {
		t := &head.Tokens[i]
		if t.Head == 0 {
			t.Head, t.Rel = root+1, "obl"
		}
	}
	s.Tokens[k].Head, s.Tokens[k].Rel = root+1, "punct"
}
