package postag

import "testing"

func TestPlainApostrophe(t *testing.T) {
	for in, want := range map[string]string{
		"’s": "'s", "n’t": "n't", "’re": "'re", "’d": "'d", "’ll": "'ll",
		"’": "’", "it’s": "it’s", "'s": "'s", "Russia": "Russia", "": "",
	} {
		if got := plainApostrophe(in); got != want {
			t.Errorf("plainApostrophe(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsRoman(t *testing.T) {
	for _, w := range []string{"I", "II", "III", "IV", "V", "IX", "XIV", "XXI", "XXXIX"} {
		if !isRoman(w) {
			t.Errorf("isRoman(%q) = false", w)
		}
	}
	for _, w := range []string{"", "X", "IIII", "VV", "IL", "XXXX", "ii", "UN", "IVX", "Iv"} {
		if isRoman(w) {
			t.Errorf("isRoman(%q) = true", w)
		}
	}
}
