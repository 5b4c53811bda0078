// SPDX-License-Identifier: MIT
// fs_file.c: reading and copy-on-write writing of files (see fs_file.h).
#include "fs_file.h"

#include <string.h>

#define CHUNK 64u // bytes per copy step; the stack is small on the chip

static bool is_fresh(const fs_file_t *f, uint32_t i) {
  return f->fresh[i >> 3] & (1u << (i & 7));
}
static void set_fresh(fs_file_t *f, uint32_t i, bool on) {
  if (on)
    f->fresh[i >> 3] |= (uint8_t)(1u << (i & 7));
  else
    f->fresh[i >> 3] &= (uint8_t) ~(1u << (i & 7));
}

static uint32_t min_u32(uint32_t a, uint32_t b) {
  return a < b ? a : b;
}

// Bytes of block [idx] that a file of [size] bytes covers.
static uint32_t valid_in(const fs_file_t *f, uint32_t idx, uint32_t size) {
  uint32_t p = fs_payload(f->fs), start = idx * p;
  return size <= start ? 0 : min_u32(p, size - start);
}

// Makes room for [want] list entries; on failure nothing changes.
static int grow(fs_file_t *f, uint32_t want) {
  if (want <= f->cap) return 0;
  uint32_t cap = f->cap ? f->cap * 2 : 4;
  while (cap < want)
    cap *= 2;
  fs_alloc_t *m = &f->fs->mem;
  uint16_t *blocks = m->alloc(m->ctx, cap * sizeof *blocks);
  uint8_t *fresh = m->alloc(m->ctx, (cap + 7) / 8);
  if (!blocks || !fresh) {
    if (blocks) m->free(m->ctx, blocks);
    if (fresh) m->free(m->ctx, fresh);
    return -FS_ENOMEM;
  }
  if (f->nblocks) {
    memcpy(blocks, f->blocks, f->nblocks * sizeof *blocks);
    memcpy(fresh, f->fresh, (f->nblocks + 7) / 8);
  }
  if (f->blocks) m->free(m->ctx, f->blocks);
  if (f->fresh) m->free(m->ctx, f->fresh);
  f->blocks = blocks;
  f->fresh = fresh;
  f->cap = cap;
  return 0;
}

// Reads the block list and size of the newest record of the file.
static int load(fs_file_t *f) {
  uint32_t rb = fs_record_block(f->fs, f->ino);
  if (!rb) return -FS_ENOENT;
  fs_rec_t rec;
  int r = fs_read_rec(f->fs, rb, &rec);
  if (r < 0) return r;
  if ((r = grow(f, rec.nblocks)) < 0) return r;
  if ((r = fs_read_list(f->fs, rb, &rec, 0, f->blocks, rec.nblocks)) < 0) return r;
  if (f->fresh) memset(f->fresh, 0, (f->cap + 7) / 8); // none yet for an empty file
  f->nblocks = rec.nblocks;
  f->size = rec.size;
  f->rec_block = rb;
  return 0;
}

int fs_file_open(fs_t *fs, fs_file_t *f, const char *path, int flags) {
  memset(f, 0, sizeof *f);
  f->fs = fs;
  f->flags = (uint8_t)flags;
  bool write = flags & FS_O_WRITE;
  if (write && fs->readonly) return -FS_EROFS;
  uint16_t ino;
  uint32_t b;
  int r = fs_lookup(fs, path, &ino, &b);
  if (r == -FS_ENOENT && (flags & FS_O_CREATE)) {
    if ((r = fs_create(fs, path, &ino)) < 0) return r;
  } else if (r < 0) {
    return r;
  } else if (flags & FS_O_EXCL) {
    return -FS_EEXIST;
  } else {
    fs_rec_t rec;
    if (b == 0) return -FS_EISDIR;
    if ((r = fs_read_rec(fs, b, &rec)) < 0) return r;
    if (rec.type == FS_TYPE_DIR) return -FS_EISDIR;
  }
  f->ino = ino;
  if ((r = load(f)) < 0) {
    fs_file_close(f);
    return r;
  }
  if (write && (flags & FS_O_TRUNC)) {
    f->nblocks = 0;
    f->size = 0;
    f->dirty = true;
  }
  if (write) {
    f->next_writer = fs->writers;
    fs->writers = f;
  }
  return 0;
}

