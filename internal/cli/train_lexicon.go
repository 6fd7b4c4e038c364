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
	"Derived from WordNet 3.0 (Debian package wordnet-base) and the verb lemmas of",
	"farabi's patterns (dict/verbs) by:",
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
// WordNet 3.0 database and the verbs of the embedded patterns.
func trainLexicon(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "train lexicon")
	wn := fs.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database `DIR` (Debian: apt-get install wordnet-base)")
	out := fs.String("out", "models/lexicon.txt", "lexicon `FILE` to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected arguments %q", fs.Args())
	}
	lx, err := postag.LexiconFromWordNet(*wn)
	if err != nil {
		return fmt.Errorf("train lexicon: %w (is wordnet-base installed?)", err)
	}
	verbs, err := patternVerbs(dict.FS)
	if err != nil {
		return fmt.Errorf("train lexicon: %w", err)
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
	fmt.Fprintf(env.Stderr, "train lexicon: wrote %s (%d bytes): %d words, %d irregular forms, %d pattern verbs\n",
		*out, b.Len(), words, forms, len(verbs))
	return nil
}

// patternVerbs returns the verb lemmas of the patterns under verbs/ in
// fsys: the predicates that are not nouns (/N), adjectives (/A) or sets,
// without their particles ("call+off" gives "call"), sorted.
func patternVerbs(fsys fs.FS) ([]string, error) {
	seen := map[string]bool{}
	err := eachDictLine(fsys, "verbs/*.txt", func(line string) {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") || f[0] == "set" {
			return
		}
		for _, alt := range strings.Split(f[1], "|") {
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
