package actor

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestPetrDates(t *testing.T) {
	tests := []struct {
		in       string
		from, to Date
		bad      bool
	}{
		{"<950601", 0, 19950531, false},
		{">990816", 19990817, 0, false},
		{"950601-990815", 19950601, 19990815, false},
		{"19950601-19990815", 19950601, 19990815, false},
		{"730717-070723", 19730717, 20070723, false},
		{"<20080120", 0, 20080119, false},
		{"990815-950601", 0, 0, true},
		{"95061", 0, 0, true},
		{"950631-960101", 0, 0, true},
		{"950601", 0, 0, true},
	}
	for _, tc := range tests {
		from, to, err := petrDates(tc.in)
		if (err != nil) != tc.bad || from != tc.from || to != tc.to {
			t.Errorf("petrDates(%q) = %v, %v, %v; want %v, %v (error %v)", tc.in, from, to, err, tc.from, tc.to, tc.bad)
		}
	}
}

func TestPetrTerms(t *testing.T) {
	tests := []struct {
		in   string
		want string // codes joined by ","
		bad  bool
	}{
		{"HOBGOV 950601 - 990815", "HOBGOV", false},
		{" ARN ", "ARN", false},
		{"pse", "PSE", false},
		{"ELR/GAL", "ELR,GAL", false},
		{"---", NullCode, false},
		{"### <890101", NullCode, false},
		{"+++", "", true},
		{"950601-990815", "", true},
		{"~GOV", "", true},
		{"", "", true},
	}
	for _, tc := range tests {
		ts, err := petrTerms(tc.in)
		var codes []string
		for _, x := range ts {
			codes = append(codes, x.Code)
		}
		if got := strings.Join(codes, ","); (err != nil) != tc.bad || got != tc.want {
			t.Errorf("petrTerms(%q) = %q, %v; want %q (error %v)", tc.in, got, err, tc.want, tc.bad)
		}
	}
}

func TestReadPetrarchAgents(t *testing.T) {
	src := `!PERSON! = MAN, MEN
CONGRESS!PERSON! [~LEG]
CONGRESS [~LEG] # regular plural
POLICE {} [ ~COP] # no plural
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
AUTHORITY  [~GOV]
RIGHTS_GROUP  [  NGO~]
NO CODE HERE
`
	d, err := ReadPetrarch("agents", "a.txt", []byte(src))
	if err == nil || !strings.HasPrefix(err.Error(), "a.txt:8: cannot read") {
		t.Errorf("err = %v", err)
	}
	got := map[string]string{}
	for _, g := range d.Agents {
		got[roleText(g)] = strings.Join(g.Names, "|")
	}
	want := map[string]string{
		"LEG":  "CONGRESSMAN|CONGRESSMEN|CONGRESS|CONGRESSES",
		"COP":  "POLICE",
		"GOV":  "ATTORNEY GENERAL|ATTORNEYS GENERAL|AUTHORITY|AUTHORITIES",
		"NGO~": "RIGHTS GROUP|RIGHTS GROUPS",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("agent %s names = %q, want %q", k, got[k], w)
		}
	}
}

func TestReadPetrarchActors(t *testing.T) {
	src := `<!-- a comment
spanning lines -->
UNITED_STATES [USA]
+USA
+U.S.  #JW   9/12/91
ZIMBABWE
	[RHO <790606]
	[ZBW];jw 9/30/91
AXNOR  [AR1 <911226] [AR2]
NASGUL  [###]
BAD NAME= [XXX]
`
	d, err := ReadPetrarch("actors", "x.txt", []byte(src))
	if err == nil || err.Error() != `x.txt:11: cannot read name "BAD NAME=": unexpected '='` {
		t.Errorf("err = %v", err)
	}
	if a := d.Lookup("U.S."); len(a) != 1 || a[0].Name != "UNITED STATES" {
		t.Errorf("Lookup(U.S.) = %v", a)
	}
	z := d.Lookup("Zimbabwe")[0]
	if t1, _ := z.TermOn(19700101); t1.Code != "RHO" {
		t.Errorf("Zimbabwe in 1970 = %s", t1.Code)
	}
	if t2, _ := z.TermOn(20000101); t2.Code != "ZBW" {
		t.Errorf("Zimbabwe in 2000 = %s", t2.Code)
	}
	if n := d.Lookup("Nasgul")[0]; n.Terms[0].Code != NullCode {
		t.Errorf("### read as %q", n.Terms[0].Code)
	}
}

// TestPetrarchGold reads PETRARCH2's validation dictionaries from the
// shared corpora and checks the exact list of lines they cannot read.
func TestPetrarchGold(t *testing.T) {
	dir := filepath.Join(sharedDir(), "gold")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no %s; set FARABI_SHARED to the shared corpora", dir)
	}
	tests := []struct {
		dir    string
		actors int
		agents int
		errs   []string
	}{
		{"petrarch2-dict", 127, 32, []string{
			`PETR.Validate.actors.txt:112: cannot read [+++]: code "+++" has no meaning in PETRARCH2`,
			`PETR.Validate.actors.txt:112: entry "ISILDUR" has no code`,
		}},
		{"petrarch2-dict-140226", 152, 32, []string{
			`PETR.Validate.actors.txt:162: cannot read [+++]: code "+++" has no meaning in PETRARCH2`,
			`PETR.Validate.actors.txt:162: entry "ISILDUR" has no code`,
			`PETR.Validate.actors.txt:181: cannot read name "MOUSE=": unexpected '='`,
			`PETR.Validate.actors.txt:223: cannot read [+++]: code "+++" has no meaning in PETRARCH2`,
			`PETR.Validate.actors.txt:223: entry "VOLLEYBALL" has no code`,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.dir, func(t *testing.T) {
			d, err := LoadPetrarch(filepath.Join(dir, tc.dir))
			if d == nil {
				t.Fatal(err)
			}
			var got []string
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(tc.errs, "\n") {
				t.Errorf("lines not read:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.errs, "\n"))
			}
			if len(d.Actors) != tc.actors || len(d.Agents) != tc.agents {
				t.Errorf("read %d actors, %d agent codes; want %d, %d", len(d.Actors), len(d.Agents), tc.actors, tc.agents)
			}
		})
	}
}

func TestFindPetrarch(t *testing.T) {
	fsys := fstest.MapFS{
		"x.actors.txt": {Data: []byte("BREE [BRE]\nROMENDACIL [BRE]\nTHE_SHIRE [FRO/BIL]\nARNOR_ [ARN]\nPRINCE OF DOL AMROTH\n\t[--- <950630]\n\t[DOL]\n")},
		"x.agents.txt": {Data: []byte("PRIME_MINISTER [~GOV]\nMSF {} [NGO~]\nACTIVIST [~OPP]\n")},
	}
	d, err := LoadPetrarchFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct{ in, want string }{
		{"Bree Prime Minister Romendacil left", "Bree Prime Minister Romendacil=BREGOV/title"},
		{"The Shire said", "The Shire=FRO/name; The Shire=BIL/name"},
		{"MSF Arnor said", "MSF Arnor=NGOARN/agent"},
		{"activists in Arnor said", "activists in Arnor=ARNOPP/agent"},
		{"the Prince of Dol_Amroth said", "Prince of Dol_Amroth=DOL/name"},
	}
	for _, tc := range tests {
		if got := mentionsText(tc.in, d.Find(sentence(tc.in), Context{Date: day})); got != tc.want {
			t.Errorf("Find(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}
