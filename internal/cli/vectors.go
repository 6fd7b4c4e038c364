package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"farabi/geo"
	"farabi/internal/analytics"
	"farabi/internal/store"
)

func vectorsCommand() *Command {
	return &Command{
		Name:  "vectors",
		Usage: "vectors [--db DB] [--since D] [--until D] [--by month|week] [--blocs FILE] [--top N] [--format table|json] ACTOR",
		Short: "a country's balance of ties: engagement by bloc and partner, shares, concentration and how they move",
		Run:   runVectors,
	}
}

// windowFlags are the flags of the analytics commands' window.
type windowFlags struct {
	since, until, by *string
}

func defineWindowFlags(fs *flag.FlagSet, by string) *windowFlags {
	return &windowFlags{
		since: fs.String("since", "", "from this `day`, YYYY-MM-DD (default: a year before --until)"),
		until: fs.String("until", "", "to this `day` (default: the last day with events)"),
		by:    fs.String("by", by, "series by `month` or week"),
	}
}

// parse parses a command's flags and n actors, and checks its window and
// --format (table or json).
func (w *windowFlags) parse(fs *flag.FlagSet, args []string, n int, what string, format *string) ([]string, analytics.Window, error) {
	actors, err := actorArgs(fs, args, n, what)
	if err != nil {
		return nil, analytics.Window{}, err
	}
	win, err := w.window()
	if err != nil {
		return nil, win, err
	}
	if *format != "table" && *format != "json" {
		return nil, win, formatError(*format, "table", "json")
	}
	return actors, win, nil
}

func (w *windowFlags) window() (analytics.Window, error) {
	p, err := analytics.ParsePeriod(*w.by)
	if err != nil {
		return analytics.Window{}, usageError("%v", err)
	}
	return analytics.Window{Since: *w.since, Until: *w.until, Period: p}, nil
}

// blocsFlag defines --blocs, a blocs file replacing the default.
func blocsFlag(fs *flag.FlagSet) *string {
	return fs.String("blocs", "", "count partners in the blocs of this `FILE` (format: docs/format/blocs.md; default: geo/blocs.txt)")
}

// loadBlocs reads --blocs, or the default blocs.
func loadBlocs(path string) (*analytics.Blocs, error) {
	if path == "" {
		return analytics.DefaultBlocs(), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return analytics.ReadBlocs(f, path)
}

// placeNames returns the names of countries and organisations for tables.
func placeNames() map[string]string {
	w, err := geo.LoadWorld()
	if err != nil {
		return nil // the embedded file is checked by geo's tests
	}
	return w.Names()
}

// parseMixed parses flags that may come before, between or after the
// arguments ("vectors KAZ --since 2025-01-01") and returns the arguments.
// "--" ends the flags.
func parseMixed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if len(args) > 0 && args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// actorArgs parses a command's flags and its n actors, returned in upper
// case.
func actorArgs(fs *flag.FlagSet, args []string, n int, what string) ([]string, error) {
	pos, err := parseMixed(fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) != n {
		return nil, usageError("want %s", what)
	}
	out := make([]string, n)
	for i, a := range pos {
		out[i] = strings.ToUpper(a)
		if !analytics.ValidCode(out[i]) {
			return nil, usageError("bad actor %q: want a code such as KAZ, KAZGOV or EU", a)
		}
	}
	return out, nil
}

func runVectors(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "vectors")
	db := dbFlag(fs)
	wf := defineWindowFlags(fs, "month")
	blocsPath := blocsFlag(fs)
	top := fs.Int("top", 12, "list the `N` partners with most events")
	format := fs.String("format", "table", "output: table or json (one object)")
	actors, w, err := wf.parse(fs, args, 1, "one ACTOR, e.g. KAZ", format)
	if err != nil {
		return err
	}
	b, err := loadBlocs(*blocsPath)
	if err != nil {
		return err
	}
	s, err := openStore(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	v, err := analytics.New(s, b).Vectors(ctx, actors[0], w)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(env.Stdout, v)
	}
	out := bufio.NewWriter(env.Stdout)
	writeVectors(out, v, placeNames(), *top)
	return out.Flush()
}

// blocMarks gives each bloc a letter of its name for stacked bars, unique
// among the blocs; Other is '·'.
func blocMarks(bs []analytics.BlocTally) []rune {
	used := map[rune]bool{'·': true}
	marks := make([]rune, len(bs))
	for i, b := range bs {
		if b.Bloc == analytics.Other {
			marks[i] = '·'
			continue
		}
		name := strings.TrimPrefix(b.Name, "The ")
		for _, r := range strings.ToUpper(name) + "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				if !used[r] {
					marks[i] = r
					used[r] = true
					break
				}
			}
		}
	}
	return marks
}

