// SPDX-License-Identifier: MIT
// rt_config.h: the runtime's few build options, each with its default and
// the reason for it. Override with -D on the compiler command line.
#ifndef RT_CONFIG_H
#define RT_CONFIG_H

// Firmware version and build date; the top CMake sets both.
#ifndef PYRITE_VERSION
#define PYRITE_VERSION "0.0.0"
#endif
#ifndef PYRITE_BUILD_DATE
#define PYRITE_BUILD_DATE "1970-01-01"
#endif

// Bytes per GC block. 16 fits a list header or a short str on the 32-bit
// target; the allocation table costs 2 bits and the leaf table 1 bit per
// block.
#ifndef RT_GC_BLOCK
#define RT_GC_BLOCK 16
#endif

// Backward jumps and calls between two hal_poll() calls (and two checks of
// the keyboard-interrupt flag). About a few thousand bytecodes.
#ifndef RT_POLL_INTERVAL
#define RT_POLL_INTERVAL 1024
#endif

// Deepest nesting of Python calls before RecursionError. Python frames
// live on the GC heap, so this bounds heap use rather than the C stack.
#ifndef RT_MAX_DEPTH
#define RT_MAX_DEPTH 200
#endif

// Deepest nesting of C recursion (repr of nested containers, Python code
// called back from C such as __repr__ or a sort key, the parser's
// recursive descent). The ESP8266 has an 8 KiB C stack.
#ifndef RT_MAX_C_DEPTH
#define RT_MAX_C_DEPTH 48
#endif

// Bytes of C stack zeroed before each top-level run (gc.c), so that stale
// pointers from earlier runs do not pin garbage. Must stay well inside the
// stack the port provides (the ESP8266 has 8 KiB in all).
#ifndef RT_STACK_SCRUB
#define RT_STACK_SCRUB 3072
#endif

// Floats in single precision (C float) instead of IEEE double: a float
// object then needs 8 bytes instead of 12 on the 32-bit target and soft
// float arithmetic is cheaper there, at the price of about 7 significant
// digits (repr prints the shortest digits that round-trip as a float).
// Arithmetic is done in double and rounded when stored. Default off:
// CPython and the conformance suite use doubles.
#ifndef RT_FLOAT_SINGLE
#define RT_FLOAT_SINGLE 0
#endif

// Slots of the qstr hash cache (a power of two; 6 bytes each, in the
// interpreter state).
#ifndef RT_QSTR_HASH_CACHE
#define RT_QSTR_HASH_CACHE 32
#endif

// C stack the runtime may use below its entry point before raising
// RecursionError (checked with the C-depth count above). The ESP8266 has
// 8 KiB of stack in all; a 64-bit host build has megabytes.
#ifndef RT_C_STACK_MAX
#define RT_C_STACK_MAX (sizeof(void *) == 4 ? 5 * 1024 : 512 * 1024)
#endif

// Nesting of containers checked for cycles while printing ([[...]]).
#ifndef RT_PRINT_NEST
#define RT_PRINT_NEST 16
#endif

// Longest line the friendly REPL's editor accepts.
#ifndef RT_READLINE_MAX
#define RT_READLINE_MAX 512
#endif

// Raw-paste window increment (half of MicroPython's 256-byte stdin buffer).
#ifndef RT_RAW_PASTE_WINDOW
#define RT_RAW_PASTE_WINDOW 128
#endif

// 1: the VM checks the value-stack bounds before every instruction (test
// builds; it guards the compiler's stack-depth arithmetic).
#ifndef RT_VM_CHECK_STACK
#define RT_VM_CHECK_STACK 0
#endif

// Every error message passes through RT_MSG so that a small build can
// shorten them in one place.
#define RT_MSG(s) s

#endif
