package dedup

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"unicode"

	"farabi/internal/newsgen"
)

// evalDoc is one story of the evaluation set: stories of one group are
// copies of each other.
type evalDoc struct {
	group int
	edit  string // "original", an edit's name, or "negative"
	text  string
}

// edits make near-duplicate copies of a story given as sentences.
var edits = []struct {
	name string
	f    func(r *rand.Rand, sents []string, pool []string) string
}{
	{"drop sentences", func(r *rand.Rand, s, _ []string) string {
		s = clone(s)
		for k := 0; k < 1+len(s)/8 && len(s) > 2; k++ {
			i := r.IntN(len(s))
			s = append(s[:i], s[i+1:]...)
		}
		return join(s)
	}},
	{"add sentences", func(r *rand.Rand, s, pool []string) string {
		s = clone(s)
		for k := 0; k < 1+len(s)/8; k++ {
			i := r.IntN(len(s) + 1)
			s = append(s[:i], append([]string{pool[r.IntN(len(pool))]}, s[i:]...)...)
		}
		return join(s)
	}},
	{"change words", func(r *rand.Rand, s, pool []string) string {
		w := strings.Fields(join(s))
		for k := 0; k < max(2, len(w)/20); k++ {
			other := strings.Fields(pool[r.IntN(len(pool))])
			w[r.IntN(len(w))] = other[r.IntN(len(other))]
		}
		return strings.Join(w, " ")
	}},
	{"other boilerplate", func(r *rand.Rand, s, _ []string) string {
		return "By Staff Reporter | Updated 10:32 | 3 min read\n\nAdvertisement\n\n" + join(s) +
			"\n\nShare this article: Facebook, X, Telegram, e-mail.\nRead more: subscribe to our daily newsletter for the latest news from the region. © All rights reserved."
	}},
	{"other headline", func(r *rand.Rand, s, _ []string) string {
		return "Officials meet as ties deepen, statement says\n\n" + join(s)
	}},
	{"reordered", func(r *rand.Rand, s, _ []string) string {
		s = clone(s)
		i, j := r.IntN(len(s)), r.IntN(len(s))
		s[i], s[j] = s[j], s[i]
		return join(s)
	}},
	{"several edits", func(r *rand.Rand, s, pool []string) string {
		s = clone(s)
		s = append(s[:len(s)-1:len(s)-1], pool[r.IntN(len(pool))])
		w := strings.Fields(join(s))
		for k := 0; k < max(1, len(w)/40); k++ {
			other := strings.Fields(pool[r.IntN(len(pool))])
			w[r.IntN(len(w))] = other[r.IntN(len(other))]
		}
		return "Wire report\n\n" + strings.Join(w, " ") + "\n\nReporting by our correspondents; editing by the desk."
	}},
}

func clone(s []string) []string { return append([]string(nil), s...) }
func join(s []string) string    { return strings.Join(s, " ") }

// evalSet builds the evaluation set from newsgen's synthetic wire news:
// n stories of two newsgen reports each (6 to 16 sentences), every one
// with a copy per edit, and for every story a hard negative: a story of
// the same templates in the same order with other countries, people,
// goods and numbers (same topic and wording, other facts), which gets an
// edited copy of its own.
func evalSet(n int, seed uint64) []evalDoc {
	var b strings.Builder
	newsgen.Write(&b, n*14, seed)
	reports := strings.Split(strings.TrimSpace(b.String()), "\n\n")
	var stories [][]string
	for i := 0; i+1 < len(reports) && len(stories) < n; i += 2 {
		stories = append(stories, append(sentences(reports[i]), sentences(dropDateline(reports[i+1]))...))
	}
	// Sentences by template: the same words once names and numbers are
	// masked.
	var pool []string
	byShape := map[string][]string{}
	for _, st := range stories {
		for _, s := range st {
			pool = append(pool, s)
			byShape[shape(s)] = append(byShape[shape(s)], s)
		}
	}
	r := rand.New(rand.NewPCG(seed, 7))
	var docs []evalDoc
	group := 0
	for _, st := range stories {
		docs = append(docs, evalDoc{group, "original", join(st)})
		for _, e := range edits {
			docs = append(docs, evalDoc{group, e.name, e.f(r, st, pool)})
		}
		group++
		neg := make([]string, len(st))
		for i, s := range st {
			alts := byShape[shape(s)]
			neg[i] = alts[r.IntN(len(alts))]
			for tries := 0; neg[i] == s && tries < 10; tries++ {
				neg[i] = alts[r.IntN(len(alts))]
			}
		}
		docs = append(docs, evalDoc{group, "negative", join(neg)})
		docs = append(docs, evalDoc{group, edits[0].name, edits[0].f(r, neg, pool)})
		group++
	}
	return docs
}

