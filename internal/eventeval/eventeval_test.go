package eventeval

import "testing"

func TestScore(t *testing.T) {
	recs := []Record{
		{ID: "a", Gold: []Triple{{"ARN", "GON", "064"}}, System: []Triple{{"ARN", "GON", "064"}}},
		{ID: "b", Gold: nil, System: nil},
		{ID: "c", Gold: []Triple{{"ARNGOV", "GON", "042"}}, System: []Triple{{"ARN", "GON", "043"}}},
		{ID: "d", Gold: nil, System: []Triple{{"X", "Y", "190"}}},
	}
	rep := Score(recs, func(code string) string {
		if code[:2] == "04" {
			return "CONSULT"
		}
		return "OTHER"
	})
	if rep.ExactCount != 2 || rep.RecordsExact != 0.5 {
		t.Errorf("exact records = %d (%.2f), want 2 (0.50)", rep.ExactCount, rep.RecordsExact)
	}
	if e := rep.Levels[LevelExact]; e.TP != 1 || e.FP != 2 || e.FN != 1 {
		t.Errorf("exact = %+v, want TP 1 FP 2 FN 1", e)
	}
	if r := rep.Levels[LevelRoot]; r.TP != 2 || r.FP != 1 || r.FN != 0 {
		t.Errorf("root = %+v, want TP 2 FP 1 FN 0", r)
	}
	if rep.Confusion["04"]["04"] != 1 || rep.Confusion["-"]["19"] != 1 {
		t.Errorf("confusion = %v", rep.Confusion)
	}
}
