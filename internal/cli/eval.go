package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"farabi/internal/engine"
	"farabi/internal/eventeval"
	"farabi/internal/linescan"
	"farabi/internal/pipeline"
	"farabi/internal/problems"
	"farabi/internal/ud"
	"farabi/internal/udeval"
)

func evalCommand() *Command {
	return &Command{
		Name:  "eval",
		Usage: "eval ud --treebank DIR [--split dev|test] [--json] | eval --gold FILE | --news DIR [--dict DIR|petrarch:DIR] [--json] [-v]",
		Short: "score the language core on a UD treebank, or the event coder on gold records",
		Run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) == 0 || args[0] != "ud" {
				return evalEvents(ctx, env, args)
			}
			return evalUD(ctx, env, args[1:])
		},
	}
}

// udScores is one column of `farabi eval ud`, in percent.
type udScores struct {
	Tokens    float64 `json:"tokens"`
	Sentences float64 `json:"sentences"`
	Words     float64 `json:"words"`
	UPOS      float64 `json:"upos"`
	Lemma     float64 `json:"lemma"`
	UAS       float64 `json:"uas"`
	LAS       float64 `json:"las"`
}

func scoresOf(r udeval.Result) udScores {
	return udScores{r.Tokens.F1(), r.Sentences.F1(), r.Words.F1(), r.UPOS.F1(), r.Lemma.F1(), r.UAS.F1(), r.LAS.F1()}
}

func evalUD(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "eval ud")
	dir := fs.String("treebank", filepath.Join(env.sharedDir(), "ud", "en_ewt"), "treebank `DIR` holding *-ud-SPLIT.conllu")
	split := fs.String("split", "test", "which split to score: dev or test")
	asJSON := fs.Bool("json", false, `print one JSON object {"raw_text": {...}, "gold_tok": {...}}`)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *split != "dev" && *split != "test" && *split != "train" {
		return usageError("--split must be dev or test, not %q", *split)
	}
	matches, _ := filepath.Glob(filepath.Join(*dir, "*-ud-"+*split+".conllu"))
	if len(matches) != 1 {
		return fmt.Errorf("no single *-ud-%s.conllu in %s (found %d)", *split, *dir, len(matches))
	}
	f, err := os.Open(matches[0])
	if err != nil {
		return err
	}
	defer f.Close()
	gold, err := ud.ReadAll(f, matches[0])
	if err != nil {
		return err
	}
	p, err := engine.LoadPipeline()
	if err != nil {
		return err
	}
	text, gold := udeval.Document(gold)

	start := time.Now()
	raw := udeval.Compare(gold, p.Process(text))
	rawTime := time.Since(start)

	sys := make([]*ud.Sentence, len(gold))
	for i, g := range gold {
		sys[i] = stripped(g)
		p.Analyze(sys[i])
	}
	gtok := udeval.Compare(gold, sys)

	if *asJSON {
		return json.NewEncoder(env.Stdout).Encode(map[string]udScores{"raw_text": scoresOf(raw), "gold_tok": scoresOf(gtok)})
	}
	fmt.Fprintf(env.Stdout, "%s: %d sentences, %d words (raw-text pipeline %.2fs)\n", matches[0], len(gold), raw.Words.Gold, rawTime.Seconds())
	fmt.Fprintf(env.Stdout, "%-10s %10s %10s\n", "metric", "raw text", "gold tok")
	rs, gs := scoresOf(raw), scoresOf(gtok)
	for _, row := range []struct {
		name string
		a, b float64
	}{{"tokens", rs.Tokens, gs.Tokens}, {"sentences", rs.Sentences, gs.Sentences}, {"words", rs.Words, gs.Words},
		{"UPOS", rs.UPOS, gs.UPOS}, {"lemma", rs.Lemma, gs.Lemma}, {"UAS", rs.UAS, gs.UAS}, {"LAS", rs.LAS, gs.LAS}} {
		fmt.Fprintf(env.Stdout, "%-10s %9.2f%% %9.2f%%\n", row.name, row.a, row.b)
	}
	return nil
}

// stripped returns a copy of a gold sentence with only its tokenization.
func stripped(g *ud.Sentence) *ud.Sentence {
	s := &ud.Sentence{ID: g.ID, Text: g.Text, Span: g.Span, MultiWords: g.MultiWords}
	s.Tokens = make([]ud.Token, len(g.Tokens))
	for i, t := range g.Tokens {
		s.Tokens[i] = ud.Token{Span: t.Span, Form: t.Form, Head: -1, NoSpaceAfter: t.NoSpaceAfter}
	}
	return s
}

