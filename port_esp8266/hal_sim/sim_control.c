// SPDX-License-Identifier: MIT
// sim_control.c: fault injection for the virtual board (see sim_control.h).
#define _GNU_SOURCE // accept4
#include "sim_control.h"
#include "sim_console.h"
#include "board_hal.h"
#include "sim_board.h"
#include "sim_capture.h"
#include "sim_flash.h"
#include "sim_hw.h"
#include "sim_wiring.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static struct {
  int listen_fd, client_fd;
  char line[128];
  size_t line_len;
  bool muted;
  double drop_rate;
  uint64_t rng;     // xorshift state: byte loss is reproducible
  long hang_after;  // received bytes left before a hang, -1: none
  long reset_after; // received bytes left before a reset, -1: none
} ctl = {.listen_fd = -1, .client_fd = -1, .rng = 0x9e3779b97f4a7c15u, .hang_after = -1, .reset_after = -1};

int sim_control_listen(uint16_t port) {
  return sim_listen_loopback(port, &ctl.listen_fd);
}

static bool parse_rate(const char *text, double *rate) {
  char *end;
  double r = strtod(text, &end);
  if (end == text || *end != '\0' || !(r >= 0.0 && r <= 1.0)) return false;
  *rate = r;
  return true;
}

static bool parse_count(const char *text, long *count) {
  char *end;
  long n = strtol(text, &end, 10);
  if (end == text || *end != '\0' || n < 0) return false;
  *count = n;
  return true;
}

// Clock skew in parts per million: -50 % .. +100 %.
static bool parse_ppm(const char *text, long *ppm) {
  char *end;
  long n = strtol(text, &end, 10);
  if (end == text || *end != '\0' || n < -500000 || n > 1000000) return false;
  *ppm = n;
  return true;
}

// Device-missing faults given before the wiring is attached wait here.
static char missing_at_start[4][64];
static int nmissing_at_start;

void sim_control_apply_start_faults(void) {
  for (int i = 0; i < nmissing_at_start; i++)
    sim_wiring_detach(missing_at_start[i]);
}

bool sim_control_fault(const char *spec) {
  if (!strcmp(spec, "mute")) return ctl.muted = true;
  if (!strncmp(spec, "slow-clock=", 11)) {
    long ppm;
    if (!parse_ppm(spec + 11, &ppm)) return false;
    sim_hw_set_skew_ppm((int32_t)ppm);
    return true;
  }
  if (!strncmp(spec, "device-missing=", 15)) {
    if (!spec[15] || strlen(spec + 15) >= sizeof missing_at_start[0] || nmissing_at_start == 4) return false;
    snprintf(missing_at_start[nmissing_at_start++], sizeof missing_at_start[0], "%s", spec + 15);
    return true;
  }
  if (!strncmp(spec, "drop=", 5)) return parse_rate(spec + 5, &ctl.drop_rate);
  if (!strncmp(spec, "hang-after=", 11)) return parse_count(spec + 11, &ctl.hang_after);
  if (!strncmp(spec, "reset-after=", 12)) return parse_count(spec + 12, &ctl.reset_after);
  return false;
}

int sim_control_fds(int *fds) {
  int n = 0;
  if (ctl.listen_fd >= 0) fds[n++] = ctl.listen_fd;
  if (ctl.client_fd >= 0) fds[n++] = ctl.client_fd;
  return n;
}

static void reply(const char *text) {
  if (ctl.client_fd < 0) return;
  size_t len = strlen(text);
  if (send(ctl.client_fd, text, len, MSG_NOSIGNAL) != (ssize_t)len) {
    close(ctl.client_fd);
    ctl.client_fd = -1;
  }
}

static void freeze(void);

