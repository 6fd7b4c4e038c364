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
	} {
		if got := resolveWhen(tc.when, story).Format("2006-01-02"); got != tc.want {
			t.Errorf("resolveWhen(%q) = %s, want %s", tc.when, got, tc.want)
		}
	}
}
