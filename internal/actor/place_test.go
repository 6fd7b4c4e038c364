package actor

import (
	"slices"
	"testing"
	"time"
)

// placeDict holds a country and two places inside it.
func placeDict(t *testing.T) *Dictionary {
	t.Helper()
	d, err := Parse("x.txt", []byte(`
actor Uzbekistan
  kind country
  adj Uzbek
  capital Tashkent
  code UZB
actor Samarkand
  kind place
  alias Samarqand
  code UZB
actor Fergana Valley
  kind place
  alias Fergana | Ferghana
  code UZB
actor Geneva
  kind place
  code CHE
`))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestFindPlaces(t *testing.T) {
	d := placeDict(t)
	tests := []struct {
		text   string
		actors []string // codes of Find's mentions
		places []string // "text=CODE" of the places
	}{
		{"Uzbek troops shelled Samarkand.", []string{"UZB"}, []string{"Samarkand=UZB"}},
		{"Floods hit the Ferghana Valley and Samarqand on Monday.", nil, []string{"Ferghana=UZB", "Samarqand=UZB"}},
		// the longest name wins: "Fergana Valley", not "Fergana"
		{"Talks opened in the Fergana Valley.", nil, []string{"Fergana Valley=UZB"}},
		// a place written in lower case is most likely a word
		{"the samarkand was full.", nil, nil},
		// a process named after a place is no place
		{"The Samarkand declaration was signed in Tashkent.", []string{"UZB"}, nil},
	}
	for _, tc := range tests {
		s := sentence(tc.text)
		ms, places := d.FindPlaces(s, Context{Date: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)})
		var got []string
		for _, m := range ms {
			got = append(got, m.Code)
		}
		if !slices.Equal(got, tc.actors) {
			t.Errorf("%q: actors %q, want %q", tc.text, got, tc.actors)
		}
		got = nil
		for _, m := range places {
			if m.Method != ByPlace {
				t.Errorf("%q: place %q found by %s", tc.text, m.Name, m.Method)
			}
			got = append(got, tc.text[m.Span.Start:m.Span.End]+"="+m.Code)
		}
		if !slices.Equal(got, tc.places) {
			t.Errorf("%q: places %q, want %q", tc.text, got, tc.places)
		}
		if f := d.Find(s, Context{}); len(f) != len(ms) {
			t.Errorf("%q: Find gives %d mentions, FindPlaces %d", tc.text, len(f), len(ms))
		}
	}
}

func TestPlaceDateline(t *testing.T) {
	d := placeDict(t)
	for _, tc := range []struct{ in, want string }{
		{"SAMARKAND, Uzbekistan (Reuters) - Talks began.", "UZB"},
		{"SAMARKAND (Reuters) - Talks began.", "UZB"},
		// the seat of international bodies is no story's country
		{"GENEVA (Reuters) - Talks began.", ""},
	} {
		if got := d.Dateline(sentence(tc.in)); got != tc.want {
			t.Errorf("Dateline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestRegionPartOf: a bare region word at the head of an "of" phrase of
// place names part of a place ("in the west of the country"), not the
// region; as an object ("warned the West of …") it is still the West. A
// sea named after a country ("the Gulf of Finland") lies in no country and
// keeps the country's name from matching (round 35).
func TestRegionPartOf(t *testing.T) {
	d, err := Parse("x.txt", []byte(`
actor The West
  kind region
  code WST
actor Finland
  kind country
  code FIN
actor Gulf of Finland
  kind place
  code ---
`))
	if err != nil {
		t.Fatal(err)
	}
	type dep struct {
		head int
		rel  string
	}
	for _, tc := range []struct {
		text  string
		heads []dep
		want  []string
	}{
		{"Drones hit plants in the west of the country .",
			[]dep{{2, "nsubj"}, {0, "root"}, {2, "obj"}, {6, "case"}, {6, "det"}, {2, "obl"}, {9, "case"}, {9, "det"}, {6, "nmod"}, {2, "punct"}},
			nil},
		{"China warned the West of consequences .",
			[]dep{{2, "nsubj"}, {0, "root"}, {4, "det"}, {2, "obj"}, {6, "case"}, {4, "nmod"}, {2, "punct"}},
			[]string{"WST"}},
		{"A navy boarded a tanker in the Gulf of Finland .",
			[]dep{{2, "det"}, {3, "nsubj"}, {0, "root"}, {5, "det"}, {3, "obj"}, {8, "case"}, {8, "det"}, {3, "obl"}, {10, "case"}, {8, "nmod"}, {3, "punct"}},
			nil},
	} {
		s := sentence(tc.text)
		if len(tc.heads) != len(s.Tokens) {
			t.Fatalf("%q: %d tokens, %d heads", tc.text, len(s.Tokens), len(tc.heads))
		}
		for i, h := range tc.heads {
			s.Tokens[i].Head, s.Tokens[i].Rel = h.head, h.rel
		}
		var got []string
		for _, m := range d.Find(s, Context{}) {
			got = append(got, m.Code)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: actors %q, want %q", tc.text, got, tc.want)
		}
	}
}
