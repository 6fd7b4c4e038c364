package eventeval

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// News scoring follows the reference scorer of the real-news sets
// (../shared/tools/score.py, news layout): per article, events are compared
// as sets of keys (duplicates collapsed) at the levels below; a system event
// without a source or a target is outside what the dyadic gold measures and
// is left out; an actor's "country" is its first three letters, except the
// short names of intergovernmental groups (EU, UN, …) and the IGO/NGO/IMG/MNC
// codes, which are kept whole after translating the codes the gold writes by
// a short name (IGOEUREEC = EU).

// Levels of the news scorer besides exact, root and plover.
const LevelDyad = "dyad"

// igoShort are the short names of groups the news gold writes.
var igoShort = set("EU", "UN", "CSTO", "ECOWAS", "OSCE", "NATO", "SCO", "AU", "ASEAN", "OPEC", "CIS",
	"GCC", "OIC", "WTO", "IMF", "EAEU", "EEU", "CICA", "IAEA", "ICC", "WB", "G7", "G20",
	"BRICS", "OTS", "ICRC", "UNSC", "ARAB_LEAGUE", "OECD", "APEC", "SAARC")

// igoAliases translates CAMEO IGO codes into those short names; the longest
// prefix wins.
var igoAliases = map[string]string{
	"IGOEUREEC": "EU", "IGOUNO": "UN", "IGOUNODEVWBK": "WB", "IGOWSTNAT": "NATO",
	"IGOWAFWAS": "ECOWAS", "IGOWAFBUSWAS": "ECOWAS", "IGOCASCIS": "CIS",
	"IGOSEAASN": "ASEAN", "IGOOPC": "OPEC", "IGOMEAARL": "ARAB_LEAGUE",
}

var groupFamilies = set("IGO", "NGO", "IMG", "MNC")

var noActor = set("", "---", "***", "NONE", "NULL", "NIL", "000")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// NormActor upper-cases an actor code and returns "" for the codes that
// mean no actor ("---", "None", …).
func NormActor(code string) string {
	c := strings.ToUpper(strings.TrimSpace(code))
	if noActor[c] {
		return ""
	}
	return c
}

// NewsCountry is the country part of an actor code as the news scorer
// compares it: KAZGOV → KAZ, CAS → CAS, IGOEUREEC → EU, OSCE → OSCE.
func NewsCountry(code string) string {
	c := NormActor(code)
	if c == "" {
		return ""
	}
	if igoShort[c] {
		return c
	}
	fam := c[:min(3, len(c))]
	if groupFamilies[fam] {
		best := ""
		for k := range igoAliases {
			if strings.HasPrefix(c, k) && len(k) > len(best) {
				best = k
			}
		}
		if best != "" {
			return igoAliases[best]
		}
		return c
	}
	return fam
}

// newsRoot is the two-digit root of a CAMEO code, or "" when the code
// does not start with two digits.
func newsRoot(code string) string {
	c := strings.TrimSpace(code)
	if len(c) < 2 || c[0] < '0' || c[0] > '9' || c[1] < '0' || c[1] > '9' {
		return ""
	}
	return c[:2]
}

// NewsEvent is one event of a news document, gold or system.
type NewsEvent struct {
	Source, Target, Code string
	// Sentence is the sentence it was coded from; Why says, for a system
	// event, the rule that fired and its confidence; Confidence is the
	// gold's "high" or "medium", or the system's number.
	Sentence   string
	Why        string
	Confidence string
}

// NewsDoc is one article with its gold and system events.
type NewsDoc struct {
	ID     string
	Gold   []NewsEvent
	System []NewsEvent
}

// Key is one scored key: the source and target (codes or countries, by
// level) and the code, root or PLOVER type.
type Key struct{ Source, Target, Cat string }

func (k Key) String() string { return k.Source + "→" + k.Target + " " + k.Cat }

// RootRow is one line of the per-root table.
type RootRow struct {
	Root   string  `json:"root"`
	Gold   int     `json:"gold"`
	Pred   int     `json:"pred"`
	TP     int     `json:"tp"`
	P      float64 `json:"p"`
	R      float64 `json:"r"`
	F1     float64 `json:"f1"`
	GoldAs []Count `json:"gold_as,omitempty"` // what gold events of this root were coded as ("-" missed)
}

// Count is a label with a count.
type Count struct {
	Label string `json:"label"`
	N     int    `json:"n"`
}

// DocDiff is what one article got wrong at the root level: the gold keys
// the system missed and the system keys the gold does not list, each with
// the events behind it.
type DocDiff struct {
	ID       string                    `json:"doc"`
	Missed   []Key                     `json:"missed,omitempty"`
	Spurious []Key                     `json:"spurious,omitempty"`
	Gold     map[Key][]NewsEvent       `json:"-"`
	System   map[Key][]NewsEvent       `json:"-"`
	Other    map[[2]string][]NewsEvent `json:"-"` // system events by dyad, for "coded as"
}

