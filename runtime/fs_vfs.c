// SPDX-License-Identifier: MIT
// fs_vfs.c: mount table, paths, the VfsPyrite class, Python block devices
// and running files from the filesystem (see fs_vfs.h).
#include "fs_vfs.h"
#include "exec.h"
#include "fs_file.h"
#include "gc.h"
#include "hal.h"
#include "obj_bytearray.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_list.h"
#include "obj_module.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "obj_type.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"
#include "vm.h"

#include <stdio.h>

// Interpreter state of this file (rt_state->vfs, in the GC heap).
typedef struct {
  rt_val_t cwd;                     // str, absolute
  rt_val_t path[RT_VFS_MOUNTS];     // mount point (str) or RT_NULL for a free slot
  rt_vfs_t *mounted[RT_VFS_MOUNTS]; // what is mounted there
} vfs_state_t;

// Configuration from the port, kept across soft resets.
static const fs_bdev_t *flash_dev;
static const char *flash_why_none;

void rt_vfs_set_flash(const fs_bdev_t *flash, const char *why_none) {
  flash_dev = flash;
  flash_why_none = why_none;
}

static vfs_state_t *vfs_state(void) {
  if (!rt_state->vfs) {
    vfs_state_t *s = rt_gc_alloc(sizeof *s, 0);
    s->cwd = rt_str_new_cstr("/");
    rt_state->vfs = s;
  }
  return rt_state->vfs;
}

// The filesystem's RAM comes from the GC heap (no pointers inside).
static void *heap_alloc(void *ctx, size_t n) {
  (void)ctx;
  return rt_gc_alloc_maybe(n ? n : 1, RT_GC_LEAF);
}
static void heap_free(void *ctx, void *p) {
  (void)ctx;
  rt_gc_free(p);
}
static const fs_alloc_t heap = {heap_alloc, heap_free, NULL};

// ---- errors ----

static const char *strerror_of(int e) {
  switch (e) {
  case 1: return "Operation not permitted";
  case FS_ENOENT: return "No such file or directory";
  case FS_EIO: return "Input/output error";
  case FS_EBADF: return "Bad file descriptor";
  case FS_ENOMEM: return "Cannot allocate memory";
  case FS_EBUSY: return "Device or resource busy";
  case FS_EEXIST: return "File exists";
  case FS_ENODEV: return "No such device";
  case 18: return "Invalid cross-device link";
  case FS_ENOTDIR: return "Not a directory";
  case FS_EISDIR: return "Is a directory";
  case FS_EINVAL: return "Invalid argument";
  case FS_EFBIG: return "File too large";
  case FS_ENOSPC: return "No space left on device";
  case FS_EROFS: return "Read-only file system";
  case FS_ENAMETOOLONG: return "File name too long";
  case FS_ENOTEMPTY: return "Directory not empty";
  default: return "Error";
  }
}

void rt_vfs_raise(int err, rt_val_t path) {
  int e = -err;
  const rt_type_t *t = &rt_exc_OSError;
  if (e == FS_ENOENT) t = &rt_exc_FileNotFoundError;
  if (e == FS_EEXIST) t = &rt_exc_FileExistsError;
  if (e == FS_EISDIR) t = &rt_exc_IsADirectoryError;
  if (e == FS_ENOTDIR) t = &rt_exc_NotADirectoryError;
  rt_val_t args[3] = {rt_small(e), rt_str_new_cstr(strerror_of(e)), path};
  rt_raise(rt_exc_new(t, path ? 3 : 2, args));
}

int rt_vfs_check(int r, rt_val_t path) {
  if (r < 0) rt_vfs_raise(r, path);
  return r;
}

// ---- paths ----

// Appends the segments of [s] ([n] bytes) to the normal absolute path in
// out[0..*len): "." and empty segments vanish, ".." climbs.
static void add_segments(char *out, size_t *len, const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != '/')
      j++;
    size_t k = j - i;
    if (k == 2 && s[i] == '.' && s[i + 1] == '.') {
      while (*len > 1 && out[*len - 1] != '/')
        (*len)--;
      if (*len > 1) (*len)--; // the slash before the climbed segment
    } else if (k && !(k == 1 && s[i] == '.')) {
      if (*len + 1 + k >= RT_VFS_PATH_MAX) rt_vfs_raise(-FS_ENAMETOOLONG, RT_NULL);
      if (*len > 1) out[(*len)++] = '/';
      memcpy(out + *len, s + i, k);
      *len += k;
    }
    i = j + 1;
  }
  out[*len] = 0;
}

