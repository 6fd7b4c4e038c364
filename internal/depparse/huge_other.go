//go:build !linux

package depparse

// tableMemory returns n zeroed uint64s for a table's slots and rows.
func tableMemory(_ *table, n int) []uint64 { return make([]uint64, n) }
