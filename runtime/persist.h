// SPDX-License-Identifier: MIT
// persist.h: compiled code objects as a byte blob, so that modules can be
// frozen into the firmware already compiled (the compiler's peak heap use
// is several times the size of the code it makes).
//
// The blob ("pbc", pyrite bytecode) depends neither on the word size nor on
// the byte order: every number is an unsigned LEB128 varint (signed ones
// zigzag-encoded), a float is its IEEE-754 binary64 bits as 8 bytes, low
// byte first, a string is a varint length then its bytes. Layout:
//
//   header   16 bytes: 00 'p' 'b' 'c', version byte, RT_OP_COUNT byte,
//            2 zero bytes, the blob's length (4 bytes, low byte first),
//            a checksum (FNV-1a over the bytes after the header, 4 bytes)
//   names    varint count, strings: the module's name table. Every code
//            object's names[] is this whole table (the bytecode's name
//            arguments index it), and its local_names[] a run within it,
//            so a name is stored and held in RAM once per module.
//   file     varint index of the file name in the table
//   code     varints flags, n_args, n_kwonly, n_locals, n_cells, n_free,
//            stack_size, first_line, max_blocks, n_posonly, n_consts, code_len,
//            lines_len; varint index of the name; varint start of the
//            run of local names (when n_locals + n_free > 0); n_cells
//            varint slots; the bytecode; the line table; the constants
//   const    one tag byte (rt_persist_tag_t) then its payload; tuples
//            and code objects nest.
//
// A loaded code object is two heap blocks: the struct with its constants
// after it, and a leaf block with cell slots, bytecode and line table.
//
// The first byte is NUL so a blob can never be mistaken for frozen source
// text (which is NUL-terminated). A blob is read with aligned 32-bit loads
// only (it may sit in the ESP8266's irom0 flash) and is checked as it is
// read: the bytecode is scanned so that every argument indexes something
// that exists, and every jump lands on an instruction. Not checked are the
// value-stack depth and the kinds of operands an instruction meets (e.g.
// MAKE_FUNCTION over a constant that is no code object): the checksum
// stops accidental damage, not a blob crafted to pass it.
#ifndef RT_PERSIST_H
#define RT_PERSIST_H

#include "obj_func.h"
#include "vstr.h"

#define RT_PERSIST_VERSION 2 // 2: n_posonly
#define RT_PERSIST_HEADER 16

// The kinds of constant and their payloads.
typedef enum {
  RT_PERSIST_NONE,     // -
  RT_PERSIST_FALSE,    // -
  RT_PERSIST_TRUE,     // -
  RT_PERSIST_ELLIPSIS, // -
  RT_PERSIST_INT,      // zigzag varint (any int of up to 64 bits)
  RT_PERSIST_BIGINT,   // sign byte, varint digit count, 4-byte digits low first
  RT_PERSIST_FLOAT,    // 8 bytes of binary64, low first
  RT_PERSIST_STR,      // string: a str object
  RT_PERSIST_QSTR,     // string: an interned str
  RT_PERSIST_BYTES,    // string: bytes
  RT_PERSIST_TUPLE,    // varint count, constants
  RT_PERSIST_CODE,     // a code object
  RT_PERSIST_TAG_COUNT
} rt_persist_tag_t;

// Deepest nesting of tuples and code objects a blob may have.
#define RT_PERSIST_MAX_DEPTH 32

// True if the 4-byte aligned data at [p] starts with the blob's magic.
// Reads one word. Never raises.
bool rt_persist_is_blob(const void *p);

// The length the header of the blob at [p] claims (for blobs in a frozen
// table, which carry no separate length), or 0 when it has no valid
// header. [p] is 4-byte aligned and readable for 16 bytes. Never raises.
size_t rt_persist_blob_len(const void *p);

// Loads the blob of [len] bytes at [p] (4-byte aligned; the word holding
// its last byte must be readable) into new code objects in the heap and
// returns the module's code. Raises ValueError for a blob that is
// truncated, corrupted, of another version or opcode set, and MemoryError.
// Allocates nothing but the code objects, their constants, the name table
// and interned names (plus a small bitmap per code object while it is
// checked).
rt_code_t *rt_persist_load(const void *p, size_t len);

// True for the opcodes whose argument indexes names[].
bool rt_persist_op_uses_name(int op);

// Appends the blob of [code] (a module's code object, as rt_compile made
// it, before it has run) to [out]. Raises ValueError for a constant it
// cannot store or a slot without a name, MemoryError. Only host tools and tests need this.
void rt_persist_save(const rt_code_t *code, rt_vstr_t *out);

#endif
