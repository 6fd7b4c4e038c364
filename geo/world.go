package geo

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Place is a country, region or organisation of the world file: its name
// and, for a country, its tile on the dashboard's map.
type Place struct {
	Code string `json:"code"` // as store.Country writes it: KAZ, EU, OSCE
	Name string `json:"name"`
	// Row and Col place the tile, from the top left; both are -1 for a
	// place without a tile.
	Row int `json:"row"`
	Col int `json:"col"`
}

// Tiled says whether the place has a tile.
func (p Place) Tiled() bool { return p.Row >= 0 }

// World is the places of a world file in its order.
type World []Place

// ReadWorld reads a world file (docs/format/world.md): lines of CODE ROW
// COL NAME, "- -" for a place without a tile, # comments. name names the
// source in errors; every bad line is reported, as "name:line: reason",
// joined with [errors.Join].
func ReadWorld(r io.Reader, name string) (World, error) {
	var w World
	var errs []error
	bad := func(line int, format string, a ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, a...)))
	}
	codes := map[string]int{}
	tiles := map[[2]int]string{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) < 4 {
			bad(n, "want CODE ROW COL NAME, got %q", strings.TrimSpace(line))
			continue
		}
		p := Place{Code: f[0], Name: strings.Join(f[3:], " "), Row: -1, Col: -1}
		if codes[p.Code] > 0 {
			bad(n, "%s again (first on line %d)", p.Code, codes[p.Code])
			continue
		}
		if f[1] != "-" || f[2] != "-" {
			row, err1 := strconv.Atoi(f[1])
			col, err2 := strconv.Atoi(f[2])
			if err1 != nil || err2 != nil || row < 0 || col < 0 || row > 99 || col > 99 {
				bad(n, "bad tile %s %s: want a row and a column, 0–99, or - -", f[1], f[2])
				continue
			}
			if other := tiles[[2]int{row, col}]; other != "" {
				bad(n, "%s on the tile of %s (%d %d)", p.Code, other, row, col)
				continue
			}
			p.Row, p.Col = row, col
			tiles[[2]int{row, col}] = p.Code
		}
		codes[p.Code] = n
		w = append(w, p)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s:%d: %w", name, n+1, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return w, nil
}

// LoadWorld reads the embedded world file.
func LoadWorld() (World, error) {
	f, err := FS.Open(WorldFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadWorld(f, "geo/"+WorldFile)
}

// Names maps each place's code to its name.
func (w World) Names() map[string]string {
	m := make(map[string]string, len(w))
	for _, p := range w {
		m[p.Code] = p.Name
	}
	return m
}
