package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"farabi/internal/engine"
	"farabi/internal/eventeval"
	"farabi/internal/pipeline"
	"farabi/internal/ud"
)

// newsIndexRecord is one line of a news set's index.jsonl.
type newsIndexRecord struct {
	File   string  `json:"file"`
	Date   *string `json:"date"`
	Outlet string  `json:"outlet"`
}

// newsArticle is one coded article of a news set, kept for the report.
type newsArticle struct {
	id     string
	text   string
	result *pipeline.Result
}

// evalNews codes every article of a news set (DIR/index.jsonl,
// DIR/articles/, DIR/annotations.jsonl) with its date and scores it as the
// reference news scorer does.
func evalNews(ctx context.Context, env *Env, dir, dictSpec string, asJSON, verbose bool) error {
	gf, err := os.Open(filepath.Join(dir, "annotations.jsonl"))
	if err != nil {
		return err
	}
	golds, err := eventeval.ReadNewsGold(gf, gf.Name())
	gf.Close()
	if err != nil {
		return err
	}
	dates, err := readNewsIndex(filepath.Join(dir, "index.jsonl"))
	if err != nil {
		return err
	}
	eng, err := engine.Load(dictSpec, env.Stderr)
	if err != nil {
		return err
	}
	var docs []eventeval.NewsDoc
	arts := map[string]*newsArticle{}
	var quotes quoteScore
	for _, g := range golds {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		path := filepath.Join(dir, "articles", g.File)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		id := strings.TrimSuffix(g.File, ".txt")
		st := &pipeline.Story{ID: id, Text: string(data), Date: dates[g.File]}
		r := eng.Lang.Code(eng.Coding, st)
		arts[id] = &newsArticle{id: id, text: st.Text, result: r}
		doc := eventeval.NewsDoc{ID: id, Gold: g.GoldEvents()}
		for _, ev := range r.Events {
			doc.System = append(doc.System, eventeval.NewsEvent{
				Source: ev.Source.Code, Target: ev.Target.Code, Code: ev.Code,
				Sentence: ev.SentenceText, Why: fmt.Sprintf("rule %s, confidence %.2f, %q → %q", ev.Rule, ev.Confidence, ev.Source.Text, ev.Target.Text)})
		}
		docs = append(docs, doc)
		quotes.add(eng, &g, r)
	}
	rep := eventeval.ScoreNews(docs, func(code string) string {
		if c, ok := eng.Ont.Lookup(code); ok {
			return c.Plover
		}
		return ""
	})
	if asJSON {
		return json.NewEncoder(env.Stdout).Encode(struct {
			*eventeval.NewsReport
			Quotes *quoteScore `json:"quotes"`
		}{rep, &quotes})
	}
	rep.Print(env.Stdout)
	quotes.print(env.Stdout)
	if verbose {
		for _, d := range rep.Diffs {
			printDiff(env.Stdout, eng, arts[d.ID], &d)
		}
	}
	return nil
}

// readNewsIndex returns each file's date from a news set's index.
func readNewsIndex(path string) (map[string]time.Time, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]time.Time{}
	for n, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var r newsIndexRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n+1, err)
		}
		if r.Date == nil || *r.Date == "" {
			continue
		}
		d, err := time.Parse("2006-01-02", *r.Date)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: bad date %q", path, n+1, *r.Date)
		}
		out[r.File] = d
	}
	return out, nil
}

// printDiff lists an article's missed and spurious root-level keys, each
// with its sentence and why it was coded, or the first reason it was not.
func printDiff(w io.Writer, eng *engine.Engine, a *newsArticle, d *eventeval.DocDiff) {
	fmt.Fprintf(w, "\n== %s\n", d.ID)
	for _, k := range d.Missed {
		fmt.Fprintf(w, "  missed   %s\n", k)
		for _, g := range d.Gold[k][:1] {
			fmt.Fprintf(w, "           %s %s %s (%s): %q\n", g.Source, g.Target, g.Code, g.Confidence, g.Sentence)
			fmt.Fprintf(w, "           why: %s\n", missReason(eng, a, d, k, g))
		}
	}
	for _, k := range d.Spurious {
		fmt.Fprintf(w, "  spurious %s\n", k)
		for _, e := range d.System[k][:1] {
			fmt.Fprintf(w, "           %s %s %s, %s: %q\n", e.Source, e.Target, e.Code, e.Why, e.Sentence)
		}
	}
}

