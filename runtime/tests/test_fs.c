// SPDX-License-Identifier: MIT
// test_fs.c: the flash filesystem (fs_core.c, fs_file.c) on a RAM model of
// NOR flash: namespace operations, file contents against a byte-array
// model, and power cuts at every program/erase step of an update
// sequence, each followed by a mount that must show the old or the new
// state. A deliberately non-atomic update proves the power-cut checker
// can fail.
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fs_core.h"
#include "fs_file.h"

// ---- RAM NOR flash with a power switch ----

#define BS 512 // small blocks make multi-block files cheap to test
#define NB 64

static struct {
  uint8_t mem[NB][BS];
  long ops;    // program/erase steps so far
  long cut_at; // the step that is torn, after which the power is off; -1 never
  bool dead;   // power is off: every later step does nothing
  long erases[NB];
} ram;

static int ram_read(const fs_bdev_t *d, uint32_t b, uint32_t off, void *buf, uint32_t len) {
  (void)d;
  ck_assert_uint_lt(b, NB);
  ck_assert_uint_le(off + len, BS);
  memcpy(buf, ram.mem[b] + off, len);
  return 0;
}

// Returns true if this step may run in full; a torn step runs in part.
static bool power_step(void) {
  if (ram.dead) return false;
  if (ram.ops++ == ram.cut_at) {
    ram.dead = true;
    return false;
  }
  return true;
}

static int ram_prog(const fs_bdev_t *d, uint32_t b, uint32_t off, const void *buf, uint32_t len) {
  (void)d;
  ck_assert_uint_lt(b, NB);
  ck_assert_uint_le(off + len, BS);
  bool dead = ram.dead;
  uint32_t keep = power_step() ? len : (dead ? 0 : len / 2);
  for (uint32_t i = 0; i < keep; i++)
    ram.mem[b][off + i] &= ((const uint8_t *)buf)[i]; // NOR: bits only clear
  return keep == len ? 0 : -FS_EIO;
}

static int ram_erase(const fs_bdev_t *d, uint32_t b) {
  (void)d;
  ck_assert_uint_lt(b, NB);
  bool dead = ram.dead;
  bool full = power_step();
  if (!full && dead) return -FS_EIO;
  memset(ram.mem[b], 0xff, full ? BS : BS / 3); // a cut erase leaves part of the old bits
  ram.erases[b]++;
  return full ? 0 : -FS_EIO;
}

static const fs_bdev_t dev = {BS, NB, NULL, ram_read, ram_prog, ram_erase};

static void *t_alloc(void *ctx, size_t n) {
  (void)ctx;
  return calloc(1, n);
}
static void t_free(void *ctx, void *p) {
  (void)ctx;
  free(p);
}
static const fs_alloc_t mem = {t_alloc, t_free, NULL};

static void power_on(void) {
  ram.ops = 0;
  ram.cut_at = -1;
  ram.dead = false;
}

static void fresh_flash(void) {
  memset(&ram, 0xff, sizeof ram.mem);
  memset(ram.erases, 0, sizeof ram.erases);
  power_on();
}

static fs_t fs;

static void mount_ok(void) {
  ck_assert_int_eq(fs_mount(&fs, &dev, &mem, false), 0);
}

static void format_and_mount(void) {
  fresh_flash();
  ck_assert_int_eq(fs_mkfs(&dev, 0x1234), 0);
  mount_ok();
}

// Writes [len] bytes of [data] to [path] ("w" mode) and closes.
static int put(const char *path, const void *data, uint32_t len) {
  fs_file_t f;
  int r = fs_file_open(&fs, &f, path, FS_O_WRITE | FS_O_CREATE | FS_O_TRUNC);
  if (r < 0) return r;
  r = fs_file_write(&f, data, len);
  int c = fs_file_close(&f);
  return r < 0 ? r : c;
}

// Reads all of [path] into a malloc'd buffer; returns the length or -errno.
static int get(const char *path, uint8_t **out) {
  fs_file_t f;
  int r = fs_file_open(&fs, &f, path, FS_O_READ);
  if (r < 0) return r;
  uint8_t *buf = malloc(f.size + 1);
  r = fs_file_read(&f, buf, f.size + 1);
  fs_file_close(&f);
  *out = buf;
  return r;
}

