package cli

import (
	"context"
	"fmt"

	"farabi/dict"
)

// coderVersion is the version of farabi's code; models and dictionaries
// carry versions of their own in their MANIFESTs.
const coderVersion = "0.1.0"

func versionCommand() *Command {
	return &Command{
		Name:  "version",
		Usage: "version",
		Short: "print the versions of farabi, its models and dictionaries",
		Run: func(ctx context.Context, env *Env, args []string) error {
			fmt.Fprintf(env.Stdout, "farabi %s\ndictionaries %s\nmodels %s\n", coderVersion, dict.Manifest().Version, modelVersion())
			return nil
		},
	}
}