// ---- the active block ----

// Programs [len] zero bytes, or bytes copied from act_src, into the
// active block from act_fill on.
static int fill_to(fs_file_t *f, uint32_t to) {
  static const uint8_t zeros[CHUNK];
  uint8_t buf[CHUNK];
  while (f->act_fill < to) {
    uint32_t at = f->act_fill, n = min_u32(CHUNK, to - at);
    const uint8_t *src = zeros;
    if (f->act_src && at < f->src_valid) {
      n = min_u32(n, f->src_valid - at);
      int r = f->fs->dev->read(f->fs->dev, f->act_src, FS_DATA_HDR + at, buf, n);
      if (r < 0) return r;
      src = buf;
    }
    int r = f->fs->dev->prog(f->fs->dev, f->act, FS_DATA_HDR + at, src, n);
    if (r < 0) return r;
    f->act_fill += n;
  }
  return 0;
}

// Completes the active block (the rest of its bytes from the source) and
// puts it into the list in place of the block it replaces.
static int finish(fs_file_t *f) {
  if (!f->act) return 0;
  int r = fill_to(f, valid_in(f, f->act_index, f->size));
  if (r < 0) return r;
  uint32_t i = f->act_index;
  if (i < f->nblocks) {
    if (is_fresh(f, i)) fs_release_block(f->fs, f->blocks[i]); // our own copy, now superseded
  } else {
    f->nblocks = i + 1; // activate() only extends the list by one
  }
  f->blocks[i] = (uint16_t)f->act;
  set_fresh(f, i, true);
  f->act = 0;
  return 0;
}

// Starts a new copy of block [idx] (idx <= nblocks).
static int activate(fs_file_t *f, uint32_t idx) {
  int r = grow(f, idx + 1);
  if (r < 0) return r;
  int b = fs_alloc_block(f->fs);
  if (b < 0) return b;
  uint32_t hdr[2] = {FS_DATA_MAGIC, f->fs->fsid};
  if ((r = f->fs->dev->prog(f->fs->dev, (uint32_t)b, 0, hdr, sizeof hdr)) < 0) {
    fs_release_block(f->fs, (uint32_t)b);
    return r;
  }
  f->act = (uint32_t)b;
  f->act_index = idx;
  f->act_fill = 0;
  f->act_src = idx < f->nblocks ? f->blocks[idx] : 0;
  f->src_valid = f->act_src ? valid_in(f, idx, f->old_size) : 0;
  return 0;
}

// Makes block [idx] active with every byte before [off] in place.
static int reach(fs_file_t *f, uint32_t idx, uint32_t off) {
  int r;
  if (f->act && f->act_index == idx && off >= f->act_fill) return fill_to(f, off);
  if ((r = finish(f)) < 0) return r;
  // Blocks skipped by a seek past the end hold zeros.
  while (f->nblocks < idx) {
    if ((r = activate(f, f->nblocks)) < 0 || (r = finish(f)) < 0) return r;
  }
  if ((r = activate(f, idx)) < 0) return r;
  return fill_to(f, off);
}

int fs_file_write(fs_file_t *f, const void *buf, uint32_t n) {
  if (!(f->flags & FS_O_WRITE)) return -FS_EBADF;
  if (f->flags & FS_O_APPEND) f->pos = f->size;
  if (n == 0) return 0;
  uint32_t p = fs_payload(f->fs);
  uint32_t before = f->size;
  int r = 0;
  f->old_size = before;
  f->dirty = true;
  // A write past the end: the bytes between the old end and the position
  // read as zeros, so the old last block is copied up to the old end.
  if (f->pos > before && before % p) r = reach(f, before / p, before % p);
  if (r == 0 && f->pos + n > f->size) f->size = f->pos + n;
  const uint8_t *in = buf;
  uint32_t done = 0;
  while (r == 0 && done < n) {
    uint32_t idx = f->pos / p, off = f->pos % p, k = min_u32(n - done, p - off);
    if ((r = reach(f, idx, off)) < 0) break;
    if ((r = f->fs->dev->prog(f->fs->dev, f->act, FS_DATA_HDR + off, in + done, k)) < 0) break;
    f->act_fill = off + k;
    f->pos += k;
    done += k;
  }
  if (r < 0) {
    // Keep what was written; the rest of the promised size never came.
    uint32_t reached = f->pos > before ? f->pos : before;
    if (f->size > reached) f->size = reached;
    return r;
  }
  return (int)n;
}

