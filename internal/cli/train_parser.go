package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"farabi/dict"
	"farabi/internal/depparse"
	"farabi/internal/postag"
	"farabi/internal/ud"
)

// trainParser trains the dependency parser on DIR/*-ud-train.conllu, reports
// attachment scores on the dev and test files beside it, and writes
// OUT/parser.model and OUT/MANIFEST-parser.md.
func trainParser(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "train parser")
	treebank := fs.String("treebank", filepath.Join(env.sharedDir(), "ud", "en_ewt"), "directory holding the UD `DIR`/*-ud-{train,dev,test}.conllu files")
	out := fs.String("out", "models", "directory to write parser.model and MANIFEST-parser.md to")
	seed := fs.Int64("seed", 1, "random seed")
	epochs := fs.Int("epochs", 0, "training epochs (0 for the default)")
	tagger := fs.String("tagger", "", "tagger model `FILE` for the dev and test tags (default: one trained on the training set)")
	folds := fs.Int("jackknife", 5, "train on tags predicted by `N`-fold jackknifing with the tagger trainer (0: gold tags)")
	copies := fs.Int("copies", 1, "train on `K` jackknifed taggings of the training set, each with its own folds and tagger seed")
	runs := fs.Int("runs", 1, "train `R` parsers with seeds seed, seed+1, ... in parallel and average their weights")
	names := fs.Int("names", 0, "in the last `K` jackknifed taggings, swap news-like names (from dict/actors), titles and coordinated nationalities into the sentences that allow it")
	second := fs.Int("jackknife-second", 0, "give the jackknifed taggers a second pass used under first-pass margin `M` (0: first pass only), as `farabi train tagger --second-pass --second-margin M` does")
	lexPath := fs.String("lexicon", "models/lexicon.txt", "word lexicon `FILE` of the jackknifed taggers when --tagger is not given (the tagger's own otherwise); empty for none")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q", fs.Arg(0))
	}
	read := func(split string, required bool) ([]*ud.Sentence, string, error) {
		names, _ := filepath.Glob(filepath.Join(*treebank, "*-ud-"+split+".conllu"))
		if len(names) != 1 {
			if required {
				return nil, "", fmt.Errorf("train parser: want one *-ud-%s.conllu in %s, found %d", split, *treebank, len(names))
			}
			return nil, "", nil
		}
		f, err := os.Open(names[0])
		if err != nil {
			return nil, "", fmt.Errorf("train parser: %w", err)
		}
		defer f.Close()
		sents, err := ud.ReadAll(f, names[0])
		if err != nil {
			return nil, "", fmt.Errorf("train parser: %w", err)
		}
		return sents, names[0], nil
	}
	train, trainName, err := read("train", true)
	if err != nil {
		return err
	}
	dev, devName, err := read("dev", false)
	if err != nil {
		return err
	}
	test, testName, err := read("test", false)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	start := time.Now()
	var tg *postag.Tagger
	if *tagger != "" {
		tf, err := os.Open(*tagger)
		if err != nil {
			return fmt.Errorf("train parser: %w", err)
		}
		tg, err = postag.Read(tf)
		tf.Close()
		if err != nil {
			return fmt.Errorf("train parser: reading %s: %w", *tagger, err)
		}
	}
	var lex *postag.Lexicon
	if tg != nil {
		lex = tg.Lexicon()
	} else if lex, err = readLexicon(*lexPath); err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	trainSet, devSet := train, dev
	if *folds > 1 {
		fmt.Fprintf(env.Stderr, "tagging %s by %d-fold jackknifing\n", trainName, *folds)
		trainSet = nil
		for c := range max(*copies, 1) {
			part, err := jackknife(train, dev, *folds, *seed+int64(c), c, lex, int32(*second))
			if err != nil {
				return fmt.Errorf("train parser: %w", err)
			}
			trainSet = append(trainSet, part...)
		}
		if tg == nil {
			if tg, err = postag.Train(train, nil, postag.TrainOptions{Seed: *seed, Lexicon: lex}); err != nil {
				return fmt.Errorf("train parser: %w", err)
			}
		}
		devSet = retag(tg, dev)
	}
	if *names > 0 {
		persons, err := newsPersons(dict.FS)
		if err != nil {
			return fmt.Errorf("train parser: %w", err)
		}
		n := len(train)
		copiesMade := len(trainSet) / n
		changed := 0
		for c := max(copiesMade-*names, 0); c < copiesMade; c++ {
			part := trainSet[c*n : (c+1)*n]
			changed += augmentInPlace(part, persons, uint64(*seed)+uint64(c))
		}
		fmt.Fprintf(env.Stderr, "train parser: news names and nationalities swapped into %d sentences (%d persons)\n", changed, len(persons))
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "training on %s (%d sentences), seed %d\n", trainName, len(train), *seed)
	p, err := depparse.Train(trainSet, devSet, depparse.TrainOptions{Seed: *seed, Epochs: *epochs, Log: env.Stderr, Runs: *runs})
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	took := time.Since(start)

	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	modelPath := filepath.Join(*out, "parser.model")
	f, err := os.Create(modelPath)
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	size, err := p.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("train parser: writing %s: %w", modelPath, err)
	}

	tagName := filepath.Base(*tagger)
	if *tagger == "" {
		tagName = "tagger trained on " + filepath.Base(trainName)
	}
	var rows []string
	score := func(name, file string, sents []*ud.Sentence) {
		if len(sents) == 0 {
			return
		}
		sc := depparse.Evaluate(p, sents)
		rows = append(rows, fmt.Sprintf("| %s | gold | %.2f | %.2f | %d |", filepath.Base(file), sc.UAS, sc.LAS, sc.Words))
		fmt.Fprintf(env.Stderr, "%s, gold tags: UAS %.2f LAS %.2f\n", name, sc.UAS, sc.LAS)
		if tg == nil {
			return
		}
		sc = depparse.Evaluate(p, retag(tg, sents))
		rows = append(rows, fmt.Sprintf("| %s | predicted (%s) | %.2f | %.2f | %d |", filepath.Base(file), tagName, sc.UAS, sc.LAS, sc.Words))
		fmt.Fprintf(env.Stderr, "%s, predicted tags: UAS %.2f LAS %.2f\n", name, sc.UAS, sc.LAS)
	}
	score("dev", devName, dev)
	score("test", testName, test)

	manifest := filepath.Join(*out, "MANIFEST-parser.md")
	mf, err := os.Create(manifest)
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	writeParserManifest(mf, manifestInfo{
		corpus:  trainName,
		command: "go run ./cmd/farabi train parser " + strings.Join(args, " "),
		seed:    *seed,
		folds:   *folds,
		copies:  max(*copies, 1),
		runs:    max(*runs, 1),
		names:   *names,
		second:  int32(*second),
		size:    size,
		took:    took,
		rows:    rows,
	})
	if err := mf.Close(); err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	fmt.Fprintf(env.Stderr, "wrote %s (%d bytes) and %s in %v\n", modelPath, size, manifest, took.Round(time.Second))
	return nil
}