void rt_vfs_abspath(rt_val_t path, char out[RT_VFS_PATH_MAX]) {
  if (!rt_is_str(path))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("expected str, bytes or os.PathLike object, not %t"), path);
  size_t n, len = 1;
  const char *p = rt_str_data(path, &n);
  if (memchr(p, 0, n)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("embedded null byte"));
  if (n == 0) rt_vfs_raise(-FS_ENOENT, path); // as CPython: "" names nothing
  out[0] = '/';
  out[1] = 0;
  if (n == 0 || p[0] != '/') {
    size_t cn;
    const char *cwd = rt_str_data(vfs_state()->cwd, &cn);
    add_segments(out, &len, cwd, cn);
  }
  add_segments(out, &len, p, n);
}

// The mount holding [abs] or NULL; *rel gets the rest of the path.
rt_vfs_t *rt_vfs_find_maybe(const char *abs, const char **rel) {
  vfs_state_t *s = vfs_state();
  rt_vfs_t *best = NULL;
  size_t best_len = 0;
  for (int i = 0; i < RT_VFS_MOUNTS; i++) {
    if (!s->path[i]) continue;
    size_t n;
    const char *mp = rt_str_data(s->path[i], &n);
    bool hit = n == 1 || (!strncmp(abs, mp, n) && (abs[n] == 0 || abs[n] == '/'));
    if (hit && (!best || n > best_len)) {
      best = s->mounted[i];
      best_len = n;
    }
  }
  if (best) {
    const char *r = abs + (best_len == 1 ? 0 : best_len);
    while (*r == '/')
      r++;
    *rel = r;
  }
  return best;
}

rt_vfs_t *rt_vfs_find(const char *abs, const char **rel) {
  rt_vfs_t *v = rt_vfs_find_maybe(abs, rel);
  if (v) return v;
  const char *why = flash_why_none ? flash_why_none : "no filesystem is mounted there";
  rt_val_t args[2] = {rt_small(FS_ENODEV), rt_str_new_cstr(why)};
  rt_raise(rt_exc_new(&rt_exc_OSError, 2, args));
}

rt_val_t rt_vfs_getcwd(void) {
  return vfs_state()->cwd;
}

void rt_vfs_chdir(rt_val_t path) {
  char abs[RT_VFS_PATH_MAX];
  rt_vfs_abspath(path, abs);
  const char *rel;
  rt_vfs_t *v = rt_vfs_find(abs, &rel);
  fs_stat_t st;
  rt_vfs_check(fs_stat(&v->fs, rel, &st), path);
  if (st.type != FS_TYPE_DIR) rt_vfs_raise(-FS_ENOTDIR, path);
  vfs_state()->cwd = rt_str_new_cstr(abs);
}

void rt_vfs_mount_names(const char *abs, rt_val_t out) {
  if (strcmp(abs, "/")) return;
  vfs_state_t *s = vfs_state();
  for (int i = 0; i < RT_VFS_MOUNTS; i++) {
    size_t n;
    if (!s->path[i]) continue;
    const char *mp = rt_str_data(s->path[i], &n);
    if (n > 1) rt_list_append(out, rt_str_new(mp + 1, n - 1));
  }
}

bool rt_vfs_is_mount_point(const char *abs) {
  vfs_state_t *s = vfs_state();
  for (int i = 0; i < RT_VFS_MOUNTS; i++)
    if (s->path[i] && strcmp(abs, "/") && !strcmp(rt_str_data(s->path[i], NULL), abs)) return true;
  return false;
}

// ---- Python block devices (MicroPython's extended protocol) ----
//
// readblocks(n, buf, off) and writeblocks(n, buf, off) move bytes inside
// block n without erasing; ioctl(4, 0) is the block count, ioctl(5, 0)
// the block size, ioctl(6, n) erases block n. An exception in a method
// becomes EIO for the filesystem, which never sees a longjmp.

enum { PY_READ, PY_PROG, PY_ERASE };

