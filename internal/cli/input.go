package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"runtime/debug"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"farabi/internal/linescan"
	"farabi/internal/pipeline"
	"farabi/internal/problems"
)

// Limits of the readers; docs/robustness.md lists them all.
const (
	// maxStoryBytes bounds a story read whole: a text file, or stdin with
	// --input text. A larger one is refused with a message. It is also the
	// most a dictionary file may hold.
	maxStoryBytes = 64 << 20
	// maxRecordBytes bounds one line of JSON input, a story with its
	// fields; a longer line is reported by its number and skipped, and
	// reading goes on.
	maxRecordBytes = 64 << 20
	// bigRecord is the size of a JSON line after which eachRecord gives
	// the memory it used back before the story is coded.
	bigRecord = 4 << 20
	// binaryHead is how much of an input is looked at to tell binary
	// data from text.
	binaryHead = 8 << 10
)

// Kinds of problems with the input, as they read after "… and 12 more".
const (
	kindFile    = "files that could not be read"
	kindJSON    = "lines that are not JSON records"
	kindTooLong = "lines too long"
	kindNoText  = "records without text"
	kindDate    = "records with a bad date"
	kindDupID   = "records with a duplicate id"
)

// errBinary reports input that is not text.
var errBinary = errors.New("looks like a binary file, not text")

// source is one input of a command: a named file, or stdin.
type source struct {
	name string // as the user gave it, or "stdin"
	r    io.Reader
	size int64 // in bytes; -1 when unknown
}

// eachFile calls f with each named file open, or with stdin when there are
// none. A file that cannot be opened, or is a directory, is reported in rep
// and skipped, so one bad file costs only itself. An error from f stops
// the run.
func eachFile(env *Env, names []string, rep *problems.List, f func(in *source) error) error {
	if len(names) == 0 {
		names = []string{"-"}
	}
	for _, name := range names {
		if name == "-" {
			if err := f(&source{name: "stdin", r: env.Stdin, size: -1}); err != nil {
				return err
			}
			continue
		}
		if err := openInput(name, rep, f); err != nil {
			return err
		}
	}
	return nil
}

// openInput opens one named file and calls f with it.
func openInput(name string, rep *problems.List, f func(in *source) error) error {
	fh, err := os.Open(name)
	if err != nil {
		rep.Add(kindFile, pathError(err))
		return nil
	}
	defer fh.Close()
	size := int64(-1)
	if st, err := fh.Stat(); err == nil {
		if st.IsDir() {
			rep.Add(kindFile, fmt.Errorf("%s: is a directory, not a file", name))
			return nil
		}
		if st.Mode().IsRegular() {
			size = st.Size()
		}
	}
	return f(&source{name: name, r: fh, size: size})
}

// pathError writes an *fs.PathError as "NAME: no such file or directory",
// without the operation.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return err
}

// eachInput calls f with the text of each named file, or of stdin when
// there are none, one story each. A file that cannot be read, is not text or
// is larger than maxStoryBytes is reported in rep and skipped. Invalid
// UTF-8 bytes become U+FFFD (offsets then refer to the cleaned text), and
// NUL and other control characters (but tab, line and page breaks) spaces.
func eachInput(env *Env, names []string, f func(name, text string) error, rep *problems.List) error {
	return eachFile(env, names, rep, func(in *source) error {
		text, err := readText(in)
		if err != nil {
			rep.Add(kindFile, fmt.Errorf("%s: %w", in.name, err))
			return nil
		}
		return f(in.name, text)
	})
}

// readText reads an input whole as text; see eachInput.
func readText(in *source) (string, error) {
	tooBig := fmt.Errorf("larger than %s, the most a story may hold; split it", linescan.Size(maxStoryBytes))
	if in.size > maxStoryBytes {
		return "", tooBig
	}
	n := 4096
	if in.size >= 0 {
		n = int(in.size) + 1 // +1 to see the end without growing
	}
	data := make([]byte, 0, n)
	r := io.LimitReader(in.r, maxStoryBytes+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		m, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+m]
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
	}
	if len(data) > maxStoryBytes {
		return "", tooBig
	}
	return cleanText(data)
}

// looksBinary reports whether the head of an input is binary data: more
// than one byte in ten a NUL or not UTF-8.
func looksBinary(head []byte) bool {
	bad := 0
	for i := 0; i < len(head); {
		r, n := utf8.DecodeRune(head[i:])
		if r == 0 || r == utf8.RuneError && n == 1 && i+4 < len(head) {
			bad++
		}
		i += n
	}
	return len(head) > 0 && bad*10 > len(head)
}

// isControl reports whether an ASCII byte is a control character that
// text has no use for: all but tab, line feed, vertical tab, form feed and
// carriage return.
func isControl(c byte) bool {
	return c < 0x20 && (c < '\t' || c > '\r') || c == 0x7f
}

