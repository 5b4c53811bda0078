// SPDX-License-Identifier: MIT
// port_sched.c: scheduled Python callbacks (see port_sched.h).
#include "port_sched.h"
#include "board_hal.h"
#include "port_pwm.h"
#include "exec.h"
#include "obj_list.h"
#include "raise.h"

#include <string.h>

// Layout of the keep-alive list: handler and argument per pin, then
// callback and argument per timer.
#define PIN_SLOT(pin) (2 * (pin))
#define TIMER_SLOT(t) (2 * BOARD_PIN_COUNT + 2 * (t))
#define KEEP_LEN (2 * BOARD_PIN_COUNT + 2 * PORT_SCHED_TIMERS)

// Missed periods of a periodic timer one poll may still run.
#define TIMER_CATCH_UP 4

static struct {
  rt_val_t keep; // RT_NULL until machine is imported after a reset
  uint32_t armed;
  bool running; // a callback is running: no nesting
  int disabled; // disable_irq depth
  struct {
    bool active, periodic;
    uint32_t period_us;
    uint64_t due_us;
  } timers[PORT_SCHED_TIMERS];
  bool wdt_on;
  uint32_t wdt_ms;
  uint64_t wdt_fed_us;
} sched;

void port_sched_reset(void) {
  for (int pin = 0; pin < BOARD_PIN_COUNT; pin++)
    if (sched.armed & (1u << pin)) board_pin_irq(pin, 0);
  board_pin_irq_take();
  port_pwm_reset();
  // The watchdog goes too: the SDK's idle loop feeds it on the chip, so a
  // board back at its prompt never trips it.
  memset(&sched, 0, sizeof sched);
}

void port_sched_attach(rt_val_t keep) {
  sched.keep = keep;
}

static rt_val_t *slots(void) {
  rt_val_t *items;
  rt_obj_get_items(sched.keep, &items);
  return items;
}

void port_sched_pin(int pin, rt_val_t handler, rt_val_t arg) {
  if (handler == RT_NONE) handler = RT_NULL;
  rt_val_t *s = slots();
  s[PIN_SLOT(pin)] = handler ? handler : RT_NONE;
  s[PIN_SLOT(pin) + 1] = arg;
  if (handler)
    sched.armed |= 1u << pin;
  else
    sched.armed &= ~(1u << pin);
}

void port_sched_timer(int slot, rt_val_t callback, rt_val_t arg, uint32_t period_us, bool periodic) {
  rt_val_t *s = slots();
  s[TIMER_SLOT(slot)] = callback ? callback : RT_NONE;
  s[TIMER_SLOT(slot) + 1] = arg;
  sched.timers[slot].active = callback != RT_NULL;
  sched.timers[slot].periodic = periodic;
  sched.timers[slot].period_us = period_us ? period_us : 1;
  sched.timers[slot].due_us = board_ticks_us() + period_us;
}

void port_sched_wdt_start(uint32_t timeout_ms) {
  sched.wdt_on = true;
  sched.wdt_ms = timeout_ms;
  sched.wdt_fed_us = board_ticks_us();
}

void port_sched_wdt_feed(void) {
  sched.wdt_fed_us = board_ticks_us();
}

static rt_val_t call1(rt_val_t fn, rt_val_t arg) {
  return rt_obj_call1(fn, arg);
}

// Runs fn(arg); an exception is reported as MicroPython reports one from
// an interrupt handler, and the program goes on.
static void run(rt_val_t fn, rt_val_t arg) {
  rt_val_t out;
  if (!rt_nlr_try(call1, fn, arg, &out)) {
    static const char head[] = "Unhandled exception in callback\r\n";
    board_console_tx(head, sizeof head - 1);
    rt_exec_report(out, NULL);
  }
}

void port_sched_poll(void) {
  port_pwm_service();
  uint64_t now = board_ticks_us();
  if (sched.wdt_on && now - sched.wdt_fed_us > (uint64_t)sched.wdt_ms * 1000u) board_reset(BOARD_RESET_WDT);
  if (sched.keep == RT_NULL || sched.running || sched.disabled) return;
  sched.running = true;
  uint32_t fired = board_pin_irq_take() & sched.armed;
  for (int pin = 0; fired && pin < BOARD_PIN_COUNT; pin++)
    if (fired & (1u << pin)) run(slots()[PIN_SLOT(pin)], slots()[PIN_SLOT(pin) + 1]);
  for (int t = 0; t < PORT_SCHED_TIMERS; t++) {
    // A poll that comes late runs the periods it missed, as the chip's
    // timer interrupt would have queued them, up to TIMER_CATCH_UP; past
    // that the timer skips ahead rather than run a backlog.
    for (int k = 0; k < TIMER_CATCH_UP; k++) {
      if (!sched.timers[t].active || now < sched.timers[t].due_us) break;
      if (sched.timers[t].periodic)
        sched.timers[t].due_us += sched.timers[t].period_us;
      else
        sched.timers[t].active = false;
      run(slots()[TIMER_SLOT(t)], slots()[TIMER_SLOT(t) + 1]);
    }
    if (sched.timers[t].active && sched.timers[t].due_us < now)
      sched.timers[t].due_us = now + sched.timers[t].period_us;
  }
  sched.running = false;
}

uint32_t port_sched_disable(void) {
  return (uint32_t)sched.disabled++;
}

void port_sched_enable(uint32_t state) {
  sched.disabled = (int)state;
}
