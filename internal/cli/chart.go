package cli

import (
	"math"
	"strings"
)

// Charts for an 80-column terminal, in Unicode block characters.

// bar returns a horizontal bar of frac (0–1) of width cells, in eighths of
// a cell.
func bar(frac float64, width int) string {
	if frac <= 0 || math.IsNaN(frac) {
		return ""
	}
	eighths := int(math.Round(min(frac, 1) * float64(width*8)))
	if eighths == 0 {
		eighths = 1 // something drawn for anything above zero
	}
	return strings.Repeat("█", eighths/8) + [8]string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}[eighths%8]
}

// sparkline draws xs as one character each, from ▁ (the smallest) to █
// (the largest), counted from zero when all are positive; NaN (no value)
// is a space, and so is an exact zero among positive values. A series of
// zeros is "(none)".
func sparkline(xs []float64) string {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		if !math.IsNaN(x) {
			lo, hi = min(lo, x), max(hi, x)
		}
	}
	if math.IsInf(lo, 1) || lo == 0 && hi == 0 {
		return "(none)"
	}
	if lo > 0 {
		lo = 0
	}
	ticks := []rune("▁▂▃▄▅▆▇█")
	var b strings.Builder
	for _, x := range xs {
		switch {
		case math.IsNaN(x), x == 0 && lo == 0:
			b.WriteRune(' ')
		case hi == lo:
			b.WriteRune(ticks[len(ticks)/2])
		default:
			b.WriteRune(ticks[int(math.Round((x-lo)/(hi-lo)*float64(len(ticks)-1)))])
		}
	}
	return b.String()
}

// stacked draws one bar of width cells split among parts in proportion,
// each part drawn with its mark; rounding goes to the largest remainders so
// the bar is exactly width cells when the parts add up to anything.
func stacked(parts []int, marks []rune, width int) string {
	total := 0
	for _, p := range parts {
		total += p
	}
	if total == 0 {
		return ""
	}
	cells := make([]int, len(parts))
	rem := make([]float64, len(parts))
	used := 0
	for i, p := range parts {
		exact := float64(p) * float64(width) / float64(total)
		cells[i] = int(exact)
		rem[i] = exact - float64(cells[i])
		used += cells[i]
	}
	for ; used < width; used++ {
		best := -1
		for i := range rem {
			if parts[i] > 0 && (best < 0 || rem[i] > rem[best]) {
				best = i
			}
		}
		cells[best]++
		rem[best] = -1
	}
	var b strings.Builder
	for i, n := range cells {
		b.WriteString(strings.Repeat(string(marks[i]), n))
	}
	return b.String()
}
