package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Person names from Central Asia and the former Soviet Union reach English
// news in many spellings: Berdimuhamedov, Berdymukhammedov, Berdimuhamedow;
// Mirziyoyev and Mirziyoev; Tokayev and Toqaev; Japarov, Zhaparov and
// Dzhaparov. A surname the dictionary does not spell that way still names
// its person when the two spellings share a variant key.

// minVariant is the shortest surname, in letters, matched by its variant
// key: shorter ones collide with other names too often.
const minVariant = 6

// minFamilyName is the shortest last word of a full name that is indexed
// by its variant key on its own.
const minFamilyName = 10

// variantSpelling folds the spellings variantKey folds; a Replacer is
// safe for concurrent use.
var variantSpelling = strings.NewReplacer("dzh", "j", "zh", "j", "dj", "j", "kh", "h", "q", "k", "w", "v", "ph", "f", "y", "i")

// variantKey folds the spelling differences of romanized names: kh and h,
// zh, dzh, dj and j, q and k, w and v, y and i, doubled letters, and an i
// gliding between vowels ("Mirziyoyev", "Tokayev"). It returns "" for a
// word too short to match this way.
func variantKey(word string) string {
	s := fold(word)
	if utf8.RuneCountInString(s) < minVariant {
		return ""
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	s = variantSpelling.Replace(s)
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if len(b) > 0 && b[len(b)-1] == c {
			continue // doubled letters
		}
		b = append(b, c)
	}
	// drop an i inside a run of vowels: "ioie" → "oe", "aie" → "ae"
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	out := b[:0:0]
	for i, c := range b {
		if c == 'i' && (i > 0 && vowel(b[i-1]) || i+1 < len(b) && vowel(b[i+1])) {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// addVariants indexes persons' surnames by their variant keys.
func (d *Dictionary) addVariants() {
	d.variants, d.variantEntries = map[string][]int32{}, nil
	for i, a := range d.Actors {
		if a.Kind != KindPerson {
			continue
		}
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			// a surname the dictionary lets stand alone, or the last word
			// of a full name when it is long enough to be its family's
			// alone ("Berdimuhamedow"; not "Rahman", "Khan", "Johnson")
			f := strings.Fields(n)
			if len(f) == 0 || len(f) > 1 && utf8.RuneCountInString(f[len(f)-1]) < minFamilyName {
				continue
			}
			w := f[len(f)-1]
			if first := strings.Fields(a.Name); len(f) == 1 && len(first) > 1 && strings.EqualFold(first[0], w) {
				continue // a given name standing alone ("Hillary"): not a family's
			}
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				continue
			}
			k := variantKey(w)
			if k == "" {
				continue
			}
			d.variantEntries = append(d.variantEntries, entry{kind: entName, ref: int32(i), pieces: []string{fold(w)}, text: w})
			d.variants[k] = append(d.variants[k], int32(len(d.variantEntries)-1))
		}
	}
}

// variant returns the entry (in variantEntries) of the one person a capitalized word that
// no name starts with spells a surname of, on date, or -1: several
// persons with different codes that day leave it unknown.
func (d *Dictionary) variant(form string, date Date) int32 {
	if r, _ := utf8.DecodeRuneInString(form); !unicode.IsUpper(r) || len(d.variants) == 0 {
		return -1
	}
	ids := d.variants[variantKey(form)]
	best, code := int32(-1), ""
	for _, id := range ids {
		if foldEqual(form, d.variantEntries[id].pieces[0]) {
			continue // the word itself, which the dictionary did not take alone
		}
		t, ok := d.Actors[d.variantEntries[id].ref].TermOn(date)
		if !ok || t.Code == NullCode || t.Code == "" {
			continue
		}
		switch {
		case best < 0:
			best, code = id, t.Code
		case t.Code != code:
			return -1
		}
	}
	return best
}
