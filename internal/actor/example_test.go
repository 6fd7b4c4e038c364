package actor_test

import (
	"fmt"
	"testing/fstest"
	"time"

	"farabi/internal/actor"
	"farabi/internal/tokenize"
	"farabi/internal/ud"
)

func ExampleDictionary_Find() {
	fsys := fstest.MapFS{
		"actors/kaz.txt": {Data: []byte(`actor Kazakhstan
  kind country
  adj Kazakh
  capital Astana
  code KAZ

actor Kassym-Jomart Tokayev
  kind person
  alias Tokayev
  code KAZGOV 2002-01-28 2007-01-10 Minister of Foreign Affairs
  code KAZLEG 2013-10-16 2019-03-19 Chairman of the Senate
  code KAZGOV 2019-03-20 * President
`)},
		"agents.txt": {Data: []byte("agent GOV\n  name president | foreign ministry\n")},
	}
	d, err := actor.Load(fsys)
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Kazakhstan’s President Kassym-Jomart Tokayev met the Kazakh Foreign Ministry in Astana."
	s := tokenize.New().Sentence(text, ud.Span{Start: 0, End: len(text)})
	for _, year := range []int{2015, 2025} {
		ctx := actor.Context{Date: time.Date(year, 5, 29, 0, 0, 0, 0, time.UTC)}
		for _, m := range d.Find(s, ctx) {
			fmt.Printf("%d %q %s (%s)\n", year, text[m.Span.Start:m.Span.End], m.Code, m.Method)
		}
	}
	// Output:
	// 2015 "Kazakhstan’s President Kassym-Jomart Tokayev" KAZLEG (title)
	// 2015 "Kazakh Foreign Ministry" KAZGOV (agent)
	// 2015 "Astana" KAZ (capital)
	// 2025 "Kazakhstan’s President Kassym-Jomart Tokayev" KAZGOV (title)
	// 2025 "Kazakh Foreign Ministry" KAZGOV (agent)
	// 2025 "Astana" KAZ (capital)
}

func ExampleReadPetrarch() {
	d, err := actor.ReadPetrarch("actors", "actors.txt", []byte(`GOLLUM  # a dated entry
+SMEAGOL
	[HOB <950601]
	[HOBGOV 950601-990815]
	[HOBREB >990816]
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	a := d.Lookup("Smeagol")[0]
	for _, day := range []actor.Date{19900101, 19970101, 20050101} {
		t, _ := a.TermOn(day)
		fmt.Println(day, t.Code)
	}
	// Output:
	// 1990-01-01 HOB
	// 1997-01-01 HOBGOV
	// 2005-01-01 HOBREB
}
