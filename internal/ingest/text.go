package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"farabi/internal/newsdate"
)

// Reasons a source is skipped.
var (
	ErrEmpty  = errors.New("empty: no text")
	ErrBinary = errors.New("binary data, not text")
)

// magic numbers of common binary files, to name them in messages.
var magic = []struct {
	prefix, name string
}{
	{"%PDF-", "a PDF file"}, {"PK\x03\x04", "a ZIP archive (or DOCX/ODT)"}, {"\x1f\x8b", "gzip data"},
	{"\x89PNG", "a PNG image"}, {"\xff\xd8\xff", "a JPEG image"}, {"GIF8", "a GIF image"},
	{"\xd0\xcf\x11\xe0", "an old Office document"}, {"\x7fELF", "a program"}, {"SQLite format 3\x00", "a SQLite database"},
	{"BZh", "bzip2 data"}, {"\xfd7zXZ", "xz data"}, {"7z\xbc\xaf", "a 7z archive"},
}

// decodeText turns file bytes into UTF-8 text. UTF-8 (with or without a
// BOM) and UTF-16 with a BOM are read as such; other bytes that are not
// valid UTF-8 are read as Windows-1252, the usual encoding of old Western
// news files, with a warning. Binary data and text with nothing but white
// space are refused.
func decodeText(data []byte) (text, warning string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		return decodeUTF16(data)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", "", ErrEmpty
	}
	for _, m := range magic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return "", "", fmt.Errorf("%w (%s)", ErrBinary, m.name)
		}
	}
	if looksBinary(data) {
		return "", "", ErrBinary
	}
	if utf8.Valid(data) {
		return string(data), "", nil
	}
	off := firstInvalid(data)
	s, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD"), fmt.Sprintf("not UTF-8 (byte 0x%02x at offset %d): bad bytes replaced", data[off], off), nil
	}
	return string(s), fmt.Sprintf("not UTF-8 (byte 0x%02x at offset %d): read as Windows-1252", data[off], off), nil
}

// looksBinary reports NUL bytes or many control characters in the first
// 8 KB.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	ctl := 0
	for _, c := range head {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b:
			ctl++
		}
	}
	return ctl*20 > len(head)
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
}

func decodeUTF16(data []byte) (string, string, error) {
	big := data[0] == 0xfe
	data = data[2:]
	u := make([]uint16, len(data)/2)
	for i := range u {
		if big {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	s := string(utf16.Decode(u))
	if strings.TrimSpace(s) == "" {
		return "", "", ErrEmpty
	}
	if strings.ContainsRune(s, 0) {
		return "", "", ErrBinary
	}
	return s, "read as UTF-16", nil
}

// cut shortens text to at most max bytes, at the last paragraph, line or
// space break before the limit and never inside a UTF-8 sequence.
func cut(text string, max int) (string, bool) {
	if len(text) <= max {
		return text, false
	}
	t := text[:max]
	for len(t) > 0 && !utf8.ValidString(t[len(t)-min(len(t), 3):]) {
		t = t[:len(t)-1]
	}
	for _, sep := range []string{"\n\n", "\n", " "} {
		if i := strings.LastIndex(t, sep); i > max/2 {
			return t[:i], true
		}
	}
	return t, true
}

// splitTitle takes a title off the top of a plain-text story: a first line
// of at most 300 bytes followed by a blank line and more text, the layout
// of news-dev and of most saved articles.
func splitTitle(text string) (title, body string) {
	s := strings.TrimLeft(text, " \t\r\n")
	nl := strings.IndexByte(s, '\n')
	if nl <= 0 || nl > 300 {
		return "", text
	}
	first := strings.TrimSpace(s[:nl])
	rest := s[nl+1:]
	blank := strings.IndexByte(rest, '\n')
	if blank < 0 || strings.TrimSpace(rest[:blank]) != "" || strings.TrimSpace(rest) == "" || first == "" {
		return "", text
	}
	// A dateline alone on the first line ("ASTANA, May 5 –") is not a
	// title.
	if strings.HasSuffix(first, "–") || strings.HasSuffix(first, "—") || strings.HasSuffix(first, "--") {
		return "", text
	}
	return first, strings.TrimLeft(rest, " \t\r\n")
}

func dateInText(text string) (time.Time, bool) { return newsdate.InText(text, 600) }
func dateInURL(u string) (time.Time, bool) {
	if u == "" {
		return time.Time{}, false
	}
	return newsdate.InURL(u)
}

// englishWords are frequent English function words, for the language
// guess.
var englishWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "in": true, "a": true, "is": true, "that": true, "for": true,
	"on": true, "with": true, "was": true, "as": true, "by": true, "at": true, "said": true, "from": true,
	"his": true, "has": true, "have": true, "be": true, "are": true, "an": true, "it": true, "its": true,
	"will": true, "were": true, "which": true, "this": true, "their": true, "also": true, "after": true,
}

// guessLanguage says "en" when English function words make up a good part
// of the first 300 words, and "" (unknown) otherwise: farabi codes English
// and only needs to tell it from the rest.
func guessLanguage(text string) string {
	words, hits := 0, 0
	for _, w := range strings.Fields(text[:min(len(text), 4096)]) {
		w = strings.ToLower(strings.Trim(w, ".,;:!?\"'“”‘’()[]"))
		if w == "" {
			continue
		}
		words++
		if englishWords[w] {
			hits++
		}
		if words == 300 {
			break
		}
	}
	if words >= 8 && hits*100 >= words*15 {
		return "en"
	}
	return ""
}

// normLanguage turns "en-US", "EN_gb" or "eng" into "en".
func normLanguage(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	if s == "eng" {
		return "en"
	}
	if len(s) != 2 {
		return ""
	}
	return s
}
