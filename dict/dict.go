// Package dict holds farabi's dictionaries, embedded so that "go build"
// gives a complete binary: the actor dictionaries under actors/ and the
// generic agents in agents.txt (format: docs/format/dictionary.md, read with
// actor.Load(dict.FS)), the CAMEO tables and verb patterns of the event
// coder, the README that names their source and license, and the MANIFEST
// that versions them all.
package dict

import (
	"bufio"
	"embed"
	"io/fs"
	"strings"
)

//go:embed actors agents.txt cameo verbs MANIFEST README.md
var files embed.FS

// FS holds the embedded dictionary files, rooted at this directory:
// "actors/countries.txt", "agents.txt", "MANIFEST", "README.md", ….
var FS fs.FS = files

// ManifestInfo is the parsed MANIFEST: the dictionary set's version and the
// sha256 of each file.
type ManifestInfo struct {
	Version string
	SHA256  map[string]string // by path, "actors/countries.txt"
}

// Manifest returns the embedded MANIFEST. A line "version V" gives the
// version; a line "HEX  PATH" the checksum of a file. Other lines are
// ignored.
func Manifest() ManifestInfo {
	data, _ := fs.ReadFile(files, "MANIFEST")
	return ParseManifest(string(data))
}

// ParseManifest reads a MANIFEST's text.
func ParseManifest(text string) ManifestInfo {
	m := ManifestInfo{SHA256: map[string]string{}}
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0 || strings.HasPrefix(f[0], "#"):
		case f[0] == "version" && len(f) == 2:
			m.Version = f[1]
		case len(f) == 2 && len(f[0]) == 64:
			m.SHA256[f[1]] = f[0]
		}
	}
	return m
}
