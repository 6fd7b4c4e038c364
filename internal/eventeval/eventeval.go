// Package eventeval scores coded events against gold records: precision,
// recall and F1 at three levels — exact (source, target, code); source
// country, target country and CAMEO root; source country, target country
// and PLOVER type — the share of records whose whole event set is right
// (records with no event included), and a confusion table of roots.
package eventeval

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Triple is one event as the gold records write it.
type Triple struct{ Source, Target, Code string }

// Record is one gold record with the system's events for it.
type Record struct {
	ID     string
	Gold   []Triple
	System []Triple
}

// PRF is precision, recall and F1 in [0, 1].
type PRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
	TP int     `json:"tp"`
	FP int     `json:"fp"`
	FN int     `json:"fn"`
}

func (s *PRF) finish() {
	if s.TP+s.FP > 0 {
		s.P = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.R = float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
}

// Report is the whole score.
type Report struct {
	Records      int            `json:"records"`
	RecordsExact float64        `json:"records_exact"`
	ExactCount   int            `json:"records_exact_count"`
	Levels       map[string]PRF `json:"levels"`
	// Confusion counts gold root (row) against system root (column) for
	// dyads both sides coded; "-" is a missing event.
	Confusion map[string]map[string]int `json:"confusion"`
	// Wrong lists the ids of records not exactly right.
	Wrong []string `json:"wrong,omitempty"`
}

// Levels of comparison.
const (
	LevelExact  = "exact"
	LevelRoot   = "root"
	LevelPlover = "plover"
)

// Score compares records. plover maps a CAMEO code to its PLOVER type.
func Score(recs []Record, plover func(code string) string) *Report {
	rep := &Report{Records: len(recs), Levels: map[string]PRF{}, Confusion: map[string]map[string]int{}}
	keys := map[string]func(Triple) string{
		LevelExact:  func(t Triple) string { return t.Source + "|" + t.Target + "|" + t.Code },
		LevelRoot:   func(t Triple) string { return country(t.Source) + "|" + country(t.Target) + "|" + root(t.Code) },
		LevelPlover: func(t Triple) string { return country(t.Source) + "|" + country(t.Target) + "|" + plover(t.Code) },
	}
	for _, r := range recs {
		for name, key := range keys {
			s := rep.Levels[name]
			g, y := multiset(r.Gold, key), multiset(r.System, key)
			for k, n := range y {
				tp := min(n, g[k])
				s.TP += tp
				s.FP += n - tp
			}
			for k, n := range g {
				s.FN += n - min(n, y[k])
			}
			rep.Levels[name] = s
		}
		if equalSets(r.Gold, r.System, keys[LevelExact]) {
			rep.ExactCount++
		} else {
			rep.Wrong = append(rep.Wrong, r.ID)
		}
		rep.confuse(r)
	}
	for name, s := range rep.Levels {
		s.finish()
		rep.Levels[name] = s
	}
	if len(recs) > 0 {
		rep.RecordsExact = float64(rep.ExactCount) / float64(len(recs))
	}
	return rep
}

func (rep *Report) confuse(r Record) {
	dyad := func(t Triple) string { return country(t.Source) + "|" + country(t.Target) }
	sys := map[string][]string{}
	for _, t := range r.System {
		sys[dyad(t)] = append(sys[dyad(t)], root(t.Code))
	}
	used := map[string]int{}
	for _, g := range r.Gold {
		d := dyad(g)
		col := "-"
		if k := used[d]; k < len(sys[d]) {
			col = sys[d][k]
			used[d]++
		}
		rep.add(root(g.Code), col)
	}
	for d, roots := range sys {
		for _, c := range roots[used[d]:] {
			rep.add("-", c)
		}
	}
}

func (rep *Report) add(row, col string) {
	if rep.Confusion[row] == nil {
		rep.Confusion[row] = map[string]int{}
	}
	rep.Confusion[row][col]++
}

func country(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

func root(code string) string {
	if len(code) > 2 {
		return code[:2]
	}
	return code
}

func multiset(ts []Triple, key func(Triple) string) map[string]int {
	m := map[string]int{}
	for _, t := range ts {
		m[key(t)]++
	}
	return m
}

func equalSets(a, b []Triple, key func(Triple) string) bool {
	x, y := map[string]bool{}, map[string]bool{}
	for _, t := range a {
		x[key(t)] = true
	}
	for _, t := range b {
		y[key(t)] = true
	}
	if len(x) != len(y) {
		return false
	}
	for k := range x {
		if !y[k] {
			return false
		}
	}
	return true
}

// Print writes the report as text.
func (rep *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "records: %d, exactly right: %d (%.1f%%)\n", rep.Records, rep.ExactCount, 100*rep.RecordsExact)
	fmt.Fprintf(w, "%-8s %7s %7s %7s %6s %6s %6s\n", "level", "P", "R", "F1", "TP", "FP", "FN")
	for _, name := range []string{LevelExact, LevelRoot, LevelPlover} {
		s := rep.Levels[name]
		fmt.Fprintf(w, "%-8s %6.1f%% %6.1f%% %6.1f%% %6d %6d %6d\n", name, 100*s.P, 100*s.R, 100*s.F1, s.TP, s.FP, s.FN)
	}
	var rows, cols []string
	colSet := map[string]bool{}
	for r, m := range rep.Confusion {
		rows = append(rows, r)
		for c := range m {
			colSet[c] = true
		}
	}
	for c := range colSet {
		cols = append(cols, c)
	}
	sort.Strings(rows)
	sort.Strings(cols)
	fmt.Fprintf(w, "\nroot confusion (rows gold, columns system, '-' none):\n%4s", "")
	for _, c := range cols {
		fmt.Fprintf(w, " %4s", c)
	}
	fmt.Fprintln(w)
	for _, r := range rows {
		fmt.Fprintf(w, "%4s", r)
		for _, c := range cols {
			if n := rep.Confusion[r][c]; n > 0 {
				fmt.Fprintf(w, " %4d", n)
			} else {
				fmt.Fprintf(w, " %4s", ".")
			}
		}
		fmt.Fprintln(w)
	}
	if len(rep.Wrong) > 0 {
		fmt.Fprintf(w, "\nnot exactly right: %s\n", strings.Join(rep.Wrong, " "))
	}
}
