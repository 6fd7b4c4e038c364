package ud

// UPOS is a universal part-of-speech tag. The zero value, NoUPOS, means
// "not tagged".
type UPOS uint8

// The 17 universal part-of-speech tags, after NoUPOS.
const (
	NoUPOS UPOS = iota
	ADJ
	ADP
	ADV
	AUX
	CCONJ
	DET
	INTJ
	NOUN
	NUM
	PART
	PRON
	PROPN
	PUNCT
	SCONJ
	SYM
	VERB
	X
	NumUPOS // number of values, NoUPOS included
)

var uposNames = [NumUPOS]string{"_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET",
	"INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

// String returns the tag's name, "_" for NoUPOS.
func (u UPOS) String() string {
	if u < NumUPOS {
		return uposNames[u]
	}
	return "_"
}

// ParseUPOS returns the tag with the given name, and false when the name is
// not a universal tag ("_" gives NoUPOS and true).
func ParseUPOS(name string) (UPOS, bool) {
	for i, n := range uposNames {
		if n == name {
			return UPOS(i), true
		}
	}
	return NoUPOS, false
}
