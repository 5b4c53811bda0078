// SPDX-License-Identifier: MIT
// test_persist.c: code objects saved as blobs (persist.h) and loaded back
// behave as the compiled code does: same output, same tracebacks, every
// kind of constant; damaged blobs raise ValueError and never crash (the
// Sanitize build runs this too).
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "gc.h"
#include "obj_bytes.h"
#include "obj_exc.h"
#include "obj_float.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "persist.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"
#include "test_util.h"
#include "vm.h"

#define HEAP (512 * 1024)

static void setup(void) {
  tu_init(HEAP);
}
static void teardown(void) {
  rt_register_frozen(NULL);
  rt_state->stack_base = NULL;
  tu_done();
}

// A copy of [n] bytes in 4-byte aligned host memory padded with zeros to
// whole words (as the frozen tables hold them). The caller frees it.
static char *aligned_copy(const void *p, size_t n) {
  char *buf = aligned_alloc(4, (n + 4) & ~(size_t)3);
  memset(buf, 0, (n + 4) & ~(size_t)3);
  memcpy(buf, p, n);
  return buf;
}

// Optional surgery on a freshly compiled module before it is saved.
typedef void (*mutate_fn)(rt_code_t *code);

typedef struct {
  const char *src;
  const char *fname;
  mutate_fn mutate;
  rt_vstr_t *out;
} compile_job_t;

static rt_val_t compile_and_save(rt_val_t job_v, rt_val_t unused) {
  (void)unused;
  compile_job_t *job = (compile_job_t *)job_v;
  rt_mem_reader_t m;
  rt_reader_t r;
  rt_reader_mem(&r, &m, job->src, strlen(job->src));
  rt_code_t *code = rt_compile(r, rt_qstr_from_cstr(job->fname), RT_COMPILE_FILE);
  if (job->mutate) job->mutate(code);
  rt_persist_save(code, job->out);
  return RT_NONE;
}

// The blob of module [name] compiled from [src] (file "<frozen NAME>", as
// pyfreeze names it), in aligned host memory; its length to *len.
static char *make_blob(const char *name, const char *src, mutate_fn mutate, size_t *len) {
  char fname[64];
  snprintf(fname, sizeof fname, "<frozen %s>", name);
  rt_vstr_t out;
  rt_vstr_init(&out, 256);
  compile_job_t job = {src, fname, mutate, &out};
  rt_val_t res;
  bool ok = rt_nlr_try(compile_and_save, (rt_val_t)&job, RT_NULL, &res);
  ck_assert_msg(ok, "compiling or saving failed");
  char *blob = aligned_copy(out.buf, out.len);
  *len = out.len;
  rt_vstr_free(&out);
  return blob;
}

// Runs "import NAME" with NAME frozen as [entry] (source text or a blob)
// on a fresh heap; returns the output (static until the next call).
static const char *import_frozen(const char *name, const char *entry) {
  static char saved[8192];
  tu_init(HEAP);
  rt_frozen_module_t table[] = {{name, entry}, {0, 0}};
  rt_register_frozen(table);
  char stmt[64];
  snprintf(stmt, sizeof stmt, "import %s\n", name);
  const char *out;
  tu_run(stmt, &out);
  rt_register_frozen(NULL);
  snprintf(saved, sizeof saved, "%s", out);
  return saved;
}

// Output of importing [src] frozen as source and frozen as a blob; both
// must agree and be what [expect] says (NULL: just non-empty).
static void check_same(const char *name, const char *src, const char *expect) {
  rt_state->stack_base = __builtin_frame_address(0);
  size_t len;
  char *blob = make_blob(name, src, NULL, &len);
  char *text = aligned_copy(src, strlen(src));
  char from_source[8192];
  snprintf(from_source, sizeof from_source, "%s", import_frozen(name, text));
  const char *from_blob = import_frozen(name, blob);
  ck_assert_str_eq(from_blob, from_source);
  if (expect) ck_assert_str_eq(from_blob, expect);
  ck_assert_int_gt(strlen(from_blob), 0);
  free(blob);
  free(text);
}

