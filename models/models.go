// Package models holds farabi's trained models as embedded data files: the
// tagger and the parser, each with a MANIFEST naming the corpus, command,
// seed and scores it came from. The file format is docs/format/model.md.
package models

import "embed"

// FS holds the model files and their MANIFESTs. The word lexicon the
// tagger is trained with, lexicon.txt, is not embedded: the tagger model
// carries its own copy.
//
//go:embed *.model *.md
var FS embed.FS