typedef struct {
  rt_val_t obj;
  int op;
  uint32_t block, off, len;
  void *buf;
} py_call_t;

static rt_val_t call3(rt_val_t obj, rt_val_t name, rt_val_t a, rt_val_t b, rt_val_t c) {
  rt_val_t m[2], args[3] = {a, b, c};
  rt_obj_load_method(obj, name, m);
  return rt_obj_call_method(m, 3, args);
}

static rt_val_t py_call(rt_val_t call, rt_val_t unused) {
  (void)unused;
  py_call_t *c = (py_call_t *)call;
  rt_val_t blk = rt_small((intptr_t)c->block), off = rt_small((intptr_t)c->off);
  if (c->op == PY_ERASE) {
    rt_val_t m[2], args[2] = {rt_small(6), blk};
    rt_obj_load_method(c->obj, RT_QV(ioctl), m);
    rt_val_t r = rt_obj_call_method(m, 2, args);
    return r == RT_NONE || r == rt_small(0) ? RT_NONE : RT_FALSE;
  }
  rt_val_t ba = rt_bytearray_new(c->op == PY_PROG ? c->buf : NULL, c->len);
  if (c->op == PY_PROG) {
    call3(c->obj, RT_QV(writeblocks), blk, ba, off);
    return RT_NONE;
  }
  call3(c->obj, RT_QV(readblocks), blk, ba, off);
  rt_bytearray_t *b = (rt_bytearray_t *)ba;
  if (b->len < c->len) return RT_FALSE;
  memcpy(c->buf, b->data, c->len);
  return RT_NONE;
}

static int py_dev(const fs_bdev_t *d, int op, uint32_t block, uint32_t off, void *buf, uint32_t len) {
  rt_vfs_t *v = d->ctx;
  py_call_t c = {v->bdev_obj, op, block, off, len, buf};
  rt_val_t out;
  if (!rt_nlr_try(py_call, (rt_val_t)(uintptr_t)&c, RT_NULL, &out) || out != RT_NONE) return -FS_EIO;
  return 0;
}

static int py_read(const fs_bdev_t *d, uint32_t block, uint32_t off, void *buf, uint32_t len) {
  return py_dev(d, PY_READ, block, off, buf, len);
}
static int py_prog(const fs_bdev_t *d, uint32_t block, uint32_t off, const void *buf, uint32_t len) {
  return py_dev(d, PY_PROG, block, off, (void *)buf, len);
}
static int py_erase(const fs_bdev_t *d, uint32_t block) {
  return py_dev(d, PY_ERASE, block, 0, NULL, 0);
}

static uint32_t ioctl_get(rt_val_t bdev, int op) {
  rt_val_t m[2], args[2] = {rt_small(op), rt_small(0)};
  rt_obj_load_method(bdev, RT_QV(ioctl), m);
  intptr_t v = rt_obj_get_int(rt_obj_call_method(m, 2, args));
  return v < 0 ? 0 : (uint32_t)v;
}

// A VfsPyrite over Python block device [bdev] (not mounted yet).
static rt_vfs_t *vfs_new(rt_val_t bdev) {
  rt_vfs_t *v = rt_gc_alloc(sizeof *v, 0);
  v->type = &rt_vfs_type;
  v->bdev_obj = bdev;
  v->dev.ctx = v;
  v->dev.read = py_read;
  v->dev.prog = py_prog;
  v->dev.erase = py_erase;
  v->dev.block_count = ioctl_get(bdev, 4);
  v->dev.block_size = ioctl_get(bdev, 5);
  uint32_t bs = v->dev.block_size;
  if (bs < 256 || bs > 65536 || (bs & (bs - 1)) || v->dev.block_count < FS_MIN_BLOCKS ||
      v->dev.block_count > FS_MAX_BLOCKS)
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("block device of %u blocks of %u bytes is unusable"),
                 (unsigned)v->dev.block_count, (unsigned)bs);
  return v;
}

static rt_vfs_t *vfs_new_flash(void) {
  rt_vfs_t *v = rt_gc_alloc(sizeof *v, 0);
  v->type = &rt_vfs_type;
  v->dev = *flash_dev;
  return v;
}

static uint32_t new_fsid(void) {
  uint32_t t = (uint32_t)hal_ticks_us();
  return (t * 2654435761u) ^ rt_state->rng ^ 0x5a5a1234u;
}

