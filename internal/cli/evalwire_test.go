package cli

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// wireFloors are the scores `farabi eval --news` must keep on
// testdata/wire, the evaluation set written for farabi and coded blind
// (testdata/wire/README.md): a few points under the scores of 2026-12
// (root F1 60.5 when the set was made, 65.9 after the sixth session's
// general rules; dyad F1 78.6, then 77.4 as wrong events that matched a
// gold dyad went; quote speakers 17 of 19), so that a
// regression on text farabi was not tuned on shows. Raise them as the
// coder improves; never tune the coder to this set's sentences.
var wireFloors = struct {
	root, dyad float64
	speakers   int
}{root: 0.63, dyad: 0.75, speakers: 15}

// TestEvalWire scores testdata/wire. The set is ours, so unlike news-dev
// it needs nothing from FARABI_SHARED and never skips.
func TestEvalWire(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "wire")
	code, out, errs := runCLI(t, "", "eval", "--news", dir, "--json")
	if code != 0 {
		t.Fatalf("eval --news %s: exit %d: %s", dir, code, errs)
	}
	var rep struct {
		Docs       int                                   `json:"docs"`
		GoldEvents int                                   `json:"gold_events"`
		Levels     map[string]struct{ P, R, F1 float64 } `json:"levels"`
		Quotes     struct {
			Gold         int `json:"gold"`
			SpeakerRight int `json:"speaker_right"`
		} `json:"quotes"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	// The set itself: 30 articles, 417 events, 19 quotes (README.md).
	if rep.Docs != 30 || rep.GoldEvents != 417 || rep.Quotes.Gold != 19 {
		t.Fatalf("testdata/wire: %d docs, %d gold events, %d quotes; want 30, 417, 19 (update README.md and this test when the set changes)",
			rep.Docs, rep.GoldEvents, rep.Quotes.Gold)
	}
	for _, c := range []struct {
		level string
		floor float64
	}{{"root", wireFloors.root}, {"dyad", wireFloors.dyad}} {
		s := rep.Levels[c.level]
		t.Logf("wire %s: P %.1f R %.1f F1 %.1f", c.level, 100*s.P, 100*s.R, 100*s.F1)
		if s.F1 < c.floor {
			t.Errorf("wire %s F1 %.3f below the floor %.2f", c.level, s.F1, c.floor)
		}
	}
	if rep.Quotes.SpeakerRight < wireFloors.speakers {
		t.Errorf("wire quotes: %d of %d speakers right, floor %d", rep.Quotes.SpeakerRight, rep.Quotes.Gold, wireFloors.speakers)
	}
}
