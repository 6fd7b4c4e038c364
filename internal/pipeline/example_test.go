package pipeline_test

import (
	"fmt"
	"io"

	"farabi/internal/engine"
	"farabi/internal/pipeline"
)

// ExamplePipeline_CodeStream codes a story as a stream: each sentence's
// events are handed over as soon as the sentence's group of blocks is
// coded, and the summary comes at the end.
func ExamplePipeline_CodeStream() {
	eng, err := engine.Load("", io.Discard)
	if err != nil {
		fmt.Println(err)
		return
	}
	st := &pipeline.Story{ID: "s1", Text: "Russia attacked Japan.\n\nThe weather was mild."}
	sum, err := eng.Lang.CodeStream(eng.Coding, st, func(r *pipeline.SentenceResult) error {
		fmt.Printf("sentence %d: %q, %d events\n", r.Index, r.Sentence.Text, len(r.Events))
		for _, ev := range r.Events {
			fmt.Printf("  %s %s %s %s\n", ev.Doc, ev.Source.Code, ev.Target.Code, ev.Code)
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d sentences, %d events\n", sum.Sentences, sum.Events)
	// Output:
	// sentence 0: "Russia attacked Japan.", 1 events
	//   s1 RUS JPN 190
	// sentence 1: "The weather was mild.", 0 events
	// 2 sentences, 1 events
}
