package linescan_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"farabi/internal/linescan"
)

// scan returns the lines of in as "N:text", or "N:long(LEN)" for a line
// over max.
func scan(in io.Reader, max int) ([]string, error) {
	sc := linescan.New(in, max)
	var out []string
	for sc.Scan() {
		if err := sc.TooLong(); err != nil {
			var tl *linescan.TooLongError
			if !errors.As(err, &tl) || !errors.Is(err, linescan.ErrTooLong) {
				return nil, fmt.Errorf("TooLong() = %v, not a *TooLongError", err)
			}
			out = append(out, fmt.Sprintf("%d:long(%d)", sc.Line(), tl.Len))
			continue
		}
		out = append(out, fmt.Sprintf("%d:%s", sc.Line(), sc.Bytes()))
	}
	return out, sc.Err()
}

func TestScanner(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		max      int
		want     string
	}{
		{"empty", "", 10, ""},
		{"one line no newline", "abc", 10, "1:abc"},
		{"lines", "a\nbb\n\nccc\n", 10, "1:a|2:bb|3:|4:ccc"},
		{"crlf", "a\r\nb\r\n", 10, "1:a|2:b"},
		{"lone cr kept inside", "a\rb\n", 10, "1:a\rb"},
		{"exactly max", "abcde\nx", 5, "1:abcde|2:x"},
		{"exactly max with crlf", "abcde\r\nx", 5, "1:abcde|2:x"},
		{"one over", "abcdef\nx\n", 5, "1:long(6)|2:x"},
		{"long in the middle", "a\n" + strings.Repeat("z", 100) + "\nb\nc", 10, "1:a|2:long(100)|3:b|4:c"},
		{"long last line", "a\n" + strings.Repeat("z", 100), 10, "1:a|2:long(100)"},
		{"long with crlf", strings.Repeat("z", 100) + "\r\nb", 10, "1:long(100)|2:b"},
		{"many long", strings.Repeat(strings.Repeat("y", 50)+"\n", 3) + "ok", 8, "1:long(50)|2:long(50)|3:long(50)|4:ok"},
		{"only newlines", "\n\n", 3, "1:|2:"},
		{"final cr", "a\nb\r", 3, "1:a|2:b"},
	} {
		for _, r := range []struct {
			name string
			f    func(io.Reader) io.Reader
		}{{"whole", func(r io.Reader) io.Reader { return r }}, {"byte at a time", iotest.OneByteReader}} {
			got, err := scan(r.f(strings.NewReader(tc.in)), tc.max)
			if err != nil {
				t.Fatalf("%s, %s: %v", tc.name, r.name, err)
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("%s, %s: got %q, want %q", tc.name, r.name, g, tc.want)
			}
		}
	}
}

func TestScannerReadError(t *testing.T) {
	boom := errors.New("boom")
	got, err := scan(io.MultiReader(strings.NewReader("a\nb"), iotest.ErrReader(boom)), 10)
	if !errors.Is(err, boom) || strings.Join(got, "|") != "1:a" {
		t.Errorf("got %q, %v; want [1:a], %v", got, err, boom)
	}
}

// TestScannerMemory reads a 50 MB line with a 1 MB limit and checks that
// the scanner never holds it.
func TestScannerMemory(t *testing.T) {
	const size = 50 << 20
	in := io.MultiReader(strings.NewReader("first\n"), io.LimitReader(repeat('x'), size), strings.NewReader("\nlast\n"))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	got, err := scan(in, 1<<20)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("1:first|2:long(%d)|3:last", size); strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("allocated %d bytes for a 50 MB line with a 1 MB limit", alloc)
	}
}

type repeat byte

func (r repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// FuzzScanner checks the scanner against strings.Split: the same lines in
// the same order, each either whole or reported too long with its length.
func FuzzScanner(f *testing.F) {
	f.Add([]byte("a\nbb\r\n\nccc"), 2)
	f.Add([]byte("\r\r\n\n\r"), 1)
	f.Add(bytes.Repeat([]byte("ab\n"), 100), 0)
	f.Fuzz(func(t *testing.T, data []byte, max int) {
		if max < 0 || max > 1<<16 {
			return
		}
		want := strings.Split(string(data), "\n")
		if len(data) == 0 || data[len(data)-1] == '\n' {
			want = want[:len(want)-1]
		}
		sc := linescan.New(bytes.NewReader(data), max)
		n := 0
		for sc.Scan() {
			if n >= len(want) {
				t.Fatalf("line %d is one too many", sc.Line())
			}
			w := strings.TrimSuffix(want[n], "\r")
			n++
			if sc.Line() != n {
				t.Fatalf("line number %d, want %d", sc.Line(), n)
			}
			if err := sc.TooLong(); err != nil {
				var tl *linescan.TooLongError
				errors.As(err, &tl)
				if len(w) <= max || tl.Len != int64(len(w)) {
					t.Fatalf("line %d %q reported too long: %v (max %d)", n, w, err, max)
				}
				continue
			}
			if string(sc.Bytes()) != w {
				t.Fatalf("line %d = %q, want %q", n, sc.Bytes(), w)
			}
		}
		if n != len(want) || sc.Err() != nil {
			t.Fatalf("%d lines (err %v), want %d", n, sc.Err(), len(want))
		}
	})
}

func TestClip(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"short", "short"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{strings.Repeat("a", 70), strings.Repeat("a", 60) + "… (70 bytes)"},
		{strings.Repeat("é", 40), strings.Repeat("é", 30) + "… (80 bytes)"},
		{strings.Repeat("x", 3<<20), strings.Repeat("x", 60) + "… (3 MB)"},
	} {
		if got := linescan.Clip(tc.in); got != tc.want {
			t.Errorf("Clip(%.20q…) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSize(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{{0, "0 bytes"}, {1023, "1023 bytes"}, {1024, "1 KB"}, {1536, "1.5 KB"}, {64 << 20, "64 MB"}, {(70 << 20) + (1 << 19), "70.5 MB"}, {3 << 30, "3 GB"}} {
		if got := linescan.Size(tc.n); got != tc.want {
			t.Errorf("Size(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func ExampleScanner() {
	in := "first\n" + strings.Repeat("x", 2000) + "\nthird\n"
	sc := linescan.New(strings.NewReader(in), 1000)
	for sc.Scan() {
		if err := sc.TooLong(); err != nil {
			fmt.Printf("input:%d: %v\n", sc.Line(), err)
			continue
		}
		fmt.Printf("input:%d: %s\n", sc.Line(), sc.Bytes())
	}
	// Output:
	// input:1: first
	// input:2: line of 2 KB is longer than the limit of 1000 bytes; skipped
	// input:3: third
}
