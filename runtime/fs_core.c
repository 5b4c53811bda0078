// SPDX-License-Identifier: MIT
// fs_core.c: mount, records and the namespace of the copy-on-write flash
// filesystem (layout in fs_core.h, reasoning in FS.md).
//
// A record block is written in this order: name, block list, and last the
// 32-byte header that carries the magic and the CRC. A record whose header
// is missing or whose CRC fails is not a record, so each record write is
// the single commit point of one change. The record it replaces is erased
// only after the new one is complete; if power fails in between, mount
// sees two records of one ino (or two of one name) and keeps the one with
// the higher sequence number.
#include "fs_core.h"
#include "fs_file.h"

#include <string.h>

#define NAME_OFF 32u                      // the name follows the header
#define LIST_OFF (NAME_OFF + FS_NAME_MAX) // then the block list
#define CHUNK 64u                         // bytes per read when streaming

// ---- CRC-32 ----

uint32_t fs_crc32(uint32_t crc, const void *buf, size_t len) {
  // Four bits at a time: a 16-entry table keeps flash and RAM small.
  static const uint32_t nibble[16] = {0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4,
                                      0x4db26158, 0x5005713c, 0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c,
                                      0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c};
  const uint8_t *p = buf;
  crc = ~crc;
  while (len--) {
    crc ^= *p++;
    crc = (crc >> 4) ^ nibble[crc & 15];
    crc = (crc >> 4) ^ nibble[crc & 15];
  }
  return ~crc;
}

// ---- device access ----

static int dev_read(fs_t *fs, uint32_t b, uint32_t off, void *buf, uint32_t len) {
  return fs->dev->read(fs->dev, b, off, buf, len);
}

static int dev_prog(fs_t *fs, uint32_t b, uint32_t off, const void *buf, uint32_t len) {
  if (fs->readonly) return -FS_EROFS;
  return fs->dev->prog(fs->dev, b, off, buf, len);
}

static int dev_erase(fs_t *fs, uint32_t b) {
  if (fs->readonly) return -FS_EROFS;
  return fs->dev->erase(fs->dev, b);
}

static bool is_used(const fs_t *fs, uint32_t b) {
  return fs->used[b >> 3] & (1u << (b & 7));
}
static void set_used(fs_t *fs, uint32_t b, bool on) {
  if (on)
    fs->used[b >> 3] |= (uint8_t)(1u << (b & 7));
  else
    fs->used[b >> 3] &= (uint8_t) ~(1u << (b & 7));
}

static uint32_t max_list(const fs_t *fs) {
  return (fs->dev->block_size - LIST_OFF) / 2;
}

// ---- records ----

int fs_read_rec(fs_t *fs, uint32_t block, fs_rec_t *rec) {
  return dev_read(fs, block, 0, rec, sizeof *rec);
}

int fs_read_list(fs_t *fs, uint32_t block, const fs_rec_t *rec, uint32_t first, uint16_t *out, uint32_t n) {
  if (first + n > rec->nblocks) return -FS_EIO;
  return n ? dev_read(fs, block, LIST_OFF + 2 * first, out, 2 * n) : 0;
}

static int read_name(fs_t *fs, uint32_t block, const fs_rec_t *rec, char *name) {
  int r = dev_read(fs, block, NAME_OFF, name, rec->name_len);
  name[rec->name_len] = 0;
  return r;
}

