//go:build amd64 && !purego

#include "textflag.h"

// escapeBytes holds 32 bytes of each of 0x20, '"', '\\' and DEL.
DATA escapeBytes<>+0(SB)/8, $0x2020202020202020
DATA escapeBytes<>+8(SB)/8, $0x2020202020202020
DATA escapeBytes<>+16(SB)/8, $0x2020202020202020
DATA escapeBytes<>+24(SB)/8, $0x2020202020202020
DATA escapeBytes<>+32(SB)/8, $0x2222222222222222
DATA escapeBytes<>+40(SB)/8, $0x2222222222222222
DATA escapeBytes<>+48(SB)/8, $0x2222222222222222
DATA escapeBytes<>+56(SB)/8, $0x2222222222222222
DATA escapeBytes<>+64(SB)/8, $0x5c5c5c5c5c5c5c5c
DATA escapeBytes<>+72(SB)/8, $0x5c5c5c5c5c5c5c5c
DATA escapeBytes<>+80(SB)/8, $0x5c5c5c5c5c5c5c5c
DATA escapeBytes<>+88(SB)/8, $0x5c5c5c5c5c5c5c5c
DATA escapeBytes<>+96(SB)/8, $0x7f7f7f7f7f7f7f7f
DATA escapeBytes<>+104(SB)/8, $0x7f7f7f7f7f7f7f7f
DATA escapeBytes<>+112(SB)/8, $0x7f7f7f7f7f7f7f7f
DATA escapeBytes<>+120(SB)/8, $0x7f7f7f7f7f7f7f7f
GLOBL escapeBytes<>(SB), RODATA|NOPTR, $128

// func plainBlocks(s []byte) int
//
// plainBlocks returns the length of the longest run of whole 16-byte
// blocks at the start of s in which no byte needs escaping in a JSON
// string: no control character (below 0x20), '"', '\\', DEL or byte of
// 0x80 and above. A signed comparison with 0x20 finds the control
// characters and the bytes from 0x80 (negative), and three comparisons
// for equality the rest. With AVX2, 32 bytes at a time first.
TEXT ·plainBlocks(SB), NOSPLIT, $0-32
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), BX
	XORQ AX, AX
	SUBQ $16, BX // the last start of a whole block
	JL   done
	MOVOU escapeBytes<>+0(SB), X1
	MOVOU escapeBytes<>+32(SB), X2
	MOVOU escapeBytes<>+64(SB), X3
	MOVOU escapeBytes<>+96(SB), X4
	CMPB  ·hasAVX2(SB), $1
	JNE   loop
	CMPQ  BX, $16
	JL    loop
	VMOVDQU escapeBytes<>+0(SB), Y1
	VMOVDQU escapeBytes<>+32(SB), Y2
	VMOVDQU escapeBytes<>+64(SB), Y3
	VMOVDQU escapeBytes<>+96(SB), Y4
	LEAQ -16(BX), R8 // the last start of a whole 32-byte block

loop32:
	VMOVDQU   (SI)(AX*1), Y0
	VPCMPGTB  Y0, Y1, Y5 // 0x20 > byte (signed): below 0x20, or 0x80 and above
	VPCMPEQB  Y0, Y2, Y6
	VPOR      Y6, Y5, Y5
	VPCMPEQB  Y0, Y3, Y6
	VPOR      Y6, Y5, Y5
	VPCMPEQB  Y0, Y4, Y6
	VPOR      Y6, Y5, Y5
	VPMOVMSKB Y5, DX
	TESTL     DX, DX
	JNZ       done32
	ADDQ      $32, AX
	CMPQ      AX, R8
	JLE       loop32

done32:
	VZEROUPPER
	CMPQ AX, BX
	JG   done

loop:
	MOVOU    (SI)(AX*1), X0
	MOVO     X1, X5
	PCMPGTB  X0, X5 // 0x20 > byte (signed): below 0x20, or 0x80 and above
	MOVO     X0, X6
	PCMPEQB  X2, X6
	POR      X6, X5
	MOVO     X0, X6
	PCMPEQB  X3, X6
	POR      X6, X5
	PCMPEQB  X4, X0
	POR      X0, X5
	PMOVMSKB X5, DX
	TESTL    DX, DX
	JNZ      done
	ADDQ     $16, AX
	CMPQ     AX, BX
	JLE      loop

done:
	MOVQ AX, ret+24(FP)
	RET

