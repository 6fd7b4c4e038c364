// Package actor holds farabi's actor dictionaries and recognizes actors in
// tokenized sentences.
//
// [Load] reads dictionaries in farabi's format (docs/format/dictionary.md)
// from an fs.FS and [LoadPetrarch] reads PETRARCH/TABARI ones; both report
// every bad line as a [*SyntaxError] and load the rest. [Dictionary.Find]
// returns the [Mention]s of a [ud.Sentence] with the CAMEO actor code each
// actor held on the story's date, [Dictionary.Unknown] the proper names that
// stand where an actor belongs but match nothing, and [Check] validates a
// dictionary beyond its syntax. A Dictionary is immutable once loaded and
// safe for concurrent use. The package works on tokens alone: it uses tags
// and heads when a sentence has them, and does no tagging or parsing itself.
package actor

import (
	"fmt"
	"strings"
	"time"
)

// Kinds of actors, as written in the kind field.
const (
	KindCountry = "country"
	KindPerson  = "person"
	KindOrg     = "org"
	KindForum   = "forum"
	KindCompany = "company"
	KindMedia   = "media"
	KindGroup   = "group"
	KindRegion  = "region" // a CAMEO region such as EUR or CAS, used like a country
	// KindPlace is a city, province or region inside one country (its
	// code): never an actor by itself, only the country it stands for
	// where a coder needs one ("struck Kharkiv"); see [Dictionary.FindPlaces].
	KindPlace = "place"
)

// Special codes. NullCode marks a name that is recognized but never coded
// (PETRARCH's "---").
const NullCode = "---"

// Actor is one dictionary entry: a country, person, organisation, company,
// news medium or group, with the codes it held over time.
type Actor struct {
	ID       string // Wikidata QID or a farabi: slug; may be empty
	Name     string // primary name
	Kind     string // one of the Kind constants, or empty
	Aliases  []string
	Adjs     []string // demonyms and adjectives (countries)
	Capitals []string // capitals and seats of government (countries)
	Terms    []Term
	// Parties are, for a forum that meets one partner with a group
	// ("China + Central Asia", "C5+1"), the partner's code first and the
	// group's after: a meeting of the forum pairs the partner with each
	// member.
	Parties []string
	// Members are, for a region, the countries it takes in (and the
	// smaller regions, whose members count too): "the Central Asian
	// nation" is one of them, and "Central Asia" beside a meeting of
	// them stands for those it names. For an organisation, its member
	// countries: the coder never pairs a member with its own group at
	// the group's meeting.
	Members []string
	Unsure  []string
	Notes   []string
	File    string // where the entry starts
	Line    int
}

// Term is a code an actor held from From to To, both included.
type Term struct {
	Code string
	From Date // 0 when open
	To   Date // 0 when open
	Role string
	Line int // line of the code field, for messages
}

// Covers reports whether the term holds on day d. The zero Date is covered by
// every term.
func (t Term) Covers(d Date) bool {
	if d == 0 {
		return true
	}
	return (t.From == 0 || t.From <= d) && (t.To == 0 || d <= t.To)
}

// TermOn returns the term the actor held on day d. The first listed dated
// term covering d wins, so an author lists a main office before concurrent
// ones and an exception before the rule (as PETRARCH files do); an undated
// term applies only when no dated one does. With d zero, TermOn returns
// the present term: the first listed open one (dated before undated), else
// the one that ended last. It returns false when no term covers d.
func (a *Actor) TermOn(d Date) (Term, bool) {
	if d == 0 {
		// the present: the first listed open term, dated before undated,
		// else the term that ended last
		best := -1
		for i, t := range a.Terms {
			switch {
			case best < 0:
				best = i
			case t.To == 0 && a.Terms[best].To != 0,
				t.To == 0 && t.From != 0 && a.Terms[best].From == 0,
				a.Terms[best].To != 0 && t.To > a.Terms[best].To:
				best = i
			}
		}
		if best < 0 {
			return Term{}, false
		}
		return a.Terms[best], true
	}
	undated := -1
	for i, t := range a.Terms {
		if !t.Covers(d) {
			continue
		}
		if t.From != 0 || t.To != 0 {
			return t, true
		}
		if undated < 0 {
			undated = i
		}
	}
	if undated < 0 {
		return Term{}, false
	}
	return a.Terms[undated], true
}

// Agent is a generic role word that combines with a country: "foreign
// ministry", "troops", "companies".
type Agent struct {
	// Role is the code appended to the country ("GOV"); empty means the
	// country alone ("capital"). With Prefix the role goes before it.
	Role   string
	Prefix bool
	Names  []string
	File   string
	Line   int
}

// Code returns the code of the agent for a country code.
func (g *Agent) Code(country string) string {
	if g.Prefix {
		return g.Role + country
	}
	return country + g.Role
}

// Discard is a phrase that names no actor and blocks matches over it, such as
// a sports club. Story discards mark the whole story as out of scope.
type Discard struct {
	Names []string
	Story bool
	File  string
	Line  int
}

// Date is a calendar day as the number YYYYMMDD; 0 means no date.
type Date int32

// DateOf returns the Date of t, 0 for the zero time.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	return Date(y*10000 + int(m)*100 + d)
}

// String returns the date as YYYY-MM-DD, or "" for 0.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d/10000, d/100%100, d%100)
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD. With end set, a partial date
// stands for its last day, else for its first.
func parseDate(s string, end bool) (Date, error) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return 0, fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var n [3]int
	for i, p := range parts {
		if i > 0 && len(p) != 2 {
			return 0, fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		for _, c := range p {
			if c < '0' || c > '9' {
				return 0, fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
			}
			n[i] = n[i]*10 + int(c-'0')
		}
	}
	y, m, d := n[0], n[1], n[2]
	if y == 0 {
		return 0, fmt.Errorf("bad date %q: year 0", s)
	}
	switch len(parts) {
	case 1:
		if end {
			m, d = 12, 31
		} else {
			m, d = 1, 1
		}
	case 2:
		if m < 1 || m > 12 {
			return 0, fmt.Errorf("bad date %q: month out of range", s)
		}
		if end {
			d = daysIn(y, m)
		} else {
			d = 1
		}
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, fmt.Errorf("bad date %q: no such day", s)
	}
	return Date(y*10000 + m*100 + d), nil
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ParseDate reads a day written YYYY-MM-DD (or YYYY, YYYY-MM for its first
// day).
func ParseDate(s string) (Date, error) { return parseDate(s, false) }
