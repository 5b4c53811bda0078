// SPDX-License-Identifier: MIT
// loopback.h: the loopback check group: tests in conformance/loopback make
// the board drive a bus while the rig captures its pins, then the rig
// analyses the capture and records measured figures in the report.
//
//   loopback_t *lb = loopback_new();
//   loopback_set_wiring(lb, names, n, "fixtures/wiring", err, sizeof err);
//   loopback_use_vboard(lb, t);                  // or loopback_use_command
//   runner_hook_t hook;
//   loopback_hook(lb, run, &hook);
//   runner_set_hook(run, &hook);                 // then runner_run...
//   loopback_free(lb);
//
// A loopback test names its check in its header, "# loopback: CHECK"
// (ws2812, i2c, onewire, gpio, pwm, uart), and needs one device of the
// check's type in the board's wiring maps (ws2812; eeprom24c32; ds18b20;
// wire for gpio, pwm and uart): without it, or without a way to capture,
// the test is skipped with the reason. The rig sends one line ahead of the
// test, "FIXTURE = {...}; FIXTURES = [...]" (the first device of that type
// and all of them, as in the wiring map), so the test reads its pins from
// there. Around the test it captures the device's pins; lines the test
// prints starting with '@' are records for the rig (what was written, the
// frequency asked for, what the board's own scan found), taken out of
// stdout before the comparison with the .exp:
//
//   @ws2812 LABEL RRGGBB RRGGBB ...    one per frame written, in order
//   @i2c freq=HZ scan=80,81            the bus frequency asked for; the board's scan
//   @onewire roms=28...,28...          the ROMs the board's search found (hex)
//   @gpio pin=P edges=N burst=B irq=K  edges driven on P; a burst of B edges gave K interrupts
//   @pwm pin=P freq=HZ duty_pct=D      what was asked for
//   @uart pin=P baud=B hex=48656c6c6f  the bytes sent
//
// A check that finds a problem makes a passing test fail, with the first
// problem as the reason; the result's "loopback" object holds the figures,
// problems, notes, the capture file and the pictures (svg.h), all written
// into the run directory.
#ifndef RIG_LOOPBACK_H
#define RIG_LOOPBACK_H

#include "capture.h"
#include "runner.h"
#include "transport.h"

typedef struct loopback loopback_t;

loopback_t *loopback_new(void);
void loopback_free(loopback_t *lb);

// Loads the board's wiring maps (wiring.h). RIG_OK or an error with [err].
rig_status_t loopback_set_wiring(loopback_t *lb, const char *const *names, int n, const char *dir, char *err,
                                 size_t errlen);
// Captures through vboard's control socket ("capture start PINS",
// "capture stop FILE") of [t] (not owned).
void loopback_use_vboard(loopback_t *lb, transport_t *t);
// Captures by running [command] (a farm board's "capture"): {out} becomes
// the file to write (VCD or sigrok CSV), {pins} the pins as "4,5". It is
// started before the test; after it, it has 1 s to end by itself, then it
// is interrupted (SIGINT, as sigrok-cli --continuous expects) and waited
// for (10 s) before the file is read.
void loopback_use_command(loopback_t *lb, const char *command);
// 1 when captures can be taken (a board with this declares "loopback").
int loopback_ready(const loopback_t *lb);
// The board's name, used in file names ("board" by default).
void loopback_set_board(loopback_t *lb, const char *name);

// Where captures and pictures go when there is no runner (tests); with
// one, its report's directory.
void loopback_set_output_dir(loopback_t *lb, const char *dir);

// The hook for [run] (its report's directory receives the files).
void loopback_hook(loopback_t *lb, runner_t *run, runner_hook_t *hook);

// Analyses [cap] for [check] with the test's '@' records [records] (one
// per line, NULL: none) against the wiring. Files (pictures) are written
// as [dir]/[stem]-*.svg when [dir] is not NULL. Returns the "loopback"
// object as JSON text (malloc'd; the caller frees it), *ok, and the first
// problem in [problem]. NULL when out of memory.
char *loopback_analyse(loopback_t *lb, const char *check, const capture_t *cap, const char *records,
                       const char *dir, const char *stem, int *ok, char *problem, size_t problemlen);

// The wiring device type a check needs ("ws2812", "eeprom24c32",
// "ds18b20", "wire"), NULL for an unknown check.
const char *loopback_device_type(const char *check);

#endif
