// SPDX-License-Identifier: MIT
// sim_capture.c: pin edges recorded with their real time, written as VCD.
#include "sim_capture.h"
#include "sim_hw.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  uint64_t ns; // since the capture started
  uint8_t pin, level;
} edge_t;

static struct {
  bool running;
  uint32_t pins;                // bit n: GPIOn is captured
  uint8_t start[SIM_PIN_COUNT]; // levels when the capture started
  uint64_t start_ns;
  edge_t *edges;
  size_t count, cap;
  uint64_t lost; // edges beyond SIM_CAPTURE_MAX_EDGES
} cap;

static void on_edge(void *ctx, int pin, int level, uint64_t cycle) {
  (void)ctx;
  if (!cap.running) return;
  if (cap.count == cap.cap) {
    size_t grow = cap.cap ? cap.cap * 2 : 4096;
    if (grow > SIM_CAPTURE_MAX_EDGES) grow = SIM_CAPTURE_MAX_EDGES;
    edge_t *more = grow > cap.cap ? realloc(cap.edges, grow * sizeof *more) : NULL;
    if (!more) {
      cap.lost++;
      return;
    }
    cap.edges = more;
    cap.cap = grow;
  }
  // now == cycle inside a listener, so the clock's real time is the edge's.
  (void)cycle;
  uint64_t ns = sim_clock_now_ns(sim_hw_clock()) - cap.start_ns;
  cap.edges[cap.count++] = (edge_t){.ns = ns, .pin = (uint8_t)pin, .level = (uint8_t)level};
}

int sim_capture_start(const char *list, char *err, size_t err_size) {
  uint32_t pins = 0;
  const char *p = list;
  while (p && *p) {
    char *end;
    long pin = strtol(p, &end, 10);
    if (end == p || pin < 0 || pin >= SIM_PIN_COUNT || (*end && *end != ',')) {
      snprintf(err, err_size, "capture start takes pins 0..16 as PIN[,PIN...]");
      return -1;
    }
    pins |= 1u << pin;
    p = *end ? end + 1 : end;
  }
  if (!pins) {
    snprintf(err, err_size, "capture start takes pins 0..16 as PIN[,PIN...]");
    return -1;
  }
  sim_pins_t *sp = sim_hw_pins();
  if (cap.running) sim_pins_unlisten(sp, &cap);
  sim_hw_sync(); // the capture starts now, not when time last moved
  cap.running = true;
  cap.pins = pins;
  cap.count = 0;
  cap.lost = 0;
  cap.start_ns = sim_clock_now_ns(sim_hw_clock());
  for (int pin = 0; pin < SIM_PIN_COUNT; pin++) {
    if (!(pins & (1u << pin))) continue;
    cap.start[pin] = (uint8_t)sim_pins_read(sp, pin);
    if (sim_pins_listen(sp, pin, on_edge, &cap) < 0) {
      sim_pins_unlisten(sp, &cap);
      cap.running = false;
      snprintf(err, err_size, "capture: too many listeners on GPIO%d", pin);
      return -1;
    }
  }
  return 0;
}

// VCD identifiers: one printable character per pin, from '!'.
static char ident(int pin) {
  return (char)('!' + pin);
}

long sim_capture_stop(const char *path, char *err, size_t err_size) {
  if (!cap.running) {
    snprintf(err, err_size, "no capture running (capture start PIN[,PIN...] first)");
    return -1;
  }
  sim_hw_sync();
  uint64_t end_ns = sim_clock_now_ns(sim_hw_clock()) - cap.start_ns;
  sim_pins_unlisten(sim_hw_pins(), &cap);
  cap.running = false;
  FILE *f = fopen(path, "w");
  if (!f) {
    snprintf(err, err_size, "cannot write %s: %s", path, strerror(errno));
    return -1;
  }
  fprintf(f,
          "$version vboard (Pyrite virtual ESP8266) $end\n$timescale 1 ns $end\n$scope module vboard $end\n");
  for (int pin = 0; pin < SIM_PIN_COUNT; pin++)
    if (cap.pins & (1u << pin)) fprintf(f, "$var wire 1 %c gpio%d $end\n", ident(pin), pin);
  fprintf(f, "$upscope $end\n$enddefinitions $end\n#0\n$dumpvars\n");
  for (int pin = 0; pin < SIM_PIN_COUNT; pin++)
    if (cap.pins & (1u << pin)) fprintf(f, "%d%c\n", cap.start[pin], ident(pin));
  fprintf(f, "$end\n");
  uint64_t last = 0;
  for (size_t i = 0; i < cap.count; i++) {
    const edge_t *e = &cap.edges[i];
    if (e->ns != last || i == 0) {
      if (e->ns != 0 || i != 0) fprintf(f, "#%llu\n", (unsigned long long)e->ns);
      last = e->ns;
    }
    fprintf(f, "%d%c\n", e->level, ident(e->pin));
  }
  if (end_ns > last) fprintf(f, "#%llu\n", (unsigned long long)end_ns);
  bool bad = ferror(f) != 0;
  if (fclose(f) != 0) bad = true;
  if (bad) {
    snprintf(err, err_size, "cannot write %s", path);
    return -1;
  }
  if (cap.lost) {
    snprintf(err, err_size, "%llu edges beyond %d were lost", (unsigned long long)cap.lost,
             SIM_CAPTURE_MAX_EDGES);
    return -1;
  }
  return (long)cap.count;
}
