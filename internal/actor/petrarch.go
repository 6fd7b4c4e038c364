package actor

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"farabi/internal/linescan"
)

// PETRARCH/TABARI dictionaries, as PETRARCH2 reads them:
//
//   - actors: "NAME [CODE]" entries; "_" joins words and a final "_" ends
//     a phrase; "+ALIAS" lines and indented "[CODE DATE]" lines belong to
//     the entry above; DATE is "<YYMMDD" (before), ">YYMMDD" (after) or
//     "YYMMDD-YYMMDD", with six- or eight-digit dates; "CODE1/CODE2" gives
//     two codes; "---" is a null code and "###" a discard.
//   - agents: "PHRASE {PLURALS} [~CODE]" ("~CODE" follows the country,
//     "CODE~" comes before it); "{}" means no plural, no braces a regular
//     one; "!SET! = A, B" defines a substitution used as "!SET!".
//   - discards: one phrase a line, "+" for a whole-story discard.
//
// Comments are "#" and ";" to the end of a line and "<!-- … -->" blocks.
// Stems (a phrase without a final "_" also matches longer words in
// PETRARCH) are read as whole words.

// LoadPetrarch reads the PETRARCH dictionaries in dir: every file whose
// name contains "actors", "agents" or "discards" (verb files are the event
// coder's). Like [Load], it reports every line it cannot read and loads the
// rest.
func LoadPetrarch(dir string) (*Dictionary, error) {
	return LoadPetrarchFS(os.DirFS(dir))
}

// LoadPetrarchFS is [LoadPetrarch] over an fs.FS.
func LoadPetrarchFS(fsys fs.FS) (*Dictionary, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("actor: %w", err)
	}
	d := &Dictionary{upper: true}
	var errs []error
	n := 0
	for _, e := range entries {
		kind := PetrarchKind(e.Name())
		if e.IsDir() || kind == "" {
			continue
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			errs = append(errs, fmt.Errorf("actor: %w", err))
			continue
		}
		n++
		errs = append(errs, d.readPetrarch(kind, e.Name(), data)...)
	}
	if n == 0 {
		return nil, errors.New("actor: no PETRARCH actors, agents or discards file")
	}
	d.build()
	return d, errors.Join(errs...)
}

// PetrarchKind returns "actors", "agents" or "discards" for a PETRARCH file
// name, or "" for other files.
func PetrarchKind(name string) string {
	l := strings.ToLower(name)
	for _, k := range []string{"actors", "agents", "discards"} {
		if strings.Contains(l, k) {
			return k
		}
	}
	return ""
}

// ReadPetrarch reads one PETRARCH file of the given kind ("actors",
// "agents" or "discards") into a new Dictionary; name is used in messages.
func ReadPetrarch(kind, name string, data []byte) (*Dictionary, error) {
	d := &Dictionary{upper: true}
	errs := d.readPetrarch(kind, name, data)
	d.build()
	return d, errors.Join(errs...)
}

func (d *Dictionary) readPetrarch(kind, file string, data []byte) []error {
	p := &petrReader{d: d, file: file, subst: map[string][]string{}}
	lines, probs := PetrarchLines(data)
	for _, e := range probs {
		e.File = file
		p.errs = append(p.errs, e)
	}
	for i, l := range lines {
		n := i + 1
		if !utf8.ValidString(l) {
			p.bad(n, "invalid UTF-8")
			continue
		}
		if strings.IndexByte(l, 0) >= 0 {
			p.bad(n, "NUL byte")
			continue
		}
		switch kind {
		case "actors":
			p.actorLine(n, l)
		case "agents":
			p.agentLine(n, l)
		case "discards":
			p.discardLine(n, l)
		default:
			return []error{fmt.Errorf("actor: unknown PETRARCH file kind %q", kind)}
		}
	}
	p.endActor()
	if len(p.agents) > 0 {
		roles := make([]string, 0, len(p.agents))
		for r := range p.agents {
			roles = append(roles, r)
		}
		sort.Strings(roles)
		for _, r := range roles {
			d.Agents = append(d.Agents, p.agents[r])
		}
	}
	return p.errs
}