// Reads and checks the record in [b]: 0 if it is a complete record of this
// filesystem, -FS_ENOENT if not.
static int check_rec(fs_t *fs, uint32_t b, fs_rec_t *rec) {
  if (dev_read(fs, b, 0, rec, sizeof *rec) < 0) return -FS_ENOENT;
  if (rec->magic != FS_REC_MAGIC || rec->fsid != fs->fsid) return -FS_ENOENT;
  if (rec->name_len == 0 || rec->name_len > FS_NAME_MAX || rec->ino <= FS_ROOT_INO || rec->parent == 0)
    return -FS_ENOENT;
  if ((rec->type != FS_TYPE_FILE && rec->type != FS_TYPE_DIR) || rec->nblocks > max_list(fs))
    return -FS_ENOENT;
  uint8_t buf[CHUNK];
  uint32_t crc = 0;
  if (dev_read(fs, b, NAME_OFF, buf, rec->name_len) < 0) return -FS_ENOENT;
  crc = fs_crc32(crc, buf, rec->name_len);
  for (uint32_t done = 0, total = 2u * rec->nblocks; done < total;) {
    uint32_t n = total - done < CHUNK ? total - done : CHUNK;
    if (dev_read(fs, b, LIST_OFF + done, buf, n) < 0) return -FS_ENOENT;
    crc = fs_crc32(crc, buf, n);
    done += n;
  }
  fs_rec_t h = *rec;
  h.crc = 0;
  crc = fs_crc32(crc, &h, sizeof h);
  return crc == rec->crc ? 0 : -FS_ENOENT;
}

// Writes a record into the erased block [b]: name, then the list (from
// RAM [list], or copied from the record in [list_from] when [list] is
// NULL), then the header. Sets rec->seq, rec->crc.
static int write_rec(fs_t *fs, uint32_t b, fs_rec_t *rec, const char *name, const uint16_t *list,
                     uint32_t list_from) {
  int r = dev_prog(fs, b, NAME_OFF, name, rec->name_len);
  if (r < 0) return r;
  uint32_t crc = fs_crc32(0, name, rec->name_len);
  uint8_t buf[CHUNK];
  for (uint32_t done = 0, total = 2u * rec->nblocks; done < total;) {
    uint32_t n = total - done < CHUNK ? total - done : CHUNK;
    const void *src = (const uint8_t *)list + done;
    if (!list) {
      if ((r = dev_read(fs, list_from, LIST_OFF + done, buf, n)) < 0) return r;
      src = buf;
    }
    if ((r = dev_prog(fs, b, LIST_OFF + done, src, n)) < 0) return r;
    crc = fs_crc32(crc, src, n);
    done += n;
  }
  rec->magic = FS_REC_MAGIC;
  rec->fsid = fs->fsid;
  rec->seq = fs->next_seq++;
  rec->reserved = 0;
  rec->crc = 0;
  rec->crc = fs_crc32(crc, rec, sizeof *rec);
  return dev_prog(fs, b, 0, rec, sizeof *rec);
}

uint32_t fs_record_block(const fs_t *fs, uint16_t ino) {
  for (uint32_t i = 0; i < fs->nrecs; i++)
    if (fs->recs[i].ino == ino) return fs->recs[i].block;
  return 0;
}

// Makes room for one more entry in fs->recs.
static int recs_reserve(fs_t *fs) {
  if (fs->nrecs < fs->recs_cap) return 0;
  uint32_t cap = fs->recs_cap ? fs->recs_cap * 2 : 8;
  fs_rec_ref_t *r = fs->mem.alloc(fs->mem.ctx, cap * sizeof *r);
  if (!r) return -FS_ENOMEM;
  if (fs->nrecs) memcpy(r, fs->recs, fs->nrecs * sizeof *r);
  if (fs->recs) fs->mem.free(fs->mem.ctx, fs->recs);
  fs->recs = r;
  fs->recs_cap = cap;
  return 0;
}

// Adds a record entry; recs_reserve made room.
static void recs_add(fs_t *fs, uint32_t block, uint16_t ino) {
  fs->recs[fs->nrecs++] = (fs_rec_ref_t){(uint16_t)block, ino};
}

// Removes the entry of the record in [block], keeping the order.
static void recs_remove(fs_t *fs, uint32_t block) {
  for (uint32_t i = 0; i < fs->nrecs; i++)
    if (fs->recs[i].block == block) {
      memmove(fs->recs + i, fs->recs + i + 1, (fs->nrecs - i - 1) * sizeof *fs->recs);
      fs->nrecs--;
      return;
    }
}

