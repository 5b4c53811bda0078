// SPDX-License-Identifier: MIT
// repl_client.c: the raw REPL / raw-paste client (see repl_client.h and
// PROTOCOLS.md 1.5-1.7).
//
// Received bytes pass through one small queue (rx): fill() reads from the
// transport, writes what it got to the transcript and the tail ring, and
// every parser below takes bytes from the queue one at a time, so nothing
// read past a marker is ever lost.
#include "repl_client.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define CTRL_A "\x01"
#define CTRL_B "\x02"
#define CTRL_C "\x03"
#define CTRL_D "\x04"
#define CTRL_E "\x05"

#define RAW_CHUNK 256         // plain raw mode: bytes per write
#define RAW_CHUNK_PAUSE_MS 10 // ... and the pause between them
#define WRITE_TIMEOUT_MS 5000
#define PATTERN_MAX 64

struct repl {
  transport_t *t;
  FILE *transcript;
  int enter_timeout_ms, enter_attempts;
  int paste_allowed;
  int paste_state; // -1 untried, 1 works, 0 unsupported
  int at_prompt;
  unsigned char rx[4096];
  size_t rx_pos, rx_len;
  char tail[REPL_TAIL_MAX]; // ring of the last bytes received
  size_t tail_total;        // bytes ever received
  int inactivity_ms;        // 0: off; applies while in_exec
  int in_exec;
  int timed_out_inactive;
  char err[512];
};

void repl_result_init(repl_result_t *res) {
  buf_init(&res->out, REPL_OUTPUT_MAX);
  buf_init(&res->err, REPL_OUTPUT_MAX);
  res->used_paste = 0;
}

void repl_result_free(repl_result_t *res) {
  buf_free(&res->out);
  buf_free(&res->err);
}

repl_t *repl_new(transport_t *t) {
  repl_t *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->t = t;
  r->enter_timeout_ms = 5000;
  r->enter_attempts = 3;
  r->paste_allowed = 1;
  r->paste_state = -1;
  return r;
}

void repl_free(repl_t *r) {
  free(r);
}
void repl_set_transcript(repl_t *r, FILE *f) {
  r->transcript = f;
}
void repl_set_enter_timeout(repl_t *r, int ms, int attempts) {
  r->enter_timeout_ms = ms > 0 ? ms : 1;
  r->enter_attempts = attempts > 0 ? attempts : 1;
}
void repl_set_paste(repl_t *r, int allowed) {
  r->paste_allowed = allowed;
}
int repl_paste_state(const repl_t *r) {
  return r->paste_state;
}
void repl_set_inactivity(repl_t *r, int ms) {
  r->inactivity_ms = ms > 0 ? ms : 0;
}
int repl_timeout_was_inactivity(const repl_t *r) {
  return r->timed_out_inactive;
}
size_t repl_bytes_received(const repl_t *r) {
  return r->tail_total;
}
int repl_at_prompt(const repl_t *r) {
  return r->at_prompt;
}
const char *repl_errmsg(const repl_t *r) {
  return r->err;
}

