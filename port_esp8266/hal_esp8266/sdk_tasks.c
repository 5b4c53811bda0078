// SPDX-License-Identifier: MIT
// sdk_tasks.c: the task queues the SDK's libraries post their work to
// (ets_task / ets_post), ours instead of the ROM's, so that the firmware
// decides when that work runs.
//
// Why: under the NONOS SDK nothing of WiFi or lwIP progresses unless
// control returns to the task loop (the ROM's ets_run). Our interpreter
// never returns: it runs inside the init-done callback for as long as the
// board is up. So the image defines ets_task, ets_post and ets_run itself
// (the SDK link drops the ROM's addresses for them, firmware-esp8266/
// CMakeLists.txt), and the board runs pending events at the VM's poll
// points: board_console_rx, which hal_poll, sleeps and console waits call,
// calls hal_sdk_yield (uart0.c). Interrupt handlers post too, so the
// queues are touched with interrupts masked.
//
// Invariants: pending has bit p set exactly when priority p's ring holds
// an event; an event is removed before its task runs, so a task may post
// to its own priority. hal_sdk_yield does nothing inside a task: a task
// that waited on the interpreter would otherwise run tasks nested in
// itself.
#include "board_hal.h"
#include "hal_esp8266.h"
#include "sdk_api.h"

#define PRIOS 32
// Events run per hal_sdk_yield: enough to drain a burst (a scan result,
// a few segments), few enough that the VM's poll stays short.
#define YIELD_EVENTS 16

static struct {
  ETSTask task;
  ETSEvent *ring;
  uint8_t len, head, count;
} prio[PRIOS];
static uint32_t pending;
static int running;

bool ets_task(ETSTask task, uint8_t p, ETSEvent *queue, uint8_t qlen) {
  if (p >= PRIOS || !task || !queue || !qlen) return false;
  uint32_t s = board_irq_disable();
  prio[p].task = task;
  prio[p].ring = queue;
  prio[p].len = qlen;
  prio[p].head = prio[p].count = 0;
  pending &= ~(1u << p);
  board_irq_restore(s);
  return true;
}

// May run in an interrupt handler: IRAM, and nothing but the ring.
HAL_IRAM bool ets_post(uint8_t p, uint32_t sig, uint32_t par) {
  if (p >= PRIOS) return true;
  uint32_t s = board_irq_disable();
  bool full = !prio[p].task || prio[p].count == prio[p].len;
  if (!full) {
    // No %: the division helper lives in flash, which an interrupt taken
    // during a flash operation cannot reach.
    unsigned i = (unsigned)prio[p].head + prio[p].count;
    if (i >= prio[p].len) i -= prio[p].len;
    ETSEvent *e = &prio[p].ring[i];
    e->sig = sig;
    e->par = par;
    prio[p].count++;
    pending |= 1u << p;
  }
  board_irq_restore(s);
  return full;
}

int hal_sdk_run_one(void) {
  uint32_t s = board_irq_disable();
  if (!pending) {
    board_irq_restore(s);
    return 0;
  }
  int p = 31 - __builtin_clz(pending); // the highest priority first
  ETSEvent e = prio[p].ring[prio[p].head];
  prio[p].head = (uint8_t)(prio[p].head + 1 == prio[p].len ? 0 : prio[p].head + 1);
  if (--prio[p].count == 0) pending &= ~(1u << p);
  ETSTask task = prio[p].task;
  board_irq_restore(s);
  running++;
  task(&e);
  running--;
  return 1;
}

void hal_sdk_yield(void) {
  if (running) return;
  system_soft_wdt_feed(); // the interpreter is the SDK's longest task
  for (int i = 0; i < YIELD_EVENTS && hal_sdk_run_one(); i++) {
  }
}

// The SDK's start-up ends here; the init-done callback (sdk_start.c) starts
// the interpreter from inside one of these events and never comes back.
void ets_run(void) {
  for (;;) {
    system_soft_wdt_feed();
    hal_sdk_run_one();
  }
}