// The entry of ino's record now lives in [block].
static void recs_move(fs_t *fs, uint16_t ino, uint32_t block) {
  for (uint32_t i = 0; i < fs->nrecs; i++)
    if (fs->recs[i].ino == ino) fs->recs[i].block = (uint16_t)block;
}

// ---- blocks ----

static void recount(fs_t *fs) {
  uint32_t n = 0;
  for (uint32_t b = 0; b < fs->dev->block_count; b++)
    n += !is_used(fs, b);
  fs->free_blocks = n;
}

int fs_alloc_block(fs_t *fs) {
  if (fs->readonly) return -FS_EROFS;
  uint32_t count = fs->dev->block_count;
  for (uint32_t i = 0; i < count; i++) {
    uint32_t b = (fs->rover + i) % count;
    if (b == 0 || is_used(fs, b)) continue;
    int r = dev_erase(fs, b);
    if (r < 0) return r;
    set_used(fs, b, true);
    fs->free_blocks--;
    fs->rover = b + 1;
    return (int)b;
  }
  return -FS_ENOSPC;
}

void fs_release_block(fs_t *fs, uint32_t b) {
  if (b == 0 || b >= fs->dev->block_count || !is_used(fs, b)) return;
  set_used(fs, b, false);
  fs->free_blocks++;
}

void fs_hold_block(fs_t *fs, uint32_t b) {
  if (b > 0 && b < fs->dev->block_count) set_used(fs, b, true);
}

// Marks or unmarks every block listed by the record in [rb].
static void mark_list(fs_t *fs, uint32_t rb, const fs_rec_t *rec, bool on) {
  uint16_t chunk[CHUNK / 2];
  for (uint32_t i = 0; i < rec->nblocks; i += CHUNK / 2) {
    uint32_t n = rec->nblocks - i < CHUNK / 2 ? rec->nblocks - i : CHUNK / 2;
    if (fs_read_list(fs, rb, rec, i, chunk, n) < 0) return;
    for (uint32_t k = 0; k < n; k++)
      if (chunk[k] > 0 && chunk[k] < fs->dev->block_count) set_used(fs, chunk[k], on);
  }
}

// Drops the record in [rb] and everything only it held: erases the block
// (after that, this version is gone for good) and gives back its data
// blocks, except those an open writer still holds.
static int drop_record(fs_t *fs, uint32_t rb, const fs_rec_t *rec, bool with_list) {
  recs_remove(fs, rb);
  if (with_list) mark_list(fs, rb, rec, false); // read the list before the erase
  int r = dev_erase(fs, rb);
  set_used(fs, rb, false);
  fs_file_mark_writers(fs);
  recount(fs);
  return r;
}

// ---- mount ----

int fs_mkfs(const fs_bdev_t *d, uint32_t fsid) {
  if (d->block_count < FS_MIN_BLOCKS || d->block_count > FS_MAX_BLOCKS || d->block_size < 256 ||
      (d->block_size & (d->block_size - 1)))
    return -FS_EINVAL;
  fs_super_t s = {FS_SUPER_MAGIC, FS_VERSION, fsid ? fsid : 1, d->block_size, d->block_count, 0};
  s.crc = fs_crc32(0, &s, offsetof(fs_super_t, crc));
  int r = d->erase(d, 0);
  if (r < 0) return r;
  return d->prog(d, 0, 0, &s, sizeof s);
}

// A 16-bit key of (parent, name) to find duplicate names cheaply.
static uint16_t name_key(fs_t *fs, uint32_t b, const fs_rec_t *rec) {
  char name[FS_NAME_MAX + 1];
  read_name(fs, b, rec, name);
  uint32_t h = fs_crc32(rec->parent, name, rec->name_len);
  return (uint16_t)(h ^ (h >> 16));
}

// Of two records in blocks [a] and [b] standing for one thing, returns
// the older one, which mount drops (and erases when writable).
static uint32_t older_of(fs_t *fs, uint32_t a, uint32_t b) {
  fs_rec_t ra, rb;
  fs_read_rec(fs, a, &ra);
  fs_read_rec(fs, b, &rb);
  uint32_t loser = (int32_t)(ra.seq - rb.seq) > 0 ? b : a;
  if (!fs->readonly) fs->dev->erase(fs->dev, loser);
  return loser;
}

