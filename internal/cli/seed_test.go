package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func sharedPath(parts ...string) string {
	dir := os.Getenv("FARABI_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	return filepath.Join(append([]string{dir}, parts...)...)
}

// seedEvent is the part of an output event the seed checks read.
type seedEvent struct {
	Sentence int    `json:"sentence"`
	Source   string `json:"source"`
	Target   string `json:"target"`
	Code     string `json:"code"`
	Rule     string `json:"rule"`
}

// TestSeedEvents codes the seed article, dated 2025-05-29, with farabi's own
// dictionaries and checks the interactions it states. Each check accepts the
// codes a careful coder could choose; the test fails below a recorded floor
// of checks met and logs what is missing, so progress is visible.
func TestSeedEvents(t *testing.T) {
	files, _ := filepath.Glob(sharedPath("seed", "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed article under FARABI_SHARED/seed (default ../shared): skipping")
	}
	code, out, errs := runCLI(t, "", "code", "--date", "2025-05-29", files[0])
	if code != 0 {
		t.Fatalf("farabi code: exit %d: %s", code, errs)
	}
	var evs []seedEvent
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var ev seedEvent
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("bad output line %q: %v", line, err)
		}
		evs = append(evs, ev)
	}
	country := func(c string) string { return c[:min(3, len(c))] }
	has := func(src string, tgts []string, roots ...string) bool {
		for _, ev := range evs {
			if country(ev.Source) != src {
				continue
			}
			for _, tg := range tgts {
				if ev.Target != tg && country(ev.Target) != tg {
					continue
				}
				for _, r := range roots {
					if strings.HasPrefix(ev.Code, r) {
						return true
					}
				}
			}
		}
		return false
	}
	companies := []string{"CHNBUS", "FRABUS", "RUSBUS", "KORBUS"}
	checks := []struct {
		name string
		ok   bool
	}{
		{"KAZ negotiates with (or intends to work with) Chinese, French, Russian and Korean companies", allOf(companies, func(c string) bool { return has("KAZ", []string{c}, "04", "03") })},
		{"KAZ hosts the leaders of RWA, QAT, ALB, HRV, MKD at the forum", allOf([]string{"RWA", "QAT", "ALB", "HRV", "MKD"}, func(c string) bool { return has("KAZ", []string{c}, "043", "036") })},
		{"KAZ intends to launch direct flights to SRB", has("KAZ", []string{"SRB"}, "03")},
		{"KAZ has direct flights to MNE", has("KAZ", []string{"MNE"}, "06", "03")},
		{"KAZ opened embassies in ALB and MKD", has("KAZ", []string{"ALB"}, "05", "06") && has("KAZ", []string{"MKD"}, "05", "06")},
		{"KAZ supplies oil to Europe via HRV", has("KAZ", []string{"EUR", "HRV"}, "06")},
		{"ITA→KAZ Meloni's visit", has("ITA", []string{"KAZ"}, "042")},
		// What Vassilenko told a newspaper is his quotation, not an event
		// with the newspaper (GUIDELINES: a verb of saying codes 01x only
		// toward an addressee that is a party).
		{"Vassilenko's statements are KAZGOV's quotations, not events with the outlet", !has("KAZ", []string{"CASMED"}, "01") && quotedBy(t, files[0], "KAZGOV") >= 2},
	}
	met := 0
	for _, c := range checks {
		if c.ok {
			met++
		} else {
			t.Logf("not coded: %s", c.name)
		}
	}
	for _, ev := range evs {
		t.Logf("event: sentence %d %s→%s %s (%s)", ev.Sentence, ev.Source, ev.Target, ev.Code, ev.Rule)
	}
	const floor = 8
	t.Logf("seed checks met: %d of %d (floor %d)", met, len(checks), floor)
	if met < floor {
		t.Errorf("seed checks met: %d of %d, below the floor of %d", met, len(checks), floor)
	}
}

func allOf(xs []string, f func(string) bool) bool {
	for _, x := range xs {
		if !f(x) {
			return false
		}
	}
	return true
}

// quotedBy counts the quotations of a file whose speaker has code.
func quotedBy(t *testing.T, file, code string) int {
	t.Helper()
	rc, out, errs := runCLI(t, "", "quotes", "--date", "2025-05-29", file)
	if rc != 0 {
		t.Fatalf("farabi quotes: exit %d: %s", rc, errs)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var q struct {
			SpeakerCode string `json:"speaker_code"`
		}
		if json.Unmarshal([]byte(line), &q) == nil && q.SpeakerCode == code {
			n++
		}
	}
	return n
}
