// SPDX-License-Identifier: MIT
// rig_status.c: status messages, the clock, the stop request and the
// registry of child processes (see rig_status.h).
#include "rig_status.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static const char *const messages[] = {
#define RIG_STATUS_MSG(name, msg) msg,
    RIG_STATUS_LIST(RIG_STATUS_MSG)
#undef RIG_STATUS_MSG
};

const char *rig_strerror(rig_status_t status) {
  if ((unsigned)status >= RIG_STATUS_COUNT) return "unknown status";
  return messages[status];
}

int64_t rig_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

// The stop flag is written from a signal handler, so it is a plain
// sig_atomic_t; the signal number is kept for the exit status.
static volatile sig_atomic_t stop_signal;

int rig_stop_requested(void) {
  return stop_signal != 0;
}
void rig_request_stop(int signo) {
  stop_signal = signo ? signo : SIGTERM;
}
void rig_clear_stop(void) {
  stop_signal = 0;
}
int rig_stop_signal(void) {
  return stop_signal;
}

void rig_sleep_ms(int ms) {
  // Sleep in slices so that a stop request cuts the pause short.
  int64_t end = rig_now_ms() + ms;
  for (;;) {
    int64_t left = end - rig_now_ms();
    if (left <= 0 || rig_stop_requested()) return;
    if (left > 50) left = 50;
    struct timespec ts = {.tv_sec = 0, .tv_nsec = (long)left * 1000000L};
    nanosleep(&ts, NULL);
  }
}

// Fixed table: the handler may only touch async-signal-safe state.
// Board workers register and unregister from several threads: slots are
// taken and freed with atomic compare-and-swap, never a lock (the signal
// handler reads the table too).
#define CHILD_MAX 256
static pid_t children[CHILD_MAX];

void rig_child_register(pid_t pid) {
  for (int i = 0; i < CHILD_MAX; i++) {
    pid_t zero = 0;
    if (__atomic_compare_exchange_n(&children[i], &zero, pid, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) return;
  }
}

void rig_child_unregister(pid_t pid) {
  for (int i = 0; i < CHILD_MAX; i++) {
    pid_t expected = pid;
    __atomic_compare_exchange_n(&children[i], &expected, 0, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  }
}

void rig_children_kill(void) {
  // Each child leads its own process group (see transport_spawn), so the
  // group kill also reaches whatever it started in turn.
  for (int i = 0; i < CHILD_MAX; i++) {
    pid_t p = __atomic_load_n(&children[i], __ATOMIC_SEQ_CST);
    if (p > 0) {
      kill(-p, SIGKILL);
      kill(p, SIGKILL);
    }
  }
}

static void on_signal(int signo) {
  if (stop_signal) {
    // Second signal: the user means it.
    rig_children_kill();
    _exit(130);
  }
  stop_signal = signo;
}

static void at_exit_kill(void) {
  rig_children_kill();
}

void rig_signals_install(void) {
  struct sigaction sa = {0};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0; // no SA_RESTART: a blocked poll() wakes with EINTR
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);
  static int registered;
  if (!registered) {
    atexit(at_exit_kill);
    registered = 1;
  }
}