START_TEST(round_trip_runs_like_compiled_code) {
  check_same("m1",
             "big = 123456789012345678901234567890\n"
             "mid = 5000000000\n"
             "neg = -9223372036854775808\n"
             "print(big, -big, mid, neg, big * 2 - 1)\n"
             "print(2.5, -0.0, 1e300, 'h\\xe9llo', b'\\x00\\xff', ...)\n",
             "123456789012345678901234567890 -123456789012345678901234567890 5000000000 "
             "-9223372036854775808 246913578024691357802469135779\n"
             "2.5 -0.0 1e+300 h\xc3\xa9llo b'\\x00\\xff' Ellipsis\n");
  check_same(
      "m2",
      "def outer(n):\n"
      "    total = 0\n"
      "    def add(k, *, scale=2, **kw):\n"
      "        nonlocal total\n"
      "        total += k * scale + len(kw)\n"
      "        return total\n"
      "    for i in range(n):\n"
      "        add(i, scale=3, extra=1)\n"
      "    return total\n"
      "def gen(n):\n"
      "    yield from range(n)\n"
      "    yield 'end'\n"
      "class Box:\n"
      "    count = 0\n"
      "    def __init__(self, v=7):\n"
      "        self.v = v\n"
      "        Box.count += 1\n"
      "    def __repr__(self):\n"
      "        return 'Box(%r)' % (self.v,)\n"
      "try:\n"
      "    {}['missing']\n"
      "except KeyError as e:\n"
      "    print('caught', repr(e))\n"
      "finally:\n"
      "    print('finally')\n"
      "print(outer(4), list(gen(3)), Box(), Box(1), Box.count)\n"
      "print([x * x for x in range(5) if x % 2], {k: v for k, v in zip('ab', (1, 2))})\n",
      "caught KeyError('missing')\nfinally\n22 [0, 1, 2, 'end'] Box(7) Box(1) 2\n[1, 9] {'a': 1, 'b': 2}\n");
  check_same("m3",
             "async def child(x):\n"
             "    return x + 1\n"
             "async def main():\n"
             "    r = []\n"
             "    for i in range(3):\n"
             "        r.append(await child(i))\n"
             "    return r\n"
             "c = main()\n"
             "try:\n"
             "    c.send(None)\n"
             "except StopIteration as s:\n"
             "    print('done', s.value)\n"
             "import sys\n"
             "print(__name__, sys.modules[__name__] is not None)\n",
             "done [1, 2, 3]\nm3 True\n");
  // Positional-only parameters stay positional-only through a blob.
  check_same("m4",
             "def f(a, /, b):\n"
             "    return a + b\n"
             "try:\n"
             "    f(a=1, b=2)\n"
             "except TypeError:\n"
             "    print('positional only')\n"
             "print(f(1, b=2))\n",
             "positional only\n3\n");
}
END_TEST

// Negative control of the comparison: different code gives different output.
START_TEST(comparison_can_fail) {
  rt_state->stack_base = __builtin_frame_address(0);
  size_t len;
  char *blob = make_blob("m4", "print(1)\n", NULL, &len);
  char *text = aligned_copy("print(2)\n", 9);
  char from_source[8192];
  snprintf(from_source, sizeof from_source, "%s", import_frozen("m4", text));
  ck_assert_str_ne(import_frozen("m4", blob), from_source);
  free(blob);
  free(text);
}
END_TEST

START_TEST(traceback_keeps_file_and_lines) {
  const char *src = "def inner(x):\n"
                    "    return 10 // x\n"
                    "def outer():\n"
                    "    return inner(0)\n"
                    "\n"
                    "outer()\n";
  check_same("boom", src,
             "Traceback (most recent call last):\n"
             "  File \"<stdin>\", line 1, in <module>\n"
             "  File \"<frozen boom>\", line 6, in <module>\n"
             "  File \"<frozen boom>\", line 4, in outer\n"
             "  File \"<frozen boom>\", line 2, in inner\n"
             "ZeroDivisionError: integer division or modulo by zero\n");
}
END_TEST

