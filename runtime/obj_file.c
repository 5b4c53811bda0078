// SPDX-License-Identifier: MIT
// obj_file.c: open() and the file objects it returns (see obj_file.h).
//
// A file object owns an fs_file_t of the filesystem it was opened on.
// Changes reach flash on flush() or close() (fs_file_sync): until then a
// power cut leaves the file as it was.
#include "obj_file.h"
#include "fs_file.h"
#include "fs_vfs.h"
#include "gc.h"
#include "mod_io.h"
#include "obj_bytearray.h"
#include "obj_bytes.h"
#include "obj_exc.h"
#include "obj_list.h"
#include "obj_str.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "vstr.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

typedef struct {
  const rt_type_t *type; // &rt_textio_type or &rt_fileio_type
  rt_vfs_t *vfs;         // keeps the filesystem alive while the file is
  fs_file_t f;
  rt_val_t name, mode; // as given to open()
  bool closed;
} file_t;

#define F(v) ((file_t *)(v))

static bool is_text(rt_val_t self) {
  return rt_typeof(self) == &rt_textio_type;
}

// The open file of [self]; raises when it is closed or its filesystem
// was unmounted.
static fs_file_t *live(rt_val_t self) {
  file_t *f = F(self);
  if (f->closed) rt_raise_msg(&rt_exc_ValueError, RT_MSG("I/O operation on closed file."));
  if (!f->vfs->mounted || !f->f.fs) rt_vfs_raise(-FS_EBADF, RT_NULL);
  return &f->f;
}

static fs_file_t *readable(rt_val_t self) {
  fs_file_t *f = live(self);
  if (!(f->flags & FS_O_READ)) rt_raise_msg(&rt_exc_OSError, RT_MSG("not readable"));
  return f;
}

// Appends up to [want] bytes from the position to [v]; returns how many.
static size_t read_into(fs_file_t *f, rt_vstr_t *v, size_t want) {
  size_t got = 0;
  while (got < want) {
    size_t k = want - got < 256 ? want - got : 256;
    char *dst = rt_vstr_reserve(v, k);
    int r = rt_vfs_check(fs_file_read(f, dst, (uint32_t)k), RT_NULL);
    if (r == 0) break;
    v->len += (size_t)r;
    v->buf[v->len] = 0;
    got += (size_t)r;
  }
  return got;
}

// Bytes a UTF-8 sequence starting with [c] has in all.
static size_t utf8_len(uint8_t c) {
  return c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

static rt_val_t result(rt_val_t self, rt_vstr_t *v) {
  return is_text(self) ? rt_str_new(v->buf, v->len) : rt_bytes_new(v->buf, v->len);
}

static rt_val_t m_read(ARGS) {
  (void)kw;
  fs_file_t *f = readable(args[0]);
  intptr_t want = n > 1 && args[1] != RT_NONE ? rt_obj_get_int(args[1]) : -1;
  size_t left = f->size > f->pos ? f->size - f->pos : 0;
  if (want < 0 || (size_t)want >= left) {
    // The rest of the file, straight into the result: the heap is small.
    char *data;
    rt_val_t out = rt_str_new_uninit(left, &data);
    size_t got = 0;
    while (got < left) {
      int r = rt_vfs_check(fs_file_read(f, data + got, (uint32_t)(left - got)), RT_NULL);
      if (r == 0) break;
      got += (size_t)r;
    }
    if (got < left) out = rt_str_new(data, got);
    if (!is_text(args[0])) rt_ptr(out)->type = &rt_bytes_type;
    return out;
  }
  rt_vstr_t v;
  rt_vstr_init(&v, 16);
  if (!is_text(args[0])) {
    read_into(f, &v, (size_t)want);
  } else {
    // Text: [want] characters, so whole UTF-8 sequences.
    size_t chars = 0;
    while (chars < (size_t)want) {
      size_t start = v.len;
      if (!read_into(f, &v, (size_t)want - chars)) break;
      for (size_t i = start; i < v.len; i++)
        chars += ((uint8_t)v.buf[i] & 0xc0) != 0x80;
    }
    // Complete a sequence cut at the end.
    size_t i = v.len;
    while (i > 0 && ((uint8_t)v.buf[i - 1] & 0xc0) == 0x80)
      i--;
    if (i > 0 && i - 1 + utf8_len((uint8_t)v.buf[i - 1]) > v.len)
      read_into(f, &v, i - 1 + utf8_len((uint8_t)v.buf[i - 1]) - v.len);
  }
  return result(args[0], &v);
}

// One line (with its "\n") of at most [limit] bytes (-1: any), or an
// empty result at the end.
static rt_val_t read_line(rt_val_t self, intptr_t limit) {
  fs_file_t *f = readable(self);
  rt_vstr_t v;
  rt_vstr_init(&v, 32);
  for (;;) {
    size_t start = v.len;
    size_t want = 64;
    if (limit >= 0 && (size_t)limit - v.len < want) want = (size_t)limit - v.len;
    if (!want || !read_into(f, &v, want)) break;
    char *nl = memchr(v.buf + start, '\n', v.len - start);
    if (nl) {
      size_t keep = (size_t)(nl - v.buf) + 1;
      f->pos -= (uint32_t)(v.len - keep); // give back what followed the newline
      v.len = keep;
      break;
    }
  }
  return result(self, &v);
}

static rt_val_t m_readline(ARGS) {
  (void)kw;
  return rt_io_readline(n, args, read_line);
}

static rt_val_t m_readlines(ARGS) {
  (void)n, (void)kw;
  return rt_io_readlines(args[0], read_line);
}

static rt_val_t m_readinto(ARGS) {
  (void)n, (void)kw;
  fs_file_t *f = readable(args[0]);
  if (!rt_is_obj(args[1], &rt_bytearray_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("readinto() argument must be a bytearray, not %t"), args[1]);
  rt_bytearray_t *b = (rt_bytearray_t *)args[1];
  int r = rt_vfs_check(fs_file_read(f, b->data, (uint32_t)b->len), RT_NULL);
  return rt_small(r);
}

static rt_val_t m_write(ARGS) {
  (void)n, (void)kw;
  fs_file_t *f = live(args[0]);
  if (!(f->flags & FS_O_WRITE)) rt_raise_msg(&rt_exc_OSError, RT_MSG("not writable"));
  rt_val_t data = args[1];
  const char *bytes;
  size_t len, count;
  if (is_text(args[0])) {
    if (!rt_is_str(data))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("write() argument must be str, not %t"), data);
    bytes = rt_str_data(data, &len);
    count = rt_str_char_count(bytes, len);
  } else if (rt_is_obj(data, &rt_bytes_type)) {
    bytes = rt_str_data(data, &len);
    count = len;
  } else if (rt_is_obj(data, &rt_bytearray_type)) {
    bytes = (const char *)((rt_bytearray_t *)data)->data;
    count = len = ((rt_bytearray_t *)data)->len;
  } else {
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("a bytes-like object is required, not '%t'"), data);
  }
  rt_vfs_check(fs_file_write(f, bytes, (uint32_t)len), F(args[0])->name);
  return rt_small((intptr_t)count);
}

