// SPDX-License-Identifier: MIT
// port_main.c: the firmware's life after reset, shared by every back-end:
// interpreter set-up, the REPL, and soft resets.
#include "board_hal.h"
#include "hal.h"
#include "mod_net.h"
#include "port.h"
#include "port_fs.h"
#include "port_modules.h"
#include "runtime.h"

#include <string.h>

// Through hal.h's console, so that a WebREPL client hears it too.
static void say(const char *text) {
  hal_console_write(text, strlen(text));
}

void port_boot(void *heap, size_t heap_size) {
  rt_repl_mode_t mode = RT_REPL_FRIENDLY;
  port_modules_register();
  port_modules_reset();
  port_net_boot(); // the station reconnects with its saved settings, as the SDK does
  port_fs_init();
  rt_init(heap, heap_size);
  say("\r\n");
  port_fs_mount(true);
  port_fs_run_scripts(mode == RT_REPL_FRIENDLY);
  for (;;) {
    if (rt_repl(&mode) == RT_REPL_EOF) return;
    port_fs_before_soft_reset();
    // The text mpremote and pyboard.py wait for (they match the suffix).
    say("MPY: soft reboot\r\n");
    port_modules_reset();
    rt_init(heap, heap_size);
    port_fs_mount(false);
    port_fs_run_scripts(mode == RT_REPL_FRIENDLY);
  }
}

int port_run_source(void *heap, size_t heap_size, const char *src, size_t len, const char *filename) {
  port_modules_register();
  port_modules_reset();
  port_fs_init();
  rt_init(heap, heap_size);
  port_fs_mount(false);
  int code = 0;
  switch (rt_exec_source(src, len, filename, &code)) {
  case RT_EXEC_OK: return 0;
  case RT_EXEC_EXCEPTION: return 1;
  case RT_EXEC_SYSTEM_EXIT: return code;
  }
  return 1;
}
