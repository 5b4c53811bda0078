// SPDX-License-Identifier: MIT
// support.h: what the rig's Check tests share, so that each test file
// holds only its cases: a scratch directory, conformance-style test files
// with their expected output, running a program (rig, a fake board) with
// its output captured, reading files back, and looking results up in a
// report. Every helper asserts (ck_assert) instead of returning an error:
// a broken fixture fails the test that needed it.
#ifndef RIG_TEST_SUPPORT_H
#define RIG_TEST_SUPPORT_H

#include <jansson.h>
#include <stddef.h>
#include <sys/types.h>

// Makes a fresh directory /tmp/rig-[name]-XXXXXX into [dir].
void support_scratch_dir(char *dir, size_t cap, const char *name);
// Removes [dir] and everything under it.
void support_remove_tree(const char *dir);
// Makes [parent]/[sub] (each '/'-separated part of [sub] in turn) and puts
// the whole path into [out].
void support_make_dirs(char *out, size_t cap, const char *parent, const char *sub);

// Writes [dir]/[name] holding [src] and, unless [exp] is NULL,
// [dir]/[name].exp holding [exp].
void support_put_test(const char *dir, const char *name, const char *src, const char *exp);

// Starts [prog] with [args] (NULL-terminated, without argv[0]) in [cwd]
// (NULL: here), its stdout and stderr both into the file [log].
pid_t support_spawn(const char *prog, const char *const *args, const char *cwd, const char *log);
// Waits for [pid]: its exit status, or minus the signal that killed it.
int support_wait(pid_t pid);
// support_spawn, then support_wait.
int support_run(const char *prog, const char *const *args, const char *cwd, const char *log);

// support_run with a pseudo-terminal as the program's stdout and stderr
// (isatty() true there), everything it wrote into [out] (NUL-terminated).
int support_run_on_pty(const char *prog, const char *const *args, const char *cwd, char *out, size_t cap);

// Reads one line (without its '\n') from [fd] into [line]; its length.
size_t support_read_line(int fd, char *line, size_t cap);
// The whole file [path] (up to 4 MiB) as a string in a buffer shared by
// every call: the next call overwrites it.
char *support_slurp(const char *path);
// support_slurp, with the length in *[len]: for files holding NUL bytes
// (transcripts: raw-paste's window size is sent as two binary bytes).
char *support_slurp_bytes(const char *path, size_t *len);

// A JSON document from [path] (the caller json_decref()s it).
json_t *support_load_json(const char *path);
// The result of test [id] in a report (the first, with --repeat).
json_t *support_test_by_id(json_t *doc, const char *id);
// How many results of [board] (NULL: any board) have [outcome].
int support_count(json_t *doc, const char *board, const char *outcome);

#endif
