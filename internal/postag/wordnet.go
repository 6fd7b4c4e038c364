package postag

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
)

// LexiconFromWordNet builds a lexicon from the WordNet 3.0 database files
// in dir (index.noun, index.verb, index.adj, index.adv, the *.exc files and
// data.noun, as Debian's wordnet-base installs them in /usr/share/wordnet).
// It keeps single words only (no collocations), marks a class common when
// WordNet's tagged sense count for it is above zero, marks a noun a name
// when every word of its synsets is capitalized ("Paris", "Einstein"), and
// keeps the irregular inflections of the exception lists.
func LexiconFromWordNet(dir string) (*Lexicon, error) {
	lx := NewLexicon()
	for _, p := range []struct {
		file  string
		class uint16
	}{{"index.noun", lxNoun}, {"index.verb", lxVerb}, {"index.adj", lxAdj}, {"index.adv", lxAdv}} {
		err := eachLine(filepath.Join(dir, p.file), func(line string) error {
			if strings.HasPrefix(line, " ") {
				return nil // the licence at the head of the file
			}
			f := strings.Fields(line)
			if len(f) < 4 {
				return fmt.Errorf("short index line")
			}
			// lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
			np, err := strconv.Atoi(f[3])
			if err != nil || np < 0 || 4+np+2 > len(f) {
				return fmt.Errorf("bad pointer count %q", f[3])
			}
			tagged, err := strconv.Atoi(f[4+np+1])
			if err != nil {
				return fmt.Errorf("bad tagged sense count %q", f[4+np+1])
			}
			w := f[0]
			if !validLexWord(w) {
				return nil
			}
			lx.words[w] |= p.class
			if tagged > 0 {
				lx.words[w] |= p.class << 5
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	// Nouns whose every use in a synset is capitalized are names.
	common := map[string]bool{}
	named := map[string]bool{}
	err := eachLine(filepath.Join(dir, "data.noun"), func(line string) error {
		if strings.HasPrefix(line, " ") {
			return nil
		}
		f := strings.Fields(line)
		// synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] ...
		if len(f) < 4 {
			return fmt.Errorf("short data line")
		}
		n, err := strconv.ParseUint(f[3], 16, 8)
		if err != nil || 4+2*int(n) > len(f) {
			return fmt.Errorf("bad word count %q", f[3])
		}
		for i := range int(n) {
			w := f[4+2*i]
			low := strings.ToLower(w)
			if unicode.IsUpper([]rune(w)[0]) {
				named[low] = true
			} else {
				common[low] = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for w := range named {
		if !common[w] && lx.words[w]&lxNoun != 0 {
			lx.words[w] |= lxName
		}
	}
	for _, p := range []struct {
		file  string
		class uint16
	}{{"noun.exc", lxNoun}, {"verb.exc", lxVerb}, {"adj.exc", lxAdj}, {"adv.exc", lxAdv}} {
		err := eachLine(filepath.Join(dir, p.file), func(line string) error {
			f := strings.Fields(line)
			if len(f) < 2 {
				return fmt.Errorf("want a form and its lemmas")
			}
			if !validLexWord(f[0]) {
				return nil
			}
			for _, lemma := range f[1:] {
				if validLexWord(lemma) && lemma != f[0] {
					lx.exc[f[0]] = append(lx.exc[f[0]], excEntry{p.class, lemma})
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return lx, nil
}

// eachLine calls f with each line of a file, adding the file and line to
// its errors.
func eachLine(path string, f func(string) error) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		if err := f(sc.Text()); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", path, n+1, err)
	}
	return nil
}

// WordNetGlosses returns the glosses of the synsets of a WordNet 3.0
// database in dir (data.noun, data.verb, data.adj, data.adv), each cut at
// its semicolons into definitions and examples, quotation marks
// removed: unlabelled English text to learn word clusters from
// (LearnClusters).
func WordNetGlosses(dir string) ([]string, error) {
	var out []string
	for _, file := range []string{"data.noun", "data.verb", "data.adj", "data.adv"} {
		err := eachLine(filepath.Join(dir, file), func(line string) error {
			if strings.HasPrefix(line, " ") {
				return nil // the licence at the head of the file
			}
			_, gloss, ok := strings.Cut(line, "| ")
			if !ok {
				return fmt.Errorf("no gloss")
			}
			for part := range strings.SplitSeq(gloss, ";") {
				if part = strings.TrimSpace(strings.Trim(strings.TrimSpace(part), "\"")); part != "" {
					out = append(out, part)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
