package segment_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"farabi/internal/segment"
	"farabi/internal/txtar"
	"farabi/internal/ud"
)

var update = flag.Bool("update", false, "rewrite golden files")

// render shows one sentence a line, words separated by spaces, and each
// multi-word token as SURFACE=word+word.
func render(sents []*ud.Sentence) string {
	var b strings.Builder
	for _, s := range sents {
		mi := 0
		for i := 0; i < len(s.Tokens); i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			if mi < len(s.MultiWords) && s.MultiWords[mi].First == i {
				m := s.MultiWords[mi]
				b.WriteString(m.Form + "=")
				for k := m.First; k <= m.Last; k++ {
					if k > m.First {
						b.WriteByte('+')
					}
					b.WriteString(s.Tokens[k].Form)
				}
				i = m.Last
				mi++
				continue
			}
			b.WriteString(s.Tokens[i].Form)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	sp := segment.New()
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in, ok := a.Get("input.txt")
			if !ok {
				t.Fatalf("%s: no input.txt", file)
			}
			got := render(sp.Sentences(string(in)))
			want, _ := a.Get("sentences.golden")
			if *update {
				a.Set("sentences.golden", []byte(got))
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != string(want) {
				t.Errorf("%s mismatch; run go test -update and review the diff\ngot:\n%s\nwant:\n%s", file, got, want)
			}
		})
	}
}

// TestSeed checks that the seed article splits into the sentences a careful
// reader sees. The golden file holds offsets only, not the article's text.
func TestSeed(t *testing.T) {
	dir := os.Getenv("FARABI_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "seed", "*.txt"))
	if len(files) == 0 {
		t.Skipf("no seed article in %s/seed: set FARABI_SHARED to the shared corpora", dir)
	}
	text, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, s := range segment.New().Split(string(text)) {
		fmt.Fprintf(&b, "%d:%d\n", s.Start, s.End)
	}
	golden := filepath.Join("testdata", "seed.spans")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("seed sentence spans changed; run go test -update and review\ngot:\n%s", b.String())
	}
}

func checkSpans(t *testing.T, text string, sents []*ud.Sentence) {
	prevEnd := 0
	for _, s := range sents {
		if s.Span.Start < prevEnd || s.Span.End > len(text) || s.Span.Start >= s.Span.End {
			t.Fatalf("sentence span %v out of order or bounds (prev end %d, len %d)", s.Span, prevEnd, len(text))
		}
		if s.Text != text[s.Span.Start:s.Span.End] {
			t.Fatalf("sentence Text differs from its span %v", s.Span)
		}
		prevEnd = s.Span.End
		wEnd := s.Span.Start
		for _, tok := range s.Tokens {
			sp := tok.Span
			if sp.Start < wEnd || sp.End > s.Span.End || sp.Start >= sp.End {
				t.Fatalf("token %q span %v out of order or bounds in sentence %v", tok.Form, sp, s.Span)
			}
			if tok.Form != text[sp.Start:sp.End] {
				t.Fatalf("Form %q != text[%d:%d] %q", tok.Form, sp.Start, sp.End, text[sp.Start:sp.End])
			}
			wEnd = sp.End
		}
		for _, m := range s.MultiWords {
			if m.First < 0 || m.Last >= len(s.Tokens) || m.First >= m.Last {
				t.Fatalf("multi-word token %q has bad word range %d-%d", m.Form, m.First, m.Last)
			}
			if m.Span.Start != s.Tokens[m.First].Span.Start || m.Span.End != s.Tokens[m.Last].Span.End {
				t.Fatalf("multi-word token %q span %v does not cover its words", m.Form, m.Span)
			}
		}
	}
}

func FuzzSentences(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	for _, file := range files {
		a, _ := txtar.ParseFile(file)
		if in, ok := a.Get("input.txt"); ok {
			f.Add(string(in))
		}
	}
	f.Add("a\x00b \xff\xfe U.S.. ...“”'s n't -- --- ’")
	sp := segment.New()
	f.Fuzz(func(t *testing.T, text string) {
		sents := sp.Sentences(text)
		checkSpans(t, text, sents)
		if utf8.ValidString(text) {
			for _, s := range sents {
				if !utf8.ValidString(s.Text) {
					t.Fatalf("sentence %q is not valid UTF-8", s.Text)
				}
			}
		}
	})
}

func TestBadInput(t *testing.T) {
	sp := segment.New()
	for _, text := range []string{"", " \n\n\t", "\x00\x00", "\xff\xfe\xfd", strings.Repeat("a", 1<<20), strings.Repeat("word. ", 100000)} {
		checkSpans(t, text, sp.Sentences(text))
	}
}

func BenchmarkSentences(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("testdata", "news.txt"))
	if err != nil {
		b.Fatal(err)
	}
	sp := segment.New()
	b.SetBytes(int64(len(text)))
	sents, toks := 0, 0
	for b.Loop() {
		for _, s := range sp.Sentences(string(text)) {
			sents++
			toks += len(s.Tokens)
		}
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(toks)/b.Elapsed().Seconds(), "tokens/s")
}

func ExampleSplitter_Split() {
	text := "ASTANA – Kazakhstan’s President met Gen. Ivanov. Talks went well."
	for _, s := range segment.New().Split(text) {
		fmt.Println(text[s.Start:s.End])
	}
	// Output:
	// ASTANA –
	// Kazakhstan’s President met Gen. Ivanov.
	// Talks went well.
}

func TestLongInput(t *testing.T) {
	sp := segment.New()
	words := strings.Repeat("Kazakhstan didn't sign the deal with China and Russia ", 30000)
	sents := sp.Sentences(words)
	checkSpans(t, words, sents)
	for _, s := range sents {
		if len(s.Tokens) > segment.MaxWords+2 {
			t.Fatalf("sentence of %d words, over the limit of %d", len(s.Tokens), segment.MaxWords)
		}
	}
	// Blocks and SentencesIn give the same sentences as Sentences.
	var n int
	for _, b := range sp.Blocks(words) {
		n += len(sp.SentencesIn(words, b))
	}
	if n != len(sents) {
		t.Errorf("blocks give %d sentences, Sentences %d", n, len(sents))
	}
}
