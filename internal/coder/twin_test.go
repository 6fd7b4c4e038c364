package coder_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"farabi/internal/coder"
	"farabi/internal/event"
)

// TestInfinitiveTwin checks that a pattern asking for a clause on its
// object (obj>acl) gets twins that find the clause on the verb, marked
// "to" or "in", with the object's own requirement kept, and that a pattern
// without such a requirement gets none.
func TestInfinitiveTwin(t *testing.T) {
	ont, err := event.ReadOntology(strings.NewReader(testOntology), "test.tsv")
	if err != nil {
		t.Fatal(err)
	}
	src := "036 express obj=readiness obj>acl=meet S=nsubj T=obj>acl>obl:with|obj>acl>obj\n" +
		"042 visit S=nsubj T=obj\n" +
		"040 meet obj>acl!=cancel S=nsubj T=obj\n"
	d, err := coder.Load(fstest.MapFS{"verbs/t.txt": {Data: []byte(src)}}, "verbs", ont)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lemma string
		want  []string // id: requirements; target paths
	}{
		{"express", []string{
			"t:036-express+readiness: obj=readiness obj>acl=meet; obj>acl>obl:with|obj>acl>obj",
			"t:036-express+readiness~advcl: obj=readiness advcl:to=meet; advcl:to>obl:with|advcl:to>obj",
			"t:036-express+readiness~advcl-in: obj=readiness advcl:in=meet; advcl:in>obl:with|advcl:in>obj",
		}},
		{"visit", []string{"t:042-visit: ; obj"}},
		{"meet", []string{"t:040-meet: obj>acl!=cancel; obj"}}, // a forbidding requirement makes no twin
	}
	for _, tt := range tests {
		var got []string
		for _, p := range d.ForLemma(tt.lemma) {
			var reqs, paths []string
			for _, r := range p.Reqs {
				reqs = append(reqs, r.Text)
			}
			for _, path := range p.Target {
				paths = append(paths, path.String())
			}
			got = append(got, p.ID+": "+strings.Join(reqs, " ")+"; "+strings.Join(paths, "|"))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", tt.lemma, got, tt.want)
		}
	}
}