int fs_file_read(fs_file_t *f, void *buf, uint32_t n) {
  if (!(f->flags & FS_O_READ)) return -FS_EBADF;
  int r;
  if (f->flags & FS_O_WRITE) {
    if ((r = finish(f)) < 0) return r;
  } else if (fs_record_block(f->fs, f->ino) != f->rec_block) {
    // Another handle committed a new version (or removed the file).
    if ((r = load(f)) < 0) return r == -FS_ENOENT ? 0 : r;
  }
  uint32_t p = fs_payload(f->fs), done = 0;
  uint8_t *out = buf;
  while (done < n && f->pos < f->size) {
    uint32_t idx = f->pos / p, off = f->pos % p;
    uint32_t k = min_u32(min_u32(n - done, p - off), f->size - f->pos);
    if (idx >= f->nblocks) return -FS_EIO;
    if ((r = f->fs->dev->read(f->fs->dev, f->blocks[idx], FS_DATA_HDR + off, out + done, k)) < 0) return r;
    f->pos += k;
    done += k;
  }
  return (int)done;
}

int fs_file_sync(fs_file_t *f) {
  if (!(f->flags & FS_O_WRITE) || !f->fs) return 0;
  int r = finish(f);
  if (r < 0 || !f->dirty) return r;
  uint32_t rb = fs_record_block(f->fs, f->ino);
  if (!rb) {
    // Removed while open: the changes have nowhere to go.
    for (uint32_t i = 0; i < f->nblocks; i++)
      if (is_fresh(f, i)) fs_release_block(f->fs, f->blocks[i]);
    f->nblocks = f->size = 0;
    f->dirty = false;
    return 0;
  }
  if ((r = fs_rewrite_record(f->fs, rb, NULL, 0, 0, f->blocks, f->nblocks, f->size, false)) < 0) return r;
  if (f->fresh) memset(f->fresh, 0, (f->cap + 7) / 8);
  f->dirty = false;
  f->rec_block = fs_record_block(f->fs, f->ino);
  return 0;
}

int fs_file_close(fs_file_t *f) {
  if (!f->fs) return 0;
  fs_t *fs = f->fs;
  int r = fs_file_sync(f);
  if (f->flags & FS_O_WRITE) {
    for (fs_file_t **p = &fs->writers; *p; p = &(*p)->next_writer)
      if (*p == f) {
        *p = f->next_writer;
        break;
      }
    // Blocks a failed sync left behind belong to nobody now.
    if (f->act) fs_release_block(fs, f->act);
    for (uint32_t i = 0; i < f->nblocks; i++)
      if (is_fresh(f, i)) fs_release_block(fs, f->blocks[i]);
  }
  if (f->blocks) fs->mem.free(fs->mem.ctx, f->blocks);
  if (f->fresh) fs->mem.free(fs->mem.ctx, f->fresh);
  f->blocks = NULL;
  f->fresh = NULL;
  f->fs = NULL;
  return r;
}

int fs_sync_all(fs_t *fs) {
  int first = 0;
  for (fs_file_t *f = fs->writers; f; f = f->next_writer) {
    int r = fs_file_sync(f);
    if (r < 0 && !first) first = r;
  }
  return first;
}

void fs_file_mark_writers(fs_t *fs) {
  for (fs_file_t *f = fs->writers; f; f = f->next_writer) {
    for (uint32_t i = 0; i < f->nblocks; i++)
      fs_hold_block(fs, f->blocks[i]);
    if (f->act) fs_hold_block(fs, f->act);
  }
}