// Replaces the module's first constant by a tuple holding every kind of
// constant a blob stores (the compiler itself only makes some of them).
static void every_kind(rt_code_t *code) {
  ck_assert_uint_ge(code->n_consts, 1);
  rt_val_t inner = rt_tuple_new(2, NULL);
  rt_tuple_items(inner)[0] = rt_small(1);
  rt_tuple_items(inner)[1] = rt_str_new("a", 1);
  rt_val_t items[] = {
      RT_NONE,
      RT_FALSE,
      RT_TRUE,
      rt_val(&rt_ellipsis_obj),
      rt_small(7),
      rt_small(-7),
      rt_int_from_ll(1LL << 40),
      rt_int_from_ll(INT64_MIN),
      rt_int_parse("1267650600228229401496703205376", 31, 10),
      rt_int_parse("-18446744073709551616", 21, 10),
      rt_float_new(2.5),
      rt_float_new(-0.0),
      rt_float_new(1e300),
      rt_str_new("h\xc3\xa9llo", 6),
      rt_qstr_from_cstr("a_name"),
      rt_bytes_new("\x00\xff", 2),
      inner,
      rt_tuple_new(0, NULL),
  };
  code->consts[0] = rt_tuple_new(sizeof items / sizeof items[0], items);
}

static rt_val_t load_only(rt_val_t blob, rt_val_t len) {
  return rt_val(rt_persist_load((const void *)blob, (size_t)len));
}

START_TEST(every_constant_kind) {
  rt_state->stack_base = __builtin_frame_address(0);
  const char *src = "x = 1000000\n"
                    "print(repr(x))\n"
                    "print([type(v).__name__ for v in x])\n";
  size_t len;
  char *blob = make_blob("kinds", src, every_kind, &len);
  ck_assert_str_eq(import_frozen("kinds", blob),
                   "(None, False, True, Ellipsis, 7, -7, 1099511627776, -9223372036854775808, "
                   "1267650600228229401496703205376, -18446744073709551616, 2.5, -0.0, 1e+300, "
                   "'h\xc3\xa9llo', 'a_name', b'\\x00\\xff', (1, 'a'), ())\n"
                   "['NoneType', 'bool', 'bool', 'ellipsis', 'int', 'int', 'int', 'int', 'int', 'int', "
                   "'float', 'float', 'float', 'str', 'str', 'bytes', 'tuple', 'tuple']\n");
  // The str object stays an object and the interned name a qstr; code
  // constants nest; bytecode is writable heap memory (inline caches).
  rt_state->stack_base = __builtin_frame_address(0);
  rt_val_t code_v;
  ck_assert(rt_nlr_try(load_only, (rt_val_t)blob, (rt_val_t)len, &code_v));
  rt_code_t *code = (rt_code_t *)code_v;
  rt_val_t *t = rt_tuple_items(code->consts[0]);
  ck_assert(!rt_is_qstr(t[13]) && rt_is_qstr(t[14]));
  ck_assert(rt_gc_in_heap(code->bytecode));
  ck_assert_str_eq(rt_qstr_str(rt_qstr_val(code->filename), NULL), "<frozen kinds>");
  free(blob);

  char *fn_blob = make_blob("fn", "def f(a):\n    return a\n", NULL, &len);
  ck_assert(rt_nlr_try(load_only, (rt_val_t)fn_blob, (rt_val_t)len, &code_v));
  code = (rt_code_t *)code_v;
  bool has_code = false;
  for (uint32_t i = 0; i < code->n_consts; i++)
    has_code |= rt_is_ptr(code->consts[i]) && rt_typeof(code->consts[i]) == &rt_code_type;
  ck_assert(has_code);
  free(fn_blob);
}
END_TEST

