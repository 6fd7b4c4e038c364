package depparse

import (
	"runtime"
	"syscall"
	"unsafe"
)

// hugePage is the size of a huge page on amd64 and arm64 Linux.
const hugePage = 2 << 20

// tableMemory returns n zeroed uint64s for a table's slots and rows. When
// they fill a huge page or more, they are mapped apart from the heap and
// the kernel is asked to back them with huge pages (madvise): the tables
// are read at random, and with small pages nearly every lookup also
// misses the TLB. The mapping is undone when owner is collected. It falls
// back to the heap when the mapping fails.
func tableMemory(owner *table, n int) []uint64 {
	if n*8 < hugePage {
		return make([]uint64, n)
	}
	size := (n*8 + hugePage - 1) / hugePage * hugePage
	m, err := syscall.Mmap(-1, 0, size+hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return make([]uint64, n)
	}
	runtime.AddCleanup(owner, func(m []byte) { _ = syscall.Munmap(m) }, m)
	b := m
	if r := uintptr(unsafe.Pointer(&b[0])) % hugePage; r != 0 {
		b = b[hugePage-r:]
	}
	b = b[:size]
	_ = syscall.Madvise(b, madvHugepage) // advice only: small pages still work
	return unsafe.Slice((*uint64)(unsafe.Pointer(&b[0])), n)
}

// madvHugepage is MADV_HUGEPAGE, which package syscall does not name.
const madvHugepage = 14
