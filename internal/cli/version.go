package cli

import (
	"context"
	"fmt"

	"farabi/dict"
	"farabi/internal/engine"
)

func versionCommand() *Command {
	return &Command{
		Name:  "version",
		Usage: "version",
		Short: "print the versions of farabi, its models and dictionaries",
		Run: func(ctx context.Context, env *Env, args []string) error {
			fmt.Fprintf(env.Stdout, "farabi %s\ndictionaries %s\nmodels %s\n", engine.Version, dict.Manifest().Version, engine.ModelVersion())
			return nil
		},
	}
}
