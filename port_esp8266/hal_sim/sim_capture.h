// SPDX-License-Identifier: MIT
// sim_capture.h: a logic analyser on the virtual board's pins, for the
// rig's loopback checks (control socket: capture start / capture stop).
//
// Started on a set of pins, it records every edge of those pins' nets with
// its real time (sim_clock_now_ns: what a probe on the pin would see, so a
// slow-clock fault shows). Stopped, it writes a standard VCD file:
//
//   $timescale 1 ns $end, one scope "vboard", one 1-bit wire per pin named
//   gpioN (identifier characters from '!'), then "#0" with the level of
//   every pin at the start, then "#T" blocks with T in ns since the start,
//   and a last "#T" for the moment the capture stopped.
//
// A capture holds at most SIM_CAPTURE_MAX_EDGES edges; later ones are
// counted but not kept (the stop reply says so).
#ifndef SIM_CAPTURE_H
#define SIM_CAPTURE_H

#include <stddef.h>
#include <stdint.h>

#define SIM_CAPTURE_MAX_EDGES 1000000

// Starts capturing the pins in [list] ("4,5"; 0..16). A running capture is
// dropped first. Returns 0, or -1 with a message in [err].
int sim_capture_start(const char *list, char *err, size_t err_size);

// Stops the capture and writes it as VCD to [path]. Returns the edges
// written, or -1 with a message in [err] (no capture running, file error).
long sim_capture_stop(const char *path, char *err, size_t err_size);

#endif
