package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs farabi with args and stdin, returning the exit code and output.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb strings.Builder
	code := Main(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestActorsLookup(t *testing.T) {
	code, out, errs := runCLI(t, "", "actors", "lookup", "--date", "2025-05-29", "--json", "Tokayev")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var row map[string]any
	if err := json.Unmarshal([]byte(strings.Split(out, "\n")[0]), &row); err != nil {
		t.Fatalf("%v: %q", err, out)
	}
	for _, k := range []string{"name", "id", "code", "from", "to"} {
		if _, ok := row[k]; !ok {
			t.Errorf("no %q in %s", k, out)
		}
	}
	if row["code"] != "KAZGOV" {
		t.Errorf("Tokayev on 2025-05-29 = %v", row["code"])
	}
	code, out, _ = runCLI(t, "", "actors", "lookup", "--date", "2025-05-29", "Kassym-Jomart Tokayev")
	if code != 0 || !strings.Contains(out, "KAZGOV") {
		t.Errorf("text lookup: exit %d, %q", code, out)
	}
	if code, _, _ := runCLI(t, "", "actors", "lookup", "Nobody Atall Zzyzx"); code != 1 {
		t.Errorf("unknown name: exit %d, want 1", code)
	}
	if code, _, _ := runCLI(t, "", "actors", "lookup", "--date", "May 29", "Tokayev"); code != 2 {
		t.Errorf("bad date: exit %d, want 2", code)
	}
}

func TestActorsFind(t *testing.T) {
	in := "ASTANA (Reuters) - Kazakhstan’s President Kassym-Jomart Tokayev met Russian troops.\n"
	code, out, errs := runCLI(t, in, "actors", "find", "--date", "2025-05-29")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"stdin:19-65\tKAZGOV\tKazakhstan’s President Kassym-Jomart Tokayev", "RUSMIL\tRussian troops"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestActorsFindPetrarch(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "gold", "petrarch2-dict")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no shared PETRARCH dictionaries")
	}
	code, out, errs := runCLI(t, "Sam Gamgee met Gollum in Gondor.\n", "actors", "find", "--date", "2012-12-01", "--dict", "petrarch:"+dir)
	if code != 0 || !strings.Contains(out, "HOBGOV\tSam Gamgee") || !strings.Contains(out, "GON\tGondor") {
		t.Errorf("exit %d: %s\n%s", code, out, errs)
	}
}

func TestActorsUnknown(t *testing.T) {
	in := "Kazakhstan signed a deal with Zorblax Holdings.\nOfficials said Zorblax Holdings would build it.\n"
	code, out, errs := runCLI(t, in, "actors", "unknown")
	if code != 0 || !strings.HasPrefix(out, "2\tZorblax Holdings\n") {
		t.Errorf("exit %d: %q %s", code, out, errs)
	}
}

func TestDictCheck(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "actors"), 0o755)
	os.WriteFile(filepath.Join(dir, "actors", "a.txt"), []byte(`actor Kazakhstan
  kind country
  code KAZ
actor Someone
  kind person
  alias Kazakhstan
  code KAZGOV 2020 2010
  code KAZGOV 2000 2005
  code KAZMIL 2004 2008
  code XYZGOV
  code KAZFOO
`), 0o644)
	code, out, _ := runCLI(t, "", "dict", "check", "--dict", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		"actors/a.txt:7: dates out of order",
		`actors/a.txt:4: name "Kazakhstan" of "Someone" also names "Kazakhstan"`,
		`actors/a.txt:9: "Someone": term KAZMIL`,
		`actors/a.txt:10: code "XYZGOV": unknown country "XYZ"`,
		`actors/a.txt:11: code "KAZFOO": unknown role "FOO"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("dict check output lacks %q:\n%s", want, out)
		}
	}
}

func TestDictImport(t *testing.T) {
	file := filepath.Join("..", "..", "..", "shared", "gold", "petrarch2-dict", "PETR.Validate.agents.txt")
	if _, err := os.Stat(file); err != nil {
		t.Skip("no shared PETRARCH dictionaries")
	}
	code, out, errs := runCLI(t, "", "dict", "import", "--from", "petrarch", file)
	if code != 0 || !strings.Contains(out, "agent GOV\n") {
		t.Errorf("exit %d: %s\n%s", code, out, errs)
	}
	if code, _, _ := runCLI(t, "", "dict", "import", file); code != 2 {
		t.Errorf("no --from: exit %d, want 2", code)
	}
}
