// SPDX-License-Identifier: MIT
// mod_io.c: in-memory text and byte streams: write, read, readline,
// readlines, iteration, getvalue, seek, tell, close, and use as
// print(file=...) targets.
#include "mod_io.h"
#include "gc.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_list.h"
#include "obj_str.h"
#include "qstr.h"
#include "raise.h"
#include "vstr.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

typedef struct {
  const rt_type_t *type;
  rt_vstr_t buf;
  size_t pos;
  bool closed;
} stream_t;

extern const rt_type_t rt_stringio_type, rt_bytesio_type;
#define S(v) ((stream_t *)(v))

static bool is_bytes_stream(rt_val_t v) {
  return rt_typeof(v) == &rt_bytesio_type;
}

// The bytes [v] gives a stream of kind [bytes]: a str for StringIO, any
// bytes-like object for BytesIO; raises TypeError with [what]'s words.
static const char *data_of(rt_val_t v, bool bytes, size_t *len, bool initial) {
  if (bytes) {
    const uint8_t *d;
    if (!rt_bytes_buffer(v, &d, len))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("a bytes-like object is required, not '%t'"), v);
    return (const char *)d;
  }
  if (!rt_is_str(v)) {
    if (initial) rt_raise_msg(&rt_exc_TypeError, RT_MSG("initial_value must be str or None, not %t"), v);
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("string argument expected, got '%t'"), v);
  }
  return rt_str_data(v, len);
}

static rt_val_t make(const rt_type_t *t, rt_val_t init) {
  stream_t *s = rt_gc_alloc(sizeof *s, 0);
  s->type = t;
  rt_vstr_init(&s->buf, 32);
  if (init && init != RT_NONE) {
    size_t len;
    const char *d = data_of(init, t == &rt_bytesio_type, &len, true);
    rt_vstr_add(&s->buf, d, len);
  }
  return rt_val(s);
}

static rt_val_t out(rt_val_t self, const char *d, size_t n) {
  return is_bytes_stream(self) ? rt_bytes_new(d, n) : rt_str_new(d, n);
}

static void check_open(rt_val_t self) {
  // CPython's two classes word it differently.
  if (S(self)->closed)
    rt_raise_msg(&rt_exc_ValueError, is_bytes_stream(self) ? RT_MSG("I/O operation on closed file.")
                                                           : RT_MSG("I/O operation on closed file"));
}

static rt_val_t io_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return make(t, n ? args[0] : RT_NULL);
}

static rt_val_t m_write(ARGS) {
  (void)n, (void)kw;
  check_open(args[0]);
  stream_t *s = S(args[0]);
  size_t len;
  data_of(args[1], is_bytes_stream(args[0]), &len, false);
  // Overwrite from the position (usually the end); a gap after a seek
  // past the end reads back as zero bytes.
  if (s->pos + len > s->buf.len) {
    size_t old = s->buf.len;
    rt_vstr_reserve(&s->buf, s->pos + len - s->buf.len);
    if (s->pos > old) memset(s->buf.buf + old, 0, s->pos - old);
    s->buf.len = s->pos + len;
    s->buf.buf[s->buf.len] = 0;
  }
  rt_memcpy(s->buf.buf + s->pos, data_of(args[1], is_bytes_stream(args[0]), &len, false), len);
  s->pos += len;
  return rt_small((intptr_t)len);
}

static rt_val_t m_read(ARGS) {
  (void)kw;
  check_open(args[0]);
  stream_t *s = S(args[0]);
  size_t avail = s->pos < s->buf.len ? s->buf.len - s->pos : 0, k = avail;
  if (n > 1 && args[1] != RT_NONE) {
    intptr_t want = rt_obj_get_int(args[1]);
    if (want >= 0 && (size_t)want < avail) k = (size_t)want;
  }
  rt_val_t r = out(args[0], s->buf.buf + (avail ? s->pos : 0), k);
  s->pos += k;
  return r;
}

// The next line (with its newline), at most [limit] bytes when >= 0.
static rt_val_t read_line(rt_val_t self, intptr_t limit) {
  check_open(self);
  stream_t *s = S(self);
  if (s->pos >= s->buf.len) return out(self, "", 0);
  size_t e = s->pos;
  while (e < s->buf.len && s->buf.buf[e] != '\n' && (limit < 0 || (intptr_t)(e - s->pos) < limit))
    e++;
  if (e < s->buf.len && s->buf.buf[e] == '\n' && (limit < 0 || (intptr_t)(e - s->pos) < limit)) e++;
  rt_val_t r = out(self, s->buf.buf + s->pos, e - s->pos);
  s->pos = e;
  return r;
}

rt_val_t rt_io_readline(size_t n, const rt_val_t *args, rt_io_read_line_fn read_line) {
  return read_line(args[0], n > 1 && args[1] != RT_NONE ? rt_obj_get_int(args[1]) : -1);
}

