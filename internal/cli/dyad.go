package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"

	"farabi/internal/analytics"
)

func dyadCommand() *Command {
	return &Command{
		Name:  "dyad",
		Usage: "dyad [--db DB] [--since D] [--until D] [--by month|week] [--format table|json] ACTOR PARTNER",
		Short: "a dyad's events period by period, both directions, by quad class with Goldstein sums and means, and sparklines",
		Run:   runDyad,
	}
}

func runDyad(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "dyad")
	db := dbFlag(fs)
	wf := defineWindowFlags(fs, "month")
	format := fs.String("format", "table", "output: table or json (one object)")
	actors, w, err := wf.parse(fs, args, 2, "two actors, e.g. KAZ CHN", format)
	if err != nil {
		return err
	}
	s, err := openStore(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	series, err := analytics.New(s, nil).Series(ctx, actors[0], actors[1], w, analytics.SeriesFilter{})
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(env.Stdout, series)
	}
	out := bufio.NewWriter(env.Stdout)
	writeDyad(out, series)
	return out.Flush()
}

// writeDyad prints a dyad's series in 80 columns with sparklines of its
// events, cooperation, conflict and mean Goldstein score.
func writeDyad(w io.Writer, s *analytics.Series) {
	fmt.Fprintf(w, "%s–%s, %s to %s by %s\n%d distinct events, both directions, mean Goldstein score %s\n\n", s.Actor, s.Partner,
		s.Window.Since, s.Window.Until, s.Window.Period, s.Total.Events, signed(s.Total.Mean))
	fmt.Fprintf(w, "%-10s %6s %5s %5s %5s %5s %7s %6s\n", "PERIOD", "EVENTS", "VCOOP", "MCOOP", "VCONF", "MCONF", "GOLD", "MEAN")
	n := len(s.Points)
	events, coop, conf, mean := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for i, p := range s.Points {
		events[i], coop[i], conf[i], mean[i] = float64(p.Events), float64(p.Cooperation()), float64(p.Conflict()), p.Mean
		if p.Events == 0 {
			mean[i] = math.NaN()
			fmt.Fprintf(w, "%-10s %6d\n", p.Period, 0)
			continue
		}
		fmt.Fprintf(w, "%-10s %6d %5d %5d %5d %5d %7.1f %6s\n", p.Period, p.Events, p.Quad[0], p.Quad[1], p.Quad[2], p.Quad[3],
			p.Goldstein, signed(p.Mean))
	}
	fmt.Fprintln(w)
	// Sparklines of up to 64 periods fit beside their labels; longer
	// series show their last 64.
	from := max(0, n-64)
	if from > 0 {
		fmt.Fprintf(w, "The last 64 %ss:\n", s.Window.Period)
	}
	fmt.Fprintf(w, "%-13s %s\n", "events", sparkline(events[from:]))
	fmt.Fprintf(w, "%-13s %s\n", "cooperation", sparkline(coop[from:]))
	fmt.Fprintf(w, "%-13s %s\n", "conflict", sparkline(conf[from:]))
	fmt.Fprintf(w, "%-13s %s\n", "mean Goldst.", sparkline(mean[from:]))
}
