package actor

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"farabi/internal/linescan"
)

// TestPetrarchLines checks comments, over-long lines and comments never
// closed: every line is kept, in place, and every problem is reported by
// its line.
func TestPetrarchLines(t *testing.T) {
	long := strings.Repeat("X", MaxLineBytes) + " [ZZZ]"
	for _, tc := range []struct {
		name, in string
		want     []string // the lines
		probs    []string // "line: start of message"
	}{
		{"comments", "A [USA] # note\n<!-- c -->B [GBR]\n<! -- old style -->\nC [FRA] ; x\n[###] # y",
			[]string{"A [USA]", "B [GBR]", "", "C [FRA]", "[###]"}, nil},
		{"comment across lines", "A\n<!-- one\ntwo\nthree -->B\nC",
			[]string{"A", "", "", "B", "C"}, nil},
		{"long line", "ALPHA [USA]\n" + long + "\nBRAVO [GBR]",
			[]string{"ALPHA [USA]", "", "BRAVO [GBR]"}, []string{"2: line of 1048582 bytes is longer than the limit of 1048576 bytes (1 MB)"}},
		{"unclosed", "ALPHA [USA]\n<!-- x\nBRAVO [GBR]\n",
			[]string{"ALPHA [USA]", "", "BRAVO [GBR]"}, []string{`2: comment "<!" is never closed`}},
		{"bare opener", "ALPHA [USA]\nJUNK <!\nBRAVO [GBR]",
			[]string{"ALPHA [USA]", "JUNK", "BRAVO [GBR]"}, []string{`2: comment "<!" is never closed`}},
		{"closed by a later line's -->", "<!-- a\nb --> A [USA] <!-- c\nB [GBR]\n<!-- d --> C [FRA]\nD <!-- e\nE",
			[]string{"", " A [USA]", "", " C [FRA]", "D", "E"},
			[]string{`5: comment "<!" is never closed`}},
		{"unclosed after closed", "<!-- a\nb --> A [USA] <!-- c\nB [GBR]\n<!-- d\nE",
			[]string{"", " A [USA]", "B [GBR]", "", "E"},
			[]string{`2: comment "<!" is never closed`, `4: comment "<!" is never closed`}},
		{"closed later", "A <!-- x\n<!-- nested?\nstill -->B\nC <!-- y",
			[]string{"A", "", "B", "C"}, []string{`4: comment "<!" is never closed`}},
	} {
		lines, probs := PetrarchLines([]byte(tc.in))
		if fmt.Sprintf("%q", lines) != fmt.Sprintf("%q", tc.want) {
			t.Errorf("%s: lines %q, want %q", tc.name, lines, tc.want)
		}
		if len(probs) != len(tc.probs) {
			t.Errorf("%s: problems %v, want %q", tc.name, probs, tc.probs)
			continue
		}
		for i, p := range probs {
			if got := fmt.Sprintf("%d: %v", p.Line, p.Err); !strings.HasPrefix(got, tc.probs[i]) {
				t.Errorf("%s: problem %q, want %q…", tc.name, got, tc.probs[i])
			}
		}
	}
}

// TestReadPetrarchLosesNothing runs the reproductions of issue 9: a line of
// 1 MB or an unclosed comment must cost only its own line.
func TestReadPetrarchLosesNothing(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"long line", "ALPHA [USA]\n" + strings.Repeat("X", 1<<20) + " [ZZZ]\nBRAVO [GBR]\n"},
		{"unclosed comment", "ALPHA [USA]\n<!-- x\nBRAVO [GBR]\n"},
		{"bare opener", "ALPHA [USA]\n<!\nBRAVO [GBR]\n"},
	} {
		d, err := ReadPetrarch("actors", "t.actors.txt", []byte(tc.in))
		var names []string
		for _, a := range d.Actors {
			names = append(names, a.Name)
		}
		if strings.Join(names, ",") != "ALPHA,BRAVO" {
			t.Errorf("%s: actors %q, want Alpha and Bravo", tc.name, names)
		}
		var se *SyntaxError
		if !errors.As(err, &se) || se.Line != 2 || se.File != "t.actors.txt" {
			t.Errorf("%s: error %v, want one at t.actors.txt:2", tc.name, err)
		}
		if len(err.Error()) > 200 {
			t.Errorf("%s: a message of %d bytes", tc.name, len(err.Error()))
		}
	}
}

// TestPetrarchMessagesClipped checks that a message quotes at most a clip
// of a huge bad line.
func TestPetrarchMessagesClipped(t *testing.T) {
	_, err := ReadPetrarch("actors", "g.actors.txt", []byte("ALPHA [USA]\n"+strings.Repeat("X Y ", 45000)+"\n"))
	if err == nil || len(err.Error()) > 2*linescan.ClipLen+100 {
		t.Errorf("error of %d bytes for a 175 KB line: %.200v", len(fmt.Sprint(err)), err)
	}
}

// TestLoadLongLine checks farabi's own format: a too-long line is reported
// and the entries after it are read.
func TestLoadLongLine(t *testing.T) {
	in := "actor Alpha\n  code USA\n" + strings.Repeat("#", MaxLineBytes+1) + "\nactor Bravo\n  code GBR\n"
	d, err := Parse("t.txt", []byte(in))
	if d == nil || len(d.Actors) != 2 {
		t.Fatalf("got %v, want 2 actors (err %v)", d, err)
	}
	if err == nil || !strings.HasPrefix(err.Error(), "t.txt:3: line of 1048577 bytes") {
		t.Errorf("error %v, want t.txt:3: line of 1048577 bytes…", err)
	}
}
