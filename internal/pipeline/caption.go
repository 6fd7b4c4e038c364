package pipeline

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Photo captions are not news the story tells (GUIDELINES rule 1): a
// line that names a photo's credit or opens as a photo's description is
// a caption, and its sentences are not coded.
var (
	// "… on March 3, 2019. Photo: AFP", "… a memorandum / Photo:",
	// "File photo of X. (Reuters)", "… 14 March 2019.REUTERS",
	// "… at the palace. © REUTERS"
	creditEnd  = regexp.MustCompile(`(?i)(?:(?:^|[\s/(|—–-])(?:photo|photograph|picture|image)s?(?:\s*(?::|by|credit:?|courtesy(?: of)?)\s*[^.!?]{0,50})?\)?|©\s*[^.!?]{1,50})\s*$`)
	capsCredit = regexp.MustCompile(`[.!?"”)]\s*(?:REUTERS|AFP|AP|EPA|XINHUA|TASS|ANADOLU|GETTY IMAGES|AFP/GETTY IMAGES)\s*$`)
	photoStart = regexp.MustCompile(`(?i)^(?:file photo|photo:|in this (?:file )?photo|pictured:)`)
	// "… fuel to Kyrgyzstan (PHOTO)": a headline's tag that the story
	// has pictures, not a caption
	mediaTag = regexp.MustCompile(`(?i)\s*[(\[](?:photos?|video|videos|infographic)[)\]]\s*$`)
)

// isCaption reports whether line is a photo caption.
func isCaption(line string) bool {
	// the tag ends in a bracket: most lines are spared the expression
	if t := strings.TrimRight(line, "\t\n\f\r "); strings.HasSuffix(t, ")") || strings.HasSuffix(t, "]") {
		line = mediaTag.ReplaceAllString(line, "")
	}
	line = strings.TrimSpace(line)
	if line == "" {
		return false
	}
	// the marks are at a line's ends: the regular expressions read only
	// those, not the whole line at each of its sentences
	head, tail := line[:min(len(line), 40)], line[max(0, len(line)-120):]
	lowHead := strings.ToLower(head)
	if !strings.Contains(lowHead, "photo") && !strings.Contains(lowHead, "pictured") &&
		!strings.ContainsAny(tail, "©") && !hasCreditWord(tail) {
		return false
	}
	if photoStart.MatchString(head) || capsCredit.MatchString(tail) || creditEnd.MatchString(tail) {
		return true
	}
	// an agency in brackets at the end of a line is a credit only where
	// the line speaks of a photo ("File photo of X. (Reuters)")
	low := strings.ToLower(line)
	return strings.Contains(low, "photo") && (strings.HasSuffix(low, "(reuters)") || strings.HasSuffix(low, "(afp)") || strings.HasSuffix(low, "(ap)"))
}

// maxCaption is the longest line taken for a caption, in bytes; a longer
// line is body text, and looking no further keeps the check constant per
// sentence however long a story's lines are.
const maxCaption = 1000

// hasCreditWord reports whether s holds a word a credit needs: a photo
// word or an agency in capitals.
func hasCreditWord(s string) bool {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	if !ascii {
		s = strings.ToLower(s) // "İ" lowers to "i"
	}
	for _, w := range []string{"photo", "picture", "image", "reuters", "xinhua", "tass", "anadolu", "getty"} {
		if containsFold(s, w) {
			return true
		}
	}
	// the short agency names only in capitals ("happen" holds "ap")
	return strings.Contains(s, "AP") || strings.Contains(s, "AFP") || strings.Contains(s, "EPA")
}

// containsFold reports whether s holds word, which is in lower-case ASCII
// letters, in any case of ASCII letters, without lower-casing s.
func containsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 != word[0] {
			continue
		}
		k := 1
		for k < len(word) && s[i+k]|0x20 == word[k] {
			k++
		}
		if k == len(word) {
			return true
		}
	}
	return false
}

// lineAround returns the line of text holding the byte range [start, end),
// or "" when that line is longer than maxCaption.
func lineAround(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end || end-start > maxCaption {
		return ""
	}
	lo := max(0, start-maxCaption)
	i := strings.LastIndexByte(text[lo:start], '\n')
	if i < 0 && lo > 0 {
		return ""
	}
	i += lo + 1
	hi := min(len(text), end+maxCaption)
	j := strings.IndexByte(text[end:hi], '\n')
	if j < 0 {
		if hi < len(text) {
			return ""
		}
		j = hi - end
	}
	if line := text[i : end+j]; len(line) <= maxCaption {
		return line
	}
	return ""
}
