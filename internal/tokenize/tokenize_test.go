package tokenize_test

import (
	"fmt"
	"strings"
	"testing"

	"farabi/internal/tokenize"
	"farabi/internal/ud"
)

func words(s *ud.Sentence) string {
	var f []string
	for _, t := range s.Tokens {
		f = append(f, t.Form)
	}
	return strings.Join(f, " ")
}

func TestSentence(t *testing.T) {
	tok := tokenize.New()
	for _, tc := range []struct {
		name, in, want string
		multi          int
	}{
		{"possessive curly", "Kazakhstan’s president", "Kazakhstan ’s president", 1},
		{"possessive plural", "the countries' leaders", "the countries ' leaders", 1},
		{"negation", "they didn't go", "they did n't go", 1},
		{"cannot", "we cannot", "we can not", 1},
		{"amount", "$3.29 bn, 3,290 and 20%", "$ 3.29 bn , 3,290 and 20 %", 0},
		{"unit", "€12.4bn", "€ 12.4 bn", 0},
		{"range", "May 29-30", "May 29 - 30", 0},
		{"hyphenated name", "Kassym-Jomart", "Kassym - Jomart", 0},
		{"kept prefix", "co-chair e-mail", "co-chair e-mail", 0},
		{"prefix inside a name", "Tehreek-e-Taliban and Jaish-e-Mohammed, ex-President, amendment/anti-gay", "Tehreek - e - Taliban and Jaish - e - Mohammed , ex-President , amendment / anti-gay", 0},
		{"initials", "J. R. Smith", "J. R. Smith", 0},
		{"quotation run into the next sentence", "on Wednesday.\"He added", "on Wednesday . \" He added", 0},
		{"closed term run into the next sentence", "was “fine”.Then", "was “ fine ” . Then", 0},
		{"abbreviation is no quotation join", "the U.S.Army", "the U.S.Army", 0},
		{"abbreviation", "the U.S. and Gen. Lee", "the U.S. and Gen. Lee", 0},
		{"final period", "it ended.", "it ended .", 0},
		{"url", "see https://example.com/a?b=c.", "see https://example.com/a?b=c .", 0},
		{"email", "write to press@mfa.kz,", "write to press@mfa.kz ,", 0},
		{"quotes", "«no» “yes” ‘maybe’", "« no » “ yes ” ‘ maybe ’", 0},
		{"ellipsis", "wait... and…", "wait ... and …", 0},
		{"cyrillic", "Токаев, Plenković.", "Токаев , Plenković .", 0},
		{"dash", "ASTANA – The", "ASTANA – The", 0},
		{"double dash", "(Xinhua) --", "( Xinhua ) --", 0},
		{"em dash between words", "talks—and more", "talks — and more", 0},
		{"currency range", "£3,000-£5,000", "£ 3,000 - £ 5,000", 0},
		{"phone", "call 713-853-3989", "call 713-853-3989", 0},
		{"date", "on 11/28/2000", "on 11/28/2000", 0},
		{"zero width space", "00000000\u200b0", "00000000 0", 0},
		{"byte order mark", "\ufeffAstana\ufeffsaid", "Astana said", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tok.Sentence(tc.in, ud.Span{Start: 0, End: len(tc.in)})
			if got := words(s); got != tc.want {
				t.Errorf("Sentence(%q) words = %q, want %q", tc.in, got, tc.want)
			}
			if len(s.MultiWords) != tc.multi {
				t.Errorf("Sentence(%q) has %d multi-word tokens, want %d", tc.in, len(s.MultiWords), tc.multi)
			}
		})
	}
}

func FuzzSentence(f *testing.F) {
	for _, s := range []string{"Kazakhstan’s didn't $3.29bn 20% May 29-30", "U.S.. ...“”'s n't", "\xff\x00 a-b/c --",
		"00000000\u200b0", "a\ufeffb"} {
		f.Add(s)
	}
	tok := tokenize.New()
	f.Fuzz(func(t *testing.T, text string) {
		s := tok.Sentence(text, ud.Span{Start: 0, End: len(text)})
		end := 0
		for _, w := range s.Tokens {
			if w.Span.Start < end || w.Span.End > len(text) || w.Span.Start >= w.Span.End {
				t.Fatalf("word %q span %v out of order or bounds", w.Form, w.Span)
			}
			if w.Form != text[w.Span.Start:w.Span.End] {
				t.Fatalf("Form %q != text[span] %q", w.Form, text[w.Span.Start:w.Span.End])
			}
			end = w.Span.End
		}
		// Only white space, as the tokenizer defines it, lies between words.
		for i, w := range s.Tokens {
			if i > 0 && strings.TrimFunc(text[s.Tokens[i-1].Span.End:w.Span.Start], tokenize.IsSpace) != "" {
				t.Fatalf("text %q skipped between words", text[s.Tokens[i-1].Span.End:w.Span.Start])
			}
		}
	})
}

func ExampleTokenizer_Sentence() {
	text := "Kazakhstan’s envoy didn't sign."
	s := tokenize.New().Sentence(text, ud.Span{Start: 0, End: len(text)})
	for _, t := range s.Tokens {
		fmt.Printf("%s %d:%d\n", t.Form, t.Span.Start, t.Span.End)
	}
	// Output:
	// Kazakhstan 0:10
	// ’s 10:14
	// envoy 15:20
	// did 21:24
	// n't 24:27
	// sign 28:32
	// . 32:33
}

// TestPathological checks that long runs of one character take linear time.
func TestPathological(t *testing.T) {
	tok := tokenize.New()
	for _, c := range []string{"'", "(", ")", ".", "-", "a-", "’", "...a", "!?", "x'"} {
		text := strings.Repeat(c, 200000)
		s := tok.Sentence(text, ud.Span{Start: 0, End: len(text)})
		if len(s.Tokens) == 0 {
			t.Errorf("%q×200000: no words", c)
		}
	}
}