// PetrarchLines splits the text of a PETRARCH or TABARI dictionary into
// lines with their comments removed ("<!-- … -->" across lines, "#" and ";"
// to the end of a line, but not inside a "[…]" code), so that line numbers
// are kept for error messages. The verb reader of package coder uses it too.
//
// It also returns the problems it met, as [*SyntaxError] values without a
// file name, and loses no line to them: a line longer than [MaxLineBytes] is
// reported and left empty, and a comment opened with "<!" that no "-->"
// ever closes (which would swallow the rest of the file) is reported and
// ends with its line, as does every "<!" comment after it.
func PetrarchLines(data []byte) ([]string, []*SyntaxError) {
	var probs []*SyntaxError
	var raw []string
	sc := linescan.New(bytes.NewReader(data), MaxLineBytes)
	for sc.Scan() {
		if err := sc.TooLong(); err != nil {
			probs = append(probs, &SyntaxError{Line: sc.Line(), Err: err})
			raw = append(raw, "")
			continue
		}
		raw = append(raw, sc.Text())
	}
	out := make([]string, len(raw))
	if open, in := uncomment(raw, out, 0, false, false, nil); open >= 0 {
		// No "-->" after line open+1: read again from there, every "<!"
		// comment ending with its line unless it closes on it.
		uncomment(raw, out, open, in, true, func(n int) {
			probs = append(probs, &SyntaxError{Line: n + 1,
				Err: errors.New(`comment "<!" is never closed by "-->"; it is read as ending with its line`)})
		})
		sort.SliceStable(probs, func(i, j int) bool { return probs[i].Line < probs[j].Line })
	}
	return out, probs
}

// uncomment removes the comments of raw[from:] into out[from:], starting
// inside a "<!" comment when in is true. It returns the index of the line
// that opened a comment still open at the end, and whether that line
// started inside a comment, or -1. With lineOnly, a "<!" comment that does
// not close on its line ends with it, and unclosed is called with the
// line's index.
func uncomment(raw, out []string, from int, in, lineOnly bool, unclosed func(int)) (int, bool) {
	open, openIn := -1, false
	for n := from; n < len(raw); n++ {
		l := raw[n]
		startIn := in
		var b strings.Builder
		for l != "" {
			if in {
				i := strings.Index(l, "-->")
				if i < 0 {
					l = ""
					break
				}
				l = l[i+3:]
				in = false
				continue
			}
			i := strings.Index(l, "<!")
			if i < 0 {
				b.WriteString(l)
				break
			}
			b.WriteString(l[:i])
			l = l[i+2:]
			in = true
			if lineOnly && !strings.Contains(l, "-->") {
				unclosed(n)
				l, in = "", false
				break
			}
			open, openIn = n, startIn
		}
		out[n] = strings.TrimRight(cutPetrComment(b.String()), " \t\r")
	}
	if !in {
		return -1, false
	}
	return open, openIn
}

// cutPetrComment cuts a "#" or ";" comment; inside [ ] a "#" is part of a
// code ("[###]").
func cutPetrComment(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
		case '#', ';':
			if depth <= 0 {
				return s[:i]
			}
		}
	}
	return s
}

type petrReader struct {
	d      *Dictionary
	file   string
	errs   []error
	cur    *Actor
	agents map[string]*Agent
	subst  map[string][]string
}

func (p *petrReader) bad(line int, format string, a ...any) {
	p.errs = append(p.errs, &SyntaxError{File: p.file, Line: line, Err: fmt.Errorf(format, clipArgs(a)...)})
}

// clipArgs clips the strings of a message's arguments, pieces of a line
// that may be megabytes long: a message quotes at most linescan.ClipLen
// bytes of input.
func clipArgs(a []any) []any {
	for i, x := range a {
		if s, ok := x.(string); ok {
			a[i] = linescan.Clip(s)
		}
	}
	return a
}

func (p *petrReader) endActor() {
	if p.cur == nil {
		return
	}
	if len(p.cur.Terms) == 0 {
		p.bad(p.cur.Line, "entry %q has no code", p.cur.Name)
	} else {
		p.d.Actors = append(p.d.Actors, p.cur)
	}
	p.cur = nil
}

// petrName turns "PRESIDENT_GEORGE_W._BUSH_" into "PRESIDENT GEORGE W. BUSH".
func petrName(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
}

