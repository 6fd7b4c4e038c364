// Package event holds the vocabulary of coded events: the [Event] record
// with its evidence, and the CAMEO ontology with each code's name, Goldstein
// score, quad class, PLOVER mapping and intent code ([Ontology]).
//
// It does no coding; package coder produces events. Codes follow CAMEO
// 1.1b3; the PLOVER mapping is farabi's, documented in docs/cameo.md.
package event

// Actor is one side of an event: its CAMEO actor code and the text it was
// found in.
type Actor struct {
	Code  string `json:"code"`
	Text  string `json:"text"`           // as the sentence writes it
	Name  string `json:"name,omitempty"` // the dictionary's name for the actor
	Start int    `json:"start"`          // byte offsets into the document
	End   int    `json:"end"`
	ID    string `json:"id,omitempty"` // dictionary id, when known
}

// Event is one coded interaction with the evidence for it.
type Event struct {
	Doc      string `json:"doc"`
	Sentence int    `json:"sentence"` // 0-based index in the document
	Date     string `json:"date,omitempty"`
	// When is the time expression the sentence gives the event ("on
	// Monday", "yesterday", "May 29"), empty when it gives none; the
	// pipeline turns it into Date from the story's date.
	When      string  `json:"when,omitempty"`
	Source    Actor   `json:"-"`
	Target    Actor   `json:"-"`
	Code      string  `json:"code"`
	Root      string  `json:"root"`
	Plover    string  `json:"plover"`
	Mode      string  `json:"plover_mode,omitempty"`
	Context   string  `json:"plover_context,omitempty"`
	Quad      int     `json:"quad"`
	Goldstein float64 `json:"goldstein"`
	// Place is where the sentence says the event happened ("in Astana",
	// "at the Kremlin"): the place's words, offsets and the country
	// they are in (Place.Code, "" when unknown); its Text is empty when
	// the sentence names no place.
	Place Actor `json:"-"`
	// Rule is the id of the pattern that fired.
	Rule       string  `json:"rule"`
	Confidence float64 `json:"confidence"`
	// Predicate is the word that carried the event, with its offsets.
	Predicate      string `json:"predicate"`
	PredicateStart int    `json:"predicate_start"`
	PredicateEnd   int    `json:"predicate_end"`
	// Notes says what the coder did beyond the pattern: "intent",
	// "reported speech", "passive", "symmetric", ...
	Notes []string `json:"notes,omitempty"`
	// SentenceText is the sentence the event was coded from.
	SentenceText string `json:"sentence_text,omitempty"`
	// Versions of what coded it.
	CoderVersion string `json:"coder_version,omitempty"`
	DictVersion  string `json:"dict_version,omitempty"`
	ModelVersion string `json:"model_version,omitempty"`
}

// Quad returns the quad class of a CAMEO code: 1 verbal cooperation (roots
// 01–05), 2 material cooperation (06–08), 3 verbal conflict (09–13), 4
// material conflict (14–20); 0 for a malformed code.
func Quad(code string) int {
	if len(code) < 2 {
		return 0
	}
	r := int(code[0]-'0')*10 + int(code[1]-'0')
	switch {
	case r >= 1 && r <= 5:
		return 1
	case r >= 6 && r <= 8:
		return 2
	case r >= 9 && r <= 13:
		return 3
	case r >= 14 && r <= 20:
		return 4
	}
	return 0
}

// Root returns the two-digit root of a CAMEO code.
func Root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}
