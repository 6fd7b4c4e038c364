// Package newsdate reads the dates that news carries: the RFC 822 dates of
// RSS and their many variants, ISO 8601 dates of Atom, JSON Feed and page
// metadata, dates written in prose ("May 17, 2025", "17 May 2025"), and
// dates in URLs ("/2018/01/16/"). It does no I/O and keeps no state.
//
// Parse accepts a date with or without a time; a time zone written as an
// abbreviation it knows (GMT, UTC, EST, PDT, …) keeps its offset, an unknown
// one is read as UTC. Years outside 1900–2200 are refused, so that a
// misread number does not date a story in year 12.
package newsdate

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ErrNoDate reports a string that holds no date Parse can read.
var ErrNoDate = errors.New("newsdate: not a date")

// layouts are tried in order after the string has been normalized (single
// spaces, no weekday, a known zone abbreviation replaced by its offset).
var layouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 Z0700",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"20060102T150405Z0700",
	"20060102",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04 -0700",
	"2 Jan 2006",
	"2 January 2006 15:04:05 -0700",
	"2 January 2006 15:04",
	"2 January 2006",
	"Jan 2 2006 15:04:05 -0700",
	"Jan 2 2006 15:04:05",
	"Jan 2 2006 15:04",
	"Jan 2 2006 3:04 PM",
	"Jan 2 2006",
	"January 2 2006 15:04:05 -0700",
	"January 2 2006 15:04",
	"January 2 2006 3:04 PM",
	"January 2 2006",
	"2006-Jan-02",
	"02.01.2006",
	"02.01.2006 15:04",
}

// zones maps the abbreviations feeds use to their offsets. Ambiguous ones
// (IST, CST) take their most common reading in English news.
var zones = map[string]string{
	"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000", "WET": "+0000",
	"BST": "+0100", "CET": "+0100", "CEST": "+0200", "EET": "+0200", "EEST": "+0300", "MSK": "+0300",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
	"MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
	"AKST": "-0900", "AKDT": "-0800", "HST": "-1000",
	"IST": "+0530", "PKT": "+0500", "ALMT": "+0500", "UZT": "+0500", "JST": "+0900", "KST": "+0900",
	"HKT": "+0800", "SGT": "+0800", "AEST": "+1000", "AEDT": "+1100",
}

var weekdays = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}

// Parse reads a date in any of the forms news uses. The result is in the
// date's own offset (UTC when it has none).
func Parse(s string) (time.Time, error) {
	in := s
	s = normalize(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, fmt.Errorf("%w: %q", ErrNoDate, clip(in))
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			if !plausible(t) {
				return time.Time{}, fmt.Errorf("%w: year %d in %q", ErrNoDate, t.Year(), clip(in))
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%w: %q", ErrNoDate, clip(in))
}

// plausible reports whether t's year can be a news story's.
func plausible(t time.Time) bool { return t.Year() >= 1900 && t.Year() <= 2200 }

// normalize trims s, removes commas after words, a leading weekday, "at"
// between date and time and ordinal suffixes, and replaces a trailing zone
// abbreviation by its numeric offset.
func normalize(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 200 {
		return s
	}
	s = strings.ReplaceAll(s, ",", " ")
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	if isWeekday(f[0]) {
		f = f[1:]
	}
	out := f[:0]
	for i, w := range f {
		switch {
		case strings.EqualFold(w, "at") && i > 0:
			continue
		case i == len(f)-1 && len(f) > 1:
			if off, ok := zoneOffset(w); ok {
				w = off
			}
		}
		out = append(out, stripOrdinal(w))
	}
	s = strings.Join(out, " ")
	// "Sept" is not a layout month; "a.m." and "p.m." are common in prose.
	s = strings.Replace(s, "Sept ", "Sep ", 1)
	s = strings.NewReplacer(" a.m.", " AM", " p.m.", " PM", " am", " AM", " pm", " PM").Replace(s)
	return s
}

func isWeekday(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, "."))
	for _, d := range weekdays {
		if w == d {
			return true
		}
	}
	return false
}

// zoneOffset turns "GMT", "EST" or "(UTC)" into a numeric offset, and
// "GMT+3"/"UTC+05:00" into "+0300"/"+0500".
func zoneOffset(w string) (string, bool) {
	w = strings.Trim(w, "()")
	u := strings.ToUpper(w)
	if off, ok := zones[u]; ok {
		return off, true
	}
	for _, p := range []string{"GMT", "UTC", "UT"} {
		if rest, ok := strings.CutPrefix(u, p); ok && rest != "" && (rest[0] == '+' || rest[0] == '-') {
			digits := strings.ReplaceAll(rest[1:], ":", "")
			if len(digits) <= 2 {
				digits = fmt.Sprintf("%02s00", digits)
			}
			if len(digits) == 4 && isDigits(digits) {
				return rest[:1] + digits, true
			}
		}
	}
	return w, false
}

// stripOrdinal turns "17th" into "17".
func stripOrdinal(w string) string {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if d, ok := strings.CutSuffix(w, suf); ok && d != "" && len(d) <= 2 && isDigits(d) {
			return d
		}
	}
	return w
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func clip(s string) string {
	if len(s) > 40 {
		s = s[:40]
		for len(s) > 0 && !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
		return s + "…"
	}
	return s
}

var (
	months = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
	// "May 17, 2025", "17 May 2025", "2025-05-17".
	proseDate = regexp.MustCompile(`\b(?:` + months + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)|(\d{1,2})(?:st|nd|rd|th)?\s+` + months +
		`,?\s+((?:19|20)\d\d)|((?:19|20)\d\d)-(\d\d)-(\d\d))\b`)
	// "/2018/01/16/", "/2018-01-16", "/20180116/".
	urlDate = regexp.MustCompile(`/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:[/_.-]|$)|/((?:19|20)\d\d)(\d\d)(\d\d)/`)
)

// InText returns the first full date (day, month and year) written in the
// first limit bytes of text, as a dateline or byline gives it.
func InText(text string, limit int) (time.Time, bool) {
	if len(text) > limit {
		text = text[:limit]
	}
	for _, m := range proseDate.FindAllStringSubmatch(text, 4) {
		var s string
		switch {
		case m[1] != "":
			s = m[1] + " " + m[2] + " " + m[3]
		case m[4] != "":
			s = m[4] + " " + m[5] + " " + m[6]
		default:
			s = m[7] + "-" + m[8] + "-" + m[9]
		}
		if t, err := Parse(s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// InURL returns the date a URL's path gives ("/2018/01/16/…").
func InURL(u string) (time.Time, bool) {
	m := urlDate.FindStringSubmatch(u)
	if m == nil {
		return time.Time{}, false
	}
	y, mo, d := m[1], m[2], m[3]
	if y == "" {
		y, mo, d = m[4], m[5], m[6]
	}
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(mo)
	di, _ := strconv.Atoi(d)
	if mi < 1 || mi > 12 || di < 1 || di > 31 {
		return time.Time{}, false
	}
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Day() != di { // 31 February
		return time.Time{}, false
	}
	return t, true
}
