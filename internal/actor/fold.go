package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// latinBase maps U+00C0…U+024F to the base letter, '.' for letters kept as
// they are, so that "Plenković" and "Plenkovic" fold alike.
const latinBase = "aaaaaa.ceeeeiiii.nooooo.ouuuuy..aaaaaa.ceeeeiiii.nooooo.ouuuuy.y" +
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.lllllll" +
	"lllnnnnnnn..oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz." +
	"..................f.............oo.............uu..............." +
	".............aaiioouuuuuuuuuuaaaaa....ggkkoooo..j...gg..nnaa...." +
	"aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............" +
	"................"

// foldRune lower-cases r, strips Latin diacritics and maps typographic
// apostrophes to '.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if r >= 0xC0 && r < 0x250 {
		if b := latinBase[r-0xC0]; b != '.' {
			return rune(b)
		}
	}
	switch r {
	case '’', '‘', 'ʼ', '`', '´':
		return '\''
	case 'ə', 'Ə':
		return 'a'
	}
	return unicode.ToLower(r)
}

// fold returns the folded form of a piece.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// foldHash returns the FNV-1a hash of fold(s) without building it.
func foldHash(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * fnvPrime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		var buf [utf8.UTFMax]byte
		m := utf8.EncodeRune(buf[:], foldRune(r))
		for _, b := range buf[:m] {
			h = (h ^ uint64(b)) * fnvPrime
		}
	}
	return h
}

// foldEqual reports whether fold(raw) == folded.
func foldEqual(raw, folded string) bool {
	j := 0
	for _, r := range raw {
		f := foldRune(r)
		if j >= len(folded) {
			return false
		}
		g, n := utf8.DecodeRuneInString(folded[j:])
		if f != g {
			return false
		}
		j += n
	}
	return j == len(folded)
}

// isSep reports whether r separates pieces inside a word: "Kassym-Jomart"
// is two pieces, so it matches whether or not a tokenizer splits it; "_"
// joins words in PETRARCH phrases ("Dol_Amroth").
func isSep(r rune) bool {
	return r == '-' || r == '/' || r == '‐' || r == '‑' || r == '_'
}

// pieces splits a word into its pieces and calls f with each, trailing
// periods removed ("U.S." and "U.S" are alike).
func eachPiece(word string, f func(p string, start int)) {
	start := -1
	for i, r := range word {
		if isSep(r) {
			if start >= 0 {
				emitPiece(word[start:i], start, f)
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		last := word[start:]
		if base := trimPossessive(last); base != last && hasWordChar(base) {
			emitPiece(base, start, f)
			f(last[len(base):], start+len(base))
			return
		}
		emitPiece(last, start, f)
	}
}

func emitPiece(p string, start int, f func(string, int)) {
	if t := strings.TrimRight(p, "."); t != "" {
		p = t
	}
	f(p, start)
}

// nameKey splits a dictionary name into folded pieces.
func nameKey(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		eachPiece(w, func(p string, _ int) { out = append(out, fold(p)) })
	}
	return out
}

// NameKey returns the form under which a name is matched: folded pieces
// joined by spaces. Two names with one key are the same to the recognizer.
func NameKey(name string) string { return strings.Join(nameKey(name), " ") }

func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isAbbrev reports whether a name piece is an all-capital abbreviation of
// two to five letters ("AIF", "TASS", "U.S."), which matches only in
// capitals.
func isAbbrev(p string) bool {
	letters := 0
	for _, r := range p {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '&' || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 5
}
