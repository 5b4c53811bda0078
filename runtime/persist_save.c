// SPDX-License-Identifier: MIT
// persist_save.c: writing code objects as a blob (format in persist.h).
// Only host tools (pyfreeze) and tests call this; a firmware image never
// links it, since nothing there refers to it.
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

static void put_byte(rt_vstr_t *out, unsigned b) {
  rt_vstr_addc(out, (char)(b & 0xff));
}

static void put_varint(rt_vstr_t *out, uint64_t v) {
  while (v >= 0x80) {
    put_byte(out, (unsigned)(v & 0x7f) | 0x80);
    v >>= 7;
  }
  put_byte(out, (unsigned)v);
}

static void put_bytes(rt_vstr_t *out, const void *p, size_t n) {
  put_varint(out, n);
  rt_vstr_add(out, p, n);
}

// A str value (qstr or object) as a string.
static void put_str(rt_vstr_t *out, rt_val_t s) {
  size_t len;
  const char *data = rt_str_data(s, &len);
  put_bytes(out, data, len);
}

static void put_u32(rt_vstr_t *out, uint32_t v) {
  for (int i = 0; i < 4; i++)
    put_byte(out, v >> (8 * i));
}

// An int as INT when it fits 64 bits, else as BIGINT digits (the same base
// 2^32 digits rt_bigint_t holds, so no arithmetic is needed either way).
static void put_int(rt_vstr_t *out, rt_val_t v) {
  if (rt_is_small(v)) {
    intptr_t i = rt_small_get(v);
    put_byte(out, RT_PERSIST_INT);
    put_varint(out, ((uint64_t)(int64_t)i << 1) ^ (uint64_t)((int64_t)i >> 63));
    return;
  }
  const rt_bigint_t *b = (const rt_bigint_t *)v;
  if (b->len <= 2) {
    uint64_t mag = b->digits[0] | (b->len > 1 ? (uint64_t)b->digits[1] << 32 : 0);
    if (mag <= (uint64_t)INT64_MAX) {
      int64_t i = b->neg ? -(int64_t)mag : (int64_t)mag;
      put_byte(out, RT_PERSIST_INT);
      put_varint(out, ((uint64_t)i << 1) ^ (uint64_t)(i >> 63));
      return;
    }
  }
  put_byte(out, RT_PERSIST_BIGINT);
  put_byte(out, b->neg ? 1 : 0);
  put_varint(out, b->len);
  for (uint32_t k = 0; k < b->len; k++)
    put_u32(out, b->digits[k]);
}

// The module's name table: every name any code object uses, each once,
// then the runs of local names that are not already in it.
typedef struct {
  rt_val_t *q;
  size_t n, cap;
} pool_t;

static void pool_push(pool_t *p, rt_val_t q) {
  if (!rt_is_qstr(q)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("code has a slot without a name"));
  if (p->n == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 64;
    p->q = rt_gc_realloc_ex(p->q, p->cap * sizeof(rt_val_t), RT_GC_TEMP);
  }
  if (p->n == 0xffff) rt_raise_msg(&rt_exc_ValueError, RT_MSG("too many names"));
  p->q[p->n++] = q;
}

static size_t pool_index(const pool_t *p, rt_val_t q) {
  for (size_t i = 0; i < p->n; i++)
    if (p->q[i] == q) return i;
  return SIZE_MAX;
}

static void pool_add(pool_t *p, rt_val_t q) {
  if (pool_index(p, q) == SIZE_MAX) pool_push(p, q);
}

// Where the run [run] of [n] names starts in the table, appended if absent.
static size_t pool_run(pool_t *p, const rt_val_t *run, size_t n) {
  if (n == 0) return 0; // an empty run matches at once (and memcmp must not see NULL)
  for (size_t i = 0; i + n <= p->n; i++)
    if (memcmp(p->q + i, run, n * sizeof(rt_val_t)) == 0) return i;
  size_t at = p->n;
  for (size_t i = 0; i < n; i++)
    pool_push(p, run[i]);
  return at;
}

static bool is_code(rt_val_t v) {
  return rt_is_ptr(v) && rt_typeof(v) == &rt_code_type;
}

static void collect_names(pool_t *p, const rt_code_t *code) {
  pool_add(p, rt_qstr_val(code->name));
  for (uint32_t i = 0; i < code->n_names; i++)
    pool_add(p, code->names[i]);
  for (uint32_t i = 0; i < code->n_consts; i++)
    if (is_code(code->consts[i])) collect_names(p, (const rt_code_t *)code->consts[i]);
}

static void collect_runs(pool_t *p, const rt_code_t *code) {
  pool_run(p, code->local_names, (size_t)code->n_locals + code->n_free);
  for (uint32_t i = 0; i < code->n_consts; i++)
    if (is_code(code->consts[i])) collect_runs(p, (const rt_code_t *)code->consts[i]);
}

static void put_code(rt_vstr_t *out, pool_t *pool, const rt_code_t *code, int depth);

