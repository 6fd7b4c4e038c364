package ingest

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Count estimates how many documents the sources hold, for a progress
// bar: a document per file and a record per non-empty line of JSON lines
// files. It returns exact false when a source's count cannot be known
// without reading it as a story (a URL, a feed, standard input).
func Count(sources []string, ix *Index) (n int, exact bool) {
	exact = true
	for _, src := range sources {
		if src == "-" || IsURL(src) {
			exact = false
			continue
		}
		paths := []string{src}
		if _, err := os.Stat(src); err != nil {
			if m, gerr := filepath.Glob(src); gerr == nil && len(m) > 0 {
				paths = m
			}
		}
		for _, p := range paths {
			filepath.WalkDir(p, func(q string, e fs.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if q != p && strings.HasPrefix(e.Name(), ".") {
					if e.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if e.IsDir() || !e.Type().IsRegular() || ix.isIndex(q) {
					return nil
				}
				switch strings.ToLower(filepath.Ext(q)) {
				case ".jsonl", ".ndjson":
					n += countLines(q)
				case ".xml", ".rss", ".atom", ".rdf", ".json":
					exact = false
				default:
					n++
				}
				return nil
			})
		}
	}
	return n, exact
}

// countLines counts the non-empty lines of a file.
func countLines(p string) int {
	f, err := os.Open(p)
	if err != nil {
		return 0
	}
	defer f.Close()
	n := 0
	eachLine(bufio.NewReaderSize(f, 1<<20), maxLineBytes, func(_ int, b []byte, tooLong bool) error {
		if tooLong || len(strings.TrimSpace(string(b))) > 0 {
			n++
		}
		return nil
	})
	return n
}
