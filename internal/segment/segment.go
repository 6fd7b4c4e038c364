// Package segment splits raw text into sentences.
//
// A [Splitter] tokenizes the text with package tokenize and puts a sentence
// boundary after final punctuation (. ! ? … and runs of them, with any
// closing quotes and brackets after them) when the next word can start a
// sentence, and at line breaks that end a paragraph, a headline, a dateline
// or a list item. Abbreviations and initials ("Gen.", "U.S.", "J. R.") end a
// sentence only before a word that typically starts one. Spans are byte
// offsets into the text, trimmed of white space; they are in order and do
// not overlap. A Splitter is safe for concurrent use.
package segment

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"farabi/internal/tokenize"
	"farabi/internal/ud"
)

// Splitter finds sentence boundaries.
type Splitter struct {
	tok      *tokenize.Tokenizer
	titles   map[string]bool // abbreviations that never end a sentence
	starters map[string]bool // words that often start a sentence
	blocks   sync.Pool       // of *ud.Sentence: a block's tokens before they are cut into sentences
}

// New returns a Splitter for English news text.
func New() *Splitter {
	sp := &Splitter{tok: tokenize.New(), titles: map[string]bool{}, starters: map[string]bool{}}
	for _, w := range strings.Fields(titles) {
		sp.titles[w] = true
	}
	for _, w := range strings.Fields(starters) {
		sp.starters[w] = true
	}
	return sp
}

// titles are abbreviations that stand before a name or a number, so a
// capitalised word after them continues the sentence.
const titles = `mr. mrs. ms. dr. prof. gen. col. lt. sgt. capt. maj. adm. cmdr. gov. sen. rep.
 pres. amb. rev. fr. st. mt. no. nos. vol. pp. fig. hon. messrs. mme. mlle. jan. feb. mar. apr.
 jun. jul. aug. sep. sept. oct. nov. dec. e.g. i.e. vs. v. cf. art. ch. para. tel. ext.`

// starters are capitalised words that, after an abbreviation such as
// "U.S." or "Inc.", signal a new sentence.
const starters = `The A An He She It They We I You This That These Those There His Her Its Their Our My
 But And However In On At For After Before When While If As Meanwhile Also Yet So Still Then Now
 Today Yesterday Last Next Earlier Later According Moreover Furthermore Although Despite Since`

// Limits that keep pathological input (a 50 MB line, a list of words with no
// punctuation) from making sentences no parser can use.
const (
	// MaxWords is the most words a sentence gets: a longer run is cut
	// at its last comma, semicolon, colon or dash, else at the limit.
	MaxWords = 200
	// maxBlock is the most bytes of text tokenized at once; a longer
	// paragraph is cut at white space.
	maxBlock = 64 << 10
)

// Split returns the spans of the sentences of text.
func (sp *Splitter) Split(text string) []ud.Span {
	var out []ud.Span
	for _, s := range sp.Sentences(text) {
		out = append(out, s.Span)
	}
	return out
}

// Sentences splits text into tokenized sentences. Each sentence's Text is
// its span of text, and token spans are offsets into text.
func (sp *Splitter) Sentences(text string) []*ud.Sentence {
	var out []*ud.Sentence
	for _, line := range lines(text) {
		for _, b := range cutBlock(text, line) {
			out = sp.splitBlock(out, text, b)
		}
	}
	return out
}

// Blocks returns the spans of text that sentences never cross, in order:
// paragraphs and lines, cut to at most 64 KB. Sentences(text[b]) for each
// block b gives the same sentences as Sentences(text), with offsets
// relative to the block.
func (sp *Splitter) Blocks(text string) []ud.Span {
	var out []ud.Span
	for _, line := range lines(text) {
		out = append(out, cutBlock(text, line)...)
	}
	return out
}

// SentencesIn splits one block of text (from Blocks) into sentences whose
// offsets point into text.
func (sp *Splitter) SentencesIn(text string, block ud.Span) []*ud.Sentence {
	return sp.splitBlock(nil, text, block)
}

// cutBlock cuts a block longer than maxBlock at white space.
func cutBlock(text string, b ud.Span) []ud.Span {
	if b.Len() <= maxBlock {
		return []ud.Span{b}
	}
	var out []ud.Span
	for b.Len() > maxBlock {
		cut := b.Start + maxBlock
		if i := strings.LastIndexAny(text[b.Start:cut], " \t\n"); i > 0 {
			cut = b.Start + i
		} else {
			for cut < b.End && !utf8.RuneStart(text[cut]) {
				cut++
			}
		}
		out = append(out, ud.Span{Start: b.Start, End: cut})
		b.Start = cut
	}
	return append(out, b)
}

