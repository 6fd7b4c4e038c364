package eventeval

import (
	"strings"
	"testing"
)

func TestNewsCountry(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"KAZGOV", "KAZ"}, {"kaz", "KAZ"}, {"CAS", "CAS"}, {"CASGOV", "CAS"},
		{"IGOEUREEC", "EU"}, {"IGOEUREECLEG", "EU"}, {"EU", "EU"}, {"OSCE", "OSCE"},
		{"IGOUNO", "UN"}, {"IGOUNODEVWBK", "WB"}, {"IGOUNOIAE", "UN"}, {"IGOXYZ", "IGOXYZ"},
		{"---", ""}, {"", ""}, {"None", ""}, {"WHO", "WHO"},
	} {
		if got := NewsCountry(c.in); got != c.want {
			t.Errorf("NewsCountry(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestScoreNews(t *testing.T) {
	ev := func(s, tg, code string) NewsEvent { return NewsEvent{Source: s, Target: tg, Code: code} }
	docs := []NewsDoc{
		{ID: "a", // one right at every level, one right at root only, one missed
			Gold: []NewsEvent{ev("KAZGOV", "RUSGOV", "042"), ev("RUSGOV", "KAZGOV", "040"), ev("KAZGOV", "CHNGOV", "057")},
			System: []NewsEvent{ev("KAZGOV", "RUSGOV", "042"), ev("KAZGOV", "RUSGOV", "042"), // a duplicate collapses
				ev("RUS", "KAZ", "043"), ev("KAZGOV", "", "141")}, // one-sided: left out
		},
		{ID: "b", // a wrong root on a right dyad, an IGO alias, a spurious pair
			Gold:   []NewsEvent{ev("EU", "UZBGOV", "057"), ev("USA", "KAZ", "111")},
			System: []NewsEvent{ev("IGOEUREEC", "UZB", "057"), ev("USAGOV", "KAZGOV", "112"), ev("USA", "KAZ", "051"), ev("TUR", "AZE", "040")},
		},
	}
	rep := ScoreNews(docs, func(string) string { return "" })
	if rep.OneSided != 1 || rep.SystemEvents != 7 || rep.GoldEvents != 5 {
		t.Errorf("counts: one-sided %d, system %d, gold %d", rep.OneSided, rep.SystemEvents, rep.GoldEvents)
	}
	root := rep.Levels[LevelRoot]
	// doc a: gold {KAZ→RUS 04, RUS→KAZ 04, KAZ→CHN 05}, system {KAZ→RUS 04, RUS→KAZ 04}: tp 2 fn 1
	// doc b: gold {EU→UZB 05, USA→KAZ 11}, system {EU→UZB 05, USA→KAZ 11, USA→KAZ 05, TUR→AZE 04}: tp 2 fp 2
	if root.TP != 4 || root.FP != 2 || root.FN != 1 {
		t.Errorf("root = %+v", root)
	}
	exact := rep.Levels[LevelExact]
	if exact.TP != 1 {
		t.Errorf("exact = %+v", exact)
	}
	if rep.RecordsExact != 0 {
		t.Errorf("records exact = %d", rep.RecordsExact)
	}
	var r05 *RootRow
	for i := range rep.Roots {
		if rep.Roots[i].Root == "05" {
			r05 = &rep.Roots[i]
		}
	}
	if r05 == nil || r05.Gold != 2 || r05.Pred != 2 || r05.TP != 1 || len(r05.GoldAs) != 1 || r05.GoldAs[0].Label != "-" {
		t.Errorf("root 05 row = %+v", r05)
	}
	if len(rep.Diffs) != 2 || len(rep.Diffs[0].Missed) != 1 || len(rep.Diffs[1].Spurious) != 2 {
		t.Errorf("diffs = %+v", rep.Diffs)
	}
}

// TestScoreNewsSpuriousKept: pairing a missed key with a spurious one of
// its dyad (for the "gold coded as" column) keeps every spurious key in
// the document's diff.
func TestScoreNewsSpuriousKept(t *testing.T) {
	ev := func(s, tg, code string) NewsEvent { return NewsEvent{Source: s, Target: tg, Code: code} }
	docs := []NewsDoc{{ID: "c",
		Gold:   []NewsEvent{ev("USA", "KAZ", "111")},
		System: []NewsEvent{ev("USA", "KAZ", "051"), ev("TUR", "AZE", "040")},
	}}
	rep := ScoreNews(docs, func(string) string { return "" })
	if len(rep.Diffs) != 1 || len(rep.Diffs[0].Spurious) != 2 {
		t.Fatalf("diffs = %+v", rep.Diffs)
	}
	if sp := rep.Diffs[0].Spurious; sp[0] == sp[1] {
		t.Errorf("spurious keys = %+v, want USA→KAZ 05 and TUR→AZE 04", sp)
	}
}

func TestReadNewsGold(t *testing.T) {
	good := `{"file": "1-a.txt", "events": [{"source": "KAZGOV", "target": "RUS", "cameo": "042", "root": "04", "confidence": "high", "sentence": "s"}], "quotes": [], "main_dyads": []}` + "\n"
	gs, err := ReadNewsGold(strings.NewReader(good), "g.jsonl")
	if err != nil || len(gs) != 1 || len(gs[0].GoldEvents()) != 1 || gs[0].GoldEvents()[0].Code != "042" {
		t.Fatalf("good file: %v %+v", err, gs)
	}
	for name, in := range map[string]string{
		"empty":     "",
		"duplicate": good + good,
		"no file":   `{"events": []}`,
		"bad json":  `{"file": `,
	} {
		if _, err := ReadNewsGold(strings.NewReader(in), "g.jsonl"); err == nil || !strings.Contains(err.Error(), "g.jsonl") {
			t.Errorf("%s: error %v, want one naming the file", name, err)
		}
	}
}
