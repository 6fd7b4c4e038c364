package cli

import (
	"bufio"
	"context"
	"fmt"

	"farabi/internal/engine"
	"farabi/internal/problems"
	"farabi/internal/ud"
)

func parseCommand() *Command {
	return &Command{
		Name:  "parse",
		Usage: "parse [FILE...]",
		Short: "print CoNLL-U (tags, lemmas, tree, byte ranges) for raw text; stdin when no FILE",
		Run:   runParse,
	}
}

func runParse(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "parse")
	if err := fs.Parse(args); err != nil {
		return err
	}
	p, err := engine.LoadPipeline()
	if err != nil {
		return err
	}
	var rep problems.List
	out := bufio.NewWriterSize(env.Stdout, 64<<10)
	err = eachInput(env, fs.Args(), func(name, text string) error {
		n := 0
		return p.Stream(text, func(s *ud.Sentence) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			n++
			s.ID = fmt.Sprintf("%s-%d", name, n)
			return ud.Write(out, s, true)
		})
	}, &rep)
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	return rep.Err()
}
