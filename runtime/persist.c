// SPDX-License-Identifier: MIT
// persist.c: loading code objects from a blob (format in persist.h).
//
// Invariants: every byte of the blob is fetched through blob_byte, which
// loads the aligned 32-bit word holding it (irom0 flash on the ESP8266
// faults on narrower loads) and refuses to read past the blob's length.
// Every count is checked against the bytes left before anything is
// allocated for it, so a corrupted count fails fast instead of exhausting
// the heap. Bytecode goes to writable heap memory: the VM patches its
// inline caches.
#include "persist.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_float.h"
#include "obj_int.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "qstr.h"
#include "raise.h"
#include "vm.h"

extern const rt_type_t rt_bytes_type;

typedef struct {
  const uint32_t *words;
  size_t pos, len;
  size_t cached;    // index of the word in [bytes], SIZE_MAX for none
  uint8_t bytes[4]; // that word in memory order
  rt_val_t *names;  // the module's name table (a leaf block: qstrs only)
  size_t n_names;
  rt_val_t filename;
} blob_t;

// The byte readers stay out of line: inlined into every caller they made
// the loader several times larger in flash for no measurable speed.
#define NOINLINE __attribute__((noinline))

__attribute__((noreturn)) static void bad(const char *why) {
  rt_raise_msg(&rt_exc_ValueError, RT_MSG("bad bytecode blob: %s"), why);
}

// The byte at [i] of the words at [words], by an aligned word load.
static uint8_t word_byte(const uint32_t *words, size_t i) {
  uint32_t w = words[i >> 2];
  uint8_t b[4];
  memcpy(b, &w, 4); // memory order, whatever the CPU's
  return b[i & 3];
}

NOINLINE static unsigned blob_byte(blob_t *b) {
  if (b->pos >= b->len) bad("truncated");
  size_t w = b->pos >> 2;
  if (w != b->cached) {
    uint32_t word = b->words[w];
    memcpy(b->bytes, &word, 4);
    b->cached = w;
  }
  return b->bytes[b->pos++ & 3];
}

NOINLINE static uint64_t blob_varint64(blob_t *b) {
  uint64_t v = 0;
  for (unsigned shift = 0; shift < 64; shift += 7) {
    unsigned c = blob_byte(b);
    v |= (uint64_t)(c & 0x7f) << shift;
    if (!(c & 0x80)) return v;
  }
  bad("varint");
}

// A varint no greater than [max].
NOINLINE static size_t blob_count(blob_t *b, size_t max) {
  uint64_t v = blob_varint64(b);
  if (v > max) bad("count out of range");
  return (size_t)v;
}

// A length of that many bytes still in the blob.
static size_t blob_len(blob_t *b) {
  return blob_count(b, b->len - b->pos);
}

NOINLINE static void blob_copy(blob_t *b, uint8_t *dst, size_t n) {
  for (size_t i = 0; i < n; i++)
    dst[i] = (uint8_t)blob_byte(b);
}

NOINLINE static uint32_t blob_u32(blob_t *b) {
  uint32_t v = 0;
  for (int i = 0; i < 4; i++)
    v |= (uint32_t)blob_byte(b) << (8 * i);
  return v;
}

// [n] bytes of the blob interned as a name. Short names go through a stack
// buffer (rt_qstr_from copies), long ones through a temporary block.
NOINLINE static rt_val_t blob_qstr_n(blob_t *b, size_t n) {
  char small[48] = "";
  char *buf = n <= sizeof small ? small : rt_gc_alloc(n, RT_GC_LEAF | RT_GC_TEMP);
  blob_copy(b, (uint8_t *)buf, n);
  rt_val_t q = rt_qstr_from(buf, n);
  if (buf != small) rt_gc_free(buf);
  return q;
}

static rt_val_t blob_qstr(blob_t *b) {
  return blob_qstr_n(b, blob_len(b));
}

static rt_val_t blob_str(blob_t *b, const rt_type_t *type) {
  size_t n = blob_len(b);
  char *data;
  rt_val_t s = rt_str_new_uninit(n, &data);
  blob_copy(b, (uint8_t *)data, n);
  ((rt_str_t *)s)->type = type;
  return s;
}

