package analytics

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"farabi/geo"
	"farabi/internal/store"
)

// Other is the ID of the implicit bloc of the partners that no bloc lists.
const Other = "other"

// Bloc is a named group of countries and organisations.
type Bloc struct {
	ID      string   `json:"id"`      // "west"
	Name    string   `json:"name"`    // "The West"
	Members []string `json:"members"` // countries, as [store.Country] writes them
}

// Blocs is a set of blocs read from a blocs file, in the file's order, with
// [Other] last. A country is in one bloc at most. Blocs is read-only once
// read and safe for concurrent use.
type Blocs struct {
	List []Bloc `json:"blocs"`
	of   map[string]int
}

// DefaultBlocs returns the embedded default blocs (geo/blocs.txt).
func DefaultBlocs() *Blocs {
	f, err := geo.FS.Open(geo.BlocsFile)
	if err != nil {
		panic("analytics: embedded blocs: " + err.Error())
	}
	defer f.Close()
	b, err := ReadBlocs(f, "geo/"+geo.BlocsFile)
	if err != nil {
		// The embedded file is checked by a test.
		panic("analytics: embedded blocs: " + err.Error())
	}
	return b
}

// LoadBlocs reads a blocs file from fsys.
func LoadBlocs(fsys fs.FS, name string) (*Blocs, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadBlocs(f, name)
}

// SyntaxError is a bad line of a blocs file.
type SyntaxError struct {
	File string
	Line int
	Err  error
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *SyntaxError) Unwrap() error { return e.Err }

// ReadBlocs reads blocs in the format of docs/format/blocs.md:
//
//	# a comment
//	[west] The West
//	EU USA GBR   # members, any number a line
//
// name names the source in errors. Every bad line is reported, each as a
// [*SyntaxError], joined with [errors.Join].
func ReadBlocs(r io.Reader, name string) (*Blocs, error) {
	b := &Blocs{of: map[string]int{}}
	var errs []error
	bad := func(line int, format string, a ...any) {
		errs = append(errs, &SyntaxError{File: name, Line: line, Err: fmt.Errorf(format, a...)})
	}
	ids := map[string]int{}
	where := map[string]int{} // the line that put a country in a bloc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") {
			end := strings.IndexByte(line, ']')
			if end < 0 {
				bad(n, "bloc header without ']': %q", line)
				continue
			}
			id, title := line[1:end], strings.TrimSpace(line[end+1:])
			switch {
			case !validID(id):
				bad(n, "bad bloc id %q: want lower-case letters, digits and '-'", id)
				continue
			case id == Other:
				bad(n, "bloc id %q is reserved for the partners no bloc lists", id)
				continue
			case ids[id] > 0:
				bad(n, "bloc %q again (first on line %d)", id, ids[id])
				continue
			case title == "":
				bad(n, "bloc %q has no name", id)
				title = id
			}
			ids[id] = n
			b.List = append(b.List, Bloc{ID: id, Name: title})
			continue
		}
		if len(b.List) == 0 {
			bad(n, "members before the first [bloc] header")
			continue
		}
		cur := len(b.List) - 1
		for _, code := range strings.Fields(line) {
			switch {
			case !ValidCode(code):
				bad(n, "bad code %q: want upper-case letters, digits or '_'", code)
			case store.Country(code) != code:
				bad(n, "%s is not a country or organisation but one of its actors: write %s", code, store.Country(code))
			case where[code] > 0:
				bad(n, "%s is already in bloc %q (line %d)", code, b.List[b.of[code]].ID, where[code])
			default:
				where[code] = n
				b.of[code] = cur
				b.List[cur].Members = append(b.List[cur].Members, code)
			}
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s:%d: %w", name, n+1, err))
	}
	for _, bl := range b.List {
		if len(bl.Members) == 0 {
			bad(ids[bl.ID], "bloc %q has no members", bl.ID)
		}
	}
	if len(b.List) == 0 && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("%s: no blocs", name))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	b.List = append(b.List, Bloc{ID: Other, Name: "Other"})
	return b, nil
}

func validID(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// ValidCode says whether s looks like an actor code: 2 to 16 upper-case
// letters, digits or '_' (KAZ, KAZGOV, IGOEUREEC, ARAB_LEAGUE).
func ValidCode(s string) bool {
	if len(s) < 2 || len(s) > 16 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// Of returns the index in List of the bloc of a partner (a country, as
// [store.Country] writes it); the partners no bloc lists are in [Other],
// the last.
func (b *Blocs) Of(partner string) int {
	if i, ok := b.of[partner]; ok {
		return i
	}
	return len(b.List) - 1
}
