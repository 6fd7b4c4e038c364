package actor

import (
	"bufio"
	"os"
	"path"
	"strings"
	"testing"
	"time"

	"farabi/dict"
	"farabi/internal/tokenize"
	"farabi/internal/ud"
)

// factsFloor is the pass rate under which TestFacts fails. Raise it as the
// dictionary improves; lowering it is a reviewed decision.
const factsFloor = 0.95

// embedded loads the embedded dictionary once per test binary run.
func embedded(t testing.TB) *Dictionary {
	t.Helper()
	d, err := Load(dict.FS)
	if d == nil {
		t.Fatal(err)
	}
	if err != nil {
		t.Logf("embedded dictionary has bad lines (farabi dict check lists them):\n%v", err)
	}
	return d
}

// codeOf returns the code of the longest mention in text on the day.
func codeOf(d *Dictionary, text string, day time.Time) (string, *Mention) {
	s := tokenize.New().Sentence(text, ud.Span{Start: 0, End: len(text)})
	var best *Mention
	ms := d.Find(s, Context{Date: day})
	for i := range ms {
		if best == nil || ms[i].Span.Len() > best.Span.Len() {
			best = &ms[i]
		}
	}
	if best == nil {
		return "", nil
	}
	return best.Code, best
}

func TestFacts(t *testing.T) {
	d := embedded(t)
	f, err := os.Open("testdata/facts.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, pass, line := 0, 0, 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) < 3 {
			t.Errorf("facts.tsv:%d: want name, date, code", line)
			continue
		}
		day, err := time.Parse("2006-01-02", cols[1])
		if err != nil {
			t.Errorf("facts.tsv:%d: %v", line, err)
			continue
		}
		n++
		got, m := codeOf(d, cols[0], day)
		if ok, _ := path.Match(cols[2], got); ok && got != "" {
			pass++
			continue
		}
		why := "no mention"
		if m != nil {
			why = string(m.Method) + ": " + m.Why
		}
		t.Logf("facts.tsv:%d: %s on %s = %q, want %s (%s)", line, cols[0], cols[1], got, cols[2], why)
	}
	if n < 300 {
		t.Errorf("only %d facts; want at least 300", n)
	}
	rate := float64(pass) / float64(n)
	t.Logf("facts: %d of %d pass (%.1f%%); floor %.0f%%", pass, n, 100*rate, 100*factsFloor)
	if rate < factsFloor {
		t.Errorf("facts pass rate %.1f%% is under the floor %.0f%%", 100*rate, 100*factsFloor)
	}
}
