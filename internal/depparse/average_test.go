package depparse

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"testing"
)

// parses returns the heads and relations p gives the tiny treebank.
func parses(p *Parser, t *testing.T) []string {
	var out []string
	for _, s := range readTiny(t) {
		c := cloneUntagged(s, false)
		p.Parse(c)
		for _, tok := range c.Tokens {
			out = append(out, string(rune('0'+tok.Head))+tok.Rel)
		}
	}
	return out
}

func TestAverage(t *testing.T) {
	a, b := tinyParser(t, 1), tinyParser(t, 2)
	want := parses(a, t)
	for _, c := range []struct {
		name string
		ps   []*Parser
		mix  []float64
	}{
		{"one parser", []*Parser{a}, []float64{1}},
		{"a parser with itself", []*Parser{a, a}, []float64{0.3, 0.7}},
		{"shares normalized", []*Parser{a, a}, []float64{3, 7}},
		{"another parser with no share", []*Parser{a, b}, []float64{1, 0}},
	} {
		m, err := Average(c.ps, c.mix)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got := parses(m, t)
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: word %d parsed %q, the parser alone %q", c.name, i, got[i], want[i])
				break
			}
		}
	}
	m, err := Average([]*Parser{a, b}, []float64{1, 1})
	if err != nil {
		t.Fatal(err)
	}
	if m.trans.n < max(a.trans.n, b.trans.n) {
		t.Errorf("the mean has %d transition features, fewer than its parts (%d, %d)", m.trans.n, a.trans.n, b.trans.n)
	}
	for _, bad := range []struct {
		name string
		ps   []*Parser
		mix  []float64
	}{
		{"no parser", nil, nil},
		{"shares missing", []*Parser{a, b}, []float64{1}},
		{"negative share", []*Parser{a, b}, []float64{1, -1}},
		{"no share", []*Parser{a, b}, []float64{0, 0}},
	} {
		if _, err := Average(bad.ps, bad.mix); err == nil {
			t.Errorf("%s: no error", bad.name)
		}
	}
}

// TestReadOlderFeatureSet checks that a model of feature set 5, which
// lacks the templates set 6 added, is read and parses.
func TestReadOlderFeatureSet(t *testing.T) {
	var model bytes.Buffer
	if _, err := tinyParser(t, 1).WriteTo(&model); err != nil {
		t.Fatal(err)
	}
	b := model.Bytes()
	binary.LittleEndian.PutUint32(b[len(magic)+4:], minFeatureVersion)
	// The checksum covers the header: recompute it as WriteTo does.
	reseal(b)
	if _, err := Read(bytes.NewReader(b)); err != nil {
		t.Errorf("feature set %d: %v", minFeatureVersion, err)
	}
	binary.LittleEndian.PutUint32(b[len(magic)+4:], minFeatureVersion-1)
	reseal(b)
	if _, err := Read(bytes.NewReader(b)); err == nil {
		t.Errorf("feature set %d read without error", minFeatureVersion-1)
	}
}

// reseal rewrites the checksum at the end of a model file.
func reseal(b []byte) {
	binary.LittleEndian.PutUint32(b[len(b)-4:], crc32.ChecksumIEEE(b[:len(b)-4]))
}