// cleanText returns data as valid UTF-8 text, or errBinary when its head
// looks binary. Control characters become spaces in place and invalid bytes
// U+FFFD each. cleanText owns data: the text it returns shares its memory,
// so a story is held once, and data must not be used afterwards.
func cleanText(data []byte) (string, error) {
	if looksBinary(data[:min(len(data), binaryHead)]) {
		return "", errBinary
	}
	invalid := 0
	for i := 0; i < len(data); {
		if c := data[i]; c < utf8.RuneSelf {
			if isControl(c) {
				data[i] = ' '
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		}
		i += n
	}
	if invalid > 0 {
		out := make([]byte, 0, len(data)+2*invalid)
		for i := 0; i < len(data); {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				out = append(out, "\uFFFD"...)
			} else {
				out = append(out, data[i:i+n]...)
			}
			i += n
		}
		data = out
	}
	// The bytes are never written again: share them instead of copying
	// a story that may be a hundred megabytes.
	return unsafe.String(unsafe.SliceData(data), len(data)), nil
}

// cleanString is cleanText for a string already valid UTF-8 (a JSON
// string): control characters become spaces, copying only when there are.
func cleanString(s string) string {
	for i := 0; i < len(s); i++ {
		if isControl(s[i]) {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if isControl(b[j]) {
					b[j] = ' '
				}
			}
			return unsafe.String(unsafe.SliceData(b), len(b))
		}
	}
	return s
}

// record is one line of JSON input: a story and, in gold files, the events
// it should give.
type record struct {
	ID     string          `json:"id"`
	Date   string          `json:"date"`
	Text   *string         `json:"text"`
	Events json.RawMessage `json:"events"`
}

// eachRecord reads JSON lines {"id", "date", "text"} from in and calls f
// with each record's story and the record. A line too long, not JSON, or
// without text is reported in rep by its file and line and skipped, and
// reading goes on; so is a bad date, but the record is still passed on,
// without a date. day, when not zero, is every story's date. A story
// without an id gets "FILE:LINE". Text is cleaned as in eachInput. An
// error from f stops the reading.
func eachRecord(in *source, day time.Time, rep *problems.List, f func(line int, st *pipeline.Story, rec *record) error) error {
	br := bufio.NewReaderSize(in.r, 64<<10)
	if head, _ := br.Peek(binaryHead); looksBinary(head) {
		rep.Add(kindFile, fmt.Errorf("%s: %w", in.name, errBinary))
		return nil
	}
	sc := linescan.New(br, maxRecordBytes)
	for sc.Scan() {
		line := sc.Line()
		at := func(format string, a ...any) error {
			return fmt.Errorf("%s:%d: %s", in.name, line, fmt.Sprintf(format, a...))
		}
		if err := sc.TooLong(); err != nil {
			rep.Add(kindTooLong, at("%v", err))
			continue
		}
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var rec record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			rep.Add(kindJSON, at("%s; skipped", jsonProblem(err)))
			continue
		}
		if big := len(sc.Bytes()) > bigRecord; big {
			// The record is decoded: the line and the garbage of reading
			// it go back to the system before its story is coded, so that
			// a 64 MB record does not hold its size three times over.
			sc.Release()
			debug.FreeOSMemory()
		}
		if rec.Text == nil {
			rep.Add(kindNoText, at(`the record has no "text"; skipped`))
			continue
		}
		st := &pipeline.Story{ID: rec.ID, Date: day, Text: cleanString(*rec.Text)}
		if rec.Date != "" && day.IsZero() {
			d, err := time.Parse("2006-01-02", rec.Date)
			if err != nil {
				rep.Add(kindDate, at(`bad "date" %q: want YYYY-MM-DD; the story is coded without a date`, linescan.Clip(rec.Date)))
			} else {
				st.Date = d
			}
		}
		if st.ID == "" {
			st.ID = fmt.Sprintf("%s:%d", in.name, line)
		}
		if err := f(line, st, &rec); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		rep.Add(kindFile, fmt.Errorf("%s:%d: %w", in.name, sc.Line()+1, err))
	}
	return nil
}

// jsonProblem says what is wrong with a JSON record in the words of the
// format, not of Go's types.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te):
		got := te.Value
		if i := strings.IndexByte(got, ' '); i >= 0 {
			got = got[:i] // "number 5" → "number"
		}
		if te.Field == "" {
			return fmt.Sprintf(`want a JSON object {"id", "date", "text", …}, not %s %s`, article(got), got)
		}
		return fmt.Sprintf("%q must be %s, not %s %s", te.Field, jsonKind(te.Type), article(got), got)
	case errors.As(err, &se):
		if strings.HasPrefix(se.Error(), "unexpected end") {
			return "the record is cut off: unexpected end of JSON input"
		}
		return fmt.Sprintf("not JSON: %v (at byte %d)", se, se.Offset)
	}
	return err.Error()
}

// jsonKind names a Go type as JSON calls it.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Bool:
		return "true or false"
	}
	return "a number"
}

func article(w string) string {
	if w != "" && strings.ContainsRune("aeiou", rune(w[0])) {
		return "an"
	}
	return "a"
}
