package postag

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// A Lexicon lists English words with the open word classes a dictionary
// gives them (noun, verb, adjective, adverb; whether a noun is only a name;
// whether a class is common for the word), and irregular inflections
// ("went" is a form of the verb "go"). The tagger uses it for words its
// treebank never saw: the tags a word's form can have are features of the
// word, and a word's lemma is found by undoing a regular or irregular
// inflection to a listed word. The committed lexicon, models/lexicon.txt,
// is derived from WordNet 3.0 and the verbs of farabi's own patterns
// ([LexiconFromWordNet], `farabi train lexicon`); its text format is
// written by [Lexicon.WriteTo] and read by [ReadLexicon].
//
// A Lexicon is read-only once built and safe for concurrent use.
type Lexicon struct {
	words map[string]uint16     // lower-case lemma → class bits (lx*)
	exc   map[string][]excEntry // lower-case inflected form → its lemmas
}

// excEntry is an irregular inflection: the form is a form of lemma, of
// class (one of lxNoun, lxVerb, lxAdj, lxAdv).
type excEntry struct {
	class uint16
	lemma string
}

// Class bits of a lexicon word. The common bits are set when the
// dictionary counts the word in that class in running text (WordNet's
// tagged sense counts), so that rare senses ("troop" as a verb) weigh less.
const (
	lxNoun = 1 << iota
	lxVerb
	lxAdj
	lxAdv
	lxName // a noun whose every sense is a name: "paris", "einstein"
	lxNounCommon
	lxVerbCommon
	lxAdjCommon
	lxAdvCommon
	lxAll = 1<<iota - 1
)

// lxLetters are the letters of the text format, one for each class bit:
// n v a r p, and N V A R for the common bits.
const lxLetters = "nvarpNVAR"

// Tag bits: the Penn Treebank tags a form can have according to the
// lexicon, as [Lexicon.analyze] returns them.
const (
	tgNN = 1 << iota
	tgNNS
	tgNNP
	tgVB
	tgVBZ
	tgVBD // VBD or VBN
	tgVBG
	tgJJ
	tgJJR
	tgJJS
	tgRB
)

// NewLexicon returns an empty lexicon.
func NewLexicon() *Lexicon {
	return &Lexicon{words: map[string]uint16{}, exc: map[string][]excEntry{}}
}

// Len returns the number of words and of irregular forms in the lexicon.
func (lx *Lexicon) Len() (words, forms int) { return len(lx.words), len(lx.exc) }

// AddVerb adds a verb to the lexicon, common in text, as the lemmas of
// farabi's verb patterns are.
func (lx *Lexicon) AddVerb(lemma string) {
	lemma = strings.ToLower(lemma)
	if validLexWord(lemma) {
		lx.words[lemma] |= lxVerb | lxVerbCommon
	}
}

func validLexWord(w string) bool {
	return w != "" && len(w) <= 64 && !strings.ContainsAny(w, " \t\n\r=_")
}

// classOfLetter returns the class bit of a part-of-speech letter of the
// text format's exceptions (n v a r), or 0.
func classOfLetter(c byte) uint16 {
	switch c {
	case 'n':
		return lxNoun
	case 'v':
		return lxVerb
	case 'a':
		return lxAdj
	case 'r':
		return lxAdv
	}
	return 0
}

func letterOfClass(c uint16) byte {
	switch c {
	case lxNoun:
		return 'n'
	case lxVerb:
		return 'v'
	case lxAdj:
		return 'a'
	}
	return 'r'
}

// ReadLexicon reads a lexicon in the text format of [Lexicon.WriteTo]:
// one word a line, lower case, a tab, then fields separated by spaces: a
// run of class letters (n v a r for noun, verb, adjective, adverb, N V A R
// when the class is common for the word, p for a noun that is only a
// name) and irregular inflections written CLASS=LEMMA ("went	v=go").
// Lines starting with # are comments. Errors name the source and line.
func ReadLexicon(r io.Reader, name string) (*Lexicon, error) {
	lx := NewLexicon()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<16)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		word, rest, ok := strings.Cut(text, "\t")
		if !ok || !validLexWord(word) || strings.ToLower(word) != word {
			return nil, fmt.Errorf("%s:%d: want a lower-case word, a tab and its classes", name, line)
		}
		if _, dup := lx.words[word]; dup {
			return nil, fmt.Errorf("%s:%d: %q listed twice", name, line, word)
		}
		if _, dup := lx.exc[word]; dup {
			return nil, fmt.Errorf("%s:%d: %q listed twice", name, line, word)
		}
		for _, f := range strings.Fields(rest) {
			if c, lemma, isExc := strings.Cut(f, "="); isExc {
				if len(c) != 1 || classOfLetter(c[0]) == 0 || !validLexWord(lemma) {
					return nil, fmt.Errorf("%s:%d: bad inflection %q, want CLASS=LEMMA with CLASS one of n v a r", name, line, f)
				}
				lx.exc[word] = append(lx.exc[word], excEntry{classOfLetter(c[0]), lemma})
				continue
			}
			var bits uint16
			for i := 0; i < len(f); i++ {
				k := strings.IndexByte(lxLetters, f[i])
				if k < 0 {
					return nil, fmt.Errorf("%s:%d: unknown class letter %q in %q", name, line, f[i], f)
				}
				bits |= 1 << k
			}
			lx.words[word] |= bits
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return lx, nil
}

