package actor

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // a message prefix; "" for none
	}{
		{"clean", "actor Kazakhstan\n  kind country\n  code KAZ\nactor Tokayev\n  kind person\n  code KAZGOV 2019 *\n", ""},
		{"duplicate alias", "actor A\n  kind country\n  code KAZ\nactor B\n  kind country\n  alias A\n  code RUS\n",
			`x.txt:4: name "A" of "B" also names "A"`},
		{"duplicate with folding", "actor Plenković\n  kind person\n  code USAGOV\nactor Plenkovic\n  kind person\n  code USAGOV\n",
			`x.txt:4: name "Plenkovic" of "Plenkovic" also names "Plenković"`},
		{"a surname two office holders share apart in time", "actor A B\n  kind person\n  alias B\n  code USAGOV 1993 2003\nactor C B\n  kind person\n  alias B\n  code USAGOV 2004 *\n", ""},
		{"a surname two office holders share at once", "actor A B\n  kind person\n  alias B\n  code USAGOV 1993 2010\nactor C B\n  kind person\n  alias B\n  code USAMIL 2003 *\n",
			`x.txt:5: name "B" of "C B" also names "A B"`},
		{"overlapping terms", "actor A\n  kind person\n  code USAGOV 2001 2005\n  code USAMIL 2004 2008\n",
			`x.txt:4: "A": term USAMIL 2004-01-01–2008-12-31 overlaps USAGOV`},
		{"handover day is no overlap", "actor A\n  kind person\n  code USAGOV 2001 2005-03-01\n  code USAELI 2005-03-01 *\n", ""},
		{"same code may overlap", "actor A\n  kind person\n  code USAGOV 2001 2005\n  code USAGOV 2004 2008\n", ""},
		{"unknown country", "actor A\n  code XQZGOV\n", `x.txt:2: code "XQZGOV": unknown country "XQZ"`},
		{"unknown role", "actor A\n  code USAFOO\n", `x.txt:2: code "USAFOO": unknown role "FOO"`},
		{"region is a country", "actor A\n  code EURGOV\n", ""},
		{"igo tag is free", "actor A\n  code IGOWSTNAT\n", ""},
		{"bad length", "actor A\n  code USAGO\n", `x.txt:2: code "USAGO" is not made of three-letter parts`},
		{"no code", "actor A\n  kind org\n", `x.txt:1: "A" has no code`},
		{"place in a country", "actor Samarkand\n  kind place\n  code USA\n", ""},
		{"place with a role", "actor Samarkand\n  kind place\n  code USAGOV\n", `x.txt:3: place "Samarkand": code "USAGOV" is not a country's`},
		{"place in an igo", "actor Samarkand\n  kind place\n  code IGOWSTNAT\n", `x.txt:3: place "Samarkand": code "IGOWSTNAT" is not a country's`},
		{"agent role", "agent FOO\n  name x\n", `x.txt:1: agent role "FOO": unknown role "FOO"`},
		{"agent name twice", "agent GOV\n  name x\nagent MIL\n  name X\n", `x.txt:3: agent name "X" is also under agent GOV`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// countries the codes above use, after them so line numbers hold
			src := tc.in + "actor United States\n  kind country\n  code USA\nactor Europe\n  kind region\n  code EUR\n"
			d, err := Parse("x.txt", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range Check(d) {
				got = append(got, e.Error())
			}
			switch {
			case tc.want == "" && len(got) > 0:
				t.Errorf("Check = %q, want nothing", got)
			case tc.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], tc.want)):
				t.Errorf("Check = %q, want one %q", got, tc.want)
			}
		})
	}
}
