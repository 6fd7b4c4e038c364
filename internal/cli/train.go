package cli

import (
	"context"
)

func trainCommand() *Command {
	return &Command{
		Name:  "train",
		Usage: "train tagger|parser --treebank DIR --out DIR [--seed N] | train mix --out FILE SHARE:MODEL ... | train lexicon [--wordnet DIR] [--verbs FILE] [--verbs-from-patterns] [--out FILE] | train clusters --out FILE [--wordnet DIR]",
		Short: "train the tagger or the parser on a UD treebank, average parsers, or derive the tagger's word lexicon from WordNet",
		Run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) == 0 {
				return usageError("train what? tagger, parser, mix or lexicon")
			}
			switch args[0] {
			case "tagger":
				return trainTagger(ctx, env, args[1:])
			case "parser":
				return trainParser(ctx, env, args[1:])
			case "mix":
				return trainMix(ctx, env, args[1:])
			case "lexicon":
				return trainLexicon(ctx, env, args[1:])
			case "clusters":
				return trainClusters(ctx, env, args[1:])
			}
			return usageError("unknown model %q: want tagger, parser, mix or lexicon", args[0])
		},
	}
}