func (p *petrReader) actorLine(n int, l string) {
	t := strings.TrimSpace(l)
	if t == "" {
		return
	}
	indented := l[0] == ' ' || l[0] == '\t'
	switch {
	case strings.HasPrefix(t, "+"):
		if p.cur == nil {
			p.bad(n, "alias %q before any entry", t)
			return
		}
		name, codes, err := splitPetrLine(t[1:])
		if err != nil {
			p.bad(n, "%v", err)
			return
		}
		if name == "" {
			p.bad(n, "empty alias")
			return
		}
		p.cur.Aliases = append(p.cur.Aliases, name)
		p.addCodes(n, codes)
	case t[0] == '[' && (indented || p.cur != nil):
		if p.cur == nil {
			p.bad(n, "code %q before any entry", t)
			return
		}
		_, codes, err := splitPetrLine(t)
		if err != nil {
			p.bad(n, "%v", err)
			return
		}
		p.addCodes(n, codes)
	default:
		p.endActor()
		name, codes, err := splitPetrLine(t)
		if err != nil {
			p.bad(n, "%v", err)
			return
		}
		if name == "" {
			p.bad(n, "no name before the code")
			return
		}
		p.cur = &Actor{Name: name, File: p.file, Line: n}
		p.addCodes(n, codes)
	}
}

// splitPetrLine splits "NAME [CODE] [CODE DATE]" into the name and the
// contents of the brackets.
func splitPetrLine(s string) (string, []string, error) {
	i := strings.IndexByte(s, '[')
	name := s
	if i >= 0 {
		name = s[:i]
	}
	if strings.ContainsAny(name, "]{}=") {
		return "", nil, fmt.Errorf("cannot read name %q: unexpected %q", strings.TrimSpace(name), name[strings.IndexAny(name, "]{}=")])
	}
	var codes []string
	for i >= 0 {
		rest := s[i+1:]
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return "", nil, fmt.Errorf("unclosed [ in %q", s)
		}
		codes = append(codes, strings.TrimSpace(rest[:j]))
		rest = rest[j+1:]
		k := strings.IndexByte(rest, '[')
		if k < 0 {
			if strings.TrimSpace(rest) != "" {
				return "", nil, fmt.Errorf("text %q after the codes", strings.TrimSpace(rest))
			}
			break
		}
		if strings.TrimSpace(rest[:k]) != "" {
			return "", nil, fmt.Errorf("text %q between codes", strings.TrimSpace(rest[:k]))
		}
		i = k
		s = rest
	}
	return petrName(name), codes, nil
}

func (p *petrReader) addCodes(n int, codes []string) {
	for _, c := range codes {
		ts, err := petrTerms(c)
		if err != nil {
			p.bad(n, "%v", err)
			continue
		}
		for _, t := range ts {
			t.Line = n
			p.cur.Terms = append(p.cur.Terms, t)
		}
	}
}

// petrTerms reads the inside of a code block: "HOBGOV 950601-990815".
func petrTerms(s string) ([]Term, error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return nil, errors.New("empty code []")
	}
	code := f[0]
	if c := code[0]; c == '<' || c == '>' || c >= '0' && c <= '9' {
		return nil, fmt.Errorf("cannot read [%s]: date with no code", s)
	}
	var t Term
	if len(f) > 1 {
		var err error
		t.From, t.To, err = petrDates(strings.Join(f[1:], ""))
		if err != nil {
			return nil, fmt.Errorf("cannot read [%s]: %v", s, err)
		}
	}
	var out []Term
	for _, c := range strings.Split(code, "/") {
		c = strings.ToUpper(c)
		switch {
		case c == "---" || c == "###":
			// "---" codes nothing; TABARI's "###" discards: neither has a code
			c = NullCode
		case c == "+++":
			return nil, fmt.Errorf("cannot read [%s]: code \"+++\" has no meaning in PETRARCH2", s)
		case strings.ContainsAny(c, "~"):
			return nil, fmt.Errorf("cannot read [%s]: agent code in an actors file", s)
		default:
			for _, r := range c {
				if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
					return nil, fmt.Errorf("cannot read [%s]: bad code %q", s, c)
				}
			}
		}
		t.Code = c
		out = append(out, t)
	}
	return out, nil
}

