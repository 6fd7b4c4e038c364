package dict

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

var update = flag.Bool("update", false, "rewrite MANIFEST from the files")

// TestManifest fails when a file changed without a MANIFEST update. With
// -update it rewrites the checksums and keeps the version line.
func TestManifest(t *testing.T) {
	got := map[string]string{}
	err := fs.WalkDir(FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path == "MANIFEST" {
			return err
		}
		data, err := fs.ReadFile(FS, path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		got[path] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	m := Manifest()
	if *update {
		// read the file on disk: the embedded one is stale once edited
		data, err := os.ReadFile("MANIFEST")
		if err == nil {
			m = ParseManifest(string(data))
		}
		if m.Version == "" {
			m.Version = "0.1.0"
		}
		var b strings.Builder
		fmt.Fprintf(&b, "# farabi dictionaries: version, then sha256 and path of each file.\n")
		fmt.Fprintf(&b, "# Rewrite with: go test ./dict -run TestManifest -update\n")
		fmt.Fprintf(&b, "version %s\n", m.Version)
		paths := make([]string, 0, len(got))
		for p := range got {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		for _, p := range paths {
			fmt.Fprintf(&b, "%s  %s\n", got[p], p)
		}
		if err := os.WriteFile("MANIFEST", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if m.Version == "" {
		t.Error("MANIFEST has no version line")
	}
	for p, sum := range got {
		switch want, ok := m.SHA256[p]; {
		case !ok:
			t.Errorf("%s is not in MANIFEST; run go test ./dict -run TestManifest -update", p)
		case want != sum:
			t.Errorf("%s changed without a MANIFEST update; run go test ./dict -run TestManifest -update and raise the version", p)
		}
	}
	for p := range m.SHA256 {
		if _, ok := got[p]; !ok {
			t.Errorf("MANIFEST lists %s, which does not exist", p)
		}
	}
}

func TestFS(t *testing.T) {
	if err := fstest.TestFS(FS, "agents.txt", "MANIFEST", "README.md", "actors/countries.txt"); err != nil {
		t.Fatal(err)
	}
}
