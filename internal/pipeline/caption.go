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
	if photoStart.MatchString(line) || capsCredit.MatchString(line) {
		return true
	}
	if creditEnd.MatchString(line) {
		return true
	}
	// an agency in brackets at the end of a line is a credit only where
	// the line speaks of a photo ("File photo of X. (Reuters)")
	low := strings.ToLower(line)
	return strings.Contains(low, "photo") && (strings.HasSuffix(low, "(reuters)") || strings.HasSuffix(low, "(afp)") || strings.HasSuffix(low, "(ap)"))
}

// lineAround returns the line of text holding the byte range [start, end).
func lineAround(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	i := strings.LastIndexByte(text[:start], '\n') + 1
	j := strings.IndexByte(text[end:], '\n')
	if j < 0 {
		return text[i:]
	}
	return text[i : end+j]
}
