// SPDX-License-Identifier: MIT
// hal_qemu.c: board_hal.h for the lx106 core under qemu-system-xtensa.
//
// Console: semihosting read/write on fds 0 and 1, which are QEMU's own stdin
// and stdout. A receive with a timeout asks QEMU's select_one call whether
// fd 0 has data, waiting at most one slice of host time per call.
//
// Time: CCOUNT, read as an 80 MHz cycle counter and widened to 64 bits in
// software. Run with -icount (run-qemu.sh), CCOUNT advances with the
// instructions executed, so a program's timings repeat run after run. While
// the guest waits inside select_one, QEMU runs no instructions and CCOUNT
// stands still; the time waited is added to the count as idle cycles so
// that a sleep lasts as long on the guest's clock as on the wall clock.
//
// Invariant: cycles.total only grows; it is the sum of every CCOUNT step
// seen since boot (each step taken modulo 2^32) and of the idle credits.
// CCOUNT wraps every 53.7 s at 80 MHz, so a step is counted right only if
// it is read at least that often. Every console call reads it, and the VM
// polls the console every RT_POLL_INTERVAL jumps, which is far more often.
#include "board_hal.h"
#include "hal_qemu.h"
#include "semihost.h"

// The clock board_ticks_us assumes: the ESP8266's default CPU frequency.
#define CPU_MHZ 80

// Longest single host wait in a timed receive. Smaller slices credit idle
// time more exactly when input arrives mid-wait (that slice is not
// credited), larger ones cost fewer simcalls.
#define RX_SLICE_US 10000

// Bytes fetched from stdin per read call.
#define RX_CHUNK 64

static struct {
  uint32_t last;  // CCOUNT at the previous update
  uint64_t total; // cycles since boot, idle credits included
} cycles;

static struct {
  unsigned char buf[RX_CHUNK];
  unsigned len, pos; // bytes buf[pos..len) are still to be handed out
  int closed;        // stdin reached end of file or failed
} rx;

// The reset cause handed from board_reset to the next boot. It lives in
// .noinit, which start-up neither zeroes nor loads; QEMU starts with it
// zero, so a missing magic word means a power-on.
#define RESET_MAGIC 0x50795274u // "PyRt"
static struct {
  uint32_t magic;
  int32_t cause;
} reset_note __attribute__((section(".noinit")));
static int reset_cause;

static inline uint32_t read_ccount(void) {
  uint32_t c;
  __asm__ volatile("rsr %0, ccount" : "=r"(c));
  return c;
}

// Folds the CCOUNT steps since the last call into cycles.total.
static uint64_t update_cycles(void) {
  uint32_t now = read_ccount();
  cycles.total += (uint32_t)(now - cycles.last);
  cycles.last = now;
  return cycles.total;
}

uint64_t board_ticks_us(void) {
  return update_cycles() / CPU_MHZ;
}

uint64_t hal_qemu_cycles(void) {
  return update_cycles();
}

void board_console_tx(const char *buf, size_t len) {
  hal_qemu_stack_check();
  hal_qemu_fault_inject_poll();
  update_cycles();
  while (len > 0) {
    int32_t err;
    int32_t n = semi_call(SEMI_SYS_WRITE, 1, (int32_t)(uintptr_t)buf, (int32_t)len, &err);
    // Nobody reading (a closed pipe): drop the rest, as a UART would.
    if (n <= 0) return;
    buf += n;
    len -= (size_t)n;
  }
}

// Waits up to [us] of host time for stdin to become readable (0: just
// look). Returns 1 if it is readable (or at end of file), 0 if the time
// ran out, -1 if a host signal cut the wait short.
static int stdin_ready(uint32_t us) {
  semi_timeval_t tv = {.sec = (int32_t)(us / 1000000), .usec = (int32_t)(us % 1000000)};
  int32_t err;
  int32_t n = semi_call(SEMI_SYS_SELECT_ONE, 0, SEMI_SELECT_READ, (int32_t)(uintptr_t)&tv, &err);
  if (n < 0 && err == SEMI_EINTR) return -1;
  // Any other failure (stdin not selectable, say) counts as readable, so
  // that the read that follows reports what is wrong.
  return n != 0;
}