static rt_val_t m_seek(ARGS) {
  (void)kw;
  fs_file_t *f = live(args[0]);
  intptr_t off = rt_obj_get_int(args[1]);
  intptr_t whence = n > 2 ? rt_obj_get_int(args[2]) : 0;
  intptr_t base = whence == 0 ? 0 : whence == 1 ? (intptr_t)f->pos : whence == 2 ? (intptr_t)f->size : -1;
  if (base < 0)
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("invalid whence (%d, should be 0, 1 or 2)"), (int)whence);
  intptr_t pos = base + off;
  if (pos < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("negative seek position %d"), (int)pos);
  if ((uintptr_t)pos > 0x7fffffff) rt_vfs_raise(-FS_EFBIG, RT_NULL);
  f->pos = (uint32_t)pos;
  return rt_small(pos);
}

static rt_val_t m_tell(ARGS) {
  (void)n, (void)kw;
  return rt_small((intptr_t)live(args[0])->pos);
}

static rt_val_t m_flush(ARGS) {
  (void)n, (void)kw;
  rt_vfs_check(fs_file_sync(live(args[0])), F(args[0])->name);
  return RT_NONE;
}

static rt_val_t m_close(ARGS) {
  (void)n, (void)kw;
  file_t *f = F(args[0]);
  if (f->closed) return RT_NONE;
  f->closed = true;
  // After an unmount the filesystem is gone and there is nothing to publish.
  int r = f->vfs->mounted && f->f.fs ? fs_file_close(&f->f) : 0;
  rt_vfs_check(r, f->name);
  return RT_NONE;
}

static rt_val_t m_enter(ARGS) {
  (void)n, (void)kw;
  live(args[0]);
  return args[0];
}

static rt_val_t m_exit(ARGS) {
  (void)n;
  return m_close(1, args, kw);
}

static RT_BUILTIN(read_obj, read, 1, 2, 0, m_read);
static RT_BUILTIN(readline_obj, readline, 1, 2, 0, m_readline);
static RT_BUILTIN(readlines_obj, readlines, 1, 2, 0, m_readlines);
static RT_BUILTIN(readinto_obj, readinto, 2, 2, 0, m_readinto);
static RT_BUILTIN(write_obj, write, 2, 2, 0, m_write);
static RT_BUILTIN(seek_obj, seek, 2, 3, 0, m_seek);
static RT_BUILTIN(tell_obj, tell, 1, 1, 0, m_tell);
static RT_BUILTIN(flush_obj, flush, 1, 1, 0, m_flush);
static RT_BUILTIN(close_obj, close, 1, 1, 0, m_close);
static RT_BUILTIN(enter_obj, __enter__, 1, 1, 0, m_enter);
static RT_BUILTIN(exit_obj, __exit__, 1, 4, 0, m_exit);