static void put_const(rt_vstr_t *out, pool_t *pool, rt_val_t v, int depth) {
  if (depth > RT_PERSIST_MAX_DEPTH) rt_raise_msg(&rt_exc_ValueError, RT_MSG("constants nested too deeply"));
  if (v == RT_NONE) return put_byte(out, RT_PERSIST_NONE);
  if (v == RT_FALSE) return put_byte(out, RT_PERSIST_FALSE);
  if (v == RT_TRUE) return put_byte(out, RT_PERSIST_TRUE);
  if (v == rt_val(&rt_ellipsis_obj)) return put_byte(out, RT_PERSIST_ELLIPSIS);
  if (rt_is_qstr(v)) {
    put_byte(out, RT_PERSIST_QSTR);
    return put_str(out, v);
  }
  const rt_type_t *t = rt_typeof(v);
  if (t == &rt_int_type) return put_int(out, v);
  if (t == &rt_float_type) {
    double d = rt_float_get(v);
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    put_byte(out, RT_PERSIST_FLOAT);
    put_u32(out, (uint32_t)bits);
    put_u32(out, (uint32_t)(bits >> 32));
    return;
  }
  if (t == &rt_str_type || t == &rt_bytes_type) {
    put_byte(out, t == &rt_str_type ? RT_PERSIST_STR : RT_PERSIST_BYTES);
    const rt_str_t *s = (const rt_str_t *)v;
    return put_bytes(out, s->data, s->len & RT_STR_LEN_MASK);
  }
  if (t == &rt_tuple_type) {
    put_byte(out, RT_PERSIST_TUPLE);
    size_t n = rt_tuple_len(v);
    put_varint(out, n);
    for (size_t i = 0; i < n; i++)
      put_const(out, pool, rt_tuple_items(v)[i], depth + 1);
    return;
  }
  if (t == &rt_code_type) {
    put_byte(out, RT_PERSIST_CODE);
    return put_code(out, pool, (const rt_code_t *)v, depth + 1);
  }
  rt_raise_msg(&rt_exc_ValueError, RT_MSG("cannot persist a constant of type '%q'"), rt_qstr_val(t->name));
}

// The bytecode with each name argument turned from an index into the code
// object's names[] into one into the module's table.
static void put_bytecode(rt_vstr_t *out, const pool_t *pool, const rt_code_t *code) {
  size_t start = out->len;
  rt_vstr_add(out, (const char *)code->bytecode, code->code_len);
  uint8_t *bc = (uint8_t *)out->buf + start;
  for (size_t pc = 0; pc < code->code_len;) {
    int op = bc[pc];
    if (rt_persist_op_uses_name(op)) {
      size_t at = pool_index(pool, code->names[bc[pc + 1] | (bc[pc + 2] << 8)]);
      bc[pc + 1] = (uint8_t)at;
      bc[pc + 2] = (uint8_t)(at >> 8);
    }
    pc += 1 + (op >= RT_OP_HAVE_ARG ? 2 : 0) + (rt_vm_op_has_cache(op) ? 2 : 0);
  }
}

static void put_code(rt_vstr_t *out, pool_t *pool, const rt_code_t *code, int depth) {
  const uint32_t fields[] = {code->flags,      code->n_args,    code->n_kwonly,   code->n_locals,
                             code->n_cells,    code->n_free,    code->stack_size, code->first_line,
                             code->max_blocks, code->n_posonly, code->n_consts,   code->code_len,
                             code->lines_len};
  for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
    put_varint(out, fields[i]);
  put_varint(out, pool_index(pool, rt_qstr_val(code->name)));
  size_t nslots = (size_t)code->n_locals + code->n_free;
  if (nslots) put_varint(out, pool_run(pool, code->local_names, nslots));
  for (size_t i = 0; i < code->n_cells; i++)
    put_varint(out, code->cell_slots[i]);
  put_bytecode(out, pool, code);
  rt_vstr_add(out, (const char *)code->lines, code->lines_len);
  for (uint32_t i = 0; i < code->n_consts; i++)
    put_const(out, pool, code->consts[i], depth);
}

void rt_persist_save(const rt_code_t *code, rt_vstr_t *out) {
  pool_t pool = {NULL, 0, 0};
  pool_add(&pool, rt_qstr_val(code->filename));
  collect_names(&pool, code);
  collect_runs(&pool, code);
  size_t start = out->len;
  static const char magic[4] = {0, 'p', 'b', 'c'};
  rt_vstr_add(out, magic, 4);
  put_byte(out, RT_PERSIST_VERSION);
  put_byte(out, RT_OP_COUNT);
  put_byte(out, 0);
  put_byte(out, 0);
  put_u32(out, 0); // length and checksum, filled in below
  put_u32(out, 0);
  put_varint(out, pool.n);
  for (size_t i = 0; i < pool.n; i++)
    put_str(out, pool.q[i]);
  put_varint(out, 0); // the file name is the table's first entry
  put_code(out, &pool, code, 0);
  rt_gc_free(pool.q);
  size_t len = out->len - start;
  if (len > 0x7fffffff) rt_raise_msg(&rt_exc_ValueError, RT_MSG("module too large"));
  uint32_t hash = 2166136261u;
  for (size_t i = start + RT_PERSIST_HEADER; i < out->len; i++)
    hash = (hash ^ (uint8_t)out->buf[i]) * 16777619u;
  for (int i = 0; i < 4; i++) {
    out->buf[start + 8 + i] = (char)((uint32_t)len >> (8 * i));
    out->buf[start + 12 + i] = (char)(hash >> (8 * i));
  }
}
