package actor

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseEntry(t *testing.T) {
	src := `# comment
actor Kassym-Jomart Tokayev
  id Q380736
  kind person
  alias Tokayev | Tokaev | Toqaev   # transliterations
  code KAZGOV 1999-10-01 2002-01-28 Prime Minister
  code KAZGOV 2019-03-20 * President
  unsure exact day

agent GOV
  name foreign ministry | president
agent -
  name capital
agent NGO~
  name rights group
discard story
  name World Cup
`
	d, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Actors) != 1 || len(d.Agents) != 3 || len(d.Discards) != 1 {
		t.Fatalf("got %d actors, %d agents, %d discards", len(d.Actors), len(d.Agents), len(d.Discards))
	}
	a := d.Actors[0]
	if a.ID != "Q380736" || a.Kind != KindPerson || strings.Join(a.Aliases, ",") != "Tokayev,Tokaev,Toqaev" {
		t.Errorf("entry = %+v", a)
	}
	want := []Term{
		{Code: "KAZGOV", From: 19991001, To: 20020128, Role: "Prime Minister", Line: 6},
		{Code: "KAZGOV", From: 20190320, Role: "President", Line: 7},
	}
	for i, w := range want {
		if a.Terms[i] != w {
			t.Errorf("term %d = %+v, want %+v", i, a.Terms[i], w)
		}
	}
	if g := d.Agents[1]; g.Role != "" || g.Code("KAZ") != "KAZ" {
		t.Errorf("agent - = %+v", g)
	}
	if g := d.Agents[2]; g.Code("USA") != "NGOUSA" {
		t.Errorf("agent NGO~ code = %q", g.Code("USA"))
	}
	if !d.Discards[0].Story {
		t.Error("discard story not marked")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // messages, in order
		actors   int      // entries kept
	}{
		{"unknown field", "actor A\n  alais B\n  code AAA\n", []string{"x.txt:2: unknown field \"alais\""}, 1},
		{"bad kind", "actor A\n  kind planet\n  code AAA\n", []string{"x.txt:2: unknown kind \"planet\""}, 1},
		{"dates out of order", "actor A\n  code AAAGOV 2020 2019\n", []string{"x.txt:2: dates out of order"}, 1},
		{"bad date", "actor A\n  code AAAGOV 2019-02-30 *\n", []string{"x.txt:2: bad date \"2019-02-30\": no such day"}, 1},
		{"one date", "actor A\n  code AAAGOV 2019\n", []string{"x.txt:2: bad code line"}, 1},
		{"lower-case code", "actor A\n  code kaz\n", []string{"x.txt:2: bad code \"kaz\""}, 1},
		{"field outside", "  alias B\nactor A\n  code AAA\n", []string{"x.txt:1: field \"alias\" outside an entry"}, 1},
		{"no name", "actor\n  code AAA\nactor B\n  code BBB\n", []string{"x.txt:1: actor has no name"}, 1},
		{"bad keyword", "actr A\n  code AAA\nactor B\n", []string{"x.txt:1: want \"actor NAME\""}, 1},
		{"all at once", "actor A\n  foo x\n  code 12\nactor B\n  kind x\n", []string{"x.txt:2:", "x.txt:3:", "x.txt:5:"}, 2},
		{"empty alias", "actor A\n  alias B | | C\n", []string{"x.txt:2: empty name"}, 1},
		{"agent without names", "agent GOV\nagent MIL\n  name troops\n", []string{"x.txt:1: agent GOV has no names"}, 0},
		{"bad agent role", "agent gov\n  name x\n", []string{"x.txt:1: bad agent role"}, 0},
		{"invalid utf-8", "actor A\xff\n", []string{"x.txt:1: invalid UTF-8"}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse("x.txt", []byte(tc.in))
			if err == nil {
				t.Fatal("no error")
			}
			got := strings.Split(err.Error(), "\n")
			if len(got) != len(tc.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(got), len(tc.want), err)
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("error %d = %q, want prefix %q", i, got[i], w)
				}
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Errorf("error is not a *SyntaxError: %T", err)
			}
			if len(d.Actors) != tc.actors {
				t.Errorf("kept %d actors, want %d", len(d.Actors), tc.actors)
			}
		})
	}
}

func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"actors/a.txt": {Data: []byte("actor Kazakhstan\n  kind country\n  code KAZ\n  bad x\n")},
		"actors/b.txt": {Data: []byte("actor Russia\n  kind country\n  code RUS\n")},
		"agents.txt":   {Data: []byte("agent MIL\n  name troops\n")},
		"other.txt":    {Data: []byte("not read")},
	}
	d, err := Load(fsys)
	if err == nil || err.Error() != `actors/a.txt:4: unknown field "bad"` {
		t.Errorf("err = %v", err)
	}
	if len(d.Actors) != 2 || len(d.Agents) != 1 {
		t.Errorf("got %d actors, %d agents", len(d.Actors), len(d.Agents))
	}
	if _, err := Load(fstest.MapFS{}); err == nil {
		t.Error("empty FS: no error")
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		end  bool
		want Date
		bad  bool
	}{
		{"2019", false, 20190101, false},
		{"2019", true, 20191231, false},
		{"2019-02", true, 20190228, false},
		{"2020-02", true, 20200229, false},
		{"2019-03-20", false, 20190320, false},
		{"2019-13", false, 0, true},
		{"19-03-20", false, 0, true},
		{"2019-3-20", false, 0, true},
		{"2019-03-20-1", false, 0, true},
	}
	for _, tc := range tests {
		got, err := parseDate(tc.in, tc.end)
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("parseDate(%q, %v) = %v, %v; want %v (error %v)", tc.in, tc.end, got, err, tc.want, tc.bad)
		}
	}
}

func TestTermOn(t *testing.T) {
	a := &Actor{Terms: []Term{
		{Code: "HOB"},
		{Code: "HOBMIL", From: 20121109, To: 20130119, Role: "exception, listed first"},
		{Code: "HOBGOV", From: 20100101, To: 20200101, Role: "counsellor"},
		{Code: "HOBELI", From: 20200102},
	}}
	tests := []struct {
		day      Date
		code     string
		role     string
		found    bool
		explains string
	}{
		{20000101, "HOB", "", true, "the undated default"},
		{20121201, "HOBMIL", "exception, listed first", true, "the first listed dated term wins"},
		{20150101, "HOBGOV", "counsellor", true, ""},
		{20250101, "HOBELI", "", true, ""},
		{0, "HOBELI", "", true, "no date: the open term"},
	}
	for _, tc := range tests {
		got, ok := a.TermOn(tc.day)
		if ok != tc.found || got.Code != tc.code || got.Role != tc.role {
			t.Errorf("TermOn(%v) = %+v, %v; want %s %q (%s)", tc.day, got, ok, tc.code, tc.role, tc.explains)
		}
	}
}
