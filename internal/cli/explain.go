package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"farabi/internal/actor"
	"farabi/internal/engine"
	"farabi/internal/pipeline"
	"farabi/internal/ud"
)

func explainCommand() *Command {
	return &Command{
		Name:  "explain",
		Usage: "explain [--date YYYY-MM-DD] [--dict DIR|petrarch:DIR] [--all] \"SENTENCE\"",
		Short: "show how a sentence is coded: tokens, tags, tree, actors, each pattern tried",
		Run:   runExplain,
	}
}

func runExplain(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "explain")
	date, dictSpec := storyFlags(fs)
	all := fs.Bool("all", false, "list every pattern tried, not only those that came close")
	asCase := fs.Bool("txtar", false, "print a golden test case (sentence.conllu, mentions, events.golden) instead")
	if err := fs.Parse(args); err != nil {
		return err
	}
	// The sentence is input like any other: invalid UTF-8 and control
	// characters are cleaned, binary data refused, so that what is
	// printed is text (and --txtar's CoNLL-U reads back).
	text, err := cleanText([]byte(strings.Join(fs.Args(), " ")))
	if err != nil {
		return errors.New("the sentence looks like binary data, not text")
	}
	if strings.TrimSpace(text) == "" {
		return usageError("give the sentence to explain")
	}
	day, err := parseDay(*date)
	if err != nil {
		return err
	}
	eng, err := engine.Load(*dictSpec, env.Stderr)
	if err != nil {
		return err
	}
	w := env.Stdout
	r := eng.Lang.Code(eng.Coding, &pipeline.Story{ID: "explain", Date: day, Text: text})
	sents := r.Sentences
	if *asCase {
		return printCase(w, eng, sents, r.Mentions, r.Places, text)
	}
	if r.Country != "" {
		fmt.Fprintf(w, "dateline country: %s\n\n", r.Country)
	}
	for si, s := range sents {
		fmt.Fprintf(w, "sentence %d: %s\n\nwords:\n", si, s.Text)
		for i, t := range s.Tokens {
			head := "root"
			if t.Head > 0 {
				head = fmt.Sprintf("%d %s", t.Head, s.Tokens[t.Head-1].Form)
			}
			fmt.Fprintf(w, "  %3d %-16s %-14s %-6s %-5s %-12s ← %s  [%d:%d]\n", i+1, t.Form, t.Lemma, t.UPOS, t.XPOS, t.Rel, head, t.Span.Start, t.Span.End)
		}
		fmt.Fprintf(w, "\ntree:\n")
		printTree(w, s)
		ms := r.Mentions[si]
		fmt.Fprintf(w, "\nactors:\n")
		if len(ms) == 0 {
			fmt.Fprintln(w, "  (none)")
		}
		for _, m := range ms {
			fmt.Fprintf(w, "  %-10s %q words %d-%d [%d:%d] by %s, confidence %.2f %s\n", orDash(m.Code), text[m.Span.Start:m.Span.End],
				m.First+1, m.Last+1, m.Span.Start, m.Span.End, m.Method, m.Confidence, m.Why)
		}
		for _, m := range r.Places[si] {
			fmt.Fprintf(w, "  place %-4s %q words %d-%d by %s\n", m.Code, text[m.Span.Start:m.Span.End], m.First+1, m.Last+1, m.Why)
		}
		evs, traces := eng.Coder.Explain(s, pipeline.WithPlaces(ms, r.Places[si]))
		fmt.Fprintf(w, "\npatterns tried:\n")
		shown, hidden := 0, 0
		for _, tr := range traces {
			if !*all && !tr.Matched && (strings.HasPrefix(tr.Why, "part of speech") ||
				strings.HasPrefix(tr.Why, "requirement") || strings.HasPrefix(tr.Why, "no particle")) {
				hidden++
				continue
			}
			mark := "✗"
			if tr.Matched {
				mark = "✓"
			}
			fmt.Fprintf(w, "  %s %-28s on %q (%s:%d): %s\n", mark, tr.Pattern.ID, s.Tokens[tr.Predicate].Form,
				tr.Pattern.File, tr.Pattern.Line, tr.Why)
			shown++
		}
		if shown == 0 && hidden == 0 {
			fmt.Fprintln(w, "  (no word of the sentence carries a pattern)")
		}
		if hidden > 0 {
			fmt.Fprintf(w, "  (%d more whose words or requirements did not fit; --all lists them)\n", hidden)
		}
		fmt.Fprintf(w, "\nevents:\n")
		if len(evs) == 0 {
			fmt.Fprintln(w, "  (none)")
		}
		for _, ev := range evs {
			fmt.Fprintf(w, "  %s → %s  %s (%s, quad %d, Goldstein %+.1f)  rule %s  confidence %.2f", ev.Source.Code, ev.Target.Code,
				ev.Code, ev.Plover, ev.Quad, ev.Goldstein, ev.Rule, ev.Confidence)
			if len(ev.Notes) > 0 {
				fmt.Fprintf(w, "  [%s]", strings.Join(ev.Notes, "; "))
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w)
	}
	return nil
}

// printTree draws the dependency tree with indentation.
func printTree(w interface{ Write([]byte) (int, error) }, s *ud.Sentence) {
	children := make([][]int, len(s.Tokens)+1)
	for i, t := range s.Tokens {
		h := t.Head
		if h < 0 || h > len(s.Tokens) {
			h = 0
		}
		children[h] = append(children[h], i+1)
	}
	var walk func(n, depth int)
	walk = func(n, depth int) {
		for _, c := range children[n] {
			t := s.Tokens[c-1]
			fmt.Fprintf(w, "  %s%s (%s)\n", strings.Repeat("  ", depth), t.Form, t.Rel)
			if depth < 40 {
				walk(c, depth+1)
			}
		}
	}
	walk(0, 0)
}

// printCase writes a golden coder case for the first sentence: its parse as
// CoNLL-U (to be checked by hand), its mentions and places, and its events.
func printCase(w io.Writer, eng *engine.Engine, sents []*ud.Sentence, mentions, places [][]actor.Mention, text string) error {
	if len(sents) == 0 {
		return errors.New("no sentence")
	}
	s := sents[0]
	// The archive's comment is the sentence on one line: a line break in
	// it could read as a file marker.
	fmt.Fprintf(w, "%s\n-- sentence.conllu --\n", oneLine(s.Text))
	c := *s
	c.ID = ""
	if err := ud.Write(w, &c, false); err != nil {
		return err
	}
	fmt.Fprintln(w, "-- mentions --")
	ms := mentions[0]
	if len(places) > 0 {
		ms = pipeline.WithPlaces(ms, places[0])
	}
	for _, m := range ms {
		switch {
		case m.Code != "" && m.Method == actor.ByPlace:
			// a place, which the golden test reads back as one
			fmt.Fprintf(w, "%d %d %s method=place %s\n", m.First+1, m.Last+1, m.Code, oneLine(text[m.Span.Start:m.Span.End]))
		case m.Code != "":
			fmt.Fprintf(w, "%d %d %s %s\n", m.First+1, m.Last+1, m.Code, oneLine(text[m.Span.Start:m.Span.End]))
		}
	}
	fmt.Fprintln(w, "-- events.golden --")
	for _, ev := range eng.Coder.Code(s, ms) {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", ev.Source.Code, ev.Target.Code, ev.Code, ev.Plover, ev.Rule)
	}
	return nil
}