rt_val_t rt_io_readlines(rt_val_t self, rt_io_read_line_fn read_line) {
  rt_val_t list = rt_list_new(0);
  for (;;) {
    rt_val_t line = read_line(self, -1);
    if (!rt_obj_truthy(line)) return list;
    rt_list_append(list, line);
  }
}

static rt_val_t m_readline(ARGS) {
  (void)kw;
  return rt_io_readline(n, args, read_line);
}

static rt_val_t m_readlines(ARGS) {
  (void)n, (void)kw;
  return rt_io_readlines(args[0], read_line);
}

static rt_val_t io_iternext(rt_val_t self) {
  rt_val_t line = read_line(self, -1);
  return rt_obj_truthy(line) ? line : RT_NULL;
}

static rt_val_t io_getiter(rt_val_t self) {
  check_open(self);
  return self;
}

static rt_val_t io_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store != RT_NULL || name != RT_QV(closed)) return RT_NULL;
  return rt_bool(S(self)->closed);
}

static rt_val_t m_getvalue(ARGS) {
  (void)n, (void)kw;
  check_open(args[0]);
  return out(args[0], S(args[0])->buf.buf, S(args[0])->buf.len);
}

// seek(offset, whence): from the start (0), the position (1) or the end
// (2). Past the end is allowed; a later write fills the gap with zeros.
static rt_val_t m_seek(ARGS) {
  (void)kw;
  check_open(args[0]);
  stream_t *s = S(args[0]);
  intptr_t p = rt_obj_get_int(args[1]), whence = n > 2 ? rt_obj_get_int(args[2]) : 0;
  if (whence < 0 || whence > 2)
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("invalid whence (%d, should be 0, 1 or 2)"), (int)whence);
  if (whence == 0 && p < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("Negative seek position %d"), (int)p);
  if (whence == 1) p += (intptr_t)s->pos;
  if (whence == 2) p += (intptr_t)s->buf.len;
  s->pos = p < 0 ? 0 : (size_t)p;
  return rt_small((intptr_t)s->pos);
}

static rt_val_t m_tell(ARGS) {
  (void)n, (void)kw;
  return rt_small((intptr_t)S(args[0])->pos);
}

static rt_val_t m_close(ARGS) {
  (void)n, (void)kw;
  S(args[0])->closed = true;
  return RT_NONE;
}

static rt_val_t m_flush(ARGS) {
  (void)n, (void)args, (void)kw;
  return RT_NONE;
}

static rt_val_t m_enter(ARGS) {
  (void)n, (void)kw;
  return args[0];
}

static rt_val_t m_exit(ARGS) {
  (void)n, (void)kw;
  S(args[0])->closed = true;
  return RT_NONE;
}

static RT_BUILTIN(write_obj, write, 2, 2, 0, m_write);
static RT_BUILTIN(read_obj, read, 1, 2, 0, m_read);
static RT_BUILTIN(readline_obj, readline, 1, 2, 0, m_readline);
static RT_BUILTIN(readlines_obj, readlines, 1, 2, 0, m_readlines);
static RT_BUILTIN(getvalue_obj, getvalue, 1, 1, 0, m_getvalue);
static RT_BUILTIN(seek_obj, seek, 2, 3, 0, m_seek);
static RT_BUILTIN(tell_obj, tell, 1, 1, 0, m_tell);
static RT_BUILTIN(close_obj, close, 1, 1, 0, m_close);
static RT_BUILTIN(flush_obj, flush, 1, 1, 0, m_flush);
static RT_BUILTIN(enter_obj, __enter__, 1, 1, 0, m_enter);
static RT_BUILTIN(exit_obj, __exit__, 1, 4, 0, m_exit);

static const rt_method_t io_methods[] = {
    {RT_Q_write, &write_obj},         {RT_Q_read, &read_obj},         {RT_Q_readline, &readline_obj},
    {RT_Q_readlines, &readlines_obj}, {RT_Q_getvalue, &getvalue_obj}, {RT_Q_seek, &seek_obj},
    {RT_Q_tell, &tell_obj},           {RT_Q_close, &close_obj},       {RT_Q_flush, &flush_obj},
    {RT_Q___enter__, &enter_obj},     {RT_Q___exit__, &exit_obj},     {0, NULL},
};

const rt_type_t rt_stringio_type = {
    .type = &rt_type_type,
    .name = RT_Q_StringIO,
    .base = &rt_object_type,
    .methods = io_methods,
    .make_new = io_make_new,
    .attr = io_attr,
    .getiter = io_getiter,
    .iternext = io_iternext,
};

const rt_type_t rt_bytesio_type = {
    .type = &rt_type_type,
    .name = RT_Q_BytesIO,
    .base = &rt_object_type,
    .methods = io_methods,
    .make_new = io_make_new,
    .attr = io_attr,
    .getiter = io_getiter,
    .iternext = io_iternext,
};

void rt_io_init(rt_dict_t *g) {
  rt_dict_set(g, RT_QV(StringIO), rt_val(&rt_stringio_type));
  rt_dict_set(g, RT_QV(BytesIO), rt_val(&rt_bytesio_type));
}
