package cli

import (
	"strings"
	"testing"
	"time"

	"farabi/internal/pipeline"
	"farabi/internal/problems"
)

// FuzzRecords feeds arbitrary text to the JSON-lines story reader: bad lines
// are reported with their line number, good ones are all passed on, with an
// id and valid UTF-8 text.
func FuzzRecords(f *testing.F) {
	f.Add("{\"id\":\"a\",\"date\":\"2025-05-29\",\"text\":\"x\"}\n{broken\n{\"text\":\"y\"}\n")
	f.Add("\n\n{\"date\":\"99-99\"}\n")
	f.Add("{\"id\":5,\"text\":\"\\u0000\\u0001\"}\n[1]\n{\"text\":\"\xff\"}")
	f.Fuzz(func(t *testing.T, text string) {
		var rep problems.List
		n := 0
		err := eachRecord(&source{name: "in.jsonl", r: strings.NewReader(text), size: -1}, time.Time{}, &rep,
			func(line int, st *pipeline.Story, _ *record) error {
				if st.ID == "" || line < 1 {
					t.Fatal("story without an id or a line")
				}
				if strings.ContainsRune(st.Text, 0) {
					t.Fatalf("text %q holds a NUL", st.Text)
				}
				n++
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range rep.Errors() {
			if !strings.HasPrefix(e.Error(), "in.jsonl:") {
				t.Fatalf("error %q does not name the file and line", e)
			}
			if strings.Contains(e.Error(), "cli.") || strings.Contains(e.Error(), "Go ") {
				t.Fatalf("error %q names Go types", e)
			}
		}
	})
}
