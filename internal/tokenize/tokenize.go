// Package tokenize splits the text of a sentence into words as Universal
// Dependencies English does: punctuation apart from words, clitics and
// possessives as multi-word tokens ("didn't" is the surface token of the
// words "did" and "n't"; "Kazakhstan’s" of "Kazakhstan" and "’s"), hyphenated
// compounds split at the hyphen except after common prefixes ("e-mail",
// "co-workers"), and URLs, e-mail addresses, numbers, amounts, initials and
// abbreviations kept whole.
//
// Every word's Form is a substring of the text and its Span says where, so no
// text is copied. A Tokenizer has no state beyond its word lists; it is safe
// for concurrent use.
package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"farabi/internal/ud"
)

// Tokenizer splits sentences into words.
type Tokenizer struct {
	abbrev      map[string]bool // lower-case, with the final period: "gen."
	keepPrefix  map[string]bool // lower-case prefixes kept with a hyphen: "co"
	fusedClitic map[string][2]int
}

// New returns a Tokenizer with farabi's English word lists.
func New() *Tokenizer {
	t := &Tokenizer{abbrev: map[string]bool{}, keepPrefix: map[string]bool{}, fusedClitic: map[string][2]int{}}
	for _, a := range strings.Fields(abbreviations) {
		t.abbrev[a] = true
	}
	for _, p := range strings.Fields(hyphenPrefixes) {
		t.keepPrefix[p] = true
	}
	// Fused forms written without an apostrophe, split where UD splits them:
	// the number is the length of the first word.
	for _, f := range strings.Fields(fusedForms) {
		i := strings.IndexByte(f, '+')
		t.fusedClitic[f[:i]+f[i+1:]] = [2]int{i, 0}
	}
	return t
}

// abbreviations lists words that keep their final period.
const abbreviations = `mr. mrs. ms. dr. prof. gen. col. lt. sgt. capt. maj. adm. cmdr. gov. sen. rep.
 pres. sec. amb. rev. fr. sr. jr. st. mt. ft. ave. blvd. rd. no. nos. vol. vols. pp. fig. figs.
 jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. mon. tue. tues. wed. thu. thur. thurs. fri. sat. sun.
 inc. ltd. co. corp. bros. dept. est. approx. govt. assn. univ. intl. natl.
 e.g. i.e. etc. vs. v. cf. al. ca. viz. op. ed. eds. hon. messrs. mme. mlle.
 a.m. p.m. u.s. u.k. u.n. e.u. u.s.a. d.c. n.y. l.a.
 ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. kans. ky. la. md. mass. mich. minn.
 miss. mo. mont. neb. nev. okla. ore. pa. penn. tenn. tex. va. vt. wash. wis. wyo.
 tel. ext. approx. min. max. dist. reg. art. sec. para. ch. no.`

// hyphenPrefixes lists the prefixes that UD English keeps joined to the
// word after their hyphen.
const hyphenPrefixes = `e co pre non re post pro mid semi multi anti ex inter un sub de self
 vice neo counter over under out ultra mega mini micro macro bi tri quasi pseudo cross trans x`

// fusedForms lists forms that stand for two words with no apostrophe; the
// '+' marks where UD splits them.
const fusedForms = `can+not gon+na wan+na got+ta do+nt does+nt did+nt is+nt was+nt
 are+nt were+nt has+nt have+nt had+nt could+nt would+nt should+nt wo+nt ca+nt ai+nt`

// Sentence tokenizes text[span] and returns the sentence, with Text set to
// text[span], Span to span, and word spans as offsets into text.
func (t *Tokenizer) Sentence(text string, span ud.Span) *ud.Sentence {
	s := &ud.Sentence{Text: text[span.Start:span.End], Span: span}
	t.Append(s, text, span)
	return s
}

