package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"

	"farabi/internal/depparse"
)

// trainMix writes the parser whose weights are the weighted mean of those
// of parser models given as SHARE:FILE arguments (depparse.Average).
func trainMix(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "train mix")
	out := fs.String("out", "", "parser model `FILE` to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() == 0 {
		return usageError("train mix --out FILE SHARE:MODEL ...")
	}
	var ps []*depparse.Parser
	var mix []float64
	for _, arg := range fs.Args() {
		share, name, ok := strings.Cut(arg, ":")
		w, err := strconv.ParseFloat(share, 64)
		if !ok || err != nil || w < 0 {
			return usageError("train mix: %q is not SHARE:MODEL with a share of 0 or more", arg)
		}
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("train mix: %w", err)
		}
		p, err := depparse.Read(bufio.NewReaderSize(f, 1<<20))
		f.Close()
		if err != nil {
			return fmt.Errorf("train mix: %s: %w", name, err)
		}
		ps = append(ps, p)
		mix = append(mix, w)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	p, err := depparse.Average(ps, mix)
	if err != nil {
		return fmt.Errorf("train mix: %w", err)
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("train mix: %w", err)
	}
	n, err := p.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("train mix: %s: %w", *out, err)
	}
	fmt.Fprintf(env.Stderr, "train mix: wrote %s (%d bytes), the mean of %d parsers\n", *out, n, len(ps))
	return nil
}
