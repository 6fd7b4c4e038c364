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
			"The Ministry of Foreign Affairs of Kyrgyzstan handed a note of protest to Kazakhstan.\n\n" +
				"«The Ministry expresses bewilderment in connection with the meeting of the two leaders,» the document says.\n",
			map[string]string{"The Ministry expresses": "KGZGOV"}},
		{"a quotation left open ends with its paragraph",
			"China warned Lithuania that \"Taiwan independence\" is a dead end and any attempt is doomed to fail\".\n\n" +
				"Lithuanian Foreign Minister Gabrielius Landsbergis said \"we will keep our course with Taiwan whatever happens\".\n",
			map[string]string{"we will keep": "LTUGOV"}},
		{"nested straight marks",
			"\"The government has allowed the authorities to open a \"representative office\" under the name of \"Taiwan\". " +
				"The decision violates the spirit of our communiqué,\" the Chinese ministry said in a statement.\n",
			map[string]string{"The government has": "CHNGOV", "The decision violates": "CHNGOV"}},
		{"single marks",
			"'The United States and Uzbekistan have been cooperating on border security for twenty years,' US Ambassador Jonathan Henick said.\n",
			map[string]string{"The United States": "USAGOV"}},
		{"a person introduced with an office",
			"Łukasz Jasina, the spokesman for the Polish foreign ministry, spoke on Monday.\n\n" +
				"Jasina said: \"They have to leave Belarus by the end of the day.\"He added: \"We are thinking about a proper response.\"\n",
			map[string]string{"They have to": "POLGOV", "We are thinking": "POLGOV"}},
		{"a participle of speech",
			"Erdoğan raised the stakes on Monday, insisting there was \"no difference between those images and the worst crimes.\"\n",
			map[string]string{"no difference between": "TURGOV"}},
		{"a quotation after the person the sentence before names",
			"Vladimir Medinsky, head of the Russian delegation, echoed the optimism at a press conference in Istanbul.\n" +
				"“On the whole, we are satisfied with the results and ready to continue.”\n",
			map[string]string{"On the whole": "RUSGOV"}},
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
