// SPDX-License-Identifier: MIT
// port_sched.h: Python callbacks the board runs "soon", at the
// interpreter's next poll point (hal_poll), as MicroPython's scheduler
// does: pin interrupt handlers, machine.Timer callbacks, and the
// watchdog's deadline.
//
// The callables live in a list in machine's namespace (so the collector
// keeps them); a soft reset forgets them all (port_sched_reset).
#ifndef PORT_SCHED_H
#define PORT_SCHED_H

#include "obj.h"

#include <stdbool.h>
#include <stdint.h>

// Soft reset: every handler and timer forgotten, pin interrupts disarmed,
// the watchdog stopped.
void port_sched_reset(void);

// Hands the scheduler its keep-alive list (made by machine's init).
void port_sched_attach(rt_val_t keep);

// Pin [pin]'s handler: handler(arg) runs after each armed edge; RT_NULL
// (or None) disarms.
void port_sched_pin(int pin, rt_val_t handler, rt_val_t arg);

// Timer slot [slot] (0..PORT_SCHED_TIMERS-1): callback(arg) after
// [period_us], again every period when [periodic]. RT_NULL stops it.
#define PORT_SCHED_TIMERS 4
void port_sched_timer(int slot, rt_val_t callback, rt_val_t arg, uint32_t period_us, bool periodic);

// The watchdog: resets the board (cause WDT) unless fed every [timeout_ms].
void port_sched_wdt_start(uint32_t timeout_ms);
void port_sched_wdt_feed(void);

// Runs what is due. Never raises: a callback's exception is printed.
void port_sched_poll(void);

// machine.disable_irq()/enable_irq(): while disabled nothing runs.
uint32_t port_sched_disable(void);
void port_sched_enable(uint32_t state);

#endif