// Refills rx.buf with one blocking read. Marks rx.closed at end of file
// or on a read error.
static void fill(void) {
  int32_t err, n;
  do {
    n = semi_call(SEMI_SYS_READ, 0, (int32_t)(uintptr_t)rx.buf, RX_CHUNK, &err);
  } while (n < 0 && err == SEMI_EINTR);
  if (n <= 0) {
    rx.closed = 1;
    rx.len = rx.pos = 0;
    return;
  }
  rx.len = (unsigned)n;
  rx.pos = 0;
}

int board_console_rx(uint32_t timeout_us) {
  hal_qemu_stack_check();
  hal_qemu_fault_inject_poll();
  update_cycles();
  if (rx.pos < rx.len) return rx.buf[rx.pos++];
  if (rx.closed) return BOARD_RX_CLOSED;
  if (timeout_us != BOARD_WAIT_FOREVER) {
    uint64_t end = cycles.total + (uint64_t)timeout_us * CPU_MHZ;
    int ready = stdin_ready(0);
    while (ready <= 0) {
      uint64_t now = update_cycles();
      if (now >= end) return BOARD_RX_TIMEOUT;
      uint64_t left_us = (end - now + CPU_MHZ - 1) / CPU_MHZ;
      uint32_t slice = left_us < RX_SLICE_US ? (uint32_t)left_us : RX_SLICE_US;
      ready = stdin_ready(slice);
      if (ready == 0) cycles.total += (uint64_t)slice * CPU_MHZ; // a whole slice waited
    }
  }
  fill();
  if (rx.closed) return BOARD_RX_CLOSED;
  return rx.buf[rx.pos++];
}

const char *board_name(void) {
  return "ESP module (QEMU lx106) with ESP8266";
}

int board_reset_cause(void) {
  return reset_cause;
}

void board_reset(int cause) {
  reset_note.magic = RESET_MAGIC;
  reset_note.cause = cause;
  _start();
}

const char *hal_qemu_argument(const char *prefix) {
  static uint32_t buf[64]; // pointers, then strings
  int32_t err;
  int32_t argc = semi_call(SEMI_SYS_ARGC, 0, 0, 0, &err);
  int32_t size = semi_call(SEMI_SYS_ARGV_SZ, 0, 0, 0, &err);
  if (argc < 2 || size <= 0 || (uint32_t)size > sizeof buf) return NULL;
  semi_call(SEMI_SYS_ARGV, (int32_t)(uintptr_t)buf, 0, 0, &err);
  for (int32_t i = 1; i < argc; i++) {
    const char *arg = (const char *)(uintptr_t)buf[i];
    size_t n = 0;
    while (prefix[n] && arg[n] == prefix[n])
      n++;
    if (!prefix[n]) return arg + n;
  }
  return NULL;
}

// True if QEMU's semihosting arguments include exactly [word].
static int has_argument(const char *word) {
  const char *rest = hal_qemu_argument(word);
  return rest && !*rest;
}

// Writes "hal_qemu: C stack peak N of 8192 bytes" to QEMU's stderr.
static void report_stack(void) {
  char text[64] = "hal_qemu: C stack peak ";
  size_t len = 23;
  char digits[10];
  int n = 0;
  size_t v = hal_qemu_stack_peak();
  do {
    digits[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  while (n > 0)
    text[len++] = digits[--n];
  static const char tail[] = " of 8192 bytes\n";
  for (size_t i = 0; i < sizeof tail - 1; i++)
    text[len++] = tail[i];
  int32_t err;
  semi_call(SEMI_SYS_WRITE, 2, (int32_t)(uintptr_t)text, (int32_t)len, &err);
}

// Called by _start (start.S) once the stack, .bss and .data are ready.
void hal_qemu_main(void) {
  hal_qemu_stack_paint();
  reset_cause = reset_note.magic == RESET_MAGIC ? reset_note.cause : BOARD_RESET_POWER_ON;
  // A later unexpected restart (a jump to 0) then reads as a power-on.
  reset_note.magic = 0;
  cycles.last = read_ccount();
  hal_qemu_fault_inject_init();
  int status = hal_qemu_app();
  if (has_argument("stack-report")) report_stack();
  semi_exit(status);
}
