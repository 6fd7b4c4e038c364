package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"farabi/internal/postag"
	"farabi/internal/ud"
)

// trainTagger trains the part-of-speech tagger and lemmatizer on a UD
// treebank and writes OUT/tagger.model and OUT/MANIFEST-tagger.md.
func trainTagger(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "train tagger")
	treebank := fs.String("treebank", filepath.Join(env.sharedDir(), "ud", "en_ewt"),
		"directory holding the treebank's *-ud-train.conllu and *-ud-dev.conllu")
	out := fs.String("out", "", "directory to write tagger.model and MANIFEST-tagger.md to")
	seed := fs.Int64("seed", 1, "random seed")
	epochs := fs.Int("epochs", postag.DefaultEpochs, "training epochs")
	corpus := fs.String("corpus", "", "name and version of the treebank for the manifest (default: the directory name)")
	license := fs.String("license", "CC BY-SA 4.0", "license of the treebank, which the model inherits")
	lexPath := fs.String("lexicon", "models/lexicon.txt", "word lexicon `FILE` (farabi train lexicon); empty for none")
	second := fs.Bool("second-pass", false, "train a second pass that scores again the words the first chose by a small margin")
	margin := fs.Int("second-margin", 0, "first-pass `MARGIN` under which the second pass scores a word again; 0 for every word")
	secondEpochs := fs.Int("second-epochs", 0, "training epochs of the second pass (0: --epochs)")
	cluPath := fs.String("clusters", "", "word clusters `FILE` (farabi train clusters) whose classes are features; empty for none")
	withDev := fs.Bool("with-dev", false, "train on the train and dev splits together and keep the last epochs (choose --epochs and --second-epochs on dev first)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected arguments %q", fs.Args())
	}
	if *out == "" {
		return usageError("--out is required")
	}
	if *corpus == "" {
		*corpus = filepath.Base(*treebank)
	}
	trainPath, err := findSplit(*treebank, "train")
	if err != nil {
		return err
	}
	devPath, err := findSplit(*treebank, "dev")
	if err != nil {
		return err
	}
	train, trainSum, err := readTreebank(trainPath)
	if err != nil {
		return err
	}
	dev, devSum, err := readTreebank(devPath)
	if err != nil {
		return err
	}
	// The test split is scored for the manifest when it is there; it is
	// never used to choose anything.
	var test []*ud.Sentence
	testPath, _ := findSplit(*treebank, "test")
	if testPath != "" {
		if test, _, err = readTreebank(testPath); err != nil {
			return err
		}
	}
	lex, err := readLexicon(*lexPath)
	if err != nil {
		return err
	}
	var clusters *postag.Clusters
	if *cluPath != "" {
		f, err := os.Open(*cluPath)
		if err != nil {
			return err
		}
		clusters, err = postag.ReadClusters(f, *cluPath)
		f.Close()
		if err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "train tagger: %d training and %d dev sentences from %s\n", len(train), len(dev), *treebank)

	start := time.Now()
	trainSet, devSet := train, dev
	if *withDev {
		trainSet, devSet = append(append([]*ud.Sentence(nil), train...), dev...), nil
	}
	tagger, err := postag.Train(trainSet, devSet, postag.TrainOptions{Seed: *seed, Epochs: *epochs, Log: env.Stderr,
		Lexicon: lex, Clusters: clusters, SecondPass: *second, SecondMargin: int32(min(max(*margin, 0), math.MaxInt32)), SecondEpochs: *secondEpochs})
	if err != nil {
		return err
	}
	took := time.Since(start)

	var model bytes.Buffer
	if _, err := tagger.WriteTo(&model); err != nil {
		return err
	}
	loadStart := time.Now()
	if _, err := postag.Read(bytes.NewReader(model.Bytes())); err != nil {
		return fmt.Errorf("reading back the model: %w", err)
	}
	loadTime := time.Since(loadStart)
	devAcc := tagger.Evaluate(dev)
	var testAcc postag.Accuracy
	if test != nil {
		testAcc = tagger.Evaluate(test)
	}

	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	modelPath := filepath.Join(*out, "tagger.model")
	if err := os.WriteFile(modelPath, model.Bytes(), 0o644); err != nil {
		return err
	}
	var m strings.Builder
	fmt.Fprintf(&m, "# Tagger model\n\n")
	fmt.Fprintf(&m, "`tagger.model` is farabi's part-of-speech tagger and lemmatizer (package\n")
	fmt.Fprintf(&m, "`internal/postag`, format in `docs/format/model.md`, method in `docs/tagger.md`).\n\n")
	fmt.Fprintf(&m, "- Corpus: %s\n", *corpus)
	fmt.Fprintf(&m, "  - train: `%s` (%d sentences), sha256 %s\n", filepath.Base(trainPath), len(train), trainSum)
	fmt.Fprintf(&m, "  - dev: `%s` (%d sentences), sha256 %s\n", filepath.Base(devPath), len(dev), devSum)
	fmt.Fprintf(&m, "- License: %s. The model is derived from %s and is licensed under the same terms.\n", *license, *corpus)
	if lex != nil {
		words, forms := lex.Len()
		fmt.Fprintf(&m, "- Word lexicon: `%s` (%d words, %d irregular forms; derived from WordNet 3.0, whose licence is at its head), kept in the model\n", *lexPath, words, forms)
	}
	fmt.Fprintf(&m, "- Command, from the repository root: `farabi train tagger %s`\n", shellJoin(args))
	fmt.Fprintf(&m, "- farabi: %s\n", buildRevision())
	if *withDev {
		fmt.Fprintf(&m, "- Trained on train and dev together (dev scores below are of training data); seed: %d; epochs: %d, second pass %d (the last, chosen on dev beforehand)\n", *seed, *epochs, max(*secondEpochs, 0))
	} else {
		fmt.Fprintf(&m, "- Seed: %d; epochs: %d (the model is the best epoch on dev)\n", *seed, *epochs)
	}
	fmt.Fprintf(&m, "- Training time: %.1f s (GOMAXPROCS=%d)\n", took.Seconds(), runtime.GOMAXPROCS(0))
	fmt.Fprintf(&m, "- Model: %d bytes, sha256 %x; read back in %.0f ms\n\n", model.Len(), sha256.Sum256(model.Bytes()),
		float64(loadTime.Microseconds())/1000)
	fmt.Fprintf(&m, "Scores with gold tokenization:\n\n")
	fmt.Fprintf(&m, "| split | words | UPOS | XPOS | lemma | all three |\n|---|---|---|---|---|---|\n")
	row := func(name string, a postag.Accuracy) {
		fmt.Fprintf(&m, "| %s | %d | %.2f%% | %.2f%% | %.2f%% | %.2f%% |\n", name, a.Tokens,
			100*a.UPOS, 100*a.XPOS, 100*a.Lemma, 100*a.All)
	}
	row("dev", devAcc)
	if test != nil {
		row("test", testAcc)
	}
	if err := os.WriteFile(filepath.Join(*out, "MANIFEST-tagger.md"), []byte(m.String()), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "train tagger: wrote %s (%d bytes) in %.1fs: dev UPOS %.2f%% XPOS %.2f%% lemma %.2f%%\n",
		modelPath, model.Len(), took.Seconds(), 100*devAcc.UPOS, 100*devAcc.XPOS, 100*devAcc.Lemma)
	return nil
}

