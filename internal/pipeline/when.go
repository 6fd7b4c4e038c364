package pipeline

import (
	"strconv"
	"strings"
	"time"
)

// resolveWhen turns a time expression from the coder ("Monday", "next
// Friday", "yesterday", "May 29") into a date relative to the story's date.
// It returns the story's date when the expression says nothing it can use.
func resolveWhen(when string, story time.Time) time.Time {
	if when == "" || story.IsZero() {
		return story
	}
	f := strings.Fields(strings.ToLower(when))
	future := false
	if f[0] == "next" {
		future, f = true, f[1:]
	}
	if len(f) == 0 {
		return story
	}
	switch f[0] {
	case "yesterday":
		return story.AddDate(0, 0, -1)
	case "today", "tonight":
		return story
	case "tomorrow":
		return story.AddDate(0, 0, 1)
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.ToLower(d.String()) != f[0] {
			continue
		}
		diff := int(story.Weekday() - d)
		if future {
			diff = int(d - story.Weekday())
			if diff < 0 {
				diff += 7
			}
			return story.AddDate(0, 0, diff)
		}
		if diff < 0 {
			diff += 7
		}
		return story.AddDate(0, 0, -diff)
	}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if f[0] != name && !(len(f[0]) >= 3 && strings.HasPrefix(name, strings.TrimSuffix(f[0], "."))) {
			continue
		}
		if len(f) < 2 {
			return story
		}
		day, err := strconv.Atoi(f[1])
		if err != nil || day < 1 || day > 31 {
			return story
		}
		t := time.Date(story.Year(), m, day, 0, 0, 0, 0, time.UTC)
		// A past event dated well after the story is last year's.
		if !future && t.After(story.AddDate(0, 0, 31)) {
			t = t.AddDate(-1, 0, 0)
		}
		return t
	}
	return story
}
