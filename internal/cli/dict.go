package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"strings"

	"farabi/dict"
	"farabi/internal/actor"
	"farabi/internal/coder"
	"farabi/internal/event"
	"farabi/internal/linescan"
	"farabi/internal/problems"
)

func dictCommand() *Command {
	return &Command{
		Name:  "dict",
		Usage: "dict check [--dict DIR|petrarch:DIR] | dict import --from petrarch FILE",
		Short: "validate the dictionaries, or convert PETRARCH dictionaries to farabi's format",
		Run:   runDict,
	}
}

func runDict(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		return usageError("want a subcommand: check or import")
	}
	switch args[0] {
	case "check":
		return dictCheck(env, args[1:])
	case "import":
		return dictImport(env, args[1:])
	}
	return usageError("unknown subcommand %q: want check or import", args[0])
}

// errCheck reports that dict check found problems; they are printed already.
var errCheck = errors.New("dictionary problems found")

func dictCheck(env *Env, args []string) error {
	fs := newFlags(env, "dict check")
	dictSpec := dictFlag(fs)
	unsure := fs.Bool("unsure", false, "also list the entries marked unsure")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected arguments %q", fs.Args())
	}
	var (
		d   *actor.Dictionary
		err error
	)
	switch {
	case *dictSpec == "":
		d, err = actor.Load(dict.FS)
	case strings.HasPrefix(*dictSpec, "petrarch:"):
		d, err = actor.LoadPetrarch(strings.TrimPrefix(*dictSpec, "petrarch:"))
	default:
		d, err = actor.Load(os.DirFS(*dictSpec))
	}
	if d == nil {
		return err
	}
	n := 0
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintln(env.Stdout, line)
			n++
		}
	}
	for _, e := range actor.Check(d) {
		fmt.Fprintln(env.Stdout, e)
		n++
	}
	// The CAMEO table and the verb patterns are checked too: farabi's own
	// for the embedded set, a directory's own when it has them.
	var verbsFS iofs.FS = dict.FS
	if *dictSpec != "" && !strings.HasPrefix(*dictSpec, "petrarch:") {
		if _, err := iofs.Stat(os.DirFS(*dictSpec), "verbs"); err == nil {
			verbsFS = os.DirFS(*dictSpec)
		}
	}
	patterns := 0
	if strings.HasPrefix(*dictSpec, "petrarch:") {
		pv, err := coder.LoadPetrarchVerbs(os.DirFS(strings.TrimPrefix(*dictSpec, "petrarch:")))
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				fmt.Fprintln(env.Stdout, line)
				n++
			}
		}
		if pv != nil {
			for _, b := range pv.Blocks {
				patterns += len(b.Patterns)
			}
		}
	} else {
		ont, err := event.LoadOntology(dict.FS, "cameo/cameo.tsv")
		if err != nil {
			fmt.Fprintln(env.Stdout, err)
			n++
		}
		verbs, err := coder.Load(verbsFS, "verbs", ont)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				fmt.Fprintln(env.Stdout, line)
				n++
			}
		}
		if verbs != nil {
			patterns = len(verbs.Patterns)
		}
	}
	if *unsure {
		for _, u := range actor.UnsureNotes(d) {
			fmt.Fprintln(env.Stdout, "unsure: "+u)
		}
	}
	st := d.Stats()
	fmt.Fprintf(env.Stderr, "%d actors (%s), %d people with dated terms, %d agents, %d names, %d verb patterns; %d problems\n",
		len(d.Actors), kindsText(st.Kinds), st.Dated, st.Agents, st.Names, patterns, n)
	if n > 0 {
		return errCheck
	}
	return nil
}

func kindsText(k map[string]int) string {
	var parts []string
	for _, name := range []string{"country", "region", "person", "org", "forum", "company", "media", "group", "place", ""} {
		if k[name] > 0 {
			label := name
			if label == "" {
				label = "no kind"
			}
			parts = append(parts, fmt.Sprintf("%d %s", k[name], label))
		}
	}
	return strings.Join(parts, ", ")
}

func dictImport(env *Env, args []string) error {
	fs := newFlags(env, "dict import")
	from := fs.String("from", "", "the `format` of FILE: petrarch")
	kind := fs.String("kind", "", "what FILE holds: actors, agents or discards; default from its name")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *from != "petrarch" {
		return usageError("want --from petrarch")
	}
	if fs.NArg() != 1 {
		return usageError("want one FILE")
	}
	name := fs.Arg(0)
	k := *kind
	if k == "" {
		k = actor.PetrarchKind(filepath.Base(name))
	}
	if k == "" && strings.Contains(strings.ToLower(filepath.Base(name)), "verbs") {
		return usageError("%s is a verb dictionary: verb patterns belong to the event coder, not to the actor dictionaries", name)
	}
	if k == "" {
		return usageError("cannot tell from its name whether %s holds actors, agents or discards; use --kind", name)
	}
	data, err := readDictFile(name)
	if err != nil {
		return &subError{"dict import", err}
	}
	fmt.Fprintf(env.Stdout, "# converted by farabi dict import from PETRARCH %s (%s)\n\n", filepath.Base(name), k)
	if err := actor.ImportPetrarch(env.Stdout, k, filepath.Base(name), data); err != nil {
		// One message a problem, at most problems.MaxShown of them, then
		// the number of lines (not messages) that were not converted.
		var probs problems.List
		probs.AddAll("problems", err)
		fmt.Fprintln(env.Stderr, probs.Err())
		lines := map[int]bool{}
		var se *actor.SyntaxError
		for _, e := range flatten(err) {
			if errors.As(e, &se) {
				lines[se.Line] = true
			}
		}
		n := max(len(lines), 1)
		return &subError{"dict import", fmt.Errorf("%s %s of %s not converted", problems.Count(n), plural(n, "line", "lines"), name)}
	}
	return nil
}

// readDictFile reads a dictionary file whole, refusing a directory, a
// binary file and one larger than maxStoryBytes. The bytes are left as they
// are: the dictionary's reader reports bad ones by their line.
func readDictFile(name string) ([]byte, error) {
	var data []byte
	var probs problems.List
	err := openInput(name, &probs, func(in *source) error {
		if in.size > maxStoryBytes {
			return fmt.Errorf("%s: larger than %s", name, linescan.Size(maxStoryBytes))
		}
		var err error
		data, err = io.ReadAll(io.LimitReader(in.r, maxStoryBytes))
		if err == nil && looksBinary(data[:min(len(data), binaryHead)]) {
			err = errBinary
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	})
	if err == nil {
		err = probs.Err()
	}
	return data, err
}

// flatten returns the errors joined in err, recursively.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
