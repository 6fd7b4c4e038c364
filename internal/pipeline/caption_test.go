package pipeline

import "testing"

func TestIsCaption(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"The minister arrives in the capital on November 20, 2016. Photo: AFP", true},
		{"The two sides have signed a set of documents / Photo:", true},
		{"File photo of the president at a forum. (Reuters)", true},
		{"Leaders attend a summit in Xiamen, China, 05 September 2017.REUTERS", true},
		{"The president hosts a dinner in the East Room on November 6. © REUTERS", true},
		{"Photo: the ministers shake hands after the talks.", true},
		{"In this file photo, the two presidents meet in Astana.", true},
		{"The ministers signed an agreement on trade, officials said.", false},
		{"KABUL (Reuters) - The Taliban said on Monday it had met Tajik officials.", false},
		{"He said the photo showed the border post.", false},
		{"Kazakhstan and China agreed to expand ties, Xinhua reported.", false},
		{"With reporting by Reuters", false},
		{"Turkmenistan sent humanitarian aid to Afghanistan (PHOTO)", false},
		{"Leaders meet in Astana [VIDEO]", false},
		{"", false},
	} {
		if got := isCaption(tc.line); got != tc.want {
			t.Errorf("isCaption(%q) = %v, want %v", tc.line, got, tc.want)
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
}