int fs_mount(fs_t *fs, const fs_bdev_t *d, const fs_alloc_t *mem, bool readonly) {
  memset(fs, 0, sizeof *fs);
  fs->dev = d;
  fs->mem = *mem;
  fs->readonly = readonly;
  fs_super_t s;
  int r = d->read(d, 0, 0, &s, sizeof s);
  if (r < 0) return r;
  if (s.magic != FS_SUPER_MAGIC) return -FS_ENODEV;
  if (s.crc != fs_crc32(0, &s, offsetof(fs_super_t, crc)) || s.version != FS_VERSION ||
      s.block_size != d->block_size || s.block_count != d->block_count)
    return -FS_EIO;
  uint32_t n = d->block_count;
  fs->fsid = s.fsid;
  fs->used = mem->alloc(mem->ctx, (n + 7) / 8);
  if (!fs->used) return -FS_ENOMEM;
  // Pass 1: complete records; the newest of each ino wins.
  uint32_t max_seq = 0;
  for (uint32_t b = 1; b < n; b++) {
    fs_rec_t rec;
    if (check_rec(fs, b, &rec) < 0) continue;
    if ((int32_t)(rec.seq - max_seq) > 0 || max_seq == 0) max_seq = rec.seq;
    uint32_t prev = fs_record_block(fs, rec.ino);
    if (prev) {
      if (older_of(fs, prev, b) == prev) recs_move(fs, rec.ino, b);
      continue;
    }
    if (recs_reserve(fs) < 0) {
      fs_unmount(fs);
      return -FS_ENOMEM;
    }
    recs_add(fs, b, rec.ino);
  }
  // Pass 2: two records of one name in one directory (a rename over an
  // existing name cut short): the newer wins.
  uint16_t *keys = fs->nrecs ? mem->alloc(mem->ctx, fs->nrecs * sizeof *keys) : NULL;
  if (fs->nrecs && !keys) {
    fs_unmount(fs);
    return -FS_ENOMEM;
  }
  for (uint32_t i = 0; i < fs->nrecs; i++) {
    fs_rec_t rec;
    uint32_t b = fs->recs[i].block;
    fs_read_rec(fs, b, &rec);
    keys[i] = name_key(fs, b, &rec);
    for (uint32_t j = 0; j < i; j++) {
      if (keys[j] != keys[i]) continue;
      fs_rec_t other;
      char n1[FS_NAME_MAX + 1], n2[FS_NAME_MAX + 1];
      uint32_t o = fs->recs[j].block;
      fs_read_rec(fs, o, &other);
      read_name(fs, b, &rec, n1);
      read_name(fs, o, &other, n2);
      if (other.parent != rec.parent || strcmp(n1, n2)) continue;
      // Drop the loser's entry and key, and look at entry i again.
      uint32_t gone = older_of(fs, o, b) == o ? j : i;
      memmove(fs->recs + gone, fs->recs + gone + 1, (fs->nrecs - gone - 1) * sizeof *fs->recs);
      memmove(keys + gone, keys + gone + 1, (fs->nrecs - gone - 1) * sizeof *keys);
      fs->nrecs--;
      i--;
      break;
    }
  }
  if (keys) mem->free(mem->ctx, keys);
  // Pass 3: what the surviving records hold.
  set_used(fs, 0, true);
  for (uint32_t i = 0; i < fs->nrecs; i++) {
    fs_rec_t rec;
    uint32_t b = fs->recs[i].block;
    fs_read_rec(fs, b, &rec);
    set_used(fs, b, true);
    mark_list(fs, b, &rec, true);
  }
  recount(fs);
  fs->next_seq = max_seq + 1;
  fs->rover = 1 + fs->next_seq % (n - 1); // start somewhere new at each mount
  return 0;
}

