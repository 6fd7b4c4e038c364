package actor

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"unicode/utf8"

	"farabi/internal/linescan"
)

// MaxLineBytes is the longest line a dictionary reader reads; a longer one
// is reported and skipped, and reading goes on with the next.
const MaxLineBytes = 1 << 20

// SyntaxError reports a bad line of a dictionary file; it prints as
// "actors/orgs.txt:12: unknown field \"alais\"".
type SyntaxError struct {
	File string
	Line int
	Err  error
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

func (e *SyntaxError) Unwrap() error { return e.Err }

// Load reads the dictionaries in fsys: every actors/*.txt, and agents.txt
// when present. Every bad line is reported, as a [*SyntaxError] joined with
// errors.Join, and skipped; the Dictionary holds everything else, so a caller
// may use it in spite of the error. Load returns a nil Dictionary only when
// fsys cannot be read at all.
func Load(fsys fs.FS) (*Dictionary, error) {
	files, err := fs.Glob(fsys, "actors/*.txt")
	if err != nil {
		return nil, fmt.Errorf("actor: %w", err)
	}
	sort.Strings(files)
	if _, err := fs.Stat(fsys, "agents.txt"); err == nil {
		files = append(files, "agents.txt")
	}
	if len(files) == 0 {
		return nil, errors.New("actor: no actors/*.txt or agents.txt")
	}
	d := &Dictionary{}
	var errs []error
	for _, name := range files {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("actor: %w", err))
			continue
		}
		errs = append(errs, d.parse(name, data)...)
	}
	d.build()
	return d, errors.Join(errs...)
}

// Parse reads one file in farabi's format into a new Dictionary; name is used
// in messages. Like [Load], it skips and reports bad lines.
func Parse(name string, data []byte) (*Dictionary, error) {
	d := &Dictionary{}
	errs := d.parse(name, data)
	d.build()
	return d, errors.Join(errs...)
}

// block is the entry being read.
type block struct {
	actor   *Actor
	agent   *Agent
	discard *Discard
	skip    bool // header was bad: ignore its fields silently
}

