// SPDX-License-Identifier: MIT
// fs_vfs.h: the mount table over the flash filesystem (fs_core.h), the
// VfsPyrite class, Python block devices, path resolution and the current
// directory; plus the calls a port makes at boot.
//
// The port hands the runtime its flash as a block device once
// (rt_vfs_set_flash), then after every rt_init mounts it at "/"
// (rt_vfs_mount_flash) and runs boot.py and main.py (rt_vfs_exec_file).
// Mounts live in the GC heap: a soft reset forgets them, as the heap.
#ifndef RT_FS_VFS_H
#define RT_FS_VFS_H

#include "fs_bdev.h"
#include "fs_core.h"
#include "obj.h"

#include <stdbool.h>

// Longest absolute path the runtime handles, NUL included.
#define RT_VFS_PATH_MAX 128
// Most filesystems mounted at once.
#define RT_VFS_MOUNTS 4

// ---- for the port (none of these raise) ----

// The flash block device, or NULL with [why_none] saying why there is
// none (e.g. the flash is too small). Kept across soft resets.
void rt_vfs_set_flash(const fs_bdev_t *flash, const char *why_none);

// Mounts the flash at "/" (making a new filesystem on blank flash). Writes
// a one-line report without newline into [msg]. Returns 0 when mounted.
int rt_vfs_mount_flash(char *msg, size_t msg_size);

// Runs [path] from the filesystem as __main__ when it exists. Returns -1
// when there is no such file, else an rt_exec_status_t (a traceback has
// been printed for an exception).
int rt_vfs_exec_file(const char *path, int *exit_code);

// Publishes every open file's changes (before a soft reset forgets them).
void rt_vfs_sync_all(void);

// ---- for mod_os.c, obj_file.c, obj_module.c (these may raise) ----

// A mounted (or mountable) filesystem object, the VfsPyrite class.
typedef struct {
  const rt_type_t *type; // &rt_vfs_type
  fs_t fs;
  fs_bdev_t dev;
  rt_val_t bdev_obj; // the Python block device, RT_NULL for the flash
  bool mounted;
  bool readonly;
} rt_vfs_t;

extern const rt_type_t rt_vfs_type;

// Raises the OSError subclass CPython raises for -[err] (a negative
// errno), naming [path] when it is not RT_NULL.
__attribute__((noreturn)) void rt_vfs_raise(int err, rt_val_t path);

// Checks a result: raises for a negative one, returns it otherwise.
int rt_vfs_check(int r, rt_val_t path);

// Makes [path] (a str) absolute and normal ("/a/b") in [out].
void rt_vfs_abspath(rt_val_t path, char out[RT_VFS_PATH_MAX]);

// Finds the mounted filesystem holding absolute path [abs]; the path
// inside it goes to [rel]. Raises OSError(ENODEV) when none holds it.
rt_vfs_t *rt_vfs_find(const char *abs, const char **rel);
// As rt_vfs_find, returning NULL instead of raising.
rt_vfs_t *rt_vfs_find_maybe(const char *abs, const char **rel);

// The current directory, as a str.
rt_val_t rt_vfs_getcwd(void);
void rt_vfs_chdir(rt_val_t path);

// os.mount / os.umount.
void rt_vfs_mount(rt_val_t fs_or_bdev, rt_val_t path, bool readonly);
void rt_vfs_umount(rt_val_t path);

// Appends to list [out] the names of the mount points directly under the
// absolute directory [abs] (mounts hang at "/" or "/NAME").
void rt_vfs_mount_names(const char *abs, rt_val_t out);

// True if [abs] is exactly a mount point other than "/".
bool rt_vfs_is_mount_point(const char *abs);

// Imports module [name] (a qstr) from NAME.py in a sys.path directory.
// Returns the module, or RT_NULL when no such file exists.
rt_val_t rt_vfs_import(rt_val_t name);

#endif
