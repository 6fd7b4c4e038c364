package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"farabi/internal/engine"
	"farabi/internal/newsgen"
	"farabi/internal/pipeline"
)

// BenchmarkPipeline codes synthetic news stories from raw text to events on
// one goroutine, with the embedded models and dictionaries, and reports
// sentences/s and tokens/s.
func BenchmarkPipeline(b *testing.B) {
	eng, err := engine.Load("", io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	eng.Lang.Workers = 1
	var buf bytes.Buffer
	if _, err := newsgen.WriteJSONL(&buf, 5000, 3); err != nil {
		b.Fatal(err)
	}
	var stories []*pipeline.Story
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var rec record
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			b.Fatal(err)
		}
		stories = append(stories, &pipeline.Story{ID: rec.ID, Text: *rec.Text})
	}
	b.SetBytes(int64(buf.Len()))
	sents, toks, evs := 0, 0, 0
	for b.Loop() {
		for _, st := range stories {
			r := eng.Lang.Code(eng.Coding, st)
			sents += len(r.Sentences)
			evs += len(r.Events)
			for _, s := range r.Sentences {
				toks += len(s.Tokens)
			}
		}
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(toks)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(evs)/float64(sents), "events/sentence")
}
