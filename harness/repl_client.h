// SPDX-License-Identifier: MIT
// repl_client.h: the host side of MicroPython's raw REPL and raw-paste
// protocols (PROTOCOLS.md section 1), over any transport.
//
//   repl_t *r = repl_new(transport);          // transport stays the caller's
//   repl_set_transcript(r, file);             // every byte received lands here
//   repl_enter(r);                            // Ctrl-C x2, drain, Ctrl-A, prompt
//   repl_soft_reset(r, 10000);                // Ctrl-D at the prompt
//   repl_exec(r, code, len, 10000, &result);  // raw-paste, else plain raw
//   repl_free(r);
//
// State: the client knows whether it stands at the raw REPL '>' prompt
// (every call that talks to the board needs it and leaves it there on
// success). After RIG_E_TIMEOUT from repl_exec, call repl_interrupt.
//
// Raw-paste is tried once per session; a board that answers R\x00, or that
// resets its raw REPL instead (no raw-paste at all), gets plain raw mode for
// the rest of the session, as pyboard.py and mpremote do.
#ifndef RIG_REPL_CLIENT_H
#define RIG_REPL_CLIENT_H

#include "buf.h"
#include "transport.h"

#include <stdio.h>

#define REPL_OUTPUT_MAX (1024 * 1024) // stdout or stderr kept per exec
#define REPL_TAIL_MAX 4096            // console tail kept for crash reports
#define REPL_PROMPT "raw REPL; CTRL-B to exit\r\n>"

typedef struct repl repl_t;

typedef struct {
  buf_t out;      // stdout, as received ("\r\n" kept)
  buf_t err;      // the uncaught exception's text, "" when none
  int used_paste; // 1: sent with raw-paste, 0: plain raw mode
} repl_result_t;

void repl_result_init(repl_result_t *res);
void repl_result_free(repl_result_t *res);

// A client over [t] (not owned). NULL when out of memory.
repl_t *repl_new(transport_t *t);
void repl_free(repl_t *r);

// Appends every received byte to [f] (not owned; flushed after each read).
void repl_set_transcript(repl_t *r, FILE *f);
// Per-attempt wait for the raw REPL banner in repl_enter (default 5000 ms)
// and the number of attempts (default 3).
void repl_set_enter_timeout(repl_t *r, int ms, int attempts);
// Longest silence allowed inside repl_exec (0: no limit but the overall
// timeout). A silence longer than that ends the exec with RIG_E_TIMEOUT and
// repl_timeout_was_inactivity() returns 1.
void repl_set_inactivity(repl_t *r, int ms);
int repl_timeout_was_inactivity(const repl_t *r);
// Discards (to the transcript only) whatever the board sent that nobody
// read yet: called before a test so that late output of anything before it
// cannot be taken for the test's. Returns the number of bytes dropped.
size_t repl_discard_pending(repl_t *r);
// Bytes received in this session (the transcript offset when it started empty).
size_t repl_bytes_received(const repl_t *r);

// 0 forbids raw-paste (plain raw mode only); 1 (default) tries it.
void repl_set_paste(repl_t *r, int allowed);

// Brings the board to the raw REPL prompt from wherever it is (running
// code, friendly REPL, boot spew). RIG_E_TIMEOUT when no prompt came after
// all attempts; RIG_E_CLOSED when the connection dropped.
rig_status_t repl_enter(repl_t *r);

// Soft reset from the raw REPL prompt: Ctrl-D, then "soft reboot\r\n", then
// the raw REPL banner and prompt (boot output in between goes only to the
// transcript).
rig_status_t repl_soft_reset(repl_t *r, int timeout_ms);

// Runs [len] bytes of [code] and collects its stdout and stderr in [res]
// (reset first). The whole exchange must finish within [timeout_ms].
// RIG_OK also when the code raised (res->err holds the traceback).
// RIG_E_TIMEOUT: no end in time (then call repl_interrupt);
// RIG_E_REBOOT: the board restarted instead of finishing;
// RIG_E_CLOSED: the connection dropped.
rig_status_t repl_exec(repl_t *r, const char *code, size_t len, int timeout_ms, repl_result_t *res);

// After a timeout: Ctrl-C, and get back to the prompt (re-entering the raw
// REPL if needed). [what] receives a sentence on what happened.
rig_status_t repl_interrupt(repl_t *r, char *what, size_t whatlen);

// Copies the last bytes received (at most REPL_TAIL_MAX) into [out] and
// returns their number.
size_t repl_tail(const repl_t *r, char *out, size_t cap);

// 1 raw-paste in use, 0 plain raw (fallback), -1 not tried yet.
int repl_paste_state(const repl_t *r);
int repl_at_prompt(const repl_t *r);
const char *repl_errmsg(const repl_t *r);

#endif
