// SPDX-License-Identifier: MIT
// fs_core.h: Pyrite's copy-on-write flash filesystem ("VfsPyrite"): the
// on-flash layout, mount, and the namespace operations (lookup, mkdir,
// rename, remove, stat, statvfs, directory listing). Reading and writing
// file contents is in fs_file.h. runtime/FS.md explains the layout and
// why a power cut at any point leaves the old or the new state.
//
// Layout, block by block (little-endian):
//   block 0      superblock, written once by fs_mkfs
//   record block one file or directory: a 32-byte record header, its name,
//                then its list of data blocks (u16 each)
//   data block   8-byte header (magic, fsid), then file bytes
//   free block   anything else: erased, stale or half written
// Every change writes a new record (with a higher sequence number) into a
// freshly erased block and only then erases the record it replaces, so
// the newest complete record of each file always describes a whole file.
//
// Paths given to this layer are relative to the filesystem's root, with
// components separated by single '/', without "." or ".." ("" is the
// root). Functions return 0 (or a count) or a negative errno; they never
// longjmp, and allocate only through the fs_alloc_t given to fs_mount.
#ifndef RT_FS_CORE_H
#define RT_FS_CORE_H

#include "fs_bdev.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Error numbers (the values of Linux and MicroPython's errno module).
enum {
  FS_ENOENT = 2,
  FS_EIO = 5,
  FS_EBADF = 9,
  FS_ENOMEM = 12,
  FS_EBUSY = 16,
  FS_EEXIST = 17,
  FS_ENODEV = 19,
  FS_ENOTDIR = 20,
  FS_EISDIR = 21,
  FS_EINVAL = 22,
  FS_EFBIG = 27,
  FS_ENOSPC = 28,
  FS_EROFS = 30,
  FS_ENAMETOOLONG = 36,
  FS_ENOTEMPTY = 39,
};

#define FS_SUPER_MAGIC 0x53467950u // "PyFS"
#define FS_REC_MAGIC 0x52467950u   // "PyFR": a file or directory record
#define FS_DATA_MAGIC 0x44467950u  // "PyFD": a data block
#define FS_VERSION 1u
#define FS_NAME_MAX 64  // bytes of one name
#define FS_ROOT_INO 1   // the root directory: implicit, never stored
#define FS_DATA_HDR 8   // bytes before a data block's payload
#define FS_MIN_BLOCKS 4 // superblock + a record + a data block + one spare
#define FS_MAX_BLOCKS 32767

// File types in a record.
enum { FS_TYPE_FILE = 1, FS_TYPE_DIR = 2 };

// Block 0.
typedef struct {
  uint32_t magic; // FS_SUPER_MAGIC
  uint32_t version;
  uint32_t fsid; // random at mkfs: blocks of an older format never match
  uint32_t block_size, block_count;
  uint32_t crc; // CRC-32 of the fields above
} fs_super_t;

// The head of a record block. The CRC covers the header (crc as 0), the
// name and the block list, so a record cut short by a power loss is
// never taken for a complete one.
typedef struct {
  uint32_t magic; // FS_REC_MAGIC
  uint32_t fsid;
  uint32_t seq;      // the filesystem's write counter when written: newest wins
  uint16_t ino;      // stable identity across versions
  uint16_t parent;   // ino of the directory holding it
  uint8_t type;      // FS_TYPE_*
  uint8_t name_len;  // 1..FS_NAME_MAX
  uint16_t nblocks;  // data blocks listed after the name
  uint32_t size;     // file bytes (0 for a directory)
  uint32_t reserved; // 0
  uint32_t crc;
} fs_rec_t;

typedef struct fs_file fs_file_t;

// Where the filesystem gets RAM: [alloc] returns zeroed memory or NULL.
typedef struct {
  void *(*alloc)(void *ctx, size_t n);
  void (*free)(void *ctx, void *p);
  void *ctx;
} fs_alloc_t;

// Where the newest record of one ino lives.
typedef struct {
  uint16_t block, ino;
} fs_rec_ref_t;