func signed(x float64) string { return fmt.Sprintf("%+.1f", x) }

// writeVectors prints vectors in 80 columns: the blocs as a table and a
// bar chart, the concentration, the leading partners, and the series as
// stacked bars.
func writeVectors(w io.Writer, v *analytics.Vectors, names map[string]string, top int) {
	name := v.Actor
	if n := names[store.Country(v.Actor)]; n != "" && v.Actor == store.Country(v.Actor) {
		name = v.Actor + " " + n
	}
	fmt.Fprintf(w, "%s, %s to %s\n%d distinct events with partners, mean Goldstein score %s\n\n",
		name, v.Window.Since, v.Window.Until, v.Total.Events, signed(v.Total.Mean))
	if v.Total.Events == 0 {
		fmt.Fprintln(w, "No events with partners in this window.")
		return
	}
	fmt.Fprintf(w, "%-30s %6s %6s %5s %5s %5s %5s %6s\n", "BLOC", "EVENTS", "SHARE", "VCOOP", "MCOOP", "VCONF", "MCONF", "MEAN")
	for _, b := range v.Blocs {
		if b.Events == 0 {
			continue
		}
		fmt.Fprintf(w, "%s %6d %5.1f%% %5d %5d %5d %5d %6s\n", pad(b.Name, 30), b.Events, 100*b.Share,
			b.Quad[0], b.Quad[1], b.Quad[2], b.Quad[3], signed(b.Mean))
	}
	fmt.Fprintln(w, "\nShares by bloc")
	maxShare := 0.0
	for _, b := range v.Blocs {
		maxShare = max(maxShare, b.Share)
	}
	for _, b := range v.Blocs {
		if b.Events == 0 {
			continue
		}
		fmt.Fprintf(w, "%s %s %5.1f%%\n", pad(b.Name, 30), pad(bar(b.Share/maxShare, 40), 40), 100*b.Share)
	}
	bc, pc := v.BlocConcentration, v.PartnerConcentration
	fmt.Fprintf(w, "\nConcentration      HHI  EFFECTIVE  ENTROPY\n")
	fmt.Fprintf(w, "  over blocs     %5.3f  %9.1f  %7.3f  (of %d blocs)\n", bc.HHI, bc.Effective, bc.Entropy, bc.N)
	fmt.Fprintf(w, "  over partners  %5.3f  %9.1f  %7.3f  (of %d partners)\n", pc.HHI, pc.Effective, pc.Entropy, pc.N)

	fmt.Fprintf(w, "\n%-24s %6s %6s %5s %5s %5s %5s %6s\n", "PARTNER", "EVENTS", "SHARE", "VCOOP", "MCOOP", "VCONF", "MCONF", "MEAN")
	for i, p := range v.Partners {
		if i == top {
			fmt.Fprintf(w, "  … and %d more\n", len(v.Partners)-top)
			break
		}
		label := p.Partner
		if n := names[p.Partner]; n != "" && n != p.Partner {
			label += " " + n
		}
		fmt.Fprintf(w, "%s %6d %5.1f%% %5d %5d %5d %5d %6s\n", pad(label, 24), p.Events, 100*p.Share,
			p.Quad[0], p.Quad[1], p.Quad[2], p.Quad[3], signed(p.Mean))
	}

	marks := blocMarks(v.Blocs)
	fmt.Fprintf(w, "\nBy %s: events, concentration over blocs, and each bloc's share\n", v.Window.Period)
	var legend []string
	for i, b := range v.Blocs {
		if b.Events > 0 {
			legend = append(legend, string(marks[i])+" "+b.Name)
		}
	}
	line := ""
	for _, l := range legend {
		if len(line)+len(l)+3 > 78 {
			fmt.Fprintln(w, " "+line)
			line = ""
		}
		if line != "" {
			line += "  "
		}
		line += l
	}
	fmt.Fprintln(w, " "+line)
	fmt.Fprintf(w, "%-10s %6s %5s %5s  %s\n", "PERIOD", "EVENTS", "HHI", "ENTR", "SHARES")
	for _, p := range v.Series {
		if p.Events == 0 {
			fmt.Fprintf(w, "%-10s %6d\n", p.Period, 0)
			continue
		}
		fmt.Fprintf(w, "%-10s %6d %5.2f %5.2f  %s\n", p.Period, p.Events, p.BlocConcentration.HHI, p.BlocConcentration.Entropy,
			stacked(p.Blocs, marks, 48))
	}
}
