package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"farabi/dict"
	"farabi/internal/actor"
	"farabi/internal/engine"
	"farabi/internal/pipeline"
	"farabi/internal/problems"
	"farabi/internal/ud"
)

func actorsCommand() *Command {
	return &Command{
		Name:  "actors",
		Usage: "actors lookup|find|unknown [--date YYYY-MM-DD] [--dict DIR|petrarch:DIR] ...",
		Short: "look up actors, find them in text, or list unknown names",
		Run:   runActors,
	}
}

func runActors(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		return usageError("want a subcommand: lookup, find or unknown")
	}
	switch args[0] {
	case "lookup":
		return actorsLookup(env, args[1:])
	case "find":
		return actorsFind(ctx, env, args[1:])
	case "unknown":
		return actorsUnknown(ctx, env, args[1:])
	}
	return usageError("unknown subcommand %q: want lookup, find or unknown", args[0])
}

// loadDict loads the dictionary named by a --dict value: "" for the
// embedded one, DIR for farabi files in DIR, "petrarch:DIR" for PETRARCH
// files. Bad lines are reported on stderr in one summary and skipped; only
// a dictionary that cannot be read at all is an error.
func loadDict(env *Env, spec string) (*actor.Dictionary, error) {
	var (
		d   *actor.Dictionary
		err error
	)
	switch {
	case spec == "":
		d, err = actor.Load(dict.FS)
	case strings.HasPrefix(spec, "petrarch:"):
		d, err = actor.LoadPetrarch(strings.TrimPrefix(spec, "petrarch:"))
	default:
		d, err = actor.Load(os.DirFS(spec))
	}
	if d == nil {
		return nil, err
	}
	if err != nil {
		n := strings.Count(err.Error(), "\n") + 1
		fmt.Fprintf(env.Stderr, "farabi: dictionary: %d bad lines skipped; run farabi dict check\n", n)
	}
	return d, nil
}

