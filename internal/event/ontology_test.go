package event

import (
	"errors"
	"strings"
	"testing"
)

const sample = "code\tgoldstein\tplover\tmode\tcontext\tintent\tname\n" +
	"04\t1.0\tCONSULT\t\t\t036\tConsult\n" +
	"042\t1.9\tCONSULT\tvisit\t\t036\tMake a visit\n" +
	"03\t4.0\tAGREE\t\t\t\tExpress intent to cooperate\n" +
	"036\t4.0\tAGREE\t\t\t\tExpress intent to meet\n"

func TestReadOntology(t *testing.T) {
	o, err := ReadOntology(strings.NewReader(sample), "t.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if got := o.IntentOf("042"); got != "036" {
		t.Errorf("IntentOf(042) = %s, want 036", got)
	}
	if c, ok := o.Lookup("0421"); !ok || c.Code != "042" {
		t.Errorf("Lookup(0421) = %v, %v; want the parent 042", c, ok)
	}
	ev := Event{Code: "042"}
	o.Fill(&ev)
	if ev.Quad != 1 || ev.Root != "04" || ev.Plover != "CONSULT" || ev.Goldstein != 1.9 {
		t.Errorf("Fill = %+v", ev)
	}
}

func TestReadOntologyErrors(t *testing.T) {
	bad := sample + "9x9\t1\tX\t\t\t\tbad code\n042\t1.9\tCONSULT\t\t\t\tagain\n050\t99\tX\t\t\t\tscore\n051\t1\tX\t\t\t0999\tintent\nshort line\n"
	o, err := ReadOntology(strings.NewReader(bad), "bad.tsv")
	var se *SyntaxError
	if !errors.As(err, &se) || se.File != "bad.tsv" {
		t.Fatalf("err = %v, want a SyntaxError naming bad.tsv", err)
	}
	for _, want := range []string{"bad.tsv:6:", "bad.tsv:7:", "bad.tsv:8:", "bad.tsv:10:", "intent code 0999"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
	if !o.Has("042") || !o.Has("036") {
		t.Error("good lines were lost")
	}
}

func TestQuad(t *testing.T) {
	for code, want := range map[string]int{"010": 1, "057": 1, "061": 2, "087": 2, "090": 3, "138": 3, "145": 4, "190": 4, "204": 4, "x": 0, "21": 0} {
		if got := Quad(code); got != want {
			t.Errorf("Quad(%q) = %d, want %d", code, got, want)
		}
	}
}

func FuzzReadOntology(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("code\n\t\t\t\t\t\t\n#c\n1\t1\t1\t1\t1\t1\t1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		o, _ := ReadOntology(strings.NewReader(string(data)), "fuzz")
		for _, c := range o.Codes() {
			o.IntentOf(c)
			ev := Event{Code: c}
			o.Fill(&ev)
		}
	})
}
