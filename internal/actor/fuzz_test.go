package actor

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// FuzzParse checks that the reader of farabi's format never panics, that
// every error names a line, and that what it reads survives a Write and a
// second Parse unchanged.
func FuzzParse(f *testing.F) {
	f.Add([]byte("actor Kazakhstan\n  kind country\n  adj Kazakh\n  code KAZ\n"))
	f.Add([]byte("actor A\n  code AAAGOV 2019-03 * President # c\nagent GOV\n  name x | y\ndiscard story\n  name z\n"))
	f.Add([]byte("actor\n  alias | \n\xff\n"))
	if data, err := os.ReadFile(filepath.Join("..", "..", "dict", "agents.txt")); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse("f.txt", data)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "f.txt:") {
					t.Fatalf("error without a position: %q", line)
				}
			}
		}
		var b strings.Builder
		if err := Write(&b, d); err != nil {
			t.Fatal(err)
		}
		d2, err := Parse("f.txt", []byte(b.String()))
		if err != nil {
			t.Fatalf("written dictionary does not parse: %v\n%s", err, b.String())
		}
		if !sameEntries(d, d2) {
			t.Fatalf("round trip changed the entries:\n%s", b.String())
		}
	})
}

// sameEntries compares what two dictionaries hold, positions aside.
func sameEntries(a, b *Dictionary) bool {
	if len(a.Actors) != len(b.Actors) || len(a.Agents) != len(b.Agents) || len(a.Discards) != len(b.Discards) {
		return false
	}
	for i := range a.Actors {
		x, y := *a.Actors[i], *b.Actors[i]
		x.File, x.Line, y.File, y.Line = "", 0, "", 0
		x.Terms = stripLines(x.Terms)
		y.Terms = stripLines(y.Terms)
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	for i := range a.Agents {
		if !reflect.DeepEqual(a.Agents[i].Names, b.Agents[i].Names) || a.Agents[i].Role != b.Agents[i].Role || a.Agents[i].Prefix != b.Agents[i].Prefix {
			return false
		}
	}
	for i := range a.Discards {
		if !reflect.DeepEqual(a.Discards[i].Names, b.Discards[i].Names) || a.Discards[i].Story != b.Discards[i].Story {
			return false
		}
	}
	return true
}

func stripLines(ts []Term) []Term {
	out := make([]Term, len(ts))
	for i, t := range ts {
		t.Line = 0
		out[i] = t
	}
	return out
}

// FuzzPetrarch checks that the PETRARCH reader never panics, that every
// error names a line, and that the conversion to farabi's format parses.
func FuzzPetrarch(f *testing.F) {
	for _, dir := range []string{"petrarch2-dict", "petrarch2-dict-140226"} {
		files, _ := filepath.Glob(filepath.Join(sharedDir(), "gold", dir, "*.txt"))
		for _, file := range files {
			if k := PetrarchKind(filepath.Base(file)); k != "" {
				if data, err := os.ReadFile(file); err == nil {
					f.Add(k, data)
				}
			}
		}
	}
	f.Add("actors", []byte("GOLLUM  # c\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 950601-990815]\n"))
	f.Add("agents", []byte("!P! = MAN, MEN\nCONGRESS!P! [~LEG]\nPOLICE {} [~COP]\n"))
	f.Add("discards", []byte("+World Cup\nBASEBALL ; c\n"))
	f.Fuzz(func(t *testing.T, kind string, data []byte) {
		if kind != "actors" && kind != "agents" && kind != "discards" {
			return
		}
		var b strings.Builder
		err := ImportPetrarch(&b, kind, "p.txt", data)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "p.txt:") {
					t.Fatalf("error without a position: %q", line)
				}
			}
		}
		if _, err := Parse("out.txt", []byte(b.String())); err != nil {
			t.Fatalf("converted dictionary does not parse: %v\n%s", err, b.String())
		}
	})
}

// FuzzFind checks the recognizer's invariants on any text: mentions lie
// inside the sentence, in order, with spans that match their tokens and a
// confidence in (0, 1].
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Kazakhstan’s President Kassym-Jomart Tokayev met Russian troops in Astana.",
		"companies from China, France, Russia, and South Korea",
		"Roman Vassilenko, Kazakhstan's deputy foreign minister, said",
		"the former president of Kazakhstan , , and the",
		"ASTANA (Reuters) - the president said",
	} {
		f.Add(s, "KAZ")
	}
	d := testDict(f)
	f.Fuzz(func(t *testing.T, text, country string) {
		s := sentence(text)
		ms := d.Find(s, Context{Country: country})
		for i, m := range ms {
			if m.First < 0 || m.Last >= len(s.Tokens) || m.First > m.Last {
				t.Fatalf("mention %+v outside %d tokens", m, len(s.Tokens))
			}
			if m.Span.Start != s.Tokens[m.First].Span.Start || m.Span.End != s.Tokens[m.Last].Span.End {
				t.Fatalf("mention %+v: span does not match its tokens", m)
			}
			if m.Confidence <= 0 || m.Confidence > 1 {
				t.Fatalf("mention %+v: confidence out of (0, 1]", m)
			}
			if i > 0 && ms[i-1].First > m.First {
				t.Fatalf("mentions out of order: %+v", ms)
			}
		}
		var u Unknowns
		u.Add(s, d.Unknown(s, ms, Context{}))
	})
}
