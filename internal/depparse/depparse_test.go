package depparse

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"farabi/internal/newsgen"
	"farabi/internal/postag"
	"farabi/internal/segment"
	"farabi/internal/ud"
	"farabi/models"
)

// Floors for the committed model on EWT dev with gold tags, a little under
// what was measured (docs/parser.md). Raising them is welcome; lowering
// them is a reviewed decision.
const (
	floorUAS = 86.5
	floorLAS = 84.2
	// With the tags of the committed tagger, models/tagger.model.
	floorPredUAS = 83.5
	floorPredLAS = 79.8
)

// sharedDir returns FARABI_SHARED, or ../shared relative to the repository
// root.
func sharedDir(t testing.TB) string {
	if d := os.Getenv("FARABI_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "../shared"
		}
		dir = parent
	}
}

// readEWT reads one split of UD English EWT, skipping the test when the
// shared corpora are absent.
func readEWT(t testing.TB, split string) []*ud.Sentence {
	name := filepath.Join(sharedDir(t), "ud", "en_ewt", "en_ewt-ud-"+split+".conllu")
	f, err := os.Open(name)
	if err != nil {
		t.Skipf("UD English EWT not found (set FARABI_SHARED to the shared corpora): %v", err)
	}
	defer f.Close()
	sents, err := ud.ReadAll(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

func readTiny(t testing.TB) []*ud.Sentence {
	f, err := os.Open("testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := ud.ReadAll(f, "testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// committed loads models/parser.model.
func committed(t testing.TB) *Parser {
	f, err := models.FS.Open("parser.model")
	if err != nil {
		t.Fatalf("models/parser.model: %v", err)
	}
	defer f.Close()
	p, err := Read(f)
	if err != nil {
		t.Fatalf("models/parser.model: %v", err)
	}
	return p
}

func tinyParser(t testing.TB, seed int64) *Parser {
	p, err := Train(readTiny(t), nil, TrainOptions{Seed: seed, Epochs: 3})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// checkTree reports why the heads and relations of s do not form a tree
// with a single root, or nil.
func checkTree(s *ud.Sentence) error {
	n := len(s.Tokens)
	roots := 0
	for i, tok := range s.Tokens {
		if tok.Head < 0 || tok.Head > n || tok.Head == i+1 {
			return fmt.Errorf("word %d: head %d", i+1, tok.Head)
		}
		if tok.Rel == "" {
			return fmt.Errorf("word %d: no relation", i+1)
		}
		if (tok.Head == 0) != (tok.Rel == "root") {
			return fmt.Errorf("word %d: head %d with relation %q", i+1, tok.Head, tok.Rel)
		}
		if tok.Head == 0 {
			roots++
		}
	}
	if n > 0 && roots != 1 {
		return fmt.Errorf("%d roots", roots)
	}
	for i := range s.Tokens {
		j := i + 1
		for steps := 0; j != 0; steps++ {
			if steps > n {
				return fmt.Errorf("word %d: cycle", i+1)
			}
			j = s.Tokens[j-1].Head
		}
	}
	return nil
}

func TestAccuracyEWTDev(t *testing.T) {
	dev := readEWT(t, "dev")
	p := committed(t)
	got := Evaluate(p, dev)
	t.Logf("EWT dev, gold tags: UAS %.2f LAS %.2f (%d words)", got.UAS, got.LAS, got.Words)
	if got.UAS < floorUAS || got.LAS < floorLAS {
		t.Errorf("EWT dev UAS %.2f LAS %.2f, want at least %.2f %.2f", got.UAS, got.LAS, floorUAS, floorLAS)
	}
}

func TestAccuracyEWTDevPredictedTags(t *testing.T) {
	dev := readEWT(t, "dev")
	p := committed(t)
	f, err := models.FS.Open("tagger.model")
	if err != nil {
		t.Skipf("no committed tagger: %v", err)
	}
	defer f.Close()
	tg, err := postag.Read(f)
	if err != nil {
		t.Fatalf("models/tagger.model: %v", err)
	}
	for _, s := range dev {
		for i := range s.Tokens {
			s.Tokens[i].UPOS, s.Tokens[i].XPOS, s.Tokens[i].Lemma = ud.NoUPOS, "", ""
		}
		tg.Tag(s)
	}
	got := Evaluate(p, dev)
	t.Logf("EWT dev, predicted tags: UAS %.2f LAS %.2f (%d words)", got.UAS, got.LAS, got.Words)
	if got.UAS < floorPredUAS || got.LAS < floorPredLAS {
		t.Errorf("EWT dev with predicted tags UAS %.2f LAS %.2f, want at least %.2f %.2f", got.UAS, got.LAS, floorPredUAS, floorPredLAS)
	}
}

func TestTrainDeterministic(t *testing.T) {
	var models [2]bytes.Buffer
	for i := range models {
		if _, err := tinyParser(t, 7).WriteTo(&models[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(models[0].Bytes(), models[1].Bytes()) {
		t.Errorf("two trainings with seed 7 differ: %d and %d bytes", models[0].Len(), models[1].Len())
	}
}

func TestTrainRunsDeterministic(t *testing.T) {
	var models [2]bytes.Buffer
	for i := range models {
		p, err := Train(readTiny(t), nil, TrainOptions{Seed: 7, Epochs: 3, Runs: 3})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.WriteTo(&models[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(models[0].Bytes(), models[1].Bytes()) {
		t.Errorf("two averaged trainings with seed 7 differ: %d and %d bytes", models[0].Len(), models[1].Len())
	}
}

func TestTrainEmpty(t *testing.T) {
	if _, err := Train(nil, nil, TrainOptions{}); !errors.Is(err, ErrNoTrees) {
		t.Errorf("Train(nil) error = %v, want ErrNoTrees", err)
	}
}

func TestTrainOddLabels(t *testing.T) {
	sents := readTiny(t)
	sents[0].Tokens[0].Rel = strings.Repeat("x", 300)
	sents[1].Tokens[0].Rel = "\xff"
	p, err := Train(sents, nil, TrainOptions{Seed: 1, Epochs: 2})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := p.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(&b); err != nil {
		t.Errorf("Read of a model trained on odd relations: %v", err)
	}
}

func TestTinyFits(t *testing.T) {
	sents := readTiny(t)
	p, err := Train(sents, nil, TrainOptions{Seed: 1, Epochs: 10})
	if err != nil {
		t.Fatal(err)
	}
	got := Evaluate(p, sents)
	if got.UAS < 90 || got.LAS < 80 {
		t.Errorf("tiny treebank, its own training data: UAS %.2f LAS %.2f, want at least 90 and 80", got.UAS, got.LAS)
	}
}

func TestRoundTrip(t *testing.T) {
	p := tinyParser(t, 1)
	var first bytes.Buffer
	n, err := p.WriteTo(&first)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(first.Len()) {
		t.Errorf("WriteTo returned %d, wrote %d bytes", n, first.Len())
	}
	q, err := Read(bytes.NewReader(first.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var second bytes.Buffer
	if _, err := q.WriteTo(&second); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Error("model written after Read differs from the model read")
	}
	for _, s := range readTiny(t) {
		a, b := cloneUntagged(s, false), cloneUntagged(s, false)
		p.Parse(a)
		q.Parse(b)
		for i := range a.Tokens {
			if a.Tokens[i].Head != b.Tokens[i].Head || a.Tokens[i].Rel != b.Tokens[i].Rel {
				t.Errorf("%s word %d: parsed %d %s before writing, %d %s after", s.ID, i+1,
					a.Tokens[i].Head, a.Tokens[i].Rel, b.Tokens[i].Head, b.Tokens[i].Rel)
			}
		}
	}
}

func TestReadErrors(t *testing.T) {
	var model bytes.Buffer
	if _, err := tinyParser(t, 1).WriteTo(&model); err != nil {
		t.Fatal(err)
	}
	good := model.Bytes()
	flip := func(off int) []byte {
		b := bytes.Clone(good)
		b[off] ^= 0x40
		return b
	}
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ErrMagic},
		{"gob", []byte("\x0e\xff\x81\x03\x01\x01\x06Parser"), ErrMagic},
		{"version", flip(len(magic)), ErrVersion},
		{"features", flip(len(magic) + 4), ErrFeatures},
		{"checksum", flip(len(good) / 2), ErrChecksum},
		{"truncated", good[:len(good)-9], ErrChecksum},
		{"short", good[:len(magic)+9], ErrCorrupt},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(tc.in))
			var fe *FormatError
			if !errors.Is(err, tc.want) || !errors.As(err, &fe) {
				t.Errorf("Read error = %v, want a *FormatError wrapping %v", err, tc.want)
			}
		})
	}
}

// cloneUntagged copies s without its heads and relations, and also without
// its tags when untag is set.
func cloneUntagged(s *ud.Sentence, untag bool) *ud.Sentence {
	c := &ud.Sentence{Tokens: append([]ud.Token(nil), s.Tokens...)}
	for i := range c.Tokens {
		c.Tokens[i].Head, c.Tokens[i].Rel = -1, ""
		if untag {
			c.Tokens[i].UPOS, c.Tokens[i].XPOS, c.Tokens[i].Lemma = ud.NoUPOS, "", ""
		}
	}
	return c
}

func TestParseOddInput(t *testing.T) {
	p := tinyParser(t, 1)
	long := &ud.Sentence{}
	for i := range 5000 {
		long.Tokens = append(long.Tokens, ud.Token{Form: fmt.Sprint("w", i%37), UPOS: ud.UPOS(i % int(ud.NumUPOS))})
	}
	tests := []struct {
		name string
		s    *ud.Sentence
	}{
		{"empty", &ud.Sentence{}},
		{"one word", &ud.Sentence{Tokens: []ud.Token{{Form: "Yes"}}}},
		{"untagged", cloneUntagged(readTiny(t)[2], true)},
		{"bad tags", &ud.Sentence{Tokens: []ud.Token{{Form: "", UPOS: 200, XPOS: "\xff"}, {Form: ".", Head: 9, Rel: "x"}}}},
		{"all punctuation", &ud.Sentence{Tokens: []ud.Token{{Form: ".", UPOS: ud.PUNCT}, {Form: ",", UPOS: ud.PUNCT}, {Form: "!", UPOS: ud.PUNCT}}}},
		{"5000 words", long},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p.Parse(tc.s)
			if err := checkTree(tc.s); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestParseConcurrent(t *testing.T) {
	p := tinyParser(t, 1)
	sents := readTiny(t)
	want := make([]*ud.Sentence, len(sents))
	for i, s := range sents {
		want[i] = cloneUntagged(s, false)
		p.Parse(want[i])
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4*len(sents))
	for range 4 {
		wg.Go(func() {
			for i, s := range sents {
				got := cloneUntagged(s, false)
				p.Parse(got)
				for j := range got.Tokens {
					if got.Tokens[j] != want[i].Tokens[j] {
						errs <- fmt.Errorf("%s word %d: %+v, want %+v", s.ID, j+1, got.Tokens[j], want[i].Tokens[j])
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func FuzzRead(f *testing.F) {
	var model bytes.Buffer
	if _, err := tinyParser(f, 1).WriteTo(&model); err != nil {
		f.Fatal(err)
	}
	f.Add(model.Bytes())
	f.Add(model.Bytes()[:100])
	f.Add([]byte(magic))
	f.Add([]byte{})
	probe := readTiny(f)[0]
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		s := cloneUntagged(probe, false)
		p.Parse(s)
		if err := checkTree(s); err != nil {
			t.Error(err)
		}
	})
}

func FuzzParse(f *testing.F) {
	p := tinyParser(f, 1)
	f.Add("The minister visited Astana .", []byte{6, 8, 16, 12, 13})
	f.Add("", []byte{})
	f.Add("a", []byte{255})
	f.Fuzz(func(t *testing.T, text string, tags []byte) {
		s := &ud.Sentence{}
		for i, w := range bytes.Fields([]byte(text)) {
			tok := ud.Token{Form: string(w), Head: -1}
			if i < len(tags) {
				tok.UPOS = ud.UPOS(tags[i] % 20)
				tok.XPOS = string(rune('A' + tags[i]%7))
			}
			s.Tokens = append(s.Tokens, tok)
		}
		p.Parse(s)
		if err := checkTree(s); err != nil {
			t.Errorf("%q: %v", text, err)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	dev := readEWT(b, "dev")
	p := committed(b)
	sents := make([]*ud.Sentence, len(dev))
	for i, s := range dev {
		sents[i] = cloneUntagged(s, false)
	}
	var words, n int
	for b.Loop() {
		for _, s := range sents {
			p.Parse(s)
			words += len(s.Tokens)
		}
		n += len(sents)
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkTagParse runs the committed tagger and parser together on the
// forms of EWT dev.
func BenchmarkTagParse(b *testing.B) {
	dev := readEWT(b, "dev")
	p := committed(b)
	tg, err := postag.Load(models.FS, "tagger.model")
	if err != nil {
		b.Fatal(err)
	}
	sents := make([]*ud.Sentence, len(dev))
	for i, s := range dev {
		sents[i] = cloneUntagged(s, true)
	}
	benchTagParse(b, tg, p, sents)
}

// benchTagParse tags and parses sents over and over, reporting tokens/s and
// sentences/s.
func benchTagParse(b *testing.B, tg *postag.Tagger, p *Parser, sents []*ud.Sentence) {
	words := 0
	for _, s := range sents {
		words += len(s.Tokens)
	}
	var n, toks int
	for b.Loop() {
		for _, s := range sents {
			tg.Tag(s)
			p.Parse(s)
		}
		n += len(sents)
		toks += words
	}
	b.ReportMetric(float64(toks)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkTagParseNews runs the committed tagger and parser together on
// news-like text: 2,000 sentences of synthetic wire news (package newsgen)
// and, when the shared corpora are present, the seed article, segmented and
// tokenized as farabi does.
func BenchmarkTagParseNews(b *testing.B) {
	p := committed(b)
	tg, err := postag.Load(models.FS, "tagger.model")
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	if _, err := newsgen.Write(&sb, 2000, 1); err != nil {
		b.Fatal(err)
	}
	seeds, _ := filepath.Glob(filepath.Join(sharedDir(b), "seed", "*.txt"))
	for _, name := range seeds {
		text, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		sb.WriteString("\n\n")
		sb.Write(text)
	}
	benchTagParse(b, tg, p, segment.New().Sentences(sb.String()))
}

func BenchmarkRead(b *testing.B) {
	data, err := models.FS.ReadFile("parser.model")
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
