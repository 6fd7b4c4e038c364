package pipeline

import (
	"strings"
	"testing"
)

func TestIsCaption(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"The envoy lands in the capital on March 3, 2019. Photo: AFP", true},
		{"Both delegations put their names to a memorandum / Photo:", true},
		{"File photo of the president at a forum. (Reuters)", true},
		{"Ministers meet in Lima, Peru, 14 March 2019.REUTERS", true},
		{"The king receives his guests at the palace on May 2. © REUTERS", true},
		{"Photo: the ministers shake hands after the talks.", true},
		{"In this file photo, the two presidents meet in Astana.", true},
		{"The ministers signed an agreement on trade, officials said.", false},
		{"KABUL (Reuters) - The Taliban said on Monday it had met Tajik officials.", false},
		{"He said the photo showed the border post.", false},
		{"Kazakhstan and China agreed to expand ties, Xinhua reported.", false},
		{"With reporting by Reuters", false},
		{"Mongolia ships winter fuel to Kyrgyzstan (PHOTO)", false},
		{"Leaders meet in Astana [VIDEO]", false},
		{"File photo of the talks. (Reuters) (PHOTO) ", true},
		{"Photo: the leaders at the summit [video]\t", true},
		{"", false},
	} {
		if got := isCaption(tc.line); got != tc.want {
			t.Errorf("isCaption(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestContainsFold(t *testing.T) {
	if !hasCreditWord("İMAGE") || !hasCreditWord("a PHOTO") || hasCreditWord("a phot") {
		t.Error("hasCreditWord")
	}
	for _, s := range []string{"", "P", "PHOTO", "a Photograph", "phot", "xPhOtO", "İmage", "GETTY IMAGES", "Ph\u00f6to", "@PHOTO["} {
		for _, w := range []string{"photo", "image", "getty"} {
			if got, want := containsFold(strings.ToLower(s), w), strings.Contains(strings.ToLower(s), w); got != want {
				t.Errorf("containsFold(%q, %q) = %v, want %v", s, w, got, want)
			}
			if !strings.Contains(s, "İ") && containsFold(s, w) != containsFold(strings.ToLower(s), w) {
				t.Errorf("containsFold(%q, %q) depends on case", s, w)
			}
		}
	}
}

func TestLineAround(t *testing.T) {
	text := "Title\n\nFirst line here.\nSecond line."
	if got := lineAround(text, 7, 12); got != "First line here." {
		t.Errorf("lineAround = %q", got)
	}
	if got := lineAround(text, 30, 36); got != "Second line." {
		t.Errorf("lineAround = %q", got)
	}
	if got := lineAround(text, 40, 50); got != "" {
		t.Errorf("out of range: %q", got)
	}
	long := strings.Repeat("word ", 1000) + "Photo: AFP"
	if got := lineAround(long, 4000, 4010); got != "" {
		t.Errorf("a line longer than maxCaption: %q…", got[:20])
	}
}

// BenchmarkLineAround is the caption check on one sentence of a story
// that is a single 50 MB line: it must not read the whole line.
func BenchmarkLineAround(b *testing.B) {
	text := strings.Repeat("The minister met his counterpart. ", 50<<20/34)
	for b.Loop() {
		isCaption(lineAround(text, len(text)/2, len(text)/2+34))
	}
}
