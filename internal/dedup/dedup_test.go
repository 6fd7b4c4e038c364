package dedup

import (
	"fmt"
	"strings"
	"testing"
)

const text = "ASTANA – The foreign ministers of Kazakhstan and Japan met in Astana on Thursday and agreed to expand trade, the ministry said."

func TestSign(t *testing.T) {
	a, b := Sign(text), Sign(strings.ToUpper(text)+"  ")
	if Similarity(&a, &b) != 1 {
		t.Errorf("case and spacing changed the signature: %.3f", Similarity(&a, &b))
	}
	c := Sign("Talks between Uzbekistan and Kyrgyzstan ended without agreement on water use in the Fergana valley.")
	if s := Similarity(&a, &c); s > 0.1 {
		t.Errorf("unrelated texts: similarity %.3f", s)
	}
	empty := Sign(" \n ")
	if Similarity(&empty, &empty) != 0 || len(empty.Bands()) != 0 {
		t.Error("an empty text is similar to something or has band keys")
	}
	short := Sign("Kazakh ministers")
	if Similarity(&short, &short) != 1 || len(short.Bands()) != Bands {
		t.Error("a two-word text has no usable signature")
	}
	got, err := Decode(a.Bytes())
	if err != nil || got != a {
		t.Errorf("Decode(Bytes()) = %v, %v", got == a, err)
	}
	if _, err := Decode([]byte{1, 2, 3}); err != ErrSignature {
		t.Errorf("Decode of 3 bytes: %v", err)
	}
}

// TestStable pins the band keys of a text: stored keys must stay valid
// across versions of Go and of farabi. Change the parameters only with a
// migration that recomputes them.
func TestStable(t *testing.T) {
	sig := Sign(text)
	keys := sig.Bands()
	got := fmt.Sprintf("%016x %016x %016x", keys[0], keys[1], keys[31])
	const want = "ee759781b7d21dba 40b9af79a5b2cb74 86cf6b105affc7f3"
	if got != want {
		t.Errorf("band keys changed: %s, want %s", got, want)
	}
}

func TestWords(t *testing.T) {
	got := strings.Join(Words("Kazakhstan's “new” 2025 plan—ÉTÉ, ok."), "|")
	if want := "kazakhstans|new|2025|plan|été|ok"; got != want {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func FuzzSign(f *testing.F) {
	f.Add(text)
	f.Add("")
	f.Add("\xff\xfe a b")
	f.Fuzz(func(t *testing.T, s string) {
		sig := Sign(s)
		keys := sig.Bands()
		if len(Words(s)) == 0 {
			if len(keys) != 0 {
				t.Fatal("keys for a text without words")
			}
			return
		}
		if len(keys) != Bands || Similarity(&sig, &sig) != 1 {
			t.Fatalf("%d keys, self-similarity %.3f", len(keys), Similarity(&sig, &sig))
		}
	})
}

func BenchmarkSign(b *testing.B) {
	story := strings.Repeat(text+" ", 40) // about 800 words
	b.SetBytes(int64(len(story)))
	for b.Loop() {
		Sign(story)
	}
}

func ExampleSimilarity() {
	wire := Sign("ASTANA – Kazakhstan and Japan agreed on Thursday to expand trade and transport links, the Kazakh Foreign Ministry said.")
	copy := Sign("Kazakhstan and Japan agreed on Thursday to expand trade and transport links, the Kazakh Foreign Ministry said. Read more on our site.")
	other := Sign("Uzbekistan and Kyrgyzstan signed an agreement on water use in the Fergana valley on Friday.")
	fmt.Println(Duplicate(&wire, &copy), Duplicate(&wire, &other))
	// Output: true false
}
