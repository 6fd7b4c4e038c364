package actor

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"farabi/internal/segment"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// sharedDir returns the shared corpora: FARABI_SHARED, or ../shared beside
// the repository.
func sharedDir() string {
	if d := os.Getenv("FARABI_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared")
}

// TestSeedGolden runs the recognizer over the seed stories, dated
// 2025-05-29, and compares every mention with testdata/seed.golden; the
// mentions the seed must have are checked on their own, so a golden update
// cannot lose them silently.
func TestSeedGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedDir(), "seed", "*.txt"))
	if len(files) == 0 {
		t.Skipf("no seed stories in %s/seed; set FARABI_SHARED to the shared corpora", sharedDir())
	}
	d := embedded(t)
	ctx := Context{Date: time.Date(2025, 5, 29, 0, 0, 0, 0, time.UTC)}
	var b strings.Builder
	seen := map[string]bool{} // "text=CODE"
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		fmt.Fprintf(&b, "# %s\n", filepath.Base(file))
		for _, s := range segment.New().Sentences(text) {
			for _, m := range d.Find(s, ctx) {
				mt := strings.Join(strings.Fields(text[m.Span.Start:m.Span.End]), " ")
				fmt.Fprintf(&b, "%d-%d\t%s\t%s\t%.2f\t%s\n", m.Span.Start, m.Span.End, orNone(m.Code), mt, m.Confidence, m.Method)
				seen[mt+"="+m.Code] = true
				seen[m.Name+"="+m.Code] = true
			}
		}
	}
	musts := []struct{ text, code string }{
		{"Kazakhstan’s President Kassym-Jomart Tokayev", "KAZGOV"},
		{"Tokayev", "KAZGOV"},
		{"Roman Vassilenko", "KAZGOV"},
		{"Italian Prime Minister Giorgia Meloni", "ITAGOV"},
		{"Andrej Plenkovic", "HRVGOV"},
		{"Kazakh capital", "KAZ"},
		{"China", "CHNBUS"},
		{"France", "FRABUS"},
		{"Russia", "RUSBUS"},
		{"South Korea", "KORBUS"},
	}
	for _, m := range musts {
		if !seen[m.text+"="+m.code] {
			t.Errorf("seed: no mention %q coded %s", m.text, m.code)
		}
	}
	media := false
	for k := range seen {
		if strings.HasPrefix(k, "The Times of Central Asia=") && strings.HasSuffix(k, "MED") {
			media = true
		}
	}
	if !media {
		t.Error("seed: The Times of Central Asia is not coded as a media actor")
	}
	golden := filepath.Join("testdata", "seed.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v; run go test -run TestSeedGolden -update", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("seed mentions differ from %s (run with -update after review):\n%s", golden, lineDiff(string(want), got))
	}
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// lineDiff lists the lines only in want (-) or only in got (+).
func lineDiff(want, got string) string {
	count := map[string]int{}
	for _, l := range strings.Split(want, "\n") {
		count[l]++
	}
	for _, l := range strings.Split(got, "\n") {
		count[l]--
	}
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if count[l] > 0 {
			fmt.Fprintf(&b, "-%s\n", l)
			count[l]--
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if count[l] < 0 {
			fmt.Fprintf(&b, "+%s\n", l)
			count[l]++
		}
	}
	return b.String()
}