// 0 when [len] bytes at [blob] load, 1 for ValueError, 2 for MemoryError,
// 3 for anything else.
static int load_status(const char *blob, size_t len) {
  rt_val_t res;
  if (rt_nlr_try(load_only, (rt_val_t)blob, (rt_val_t)len, &res)) return 0;
  const rt_type_t *t = rt_typeof(res);
  return t == &rt_exc_ValueError ? 1 : t == &rt_exc_MemoryError ? 2 : 3;
}

static const char *sample_src = "import sys\n"
                                "def f(a, b=2, *args, k=3, **kw):\n"
                                "    def g():\n"
                                "        return a + b\n"
                                "    return g() + k\n"
                                "class C:\n"
                                "    x = (1.5, 'text', b'raw', 99999999999999999999999)\n"
                                "    def m(self):\n"
                                "        try:\n"
                                "            return [i for i in range(3)]\n"
                                "        except Exception:\n"
                                "            return None\n"
                                "print(f(1, k=4), C().m())\n";

START_TEST(damaged_blobs_raise) {
  rt_state->stack_base = __builtin_frame_address(0);
  size_t len;
  char *blob = make_blob("dmg", sample_src, NULL, &len);
  ck_assert_int_eq(load_status(blob, len), 0); // negative control
  for (size_t i = 0; i < len; i++) {
    char *copy = aligned_copy(blob, len);
    copy[i] ^= 0x5a;
    ck_assert_msg(load_status(copy, len) == 1, "byte %zu changed: not refused", i);
    free(copy);
  }
  for (size_t n = 0; n < len; n++)
    ck_assert_msg(load_status(blob, n) == 1, "truncated to %zu: not refused", n);
  ck_assert_int_eq(load_status(blob + 1, len), 1); // not aligned (the check runs first)
  free(blob);
}
END_TEST

static void fix_checksum(char *blob, size_t len) {
  uint32_t hash = 2166136261u;
  for (size_t i = RT_PERSIST_HEADER; i < len; i++)
    hash = (hash ^ (uint8_t)blob[i]) * 16777619u;
  for (int i = 0; i < 4; i++)
    blob[12 + i] = (char)(hash >> (8 * i));
}

// With the checksum made to match, damage reaches the structural checks:
// every load either succeeds or raises, and most damage is refused.
START_TEST(damage_past_the_checksum_never_crashes) {
  rt_state->stack_base = __builtin_frame_address(0);
  size_t len;
  char *blob = make_blob("dmg2", sample_src, NULL, &len);
  int refused = 0, tried = 0;
  static const uint8_t flips[] = {0x01, 0x80, 0xff, 0x40};
  for (size_t i = RT_PERSIST_HEADER; i < len; i++) {
    for (size_t f = 0; f < sizeof flips; f++) {
      char *copy = aligned_copy(blob, len);
      copy[i] ^= (char)flips[f];
      fix_checksum(copy, len);
      int st = load_status(copy, len);
      ck_assert_msg(st <= 2, "byte %zu ^ %u: unexpected exception", i, flips[f]);
      refused += st != 0;
      tried++;
      free(copy);
    }
  }
  ck_assert_int_gt(refused, tried / 3);
  // Cut short with a header that agrees: the reader runs out of bytes.
  for (size_t n = RT_PERSIST_HEADER; n < len; n++) {
    char *copy = aligned_copy(blob, n);
    for (int i = 0; i < 4; i++)
      copy[8 + i] = (char)((uint32_t)n >> (8 * i));
    fix_checksum(copy, n);
    ck_assert_msg(load_status(copy, n) == 1, "cut to %zu: not refused", n);
    free(copy);
  }
  free(blob);
}
END_TEST

