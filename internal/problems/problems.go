// Package problems collects the problems a run meets in its input — bad
// lines, bad records, unreadable files — so that a command can go on with
// the rest and report them at the end without flooding its user: a [List]
// keeps the first [MaxShown] messages of each kind and counts the others,
// which its error sums up as "… and 199,990 more lines that are not JSON
// records". Its memory does not grow with the number of problems.
package problems

import (
	"errors"
	"strconv"
	"strings"
)

// MaxShown is how many messages of one kind a List keeps.
const MaxShown = 10

// List collects problems. The zero value is an empty list ready to use. A
// List is for one goroutine's use.
type List struct {
	kept  []error
	kinds map[string]*count
	order []string // kinds in the order they were first met
	total int
}

type count struct{ kept, more int }

// Add records err as a problem of the given kind: a plural noun phrase
// that reads after "… and 12 more", such as "lines that are not JSON
// records". The message of err should name the input and the line.
func (l *List) Add(kind string, err error) {
	if l.kinds == nil {
		l.kinds = map[string]*count{}
	}
	c := l.kinds[kind]
	if c == nil {
		c = &count{}
		l.kinds[kind] = c
		l.order = append(l.order, kind)
	}
	l.total++
	if c.kept < MaxShown {
		c.kept++
		l.kept = append(l.kept, err)
		return
	}
	c.more++
}

// AddAll adds each error joined in err ([errors.Join]) as a problem of one
// kind; a lone error is added as it is.
func (l *List) AddAll(kind string, err error) {
	if err == nil {
		return
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			l.AddAll(kind, e)
		}
		return
	}
	l.Add(kind, err)
}

// Len returns the number of problems added, kept or not.
func (l *List) Len() int { return l.total }

// Err returns nil for an empty list, and otherwise an error whose message
// is the kept messages, one a line, then one line for each kind with more
// problems than it kept. errors.Is and errors.As see the kept errors.
func (l *List) Err() error {
	if l.total == 0 {
		return nil
	}
	return &Error{list: l}
}

// Error is the error of a non-empty [List].
type Error struct{ list *List }

func (e *Error) Error() string {
	var b strings.Builder
	for i, err := range e.list.kept {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(err.Error())
	}
	for _, k := range e.list.order {
		if c := e.list.kinds[k]; c.more > 0 {
			b.WriteString("\n… and " + Count(c.more) + " more " + k)
		}
	}
	return b.String()
}

// Unwrap returns the kept errors.
func (e *Error) Unwrap() []error { return e.list.kept }

// Errors returns the kept errors, in the order they were added.
func (l *List) Errors() []error { return l.kept }

// Count writes n with thousands separated by commas: "199,990".
func Count(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Is reports whether err is, or wraps, a problems *Error.
func Is(err error) bool {
	var e *Error
	return errors.As(err, &e)
}
