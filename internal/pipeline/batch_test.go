package pipeline_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"farabi/internal/pipeline"
)

// record is a sink that writes down everything it is given.
type record struct {
	lines []string
	fail  int // fail on this call (1-based); 0 never
	calls int
}

func (r *record) Sentence(s *pipeline.SentenceResult) error {
	r.calls++
	if r.calls == r.fail {
		return errFull
	}
	r.lines = append(r.lines, fmt.Sprintf("%s %d %q %d %+v %+v", s.Story.ID, s.Index, s.Sentence.Text, len(s.Sentence.Tokens), s.Mentions, s.Events))
	return nil
}

func (r *record) Story(s *pipeline.Summary) error {
	r.calls++
	if r.calls == r.fail {
		return errFull
	}
	r.lines = append(r.lines, fmt.Sprintf("end %s %+v", s.Story.ID, *s))
	return nil
}

var errFull = errors.New("sink full")

// batchStories returns short stories, an empty one, and one long enough to
// be coded alone, in between.
func batchStories(t testing.TB) []*pipeline.Story {
	stories, _ := news(t, 800, 5)
	// Over 256 KB, most of it long words, which are cheap to parse.
	_, long := news(t, 300, 6)
	long += strings.Repeat(strings.Repeat("x", 60)+" ", 4000) + "\n\n" + long
	out := append([]*pipeline.Story{}, stories[:40]...)
	out = append(out, &pipeline.Story{ID: "empty"}, &pipeline.Story{ID: "long", Text: long})
	return append(out, stories[40:]...)
}

func runBatch(t *testing.T, p *pipeline.Pipeline, stories []*pipeline.Story, sink *record) error {
	t.Helper()
	e := loadEngine(t)
	b := p.NewBatch(e.Coding, sink)
	for _, st := range stories {
		if err := b.Add(st); err != nil {
			return err
		}
	}
	return b.Flush()
}

// TestBatchWorkers codes a batch of stories on one worker and on several
// and checks that the sink sees the same calls in the same order: results
// do not depend on the number of workers. Run it with -race.
func TestBatchWorkers(t *testing.T) {
	e := loadEngine(t)
	stories := batchStories(t)
	var want record
	if err := runBatch(t, withWorkers(e.Lang, 1), stories, &want); err != nil {
		t.Fatal(err)
	}
	ends := 0
	for _, l := range want.lines {
		if strings.HasPrefix(l, "end ") {
			ends++
		}
	}
	if ends != len(stories) {
		t.Fatalf("%d story ends, want %d", ends, len(stories))
	}
	for _, w := range []int{2, 4, runtime.GOMAXPROCS(0) + 1} {
		var got record
		if err := runBatch(t, withWorkers(e.Lang, w), stories, &got); err != nil {
			t.Fatal(err)
		}
		if d := diffLines(want.lines, got.lines); d != "" {
			t.Errorf("%d workers: the sink saw other calls than with one: %s", w, d)
		}
	}
}

// TestBatchSinkError checks that an error from the sink stops the batch:
// Add or Flush returns it and the sink is called no more.
func TestBatchSinkError(t *testing.T) {
	e := loadEngine(t)
	stories, _ := news(t, 300, 8)
	for _, w := range []int{1, 3} {
		sink := &record{fail: 25}
		err := runBatch(t, withWorkers(e.Lang, w), stories, sink)
		if !errors.Is(err, errFull) {
			t.Errorf("%d workers: got %v, want %v", w, err, errFull)
		}
		if sink.calls != 25 {
			t.Errorf("%d workers: sink called %d times, want 25", w, sink.calls)
		}
	}
}

// TestEachWorkers checks the sentence-parallel path: Process on several
// workers gives the sentences it gives on one.
func TestEachWorkers(t *testing.T) {
	e := loadEngine(t)
	_, text := news(t, 400, 9)
	want := withWorkers(e.Lang, 1).Process(text)
	for _, w := range []int{2, 5} {
		got := withWorkers(e.Lang, w).Process(text)
		if len(got) != len(want) {
			t.Fatalf("%d workers: %d sentences, want %d", w, len(got), len(want))
		}
		for i := range want {
			if a, b := fmt.Sprintf("%+v", *want[i]), fmt.Sprintf("%+v", *got[i]); a != b {
				t.Fatalf("%d workers: sentence %d differs:\n  want %s\n  got  %s", w, i, a, b)
			}
		}
	}
}
