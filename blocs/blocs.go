// Package blocs holds the default blocs of the analytics: groups of
// countries and organisations ("Russia", "The West", "Central Asian
// neighbours"…) that a focal actor's partners are counted in. The file is
// plain text meant to be edited (format: docs/format/blocs.md) and is
// embedded so that "go build" gives a complete binary; analytics.ReadBlocs
// reads it, and --blocs FILE replaces it.
package blocs

import (
	"embed"
	"io/fs"
)

//go:embed blocs.txt
var files embed.FS

// FS holds the embedded blocs file, [Default].
var FS fs.FS = files

// Default is the name of the default blocs file in [FS].
const Default = "blocs.txt"
