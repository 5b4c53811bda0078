// SPDX-License-Identifier: MIT
// mod_os.c: the os module over the mounted filesystems (fs_vfs.h):
// files and directories, the current directory, mount/umount, urandom and
// uname. Paths may be relative to the current directory.
#include "mod_os.h"
#include "fs_file.h"
#include "fs_vfs.h"
#include "gc.h"
#include "hal.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_list.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "runtime.h"
#include "state.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

// stat modes as MicroPython reports them (no permission bits).
#define MODE_DIR 0x4000
#define MODE_FILE 0x8000

// The filesystem and inner path of Python path [path].
static rt_vfs_t *resolve(rt_val_t path, char abs[RT_VFS_PATH_MAX], const char **rel) {
  rt_vfs_abspath(path, abs);
  return rt_vfs_find(abs, rel);
}

static rt_val_t path_arg(size_t n, const rt_val_t *args) {
  return n > 0 ? args[0] : rt_str_new_cstr(".");
}

// ---- directories ----

// Entries of directory [path]: names only, or (name, type, inode, size).
static rt_val_t list_dir(rt_val_t path, bool full) {
  char abs[RT_VFS_PATH_MAX];
  const char *rel;
  rt_vfs_abspath(path, abs);
  rt_val_t out = rt_list_new(0);
  // Filesystems mounted below "/" are entries of "/", which may have no
  // filesystem of its own.
  rt_val_t mounts = rt_list_new(0);
  rt_vfs_mount_names(abs, mounts);
  rt_val_t *names;
  size_t k = rt_obj_get_items(mounts, &names);
  for (size_t i = 0; i < k; i++) {
    rt_val_t t[4] = {names[i], rt_small(MODE_DIR), rt_small(0), rt_small(0)};
    rt_list_append(out, full ? rt_tuple_new(4, t) : names[i]);
  }
  rt_vfs_t *v = k ? rt_vfs_find_maybe(abs, &rel) : rt_vfs_find(abs, &rel);
  if (!v) return out;
  fs_stat_t st;
  rt_vfs_check(fs_stat(&v->fs, rel, &st), path);
  if (st.type != FS_TYPE_DIR) rt_vfs_raise(-FS_ENOTDIR, path);
  fs_dirent_t e;
  uint32_t cursor = 0;
  while (fs_dir_next(&v->fs, st.ino, &cursor, &e) > 0) {
    rt_val_t name = rt_str_new_cstr(e.name);
    if (!full) {
      rt_list_append(out, name);
    } else {
      rt_val_t t[4] = {name, rt_small(e.type == FS_TYPE_DIR ? MODE_DIR : MODE_FILE), rt_small(e.ino),
                       rt_small((intptr_t)e.size)};
      rt_list_append(out, rt_tuple_new(4, t));
    }
  }
  return out;
}

static rt_val_t os_listdir(ARGS) {
  (void)kw;
  return list_dir(path_arg(n, args), false);
}

static rt_val_t os_ilistdir(ARGS) {
  (void)kw;
  return rt_obj_getiter(list_dir(path_arg(n, args), true));
}

static rt_val_t os_mkdir(ARGS) {
  (void)n, (void)kw;
  char abs[RT_VFS_PATH_MAX];
  const char *rel;
  rt_vfs_t *v = resolve(args[0], abs, &rel);
  rt_vfs_check(fs_mkdir(&v->fs, rel), args[0]);
  return RT_NONE;
}

static rt_val_t os_rmdir(ARGS) {
  (void)n, (void)kw;
  char abs[RT_VFS_PATH_MAX];
  const char *rel;
  rt_vfs_t *v = resolve(args[0], abs, &rel);
  if (rt_vfs_is_mount_point(abs)) rt_vfs_raise(-FS_EBUSY, args[0]);
  rt_vfs_check(fs_rmdir(&v->fs, rel), args[0]);
  return RT_NONE;
}

static rt_val_t os_remove(ARGS) {
  (void)n, (void)kw;
  char abs[RT_VFS_PATH_MAX];
  const char *rel;
  rt_vfs_t *v = resolve(args[0], abs, &rel);
  rt_vfs_check(fs_remove(&v->fs, rel), args[0]);
  return RT_NONE;
}

