package dict_test

import (
	"bufio"
	"strings"
	"testing"

	"farabi/dict"
	"farabi/internal/actor"
)

// TestCountryCodes checks that actor.IsCountryCode knows exactly the codes
// of the dictionary's countries, so the coder's test of a country agrees
// with the dictionary the engine loads by default.
func TestCountryCodes(t *testing.T) {
	f, err := dict.FS.Open("actors/countries.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	kind, n := "", 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		switch {
		case len(fs) == 0:
		case fs[0] == "actor":
			kind = ""
		case fs[0] == "kind" && len(fs) > 1:
			kind = fs[1]
		case fs[0] == "code" && len(fs) > 1:
			code := fs[1][:min(3, len(fs[1]))]
			if got := actor.IsCountryCode(code); got != (kind == "country") {
				t.Errorf("countries.txt:%d: IsCountryCode(%q) = %v, kind %s", n+1, code, got, kind)
			}
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"GCC", "SCO", "CIS", "CAS", "EU", "KAZG", "kaz", "W A"} {
		if actor.IsCountryCode(c) {
			t.Errorf("IsCountryCode(%q) = true", c)
		}
	}
}

// TestActorsCheck runs farabi dict check's tests on the embedded actor
// dictionary: it must have no problem (a name two entries share at once,
// overlapping terms, an unknown code).
func TestActorsCheck(t *testing.T) {
	d, err := actor.Load(dict.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range actor.Check(d) {
		t.Error(e)
	}
}
