package lanes

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestAddRows(t *testing.T) {
	asm := haveBlocks
	defer func() { haveBlocks = asm }()
	for _, haveBlocks = range []bool{false, asm} {
		testAddRows(t)
	}
}

func testAddRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, nclass := range []int{1, 3, 4, 5, 16, 17, 51, 93, 96, 200} {
		words := (nclass + 3) / 4
		const nrows = 300
		data := make([]uint64, nrows*words)
		w := make([]int16, nrows*nclass)
		for r := range nrows {
			for c := range 4 * words {
				v := int16(0)
				if c < nclass {
					v = int16(rng.IntN(65536) - 32768)
					if rng.IntN(4) == 0 {
						v = []int16{-32768, 32767, 0}[rng.IntN(3)]
					}
					w[r*nclass+c] = v
				}
				data[r*words+c/4] |= Bias(v) << (16 * (c % 4))
			}
		}
		for _, nout := range []int{nclass, 4 * words} {
			for range 200 {
				offs := make([]uint32, rng.IntN(nrows))
				for i := range offs {
					offs[i] = uint32(rng.IntN(nrows) * words)
				}
				out := make([]int32, nout)
				for i := range out {
					out[i] = int32(rng.Uint32())
				}
				want := slices.Clone(out)
				for _, off := range offs {
					r := int(off) / words
					for c := range min(nclass, nout) {
						want[c] += int32(w[r*nclass+c])
					}
				}
				AddRows(out, data, offs, words)
				if !slices.Equal(out, want) {
					t.Fatalf("%d classes, %d rows (assembly %v): %v, want %v", nclass, len(offs), haveBlocks, out, want)
				}
			}
		}
	}
}

func BenchmarkAddRows(b *testing.B) {
	const words, nrows = 24, 4096
	data := make([]uint64, nrows*words)
	for i := range data {
		data[i] = Zero ^ uint64(i)*0x9e3779b97f4a7c15
	}
	offs := make([]uint32, 26)
	for i := range offs {
		offs[i] = uint32((i * 97 % nrows) * words)
	}
	out := make([]int32, 93)
	for b.Loop() {
		AddRows(out, data, offs, words)
	}
}

func TestSet(t *testing.T) {
	row := []uint64{Zero, Zero}
	Set(row, 5, -2)
	Set(row, 0, 7)
	Set(row, 5, 3)
	out := make([]int32, 8)
	AddRows(out, row, []uint32{0}, 2)
	if want := []int32{7, 0, 0, 0, 0, 3, 0, 0}; !slices.Equal(out, want) {
		t.Errorf("%v, want %v", out, want)
	}
}
