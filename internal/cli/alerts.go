package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"farabi/internal/analytics"
)

func alertsCommand() *Command {
	return &Command{
		Name: "alerts",
		Usage: "alerts [--db DB] [--actor KAZ] [--since D] [--until D] [--baseline 12] [--sd 3] [--min 5]\n" +
			"             [--format table|json]",
		Short: "dyads whose cooperation or conflict departs from their own trailing weeks, and new partners",
		Run:   runAlerts,
	}
}

// alertFlags are the options of alerts, shared by watch's webhook.
type alertFlags struct {
	baseline, min *int
	sd            *float64
}

func defineAlertFlags(fs *flag.FlagSet) *alertFlags {
	return &alertFlags{
		baseline: fs.Int("baseline", 12, "compare a week with this many trailing `weeks`"),
		sd:       fs.Float64("sd", 3, "alert beyond this many standard `deviations` of the baseline"),
		min:      fs.Int("min", 5, "alert only from this many `events` a week (a fall: a baseline mean this high)"),
	}
}

func (a *alertFlags) options(actor, since, until string) analytics.AlertOptions {
	return analytics.AlertOptions{Actor: actor, Since: since, Until: until, Baseline: *a.baseline, SD: *a.sd, Min: *a.min}
}

func runAlerts(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "alerts")
	db := dbFlag(fs)
	actor := fs.String("actor", "", "watch this `ACTOR`'s dyads (default: every dyad)")
	since := fs.String("since", "", "alerts of the weeks from this `day` (default: the last four weeks with events)")
	until := fs.String("until", "", "to this `day` (default: the last day with events)")
	af := defineAlertFlags(fs)
	format := fs.String("format", "table", "output: table or json (one object a line)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected arguments %q", fs.Args())
	}
	if *format != "table" && *format != "json" {
		return formatError(*format, "table", "json")
	}
	a := strings.ToUpper(*actor)
	if a != "" && !analytics.ValidCode(a) {
		return usageError("bad --actor %q", *actor)
	}
	s, err := openStore(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	alerts, err := analytics.New(s, nil).Alerts(ctx, af.options(a, *since, *until))
	if err != nil {
		return err
	}
	out := bufio.NewWriter(env.Stdout)
	if *format == "json" {
		for i := range alerts {
			if err := writeJSON(out, &alerts[i]); err != nil {
				return err
			}
		}
		return out.Flush()
	}
	if len(alerts) == 0 {
		fmt.Fprintln(env.Stderr, "no alerts")
		return nil
	}
	writeAlerts(out, alerts)
	return out.Flush()
}

// writeAlerts prints alerts in 80 columns.
func writeAlerts(w io.Writer, alerts []analytics.Alert) {
	fmt.Fprintf(w, "%-10s %-11s %-18s %-11s %5s %13s %6s\n", "WEEK", "KIND", "DYAD", "CLASS", "COUNT", "BASELINE", "Z")
	for _, a := range alerts {
		dyad := pad(a.Actor+"–"+a.Partner, 18)
		if a.Kind == analytics.NewPartner {
			fmt.Fprintf(w, "%-10s %-11s %s %-11s %5d\n", a.Week, a.Kind, dyad, "", a.Count)
			continue
		}
		fmt.Fprintf(w, "%-10s %-11s %s %-11s %5d %13s %6s\n", a.Week, a.Kind, dyad, a.Class, a.Count,
			fmt.Sprintf("%.1f ± %.1f", a.Mean, a.SD), signed(a.Z))
	}
}
