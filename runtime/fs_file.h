// SPDX-License-Identifier: MIT
// fs_file.h: open files of the flash filesystem (fs_core.h): reading, and
// writing by copy-on-write.
//
// A writable file never programs a block its committed version refers
// to. Each data block it changes is copied into a freshly erased block
// (the bytes before the change, then the new bytes, then the rest), and
// only fs_file_sync (also called by close) publishes the new block list
// by writing a new record. Until then a power cut leaves the old
// version; after it, the new one. Bytes stream straight to flash, so a
// file needs no block-sized buffer in RAM.
#ifndef RT_FS_FILE_H
#define RT_FS_FILE_H

#include "fs_core.h"

// Flags of fs_file_open.
enum {
  FS_O_READ = 1,
  FS_O_WRITE = 2,
  FS_O_CREATE = 4, // make the file when missing
  FS_O_EXCL = 8,   // fail with EEXIST when it exists
  FS_O_TRUNC = 16, // start empty (the old content stays until sync)
  FS_O_APPEND = 32 // every write goes to the end
};

struct fs_file {
  fs_t *fs;
  fs_file_t *next_writer; // fs->writers list
  uint16_t ino;
  uint8_t flags;
  bool dirty;         // holds changes not yet in a record
  uint32_t rec_block; // the record the block list was read from
  uint32_t size, pos; // bytes in the file; the read/write position
  uint32_t old_size;  // size before the write in progress (what src blocks hold)
  uint16_t *blocks;   // data blocks in file order (nblocks of cap)
  uint8_t *fresh;     // bit i: blocks[i] is this file's own, not yet committed
  uint32_t nblocks, cap;
  // The block being programmed: it replaces blocks[act_index] (or extends
  // the list); bytes [0, act_fill) of its payload are written, the rest
  // come from act_src (valid up to src_valid, zeros after) when finished.
  uint32_t act, act_index, act_fill, act_src, src_valid;
};

// Opens [path] with [flags] into [f] (caller-owned memory).
int fs_file_open(fs_t *fs, fs_file_t *f, const char *path, int flags);
// Reads up to [n] bytes at the position; returns the count (0 at the end).
int fs_file_read(fs_file_t *f, void *buf, uint32_t n);
// Writes [n] bytes at the position (at the end in append mode); returns
// [n] or a negative errno (the bytes before the error are kept).
int fs_file_write(fs_file_t *f, const void *buf, uint32_t n);
// Publishes the changes: after it returns 0 they survive a power cut.
int fs_file_sync(fs_file_t *f);
// Syncs and releases [f]; returns the sync's result. Idempotent.
int fs_file_close(fs_file_t *f);
// Syncs every open writable file of [fs].
int fs_sync_all(fs_t *fs);

// Marks, in fs->used, every block an open writer holds (fs_core.c calls
// it after freeing blocks, so that no writer loses one).
void fs_file_mark_writers(fs_t *fs);

#endif
