// SPDX-License-Identifier: MIT
// sim_control.h: fault injection for the virtual board, through a control
// socket (line commands) and --fault flags at start-up.
//
// Commands, one per line, each answered "ok" or "error <why>":
//   reset [power|hard|wdt|soft]  reset the board with that cause (default hard)
//   hang                         freeze the firmware: no output, no reaction
//                                to input or Ctrl-C, until a reset
//   mute                         the board runs but its output is lost
//   drop RATE                    drop console bytes (both ways) at RATE 0..1
//   clear                        all faults off (a hang needs a reset)
//   status                       one line: the faults in force
//   boot download|flash          reset (external, rst cause 2) with GPIO0 held
//                                low (ROM UART download) or high (flash boot)
//   brownout [now]               the next flash write is cut short by a
//                                brown-out (power-on reset); "now": at once
//   wdt                          the hardware watchdog fires: reset with
//                                cause WDT (rst cause 4 on the ROM line)
//   slow-clock PPM               every CPU cycle lasts PPM parts per million
//                                longer (negative: shorter) than the firmware
//                                believes: all its timing is off by that much
//   device-missing NAME          unplugs the devices of fixture NAME, or all
//                                devices of type NAME; answered "ok COUNT"
//   devices                      the wired devices' state, a line each
//                                (sim_wiring_report), then "ok"
//   capture start PIN[,PIN...]   starts recording those pins' edges
//   capture stop PATH            writes them to PATH as VCD (sim_capture.h);
//                                answered "ok EDGES"
#ifndef SIM_CONTROL_H
#define SIM_CONTROL_H

#include <stdbool.h>
#include <stdint.h>

// Listens for control clients on 127.0.0.1:[port] (0: a free one).
// Returns the port bound, or -1 with errno set.
int sim_control_listen(uint16_t port);

// Applies one --fault SPEC: hang-after=N, reset-after=N (console bytes
// received), drop=RATE, mute, slow-clock=PPM, device-missing=NAME. Returns
// false for a malformed SPEC. Needs sim_hw_init first.
bool sim_control_fault(const char *spec);

// Applies the --fault specs that need the wiring attached (device-missing).
void sim_control_apply_start_faults(void);

// The file descriptors the console's wait loop must watch (up to 2);
// returns how many were stored in [fds].
int sim_control_fds(int *fds);

// Serves whatever is ready on the control descriptors. May reset the board
// (never returning) or freeze it (returning only through a reset).
void sim_control_service(void);

// Filters one console byte. Returns false when the byte is lost (dropped
// or muted). [incoming]: received (counts toward hang-after/reset-after,
// which act here) or sent.
bool sim_control_pass_byte(bool incoming);

#endif