// A BIGINT payload: only values that need more than 64 bits are stored so,
// and they never fit a small int on any build, so the digits are used as
// they are.
static rt_val_t blob_bigint(blob_t *b) {
  unsigned neg = blob_byte(b);
  size_t n = blob_count(b, (b->len - b->pos) / 4);
  if (neg > 1 || n < 2) bad("int");
  rt_bigint_t *big = rt_gc_alloc(sizeof(rt_bigint_t) + n * sizeof(uint32_t), RT_GC_LEAF);
  big->type = &rt_int_type;
  big->neg = neg;
  big->len = (uint32_t)n;
  for (size_t i = 0; i < n; i++)
    big->digits[i] = blob_u32(b);
  if (big->digits[n - 1] == 0 || (n == 2 && !(big->digits[1] & 0x80000000u))) bad("int");
  return rt_val(big);
}

static rt_code_t *load_code(blob_t *b, int depth);

static rt_val_t load_const(blob_t *b, int depth) {
  if (depth > RT_PERSIST_MAX_DEPTH) bad("nested too deeply");
  unsigned tag = blob_byte(b);
  switch (tag) {
  case RT_PERSIST_NONE: return RT_NONE;
  case RT_PERSIST_FALSE: return RT_FALSE;
  case RT_PERSIST_TRUE: return RT_TRUE;
  case RT_PERSIST_ELLIPSIS: return rt_val(&rt_ellipsis_obj);
  case RT_PERSIST_INT: {
    uint64_t z = blob_varint64(b);
    return rt_int_from_ll((long long)(int64_t)((z >> 1) ^ (0 - (z & 1))));
  }
  case RT_PERSIST_BIGINT: return blob_bigint(b);
  case RT_PERSIST_FLOAT: {
    uint64_t bits = blob_u32(b);
    bits |= (uint64_t)blob_u32(b) << 32;
    double d;
    memcpy(&d, &bits, sizeof d);
    return rt_float_new(d);
  }
  case RT_PERSIST_STR: return blob_str(b, &rt_str_type);
  case RT_PERSIST_QSTR: return blob_qstr(b);
  case RT_PERSIST_BYTES: return blob_str(b, &rt_bytes_type);
  case RT_PERSIST_TUPLE: {
    size_t n = blob_len(b); // each item takes a byte at least
    rt_val_t t = rt_tuple_new(n, NULL);
    for (size_t i = 0; i < n; i++)
      rt_tuple_items(t)[i] = load_const(b, depth + 1);
    return t;
  }
  case RT_PERSIST_CODE: return rt_val(load_code(b, depth + 1));
  default: bad("constant kind");
  }
}

// Opcodes whose argument indexes names[] / the fast slots / the cells, or
// is a jump target.
bool rt_persist_op_uses_name(int op) {
  switch (op) {
  case RT_OP_LOAD_GLOBAL:
  case RT_OP_STORE_GLOBAL:
  case RT_OP_DELETE_GLOBAL:
  case RT_OP_LOAD_NAME:
  case RT_OP_STORE_NAME:
  case RT_OP_DELETE_NAME:
  case RT_OP_LOAD_ATTR:
  case RT_OP_STORE_ATTR:
  case RT_OP_DELETE_ATTR:
  case RT_OP_LOAD_METHOD:
  case RT_OP_IMPORT_NAME:
  case RT_OP_IMPORT_FROM: return true;
  default: return false;
  }
}

static bool uses_cell(int op) {
  return op == RT_OP_LOAD_DEREF || op == RT_OP_STORE_DEREF || op == RT_OP_DELETE_DEREF ||
         op == RT_OP_LOAD_CLOSURE;
}

static bool is_jump(int op) {
  switch (op) {
  case RT_OP_JUMP:
  case RT_OP_POP_JUMP_IF_FALSE:
  case RT_OP_POP_JUMP_IF_TRUE:
  case RT_OP_JUMP_IF_FALSE_OR_POP:
  case RT_OP_JUMP_IF_TRUE_OR_POP:
  case RT_OP_FOR_ITER:
  case RT_OP_SETUP_EXCEPT:
  case RT_OP_SETUP_WITH:
  case RT_OP_SETUP_ASYNC_WITH: return true;
  default: return false;
  }
}

