// Package lanes sums rows of 16-bit weights packed four to a uint64, the
// layout of the tagger's and the parser's weight tables.
//
// A weight w is stored biased, as uint16(w) ^ 0x8000 = w + 32768, so that
// a sum of weights is a sum of unsigned 16-bit numbers. Those add two to a
// uint64, in lanes of 32 bits, with no carry from one lane into the next:
// one addition sums two classes, and the sum of n biased weights is the
// sum of the weights plus 32768 n. The sums are exact while fewer than
// 65,537 rows are added at once.
package lanes

// Mask keeps the even lanes of a word (classes 0 and 2 of its four), in
// the low 16 bits of each 32-bit half; shifted right by 16 first, a word
// gives its odd lanes.
const Mask = 0x0000ffff0000ffff

// Zero is a word of four zero weights.
const Zero = 0x8000800080008000

// Bias returns w stored biased.
func Bias(w int16) uint64 { return uint64(uint16(w) ^ 0x8000) }

// Set sets class c of a row to w.
func Set(row []uint64, c int, w int16) {
	sh := 16 * uint(c%4)
	row[c/4] = row[c/4]&^(0xffff<<sh) | Bias(w)<<sh
}

// Unbias returns the sum of n weights from the sum of their biased forms,
// as a lane holds it (the low 32 bits of sum).
func Unbias(sum uint64, n int) int32 { return int32(int64(uint32(sum)) - 32768*int64(n)) }

// AddRows adds to out, class by class, the rows data[off:off+words] for
// each off in offs: word i of a row holds classes 4i to 4i+3. Classes at or
// beyond len(out) are left out.
func AddRows(out []int32, data []uint64, offs []uint32, words int) {
	n := len(offs)
	i := 0
	if haveBlocks && n > 0 && n < 65537 {
		i = addRowsBlocks(out, data, offs, words)
	}
	// Four words (16 classes) at a time: the sums stay in registers and
	// each row costs one bounds check.
	for ; i+4 <= words && 4*i+16 <= len(out); i += 4 {
		var e0, o0, e1, o1, e2, o2, e3, o3 uint64
		for _, off := range offs {
			w := (*[4]uint64)(data[int(off)+i : int(off)+i+4])
			e0 += w[0] & Mask
			o0 += w[0] >> 16 & Mask
			e1 += w[1] & Mask
			o1 += w[1] >> 16 & Mask
			e2 += w[2] & Mask
			o2 += w[2] >> 16 & Mask
			e3 += w[3] & Mask
			o3 += w[3] >> 16 & Mask
		}
		o := (*[16]int32)(out[4*i : 4*i+16])
		for j, s := range [8]uint64{e0, o0, e1, o1, e2, o2, e3, o3} {
			o[j/2*4+j%2] += Unbias(s, n)
			o[j/2*4+j%2+2] += Unbias(s>>32, n)
		}
	}
	for ; i < words; i++ {
		var e, o uint64
		for _, off := range offs {
			w := data[int(off)+i]
			e += w & Mask
			o += w >> 16 & Mask
		}
		for j, s := range [4]uint64{e, o, e >> 32, o >> 32} {
			if c := 4*i + j; c < len(out) {
				out[c] += Unbias(s, n)
			}
		}
	}
}

// addRowsBlocks adds the first words of the rows to out with addBlocks,
// 16 classes at a time, and returns how many words it added: none when a
// row runs past the end of data, which AddRows's loops then find.
func addRowsBlocks(out []int32, data []uint64, offs []uint32, words int) int {
	nb := min(words/4, len(out)/16)
	if nb == 0 {
		return 0
	}
	hi := 0
	for _, off := range offs {
		hi = max(hi, int(off))
	}
	if hi+4*nb > len(data) {
		return 0
	}
	addBlocks(&out[0], &data[0], &offs[0], len(offs), 0, nb)
	i := 4 * nb
	// A last block of whole words whose classes run past the end of out
	// (93 classes in 24 words) is summed aside.
	if rest := len(out) - 4*i; i+4 <= words && rest > 0 && hi+i+4 <= len(data) {
		var tmp [16]int32
		addBlocks(&tmp[0], &data[0], &offs[0], len(offs), i, 1)
		for c, v := range tmp[:min(rest, 16)] {
			out[4*i+c] += v
		}
		i += 4
	}
	return i
}
