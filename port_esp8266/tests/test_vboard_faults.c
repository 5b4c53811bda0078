// SPDX-License-Identifier: MIT
// Faults on the virtual board and what the board does about them, seen as
// the rig sees it (console and control sockets): each fault, then proof
// that the board came back as a real one would. Also the device models at
// board level, each with a negative control (a transaction the model must
// reject), and the logic-analyser capture (VCD) with a checker that is
// itself shown to reject a wrong waveform.
#include <arpa/inet.h>
#include <check.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "port_md5.h"

#define RAW_BANNER "raw REPL; CTRL-B to exit\r\n>"

static pid_t board_pid;
static int console_fd = -1, control_fd = -1;

static int connect_port(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ck_assert_int_eq(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
  return fd;
}

// Starts `vboard --port 0 --control-port 0 [--wiring WIRING] [--flash
// FILE]` and connects to both sockets.
static void start_board_with(const char *wiring, const char *flash) {
  int out[2];
  ck_assert_int_eq(pipe(out), 0);
  board_pid = fork();
  ck_assert_int_ge(board_pid, 0);
  if (board_pid == 0) {
    const char *argv[10] = {"vboard", "--port", "0", "--control-port", "0"};
    int n = 5;
    if (wiring) argv[n++] = "--wiring", argv[n++] = wiring;
    if (flash) argv[n++] = "--flash", argv[n++] = flash;
    dup2(out[1], 1);
    close(out[0]);
    close(out[1]);
    execv(VBOARD_PATH, (char *const *)argv);
    _exit(127);
  }
  close(out[1]);
  char line[256] = {0};
  size_t n = 0;
  for (int newlines = 0; newlines < 2 && n + 1 < sizeof line && read(out[0], line + n, 1) == 1; n++)
    if (line[n] == '\n') newlines++;
  close(out[0]);
  int console_port, control_port;
  ck_assert_msg(sscanf(line, "vboard: console on 127.0.0.1:%d\nvboard: control on 127.0.0.1:%d",
                       &console_port, &control_port) == 2,
                "start-up lines: %s", line);
  console_fd = connect_port(console_port);
  control_fd = connect_port(control_port);
}

static void start_board(const char *wiring) {
  start_board_with(wiring, NULL);
}

static void stop_board(void) {
  if (console_fd >= 0) close(console_fd);
  if (control_fd >= 0) close(control_fd);
  console_fd = control_fd = -1;
  kill(board_pid, SIGTERM);
  waitpid(board_pid, NULL, 0);
}

static void send_str(int fd, const char *s) {
  ck_assert_int_eq(write(fd, s, strlen(s)), (ssize_t)strlen(s));
}

// Reads until [want] has arrived or [ms] pass; returns everything read.
static char got[65536];
static const char *read_until_ms(int fd, const char *want, int ms) {
  size_t n = 0;
  got[0] = 0;
  for (int waited = 0; waited < ms && !strstr(got, want);) {
    struct pollfd p = {.fd = fd, .events = POLLIN};
    if (poll(&p, 1, 50) <= 0) {
      waited += 50;
      continue;
    }
    ssize_t r = read(fd, got + n, sizeof got - 1 - n);
    if (r <= 0) break;
    n += (size_t)r;
    got[n] = 0;
  }
  ck_assert_msg(strstr(got, want) != NULL, "wanted \"%s\", got \"%s\"", want, got);
  return got;
}

static const char *read_until(int fd, const char *want) {
  return read_until_ms(fd, want, 5000);
}

static void enter_raw(void) {
  send_str(console_fd, "\r\x03\x03\r\x01");
  read_until(console_fd, RAW_BANNER);
}

// Runs [code] in the raw REPL and returns its output (stdout, then the
// exception text if any, as "OUT\x04ERR").
static char output[16384];
static const char *run_ms(const char *code, int ms) {
  send_str(console_fd, code);
  send_str(console_fd, "\x04");
  const char *all = read_until_ms(console_fd, "\x04>", ms);
  const char *ok = strstr(all, "OK");
  ck_assert_ptr_nonnull(ok);
  snprintf(output, sizeof output, "%s", ok + 2);
  char *end = strstr(output, "\x04>");
  if (end) *end = 0;
  // "OUT\x04ERR": a run without an exception ends in its separator.
  size_t len = strlen(output);
  if (len && output[len - 1] == '\x04') output[len - 1] = 0;
  return output;
}

static const char *run(const char *code) {
  return run_ms(code, 5000);
}

// Sends a control command and returns its reply line(s).
static char reply[8192];
static const char *control(const char *cmd, const char *ends_with) {
  char line[256];
  snprintf(line, sizeof line, "%s\n", cmd);
  send_str(control_fd, line);
  snprintf(reply, sizeof reply, "%s", read_until(control_fd, ends_with));
  return reply;
}

static double seconds_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

// ---- Watchdog ----

START_TEST(firmware_wdt_resets_with_cause_wdt) {
  start_board(NULL);
  enter_raw();
  send_str(console_fd,
           "import machine, time\nw = machine.WDT(timeout=200)\ntime.sleep_ms(1000)\nprint('not fed, "
           "still here')\x04");
  const char *seen = read_until(console_fd, "rst cause:4, boot mode:(3,6)");
  ck_assert_ptr_null(strstr(seen, "still here"));
  enter_raw();
  ck_assert_str_eq(run("import machine\nprint(machine.reset_cause() == machine.WDT_RESET)"), "True\r\n");
  stop_board();
}
END_TEST

START_TEST(fed_wdt_does_not_fire) {
  start_board(NULL);
  enter_raw();
  ck_assert_str_eq(run("import machine, time\nw = machine.WDT(timeout=300)\nfor i in range(8):\n    "
                       "time.sleep_ms(100)\n    w.feed()\nprint('fed', machine.reset_cause())"),
                   "fed 0\r\n");
  stop_board();
}
END_TEST

// The regression of the nightly farm: a soft reset between tests must not
// leave the watchdog armed for the next test.
START_TEST(soft_reset_stops_the_wdt) {
  start_board(NULL);
  enter_raw();
  run("import machine\nw = machine.WDT(timeout=200)");
  send_str(console_fd, "\x04");
  read_until(console_fd, "MPY: soft reboot\r\n" RAW_BANNER);
  ck_assert_str_eq(
      run_ms("import time, machine\ntime.sleep_ms(700)\nprint('alive', machine.reset_cause())", 5000),
      "alive 0\r\n");
  stop_board();
}
END_TEST

START_TEST(control_wdt_resets_with_cause_wdt) {
  start_board(NULL);
  enter_raw();
  control("wdt", "ok\n");
  read_until(console_fd, "rst cause:4");
  enter_raw();
  ck_assert_str_eq(run("import machine\nprint(machine.reset_cause())"), "1\r\n");
  stop_board();
}
END_TEST

// ---- Reset in the middle of a test ----

START_TEST(reset_mid_test_comes_back_with_hard_reset) {
  start_board(NULL);
  enter_raw();
  send_str(console_fd,
           "import time\nfor i in range(1000):\n    print('tick', i)\n    time.sleep_ms(20)\n\x04");
  read_until(console_fd, "tick 3");
  control("reset hard", "ok\n");
  const char *seen = read_until(console_fd, "rst cause:2, boot mode:(3,6)");
  ck_assert_ptr_null(strstr(seen, "tick 999"));
  enter_raw();
  ck_assert_str_eq(run("import machine\nprint(machine.reset_cause() == machine.HARD_RESET)"), "True\r\n");
  // A power cycle forgets the RTC memory; a hard reset keeps it.
  run("import machine\nmachine.RTC().memory(b'kept')");
  control("reset hard", "ok\n");
  read_until(console_fd, "rst cause:2");
  enter_raw();
  ck_assert_str_eq(run("import machine\nprint(machine.RTC().memory())"), "b'kept'\r\n");
  control("reset power", "ok\n");
  read_until(console_fd, "rst cause:1");
  enter_raw();
  ck_assert_str_eq(run("import machine\nprint(machine.RTC().memory(), machine.reset_cause())"), "b'' 0\r\n");
  stop_board();
}
END_TEST

// ---- Slow clock ----

static const char *EEPROM_READ = "from machine import Pin, SoftI2C\n"
                                 "i2c = SoftI2C(scl=Pin(5), sda=Pin(4), freq=400000)\n"
                                 "try:\n"
                                 "    print(i2c.readfrom_mem(0x50, 0x10, 2, addrsize=16))\n"
                                 "except OSError as e:\n"
                                 "    print('OSError', e.args[0])\n";

START_TEST(slow_clock_stretches_time_and_recovers) {
  start_board("i2c-eeprom");
  enter_raw();
  double t0 = seconds_now();
  run("import time\ntime.sleep_ms(500)");
  double normal = seconds_now() - t0;
  control("slow-clock 200000", "ok\n");
  t0 = seconds_now();
  run("import time\ntime.sleep_ms(500)");
  double slow = seconds_now() - t0;
  // 20 % slow: the firmware's 500 ms last 600 ms of real time.
  ck_assert_msg(slow > 0.58 && slow > normal + 0.07, "normal %.3f s, slow %.3f s", normal, slow);
  // A slower bus still meets every minimum: the EEPROM answers.
  ck_assert_str_eq(run(EEPROM_READ), "b'\\xff\\xff'\r\n");
  // A fast clock (cycles 45 % short) makes SCL's low phase 0.76 us, under
  // fast mode's tLOW of 1.3 us: the EEPROM ignores the transaction.
  control("slow-clock -450000", "ok\n");
  ck_assert_str_eq(run(EEPROM_READ), "OSError 19\r\n");
  ck_assert_ptr_nonnull(strstr(control("devices", "ok\n"), "last_error=tLOW"));
  control("slow-clock 0", "ok\n");
  ck_assert_str_eq(run(EEPROM_READ), "b'\\xff\\xff'\r\n");
  t0 = seconds_now();
  run("import time\ntime.sleep_ms(500)");
  double back = seconds_now() - t0;
  ck_assert_msg(back < slow - 0.05, "back %.3f s, slow %.3f s", back, slow);
  stop_board();
}
END_TEST

// ---- A device missing from the bus ----

START_TEST(missing_eeprom_gives_enodev_and_scan_empty) {
  start_board("i2c-eeprom");
  enter_raw();
  ck_assert_str_eq(
      run("from machine import Pin, SoftI2C\ni2c = SoftI2C(scl=Pin(5), sda=Pin(4))\nprint(i2c.scan())"),
      "[80]\r\n");
  ck_assert_str_eq(control("device-missing i2c-eeprom", "\n"), "ok 1\n");
  ck_assert_str_eq(run("print(i2c.scan())"), "[]\r\n");
  ck_assert_str_eq(run(EEPROM_READ), "OSError 19\r\n");
  ck_assert_str_eq(run("import errno\ntry:\n    i2c.writeto(0x50, b'\\x00')\nexcept OSError as e:\n    "
                       "print(e.args[0] == errno.ENODEV)"),
                   "True\r\n");
  // The rest of the board goes on.
  ck_assert_str_eq(run("print(6 * 7)"), "42\r\n");
  ck_assert_str_eq(control("device-missing i2c-eeprom", "\n"),
                   "error no wired device 'i2c-eeprom' to detach\n");
  stop_board();
}
END_TEST

START_TEST(missing_thermometers_give_no_presence) {
  start_board("ds18b20");
  enter_raw();
  ck_assert_str_eq(
      run("from machine import Pin\nimport onewire\now = onewire.OneWire(Pin(12))\nprint(ow.reset(), "
          "len(ow.scan()))"),
      "True 2\r\n");
  ck_assert_str_eq(control("device-missing ds18b20", "\n"), "ok 2\n");
  ck_assert_str_eq(run("print(ow.reset(), ow.scan())"), "False []\r\n");
  stop_board();
}
END_TEST

// ---- Device models at board level, each with a negative control ----

START_TEST(eeprom_rejects_a_bus_too_fast) {
  start_board("i2c-eeprom");
  enter_raw();
  ck_assert_str_eq(run("from machine import Pin, SoftI2C\nprint(SoftI2C(scl=Pin(5), sda=Pin(4), "
                       "freq=400000).scan())"),
                   "[80]\r\n");
  const char *r = control("devices", "ok\n");
  ck_assert_msg(strstr(r, "timing_errors=0 last_error=-") != NULL, "%s", r);
  // Negative control: 1 MHz gives a 0.55 us SCL low, under tLOW.
  ck_assert_str_eq(run("print(SoftI2C(scl=Pin(5), sda=Pin(4), freq=1000000).scan())"), "[]\r\n");
  r = control("devices", "ok\n");
  ck_assert_msg(strstr(r, "timing_errors=0 ") == NULL && strstr(r, "last_error=-") == NULL, "%s", r);
  stop_board();
}
END_TEST

START_TEST(ds18b20_rejects_a_short_reset) {
  start_board("ds18b20");
  enter_raw();
  // By hand: a 600 us low is a reset and gets a presence pulse (the line
  // reads 0 some 70 us after release); a 200 us low is not and gets none.
  const char *probe = "from machine import Pin\nimport time\np = Pin(12, Pin.OPEN_DRAIN, value=1)\n"
                      "def probe(low_us):\n"
                      "    p(0); time.sleep_us(low_us); p(1); time.sleep_us(70)\n"
                      "    seen = p()\n"
                      "    time.sleep_us(500)\n"
                      "    return seen\n"
                      "print(probe(600), probe(200))";
  ck_assert_str_eq(run(probe), "0 1\r\n");
  stop_board();
}
END_TEST

START_TEST(ws2812_flags_a_mistimed_bit) {
  start_board("ws2812");
  enter_raw();
  run("from machine import Pin, bitstream\nimport time\nbitstream(Pin(13), 0, (400, 850, 800, 450), "
      "b'\\x12\\x34\\x56')\ntime.sleep_ms(1)");
  const char *r = control("devices", "ok\n");
  ck_assert_msg(strstr(r, "errors=0 leds=123456") != NULL, "%s", r);
  // Negative control: a 1 sent as a 300 ns high and a 450 ns low: the LED
  // reads a 0 whose low is too short, and flags it.
  run("bitstream(Pin(13), 0, (400, 850, 300, 450), b'\\xff\\xff\\xff')\ntime.sleep_ms(1)");
  r = control("devices", "ok\n");
  ck_assert_msg(strstr(r, "errors=0 ") == NULL && strstr(r, "leds=000000") != NULL, "%s", r);
  stop_board();
}
END_TEST

START_TEST(wire_joins_pins_only_when_wired) {
  const char *probe = "from machine import Pin\no = Pin(0, Pin.OUT, value=1)\ni = Pin(2, Pin.IN)\na = i()\n"
                      "o(0)\nprint(a, i())";
  start_board("loopback-gpio0-gpio2");
  enter_raw();
  ck_assert_str_eq(run(probe), "1 0\r\n");
  stop_board();
  // Negative control: no wire, GPIO2 stays at its pull-up whatever GPIO0
  // does.
  start_board(NULL);
  enter_raw();
  ck_assert_str_eq(run(probe), "1 1\r\n");
  stop_board();
}
END_TEST

// ---- Power-on pin state ----

// The levels of the GPIOs a program may use, as a list.
#define PIN_LEVELS "print([Pin(p)() for p in (0, 2, 4, 5, 12, 13, 14, 15, 16)])"

START_TEST(power_on_pins_are_inputs_with_the_module_pullups) {
  // As on the chip after reset: every pin an input. GPIO0 and GPIO2 read 1
  // (the module's pull-ups a flash boot needs), the rest 0 (GPIO15 pulled
  // down, the others undriven).
  start_board("loopback-gpio0-gpio2,loopback-gpio12-gpio14");
  enter_raw();
  ck_assert_str_eq(run("from machine import Pin, UART\n" PIN_LEVELS), "[1, 1, 0, 0, 0, 0, 0, 0, 0]\r\n");
  // Inputs indeed: the far end of each wire reads both levels driven on
  // the near end (an output there would hold one of them). The pull-up
  // gives way to a driver.
  ck_assert_str_eq(run("o = Pin(14, Pin.OUT, value=1)\na = Pin(12)()\no(0)\nprint(a, Pin(12)())"), "1 0\r\n");
  ck_assert_str_eq(run("o = Pin(2, Pin.OUT, value=0)\na = Pin(0)()\no(1)\nprint(a, Pin(0)())"), "0 1\r\n");
  // UART(1)'s idle high reaches the never-configured GPIO0.
  control("reset power", "ok\n");
  read_until(console_fd, "rst cause:1");
  enter_raw();
  ck_assert_str_eq(run("from machine import Pin, UART\nu = UART(1, 115200)\nprint(Pin(0)())"), "1\r\n");
  // Negative control: a partner left an output at 0 holds the net low
  // (what a test after one that drove GPIO0 sees), and the levels differ
  // from power-on's; a soft reset keeps them, a hard reset restores them.
  ck_assert_str_eq(
      run("Pin(0, Pin.OUT, value=0)\nPin(14, Pin.OUT, value=1)\nu = UART(1, 115200)\nprint(Pin(2)())"),
      "0\r\n");
  ck_assert_str_eq(run(PIN_LEVELS), "[0, 0, 0, 0, 1, 0, 1, 0, 0]\r\n");
  send_str(console_fd, "\x04");
  read_until(console_fd, "MPY: soft reboot\r\n" RAW_BANNER);
  ck_assert_str_eq(run("from machine import Pin\n" PIN_LEVELS), "[0, 0, 0, 0, 1, 0, 1, 0, 0]\r\n");
  control("reset hard", "ok\n");
  read_until(console_fd, "rst cause:2");
  enter_raw();
  ck_assert_str_eq(run("from machine import Pin\n" PIN_LEVELS), "[1, 1, 0, 0, 0, 0, 0, 0, 0]\r\n");
  stop_board();
}
END_TEST

// ---- Capture to VCD ----

// Checks a VCD file for a WS2812 stream of [bytes] on GPIO13: the header,
// one rising and one falling edge per bit, and each high as long as its
// bit's value asks (400 or 800 ns, within the 150 ns the part allows).
// Returns NULL when it matches, else what is wrong.
static const char *check_vcd(const char *path, const unsigned char *bytes, size_t nbytes) {
  static char why[256];
  FILE *f = fopen(path, "r");
  if (!f) return "no VCD file";
  char line[256];
  bool timescale = false, var = false;
  long long t = 0, rise = -1;
  size_t bit = 0;
  while (fgets(line, sizeof line, f)) {
    if (strstr(line, "$timescale 1 ns $end")) timescale = true;
    if (strstr(line, "$var wire 1 . gpio13 $end")) var = true;
    if (line[0] == '#') t = atoll(line + 1);
    if (strcmp(line, "1.\n") == 0 && t > 0) rise = t;
    if (strcmp(line, "0.\n") == 0 && rise >= 0) {
      long long high = t - rise;
      rise = -1;
      if (bit >= nbytes * 8) {
        snprintf(why, sizeof why, "more than %zu bits", nbytes * 8);
        fclose(f);
        return why;
      }
      int value = bytes[bit / 8] >> (7 - bit % 8) & 1;
      long long want = value ? 800 : 400;
      if (high < want - 150 || high > want + 150) {
        snprintf(why, sizeof why, "bit %zu (%d) high for %lld ns", bit, value, high);
        fclose(f);
        return why;
      }
      bit++;
    }
  }
  fclose(f);
  if (!timescale || !var) return "VCD header lacks the timescale or the gpio13 wire";
  if (bit != nbytes * 8) {
    snprintf(why, sizeof why, "%zu bits, not %zu", bit, nbytes * 8);
    return why;
  }
  return NULL;
}

START_TEST(capture_writes_a_vcd_of_the_bitstream) {
  char path[] = "/tmp/vboard-capture-XXXXXX";
  int tmp = mkstemp(path);
  ck_assert_int_ge(tmp, 0);
  close(tmp);
  start_board("ws2812");
  enter_raw();
  run("from machine import Pin, bitstream\np = Pin(13, Pin.OUT, value=0)");
  control("capture start 13", "ok\n");
  run("bitstream(p, 0, (400, 850, 800, 450), b'\\xa5\\x0f')");
  char cmd[128];
  snprintf(cmd, sizeof cmd, "capture stop %s", path);
  ck_assert_str_eq(control(cmd, "\n"), "ok 32\n");
  static const unsigned char sent[] = {0xa5, 0x0f};
  const char *why = check_vcd(path, sent, sizeof sent);
  ck_assert_msg(why == NULL, "%s", why);
  // Negative controls of the checker: the same capture is not the stream
  // of other bytes, and a mistimed stream is refused.
  static const unsigned char other[] = {0xa5, 0x1f};
  ck_assert_ptr_nonnull(check_vcd(path, other, sizeof other));
  control("capture start 13", "ok\n");
  run("bitstream(p, 0, (400, 850, 1100, 150), b'\\xa5\\x0f')");
  ck_assert_str_eq(control(cmd, "\n"), "ok 32\n");
  ck_assert_ptr_nonnull(check_vcd(path, sent, sizeof sent));
  ck_assert_str_eq(control("capture stop x", "\n"),
                   "error no capture running (capture start PIN[,PIN...] first)\n");
  unlink(path);
  stop_board();
}
END_TEST

// ---- machine.soft_reset ----

START_TEST(soft_reset_restarts_the_interpreter_only) {
  start_board(NULL);
  enter_raw();
  run("import machine\nmachine.RTC().memory(b'still')\nx = 5");
  send_str(console_fd, "machine.soft_reset()\x04");
  read_until(console_fd, "MPY: soft reboot\r\n" RAW_BANNER);
  ck_assert_str_eq(run("try:\n    x\nexcept NameError:\n    print('forgot x')"), "forgot x\r\n");
  // Not a chip reset: the reset cause and the RTC memory are as they were.
  ck_assert_str_eq(run("import machine\nprint(machine.reset_cause(), machine.RTC().memory())"),
                   "0 b'still'\r\n");
  stop_board();
}
END_TEST

// ---- UART(1) on GPIO2, decoded from a capture ----

typedef struct {
  long long t;
  int level;
} level_change_t;

// The changes of the VCD wire [id] (its level at #0 first).
static size_t vcd_changes(const char *path, char id, level_change_t *out, size_t max) {
  FILE *f = fopen(path, "r");
  ck_assert_ptr_nonnull(f);
  char line[256];
  long long t = 0;
  size_t n = 0;
  while (fgets(line, sizeof line, f) && n < max) {
    if (line[0] == '#') t = atoll(line + 1);
    if ((line[0] == '0' || line[0] == '1') && line[1] == id && line[2] == '\n')
      out[n++] = (level_change_t){t, line[0] - '0'};
  }
  fclose(f);
  return n;
}

static int level_at(const level_change_t *c, size_t n, long long t) {
  int level = 1;
  for (size_t i = 0; i < n && c[i].t <= t; i++)
    level = c[i].level;
  return level;
}

// Decodes 8N1 frames at [baud] from the changes; returns the byte count,
// or -1 on a framing error (a stop bit that is not high).
static int decode_uart(const level_change_t *c, size_t n, int baud, unsigned char *out, int max) {
  double bit_ns = 1e9 / baud;
  int count = 0;
  for (size_t i = 1; i < n && count < max; i++) {
    if (c[i].level != 0 || c[i - 1].level != 1) continue; // a start bit's falling edge
    double start = (double)c[i].t;
    unsigned char byte = 0;
    for (int bit = 0; bit < 8; bit++)
      byte |= (unsigned char)(level_at(c, n, (long long)(start + (bit + 1.5) * bit_ns)) << bit);
    if (!level_at(c, n, (long long)(start + 9.5 * bit_ns))) return -1;
    out[count++] = byte;
    long long stop = (long long)(start + 9.5 * bit_ns);
    while (i + 1 < n && c[i + 1].t <= stop)
      i++;
  }
  return count;
}

START_TEST(uart1_sends_8n1_frames_on_gpio2) {
  char path[] = "/tmp/vboard-uart-XXXXXX";
  int tmp = mkstemp(path);
  ck_assert_int_ge(tmp, 0);
  close(tmp);
  start_board(NULL);
  enter_raw();
  run("from machine import UART\nu = UART(1, 115200)");
  control("capture start 2", "ok\n");
  run("u.write(b'Hi!\\x00\\xff')");
  char cmd[128];
  snprintf(cmd, sizeof cmd, "capture stop %s", path);
  control(cmd, "\n");
  static level_change_t changes[512];
  size_t n = vcd_changes(path, '#', changes, 512);
  unsigned char got[16];
  int count = decode_uart(changes, n, 115200, got, (int)sizeof got);
  ck_assert_int_eq(count, 5);
  ck_assert_mem_eq(got, "Hi!\x00\xff", 5);
  // Negative control: the same line read at the wrong rate is not the text.
  count = decode_uart(changes, n, 57600, got, (int)sizeof got);
  ck_assert(count != 5 || memcmp(got, "Hi!\x00\xff", 5) != 0);
  unlink(path);
  stop_board();
}
END_TEST

// ---- PWM, exact in virtual time ----

// Checks wire [id] of the VCD at [path] for a PWM: every whole period
// (rise to rise) [period_ns] long with [high_ns] high, within 7 ns (the
// VCD's nanoseconds, and the half cycle a CPU clock change may move the
// grid by: sim_hw.c), and at least [min] of them. Returns NULL when it
// matches, else what is wrong.
static const char *check_pwm(const char *path, char id, long long period_ns, long long high_ns, int min) {
  static char why[160];
  static level_change_t c[4096];
  size_t n = vcd_changes(path, id, c, 4096);
  long long rise = -1, fall = -1;
  int periods = 0;
  for (size_t i = 1; i < n; i++) {
    if (c[i].level == c[i - 1].level) continue;
    if (c[i].level == 0) {
      fall = c[i].t;
      continue;
    }
    if (rise >= 0 && fall > rise) {
      long long period = c[i].t - rise, high = fall - rise;
      if (llabs(period - period_ns) > 7 || llabs(high - high_ns) > 7) {
        snprintf(why, sizeof why, "period %d: %lld ns with %lld ns high at %lld ns", periods, period, high,
                 rise);
        return why;
      }
      periods++;
    }
    rise = c[i].t;
  }
  if (periods < min) {
    snprintf(why, sizeof why, "%d whole periods, not %d", periods, min);
    return why;
  }
  return NULL;
}

// 1 when the VCD's timestamps only go forward.
static int vcd_in_time_order(const char *path) {
  FILE *f = fopen(path, "r");
  ck_assert_ptr_nonnull(f);
  char line[256];
  long long last = -1;
  int ok = 1;
  while (fgets(line, sizeof line, f))
    if (line[0] == '#') {
      long long t = atoll(line + 1);
      if (t <= last) ok = 0;
      last = t;
    }
  fclose(f);
  return ok;
}

START_TEST(pwm_edges_are_exact_in_virtual_time) {
  char path[] = "/tmp/vboard-pwm-XXXXXX";
  int tmp = mkstemp(path);
  ck_assert_int_ge(tmp, 0);
  close(tmp);
  char stop[128];
  snprintf(stop, sizeof stop, "capture stop %s", path);
  start_board("loopback-gpio0-gpio2");
  enter_raw();
  run("from machine import Pin, PWM\nimport machine, time\nt = Pin(4, Pin.OUT, value=0)");
  // 1 kHz at 25 % while the program sleeps, toggles GPIO4 and doubles the
  // CPU clock (the PWM timer does not follow it): every period exact, on
  // the wire's far end too, in time order with GPIO4's edges.
  control("capture start 0,2,4", "ok\n");
  run("p = PWM(Pin(0), freq=1000, duty=256)\nfor i in range(10):\n    time.sleep_ms(2)\n    t(i % 2)\n"
      "machine.freq(160000000)\ntime.sleep_ms(10)\nmachine.freq(80000000)\ntime.sleep_ms(5)\np.deinit()");
  control(stop, "\n");
  const char *why = check_pwm(path, '!', 1000000, 250000, 30);
  ck_assert_msg(why == NULL, "GPIO0: %s", why);
  why = check_pwm(path, '#', 1000000, 250000, 30);
  ck_assert_msg(why == NULL, "GPIO2: %s", why);
  ck_assert(vcd_in_time_order(path));
  // Negative controls of the checker: not a 999 us period, nor 24.9 %.
  ck_assert_ptr_nonnull(check_pwm(path, '!', 999000, 250000, 30));
  ck_assert_ptr_nonnull(check_pwm(path, '!', 1000000, 249000, 30));
  // A new duty keeps the periods' grid: every rise on the 1 ms grid of the
  // first (but one, if the change itself starts a high), then 500 us
  // highs. The board's time_pulse_us reads the new high too (rounded down).
  control("capture start 0", "ok\n");
  ck_assert_str_eq(
      run("p = PWM(Pin(0), freq=1000, duty=256)\ntime.sleep_ms(8)\np.duty(512)\n"
          "h = machine.time_pulse_us(Pin(2), 0, 100000)\nh = machine.time_pulse_us(Pin(2), 1, 100000)\n"
          "time.sleep_ms(8)\np.deinit()\nprint(h)"),
      "499\r\n");
  control(stop, "\n");
  static level_change_t c[4096];
  size_t n = vcd_changes(path, '!', c, 4096);
  long long first = -1, rise = -1;
  int off_grid = 0, rises = 0, half = 0;
  for (size_t i = 1; i < n; i++) {
    if (c[i].level && !c[i - 1].level) {
      if (first < 0) first = c[i].t;
      off_grid += (c[i].t - first) % 1000000 > 2 && (c[i].t - first) % 1000000 < 999998;
      rises++;
      rise = c[i].t;
    } else if (!c[i].level && c[i - 1].level && rise >= 0) {
      half += llabs(c[i].t - rise - 500000) <= 2;
    }
  }
  ck_assert_msg(rises >= 15 && off_grid <= 1 && half >= 6,
                "%d rises, %d off the 1 ms grid, %d highs of 500 us", rises, off_grid, half);
  // A slow crystal (+25 %) slows the waveform in real time: 1.25 ms
  // periods, which the 1 ms check refuses.
  control("slow-clock 250000", "ok\n");
  control("capture start 0", "ok\n");
  run("p = PWM(Pin(0), freq=1000, duty=256)\ntime.sleep_ms(30)\np.deinit()");
  control(stop, "\n");
  ck_assert_ptr_nonnull(check_pwm(path, '!', 1000000, 250000, 20));
  why = check_pwm(path, '!', 1250000, 312500, 20);
  ck_assert_msg(why == NULL, "slow clock: %s", why);
  unlink(path);
  stop_board();
}
END_TEST

// ---- esp.check_fw and port_diag over an image in flash ----

#define FLASH_SIZE (4 * 1024 * 1024)
#define IROM_LEN 300

// Writes a flash file holding a MicroPython-layout image (PROTOCOLS.md
// 4.2): a v1 header at 0 (QIO, 4 MB, 40 MHz), the size word at 0x8FFC,
// IROM_LEN bytes at 0x9000, then the MD5 of [4, size).
static void write_flash_image(const char *path, unsigned char *digest_hex_out) {
  static unsigned char flash[FLASH_SIZE];
  memset(flash, 0xff, sizeof flash);
  static const unsigned char head[8] = {0xe9, 1, 0x00, 0x40, 0x00, 0x10, 0x10, 0x40};
  memcpy(flash, head, sizeof head);
  uint32_t size = 0x9000 + IROM_LEN;
  for (int i = 0; i < 4; i++)
    flash[0x8ffc + i] = (unsigned char)(size >> (8 * i));
  for (int i = 0; i < IROM_LEN; i++)
    flash[0x9000 + i] = (unsigned char)(i * 7 + 3);
  port_md5_t m;
  port_md5_init(&m);
  port_md5_update(&m, flash + 4, size - 4);
  port_md5_final(&m, flash + size);
  for (int i = 0; i < 16; i++)
    sprintf((char *)digest_hex_out + 2 * i, "%02x", flash[size + i]);
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fwrite(flash, 1, sizeof flash, f), sizeof flash);
  fclose(f);
}

