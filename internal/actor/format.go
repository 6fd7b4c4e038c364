package actor

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Write writes d in farabi's format: actors, then agents, then discards.
// Reading the output with [Parse] gives the same entries.
func Write(w io.Writer, d *Dictionary) error {
	bw := bufio.NewWriter(w)
	for _, a := range d.Actors {
		writeActor(bw, a, d.upper)
	}
	for _, g := range d.Agents {
		fmt.Fprintf(bw, "agent %s\n", roleText(g))
		writeNames(bw, "name", g.Names, d.upper)
		bw.WriteString("\n")
	}
	for _, x := range d.Discards {
		if x.Story {
			bw.WriteString("discard story\n")
		} else {
			bw.WriteString("discard\n")
		}
		writeNames(bw, "name", x.Names, d.upper)
		bw.WriteString("\n")
	}
	return bw.Flush()
}

func writeActor(w *bufio.Writer, a *Actor, upper bool) {
	name := a.Name
	if upper {
		name = titleName(name)
	}
	fmt.Fprintf(w, "actor %s\n", name)
	if a.ID != "" {
		fmt.Fprintf(w, "  id %s\n", a.ID)
	}
	if a.Kind != "" {
		fmt.Fprintf(w, "  kind %s\n", a.Kind)
	}
	writeNames(w, "alias", a.Aliases, upper)
	writeNames(w, "adj", a.Adjs, upper)
	writeNames(w, "capital", a.Capitals, upper)
	for _, t := range a.Terms {
		w.WriteString("  code " + t.Code)
		if t.From != 0 || t.To != 0 || t.Role != "" {
			fmt.Fprintf(w, " %s %s", dateText(t.From), dateText(t.To))
		}
		if t.Role != "" {
			w.WriteString(" " + t.Role)
		}
		w.WriteString("\n")
	}
	if len(a.Parties) > 0 {
		fmt.Fprintf(w, "  parties %s\n", strings.Join(a.Parties, " "))
	}
	if len(a.Members) > 0 {
		fmt.Fprintf(w, "  members %s\n", strings.Join(a.Members, " "))
	}
	for _, u := range a.Unsure {
		fmt.Fprintf(w, "  unsure %s\n", u)
	}
	for _, n := range a.Notes {
		fmt.Fprintf(w, "  note %s\n", n)
	}
	w.WriteString("\n")
}

func dateText(d Date) string {
	if d == 0 {
		return "*"
	}
	return d.String()
}

func writeNames(w *bufio.Writer, field string, names []string, upper bool) {
	const perLine = 6
	for i := 0; i < len(names); i += perLine {
		j := min(i+perLine, len(names))
		list := make([]string, 0, j-i)
		for _, n := range names[i:j] {
			if upper {
				n = titleName(n)
			}
			list = append(list, n)
		}
		fmt.Fprintf(w, "  %s %s\n", field, strings.Join(list, " | "))
	}
}

// ImportPetrarch converts one PETRARCH file of the given kind ("actors",
// "agents" or "discards", see [PetrarchKind]) to farabi's format, written to
// w. Lines it cannot read, and codes farabi's format cannot hold, are
// reported with file and line; the rest is written.
func ImportPetrarch(w io.Writer, kind, name string, data []byte) error {
	d, err := ReadPetrarch(kind, name, data)
	errs := []error{err}
	bad := func(line int, format string, a ...any) {
		errs = append(errs, &SyntaxError{File: name, Line: line, Err: fmt.Errorf(format, a...)})
	}
	agents := d.Agents[:0]
	for _, g := range d.Agents {
		if !isCode(g.Role) {
			bad(g.Line, "agent code %q is not a farabi code (upper-case letters only): left out", g.Role)
			continue
		}
		g.Names = cleanNames(g.Names)
		if len(g.Names) > 0 {
			agents = append(agents, g)
		}
	}
	d.Agents = agents
	for _, x := range d.Discards {
		x.Names = cleanNames(x.Names)
	}
	for _, a := range d.Actors {
		a.Name = strings.ReplaceAll(a.Name, "|", "/")
		a.Aliases = cleanNames(a.Aliases)
		kept := a.Terms[:0]
		for _, t := range a.Terms {
			if t.Code != NullCode && !isCode(t.Code) && !IsOrgCode(t.Code) {
				errs = append(errs, &SyntaxError{File: name, Line: t.Line,
					Err: fmt.Errorf("code %q of %q is not a farabi code (upper-case letters only): left out", t.Code, a.Name)})
				continue
			}
			kept = append(kept, t)
		}
		a.Terms = kept
		a.Notes = append(a.Notes, fmt.Sprintf("imported from PETRARCH %s:%d", name, a.Line))
	}
	discards := d.Discards[:0]
	for _, x := range d.Discards {
		if len(x.Names) > 0 {
			discards = append(discards, x)
		}
	}
	d.Discards = discards
	if werr := Write(w, d); werr != nil {
		errs = append(errs, werr)
	}
	return errors.Join(errs...)
}

// cleanNames drops names farabi's format cannot hold in a name list.
func cleanNames(names []string) []string {
	out := names[:0]
	for _, n := range names {
		if hasWordChar(n) && !strings.Contains(n, "|") {
			out = append(out, n)
		}
	}
	return out
}
