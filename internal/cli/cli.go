// Package cli implements the farabi command line: one file per command, each
// a [Command] in the table that [Main] dispatches on. Commands read and write
// only the streams they are given, so tests run them in-process.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Env is what a command runs with: its streams and its environment.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads the environment; tests replace it.
	Getenv func(string) string
}

// Command is one farabi subcommand.
type Command struct {
	Name  string // e.g. "parse", or "train" for "train tagger|parser"
	Usage string // one line: "parse [FILE...]"
	Short string // one sentence for the command list
	// Run runs the command with the arguments after its name. It defines
	// and parses its own flags on a FlagSet writing to env.Stderr.
	Run func(ctx context.Context, env *Env, args []string) error
}

// errUsage reports bad arguments; Main prints the command's usage for it.
var errUsage = errors.New("usage")

// usageError returns an error that makes Main print msg and the usage line.
func usageError(format string, a ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, a...))
}

// subError is the error of a subcommand ("dict import"): Main names the
// subcommand in its message rather than the command.
type subError struct {
	name string
	err  error
}

func (e *subError) Error() string { return e.name + ": " + e.err.Error() }
func (e *subError) Unwrap() error { return e.err }

// commands returns the command table. It is a function, not a variable, so
// the package has no global state.
func commands() []*Command {
	cmds := []*Command{
		parseCommand(),
		evalCommand(),
		trainCommand(),
		versionCommand(),
		actorsCommand(),
		dictCommand(),
		codeCommand(),
		explainCommand(),
		quotesCommand(),
		ingestCommand(),
		watchCommand(),
		eventsCommand(),
		searchCommand(),
		exportCommand(),
		recodeCommand(),
		demoCommand(),
		workerCommand(),
		queueCommand(),
		vectorsCommand(),
		dyadCommand(),
		alertsCommand(),
		serveCommand(),
	}
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].Name < cmds[j].Name })
	return cmds
}

// Main runs the command named by args[0] and returns the process exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr, Getenv: os.Getenv}
	return env.run(ctx, args)
}

func (env *Env) run(ctx context.Context, args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(env.Stdout, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range cmds {
		if c.Name != args[0] {
			continue
		}
		err := c.Run(ctx, env, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			fmt.Fprintf(env.Stderr, "farabi %s: %v\nusage: farabi %s\n", c.Name,
				strings.TrimPrefix(err.Error(), "usage: "), c.Usage)
			return 2
		default:
			name := c.Name
			var sub *subError
			if errors.As(err, &sub) {
				name, err = sub.name, sub.err
			}
			fmt.Fprintf(env.Stderr, "farabi %s: %v\n", name, err)
			return 1
		}
	}
	fmt.Fprintf(env.Stderr, "farabi: unknown command %q; run 'farabi help'\n", args[0])
	return 2
}

func printHelp(w io.Writer, cmds []*Command) {
	fmt.Fprintln(w, "farabi turns news about international relations into coded events.")
	fmt.Fprintln(w, "\nUsage:")
	for _, c := range cmds {
		fmt.Fprintf(w, "  farabi %s\n      %s\n", c.Usage, c.Short)
	}
	fmt.Fprintln(w, "\nRun 'farabi COMMAND -h' for a command's flags.")
}

// newFlags returns a FlagSet for a command that prints to env.Stderr.
func newFlags(env *Env, c string) *flag.FlagSet {
	fs := flag.NewFlagSet("farabi "+c, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

// sharedDir returns the directory of the shared corpora: FARABI_SHARED, or
// ../shared.
func (env *Env) sharedDir() string {
	if d := env.Getenv("FARABI_SHARED"); d != "" {
		return d
	}
	return "../shared"
}

// storyFlags defines the flags every command that reads stories shares:
// --date (the stories' day, which picks each actor's role) and --dict.
func storyFlags(fs *flag.FlagSet) (date, dict *string) {
	date = fs.String("date", "", "the stories' `day`, YYYY-MM-DD: it picks each actor's role (default: each actor's latest)")
	return date, dictFlag(fs)
}

// dictFlag defines --dict: farabi's own dictionaries by default, a
// directory in farabi's format, or petrarch:DIR.
func dictFlag(fs *flag.FlagSet) *string {
	return fs.String("dict", "", "dictionaries: a `DIR` in farabi's format, or petrarch:DIR (default: the embedded ones)")
}
