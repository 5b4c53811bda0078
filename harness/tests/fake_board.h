// SPDX-License-Identifier: MIT
// fake_board.h: a scripted MicroPython-like board for the rig's unit tests.
//
// It runs in a forked process on one end of a socketpair and speaks the
// friendly REPL, the raw REPL and raw-paste as PROTOCOLS.md section 1
// describes, with misbehaviours switched on by fake_opts_t. It does not
// run Python: "executing" code means answering from markers in it:
//   print('X') / print("X")   one line "X" on stdout per such line
//   raise ValueError('M')     a traceback ending "ValueError: M" on stderr
//   #hang                     no end until Ctrl-C, then KeyboardInterrupt
//   #disconnect               closes the connection mid-run
//   #reboot                   prints the ROM reset line (WDT) and the friendly banner
//   #fatal                    a Fatal exception 28 dump, the ROM line (cause 2), boot spew
//   #memoryerror              raises MemoryError before printing anything
//   s='...' print(len(s),s[::50])  the rig's link check, answered correctly
//   #abrupt                   raw-paste: stops the upload early (compile error)
//   #stats                    prints "paste=N violations=N granted=N"
//   sys.implementation        the identity probe: four fixed lines
#ifndef RIG_FAKE_BOARD_H
#define RIG_FAKE_BOARD_H

#include <sys/types.h>

typedef struct {
  int drop_first_ctrl_c; // ignore the first Ctrl-C received
  int slow_banner;       // send the raw REPL banner in pieces, 150 ms apart
  int garbage;           // boot spew and binary garbage before banners
  int paste;             // 1 raw-paste, 0 answer R\x00, -1 no raw-paste at all
  int window;            // raw-paste window increment (default 128)
  int silent;            // read everything, answer nothing
} fake_opts_t;

// Starts the fake board; *host_fd is the rig's end of the socketpair.
pid_t fake_board_start(const fake_opts_t *opts, int *host_fd);

// Serves on [rfd]/[wfd] in this process until the other side closes
// (then exits the process).
void fake_board_serve(const fake_opts_t *opts, int rfd, int wfd);

// Kills and reaps it.
void fake_board_stop(pid_t pid);

#endif