// Append tokenizes text[span] and appends the words and multi-word tokens to
// s, leaving its other fields alone.
func (t *Tokenizer) Append(s *ud.Sentence, text string, span ud.Span) {
	i := span.Start
	for i < span.End {
		r, n := utf8.DecodeRuneInString(text[i:span.End])
		if IsSpace(r) {
			i += n
			continue
		}
		j := i + n
		for j < span.End {
			r, n := utf8.DecodeRuneInString(text[j:span.End])
			if IsSpace(r) {
				break
			}
			j += n
		}
		before, beforeMW := len(s.Tokens), len(s.MultiWords)
		t.chunk(s, text, i, j)
		if len(s.Tokens) > before {
			// White space follows the chunk; inside it, none.
			for k := before; k < len(s.Tokens)-1; k++ {
				s.Tokens[k].NoSpaceAfter = true
			}
			s.Tokens[len(s.Tokens)-1].NoSpaceAfter = j == span.End
			for k := beforeMW; k < len(s.MultiWords); k++ {
				m := &s.MultiWords[k]
				m.NoSpaceAfter = s.Tokens[m.Last].NoSpaceAfter
			}
		}
		i = j
	}
}

// IsSpace reports whether r separates words: Unicode white space, NUL, and
// the invisible U+200B ZERO WIDTH SPACE and U+FEFF (a byte order mark or
// ZERO WIDTH NO-BREAK SPACE). The last two are breaks, not letters: web text
// puts a zero-width space where a line may break between words, and a
// stray byte order mark is where two texts were joined. Only such runes lie
// between the words of a sentence.
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == 0
}

// emit appends the word text[a:b].
func emit(s *ud.Sentence, text string, a, b int) {
	s.Tokens = append(s.Tokens, ud.Token{Span: ud.Span{Start: a, End: b}, Form: text[a:b], Head: -1})
}

// emitMulti appends the surface token text[a:b] made of the words split at
// the offsets in cuts.
func emitMulti(s *ud.Sentence, text string, a, b int, cuts ...int) {
	first := len(s.Tokens)
	prev := a
	for _, c := range cuts {
		emit(s, text, prev, c)
		prev = c
	}
	emit(s, text, prev, b)
	s.MultiWords = append(s.MultiWords, ud.MultiWord{First: first, Last: len(s.Tokens) - 1,
		Span: ud.Span{Start: a, End: b}, Form: text[a:b]})
}

// chunk splits the white-space-free text[a:b].
func (t *Tokenizer) chunk(s *ud.Sentence, text string, a, b int) {
	w := text[a:b]
	if emoticons[w] {
		emit(s, text, a, b)
		return
	}
	// An ellipsis inside a chunk separates words: "past...and".
	if i := strings.Index(w, "..."); i > 0 && i+3 < len(w) && !isURLStart(w) {
		e := a + i + 3
		for e < b && text[e] == '.' {
			e++
		}
		t.chunk(s, text, a, a+i)
		emit(s, text, a+i, e)
		if e < b {
			t.chunk(s, text, e, b)
		}
		return
	}
	// A quotation closed with no space before the next sentence:
	// "Wednesday."He added", "“fine”.Then".
	if i := quoteJoin(w); i > 0 {
		t.chunk(s, text, a, a+i)
		t.chunk(s, text, a+i, b)
		return
	}
	// Leading punctuation: opening quotes and brackets, and so on.
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:b])
		if r == '\'' || r == '’' || r == '‘' {
			// 's, 're, n't and the like standing alone are words, not quotes.
			if b-a <= 5 && isClitic(strings.ToLower(text[a:b])) {
				emit(s, text, a, b)
				return
			}
			// '90s: an elided century.
			if a+n < b && isDigit(text[a+n]) {
				break
			}
		}
		if !isOpener(r) {
			break
		}
		if isURLStart(text[a:b]) {
			break
		}
		// A run of the same character is one token ("((", "--").
		e := a + n
		for e < b {
			r2, n2 := utf8.DecodeRuneInString(text[e:b])
			if r2 != r || r == '(' || r == '"' {
				break
			}
			e += n2
		}
		emit(s, text, a, e)
		a = e
	}
	if a >= b {
		return
	}
	// Trailing punctuation, peeled off from the end and emitted in order.
	var tail []ud.Span
	for a < b {
		e := t.trailing(text, a, b)
		if e == b {
			break
		}
		tail = append(tail, ud.Span{Start: e, End: b})
		b = e
	}
	if a < b {
		t.core(s, text, a, b)
	}
	for k := len(tail) - 1; k >= 0; k-- {
		emit(s, text, tail[k].Start, tail[k].End)
	}
}

