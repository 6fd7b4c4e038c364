package depparse

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	"farabi/internal/ud"
)

// TrainOptions configures [Train]. The zero value trains with seed 0 for
// the default number of epochs, silently.
type TrainOptions struct {
	Seed   int64
	Epochs int       // passes over the training set; 0 means 15
	Log    io.Writer // progress lines, one per epoch; nil for none
	// Runs is the number of parsers trained, with seeds Seed, Seed+1, ...,
	// in parallel; their weights (each at its best epoch) are averaged.
	// 0 means 1.
	Runs int
}

const (
	defaultEpochs = 15
	// exploreFrom is the first epoch (0-based) in which the parser follows
	// its own predictions, as Goldberg and Nivre (2012) do.
	exploreFrom = 1
	// exploreProb is the chance of following a wrong prediction then.
	exploreProb = 0.9
	// Caps on the number of features kept, to bound the model size.
	maxTransFeat = 500_000
	maxLabelFeat = 30_000
)

// ErrNoTrees is returned by [Train] when the training set has no sentence
// with a usable tree.
var ErrNoTrees = errors.New("depparse: no well-formed trees to train on")

// example is one training sentence.
type example struct {
	sent  *sentence
	gold  []int32 // heads, 0 the root, gold[0] = -1
	proj  []int32 // gold made projective
	rels  []int   // gold relation indexes
	order int
}

// Train trains a parser on the trees of train and reports attachment scores
// on dev (which may be empty) after each epoch, keeping the weights of the
// epoch with the best dev LAS. Sentences whose trees are malformed are
// skipped. The parser learns from the tags the sentences carry, so to parse
// a tagger's output well, train on tags predicted by that tagger (by
// jackknifing, as farabi train parser does) and pick the epoch on a dev set
// tagged by it. With opt.Runs > 1 it trains that many parsers in parallel,
// with seeds opt.Seed, opt.Seed+1, ..., and returns the average of their
// weights, each run at its best epoch. The result depends only on the data,
// opt.Seed and opt.Runs.
func Train(train, dev []*ud.Sentence, opt TrainOptions) (*Parser, error) {
	epochs := opt.Epochs
	if epochs <= 0 {
		epochs = defaultEpochs
	}
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format, a...)
		}
	}
	// The label set: every relation in the training data, sorted, plus root
	// and dep, which stands in for relations the model format cannot hold.
	labelSet := map[string]bool{"root": true, "dep": true}
	for _, s := range train {
		for _, t := range s.Tokens {
			if t.Rel != "" && t.Rel != "_" && len(t.Rel) <= 255 && utf8.ValidString(t.Rel) {
				labelSet[t.Rel] = true
			}
		}
	}
	labels := make([]string, 0, len(labelSet))
	for l := range labelSet {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	labelIndex := make(map[string]int, len(labels))
	for i, l := range labels {
		labelIndex[l] = i
	}
	var exs []*example
	for _, s := range train {
		gold, ok := goldHeads(s)
		if !ok {
			continue
		}
		rels := make([]int, len(gold))
		for i, t := range s.Tokens {
			r, ok := labelIndex[t.Rel]
			if !ok {
				r = labelIndex["dep"]
			}
			rels[i+1] = r
		}
		exs = append(exs, &example{sent: newSentence(s), gold: gold, proj: projectivize(gold), rels: rels, order: len(exs)})
	}
	if len(exs) == 0 {
		return nil, ErrNoTrees
	}
	runs := max(opt.Runs, 1)
	results := make([]runResult, runs)
	var wg sync.WaitGroup
	for r := range runs {
		// Every run shuffles its own copy of the examples.
		mine := slices.Clone(exs)
		seed := opt.Seed + int64(r)
		wg.Go(func() {
			results[r] = trainRun(mine, labels, labelIndex["root"], dev, seed, epochs, func(format string, a ...any) {
				if runs > 1 {
					format = fmt.Sprintf("run %d: ", r+1) + format
				}
				logf(format, a...)
			})
		})
	}
	wg.Wait()
	p := &Parser{labels: labels, root: labelIndex["root"]}
	if runs == 1 {
		p.trans, p.label = results[0].trans, results[0].label
		return p, nil
	}
	// Average the weights of the runs, feature by feature.
	tks, tws, lks, lws := make([][]uint64, runs), make([][]float64, runs), make([][]uint64, runs), make([][]float64, runs)
	for r, res := range results {
		tks[r], tws[r], lks[r], lws[r] = res.tk, res.tw, res.lk, res.lw
	}
	tk, tw := mergeAverage(numTrans, tks, tws)
	lk, lw := mergeAverage(len(labels), lks, lws)
	p.trans = freeze(numTrans, tk, tw, maxTransFeat)
	p.label = freeze(len(labels), lk, lw, maxLabelFeat)
	if len(dev) > 0 {
		sc := Evaluate(p, dev)
		logf("average of %d runs: %d+%d features, dev UAS %.2f LAS %.2f\n", runs, p.trans.n, p.label.n, sc.UAS, sc.LAS)
	}
	return p, nil
}

