package postag

import (
	"testing"

	"farabi/internal/ud"
)

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

func TestJoiningDash(t *testing.T) {
	// "Kazakh–Chinese talks – today": the first dash joins, the second
	// stands between spaces
	text := "Kazakh–Chinese talks – today"
	s := &ud.Sentence{Text: text}
	for _, w := range []struct {
		form string
		a, b int
	}{{"Kazakh", 0, 6}, {"–", 6, 9}, {"Chinese", 9, 16}, {"talks", 17, 22}, {"–", 23, 26}, {"today", 27, 32}} {
		s.Tokens = append(s.Tokens, ud.Token{Form: w.form, Span: ud.Span{Start: w.a, End: w.b}})
	}
	if got := joiningDash(s, 1, "–"); got != "-" {
		t.Errorf("joining dash read as %q, want -", got)
	}
	if got := joiningDash(s, 4, "–"); got != "–" {
		t.Errorf("spaced dash read as %q, want –", got)
	}
}

func TestPossessiveWill(t *testing.T) {
	for _, w := range []string{"'s", "'", "’", "his", "their", "its"} {
		if !possessive(w) {
			t.Errorf("possessive(%q) = false", w)
		}
	}
	for _, w := range []string{"", "he", "they", "it", "s", "who", "that"} {
		if possessive(w) {
			t.Errorf("possessive(%q) = true", w)
		}
	}
}
