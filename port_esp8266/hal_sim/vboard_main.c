// SPDX-License-Identifier: MIT
// vboard_main.c: the virtual ESP8266 board, a host process.
//
//   vboard [--port N] [--heap SIZE] [--stdio]   serve the console
//   vboard run [--heap SIZE] FILE.py            run a script once and exit
//
// The rest of the board_hal.h back-end lives here (identity, resets) and in
// sim_hw.c (time, pins, devices of the wiring maps).
#include "board_hal.h"
#include "port.h"
#include "sim_board.h"
#include "sim_console.h"
#include "sim_control.h"
#include "sim_flash.h"
#include "sim_hw.h"
#include "sim_profile.h"
#include "sim_rom.h"
#include "sim_net.h"
#include "sim_wiring.h"

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef PYRITE_VERSION
#define PYRITE_VERSION "0.0.0"
#endif

// Longest script `vboard run` accepts; the chip could not hold more.
#define RUN_SOURCE_MAX (1024 * 1024)

// How long after EN rises the chip samples its strapping pins: the RC delay
// on the EN pin of NodeMCU-style boards. It is what lets esptool's two
// separate line changes (DTR on, then RTS off) boot the ROM loader although
// EN already rises between them (both asserted = no reset).
#define EN_RC_DELAY_NS 10000000u

static struct {
  jmp_buf reset_point; // board_reset() restarts the boot sequence here
  int reset_cause;
  void *heap; // the GC heap, kept across resets as the chip's RAM is
  size_t heap_size;
  sim_profile_t profile;
  bool download;  // the boot in progress is the ROM's UART download mode
  bool brownout;  // the reset in progress was a brown-out
  bool en_low;    // EN pin held low (RFC 2217 lines): the chip is in reset
  bool gpio0_low; // GPIO0 pulled low by the lines
  bool held;      // stopped at the reset point until EN rises
  uint64_t en_rise_ns;
  uint32_t baud;
} board = {.reset_cause = BOARD_RESET_POWER_ON};

static uint64_t monotonic_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

const char *board_name(void) {
  return board.profile.board_name;
}

void board_mac(uint8_t mac[6]) {
  memcpy(mac, board.profile.mac, 6);
}

int board_reset_cause(void) {
  return board.reset_cause;
}

void board_reset(int cause) {
  board.reset_cause = cause;
  board.download = board.gpio0_low; // the straps are sampled at every reset
  longjmp(board.reset_point, 1);
}

const sim_profile_t *sim_board_profile(void) {
  return &board.profile;
}

uint32_t sim_board_baud(void) {
  return board.baud ? board.baud : 115200;
}

void sim_board_reset_boot(int cause, bool download) {
  board.reset_cause = cause;
  board.download = download;
  longjmp(board.reset_point, 1);
}

void sim_board_brownout(void) {
  board.brownout = true;
  board_reset(BOARD_RESET_POWER_ON);
}

void sim_board_set_lines(bool dtr, bool rts) {
  bool en_low = rts && !dtr;
  board.gpio0_low = dtr && !rts;
  if (en_low == board.en_low) return;
  board.en_low = en_low;
  if (!en_low) {
    board.en_rise_ns = monotonic_ns();
  } else if (!board.held) {
    board.held = true; // falling EN: the chip stops where it stands
    longjmp(board.reset_point, 1);
  }
}

// Held in reset by EN: console input is read (for the line changes it
// carries) and thrown away until EN has been high for the RC delay.
// Returns false when the console input ended for good.
static bool hold_in_reset(void) {
  for (;;) {
    int c = board_console_rx(2000);
    if (c == BOARD_RX_CLOSED) return false;
    if (!board.en_low && monotonic_ns() - board.en_rise_ns >= EN_RC_DELAY_NS) break;
  }
  board.held = false;
  board.reset_cause = BOARD_RESET_HARD;
  board.download = board.gpio0_low;
  return true;
}

// The "rst cause" number the ROM prints for a reset reason (PROTOCOLS.md
// 3.9: 1 power-on, 2 external, 4 hardware watchdog). Software restarts and
// exceptions also show 2, deep-sleep wake 5 (UNCERTAIN: community reports).
static int rom_rst_cause(int cause) {
  switch (cause) {
  case BOARD_RESET_POWER_ON: return 1;
  case BOARD_RESET_WDT: return 4;
  case BOARD_RESET_DEEPSLEEP: return 5;
  default: return 2;
  }
}