static bool has(const char *path, const void *want, int len) {
  uint8_t *got = NULL;
  int n = get(path, &got);
  bool same = n == len && !memcmp(got, want, (size_t)len);
  free(got);
  return same;
}

static void pattern(uint8_t *buf, size_t len, unsigned seed) {
  for (size_t i = 0; i < len; i++)
    buf[i] = (uint8_t)(seed * 31 + i * 7 + (i >> 8));
}

// ---- namespace ----

START_TEST(mkfs_then_mount_is_empty) {
  format_and_mount();
  fs_dirent_t e;
  uint32_t cursor = 0;
  ck_assert_int_eq(fs_dir_next(&fs, FS_ROOT_INO, &cursor, &e), 0);
  fs_statvfs_t st;
  fs_statvfs(&fs, &st);
  ck_assert_uint_eq(st.block_size, BS);
  ck_assert_uint_eq(st.blocks, NB);
  ck_assert_uint_eq(st.free_blocks, NB - 2); // superblock and the spare
  fs_unmount(&fs);
}
END_TEST

START_TEST(unformatted_and_corrupt_superblocks) {
  fresh_flash();
  ck_assert_int_eq(fs_mount(&fs, &dev, &mem, false), -FS_ENODEV);
  ck_assert_int_eq(fs_mkfs(&dev, 7), 0);
  ram.mem[0][12] ^= 0x01; // one bit of block_size
  ck_assert_int_eq(fs_mount(&fs, &dev, &mem, false), -FS_EIO);
  ck_assert_int_eq(fs_mkfs(&dev, 7), 0);
  mount_ok();
  fs_unmount(&fs);
}
END_TEST

START_TEST(directories_and_names) {
  format_and_mount();
  ck_assert_int_eq(fs_mkdir(&fs, "lib"), 0);
  ck_assert_int_eq(fs_mkdir(&fs, "lib"), -FS_EEXIST);
  ck_assert_int_eq(fs_mkdir(&fs, "lib/sub"), 0);
  ck_assert_int_eq(fs_mkdir(&fs, "nope/sub"), -FS_ENOENT);
  ck_assert_int_eq(put("lib/sub/m.py", "x = 1\n", 6), 0);
  ck_assert_int_eq(fs_mkdir(&fs, "lib/sub/m.py/z"), -FS_ENOTDIR);
  ck_assert_int_eq(fs_rmdir(&fs, "lib"), -FS_ENOTEMPTY);
  ck_assert_int_eq(fs_remove(&fs, "lib"), -FS_EISDIR);
  ck_assert_int_eq(fs_rmdir(&fs, "lib/sub/m.py"), -FS_ENOTDIR);
  ck_assert_int_eq(fs_rename(&fs, "lib", "lib/sub/inner"), -FS_EINVAL);
  char long_name[FS_NAME_MAX + 2];
  memset(long_name, 'n', sizeof long_name - 1);
  long_name[sizeof long_name - 1] = 0;
  ck_assert_int_eq(fs_mkdir(&fs, long_name), -FS_ENAMETOOLONG);
  fs_stat_t st;
  ck_assert_int_eq(fs_stat(&fs, "lib/sub/m.py", &st), 0);
  ck_assert_int_eq(st.type, FS_TYPE_FILE);
  ck_assert_uint_eq(st.size, 6);
  ck_assert_int_eq(fs_stat(&fs, "", &st), 0);
  ck_assert_int_eq(st.type, FS_TYPE_DIR);
  // Everything survives a remount.
  fs_unmount(&fs);
  mount_ok();
  ck_assert(has("lib/sub/m.py", "x = 1\n", 6));
  ck_assert_int_eq(fs_rename(&fs, "lib/sub", "sub2"), 0);
  ck_assert(has("sub2/m.py", "x = 1\n", 6));
  ck_assert_int_eq(fs_stat(&fs, "lib/sub", &st), -FS_ENOENT);
  ck_assert_int_eq(fs_remove(&fs, "sub2/m.py"), 0);
  ck_assert_int_eq(fs_rmdir(&fs, "sub2"), 0);
  ck_assert_int_eq(fs_rmdir(&fs, "lib"), 0);
  fs_dirent_t e;
  uint32_t cursor = 0;
  ck_assert_int_eq(fs_dir_next(&fs, FS_ROOT_INO, &cursor, &e), 0);
  fs_statvfs_t sv;
  fs_statvfs(&fs, &sv);
  ck_assert_uint_eq(sv.free_blocks, NB - 2); // nothing leaked
  fs_unmount(&fs);
}
END_TEST