static rig_status_t fail(repl_t *r, rig_status_t st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static rig_status_t fail(repl_t *r, rig_status_t st, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(r->err, sizeof r->err, fmt, ap);
  va_end(ap);
  return st;
}

// Says why a transport call failed, in the client's error message.
static rig_status_t transport_failed(repl_t *r, rig_status_t st, const char *doing) {
  const char *detail = transport_errmsg(r->t);
  char own[sizeof r->err]; // a message a parser below set, e.g. for RIG_E_PROTOCOL
  snprintf(own, sizeof own, "%s", r->err);
  if (st == RIG_E_TIMEOUT) return fail(r, st, "timed out while %s", doing);
  if (st == RIG_E_PROTOCOL || !*detail)
    return fail(r, st, "%s while %s", *own ? own : rig_strerror(st), doing);
  return fail(r, st, "%s (%s) while %s", rig_strerror(st), detail, doing);
}

size_t repl_tail(const repl_t *r, char *out, size_t cap) {
  size_t n = r->tail_total < REPL_TAIL_MAX ? r->tail_total : REPL_TAIL_MAX;
  if (n > cap) n = cap;
  size_t start = (r->tail_total - n) % REPL_TAIL_MAX;
  for (size_t i = 0; i < n; i++)
    out[i] = r->tail[(start + i) % REPL_TAIL_MAX];
  return n;
}

static int remaining_ms(int64_t deadline) {
  int64_t left = deadline - rig_now_ms();
  if (left < 0) return 0;
  return left > 0x7fffffff ? 0x7fffffff : (int)left;
}

// Makes sure the queue holds a byte, reading until [deadline].
static rig_status_t fill(repl_t *r, int64_t deadline) {
  if (r->rx_pos < r->rx_len) return RIG_OK;
  size_t got;
  int inactive = 0;
  if (r->in_exec && r->inactivity_ms > 0) {
    int64_t quiet = rig_now_ms() + r->inactivity_ms;
    if (quiet < deadline) deadline = quiet, inactive = 1;
  }
  rig_status_t st = transport_read(r->t, r->rx, sizeof r->rx, &got, remaining_ms(deadline));
  if (st == RIG_E_TIMEOUT && inactive && remaining_ms(deadline) == 0) r->timed_out_inactive = 1;
  if (st != RIG_OK) return st;
  r->rx_pos = 0;
  r->rx_len = got;
  if (r->transcript) {
    fwrite(r->rx, 1, got, r->transcript);
    fflush(r->transcript);
  }
  for (size_t i = 0; i < got; i++)
    r->tail[(r->tail_total + i) % REPL_TAIL_MAX] = (char)r->rx[i];
  r->tail_total += got;
  return RIG_OK;
}

static rig_status_t get_byte(repl_t *r, int64_t deadline, unsigned char *c) {
  rig_status_t st = fill(r, deadline);
  if (st != RIG_OK) return st;
  *c = r->rx[r->rx_pos++];
  return RIG_OK;
}

static rig_status_t send(repl_t *r, const void *data, size_t len) {
  return transport_write(r->t, data, len, WRITE_TIMEOUT_MS);
}

// Markers in the stdout stream that mean the board restarted instead of
// finishing the code: the ESP8266 ROM's reset line, a soft reboot, the
// friendly REPL banner, a fresh raw REPL banner.
static const char *const reboot_markers[] = {"rst cause:", "soft reboot\r\n", "for more information.\r\n",
                                             REPL_PROMPT};

// Whether the [n] bytes ending at [end] of a ring-free window end with a
// reboot marker; sets the error. Used while waiting for protocol bytes
// that a rebooting board would never send (the raw-paste ack, "OK").
static int reboot_in(repl_t *r, const char *win, size_t n) {
  for (size_t i = 0; i < sizeof reboot_markers / sizeof reboot_markers[0]; i++) {
    size_t m = strlen(reboot_markers[i]);
    if (n >= m && !memcmp(win + n - m, reboot_markers[i], m)) {
      fail(r, RIG_E_REBOOT, "the board restarted while receiving the code (saw \"%.*s\")",
           (int)strcspn(reboot_markers[i], "\r\n"), reboot_markers[i]);
      return 1;
    }
  }
  return 0;
}

// Reads until [pat] like read_until, but RIG_E_REBOOT when a reboot
// marker shows up in the bytes before it.
static rig_status_t read_until_watched(repl_t *r, const char *pat, int64_t deadline) {
  size_t plen = strlen(pat);
  char win[PATTERN_MAX];
  size_t wl = 0;
  for (;;) {
    unsigned char c;
    rig_status_t st = get_byte(r, deadline, &c);
    if (st != RIG_OK) return st;
    if (wl == sizeof win) memmove(win, win + 1, --wl);
    win[wl++] = (char)c;
    if (wl >= plen && !memcmp(win + wl - plen, pat, plen)) return RIG_OK;
    if ((c == '\n' || c == ':' || c == '>') && reboot_in(r, win, wl)) return RIG_E_REBOOT;
  }
}

// Reads until the bytes received end with [pat]. Bytes before it are
// appended to [keep] when given. Garbage of any length is tolerated up to
// [deadline].
static rig_status_t read_until(repl_t *r, const char *pat, int64_t deadline, buf_t *keep) {
  size_t plen = strlen(pat);
  char win[PATTERN_MAX];
  size_t wl = 0;
  for (;;) {
    unsigned char c;
    rig_status_t st = get_byte(r, deadline, &c);
    if (st != RIG_OK) return st;
    if (keep) buf_append(keep, &c, 1);
    if (wl == plen) memmove(win, win + 1, --wl);
    win[wl++] = (char)c;
    if (wl == plen && !memcmp(win, pat, plen)) {
      if (keep && keep->len >= plen) { // keep what came before the marker
        keep->len -= plen;
        keep->data[keep->len] = '\0';
      }
      return RIG_OK;
    }
  }
}

// Discards input until [quiet_ms] pass without a byte, or [max_ms] in all.
static rig_status_t drain(repl_t *r, int quiet_ms, int max_ms) {
  int64_t end = rig_now_ms() + max_ms;
  for (;;) {
    r->rx_pos = r->rx_len = 0;
    int64_t quiet_end = rig_now_ms() + quiet_ms;
    if (quiet_end > end) quiet_end = end;
    rig_status_t st = fill(r, quiet_end);
    if (st == RIG_E_TIMEOUT) return RIG_OK;
    if (st != RIG_OK) return st;
    if (rig_now_ms() >= end) {
      r->rx_pos = r->rx_len = 0;
      return RIG_OK;
    }
  }
}

rig_status_t repl_enter(repl_t *r) {
  r->at_prompt = 0;
  r->err[0] = '\0';
  rig_status_t st = RIG_E_TIMEOUT;
  for (int attempt = 0; attempt < r->enter_attempts; attempt++) {
    // A board may drop the first Ctrl-C (busy, or the UART just woke up),
    // so send it twice with a pause; then forget whatever it printed.
    if ((st = send(r, "\r" CTRL_C, 2)) != RIG_OK) break;
    rig_sleep_ms(100);
    if ((st = send(r, "\r" CTRL_C, 2)) != RIG_OK) break;
    if ((st = drain(r, 200, 2000)) != RIG_OK) break;
    if ((st = send(r, "\r" CTRL_A, 2)) != RIG_OK) break;
    st = read_until(r, REPL_PROMPT, rig_now_ms() + r->enter_timeout_ms, NULL);
    if (st == RIG_OK) {
      r->at_prompt = 1;
      r->err[0] = '\0';
      return RIG_OK;
    }
    if (st != RIG_E_TIMEOUT) break;
  }
  if (st == RIG_E_TIMEOUT)
    return fail(r, st, "no raw REPL prompt after %d attempt%s of %d ms", r->enter_attempts,
                r->enter_attempts == 1 ? "" : "s", r->enter_timeout_ms);
  return transport_failed(r, st, "entering the raw REPL");
}

rig_status_t repl_soft_reset(repl_t *r, int timeout_ms) {
  if (!r->at_prompt) return fail(r, RIG_E_PROTOCOL, "soft reset: not at the raw REPL prompt");
  r->at_prompt = 0;
  r->err[0] = '\0';
  int64_t deadline = rig_now_ms() + timeout_ms;
  rig_status_t st = send(r, CTRL_D, 1);
  if (st == RIG_OK) st = read_until(r, "soft reboot\r\n", deadline, NULL);
  if (st == RIG_OK) st = read_until(r, REPL_PROMPT, deadline, NULL);
  if (st != RIG_OK) return transport_failed(r, st, "doing a soft reset");
  r->at_prompt = 1;
  return RIG_OK;
}

enum { PASTE_DONE, PASTE_ABRUPT, PASTE_FALLBACK };

// Sends [code] in raw-paste mode. *how tells whether the device took it
// all (DONE, ack read), stopped early (ABRUPT, our Ctrl-D sent), or does
// not do raw-paste (FALLBACK: nothing sent, back at the prompt).
static rig_status_t paste_send(repl_t *r, const char *code, size_t len, int64_t deadline, int *how) {
  rig_status_t st = send(r, CTRL_E "A" CTRL_A, 3);
  unsigned char reply[2];
  for (int i = 0; st == RIG_OK && i < 2; i++)
    st = get_byte(r, deadline, &reply[i]);
  if (st != RIG_OK) return st;
  if (reply[0] == 'R' && reply[1] == 0) { // understood, not supported
    r->paste_state = 0;
    *how = PASTE_FALLBACK;
    return RIG_OK;
  }
  if (reply[0] != 'R' || reply[1] != 1) {
    // No raw-paste at all: the Ctrl-A just reset the raw REPL ("ra" + "w
    // REPL; CTRL-B to exit\r\n>"). Read the rest of that banner.
    r->paste_state = 0;
    *how = PASTE_FALLBACK;
    return read_until(r, "CTRL-B to exit\r\n>", deadline, NULL);
  }
  r->paste_state = 1;
  unsigned char w[2];
  for (int i = 0; st == RIG_OK && i < 2; i++)
    st = get_byte(r, deadline, &w[i]);
  if (st != RIG_OK) return st;
  size_t increment = (size_t)w[0] | (size_t)w[1] << 8;
  if (increment == 0) return fail(r, RIG_E_PROTOCOL, "raw-paste window of 0 bytes");
  size_t window = increment, sent = 0;
  while (sent < len) {
    // Take every flow-control byte already here; wait for one when the
    // window is used up.
    for (;;) {
      int64_t wait_until = window == 0 ? deadline : rig_now_ms();
      unsigned char c;
      st = get_byte(r, wait_until, &c);
      if (st == RIG_E_TIMEOUT && window > 0) break;
      if (st != RIG_OK) return st;
      if (c == 0x01) {
        window += increment;
      } else if (c == 0x04) { // the device stops early (compile error)
        *how = PASTE_ABRUPT;
        return send(r, CTRL_D, 1);
      } else {
        return fail(r, RIG_E_PROTOCOL, "unexpected byte 0x%02x from the board during raw-paste", c);
      }
    }
    size_t n = len - sent < window ? len - sent : window;
    if ((st = send(r, code + sent, n)) != RIG_OK) return st;
    sent += n;
    window -= n;
  }
  if ((st = send(r, CTRL_D, 1)) != RIG_OK) return st;
  // The ack; window grants (\x01) may still arrive before it, and a board
  // that reset meanwhile sends its boot output instead.
  st = read_until_watched(r, CTRL_D, deadline);
  *how = PASTE_DONE;
  return st;
}

// Sends [code] in plain raw mode and reads the "OK".
static rig_status_t raw_send(repl_t *r, const char *code, size_t len, int64_t deadline) {
  rig_status_t st = RIG_OK;
  for (size_t off = 0; off < len && st == RIG_OK; off += RAW_CHUNK) {
    size_t n = len - off < RAW_CHUNK ? len - off : RAW_CHUNK;
    st = send(r, code + off, n);
    if (st == RIG_OK && off + n < len) rig_sleep_ms(RAW_CHUNK_PAUSE_MS);
  }
  if (st == RIG_OK) st = send(r, CTRL_D, 1);
  if (st == RIG_OK) st = read_until_watched(r, "OK", deadline);
  return st;
}


static int ends_with(const buf_t *b, const char *s) {
  size_t n = strlen(s);
  return b->len >= n && !memcmp(b->data + b->len - n, s, n);
}

// Reads stdout up to its \x04, watching for a reboot.
static rig_status_t read_stdout(repl_t *r, int64_t deadline, buf_t *out) {
  for (;;) {
    unsigned char c;
    rig_status_t st = get_byte(r, deadline, &c);
    if (st != RIG_OK) return st;
    if (c == 0x04) return RIG_OK;
    buf_append(out, &c, 1);
    if (c == '\n' || c == ':' || c == '>')
      for (size_t i = 0; i < sizeof reboot_markers / sizeof reboot_markers[0]; i++)
        if (ends_with(out, reboot_markers[i]))
          return fail(r, RIG_E_REBOOT, "the board restarted while running the code (saw \"%.*s\")",
                      (int)strcspn(reboot_markers[i], "\r\n"), reboot_markers[i]);
  }
}

size_t repl_discard_pending(repl_t *r) {
  size_t n = r->rx_len - r->rx_pos;
  r->rx_pos = r->rx_len = 0;
  // Whatever already sits in the socket: one read that does not wait.
  while (fill(r, rig_now_ms()) == RIG_OK) {
    n += r->rx_len;
    r->rx_pos = r->rx_len = 0;
  }
  return n;
}

static rig_status_t exec_inner(repl_t *r, const char *code, size_t len, int timeout_ms, repl_result_t *res);

rig_status_t repl_exec(repl_t *r, const char *code, size_t len, int timeout_ms, repl_result_t *res) {
  r->in_exec = 1;
  r->timed_out_inactive = 0;
  rig_status_t st = exec_inner(r, code, len, timeout_ms, res);
  r->in_exec = 0;
  if (st != RIG_E_TIMEOUT) r->timed_out_inactive = 0;
  return st;
}

static rig_status_t exec_inner(repl_t *r, const char *code, size_t len, int timeout_ms, repl_result_t *res) {
  buf_reset(&res->out);
  buf_reset(&res->err);
  res->used_paste = 0;
  if (!r->at_prompt) return fail(r, RIG_E_PROTOCOL, "exec: not at the raw REPL prompt");
  r->at_prompt = 0;
  r->err[0] = '\0';
  int64_t deadline = rig_now_ms() + timeout_ms;
  rig_status_t st = RIG_OK;
  int how = PASTE_FALLBACK;
  if (len == 0) { // an empty buffer + Ctrl-D means soft reset in raw mode
    code = "\n";
    len = 1;
  }
  if (r->paste_allowed && r->paste_state != 0) st = paste_send(r, code, len, deadline, &how);
  if (st == RIG_OK && how == PASTE_FALLBACK) st = raw_send(r, code, len, deadline);
  res->used_paste = how != PASTE_FALLBACK;
  if (st == RIG_OK) st = read_stdout(r, deadline, &res->out);
  if (st == RIG_OK) st = read_until(r, CTRL_D, deadline, &res->err);
  if (st == RIG_OK) st = read_until(r, ">", deadline, NULL);
  if (st == RIG_E_REBOOT) return st;
  if (st != RIG_OK) return transport_failed(r, st, "running the code");
  r->at_prompt = 1;
  return RIG_OK;
}

rig_status_t repl_interrupt(repl_t *r, char *what, size_t whatlen) {
  r->at_prompt = 0;
  r->err[0] = '\0';
  // Ctrl-C raises KeyboardInterrupt in running code; its traceback ends
  // with "\x04>" and we are back at the prompt.
  for (int i = 0; i < 2; i++) {
    rig_status_t st = send(r, CTRL_C, 1);
    if (st == RIG_OK) st = read_until(r, CTRL_D ">", rig_now_ms() + (i == 0 ? 2000 : 1000), NULL);
    if (st == RIG_OK) {
      r->at_prompt = 1;
      snprintf(what, whatlen, "%s; back at the raw REPL prompt",
               i == 0 ? "Ctrl-C raised KeyboardInterrupt" : "a second Ctrl-C stopped it");
      return RIG_OK;
    }
    if (st != RIG_E_TIMEOUT) {
      snprintf(what, whatlen, "Ctrl-C sent, then: %s", rig_strerror(st));
      return transport_failed(r, st, "recovering after Ctrl-C");
    }
  }
  rig_status_t st = repl_enter(r);
  if (st == RIG_OK)
    snprintf(what, whatlen, "Ctrl-C did not end the code; re-entered the raw REPL");
  else
    snprintf(what, whatlen, "Ctrl-C did not end the code and the raw REPL could not be re-entered: %s",
             r->err);
  return st;
}