// Several random bytes changed at once, the checksum made to match:
// loads or raises, never crashes (a fixed seed keeps runs repeatable).
START_TEST(random_damage_never_crashes) {
  rt_state->stack_base = __builtin_frame_address(0);
  size_t len;
  char *blob = make_blob("dmg3", sample_src, NULL, &len);
  uint32_t seed = 12345;
  int refused = 0;
  for (int round = 0; round < 3000; round++) {
    char *copy = aligned_copy(blob, len);
    int changes = 1 + round % 4;
    for (int k = 0; k < changes; k++) {
      seed = seed * 1103515245u + 12345u;
      size_t at = RT_PERSIST_HEADER + (seed >> 8) % (len - RT_PERSIST_HEADER);
      copy[at] = (char)(seed >> 24);
    }
    fix_checksum(copy, len);
    int st = load_status(copy, len);
    ck_assert_msg(st <= 2, "round %d: unexpected exception", round);
    refused += st != 0;
    free(copy);
  }
  ck_assert_int_gt(refused, 1000);
  free(blob);
}
END_TEST

// Bytecode surgery the structural checks must catch.
static void bad_opcode(rt_code_t *c) {
  c->bytecode[0] = 0xf0;
}
static void bad_const_index(rt_code_t *c) {
  ck_assert_int_eq(c->bytecode[0], RT_OP_LOAD_CONST);
  c->bytecode[1] = 0x40;
}
static void no_return(rt_code_t *c) {
  c->bytecode[c->code_len - 1] = RT_OP_NOP;
}
static void jump_mid_instruction(rt_code_t *c) {
  for (uint32_t pc = 0; pc < c->code_len;) {
    int op = c->bytecode[pc];
    if (op == RT_OP_JUMP || op == RT_OP_POP_JUMP_IF_FALSE) {
      c->bytecode[pc + 1] = (uint8_t)(pc + 1); // its own argument byte
      c->bytecode[pc + 2] = (uint8_t)((pc + 1) >> 8);
      return;
    }
    pc += 1 + (op >= RT_OP_HAVE_ARG ? 2 : 0) + (rt_vm_op_has_cache(op) ? 2 : 0);
  }
  ck_abort_msg("no jump");
}

START_TEST(bad_bytecode_is_refused) {
  rt_state->stack_base = __builtin_frame_address(0);
  struct {
    const char *src;
    mutate_fn mutate;
  } cases[] = {
      {"x = 100000\n", bad_opcode},
      {"x = 100000\n", bad_const_index},
      {"x = 100000\n", no_return},
      {"x = 3\nwhile x:\n    x -= 1\n", jump_mid_instruction},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    size_t len;
    char *good = make_blob("bb", cases[i].src, NULL, &len);
    ck_assert_int_eq(load_status(good, len), 0); // negative control
    char *bad = make_blob("bb", cases[i].src, cases[i].mutate, &len);
    ck_assert_msg(load_status(bad, len) == 1, "case %zu not refused", i);
    free(good);
    free(bad);
  }
}
END_TEST

// The build's own frozen tables hold blobs that load.
START_TEST(runtime_table_is_compiled) {
  rt_state->stack_base = __builtin_frame_address(0);
  extern const rt_frozen_module_t rt_frozen_runtime_modules[];
  int n = 0;
  for (const rt_frozen_module_t *m = rt_frozen_runtime_modules; m->name; m++, n++) {
    ck_assert(rt_persist_is_blob(m->source));
    size_t len = rt_persist_blob_len(m->source);
    ck_assert_int_eq(load_status(m->source, len), 0);
  }
  ck_assert_int_gt(n, 0);
}
END_TEST

int main(void) {
  Suite *s = suite_create("persist");
  TCase *tc = tcase_create("persist");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, round_trip_runs_like_compiled_code);
  tcase_add_test(tc, comparison_can_fail);
  tcase_add_test(tc, traceback_keeps_file_and_lines);
  tcase_add_test(tc, every_constant_kind);
  tcase_add_test(tc, damaged_blobs_raise);
  tcase_add_test(tc, damage_past_the_checksum_never_crashes);
  tcase_add_test(tc, random_damage_never_crashes);
  tcase_add_test(tc, bad_bytecode_is_refused);
  tcase_add_test(tc, runtime_table_is_compiled);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}