void fs_unmount(fs_t *fs) {
  if (fs->recs) fs->mem.free(fs->mem.ctx, fs->recs);
  if (fs->used) fs->mem.free(fs->mem.ctx, fs->used);
  fs->recs = NULL;
  fs->nrecs = fs->recs_cap = 0;
  fs->used = NULL;
  fs->dev = NULL;
}

// ---- names ----

// Finds [name] ([len] bytes) in directory [parent]: its block and header.
static int find_child(fs_t *fs, uint16_t parent, const char *name, size_t len, uint32_t *block,
                      fs_rec_t *rec) {
  char buf[FS_NAME_MAX];
  if (len > FS_NAME_MAX) return -FS_ENAMETOOLONG;
  for (uint32_t i = 0; i < fs->nrecs; i++) {
    uint32_t b = fs->recs[i].block;
    int r = fs_read_rec(fs, b, rec);
    if (r < 0) return r;
    if (rec->parent != parent || rec->name_len != len) continue;
    if ((r = dev_read(fs, b, NAME_OFF, buf, (uint32_t)len)) < 0) return r;
    if (!memcmp(buf, name, len)) {
      *block = b;
      return 0;
    }
  }
  return -FS_ENOENT;
}

// Walks [path] to its last component. On success *parent is the ino of
// the directory that should hold it, *name/*len that component (len 0 for
// the root itself).
static int walk_parent(fs_t *fs, const char *path, uint16_t *parent, const char **name, size_t *len) {
  uint16_t dir = FS_ROOT_INO;
  for (;;) {
    while (*path == '/')
      path++;
    const char *end = strchr(path, '/');
    size_t n = end ? (size_t)(end - path) : strlen(path);
    const char *rest = end;
    while (rest && *rest == '/')
      rest++;
    if (!end || !*rest) {
      *parent = dir;
      *name = path;
      *len = n;
      return n > FS_NAME_MAX ? -FS_ENAMETOOLONG : 0;
    }
    uint32_t b;
    fs_rec_t rec;
    int r = find_child(fs, dir, path, n, &b, &rec);
    if (r < 0) return r;
    if (rec.type != FS_TYPE_DIR) return -FS_ENOTDIR;
    dir = rec.ino;
    path = rest;
  }
}

int fs_lookup(fs_t *fs, const char *path, uint16_t *ino, uint32_t *block) {
  uint16_t parent;
  const char *name;
  size_t len;
  int r = walk_parent(fs, path, &parent, &name, &len);
  if (r < 0) return r;
  if (len == 0) {
    *ino = FS_ROOT_INO;
    *block = 0;
    return 0;
  }
  fs_rec_t rec;
  if ((r = find_child(fs, parent, name, len, block, &rec)) < 0) return r;
  *ino = rec.ino;
  return 0;
}

int fs_stat(fs_t *fs, const char *path, fs_stat_t *st) {
  uint16_t ino;
  uint32_t b;
  int r = fs_lookup(fs, path, &ino, &b);
  if (r < 0) return r;
  st->ino = ino;
  if (b == 0) {
    st->type = FS_TYPE_DIR;
    st->size = 0;
    return 0;
  }
  fs_rec_t rec;
  if ((r = fs_read_rec(fs, b, &rec)) < 0) return r;
  st->type = rec.type;
  st->size = rec.size;
  return 0;
}

int fs_statvfs(fs_t *fs, fs_statvfs_t *st) {
  st->block_size = fs->dev->block_size;
  st->blocks = fs->dev->block_count;
  // Every change needs one spare block to write its new record into.
  st->free_blocks = fs->free_blocks ? fs->free_blocks - 1 : 0;
  st->name_max = FS_NAME_MAX;
  return 0;
}

// True if [ino] is a directory (the root or a directory record).
static bool is_dir(fs_t *fs, uint16_t ino) {
  if (ino == FS_ROOT_INO) return true;
  uint32_t b = fs_record_block(fs, ino);
  fs_rec_t rec;
  return b && fs_read_rec(fs, b, &rec) == 0 && rec.type == FS_TYPE_DIR;
}

