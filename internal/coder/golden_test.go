package coder_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"farabi/internal/actor"
	"farabi/internal/coder"
	"farabi/internal/event"
	"farabi/internal/txtar"
	"farabi/internal/ud"
)

var update = flag.Bool("update", false, "rewrite golden files")

// realDict loads the repository's own CAMEO table and verb patterns,
// failing the test on any bad line.
func realDict(t testing.TB) (*event.Ontology, *coder.Dictionary) {
	t.Helper()
	fsys := os.DirFS("../../dict")
	ont, err := event.LoadOntology(fsys, "cameo/cameo.tsv")
	if err != nil {
		t.Fatalf("ontology: %v", err)
	}
	d, err := coder.Load(fsys, "verbs", ont)
	if err != nil {
		t.Fatalf("patterns: %v", err)
	}
	return ont, d
}

// realCoder is a Coder over realDict.
func realCoder(t testing.TB) *coder.Coder {
	ont, d := realDict(t)
	return coder.New(d, ont)
}

// readMentions reads lines "FIRST LAST CODE [method=M] [NAME...]" with
// 1-based word numbers (CODE written *CODE for a meeting's host; M the
// mention's method, e.g. coref-act), and "0 0 CODE METHOD GROUP [hub]" for an implicit actor of the
// whole sentence (actor.ImplicitParties, actor.ImplicitSpeaker).
func readMentions(t testing.TB, file string, data []byte, s *ud.Sentence) []actor.Mention {
	var ms []actor.Mention
	for n, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if len(f) >= 5 && f[0] == "0" && f[1] == "0" {
			g, err := strconv.Atoi(f[4])
			if err != nil {
				t.Fatalf("%s: mentions line %d: want 0 0 CODE METHOD GROUP [hub]", file, n+1)
			}
			ms = append(ms, actor.Mention{First: -1, Last: -1, Code: f[2], Method: actor.Method(f[3]), Group: g,
				Hub: len(f) > 5 && f[5] == "hub", Span: s.Span, Confidence: 0.5, Why: "implicit"})
			continue
		}
		a, err1 := strconv.Atoi(f[0])
		b, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil || len(f) < 3 || a < 1 || b < a || b > len(s.Tokens) {
			t.Fatalf("%s: mentions line %d: want FIRST LAST CODE", file, n+1)
		}
		// "*CODE" marks the host of a meeting of many, as the story
		// resolver does (actor.Mention.Hub)
		code, hub := strings.CutPrefix(f[2], "*")
		// "method=M" and "role=R" set the mention's method and role
		var how actor.Method
		if len(f) > 3 && strings.HasPrefix(f[3], "method=") {
			how, f = actor.Method(strings.TrimPrefix(f[3], "method=")), append(f[:3:3], f[4:]...)
		}
		role := ""
		if len(f) > 3 && strings.HasPrefix(f[3], "role=") {
			role, f = strings.TrimPrefix(f[3], "role="), append(f[:3:3], f[4:]...)
		}
		ms = append(ms, actor.Mention{First: a - 1, Last: b - 1, Code: code, Name: strings.Join(f[3:], " "), Hub: hub, Method: how, Role: role,
			Span: ud.Span{Start: s.Tokens[a-1].Span.Start, End: s.Tokens[b-1].Span.End}, Confidence: 0.9})
	}
	return ms
}

// TestGoldenCAMEO runs the coder with the real dictionaries on gold trees:
// testdata/cameo/*.txtar hold sentence.conllu, mentions and events.golden
// (one line per event: source, target, code, PLOVER type, rule, and the
// place when the sentence names one). The trees
// are fixed, so these cases move only when the coder or the patterns do.
func TestGoldenCAMEO(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "cameo", "*.txtar"))
	if len(files) == 0 {
		t.Skip("no golden cases yet")
	}
	c := realCoder(t)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			conllu, _ := a.Get("sentence.conllu")
			sents, err := ud.ReadAll(bytes.NewReader(conllu), file)
			if err != nil || len(sents) != 1 {
				t.Fatalf("%s: want one sentence in sentence.conllu: %v", file, err)
			}
			mdata, _ := a.Get("mentions")
			ms := readMentions(t, file, mdata, sents[0])
			cc := c
			if gdata, ok := a.Get("groups"); ok {
				// "GROUP MEMBER…" lines: the members the engine
				// reads from the actor dictionaries
				cc = realCoder(t)
				cc.SetGroups(readGroups(gdata))
			}
			var b strings.Builder
			for _, ev := range cc.Code(sents[0], ms) {
				fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s", ev.Source.Code, ev.Target.Code, ev.Code, ev.Plover, ev.Rule)
				if ev.Place.Text != "" {
					fmt.Fprintf(&b, "\tat %s (%s)", ev.Place.Text, ev.Place.Code)
				}
				b.WriteByte('\n')
			}
			got := b.String()
			want, _ := a.Get("events.golden")
			if *update {
				a.Set("events.golden", []byte(got))
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != string(want) {
				t.Errorf("%s: events differ (go test -update rewrites; review the diff)\ngot:\n%swant:\n%s", file, got, want)
			}
		})
	}
}

// readGroups reads lines "GROUP MEMBER…" ("SCO CHN RUS KAZ") into the
// membership test the coder takes: a region's code with a role ("CASGOV")
// stands for the region.
func readGroups(data []byte) func(code, group string) bool {
	in := map[string]map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		in[f[0]] = map[string]bool{}
		for _, c := range f[1:] {
			in[f[0]][c] = true
		}
	}
	return func(code, group string) bool {
		if len(code) < 3 {
			return false
		}
		set, ok := in[group]
		if !ok && len(group) > 3 {
			set = in[group[:3]]
		}
		return set[code[:3]]
	}
}

// goldenTree is the tree and mentions of a golden case.
type goldenTree struct {
	file string
	s    *ud.Sentence
	ms   []actor.Mention
}

// goldenTrees reads the trees and mentions of testdata/cameo.
func goldenTrees(tb testing.TB) []goldenTree {
	files, _ := filepath.Glob(filepath.Join("testdata", "cameo", "*.txtar"))
	var items []goldenTree
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		conllu, _ := a.Get("sentence.conllu")
		sents, err := ud.ReadAll(bytes.NewReader(conllu), file)
		if err != nil || len(sents) != 1 {
			tb.Fatal(err)
		}
		mdata, _ := a.Get("mentions")
		items = append(items, goldenTree{file, sents[0], readMentions(tb, file, mdata, sents[0])})
	}
	return items
}

// TestTurnDownKeepsEvents codes the golden trees with and without the
// early turn-down of patterns (Explain tries every pattern): a way to meet
// a requirement that reqsOK learns must be known to patternRef too, or
// Code would skip a pattern that matches.
func TestTurnDownKeepsEvents(t *testing.T) {
	c := realCoder(t)
	for _, g := range goldenTrees(t) {
		fast := c.Code(g.s, g.ms)
		all, _ := c.Explain(g.s, g.ms)
		if !reflect.DeepEqual(fast, all) {
			t.Errorf("%s: Code and Explain give other events (%d, %d): a pattern that matches was turned down", g.file, len(fast), len(all))
		}
	}
}

// BenchmarkCode codes the golden trees with the real dictionaries and
// reports sentences/s for the coder stage alone.
func BenchmarkCode(b *testing.B) {
	c := realCoder(b)
	items := goldenTrees(b)
	n := 0
	for b.Loop() {
		for _, it := range items {
			c.Code(it.s, it.ms)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
