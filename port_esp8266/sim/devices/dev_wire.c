// SPDX-License-Identifier: MIT
// dev_wire.c: a jumper wire is one net of two pins (see dev_wire.h).
#include "dev_wire.h"

int dev_wire_connect(sim_pins_t *pins, int a, int b) {
  if (a == b) return -1;
  return sim_pins_connect(pins, a, b);
}