// func plainCopy(d, s []byte) bool
//
// plainCopy copies s to the start of d, in blocks as plainBlocks checks
// them, and reports whether no byte of s needs escaping; when one does,
// it stops, having written some of d. It needs 32 <= len(s) <= len(d).
// The last block overlaps the one before it.
TEXT ·plainCopy(SB), NOSPLIT, $0-49
	MOVQ d_base+0(FP), DI
	MOVQ s_base+24(FP), SI
	MOVQ s_len+32(FP), BX
	XORQ AX, AX
	CMPB ·hasAVX2(SB), $1
	JNE  sse
	VMOVDQU escapeBytes<>+0(SB), Y1
	VMOVDQU escapeBytes<>+32(SB), Y2
	VMOVDQU escapeBytes<>+64(SB), Y3
	VMOVDQU escapeBytes<>+96(SB), Y4
	LEAQ -32(BX), R8 // the last block's start
	LEAQ -64(BX), R9 // the last start of two whole blocks

next64:
	CMPQ AX, R9
	JG   next32
	VMOVDQU   (SI)(AX*1), Y0
	VMOVDQU   32(SI)(AX*1), Y7
	VPCMPGTB  Y0, Y1, Y5
	VPCMPEQB  Y0, Y2, Y6
	VPOR      Y6, Y5, Y5
	VPCMPEQB  Y0, Y3, Y6
	VPOR      Y6, Y5, Y5
	VPCMPEQB  Y0, Y4, Y6
	VPOR      Y6, Y5, Y5
	VPCMPGTB  Y7, Y1, Y8
	VPOR      Y8, Y5, Y5
	VPCMPEQB  Y7, Y2, Y6
	VPOR      Y6, Y5, Y5
	VPCMPEQB  Y7, Y3, Y6
	VPOR      Y6, Y5, Y5
	VPCMPEQB  Y7, Y4, Y6
	VPOR      Y6, Y5, Y5
	VPMOVMSKB Y5, DX
	TESTL     DX, DX
	JNZ       bad32
	VMOVDQU   Y0, (DI)(AX*1)
	VMOVDQU   Y7, 32(DI)(AX*1)
	ADDQ      $64, AX
	JMP       next64

next32:
	CMPQ AX, R8
	JLE  block32
	CMPQ AX, BX
	JEQ  plain32
	MOVQ R8, AX

block32:
	VMOVDQU   (SI)(AX*1), Y0
	VPCMPGTB  Y0, Y1, Y5 // 0x20 > byte (signed): below 0x20, or 0x80 and above
	VPCMPEQB  Y0, Y2, Y6
	VPOR      Y6, Y5, Y5
	VPCMPEQB  Y0, Y3, Y6
	VPOR      Y6, Y5, Y5
	VPCMPEQB  Y0, Y4, Y6
	VPOR      Y6, Y5, Y5
	VPMOVMSKB Y5, DX
	TESTL     DX, DX
	JNZ       bad32
	VMOVDQU   Y0, (DI)(AX*1)
	ADDQ      $32, AX
	JMP       next32

plain32:
	VZEROUPPER
	MOVB $1, ret+48(FP)
	RET

bad32:
	VZEROUPPER
	MOVB $0, ret+48(FP)
	RET

sse:
	MOVOU escapeBytes<>+0(SB), X1
	MOVOU escapeBytes<>+32(SB), X2
	MOVOU escapeBytes<>+64(SB), X3
	MOVOU escapeBytes<>+96(SB), X4
	LEAQ  -16(BX), R8 // the last block's start

next16:
	CMPQ AX, R8
	JLE  block16
	CMPQ AX, BX
	JEQ  plain16
	MOVQ R8, AX

block16:
	MOVOU    (SI)(AX*1), X0
	MOVO     X1, X5
	PCMPGTB  X0, X5 // 0x20 > byte (signed): below 0x20, or 0x80 and above
	MOVO     X0, X6
	PCMPEQB  X2, X6
	POR      X6, X5
	MOVO     X0, X6
	PCMPEQB  X3, X6
	POR      X6, X5
	MOVO     X0, X6
	PCMPEQB  X4, X6
	POR      X6, X5
	PMOVMSKB X5, DX
	TESTL    DX, DX
	JNZ      bad16
	MOVOU    X0, (DI)(AX*1)
	ADDQ     $16, AX
	JMP      next16

plain16:
	MOVB $1, ret+48(FP)
	RET

bad16:
	MOVB $0, ret+48(FP)
	RET
