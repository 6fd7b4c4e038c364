// Package linescan reads text a line at a time, with a limit on a line's
// length, for readers of untrusted input (JSON lines, dictionaries).
//
// Unlike [bufio.Scanner], which stops at the first line longer than its
// buffer, a [Scanner] consumes a too-long line without holding it, reports
// it by its own line number and length ([TooLongError]), and goes on with
// the next line: one bad line costs only itself. Memory stays within the
// limit whatever the input. [Clip] shortens a piece of input for quoting in
// a message.
package linescan

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// ErrTooLong is wrapped by every [TooLongError].
var ErrTooLong = errors.New("line too long")

// TooLongError reports a line longer than the limit, which was skipped.
type TooLongError struct {
	Len int64 // the line's length in bytes, without its line ending
	Max int   // the limit
}

func (e *TooLongError) Error() string {
	n, max := Size(e.Len), Size(int64(e.Max))
	if n == max { // "1 MB is longer than 1 MB": say it in bytes
		n, max = fmt.Sprintf("%d bytes", e.Len), fmt.Sprintf("%d bytes (%s)", e.Max, max)
	}
	return fmt.Sprintf("line of %s is longer than the limit of %s; skipped", n, max)
}

// Unwrap returns [ErrTooLong].
func (e *TooLongError) Unwrap() error { return ErrTooLong }

// Scanner reads lines. The zero value is not usable; call [New].
type Scanner struct {
	r    *bufio.Reader
	max  int
	line int
	buf  []byte
	long *TooLongError
	err  error
	done bool
}

// New returns a Scanner of r whose lines may be at most max bytes long,
// without their line ending.
func New(r io.Reader, max int) *Scanner {
	return &Scanner{r: bufio.NewReaderSize(r, min(max+2, 64<<10)), max: max}
}

// Scan advances to the next line, which [Scanner.Bytes] then returns. It
// returns false at the end of the input or on a read error ([Scanner.Err]).
// A line too long is still a line: Scan returns true, Bytes is empty and
// [Scanner.TooLong] says how long it was.
func (s *Scanner) Scan() bool {
	if s.done {
		return false
	}
	if cap(s.buf) > 1<<20 {
		s.buf = nil // let a long line's buffer go
	}
	s.buf, s.long = s.buf[:0], nil
	var n int64      // bytes of the line, with its ending
	var last [2]byte // its last two bytes
	long := false
	for {
		chunk, err := s.r.ReadSlice('\n')
		n += int64(len(chunk))
		switch k := len(chunk); {
		case k == 1:
			last = [2]byte{last[1], chunk[0]}
		case k > 1:
			last = [2]byte{chunk[k-2], chunk[k-1]}
		}
		if !long {
			need := len(s.buf) + len(chunk)
			switch {
			case need > s.max+2: // 2 for "\r\n"
				long, s.buf = true, s.buf[:0]
			case need > cap(s.buf):
				// Double, rather than append's 1.25 for large slices: a
				// line of 64 MB leaves 64 MB of garbage behind, not 250.
				b := make([]byte, len(s.buf), min(max(2*cap(s.buf), need, 4096), s.max+2))
				copy(b, s.buf)
				s.buf = append(b, chunk...)
			default:
				s.buf = append(s.buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			s.done = true
			if err != io.EOF {
				s.err = err
				return false
			}
			if n == 0 {
				return false
			}
		}
		break
	}
	s.line++
	// The line ending, "\n" or "\r\n", and a "\r" that ends the input, as
	// bufio.ScanLines drops them.
	end := 0
	switch {
	case last[1] == '\n':
		end = 1
		if n >= 2 && last[0] == '\r' {
			end = 2
		}
	case last[1] == '\r' && s.done:
		end = 1
	}
	if long || n-int64(end) > int64(s.max) {
		s.long = &TooLongError{Len: n - int64(end), Max: s.max}
		s.buf = s.buf[:0]
		return true
	}
	s.buf = s.buf[:len(s.buf)-end]
	return true
}

// Bytes returns the current line without its line ending; it is empty for
// a too-long line. The slice is valid until the next call to Scan.
func (s *Scanner) Bytes() []byte { return s.buf }

// Release lets the memory of a long current line go once it has been
// used (decoded, copied), so that it is not held while the caller works
// on what it read; Bytes is then empty until the next Scan.
func (s *Scanner) Release() {
	if cap(s.buf) > 1<<20 {
		s.buf = nil
	}
	s.buf = s.buf[:0]
}

// Text returns the current line as a new string.
func (s *Scanner) Text() string { return string(s.buf) }

// Line returns the current line's number, from 1.
func (s *Scanner) Line() int { return s.line }

// TooLong returns a [*TooLongError] when the current line was longer than
// the limit and was skipped, and nil otherwise.
func (s *Scanner) TooLong() error {
	if s.long == nil {
		return nil
	}
	return s.long
}

// Err returns the first read error other than io.EOF.
func (s *Scanner) Err() error { return s.err }

// Size writes a number of bytes for people: "812 bytes", "64 KB", "1.5 MB".
func Size(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<10))) + " KB"
	case n < 1<<30:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<20))) + " MB"
	}
	return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<30))) + " GB"
}

func trimZero(s string) string {
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		return s[:len(s)-2]
	}
	return s
}

// ClipLen is how many bytes of input [Clip] keeps.
const ClipLen = 60

// Clip returns s for quoting in a message: valid UTF-8, at most ClipLen
// bytes of it, and when it was longer, "…" and its full length.
func Clip(s string) string {
	if len(s) <= ClipLen {
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	cut := ClipLen
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strings.ToValidUTF8(s[:cut], "\uFFFD") + "… (" + Size(int64(len(s))) + ")"
}
