//go:build !amd64

package lanes

var haveBlocks = false

func addBlocks(out *int32, data *uint64, offs *uint32, n, start, nb int) {
	panic("lanes: addBlocks without assembly")
}
