// SPDX-License-Identifier: MIT
// port.h: the board layer's entry points, shared by every back-end.
#ifndef PORT_H
#define PORT_H

#include <stddef.h>

// Default GC heap: 38 KB, the size MicroPython gives its heap on the chip,
// so that out-of-memory behaviour on every back-end matches the real board.
#define PORT_HEAP_DEFAULT (38 * 1024)

// Boots the firmware after a reset: prints the banner and runs the REPL,
// soft-resetting on request, until the console input ends for good.
// [heap] is the GC region of [heap_size] bytes. Returns only at input end.
void port_boot(void *heap, size_t heap_size);

// Runs [len] bytes of Python source once, as `vboard run FILE` does, with
// a fresh interpreter over [heap]. Returns a process exit status: 0 for a
// clean end, 1 for an uncaught exception, or SystemExit's code.
int port_run_source(void *heap, size_t heap_size, const char *src, size_t len, const char *filename);

#endif
