package actor

import (
	"testing"
	"time"
)

func TestVariantKey(t *testing.T) {
	for _, group := range [][]string{
		{"Berdimuhamedov", "Berdymukhammedov", "Berdimuhamedow", "Berdymukhamedov"},
		{"Mirziyoyev", "Mirziyoev"},
		{"Nazarbayev", "Nazarbaev"},
		{"Japarov", "Zhaparov", "Dzhaparov"},
		{"Jeenbekov", "Zheenbekov"},
		{"Rakhmon", "Rahmon"},
	} {
		k := variantKey(group[0])
		if k == "" {
			t.Fatalf("variantKey(%q) is empty", group[0])
		}
		for _, w := range group[1:] {
			if got := variantKey(w); got != k {
				t.Errorf("variantKey(%q) = %q, want %q as for %q", w, got, k, group[0])
			}
		}
	}
	for _, pair := range [][2]string{{"Rahmon", "Rahman"}, {"Tokayev", "Tkachev"}, {"Japarov", "Jabarov"}} {
		if variantKey(pair[0]) == variantKey(pair[1]) {
			t.Errorf("%q and %q share the key %q", pair[0], pair[1], variantKey(pair[0]))
		}
	}
	for _, w := range []string{"Putin", "Xi", "O'Brien", ""} {
		if k := variantKey(w); k != "" {
			t.Errorf("variantKey(%q) = %q, want none (too short or not letters)", w, k)
		}
	}
}

func TestFindVariant(t *testing.T) {
	d := testDict(t)
	may2025 := time.Date(2025, 5, 29, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ in, want string }{
		{"Toqayev met the minister.", "Toqayev=KAZGOV/name"},
		{"Nazarbaev arrived.", "Nazarbaev=KAZELI/name"},
		{"Nazarbayev arrived.", "Nazarbayev=KAZELI/name"},
		{"Nazarbajev arrived.", ""}, // a j for a y is no spelling the key folds
		{"Tokaiev arrived.", "Tokaiev=KAZGOV/name"},
		{"the toqayev plan", ""}, // not capitalized
	} {
		got := mentionsText(tc.in, d.Find(sentence(tc.in), Context{Date: may2025}))
		if got != tc.want {
			t.Errorf("Find(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