// readLexicon reads the tagger's word lexicon, or returns nil for an empty
// path.
func readLexicon(path string) (*postag.Lexicon, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return postag.ReadLexicon(f, path)
}

// findSplit returns the one file DIR/*-ud-SPLIT.conllu.
func findSplit(dir, split string) (string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*-ud-"+split+".conllu"))
	if err != nil {
		return "", err
	}
	switch len(paths) {
	case 0:
		return "", fmt.Errorf("no *-ud-%s.conllu in %s", split, dir)
	case 1:
		return paths[0], nil
	}
	return "", fmt.Errorf("several *-ud-%s.conllu in %s", split, dir)
}

// readTreebank reads a CoNLL-U file and returns its sentences and the
// hex sha256 of its bytes.
func readTreebank(path string) ([]*ud.Sentence, string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	ss, err := ud.ReadAll(bytes.NewReader(data), path)
	if err != nil {
		return nil, "", err
	}
	return ss, fmt.Sprintf("%x", sha256.Sum256(data)), nil
}

// buildRevision returns the VCS revision the binary was built from, as go
// build records it, or "unknown".
func buildRevision() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "unknown (built without VCS information)"
	}
	if dirty {
		rev += " with uncommitted changes"
	}
	return rev
}

// shellJoin joins args for a shell, quoting those that need it.
func shellJoin(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = a
		if a == "" || strings.ContainsAny(a, " \t\n'\"\\$`*?[]#~;&|<>()") {
			out[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
	}
	return strings.Join(out, " ")
}
