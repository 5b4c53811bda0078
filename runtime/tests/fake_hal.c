// SPDX-License-Identifier: MIT
// fake_hal.c: the scripted HAL (host memory; the runtime never sees it).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_hal.h"
#include "hal.h"
#include "runtime.h"

static char *in_buf;
static size_t in_len, in_pos;
static char *out_buf;
static size_t out_len, out_cap;
static int intr_char = -1;
static int intr_after;
static long polls;
static uint64_t fake_us;

void fake_hal_set_input(const char *data, size_t len) {
  free(in_buf);
  in_buf = malloc(len ? len : 1);
  memcpy(in_buf, data, len);
  in_len = len;
  in_pos = 0;
}

const char *fake_hal_output(size_t *len) {
  if (len) *len = out_len;
  return out_buf ? out_buf : "";
}

void fake_hal_clear_output(void) {
  out_len = 0;
  if (out_buf) out_buf[0] = 0;
}

void fake_hal_interrupt_after(int n) {
  intr_after = n;
}
int fake_hal_interrupt_char(void) {
  return intr_char;
}
long fake_hal_polls(void) {
  return polls;
}

int hal_console_read(void) {
  if (in_pos >= in_len) return -1;
  return (unsigned char)in_buf[in_pos++];
}

int hal_console_pending(void) {
  return in_pos < in_len ? (int)(in_len - in_pos) : 0;
}

void hal_console_write(const char *buf, size_t len) {
  if (out_len + len + 1 > out_cap) {
    out_cap = (out_len + len + 1) * 2;
    out_buf = realloc(out_buf, out_cap);
  }
  memcpy(out_buf + out_len, buf, len);
  out_len += len;
  out_buf[out_len] = 0;
}

void hal_poll(void) {
  polls++;
  if (intr_after > 0 && --intr_after == 0 && intr_char == 3) rt_keyboard_interrupt();
}

void hal_set_interrupt_char(int c) {
  intr_char = c;
}
uint32_t hal_ticks_ms(void) {
  return (uint32_t)(fake_us / 1000);
}
uint64_t hal_ticks_us(void) {
  return fake_us;
}
void hal_delay_us(uint32_t us) {
  fake_us += us;
  hal_poll();
}
const char *hal_board_name(void) {
  return "ESP module (fake) with ESP8266";
}

void hal_reset(void) {
  fprintf(stderr, "fake_hal: hal_reset\n");
  abort();
}

void hal_fatal(const char *msg) {
  fprintf(stderr, "fake_hal: fatal: %s\n", msg);
  abort();
}
