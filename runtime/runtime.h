// SPDX-License-Identifier: MIT
// runtime.h: the embedding API a port calls. No function here lets a Python
// exception escape: errors come back as status codes and their text has
// already been printed to the console in CPython's traceback format.
#ifndef RT_RUNTIME_H
#define RT_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

// Firmware identity, reported by the banner, sys.implementation and
// os.uname(). The version is set by the build.
#define RT_FIRMWARE_NAME "Pyrite"

// (Re)initialises the interpreter over [heap], a region of [heap_size]
// bytes the port owns (aligned to 8). Everything the interpreter allocates
// lives there; all earlier state is forgotten (a soft reset calls it again).
void rt_init(void *heap, size_t heap_size);

// Outcome of running code.
typedef enum {
  RT_EXEC_OK = 0,         // ran to the end
  RT_EXEC_EXCEPTION = 1,  // an uncaught exception (its traceback was printed)
  RT_EXEC_SYSTEM_EXIT = 2 // SystemExit was raised (nothing printed)
} rt_exec_status_t;

// Compiles [len] bytes of [src] as a module named "__main__" from file
// [filename] and runs it. When SystemExit is raised, *exit_code (if not
// NULL) receives its code as sys.exit would give it to a process.
rt_exec_status_t rt_exec_source(const char *src, size_t len, const char *filename, int *exit_code);

// Why the REPL returned to the port.
typedef enum {
  RT_REPL_SOFT_RESET = 0, // Ctrl-D: the port prints nothing, re-inits, calls rt_repl again
  RT_REPL_EOF = 1         // the console is gone (hal_console_read returned -1)
} rt_repl_result_t;

// Which REPL is active. Kept by the port across soft resets, so that a soft
// reset from the raw REPL comes back in the raw REPL, as on MicroPython.
typedef enum { RT_REPL_FRIENDLY = 0, RT_REPL_RAW = 1 } rt_repl_mode_t;

// Runs the REPL in *[mode] until a soft reset is asked for or input ends.
// Prints the banner and prompt itself on entry to the friendly REPL, and
// "raw REPL; CTRL-B to exit\r\n>" on entry to the raw REPL. Updates *mode.
rt_repl_result_t rt_repl(rt_repl_mode_t *mode);

// Called by the port's console code (or an interrupt handler) when the
// interrupt character arrives while code runs: the VM raises
// KeyboardInterrupt at its next check. Safe to call at any time.
void rt_keyboard_interrupt(void);

// A builtin module the port adds (machine, esp, network, ...): [init]
// receives the module's namespace (an rt_dict_t *, see obj_dict.h) holding
// __name__, and fills it, e.g. with rt_builtin_new() functions (obj_func.h).
typedef struct {
  const char *name;
  void (*init)(void *namespace_dict);
} rt_port_module_t;

// Registers the port's modules: [table] (static, terminated by a NULL
// name) is searched by import after the runtime's own modules. Call once
// before rt_init; it survives soft resets.
void rt_register_modules(const rt_port_module_t *table);

// Writes the banner line "Pyrite vX.Y.Z on DATE; BOARD\r\n" and the help
// hint line, as the friendly REPL does on entry.
void rt_print_banner(void);

#endif
