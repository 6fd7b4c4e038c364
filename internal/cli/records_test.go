package cli

import (
	"strings"
	"testing"
	"time"

	"farabi/internal/pipeline"
)

// FuzzRecords feeds arbitrary text to the JSON-lines story reader: bad lines
// are reported with their line number, good ones are all passed on.
func FuzzRecords(f *testing.F) {
	f.Add("{\"id\":\"a\",\"date\":\"2025-05-29\",\"text\":\"x\"}\n{broken\n{\"text\":\"y\"}\n")
	f.Add("\n\n{\"date\":\"99-99\"}\n")
	f.Fuzz(func(t *testing.T, text string) {
		var errs []error
		n := 0
		err := eachRecord("in.jsonl", text, time.Time{}, func(st *pipeline.Story) error {
			if st.ID == "" {
				t.Fatal("story without an id")
			}
			n++
			return nil
		}, &errs)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range errs {
			if !strings.HasPrefix(e.Error(), "in.jsonl:") {
				t.Fatalf("error %q does not name the file and line", e)
			}
		}
	})
}