START_TEST(rename_replaces_and_lists) {
  format_and_mount();
  ck_assert_int_eq(put("a", "AAA", 3), 0);
  ck_assert_int_eq(put("b", "BB", 2), 0);
  ck_assert_int_eq(fs_rename(&fs, "a", "b"), 0);
  ck_assert(has("b", "AAA", 3));
  fs_stat_t st;
  ck_assert_int_eq(fs_stat(&fs, "a", &st), -FS_ENOENT);
  ck_assert_int_eq(fs_mkdir(&fs, "d"), 0);
  ck_assert_int_eq(fs_rename(&fs, "b", "d"), -FS_EISDIR);
  ck_assert_int_eq(fs_rename(&fs, "d", "b"), -FS_ENOTDIR);
  ck_assert_int_eq(fs_rename(&fs, "b", "d/b"), 0);
  int n = 0;
  fs_dirent_t e;
  uint32_t cursor = 0;
  while (fs_dir_next(&fs, FS_ROOT_INO, &cursor, &e)) {
    n++;
    ck_assert_str_eq(e.name, "d");
  }
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(fs_stat(&fs, "d", &st), 0);
  cursor = 0;
  ck_assert_int_eq(fs_dir_next(&fs, st.ino, &cursor, &e), 1);
  ck_assert_str_eq(e.name, "b");
  ck_assert_uint_eq(e.size, 3);
  fs_unmount(&fs);
}
END_TEST

// ---- contents against a model ----

START_TEST(random_writes_match_model) {
  format_and_mount();
  enum { MAX = 3000 };
  static uint8_t model[MAX], buf[MAX];
  uint32_t model_len = 0;
  srand(42);
  for (int round = 0; round < 60; round++) {
    fs_file_t f;
    int mode = rand() % 3; // 0: "w", 1: "a", 2: "r+"
    int flags = FS_O_READ | FS_O_WRITE | FS_O_CREATE;
    if (mode == 0) flags |= FS_O_TRUNC, model_len = 0;
    if (mode == 1) flags |= FS_O_APPEND;
    ck_assert_int_eq(fs_file_open(&fs, &f, "m.bin", flags), 0);
    for (int w = 0; w < 4; w++) {
      uint32_t pos =
          mode == 1 ? model_len : (uint32_t)rand() % (model_len + 600 < MAX ? model_len + 600 : MAX);
      uint32_t len = (uint32_t)rand() % 700;
      if (pos + len > MAX) len = MAX - pos;
      pattern(buf, len, (unsigned)(round * 4 + w));
      f.pos = pos;
      ck_assert_int_eq(fs_file_write(&f, buf, len), (int)len);
      if (len && pos > model_len) memset(model + model_len, 0, pos - model_len);
      memcpy(model + pos, buf, len);
      if (len && pos + len > model_len) model_len = pos + len;
      // Read back through the same handle.
      f.pos = 0;
      ck_assert_int_eq(fs_file_read(&f, buf, MAX), (int)model_len);
      ck_assert_int_eq(memcmp(buf, model, model_len), 0);
    }
    ck_assert_int_eq(fs_file_close(&f), 0);
    if (round % 7 == 0) {
      fs_unmount(&fs);
      mount_ok();
    }
    ck_assert(has("m.bin", model, (int)model_len));
    fs_statvfs_t sv;
    fs_statvfs(&fs, &sv);
    uint32_t data = (model_len + BS - FS_DATA_HDR - 1) / (BS - FS_DATA_HDR);
    ck_assert_uint_eq(sv.free_blocks, NB - 2 - 1 - data); // no block leaks
  }
  fs_unmount(&fs);
}
END_TEST

