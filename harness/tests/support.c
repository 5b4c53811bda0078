// SPDX-License-Identifier: MIT
// support.c: the helpers shared by the rig's Check tests (support.h).
#include "support.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define SLURP_MAX (4 << 20)
#define ARGS_MAX 64

void support_scratch_dir(char *dir, size_t cap, const char *name) {
  snprintf(dir, cap, "/tmp/rig-%s-XXXXXX", name);
  ck_assert_ptr_nonnull(mkdtemp(dir));
}

void support_remove_tree(const char *dir) {
  char cmd[512];
  ck_assert(strchr(dir, '\'') == NULL); // the path goes into a shell command
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}

void support_make_dirs(char *out, size_t cap, const char *parent, const char *sub) {
  int n = snprintf(out, cap, "%s/%s", parent, sub);
  ck_assert(n > 0 && (size_t)n < cap);
  // Each part after [parent] in turn, then the whole path.
  for (char *p = out + strlen(parent) + 1; (p = strchr(p, '/')) != NULL; p++) {
    *p = '\0';
    ck_assert_msg(mkdir(out, 0777) == 0 || access(out, F_OK) == 0, "cannot make %s", out);
    *p = '/';
  }
  ck_assert_msg(mkdir(out, 0777) == 0 || access(out, F_OK) == 0, "cannot make %s", out);
}

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  ck_assert_msg(f != NULL, "cannot write %s", path);
  ck_assert_int_ge(fputs(text, f), 0);
  ck_assert_int_eq(fclose(f), 0);
}

void support_put_test(const char *dir, const char *name, const char *src, const char *exp) {
  char p[512];
  snprintf(p, sizeof p, "%s/%s", dir, name);
  write_file(p, src);
  if (!exp) return;
  snprintf(p, sizeof p, "%s/%s.exp", dir, name);
  write_file(p, exp);
}

pid_t support_spawn(const char *prog, const char *const *args, const char *cwd, const char *log) {
  pid_t pid = fork();
  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    // The child only execs: no Check assertions here (they would report
    // into the parent's test as a second failure).
    if ((cwd && chdir(cwd) < 0) || !freopen(log, "w", stdout)) _exit(99);
    dup2(1, 2);
    const char *argv[ARGS_MAX];
    int n = 0;
    argv[n++] = prog;
    while (args[n - 1] && n < ARGS_MAX - 1) {
      argv[n] = args[n - 1];
      n++;
    }
    argv[n] = NULL;
    execv(prog, (char *const *)argv);
    _exit(98);
  }
  return pid;
}

int support_wait(pid_t pid) {
  int ws;
  ck_assert_int_eq(waitpid(pid, &ws, 0), pid);
  return WIFEXITED(ws) ? WEXITSTATUS(ws) : -WTERMSIG(ws);
}

int support_run(const char *prog, const char *const *args, const char *cwd, const char *log) {
  return support_wait(support_spawn(prog, args, cwd, log));
}

int support_run_on_pty(const char *prog, const char *const *args, const char *cwd, char *out, size_t cap) {
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  ck_assert_int_ge(master, 0);
  ck_assert_int_eq(grantpt(master), 0);
  ck_assert_int_eq(unlockpt(master), 0);
  const char *slave_name = ptsname(master);
  ck_assert_ptr_nonnull(slave_name);
  pid_t pid = fork();
  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    setsid(); // the pty becomes the controlling terminal of a new session
    int slave = open(slave_name, O_RDWR);
    if (slave < 0 || (cwd && chdir(cwd) < 0)) _exit(99);
    dup2(slave, 1);
    dup2(slave, 2);
    close(master);
    const char *argv[ARGS_MAX];
    int n = 0;
    argv[n++] = prog;
    while (args[n - 1] && n < ARGS_MAX - 1) {
      argv[n] = args[n - 1];
      n++;
    }
    argv[n] = NULL;
    execv(prog, (char *const *)argv);
    _exit(98);
  }
  // Read until the last writer is gone (EIO on Linux once the slave closes).
  size_t n = 0;
  for (;;) {
    ssize_t got = read(master, out + n, cap - 1 - n);
    if (got > 0 && (n += (size_t)got) < cap - 1) continue;
    if (got < 0 && errno == EINTR) continue;
    break;
  }
  out[n] = '\0';
  close(master);
  return support_wait(pid);
}

size_t support_read_line(int fd, char *line, size_t cap) {
  size_t n = 0;
  while (n + 1 < cap && read(fd, line + n, 1) == 1 && line[n] != '\n')
    n++;
  line[n] = '\0';
  return n;
}

char *support_slurp_bytes(const char *path, size_t *len) {
  static char text[SLURP_MAX];
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot read %s", path);
  size_t n = fread(text, 1, sizeof text - 1, f);
  text[n] = '\0';
  fclose(f);
  if (len) *len = n;
  return text;
}

char *support_slurp(const char *path) {
  return support_slurp_bytes(path, NULL);
}

json_t *support_load_json(const char *path) {
  json_error_t je;
  json_t *doc = json_load_file(path, 0, &je);
  ck_assert_msg(doc != NULL, "%s: %s", path, je.text);
  return doc;
}

json_t *support_test_by_id(json_t *doc, const char *id) {
  size_t i;
  json_t *t;
  json_array_foreach(json_object_get(doc, "tests"), i, t) {
    const char *tid = json_string_value(json_object_get(t, "id"));
    if (tid && !strcmp(tid, id)) return t;
  }
  ck_abort_msg("no test %s in the report", id);
  return NULL;
}

int support_count(json_t *doc, const char *board, const char *outcome) {
  int n = 0;
  size_t i;
  json_t *t;
  json_array_foreach(json_object_get(doc, "tests"), i, t) {
    const char *tb = json_string_value(json_object_get(t, "board"));
    const char *to = json_string_value(json_object_get(t, "outcome"));
    if ((!board || (tb && !strcmp(tb, board))) && to && !strcmp(to, outcome)) n++;
  }
  return n;
}
