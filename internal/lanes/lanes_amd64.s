#include "textflag.h"

// func addBlocks(out *int32, data *uint64, offs *uint32, n, start, nb int)
//
// For b in 0..nb-1, adds to out[16b:16b+16] the 16 classes held by words
// start+4b .. start+4b+3 of the n rows data[offs[r]:], less 32768 n: the
// sums of the biased weights, widened to 32 bits (VPMOVZXWD) and added in
// 8-lane registers, are those of AddRows.
TEXT ·addBlocks(SB), NOSPLIT, $0-48
	MOVQ out+0(FP), DI
	MOVQ data+8(FP), SI
	MOVQ offs+16(FP), DX
	MOVQ n+24(FP), CX
	MOVQ start+32(FP), R9
	MOVQ nb+40(FP), R8
	SHLQ $3, R9 // byte offset of the block in a row
	MOVQ CX, AX
	SHLQ $15, AX
	MOVQ AX, X14
	VPBROADCASTD X14, Y14 // 32768 n in every lane

block:
	VPXOR Y0, Y0, Y0
	VPXOR Y1, Y1, Y1
	XORQ  R10, R10

row:
	MOVL      (DX)(R10*4), R11
	LEAQ      (SI)(R11*8), R12
	VPMOVZXWD (R12)(R9*1), Y2
	VPMOVZXWD 16(R12)(R9*1), Y3
	VPADDD    Y2, Y0, Y0
	VPADDD    Y3, Y1, Y1
	INCQ      R10
	CMPQ      R10, CX
	JLT       row

	VPSUBD  Y14, Y0, Y0
	VPSUBD  Y14, Y1, Y1
	VPADDD  (DI), Y0, Y0
	VPADDD  32(DI), Y1, Y1
	VMOVDQU Y0, (DI)
	VMOVDQU Y1, 32(DI)
	ADDQ    $64, DI
	ADDQ    $32, R9
	DECQ    R8
	JNZ     block
	VZEROUPPER
	RET
