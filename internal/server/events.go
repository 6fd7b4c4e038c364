package server

import (
	"sort"
	"strings"

	"farabi/internal/event"
	"farabi/internal/store"
)

// Part is a piece of an event's sentence and the role it plays in the
// event: "source", "target", "predicate", or "" for the words between.
// The parts of a sentence, joined, are the sentence.
type Part struct {
	Text string `json:"text"`
	Role string `json:"role,omitempty"`
}

// eventJSON is an event as the API gives it: the coder's fields, flat,
// the store's counts, and the evidence cut into parts.
type eventJSON struct {
	ID             int64    `json:"id"`
	DistinctID     int64    `json:"distinct_id,omitempty"`
	Article        int64    `json:"article,omitempty"`
	Date           string   `json:"date"`
	Source         string   `json:"source"`
	SourceText     string   `json:"source_text"`
	SourceName     string   `json:"source_name,omitempty"`
	SourceStart    int      `json:"source_start"`
	SourceEnd      int      `json:"source_end"`
	Target         string   `json:"target"`
	TargetText     string   `json:"target_text"`
	TargetName     string   `json:"target_name,omitempty"`
	TargetStart    int      `json:"target_start"`
	TargetEnd      int      `json:"target_end"`
	Place          string   `json:"place,omitempty"`
	PlaceCountry   string   `json:"place_country,omitempty"`
	PlaceStart     int      `json:"place_start,omitempty"`
	PlaceEnd       int      `json:"place_end,omitempty"`
	Code           string   `json:"code"`
	Root           string   `json:"root"`
	Plover         string   `json:"plover,omitempty"`
	Quad           int      `json:"quad"`
	Goldstein      float64  `json:"goldstein"`
	Rule           string   `json:"rule"`
	Confidence     float64  `json:"confidence"`
	Predicate      string   `json:"predicate"`
	PredicateStart int      `json:"predicate_start"`
	PredicateEnd   int      `json:"predicate_end"`
	Notes          []string `json:"notes,omitempty"`
	Sentence       int      `json:"sentence"`
	SentenceText   string   `json:"sentence_text"`
	Evidence       []Part   `json:"evidence"`
	Mentions       int      `json:"mentions,omitempty"`
	Stories        int      `json:"stories,omitempty"`
	Outlets        int      `json:"outlets,omitempty"`
	URL            string   `json:"url,omitempty"`
	Outlet         string   `json:"outlet,omitempty"`
	Title          string   `json:"title,omitempty"`
	Versions       versions `json:"versions"`
}

type versions struct {
	Coder string `json:"coder"`
	Dict  string `json:"dict"`
	Model string `json:"model"`
}

func codedJSON(e *event.Event) eventJSON {
	return eventJSON{Date: e.Date, Source: e.Source.Code, SourceText: e.Source.Text, SourceName: e.Source.Name,
		SourceStart: e.Source.Start, SourceEnd: e.Source.End, Target: e.Target.Code, TargetText: e.Target.Text,
		TargetName: e.Target.Name, TargetStart: e.Target.Start, TargetEnd: e.Target.End, Code: e.Code, Root: e.Root,
		Plover: e.Plover, Quad: e.Quad, Goldstein: e.Goldstein, Rule: e.Rule, Confidence: e.Confidence,
		Predicate: e.Predicate, PredicateStart: e.PredicateStart, PredicateEnd: e.PredicateEnd, Notes: e.Notes,
		Sentence: e.Sentence, SentenceText: e.SentenceText, Evidence: Evidence(e),
		Place: e.Place.Text, PlaceCountry: e.Place.Code, PlaceStart: e.Place.Start, PlaceEnd: e.Place.End,
		Versions: versions{e.CoderVersion, e.DictVersion, e.ModelVersion}}
}

func storedJSON(e *store.Event) eventJSON {
	j := codedJSON(&e.Event)
	j.ID, j.DistinctID, j.Article = e.ID, e.DistinctID, e.ArticleID
	j.Mentions, j.Stories, j.Outlets = e.Mentions, e.Stories, e.Outlets
	j.URL, j.Outlet, j.Title = e.URL, e.Outlet, e.Title
	return j
}

// span is a stretch of an event's document with its role.
type span struct {
	role       string
	start, end int // byte offsets into the document
	text       string
}

// Evidence cuts an event's sentence into parts that show its source,
// target and predicate. The event's offsets point into its document; the
// sentence's own offset is found where the predicate (or an actor) sits in
// the sentence with the other offsets agreeing. A side whose words are not
// in the sentence (an actor resolved from the story, a coreference) gets no
// part of its own.
func Evidence(e *event.Event) []Part {
	sent := e.SentenceText
	spans := []span{{"source", e.Source.Start, e.Source.End, e.Source.Text}, {"target", e.Target.Start, e.Target.End, e.Target.Text},
		{"predicate", e.PredicateStart, e.PredicateEnd, e.Predicate}}
	base, ok := anchor(sent, spans)
	var marks []span
	for _, sp := range spans {
		if sp.text == "" {
			continue
		}
		a, b := sp.start-base, sp.end-base
		if !ok || a < 0 || b > len(sent) || b < a || sent[a:b] != sp.text {
			// The offsets do not hold: find the words themselves, once.
			i := strings.Index(sent, sp.text)
			if i < 0 {
				continue
			}
			a, b = i, i+len(sp.text)
		}
		marks = append(marks, span{sp.role, a, b, sp.text})
	}
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].start < marks[j].start })
	var parts []Part
	at := 0
	for _, m := range marks {
		if m.start < at {
			continue // overlaps the part before
		}
		if m.start > at {
			parts = append(parts, Part{Text: sent[at:m.start]})
		}
		parts = append(parts, Part{Text: sent[m.start:m.end], Role: m.role})
		at = m.end
	}
	if at < len(sent) {
		parts = append(parts, Part{Text: sent[at:]})
	}
	return parts
}

// anchor finds the document offset where sent starts: an offset at which
// one span's words sit in sent and every other span inside sent agrees.
func anchor(sent string, spans []span) (int, bool) {
	for _, sp := range spans {
		if sp.text == "" || sp.end <= sp.start {
			continue
		}
		for from := 0; ; {
			i := strings.Index(sent[from:], sp.text)
			if i < 0 {
				break
			}
			base := sp.start - (from + i)
			if agrees(sent, base, spans) {
				return base, true
			}
			from += i + 1
		}
	}
	return 0, false
}

func agrees(sent string, base int, spans []span) bool {
	for _, sp := range spans {
		a, b := sp.start-base, sp.end-base
		if sp.text == "" || a < 0 || b > len(sent) || b <= a {
			continue // outside the sentence: says nothing
		}
		if sent[a:b] != sp.text {
			return false
		}
	}
	return true
}