static rt_val_t os_rename(ARGS) {
  (void)n, (void)kw;
  char abs_a[RT_VFS_PATH_MAX], abs_b[RT_VFS_PATH_MAX];
  const char *rel_a, *rel_b;
  rt_vfs_t *a = resolve(args[0], abs_a, &rel_a);
  rt_vfs_t *b = resolve(args[1], abs_b, &rel_b);
  if (a != b) rt_vfs_raise(-18, args[0]); // EXDEV
  rt_vfs_check(fs_rename(&a->fs, rel_a, rel_b), args[0]);
  return RT_NONE;
}

static rt_val_t os_stat(ARGS) {
  (void)n, (void)kw;
  char abs[RT_VFS_PATH_MAX];
  const char *rel;
  rt_vfs_t *v = resolve(args[0], abs, &rel);
  fs_stat_t st;
  rt_vfs_check(fs_stat(&v->fs, rel, &st), args[0]);
  rt_val_t t[10] = {rt_small(st.type == FS_TYPE_DIR ? MODE_DIR : MODE_FILE),
                    rt_small(st.ino),
                    rt_small(0),
                    rt_small(0),
                    rt_small(0),
                    rt_small(0),
                    rt_small((intptr_t)st.size),
                    rt_small(0),
                    rt_small(0),
                    rt_small(0)};
  return rt_tuple_new(10, t);
}

static rt_val_t os_statvfs(ARGS) {
  (void)n, (void)kw;
  char abs[RT_VFS_PATH_MAX];
  const char *rel;
  rt_vfs_t *v = resolve(args[0], abs, &rel);
  fs_stat_t st;
  rt_vfs_check(fs_stat(&v->fs, rel, &st), args[0]); // the path must exist
  fs_statvfs_t s;
  fs_statvfs(&v->fs, &s);
  rt_val_t t[10] = {rt_small(s.block_size),
                    rt_small(s.block_size),
                    rt_small(s.blocks),
                    rt_small(s.free_blocks),
                    rt_small(s.free_blocks),
                    rt_small(0),
                    rt_small(0),
                    rt_small(0),
                    rt_small(v->readonly ? 1 : 0),
                    rt_small(s.name_max)};
  return rt_tuple_new(10, t);
}

static rt_val_t os_getcwd(ARGS) {
  (void)n, (void)args, (void)kw;
  return rt_vfs_getcwd();
}

static rt_val_t os_chdir(ARGS) {
  (void)n, (void)kw;
  rt_vfs_chdir(args[0]);
  return RT_NONE;
}

static rt_val_t os_sync(ARGS) {
  (void)n, (void)args, (void)kw;
  rt_vfs_sync_all();
  return RT_NONE;
}

// mount(fs_or_bdev, path, *, readonly=False)
static rt_val_t os_mount(ARGS) {
  static const unsigned short allowed[] = {RT_Q_readonly};
  rt_kw_check(kw, allowed, 1, "mount");
  (void)n;
  rt_val_t ro = kw ? rt_kw_get(kw, RT_QV(readonly)) : RT_NULL;
  rt_vfs_mount(args[0], args[1], ro && rt_obj_truthy(ro));
  return RT_NONE;
}

static rt_val_t os_umount(ARGS) {
  (void)n, (void)kw;
  rt_vfs_umount(args[0]);
  return RT_NONE;
}

// urandom(n): bytes from a xorshift generator stirred with the microsecond
// clock at every call (the portable runtime has no hardware source).
static rt_val_t os_urandom(ARGS) {
  (void)n, (void)kw;
  intptr_t len = rt_obj_get_int(args[0]);
  if (len < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("negative argument not allowed"));
  char *buf = rt_gc_alloc((size_t)len + 1, RT_GC_LEAF);
  uint32_t x = rt_state->rng ^ (uint32_t)hal_ticks_us() ^ 0x6d2b79f5u;
  for (intptr_t i = 0; i < len; i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    buf[i] = (char)(x >> 11);
  }
  rt_state->rng = x ? x : 1;
  rt_val_t out = rt_bytes_new(buf, (size_t)len);
  rt_gc_free(buf);
  return out;
}

// ---- uname ----

// os.uname()'s result: a 5-tuple whose items are also attributes.
static const unsigned short uname_fields[5] = {RT_Q_sysname, RT_Q_nodename, RT_Q_release, RT_Q_version,
                                               RT_Q_machine};

typedef struct {
  const rt_type_t *type;
  rt_val_t items[5];
} uname_t;