// WriteTo writes the lexicon in its text format, sorted by word, after the
// given header lines (written as comments). The same lexicon always gives
// the same bytes.
func (lx *Lexicon) WriteTo(w io.Writer) (int64, error) {
	return lx.write(w, nil)
}

// WriteWithHeader is WriteTo with comment lines first: the source and
// licence of the lexicon.
func (lx *Lexicon) WriteWithHeader(w io.Writer, header []string) (int64, error) {
	return lx.write(w, header)
}

func (lx *Lexicon) write(w io.Writer, header []string) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	add := func(s string) {
		m, _ := bw.WriteString(s)
		n += int64(m)
	}
	for _, h := range header {
		add(strings.TrimRight("# "+h, " ") + "\n")
	}
	keys := make([]string, 0, len(lx.words)+len(lx.exc))
	for k := range lx.words {
		keys = append(keys, k)
	}
	for k := range lx.exc {
		if _, ok := lx.words[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b []byte
	for _, k := range keys {
		b = append(b[:0], k...)
		b = append(b, '\t')
		sep := false
		if bits := lx.words[k]; bits != 0 {
			for i := 0; i < len(lxLetters); i++ {
				if bits&(1<<i) != 0 {
					b = append(b, lxLetters[i])
				}
			}
			sep = true
		}
		for _, e := range lx.exc[k] {
			if sep {
				b = append(b, ' ')
			}
			b = append(b, letterOfClass(e.class), '=')
			b = append(b, e.lemma...)
			sep = true
		}
		b = append(b, '\n')
		add(string(b))
	}
	return n, bw.Flush()
}

// suffixRule undoes a regular inflection: a form ending in suf is a form of
// the lemma ending in add instead, with the given tag.
type suffixRule struct {
	suf, add string
	class    uint16
	tag      uint32
}

// suffixRules are the regular inflections of English, after WordNet's
// morphy, longest suffixes of a class first.
var suffixRules = []suffixRule{
	{"ches", "ch", lxNoun, tgNNS}, {"shes", "sh", lxNoun, tgNNS}, {"ses", "s", lxNoun, tgNNS},
	{"xes", "x", lxNoun, tgNNS}, {"zes", "z", lxNoun, tgNNS}, {"ies", "y", lxNoun, tgNNS},
	{"men", "man", lxNoun, tgNNS}, {"s", "", lxNoun, tgNNS},
	{"ies", "y", lxVerb, tgVBZ}, {"es", "e", lxVerb, tgVBZ}, {"es", "", lxVerb, tgVBZ}, {"s", "", lxVerb, tgVBZ},
	{"ied", "y", lxVerb, tgVBD}, {"ed", "e", lxVerb, tgVBD}, {"ed", "", lxVerb, tgVBD},
	{"ing", "e", lxVerb, tgVBG}, {"ing", "", lxVerb, tgVBG},
	{"ier", "y", lxAdj, tgJJR}, {"er", "e", lxAdj, tgJJR}, {"er", "", lxAdj, tgJJR},
	{"iest", "y", lxAdj, tgJJS}, {"est", "e", lxAdj, tgJJS}, {"est", "", lxAdj, tgJJS},
}

// maxLexWord is the longest form, in bytes, the lexicon analyzes.
const maxLexWord = 48

// lexBuf is scratch memory for the lemmas [Lexicon.each] tries.
type lexBuf [maxLexWord + 8]byte

// analyze returns the tags the lexicon allows for a lower-case form, and
// those of them that come from a class common for the lemma.
func (lx *Lexicon) analyze(w []byte, buf *lexBuf) (tags, common uint32) {
	if lx == nil || len(w) == 0 || len(w) > maxLexWord {
		return 0, 0
	}
	lx.each(w, buf, func(tag uint32, bits uint16, _ string, _ []byte) bool {
		tags |= tag
		if bits != 0 {
			common |= tag
		}
		return true
	})
	return tags, common
}

// each calls f for every analysis of the lower-case form w: a tag, the
// common bit of the lemma's class (0 if not common) and the lemma, as a
// string for an irregular form, as bytes for a regular one, empty both when
// it is w itself; until f returns false. Irregular forms come first, then w
// as a lemma, then regular inflections, built in buf.
func (lx *Lexicon) each(w []byte, buf *lexBuf, f func(tag uint32, common uint16, exc string, lemma []byte) bool) {
	for _, e := range lx.exc[string(w)] {
		common := lx.words[e.lemma] & (e.class << 5)
		if !f(excTag(w, e.class), common, e.lemma, nil) {
			return
		}
	}
	if bits, ok := lx.words[string(w)]; ok {
		for _, c := range [...]uint16{lxNoun, lxVerb, lxAdj, lxAdv} {
			if bits&c == 0 {
				continue
			}
			var tag uint32
			switch c {
			case lxNoun:
				tag = tgNN
				if bits&lxName != 0 {
					tag = tgNNP
				}
			case lxVerb:
				tag = tgVB
			case lxAdj:
				tag = tgJJ
			default:
				tag = tgRB
			}
			if !f(tag, bits&(c<<5), "", nil) {
				return
			}
		}
	}
	for i := range suffixRules {
		r := &suffixRules[i]
		if len(w) <= len(r.suf)+1 || string(w[len(w)-len(r.suf):]) != r.suf {
			continue
		}
		stem := w[:len(w)-len(r.suf)]
		lemma := append(append(buf[:0], stem...), r.add...)
		bits := lx.words[string(lemma)]
		if bits&r.class == 0 && r.add == "" && r.class == lxVerb && doubled(stem) {
			// "stopped", "planning": the consonant doubled (WordNet lists
			// its own verbs' doubled forms, not those of farabi's).
			lemma = lemma[:len(lemma)-1]
			bits = lx.words[string(lemma)]
		}
		if bits&r.class == 0 || r.class == lxNoun && bits&lxName != 0 {
			continue
		}
		if !f(r.tag, bits&(r.class<<5), "", lemma) {
			return
		}
	}
}

// doubled reports whether w ends in a doubled consonant.
func doubled(w []byte) bool {
	n := len(w)
	return n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouywxs", rune(w[n-1]))
}

// excTag returns the tag of an irregular form of a lemma of class c.
func excTag(w []byte, c uint16) uint32 {
	s := string(w)
	switch c {
	case lxNoun:
		return tgNNS
	case lxVerb:
		switch {
		case strings.HasSuffix(s, "ing"):
			return tgVBG
		case strings.HasSuffix(s, "s"):
			return tgVBZ
		}
		return tgVBD
	case lxAdj:
		if strings.HasSuffix(s, "st") {
			return tgJJS
		}
		return tgJJR
	}
	return tgRB
}

// tagOfXPOS returns the tag bit of a Penn Treebank tag, or 0 for tags the
// lexicon does not know.
func tagOfXPOS(xpos string) uint32 {
	switch xpos {
	case "NN":
		return tgNN
	case "NNS":
		return tgNNS
	case "NNP", "NNPS":
		return tgNNP
	case "VB", "VBP":
		return tgVB
	case "VBZ":
		return tgVBZ
	case "VBD", "VBN":
		return tgVBD
	case "VBG":
		return tgVBG
	case "JJ":
		return tgJJ
	case "JJR":
		return tgJJR
	case "JJS":
		return tgJJS
	case "RB":
		return tgRB
	}
	return 0
}

// lemma returns the lemma the lexicon gives the lower-case form w with the
// tag bit tag (from [tagOfXPOS]), and whether it has one. When low is w
// as a string (or ""), a lemma that is w or a prefix of it is cut from low
// rather than allocated.
func (lx *Lexicon) lemma(w []byte, tag uint32, low string, buf *lexBuf) (string, bool) {
	if lx == nil || tag == 0 || len(w) == 0 || len(w) > maxLexWord {
		return "", false
	}
	out, found := "", false
	lx.each(w, buf, func(t uint32, _ uint16, exc string, lemma []byte) bool {
		if t != tag {
			return true
		}
		switch {
		case exc != "":
			out = exc
		case lemma == nil:
			lemma = w
			fallthrough
		default:
			if low != "" && len(lemma) <= len(low) && low[:len(lemma)] == string(lemma) {
				out = low[:len(lemma)]
			} else {
				out = string(lemma)
			}
		}
		found = true
		return false
	})
	return out, found
}
