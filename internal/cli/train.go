package cli

import (
	"context"
)

func trainCommand() *Command {
	return &Command{
		Name:  "train",
		Usage: "train tagger|parser --treebank DIR --out DIR [--seed N]",
		Short: "train the tagger or the parser on a UD treebank",
		Run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) == 0 {
				return usageError("train what? tagger or parser")
			}
			switch args[0] {
			case "tagger":
				return trainTagger(ctx, env, args[1:])
			case "parser":
				return trainParser(ctx, env, args[1:])
			}
			return usageError("unknown model %q: want tagger or parser", args[0])
		},
	}
}
