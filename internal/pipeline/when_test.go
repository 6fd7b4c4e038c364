package pipeline

import (
	"testing"
	"time"
)

func TestResolveWhen(t *testing.T) {
	story := time.Date(2025, 5, 29, 0, 0, 0, 0, time.UTC) // a Thursday
	for _, tc := range []struct{ when, want string }{
		{"", "2025-05-29"},
		{"yesterday", "2025-05-28"},
		{"tomorrow", "2025-05-30"},
		{"Monday", "2025-05-26"},
		{"Thursday", "2025-05-29"},
		{"next Monday", "2025-06-02"},
		{"May 17", "2025-05-17"},
		{"Dec 12", "2024-12-12"},
		{"next June 3", "2025-06-03"},
		{"somewhen", "2025-05-29"},
		{"October", "2024-10-01"},       // a past month after the story's: last year's
		{"April", "2025-04-01"},         // one before it: this year's
		{"next October", "2025-10-01"},  // planned: this year's
		{"last August", "2024-08-01"},   // the latest August before May
		{"last April", "2025-04-01"},    // the latest April before May
		{"November 2019", "2019-11-01"}, // a month and a year
		{"May 3 2019", "2019-05-03"},
		{"2015", "2015-01-01"},
		{"2025", "2025-05-29"},
		{"last year", "2024-05-29"},
		{"recent years", "2023-05-29"}, // "in recent years", "over the past decade": background
		{"32 years ago", "1993-05-29"},
		{"two decades ago", "2005-05-29"},
		{"a week ago", "2025-05-22"},
		{"three days ago", "2025-05-26"},
		{"six months ago", "2024-11-29"},
		{"many moons ago", "2025-05-29"}, // no span it knows
	} {
		if got := resolveWhen(tc.when, story).Format("2006-01-02"); got != tc.want {
			t.Errorf("resolveWhen(%q) = %s, want %s", tc.when, got, tc.want)
		}
	}
}

func TestAheadWhen(t *testing.T) {
	story := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		when, code string
		notes      []string
		want       string
	}{
		{"June", "036", nil, "2026-06-01"},                                      // an invitation for talks in June: this June
		{"June", "042", nil, "2025-06-01"},                                      // a visit made "in June": last year's
		{"October", "040", []string{"intent (would): 040 → 036"}, "2026-10-01"}, // a meeting that would be held
		{"last June", "036", nil, "2025-06-01"},
		{"Monday", "036", nil, "2026-03-09"}, // weekdays are left alone
	} {
		if got := resolveWhen(aheadWhen(tc.when, tc.code, tc.notes), story).Format("2006-01-02"); got != tc.want {
			t.Errorf("aheadWhen(%q, %s) = %s, want %s", tc.when, tc.code, got, tc.want)
		}
	}
}

func TestBackground(t *testing.T) {
	story := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		d    time.Time
		want bool
	}{
		{time.Date(2025, 12, 30, 0, 0, 0, 0, time.UTC), false}, // the week before: news
		{time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), true},   // last October
		{time.Date(2019, 5, 3, 0, 0, 0, 0, time.UTC), true},
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), false},
	} {
		if got := background(tc.d, story); got != tc.want {
			t.Errorf("background(%s) = %v, want %v", tc.d.Format("2006-01-02"), got, tc.want)
		}
	}
}
