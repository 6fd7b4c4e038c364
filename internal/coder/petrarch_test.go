package coder_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"farabi/internal/actor"
	"farabi/internal/cli"
	"farabi/internal/coder"
	"farabi/internal/event"
	"farabi/internal/ud"
)

func readSynthetic(t *testing.T) *coder.PetrarchVerbs {
	t.Helper()
	data, err := os.ReadFile("testdata/petrarch/synthetic.verbs.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := coder.ReadPetrarchVerbs("synthetic.verbs.txt", data)
	if err != nil {
		t.Fatalf("ReadPetrarchVerbs: %v", err)
	}
	return d
}

func TestReadPetrarchVerbs(t *testing.T) {
	d := readSynthetic(t)
	want := [][]string{{"blood", "oranges"}, {"apples"}, {"pears"}, {"bread"}}
	if got := d.Synsets["FOOD"]; !reflect.DeepEqual(got, want) {
		t.Errorf("synset FOOD = %q, want %q", got, want)
	}
	forms := func(word string) []string {
		var out []string
		for _, f := range d.FormsOf(word) {
			out = append(out, strings.Join(slices.Concat(f.Pre, []string{f.Word}, f.Post), " ")+"/"+f.Verb.Name)
		}
		return out
	}
	for _, tc := range []struct {
		word string
		want []string
	}{
		{"trading", []string{"trading/TRADE"}},
		{"traded", []string{"traded/TRADE"}},
		{"gave", []string{"gave up/GIVE_UP"}},
		{"giving", []string{"giving up/GIVE_UP"}},
		{"gived", nil}, // braces list the forms: no regular ones
		{"greets", []string{"greets/GREET"}},
	} {
		if got := forms(tc.word); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("forms of %q = %q, want %q", tc.word, got, tc.want)
		}
	}
	var trade *coder.VerbBlock
	for _, b := range d.Blocks {
		if b.Name == "TRADE" {
			trade = b
		}
	}
	if trade == nil || trade.Code != "061" || len(trade.Patterns) != 6 {
		t.Fatalf("block TRADE = %+v, want code 061 and 6 patterns", trade)
	}
	for _, tc := range []struct {
		line      int
		pre, post []coder.Elem
		code      string
	}{
		{16, nil, []coder.Elem{{Kind: coder.ElemWord, Word: "ripe"}, {Kind: coder.ElemSynset, Word: "FRUIT", Adj: true}}, "063"},
		{17, []coder.Elem{{Kind: coder.ElemSource}, {Kind: coder.ElemWord, Word: "sold"}, {Kind: coder.ElemTarget}}, nil, "064"},
		{19, []coder.Elem{{Kind: coder.ElemCompound}}, nil, "066:067"},
		{20, []coder.Elem{{Kind: coder.ElemWord, Word: "never"}}, nil, "---"},
	} {
		var p *coder.VerbPattern
		for _, q := range trade.Patterns {
			if q.Line == tc.line {
				p = q
			}
		}
		if p == nil {
			t.Errorf("no pattern at line %d", tc.line)
			continue
		}
		if !reflect.DeepEqual(p.Pre, tc.pre) || !reflect.DeepEqual(p.Post, tc.post) || p.Code != tc.code {
			t.Errorf("line %d: got pre %+v post %+v [%s], want pre %+v post %+v [%s]", tc.line, p.Pre, p.Post, p.Code, tc.pre, tc.post, tc.code)
		}
	}
}