// parseDay reads a --date value; empty gives the zero time.
func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, usageError("bad --date %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

// lookupRow is one line of "actors lookup --json".
type lookupRow struct {
	Name string `json:"name"`
	ID   string `json:"id"`
	Kind string `json:"kind,omitempty"`
	Code string `json:"code"`
	From string `json:"from"`
	To   string `json:"to"`
	Role string `json:"role,omitempty"`
	File string `json:"file"`
}

func actorsLookup(env *Env, args []string) error {
	fs := newFlags(env, "actors lookup")
	date := fs.String("date", "", "the `day` (YYYY-MM-DD) whose terms to show; default today")
	asJSON := fs.Bool("json", false, "print one JSON object per line")
	dictSpec := fs.String("dict", "", "dictionary `DIR`, or petrarch:DIR; default the embedded one")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError("want a NAME")
	}
	name := strings.Join(fs.Args(), " ")
	day, err := parseDay(*date)
	if err != nil {
		return err
	}
	if day.IsZero() {
		day = time.Now().UTC()
	}
	d, err := loadDict(env, *dictSpec)
	if err != nil {
		return err
	}
	on := actor.DateOf(day)
	found := d.Lookup(name)
	agents := d.LookupAgent(name)
	if len(found) == 0 && len(agents) == 0 {
		return fmt.Errorf("no actor or agent named %q", name)
	}
	enc := json.NewEncoder(env.Stdout)
	for _, a := range found {
		row := lookupRow{Name: a.Name, ID: a.ID, Kind: a.Kind, File: fmt.Sprintf("%s:%d", a.File, a.Line)}
		if t, ok := a.TermOn(on); ok {
			row.Code, row.From, row.To, row.Role = t.Code, t.From.String(), t.To.String(), t.Role
		}
		if *asJSON {
			if err := enc.Encode(row); err != nil {
				return err
			}
			continue
		}
		code := row.Code
		if code == "" {
			code = "-"
		}
		term := "no code on " + on.String()
		if row.Code != "" {
			term = fmt.Sprintf("%s to %s", orOpen(row.From), orOpen(row.To))
			if row.Role != "" {
				term += " (" + row.Role + ")"
			}
		}
		fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%s\t%s\n", orDash(row.ID), code, term, a.Name, row.File)
	}
	for _, g := range agents {
		if *asJSON {
			if err := enc.Encode(lookupRow{Name: name, Kind: "agent", Code: "~" + g.Role, File: fmt.Sprintf("%s:%d", g.File, g.Line)}); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(env.Stdout, "agent\t%s\tcombines with a country: %s\t%s:%d\n", g.Code("XXX"), name, g.File, g.Line)
	}
	return nil
}

func orOpen(s string) string {
	if s == "" {
		return "*"
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// mentionRow is one line of "actors find --json".
type mentionRow struct {
	File       string  `json:"file"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Text       string  `json:"text"`
	Code       string  `json:"code"`
	ID         string  `json:"id,omitempty"`
	Name       string  `json:"name"`
	Role       string  `json:"role,omitempty"`
	Confidence float64 `json:"confidence"`
	Method     string  `json:"method"`
	Why        string  `json:"why"`
}

func actorsFind(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "actors find")
	date, dictSpec := storyFlags(fs)
	country := fs.String("country", "", "the dateline's country `code` (KAZ); default guessed from the dateline")
	asJSON := fs.Bool("json", false, "print one JSON object per mention")
	if err := fs.Parse(args); err != nil {
		return err
	}
	day, err := parseDay(*date)
	if err != nil {
		return err
	}
	d, err := loadDict(env, *dictSpec)
	if err != nil {
		return err
	}
	sentences := sentencer(env)
	enc := json.NewEncoder(env.Stdout)
	var rep problems.List
	err = eachInput(env, fs.Args(), func(name, text string) error {
		c := actor.Context{Date: day, Country: *country}
		first := true
		return sentences(text, func(s *ud.Sentence) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if first && c.Country == "" {
				c.Country = d.Dateline(s)
			}
			first = false
			for _, m := range d.Find(s, c) {
				row := mentionRow{File: name, Start: m.Span.Start, End: m.Span.End, Text: oneLine(text[m.Span.Start:m.Span.End]),
					Code: m.Code, ID: m.ActorID, Name: m.Name, Role: m.Role, Confidence: m.Confidence,
					Method: string(m.Method), Why: m.Why}
				if *asJSON {
					if err := enc.Encode(row); err != nil {
						return err
					}
					continue
				}
				if _, err := fmt.Fprintf(env.Stdout, "%s:%d-%d\t%s\t%s\t%.2f\t%s\t%s\n", name, row.Start, row.End,
					orDash(row.Code), row.Text, row.Confidence, row.Method, row.Why); err != nil {
					return err
				}
			}
			return nil
		})
	}, &rep)
	if err != nil {
		return err
	}
	return rep.Err()
}

// sentencer returns the function that streams the sentences of a text, a
// block at a time: the language pipeline, which also tags and parses, when
// its models load; else the segmenter alone, since the recognizer needs
// only tokens.
func sentencer(env *Env) func(string, func(*ud.Sentence) error) error {
	p, err := engine.LoadPipeline()
	if err != nil {
		fmt.Fprintf(env.Stderr, "farabi: %v; using tokens alone\n", err)
		p = pipeline.New(nil, nil)
	}
	return p.Stream
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func actorsUnknown(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "actors unknown")
	date, dictSpec := storyFlags(fs)
	minCount := fs.Int("min", 1, "print names seen at least `N` times")
	asJSON := fs.Bool("json", false, "print one JSON object per name")
	if err := fs.Parse(args); err != nil {
		return err
	}
	day, err := parseDay(*date)
	if err != nil {
		return err
	}
	d, err := loadDict(env, *dictSpec)
	if err != nil {
		return err
	}
	sentences := sentencer(env)
	var u actor.Unknowns
	var rep problems.List
	err = eachInput(env, fs.Args(), func(name, text string) error {
		c := actor.Context{Date: day}
		return sentences(text, func(s *ud.Sentence) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			u.Add(s, d.Unknown(s, d.Find(s, c), c))
			return nil
		})
	}, &rep)
	if err != nil {
		return err
	}
	if err := printUnknown(env.Stdout, u.List(), *minCount, *asJSON); err != nil {
		return err
	}
	return rep.Err()
}

func printUnknown(w io.Writer, list []actor.UnknownName, minCount int, asJSON bool) error {
	enc := json.NewEncoder(w)
	for _, n := range list {
		if n.Count < minCount {
			continue
		}
		if asJSON {
			if err := enc.Encode(struct {
				Name     string   `json:"name"`
				Count    int      `json:"count"`
				Examples []string `json:"examples"`
			}{n.Name, n.Count, n.Examples}); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(w, "%d\t%s\n", n.Count, n.Name)
		for _, ex := range n.Examples {
			fmt.Fprintf(w, "\t%s\n", ex)
		}
	}
	return nil
}