// A mounted filesystem. Invariants: recs[0..nrecs) holds one entry per
// live file or directory (RAM grows with the files, not with the flash);
// bit b of used is set for the superblock, every live record, every block
// a live record lists, and every block an open writer holds.
typedef struct fs {
  const fs_bdev_t *dev;
  fs_alloc_t mem;
  uint32_t fsid;
  uint32_t next_seq;
  uint32_t rover; // where the next free-block search starts (spreads wear)
  uint32_t free_blocks;
  fs_rec_ref_t *recs;
  uint32_t nrecs, recs_cap;
  uint8_t *used;
  fs_file_t *writers; // open writable files, linked through next_writer
  bool readonly;
} fs_t;

// Stat results.
typedef struct {
  uint8_t type; // FS_TYPE_*
  uint16_t ino;
  uint32_t size;
} fs_stat_t;

typedef struct {
  uint32_t block_size, blocks, free_blocks, name_max;
} fs_statvfs_t;

// One directory entry of fs_dir_next.
typedef struct {
  char name[FS_NAME_MAX + 1];
  uint8_t type;
  uint16_t ino;
  uint32_t size;
} fs_dirent_t;

// Bytes of file payload per data block.
static inline uint32_t fs_payload(const fs_t *fs) {
  return fs->dev->block_size - FS_DATA_HDR;
}

// CRC-32 (IEEE) of [len] bytes, continuing from [crc] (0 to start).
uint32_t fs_crc32(uint32_t crc, const void *buf, size_t len);

// Writes an empty filesystem with identity [fsid] on [d]: erases block 0,
// then writes the superblock (a cut mkfs leaves no filesystem, never a
// half one). Other blocks are reclaimed lazily.
int fs_mkfs(const fs_bdev_t *d, uint32_t fsid);

// Mounts the filesystem on [d]: checks the superblock, scans every block
// for records, keeps the newest record of each ino and of each name,
// and, unless [readonly], erases the superseded ones. Returns -FS_ENODEV
// when block 0 holds no superblock, -FS_EIO when it is corrupt.
int fs_mount(fs_t *fs, const fs_bdev_t *d, const fs_alloc_t *mem, bool readonly);

// Releases the RAM of [fs]; open files must be closed first.
void fs_unmount(fs_t *fs);

// Resolves [path] to its record: *ino and *block (block 0 for the root).
int fs_lookup(fs_t *fs, const char *path, uint16_t *ino, uint32_t *block);
int fs_stat(fs_t *fs, const char *path, fs_stat_t *st);
int fs_statvfs(fs_t *fs, fs_statvfs_t *st);
int fs_mkdir(fs_t *fs, const char *path);
int fs_rmdir(fs_t *fs, const char *path);
int fs_remove(fs_t *fs, const char *path);
int fs_rename(fs_t *fs, const char *from, const char *to);

// Creates an empty file at [path] (-FS_EEXIST if anything is there).
int fs_create(fs_t *fs, const char *path, uint16_t *ino);

// Lists directory [dir_ino]: fills [ent] with the next entry at or after
// *cursor (start at 0) and advances it. Returns 1, or 0 at the end.
int fs_dir_next(fs_t *fs, uint16_t dir_ino, uint32_t *cursor, fs_dirent_t *ent);

// ---- for fs_file.c ----

// The block holding ino's newest record, or 0.
uint32_t fs_record_block(const fs_t *fs, uint16_t ino);
// Reads the header of the record in [block] (no CRC check).
int fs_read_rec(fs_t *fs, uint32_t block, fs_rec_t *rec);
// Reads [n] entries of the block list of the record in [block], from
// entry [first].
int fs_read_list(fs_t *fs, uint32_t block, const fs_rec_t *rec, uint32_t first, uint16_t *out, uint32_t n);
// Takes a free block, erased; returns it or a negative errno.
int fs_alloc_block(fs_t *fs);
// Gives back a block nobody refers to.
void fs_release_block(fs_t *fs, uint32_t b);
// Marks block [b] as held.
void fs_hold_block(fs_t *fs, uint32_t b);
// Writes a new version of the record now in [old_block]: same ino, with
// [list] of [nblocks] and [size] (for a file), or a new name/parent when
// [name] is not NULL. Erases the old record and releases the blocks only
// it referred to. Returns 0 or a negative errno.
int fs_rewrite_record(fs_t *fs, uint32_t old_block, const char *name, size_t name_len, uint16_t parent,
                      const uint16_t *list, uint32_t nblocks, uint32_t size, bool keep_list);

#endif