static rt_val_t vfs_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t, (void)kw;
  if (n != 1) rt_raise_msg(&rt_exc_TypeError, RT_MSG("VfsPyrite() takes a block device"));
  return rt_val(vfs_new(args[0]));
}

static int slot_of(rt_vfs_t *v) {
  vfs_state_t *s = vfs_state();
  for (int i = 0; i < RT_VFS_MOUNTS; i++)
    if (s->path[i] && s->mounted[i] == v) return i;
  return -1;
}

// Detaches every open writer of [v] and releases its RAM.
static void unmount_vfs(rt_vfs_t *v) {
  fs_sync_all(&v->fs);
  for (fs_file_t *f = v->fs.writers; f; f = f->next_writer)
    f->fs = NULL; // obj_file.c sees the filesystem gone
  v->fs.writers = NULL;
  fs_unmount(&v->fs);
  v->mounted = false;
}

// VfsPyrite.mkfs(bdev): a new, empty filesystem on [bdev]; with no
// argument, on the board's flash (remounting "/" when it was there).
static rt_val_t vfs_mkfs(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  if (n == 0 || args[0] == RT_NONE) {
    if (!flash_dev) {
      rt_val_t a[2] = {rt_small(FS_ENODEV), rt_str_new_cstr(flash_why_none ? flash_why_none : "no flash")};
      rt_raise(rt_exc_new(&rt_exc_OSError, 2, a));
    }
    vfs_state_t *s = vfs_state();
    for (int i = 0; i < RT_VFS_MOUNTS; i++)
      if (s->path[i] && !s->mounted[i]->bdev_obj) {
        unmount_vfs(s->mounted[i]);
        s->path[i] = RT_NULL;
        s->mounted[i] = NULL;
      }
    rt_vfs_check(fs_mkfs(flash_dev, new_fsid()), RT_NULL);
    char msg[96];
    rt_vfs_mount_flash(msg, sizeof msg);
    return RT_NONE;
  }
  rt_vfs_t *v = rt_is_obj(args[0], &rt_vfs_type) ? (rt_vfs_t *)args[0] : vfs_new(args[0]);
  if (v->mounted) rt_vfs_raise(-FS_EBUSY, RT_NULL);
  rt_vfs_check(fs_mkfs(&v->dev, new_fsid()), RT_NULL);
  return RT_NONE;
}

static RT_BUILTIN(vfs_mkfs_obj, mkfs, 0, 1, 0, vfs_mkfs);
// A static method: VfsPyrite.mkfs(bdev) takes a block device, not a VfsPyrite.
static const rt_bound_t vfs_mkfs_static = {&rt_staticmethod_type, (rt_val_t)&vfs_mkfs_obj, RT_NULL};
static const rt_method_t vfs_methods[] = {{RT_Q_mkfs, &vfs_mkfs_static}, {0, NULL}};

static void vfs_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)self, (void)repr;
  rt_print_format(p, "<VfsPyrite>");
}

const rt_type_t rt_vfs_type = {
    .type = &rt_type_type,
    .name = RT_Q_VfsPyrite,
    .base = &rt_object_type,
    .methods = vfs_methods,
    .print = vfs_print,
    .make_new = vfs_make_new,
};

// ---- mount ----

// Enters [v] at [abs] after mounting it; raises on failure.
static void add_mount(rt_vfs_t *v, const char *abs, bool readonly, bool premounted) {
  vfs_state_t *s = vfs_state();
  int free_slot = -1;
  for (int i = 0; i < RT_VFS_MOUNTS; i++) {
    if (!s->path[i]) {
      if (free_slot < 0) free_slot = i;
    } else if (!strcmp(rt_str_data(s->path[i], NULL), abs)) {
      rt_vfs_raise(-1, RT_NULL); // EPERM: something is mounted there already
    }
  }
  if (free_slot < 0) rt_vfs_raise(-FS_ENOMEM, RT_NULL);
  if (v->mounted) rt_vfs_raise(-FS_EBUSY, RT_NULL);
  rt_val_t path = rt_str_new_cstr(abs);
  if (!premounted) rt_vfs_check(fs_mount(&v->fs, &v->dev, &heap, readonly), RT_NULL);
  v->mounted = true;
  v->readonly = readonly;
  s->path[free_slot] = path;
  s->mounted[free_slot] = v;
}

