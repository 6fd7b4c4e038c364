package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"farabi/internal/engine"
	"farabi/internal/eventeval"
	"farabi/internal/pipeline"
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

// goldRecord is one line of a gold file (../shared/gold/*.jsonl).
type goldRecord struct {
	ID     string              `json:"id"`
	Date   string              `json:"date"`
	Text   string              `json:"text"`
	Events *[]eventeval.Triple `json:"events"`
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
	data, err := os.ReadFile(*gold)
	if err != nil {
		return err
	}
	eng, err := engine.Load(*dictSpec, env.Stderr)
	if err != nil {
		return err
	}
	var recs []eventeval.Record
	texts := map[string]string{}
	for n, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var g goldRecord
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			return fmt.Errorf("%s:%d: %w", *gold, n+1, err)
		}
		if g.Events == nil {
			continue // the record states no expected coding
		}
		st := &pipeline.Story{ID: g.ID, Text: g.Text}
		if d, err := time.Parse("2006-01-02", g.Date); err == nil {
			st.Date = d
		}
		rec := eventeval.Record{ID: g.ID, Gold: *g.Events}
		if _, err := eng.Lang.CodeStream(eng.Coding, st, func(r *pipeline.SentenceResult) error {
			for _, ev := range r.Events {
				rec.System = append(rec.System, eventeval.Triple{Source: ev.Source.Code, Target: ev.Target.Code, Code: ev.Code})
			}
			return nil
		}); err != nil {
			return err
		}
		recs = append(recs, rec)
		texts[g.ID] = g.Text
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	rep := eventeval.Score(recs, func(code string) string {
		if c, ok := eng.Ont.Lookup(code); ok {
			return c.Plover
		}
		return "?" + code
	})
	if *asJSON {
		return json.NewEncoder(env.Stdout).Encode(rep)
	}
	rep.Print(env.Stdout)
	if *verbose {
		for _, r := range recs {
			if slices.Contains(rep.Wrong, r.ID) {
				fmt.Fprintf(env.Stdout, "\n%s: %s\n  gold:   %v\n  system: %v\n", r.ID, texts[r.ID], r.Gold, r.System)
			}
		}
	}
	return nil
}
