package cli

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// wireSet is an evaluation set written for farabi and coded blind, with
// the scores `farabi eval --news` must keep on it: a few points under the
// scores measured, so that a regression on text farabi was not tuned on
// shows. Raise the floors as the coder improves; never tune the coder to
// a set's sentences.
type wireSet struct {
	dir                  string
	docs, events, quotes int // the set itself, as its README describes it
	root, dyad           float64
	speakers             int
}

// wireSets are testdata/wire, testdata/wire2, testdata/wire3,
// testdata/wire4, testdata/wire5, testdata/wire6 and testdata/wire7.
//
// wire (testdata/wire/README.md, docs/news-wire.md): root F1 60.5 when the
// set was made, 65.9 after the sixth session's general rules; dyad F1
// 78.6, then 77.4 as wrong events that matched a gold dyad went; quote
// speakers 17 of 19. The set is no longer blind: the families it pointed
// at were fixed.
//
// wire2 (testdata/wire2/README.md, docs/news-wire2.md): blind at 7143f2c,
// root F1 57.3, dyad F1 67.4, quote speakers 18 of 21; 65.7 and 73.9 at
// the end of the seventh session, after fixes of the families its cause
// table named (no longer blind); 69.1 and 76.2 at the end of the eighth.
//
// wire3 (testdata/wire3/README.md, docs/news-wire3.md): blind at ceec2c9
// (main 2e76b1a, dict 0.3.59), root F1 67.9, dyad F1 77.0, quote speakers
// 9 of 12 (the session's start, 7143f2c, scored 65.0 there); 69.8 and 77.0
// at the end of the seventh session, 76.3 and 82.1 at the end of the eighth.
//
// wire4 (testdata/wire4/README.md, docs/news-wire4.md): blind at 6fa4ca2
// (main d5895ad, dict 0.3.67), root F1 70.3, dyad F1 79.2, quote speakers
// 12 of 15, measured at the start of the eighth session; 73.5 and 82.9 at
// its end (no sentence, miss or cause of it read).
//
// wire5 (testdata/wire5/README.md, docs/news-wire5.md): blind at ea3e966
// (news 498db4b + the set, dict 0.3.70), root F1 66.9, dyad F1 80.0, quote
// speakers 13 of 15; the session-start binary (main d5895ad) scored 65.2,
// 79.8 and 14 of 15 there; 67.7 and 80.7 at the end of the eighth session
// (scored twice, never read); 70.0 and 81.1 at the end of the ninth (wire4
// 74.9 and 84.5 then).
//
// wire6 (testdata/wire6/README.md, docs/news-wire6.md): blind at adecc23
// (written at the start of the ninth session, never read), root F1 72.0,
// dyad F1 78.7 with the session's first binary (main 6e2daa7); 74.1, 80.4
// and quote speakers 20 of 23 at its end.
//
// wire7 (testdata/wire7/README.md, docs/news-wire7.md): blind at 9a77fd3
// (written at the start of the tenth session, never read), root F1 75.4,
// dyad F1 84.3 with the session's first binary (main 2e6c7f6); 75.6,
// 84.3 and quote speakers 23 of 25 at its end.
//
// The tenth session's end: root F1 wire 76.8, wire2 75.9, wire3 78.7,
// wire4 76.3, wire5 70.5, wire6 72.7 (dyad 84.8, 79.3, 83.2, 84.2, 81.1,
// 80.0); the floors were raised to a point or two under them.
//
// The eleventh session's end: root F1 wire 79.1, wire2 77.5, wire3 84.3,
// wire4 76.8, wire5 72.0, wire6 73.3, wire7 77.1 (dyad 85.0, 80.1, 89.6,
// 84.2, 80.7, 80.4, 85.7); the floors were raised to a point or so under
// them. The twelfth session's end: root F1 79.1, 77.9, 84.6, 76.8, 72.6,
// 74.0, 77.2 (dyad 85.0, 80.4, 90.1, 84.2, 80.7, 81.1, 85.7); wire2's root
// and wire3's dyad floors rose.
var wireSets = []wireSet{
	{dir: "wire", docs: 30, events: 417, quotes: 19, root: 0.78, dyad: 0.84, speakers: 16},
	{dir: "wire2", docs: 24, events: 475, quotes: 21, root: 0.77, dyad: 0.79, speakers: 17},
	{dir: "wire3", docs: 18, events: 234, quotes: 12, root: 0.83, dyad: 0.89, speakers: 8},
	{dir: "wire4", docs: 20, events: 215, quotes: 15, root: 0.76, dyad: 0.83, speakers: 11},
	{dir: "wire5", docs: 20, events: 247, quotes: 15, root: 0.71, dyad: 0.80, speakers: 12},
	{dir: "wire6", docs: 20, events: 253, quotes: 23, root: 0.73, dyad: 0.80, speakers: 18},
	{dir: "wire7", docs: 20, events: 286, quotes: 25, root: 0.76, dyad: 0.85, speakers: 20},
}

// TestEvalWire scores the sets written for farabi. They are ours, so unlike
// news-dev they need nothing from FARABI_SHARED and never skip.
func TestEvalWire(t *testing.T) {
	for _, set := range wireSets {
		t.Run(set.dir, func(t *testing.T) {
			dir := filepath.Join("..", "..", "testdata", set.dir)
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
			if rep.Docs != set.docs || rep.GoldEvents != set.events || rep.Quotes.Gold != set.quotes {
				t.Fatalf("testdata/%s: %d docs, %d gold events, %d quotes; want %d, %d, %d (update its README.md and this test when the set changes)",
					set.dir, rep.Docs, rep.GoldEvents, rep.Quotes.Gold, set.docs, set.events, set.quotes)
			}
			for _, c := range []struct {
				level string
				floor float64
			}{{"root", set.root}, {"dyad", set.dyad}} {
				s := rep.Levels[c.level]
				t.Logf("%s %s: P %.1f R %.1f F1 %.1f", set.dir, c.level, 100*s.P, 100*s.R, 100*s.F1)
				if s.F1 < c.floor {
					t.Errorf("%s %s F1 %.3f below the floor %.2f", set.dir, c.level, s.F1, c.floor)
				}
			}
			if rep.Quotes.SpeakerRight < set.speakers {
				t.Errorf("%s quotes: %d of %d speakers right, floor %d", set.dir, rep.Quotes.SpeakerRight, rep.Quotes.Gold, set.speakers)
			}
		})
	}
}