// petrDates reads "<YYMMDD", ">YYMMDD" or "YYMMDD-YYMMDD" (also eight-digit
// dates). "<" is before the day, ">" after it.
func petrDates(s string) (from, to Date, err error) {
	switch {
	case strings.HasPrefix(s, "<"):
		d, err := petrDate(s[1:])
		if err != nil {
			return 0, 0, err
		}
		return 0, addDays(d, -1), nil
	case strings.HasPrefix(s, ">"):
		d, err := petrDate(s[1:])
		if err != nil {
			return 0, 0, err
		}
		return addDays(d, 1), 0, nil
	}
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return 0, 0, fmt.Errorf("bad date restriction %q: want <DATE, >DATE or DATE-DATE", s)
	}
	if from, err = petrDate(a); err != nil {
		return 0, 0, err
	}
	if to, err = petrDate(b); err != nil {
		return 0, 0, err
	}
	if from > to {
		return 0, 0, fmt.Errorf("dates out of order in %q", s)
	}
	return from, to, nil
}

// petrDate reads YYMMDD (years up to 30 are 20YY, as PETRARCH reads them)
// or YYYYMMDD.
func petrDate(s string) (Date, error) {
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("bad date %q", s)
		}
	}
	var y, m, d int
	switch len(s) {
	case 6:
		fmt.Sscanf(s, "%2d%2d%2d", &y, &m, &d)
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
	case 8:
		fmt.Sscanf(s, "%4d%2d%2d", &y, &m, &d)
	default:
		return 0, fmt.Errorf("bad date %q: want YYMMDD or YYYYMMDD", s)
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, fmt.Errorf("bad date %q: no such day", s)
	}
	return Date(y*10000 + m*100 + d), nil
}

func addDays(d Date, n int) Date {
	t := time.Date(int(d)/10000, time.Month(int(d)/100%100), int(d)%100+n, 0, 0, 0, 0, time.UTC)
	return DateOf(t)
}

func (p *petrReader) agentLine(n int, l string) {
	t := strings.TrimSpace(l)
	if t == "" {
		return
	}
	if t[0] == '!' {
		if name, list, ok := strings.Cut(t, "="); ok {
			name = strings.TrimSpace(name)
			if len(name) < 3 || !strings.HasSuffix(name, "!") {
				p.bad(n, "bad substitution set %q", name)
				return
			}
			var vals []string
			for _, v := range strings.Split(list, ",") {
				if v = strings.TrimSpace(v); v != "" {
					vals = append(vals, petrName(v))
				}
			}
			p.subst[name] = vals
			return
		}
	}
	i := strings.IndexByte(t, '[')
	if i < 0 {
		p.bad(n, "cannot read %q: no [CODE]", t)
		return
	}
	j := strings.IndexByte(t[i:], ']')
	if j < 0 {
		p.bad(n, "unclosed [ in %q", t)
		return
	}
	if rest := strings.TrimSpace(t[i+j+1:]); rest != "" {
		p.bad(n, "text %q after the code", rest)
		return
	}
	code := strings.Join(strings.Fields(t[i+1:i+j]), "")
	head := t[:i]
	var plurals []string
	regular := true
	if k := strings.IndexByte(head, '{'); k >= 0 {
		e := strings.IndexByte(head, '}')
		if e < k {
			p.bad(n, "unclosed { in %q", t)
			return
		}
		regular = false
		for _, w := range strings.Fields(head[k+1 : e]) {
			plurals = append(plurals, petrName(w))
		}
		head = head[:k] + head[e+1:]
	}
	name := petrName(head)
	if name == "" || !hasWordChar(name) {
		p.bad(n, "no phrase before the code")
		return
	}
	g := &Agent{}
	switch {
	case strings.HasPrefix(code, "~") && len(code) > 1:
		g.Role = code[1:]
	case strings.HasSuffix(code, "~") && len(code) > 1:
		g.Role, g.Prefix = code[:len(code)-1], true
	default:
		p.bad(n, "cannot read agent code [%s]: want ~CODE or CODE~", code)
		return
	}
	for _, r := range g.Role {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			p.bad(n, "bad agent code [%s]", code)
			return
		}
	}
	names, err := p.expand(name)
	if err != nil {
		p.bad(n, "%v", err)
		return
	}
	// a substitution set carries its own plurals ("MAN, MEN")
	if regular && !strings.Contains(name, "!") {
		for _, nm := range names {
			if pl := plural(nm); pl != "" {
				plurals = append(plurals, pl)
			}
		}
	}
	key := code
	if p.agents == nil {
		p.agents = map[string]*Agent{}
	}
	if a := p.agents[key]; a != nil {
		g = a
	} else {
		g.File, g.Line = p.file, n
		p.agents[key] = g
	}
	g.Names = appendNew(g.Names, names...)
	g.Names = appendNew(g.Names, plurals...)
}