START_TEST(full_filesystem_gives_enospc_and_recovers) {
  format_and_mount();
  static uint8_t big[NB * BS];
  pattern(big, sizeof big, 3);
  ck_assert_int_eq(put("small", "keep", 4), 0);
  ck_assert_int_eq(put("big", big, sizeof big), -FS_ENOSPC);
  ck_assert(has("small", "keep", 4));
  fs_unmount(&fs);
  mount_ok();
  ck_assert(has("small", "keep", 4));
  ck_assert_int_eq(fs_remove(&fs, "big"), 0);
  ck_assert_int_eq(put("big", big, 20 * BS), 0);
  ck_assert(has("big", big, 20 * BS));
  fs_unmount(&fs);
}
END_TEST

START_TEST(readers_see_committed_versions) {
  format_and_mount();
  ck_assert_int_eq(put("f", "one", 3), 0);
  fs_file_t r, w;
  ck_assert_int_eq(fs_file_open(&fs, &r, "f", FS_O_READ), 0);
  ck_assert_int_eq(fs_file_open(&fs, &w, "f", FS_O_WRITE | FS_O_TRUNC), 0);
  ck_assert_int_eq(fs_file_write(&w, "second", 6), 6);
  char buf[16];
  ck_assert_int_eq(fs_file_read(&r, buf, sizeof buf), 3); // not synced yet: old version
  ck_assert_int_eq(memcmp(buf, "one", 3), 0);
  ck_assert_int_eq(fs_file_sync(&w), 0);
  r.pos = 0;
  ck_assert_int_eq(fs_file_read(&r, buf, sizeof buf), 6);
  ck_assert_int_eq(memcmp(buf, "second", 6), 0);
  fs_file_close(&w);
  fs_file_close(&r);
  fs_unmount(&fs);
}
END_TEST

// ---- power cuts ----

#define OLD_LEN 1300
#define NEW_LEN 900
static uint8_t old_a[OLD_LEN], new_a[NEW_LEN];
static uint8_t image[NB][BS];

static void setup_before(void) {
  format_and_mount();
  pattern(old_a, OLD_LEN, 1);
  pattern(new_a, NEW_LEN, 2);
  ck_assert_int_eq(put("a", old_a, OLD_LEN), 0);
  ck_assert_int_eq(fs_mkdir(&fs, "d"), 0);
  ck_assert_int_eq(put("d/b", "bee", 3), 0);
  ck_assert_int_eq(put("d/x", "ex", 2), 0);
  fs_unmount(&fs);
  memcpy(image, ram.mem, sizeof image);
}

// The sequence under test: overwrite a (in three writes), rename d/b over
// d/x, append to d/x, make a directory. Errors after the cut are ignored.
static void good_sequence(void) {
  mount_ok();
  fs_file_t f;
  if (fs_file_open(&fs, &f, "a", FS_O_WRITE | FS_O_TRUNC) == 0) {
    fs_file_write(&f, new_a, 300);
    fs_file_write(&f, new_a + 300, 500);
    fs_file_write(&f, new_a + 800, NEW_LEN - 800);
    fs_file_close(&f);
  }
  fs_rename(&fs, "d/b", "d/x");
  if (fs_file_open(&fs, &f, "d/x", FS_O_WRITE | FS_O_APPEND) == 0) {
    fs_file_write(&f, "+tail", 5);
    fs_file_close(&f);
  }
  fs_mkdir(&fs, "e");
  fs_unmount(&fs);
}

// The same first step done wrongly: a's data rewritten in place.
static void bad_sequence(void) {
  mount_ok();
  uint16_t ino;
  uint32_t rb;
  ck_assert_int_eq(fs_lookup(&fs, "a", &ino, &rb), 0);
  fs_rec_t rec;
  uint16_t first;
  fs_read_rec(&fs, rb, &rec);
  fs_read_list(&fs, rb, &rec, 0, &first, 1);
  if (dev.erase(&dev, first) == 0) {
    dev.prog(&dev, first, 0, (const uint32_t[]){FS_DATA_MAGIC, fs.fsid}, 8);
    dev.prog(&dev, first, FS_DATA_HDR, new_a, BS - FS_DATA_HDR);
  }
  fs_unmount(&fs);
}

