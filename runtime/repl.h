// SPDX-License-Identifier: MIT
// repl.h: the REPL state machines (friendly, paste, raw, raw-paste) of
// PROTOCOLS.md section 1. The entry point is rt_repl in runtime.h.
#ifndef RT_REPL_H
#define RT_REPL_H

#include <stdbool.h>
#include <stddef.h>

// True if friendly-REPL input [s] ([n] bytes, lines joined by "\n")
// needs another line: an open bracket or triple quote, a trailing
// backslash, or a compound statement whose last line is not empty.
bool rt_repl_continue(const char *s, size_t n);

#endif