// maxExpansions bounds the phrases one agent line may expand to.
const maxExpansions = 1000

// expand replaces the !SET! markers of name by each member of the set;
// members are not themselves expanded.
func (p *petrReader) expand(name string) ([]string, error) {
	out := []string{""}
	rest := name
	for {
		i := strings.IndexByte(rest, '!')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i+1:], '!')
		if j < 0 {
			return nil, fmt.Errorf("unclosed ! in %q", name)
		}
		set := rest[i : i+j+2]
		vals, ok := p.subst[set]
		if !ok {
			return nil, fmt.Errorf("unknown substitution set %s", set)
		}
		if len(out)*len(vals) > maxExpansions {
			return nil, fmt.Errorf("%q expands to more than %d phrases", name, maxExpansions)
		}
		var next []string
		for _, o := range out {
			for _, v := range vals {
				next = append(next, o+rest[:i]+v)
			}
		}
		out = next
		rest = rest[i+j+2:]
	}
	for k := range out {
		out[k] = petrName(out[k] + rest)
	}
	return out, nil
}

// plural forms the regular plural of a phrase's last word, as PETRARCH
// does: -IES after a consonant and Y, -ES after SS, X, Z, CH, SH, else -S.
// A word ending in a single S is taken as plural already: it returns "".
func plural(s string) string {
	u := strings.ToUpper(s)
	switch {
	case strings.HasSuffix(u, "S") && !strings.HasSuffix(u, "SS"):
		return ""
	case strings.HasSuffix(u, "Y") && len(u) > 1 && !strings.ContainsRune("AEIOU", rune(u[len(u)-2])):
		return s[:len(s)-1] + "IES"
	case strings.HasSuffix(u, "SS") || strings.HasSuffix(u, "X") || strings.HasSuffix(u, "Z") ||
		strings.HasSuffix(u, "CH") || strings.HasSuffix(u, "SH"):
		return s + "ES"
	}
	return s + "S"
}

func appendNew(list []string, names ...string) []string {
	for _, n := range names {
		dup := false
		for _, o := range list {
			if o == n {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, n)
		}
	}
	return list
}

func (p *petrReader) discardLine(n int, l string) {
	t := strings.TrimSpace(l)
	if t == "" {
		return
	}
	story := strings.HasPrefix(t, "+")
	name := petrName(strings.TrimPrefix(t, "+"))
	if strings.ContainsAny(name, "[]{}") || !hasWordChar(name) {
		p.bad(n, "cannot read discard %q", t)
		return
	}
	var x *Discard
	for _, o := range p.d.Discards {
		if o.Story == story && o.File == p.file {
			x = o
		}
	}
	if x == nil {
		x = &Discard{Story: story, File: p.file, Line: n}
		p.d.Discards = append(p.d.Discards, x)
	}
	x.Names = appendNew(x.Names, name)
}

// titleName turns a PETRARCH name in capitals into farabi's spelling:
// words of four letters or more are title-cased ("IRAN" → "Iran"), shorter
// ones stay in capitals as abbreviations ("IMF") except small words.
func titleName(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		letters := 0
		lower := false
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
			lower = lower || unicode.IsLower(r)
		}
		switch {
		case lower:
		case isSmallWord(w):
			words[i] = strings.ToLower(w)
		case letters >= 4 || strings.ContainsAny(w, "-'") && letters > 3:
			words[i] = titleWord(w)
		}
	}
	return strings.Join(words, " ")
}

func isSmallWord(w string) bool {
	switch w {
	case "OF", "THE", "AND", "FOR", "ON", "IN", "AT", "TO", "AL", "EL", "BIN", "DE", "DU", "LA", "LE", "VAN", "VON", "DA", "DOS":
		return true
	}
	return false
}

func titleWord(w string) string {
	var b strings.Builder
	up := true
	for _, r := range w {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = r == '-' || r == '.' || r == '\''
	}
	return b.String()
}
