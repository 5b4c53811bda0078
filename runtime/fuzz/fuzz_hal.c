// SPDX-License-Identifier: MIT
// fuzz_hal.c: the fuzz target's HAL (see fuzz_hal.h). It holds no Python
// state, so the jump out of a runaway run leaves nothing of its own behind.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "fuzz_hal.h"
#include "hal.h"
#include "runtime.h"

static long polls_left; // polls until the interrupt is asked for
static long grace_left; // further polls until the run is abandoned
static double started;  // wall-clock seconds when the run was armed
static jmp_buf *escape; // where an abandoned run goes
static int intr_char = -1;
static size_t out_bytes;
static uint64_t now_us;

// Seconds of wall-clock time, for the budget's second bound: a loop that
// raises and catches an exception per pass is slow under the sanitizers,
// so a poll count alone would let it run for tens of seconds.
static double wall_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void fuzz_hal_arm(long polls, jmp_buf *where) {
  started = wall_seconds();
  polls_left = polls;
  grace_left = polls;
  escape = where;
  out_bytes = 0;
}

void fuzz_hal_disarm(void) {
  escape = NULL;
}

size_t fuzz_hal_output_bytes(void) {
  return out_bytes;
}

int hal_console_read(void) {
  return -1;
}

int hal_console_pending(void) {
  return 0;
}

void hal_console_write(const char *buf, size_t len) {
  (void)buf;
  out_bytes += len;
}

void hal_poll(void) {
  if (!escape) return;
  double spent = wall_seconds() - started;
  if (polls_left > 0 && spent < FUZZ_HAL_SECONDS) {
    polls_left--;
    return;
  }
  polls_left = 0;
  // Asked for on every poll: a handler that swallows one interrupt meets
  // the next at its following loop iteration.
  if (intr_char == 3) rt_keyboard_interrupt();
  if (grace_left-- <= 0 || spent > 2 * FUZZ_HAL_SECONDS) longjmp(*escape, 1);
}

void hal_set_interrupt_char(int c) {
  intr_char = c;
}

uint32_t hal_ticks_ms(void) {
  return (uint32_t)(now_us / 1000);
}

uint64_t hal_ticks_us(void) {
  return now_us;
}

// Sleeping costs no real time: the clock jumps, and the poll keeps the
// budget honest for programs that only sleep.
void hal_delay_us(uint32_t us) {
  now_us += us;
  hal_poll();
}

const char *hal_board_name(void) {
  return "ESP module (fuzz) with ESP8266";
}

void hal_reset(void) {
  fprintf(stderr, "fuzz_hal: hal_reset\n");
  abort();
}

void hal_fatal(const char *msg) {
  fprintf(stderr, "fuzz_hal: fatal: %s\n", msg);
  abort();
}
