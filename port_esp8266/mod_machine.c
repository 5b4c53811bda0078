// SPDX-License-Identifier: MIT
// mod_machine.c: the machine module's functions and constants; its
// classes live in mod_machine_*.c.
#include "mod_machine.h"
#include "board_hal.h"
#include "drv_bitstream.h"
#include "drv_timing.h"
#include "hal.h"
#include "obj_bytes.h"
#include "obj_exc.h"
#include "obj_int.h"
#include "obj_list.h"
#include "port_pwm.h"
#include "port_sched.h"
#include "raise.h"

static rt_val_t m_reset(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  board_reset(BOARD_RESET_SOFT);
}

// soft_reset(): as MicroPython does, a SystemExit that the REPL turns
// into a soft reset (the interpreter restarts; the chip does not).
static rt_val_t m_soft_reset(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  rt_raise(rt_exc_new(&rt_exc_SystemExit, 0, NULL));
}

static rt_val_t m_reset_cause(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  return rt_small(board_reset_cause());
}

// freq() -> Hz; freq(hz) with 80 or 160 MHz.
static rt_val_t m_freq(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  if (n == 0) return rt_int_from((intptr_t)board_cpu_hz());
  intptr_t hz = rt_obj_get_int(args[0]);
  if (hz < 0 || board_cpu_set_hz((uint32_t)hz) < 0)
    rt_raise_msg(&rt_exc_ValueError, "frequency can only be either 80Mhz or 160MHz");
  return RT_NONE;
}

// The chip ID as the SDK gives it (the MAC's last three bytes), 4 bytes
// little-endian.
static rt_val_t m_unique_id(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  uint8_t mac[6];
  board_mac(mac);
  char id[4] = {(char)mac[5], (char)mac[4], (char)mac[3], 0};
  return rt_bytes_new(id, sizeof id);
}

static rt_val_t m_idle(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  hal_delay_us(1000); // until the next tick interrupt, about
  hal_poll();
  port_sched_poll();
  return RT_NONE;
}

static rt_val_t m_lightsleep(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  intptr_t ms = n ? rt_obj_get_int(args[0]) : 0;
  if (ms > 0) hal_delay_us((uint32_t)ms * 1000u);
  port_sched_poll();
  return RT_NONE;
}

static rt_val_t m_deepsleep(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  intptr_t ms = n ? rt_obj_get_int(args[0]) : 0;
  board_deepsleep(ms > 0 ? (uint64_t)ms * 1000u : 0);
}

static rt_val_t m_disable_irq(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  uint32_t hw = board_irq_disable();
  uint32_t sw = port_sched_disable();
  return rt_small((intptr_t)((sw << 1) | (hw & 1)));
}

static rt_val_t m_enable_irq(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  uint32_t state = (uint32_t)rt_obj_get_int(args[0]);
  port_sched_enable(state >> 1);
  board_irq_restore(state & 1);
  return RT_NONE;
}

// time_pulse_us(pin, level, timeout_us=1000000): waits for [pin] to be at
// [level] (-2 if it is not within the timeout), then times how long it
// stays there (-1 if longer than the timeout).
static rt_val_t m_time_pulse_us(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  int pin = port_pin_id(args[0]);
  int level = rt_obj_truthy(args[1]);
  intptr_t timeout = n > 2 ? rt_obj_get_int(args[2]) : 1000000;
  if (timeout < 0) rt_raise_msg(&rt_exc_ValueError, "timeout must be non-negative");
  uint32_t per_us = board_cpu_hz() / 1000000u;
  uint32_t limit = (uint32_t)timeout * per_us;
  // The PWM engine runs meanwhile, as the chip's PWM interrupt would.
  uint32_t start = board_cycles();
  while (port_pwm_service(), board_pin_read(pin) != level)
    if (board_cycles() - start >= limit) return rt_small(-2);
  start = board_cycles();
  while (port_pwm_service(), board_pin_read(pin) == level)
    if (board_cycles() - start >= limit) return rt_small(-1);
  return rt_small((intptr_t)((board_cycles() - start) / per_us));
}

// bitstream(pin, encoding, timing, buf): encoding 0 is high/low pairs in
// ns (high0, low0, high1, low1), as neopixel uses.
static rt_val_t m_bitstream(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  int pin = port_pin_id(args[0]);
  if (rt_obj_get_int(args[1]) != 0) rt_raise_msg(&rt_exc_ValueError, "invalid encoding");
  rt_val_t *items;
  if (rt_obj_get_items(args[2], &items) != 4) rt_raise_msg(&rt_exc_ValueError, "timing must have 4 items");
  uint32_t ns[4];
  for (int i = 0; i < 4; i++) {
    intptr_t v = rt_obj_get_int(items[i]);
    if (v < 0 || v > 1000000) rt_raise_msg(&rt_exc_ValueError, "invalid timing");
    ns[i] = (uint32_t)v;
  }
  size_t len;
  const uint8_t *buf = port_buffer(args[3], &len);
  drv_bitstream_ns(pin, ns, buf, len);
  return RT_NONE;
}

static const port_def_t machine_defs[] = {
    PORT_FN("reset", m_reset, 0, 0),
    PORT_FN("soft_reset", m_soft_reset, 0, 0),
    PORT_FN("reset_cause", m_reset_cause, 0, 0),
    PORT_FN("freq", m_freq, 0, 1),
    PORT_FN("unique_id", m_unique_id, 0, 0),
    PORT_FN("idle", m_idle, 0, 0),
    PORT_FN("lightsleep", m_lightsleep, 0, 1),
    PORT_FN("sleep", m_lightsleep, 0, 1),
    PORT_FN("deepsleep", m_deepsleep, 0, 1),
    PORT_FN("disable_irq", m_disable_irq, 0, 0),
    PORT_FN("enable_irq", m_enable_irq, 1, 1),
    PORT_FN("time_pulse_us", m_time_pulse_us, 2, 3),
    PORT_FN("bitstream", m_bitstream, 4, 4),
    PORT_CONST("PWRON_RESET", BOARD_RESET_POWER_ON),
    PORT_CONST("WDT_RESET", BOARD_RESET_WDT),
    PORT_CONST("SOFT_RESET", BOARD_RESET_SOFT),
    PORT_CONST("DEEPSLEEP_RESET", BOARD_RESET_DEEPSLEEP),
    PORT_CONST("HARD_RESET", BOARD_RESET_HARD),
    PORT_CONST("DEEPSLEEP", 4),
};

void port_machine_init(void *ns) {
  port_module_fill(ns, machine_defs, sizeof machine_defs / sizeof machine_defs[0]);
  // The scheduler's callables, kept alive by this namespace.
  rt_val_t keep = rt_list_new(2 * BOARD_PIN_COUNT + 2 * PORT_SCHED_TIMERS);
  port_ns_set(ns, "_callbacks", keep);
  port_sched_attach(keep);
  port_ns_set(ns, "Pin", port_pin_class());
  rt_val_t i2c = port_i2c_class();
  port_ns_set(ns, "SoftI2C", i2c);
  port_ns_set(ns, "I2C", i2c);
  port_devices_setup(ns);
  port_pwm_class_setup(ns);
  port_spi_setup(ns);
  port_uart_setup(ns);
}