// Carries out one command line; may not return (reset, hang).
static void command(char *line) {
  char *verb = strtok(line, " \t\r");
  char *arg = strtok(NULL, " \t\r");
  char *arg2 = strtok(NULL, " \t\r");
  if (!verb) return;
  if (!strcmp(verb, "reset")) {
    int cause = BOARD_RESET_HARD;
    if (arg && !strcmp(arg, "power"))
      cause = BOARD_RESET_POWER_ON;
    else if (arg && !strcmp(arg, "wdt"))
      cause = BOARD_RESET_WDT;
    else if (arg && !strcmp(arg, "soft"))
      cause = BOARD_RESET_SOFT;
    else if (arg && strcmp(arg, "hard"))
      return reply("error reset takes power, hard, wdt or soft\n");
    reply("ok\n");
    board_reset(cause);
  } else if (!strcmp(verb, "boot")) {
    if (!arg || (strcmp(arg, "download") && strcmp(arg, "flash")))
      return reply("error boot takes download or flash\n");
    reply("ok\n");
    sim_board_reset_boot(BOARD_RESET_HARD, !strcmp(arg, "download"));
  } else if (!strcmp(verb, "brownout")) {
    if (arg && strcmp(arg, "now")) return reply("error brownout takes nothing or now\n");
    reply("ok\n");
    if (arg) sim_board_brownout();
    sim_flash_brownout_after(0);
  } else if (!strcmp(verb, "hang")) {
    reply("ok\n");
    freeze();
  } else if (!strcmp(verb, "mute")) {
    ctl.muted = true;
    reply("ok\n");
  } else if (!strcmp(verb, "drop")) {
    if (!arg || !parse_rate(arg, &ctl.drop_rate)) return reply("error drop takes a rate from 0 to 1\n");
    reply("ok\n");
  } else if (!strcmp(verb, "clear")) {
    ctl.muted = false;
    ctl.drop_rate = 0;
    ctl.hang_after = ctl.reset_after = -1;
    sim_flash_brownout_after(-1);
    reply("ok\n");
  } else if (!strcmp(verb, "status")) {
    char text[160];
    snprintf(text, sizeof text,
             "ok muted=%d drop=%g hang-after=%ld reset-after=%ld brownout-after-writes=%ld\n", ctl.muted,
             ctl.drop_rate, ctl.hang_after, ctl.reset_after, sim_flash_brownout_pending());
    reply(text);
  } else if (!strcmp(verb, "wdt")) {
    reply("ok\n");
    board_reset(BOARD_RESET_WDT);
  } else if (!strcmp(verb, "slow-clock")) {
    long ppm;
    if (!arg || !parse_ppm(arg, &ppm)) return reply("error slow-clock takes PPM (-500000..1000000)\n");
    sim_hw_set_skew_ppm((int32_t)ppm);
    reply("ok\n");
  } else if (!strcmp(verb, "device-missing")) {
    if (!arg) return reply("error device-missing takes a fixture name or a device type\n");
    char text[160];
    int gone = sim_wiring_detach(arg);
    if (gone < 0)
      snprintf(text, sizeof text, "error no wired device '%s' to detach\n", arg);
    else
      snprintf(text, sizeof text, "ok %d\n", gone);
    reply(text);
  } else if (!strcmp(verb, "devices")) {
    // Several lines, then a lone "ok" so that a client knows the end.
    char text[4096];
    sim_wiring_report(text, sizeof text);
    reply(text);
    reply("ok\n");
  } else if (!strcmp(verb, "capture")) {
    char text[600], err[520];
    if (arg && !strcmp(arg, "start") && arg2) {
      if (sim_capture_start(arg2, err, sizeof err) < 0)
        snprintf(text, sizeof text, "error %s\n", err);
      else
        snprintf(text, sizeof text, "ok\n");
    } else if (arg && !strcmp(arg, "stop") && arg2) {
      long edges = sim_capture_stop(arg2, err, sizeof err);
      if (edges < 0)
        snprintf(text, sizeof text, "error %s\n", err);
      else
        snprintf(text, sizeof text, "ok %ld\n", edges);
    } else {
      snprintf(text, sizeof text, "error capture start PIN[,PIN...] | capture stop PATH\n");
    }
    reply(text);
  } else {
    reply("error unknown command (reset, hang, mute, drop, clear, status, boot, brownout, wdt, slow-clock, "
          "device-missing, devices, capture)\n");
  }
}

void sim_control_service(void) {
  struct pollfd fds[2];
  int n = 0;
  if (ctl.listen_fd >= 0) fds[n++] = (struct pollfd){.fd = ctl.listen_fd, .events = POLLIN};
  if (ctl.client_fd >= 0) fds[n++] = (struct pollfd){.fd = ctl.client_fd, .events = POLLIN};
  if (n == 0 || poll(fds, (nfds_t)n, 0) <= 0) return;
  for (int i = 0; i < n; i++) {
    if (!fds[i].revents) continue;
    if (fds[i].fd == ctl.listen_fd) {
      int fd = accept4(ctl.listen_fd, NULL, NULL, SOCK_CLOEXEC);
      if (fd < 0) continue;
      if (ctl.client_fd >= 0) close(ctl.client_fd); // the newest controller wins
      ctl.client_fd = fd;
      ctl.line_len = 0;
      continue;
    }
    char buf[128];
    ssize_t got = recv(ctl.client_fd, buf, sizeof buf, 0);
    if (got <= 0) {
      close(ctl.client_fd);
      ctl.client_fd = -1;
      continue;
    }
    for (ssize_t k = 0; k < got; k++) {
      if (buf[k] == '\n') {
        ctl.line[ctl.line_len] = '\0';
        ctl.line_len = 0;
        command(ctl.line);
      } else if (ctl.line_len + 1 < sizeof ctl.line) {
        ctl.line[ctl.line_len++] = buf[k];
      }
    }
  }
}

// A wedged firmware: nothing but the control socket is served, and only a
// reset (which longjmps out of here) ends it.
static void freeze(void) {
  for (;;) {
    struct pollfd fds[2];
    int n = 0, fd[2];
    int count = sim_control_fds(fd);
    for (int i = 0; i < count; i++)
      fds[n++] = (struct pollfd){.fd = fd[i], .events = POLLIN};
    if (n == 0)
      pause(); // nobody can ever reset us: hang like the chip
    else if (poll(fds, (nfds_t)n, -1) > 0)
      sim_control_service();
  }
}

// xorshift64: a cheap, reproducible stream of uniform numbers in [0, 1).
static double next_uniform(void) {
  ctl.rng ^= ctl.rng << 13;
  ctl.rng ^= ctl.rng >> 7;
  ctl.rng ^= ctl.rng << 17;
  return (double)(ctl.rng >> 11) / (double)(1ull << 53);
}

bool sim_control_pass_byte(bool incoming) {
  if (incoming) {
    if (ctl.hang_after >= 0 && ctl.hang_after-- == 0) freeze();
    if (ctl.reset_after >= 0 && ctl.reset_after-- == 0) {
      ctl.reset_after = -1;
      board_reset(BOARD_RESET_HARD);
    }
  } else if (ctl.muted) {
    return false;
  }
  return !(ctl.drop_rate > 0 && next_uniform() < ctl.drop_rate);
}