void rt_vfs_mount(rt_val_t fs_or_bdev, rt_val_t path, bool readonly) {
  char abs[RT_VFS_PATH_MAX];
  rt_vfs_abspath(path, abs);
  // Mount points are "/" or one level below it.
  if (strchr(abs + 1, '/')) rt_vfs_raise(-FS_EINVAL, path);
  rt_vfs_t *v = rt_is_obj(fs_or_bdev, &rt_vfs_type) ? (rt_vfs_t *)fs_or_bdev : vfs_new(fs_or_bdev);
  add_mount(v, abs, readonly, false);
}

void rt_vfs_umount(rt_val_t what) {
  vfs_state_t *s = vfs_state();
  int slot = -1;
  if (rt_is_obj(what, &rt_vfs_type)) {
    slot = slot_of((rt_vfs_t *)what);
  } else {
    char abs[RT_VFS_PATH_MAX];
    rt_vfs_abspath(what, abs);
    for (int i = 0; i < RT_VFS_MOUNTS; i++)
      if (s->path[i] && !strcmp(rt_str_data(s->path[i], NULL), abs)) slot = i;
  }
  if (slot < 0) rt_vfs_raise(-FS_EINVAL, RT_NULL);
  unmount_vfs(s->mounted[slot]);
  s->path[slot] = RT_NULL;
  s->mounted[slot] = NULL;
}

// ---- boot ----

static rt_val_t mount_flash(rt_val_t msg_ptr, rt_val_t size_val) {
  char *msg = (char *)msg_ptr;
  size_t size = (size_t)rt_small_get(size_val);
  if (!flash_dev) {
    snprintf(msg, size, "no filesystem: %s", flash_why_none ? flash_why_none : "no flash");
    return RT_FALSE;
  }
  rt_vfs_t *v = vfs_new_flash();
  int r = fs_mount(&v->fs, &v->dev, &heap, false);
  bool made = false;
  if (r == -FS_ENODEV) {
    // Blank flash (or another format): a first boot makes a filesystem.
    if ((r = fs_mkfs(&v->dev, new_fsid())) == 0) r = fs_mount(&v->fs, &v->dev, &heap, false);
    made = true;
  }
  if (r < 0) {
    snprintf(msg, size, "flash filesystem unusable (%s); os.VfsPyrite.mkfs() makes a new one",
             strerror_of(-r));
    return RT_FALSE;
  }
  add_mount(v, "/", false, true);
  fs_statvfs_t sv;
  fs_statvfs(&v->fs, &sv);
  snprintf(msg, size, "%s filesystem on flash: %u KB free of %u KB", made ? "new" : "mounted",
           (unsigned)(sv.free_blocks * (sv.block_size / 256) / 4),
           (unsigned)(sv.blocks * (sv.block_size / 256) / 4));
  return RT_TRUE;
}

// Runs [fn] as an entry point of the embedding API: the C stack above is
// a GC root, exceptions are caught.
static bool api_call(rt_val_t (*fn)(rt_val_t, rt_val_t), rt_val_t a, rt_val_t b, rt_val_t *out) {
  void *here = __builtin_frame_address(0), *saved = rt_state->stack_base;
  if (!saved || (uintptr_t)here > (uintptr_t)saved) rt_state->stack_base = here;
  bool ok = rt_nlr_try(fn, a, b, out);
  rt_state->stack_base = saved;
  return ok;
}

int rt_vfs_mount_flash(char *msg, size_t msg_size) {
  rt_val_t out;
  msg[0] = 0;
  if (!api_call(mount_flash, (rt_val_t)(uintptr_t)msg, rt_small((intptr_t)msg_size), &out)) {
    snprintf(msg, msg_size, "flash filesystem not mounted (%s)", rt_obj_type_name(out));
    return -1;
  }
  return out == RT_TRUE ? 0 : -1;
}

static rt_val_t sync_all(rt_val_t a, rt_val_t b) {
  (void)a, (void)b;
  vfs_state_t *s = vfs_state();
  for (int i = 0; i < RT_VFS_MOUNTS; i++)
    if (s->path[i]) fs_sync_all(&s->mounted[i]->fs);
  return RT_NONE;
}

