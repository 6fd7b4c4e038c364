package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"

	"farabi/internal/postag"
	"farabi/internal/tokenize"
	"farabi/internal/ud"
)

// trainClusters learns word clusters for the tagger (farabi train tagger
// --clusters) from the glosses and examples of a WordNet 3.0 database,
// tokenized as farabi tokenizes and lower-cased.
func trainClusters(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "train clusters")
	wn := fs.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database `DIR` (Debian: apt-get install wordnet-base)")
	out := fs.String("out", "", "clusters `FILE` to write")
	seed := fs.Int64("seed", 1, "random seed of the first centres")
	fine := fs.Int("fine", 256, "number of fine classes")
	coarse := fs.Int("coarse", 32, "number of coarse classes")
	minCount := fs.Int("min-count", 3, "words seen fewer times get no class")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *out == "" {
		return usageError("want --out FILE and no arguments")
	}
	glosses, err := postag.WordNetGlosses(*wn)
	if err != nil {
		return fmt.Errorf("train clusters: %w (is wordnet-base installed?)", err)
	}
	tk := tokenize.New()
	sents := make([][]string, 0, len(glosses))
	for _, g := range glosses {
		s := tk.Sentence(g, ud.Span{Start: 0, End: len(g)})
		ws := make([]string, len(s.Tokens))
		for i, t := range s.Tokens {
			ws[i] = strings.ToLower(t.Form)
		}
		sents = append(sents, ws)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	c := postag.LearnClusters(sents, postag.ClusterOptions{Fine: *fine, Coarse: *coarse, MinCount: *minCount, Seed: *seed})
	var b bytes.Buffer
	header := []string{
		"farabi word clusters for the tagger (farabi train tagger --clusters; docs/tagger.md),",
		"learned from the glosses and examples of WordNet 3.0 (Princeton University; licence at the",
		"head of its data files) by:",
		fmt.Sprintf("  farabi train clusters --wordnet %s --seed %d --fine %d --coarse %d --min-count %d", *wn, *seed, *fine, *coarse, *minCount),
		"word<TAB>fine class<TAB>coarse class",
	}
	if _, err := c.WriteWithHeader(&b, header); err != nil {
		return err
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("train clusters: %w", err)
	}
	fmt.Fprintf(env.Stderr, "train clusters: wrote %s: %d words from %d glosses\n", *out, c.Len(), len(glosses))
	return nil
}
