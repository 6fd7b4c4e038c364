package postag

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"math/rand"
	"slices"
	"strconv"
	"strings"
)

// Clusters are distributional word classes learned from unlabelled text
// (LearnClusters): each lower-cased word has a fine class and a coarse
// one, by the words seen just before and after it. The tagger reads them
// as features, which helps most with the words its treebank lacks.
type Clusters struct {
	words map[string]uint32 // lower-cased word → (coarse+1)<<16 | (fine+1)
}

// ClusterOptions are the settings of LearnClusters.
type ClusterOptions struct {
	Fine, Coarse int   // numbers of classes; 0 means 256 and 32
	MinCount     int   // words seen fewer times get no class; 0 means 3
	Contexts     int   // the most frequent words that count as contexts; 0 means 500
	Iterations   int   // k-means iterations; 0 means 15
	Seed         int64 // seeds the choice of the first centres
}

// LearnClusters learns word classes from sentences of lower-cased words:
// each word of MinCount occurrences or more is described by the counts of
// the Contexts most frequent words one and two places before and after
// it (square roots, normalized to length 1), and spherical k-means with
// k-means++ seeding splits the words into Fine classes and, separately,
// Coarse classes. The result depends only on the sentences and the
// options.
func LearnClusters(sentences [][]string, opt ClusterOptions) *Clusters {
	opt.Fine = cmp.Or(opt.Fine, 256)
	opt.Coarse = cmp.Or(opt.Coarse, 32)
	opt.MinCount = cmp.Or(opt.MinCount, 3)
	opt.Contexts = cmp.Or(opt.Contexts, 500)
	opt.Iterations = cmp.Or(opt.Iterations, 15)
	count := map[string]int{}
	for _, s := range sentences {
		for _, w := range s {
			count[w]++
		}
	}
	vocab := make([]string, 0, len(count))
	for w, c := range count {
		if c >= opt.MinCount {
			vocab = append(vocab, w)
		}
	}
	slices.SortFunc(vocab, func(a, b string) int {
		return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b))
	})
	index := make(map[string]int, len(vocab))
	for i, w := range vocab {
		index[w] = i
	}
	nctx := min(opt.Contexts, len(vocab))
	// Context dimensions: 4 positions (-2, -1, +1, +2) of nctx words and
	// one "other word" each, and the sentence's edges.
	dims := 4 * (nctx + 1)
	edge := dims
	dims++
	vecs := make([]map[int]float64, len(vocab))
	for i := range vecs {
		vecs[i] = map[int]float64{}
	}
	for _, s := range sentences {
		for i, w := range s {
			v, ok := index[w]
			if !ok {
				continue
			}
			for p, off := range [4]int{-2, -1, 1, 2} {
				j := i + off
				d := edge
				if j >= 0 && j < len(s) {
					d = p*(nctx+1) + nctx
					if c, ok := index[s[j]]; ok && c < nctx {
						d = p*(nctx+1) + c
					}
				}
				vecs[v][d]++
			}
		}
	}
	sparse := make([][]entry, len(vocab))
	for i, m := range vecs {
		var norm float64
		for _, x := range m {
			norm += x
		}
		es := make([]entry, 0, len(m))
		for d, x := range m {
			es = append(es, entry{d, math.Sqrt(x)})
		}
		slices.SortFunc(es, func(a, b entry) int { return cmp.Compare(a.dim, b.dim) })
		var n2 float64
		for _, e := range es {
			n2 += e.w * e.w
		}
		n2 = math.Sqrt(n2)
		for k := range es {
			es[k].w /= n2
		}
		sparse[i] = es
	}
	fine := kmeans(sparse, dims, min(opt.Fine, len(vocab)), opt.Iterations, opt.Seed)
	coarse := kmeans(sparse, dims, min(opt.Coarse, len(vocab)), opt.Iterations, opt.Seed+1)
	c := &Clusters{words: make(map[string]uint32, len(vocab))}
	for i, w := range vocab {
		c.words[w] = uint32(coarse[i]+1)<<16 | uint32(fine[i]+1)
	}
	return c
}

// entry is one nonzero dimension of a sparse vector.
type entry struct {
	dim int
	w   float64
}

