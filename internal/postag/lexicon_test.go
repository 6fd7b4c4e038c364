package postag

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"farabi/models"
)

const lexText = `# a comment
go	vV
trade	nvNV
troop	nvN
went	v=go
paris	npN
impose	vV
official	naNA
big	aA
good	naNA
better	a=good
bigger	a=big
stop	nvNV
`

func TestLexiconAnalyze(t *testing.T) {
	lx, err := ReadLexicon(strings.NewReader(lexText), "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		form         string
		tags, common uint32
	}{
		{"traded", tgVBD, tgVBD},
		{"trades", tgNNS | tgVBZ, tgNNS | tgVBZ},
		{"troops", tgNNS | tgVBZ, tgNNS},
		{"went", tgVBD, tgVBD},
		{"paris", tgNNP, tgNNP},
		{"parises", 0, 0},
		{"imposed", tgVBD, tgVBD},
		{"stopped", tgVBD, tgVBD},
		{"stopping", tgVBG, tgVBG},
		{"bigger", tgJJR, tgJJR},
		{"better", tgJJR, tgJJR},
		{"unknownish", 0, 0},
		{"", 0, 0},
	} {
		tags, common := lx.analyze([]byte(tc.form), new(lexBuf))
		if tags != tc.tags || common != tc.common {
			t.Errorf("%q: tags %b common %b, want %b %b", tc.form, tags, common, tc.tags, tc.common)
		}
	}
	for _, tc := range []struct {
		form, xpos, want string
	}{
		{"traded", "VBD", "trade"}, {"traded", "VBN", "trade"}, {"went", "VBD", "go"},
		{"troops", "NNS", "troop"}, {"trade", "NN", "trade"}, {"stopped", "VBD", "stop"},
		{"better", "JJR", "good"}, {"imposing", "VBG", "impose"}, {"imposes", "VBZ", "impose"},
	} {
		got, ok := lx.lemma([]byte(tc.form), tagOfXPOS(tc.xpos), tc.form, new(lexBuf))
		if !ok || got != tc.want {
			t.Errorf("lemma of %s/%s = %q, %v; want %q", tc.form, tc.xpos, got, ok, tc.want)
		}
	}
	if _, ok := lx.lemma([]byte("traded"), tgNNS, "", new(lexBuf)); ok {
		t.Errorf("traded has a plural noun lemma")
	}
}

func TestLexiconRoundTrip(t *testing.T) {
	lx, err := ReadLexicon(strings.NewReader(lexText), "test")
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if _, err := lx.WriteWithHeader(&a, []string{"header", ""}); err != nil {
		t.Fatal(err)
	}
	lx2, err := ReadLexicon(bytes.NewReader(a.Bytes()), "written")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lx2.WriteWithHeader(&b, []string{"header", ""}); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("lexicon changed on a round trip:\n%s\n----\n%s", a.String(), b.String())
	}
	if !strings.HasPrefix(a.String(), "# header\n#\nbetter\ta=good\nbig\taA\n") {
		t.Errorf("unexpected start:\n%s", a.String())
	}
}

func TestReadLexiconErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Trade\tn\n", "test:1: want a lower-case word"},
		{"trade n\n", "test:1: want a lower-case word"},
		{"# c\ntrade\tnq\n", "test:2: unknown class letter 'q'"},
		{"went\tx=go\n", "test:1: bad inflection"},
		{"went\tv=\n", "test:1: bad inflection"},
		{"go\tv\ngo\tn\n", "test:2: \"go\" listed twice"},
		{"\tn\n", "test:1: want a lower-case word"},
		{strings.Repeat("x", 70000) + "\tn\n", "test:1: bufio.Scanner: token too long"},
	} {
		_, err := ReadLexicon(strings.NewReader(tc.text), "test")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%.20q: error %v, want %q", tc.text, err, tc.want)
		}
	}
}

// TestCommittedLexicon reads models/lexicon.txt and checks the tagger
// model carries the same lexicon.
func TestCommittedLexicon(t *testing.T) {
	data, err := os.ReadFile("../../models/lexicon.txt")
	if err != nil {
		t.Fatal(err)
	}
	lx, err := ReadLexicon(bytes.NewReader(data), "models/lexicon.txt")
	if err != nil {
		t.Fatal(err)
	}
	words, forms := lx.Len()
	if words < 80000 || forms < 5000 {
		t.Errorf("lexicon has %d words and %d forms, want more", words, forms)
	}
	tg, err := Load(models.FS, "tagger.model")
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	lx.WriteTo(&a)
	tg.Lexicon().WriteTo(&b)
	if a.String() != b.String() {
		t.Errorf("the tagger model's lexicon is not models/lexicon.txt: retrain the tagger (models/MANIFEST-tagger.md)")
	}
}

func FuzzReadLexicon(f *testing.F) {
	f.Add(lexText)
	f.Add("a\tn v=b\n")
	f.Add("\xff\tn\n")
	f.Fuzz(func(t *testing.T, text string) {
		lx, err := ReadLexicon(strings.NewReader(text), "fuzz")
		if err != nil {
			return
		}
		var a bytes.Buffer
		if _, err := lx.WriteTo(&a); err != nil {
			t.Fatal(err)
		}
		lx2, err := ReadLexicon(bytes.NewReader(a.Bytes()), "again")
		if err != nil {
			t.Fatalf("written lexicon does not read back: %v\n%s", err, a.String())
		}
		var b bytes.Buffer
		lx2.WriteTo(&b)
		if a.String() != b.String() {
			t.Fatalf("round trip changed the lexicon")
		}
		for w := range lx.words {
			lx.analyze([]byte(w+"s"), new(lexBuf))
			lx.lemma([]byte(w+"ed"), tgVBD, "", new(lexBuf))
		}
	})
}

func TestIsHeadlineSmall(t *testing.T) {
	for _, w := range []string{"To", "TO", "to", "The", "Their", "THEİR", "İn", "Into", "Tokyo", "", "A", "Ukraine", "AMİD", "ÜBER", "Towards-And-Beyond-The-Sea"} {
		if got, want := isHeadlineSmall(w), headlineSmall[strings.ToLower(w)]; got != want {
			t.Errorf("isHeadlineSmall(%q) = %v, want %v", w, got, want)
		}
	}
}
