package analytics

import "math"

// Concentration measures how a focal actor's events spread over its
// partners or blocs.
type Concentration struct {
	// HHI is the Herfindahl–Hirschman index, the sum of the squared shares:
	// 1 when one partner has every event, 1/n when n share them equally.
	HHI float64 `json:"hhi"`
	// Effective is 1/HHI, the number of equal partners that would give the
	// same HHI (0 with no events).
	Effective float64 `json:"effective"`
	// Entropy is the Shannon entropy of the shares divided by its maximum,
	// ln(N): 0 when one partner has every event, 1 when all N share them
	// equally. It is 0 when N < 2.
	Entropy float64 `json:"entropy"`
	// N is the number of categories entropy is normalised by: every bloc
	// (with Other) for blocs, the partners with events for partners.
	N int `json:"n"`
}

// concentration measures counts; n is the number of categories for the
// entropy's maximum, or 0 for the number of non-zero counts.
func concentration(counts []int, n int) Concentration {
	total := 0
	nonzero := 0
	for _, c := range counts {
		total += c
		if c > 0 {
			nonzero++
		}
	}
	if n == 0 {
		n = nonzero
	}
	c := Concentration{N: n}
	if total == 0 {
		return c
	}
	h := 0.0
	for _, k := range counts {
		if k == 0 {
			continue
		}
		p := float64(k) / float64(total)
		c.HHI += p * p
		h -= p * math.Log(p)
	}
	c.Effective = 1 / c.HHI
	if n >= 2 {
		c.Entropy = h / math.Log(float64(n))
	}
	return c
}

// meanSD returns the mean and the population standard deviation of xs.
func meanSD(xs []int) (mean, sd float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	for _, x := range xs {
		mean += float64(x)
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		d := float64(x) - mean
		sd += d * d
	}
	return mean, math.Sqrt(sd / float64(len(xs)))
}