START_TEST(check_fw_verifies_the_image_in_flash) {
  char path[] = "/tmp/vboard-flash-XXXXXX";
  int tmp = mkstemp(path);
  ck_assert_int_ge(tmp, 0);
  close(tmp);
  unsigned char hex[33] = {0};
  write_flash_image(path, hex);
  start_board_with(NULL, path);
  enter_raw();
  char want[128];
  snprintf(want, sizeof want, "size: %d\r\nmd5: %s\r\nTrue\r\n", 0x9000 + IROM_LEN, hex);
  ck_assert_str_eq(run("import esp\nprint(esp.check_fw())"), want);
  const char *diag = run("import port_diag");
  ck_assert_msg(strstr(diag, "FlashROM:\r\nFlash ID: ") == diag, "%s", diag);
  ck_assert_ptr_nonnull(strstr(diag, "Byte @2: 00\r\nByte @3: 40 (Flash size: 4MB Flash freq: 40MHZ)\r\n"));
  ck_assert_ptr_nonnull(strstr(diag, "Firmware checksum:\r\nsize: "));
  ck_assert_ptr_nonnull(strstr(diag, "True\r\n\r\nNetworking:\r\nSTA ifconfig: ("));
  // Negative control: one byte of the image changed (bits cleared, as a
  // NOR write does) and the checksum no longer matches.
  ck_assert_ptr_nonnull(
      strstr(run("esp.flash_write(0x9010, b'\\x00\\x00\\x00\\x00')\nprint(esp.check_fw())"), "False\r\n"));
  // An erased header area: no size at all.
  ck_assert_str_eq(run("esp.flash_erase(8)\nprint(esp.check_fw())"),
                   "size: 4294967295\r\nInvalid size\r\nFalse\r\n");
  unlink(path);
  stop_board();
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("vboard_faults");
  TCase *tc = tcase_create("faults");
  tcase_set_timeout(tc, 30);
  tcase_add_test(tc, firmware_wdt_resets_with_cause_wdt);
  tcase_add_test(tc, fed_wdt_does_not_fire);
  tcase_add_test(tc, soft_reset_stops_the_wdt);
  tcase_add_test(tc, control_wdt_resets_with_cause_wdt);
  tcase_add_test(tc, reset_mid_test_comes_back_with_hard_reset);
  tcase_add_test(tc, slow_clock_stretches_time_and_recovers);
  tcase_add_test(tc, missing_eeprom_gives_enodev_and_scan_empty);
  tcase_add_test(tc, missing_thermometers_give_no_presence);
  tcase_add_test(tc, eeprom_rejects_a_bus_too_fast);
  tcase_add_test(tc, ds18b20_rejects_a_short_reset);
  tcase_add_test(tc, ws2812_flags_a_mistimed_bit);
  tcase_add_test(tc, wire_joins_pins_only_when_wired);
  tcase_add_test(tc, power_on_pins_are_inputs_with_the_module_pullups);
  tcase_add_test(tc, pwm_edges_are_exact_in_virtual_time);
  tcase_add_test(tc, capture_writes_a_vcd_of_the_bitstream);
  tcase_add_test(tc, soft_reset_restarts_the_interpreter_only);
  tcase_add_test(tc, uart1_sends_8n1_frames_on_gpio2);
  tcase_add_test(tc, check_fw_verifies_the_image_in_flash);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  SRunner *r = srunner_create(suite());
  srunner_run_all(r, CK_NORMAL);
  int failed = srunner_ntests_failed(r);
  srunner_free(r);
  return failed ? 1 : 0;
}
