// SPDX-License-Identifier: MIT
// fake_board.c: the scripted board of fake_board.h. Blocking I/O; one
// byte at a time; exits when the rig closes its end.
#include "fake_board.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BANNER "raw REPL; CTRL-B to exit\r\n>"
#define FRIENDLY                                                                                             \
  "MicroPython v0.0-fake on 2026-01-01; Fake module with ESP8266\r\nType \"help()\" for more "               \
  "information.\r\n>>> "

typedef struct {
  int fd, wfd; // read and write ends (the same socket, or stdin/stdout)
  fake_opts_t o;
  int dropped; // the first Ctrl-C was dropped
  int raw;     // in the raw REPL
  char code[65536];
  size_t len;
  int paste_count, violations, granted;
} fake_t;

static void pause_ms(int ms) {
  struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

static void out(fake_t *f, const void *p, size_t n) {
  if (write(f->wfd, p, n) < 0) _exit(0);
}
static void outs(fake_t *f, const char *s) {
  out(f, s, strlen(s));
}

static int in(fake_t *f) {
  unsigned char c;
  ssize_t n = read(f->fd, &c, 1);
  if (n <= 0) _exit(0);
  return c;
}

static void banner(fake_t *f) {
  if (f->o.garbage) {
    out(f, "\xff\xfe\x00garbage", 10);
    outs(f, "\r\nboot: loading something noisy...\r\n");
  }
  if (f->o.slow_banner) {
    static const char *const pieces[] = {"raw RE", "PL; CTRL-B", " to exit\r\n", ">"};
    for (int i = 0; i < 4; i++) {
      outs(f, pieces[i]);
      pause_ms(150);
    }
  } else {
    outs(f, BANNER);
  }
}

// The stdout of the pseudo-program, then its traceback (may be empty).
static void run_code(fake_t *f, char *so, size_t socap, char *se, size_t secap) {
  f->code[f->len] = '\0';
  size_t on = 0;
  so[0] = se[0] = '\0';
  if (strstr(f->code, "sys.implementation")) {
    snprintf(so, socap, "fakepython\r\n3.4.0; Fake v0.0\r\nfake8266\r\nFake module with ESP8266\r\n");
    return;
  }
  // The rig's link check: s='<literal>' then print(len(s),s[::50]).
  if (!strncmp(f->code, "s='", 3) && strstr(f->code, "print(len(s),s[::50])")) {
    const char *lit = f->code + 3;
    const char *end = strchr(lit, '\'');
    size_t n = end ? (size_t)(end - lit) : 0;
    size_t o = (size_t)snprintf(so, socap, "%zu ", n);
    for (size_t i = 0; i < n && o + 3 < socap; i += 50)
      so[o++] = lit[i];
    snprintf(so + o, socap - o, "\r\n");
    return;
  }
  if (strstr(f->code, "#memoryerror")) {
    snprintf(se, secap, "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
                        "MemoryError: memory allocation failed, allocating 4096 bytes\r\n");
    return;
  }
  if (strstr(f->code, "#stats")) {
    snprintf(so, socap, "paste=%d violations=%d granted=%d\r\n", f->paste_count, f->violations, f->granted);
    return;
  }
  int lineno = 0;
  for (char *line = f->code; line && *line;) {
    char *nl = strchr(line, '\n');
    lineno++;
    size_t ll = nl ? (size_t)(nl - line) : strlen(line);
    char text[512];
    if (ll >= sizeof text) ll = sizeof text - 1;
    memcpy(text, line, ll);
    text[ll] = '\0';
    char q;
    char *p = strstr(text, "print(");
    char *r = strstr(text, "raise ValueError(");
    if (p && (q = p[6]) && (q == '\'' || q == '"')) {
      char *end = strchr(p + 7, q);
      if (end) on += (size_t)snprintf(so + on, socap - on, "%.*s\r\n", (int)(end - p - 7), p + 7);
    } else if (r && (q = r[17]) && (q == '\'' || q == '"')) {
      char *end = strchr(r + 18, q);
      snprintf(se, secap,
               "Traceback (most recent call last):\r\n  File \"<stdin>\", line %d, in "
               "<module>\r\nValueError: %.*s\r\n",
               lineno, end ? (int)(end - r - 18) : 0, r + 18);
      return;
    }
    line = nl ? nl + 1 : NULL;
  }
}

// Executes the buffered code and answers stdout \x04 stderr \x04 >.
static void execute(fake_t *f) {
  static char so[65536], se[4096];
  run_code(f, so, sizeof so, se, sizeof se);
  outs(f, so);
  if (strstr(f->code, "#disconnect")) {
    pause_ms(50);
    _exit(0);
  }
  if (strstr(f->code, "#fatal")) {
    outs(f, "Fatal exception 28(LoadProhibitedCause):\r\nepc1=0x4020a1b3, epc2=0x00000000, epc3=0x00000000, "
            "excvaddr=0x00000000, depc=0x00000000\r\n\r\n ets Jan  8 2013,rst cause:2, boot mode:(3,6)\r\n\r\n"
            "load 0x40100000, len 31088, room 16 \r\n" FRIENDLY);
    f->raw = 0;
    f->len = 0;
    return;
  }
  if (strstr(f->code, "#reboot")) {
    outs(f, "\r\n ets Jan  8 2013,rst cause:4, boot mode:(3,6)\r\n\r\nwdt reset\r\n" FRIENDLY);
    f->raw = 0;
    f->len = 0;
    return;
  }
  if (strstr(f->code, "#hang")) {
    while (in(f) != 0x03) {
    }
    outs(f, "\x04Traceback (most recent call last):\r\n  File \"<stdin>\", line 2, in <module>\r\n"
            "KeyboardInterrupt: \r\n\x04>");
    f->len = 0;
    return;
  }
  outs(f, "\x04");
  outs(f, se);
  outs(f, "\x04>");
  f->len = 0;
}

// Raw-paste reception after "\x05A\x01".
static void raw_paste(fake_t *f) {
  unsigned w = f->o.window ? (unsigned)f->o.window : 128;
  unsigned char hdr[5] = {'R', 1, (unsigned char)(w & 0xff), (unsigned char)(w >> 8), 1};
  out(f, hdr, 5);
  f->paste_count++;
  long credit = 2 * (long)w; // the window size counts once, the \x01 once more
  size_t since_grant = 0;
  f->len = 0;
  int abrupt = 0;
  for (;;) {
    int c = in(f);
    if (c == 0x04 || c == 0x03) break;
    if (--credit < 0) f->violations++;
    if (f->len + 1 < sizeof f->code) f->code[f->len++] = (char)c;
    f->code[f->len] = '\0';
    if (!abrupt && strstr(f->code, "#abrupt")) {
      // A "compile error": stop the upload, swallow to the host's \x04.
      abrupt = 1;
      outs(f, "\x04");
      while (in(f) != 0x04) {
      }
      outs(f, "\x04Traceback (most recent call last):\r\n  File \"<stdin>\", line 1\r\nSyntaxError: invalid "
              "syntax\r\n\x04>");
      f->len = 0;
      return;
    }
    if (++since_grant == w) {
      // Consumed a window: grant another, a little later.
      pause_ms(5);
      since_grant = 0;
      credit += w;
      f->granted++;
      outs(f, "\x01");
    }
  }
  outs(f, "\x04"); // ack the end of data
  execute(f);
}

static void raw_byte(fake_t *f, int c) {
  switch (c) {
  case 0x01:
    if (f->len == 2 && f->code[0] == 0x05 && f->o.paste >= 0) {
      if (f->code[1] == 'A' && f->o.paste == 1) {
        raw_paste(f);
      } else {
        outs(f, "R");
        out(f, "\0", 1);
        f->len = 0;
      }
      return;
    }
    f->len = 0;
    banner(f);
    return;
  case 0x02:
    f->raw = 0;
    outs(f, "\r\n" FRIENDLY);
    return;
  case 0x03: f->len = 0; return;
  case 0x04:
    if (f->len == 0) {
      outs(f, "OK\r\nMPY: soft reboot\r\n");
      if (f->o.garbage) outs(f, "boot.py: hello from boot\r\n");
      banner(f);
      return;
    }
    outs(f, "OK");
    execute(f);
    return;
  default:
    if (f->len + 1 < sizeof f->code) f->code[f->len++] = (char)c;
  }
}

static void friendly_byte(fake_t *f, int c) {
  switch (c) {
  case 0x01:
    f->raw = 1;
    f->len = 0;
    outs(f, "\r\n");
    banner(f);
    return;
  case 0x03:
  case '\r': outs(f, "\r\n>>> "); return;
  default: out(f, &(char){(char)c}, 1);
  }
}

static void serve(fake_t *f) {
  if (f->o.garbage) outs(f, "\r\n ets Jan  8 2013,rst cause:1, boot mode:(3,6)\r\n\x01\xfe\xff" FRIENDLY);
  for (;;) {
    int c = in(f);
    if (f->o.silent) continue;
    if (c == 0x03 && f->o.drop_first_ctrl_c && !f->dropped) {
      f->dropped = 1;
      continue;
    }
    if (f->raw)
      raw_byte(f, c);
    else
      friendly_byte(f, c);
  }
}

void fake_board_serve(const fake_opts_t *opts, int rfd, int wfd) {
  static fake_t f;
  memset(&f, 0, sizeof f);
  f.fd = rfd;
  f.wfd = wfd;
  f.o = *opts;
  serve(&f);
}

pid_t fake_board_start(const fake_opts_t *opts, int *host_fd) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) return -1;
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    close(sv[0]);
    signal(SIGPIPE, SIG_DFL);
    fake_board_serve(opts, sv[1], sv[1]);
    _exit(0);
  }
  close(sv[1]);
  *host_fd = sv[0];
  return pid;
}

void fake_board_stop(pid_t pid) {
  if (pid <= 0) return;
  kill(pid, SIGKILL);
  waitpid(pid, NULL, 0);
}
