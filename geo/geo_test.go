package geo

import (
	"strings"
	"testing"
)

func TestWorld(t *testing.T) {
	w, err := LoadWorld()
	if err != nil {
		t.Fatal(err)
	}
	names := w.Names()
	for code, name := range map[string]string{"KAZ": "Kazakhstan", "CHN": "China", "EU": "European Union", "OSCE": "OSCE"} {
		if names[code] != name {
			t.Errorf("name of %s = %q, want %q", code, names[code], name)
		}
	}
	tiles := 0
	for _, p := range w {
		if p.Tiled() {
			tiles++
		}
	}
	if tiles < 180 {
		t.Errorf("%d tiles, want a world's worth", tiles)
	}
}

func TestReadWorldErrors(t *testing.T) {
	in := "KAZ 1 1 Kazakhstan\nKAZ 2 2 Again\nCHN 1 1 China\nUSA x 1 US\nGBR 1\n"
	_, err := ReadWorld(strings.NewReader(in), "w.txt")
	want := []string{"w.txt:2: KAZ again (first on line 1)", "w.txt:3: CHN on the tile of KAZ (1 1)",
		"w.txt:4: bad tile x 1", `w.txt:5: want CODE ROW COL NAME, got "GBR 1"`}
	if err == nil {
		t.Fatal("no error")
	}
	got := strings.Split(err.Error(), "\n")
	if len(got) != len(want) {
		t.Fatalf("errors:\n%s", err)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d = %q, want %q…", i, got[i], want[i])
		}
	}
}
