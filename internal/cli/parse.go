package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"farabi/internal/engine"
	"farabi/internal/ud"
)

// maxInputBytes bounds one input file; larger files are refused with an
// error rather than read whole.
const maxInputBytes = 256 << 20

func parseCommand() *Command {
	return &Command{
		Name:  "parse",
		Usage: "parse [FILE...]",
		Short: "print CoNLL-U (tags, lemmas, tree, byte ranges) for raw text; stdin when no FILE",
		Run:   runParse,
	}
}

func runParse(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "parse")
	if err := fs.Parse(args); err != nil {
		return err
	}
	p, err := engine.LoadPipeline()
	if err != nil {
		return err
	}
	var errs []error
	out := bufio.NewWriterSize(env.Stdout, 64<<10)
	err = eachInput(env, fs.Args(), func(name, text string) error {
		n := 0
		return p.Stream(text, func(s *ud.Sentence) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			n++
			s.ID = fmt.Sprintf("%s-%d", name, n)
			return ud.Write(out, s, true)
		})
	}, &errs)
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	return errors.Join(errs...)
}

// eachInput calls f with the text of each named file, or of stdin when there
// are none. A file that cannot be read, or is not text, is reported in errs
// and skipped, so one bad file costs only itself. Invalid UTF-8 sequences
// are replaced with U+FFFD (same length in bytes is not kept, so offsets
// refer to the cleaned text) and NUL bytes with spaces.
func eachInput(env *Env, names []string, f func(name, text string) error, errs *[]error) error {
	if len(names) == 0 {
		names = []string{"-"}
	}
	for _, name := range names {
		var r io.Reader
		label := name
		if name == "-" {
			r, label = env.Stdin, "stdin"
		} else {
			fh, err := os.Open(name)
			if err != nil {
				*errs = append(*errs, err)
				continue
			}
			defer fh.Close()
			r = fh
		}
		data, err := io.ReadAll(io.LimitReader(r, maxInputBytes+1))
		if err != nil {
			*errs = append(*errs, fmt.Errorf("%s: %w", label, err))
			continue
		}
		if len(data) > maxInputBytes {
			*errs = append(*errs, fmt.Errorf("%s: larger than %d MB; split it", label, maxInputBytes>>20))
			continue
		}
		text, err := cleanText(data)
		if err != nil {
			*errs = append(*errs, fmt.Errorf("%s: %w", label, err))
			continue
		}
		if err := f(label, text); err != nil {
			return err
		}
	}
	return nil
}

// errBinary reports input that is not text.
var errBinary = errors.New("looks like a binary file, not text")

// cleanText returns data as valid UTF-8 text: NUL bytes become spaces and
// invalid sequences U+FFFD. Data with many NULs or invalid bytes in its
// first 8 KB is refused as binary.
func cleanText(data []byte) (string, error) {
	head := data[:min(len(data), 8192)]
	bad := 0
	for i := 0; i < len(head); {
		r, n := utf8.DecodeRune(head[i:])
		if r == 0 || r == utf8.RuneError && n == 1 && i+4 < len(head) {
			bad++
		}
		i += n
	}
	if len(head) > 0 && bad*10 > len(head) {
		return "", errBinary
	}
	if utf8.Valid(data) && !containsNUL(data) {
		return string(data), nil
	}
	out := make([]rune, 0, len(data))
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == 0 {
			r = ' '
		}
		out = append(out, r)
		i += n
	}
	return string(out), nil
}

func containsNUL(b []byte) bool {
	for _, c := range b {
		if c == 0 {
			return true
		}
	}
	return false
}
