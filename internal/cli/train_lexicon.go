package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"farabi/dict"
	"farabi/internal/postag"
)

// lexiconHeader is the head of models/lexicon.txt: where it comes from and
// WordNet's licence, which must travel with every copy.
var lexiconHeader = []string{
	"farabi word lexicon: the open word classes of English words, for the tagger",
	"(format: docs/format/model.md, section Lexicon; how it is used: docs/tagger.md).",
	"",
	"Derived from WordNet 3.0 (Debian package wordnet-base) and the news verbs of",
	"models/lexicon-verbs.txt by:",
	"  farabi train lexicon --wordnet /usr/share/wordnet --out models/lexicon.txt",
	"",
	"WordNet Release 3.0. This software and database is being provided to you, the",
	"LICENSEE, by Princeton University under the following license. By obtaining,",
	"using and/or copying this software and database, you agree that you have read,",
	"understood, and will comply with these terms and conditions.:",
	"",
	"Permission to use, copy, modify and distribute this software and database and",
	"its documentation for any purpose and without fee or royalty is hereby granted,",
	"provided that you agree to comply with the following copyright notice and",
	"statements, including the disclaimer, and that the same appear on ALL copies of",
	"the software, database and documentation, including modifications that you make",
	"for internal use or for distribution.",
	"",
	"WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.",
	"",
	"THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES",
	"NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT",
	"LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF",
	"MERCHANT- ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE",
	"LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY",
	"PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.",
	"",
	"The name of Princeton University or Princeton may not be used in advertising or",
	"publicity pertaining to distribution of the software and/or database. Title to",
	"copyright in this software, database and any associated documentation shall at",
	"all times remain with Princeton University and LICENSEE agrees to preserve same.",
	"",
}

// trainLexicon writes the word lexicon the tagger trains with from a
// WordNet 3.0 database and a list of verbs news uses that WordNet may
// lack. With --verbs-from-patterns it first rewrites that list from the
// embedded patterns' verbs: the list is its own file so that a change to
// the verb patterns, which users may replace, never changes the lexicon
// and so the tagger model that keeps a copy of it; rewriting it is a
// deliberate step before retraining the tagger.
func trainLexicon(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "train lexicon")
	wn := fs.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database `DIR` (Debian: apt-get install wordnet-base)")
	verbsFile := fs.String("verbs", "models/lexicon-verbs.txt", "news verbs `FILE`, one lemma a line (# comments)")
	fromPatterns := fs.Bool("verbs-from-patterns", false, "rewrite the --verbs file from the verbs of the embedded patterns (dict/verbs) first")
	out := fs.String("out", "models/lexicon.txt", "lexicon `FILE` to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected arguments %q", fs.Args())
	}
	if *fromPatterns {
		verbs, err := patternVerbs(dict.FS)
		if err != nil {
			return fmt.Errorf("train lexicon: %w", err)
		}
		if err := writeVerbList(*verbsFile, verbs); err != nil {
			return fmt.Errorf("train lexicon: %w", err)
		}
	}
	verbs, err := readVerbList(*verbsFile)
	if err != nil {
		return fmt.Errorf("train lexicon: %w", err)
	}
	lx, err := postag.LexiconFromWordNet(*wn)
	if err != nil {
		return fmt.Errorf("train lexicon: %w (is wordnet-base installed?)", err)
	}
	for _, v := range verbs {
		lx.AddVerb(v)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var b bytes.Buffer
	if _, err := lx.WriteWithHeader(&b, lexiconHeader); err != nil {
		return err
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("train lexicon: %w", err)
	}
	words, forms := lx.Len()
	fmt.Fprintf(env.Stderr, "train lexicon: wrote %s (%d bytes): %d words, %d irregular forms, %d news verbs\n",
		*out, b.Len(), words, forms, len(verbs))
	return nil
}

// verbListHeader heads models/lexicon-verbs.txt.
const verbListHeader = `# Verbs of news the tagger's lexicon knows as verbs though WordNet may not
# (format: one lemma a line). Written by
#   farabi train lexicon --verbs-from-patterns
# from the verbs of farabi's patterns (dict/verbs); rewrite it only together
# with a tagger retrain (models/MANIFEST-tagger.md).
`

// writeVerbList writes verbs to file under verbListHeader.
func writeVerbList(file string, verbs []string) error {
	var b strings.Builder
	b.WriteString(verbListHeader)
	for _, v := range verbs {
		b.WriteString(v + "\n")
	}
	return os.WriteFile(file, []byte(b.String()), 0o644)
}

// readVerbList reads a verb list: one lemma a line, # comments.
func readVerbList(file string) ([]string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var out []string
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.ContainsAny(line, " \t") {
			return nil, fmt.Errorf("%s:%d: want one lemma a line, got %q", file, n+1, line)
		}
		out = append(out, line)
	}
	return out, nil
}

// patternVerbs returns the verb lemmas of the patterns under verbs/ in
// fsys: the predicates that are not nouns (/N), adjectives (/A) or sets,
// without their particles ("call+off" gives "call"), sorted. A part of
// speech after an alternation is the whole alternation's:
// "protest|complaint/N" names two nouns.
func patternVerbs(fsys fs.FS) ([]string, error) {
	seen := map[string]bool{}
	err := eachDictLine(fsys, "verbs/*.txt", func(line string) {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") || f[0] == "set" {
			return
		}
		pred := f[1]
		if i := strings.LastIndexByte(pred, '/'); i >= 0 {
			if pred[i+1:] != "V" {
				return
			}
			pred = pred[:i]
		}
		for _, alt := range strings.Split(pred, "|") {
			alt, _, _ = strings.Cut(alt, "+")
			if alt != "" && !strings.ContainsAny(alt, "/$") {
				seen[strings.ToLower(alt)] = true
			}
		}
	})
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(seen))
	for v := range seen {
		out = append(out, v)
	}
	slices.Sort(out)
	return out, nil
}

// eachDictLine calls f with each line of the files of fsys (the embedded
// dictionaries) that match pattern, in file order.
func eachDictLine(fsys fs.FS, pattern string, f func(line string)) error {
	files, err := fs.Glob(fsys, pattern)
	if err != nil {
		return err
	}
	for _, name := range files {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			f(sc.Text())
		}
		if err := sc.Err(); err != nil {
			return fmt.Errorf("%s: %w", path.Join("dict", name), err)
		}
	}
	return nil
}
