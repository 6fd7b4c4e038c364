package pipeline

import (
	"regexp"
	"strings"
)

// Photo captions are not news the story tells (GUIDELINES rule 1): a
// line that names a photo's credit or opens as a photo's description is
// a caption, and its sentences are not coded.
var (
	// "… on November 20, 2016. Photo: AFP", "… signed documents / Photo:",
	// "File photo of X. (Reuters)", "… 05 September 2017.REUTERS",
	// "… in the East Room. © REUTERS"
	creditEnd  = regexp.MustCompile(`(?i)(?:(?:^|[\s/(|—–-])(?:photo|photograph|picture|image)s?(?:\s*(?::|by|credit:?|courtesy(?: of)?)\s*[^.!?]{0,50})?\)?|©\s*[^.!?]{1,50})\s*$`)
	capsCredit = regexp.MustCompile(`[.!?"”)]\s*(?:REUTERS|AFP|AP|EPA|XINHUA|TASS|ANADOLU|GETTY IMAGES|AFP/GETTY IMAGES)\s*$`)
	photoStart = regexp.MustCompile(`(?i)^(?:file photo|photo:|in this (?:file )?photo|pictured:)`)
	// "… aid to Afghanistan (PHOTO)": a headline's tag that the story
	// has pictures, not a caption
	mediaTag = regexp.MustCompile(`(?i)\s*[(\[](?:photos?|video|videos|infographic)[)\]]\s*$`)
)

// isCaption reports whether line is a photo caption.
func isCaption(line string) bool {
	line = strings.TrimSpace(mediaTag.ReplaceAllString(line, ""))
	if line == "" {
		return false
	}
	// the marks are at a line's ends: the regular expressions read only
	// those, not the whole line at each of its sentences
	head, tail := line[:min(len(line), 40)], line[max(0, len(line)-120):]
	if !strings.Contains(strings.ToLower(head), "photo") && !strings.Contains(strings.ToLower(head), "pictured") &&
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
	low := strings.ToLower(s)
	for _, w := range []string{"photo", "picture", "image", "reuters", "xinhua", "tass", "anadolu", "getty"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	// the short agency names only in capitals ("happen" holds "ap")
	return strings.Contains(s, "AP") || strings.Contains(s, "AFP") || strings.Contains(s, "EPA")
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