// kmeans splits the unit vectors into k classes by spherical k-means
// (cosine similarity), with centres chosen by k-means++ from a seeded
// generator; it returns each vector's class.
func kmeans(vecs [][]entry, dims, k, iterations int, seed int64) []int {
	rng := rand.New(rand.NewSource(seed))
	centres := make([][]float64, 0, k)
	addCentre := func(v []entry) {
		c := make([]float64, dims)
		for _, e := range v {
			c[e.dim] = e.w
		}
		centres = append(centres, c)
	}
	addCentre(vecs[rng.Intn(len(vecs))])
	best := make([]float64, len(vecs)) // 1 - cosine to the nearest centre
	for i := range best {
		best[i] = math.Inf(1)
	}
	for len(centres) < k {
		last := centres[len(centres)-1]
		var sum float64
		for i, v := range vecs {
			d := 1 - dot(v, last)
			if d < best[i] {
				best[i] = d
			}
			sum += best[i] * best[i]
		}
		r := rng.Float64() * sum
		pick := len(vecs) - 1
		for i := range vecs {
			r -= best[i] * best[i]
			if r <= 0 {
				pick = i
				break
			}
		}
		addCentre(vecs[pick])
	}
	class := make([]int, len(vecs))
	for it := 0; it < iterations; it++ {
		for i, v := range vecs {
			bc, bs := 0, math.Inf(-1)
			for c, centre := range centres {
				if s := dot(v, centre); s > bs {
					bc, bs = c, s
				}
			}
			class[i] = bc
		}
		for _, c := range centres {
			clear(c)
		}
		for i, v := range vecs {
			c := centres[class[i]]
			for _, e := range v {
				c[e.dim] += e.w
			}
		}
		for _, c := range centres {
			var n float64
			for _, x := range c {
				n += x * x
			}
			if n = math.Sqrt(n); n > 0 {
				for d := range c {
					c[d] /= n
				}
			}
		}
	}
	return class
}

func dot(v []entry, c []float64) float64 {
	var s float64
	for _, e := range v {
		s += e.w * c[e.dim]
	}
	return s
}

// class returns the fine and coarse classes of lower-cased word w, each
// plus one (0 for a word without a class).
func (c *Clusters) class(w []byte) (fine, coarse uint64) {
	if c == nil {
		return 0, 0
	}
	x := c.words[string(w)]
	return uint64(x & 0xffff), uint64(x >> 16)
}

// Len returns the number of words with a class.
func (c *Clusters) Len() int {
	if c == nil {
		return 0
	}
	return len(c.words)
}

// WriteTo writes the classes as text, one word a line: the word, its fine
// class and its coarse class, separated by tabs, in order of the word;
// header lines, each after "# ", come first.
func (c *Clusters) WriteTo(w io.Writer) (int64, error) {
	return c.WriteWithHeader(w, nil)
}

// WriteWithHeader is WriteTo with header lines.
func (c *Clusters) WriteWithHeader(w io.Writer, header []string) (int64, error) {
	var b strings.Builder
	for _, h := range header {
		b.WriteString("# " + h + "\n")
	}
	words := make([]string, 0, len(c.words))
	for wd := range c.words {
		words = append(words, wd)
	}
	slices.Sort(words)
	for _, wd := range words {
		x := c.words[wd]
		fmt.Fprintf(&b, "%s\t%d\t%d\n", wd, x&0xffff-1, x>>16-1)
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// ReadClusters reads what WriteTo wrote; name is the source's name for
// errors, which give its line.
func ReadClusters(r io.Reader, name string) (*Clusters, error) {
	c := &Clusters{words: map[string]uint32{}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || t == "#" || strings.HasPrefix(t, "# ") {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 3 || f[0] == "" {
			return nil, fmt.Errorf("%s:%d: want word, fine class and coarse class separated by tabs", name, line)
		}
		fine, err1 := strconv.ParseUint(f[1], 10, 15)
		coarse, err2 := strconv.ParseUint(f[2], 10, 15)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s:%d: bad class number", name, line)
		}
		if _, dup := c.words[f[0]]; dup {
			return nil, fmt.Errorf("%s:%d: word %q twice", name, line, f[0])
		}
		c.words[f[0]] = uint32(coarse+1)<<16 | uint32(fine+1)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return c, nil
}
