// SPDX-License-Identifier: MIT
// webrepl_files.c: the file store behind WebREPL's PUT_FILE and GET_FILE
// (webrepl_server.h's webrepl_files_t), through the runtime's own open():
// whatever filesystem is mounted, the same errors, and the open file kept
// where the collector sees it (in the _webrepl module's namespace, which
// sys.modules holds). Every call into the runtime is wrapped so that an
// exception (no filesystem, ENOENT, MemoryError) becomes a failed
// operation, never a jump out of the server.
#include "webrepl_files.h"

#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_file.h"
#include "obj_module.h"
#include "obj_str.h"
#include "qstr.h"
#include "raise.h"
#include "webrepl_server.h"

#include <stdio.h>
#include <string.h>

// The open transfer: the file object, under this key in _webrepl's namespace.
#define XFER_KEY "_transfer"

typedef struct {
  const char *name;
  const void *data;
  size_t len;
  int write;
} call_t;

static rt_dict_t *namespace_dict(void) {
  return rt_module_dict(rt_module_import(rt_qstr_from_cstr("_webrepl")));
}

static rt_val_t do_open(rt_val_t a, rt_val_t b) {
  (void)b;
  const call_t *c = (const call_t *)rt_ptr(a);
  char path[80];
  // WebREPL names are relative to the root, as on MicroPython.
  snprintf(path, sizeof path, "%s%s", c->name[0] == '/' ? "" : "/", c->name);
  rt_val_t args[2] = {rt_str_new_cstr(path), rt_str_new_cstr(c->write ? "wb" : "rb")};
  rt_val_t f = rt_obj_call(rt_val(&rt_file_open_obj), 2, args, NULL);
  rt_dict_set(namespace_dict(), rt_qstr_from_cstr(XFER_KEY), f);
  return RT_NONE;
}

static rt_val_t current_file(void) {
  rt_val_t f = rt_dict_get(namespace_dict(), rt_qstr_from_cstr(XFER_KEY));
  if (!f || f == RT_NONE) rt_raise_msg(&rt_exc_OSError, "no transfer");
  return f;
}

static rt_val_t do_read(rt_val_t a, rt_val_t b) {
  (void)b;
  call_t *c = (call_t *)rt_ptr(a);
  rt_val_t m[2];
  rt_obj_load_method(current_file(), rt_qstr_from_cstr("read"), m);
  rt_val_t n = rt_small((intptr_t)c->len);
  rt_val_t data = rt_obj_call_method(m, 1, &n);
  size_t got;
  const char *p = rt_str_data(data, &got);
  if (got > c->len) got = c->len;
  memcpy((void *)c->data, p, got);
  c->len = got;
  return RT_NONE;
}

static rt_val_t do_write(rt_val_t a, rt_val_t b) {
  (void)b;
  const call_t *c = (const call_t *)rt_ptr(a);
  rt_val_t m[2];
  rt_obj_load_method(current_file(), rt_qstr_from_cstr("write"), m);
  rt_val_t data = rt_bytes_new(c->data, c->len);
  rt_obj_call_method(m, 1, &data);
  return RT_NONE;
}

static rt_val_t do_close(rt_val_t a, rt_val_t b) {
  (void)a, (void)b;
  rt_dict_t *d = namespace_dict();
  rt_val_t key = rt_qstr_from_cstr(XFER_KEY);
  rt_val_t f = rt_dict_get(d, key);
  rt_dict_set(d, key, RT_NONE);
  if (f && f != RT_NONE) {
    rt_val_t m[2];
    rt_obj_load_method(f, rt_qstr_from_cstr("close"), m);
    rt_obj_call_method(m, 0, NULL);
  }
  return RT_NONE;
}

static int run(rt_val_t (*fn)(rt_val_t, rt_val_t), call_t *c) {
  rt_val_t out;
  return rt_nlr_try(fn, rt_val(c), RT_NONE, &out) ? 0 : -1;
}

static int files_open(const char *name, int write) {
  call_t c = {.name = name, .write = write};
  return run(do_open, &c);
}

static int files_read(int h, void *buf, size_t len) {
  (void)h;
  call_t c = {.data = buf, .len = len};
  return run(do_read, &c) ? -1 : (int)c.len;
}

static int files_write(int h, const void *buf, size_t len) {
  (void)h;
  call_t c = {.data = buf, .len = len};
  return run(do_write, &c);
}

static void files_close(int h) {
  (void)h;
  call_t c = {0};
  run(do_close, &c);
}

static const webrepl_files_t runtime_files = {files_open, files_read, files_write, files_close};

void webrepl_files_install(void) {
  webrepl_set_files(&runtime_files);
}
