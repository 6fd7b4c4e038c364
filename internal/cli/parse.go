package cli

import "context"

func parseCommand() *Command {
	return &Command{Name: "parse", Usage: "parse [FILE...]", Short: "print CoNLL-U for raw text (stdin when no FILE)",
		Run: func(ctx context.Context, env *Env, args []string) error { return nil }}
}

func evalCommand() *Command {
	return &Command{Name: "eval", Usage: "eval ud --treebank DIR [--split dev|test] [--json]", Short: "score the language core on a UD treebank",
		Run: func(ctx context.Context, env *Env, args []string) error { return nil }}
}