// sentences cuts a newsgen report after each full stop or closing quote.
func sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		if (text[i] == '.' || strings.HasPrefix(text[i:], "”")) && (i+1 >= len(text) || text[i+1] == ' ' || text[i+1] == '\n' || text[i] == 0xe2) {
			end := i + 1
			if text[i] == 0xe2 {
				end = i + len("”")
			}
			if s := strings.TrimSpace(text[start:end]); s != "" {
				out = append(out, s)
			}
			start = end
			i = end - 1
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// dropDateline removes "ASTANA – " from a report's start.
func dropDateline(s string) string {
	if _, rest, ok := strings.Cut(s, " – "); ok && strings.ToUpper(s[:strings.Index(s, " – ")]) == s[:strings.Index(s, " – ")] {
		return rest
	}
	return s
}

// shape masks the capitalized words (but "The") and numbers of a
// sentence, leaving its template's own words.
func shape(s string) string {
	w := strings.Fields(s)
	for i, x := range w {
		r := []rune(x)
		if x != "The" && (unicode.IsUpper(r[0]) || unicode.IsDigit(r[0]) || r[0] == '$' || r[0] == '“') {
			w[i] = "X"
		}
	}
	return strings.Join(w, " ")
}

// scores are pairwise precision and recall of the duplicate decision.
type scores struct {
	tp, fp, fn      int
	perEdit         map[string][2]int // copies found, copies
	worstNegative   float64
	lowestPositive  float64
	candidatePairs  int
	positivePairs   int
	negativeSimilar int // distinct-story pairs that are LSH candidates
}

func (s scores) precision() float64 { return float64(s.tp) / float64(max(1, s.tp+s.fp)) }
func (s scores) recall() float64    { return float64(s.tp) / float64(max(1, s.tp+s.fn)) }

// evaluate signs the documents with k-word shingles, finds candidates
// through the band keys as the store does, and scores every pair: a pair
// is predicted a duplicate when it is a candidate with estimated Jaccard
// at least threshold, and is one when both come from the same group.
func evaluate(docs []evalDoc, k int, threshold float64) scores {
	sigs := make([]Signature, len(docs))
	buckets := map[uint64][]int{}
	for i, d := range docs {
		sigs[i] = sign(d.text, k)
		for _, key := range sigs[i].Bands() {
			buckets[key] = append(buckets[key], i)
		}
	}
	type pair struct{ a, b int }
	cand := map[pair]bool{}
	for _, ids := range buckets {
		for x := 0; x < len(ids); x++ {
			for y := x + 1; y < len(ids); y++ {
				cand[pair{ids[x], ids[y]}] = true
			}
		}
	}
	s := scores{perEdit: map[string][2]int{}, lowestPositive: 1, candidatePairs: len(cand)}
	// Positive pairs: every pair inside a group.
	first := 0
	for i := 1; i <= len(docs); i++ {
		if i < len(docs) && docs[i].group == docs[first].group {
			continue
		}
		for a := first; a < i; a++ {
			for b := a + 1; b < i; b++ {
				s.positivePairs++
				found := cand[pair{a, b}] && Similarity(&sigs[a], &sigs[b]) >= threshold
				if found {
					s.tp++
				} else {
					s.fn++
				}
				if sim := Similarity(&sigs[a], &sigs[b]); sim < s.lowestPositive {
					s.lowestPositive = sim
				}
				if a == first && docs[a].edit == "original" {
					c := s.perEdit[docs[b].edit]
					c[1]++
					if found {
						c[0]++
					}
					s.perEdit[docs[b].edit] = c
				}
			}
		}
		first = i
	}
	// Negative pairs can only be predicted through candidates.
	for p := range cand {
		if docs[p.a].group == docs[p.b].group {
			continue
		}
		s.negativeSimilar++
		sim := Similarity(&sigs[p.a], &sigs[p.b])
		if sim > s.worstNegative {
			s.worstNegative = sim
		}
		if sim >= threshold {
			s.fp++
		}
	}
	return s
}

// TestEvaluation builds the evaluation set and checks precision and
// recall of near-duplicate detection with the package's parameters.
func TestEvaluation(t *testing.T) {
	docs := evalSet(300, 2025)
	s := evaluate(docs, ShingleSize, Threshold)
	t.Logf("%d documents, %d duplicate pairs, %d candidate pairs; precision %.4f recall %.4f (tp %d fp %d fn %d)",
		len(docs), s.positivePairs, s.candidatePairs, s.precision(), s.recall(), s.tp, s.fp, s.fn)
	t.Logf("most similar distinct stories: %.3f; least similar copies: %.3f", s.worstNegative, s.lowestPositive)
	var names []string
	for name := range s.perEdit {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		c := s.perEdit[name]
		t.Logf("  %-18s %d of %d copies found", name, c[0], c[1])
	}
	if s.precision() < 0.95 || s.recall() < 0.95 {
		t.Errorf("precision %.4f, recall %.4f: want both ≥ 0.95", s.precision(), s.recall())
	}
}

// clusterScores assigns clusters as ingest does — each story in turn joins
// the cluster of its most similar earlier candidate (by band keys) at or
// above the threshold, or starts its own — and scores the pairs of
// stories put in one cluster against the groups.
func clusterScores(docs []evalDoc) (precision, recall float64) {
	cluster := make([]int, len(docs))
	sigs := make([]Signature, len(docs))
	buckets := map[uint64][]int{}
	for i, d := range docs {
		sigs[i] = Sign(d.text)
		seen := map[int]bool{}
		var cands []Signature
		var ids []int
		for _, key := range sigs[i].Bands() {
			for _, j := range buckets[key] {
				if !seen[j] {
					seen[j] = true
					cands, ids = append(cands, sigs[j]), append(ids, j)
				}
			}
			buckets[key] = append(buckets[key], i)
		}
		cluster[i] = i
		if b, _ := Best(&sigs[i], cands); b >= 0 {
			cluster[i] = cluster[ids[b]]
		}
	}
	tp, fp, fn := 0, 0, 0
	for a := range docs {
		for b := a + 1; b < len(docs); b++ {
			same, pred := docs[a].group == docs[b].group, cluster[a] == cluster[b]
			switch {
			case same && pred:
				tp++
			case pred:
				fp++
			case same:
				fn++
			}
		}
	}
	return float64(tp) / float64(max(1, tp+fp)), float64(tp) / float64(max(1, tp+fn))
}

func TestClusters(t *testing.T) {
	p, r := clusterScores(evalSet(300, 2025))
	t.Logf("clusters: pairwise precision %.4f recall %.4f", p, r)
	if p < 0.95 || r < 0.95 {
		t.Errorf("cluster precision %.4f, recall %.4f: want both ≥ 0.95", p, r)
	}
}

// TestSweep prints precision and recall for other shingle sizes and
// thresholds (run with -v): how the parameters were chosen.
func TestSweep(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("run with -v to see the sweep")
	}
	docs := evalSet(300, 99)
	for _, k := range []int{2, 3, 4, 5} {
		for _, th := range []float64{0.3, 0.4, 0.5, 0.6, 0.7} {
			s := evaluate(docs, k, th)
			t.Logf("shingles %d threshold %.1f: precision %.4f recall %.4f  (worst negative %.3f)", k, th, s.precision(), s.recall(), s.worstNegative)
		}
	}
	_ = fmt.Sprint()
}