// The ROM's first words after a reset (PROTOCOLS.md 3.9): boot mode (1,7)
// is the UART download mode, (3,6) a flash boot. A brown-out shows as a
// power-on reset with a vboard note after the boot mode; the download mode
// ends with the ROM's "waiting for host".
static void print_rom_boot_line(void) {
  char line[160];
  int n = snprintf(line, sizeof line, "\r\n ets Jan  8 2013,rst cause:%d, boot mode:(%s)%s\r\n\r\n%s",
                   rom_rst_cause(board.reset_cause), board.download ? "1,7" : "3,6",
                   board.brownout ? " (vboard: brown-out during a flash write)" : "",
                   board.download ? "waiting for host\r\n" : "");
  board.brownout = false;
  board_console_tx(line, (size_t)n);
}

static void usage(FILE *to) {
  fprintf(to, "usage: vboard [--port N] [--control-port N] [--fault SPEC]... [--profile P] [--wiring W]\n"
              "              [--heap SIZE] [--baud-limit BAUD] [--stdio] [--rfc2217] [--flash FILE]\n"
              "              [--wifi W] [--ip A.B.C.D]\n"
              "       vboard run [--heap SIZE] [--profile P] [--wiring W] FILE.py\n"
              "\n"
              "The virtual ESP8266 board running the Pyrite firmware.\n"
              "\n"
              "  --port N     serve the console on TCP 127.0.0.1:N, one client at a time\n"
              "               (default 0: a free port); prints\n"
              "               'vboard: console on 127.0.0.1:PORT' once listening\n"
              "  --stdio      serve the console on stdin/stdout instead; exits at end of input\n"
              "  --rfc2217    the TCP console speaks RFC 2217 (Telnet COM-PORT-OPTION): DTR/RTS\n"
              "               drive EN and GPIO0 as a NodeMCU's auto-reset circuit does\n"
              "  --flash FILE the SPI flash's contents, kept across resets and runs (created\n"
              "               erased at the module's size if missing; default: a temporary\n"
              "               file deleted at exit)\n"
              "  --baud-limit BAUD  throttle the console to BAUD (8N1) both ways, as a real\n"
              "               UART at that rate would (e.g. 115200)\n"
              "  --heap SIZE  GC heap in bytes, K or M suffix allowed (default 38K, as on the chip)\n"
              "  --profile P  module profile: a JSON file, or a name from fixtures/profiles/\n"
              "               (esp01-512k, esp01-1m, d1mini-4m, nodemcu-4m); default a generic 4M\n"
              "  --control-port N  fault-injection socket on 127.0.0.1:N (0: a free port); prints\n"
              "               'vboard: control on 127.0.0.1:PORT'. Line commands, each answered\n"
              "               'ok' or 'error ...': reset [power|hard|wdt|soft], hang, mute,\n"
              "               drop RATE, clear, status, boot download|flash, brownout [now], wdt,\n"
              "               slow-clock PPM, device-missing NAME, capture start PIN[,PIN...],\n"
              "               capture stop FILE.vcd (answered 'ok EDGES'), devices (each wired\n"
              "               device's state and timing errors, a line each, then 'ok')\n"
              "  --fault SPEC fault from the start (repeatable): hang-after=N or reset-after=N\n"
              "               (console bytes received), drop=RATE (0..1), mute,\n"
              "               brownout-after-writes=N (the flash write after N is cut short),\n"
              "               slow-clock=PPM (cycles last PPM millionths longer than believed),\n"
              "               device-missing=NAME (a wired fixture or device type left out)\n"
              "  --wiring NAME[,NAME...]  attach the virtual devices of these wiring maps:\n"
              "               fixtures/wiring/NAME.json, or a path to a JSON file\n"
              "  --wifi W     the access points the board sees: fixtures/wifi/W.json, a path,\n"
              "               or 'none' (default: virtual)\n"
              "  --ip A.B.C.D the board's address once associated, in 127.0.0.0/8 (default\n"
              "               127.0.0.2); its sockets are host sockets bound there, so a\n"
              "               server on the board (WebREPL: port 8266) is reached at A.B.C.D\n"

              "  run FILE.py  run the script once, print its output, exit with its status\n"
              "               (0 on success, 1 on an uncaught exception, SystemExit's code)\n"
              "  --version    print the firmware version\n"
              "\n"
              "A reset into boot mode (1,7) (GPIO0 low) runs the ROM serial loader instead of\n"
              "the firmware: SLIP commands as esptool speaks them (PROTOCOLS.md 3).\n");
}

