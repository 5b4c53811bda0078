// SPDX-License-Identifier: MIT
// tool_hal.c: the HAL of host tools that use the runtime as a library
// (pyfreeze): no console input, output to stderr, a clock that stands still.
#include <stdio.h>
#include <stdlib.h>

#include "hal.h"

int hal_console_read(void) {
  return -1;
}
int hal_console_pending(void) {
  return 0;
}
void hal_console_write(const char *buf, size_t len) {
  fwrite(buf, 1, len, stderr);
}
void hal_poll(void) {}
void hal_set_interrupt_char(int c) {
  (void)c;
}
uint32_t hal_ticks_ms(void) {
  return 0;
}
uint64_t hal_ticks_us(void) {
  return 0;
}
void hal_delay_us(uint32_t us) {
  (void)us;
}
const char *hal_board_name(void) {
  return "host tool";
}
void hal_reset(void) {
  fprintf(stderr, "tool: hal_reset\n");
  exit(1);
}
void hal_fatal(const char *msg) {
  fprintf(stderr, "tool: fatal: %s\n", msg);
  exit(1);
}
