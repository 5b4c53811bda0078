// SPDX-License-Identifier: MIT
// dev_wire.h: a plain jumper wire between two GPIOs (loopback tests).
//
// The two pins become one net (sim_pins_connect): whatever drives one is
// seen on the other, pull-ups of either hold both, and two push-pull
// outputs at opposite levels count as a short circuit (the net reads 0).
// A wire cannot be cut again; make a fresh board instead.
#ifndef DEV_WIRE_H
#define DEV_WIRE_H

#include "sim_pins.h"

// Wires [a] to [b]. Returns 0, or -1 for a bad pin.
int dev_wire_connect(sim_pins_t *pins, int a, int b);

#endif