// missReason says why a gold event has no system event: the same pair
// coded with another root, no actor for one side in its sentence, the
// sentence not found, or the closest pattern that did not match.
func missReason(eng *engine.Engine, a *newsArticle, d *eventeval.DocDiff, k eventeval.Key, g eventeval.NewsEvent) string {
	if evs := d.Other[[2]string{k.Source, k.Target}]; len(evs) > 0 {
		e := evs[0]
		return fmt.Sprintf("pair coded as %s (%s) in %q", e.Code, e.Why, clip(e.Sentence, 80))
	}
	r := a.result
	si := findSentence(r.Sentences, g.Sentence)
	if si < 0 {
		return "no sentence of ours holds the gold sentence (segmentation)"
	}
	s, ms := r.Sentences[si], r.Mentions[si]
	have := map[string]bool{}
	var found []string
	for _, m := range ms {
		c := eventeval.NewsCountry(m.Code)
		if c != "" && !have[c] {
			have[c] = true
			found = append(found, c)
		}
	}
	sort.Strings(found)
	switch {
	case !have[k.Source] && !have[k.Target]:
		return fmt.Sprintf("neither %s nor %s is an actor of the sentence (actors: %s)", k.Source, k.Target, strings.Join(found, " "))
	case !have[k.Source]:
		return fmt.Sprintf("source %s is not an actor of the sentence (actors: %s)", k.Source, strings.Join(found, " "))
	case !have[k.Target]:
		return fmt.Sprintf("target %s is not an actor of the sentence (actors: %s)", k.Target, strings.Join(found, " "))
	}
	var coded []string
	for _, ev := range r.Events {
		if ev.Sentence == si {
			coded = append(coded, ev.Source.Code+"→"+ev.Target.Code+" "+ev.Code)
		}
	}
	if len(coded) > 0 {
		return "sentence coded other pairs: " + strings.Join(coded, ", ")
	}
	_, traces := eng.Coder.Explain(s, pipeline.WithPlaces(ms, r.Places[si]))
	if len(traces) == 0 {
		return "no word of the sentence has a pattern (root: " + rootWord(s) + ")"
	}
	t := traces[0]
	for _, tr := range traces {
		if tr.Why != "" && !strings.Contains(tr.Why, "part of speech") {
			t = tr
			break
		}
	}
	return fmt.Sprintf("%d patterns tried; e.g. %s on %q: %s", len(traces), t.Pattern.ID, s.Tokens[t.Predicate].Form, t.Why)
}

func rootWord(s *ud.Sentence) string {
	for _, t := range s.Tokens {
		if t.Head == 0 {
			return t.Form + "/" + t.UPOS.String()
		}
	}
	return "none"
}

// findSentence returns the index of the sentence that holds text (or is
// held by it), comparing letters and digits only.
func findSentence(sents []*ud.Sentence, text string) int {
	g := lettersOnly(text)
	if g == "" {
		return -1
	}
	best, bestLen := -1, 0
	for i, s := range sents {
		t := lettersOnly(s.Text)
		if t == "" {
			continue
		}
		if strings.Contains(t, g) {
			return i
		}
		if strings.Contains(g, t) && len(t) > bestLen {
			best, bestLen = i, len(t)
		}
	}
	return best
}

func lettersOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// quoteScore counts the gold quotations found: a system quotation whose
// words start as the gold's do, with a speaker of the same country (and
// the same code).
type quoteScore struct {
	Gold         int      `json:"gold"`
	Found        int      `json:"found"`
	SpeakerRight int      `json:"speaker_right"` // same country or group
	SpeakerExact int      `json:"speaker_exact"` // same code
	System       int      `json:"system"`
	Misses       []string `json:"misses,omitempty"`
}

func (q *quoteScore) add(eng *engine.Engine, g *eventeval.NewsGold, r *pipeline.Result) {
	type sysQuote struct {
		words    string
		speaker  string
		sentence string
	}
	var sys []sysQuote
	for i := range r.Sentences {
		for _, qt := range r.Quotes[i] {
			sq := sysQuote{words: lettersSpaced(r.Story.Text[qt.Span.Start:qt.Span.End]), sentence: r.Sentences[i].Text}
			if qt.HasSpeaker {
				sq.speaker = qt.Speaker.Code
			}
			sys = append(sys, sq)
		}
	}
	q.System += len(sys)
	for _, gq := range g.Quotes {
		q.Gold++
		want := lettersSpaced(gq.QuoteStart)
		best := -1
		for i, s := range sys {
			if s.words == "" || !(strings.HasPrefix(s.words, want) || strings.HasPrefix(want, s.words)) {
				continue
			}
			if best < 0 || eventeval.NewsCountry(s.speaker) == eventeval.NewsCountry(gq.SpeakerActor) {
				best = i
			}
		}
		if best < 0 {
			q.Misses = append(q.Misses, fmt.Sprintf("%s: not found: %s: %q", g.File, gq.SpeakerActor, gq.QuoteStart))
			continue
		}
		q.Found++
		sp := sys[best].speaker
		switch {
		case eventeval.NormActor(sp) == eventeval.NormActor(gq.SpeakerActor):
			q.SpeakerExact++
			q.SpeakerRight++
		case eventeval.NewsCountry(sp) != "" && eventeval.NewsCountry(sp) == eventeval.NewsCountry(gq.SpeakerActor):
			q.SpeakerRight++
		default:
			q.Misses = append(q.Misses, fmt.Sprintf("%s: speaker %q, gold %s: %q in %q", g.File, sp, gq.SpeakerActor, gq.QuoteStart, clip(sys[best].sentence, 200)))
		}
	}
}

func (q *quoteScore) print(w io.Writer) {
	fmt.Fprintf(w, "quotes: gold %d, found %d (%.1f%%), speaker right %d (%.1f%%), speaker code exact %d; system quotes %d\n",
		q.Gold, q.Found, pctOf(q.Found, q.Gold), q.SpeakerRight, pctOf(q.SpeakerRight, q.Gold), q.SpeakerExact, q.System)
}

func pctOf(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// lettersSpaced lowers s and keeps its letters and digits, one space
// between words, so quotation marks, dashes and apostrophes do not matter.
func lettersSpaced(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}