// runResult is the best epoch of one training run: its frozen tables and
// the averaged weights they were made from.
type runResult struct {
	trans, label *table
	tk, lk       []uint64
	tw, lw       []float64
}

// mergeAverage returns the union of the sorted key lists with, for each key,
// the mean over the lists of its weights (0 where a list lacks it).
func mergeAverage(nclass int, keys [][]uint64, ws [][]float64) ([]uint64, []float64) {
	var all []uint64
	for _, k := range keys {
		all = append(all, k...)
	}
	slices.Sort(all)
	all = slices.Compact(all)
	avg := make([]float64, len(all)*nclass)
	inv := 1 / float64(len(keys))
	for r, ks := range keys {
		j := 0
		for i, k := range ks {
			for all[j] != k {
				j++
			}
			for c := range nclass {
				avg[j*nclass+c] += ws[r][i*nclass+c] * inv
			}
		}
	}
	return all, avg
}

// trainRun trains one transition and one relation perceptron from seed and
// returns the epoch with the best dev LAS (the last one without dev).
func trainRun(exs []*example, labels []string, root int, dev []*ud.Sentence, seed int64, epochs int, logf func(string, ...any)) runResult {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x6661726162692d64))
	trans := newPerceptron(numTrans)
	lab := newPerceptron(len(labels))
	p := &Parser{labels: labels, root: root}
	var best runResult
	bestLAS := -1.0
	var feats []uint64
	for epoch := range epochs {
		start := time.Now()
		rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		var steps, errs, lsteps, lerrs int
		for _, ex := range exs {
			sent := ex.sent
			// Transitions, with the dynamic oracle.
			st := newState(len(ex.gold))
			var scores [numTrans]int32
			for !st.terminal() {
				feats = transFeatures(feats[:0], sent, st)
				trans.score(feats, scores[:])
				costs := oracleCosts(st, ex.proj)
				pred, gold, minCost := -1, -1, 1<<30
				for t := range numTrans {
					if !st.valid(t) {
						continue
					}
					if pred < 0 || scores[t] > scores[pred] {
						pred = t
					}
					minCost = min(minCost, costs[t])
				}
				for t := range numTrans {
					if st.valid(t) && costs[t] == minCost && (gold < 0 || scores[t] > scores[gold]) {
						gold = t
					}
				}
				steps++
				next := gold
				if costs[pred] != minCost {
					errs++
					trans.update(feats, gold, pred)
					if epoch >= exploreFrom && rng.Float64() < exploreProb {
						next = pred
					}
				} else {
					next = pred
				}
				trans.tick()
				st.apply(next)
			}
			// Relations, on the gold tree.
			rels := make([]int, len(ex.gold))
			labelTree(lab, labels, p.root, sent, ex.gold, rels, func(d int, feats []uint64, pred int) int {
				lsteps++
				if pred != ex.rels[d] {
					lerrs++
					lab.update(feats, ex.rels[d], pred)
				}
				lab.tick()
				return pred
			})
		}
		slices.SortFunc(exs, func(a, b *example) int { return a.order - b.order })
		tk, tw := trans.average()
		p.trans = freeze(numTrans, tk, tw, maxTransFeat)
		lk, lw := lab.average()
		p.label = freeze(len(labels), lk, lw, maxLabelFeat)
		cur := runResult{trans: p.trans, label: p.label, tk: tk, tw: tw, lk: lk, lw: lw}
		line := fmt.Sprintf("epoch %d: transitions %.2f%% wrong, relations %.2f%% wrong, %d+%d features, %.1fs",
			epoch+1, 100*float64(errs)/float64(max(steps, 1)), 100*float64(lerrs)/float64(max(lsteps, 1)),
			p.trans.n, p.label.n, time.Since(start).Seconds())
		if len(dev) > 0 {
			sc := Evaluate(p, dev)
			line += fmt.Sprintf(", dev UAS %.2f LAS %.2f", sc.UAS, sc.LAS)
			if sc.LAS > bestLAS {
				bestLAS = sc.LAS
				best = cur
			}
		} else {
			best = cur
		}
		logf("%s\n", line)
	}
	return best
}