// Parses "38K", "65536", "1M". Returns 0 for anything else.
static size_t parse_size(const char *text) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(text, &end, 10);
  if (errno || end == text) return 0;
  if (*end == 'K' || *end == 'k')
    v *= 1024, end++;
  else if (*end == 'M' || *end == 'm')
    v *= 1024 * 1024, end++;
  if (*end != '\0' || v > (256ull << 20)) return 0;
  return (size_t)v;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = malloc(RUN_SOURCE_MAX + 1);
  size_t n = buf ? fread(buf, 1, RUN_SOURCE_MAX + 1, f) : 0;
  int bad = !buf || ferror(f) || n > RUN_SOURCE_MAX;
  fclose(f);
  if (bad) {
    free(buf);
    errno = n > RUN_SOURCE_MAX ? EFBIG : EIO;
    return NULL;
  }
  *len = n;
  return buf;
}

static int run_script(const char *path) {
  size_t len;
  char *src = read_file(path, &len);
  if (!src) {
    fprintf(stderr, "vboard: cannot read %s: %s\n", path, strerror(errno));
    return 2;
  }
  sim_console_use_stdio(1);
  // A reset during the script ends the run as a failure. Only statics are
  // read after setjmp returns a second time.
  static int status;
  status = 1;
  static char *source;
  source = src;
  if (setjmp(board.reset_point) == 0) status = port_run_source(board.heap, board.heap_size, src, len, path);
  free(source);
  return status;
}

// Boots the board and serves the console until its input ends. Every
// reset comes back here, the way the chip restarts at its reset vector;
// the console connection survives, as a USB serial link does.
static void __attribute__((noinline)) serve(void) {
  setjmp(board.reset_point);
  if (board.held && !hold_in_reset()) return;
  sim_hw_reset(board.reset_cause == BOARD_RESET_POWER_ON);
  sim_net_reset(); // a reset drops every connection, as the chip's does
  print_rom_boot_line();
  if (board.download)
    sim_rom_run();
  else
    port_boot(board.heap, board.heap_size);
}

