// Package dedup finds near-duplicate stories — wire copies, re-posts with
// small edits, the same report under another headline or boilerplate — by
// MinHash over word shingles with locality-sensitive hashing (LSH).
//
// [Sign] turns a story's text into a [Signature] of [NumHashes] minimum
// hashes of its word [ShingleSize]-grams (words lower-cased, punctuation
// dropped). The fraction of equal positions of two signatures estimates
// the Jaccard similarity of their shingle sets ([Similarity]). To find
// candidates without comparing every pair, a signature is cut into [Bands]
// bands of [Rows] rows and each band hashed to a key ([Signature.Bands]):
// stories that share a key are candidates, and candidates whose estimated
// Jaccard is at least [Threshold] are duplicates.
//
// With 32 bands of 4 rows, two stories of Jaccard s share a band with
// probability 1−(1−s⁴)³²: 0.87 at s = 0.4, 0.9997 at s = 0.6, so the band
// step loses almost no pair above the threshold. The threshold 0.5 and
// the shingle size 3 were chosen on the evaluation set of dedup_test.go
// (copies with dropped, added and changed sentences and words, other
// headlines and boilerplate; hard negatives written from the same
// templates about other countries): docs/ingest.md gives the numbers.
//
// Signatures and band keys are deterministic: the same text gives the same
// keys in every process and version of Go, so they can be stored. The
// package does no I/O and keeps no state.
package dedup

import (
	"encoding/binary"
	"errors"
	"hash/fnv"
	"unicode"
	"unicode/utf8"
)

// Parameters of the signatures. Changing any of them changes every band
// key: stored keys must then be recomputed.
const (
	NumHashes   = 128
	Bands       = 32
	Rows        = NumHashes / Bands
	ShingleSize = 3
	// Threshold is the estimated Jaccard similarity from which two stories
	// are near-duplicates.
	Threshold = 0.5
)

// Signature is the MinHash signature of a text.
type Signature [NumHashes]uint32

// seeds are the odd multipliers and the offsets of the hash functions,
// from a fixed splitmix64 sequence.
var seeds = func() (s [NumHashes][2]uint64) {
	x := uint64(0x5eed_fa4a_b1_0000)
	for i := range s {
		x = splitmix(x)
		s[i][0] = x | 1
		x = splitmix(x)
		s[i][1] = x
	}
	return s
}()

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	z := x
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Sign returns the signature of text. A text of fewer than ShingleSize
// words has one shingle of all its words; an empty text has the signature
// of no shingles (every position the maximum), similar to nothing.
func Sign(text string) Signature { return sign(text, ShingleSize) }

// sign is Sign with shingles of k words.
func sign(text string, k int) Signature {
	var sig Signature
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	words := Words(text)
	if len(words) == 0 {
		return sig
	}
	n := len(words) - k + 1
	if n < 1 {
		n = 1
	}
	seen := make(map[uint64]bool, n)
	for i := range n {
		h := fnv.New64a()
		for j := i; j < min(i+k, len(words)); j++ {
			h.Write([]byte(words[j]))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		if seen[x] {
			continue
		}
		seen[x] = true
		for k := range sig {
			// A multiply-shift hash: the high bits of a·x+b.
			v := uint32((seeds[k][0]*x + seeds[k][1]) >> 32)
			if v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
}

// Words returns the words of text as Sign sees them: runs of letters and
// digits, lower-cased. Apostrophes inside words are dropped ("Kazakhstan's"
// → "kazakhstans").
func Words(text string) []string {
	var words []string
	var cur []byte
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = utf8.AppendRune(cur, unicode.ToLower(r))
		case r == '\'' || r == '’':
			// inside a word: skip
		default:
			flush()
		}
	}
	flush()
	return words
}

// Similarity estimates the Jaccard similarity of the shingle sets of the
// texts that gave a and b. Two empty texts are not similar.
func Similarity(a, b *Signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] && a[i] != ^uint32(0) {
			same++
		}
	}
	return float64(same) / NumHashes
}

// Duplicate reports whether a and b are near-duplicates.
func Duplicate(a, b *Signature) bool { return Similarity(a, b) >= Threshold }

// Best returns the index of the signature among cands most similar to sig
// and their similarity, when it is at least Threshold; otherwise -1. Ties
// go to the first.
func Best(sig *Signature, cands []Signature) (int, float64) {
	best, bestSim := -1, 0.0
	for i := range cands {
		if sim := Similarity(sig, &cands[i]); sim >= Threshold && sim > bestSim {
			best, bestSim = i, sim
		}
	}
	return best, bestSim
}

// Bands returns the LSH band keys of the signature, one per band; the
// band's number is part of its key, so keys of different bands never
// collide by construction. An empty text's signature has no keys.
func (s *Signature) Bands() []uint64 {
	if s.empty() {
		return nil
	}
	keys := make([]uint64, Bands)
	var buf [4 + 4*Rows]byte
	for b := range Bands {
		binary.LittleEndian.PutUint32(buf[:4], uint32(b))
		for r := range Rows {
			binary.LittleEndian.PutUint32(buf[4+4*r:], s[b*Rows+r])
		}
		h := fnv.New64a()
		h.Write(buf[:])
		keys[b] = h.Sum64()
	}
	return keys
}

func (s *Signature) empty() bool {
	for _, v := range s {
		if v != ^uint32(0) {
			return false
		}
	}
	return true
}

// Bytes encodes the signature for storage: NumHashes little-endian uint32.
func (s *Signature) Bytes() []byte {
	out := make([]byte, 4*NumHashes)
	for i, v := range s {
		binary.LittleEndian.PutUint32(out[4*i:], v)
	}
	return out
}

// ErrSignature reports stored bytes that are not a signature of this
// package's parameters.
var ErrSignature = errors.New("dedup: not a signature of 128 hashes")

// Decode reads a signature written by Bytes.
func Decode(b []byte) (Signature, error) {
	var s Signature
	if len(b) != 4*NumHashes {
		return s, ErrSignature
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s, nil
}