// goldHeads returns the heads of s as a slice indexed from 1 (index 0 the
// root, -1), and false when they do not form a tree.
func goldHeads(s *ud.Sentence) ([]int32, bool) {
	n := len(s.Tokens)
	if n == 0 {
		return nil, false
	}
	heads := make([]int32, n+1)
	heads[0] = -1
	for i, t := range s.Tokens {
		if t.Head < 0 || t.Head > n || t.Head == i+1 {
			return nil, false
		}
		heads[i+1] = int32(t.Head)
	}
	// Every word must reach the root.
	for i := 1; i <= n; i++ {
		j, steps := int32(i), 0
		for j != 0 {
			j = heads[j]
			steps++
			if steps > n {
				return nil, false
			}
		}
	}
	return heads, true
}

// projectivize lifts non-projective arcs to the head's head, shortest
// arc first, until the tree is projective.
func projectivize(gold []int32) []int32 {
	h := slices.Clone(gold)
	n := len(h)
	dominates := func(a, k int32) bool {
		for k != -1 {
			if k == a {
				return true
			}
			k = h[k]
		}
		return false
	}
	for range n * n {
		bestD, bestLen := -1, n+1
		for d := 1; d < n; d++ {
			a := h[d]
			lo, hi := min(a, int32(d)), max(a, int32(d))
			if int(hi-lo) >= bestLen {
				continue
			}
			for k := lo + 1; k < hi; k++ {
				if !dominates(a, k) {
					bestD, bestLen = d, int(hi-lo)
					break
				}
			}
		}
		if bestD < 0 {
			break
		}
		h[bestD] = h[h[bestD]]
	}
	return h
}

// oracleCosts returns, for each transition, how many gold arcs it makes
// unreachable (Goldberg and Nivre 2012). Invalid transitions get any value.
func oracleCosts(st *state, gold []int32) [numTrans]int {
	var c [numTrans]int
	if st.terminal() {
		return c
	}
	s0 := st.stack[len(st.stack)-1]
	b := st.b
	n := int32(st.n)
	inStack := func(x int32) bool {
		return x >= 0 && slices.Contains(st.stack, x)
	}
	bufDeps := 0 // gold dependents of s0 in the buffer
	for k := b; k < n; k++ {
		if gold[k] == s0 {
			bufDeps++
		}
	}
	stackDeps := 0 // unattached gold dependents of b in the stack
	for _, k := range st.stack {
		if st.head[k] < 0 && gold[k] == b {
			stackDeps++
		}
	}
	// left
	c[left] = bufDeps
	if gold[s0] > b {
		c[left]++
	}
	// right
	c[right] = stackDeps
	if g := gold[b]; g != s0 && (g > b || inStack(g)) {
		c[right]++
	}
	c[reduce] = bufDeps
	c[shift] = stackDeps
	if inStack(gold[b]) {
		c[shift]++
	}
	return c
}
