// SPDX-License-Identifier: MIT
// exec.h: compile-and-run of a whole input, catching every exception at
// this edge. Used by rt_exec_source and the REPLs.
#ifndef RT_EXEC_H
#define RT_EXEC_H

#include "compile.h"
#include "runtime.h"

// Compiles what [reader] yields and runs it in __main__'s namespace with
// the interrupt character enabled. Returns the uncaught exception or
// RT_NULL. Never raises.
rt_val_t rt_exec_run(rt_reader_t reader, rt_val_t filename, rt_compile_mode_t mode);
// Turns an exception returned by rt_exec_run into a status: prints its
// traceback to the console unless it is SystemExit (whose code goes to
// *exit_code when not NULL). RT_NULL gives RT_EXEC_OK. Never raises.
rt_exec_status_t rt_exec_report(rt_val_t exc, int *exit_code);

#endif
