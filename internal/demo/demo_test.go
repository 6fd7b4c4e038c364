package demo

import "testing"

func TestStories(t *testing.T) {
	sts, err := Stories()
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) < 20 {
		t.Fatalf("%d stories, want at least 20", len(sts))
	}
	for i, st := range sts {
		if st.Title == "" || st.Outlet == "" || st.Text == "" {
			t.Errorf("%s: missing title, outlet or text", st.File)
		}
		if i > 0 && st.Date.Before(sts[i-1].Date) {
			t.Errorf("%s: out of date order", st.File)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{"date: 2025-01-01\ntext without a blank line", "date: soon\n\ntext", "when: 2025\n\ntext", "title: x\n\ntext"} {
		if _, err := parse("x.txt", bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
