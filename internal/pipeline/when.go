package pipeline

import (
	"strconv"
	"strings"
	"time"
)

// year returns w as a year of the last two centuries.
func year(w string) (int, bool) {
	if len(w) != 4 || !(strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) {
		return 0, false
	}
	y, err := strconv.Atoi(w)
	return y, err == nil
}

// background reports whether an event dated d by its sentence lies in a
// year before its story's, and not in the weeks just before it ("on
// December 30" in a story of January 2 is news): the news guidelines leave
// such background out.
func background(d, story time.Time) bool {
	return d.Year() < story.Year() && story.Sub(d) > 45*24*time.Hour
}

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
	if d, ok := agoDate(f, story); ok {
		return d
	}
	if f[0] == "last" && len(f) == 2 && f[1] == "year" {
		return story.AddDate(-1, 0, 0)
	}
	if f[0] == "recent" && len(f) == 2 && f[1] == "years" {
		return story.AddDate(-2, 0, 0) // "in recent years", "over the past decade": before the story's year
	}
	if y, ok := year(f[0]); ok && len(f) == 1 { // "in 2015"
		if y == story.Year() {
			return story
		}
		return time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	last := false // "last August": the latest August before the story's month
	if f[0] == "last" && len(f) >= 2 {
		last, f = true, f[1:]
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
		day, y := 1, story.Year()
		rest := f[1:]
		if len(rest) > 0 {
			if d, err := strconv.Atoi(strings.TrimSuffix(rest[0], ",")); err == nil && d >= 1 && d <= 31 {
				day, rest = d, rest[1:]
			}
		}
		explicit := false
		if len(rest) > 0 {
			if yy, ok := year(rest[0]); ok {
				y, explicit = yy, true // "November 2024", "May 3 2019"
			}
		}
		t := time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
		switch {
		case explicit:
		case last:
			if m >= story.Month() {
				t = t.AddDate(-1, 0, 0)
			}
		case !future && t.After(story.AddDate(0, 0, 31)):
			// A past event dated well after the story is last year's.
			t = t.AddDate(-1, 0, 0)
		}
		return t
	}
	return story
}

// aheadWhen reads a bare month on an act still to come as the next such
// month: "invited him to Bangkok for talks in June" in a March story is
// this June, not last year's (which the guidelines would drop as
// background). An act is to come when its code is an intent (root 03, or
// a threat, 13) or the coder turned it into one ("intent (would): …").
func aheadWhen(when, code string, notes []string) string {
	f := strings.Fields(strings.ToLower(when))
	if len(f) == 0 || f[0] == "next" || f[0] == "last" {
		return when
	}
	ahead := strings.HasPrefix(code, "03") || strings.HasPrefix(code, "13")
	for _, n := range notes {
		ahead = ahead || strings.HasPrefix(n, "intent (")
	}
	if !ahead {
		return when
	}
	for m := time.January; m <= time.December; m++ {
		if name := strings.ToLower(m.String()); f[0] == name || len(f[0]) >= 3 && strings.HasPrefix(name, strings.TrimSuffix(f[0], ".")) {
			return "next " + when
		}
	}
	return when
}

// countWords are the numbers an "ago" span is counted in when not in
// digits; "several", "a few" and the like count as two.
var countWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "several": 2, "few": 2, "some": 2, "many": 2}

// agoDate reads "N unit ago" ("32 years ago", "a week ago", "five decades
// ago") as the date that many units before the story.
func agoDate(f []string, story time.Time) (time.Time, bool) {
	if len(f) != 3 || f[2] != "ago" {
		return story, false
	}
	n, err := strconv.Atoi(f[0])
	if err != nil {
		var ok bool
		if n, ok = countWords[f[0]]; !ok {
			return story, false
		}
	}
	switch strings.TrimSuffix(f[1], "s") {
	case "day":
		return story.AddDate(0, 0, -n), true
	case "week":
		return story.AddDate(0, 0, -7*n), true
	case "month":
		return story.AddDate(0, -n, 0), true
	case "year":
		return story.AddDate(-n, 0, 0), true
	case "decade":
		return story.AddDate(-10*n, 0, 0), true
	case "century", "centurie":
		return story.AddDate(-100*n, 0, 0), true
	}
	return story, false
}
