package txtar

import "testing"

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

func FuzzParse(f *testing.F) {
	f.Add([]byte("c\n-- a --\nx\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a := Parse(data)
		b := Parse(Format(a))
		if len(a.Files) != len(b.Files) {
			t.Fatalf("round trip lost files: %d != %d", len(a.Files), len(b.Files))
		}
	})
}
