// SPDX-License-Identifier: MIT
// port_main.c: the firmware's life after reset, shared by every back-end:
// interpreter set-up, the REPL, and soft resets.
#include "board_hal.h"
#include "port.h"
#include "runtime.h"

#include <string.h>

static void say(const char *text) {
  board_console_tx(text, strlen(text));
}

void port_boot(void *heap, size_t heap_size) {
  rt_repl_mode_t mode = RT_REPL_FRIENDLY;
  rt_init(heap, heap_size);
  say("\r\n");
  for (;;) {
    if (rt_repl(&mode) == RT_REPL_EOF) return;
    // The text mpremote and pyboard.py wait for (they match the suffix).
    say("MPY: soft reboot\r\n");
    rt_init(heap, heap_size);
  }
}

int port_run_source(void *heap, size_t heap_size, const char *src, size_t len, const char *filename) {
  rt_init(heap, heap_size);
  int code = 0;
  switch (rt_exec_source(src, len, filename, &code)) {
  case RT_EXEC_OK: return 0;
  case RT_EXEC_EXCEPTION: return 1;
  case RT_EXEC_SYSTEM_EXIT: return code;
  }
  return 1;
}