void rt_vfs_sync_all(void) {
  rt_val_t out;
  if (rt_state->vfs) api_call(sync_all, RT_NULL, RT_NULL, &out);
}

// ---- running and importing files ----

// A lexer reader over an open file.
typedef struct {
  fs_file_t f;
  uint8_t buf[64];
  int len, pos;
} file_reader_t;

static int file_read_byte(void *ctx) {
  file_reader_t *r = ctx;
  if (r->pos == r->len) {
    r->len = fs_file_read(&r->f, r->buf, sizeof r->buf);
    r->pos = 0;
    if (r->len <= 0) {
      r->len = 0;
      return -1;
    }
  }
  return r->buf[r->pos++];
}

// Opens [abs] for reading into [r]; false when there is no such file.
static bool open_source(const char *abs, file_reader_t *r) {
  const char *rel;
  rt_vfs_t *v = rt_vfs_find_maybe(abs, &rel);
  memset(r, 0, sizeof *r);
  return v && fs_file_open(&v->fs, &r->f, rel, FS_O_READ) == 0;
}

typedef struct {
  const char *path;
  int *exit_code;
  int status;
} exec_job_t;

static rt_val_t exec_file(rt_val_t job_ptr, rt_val_t unused) {
  (void)unused;
  exec_job_t *job = (exec_job_t *)job_ptr;
  char abs[RT_VFS_PATH_MAX];
  rt_vfs_abspath(rt_str_new_cstr(job->path), abs);
  file_reader_t r;
  if (!open_source(abs, &r)) return RT_NONE;
  rt_val_t fname = rt_qstr_from_cstr(job->path);
  rt_reader_t reader = {file_read_byte, &r};
  rt_val_t exc = rt_exec_run(reader, fname, RT_COMPILE_FILE);
  fs_file_close(&r.f);
  job->status = (int)rt_exec_report(exc, job->exit_code);
  return RT_NONE;
}

int rt_vfs_exec_file(const char *path, int *exit_code) {
  exec_job_t job = {path, exit_code, -1};
  rt_val_t out;
  if (!rt_state->vfs) return -1;
  if (!api_call(exec_file, (rt_val_t)(uintptr_t)&job, RT_NULL, &out))
    return (int)rt_exec_report(out, exit_code);
  return job.status;
}

rt_val_t rt_vfs_import(rt_val_t name) {
  if (!rt_state->vfs) return RT_NULL;
  rt_val_t path = rt_dict_get(rt_module_dict(rt_module_import(RT_QV(sys))), RT_QV(path));
  rt_val_t *dirs;
  size_t ndirs = path ? rt_obj_get_items(path, &dirs) : 0;
  size_t nlen;
  const char *ntext = rt_qstr_str(name, &nlen);
  for (size_t i = 0; i < ndirs; i++) {
    if (!rt_is_str(dirs[i])) continue;
    char abs[RT_VFS_PATH_MAX];
    size_t dlen;
    rt_str_data(dirs[i], &dlen);
    rt_vfs_abspath(dlen ? dirs[i] : rt_str_new_cstr("."), abs); // "" is the current directory
    size_t n = strlen(abs);
    if (n + nlen + 5 >= RT_VFS_PATH_MAX) continue;
    if (n > 1) abs[n++] = '/';
    memcpy(abs + n, ntext, nlen);
    memcpy(abs + n + nlen, ".py", 4);
    file_reader_t r;
    if (!open_source(abs, &r)) continue;
    rt_val_t module = rt_module_new(name);
    rt_dict_t *globals = rt_module_dict(module);
    rt_dict_set(globals, RT_QV(__file__), rt_str_new_cstr(abs));
    rt_dict_set(rt_state->modules, name, module);
    rt_nlr_t nlr;
    rt_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
      rt_reader_t reader = {file_read_byte, &r};
      rt_code_t *code = rt_compile(reader, rt_qstr_from_cstr(abs), RT_COMPILE_FILE);
      fs_file_close(&r.f);
      rt_vm_run_module(code, globals);
      rt_nlr_pop(&nlr);
      return module;
    }
    fs_file_close(&r.f);
    rt_dict_pop(rt_state->modules, name);
    rt_raise(nlr.exc);
  }
  return RT_NULL;
}