static rt_val_t uname_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store != RT_NULL) return RT_NULL;
  for (int i = 0; i < 5; i++)
    if (rt_qstr_val(uname_fields[i]) == name) return ((uname_t *)self)->items[i];
  return RT_NULL;
}

static rt_val_t uname_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  if (value != RT_NULL) return RT_NULL;
  return ((uname_t *)self)->items[rt_obj_index(index, 5, "tuple")];
}

static rt_val_t uname_unary(rt_unary_op_t op, rt_val_t self) {
  (void)self;
  return op == RT_UNARY_LEN ? rt_small(5) : op == RT_UNARY_BOOL ? RT_TRUE : RT_NULL;
}

static rt_val_t uname_getiter(rt_val_t self) {
  return rt_obj_getiter(rt_tuple_new(5, ((uname_t *)self)->items));
}

static void uname_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_print_cstr(p, "(");
  for (int i = 0; i < 5; i++)
    rt_print_format(p, "%s%q=%r", i ? ", " : "", rt_qstr_val(uname_fields[i]), ((uname_t *)self)->items[i]);
  rt_print_cstr(p, ")");
}

static const rt_type_t uname_type = {
    .type = &rt_type_type,
    .name = RT_Q_uname,
    .base = &rt_object_type,
    .print = uname_print,
    .attr = uname_attr,
    .subscr = uname_subscr,
    .unary = uname_unary,
    .getiter = uname_getiter,
};

static rt_val_t os_uname(ARGS) {
  (void)n, (void)args, (void)kw;
  uname_t *u = rt_gc_alloc(sizeof *u, 0);
  u->type = &uname_type;
  u->items[0] = rt_str_new_cstr("esp8266");
  u->items[1] = rt_str_new_cstr("esp8266");
  u->items[2] = rt_str_new_cstr(PYRITE_VERSION);
  u->items[3] = rt_str_new_cstr(RT_FIRMWARE_NAME " v" PYRITE_VERSION " on " PYRITE_BUILD_DATE);
  u->items[4] = rt_str_new_cstr(hal_board_name());
  return rt_val(u);
}

// ---- the module ----

static RT_BUILTIN(uname_obj, uname, 0, 0, 0, os_uname);
static RT_BUILTIN(listdir_obj, listdir, 0, 1, 0, os_listdir);
static RT_BUILTIN(ilistdir_obj, ilistdir, 0, 1, 0, os_ilistdir);
static RT_BUILTIN(mkdir_obj, mkdir, 1, 2, 0, os_mkdir);
static RT_BUILTIN(rmdir_obj, rmdir, 1, 1, 0, os_rmdir);
static RT_BUILTIN(remove_obj, remove, 1, 1, 0, os_remove);
static RT_BUILTIN(rename_obj, rename, 2, 2, 0, os_rename);
static RT_BUILTIN(stat_obj, stat, 1, 1, 0, os_stat);
static RT_BUILTIN(statvfs_obj, statvfs, 1, 1, 0, os_statvfs);
static RT_BUILTIN(getcwd_obj, getcwd, 0, 0, 0, os_getcwd);
static RT_BUILTIN(chdir_obj, chdir, 1, 1, 0, os_chdir);
static RT_BUILTIN(sync_obj, sync, 0, 0, 0, os_sync);
static RT_BUILTIN(mount_obj, mount, 2, 2, RT_BF_KW, os_mount);
static RT_BUILTIN(umount_obj, umount, 1, 1, 0, os_umount);
static RT_BUILTIN(urandom_obj, urandom, 1, 1, 0, os_urandom);

static const rt_builtin_t *const functions[] = {
    &uname_obj,   &listdir_obj, &ilistdir_obj, &mkdir_obj, &rmdir_obj, &remove_obj, &rename_obj,  &stat_obj,
    &statvfs_obj, &getcwd_obj,  &chdir_obj,    &sync_obj,  &mount_obj, &umount_obj, &urandom_obj,
};

void rt_os_init(rt_dict_t *g) {
  for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
    rt_dict_set(g, rt_qstr_val(functions[i]->name), rt_val(functions[i]));
  rt_dict_set(g, RT_QV(VfsPyrite), rt_val(&rt_vfs_type));
  rt_dict_set(g, RT_QV(sep), rt_str_new_cstr("/"));
}