// quoteJoin returns where the next sentence starts in a chunk that runs a
// closed quotation into it ("Wednesday.\"He", "fine”.Then"): the capital
// letter after final punctuation and a closing quotation mark, with a word
// before them; 0 when there is none. "U.S." and "3.5" are no such join: a
// quotation mark must sit in it.
func quoteJoin(w string) int {
	for i := 1; i < len(w); {
		r, n := utf8.DecodeRuneInString(w[i:])
		if r != '.' && r != '!' && r != '?' && r != '"' && r != '”' && r != '»' {
			i += n
			continue
		}
		// the run of final punctuation and closing marks starting at i
		j, quote, final := i, false, false
		for j < len(w) {
			r, n := utf8.DecodeRuneInString(w[j:])
			switch r {
			case '.', '!', '?':
				final = true
			case '"', '”', '»':
				quote = true
			default:
				goto end
			}
			j += n
		}
	end:
		if quote && final && j < len(w) {
			prev, _ := utf8.DecodeLastRuneInString(w[:i])
			next, _ := utf8.DecodeRuneInString(w[j:])
			if unicode.IsUpper(next) && (unicode.IsLetter(prev) || unicode.IsDigit(prev) || prev == ')') {
				return j
			}
		}
		i = j
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '‹', '„', '(', '[', '{', '¿', '¡', '`', '*', '<', '—', '–', '…', '$', '£', '€', '¥', '#', '₸', '₽', '-', '~', '=', '+', '|', '•', '/', '_', '&':
		return true
	}
	return false
}

func isURLStart(s string) bool {
	l := strings.ToLower(s[:min(len(s), 8)])
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.") || strings.HasPrefix(l, "ftp://")
}

// trailing returns where the last trailing punctuation token of text[a:b]
// starts, or b when there is none.
func (t *Tokenizer) trailing(text string, a, b int) int {
	r, n := utf8.DecodeLastRuneInString(text[a:b])
	switch r {
	case '.':
		// A run of periods is an ellipsis.
		e := b - 1
		for e > a && text[e-1] == '.' {
			e--
		}
		if b-e >= 2 {
			if e == a {
				return b
			}
			return e
		}
		word := text[a:b]
		if e == a || t.keepsPeriod(word) {
			return b
		}
		return b - 1
	case ',', ';', ':', '!', '?', ')', ']', '}', '"', '”', '’', '\'', '»', '›', '…', '%', '*', '>', '—', '–', '-', '`', '|', '/', '_', '=', '‰', '•', '~':
		if b-n == a {
			return b
		}
		if r == '\'' || r == '’' {
			// A clitic or a possessive is handled by core; an apostrophe
			// after an s is a plural possessive ("countries'"), also core.
			low := strings.ToLower(text[max(a, b-6):b])
			if hasCliticSuffix(low) || r == '’' && strings.HasSuffix(low, "s’") || r == '\'' && strings.HasSuffix(low, "s'") {
				return b
			}
		}
		if r == '%' && !isDigit(text[b-n-1]) {
			return b
		}
		if r == ':' || r == '/' || r == '=' {
			if isURLStart(text[a:b]) {
				return b
			}
		}
		// Runs of the same mark are one token ("!!!", "?!", "--").
		e := b - n
		for e > a {
			r2, n2 := utf8.DecodeLastRuneInString(text[a:e])
			if !(r2 == r || (r == '!' || r == '?') && (r2 == '!' || r2 == '?')) || r == ')' || r == '"' || r == '’' || r == '\'' || r == '”' {
				break
			}
			e -= n2
		}
		if e == a {
			return b
		}
		return e
	}
	return b
}

