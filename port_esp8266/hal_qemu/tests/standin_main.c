// SPDX-License-Identifier: MIT
// standin_main.c: a stand-in program for the QEMU board, to prove its
// start-up, console, clock, timeouts, resets, faults and arithmetic helpers
// without the interpreter. Built as pyrite-qemu-standin.elf by the firmware
// project; driven by tests/standin_check.sh.
//
// On boot it prints the reset cause, two words that show .data and .bss
// were set up, a few helper results and the cycle count, then serves one-letter commands from the console:
//   t  print board_ticks_us()
//   c  run a loop of 2,000,000 instructions; print the CCOUNT it took
//   w  wait for a byte with a 300 ms timeout; print what came and how long
//   r  board_reset(BOARD_RESET_SOFT)
//   n  load through a null pointer     } each expects a fatal exception
//   l  load from an unmapped address    } report and QEMU exit status
//   a  load from a misaligned address   } HAL_QEMU_EXIT_FATAL
//   s  store through a null pointer    }
//   o  recurse 12 KiB deep into the C stack (expects the overflow report)
//   q  end with exit status 7
// any other byte is echoed inside [ ]. At end of input it prints "EOF"
// and ends with status 0.
#include "board_hal.h"
#include "hal_qemu.h"

#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void say(const char *s) {
  board_console_tx(s, strlen(s));
}

static void say_u64(uint64_t v) {
  char buf[24];
  int n = sizeof buf;
  buf[--n] = 0;
  do {
    buf[--n] = (char)('0' + v % 10); // __umoddi3 and __udivdi3
    v /= 10;
  } while (v);
  say(buf + n);
}

static void say_i64(int64_t v) {
  if (v < 0) say("-");
  say_u64(v < 0 ? 0u - (uint64_t)v : (uint64_t)v);
}

// Values the optimiser cannot fold, so the helpers really run.
static volatile int32_t vi[] = {-1000003, 97, 7, -7};
static volatile uint32_t vu[] = {4000000000u, 3u};
static volatile int64_t vl[] = {-123456789012345, 1000003};
static volatile double vd[] = {1.5, -0.1, 3.0, 1e300};
static volatile float vf[] = {1.25f, 3.0f};

// Addresses the fault commands use, out of the optimiser's sight.
static volatile uint32_t *volatile bad_address[] = {
    (volatile uint32_t *)0,                       // null
    (volatile uint32_t *)0x20000000u,             // nothing mapped there
    (volatile uint32_t *)((uintptr_t)&vu[0] + 1), // misaligned
};

static void arithmetic(void) {
  say("div32 ");
  say_i64(vi[0] / vi[1]);
  say(" mod32 ");
  say_i64(vi[0] % vi[1]);
  say(" udiv32 ");
  say_u64(vu[0] / vu[1]);
  say(" umod32 ");
  say_u64(vu[0] % vu[1]);
  say(" div64 ");
  say_i64(vl[0] / vl[1]);
  say(" mod64 ");
  say_i64(vl[0] % vl[1]);
  say(" mul64 ");
  say_i64(vl[0] * vl[1]);
  say("\r\n");
  // Doubles, printed as scaled integers: 1.5 * -0.1 / 3 * 1e6 = -50000.
  double d = vd[0] * vd[1] / vd[2] * 1e6;
  say("double ");
  say_i64((int64_t)d);
  say(" ");
  say_i64((int32_t)(vd[0] + vd[1] * 10));
  say(" ");
  say(vd[3] * vd[3] > 1e308 ? "inf" : "finite");
  float f = vf[0] * vf[1] + (float)vi[2];
  say(" float ");
  say_i64((int32_t)(f * 100));
  say("\r\n");
  // picolibc's printf and libm over these helpers.
  char buf[96];
  snprintf(buf, sizeof buf, "printf %.17g %g %.3e %g\r\n", vd[1] * 3, vd[3] * 1e-310 * 1e-300, sqrt(vd[2]),
           pow(vd[0], 10.0));
  say(buf);
}

// Uses about 300 bytes of stack per level.
static int __attribute__((noinline)) deep(int depth) {
  volatile char frame[256];
  frame[0] = (char)depth;
  if (depth > 0) return deep(depth - 1) + frame[0];
  return 0;
}

static jmp_buf jump;

static void __attribute__((noinline)) jump_back(int depth) {
  if (depth < 0) return; // never: a way out for -Winfinite-recursion
  if (depth > 0)
    jump_back(depth - 1);
  else
    longjmp(jump, 42);
  say("not reached\r\n");
}

// The runtime's error mechanism is setjmp/longjmp from picolibc.
static void check_setjmp(void) {
  volatile int before = 1;
  int got = setjmp(jump);
  if (got == 0) {
    before = 2;
    jump_back(5);
  }
  say(got == 42 && before == 2 ? "setjmp ok\r\n" : "setjmp BAD\r\n");
}

// Bumped on every boot: each boot must see .data copied afresh (42) and
// .bss zeroed again (1), a soft reset included.
static int data_word = 41;
static int bss_word;

int hal_qemu_app(void) {
  static const char *const causes[] = {"power-on", "wdt",        "exception", "soft-wdt",
                                       "soft",     "deep-sleep", "hard"};
  say("\r\nstand-in on ");
  say(board_name());
  say("\r\nreset cause ");
  say(causes[board_reset_cause()]);
  say("\r\n");
  say("data ");
  say_u64((uint64_t)++data_word);
  say(" bss ");
  say_u64((uint64_t)++bss_word);
  say("\r\n");
  arithmetic();
  check_setjmp();
  say("cycles ");
  say_u64(hal_qemu_cycles());
  say("\r\n");
  for (;;) {
    int c = board_console_rx(BOARD_WAIT_FOREVER);
    if (c == BOARD_RX_CLOSED) break;
    switch (c) {
    case 't':
      say("ticks ");
      say_u64(board_ticks_us());
      say("\r\n");
      break;
    case 'c': {
      uint32_t c0, c1, n = 1000000;
      __asm__ volatile("rsr %0, ccount\n"
                       "1: addi %1, %1, -1\n"
                       "bnez %1, 1b\n"
                       "rsr %2, ccount"
                       : "=&r"(c0), "+r"(n), "=r"(c1));
      say("ccount_per_2M_insns ");
      say_u64(c1 - c0);
      say("\r\n");
      break;
    }
    case 'w': {
      uint64_t t0 = board_ticks_us();
      int got = board_console_rx(300000);
      uint64_t waited = board_ticks_us() - t0;
      say(got == BOARD_RX_TIMEOUT ? "timeout" : got == BOARD_RX_CLOSED ? "closed" : "byte");
      say(" after_ms ");
      say_u64(waited / 1000);
      say("\r\n");
      break;
    }
    case 'r': say("resetting\r\n"); board_reset(BOARD_RESET_SOFT);
    case 'n': say_u64(*bad_address[0]); break;
    case 'l': say_u64(*bad_address[1]); break;
    case 'a': say_u64(*bad_address[2]); break;
    case 's': *bad_address[0] = 1; break;
    case 'o': say_u64((uint64_t)deep(40)); break;
    case 'q': return 7;
    case '\r':
    case '\n': break;
    default: {
      char s[3] = {'[', (char)c, ']'};
      board_console_tx(s, 3);
    }
    }
  }
  say("EOF\r\n");
  return 0;
}