// jackknife returns copies of sents tagged by taggers trained on the
// other folds, trained in parallel with the given seed. For the 0th copy,
// sentence i is in fold i%folds; for the nth, n > 0, folds come from a
// permutation drawn from seed and n, so that sentences meet other taggers.
// The taggers use the word lexicon lex (nil for none) and, when second
// is above 0, a second pass used under that first-pass margin, whose
// epoch is chosen on dev (which may be empty).
func jackknife(sents, dev []*ud.Sentence, folds int, seed int64, nth int, lex *postag.Lexicon, second int32) ([]*ud.Sentence, error) {
	fold := make([]int, len(sents))
	for i := range fold {
		fold[i] = i % folds
	}
	if nth > 0 {
		rng := rand.New(rand.NewPCG(uint64(seed), uint64(nth)))
		rng.Shuffle(len(fold), func(i, j int) { fold[i], fold[j] = fold[j], fold[i] })
	}
	out := make([]*ud.Sentence, len(sents))
	errs := make([]error, folds)
	var wg sync.WaitGroup
	for f := range folds {
		wg.Go(func() {
			var part, held []*ud.Sentence
			var idx []int
			for i, s := range sents {
				if fold[i] == f {
					held = append(held, s)
					idx = append(idx, i)
				} else {
					part = append(part, s)
				}
			}
			opt := postag.TrainOptions{Seed: seed, Lexicon: lex}
			var tdev []*ud.Sentence
			if second > 0 {
				opt.SecondPass, opt.SecondMargin, tdev = true, second, dev
			}
			tg, err := postag.Train(part, tdev, opt)
			if err != nil {
				errs[f] = err
				return
			}
			for j, s := range retag(tg, held) {
				out[idx[j]] = s
			}
		})
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// retag returns copies of sents with UPOS, XPOS and Lemma from the tagger.
func retag(tg *postag.Tagger, sents []*ud.Sentence) []*ud.Sentence {
	out := make([]*ud.Sentence, len(sents))
	for i, s := range sents {
		c := *s
		c.Tokens = append([]ud.Token(nil), s.Tokens...)
		for j := range c.Tokens {
			c.Tokens[j].UPOS, c.Tokens[j].XPOS, c.Tokens[j].Lemma = ud.NoUPOS, "", ""
		}
		tg.Tag(&c)
		out[i] = &c
	}
	return out
}

type manifestInfo struct {
	corpus, command string
	seed, size      int64
	folds           int
	copies, runs    int
	names           int
	second          int32
	took            time.Duration
	rows            []string
}

func writeParserManifest(w io.Writer, m manifestInfo) {
	fmt.Fprintf(w, "# parser.model\n\n")
	fmt.Fprintf(w, "The labelled dependency parser of `farabi/internal/depparse`, in the format of\n")
	fmt.Fprintf(w, "docs/format/model.md (section Parser).\n\n")
	fmt.Fprintf(w, "- Corpus: UD English EWT 2.16 (UD_English-EWT @15d613d), `%s`\n", filepath.Base(m.corpus))
	fmt.Fprintf(w, "- License: CC BY-SA 4.0; the model is derived from UD English EWT\n")
	fmt.Fprintf(w, "- Command: `%s`\n", m.command)
	fmt.Fprintf(w, "- Seed: %d\n", m.seed)
	if m.folds > 1 {
		fmt.Fprintf(w, "- Training tags: predicted by %d-fold jackknifing with `postag.Train`", m.folds)
		if m.second > 0 {
			fmt.Fprintf(w, " (two passes, the second under a first-pass margin of %d, its epoch chosen on dev)", m.second)
		}
		if m.copies > 1 {
			fmt.Fprintf(w, ", %d times with other folds and tagger seeds (the training set appears %d times)", m.copies, m.copies)
		}
		fmt.Fprintf(w, "; dev tags (for picking the epoch) by the tagger below\n")
	} else {
		fmt.Fprintf(w, "- Training tags: gold\n")
	}
	if m.names > 0 {
		fmt.Fprintf(w, "- News names: in the last %d tagging(s), persons of dict/actors, titles and coordinated nationalities swapped into the sentences that allow it (docs/parser.md, section News)\n", m.names)
	}
	if m.runs > 1 {
		fmt.Fprintf(w, "- Weights: the average of %d parsers trained with seeds %d to %d, each at its best epoch on dev\n", m.runs, m.seed, m.seed+int64(m.runs)-1)
	}
	fmt.Fprintf(w, "- Training time: %v\n", m.took.Round(time.Second))
	fmt.Fprintf(w, "- Size: %d bytes\n\n", m.size)
	fmt.Fprintf(w, "Scores, CoNLL 2018 style (punctuation included, LAS on universal relations):\n\n")
	fmt.Fprintf(w, "| file | tags | UAS | LAS | words |\n|---|---|---|---|---|\n")
	for _, r := range m.rows {
		fmt.Fprintln(w, r)
	}
}