static bool is_cell_slot(const rt_code_t *c, unsigned slot) {
  if (slot >= c->n_locals) return slot < (unsigned)c->n_locals + c->n_free;
  for (unsigned i = 0; i < c->n_cells; i++)
    if (c->cell_slots[i] == slot) return true;
  return false;
}

// Checks that [c]'s bytecode decodes into whole instructions whose
// arguments index existing constants, names and slots, whose jumps land
// on instructions, and that it cannot run off its end. Marks instruction
// starts in a temporary bitmap, then checks the jumps against it.
static void check_bytecode(const rt_code_t *c) {
  const uint8_t *bc = c->bytecode;
  size_t n = c->code_len;
  uint8_t *starts = rt_gc_alloc(n / 8 + 1, RT_GC_LEAF | RT_GC_TEMP);
  int last = -1;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t pc = 0; pc < n;) {
      int op = bc[pc];
      if (op >= RT_OP_COUNT) bad("opcode");
      size_t size = 1 + (op >= RT_OP_HAVE_ARG ? 2 : 0) + (rt_vm_op_has_cache(op) ? 2 : 0);
      if (pc + size > n) bad("instruction cut off");
      unsigned arg = op >= RT_OP_HAVE_ARG ? (unsigned)(bc[pc + 1] | (bc[pc + 2] << 8)) : 0;
      if (pass == 0) {
        starts[pc / 8] |= (uint8_t)(1u << (pc % 8));
        if ((op == RT_OP_LOAD_CONST && arg >= c->n_consts) ||
            (rt_persist_op_uses_name(op) && arg >= c->n_names) ||
            ((op == RT_OP_LOAD_FAST || op == RT_OP_STORE_FAST || op == RT_OP_DELETE_FAST) &&
             arg >= c->n_locals) ||
            (uses_cell(op) && !is_cell_slot(c, arg)))
          bad("argument out of range");
      } else if (is_jump(op) && (arg >= n || !(starts[arg / 8] & (1u << (arg % 8))))) {
        bad("jump target");
      }
      last = op;
      pc += size;
    }
  }
  rt_gc_free(starts);
  if (last != RT_OP_RETURN_VALUE && last != RT_OP_JUMP && last != RT_OP_RERAISE &&
      last != RT_OP_RAISE_VARARGS)
    bad("no return at the end");
}

// An index into the name table.
static rt_val_t blob_name(blob_t *b) {
  if (b->n_names == 0) bad("no names");
  return b->names[blob_count(b, b->n_names - 1)];
}