// NewsReport is the score of a news set.
type NewsReport struct {
	Docs         int            `json:"docs"`
	GoldEvents   int            `json:"gold_events"`
	SystemEvents int            `json:"system_events"`
	OneSided     int            `json:"one_sided_system_events"` // left out: no source or no target
	Levels       map[string]PRF `json:"levels"`
	RecordsExact int            `json:"records_exact"`
	Roots        []RootRow      `json:"roots"`
	Diffs        []DocDiff      `json:"-"`
}

// ScoreNews scores documents as the reference news scorer does. plover
// maps a CAMEO code to its PLOVER type ("" when it has none).
func ScoreNews(docs []NewsDoc, plover func(string) string) *NewsReport {
	rep := &NewsReport{Docs: len(docs), Levels: map[string]PRF{}}
	levels := map[string]func(NewsEvent) (Key, bool){
		LevelExact: func(e NewsEvent) (Key, bool) {
			return Key{NormActor(e.Source), NormActor(e.Target), strings.TrimSpace(e.Code)}, true
		},
		LevelRoot: func(e NewsEvent) (Key, bool) {
			r := newsRoot(e.Code)
			return Key{NewsCountry(e.Source), NewsCountry(e.Target), r}, r != ""
		},
		LevelPlover: func(e NewsEvent) (Key, bool) {
			p := plover(strings.TrimSpace(e.Code))
			return Key{NewsCountry(e.Source), NewsCountry(e.Target), p}, p != ""
		},
		LevelDyad: func(e NewsEvent) (Key, bool) {
			return Key{NewsCountry(e.Source), NewsCountry(e.Target), ""}, true
		},
	}
	roots := map[string]*RootRow{}
	goldAs := map[string]*counter{}
	row := func(r string) *RootRow {
		if roots[r] == nil {
			roots[r] = &RootRow{Root: r}
			goldAs[r] = &counter{}
		}
		return roots[r]
	}
	for _, d := range docs {
		rep.GoldEvents += len(d.Gold)
		var sys []NewsEvent
		for _, e := range d.System {
			if NormActor(e.Source) == "" || NormActor(e.Target) == "" {
				rep.OneSided++
				continue
			}
			sys = append(sys, e)
		}
		rep.SystemEvents += len(sys)
		for name, key := range levels {
			g, _ := keySet(d.Gold, key)
			y, _ := keySet(sys, key)
			s := rep.Levels[name]
			in := map[Key]bool{}
			for _, k := range g {
				in[k] = true
			}
			tp := 0
			for _, k := range y {
				if in[k] {
					tp++
				}
			}
			s.TP += tp
			s.FP += len(y) - tp
			s.FN += len(g) - tp
			rep.Levels[name] = s
		}
		ge, _ := keySet(d.Gold, levels[LevelExact])
		ye, _ := keySet(sys, levels[LevelExact])
		if sameSet(ge, ye) {
			rep.RecordsExact++
		}
		// Per-root table and the diff, dyad-aligned as the reference does.
		g, gev := keySet(d.Gold, levels[LevelRoot])
		y, yev := keySet(sys, levels[LevelRoot])
		for _, k := range g {
			row(k.Cat).Gold++
		}
		for _, k := range y {
			row(k.Cat).Pred++
		}
		pc := map[Key]int{}
		for _, k := range y {
			pc[k]++
		}
		diff := DocDiff{ID: d.ID, Gold: gev, System: yev, Other: map[[2]string][]NewsEvent{}}
		var restG []Key
		for _, k := range g {
			if pc[k] > 0 {
				pc[k]--
				row(k.Cat).TP++
			} else {
				restG = append(restG, k)
			}
		}
		var restP []Key
		for _, k := range y {
			if pc[k] > 0 {
				restP = append(restP, k)
				pc[k]--
			}
		}
		diff.Missed, diff.Spurious = restG, restP
		for _, k := range restP {
			dy := [2]string{k.Source, k.Target}
			diff.Other[dy] = append(diff.Other[dy], yev[k]...)
		}
		// the pairing below takes keys out of its own copy: diff.Spurious
		// keeps every one
		restP = append([]Key(nil), restP...)
		for _, k := range restG {
			hit := -1
			for i, p := range restP {
				if p.Source == k.Source && p.Target == k.Target {
					hit = i
					break
				}
			}
			if hit < 0 {
				goldAs[k.Cat].add("-")
				continue
			}
			goldAs[k.Cat].add(restP[hit].Cat)
			restP = append(restP[:hit], restP[hit+1:]...)
		}
		if len(diff.Missed)+len(diff.Spurious) > 0 {
			rep.Diffs = append(rep.Diffs, diff)
		}
	}
	for name, s := range rep.Levels {
		s.finish()
		rep.Levels[name] = s
	}
	for _, r := range roots {
		s := PRF{TP: r.TP, FP: r.Pred - r.TP, FN: r.Gold - r.TP}
		s.finish()
		r.P, r.R, r.F1 = s.P, s.R, s.F1
		r.GoldAs = goldAs[r.Root].sorted()
		rep.Roots = append(rep.Roots, *r)
	}
	sort.Slice(rep.Roots, func(i, j int) bool { return rep.Roots[i].Root < rep.Roots[j].Root })
	return rep
}