// evalEvents scores the event coder on gold records.
func evalEvents(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "eval")
	gold := fs.String("gold", "", "gold records `FILE` (JSON lines: id, date, text, events)")
	dictSpec := dictFlag(fs)
	asJSON := fs.Bool("json", false, "print one JSON object")
	verbose := fs.Bool("v", false, "print each wrong record with its gold and system events")
	news := fs.String("news", "", "score a real-news set `DIR` (index.jsonl, articles/, annotations.jsonl) as ../shared/tools/score.py does")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *news != "" {
		return evalNews(ctx, env, *news, *dictSpec, *asJSON, *verbose)
	}
	if *gold == "" {
		return usageError("--gold FILE is required (or 'eval ud' for the language core)")
	}
	fh, err := openGold(*gold)
	if err != nil {
		return err
	}
	defer fh.Close()
	in := &source{name: *gold, r: fh, size: -1}
	eng, err := engine.Load(*dictSpec, env.Stderr)
	if err != nil {
		return err
	}
	// Gold records are read as code reads --input jsonl, with the same
	// checks, and coded a batch at a time; a gold file may also repeat an
	// id, which would merge two records, so a repeated one is skipped.
	var (
		probs    problems.List
		recs     []eventeval.Record
		texts    = map[string]string{}
		index    = map[*pipeline.Story]int{} // story → its record in recs
		lineOfID = map[string]int{}
	)
	batch := eng.Lang.NewBatch(eng.Coding, pipeline.SinkFuncs{SentenceFunc: func(r *pipeline.SentenceResult) error {
		rec := &recs[index[r.Story]]
		for _, ev := range r.Events {
			rec.System = append(rec.System, eventeval.Triple{Source: ev.Source.Code, Target: ev.Target.Code, Code: ev.Code})
		}
		return nil
	}, StoryFunc: func(s *pipeline.Summary) error {
		delete(index, s.Story)
		return nil
	}})
	err = eachRecord(in, time.Time{}, &probs, func(line int, st *pipeline.Story, g *record) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if len(g.Events) == 0 || string(g.Events) == "null" {
			return nil // the record states no expected coding
		}
		want, err := goldEvents(g.Events)
		if err != nil {
			probs.Add(kindJSON, fmt.Errorf("%s:%d: %w; skipped", in.name, line, err))
			return nil
		}
		if first, ok := lineOfID[st.ID]; ok {
			probs.Add(kindDupID, fmt.Errorf("%s:%d: duplicate id %q (first on line %d); skipped", in.name, line, linescan.Clip(st.ID), first))
			return nil
		}
		lineOfID[st.ID] = line
		index[st] = len(recs)
		recs = append(recs, eventeval.Record{ID: st.ID, Gold: want})
		if *verbose {
			texts[st.ID] = st.Text
		}
		return batch.Add(st)
	})
	if ferr := batch.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return errors.Join(probs.Err(), fmt.Errorf(`%s: no gold records (JSON lines with "id", "text" and "events"); nothing to score`, *gold))
	}
	rep := eventeval.Score(recs, func(code string) string {
		if c, ok := eng.Ont.Lookup(code); ok {
			return c.Plover
		}
		return "?" + code
	})
	if *asJSON {
		if err := json.NewEncoder(env.Stdout).Encode(rep); err != nil {
			return err
		}
		return probs.Err()
	}
	rep.Print(env.Stdout)
	if *verbose {
		for _, r := range recs {
			if slices.Contains(rep.Wrong, r.ID) {
				fmt.Fprintf(env.Stdout, "\n%s: %s\n  gold:   %v\n  system: %v\n", r.ID, texts[r.ID], r.Gold, r.System)
			}
		}
	}
	return probs.Err()
}

// openGold opens a gold file, before the models load: a missing file or a
// directory stops eval at once.
func openGold(name string) (*os.File, error) {
	fh, err := os.Open(name)
	if err != nil {
		return nil, pathError(err)
	}
	if st, err := fh.Stat(); err == nil && st.IsDir() {
		fh.Close()
		return nil, fmt.Errorf("%s: is a directory, not a file", name)
	}
	return fh, nil
}

// goldEvents reads a gold record's "events": a list of {"source",
// "target", "code"}, each of the three given.
func goldEvents(raw json.RawMessage) ([]eventeval.Triple, error) {
	var evs []struct {
		Source *string `json:"source"`
		Target *string `json:"target"`
		Code   *string `json:"code"`
	}
	if err := json.Unmarshal(raw, &evs); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return nil, fmt.Errorf(`"events": %s`, jsonProblem(err))
		}
		return nil, errors.New(`"events" must be a list of {"source", "target", "code"}`)
	}
	out := make([]eventeval.Triple, len(evs))
	for i, e := range evs {
		for _, f := range []struct {
			name string
			v    *string
		}{{"source", e.Source}, {"target", e.Target}, {"code", e.Code}} {
			if f.v == nil || *f.v == "" {
				return nil, fmt.Errorf(`event %d of "events" has no %q`, i+1, f.name)
			}
		}
		out[i] = eventeval.Triple{Source: *e.Source, Target: *e.Target, Code: *e.Code}
	}
	return out, nil
}