// lines returns the blocks of text that no sentence crosses: a blank line
// always ends one, and so does a single line break unless the next line
// continues the last one (it starts in lower case, and the line before does
// not end a sentence).
func lines(text string) []ud.Span {
	var out []ud.Span
	start := 0
	for start < len(text) {
		nl := strings.IndexByte(text[start:], '\n')
		end := len(text)
		if nl >= 0 {
			end = start + nl
		}
		// Join continuation lines.
		for end < len(text) {
			next := end + 1
			rest := text[next:]
			trimmed := strings.TrimLeft(rest, " \t\r")
			if trimmed == "" || trimmed[0] == '\n' {
				break
			}
			r, _ := utf8.DecodeRuneInString(trimmed)
			prev := strings.TrimRight(text[start:end], " \t\r")
			if !unicode.IsLower(r) || prev == "" || endsSentence(prev) {
				break
			}
			nl := strings.IndexByte(rest, '\n')
			if nl < 0 {
				end = len(text)
			} else {
				end = next + nl
			}
		}
		if strings.TrimSpace(text[start:end]) != "" {
			out = append(out, ud.Span{Start: start, End: end})
		}
		start = end + 1
	}
	return out
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == ':'
}

// maxPooledTokens is the most tokens a block buffer may hold to be kept
// for the next block.
const maxPooledTokens = 1 << 14

// splitBlock tokenizes one block and cuts it into sentences.
func (sp *Splitter) splitBlock(out []*ud.Sentence, text string, block ud.Span) []*ud.Sentence {
	// The block's tokens are copied into its sentences, so the buffer
	// they are made in serves the next block (unless it grew large).
	all, _ := sp.blocks.Get().(*ud.Sentence)
	if all == nil {
		all = new(ud.Sentence)
	}
	defer func() {
		if cap(all.Tokens) <= maxPooledTokens {
			all.Tokens, all.MultiWords = all.Tokens[:0], all.MultiWords[:0]
			sp.blocks.Put(all)
		}
	}()
	sp.tok.Append(all, text, block)
	toks := all.Tokens
	if len(toks) == 0 {
		return out
	}
	first := 0
	mw := 0
	// A dateline at the head of a block is a sentence of its own, so that
	// it is neither tagged nor parsed with the sentence it heads.
	dateline := datelineEnd(toks, false)
	for i := 0; i < len(toks); i++ {
		// (the dateline ends a sentence like a boundary, below, so that a
		// multi-word token it cuts stays whole and in one sentence)
		if !(i == dateline && first == 0) && i < len(toks)-1 && !sp.boundaryAfter(toks, first, i) {
			if i-first+1 < MaxWords {
				continue
			}
			// Too long: cut at the last clause mark, else here.
			for k := i; k > first+MaxWords/2; k-- {
				if f := toks[k].Form; f == "," || f == ";" || f == ":" || f == "–" || f == "—" || f == "-" {
					i = k
					break
				}
			}
		}
		// Closing quotes and brackets belong to the sentence they close, and
		// no sentence ends inside a multi-word token ("Stop!'d", a cut).
		end := i
		for {
			for end+1 < len(toks) && isCloser(toks[end+1].Form) && toks[end].NoSpaceAfter {
				end++
			}
			last := end
			for k := mw; k < len(all.MultiWords) && all.MultiWords[k].First <= end; k++ {
				last = max(last, all.MultiWords[k].Last)
			}
			if last == end {
				break
			}
			end = last
		}
		s := &ud.Sentence{Span: ud.Span{Start: toks[first].Span.Start, End: toks[end].Span.End}}
		s.Text = text[s.Span.Start:s.Span.End]
		s.Tokens = append([]ud.Token(nil), toks[first:end+1]...)
		for ; mw < len(all.MultiWords) && all.MultiWords[mw].First <= end; mw++ {
			m := all.MultiWords[mw]
			m.First -= first
			m.Last -= first
			s.MultiWords = append(s.MultiWords, m)
		}
		out = append(out, s)
		first = end + 1
		i = end
	}
	return out
}

func isCloser(f string) bool {
	switch f {
	case "\"", "”", "’", "'", ")", "]", "»", "›", "}":
		return true
	}
	return false
}