static uint16_t new_ino(fs_t *fs) {
  uint32_t top = FS_ROOT_INO;
  for (uint32_t i = 0; i < fs->nrecs; i++)
    if (fs->recs[i].ino > top) top = fs->recs[i].ino;
  if (top < 0xfffe) return (uint16_t)(top + 1);
  for (uint32_t i = FS_ROOT_INO + 1; i < 0xffff; i++)
    if (!fs_record_block(fs, (uint16_t)i)) return (uint16_t)i;
  return 0;
}

static int check_name(const char *name, size_t len) {
  if (len == 0) return -FS_EEXIST; // the root, or a path ending in '/'
  if (len > FS_NAME_MAX) return -FS_ENAMETOOLONG;
  if ((len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.')) return -FS_EINVAL;
  return 0;
}

// Makes a new entry of [type] at [path].
static int make_entry(fs_t *fs, const char *path, uint8_t type, uint16_t *ino_out) {
  if (fs->readonly) return -FS_EROFS;
  uint16_t parent;
  const char *name;
  size_t len;
  int r = walk_parent(fs, path, &parent, &name, &len);
  if (r < 0) return r;
  if ((r = check_name(name, len)) < 0) return r;
  if (!is_dir(fs, parent)) return -FS_ENOTDIR;
  uint32_t b;
  fs_rec_t rec;
  if ((r = find_child(fs, parent, name, len, &b, &rec)) != -FS_ENOENT) return r < 0 ? r : -FS_EEXIST;
  uint16_t ino = new_ino(fs);
  if (!ino) return -FS_ENOSPC;
  if ((r = recs_reserve(fs)) < 0) return r;
  int nb = fs_alloc_block(fs);
  if (nb < 0) return nb;
  memset(&rec, 0, sizeof rec);
  rec.ino = ino;
  rec.parent = parent;
  rec.type = type;
  rec.name_len = (uint8_t)len;
  if ((r = write_rec(fs, (uint32_t)nb, &rec, name, NULL, 0)) < 0) {
    fs_release_block(fs, (uint32_t)nb);
    return r;
  }
  recs_add(fs, (uint32_t)nb, ino);
  if (ino_out) *ino_out = ino;
  return 0;
}

int fs_mkdir(fs_t *fs, const char *path) {
  return make_entry(fs, path, FS_TYPE_DIR, NULL);
}

int fs_create(fs_t *fs, const char *path, uint16_t *ino) {
  return make_entry(fs, path, FS_TYPE_FILE, ino);
}

static bool dir_empty(fs_t *fs, uint16_t ino) {
  fs_dirent_t ent;
  uint32_t cursor = 0;
  return fs_dir_next(fs, ino, &cursor, &ent) == 0;
}

// Removes the entry at [path], which must be of [type].
static int remove_entry(fs_t *fs, const char *path, uint8_t type) {
  if (fs->readonly) return -FS_EROFS;
  uint16_t ino;
  uint32_t b;
  int r = fs_lookup(fs, path, &ino, &b);
  if (r < 0) return r;
  if (b == 0) return type == FS_TYPE_DIR ? -FS_EBUSY : -FS_EISDIR; // the root
  fs_rec_t rec;
  if ((r = fs_read_rec(fs, b, &rec)) < 0) return r;
  if (rec.type != type) return type == FS_TYPE_DIR ? -FS_ENOTDIR : -FS_EISDIR;
  if (type == FS_TYPE_DIR && !dir_empty(fs, ino)) return -FS_ENOTEMPTY;
  return drop_record(fs, b, &rec, true);
}

int fs_rmdir(fs_t *fs, const char *path) {
  return remove_entry(fs, path, FS_TYPE_DIR);
}

int fs_remove(fs_t *fs, const char *path) {
  return remove_entry(fs, path, FS_TYPE_FILE);
}

int fs_rewrite_record(fs_t *fs, uint32_t old_block, const char *name, size_t name_len, uint16_t parent,
                      const uint16_t *list, uint32_t nblocks, uint32_t size, bool keep_list) {
  if (fs->readonly) return -FS_EROFS;
  fs_rec_t old, rec;
  char old_name[FS_NAME_MAX + 1];
  int r = fs_read_rec(fs, old_block, &old);
  if (r < 0) return r;
  if ((r = read_name(fs, old_block, &old, old_name)) < 0) return r;
  if (nblocks > max_list(fs)) return -FS_EFBIG;
  rec = old;
  if (name) {
    rec.parent = parent;
    rec.name_len = (uint8_t)name_len;
  } else {
    name = old_name;
  }
  if (!keep_list) {
    rec.nblocks = (uint16_t)nblocks;
    rec.size = size;
  }
  int nb = fs_alloc_block(fs);
  if (nb < 0) return nb;
  if ((r = write_rec(fs, (uint32_t)nb, &rec, name, keep_list ? NULL : list, old_block)) < 0) {
    fs_release_block(fs, (uint32_t)nb);
    return r;
  }
  // The new record is complete: from here on the old one is only garbage.
  recs_move(fs, rec.ino, (uint32_t)nb);
  r = drop_record(fs, old_block, &old, !keep_list);
  if (!keep_list) {
    for (uint32_t i = 0; i < nblocks; i++)
      set_used(fs, list[i], true);
    recount(fs);
  }
  return r;
}

int fs_rename(fs_t *fs, const char *from, const char *to) {
  if (fs->readonly) return -FS_EROFS;
  uint16_t ino, parent;
  uint32_t b;
  int r = fs_lookup(fs, from, &ino, &b);
  if (r < 0) return r;
  if (b == 0) return -FS_EBUSY; // the root
  const char *name;
  size_t len;
  if ((r = walk_parent(fs, to, &parent, &name, &len)) < 0) return r;
  if ((r = check_name(name, len)) < 0) return r == -FS_EEXIST ? -FS_EBUSY : r;
  if (!is_dir(fs, parent)) return -FS_ENOTDIR;
  fs_rec_t src, dst;
  if ((r = fs_read_rec(fs, b, &src)) < 0) return r;
  // A directory may not move into itself or below itself.
  if (src.type == FS_TYPE_DIR)
    for (uint16_t p = parent; p != FS_ROOT_INO;) {
      if (p == ino) return -FS_EINVAL;
      uint32_t pb = fs_record_block(fs, p);
      fs_rec_t pr;
      if (!pb || fs_read_rec(fs, pb, &pr) < 0) return -FS_EIO;
      p = pr.parent;
    }
  uint32_t db = 0;
  r = find_child(fs, parent, name, len, &db, &dst);
  if (r < 0 && r != -FS_ENOENT) return r;
  if (r == 0) {
    if (dst.ino == ino) return 0; // renamed onto itself
    if (dst.type == FS_TYPE_DIR) {
      if (src.type != FS_TYPE_DIR) return -FS_EISDIR;
      if (!dir_empty(fs, dst.ino)) return -FS_ENOTEMPTY;
    } else if (src.type == FS_TYPE_DIR) {
      return -FS_ENOTDIR;
    }
  } else {
    db = 0;
  }
  if ((r = fs_rewrite_record(fs, b, name, len, parent, NULL, 0, 0, true)) < 0) return r;
  // The renamed record is newer than the one it replaces: a power cut
  // before this drop leaves two of one name, and mount keeps the newer.
  if (db) r = drop_record(fs, db, &dst, true);
  return r;
}

int fs_dir_next(fs_t *fs, uint16_t dir_ino, uint32_t *cursor, fs_dirent_t *ent) {
  for (uint32_t i = *cursor; i < fs->nrecs; i++) {
    uint32_t b = fs->recs[i].block;
    fs_rec_t rec;
    if (fs_read_rec(fs, b, &rec) < 0 || rec.parent != dir_ino) continue;
    read_name(fs, b, &rec, ent->name);
    ent->type = rec.type;
    ent->ino = rec.ino;
    ent->size = rec.size;
    *cursor = i + 1;
    return 1;
  }
  *cursor = fs->nrecs;
  return 0;
}
