// SPDX-License-Identifier: MIT
// frozen.c: importing the modules frozen into the firmware as source.
//
// The source stays where the linker put it (on the ESP8266 that is irom0
// flash, which only allows aligned 32-bit loads), so it is read through a
// reader that fetches whole aligned words; the generated tables align each
// source to 4 bytes and pad it with NULs to a word boundary. An entry may
// instead hold compiled code (persist.h, told apart by its first byte),
// which is loaded rather than compiled: far less heap at import.
#include "frozen.h"
#include "compile.h"
#include "obj_dict.h"
#include "obj_module.h"
#include "persist.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"
#include "vm.h"

// The port's table. Configuration rather than interpreter state: set once
// at boot, kept across soft resets.
static const rt_frozen_module_t *port_frozen;

void rt_register_frozen(const rt_frozen_module_t *table) {
  port_frozen = table;
}

static const char *find_in(const rt_frozen_module_t *table, const char *name) {
  for (const rt_frozen_module_t *m = table; m && m->name; m++)
    if (strcmp(m->name, name) == 0) return m->source;
  return NULL;
}

const char *rt_frozen_find(rt_val_t name) {
  const char *text = rt_qstr_str(name, NULL);
  const char *src = find_in(rt_frozen_runtime_modules, text);
  return src ? src : find_in(port_frozen, text);
}

// A reader over NUL-terminated text in word-addressed memory.
typedef struct {
  const char *base; // 4-byte aligned
  size_t pos;
} word_reader_t;

static int word_read(void *ctx) {
  word_reader_t *r = ctx;
  uint32_t word = *(const uint32_t *)(const void *)(r->base + (r->pos & ~(size_t)3));
  unsigned char bytes[4];
  memcpy(bytes, &word, 4); // the byte order of memory, whatever the CPU's
  unsigned char c = bytes[r->pos & 3];
  if (c == 0) return -1;
  r->pos++;
  return c;
}

rt_val_t rt_frozen_import(rt_val_t name) {
  const char *src = rt_frozen_find(name);
  if (!src) return RT_NULL;
  rt_val_t module = rt_module_new(name);
  rt_dict_t *globals = rt_module_dict(module);
  rt_dict_set(rt_state->modules, name, module);
  rt_nlr_t nlr;
  rt_nlr_push(&nlr);
  if (setjmp(nlr.jb) == 0) {
    rt_code_t *code;
    if (rt_persist_is_blob(src)) {
      code = rt_persist_load(src, rt_persist_blob_len(src)); // names its file itself
    } else {
      word_reader_t wr = {src, 0};
      rt_reader_t reader = {word_read, &wr};
      size_t len;
      const char *text = rt_qstr_str(name, &len);
      // "<frozen NAME>" as CPython names the file of a frozen module.
      char fname[64];
      if (len > sizeof fname - 10) len = sizeof fname - 10;
      memcpy(fname, "<frozen ", 8);
      memcpy(fname + 8, text, len);
      fname[8 + len] = '>';
      code = rt_compile(reader, rt_qstr_from(fname, 9 + len), RT_COMPILE_FILE);
    }
    rt_vm_run_module(code, globals);
    rt_nlr_pop(&nlr);
    return module;
  }
  rt_dict_pop(rt_state->modules, name);
  rt_raise(nlr.exc);
}
