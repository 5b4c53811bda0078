// SPDX-License-Identifier: MIT
// sim_wiring.h: wiring maps (fixtures/wiring/NAME.json, format in
// fixtures/README.md) turned into virtual devices on the board's pins.
#ifndef SIM_WIRING_H
#define SIM_WIRING_H

#include <stddef.h>

// Loads each wiring map named in [list] ("NAME[,NAME...]"; a NAME with a
// '/' or ending in .json is a path, else fixtures/wiring/NAME.json) and
// attaches its devices to the board of sim_hw. Returns 0, or -1 with a
// message in [err]. Call after sim_hw_init.
int sim_wiring_load(const char *list, char *err, size_t err_size);

// The device-missing fault: detaches the devices of fixture [name], or
// every device of type [name] (e.g. "eeprom24c32"), as if unplugged. Wires
// cannot be cut. Returns how many devices went, or -1 when [name] matches
// none that can be.
int sim_wiring_detach(const char *name);

// The attached devices' state, one line each ("FIXTURE TYPE key=value
// ..."): the EEPROM's and thermometers' bus timing errors and the last one
// named, the LED chain's frames, decode errors and colours (wire order, in
// hex). What a test asks the control socket's `devices` command to see
// whether a model accepted or rejected a transaction. Returns the length.
size_t sim_wiring_report(char *out, size_t size);

// The fixtures attached, as "NAME,NAME" (empty when none).
void sim_wiring_names(char *out, size_t size);

#endif
