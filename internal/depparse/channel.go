package depparse

import (
	"strings"

	"farabi/internal/ud"
)

// The means of talking. "Putin and Xi discussed trade by phone": the
// parser hung "by phone" on "trade", the object, as if the trade went by
// phone. A phrase of a preposition of means ("by", "over", "via") and a
// word for a line of talk ("phone", "telephone", "videoconference",
// "video link", "hotline") hung on the object or oblique of a verb is the
// verb's oblique: how the talk was held, which decides a phone call (041)
// from a meeting (040).

// channelWords are the lines talk goes over.
var channelWords = []string{"phone", "telephone", "videoconference", "video-conference", "videolink", "video-link",
	"teleconference", "videocall", "video-call", "hotline", "link", "line"}

// channelPhrases hangs, in parsed s, phrases of the means of talking from
// the verb whose object or oblique they were hung on.
func channelPhrases(s *ud.Sentence) {
	for i := 1; i < len(s.Tokens); i++ {
		t := s.Tokens[i]
		if t.Rel != "nmod" || !containsFold(channelWords, t.Form) || t.Head == 0 {
			continue
		}
		if (t.Form == "link" || t.Form == "line") && (i < 2 || !strings.EqualFold(s.Tokens[i-1].Form, "video")) {
			continue // "video link" only: "the rail line"
		}
		means := false
		for _, u := range s.Tokens[:i] {
			if u.Head == i+1 && u.Rel == "case" {
				means = strings.EqualFold(u.Form, "by") || strings.EqualFold(u.Form, "over") || strings.EqualFold(u.Form, "via")
			}
		}
		n := &s.Tokens[t.Head-1]
		if !means || n.Head == 0 || n.Rel != "obj" && n.Rel != "obl" {
			continue
		}
		if v := s.Tokens[n.Head-1]; v.UPOS != ud.VERB {
			continue
		}
		s.Tokens[i].Head, s.Tokens[i].Rel = n.Head, "obl"
	}
}