func TestReadPetrarchVerbsErrors(t *testing.T) {
	data, err := os.ReadFile("testdata/petrarch/bad.verbs.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := coder.ReadPetrarchVerbs("bad.verbs.txt", data)
	if d == nil || err == nil {
		t.Fatalf("ReadPetrarchVerbs = %v, %v; want a dictionary and errors", d, err)
	}
	var lines []int
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var se *event.SyntaxError
		if !errors.As(e, &se) || se.File != "bad.verbs.txt" {
			t.Errorf("error %v is not a SyntaxError of bad.verbs.txt", e)
			continue
		}
		lines = append(lines, se.Line)
	}
	slices.Sort(lines)
	if want := []int{1, 4, 5, 6, 7, 8, 9}; !reflect.DeepEqual(lines, want) {
		t.Errorf("bad lines = %v, want %v\n%v", lines, want, err)
	}
	// The rest loads: GOOD with its default code, NOCODE's pattern.
	if fs := d.FormsOf("good"); len(fs) != 1 || fs[0].Verb.Code != "010" {
		t.Errorf("verb GOOD not loaded: %+v", fs)
	}
	if fs := d.FormsOf("nocode"); len(fs) != 1 || len(fs[0].Verb.Patterns) != 1 {
		t.Errorf("verb NOCODE's pattern not loaded: %+v", fs)
	}
}

