// SPDX-License-Identifier: MIT
// test_fs_flash.c: the flash filesystem on the virtual board, through
// vboard's flash file: files survive vboard restarts and board resets;
// a brown-out cutting any flash write of a file update leaves a
// filesystem that mounts with the old or the new content; and, as the
// checker's negative control, a flash image whose file data was damaged
// is reported as neither.
#define _GNU_SOURCE // memmem
#include <check.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[256];
static char flash[300], work[300];

static void make_dir(void) {
  const char *tmp = getenv("TMPDIR");
  snprintf(dir, sizeof dir, "%s/fs-flash-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  snprintf(flash, sizeof flash, "%s/flash.bin", dir);
  snprintf(work, sizeof work, "%s/work.bin", dir);
}

static void remove_dir(void) {
  char cmd[400];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}

// Writes [text] to DIR/[name] and returns its path.
static const char *script(const char *name, const char *text) {
  static char path[8][300];
  static int next;
  char *p = path[next++ % 8];
  snprintf(p, 300, "%s/%s", dir, name);
  FILE *f = fopen(p, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
  return p;
}

// Runs vboard with [argv] (NULL-terminated, after the program name),
// feeding [input] (or nothing) on stdin; its stdout goes to [out].
// Returns the exit status.
static int run(const char *const *argv, const char *input, char *out, size_t out_size) {
  char in_path[300], out_path[300];
  snprintf(in_path, sizeof in_path, "%s/stdin.txt", dir);
  snprintf(out_path, sizeof out_path, "%s/stdout.txt", dir);
  FILE *f = fopen(in_path, "w");
  ck_assert_ptr_nonnull(f);
  if (input) fputs(input, f);
  fclose(f);
  pid_t pid = fork();
  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    int in = open(in_path, O_RDONLY), o = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(in, 0);
    dup2(o, 1);
    const char *args[16] = {"vboard"};
    for (int i = 0; argv[i] && i < 14; i++)
      args[i + 1] = argv[i];
    execv(VBOARD_PATH, (char *const *)args);
    _exit(127);
  }
  int status;
  waitpid(pid, &status, 0);
  f = fopen(out_path, "r");
  ck_assert_ptr_nonnull(f);
  size_t n = fread(out, 1, out_size - 1, f);
  out[n] = 0;
  fclose(f);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static int run_script(const char *flash_file, const char *fault, const char *path, char *out, size_t size) {
  const char *with_fault[] = {"run",     "--profile", "d1mini-4m", "--flash", flash_file,
                              "--fault", fault,       path,        NULL};
  const char *plain[] = {"run", "--profile", "d1mini-4m", "--flash", flash_file, path, NULL};
  return run(fault ? with_fault : plain, NULL, out, size);
}

static void copy_file(const char *from, const char *to) {
  char cmd[700];
  snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
  ck_assert_int_eq(system(cmd), 0);
}

// The old and new contents of data.txt: several flash blocks each, of
// different lengths, so that both the block list and the data change.
#define CONTENTS                                                                                             \
  "def content(seed, n):\n"                                                                                  \
  "    return (''.join(chr(65 + (i * seed) % 26) for i in range(26)) * (n // 26 + 1))[:n]\n"                 \
  "OLD = content(7, 5000)\n"                                                                                 \
  "NEW = content(11, 4200)\n"

static const char setup_py[] = CONTENTS "with open('data.txt', 'w') as f:\n"
                                        "    f.write(OLD)\n"
                                        "with open('keep.txt', 'w') as f:\n"
                                        "    f.write('kept')\n"
                                        "print('setup done')\n";

static const char update_py[] = CONTENTS "f = open('data.txt', 'w')\n"
                                         "for i in range(0, len(NEW), 1000):\n"
                                         "    f.write(NEW[i:i + 1000])\n"
                                         "f.close()\n"
                                         "import os\n"
                                         "os.rename('keep.txt', 'kept.txt')\n"
                                         "print('update done')\n";

static const char check_py[] =
    CONTENTS "import os\n"
             "try:\n"
             "    d = open('data.txt').read()\n"
             "except OSError as e:\n"
             "    d = e\n"
             "print('STATE', 'OLD' if d == OLD else 'NEW' if d == NEW else 'BAD')\n"
             "names = sorted(os.listdir())\n"
             "keep = [open(n).read() for n in names if n.startswith('ke')]\n"
             "print('NAMES', names, keep)\n";

START_TEST(files_survive_restarts_and_resets) {
  make_dir();
  char out[8192];
  const char *w = script("w.py", "with open('a.txt', 'w') as f:\n    f.write('persist')\nprint('written')\n");
  ck_assert_int_eq(run_script(flash, NULL, w, out, sizeof out), 0);
  ck_assert_str_eq(out, "written\n");
  // A new vboard process on the same flash file.
  const char *r = script("r.py", "print(open('a.txt').read())\n");
  ck_assert_int_eq(run_script(flash, NULL, r, out, sizeof out), 0);
  ck_assert_str_eq(out, "persist\n");
  // A hard reset in the same process: closed files stay, the changes of
  // a file never closed or flushed are not published.
  const char *argv[] = {"--stdio", "--profile", "d1mini-4m", "--flash", flash, NULL};
  ck_assert_int_eq(run(argv,
                       "f = open('b.txt', 'w'); f.write('closed'); f.close()\r"
                       "g = open('a.txt', 'w'); g.write('never synced')\r"
                       "import machine; machine.reset()\r"
                       "print('after:', open('b.txt').read(), open('a.txt').read())\r",
                       out, sizeof out),
                   0);
  ck_assert_msg(strstr(out, "after: closed persist") != NULL, "%s", out);
  // A soft reset (Ctrl-D) publishes what open files hold.
  ck_assert_int_eq(run(argv,
                       "h = open('c.txt', 'w'); h.write('soft')\r\x04print('soft:', open('c.txt').read())\r",
                       out, sizeof out),
                   0);
  ck_assert_msg(strstr(out, "soft: soft") != NULL, "%s", out);
  // boot.py and main.py run after a reset and after a soft reset.
  const char *b = script("b.py", "open('boot.py', 'w').write('print(\"boot.py here\")')\n"
                                 "open('main.py', 'w').write('print(\"main.py here\")')\n"
                                 "import os; os.sync()\n");
  ck_assert_int_eq(run_script(flash, NULL, b, out, sizeof out), 0);
  ck_assert_int_eq(run(argv, "\x04", out, sizeof out), 0);
  char *first = strstr(out, "boot.py here\r\nmain.py here\r\n");
  ck_assert_msg(first && strstr(first + 1, "soft reboot\r\nboot.py here\r\nmain.py here\r\n"), "%s", out);
  remove_dir();
}
END_TEST

// Cuts the power at write [n] of the update; returns the state check.py
// reports afterwards ("OLD", "NEW" or "BAD") in [state] and whether the
// update ran to its end.
static bool cut_update_at(long n, char state[8], char *names, size_t names_size) {
  char out[8192], fault[64];
  copy_file(flash, work);
  snprintf(fault, sizeof fault, "brownout-after-writes=%ld", n);
  int status = run_script(work, fault, script("update.py", update_py), out, sizeof out);
  bool finished = status == 0 && strstr(out, "update done");
  ck_assert_int_eq(run_script(work, NULL, script("check.py", check_py), out, sizeof out), 0);
  char *s = strstr(out, "STATE ");
  ck_assert_msg(s != NULL, "check.py said: %s", out);
  snprintf(state, 8, "%.3s", s + 6);
  char *nm = strstr(out, "NAMES ");
  snprintf(names, names_size, "%s", nm ? nm : "");
  return finished;
}

START_TEST(brownout_during_update_leaves_old_or_new) {
  make_dir();
  char out[8192];
  ck_assert_int_eq(run_script(flash, NULL, script("setup.py", setup_py), out, sizeof out), 0);
  ck_assert_str_eq(out, "setup done\n");
  int olds = 0, news = 0;
  long n;
  for (n = 0; n < 400; n++) {
    char state[8], names[512];
    bool finished = cut_update_at(n, state, names, sizeof names);
    ck_assert_msg(!strcmp(state, "OLD") || !strcmp(state, "NEW"), "cut at write %ld: %s", n, state);
    // keep.txt is renamed in one step: under exactly one of its names.
    bool one = strstr(names, "['data.txt', 'keep.txt'] ['kept']") ||
               strstr(names, "['data.txt', 'kept.txt'] ['kept']");
    ck_assert_msg(one, "cut at write %ld: %s", n, names);
    olds += !strcmp(state, "OLD");
    news += !strcmp(state, "NEW");
    if (finished) break;
  }
  ck_assert_int_lt(n, 400);
  ck_assert_int_gt(olds, 3); // cuts early in the update keep the old file
  ck_assert_int_gt(news, 0); // late ones, and the uncut run, the new one
  remove_dir();
}
END_TEST

START_TEST(negative_control_damaged_data_is_caught) {
  make_dir();
  char out[8192];
  ck_assert_int_eq(run_script(flash, NULL, script("setup.py", setup_py), out, sizeof out), 0);
  // Find the start of OLD (content(7, ...) = "AHOVCJ...") in the flash
  // image and clear bits in it, as a non-atomic in-place update might.
  FILE *f = fopen(flash, "r+b");
  ck_assert_ptr_nonnull(f);
  static char image[4 << 20];
  size_t len = fread(image, 1, sizeof image, f);
  char *hit = memmem(image, len, "AHOVCJQXELSZGNUBIPWDKRYFMT", 26);
  ck_assert_ptr_nonnull(hit);
  hit[100] = '@';
  fseek(f, hit - image + 100, SEEK_SET);
  fputc('@', f);
  fclose(f);
  ck_assert_int_eq(run_script(flash, NULL, script("check.py", check_py), out, sizeof out), 0);
  ck_assert_msg(strstr(out, "STATE BAD") != NULL, "%s", out);
  remove_dir();
}
END_TEST

int main(void) {
  Suite *s = suite_create("fs_flash");
  TCase *tc = tcase_create("fs_flash");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, files_survive_restarts_and_resets);
  tcase_add_test(tc, brownout_during_update_leaves_old_or_new);
  tcase_add_test(tc, negative_control_damaged_data_is_caught);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}
