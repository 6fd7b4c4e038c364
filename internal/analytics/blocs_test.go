package analytics

import (
	"errors"
	"strings"
	"testing"

	"farabi/geo"
)

func TestDefaultBlocs(t *testing.T) {
	b := DefaultBlocs()
	for _, tc := range []struct{ code, bloc string }{
		{"RUS", "russia"}, {"CHN", "china"}, {"EU", "west"}, {"DEU", "west"}, {"USA", "west"}, {"JPN", "west"},
		{"KOR", "west"}, {"UZB", "central-asia"}, {"TUR", "turkic"}, {"AZE", "turkic"}, {"SAU", "gulf"},
		{"IND", "south-asia"}, {"EAEU", "eurasian"}, {"UN", "global"}, {"BRA", Other}, {"KAZGOV", Other},
	} {
		if got := b.List[b.Of(tc.code)].ID; got != tc.bloc {
			t.Errorf("bloc of %s = %s, want %s", tc.code, got, tc.bloc)
		}
	}
	if last := b.List[len(b.List)-1]; last.ID != Other || len(last.Members) != 0 {
		t.Errorf("last bloc %+v, want an empty Other", last)
	}
	// Every member has a name for tables and charts.
	w, err := geo.LoadWorld()
	if err != nil {
		t.Fatal(err)
	}
	names := w.Names()
	for _, bl := range b.List {
		for _, m := range bl.Members {
			if names[m] == "" {
				t.Errorf("%s (bloc %s) has no name in geo/world.txt", m, bl.ID)
			}
		}
	}
}

func TestReadBlocsErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string // one error a line, in order
	}{
		{"empty", "# nothing\n", []string{"x.txt: no blocs"}},
		{"members first", "RUS\n[a] A\nCHN\n", []string{"x.txt:1: members before the first [bloc] header"}},
		{"bad header", "[West The West\nUSA\n", []string{"x.txt:1: bloc header without ']'", "x.txt:2: members before"}},
		{"bad id", "[The West] W\nUSA\n", []string{`x.txt:1: bad bloc id "The West"`, "x.txt:2: members before"}},
		{"reserved", "[other] Others\nUSA\n", []string{`x.txt:1: bloc id "other" is reserved`, "x.txt:2: members before"}},
		{"twice", "[a] A\nUSA\n[a] B\nCHN\n", []string{`x.txt:3: bloc "a" again (first on line 1)`}},
		{"agent", "[a] A\nUSA KAZGOV\n", []string{"x.txt:2: KAZGOV is not a country or organisation but one of its actors: write KAZ"}},
		{"lower", "[a] A\nusa\n", []string{`x.txt:2: bad code "usa"`, `x.txt:1: bloc "a" has no members`}},
		{"two blocs", "[a] A\nUSA\n[b] B\nGBR USA\n", []string{`x.txt:4: USA is already in bloc "a" (line 2)`}},
		{"no name", "[a]\nUSA\n", []string{`x.txt:1: bloc "a" has no name`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadBlocs(strings.NewReader(tc.in), "x.txt")
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			got := strings.Split(err.Error(), "\n")
			if len(got) != len(tc.want) {
				t.Fatalf("errors:\n%s\nwant %d: %q", err, len(tc.want), tc.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("error %d = %q, want %q…", i, got[i], tc.want[i])
				}
			}
			var se *SyntaxError
			if tc.name != "empty" && !errors.As(err, &se) {
				t.Errorf("%v is not a *SyntaxError", err)
			}
		})
	}
}

func FuzzReadBlocs(f *testing.F) {
	f.Add("[a] A\nUSA GBR # c\n[b] B\nCHN\n")
	f.Add("[\n]\n#")
	f.Fuzz(func(t *testing.T, in string) {
		b, err := ReadBlocs(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for i, bl := range b.List {
			for _, m := range bl.Members {
				if seen[m] || b.Of(m) != i {
					t.Fatalf("member %s in two blocs or misplaced", m)
				}
				seen[m] = true
			}
		}
		if b.List[len(b.List)-1].ID != Other {
			t.Fatal("Other is not last")
		}
	})
}
