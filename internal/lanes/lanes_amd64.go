package lanes

import "golang.org/x/sys/cpu"

// haveBlocks reports whether addBlocks can run: it needs AVX2.
var haveBlocks = cpu.X86.HasAVX2

// addBlocks adds nb blocks of 16 classes of n rows to out (in assembly;
// see lanes_amd64.s). The caller checks the bounds: out has 16 nb
// elements, n is at least 1, and every row has start+4nb words.
//
//go:noescape
func addBlocks(out *int32, data *uint64, offs *uint32, n, start, nb int)