static const rt_method_t file_methods[] = {
    {RT_Q_read, &read_obj},         {RT_Q_readline, &readline_obj}, {RT_Q_readlines, &readlines_obj},
    {RT_Q_readinto, &readinto_obj}, {RT_Q_write, &write_obj},       {RT_Q_seek, &seek_obj},
    {RT_Q_tell, &tell_obj},         {RT_Q_flush, &flush_obj},       {RT_Q_close, &close_obj},
    {RT_Q___enter__, &enter_obj},   {RT_Q___exit__, &exit_obj},     {0, NULL},
};

static rt_val_t file_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store != RT_NULL) return RT_NULL;
  if (name == RT_QV(closed)) return rt_bool(F(self)->closed);
  if (name == RT_QV(name)) return F(self)->name;
  if (name == RT_QV(mode)) return F(self)->mode;
  return RT_NULL;
}

static rt_val_t file_iternext(rt_val_t self) {
  rt_val_t line = read_line(self, -1);
  return rt_obj_truthy(line) ? line : RT_NULL;
}

static rt_val_t file_getiter(rt_val_t self) {
  live(self);
  return self;
}

static void file_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_print_format(p, "<io.%q name=%r mode=%r>", rt_qstr_val(rt_typeof(self)->name), F(self)->name,
                  F(self)->mode);
}

const rt_type_t rt_textio_type = {
    .type = &rt_type_type,
    .name = RT_Q_TextIOWrapper,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .methods = file_methods,
    .print = file_print,
    .attr = file_attr,
    .getiter = file_getiter,
    .iternext = file_iternext,
};

const rt_type_t rt_fileio_type = {
    .type = &rt_type_type,
    .name = RT_Q_FileIO,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .methods = file_methods,
    .print = file_print,
    .attr = file_attr,
    .getiter = file_getiter,
    .iternext = file_iternext,
};

// Turns a mode string into FS_O_* flags; *text tells the kind of file.
static int parse_mode(rt_val_t mode, bool *text) {
  size_t len;
  const char *m = rt_str_data(mode, &len);
  char base = 0;
  bool plus = false, b = false, t = false;
  for (size_t i = 0; i < len; i++) {
    char c = m[i];
    if (c == 'r' || c == 'w' || c == 'a' || c == 'x') {
      if (base)
        rt_raise_msg(&rt_exc_ValueError, RT_MSG("must have exactly one of create/read/write/append mode"));
      base = c;
    } else if (c == '+' && !plus) {
      plus = true;
    } else if (c == 'b' && !b) {
      b = true;
    } else if (c == 't' && !t) {
      t = true;
    } else {
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("invalid mode: '%S'"), mode);
    }
  }
  if (b && t) rt_raise_msg(&rt_exc_ValueError, RT_MSG("can't have text and binary mode at once"));
  if (!base)
    rt_raise_msg(&rt_exc_ValueError,
                 RT_MSG("Must have exactly one of create/read/write/append mode and at most one plus"));
  *text = !b;
  int flags = plus ? FS_O_READ | FS_O_WRITE : 0;
  switch (base) {
  case 'r': return flags | FS_O_READ;
  case 'w': return flags | FS_O_WRITE | FS_O_CREATE | FS_O_TRUNC;
  case 'a': return flags | FS_O_WRITE | FS_O_CREATE | FS_O_APPEND;
  default: return flags | FS_O_WRITE | FS_O_CREATE | FS_O_EXCL;
  }
}

static rt_val_t file_open(ARGS) {
  static const unsigned short allowed[] = {RT_Q_mode, RT_Q_buffering, RT_Q_encoding, RT_Q_errors,
                                           RT_Q_newline};
  rt_kw_check(kw, allowed, sizeof allowed / sizeof allowed[0], "open");
  rt_val_t path = args[0];
  rt_val_t mode = n > 1 ? args[1] : RT_NULL;
  if (kw && rt_kw_get(kw, RT_QV(mode))) mode = rt_kw_get(kw, RT_QV(mode));
  if (!mode) mode = rt_str_new_cstr("r");
  if (!rt_is_str(mode))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("open() argument 'mode' must be str, not %t"), mode);
  if (!rt_is_str(path))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("expected str, bytes or os.PathLike object, not %t"), path);
  bool text;
  int flags = parse_mode(mode, &text);
  char abs[RT_VFS_PATH_MAX];
  rt_vfs_abspath(path, abs);
  const char *rel;
  rt_vfs_t *v = rt_vfs_find(abs, &rel);
  file_t *f = rt_gc_alloc(sizeof *f, 0);
  f->type = text ? &rt_textio_type : &rt_fileio_type;
  f->vfs = v;
  f->name = path;
  f->mode = mode;
  rt_vfs_check(fs_file_open(&v->fs, &f->f, rel, flags), path);
  if (flags & FS_O_APPEND) f->f.pos = f->f.size;
  return rt_val(f);
}

const rt_builtin_t rt_file_open_obj = {&rt_builtin_type, RT_Q_open, 1, 8, RT_BF_KW, file_open};