func isFinal(f string) bool {
	if f == "" {
		return false
	}
	for _, r := range f {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			return false
		}
	}
	return true
}

// boundaryAfter reports whether a sentence ends after toks[i] (or after the
// closing quotes and brackets that follow it).
func (sp *Splitter) boundaryAfter(toks []ud.Token, first, i int) bool {
	f := toks[i].Form
	if f == "." && isDateline(toks[first:i]) && i+1 < len(toks) && isCaps(toks[i+1].Form) {
		return false // "NUR-SULTAN. KAZINFORM –"
	}
	j := i + 1
	for j < len(toks) && isCloser(toks[j].Form) && toks[j-1].NoSpaceAfter {
		j++
	}
	if j >= len(toks) {
		return false // the block's end closes it anyway
	}
	next := toks[j].Form
	r, _ := utf8.DecodeRuneInString(next)
	canStart := unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'«([¿¡*-•", r)
	switch {
	case isFinal(f):
		if canStart {
			return true
		}
		// A lower-case word after a period that is not part of an
		// abbreviation starts a sentence too, in informal text; not
		// after an ellipsis, which often continues one.
		return (f == "." || f == "!" || f == "?") && unicode.IsLetter(r) && j == i+1
	case strings.HasSuffix(f, ".") && len(f) > 1:
		// An abbreviation or initial that kept its period.
		low := strings.ToLower(f)
		if sp.titles[low] {
			return false
		}
		if n := utf8.RuneCountInString(f); n == 2 {
			return false // an initial: "J."
		}
		return sp.starters[next]
	}
	return false
}

// isDateline reports whether toks, the words before a period, are a
// dateline's place name: a few words in capitals.
func isDateline(toks []ud.Token) bool {
	if len(toks) == 0 || len(toks) > 5 {
		return false
	}
	for _, t := range toks {
		if !isCaps(t.Form) && t.Form != "-" && t.Form != "," {
			return false
		}
	}
	return true
}

// isCaps reports whether w has two or more letters, all upper case.
func isCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// DatelineEnd returns the index of the mark that ends a dateline at the
// start of s ("BEIJING, May 17 (Xinhua) --", "ASTANA –", "KABUL:",
// "Tashkent, 12 May (UzA) --"), or -1 when s has none. The words before it
// name where the story was filed and by whom, not its actors. The Splitter
// makes a dateline a sentence of its own, so this is the sentence's last
// word when s is one.
func DatelineEnd(s *ud.Sentence) int {
	return datelineEnd(s.Tokens, true)
}

// datelineEnd returns the index of the dash or colon that ends a dateline
// at the start of toks, or -1. A dateline is a place in capitals
// ("KABUL", "NUR-SULTAN. KAZINFORM") or a capitalized place whose agency
// follows in brackets ("Tashkent, 12 May (UzA)"), with dates and other
// capitalized words between, and no word in lower case; then a spaced
// dash, or a colon right after a place in capitals. Unless alone is set,
// a word that can start a sentence must follow the mark.
func datelineEnd(toks []ud.Token, alone bool) int {
	if len(toks) < 2 || !startsUpper(toks[0].Form) {
		return -1
	}
	caps := isCaps(toks[0].Form)
	for i := 1; i < len(toks) && i < 14; i++ {
		f := toks[i].Form
		prev := &toks[i-1]
		end := false
		switch f {
		case "--", "–", "—":
			end = prev.Form == ")" || caps
		case "-":
			// A spaced hyphen, not the one in "NUR-SULTAN".
			end = !prev.NoSpaceAfter && (prev.Form == ")" || caps)
		case ":":
			end = caps && i <= 3 && allCaps(toks[:i])
		}
		if end {
			if i+1 == len(toks) {
				if alone {
					return i
				}
				return -1
			}
			next := toks[i+1].Form
			r, _ := utf8.DecodeRuneInString(next)
			if unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'«", r) {
				return i
			}
			return -1
		}
		r, _ := utf8.DecodeRuneInString(f)
		if unicode.IsLower(r) {
			return -1 // a dateline has no word in lower case
		}
	}
	return -1
}

// allCaps reports whether toks are words in capitals and hyphens.
func allCaps(toks []ud.Token) bool {
	for _, t := range toks {
		if !isCaps(t.Form) && t.Form != "-" {
			return false
		}
	}
	return true
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