static rt_code_t *load_code(blob_t *b, int depth) {
  if (depth > RT_PERSIST_MAX_DEPTH) bad("nested too deeply");
  rt_c_enter();
  unsigned short h[10]; // flags .. n_posonly
  for (size_t i = 0; i < 10; i++)
    h[i] = (unsigned short)blob_count(b, 0xffff);
  size_t n_consts = blob_count(b, b->len - b->pos); // each takes a byte at least
  size_t code_len = blob_count(b, b->len - b->pos);
  size_t lines_len = blob_count(b, b->len - b->pos);
  rt_code_t *c = rt_gc_alloc(sizeof *c + n_consts * sizeof(rt_val_t), 0);
  c->type = &rt_code_type;
  c->filename = (unsigned short)rt_qstr_index(b->filename);
  c->flags = h[0];
  c->n_args = h[1];
  c->n_kwonly = h[2];
  c->n_locals = h[3];
  c->n_cells = h[4];
  c->n_free = h[5];
  c->stack_size = h[6];
  c->first_line = h[7];
  c->max_blocks = h[8];
  c->n_posonly = h[9];
  size_t params =
      (size_t)c->n_args + c->n_kwonly + !!(c->flags & RT_CODE_VARARGS) + !!(c->flags & RT_CODE_VARKW);
  size_t nslots = (size_t)c->n_locals + c->n_free;
  if ((c->flags & ~0x7fu) || c->n_cells > c->n_locals || params > c->n_locals || c->n_posonly > c->n_args ||
      c->stack_size == 0 || code_len == 0 || code_len > 0xffff || nslots > b->n_names)
    bad("code header");
  c->name = (unsigned short)rt_qstr_index(blob_name(b));
  c->names = b->names;
  c->n_names = (uint32_t)b->n_names;
  if (nslots) c->local_names = b->names + blob_count(b, b->n_names - nslots);

  // Cell slots, bytecode and line table share one leaf block.
  uint8_t *leaf = rt_gc_alloc(c->n_cells * sizeof(unsigned short) + code_len + lines_len, RT_GC_LEAF);
  if (c->n_cells) c->cell_slots = (unsigned short *)(void *)leaf;
  for (unsigned i = 0; i < c->n_cells; i++)
    c->cell_slots[i] = (unsigned short)blob_count(b, c->n_locals - 1u);
  c->bytecode = leaf + c->n_cells * sizeof(unsigned short);
  c->code_len = (uint32_t)code_len;
  blob_copy(b, c->bytecode, code_len);
  if (lines_len) c->lines = c->bytecode + code_len;
  c->lines_len = (uint32_t)lines_len;
  blob_copy(b, c->lines, lines_len);

  if (n_consts) c->consts = (rt_val_t *)(void *)(c + 1);
  c->n_consts = (uint32_t)n_consts;
  for (size_t i = 0; i < n_consts; i++)
    c->consts[i] = load_const(b, depth);
  check_bytecode(c);
  rt_c_leave();
  return c;
}

bool rt_persist_is_blob(const void *p) {
  const uint32_t *w = p;
  return word_byte(w, 0) == 0 && word_byte(w, 1) == 'p' && word_byte(w, 2) == 'b' && word_byte(w, 3) == 'c';
}

// The little-endian 32-bit field at byte [at] of the header.
static uint32_t header_u32(const uint32_t *w, size_t at) {
  uint32_t v = 0;
  for (int i = 0; i < 4; i++)
    v |= (uint32_t)word_byte(w, at + i) << (8 * i);
  return v;
}

size_t rt_persist_blob_len(const void *p) {
  const uint32_t *w = p;
  if (((uintptr_t)p & 3) || !rt_persist_is_blob(p) || word_byte(w, 4) != RT_PERSIST_VERSION) return 0;
  uint32_t len = header_u32(w, 8);
  return len > RT_PERSIST_HEADER ? len : 0;
}

rt_code_t *rt_persist_load(const void *p, size_t len) {
  if ((uintptr_t)p & 3) bad("not aligned");
  blob_t b = {
      .words = p, .pos = 0, .len = len, .cached = SIZE_MAX, .names = NULL, .n_names = 0, .filename = RT_NULL};
  if (len < RT_PERSIST_HEADER || !rt_persist_is_blob(p)) bad("no header");
  if (word_byte(p, 4) != RT_PERSIST_VERSION) bad("other version");
  if (word_byte(p, 5) != RT_OP_COUNT || word_byte(p, 6) || word_byte(p, 7)) bad("other instruction set");
  if (header_u32(p, 8) != len) bad("length");
  uint32_t hash = 2166136261u;
  for (b.pos = RT_PERSIST_HEADER; b.pos < len;)
    hash = (hash ^ blob_byte(&b)) * 16777619u;
  if (hash != header_u32(p, 12)) bad("checksum");
  b.pos = RT_PERSIST_HEADER;
  b.n_names = blob_count(&b, len - b.pos); // each takes a byte at least
  b.names = rt_gc_alloc(b.n_names * sizeof(rt_val_t), RT_GC_LEAF);
  for (size_t i = 0; i < b.n_names; i++)
    b.names[i] = blob_qstr(&b);
  b.filename = blob_name(&b);
  rt_code_t *code = load_code(&b, 0);
  if (b.pos != len) bad("trailing bytes");
  return code;
}
