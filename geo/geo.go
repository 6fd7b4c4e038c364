// Package geo holds farabi's geographic data, plain text meant to be
// edited and embedded so that "go build" gives a complete binary:
//
//   - blocs.txt, the default blocs of the analytics: groups of countries and
//     organisations ("Russia", "The West", "Central Asian neighbours"…)
//     that a focal actor's partners are counted in (format:
//     docs/format/blocs.md; analytics.ReadBlocs reads it, --blocs FILE
//     replaces it);
//   - world.txt, the names of countries and organisations and their places
//     on the dashboard's tile map of the world (format:
//     docs/format/world.md).
package geo

import (
	"embed"
	"io/fs"
)

//go:embed blocs.txt world.txt
var files embed.FS

// FS holds the embedded files, [BlocsFile] and [WorldFile].
var FS fs.FS = files

// Names of the files in [FS].
const (
	BlocsFile = "blocs.txt"
	WorldFile = "world.txt"
)
