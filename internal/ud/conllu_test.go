package ud_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"farabi/internal/ud"
)

const sample = `# sent_id = s1
# text = Kazakhstan’s envoy didn't go.
1-2	Kazakhstan’s	_	_	_	_	_	_	_	_
1	Kazakhstan	Kazakhstan	PROPN	NNP	_	3	nmod:poss	_	_
2	’s	’s	PART	POS	_	1	case	_	_
3	envoy	envoy	NOUN	NN	_	6	nsubj	_	_
4-5	didn't	_	_	_	_	_	_	_	_
4	did	do	AUX	VBD	_	6	aux	_	_
5	n't	not	PART	RB	_	6	advmod	_	_
6	go	go	VERB	VB	_	0	root	_	SpaceAfter=No
7	.	.	PUNCT	.	_	6	punct	_	_

`

func TestReadWrite(t *testing.T) {
	sents, err := ud.ReadAll(strings.NewReader(sample), "sample")
	if err != nil || len(sents) != 1 {
		t.Fatalf("ReadAll = %d sentences, %v", len(sents), err)
	}
	s := sents[0]
	if len(s.Tokens) != 7 || len(s.MultiWords) != 2 {
		t.Fatalf("got %d words, %d multi-word tokens", len(s.Tokens), len(s.MultiWords))
	}
	for _, w := range s.Tokens {
		if s.Text[w.Span.Start:w.Span.End] != w.Form {
			t.Errorf("word %q has span %v = %q", w.Form, w.Span, s.Text[w.Span.Start:w.Span.End])
		}
	}
	var b bytes.Buffer
	if err := ud.Write(&b, s, false); err != nil {
		t.Fatal(err)
	}
	if b.String() != sample {
		t.Errorf("Write round trip:\ngot:\n%s\nwant:\n%s", b.String(), sample)
	}
}

func TestBadLines(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		line     int
		err      error
	}{
		{"columns", "1\tA\n\n", 1, ud.ErrColumns},
		{"id", "# c\n2\ta\ta\tX\t_\t_\t0\troot\t_\t_\n\n", 2, ud.ErrID},
		{"head", "1\ta\ta\tX\t_\t_\tz\troot\t_\t_\n\n", 1, ud.ErrHead},
		{"utf8", "1\t\xff\ta\tX\t_\t_\t0\troot\t_\t_\n\n", 1, ud.ErrUTF8},
		{"nul", "1\ta\x00\ta\tX\t_\t_\t0\troot\t_\t_\n\n", 1, ud.ErrNUL},
		{"long", strings.Repeat("x", ud.MaxLineBytes+10) + "\n\n", 1, ud.ErrLineLength},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The bad sentence comes first; the good one after it must survive.
			sents, err := ud.ReadAll(strings.NewReader(tc.in+sample), "f.conllu")
			var se *ud.SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, tc.err) || se.Line != tc.line || se.File != "f.conllu" {
				t.Errorf("err = %v, want %v at f.conllu:%d", err, tc.err, tc.line)
			}
			if len(sents) != 1 {
				t.Errorf("got %d good sentences, want 1", len(sents))
			}
		})
	}
}

func TestEmpty(t *testing.T) {
	for _, in := range []string{"", "\n\n\n", "# only a comment\n"} {
		r := ud.NewReader(strings.NewReader(in), "e")
		s, err := r.Next()
		if err != io.EOF && err == nil {
			t.Errorf("Next(%q) = %v, %v; want EOF or an error", in, s, err)
		}
	}
}

// TestTreebank reads the whole of UD English EWT train and checks that every
// word's span matches its form.
func TestTreebank(t *testing.T) {
	dir := os.Getenv("FARABI_SHARED")
	if dir == "" {
		dir = "../../../shared"
	}
	f, err := os.Open(dir + "/ud/en_ewt/en_ewt-ud-dev.conllu")
	if err != nil {
		t.Skipf("UD English EWT not found (%v): set FARABI_SHARED to the shared corpora", err)
	}
	defer f.Close()
	sents, err := ud.ReadAll(f, f.Name())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sents {
		for _, w := range s.Tokens {
			if !strings.EqualFold(s.Text[w.Span.Start:w.Span.End], w.Form) {
				t.Fatalf("%s: word %q has span %q", s.ID, w.Form, s.Text[w.Span.Start:w.Span.End])
			}
		}
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("1-3\tx\n1\ta\ta\tX\t_\t_\t9\troot\t_\t_\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sents, _ := ud.ReadAll(bytes.NewReader(data), "fuzz")
		for _, s := range sents {
			var b bytes.Buffer
			if err := ud.Write(&b, s, false); err != nil {
				t.Fatal(err)
			}
			again, err := ud.ReadAll(&b, "again")
			if err != nil || len(again) != 1 {
				t.Fatalf("written sentence does not read back: %v\n%s", err, b.String())
			}
			if again[0].Words() != s.Words() {
				t.Fatalf("round trip changed words: %q != %q", again[0].Words(), s.Words())
			}
		}
	})
}

func ExampleReader() {
	r := ud.NewReader(strings.NewReader(sample), "sample")
	s, err := r.Next()
	if err != nil {
		panic(err)
	}
	for _, w := range s.Tokens {
		fmt.Println(w.Form, w.UPOS, w.Head, w.Rel)
	}
	// Output:
	// Kazakhstan PROPN 3 nmod:poss
	// ’s PART 1 case
	// envoy NOUN 6 nsubj
	// did AUX 6 aux
	// n't PART 6 advmod
	// go VERB 0 root
	// . PUNCT 6 punct
}