// keepsPeriod reports whether word, which ends in a period, keeps it.
func (t *Tokenizer) keepsPeriod(word string) bool {
	low := strings.ToLower(word)
	if t.abbrev[low] {
		return true
	}
	core := word[:len(word)-1]
	// Initials: "J." and "J.R."
	if r, n := utf8.DecodeRuneInString(core); n == len(core) && unicode.IsLetter(r) {
		return true
	}
	// Words with short letter groups between inner periods: "U.S.",
	// "a.m.", "Ph.D.", but not "paulhastings.com".
	if strings.IndexByte(core, '.') < 0 {
		return false
	}
	for _, part := range strings.Split(core, ".") {
		if n := utf8.RuneCountInString(part); n == 0 || n > 3 {
			return false
		}
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}

var emoticons = map[string]bool{":)": true, ":-)": true, ":(": true, ":-(": true, ";)": true, ";-)": true, ":D": true, ":-D": true, ":P": true, ":p": true, "<3": true}

var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m", "`s"}

func isClitic(low string) bool {
	for _, c := range clitics {
		if low == c {
			return true
		}
	}
	return false
}

func hasCliticSuffix(low string) bool {
	for _, c := range clitics {
		if strings.HasSuffix(low, c) && len(low) > len(c) {
			return true
		}
	}
	return false
}

// core splits a chunk with its outer punctuation removed.
func (t *Tokenizer) core(s *ud.Sentence, text string, a, b int) {
	w := text[a:b]
	if isURLStart(w) || isEmail(w) || isDomain(w) {
		emit(s, text, a, b)
		return
	}
	low := strings.ToLower(w)
	// Clitics and possessives: "didn't", "Kazakhstan’s", "countries'".
	for _, c := range clitics {
		if strings.HasSuffix(low, c) && len(low) > len(c) {
			cut := b - len(c)
			if c == "n't" || c == "n’t" {
				if !hasLetter(text[a:cut]) {
					break
				}
			}
			t.splitInner(s, text, a, cut, b)
			return
		}
	}
	if (strings.HasSuffix(low, "s'") || strings.HasSuffix(low, "s’")) && len(low) > 3 {
		_, n := utf8.DecodeLastRuneInString(w)
		t.splitInner(s, text, a, b-n, b)
		return
	}
	if f, ok := t.fusedClitic[low]; ok {
		emitMulti(s, text, a, b, a+f[0])
		return
	}
	t.inner(s, text, a, b)
}

// splitInner emits text[a:b] as one multi-word token of the word(s) in
// text[a:cut] and the clitic text[cut:b]. Inner splits of the host (at
// hyphens) become words of their own before it.
func (t *Tokenizer) splitInner(s *ud.Sentence, text string, a, cut, b int) {
	// Split the host at hyphens first; the multi-word token covers only
	// the last piece and the clitic.
	start := len(s.Tokens)
	t.inner(s, text, a, cut)
	if len(s.Tokens) == start {
		emit(s, text, cut, b)
		return
	}
	last := s.Tokens[len(s.Tokens)-1]
	s.Tokens = s.Tokens[:len(s.Tokens)-1]
	emitMulti(s, text, last.Span.Start, b, cut)
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isEmail(w string) bool {
	at := strings.IndexByte(w, '@')
	return at > 0 && strings.IndexByte(w[at:], '.') > 1
}

// isDomain reports whether w looks like a host name with a path: "kazinform.kz",
// "example.com/page".
func isDomain(w string) bool {
	host := w
	if i := strings.IndexByte(w, '/'); i >= 0 {
		host = w[:i]
	}
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 || dot == len(host)-1 {
		return false
	}
	switch strings.ToLower(host[dot+1:]) {
	case "com", "org", "net", "gov", "edu", "int", "kz", "ru", "uz", "kg", "tj", "tm", "cn", "uk", "de", "fr", "eu", "io", "info":
		for _, r := range host[:dot] {
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-') {
				return false
			}
		}
		return true
	}
	return false
}

// inner splits text[a:b] at hyphens, dashes, slashes and currency signs as
// UD English does, and emits the pieces. An em dash between words
// ("countries—Uzbekistan") always splits.
func (t *Tokenizer) inner(s *ud.Sentence, text string, a, b int) {
	w := text[a:b]
	if u := unitStart(w); u > 0 {
		// "12.4bn", "5km": the number and its unit are two words.
		emit(s, text, a, a+u)
		emit(s, text, a+u, b)
		return
	}
	if !strings.ContainsAny(w, "-–—/") || keepWhole(w) {
		emit(s, text, a, b)
		return
	}
	start := a
	afterHyphen := false // whether the piece at start follows a hyphen
	for i := a; i < b; {
		r, n := utf8.DecodeRuneInString(text[i:b])
		if (r == '-' || r == '–' || r == '—' || r == '/') && i > start && i+n < b {
			left := text[start:i]
			// A prefix keeps its hyphen only where it opens a word, not
			// after another hyphen: inside a name ("Tehreek-e-Taliban",
			// "Lashkar-e-Taiba") "e" is a word of the name, split as EWT
			// splits "Hizb-e-Islami" ("amendment/anti-gay" keeps
			// "anti-gay").
			if r == '-' && !afterHyphen && t.keepPrefix[strings.ToLower(left)] {
				i += n
				continue
			}
			if r == '/' && !hasLetter(left) {
				i += n
				continue
			}
			emitPiece(s, text, start, i)
			emit(s, text, i, i+n)
			start = i + n
			afterHyphen = r == '-'
		}
		i += n
	}
	if start < b {
		emitPiece(s, text, start, b)
	}
}

// emitPiece emits a piece of a hyphenated word, a currency sign before a
// number apart: "£3,000-£5,000".
func emitPiece(s *ud.Sentence, text string, a, b int) {
	r, n := utf8.DecodeRuneInString(text[a:b])
	switch r {
	case '$', '£', '€', '¥', '₸', '₽':
		if a+n < b && isDigit(text[a+n]) {
			emit(s, text, a, a+n)
			a += n
		}
	}
	emit(s, text, a, b)
}

// keepWhole reports whether a hyphenated or slashed word stays one token:
// phone numbers and dates ("713-853-3989", "11/28/2000") and codes mixing
// letters and digits in each part ("x3-9890").
func keepWhole(w string) bool {
	digits, letters, seps := 0, 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case unicode.IsLetter(r):
			letters++
		case r == '-' || r == '/' || r == '–':
			seps++
		}
	}
	if letters == 0 && seps >= 2 {
		return true // 713-853-3989, 11/28/2000
	}
	if letters == 0 && strings.IndexByte(w, '/') >= 0 {
		return true // 9/11, 3/4
	}
	if letters == 0 && seps == 1 {
		// A local phone number: 853-3242.
		i := strings.IndexAny(w, "-–")
		return i == 3 && len(w)-i-1 == 4
	}
	if seps == 1 && letters == 2 && len(w) == 3 && w[1] == '/' {
		return true // b/c, w/o
	}
	return false
}

// unitStart returns where a unit starts in a number written with its unit,
// "12.4bn" or "5km", or 0 when w is not such a word.
func unitStart(w string) int {
	i := 0
	for i < len(w) && (isDigit(w[i]) || (w[i] == '.' || w[i] == ',') && i > 0 && i+1 < len(w) && isDigit(w[i+1])) {
		i++
	}
	if i == 0 || i == len(w) {
		return 0
	}
	switch strings.ToLower(w[i:]) {
	case "bn", "b", "m", "mn", "mln", "bln", "k", "km", "kg", "t", "mw", "gw", "kw", "twh", "gwh", "bcm", "tcm", "cm", "mm", "ha", "bpd":
		return i
	}
	return 0
}
