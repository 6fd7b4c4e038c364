package udeval_test

import (
	"os"
	"path/filepath"
	"testing"

	"farabi/internal/segment"
	"farabi/internal/ud"
	"farabi/internal/udeval"
)

func sharedDir() string {
	if d := os.Getenv("FARABI_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared")
}

// TestRawTextFloors scores segmentation and tokenization of EWT dev from raw
// text against recorded floors.
func TestRawTextFloors(t *testing.T) {
	path := filepath.Join(sharedDir(), "ud", "en_ewt", "en_ewt-ud-dev.conllu")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("UD English EWT not found (%v): set FARABI_SHARED to the shared corpora", err)
	}
	defer f.Close()
	gold, err := ud.ReadAll(f, path)
	if err != nil {
		t.Fatal(err)
	}
	text, gold := udeval.Document(gold)
	sys := segment.New().Sentences(text)
	r := udeval.Compare(gold, sys)
	t.Logf("tokens F1 %.2f, sentences F1 %.2f, words F1 %.2f", r.Tokens.F1(), r.Sentences.F1(), r.Words.F1())
	if os.Getenv("FARABI_DUMP") != "" {
		dump(t, gold, sys, text)
	}
	for _, c := range []struct {
		name  string
		got   float64
		floor float64
	}{{"tokens", r.Tokens.F1(), 90}, {"sentences", r.Sentences.F1(), 50}} {
		if c.got < c.floor {
			t.Errorf("%s F1 %.2f below floor %.2f", c.name, c.got, c.floor)
		}
	}
}
