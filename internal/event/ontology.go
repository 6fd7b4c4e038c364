package event

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
)

// Code is one CAMEO event code with what farabi knows of it.
type Code struct {
	Code      string
	Name      string
	Goldstein float64
	Plover    string // PLOVER event type
	Mode      string // PLOVER mode, may be empty
	Context   string // PLOVER context, may be empty
	// Intent is the code to use when the act is only intended, promised or
	// agreed to ("plans to visit" → 036); empty when it has none.
	Intent string
}

// Ontology holds every CAMEO code. It is immutable once loaded and safe for
// concurrent use.
type Ontology struct {
	codes map[string]*Code
	order []string
}

// SyntaxError reports a bad line in an ontology or pattern file.
type SyntaxError struct {
	File string
	Line int
	Err  error
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *SyntaxError) Unwrap() error { return e.Err }

// LoadOntology reads the CAMEO table at name in fsys. It returns the codes it
// could read and every bad line, joined.
func LoadOntology(fsys fs.FS, name string) (*Ontology, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadOntology(f, name)
}

// ReadOntology reads a CAMEO table: tab-separated lines of code, Goldstein
// score, PLOVER type, PLOVER mode, PLOVER context, intent code and name, after
// a header line; '#' starts a comment line (docs/format/cameo.md).
func ReadOntology(r io.Reader, name string) (*Ontology, error) {
	o := &Ontology{codes: map[string]*Code{}}
	var errs []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	bad := func(format string, a ...any) {
		errs = append(errs, &SyntaxError{name, line, fmt.Errorf(format, a...)})
	}
	header := true
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if header {
			header = false
			if strings.HasPrefix(text, "code\t") {
				continue
			}
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 7 {
			bad("want 7 tab-separated columns, got %d", len(cols))
			continue
		}
		c := &Code{Code: cols[0], Plover: cols[2], Mode: cols[3], Context: cols[4], Intent: cols[5], Name: cols[6]}
		if !validCode(c.Code) {
			bad("bad CAMEO code %q", c.Code)
			continue
		}
		g, err := strconv.ParseFloat(cols[1], 64)
		if err != nil || g < -10 || g > 10 {
			bad("bad Goldstein score %q", cols[1])
			continue
		}
		c.Goldstein = g
		if c.Intent != "" && !validCode(c.Intent) {
			bad("bad intent code %q", c.Intent)
			continue
		}
		if _, dup := o.codes[c.Code]; dup {
			bad("code %s defined twice", c.Code)
			continue
		}
		o.codes[c.Code] = c
		o.order = append(o.order, c.Code)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s:%d: %w", name, line, err))
	}
	for _, code := range o.order {
		c := o.codes[code]
		if c.Intent != "" && o.codes[c.Intent] == nil {
			errs = append(errs, fmt.Errorf("%s: code %s: intent code %s is not defined", name, code, c.Intent))
		}
	}
	return o, errors.Join(errs...)
}

func validCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Lookup returns the code, or its nearest defined parent ("0431" → "043"),
// and false when neither exists.
func (o *Ontology) Lookup(code string) (*Code, bool) {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if x, ok := o.codes[c]; ok {
			return x, true
		}
	}
	return nil, false
}

// Has reports whether the exact code is defined.
func (o *Ontology) Has(code string) bool { return o.codes[code] != nil }

// Codes returns every code in file order.
func (o *Ontology) Codes() []string { return append([]string(nil), o.order...) }

// IntentOf returns the code to use for an intended act: the code's own
// intent, or its nearest parent's; the code itself when none is defined.
func (o *Ontology) IntentOf(code string) string {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if x, ok := o.codes[c]; ok && x.Intent != "" {
			return x.Intent
		}
	}
	return code
}

// Fill sets the derived fields of ev (root, quad, PLOVER, Goldstein) from
// its Code.
func (o *Ontology) Fill(ev *Event) {
	ev.Root = Root(ev.Code)
	ev.Quad = Quad(ev.Code)
	if c, ok := o.Lookup(ev.Code); ok {
		ev.Plover, ev.Mode, ev.Context, ev.Goldstein = c.Plover, c.Mode, c.Context, c.Goldstein
	}
}