// Mounts after a cut and checks the state is one the sequence passes
// through. Returns the stage (0..4) or -1 for a state no sequence allows.
static int check_state(void) {
  power_on();
  if (fs_mount(&fs, &dev, &mem, false) < 0) return -1;
  int a_old = has("a", old_a, OLD_LEN), a_new = has("a", new_a, NEW_LEN);
  int b = has("d/b", "bee", 3);
  fs_stat_t st;
  bool b_gone = fs_stat(&fs, "d/b", &st) == -FS_ENOENT;
  int x_old = has("d/x", "ex", 2), x_bee = has("d/x", "bee", 3), x_tail = has("d/x", "bee+tail", 8);
  bool e = fs_stat(&fs, "e", &st) == 0;
  int stage = -1;
  if (a_old && b && x_old && !e) stage = 0;
  if (a_new && b && x_old && !e) stage = 1;
  if (a_new && b_gone && x_bee && !e) stage = 2;
  if (a_new && b_gone && x_tail && !e) stage = 3;
  if (a_new && b_gone && x_tail && e) stage = 4;
  // And it keeps working: a new file survives a remount, no block leaks.
  if (stage >= 0) {
    if (put("after", "ok", 2) != 0) stage = -1;
    fs_unmount(&fs);
    if (fs_mount(&fs, &dev, &mem, false) < 0 || !has("after", "ok", 2)) stage = -1;
  }
  fs_unmount(&fs);
  return stage;
}

// Runs [seq] with a cut at every step; returns the number of bad states
// and fills seen[stage] counts.
static int cut_everywhere(void (*seq)(void), int seen[5]) {
  setup_before();
  power_on();
  seq();
  long steps = ram.ops;
  ck_assert_int_gt(steps, 2);
  int bad = 0;
  for (long k = 0; k <= steps; k++) {
    memcpy(ram.mem, image, sizeof image);
    power_on();
    ram.cut_at = k;
    seq();
    // Power comes back and goes again at the first step of the mount's
    // clean-up (erasing a superseded record), when it has one.
    power_on();
    ram.cut_at = 0;
    if (fs_mount(&fs, &dev, &mem, false) == 0) fs_unmount(&fs);
    int stage = check_state();
    if (stage < 0)
      bad++;
    else
      seen[stage]++;
  }
  return bad;
}

START_TEST(power_cut_at_every_step_leaves_old_or_new) {
  int seen[5] = {0};
  ck_assert_int_eq(cut_everywhere(good_sequence, seen), 0);
  // Every stage was reached by some cut, the last one by the uncut run.
  for (int i = 0; i < 5; i++)
    ck_assert_int_gt(seen[i], 0);
}
END_TEST

START_TEST(negative_control_in_place_update_is_caught) {
  int seen[5] = {0};
  ck_assert_int_gt(cut_everywhere(bad_sequence, seen), 0);
}
END_TEST

START_TEST(wear_spreads_over_blocks) {
  format_and_mount();
  for (int i = 0; i < 400; i++)
    ck_assert_int_eq(put("counter", &i, sizeof i), 0);
  long most = 0;
  for (int b = 1; b < NB; b++)
    if (ram.erases[b] > most) most = ram.erases[b];
  // 400 updates, two blocks each, over 63 blocks: about 13 erases a block.
  ck_assert_int_lt(most, 30);
  fs_unmount(&fs);
}
END_TEST

int main(void) {
  Suite *s = suite_create("fs");
  TCase *tc = tcase_create("fs");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, mkfs_then_mount_is_empty);
  tcase_add_test(tc, unformatted_and_corrupt_superblocks);
  tcase_add_test(tc, directories_and_names);
  tcase_add_test(tc, rename_replaces_and_lists);
  tcase_add_test(tc, random_writes_match_model);
  tcase_add_test(tc, full_filesystem_gives_enospc_and_recovers);
  tcase_add_test(tc, readers_see_committed_versions);
  tcase_add_test(tc, power_cut_at_every_step_leaves_old_or_new);
  tcase_add_test(tc, negative_control_in_place_update_is_caught);
  tcase_add_test(tc, wear_spreads_over_blocks);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}