func TestLoadPetrarchVerbs(t *testing.T) {
	fsys := fstest.MapFS{
		"X.actors.txt": {Data: []byte("GONDOR [GON]\n")},
		"X.verbs.txt":  {Data: []byte("--- MEET [031] ---\nMEET\n")},
	}
	d, err := coder.LoadPetrarchVerbs(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 1 || len(d.FormsOf("meeting")) != 1 {
		t.Errorf("LoadPetrarchVerbs read %d blocks, %d forms of meeting; want 1, 1", len(d.Blocks), len(d.FormsOf("meeting")))
	}
	if _, err := coder.LoadPetrarchVerbs(fstest.MapFS{"X.actors.txt": {Data: []byte("A [B]\n")}}); err == nil {
		t.Error("LoadPetrarchVerbs without a verbs file: no error")
	}
}

// words builds an untagged, unparsed sentence; mentions are "i-j:CODE"
// over 1-based word positions.
func words(t *testing.T, text string, mentions ...string) (*ud.Sentence, []actor.Mention) {
	t.Helper()
	s := &ud.Sentence{Text: text}
	off := 0
	for _, w := range strings.Fields(text) {
		s.Tokens = append(s.Tokens, ud.Token{Form: w, Head: -1, Span: ud.Span{Start: off, End: off + len(w)}})
		off += len(w) + 1
	}
	var ms []actor.Mention
	for _, m := range mentions {
		span, code, _ := strings.Cut(m, ":")
		a, b, _ := strings.Cut(span, "-")
		first, _ := strconv.Atoi(a)
		last := first
		if b != "" {
			last, _ = strconv.Atoi(b)
		}
		ms = append(ms, actor.Mention{First: first - 1, Last: last - 1, Code: code, Name: code, Confidence: 1})
	}
	return s, ms
}

func TestSurface(t *testing.T) {
	ont, err := event.ReadOntology(strings.NewReader(testOntology), "test.tsv")
	if err != nil {
		t.Fatal(err)
	}
	c := coder.NewPetrarch(readSynthetic(t), ont)
	for _, tc := range []struct {
		name, text string
		ms         []string
		want       string
	}{
		{"default code", "Arnor trades with Gondor", []string{"1:ARN", "4:GON"}, "ARN>GON:061"},
		{"synset", "Arnor traded ripe pears to Gondor", []string{"1:ARN", "6:GON"}, "ARN>GON:063"},
		{"longest wins", "Arnor traded blood oranges to Gondor", []string{"1:ARN", "6:GON"}, "ARN>GON:062"},
		{"adjacency", "Arnor traded ripe red pears to Gondor", []string{"1:ARN", "7:GON"}, "ARN>GON:062"},
		{"bound slots", "Arnor traded goods to Gondor from Rohan", []string{"1:ARN", "5:GON", "7:ROH"}, "ROH>GON:065"},
		{"slots before the verb", "Rohan sold Gondor trading rights", []string{"1:ROH", "3:GON"}, "ROH>GON:064"},
		{"compound", "Arnor and Gondor trade", []string{"1:ARN", "3:GON"}, "ARN>GON:066 GON>ARN:067"},
		{"coordinated target", "Arnor trades with Gondor and Rohan", []string{"1:ARN", "4:GON", "6:ROH"}, "ARN>GON:061 ARN>ROH:061"},
		{"no event", "Arnor will never trade with Gondor", []string{"1:ARN", "6:GON"}, ""},
		{"multiword verb", "Arnor gave up hope on Gondor", []string{"1:ARN", "6:GON"}, "ARN>GON:191"},
		{"word forms, not lemmas", "Arnor gived up on Gondor", []string{"1:ARN", "5:GON"}, ""},
		{"two-way code", "Arnor greeted Gondor", []string{"1:ARN", "3:GON"}, "ARN>GON:041 GON>ARN:042"},
		{"skip", "Arnor greeted Rohan at Minas Tirith with Gondor", []string{"1:ARN", "3:ROH", "5-6:GON", "8:DOL"}, "ARN>DOL:043"},
		{"passive with agent", "Gondor was greeted by Arnor", []string{"1:GON", "5:ARN"}, "ARN>GON:041 GON>ARN:042"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, ms := words(t, tc.text, tc.ms...)
			if got := codes(c.Code(s, ms)); got != tc.want {
				t.Errorf("Code(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestSurfaceTree checks the subject the tree gives, where there is one.
func TestSurfaceTree(t *testing.T) {
	ont, err := event.ReadOntology(strings.NewReader(testOntology), "test.tsv")
	if err != nil {
		t.Fatal(err)
	}
	c := coder.NewPetrarch(readSynthetic(t), ont)
	for _, tc := range []struct {
		name, rows string
		ms         []actor.Mention
		want       string
	}{
		{"subject names no actor", `
Arnor Arnor PROPN 4 obl
, , PUNCT 1 punct
traders trader NOUN 4 nsubj
greeted greet VERB 0 root
Gondor Gondor PROPN 4 obj`, []actor.Mention{mention(1, 1, "ARN"), mention(5, 5, "GON")}, ""},
		{"first actor of the subject", `
Arnor Arnor PROPN 5 nsubj
, , PUNCT 3 punct
ally ally NOUN 1 appos
of of ADP 5 case
Rohan Rohan PROPN 3 nmod
greeted greet VERB 0 root
Gondor Gondor PROPN 6 obj`, []actor.Mention{mention(1, 1, "ARN"), mention(5, 5, "ROH"), mention(7, 7, "GON")}, "ARN>GON:041 GON>ARN:042"},
		{"first actor of each conjunct", `
Arnor Arnor PROPN 3 nmod:poss
's 's PART 1 case
envoys envoy NOUN 8 nsubj
and and CCONJ 5 cc
traders trader NOUN 3 conj
of of ADP 7 case
Rohan Rohan PROPN 5 nmod
greeted greet VERB 0 root
Gondor Gondor PROPN 8 obj`, []actor.Mention{mention(1, 1, "ARN"), mention(7, 7, "ROH"), mention(9, 9, "GON")},
			"ARN>GON:041 GON>ARN:042 ROH>GON:041 GON>ROH:042"},
		{"pronoun subject of a main clause", `
he he PRON 2 nsubj
greeted greet VERB 0 root
Gondor Gondor PROPN 2 obj
in in ADP 5 case
Arnor Arnor PROPN 2 obl`, []actor.Mention{mention(3, 3, "GON"), mention(5, 5, "ARN")}, ""},
		{"pronoun: subject of the clause it depends on", `
Arnor Arnor PROPN 2 nsubj
said say VERB 0 root
it it PRON 4 nsubj
greeted greet VERB 2 ccomp
Gondor Gondor PROPN 4 obj`, []actor.Mention{mention(1, 1, "ARN"), mention(5, 5, "GON")}, "ARN>GON:041 GON>ARN:042"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := conllu(t, tc.rows)
			if got := codes(c.Code(s, tc.ms)); got != tc.want {
				t.Errorf("Code = %q, want %q", got, tc.want)
			}
		})
	}
}

var posRE = regexp.MustCompile(`^fuzz\.verbs\.txt:(\d+): `)

// FuzzReadPetrarchVerbs checks that the reader never panics, that every
// error names a line of the input, and that what it loads is well formed.
func FuzzReadPetrarchVerbs(f *testing.F) {
	for _, name := range []string{"testdata/petrarch/synthetic.verbs.txt", "testdata/petrarch/bad.verbs.txt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("&A\n+&B\n&B\n+&A\n--- X [010] ---\nX\n- * &A [011]\n"))
	f.Add([]byte("--- Y [---] ---\n+Y_UP {+YS_UP}\n- $ ^ _ * _+ [01:02]\n<!-- open"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := coder.ReadPetrarchVerbs("fuzz.verbs.txt", data)
		if d == nil {
			t.Fatalf("nil dictionary (err %v)", err)
		}
		nlines := bytes.Count(data, []byte("\n")) + 1
		if err != nil {
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				m := posRE.FindStringSubmatch(e.Error())
				if m == nil {
					t.Fatalf("error without position: %v", e)
				}
				if n, _ := strconv.Atoi(m[1]); n < 1 || n > nlines {
					t.Fatalf("error at line %d of %d: %v", n, nlines, e)
				}
			}
		}
		for _, b := range d.Blocks {
			for _, fm := range b.Forms {
				if fm.Word == "" || fm.Verb != b {
					t.Fatalf("bad form %+v in %s", fm, b.Name)
				}
			}
			for _, p := range b.Patterns {
				if p.Code == "" || p.Verb != b {
					t.Fatalf("bad pattern %+v", p)
				}
			}
		}
	})
}

// FuzzSurface checks that the matcher never panics and codes only between
// the actors it was given, whatever the words.
func FuzzSurface(f *testing.F) {
	ont, err := event.ReadOntology(strings.NewReader(testOntology), "test.tsv")
	if err != nil {
		f.Fatal(err)
	}
	data, err := os.ReadFile("testdata/petrarch/synthetic.verbs.txt")
	if err != nil {
		f.Fatal(err)
	}
	d, err := coder.ReadPetrarchVerbs("synthetic.verbs.txt", data)
	if err != nil {
		f.Fatal(err)
	}
	c := coder.NewPetrarch(d, ont)
	f.Add("Arnor and Gondor traded ripe blood oranges to Rohan from Dol")
	f.Add("Arnor greeted Rohan at Minas Tirith with Gondor , and gave up hope")
	f.Add("never never trade trade Arnor , Gondor")
	f.Fuzz(func(t *testing.T, text string) {
		s := &ud.Sentence{Text: text}
		var ms []actor.Mention
		codes := map[string]bool{}
		for i, w := range strings.Fields(text) {
			s.Tokens = append(s.Tokens, ud.Token{Form: w, Head: -1})
			if w[0] >= 'A' && w[0] <= 'Z' {
				ms = append(ms, actor.Mention{First: i, Last: i, Code: strings.ToUpper(w), Confidence: 1})
				codes[strings.ToUpper(w)] = true
			}
		}
		for _, ev := range c.Code(s, ms) {
			if !codes[ev.Source.Code] || !codes[ev.Target.Code] || ev.Source.Code == ev.Target.Code {
				t.Fatalf("event %s>%s:%s between actors not given", ev.Source.Code, ev.Target.Code, ev.Code)
			}
		}
	})
}

// petrarchFloor is the recorded share of PETRARCH2 unit-test records the
// coder gets exactly right with PETRARCH's own dictionaries. Raise it as
// the coder improves; lowering it is a reviewed decision. Measured on
// 2026-11-27: 0.837 (237 of 283) with the parser model, 0.830 without.
const petrarchFloor = 0.84

// TestPetrarchUnitSuite runs PETRARCH2's unit-test records through
// `farabi eval` with their own dictionaries.
func TestPetrarchUnitSuite(t *testing.T) {
	runPetrarchSuite(t, "petrarch2-unittest.jsonl", "petrarch2-dict", petrarchFloor)
}

// TestPetrarchValidate140226 runs PETRARCH's 2014 validation records with the
// dictionaries of that date, whose verbs are in TABARI's flat format.
func TestPetrarchValidate140226(t *testing.T) {
	runPetrarchSuite(t, "petrarch2-validate-140226.jsonl", "petrarch2-dict-140226", 0.50)
}

func runPetrarchSuite(t *testing.T, goldFile, dictDir string, floor float64) {
	if testing.Short() {
		t.Skip("loads the models; skipped with -short")
	}
	shared := os.Getenv("FARABI_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "..", "shared") // ../shared from the repo root
	}
	gold := filepath.Join(shared, "gold", goldFile)
	dict := filepath.Join(shared, "gold", dictDir)
	if _, err := os.Stat(gold); err != nil {
		t.Skipf("no PETRARCH2 unit tests at %s (set FARABI_SHARED to the shared corpora): %v", gold, err)
	}
	var out, errs bytes.Buffer
	args := []string{"eval", "--gold", gold, "--dict", "petrarch:" + dict, "--json"}
	if code := cli.Main(context.Background(), args, strings.NewReader(""), &out, &errs); code != 0 {
		t.Fatalf("farabi %s: exit %d\n%s", strings.Join(args, " "), code, errs.String())
	}
	var rep struct {
		Records      int     `json:"records"`
		RecordsExact float64 `json:"records_exact"`
		Levels       map[string]struct {
			P, R, F1 float64
		} `json:"levels"`
		Wrong []string `json:"wrong"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("eval output: %v\n%s", err, out.String())
	}
	t.Logf("%d records, %.1f%% exactly right", rep.Records, 100*rep.RecordsExact)
	for _, level := range []string{"exact", "root", "plover"} {
		l := rep.Levels[level]
		t.Logf("%-6s P %.1f%% R %.1f%% F1 %.1f%%", level, 100*l.P, 100*l.R, 100*l.F1)
	}
	t.Logf("not exactly right: %s", strings.Join(rep.Wrong, " "))
	if rep.RecordsExact < floor {
		t.Errorf("records exactly right %.3f, below the floor %.2f", rep.RecordsExact, floor)
	}
}

func TestFlatFormat(t *testing.T) {
	src := "ABANDON  [345] ;a comment\n- * EFFORT  [987]\nBREAK  [171]\n{ BROKE_ BROKEN_ }\n- * { TIES | RELATIONS }  [161]\n"
	d, err := coder.ReadPetrarchVerbs("flat.verbs.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 2 || d.Blocks[0].Code != "345" || d.Blocks[1].Code != "171" {
		t.Fatalf("blocks = %+v", d.Blocks)
	}
	if n := len(d.Blocks[1].Patterns); n != 2 {
		t.Errorf("BREAK has %d patterns, want 2 (one per alternative)", n)
	}
	if len(d.FormsOf("broken")) == 0 || len(d.FormsOf("abandons")) == 0 {
		t.Error("irregular or regular forms missing")
	}
}

// TestReadPetrarchVerbsLosesNothing checks that a line of 1 MB or more and
// a comment never closed cost only their own line (issue 9).
func TestReadPetrarchVerbsLosesNothing(t *testing.T) {
	for _, tc := range []struct{ name, bad string }{
		{"long line", "- * " + strings.Repeat("X", 1<<20) + " [062]"},
		{"unclosed comment", "<!-- x"},
	} {
		in := "--- TRADE  [061] ---\nTRADE\n" + tc.bad + "\n--- GREET  [041] ---\nGREET\n"
		d, err := coder.ReadPetrarchVerbs("t.verbs.txt", []byte(in))
		if len(d.FormsOf("greet")) == 0 || len(d.FormsOf("trade")) == 0 {
			t.Errorf("%s: a verb was lost (err %v)", tc.name, err)
		}
		if err == nil || !strings.HasPrefix(err.Error(), "t.verbs.txt:3: ") || len(err.Error()) > 200 {
			t.Errorf("%s: error %.300v, want one short message at t.verbs.txt:3", tc.name, err)
		}
	}
}