func (d *Dictionary) parse(file string, data []byte) []error {
	var errs []error
	bad := func(line int, format string, a ...any) {
		errs = append(errs, &SyntaxError{File: file, Line: line, Err: fmt.Errorf(format, a...)})
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	sc := linescan.New(bytes.NewReader(data), MaxLineBytes)
	var cur block
	flush := func() {
		switch {
		case cur.actor != nil:
			d.Actors = append(d.Actors, cur.actor)
		case cur.agent != nil:
			if len(cur.agent.Names) == 0 {
				bad(cur.agent.Line, "agent %s has no names", roleText(cur.agent))
				break
			}
			d.Agents = append(d.Agents, cur.agent)
		case cur.discard != nil:
			if len(cur.discard.Names) == 0 {
				bad(cur.discard.Line, "discard has no names")
				break
			}
			d.Discards = append(d.Discards, cur.discard)
		}
		cur = block{}
	}
	n := 0
	for sc.Scan() {
		n++
		if err := sc.TooLong(); err != nil {
			bad(n, "%v", err)
			continue
		}
		raw := sc.Text()
		if !utf8.ValidString(raw) {
			bad(n, "invalid UTF-8")
			continue
		}
		if strings.IndexByte(raw, 0) >= 0 {
			bad(n, "NUL byte")
			continue
		}
		line := stripComment(raw)
		if strings.TrimSpace(line) == "" {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			flush()
			kw, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
			rest = strings.TrimSpace(rest)
			switch kw {
			case "actor":
				if rest == "" {
					bad(n, "actor has no name")
					cur.skip = true
					continue
				}
				if strings.HasPrefix(rest, "#") {
					// ("actor \v#": a name that only other white space
					// keeps from being a comment would be one when written
					// back after "actor ")
					bad(n, "actor name %q starts with #, which the format reads as a comment after a space", rest)
					cur.skip = true
					continue
				}
				cur.actor = &Actor{Name: rest, File: file, Line: n}
			case "agent":
				g, err := parseAgentHeader(rest)
				if err != nil {
					bad(n, "%v", err)
					cur.skip = true
					continue
				}
				g.File, g.Line = file, n
				cur.agent = g
			case "discard":
				if rest != "" && rest != "story" {
					bad(n, "want \"discard\" or \"discard story\", got %q", strings.TrimSpace(line))
					cur.skip = true
					continue
				}
				cur.discard = &Discard{Story: rest == "story", File: file, Line: n}
			default:
				bad(n, "want \"actor NAME\", \"agent ROLE\" or \"discard\" at the start of a line, got %q", kw)
				cur.skip = true
			}
			continue
		}
		field, val, _ := strings.Cut(strings.TrimSpace(line), " ")
		val = strings.TrimSpace(val)
		switch {
		case cur.skip:
			continue
		case cur.actor != nil:
			if err := cur.actor.setField(field, val, n); err != nil {
				bad(n, "%v", err)
			}
		case cur.agent != nil || cur.discard != nil:
			if field != "name" {
				bad(n, "unknown field %q (agents and discards have only name)", field)
				continue
			}
			names, err := splitNames(val)
			if err != nil {
				bad(n, "%v", err)
				continue
			}
			if cur.agent != nil {
				cur.agent.Names = append(cur.agent.Names, names...)
			} else {
				cur.discard.Names = append(cur.discard.Names, names...)
			}
		default:
			bad(n, "field %q outside an entry", field)
		}
	}
	flush() // a bytes.Reader has no read errors
	return errs
}

// stripComment removes a # comment: a whole line, or one after white space.
func stripComment(s string) string {
	t := strings.TrimLeft(s, " \t")
	if strings.HasPrefix(t, "#") {
		return ""
	}
	for i := 1; i < len(s); i++ {
		if s[i] == '#' && (s[i-1] == ' ' || s[i-1] == '\t') {
			return strings.TrimRight(s[:i], " \t")
		}
	}
	return strings.TrimRight(s, " \t\r")
}

func roleText(g *Agent) string {
	switch {
	case g.Role == "":
		return "-"
	case g.Prefix:
		return g.Role + "~"
	}
	return g.Role
}

func parseAgentHeader(s string) (*Agent, error) {
	switch {
	case s == "-":
		return &Agent{}, nil
	case strings.HasSuffix(s, "~"):
		r := strings.TrimSuffix(s, "~")
		if !isCode(r) {
			return nil, fmt.Errorf("bad agent role %q", s)
		}
		return &Agent{Role: r, Prefix: true}, nil
	}
	r := strings.TrimPrefix(s, "~")
	if !isCode(r) {
		return nil, fmt.Errorf("bad agent role %q: want a code such as GOV, NGO~ (before the country) or - (the country alone)", s)
	}
	return &Agent{Role: r}, nil
}

// isCode reports whether s looks like a CAMEO code: at least three
// upper-case letters. [Check] looks closer.
func isCode(s string) bool {
	if len(s) < 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func splitNames(v string) ([]string, error) {
	if v == "" {
		return nil, errors.New("empty name list")
	}
	var out []string
	for _, p := range strings.Split(v, "|") {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" {
			return nil, fmt.Errorf("empty name in %q", v)
		}
		if strings.HasPrefix(p, "#") {
			// written back after " | " it would read as a comment
			return nil, fmt.Errorf("name %q starts with #, which the format reads as a comment after a space", p)
		}
		if len(nameKey(p)) == 0 {
			return nil, fmt.Errorf("name %q has no letters or digits", p)
		}
		out = append(out, p)
	}
	return out, nil
}

func validKind(k string) bool {
	switch k {
	case KindCountry, KindRegion, KindPerson, KindOrg, KindForum, KindCompany, KindMedia, KindGroup, KindPlace:
		return true
	}
	return false
}

func (a *Actor) setField(field, val string, line int) error {
	if val == "" && field != "code" {
		return fmt.Errorf("field %q has no value", field)
	}
	switch field {
	case "id":
		if a.ID != "" {
			return fmt.Errorf("second id %q (first %q)", val, a.ID)
		}
		if strings.ContainsAny(val, " \t|") {
			return fmt.Errorf("bad id %q", val)
		}
		a.ID = val
	case "kind":
		if a.Kind != "" {
			return fmt.Errorf("second kind %q", val)
		}
		if !validKind(val) {
			return fmt.Errorf("unknown kind %q: want country, region, person, org, forum, company, media, group or place", val)
		}
		a.Kind = val
	case "alias", "adj", "capital":
		names, err := splitNames(val)
		if err != nil {
			return err
		}
		switch field {
		case "alias":
			a.Aliases = append(a.Aliases, names...)
		case "adj":
			a.Adjs = append(a.Adjs, names...)
		default:
			a.Capitals = append(a.Capitals, names...)
		}
	case "code":
		t, err := parseTerm(val)
		if err != nil {
			return err
		}
		t.Line = line
		a.Terms = append(a.Terms, t)
	case "parties":
		if len(a.Parties) > 0 {
			return fmt.Errorf("second parties line")
		}
		for _, c := range strings.Fields(val) {
			if !isCode(c) && !IsOrgCode(c) {
				return fmt.Errorf("parties: bad code %q", c)
			}
			a.Parties = append(a.Parties, c)
		}
		if len(a.Parties) < 2 {
			return fmt.Errorf("parties: want the partner and the group, such as \"parties CHN CAS\"")
		}
	case "members":
		if len(a.Members) > 0 {
			return fmt.Errorf("second members line")
		}
		for _, c := range strings.Fields(val) {
			if len(c) != 3 || !isCode(c) {
				return fmt.Errorf("members: bad country or region code %q", c)
			}
			a.Members = append(a.Members, c)
		}
		if len(a.Members) == 0 {
			return fmt.Errorf("members: want country or region codes, such as \"members KAZ KGZ TJK TKM UZB\"")
		}
	case "unsure":
		a.Unsure = append(a.Unsure, val)
	case "note":
		a.Notes = append(a.Notes, val)
	default:
		return fmt.Errorf("unknown field %q", field)
	}
	return nil
}

func parseTerm(v string) (Term, error) {
	f := strings.Fields(v)
	if len(f) == 0 {
		return Term{}, errors.New("code has no value: want CODE FROM TO [ROLE]")
	}
	t := Term{Code: f[0]}
	if t.Code != NullCode && !isCode(t.Code) && !IsOrgCode(t.Code) {
		return Term{}, fmt.Errorf("bad code %q: want upper-case letters such as KAZGOV, or an organisation's short name such as G20", t.Code)
	}
	if len(f) == 1 {
		return t, nil
	}
	if len(f) < 3 || !isDateField(f[1]) || !isDateField(f[2]) {
		return Term{}, fmt.Errorf("bad code line %q: want CODE FROM TO [ROLE] with dates YYYY[-MM[-DD]] or *", v)
	}
	var err error
	if f[1] != "*" {
		if t.From, err = parseDate(f[1], false); err != nil {
			return Term{}, err
		}
	}
	if f[2] != "*" {
		if t.To, err = parseDate(f[2], true); err != nil {
			return Term{}, err
		}
	}
	if t.From != 0 && t.To != 0 && t.From > t.To {
		return Term{}, fmt.Errorf("dates out of order: %s after %s", f[1], f[2])
	}
	t.Role = strings.Join(f[3:], " ")
	return t, nil
}

func isDateField(s string) bool {
	if s == "*" {
		return true
	}
	return len(s) >= 4 && s[0] >= '0' && s[0] <= '9'
}
