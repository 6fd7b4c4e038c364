package cli

import (
	"context"
	"fmt"
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
			fmt.Fprintf(env.Stdout, "farabi %s\n", coderVersion)
			return nil
		},
	}
}
