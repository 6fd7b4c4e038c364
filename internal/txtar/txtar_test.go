package txtar

import (
	"bytes"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	in := "comment line\n-- a.txt --\nhello\n-- b --\n-- c --\nx\n"
	a := Parse([]byte(in))
	if len(a.Files) != 3 || string(a.Comment) != "comment line\n" {
		t.Fatalf("Parse(%q) = %+v", in, a)
	}
	if d, _ := a.Get("a.txt"); string(d) != "hello\n" {
		t.Errorf("a.txt = %q", d)
	}
	if got := string(Format(a)); got != in {
		t.Errorf("Format = %q, want %q", got, in)
	}
}

// TestMarkers checks which lines are file markers; the first case is the
// input on which FuzzParse once failed.
func TestMarkers(t *testing.T) {
	for _, tc := range []struct {
		in    string
		files []string
	}{
		{"--   --\n", nil},
		{"--  --\nx\n", nil},
		{"-- a --\n--   --\n", []string{"a"}},
		{"-- a b --\r\n", []string{"a b"}},
		{"--a--\n-- b--\n", nil},
	} {
		a := Parse([]byte(tc.in))
		var got []string
		for _, f := range a.Files {
			got = append(got, f.Name)
		}
		if strings.Join(got, "|") != strings.Join(tc.files, "|") {
			t.Errorf("Parse(%q) files %q, want %q", tc.in, got, tc.files)
		}
	}
}

// FuzzParse checks that Format writes back what Parse read: the same
// comment, the same files with the same data (Format ends the last file
// with a newline).
func FuzzParse(f *testing.F) {
	f.Add([]byte("c\n-- a --\nx\n"))
	f.Add([]byte("--   --"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a := Parse(data)
		b := Parse(Format(a))
		if len(a.Files) != len(b.Files) {
			t.Fatalf("round trip lost files: %d != %d", len(a.Files), len(b.Files))
		}
		if !bytes.Equal(a.Comment, b.Comment) {
			t.Fatalf("round trip changed the comment: %q != %q", a.Comment, b.Comment)
		}
		for i, fa := range a.Files {
			fb := b.Files[i]
			da := fa.Data
			if len(da) > 0 && da[len(da)-1] != '\n' {
				da = append(da[:len(da):len(da)], '\n')
			}
			if fa.Name != fb.Name || !bytes.Equal(da, fb.Data) {
				t.Fatalf("round trip changed file %d: %q %q != %q %q", i, fa.Name, fa.Data, fb.Name, fb.Data)
			}
		}
	})
}