// keySet returns the distinct keys of evs at a level, in first-seen order,
// with the events behind each.
func keySet(evs []NewsEvent, key func(NewsEvent) (Key, bool)) ([]Key, map[Key][]NewsEvent) {
	var out []Key
	by := map[Key][]NewsEvent{}
	for _, e := range evs {
		k, ok := key(e)
		if !ok {
			continue
		}
		if _, seen := by[k]; !seen {
			out = append(out, k)
		}
		by[k] = append(by[k], e)
	}
	return out, by
}

func sameSet(a, b []Key) bool {
	if len(a) != len(b) {
		return false
	}
	in := map[Key]bool{}
	for _, k := range a {
		in[k] = true
	}
	for _, k := range b {
		if !in[k] {
			return false
		}
	}
	return true
}

// counter counts labels and remembers the order they first came in, so
// ties sort as the reference scorer's do.
type counter struct {
	order []string
	n     map[string]int
}

func (c *counter) add(label string) {
	if c.n == nil {
		c.n = map[string]int{}
	}
	if c.n[label] == 0 {
		c.order = append(c.order, label)
	}
	c.n[label]++
}

func (c *counter) sorted() []Count {
	var out []Count
	for _, l := range c.order {
		out = append(out, Count{l, c.n[l]})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].N > out[j].N })
	return out
}

// Print writes the report in the reference scorer's layout.
func (rep *NewsReport) Print(w io.Writer) {
	fmt.Fprintf(w, "docs scored=%d gold events=%d system events=%d (one-sided, not scored: %d)\n",
		rep.Docs, rep.GoldEvents, rep.SystemEvents, rep.OneSided)
	fmt.Fprintf(w, "%-8s %6s %6s %6s %6s %6s %6s\n", "level", "gold", "pred", "tp", "P%", "R%", "F1%")
	for _, name := range []string{LevelExact, LevelRoot, LevelPlover, LevelDyad} {
		s := rep.Levels[name]
		fmt.Fprintf(w, "%-8s %6d %6d %6d %6.1f %6.1f %6.1f\n", name, s.TP+s.FN, s.TP+s.FP, s.TP, 100*s.P, 100*s.R, 100*s.F1)
	}
	fmt.Fprintf(w, "record exact-match accuracy: %d/%d = %.1f%%\n", rep.RecordsExact, rep.Docs, pct(rep.RecordsExact, rep.Docs))
	fmt.Fprintf(w, "per-root (dyad-aligned; '-' = missed / spurious):\n")
	fmt.Fprintf(w, "  %-6s %5s %5s %4s %6s %6s %6s  %s\n", "root", "gold", "pred", "tp", "P%", "R%", "F1%", "gold coded as")
	for _, r := range rep.Roots {
		var as []string
		for i, c := range r.GoldAs {
			if i == 5 {
				break
			}
			as = append(as, fmt.Sprintf("%s:%d", c.Label, c.N))
		}
		fmt.Fprintf(w, "  %-6s %5d %5d %4d %6.1f %6.1f %6.1f  %s\n", r.Root, r.Gold, r.Pred, r.TP, 100*r.P, 100*r.R, 100*r.F1, strings.Join(as, ", "))
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// NewsGold is one record of a news gold file (news-dev/annotations.jsonl).
type NewsGold struct {
	File   string `json:"file"`
	Events []struct {
		Source     string `json:"source"`
		Target     string `json:"target"`
		Cameo      string `json:"cameo"`
		Code       string `json:"code"`
		Root       string `json:"root"`
		Confidence string `json:"confidence"`
		Sentence   string `json:"sentence"`
	} `json:"events"`
	Quotes []struct {
		Speaker      string `json:"speaker"`
		SpeakerActor string `json:"speaker_actor"`
		QuoteStart   string `json:"quote_start"`
	} `json:"quotes"`
	MainDyads [][]string `json:"main_dyads"`
}

// GoldEvents returns the record's events in the scorer's terms.
func (g *NewsGold) GoldEvents() []NewsEvent {
	var out []NewsEvent
	for _, e := range g.Events {
		code := e.Cameo
		if code == "" {
			code = e.Code
		}
		out = append(out, NewsEvent{Source: e.Source, Target: e.Target, Code: code, Sentence: e.Sentence, Confidence: e.Confidence})
	}
	return out
}

// ReadNewsGold reads a news gold file, one record a line. Errors name the
// file and line.
func ReadNewsGold(r io.Reader, name string) ([]NewsGold, error) {
	dec := json.NewDecoder(r)
	var out []NewsGold
	seen := map[string]bool{}
	for n := 1; ; n++ {
		var g NewsGold
		err := dec.Decode(&g)
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, fmt.Errorf("%s: record %d: %w", name, n, err)
		}
		if g.File == "" {
			return out, fmt.Errorf("%s: record %d: no \"file\"", name, n)
		}
		if seen[g.File] {
			return out, fmt.Errorf("%s: record %d: %s listed twice", name, n, g.File)
		}
		seen[g.File] = true
		out = append(out, g)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no records", name)
	}
	return out, nil
}