int main(int argc, char **argv) {
  long port = 0, control_port = -1;
  size_t heap_size = PORT_HEAP_DEFAULT;
  int use_stdio = 0;
  int profile_given = 0;
  int run_mode = 0; // `vboard run`: options may stand before or after FILE
  const char *script = NULL;
  const char *flash_path = NULL;
  const char *wiring = NULL;
  const char *wifi = "virtual";
  enum { MAX_FAULTS = 16 };
  const char *faults[MAX_FAULTS];
  int nfaults = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(stdout);
      return 0;
    } else if (!strcmp(a, "--version")) {
      printf("vboard (Pyrite firmware) %s\n", PYRITE_VERSION);
      return 0;
    } else if (!strcmp(a, "--port") && i + 1 < argc) {
      char *end;
      port = strtol(argv[++i], &end, 10);
      if (*end || port < 0 || port > 65535) {
        fprintf(stderr, "vboard: bad --port '%s' (0..65535)\n", argv[i]);
        return 2;
      }
    } else if (!strcmp(a, "--control-port") && i + 1 < argc) {
      char *end;
      control_port = strtol(argv[++i], &end, 10);
      if (*end || control_port < 0 || control_port > 65535) {
        fprintf(stderr, "vboard: bad --control-port '%s' (0..65535)\n", argv[i]);
        return 2;
      }
    } else if (!strcmp(a, "--fault") && i + 1 < argc) {
      if (nfaults == MAX_FAULTS) {
        fprintf(stderr, "vboard: more than %d --fault\n", MAX_FAULTS);
        return 2;
      }
      faults[nfaults++] = argv[++i]; // applied once the hardware exists
    } else if (!strcmp(a, "--wiring") && i + 1 < argc) {
      wiring = argv[++i];
    } else if (!strcmp(a, "--wifi") && i + 1 < argc) {
      wifi = argv[++i];
    } else if (!strcmp(a, "--ip") && i + 1 < argc) {
      uint32_t ip;
      if (sim_net_parse_ip(argv[++i], &ip) || sim_net_set_ip(ip)) {
        fprintf(stderr, "vboard: bad --ip '%s' (an address in 127.0.0.0/8, e.g. 127.0.0.2)\n", argv[i]);
        return 2;
      }
    } else if (!strcmp(a, "--profile") && i + 1 < argc) {
      char err[600];
      if (sim_profile_load(&board.profile, argv[++i], err, sizeof err) < 0) {
        fprintf(stderr, "vboard: %s\n", err);
        return 2;
      }
      profile_given = 1;
    } else if (!strcmp(a, "--heap") && i + 1 < argc) {
      heap_size = parse_size(argv[++i]);
      if (heap_size < 4096) {
        fprintf(stderr, "vboard: bad --heap '%s' (a size from 4K to 256M, e.g. 38K)\n", argv[i]);
        return 2;
      }
    } else if (!strcmp(a, "--baud-limit") && i + 1 < argc) {
      char *end;
      long baud = strtol(argv[++i], &end, 10);
      if (*end || baud < 300 || baud > 4000000) {
        fprintf(stderr, "vboard: bad --baud-limit '%s' (300..4000000)\n", argv[i]);
        return 2;
      }
      sim_console_set_baud_limit((uint32_t)baud);
      board.baud = (uint32_t)baud;
    } else if (!strcmp(a, "--flash") && i + 1 < argc) {
      flash_path = argv[++i];
    } else if (!strcmp(a, "--rfc2217")) {
      sim_console_set_rfc2217(1);
    } else if (!strcmp(a, "--stdio")) {
      use_stdio = 1;
    } else if (!strcmp(a, "run") && !run_mode) {
      run_mode = 1;
    } else if (run_mode && !script && a[0] != '-') {
      script = a;
    } else {
      fprintf(stderr, "vboard: unexpected argument '%s'\n", a);
      usage(stderr);
      return 2;
    }
  }
  if (!profile_given) sim_profile_default(&board.profile);
  if (run_mode && !script) {
    fprintf(stderr, "vboard: run needs a FILE.py\n");
    usage(stderr);
    return 2;
  }
  char err[600];
  if (sim_hw_init(board.profile.cpu_mhz) < 0) {
    fprintf(stderr, "vboard: out of memory for the virtual hardware\n");
    return 2;
  }
  if (wiring && sim_wiring_load(wiring, err, sizeof err) < 0) {
    fprintf(stderr, "vboard: %s\n", err);
    return 2;
  }
  if (sim_net_load(wifi, err, sizeof err) < 0) {
    fprintf(stderr, "vboard: %s\n", err);
    return 2;
  }
  for (int i = 0; i < nfaults; i++)
    if (!sim_control_fault(faults[i]) && !sim_flash_fault(faults[i])) {
      fprintf(stderr,
              "vboard: bad --fault '%s' (hang-after=N, reset-after=N, drop=RATE, mute, "
              "brownout-after-writes=N, slow-clock=PPM, device-missing=NAME)\n",
              faults[i]);
      return 2;
    }
  sim_control_apply_start_faults();
  if (sim_flash_open(flash_path, &board.profile, err, sizeof err) < 0) {
    fprintf(stderr, "vboard: %s\n", err);
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  // 8-byte alignment, as rt_init requires.
  void *heap = aligned_alloc(8, (heap_size + 7) & ~(size_t)7);
  if (!heap) {
    fprintf(stderr, "vboard: cannot allocate a %zu-byte heap\n", heap_size);
    return 2;
  }
  board.heap = heap;
  board.heap_size = heap_size;
  if (script) {
    int status = run_script(script);
    free(heap);
    return status;
  }
  if (use_stdio) {
    sim_console_use_stdio(0);
  } else {
    int bound = sim_console_listen_tcp((uint16_t)port);
    if (bound < 0) {
      fprintf(stderr, "vboard: cannot listen on 127.0.0.1:%ld: %s\n", port, strerror(errno));
      return 2;
    }
    printf("vboard: console on 127.0.0.1:%d\n", bound);
  }
  if (control_port >= 0) {
    int bound = sim_control_listen((uint16_t)control_port);
    if (bound < 0) {
      fprintf(stderr, "vboard: cannot listen on 127.0.0.1:%ld: %s\n", control_port, strerror(errno));
      return 2;
    }
    printf("vboard: control on 127.0.0.1:%d\n", bound);
  }
  fflush(stdout);
  serve();
  free(heap);
  return 0;
}
