package udeval_test

import (
	"testing"

	"farabi/internal/ud"
	"farabi/internal/udeval"
)

// sentence builds "In May , we met ." (spans in that text) with the given
// heads and relations.
func sentence(heads []int, rels []string) *ud.Sentence {
	forms := []string{"In", "May", ",", "we", "met", "."}
	starts := []int{0, 3, 7, 9, 12, 16}
	s := &ud.Sentence{Text: "In May , we met .", Span: ud.Span{Start: 0, End: 17}}
	for i, f := range forms {
		s.Tokens = append(s.Tokens, ud.Token{Span: ud.Span{Start: starts[i], End: starts[i] + len(f)}, Form: f, Head: heads[i], Rel: rels[i]})
	}
	return s
}

func TestCompareLASNoPunct(t *testing.T) {
	rels := []string{"case", "obl", "punct", "nsubj", "root", "punct"}
	gold := sentence([]int{2, 5, 5, 5, 0, 5}, rels)
	for _, c := range []struct {
		name        string
		heads       []int
		rels        []string
		las, lasNoP int // correct words
		sysNoP      int // system words not attached as punct
	}{
		{"same", []int{2, 5, 5, 5, 0, 5}, rels, 6, 4, 4},
		{"comma to the phrase before it", []int{2, 5, 2, 5, 0, 5}, rels, 5, 4, 4},
		{"wrong word head", []int{2, 4, 5, 5, 0, 5}, rels, 5, 3, 4},
		{"a word taken for punctuation", []int{2, 5, 5, 5, 0, 5}, []string{"case", "punct", "punct", "nsubj", "root", "punct"}, 5, 3, 3},
		{"subtype ignored", []int{2, 5, 5, 5, 0, 5}, []string{"case", "obl:tmod", "punct", "nsubj", "root", "punct"}, 6, 4, 4},
	} {
		r := udeval.Compare([]*ud.Sentence{gold}, []*ud.Sentence{sentence(c.heads, c.rels)})
		if r.LAS.Correct != c.las || r.LASNoPunct.Correct != c.lasNoP || r.LASNoPunct.Gold != 4 || r.LASNoPunct.System != c.sysNoP {
			t.Errorf("%s: LAS %d, without punct %d of %d gold, %d system; want %d, %d of 4, %d",
				c.name, r.LAS.Correct, r.LASNoPunct.Correct, r.LASNoPunct.Gold, r.LASNoPunct.System, c.las, c.lasNoP, c.sysNoP)
		}
	}
}
