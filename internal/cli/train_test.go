package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestTrain trains a tagger and a parser on a six-sentence treebank through
// the CLI and checks that each writes its model and MANIFEST, and that the
// same seed gives the same bytes.
func TestTrain(t *testing.T) {
	tiny, err := os.ReadFile(filepath.Join("..", "depparse", "testdata", "tiny.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	tb := t.TempDir()
	for _, split := range []string{"train", "dev"} {
		if err := os.WriteFile(filepath.Join(tb, "tiny-ud-"+split+".conllu"), tiny, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	model := func(what, out string) []byte {
		t.Helper()
		args := []string{"train", what, "--treebank", tb, "--out", out, "--seed", "3", "--epochs", "2"}
		if what == "parser" {
			args = append(args, "--tagger", filepath.Join(out, "tagger.model"))
		} else {
			args = append(args, "--lexicon", filepath.Join("..", "..", "models", "lexicon.txt"))
		}
		code, _, errs := runCLI(t, "", args...)
		if code != 0 {
			t.Fatalf("farabi %v: exit %d: %s", args, code, errs)
		}
		data, err := os.ReadFile(filepath.Join(out, what+".model"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(out, "MANIFEST-"+what+".md")); err != nil {
			t.Errorf("no MANIFEST-%s.md: %v", what, err)
		}
		return data
	}
	a, b := t.TempDir(), t.TempDir()
	ta, tb2 := model("tagger", a), model("tagger", b)
	pa, pb := model("parser", a), model("parser", b)
	if string(ta) != string(tb2) || string(pa) != string(pb) {
		t.Error("the same seed gave different models")
	}

	// The mean of a parser and its copy is that parser.
	mixed := filepath.Join(a, "mixed.model")
	code, _, errs := runCLI(t, "", "train", "mix", "--out", mixed, "0.3:"+filepath.Join(a, "parser.model"), "0.7:"+filepath.Join(b, "parser.model"))
	if code != 0 {
		t.Fatalf("farabi train mix: exit %d: %s", code, errs)
	}
	if data, err := os.ReadFile(mixed); err != nil || string(data) != string(pa) {
		t.Errorf("the mean of a parser with itself differs from it (%v)", err)
	}
	for _, bad := range [][]string{
		{"train", "mix", filepath.Join(a, "parser.model")},
		{"train", "mix", "--out", mixed},
		{"train", "mix", "--out", mixed, filepath.Join(a, "parser.model")},
		{"train", "mix", "--out", mixed, "-1:" + filepath.Join(a, "parser.model")},
		{"train", "mix", "--out", mixed, "1:" + filepath.Join(a, "missing.model")},
		{"train", "mix", "--out", mixed, "1:" + filepath.Join(a, "tagger.model")},
	} {
		if code, _, errs := runCLI(t, "", bad...); code == 0 || errs == "" {
			t.Errorf("farabi %v: exit %d with %q, want an error", bad, code, errs)
		}
	}
}

// TestTrainLexicon derives the word lexicon from WordNet, when Debian's
// wordnet-base is installed, and the committed verb list, and checks that
// it is the committed models/lexicon.txt byte for byte.
func TestTrainLexicon(t *testing.T) {
	const wn = "/usr/share/wordnet"
	if _, err := os.Stat(filepath.Join(wn, "index.noun")); err != nil {
		t.Skipf("no WordNet 3.0 at %s (apt-get install wordnet-base): %v", wn, err)
	}
	out := filepath.Join(t.TempDir(), "lexicon.txt")
	verbs := filepath.Join("..", "..", "models", "lexicon-verbs.txt")
	code, _, errs := runCLI(t, "", "train", "lexicon", "--wordnet", wn, "--verbs", verbs, "--out", out)
	if code != 0 {
		t.Fatalf("farabi train lexicon: exit %d: %s", code, errs)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "models", "lexicon.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("farabi train lexicon does not reproduce models/lexicon.txt (%d bytes, committed %d)", len(got), len(want))
	}
}

// TestPatternVerbs checks which words of the patterns the lexicon's verb
// list takes: a part of speech after an alternation is the whole
// alternation's.
func TestPatternVerbs(t *testing.T) {
	fsys := fstest.MapFS{"verbs/a.txt": {Data: []byte(`# a comment
set C_X = a | b
114  protest|complaint|complaints/N  S=nmod:poss
141  rally|march  obj!=*  S=nsubj
0331 call+off  S=nsubj
040  meet/V  S=nsubj
051  grateful/A  S=nsubj
`)}}
	got, err := patternVerbs(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if want := "call march meet rally"; strings.Join(got, " ") != want {
		t.Errorf("pattern verbs = %q, want %q", strings.Join(got, " "), want)
	}
}

// TestTrainOptions trains a two-pass tagger on train and dev together and
// a parser on tags of two-pass jackknifed taggers, and checks that their
// MANIFESTs say so.
func TestTrainOptions(t *testing.T) {
	tiny, err := os.ReadFile(filepath.Join("..", "depparse", "testdata", "tiny.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	tb, out := t.TempDir(), t.TempDir()
	for _, split := range []string{"train", "dev"} {
		if err := os.WriteFile(filepath.Join(tb, "tiny-ud-"+split+".conllu"), tiny, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lex := filepath.Join("..", "..", "models", "lexicon.txt")
	for _, tc := range []struct {
		args []string
		what string
		want string
	}{
		{[]string{"train", "tagger", "--epochs", "2", "--second-pass", "--second-margin", "8000", "--second-epochs", "1", "--with-dev", "--lexicon", lex},
			"tagger", "Trained on train and dev together"},
		{[]string{"train", "parser", "--epochs", "1", "--jackknife-second", "8000", "--lexicon", lex},
			"parser", "(two passes, the second under a first-pass margin of 8000"},
	} {
		args := append(tc.args, "--treebank", tb, "--out", out, "--seed", "3")
		if code, _, errs := runCLI(t, "", args...); code != 0 {
			t.Fatalf("farabi %v: exit %d: %s", args, code, errs)
		}
		m, err := os.ReadFile(filepath.Join(out, "MANIFEST-"+tc.what+".md"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(m), tc.want) {
			t.Errorf("MANIFEST-%s.md lacks %q:\n%s", tc.what, tc.want, m)
		}
	}
}
