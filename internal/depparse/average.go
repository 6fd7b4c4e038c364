package depparse

import (
	"errors"
	"slices"
)

// Average returns the parser whose weights are the weighted mean of those
// of ps, feature by feature (a feature missing from a parser counts 0
// there), quantized and pruned as a trained parser is. mix gives each
// parser's share; shares are normalized to sum to 1. It is the averaging
// of [TrainOptions.Runs] applied to parsers trained apart, with other
// options or feature sets: the weights of a model of an older feature set
// that [Read] accepts simply lack the newer templates. The parsers must
// have the same relations.
func Average(ps []*Parser, mix []float64) (*Parser, error) {
	if len(ps) == 0 || len(ps) != len(mix) {
		return nil, errors.New("depparse: average needs one share for each parser")
	}
	sum := 0.0
	for i, p := range ps {
		if mix[i] < 0 {
			return nil, errors.New("depparse: average with a negative share")
		}
		sum += mix[i]
		if !slices.Equal(p.labels, ps[0].labels) {
			return nil, errors.New("depparse: average of parsers with different relations")
		}
	}
	if sum == 0 {
		return nil, errors.New("depparse: average with no share")
	}
	avg := func(get func(*Parser) *table, maxFeat int) *table {
		nclass := get(ps[0]).nclass
		keys := make([][]uint64, len(ps))
		ws := make([][]float64, len(ps))
		for i, p := range ps {
			t := get(p)
			keys[i] = t.keys
			ws[i] = make([]float64, len(t.weights))
			// mergeAverage divides by the number of parsers.
			f := mix[i] / sum * float64(len(ps))
			for j, w := range t.weights {
				ws[i][j] = float64(w) * f
			}
		}
		k, w := mergeAverage(nclass, keys, ws)
		return freeze(nclass, k, w, maxFeat)
	}
	return &Parser{
		labels: ps[0].labels,
		root:   ps[0].root,
		trans:  avg(func(p *Parser) *table { return p.trans }, maxTransFeat),
		label:  avg(func(p *Parser) *table { return p.label }, maxLabelFeat),
	}, nil
}
