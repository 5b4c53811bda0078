// SPDX-License-Identifier: MIT
// port_modules.h: the board layer's Python modules, registered with the
// runtime once at boot (port_modules_register) and reset with each soft
// reset (port_modules_reset).
#ifndef PORT_MODULES_H
#define PORT_MODULES_H

// Registers machine, esp, onewire, ds18x20 and neopixel with the runtime.
void port_modules_register(void);

// Before each rt_init: forgets callbacks, disarms pin interrupts.
void port_modules_reset(void);

// Each module's namespace filler.
void port_esp_init(void *ns);
void port_onewire_init(void *ns);
void port_ds18x20_init(void *ns);
void port_neopixel_init(void *ns);
void port_diag_init(void *ns); // prints the diagnostics at import

#endif
