package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestQuoteSpeakers codes short stories with the embedded models and
// dictionaries and checks who speaks each quotation: the ways news
// attributes words (and fails to close its quotation marks) that the
// speaker rules must survive.
func TestQuoteSpeakers(t *testing.T) {
	cases := []struct {
		name, text string
		want       map[string]string // the quotation's first words → speaker code ("" none)
	}{
		{"document speaks for its author",
			"The Ministry of Foreign Affairs of Armenia handed a note of protest to Azerbaijan.\n\n" +
				"«The Ministry regrets the remarks made at the border meeting last week,» the document says.\n",
			map[string]string{"The Ministry regrets": "ARMGOV"}},
		{"a quotation left open ends with its paragraph",
			"Russia warned Estonia that \"NATO expansion\" is a dangerous path and every such step will come to nothing\".\n\n" +
				"Estonian Foreign Minister Margus Tsahkna said \"we will stay on our course whatever Moscow does\".\n",
			map[string]string{"we will stay": "ESTGOV"}},
		{"nested straight marks",
			"\"The council has let the city host a \"cultural bureau\" flying the flag of \"Kosovo\". " +
				"The step breaks the letter of our agreement,\" the Serbian ministry said in a statement.\n",
			map[string]string{"The council has": "SRBGOV", "The step breaks": "SRBGOV"}},
		{"single marks",
			"'Washington and Astana have worked together on nuclear safety for three decades,' US Ambassador Daniel Rosenblum said.\n",
			map[string]string{"Washington and Astana": "USAGOV"}},
		{"a person introduced with an office",
			"Tomas Berzins, the spokesman for the Latvian foreign ministry, spoke on Tuesday.\n\n" +
				"Berzins said: \"They must leave Riga within two days.\"He added: \"We are weighing a firm answer.\"\n",
			map[string]string{"They must leave": "LVAGOV", "We are weighing": "LVAGOV"}},
		{"a participle of speech",
			"Orbán hardened his tone on Friday, arguing there was \"no room left for talks on the matter.\"\n",
			map[string]string{"no room left": "HUNGOV"}},
		{"a quotation after the person the sentence before names",
			"Rustem Umerov, head of the Ukrainian delegation, sounded hopeful at a briefing in Geneva.\n" +
				"“All in all, the results suit us and we are ready to go on.”\n",
			map[string]string{"All in all": "UKRGOV"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runCLI(t, c.text, "quotes", "--date", "2024-05-01", "-")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			got := map[string]string{}
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				var q quoteJSON
				if err := json.Unmarshal([]byte(line), &q); err != nil {
					t.Fatalf("%v: %q", err, line)
				}
				for start := range c.want {
					if strings.HasPrefix(q.Text, start) {
						got[start] = q.SpeakerCode
					}
				}
			}
			for start, want := range c.want {
				g, ok := got[start]
				switch {
				case !ok:
					t.Errorf("no quotation %q in\n%s", start, out)
				case g != want:
					t.Errorf("quotation %q: speaker %q, want %q\n%s", start, g, want, out)
				}
			}
		})
	}
}
